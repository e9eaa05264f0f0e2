import { sql, type Kysely, type Migration } from 'kysely';

export const sharingMigrations: Record<string, Migration> = {
  '202611232000_sharing_registers': {
    async up(db: Kysely<any>) {
      // Dates as `date`, read back as text (YYYY-MM-DD) by the platform's type parsers.
      await sql`
        create table person_record (
          resident_id text primary key,
          name text not null,
          sex text not null check (sex in ('male', 'female')),
          birth_date date not null,
          ethnicity text not null,
          household_no text not null,
          household_address text not null,
          household_head_id text not null,
          relation_to_head text not null,
          marital_status text not null check (marital_status in ('unmarried', 'married', 'divorced', 'widowed')),
          spouse_id text,
          status text not null default 'active' check (status in ('active', 'deceased', 'moved_out')),
          region_code text not null,
          source_org_id uuid,
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index person_record_household_idx on person_record (household_no)`.execute(db);
      await sql`
        create table entity_record (
          credit_code text primary key,
          name text not null,
          entity_type text not null,
          legal_representative text not null,
          legal_representative_id text not null,
          registered_capital numeric(18, 2) not null,
          address text not null,
          business_scope text not null,
          status text not null default 'active' check (status in ('active', 'abnormal', 'revoked', 'cancelled')),
          established_on date not null,
          region_code text not null,
          source_org_id uuid,
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`
        create table credit_record (
          id bigint generated always as identity primary key,
          subject_code text not null,
          subject_name text not null,
          kind text not null check (kind in ('license', 'penalty', 'abnormal', 'serious_violation')),
          title text not null,
          document_no text not null,
          content text not null,
          authority text not null,
          decided_on date not null,
          valid_until date,
          source_org_id uuid,
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index credit_record_subject_idx on credit_record (subject_code)`.execute(db);
    },
  },
  '202611232005_sharing_resources': {
    async up(db: Kysely<any>) {
      await sql`
        create table data_resource (
          code text primary key check (code ~ '^[a-z][a-z0-9-]{1,40}$'),
          name text not null,
          description text not null default '',
          provider_org_id uuid not null references org (id),
          register text not null check (register in ('population', 'entity', 'credit', 'license')),
          share_mode text not null check (share_mode in ('open', 'conditional', 'none')),
          conditions text not null default '',
          update_cycle text not null check (update_cycle in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
          fields jsonb not null,
          key_field text not null,
          materials text[] not null default '{}',
          status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
  },
  '202611232010_sharing_register_loads': {
    async up(db: Kysely<any>) {
      // Per-field provenance where a field's designated source is not the row's own (constant default: no rewrite).
      for (const t of ['person_record', 'entity_record', 'credit_record']) await sql`alter table ${sql.table(t)} add column field_sources jsonb not null default '{}'`.execute(db);
      // A credit record is identified by its subject and decision document (the key a load merges on).
      await sql`create unique index credit_record_document_key on credit_record (subject_code, document_no)`.execute(db);
      await sql`
        create table register_source (
          register text not null check (register in ('population', 'entity', 'credit')),
          field text not null,
          org_id uuid not null references org (id),
          updated_at timestamptz not null default now(),
          updated_by_name text not null default '',
          primary key (register, field)
        )`.execute(db);
      await sql`
        create table register_observation (
          register text not null,
          record_key text not null,
          field text not null,
          org_id uuid not null,
          value text,
          observed_at timestamptz not null default now(),
          primary key (register, record_key, field, org_id)
        )`.execute(db);
      await sql`
        create table register_conflict (
          id uuid primary key,
          register text not null,
          record_key text not null,
          field text not null,
          register_value text,
          register_org_id uuid,
          other_value text,
          other_org_id uuid not null,
          designated_org_id uuid,
          load_id uuid,
          raised_at timestamptz not null default now(),
          status text not null default 'open' check (status in ('open', 'resolved')),
          resolution text check (resolution in ('designated', 'notify_source')),
          note text not null default '',
          resolved_by_name text,
          resolved_at timestamptz
        )`.execute(db);
      // One open conflict per disagreement: a re-load of the same file raises nothing new.
      await sql`create unique index register_conflict_open_key on register_conflict (register, record_key, field, other_org_id, coalesce(register_value, ''), coalesce(other_value, '')) where status = 'open'`.execute(db);
      await sql`create index register_conflict_list_idx on register_conflict (status, raised_at desc)`.execute(db);
      await sql`create index register_conflict_record_idx on register_conflict (register, record_key) where status = 'open'`.execute(db);
      await sql`
        create table register_load (
          id uuid primary key,
          register text not null,
          org_id uuid not null references org (id),
          kind text not null check (kind in ('file', 'batch')),
          file_name text not null default '',
          encoding text,
          columns jsonb not null default '[]',
          state text not null check (state in ('queued', 'running', 'done', 'failed')),
          bytes_total bigint not null default 0,
          bytes_read bigint not null default 0,
          total bigint not null default 0,
          accepted bigint not null default 0,
          rejected bigint not null default 0,
          inserted bigint not null default 0,
          updated bigint not null default 0,
          conflicts bigint not null default 0,
          error text,
          created_by uuid not null,
          created_by_name text not null,
          created_at timestamptz not null default now(),
          started_at timestamptz,
          finished_at timestamptz,
          heartbeat_at timestamptz
        )`.execute(db);
      await sql`create index register_load_recent_idx on register_load (created_at desc)`.execute(db);
      await sql`
        create table register_load_reject (
          load_id uuid not null references register_load (id) on delete cascade,
          line bigint not null,
          reason text not null,
          raw text not null,
          primary key (load_id, line)
        )`.execute(db);
      await sql`
        create table register_quality (
          register text not null,
          field text not null,
          total bigint not null,
          non_empty bigint not null,
          last_update timestamptz,
          computed_at timestamptz not null,
          primary key (register, field)
        )`.execute(db);
    },
  },
  '202611232020_sharing_exchange': {
    async up(db: Kysely<any>) {
      await sql`
        create table share_request (
          id uuid primary key,
          resource_code text not null references data_resource (code),
          org_id uuid not null references org (id),
          requested_by uuid not null,
          requested_by_name text not null,
          purpose text not null,
          fields text[] not null,
          unmasked_fields text[] not null default '{}',
          unmask_reason text not null default '',
          status text not null check (status in ('submitted', 'accepted', 'granted', 'refused')),
          stage text not null check (stage in ('review', 'provision', 'provider', 'done')),
          submitted_on date not null,
          accepted_on date,
          decided_on date,
          due_date date,
          warn_date date,
          escalated_at timestamptz,
          refused_by text check (refused_by in ('platform', 'provider')),
          refuse_reason text,
          approved_unmasked text[] not null default '{}',
          grant_id uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index share_request_open_idx on share_request (stage, due_date) where stage <> 'done'`.execute(db);
      await sql`create index share_request_org_idx on share_request (org_id, created_at desc)`.execute(db);
      await sql`
        create table data_grant (
          id uuid primary key,
          request_id uuid references share_request (id),
          resource_code text not null references data_resource (code),
          org_id uuid not null references org (id),
          fields text[] not null,
          unmasked_fields text[] not null default '{}',
          purpose text not null,
          valid_until date not null,
          rate_per_minute integer not null check (rate_per_minute between 1 and 10000000),
          daily_quota integer not null check (daily_quota between 1 and 1000000000),
          max_keys_per_call integer not null default 1 check (max_keys_per_call between 1 and 100),
          status text not null default 'active' check (status in ('active', 'suspended', 'revoked')),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index data_grant_org_idx on data_grant (org_id)`.execute(db);
      await sql`
        create table grant_api_key (
          id uuid primary key,
          grant_id uuid not null references data_grant (id),
          prefix text not null,
          key_hash bytea not null unique,
          label text not null default '',
          created_by uuid not null,
          created_at timestamptz not null default now(),
          revoked_at timestamptz
        )`.execute(db);
      await sql`
        create table sharing_access_log (
          id bigint generated always as identity primary key,
          at timestamptz not null default now(),
          grant_id uuid,
          api_key_id uuid,
          org_id uuid,
          resource_code text not null,
          provider_org_id uuid,
          key_value text not null,
          fields text[] not null default '{}',
          result text not null,
          status integer not null
        )`.execute(db);
      await sql`create index sharing_access_log_provider_idx on sharing_access_log (provider_org_id, at desc)`.execute(db);
      await sql`create index sharing_access_log_org_idx on sharing_access_log (org_id, at desc)`.execute(db);
      await sql`create index sharing_access_log_at_idx on sharing_access_log (at desc)`.execute(db);
      // The exchange API keeps API key → grant → resource in memory (exchange.ts); any change to one of them is
      // announced at commit on tongban_sharing_keys, whatever code or hand-written SQL makes it.
      await sql`
        create function sharing_keys_notify() returns trigger language plpgsql as $$
        begin
          perform pg_notify('tongban_sharing_keys', '*');
          return null;
        end $$`.execute(db);
      for (const t of ['data_grant', 'grant_api_key', 'data_resource']) {
        await sql`create trigger ${sql.raw(`${t}_sharing_keys_notify`)} after insert or update or delete on ${sql.table(t)}
          for each statement execute function sharing_keys_notify()`.execute(db);
      }
    },
  },
};
