import { sql, type Kysely, type Migration } from 'kysely';

export const notifyMigrations: Record<string, Migration> = {
  '202611221400_notify_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('notification')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
        .addColumn('event_id', 'uuid', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('case_id', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('read_at', 'timestamptz')
        // At-least-once delivery: the same event handled twice still gives the account one notification.
        .addUniqueConstraint('notification_event_account_uq', ['event_id', 'account_id'])
        .execute();
      await db.schema.createIndex('notification_account_idx').on('notification').columns(['account_id', 'created_at']).execute();
      await sql`create index notification_unread_idx on notification (account_id) where read_at is null`.execute(db);

      await db.schema
        .createTable('message_outbox')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('event_id', 'uuid', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms','email')`))
        .addColumn('account_id', 'uuid')
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent','failed')`))
        .addColumn('error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        // One message per event and channel: a retried handler never texts or mails the applicant twice.
        .addUniqueConstraint('message_outbox_event_channel_uq', ['event_id', 'channel'])
        .execute();
      await db.schema.createIndex('message_outbox_created_idx').on('message_outbox').columns(['created_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['message_outbox', 'notification']) await db.schema.dropTable(t).execute();
    },
  },
};
