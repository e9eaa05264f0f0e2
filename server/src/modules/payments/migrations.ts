import { sql, type Kysely, type Migration } from 'kysely';

export const paymentsMigrations: Record<string, Migration> = {
  '202611221600_payments_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('payment_order')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id'))
        .addColumn('applicant_id', 'uuid', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
        .addColumn('items', 'jsonb', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending','paid','failed','refunded')`))
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('provider_ref', 'text', (c) => c.notNull())
        .addColumn('pay_url', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('paid_at', 'timestamptz')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('payment_order_provider_ref_uq', ['provider', 'provider_ref'])
        .addCheckConstraint('payment_order_paid_at_ck', sql`status not in ('paid','refunded') or paid_at is not null`)
        .execute();
      // One open order per case: a second "pay" returns the pending one instead of charging twice.
      await sql`create unique index payment_order_pending_uq on payment_order (case_id) where status = 'pending'`.execute(db);
      await db.schema.createIndex('payment_order_case_idx').on('payment_order').columns(['case_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('payment_order').execute();
    },
  },
};
