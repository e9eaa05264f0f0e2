import { sql, type Kysely, type Migration } from 'kysely';

export const catalogMigrations: Record<string, Migration> = {
  '202611220020_catalog_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('service_item')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('impl_code', 'text', (c) => c.notNull().unique())
        .addColumn('base_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('agency_name', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','retired')`))
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create index service_item_published_idx on service_item (region_code, name) where status = 'published'`.execute(db);
      await sql`create index service_item_search_trgm on service_item using gin (search_text gin_trgm_ops)`.execute(db);
      await db.schema.createIndex('service_item_org_idx').on('service_item').column('org_id').execute();

      await db.schema
        .createTable('service_item_version')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('item_id', 'uuid', (c) => c.notNull().references('service_item.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','superseded')`))
        .addColumn('created_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('published_by', 'uuid')
        .addColumn('published_at', 'timestamptz')
        .addUniqueConstraint('service_item_version_uq', ['item_id', 'version'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('service_item_version').execute();
      await db.schema.dropTable('service_item').execute();
    },
  },
};
