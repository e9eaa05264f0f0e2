/** Cases: applications filed against published items, and their lifecycle under working-day law. */
export { casesMigrations } from './migrations.ts';
export type { CasesTables } from './tables.ts';
export { casesRoutes } from './routes.ts';
export { caseResultsRoutes, findCaseInScope } from './routes.results.ts';
export { casePaperworkRoutes } from './routes.paperwork.ts';
export { renderDecisionPdf, decisionDocumentNumber } from './decision-pdf.ts';
export { submitCase } from './submit.ts';
export { SubmitBody, CaseDetail } from './schema.ts';
export { canReadFileThroughCase, caseStats, actOnCase, actOnCaseInTrx, getCase, deemAcceptOverdue, grantedClosedCase, type CaseStats } from './service.ts';
export { COUNT_CAP } from './queue.ts';
export { deliverTogetherInTrx, fileCaseInTrx, memberCases, UNDECIDED, type TogetherDelivery, type FiledMember, type MemberCase, type MemberInput } from './member.ts';
export { catchUpCaseSequence, ensureCaseSequence, isTakenCaseNumber } from './submit.ts';
export type { CaseBundle } from './tables.ts';
export { slaLight } from './rules.ts';
export { countOverdueVerifications, listVerifications, type VerificationTask } from './verifications.ts';
export { VerificationTask as VerificationTaskSchema } from './schema.ts';
export { OPEN_STATES, STATE_LABELS } from './state.ts';
export { caseLicenseMaterials, countLicenseReuse, type MaterialLicensePort, type HeldLicense, type LicenseRefusal, type LicenseMaterialRow } from './material-licenses.ts';
