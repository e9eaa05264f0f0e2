import { sql, type Kysely, type Migration } from 'kysely';

export const hotlineMigrations: Record<string, Migration> = {
  '202611221800_hotline_referral': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('hotline_referral')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('bundle_code', 'text', (c) => c.notNull())
        .addColumn('bundle_version', 'integer', (c) => c.notNull())
        .addColumn('operator_id', 'uuid', (c) => c.notNull().references('account.id'))
        .addColumn('operator_name', 'text', (c) => c.notNull())
        .addColumn('caller_name', 'text', (c) => c.notNull())
        .addColumn('caller_phone', 'text', (c) => c.notNull())
        .addColumn('answers', 'jsonb', (c) => c.notNull())
        .addColumn('plan_summary', 'jsonb', (c) => c.notNull())
        .addColumn('sms_body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('hotline_referral_operator_idx').on('hotline_referral').columns(['operator_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('hotline_referral').execute();
    },
  },
};
