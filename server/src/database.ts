/** The whole schema as one type, composed from each module's own table declarations. */
import type { PlatformTables } from './platform/db/platform-migrations.ts';
import type { IdentityTables } from './modules/identity/tables.ts';
import type { CatalogTables } from './modules/catalog/tables.ts';
import type { CasesTables } from './modules/cases/tables.ts';
import type { NotifyTables } from './modules/notify/tables.ts';
import type { PaymentsTables } from './modules/payments/tables.ts';
import type { BundlesTables } from './modules/bundles/tables.ts';
import type { HotlineTables } from './modules/hotline/tables.ts';
import type { LicensesTables } from './modules/licenses/tables.ts';
import type { RegistersTables, ResourceTables } from './modules/sharing/tables.ts';
import type { RegisterLoadTables } from './modules/sharing/tables.registers.ts';
import type { ExchangeTables } from './modules/sharing/tables.exchange.ts';

export type Database = PlatformTables & IdentityTables & CatalogTables & CasesTables & NotifyTables & PaymentsTables & BundlesTables & HotlineTables & LicensesTables & RegistersTables & ResourceTables & RegisterLoadTables & ExchangeTables;
