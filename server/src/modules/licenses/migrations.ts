import { sql, type Kysely, type Migration } from 'kysely';

export const licensesMigrations: Record<string, Migration> = {
  '202611231110_licenses_core': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('license_type')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
        .addColumn('holder_kind', 'text', (c) => c.notNull().check(sql`holder_kind in ('person', 'entity')`))
        .addColumn('face_fields', 'jsonb', (c) => c.notNull())
        .addColumn('validity', 'jsonb', (c) => c.notNull())
        .addColumn('impl_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('number_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create index license_type_impl_codes_idx on license_type using gin (impl_codes)`.execute(db);

      await db.schema
        .createTable('seal')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('org_id', 'uuid', (c) => c.notNull().references('org.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'retired')`))
        .addColumn('valid_from', 'date', (c) => c.notNull())
        .addColumn('valid_until', 'date', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create index seal_org_idx on seal (org_id) where status = 'active'`.execute(db);
      await db.schema
        .createTable('seal_key')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('seal_id', 'uuid', (c) => c.notNull().references('seal.id'))
        .addColumn('public_key_hex', 'text', (c) => c.notNull())
        .addColumn('private_sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('retired_at', 'timestamptz')
        .execute();
      await sql`create unique index seal_key_current_idx on seal_key (seal_id) where retired_at is null`.execute(db);

      await db.schema
        .createTable('license_serial')
        .addColumn('type_code', 'text', (c) => c.notNull())
        .addColumn('issuer_code', 'text', (c) => c.notNull())
        .addColumn('last', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('license_serial_pk', ['type_code', 'issuer_code'])
        .execute();

      await db.schema
        .createTable('license')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.notNull().unique())
        .addColumn('identifier', 'text', (c) => c.notNull().unique())
        .addColumn('type_code', 'text', (c) => c.notNull().references('license_type.code'))
        .addColumn('type_name', 'text', (c) => c.notNull())
        .addColumn('serial', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('holder_kind', 'text', (c) => c.notNull())
        .addColumn('holder_name', 'text', (c) => c.notNull())
        .addColumn('holder_code', 'text', (c) => c.notNull())
        .addColumn('holder_code_type', 'text', (c) => c.notNull())
        .addColumn('holder_account_id', 'uuid', (c) => c.references('account.id'))
        .addColumn('issuer_org_id', 'uuid', (c) => c.notNull().references('org.id'))
        .addColumn('issuer_name', 'text', (c) => c.notNull())
        .addColumn('issuer_code', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('impl_code', 'text')
        .addColumn('case_id', 'uuid')
        .addColumn('face', 'jsonb', (c) => c.notNull())
        .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
        .addColumn('valid_from', 'date', (c) => c.notNull())
        .addColumn('valid_until', 'date')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('valid').check(sql`status in ('valid', 'suspended', 'revoked', 'superseded')`))
        .addColumn('signed_data', 'text', (c) => c.notNull())
        .addColumn('signature', 'bytea', (c) => c.notNull())
        .addColumn('seal_key_id', 'uuid', (c) => c.notNull().references('seal_key.id'))
        .addColumn('previous_id', 'uuid', (c) => c.references('license.id'))
        .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('case', 'legacy')`))
        .addColumn('annotations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      // Exactly one license per closed case, however often the issuing job runs.
      await sql`create unique index license_case_idx on license (case_id) where case_id is not null and previous_id is null`.execute(db);
      await sql`create unique index license_serial_version_idx on license (type_code, issuer_code, serial, version)`.execute(db);
      await sql`create index license_holder_idx on license (holder_code, type_code)`.execute(db);
      await sql`create index license_holder_account_idx on license (holder_account_id) where holder_account_id is not null`.execute(db);

      await db.schema
        .createTable('license_event')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('license_id', 'uuid', (c) => c.notNull().references('license.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('actor_id', 'uuid')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('license_event_license_idx').on('license_event').columns(['license_id', 'at']).execute();

      await db.schema
        .createTable('license_verification')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('license_id', 'uuid')
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('valid', 'boolean', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('license_verification_license_idx').on('license_verification').columns(['license_id', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['license_verification', 'license_event', 'license', 'license_serial', 'seal_key', 'seal', 'license_type']) await db.schema.dropTable(t).execute();
    },
  },
  // Legacy license import (存量证照导入): one row per uploaded file, one staged row per line of it. Accepted rows
  // wait as 'pending' until a sealing batch turns them into licenses ('sealed', with the license's id) in the same
  // transaction, so a crash never leaves a row sealed twice or half-sealed.
  '202611231210_licenses_import': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('license_import')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('type_code', 'text', (c) => c.notNull().references('license_type.code'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('columns', 'jsonb', (c) => c.notNull())
        .addColumn('created_by', 'uuid', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('accepted', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('sealed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('sealing', 'done')`))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('finished_at', 'timestamptz')
        .execute();
      await sql`create index license_import_sealing_idx on license_import (created_at) where state = 'sealing'`.execute(db);
      await db.schema
        .createTable('license_import_row')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('import_id', 'uuid', (c) => c.notNull().references('license_import.id'))
        .addColumn('row_no', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sealed', 'rejected')`))
        .addColumn('type_code', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('license_id', 'uuid', (c) => c.references('license.id'))
        .execute();
      await sql`create unique index license_import_row_no_idx on license_import_row (import_id, row_no)`.execute(db);
      await sql`create index license_import_row_pending_idx on license_import_row (import_id, id) where status = 'pending'`.execute(db);
      // One legacy license per (type, printed number), across imports: a file imported twice adds nothing.
      await sql`create unique index license_import_row_number_idx on license_import_row (type_code, number) where status <> 'rejected'`.execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('license_import_row').execute();
      await db.schema.dropTable('license_import').execute();
    },
  },
  /**
   * Verification cache invalidation (verification-cache.ts): every change of a license row NOTIFYs
   * `tongban_licenses` with its reference, every change of a seal key NOTIFYs `*`, at commit — whatever code (or
   * hand-written SQL) makes it.
   */
  '202611231200_licenses_verify_notify': {
    async up(db: Kysely<any>) {
      await sql`create function tongban_license_changed() returns trigger language plpgsql as $$
        begin
          if tg_table_name = 'license' then
            perform pg_notify('tongban_licenses', 'r:' || old.ref);
            if tg_op = 'UPDATE' and new.ref is distinct from old.ref then perform pg_notify('tongban_licenses', 'r:' || new.ref); end if;
          else
            perform pg_notify('tongban_licenses', '*');
          end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger license_verify_changed after update or delete on license for each row execute function tongban_license_changed()`.execute(db);
      await sql`create trigger seal_key_verify_changed after update or delete on seal_key for each row execute function tongban_license_changed()`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop trigger seal_key_verify_changed on seal_key`.execute(db);
      await sql`drop trigger license_verify_changed on license`.execute(db);
      await sql`drop function tongban_license_changed()`.execute(db);
    },
  },
  /** 证照模板: how each type is rendered (title, accent colour, footer line). */
  '202611231230_licenses_type_template': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('license_type').addColumn('template', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('license_type').dropColumn('template').execute();
    },
  },
};
