/** Licenses: electronic licenses and seals — issued on closing, sealed with SM2, verifiable by anyone, reused. */
export { licensesMigrations } from './migrations.ts';
export type { LicensesTables, FaceField, LicenseTemplate, ValidityRule, HolderKind, HolderCodeType, LicenseStatus } from './tables.ts';
export { licensesRoutes } from './routes.ts';
export { registerLicenseHandlers } from './handlers.ts';
export { issueFromCase, holderLicenses, myLicenses, type LicenseSummary } from './service.ts';
export { verifyLicense, type Verification } from './verify.ts';
export { issueLicenseInTrx, reserveSerialsInTrx, serialText, holderCodeType, validUntilOf, type LicenseDeps, type IssueInput, type LicenseTypeRow } from './issue.ts';
export { createSealInTrx, signerForOrgInTrx, rotateSealKey } from './seals.ts';
export { saveLicenseType, insertLicenseTypeInTrx, checkLicenseType, type LicenseTypeInput } from './types.ts';
export { signedDataOf, contentOfRow, maskHolderCode } from './content.ts';
export { licenseMeasures, type LicenseMeasure } from './measures.ts';
export { materialLicensePort, heldLicenseForMaterial, heldLicensesOfTypes, caseLicenses, type CaseLicense } from './reuse.ts';
/** Measures: materials no longer asked for because an electronic license stood for them (kept by cases). */
export { countLicenseReuse } from '../cases/index.ts';
export { stageImport, sealNextBatch, sealImport, resumeImports, IMPORT_STAGED, type ImportCounts } from './legacy.ts';
export { readLegacyFile } from './legacy-file.ts';
