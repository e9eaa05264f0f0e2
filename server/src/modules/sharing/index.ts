/** Sharing: the base registers and the data-sharing exchange (数据共享交换) between departments. */
export { sharingMigrations } from './migrations.ts';
export type { RegistersTables, ResourceTables, ResourceField, ShareMode, UpdateCycle } from './tables.ts';
export { insertResource, resourceFields, type ResourceInput } from './resources.ts';
export {
  REGISTER_FIELDS,
  maskValue,
  personRecord,
  householdMembers,
  entityRecord,
  creditRecordsOf,
  insertRegisterRows,
  type RegisterName,
  type RegisterField,
  type Sensitivity,
  type MaskKind,
  type PersonRecord,
  type EntityRecord,
  type CreditRecord,
  type Provenance,
  type RegisterRow,
} from './registers.ts';
export { materialCore, sourceOfMaterial, publishedSources, obtainableIndex, fetchedForApplicant, type MaterialSource, type SharedSource, type ObtainableIndex } from './obtainable.ts';
export { registerPrefill, REGISTER_PREFILL_KEYS, type RegisterPrefillKey, isRegisterPrefillKey, MARITAL_STATUS_LABELS, SEX_LABELS, type RegisterSource, type RegisterValues } from './prefill.ts';
export { RegisterSourceSchema, RegisterValuesSchema, SharedMaterialSchema, RegisterCheckSchema } from './schema.use.ts';
export { sharingUseRoutes, type CaseForCheck } from './routes.use.ts';
export { registerRoutes } from './routes.registers.ts';
export { registerRegisterHandlers } from './handlers.registers.ts';
export { seedRegisterChecks } from './seed.registers.ts';
export { registerQuality, refreshQuality, refreshAllQuality, type ResourceQuality } from './quality.ts';
export { REGISTER_LOAD_QUEUED, processLoad, type LoadDeps } from './load.ts';
export { sharingExchangeRoutes } from './routes.exchange.ts';
export { createExchange, type Exchange } from './exchange.ts';
export { escalateOverdueRequests, SHARING_LIMITS_WORKING_DAYS } from './requests.ts';
