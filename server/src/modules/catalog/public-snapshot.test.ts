import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { connect, poolOf, type DbHandle } from '../../platform/db/db.ts';
import { localFileStore } from '../../platform/files/file-store.ts';
import type { App } from '../../platform/http/server.ts';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.ts';
import { createPublicSnapshot } from './public-snapshot.ts';
import { searchPublished, type SearchQuery } from './search.ts';

/** Two server processes on one database: `a` from the test harness, `b` with its own pool and listener. */
let a: TestApp;
let bHandle: DbHandle;
let b: App;

beforeAll(async () => {
  a = await createTestApp('tongban_demo');
  bHandle = connect(String(poolOf(a.db)!.options.connectionString), { max: 5 });
  b = (await buildApp({ db: bHandle.db, store: localFileStore(inject('filesDir')), logger: false })).app;
});
afterAll(async () => {
  await b.close();
  await bHandle.close();
  await a.close();
});

/** Poll until `check` holds (notifications arrive asynchronously); fails after `ms`. Returns the time taken. */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

async function publishedItem(db: TestApp['db'], offset = 0) {
  return db.selectFrom('service_item').select(['id', 'impl_code', 'name']).where('status', '=', 'published').orderBy('impl_code').offset(offset).limit(1).executeTakeFirstOrThrow();
}

