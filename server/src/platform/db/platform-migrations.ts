import { sql, type Kysely, type Migration } from 'kysely';

/** Tables of the cross-cutting mechanisms (audit, files, idempotency, outbox). */
export const platformMigrations: Record<string, Migration> = {
  '202611220000_platform_init': {
    async up(db: Kysely<any>) {
      await sql`create extension if not exists pg_trgm`.execute(db);

      await db.schema
        .createTable('audit_event')
        .addColumn('seq', 'bigserial', (c) => c.primaryKey())
        .addColumn('id', 'uuid', (c) => c.notNull().unique())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('actor_id', 'uuid')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'jsonb')
        .addColumn('after', 'jsonb')
        .addColumn('ip', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_event_entity_idx').on('audit_event').columns(['entity_type', 'entity_id']).execute();

      await db.schema
        .createTable('file_object')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'uuid', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('file_object_owner_idx').on('file_object').columns(['owner_id', 'created_at']).execute();

      await db.schema
        .createTable('idempotency_record')
        .addColumn('owner_id', 'uuid', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('result_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('idempotency_record_pk', ['owner_id', 'scope', 'key'])
        .execute();

      await db.schema
        .createTable('outbox_event')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('payload', 'jsonb', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('delivered_at', 'timestamptz')
        .execute();
      await sql`create index outbox_event_pending_idx on outbox_event (created_at) where delivered_at is null`.execute(db);
    },
    async down(db: Kysely<any>) {
      for (const t of ['outbox_event', 'idempotency_record', 'file_object', 'audit_event']) await db.schema.dropTable(t).execute();
    },
  },
};

platformMigrations['202611221300_platform_work_calendar'] = {
  async up(db: Kysely<any>) {
    // The State Council's holiday schedule per year (节假日安排). Loaded from the built-in data at start,
    // editable by administrators; see platform/calendar/store.ts.
    await db.schema
      .createTable('work_calendar')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('holidays', 'jsonb', (c) => c.notNull())
      .addColumn('workdays', 'jsonb', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('builtin', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('updated_by', 'uuid')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('work_calendar').execute();
  },
};

platformMigrations['202611221700_platform_audit_async_chain'] = {
  async up(db: Kysely<any>) {
    // Events are chained shortly after commit by one chainer (see platform/audit/audit.ts), not under a lock
    // held by every writing transaction.
    await sql`alter table audit_event alter column prev_hash drop not null, alter column hash drop not null, add column chain_seq bigint unique`.execute(db);
    await sql`update audit_event set chain_seq = seq where hash is not null`.execute(db);
    await sql`create index audit_event_unchained_idx on audit_event (seq) where chain_seq is null`.execute(db);
  },
  async down(db: Kysely<any>) {
    await sql`drop index audit_event_unchained_idx`.execute(db);
    await sql`alter table audit_event drop column chain_seq`.execute(db);
  },
};

platformMigrations['202611231100_platform_signing_key'] = {
  async up(db: Kysely<any>) {
    // JWS signing keys for offline checks (license QR payloads, later OIDC). The private JWK is sealed under the
    // master key (platform/crypto/vault.ts); retired keys stay so old tokens still verify. See platform/crypto/jws.ts.
    await db.schema
      .createTable('signing_key')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('alg', 'text', (c) => c.notNull().defaultTo('ES256'))
      .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
      .addColumn('private_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('retired_at', 'timestamptz')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('signing_key').execute();
  },
};

platformMigrations['202611240020_platform_audit_chain_seq_partial'] = {
  async up(db: Kysely<any>) {
    // Only chained events have a chain position: every new event (each submission's, each action's) skipped an
    // index entry for its NULL position. The chainer's and verifier's queries ask for chained events only.
    await sql`alter table audit_event drop constraint audit_event_chain_seq_key`.execute(db);
    await sql`create unique index audit_event_chain_seq_key on audit_event (chain_seq) where chain_seq is not null`.execute(db);
  },
  async down(db: Kysely<any>) {
    await sql`drop index audit_event_chain_seq_key`.execute(db);
    await sql`alter table audit_event add constraint audit_event_chain_seq_key unique (chain_seq)`.execute(db);
  },
};

export type PlatformTables = {
  work_calendar: {
    year: number;
    source: string;
    holidays: import('kysely').ColumnType<Array<{ name: string; from: string; to: string; source?: string }>, string, string>;
    workdays: import('kysely').ColumnType<string[], string, string>;
    notes: string | null;
    builtin: boolean;
    updated_by: string | null;
    updated_at: import('kysely').Generated<Date>;
  };
  audit_event: {
    seq: import('kysely').Generated<number>;
    id: string;
    at: import('kysely').Generated<Date>;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    before: unknown | null;
    after: unknown | null;
    ip: string | null;
    prev_hash: string | null;
    hash: string | null;
    chain_seq: number | null;
  };
  file_object: {
    id: string;
    sha256: string;
    size: number;
    mime: string;
    name: string;
    owner_id: string;
    created_at: import('kysely').Generated<Date>;
  };
  idempotency_record: {
    owner_id: string;
    key: string;
    scope: string;
    request_hash: string;
    result_id: string;
    created_at: import('kysely').Generated<Date>;
  };
  signing_key: {
    kid: string;
    alg: import('kysely').Generated<string>;
    public_jwk: import('kysely').ColumnType<Record<string, unknown>, string, never>;
    private_sealed: string;
    created_at: import('kysely').Generated<Date>;
    retired_at: Date | null;
  };
  outbox_event: {
    id: string;
    topic: string;
    payload: unknown;
    created_at: import('kysely').Generated<Date>;
    delivered_at: Date | null;
  };
};
