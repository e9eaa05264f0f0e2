import { sql, type Kysely, type Migration } from 'kysely';

export const catalogMigrations: Record<string, Migration> = {
  '202611220020_catalog_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('service_item')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('impl_code', 'text', (c) => c.notNull().unique())
        .addColumn('base_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('org_id', 'uuid', (c) => c.notNull())
        .addColumn('agency_name', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','retired')`))
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create index service_item_published_idx on service_item (region_code, name) where status = 'published'`.execute(db);
      await db.schema.createIndex('service_item_org_idx').on('service_item').column('org_id').execute();

      await db.schema
        .createTable('service_item_version')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('item_id', 'uuid', (c) => c.notNull().references('service_item.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','submitted','approved','published','superseded','retired')`))
        .addColumn('note', 'text')
        .addColumn('created_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('published_by', 'uuid')
        .addColumn('published_at', 'timestamptz')
        .addUniqueConstraint('service_item_version_uq', ['item_id', 'version'])
        .execute();

      // The base catalog (基本目录): one row per base code; implementations must stay consistent with it.
      await db.schema
        .createTable('base_item')
        .addColumn('base_code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('legal_basis', 'jsonb', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('service_item_base_code_idx').on('service_item').column('base_code').execute();

      // Review log: submissions, approvals, rejections with comments, publication, retirement.
      await db.schema
        .createTable('item_review_event')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('item_id', 'uuid', (c) => c.notNull().references('service_item.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('actor_id', 'uuid')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('item_review_event_item_idx').on('item_review_event').columns(['item_id', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('item_review_event').execute();
      await db.schema.dropTable('base_item').execute();
      await db.schema.dropTable('service_item_version').execute();
      await db.schema.dropTable('service_item').execute();
    },
  },
  '202611221100_catalog_search': {
    // Chinese search (search.ts): tokens as a tsvector with a GIN index, exact texts and a prior for ranking,
    // array columns for the topic / service object / life event filters, and a pinyin collation for A–Z lists.
    async up(db: Kysely<any>) {
      await sql`alter table service_item
        add column search_tokens tsvector not null default ''::tsvector,
        add column search_exact text[] not null default '{}',
        add column search_boost real not null default 0,
        add column topics text[] not null default '{}',
        add column service_objects text[] not null default '{}',
        add column life_events text[] not null default '{}'`.execute(db);
      // fastupdate off: no pending list to scan on every search; items change rarely.
      await sql`create index service_item_search_tokens_gin on service_item using gin (search_tokens) with (fastupdate = off) where status = 'published'`.execute(db);
      await sql`create index service_item_topics_gin on service_item using gin (topics) with (fastupdate = off) where status = 'published'`.execute(db);
      await sql`create index service_item_objects_gin on service_item using gin (service_objects) with (fastupdate = off) where status = 'published'`.execute(db);
      await sql`create index service_item_life_events_gin on service_item using gin (life_events) with (fastupdate = off) where status = 'published'`.execute(db);
      // Pinyin order where the server has ICU; plain code-point order otherwise.
      await sql`do $$ begin
        create collation if not exists tongban_zh (provider = icu, locale = 'zh');
      exception when others then
        create collation if not exists tongban_zh from "C";
      end $$`.execute(db);
      await sql`create index service_item_name_zh_idx on service_item ((name collate tongban_zh), impl_code) where status = 'published'`.execute(db);
      const { reindexAllItems } = await import('./search.ts');
      await reindexAllItems(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop index if exists service_item_name_zh_idx`.execute(db);
      await sql`drop collation if exists tongban_zh`.execute(db);
      await sql`alter table service_item drop column search_tokens, drop column search_exact, drop column search_boost, drop column topics, drop column service_objects, drop column life_events`.execute(db);
    },
  },
  '202611221200_catalog_import': {
    // Excel imports as tracked jobs (routes.excel.ts): status, progress for the progress bar, the per-row report.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('catalog_import')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('created_by', 'uuid', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('validating','failed','importing','done')`))
        .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('finished_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('catalog_import_created_by_idx').on('catalog_import').columns(['created_by', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('catalog_import').execute();
    },
  },
  '202611221600_catalog_public_json': {
    async up(db: Kysely<any>) {
      // The published guide as the public API serves it, serialized once at publication.
      await sql`alter table service_item add column public_json text`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`alter table service_item drop column public_json`.execute(db);
    },
  },
  '202611221700_catalog_changed_notify': {
    // Every change that can alter a public answer (publication, retirement, the guide JSON, the search columns,
    // the agency's name) tells every server process at commit: NOTIFY catalog_changed '<implCode>'. Each process
    // keeps a snapshot of public answers and drops what changed (modules/catalog/public-snapshot.ts, ADR 0005).
    // Changes to items that are not and were not published (drafts) say nothing.
    async up(db: Kysely<any>) {
      await sql`create function catalog_changed_notify() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then perform pg_notify('catalog_changed', old.impl_code); end if;
          if tg_op in ('INSERT', 'UPDATE') then perform pg_notify('catalog_changed', new.impl_code); end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger service_item_changed_ins after insert on service_item for each row
        when (new.status = 'published') execute function catalog_changed_notify()`.execute(db);
      await sql`create trigger service_item_changed_del after delete on service_item for each row
        when (old.status = 'published') execute function catalog_changed_notify()`.execute(db);
      await sql`create trigger service_item_changed_upd after update on service_item for each row
        when ((old.status = 'published' or new.status = 'published') and old is distinct from new) execute function catalog_changed_notify()`.execute(db);
    },
    async down(db: Kysely<any>) {
      for (const t of ['ins', 'del', 'upd']) await sql.raw(`drop trigger if exists service_item_changed_${t} on service_item`).execute(db);
      await sql`drop function if exists catalog_changed_notify()`.execute(db);
    },
  },
};
