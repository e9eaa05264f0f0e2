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
};
