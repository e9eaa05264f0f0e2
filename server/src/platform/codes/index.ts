/** National code rules: one module per standard. The only way into `platform/codes`. */

export {
  validateResidentId,
  isValidResidentId,
  residentIdCheckChar,
  normalizeResidentId,
  maskResidentId,
  makeResidentId,
  isCalendarDate,
  type ResidentIdResult,
  type ResidentIdFailure,
  type Sex,
} from './resident-id.ts';

export {
  validateCreditCode,
  isValidCreditCode,
  creditCodeCheckChar,
  orgCodeCheckChar,
  makeCreditCode,
  CREDIT_CODE_CHARSET,
  REGISTRATION_AUTHORITIES,
  type CreditCodeResult,
  type CreditCodeFailure,
} from './credit-code.ts';

export {
  normalizeRegionCode,
  isRegionCode,
  regionLevel,
  regionParts,
  provinceOf,
  cityOf,
  countyOf,
  parentRegion,
  isWithin,
  regionLikePrefix,
  PROVINCE_PREFIXES,
  TAIZHOU_REGIONS,
  JIANGSU_CODE,
  TAIZHOU_CODE,
  type RegionLevel,
  type RegionParts,
  type KnownRegion,
} from './region.ts';

export {
  ItemKind,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  isItemKind,
  ExerciseLevel,
  EXERCISE_LEVEL_LABELS,
  isExerciseLevel,
  validateBaseCode,
  makeBaseCode,
  validateImplCode,
  makeImplCode,
  type BaseCodeParts,
  type BaseCodeResult,
  type BaseCodeFailure,
  type ImplCodeResult,
  type ImplCodeFailure,
} from './item-code.ts';

export {
  LICENSE_ID_ROOT,
  mod37_36Check,
  isValidMod37_36,
  isValidLicenseTypeCode,
  formatLicenseIdentifier,
  parseLicenseIdentifier,
  isValidLicenseIdentifier,
  type LicenseIdentifierParts,
} from './license-id.ts';

export { RESIDENT_ID_REASON, CREDIT_CODE_REASON } from './reasons.ts';
