import { sql, type Kysely, type Migration } from 'kysely';

export const identityMigrations: Record<string, Migration> = {
  '202611220010_identity_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('region')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text', (c) => c.references('region.code'))
        .execute();

      await db.schema
        .createTable('org')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
        .addColumn('credit_code', 'text', (c) => c.notNull().unique())
        .addColumn('dept_code', 'text')
        .addColumn('parent_id', 'uuid', (c) => c.references('org.id'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('org_region_idx').on('org').column('region_code').execute();

      await db.schema
        .createTable('account')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type in ('person','entity','staff')`))
        .addColumn('org_id', 'uuid', (c) => c.references('org.id'))
        .addColumn('region_code', 'text', (c) => c.references('region.code'))
        .addColumn('person_name', 'text')
        .addColumn('resident_id', 'text')
        .addColumn('phone', 'text')
        .addColumn('address', 'text')
        .addColumn('entity_name', 'text')
        .addColumn('credit_code', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create unique index account_resident_id_uq on account (resident_id) where subject_type = 'person'`.execute(db);

      await db.schema
        .createTable('account_role')
        .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('account_role_pk', ['account_id', 'role'])
        .execute();

      await db.schema
        .createTable('session')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('session_account_idx').on('session').column('account_id').execute();

      await db.schema
        .createTable('login_failure')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('login_failure_username_idx').on('login_failure').columns(['username', 'at']).execute();
      await db.schema.createIndex('login_failure_ip_idx').on('login_failure').columns(['ip', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['login_failure', 'session', 'account_role', 'account', 'org', 'region']) await db.schema.dropTable(t).execute();
    },
  },
  /**
   * Session cache invalidation (session-cache.ts, ADR 0006): every change that can end or alter a session
   * NOTIFYs `tongban_auth` at commit — whatever code (or hand-written SQL) makes it.
   */
  '202611231000_identity_auth_notify': {
    async up(db: Kysely<any>) {
      await sql`create function tongban_auth_changed() returns trigger language plpgsql as $$
        begin
          if tg_table_name = 'session' then
            perform pg_notify('tongban_auth', 's:' || old.id::text);
          elsif tg_table_name = 'account_role' then
            perform pg_notify('tongban_auth', 'a:' || (case when tg_op = 'DELETE' then old.account_id else new.account_id end)::text);
            if tg_op = 'UPDATE' then perform pg_notify('tongban_auth', 'a:' || old.account_id::text); end if;
          else
            perform pg_notify('tongban_auth', 'a:' || old.id::text);
          end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger session_auth_changed after update or delete on session for each row execute function tongban_auth_changed()`.execute(db);
      await sql`create trigger account_role_auth_changed after insert or update or delete on account_role for each row execute function tongban_auth_changed()`.execute(db);
      await sql`create trigger account_auth_changed after update or delete on account for each row execute function tongban_auth_changed()`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop trigger account_auth_changed on account`.execute(db);
      await sql`drop trigger account_role_auth_changed on account_role`.execute(db);
      await sql`drop trigger session_auth_changed on session`.execute(db);
      await sql`drop function tongban_auth_changed()`.execute(db);
    },
  },
  /**
   * OpenID Connect (oidc/): department systems registered as clients by administrators, the provider's own
   * artefacts (authorization codes, tokens, sessions, grants, interactions) in one table keyed by model and id,
   * and the applicant's real-name level (L1 self-declared, L2 checked against a register, L3 in person).
   */
  '202611232200_identity_oidc': {
    async up(db: Kysely<any>) {
      await sql`
        create table oidc_client (
          client_id text primary key,
          name text not null,
          org_id uuid references org (id),
          secret_sealed text,
          redirect_uris text[] not null default '{}',
          post_logout_redirect_uris text[] not null default '{}',
          grant_types text[] not null,
          scopes text[] not null,
          subject_types text[] not null,
          status text not null default 'active' check (status in ('active', 'disabled')),
          created_by uuid references account (id),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`
        create table oidc_payload (
          model text not null,
          id text not null,
          payload jsonb not null,
          grant_id text,
          uid text,
          user_code text,
          expires_at timestamptz,
          consumed_at timestamptz,
          primary key (model, id)
        )`.execute(db);
      await sql`create index oidc_payload_grant_idx on oidc_payload (grant_id) where grant_id is not null`.execute(db);
      await sql`create index oidc_payload_uid_idx on oidc_payload (uid) where uid is not null`.execute(db);
      await sql`create index oidc_payload_expires_idx on oidc_payload (expires_at)`.execute(db);
      await sql`alter table account add column real_name_level text not null default 'L1' check (real_name_level in ('L1', 'L2', 'L3'))`.execute(db);
    },
  },
  /**
   * Agents (经办人) authorised by an entity for a scope and a period, revocable; a person's session may act for
   * an entity it is authorised by (`acting_for`); `auth_at`: when the session last proved the password (re-authentication).
   */
  '202611232210_identity_agents_sessions': {
    async up(db: Kysely<any>) {
      await sql`
        create table entity_agent (
          id uuid primary key,
          entity_account_id uuid not null references account (id),
          agent_account_id uuid not null references account (id),
          scopes text[] not null check (scopes <@ array['apply', 'cases', 'licenses']::text[] and cardinality(scopes) > 0),
          valid_from date not null,
          valid_until date not null check (valid_until >= valid_from),
          status text not null default 'active' check (status in ('active', 'revoked')),
          granted_by uuid not null references account (id),
          granted_at timestamptz not null default now(),
          revoked_at timestamptz,
          revoked_by uuid references account (id)
        )`.execute(db);
      await sql`create unique index entity_agent_active_idx on entity_agent (entity_account_id, agent_account_id) where status = 'active'`.execute(db);
      await sql`create index entity_agent_agent_idx on entity_agent (agent_account_id) where status = 'active'`.execute(db);
      await sql`alter table session add column acting_for uuid references account (id)`.execute(db);
      await sql`alter table session add column auth_at timestamptz not null default now()`.execute(db);
      // A change to an agent's authorisation reaches every instance's session cache (as for accounts).
      await sql`create function tongban_agent_changed() returns trigger language plpgsql as $$
        begin
          perform pg_notify('tongban_auth', 'a:' || (case when tg_op = 'DELETE' then old.entity_account_id else new.entity_account_id end)::text);
          return null;
        end $$`.execute(db);
      await sql`create trigger entity_agent_auth_changed after insert or update or delete on entity_agent for each row execute function tongban_agent_changed()`.execute(db);
      // SMS one-time codes (sms-login.ts): a row per request (the limits count them), an HMAC when a code was sent.
      await sql`
        create table otp_code (
          id uuid primary key,
          phone text not null,
          purpose text not null check (purpose in ('login', 'register', 'reset')),
          code_hash text,
          attempts integer not null default 0,
          expires_at timestamptz not null,
          used_at timestamptz,
          ip text not null,
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index otp_code_phone_idx on otp_code (phone, purpose, created_at desc)`.execute(db);
      await sql`create index otp_code_ip_idx on otp_code (ip, created_at)`.execute(db);
    },
  },
  /**
   * Staff in more than one organisation (岗位) and delegation (委托, for a period, e.g. while someone is away): a
   * post gives roles in an organisation; a session works in the account's own organisation or in one of its posts.
   */
  '202611232220_identity_staff_posts': {
    async up(db: Kysely<any>) {
      await sql`
        create table staff_post (
          id uuid primary key,
          account_id uuid not null references account (id),
          org_id uuid not null references org (id),
          roles text[] not null check (cardinality(roles) > 0),
          kind text not null check (kind in ('post', 'delegation')),
          delegated_by uuid references account (id),
          reason text not null default '',
          valid_from date not null,
          valid_until date,
          granted_by uuid references account (id),
          created_at timestamptz not null default now(),
          revoked_at timestamptz,
          check (kind = 'post' or (delegated_by is not null and valid_until is not null))
        )`.execute(db);
      await sql`create index staff_post_account_idx on staff_post (account_id) where revoked_at is null`.execute(db);
      await sql`alter table session add column post_id uuid references staff_post (id)`.execute(db);
      await sql`create function tongban_post_changed() returns trigger language plpgsql as $$
        begin
          perform pg_notify('tongban_auth', 'a:' || (case when tg_op = 'DELETE' then old.account_id else new.account_id end)::text);
          return null;
        end $$`.execute(db);
      await sql`create trigger staff_post_auth_changed after insert or update or delete on staff_post for each row execute function tongban_post_changed()`.execute(db);
    },
  },
};
