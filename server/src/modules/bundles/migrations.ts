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
  /** One submission of a bundle (bundle-cases.ts): the pinned bundle version, the answers, the merged values. */
  '202611222010_bundles_cases': {
    async up(db: Kysely<any>) {
      await sql`create sequence bundle_case_no`.execute(db);
      await db.schema
        .createTable('bundle_case')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('bundle_id', 'uuid', (c) => c.notNull().references('bundle.id'))
        .addColumn('bundle_version_id', 'uuid', (c) => c.notNull().references('bundle_version.id'))
        .addColumn('bundle_code', 'text', (c) => c.notNull())
        .addColumn('bundle_name', 'text', (c) => c.notNull())
        .addColumn('lead_org_id', 'uuid', (c) => c.notNull())
        .addColumn('lead_org_name', 'text', (c) => c.notNull())
        .addColumn('applicant_id', 'uuid', (c) => c.notNull())
        .addColumn('answers', 'jsonb', (c) => c.notNull())
        .addColumn('leave_out', 'jsonb', (c) => c.notNull())
        .addColumn('form', 'jsonb', (c) => c.notNull())
        .addColumn('materials', 'jsonb', (c) => c.notNull())
        .addColumn('delivery', 'jsonb', (c) => c.notNull())
        .addColumn('together', 'boolean', (c) => c.notNull())
        .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bundle_case_applicant_idx').on('bundle_case').columns(['applicant_id', 'submitted_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('bundle_case').execute();
      await sql`drop sequence bundle_case_no`.execute(db);
    },
  },
};
