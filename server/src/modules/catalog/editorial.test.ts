import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { AdminItemDetail } from './schema.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';

let t: TestApp;
let catalog: Session, clerk: Session;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [catalog, clerk] = await Promise.all([loginAs(t.app, 'catalog'), loginAs(t.app, 'clerk')]);
});
afterAll(() => t.close());

const api = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/catalog${url}`, headers: method === 'GET' ? { cookie: s.cookie } : s.headers, payload });

async function sliceItemId(): Promise<string> {
  const list = (await api(catalog, 'GET', `/items?q=${SLICE_ITEM_IMPL_CODE}`)).json();
  return list.items[0].id;
}

describe('catalog editing: versions and review', () => {
  it('forbidden for a clerk', async () => {
    const id = await sliceItemId();
    expect((await api(clerk, 'PUT', `/items/${id}/draft`, { document: {} })).statusCode).toBe(403);
    expect((await api(clerk, 'POST', `/items/${id}/approve`, {})).statusCode).toBe(403);
  });

  it('an edit of a published item makes a new draft; the public keeps seeing the published version until the new one is reviewed and published', async () => {
    const id = await sliceItemId();
    const before = (await api(catalog, 'GET', `/items/${id}`)).json();
    expect(Value.Check(AdminItemDetail, before)).toBe(true);
    const doc = { ...before.document, committedDays: Math.max(0, before.document.committedDays - 1), conditions: [...before.document.conditions, '经营者为具有完全民事行为能力的自然人'] };

    const saved = (await api(catalog, 'PUT', `/items/${id}/draft`, { document: doc, note: '压缩承诺时限' })).json();
    expect(saved.item.version).toBe(before.item.version + 1);
    expect(saved.item.versionStatus).toBe('draft');
    const publicView = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` })).json();
    expect(publicView.committedDays).toBe(before.document.committedDays);

    // Publishing straight from draft is not allowed.
    const early = await api(catalog, 'POST', `/items/${id}/publish`, {});
    expect(early.statusCode).toBe(409);

    expect((await api(catalog, 'POST', `/items/${id}/submit`, {})).json().item.versionStatus).toBe('submitted');
    const noComment = await api(catalog, 'POST', `/items/${id}/reject`, {});
    expect(noComment.statusCode).toBe(400);
    expect((await api(catalog, 'POST', `/items/${id}/approve`, { comment: '同意' })).json().item.versionStatus).toBe('approved');
    const published = (await api(catalog, 'POST', `/items/${id}/publish`, {})).json();
    expect(published.item).toMatchObject({ versionStatus: 'published', publishedVersion: before.item.version + 1 });
    expect(published.versions.find((v: { version: number }) => v.version === before.item.version).status).toBe('superseded');
    expect(published.reviewLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['save', 'submit', 'approve', 'publish']));

    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` })).json();
    expect(after.committedDays).toBe(doc.committedDays);
    expect(after.version).toBe(before.item.version + 1);

    const diff = (await api(catalog, 'GET', `/items/${id}/diff?from=${before.item.version}&to=${before.item.version + 1}`)).json();
    expect(diff.changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['/committedDays']));
  });

  it('a draft with a vague material cannot be submitted; the lint findings name the element', async () => {
    const id = await sliceItemId();
    const cur = (await api(catalog, 'GET', `/items/${id}`)).json();
    const doc = { ...cur.document, materials: [...cur.document.materials, { ...cur.document.materials[0], code: 'M99', name: '其他材料' }] };
    const saved = (await api(catalog, 'PUT', `/items/${id}/draft`, { document: doc })).json();
    const vague = saved.findings.find((f: { rule: string }) => f.rule === 'vague-material');
    expect(vague).toMatchObject({ severity: 'error', path: `/materials/${doc.materials.length - 1}/name` });
    const submit = await api(catalog, 'POST', `/items/${id}/submit`, {});
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.code).toBe('LINT_BLOCKED');
  });

  it('codes cannot change and a malformed document is a 400', async () => {
    const id = await sliceItemId();
    const cur = (await api(catalog, 'GET', `/items/${id}`)).json();
    expect((await api(catalog, 'PUT', `/items/${id}/draft`, { document: { ...cur.document, implCode: cur.document.implCode.slice(0, -1) + '9' } })).statusCode).toBe(400);
    expect((await api(catalog, 'PUT', `/items/${id}/draft`, { document: { name: 'x' } })).json().error.code).toBe('INVALID_DOCUMENT');
  });

  it('POST /items/lint flags a committed limit above the statutory one', async () => {
    const id = await sliceItemId();
    const cur = (await api(catalog, 'GET', `/items/${id}`)).json();
    const res = await api(catalog, 'POST', '/items/lint', { document: { ...cur.document, committedDays: cur.document.statutoryDays + 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.map((f: { rule: string }) => f.rule)).toContain('committed-over-statutory');
  });

  it('creates a new item as a draft with a valid implementation code, and refuses a bad credit code', async () => {
    const id = await sliceItemId();
    const cur = (await api(catalog, 'GET', `/items/${id}`)).json();
    const baseCode = cur.document.baseCode.slice(0, 9) + '999';
    const doc = { ...cur.document, name: '个体工商户设立登记（测试新事项）', baseCode, implCode: cur.document.implCode.slice(0, 19) + baseCode };
    const res = await api(catalog, 'POST', '/items', { document: doc });
    expect(res.statusCode).toBe(201);
    expect(res.json().item).toMatchObject({ status: 'draft', versionStatus: 'draft', version: 1 });
    const bad = { ...doc, implCode: 'X' + doc.implCode.slice(1) };
    const r2 = await api(catalog, 'POST', '/items', { document: bad });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.code).toBe('INVALID_ITEM_CODE');
  });

  it('retires a published item with a reason; the public no longer finds it', async () => {
    const list = (await api(catalog, 'GET', '/items?status=published')).json().items;
    const victim = list.find((i: { implCode: string }) => i.implCode !== SLICE_ITEM_IMPL_CODE);
    expect((await api(catalog, 'POST', `/items/${victim.id}/retire`, {})).statusCode).toBe(400);
    const r = await api(catalog, 'POST', `/items/${victim.id}/retire`, { comment: '该事项已由法律取消' });
    expect(r.statusCode).toBe(200);
    // An old link says plainly that the item is no longer offered (410 Gone), not a generic error.
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${victim.implCode}` });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error).toMatchObject({ code: 'ITEM_RETIRED' });
    expect(gone.json().error.message).toContain(`“${victim.name}”已不再办理`);
  });
});

describe('catalog reports', () => {
  it('quality report counts findings by department', async () => {
    const r = (await api(catalog, 'GET', '/quality')).json();
    expect(r.totals.items).toBeGreaterThan(50);
    expect(r.departments.length).toBeGreaterThan(10);
  });

  it('consistency report lists implementations that drifted from the base catalog', async () => {
    const r = (await api(catalog, 'GET', '/consistency')).json();
    expect(r.checked).toBeGreaterThan(50);
    expect(Array.isArray(r.drifts)).toBe(true);
  });

  it('public indicators need no login and give shares between 0 and 1', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/public/catalog/indicators' });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.publishedItems).toBeGreaterThan(50);
    for (const v of Object.values(b.shares) as number[]) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    expect(b.shares.online).toBeGreaterThan(0);
    expect(b.averageLimitCompression).toBeGreaterThan(0);
  });
});
