import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import { platformMigrations } from './platform-migrations.ts';
import { identityMigrations } from '../../modules/identity/index.ts';
import { catalogMigrations } from '../../modules/catalog/index.ts';
import { casesMigrations } from '../../modules/cases/index.ts';
import { notifyMigrations } from '../../modules/notify/index.ts';
import { paymentsMigrations } from '../../modules/payments/index.ts';
import { bundlesMigrations } from '../../modules/bundles/index.ts';
import { hotlineMigrations } from '../../modules/hotline/index.ts';
import { licensesMigrations } from '../../modules/licenses/index.ts';
import { sharingMigrations } from '../../modules/sharing/index.ts';

/**
 * Every module keeps its own migrations; they are merged here and applied in name order. Names begin with a
 * timestamp (YYYYMMDDHHmm) so migrations of different modules interleave by when they were written.
 */
export function allMigrations(): Record<string, Migration> {
  const sets = [platformMigrations, identityMigrations, catalogMigrations, casesMigrations, notifyMigrations, paymentsMigrations, bundlesMigrations, hotlineMigrations, licensesMigrations, sharingMigrations];
  const merged: Record<string, Migration> = {};
  for (const set of sets) {
    for (const [name, m] of Object.entries(set)) {
      if (!/^\d{12}_[a-z0-9_]+$/.test(name)) throw new Error(`Migration name "${name}" must look like YYYYMMDDHHmm_module_what`);
      if (merged[name]) throw new Error(`Duplicate migration name ${name}`);
      merged[name] = m;
    }
  }
  return merged;
}

const provider: MigrationProvider = { getMigrations: async () => allMigrations() };

export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const infos = await migrator(db).getMigrations();
  return infos.filter((m) => !m.executedAt).map((m) => m.name);
}