describe('public catalog snapshot across processes', () => {
  it('a retirement through one process is seen by the other at once, in the guide and in search, without a TTL', async () => {
    const item = await publishedItem(a.db);
    const guide = `/api/v1/public/items/${item.impl_code}`;
    const search = `/api/v1/public/items?q=${encodeURIComponent(item.name)}&pageSize=100`;
    // b holds the guide and the search page in memory.
    await eventually(async () => (await b.inject(guide)).headers['x-cache'] === 'hit');
    await b.inject(search);
    const cachedSearch = await b.inject(search);
    expect(cachedSearch.headers['x-cache']).toBe('hit');
    expect(cachedSearch.json().items.map((i: { implCode: string }) => i.implCode)).toContain(item.impl_code);

    const catalog = await loginAs(a.app, 'catalog');
    const res = await a.app.inject({ method: 'POST', url: `/api/v1/catalog/items/${item.id}/retire`, headers: catalog.headers, payload: { comment: '职能调整，不再办理' } });
    expect(res.statusCode).toBe(200);
    // The process that retired it answers from the database at once.
    expect((await a.app.inject(guide)).statusCode).toBe(410);

    const took = await eventually(async () => (await b.inject(guide)).statusCode === 410);
    expect(took).toBeLessThan(3000);
    const gone = await b.inject(guide);
    expect(gone.json().error).toMatchObject({ code: 'ITEM_RETIRED' });
    expect(gone.json().error.message).toContain('不再办理');
    const after = await b.inject(search);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().items.map((i: { implCode: string }) => i.implCode)).not.toContain(item.impl_code);
  });

  it('answers from the snapshot before validation with the headers of any answer; bad input still gets the error shape', async () => {
    const item = await publishedItem(a.db, 3);
    const guide = `/api/v1/public/items/${item.impl_code}`;
    await eventually(async () => (await b.inject(guide)).headers['x-cache'] === 'hit');
    const r = await b.inject({ url: guide, headers: { 'accept-encoding': 'gzip' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers).toMatchObject({ 'x-cache': 'hit', 'content-encoding': 'gzip', vary: 'accept-encoding', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
    expect(r.headers['x-request-id']).toBeTruthy();
    expect(JSON.parse(gunzipSync(r.rawPayload).toString('utf8')).implCode).toBe(item.impl_code);
    expect((await b.inject({ url: guide, headers: { 'if-none-match': String(r.headers.etag) } })).statusCode).toBe(304);
    const search = `/api/v1/public/items?q=${encodeURIComponent(item.name)}&pageSize=5`;
    await b.inject(search);
    expect((await b.inject(search)).headers['x-cache']).toBe('hit');
    for (const url of [`${search}&page=0`, `/api/v1/public/items/${'9'.repeat(65)}`]) {
      const bad = await b.inject(url);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('any committed change to a published item reaches the other process, even one made in SQL', async () => {
    const item = await publishedItem(a.db, 1);
    const guide = `/api/v1/public/items/${item.impl_code}`;
    await eventually(async () => (await b.inject(guide)).headers['x-cache'] === 'hit');
    await sql`update service_item set public_json = jsonb_set(public_json::jsonb, '{name}', to_jsonb('改名后的事项'::text))::text where id = ${item.id}`.execute(a.db);
    await eventually(async () => (await b.inject(guide)).json().name === '改名后的事项');
    // Re-read in the background after the notification: soon a hit again, with the new content.
    await eventually(async () => {
      const r = await b.inject({ url: guide, headers: { 'accept-encoding': 'gzip' } });
      return r.headers['x-cache'] === 'hit' && JSON.parse(gunzipSync(r.rawPayload).toString('utf8')).name === '改名后的事项';
    });
  });

  it('flushes everything when its listening connection comes back, since notifications sent meanwhile are lost', async () => {
    const snap = createPublicSnapshot(a.db, { itemBytes: 8 << 20, answerBytes: 1 << 20, searchListEntries: 100_000 });
    try {
      await snap.ready();
      const item = await publishedItem(a.db, 2);
      const body = () => {
        const s = snap.items.peek(item.impl_code);
        return s && JSON.parse(gunzipSync(s.gzip).toString('utf8'));
      };
      expect(body()).toMatchObject({ implCode: item.impl_code });
      expect(snap.stats().listening).toBe(true);
      // Cut the listener off, then change the item silently (triggers off, as if the notification were lost).
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tongban-catalog-listener' and datname = current_database()`.execute(a.db);
      await eventually(async () => !snap.stats().listening);
      expect(snap.items.stats().size).toBe(0);
      await a.db.connection().execute(async (c) => {
        await sql`set session_replication_role = replica`.execute(c);
        await sql`update service_item set public_json = jsonb_set(public_json::jsonb, '{name}', to_jsonb('悄悄改过'::text))::text where id = ${item.id}`.execute(c);
        await sql`set session_replication_role = origin`.execute(c);
      });
      // Back: reloaded from the database, so the silent change shows.
      await eventually(async () => snap.stats().listening && snap.stats().loaded && body()?.name === '悄悄改过', 8000);
    } finally {
      await snap.close();
    }
  });

  it('searches through the memo give exactly the SQL answers: items, order, totals and match kind, for every filter and page', async () => {
    const snap = createPublicSnapshot(a.db, { itemBytes: 16 << 20, answerBytes: 1 << 20, searchListEntries: 1_000_000 });
    try {
      await snap.ready();
      const org = await a.db.selectFrom('service_item').select('org_id').where('status', '=', 'published').groupBy('org_id').orderBy(sql`count(*)`, 'desc').limit(1).executeTakeFirstOrThrow();
      const texts = ['开饭店', '我要开饭店', '护照 低保', '人社局', '市场监管局', '海陵 个体户', '登记', '结婚', '身分证', '营业只照', '公积金 退休', '身份证丢了怎么办', '许可', '量子纠缠', '泰州 不动产', 'ktv'];
      const filters: Array<Partial<SearchQuery>> = [
        {},
        { regionCode: '321200' },
        { regionCode: '321202' },
        { regionCode: '320000' },
        { dept: org.org_id },
        { topic: '婚姻登记' },
        { object: 'person' },
        { object: 'entity', regionCode: '321200' },
        { lifeEvent: '开办企业' },
        { pageSize: 5, page: 2 },
        { pageSize: 5, page: 1000 },
      ];
      let compared = 0;
      for (const q of texts) {
        for (const f of filters) {
          const query: SearchQuery = { q, page: 1, pageSize: 20, ...f };
          const bySql = await searchPublished(a.db, query);
          // Twice: the first builds the ranked lists, the second answers from them.
          expect(await searchPublished(a.db, query, snap.search), `${q} ${JSON.stringify(f)}`).toEqual(bySql);
          expect(await searchPublished(a.db, query, snap.search), `${q} ${JSON.stringify(f)} (from memory)`).toEqual(bySql);
          compared++;
        }
      }
      expect(compared).toBe(texts.length * filters.length);
      // The memo was used, not skipped: it holds the published items and ranked lists.
      const stats = snap.stats();
      expect(stats.searchItems).toBeGreaterThan(300);
      expect(stats.searchLists).toBeGreaterThan(texts.length);
    } finally {
      await snap.close();
    }
  });
});
