/** Licenses: electronic licenses and seals — issued on closing, sealed with SM2, verifiable by anyone, reused. */
export { licensesMigrations } from './migrations.ts';
export type { LicensesTables, FaceField, ValidityRule, HolderKind, HolderCodeType, LicenseStatus } from './tables.ts';
export { licensesRoutes } from './routes.ts';
export { registerLicenseHandlers } from './handlers.ts';
export { issueFromCase, holderLicenses, myLicenses, logVerification, type LicenseSummary } from './service.ts';
export { verifyLicense, type Verification } from './verify.ts';
export { issueLicenseInTrx, reserveSerialsInTrx, serialText, holderCodeType, validUntilOf, type LicenseDeps, type IssueInput, type LicenseTypeRow } from './issue.ts';
export { createSealInTrx, signerForOrgInTrx, rotateSealKey } from './seals.ts';
export { saveLicenseType, insertLicenseTypeInTrx, checkLicenseType, type LicenseTypeInput } from './types.ts';
export { signedDataOf, contentOfRow, maskHolderName, maskHolderCode } from './content.ts';
