import { sql, type Kysely, type Migration } from 'kysely';

export const bundlesMigrations: Record<string, Migration> = {
  '202611221400_bundles_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('bundle')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('lead_org_id', 'uuid', (c) => c.notNull())
        .addColumn('lead_org_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','retired')`))
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('bundle_version')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('bundle_id', 'uuid', (c) => c.notNull().references('bundle.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','submitted','approved','published','superseded','retired')`))
        .addColumn('note', 'text')
        .addColumn('created_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('published_by', 'uuid')
        .addColumn('published_at', 'timestamptz')
        .addUniqueConstraint('bundle_version_uq', ['bundle_id', 'version'])
        .execute();
      await db.schema
        .createTable('bundle_review_event')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('bundle_id', 'uuid', (c) => c.notNull().references('bundle.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('actor_id', 'uuid')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('bundle_review_event_bundle_idx').on('bundle_review_event').columns(['bundle_id', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('bundle_review_event').execute();
      await db.schema.dropTable('bundle_version').execute();
      await db.schema.dropTable('bundle').execute();
    },
  },
};
