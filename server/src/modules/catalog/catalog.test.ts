import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.ts';
import { ItemDetail, ItemSummary } from './schema.ts';
import { SLICE_ITEM_IMPL_CODE, SLICE_ITEM_NAME } from '../../seed/world/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
});
afterAll(() => t.close());

describe('GET /api/v1/public/items', () => {
  it('finds the slice item by a word of its name, without login', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/items?q=${encodeURIComponent(SLICE_ITEM_NAME.slice(0, 4))}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    for (const i of body.items) expect(Value.Check(ItemSummary, i)).toBe(true);
    expect(body.items.map((i: { implCode: string }) => i.implCode)).toContain(SLICE_ITEM_IMPL_CODE);
  });

  it('pages through at least 50 published items', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/items?pageSize=100' });
    expect(res.json().total).toBeGreaterThanOrEqual(50);
  });

  it('serves the full element set of a published item', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(Value.Check(ItemDetail, d)).toBe(true);
    expect(d.committedDays).toBeLessThanOrEqual(d.statutoryDays);
    expect(d.materials.length).toBeGreaterThan(0);
    expect(d.form.type).toBe('object');
  });

  it('an unknown item is a 404 with a message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/items/000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ITEM_NOT_FOUND');
  });
});

describe('POST /api/v1/catalog/items/:id/publish', () => {
  it('forbidden for a clerk', async () => {
    const clerk = await loginAs(t.app, 'clerk');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/catalog/items?status=draft', headers: { cookie: clerk.cookie } })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/items/${list.items[0].id}/publish`, headers: clerk.headers });
    expect(res.statusCode).toBe(403);
  });

  it('the catalog administrator publishes a draft, and every channel then shows it', async () => {
    const catalog = await loginAs(t.app, 'catalog');
    const drafts = (await t.app.inject({ method: 'GET', url: '/api/v1/catalog/items?status=draft', headers: { cookie: catalog.cookie } })).json().items;
    expect(drafts.length).toBeGreaterThan(0);
    const draft = drafts[0];
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${draft.implCode}` })).statusCode).toBe(404);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/items/${draft.id}/publish`, headers: catalog.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ status: 'published', versionStatus: 'published', publishedVersion: 1 });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${draft.implCode}` })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/items/${draft.id}/publish`, headers: catalog.headers });
    expect(again.statusCode).toBe(409);
  });
});

describe('GET /api/v1/public/items/:implCode/files/:fileId', () => {
  it('serves a blank form the published item offers, and nothing else', async () => {
    const row = await t.db
      .selectFrom('service_item as i')
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
      .select(['i.impl_code', 'v.document'])
      .where('i.status', '=', 'published')
      .execute();
    const withForm = row.find((r) => r.document.materials.some((m) => m.blankForm));
    expect(withForm).toBeDefined();
    const fileId = withForm!.document.materials.find((m) => m.blankForm)!.blankForm!.fileId;
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${withForm!.impl_code}/files/${fileId}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}/files/${fileId.replace(/.$/, '0')}` });
    expect(other.statusCode).toBe(404);
  });
});

describe('colloquial search through the public API', () => {
  it.each([
    ['我要开饭店', '食品经营许可'],
    ['生孩子要办什么', '出生'],
    ['提取公积金', '公积金'],
  ])('%s → %s first', async (q, expected) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/items?q=${encodeURIComponent(q)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].name).toContain(expected);
  });

  it('filters by service object', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/public/items?pageSize=1' })).json().total;
    const persons = (await t.app.inject({ method: 'GET', url: '/api/v1/public/items?pageSize=1&serviceObject=person' })).json().total;
    expect(persons).toBeGreaterThan(0);
    expect(persons).toBeLessThan(all);
  });
});

describe('search says when it only found related items', () => {
  it('marks an exact match and a fallback', async () => {
    const exact = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items?q=${encodeURIComponent('个体工商户设立登记')}` })).json();
    expect(exact.match).toBe('exact');
    const typo = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items?q=${encodeURIComponent('营业只照')}` })).json();
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.match).toBe('related');
  });
});
