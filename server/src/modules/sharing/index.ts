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
export { sharingExchangeRoutes } from './routes.exchange.ts';
export { createExchange, type Exchange } from './exchange.ts';
export { escalateOverdueRequests, SHARING_LIMITS_WORKING_DAYS } from './requests.ts';
