import { sql, type Kysely, type Migration } from 'kysely';

export const casesMigrations: Record<string, Migration> = {
  '202611220030_cases_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('case')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('agency_name', 'text', (c) => c.notNull())
        .addColumn('item_id', 'uuid', (c) => c.notNull())
        .addColumn('item_version_id', 'uuid', (c) => c.notNull())
        .addColumn('item_version', 'integer', (c) => c.notNull())
        .addColumn('impl_code', 'text', (c) => c.notNull())
        .addColumn('item_name', 'text', (c) => c.notNull())
        .addColumn('applicant_id', 'uuid', (c) => c.notNull())
        .addColumn('applicant_name', 'text', (c) => c.notNull())
        .addColumn('applicant_type', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('form', 'jsonb', (c) => c.notNull())
        .addColumn('decision', 'jsonb')
        .addColumn('committed_days', 'integer', (c) => c.notNull())
        .addColumn('statutory_days', 'integer', (c) => c.notNull())
        .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
        .addColumn('accepted_at', 'timestamptz')
        .addColumn('closed_at', 'timestamptz')
        .addColumn('due_date', 'date')
        .addColumn('warn_date', 'date')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      // Hot queries carry region_code first (scale-out path: distribute by region).
      await db.schema.createIndex('case_region_state_idx').on('case').columns(['region_code', 'state', 'due_date']).execute();
      await db.schema.createIndex('case_org_state_idx').on('case').columns(['org_id', 'state', 'due_date']).execute();
      await db.schema.createIndex('case_applicant_idx').on('case').columns(['applicant_id', 'submitted_at']).execute();

      await db.schema
        .createTable('case_material')
        .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('file_id', 'uuid', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_material_pk', ['case_id', 'code'])
        .execute();
      await db.schema.createIndex('case_material_file_idx').on('case_material').column('file_id').execute();

      // Append-only action log; (case_id, seq) unique so a retried request cannot record an action twice.
      await db.schema
        .createTable('case_action')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'uuid')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('case_action_seq_uq', ['case_id', 'seq'])
        .execute();

      await db.schema
        .createTable('case_counter')
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_counter_pk', ['region_code', 'year'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['case_counter', 'case_action', 'case_material', 'case']) await db.schema.dropTable(t).execute();
    },
  },
  '202611221500_cases_lifecycle': {
    async up(db: Kysely<any>) {
      await sql`alter table "case"
        add column case_type text not null default 'commitment',
        add column joint boolean not null default false,
        add column assignee_id uuid,
        add column notice jsonb,
        add column suspension jsonb,
        add column extension_days integer not null default 0,
        add column statutory_due_date date,
        add column delivery jsonb not null default '{"method":"electronic"}'::jsonb,
        add column deemed_accepted boolean not null default false`.execute(db);
      // Deemed acceptance sweep: open submissions by their acceptance deadline.
      await sql`create index case_submitted_due_idx on "case" (due_date) where state = 'submitted'`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop index case_submitted_due_idx`.execute(db);
      await sql`alter table "case" drop column case_type, drop column joint, drop column assignee_id, drop column notice, drop column suspension,
        drop column extension_days, drop column statutory_due_date, drop column delivery, drop column deemed_accepted`.execute(db);
    },
  },
  '202611221510_cases_drafts': {
    async up(db: Kysely<any>) {
      // Applications in progress, one per applicant and item, saved as the applicant goes.
      await db.schema
        .createTable('case_draft')
        .addColumn('applicant_id', 'uuid', (c) => c.notNull())
        .addColumn('impl_code', 'text', (c) => c.notNull())
        .addColumn('form', 'jsonb', (c) => c.notNull())
        .addColumn('materials', 'jsonb', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('case_draft_pk', ['applicant_id', 'impl_code'])
        .execute();
      await sql`create index case_state_due_idx on "case" (state, due_date, id)`.execute(db);
      // Case numbers now come from one sequence per region and year (service.ts).
      await db.schema.dropTable('case_counter').execute();
    },
    async down(db: Kysely<any>) {
      await sql`drop index case_state_due_idx`.execute(db);
      await db.schema.dropTable('case_draft').execute();
    },
  },
  '202611221800_cases_queue_indexes': {
    async up(db: Kysely<any>) {
      // A department's queue filters by organisation and state, narrows by region and sorts by due date: with the
      // region included the capped count is an index-only scan (bench/cases.ts: 600 ms -> 5 ms over 1M cases).
      await sql`drop index case_org_state_idx`.execute(db);
      await sql`create index case_org_state_due_idx on "case" (org_id, state, due_date, id) include (region_code)`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop index case_org_state_due_idx`.execute(db);
      await db.schema.createIndex('case_org_state_idx').on('case').columns(['org_id', 'state', 'due_date']).execute();
    },
  },
  '202611221900_cases_commitment_tongban_review': {
    async up(db: Kysely<any>) {
      // 通办: where the case was filed and accepted, when not the deciding agency's region (null otherwise).
      // 告知承诺制: the commitment the applicant signed. Review steps of the item, with each step's progress.
      await sql`alter table "case"
        add column accept_region_code text,
        add column commitment jsonb,
        add column review jsonb`.execute(db);
      // The accepting region's clerks see the case in their queue (service.ts scoped()).
      await sql`create index case_accept_region_idx on "case" (accept_region_code, state, due_date) where accept_region_code is not null`.execute(db);
      await sql`alter table case_draft add column delivery jsonb`.execute(db);
      // 核查: the verification task an approval on commitment opens at the grant (commitment.ts).
      await db.schema
        .createTable('case_verification')
        .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('case.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('due_date', 'date', (c) => c.notNull())
        .addColumn('warn_date', 'date', (c) => c.notNull())
        .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('verified_at', 'timestamptz')
        .addColumn('verifier_id', 'uuid')
        .addColumn('verifier_name', 'text')
        .addColumn('note', 'text')
        .execute();
      await sql`create index case_verification_open_idx on case_verification (due_date) where state = 'open'`.execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('case_verification').execute();
      await sql`alter table case_draft drop column delivery`.execute(db);
      await sql`drop index case_accept_region_idx`.execute(db);
      await sql`alter table "case" drop column accept_region_code, drop column commitment, drop column review`.execute(db);
    },
  },
  /**
   * The staff queue's order (due date, id) within a state, with the regions (deciding and, for 通办, accepting)
   * riding along so the region scope is filtered in the index and only the page's rows are read from the table (queue.ts). It replaces the plain
   * (state, due_date, id) index and the partial index on submitted cases, which it covers: fewer indexes for
   * every submission to maintain.
   */
  '202611221950_cases_queue_covering': {
    async up(db: Kysely<any>) {
      await sql`drop index case_state_due_idx`.execute(db);
      await sql`drop index case_submitted_due_idx`.execute(db);
      await sql`create index case_state_due_idx on "case" (state, due_date, id) include (region_code, accept_region_code)`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop index case_state_due_idx`.execute(db);
      await sql`create index case_state_due_idx on "case" (state, due_date, id)`.execute(db);
      await sql`create index case_submitted_due_idx on "case" (due_date) where state = 'submitted'`.execute(db);
    },
  },
  /**
   * 一件事 member cases (member.ts): the bundle case they belong to, its lead department (who may read them) and
   * whether their result waits for the other members (held delivery). Null for ordinary cases.
   */
  '202611222000_cases_bundle_member': {
    async up(db: Kysely<any>) {
      await sql`alter table "case" add column bundle jsonb`.execute(db);
      await sql`create index case_bundle_idx on "case" ((bundle->>'id')) where bundle is not null`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`alter table "case" drop column bundle`.execute(db);
    },
  },
  /**
   * 免提交: a material satisfied by one of the applicant's electronic licenses instead of an upload (licenses
   * module, checked at submission). What the license was when attached is kept, so the case reads the same later;
   * staff see its live verification beside it. Counted for the measures (materials no longer asked for).
   */
  '202611231220_cases_material_license': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('case_material_license')
        .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('license_ref', 'text', (c) => c.notNull())
        .addColumn('type_code', 'text', (c) => c.notNull())
        .addColumn('type_name', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('issuer_name', 'text', (c) => c.notNull())
        .addColumn('holder_name', 'text', (c) => c.notNull())
        .addColumn('attached_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('case_material_license_pk', ['case_id', 'code'])
        .execute();
      await db.schema.createIndex('case_material_license_type_idx').on('case_material_license').columns(['type_code', 'attached_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('case_material_license').execute();
    },
  },
  /**
   * 通办 routing at acceptance (tongban.ts routeAtAcceptance): the organisation that accepted a case decided by
   * another region's agency, beside the accepting region already kept (accept_region_code).
   */
  '202611232100_cases_tongban_routing': {
    async up(db: Kysely<any>) {
      await sql`alter table "case" add column accept_org_id uuid references org(id), add column accept_agency_name text`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`alter table "case" drop column accept_org_id, drop column accept_agency_name`.execute(db);
    },
  },
  /** 窗口收件: the applicant's signature on the clerk's pad, one per case (signing again replaces it). */
  '202611232110_cases_window_signature': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('case_signature')
        .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('case.id'))
        .addColumn('file_id', 'uuid', (c) => c.notNull().references('file_object.id'))
        .addColumn('signed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('clerk_id', 'uuid', (c) => c.notNull())
        .addColumn('clerk_name', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('case_signature').execute();
    },
  },
};
