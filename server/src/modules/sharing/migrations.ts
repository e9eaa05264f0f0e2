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
};
