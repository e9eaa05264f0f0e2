import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';

let t: TestApp;
let citizen: Session, company: Session, clerk: Session;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [citizen, company, clerk] = await Promise.all(['citizen', 'company', 'clerk'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

const item = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` })).json();

describe('drafts', () => {
  it('forbidden without a session; saved as the applicant goes, private, and gone after submission', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${SLICE_ITEM_IMPL_CODE}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${SLICE_ITEM_IMPL_CODE}`, headers: { cookie: citizen.cookie } })).statusCode).toBe(404);
    const i = await item();
    const form = fillForm(i.form);
    const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/drafts/${SLICE_ITEM_IMPL_CODE}`, headers: citizen.headers, payload: { form, materials: [] } });
    expect(saved.statusCode).toBe(200);
    const back = (await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${SLICE_ITEM_IMPL_CODE}`, headers: { cookie: citizen.cookie } })).json();
    expect(back.form).toEqual(form);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${SLICE_ITEM_IMPL_CODE}`, headers: { cookie: company.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/drafts/NOPE', headers: citizen.headers, payload: { form, materials: [] } })).statusCode).toBe(400);

    const materials = [];
    for (const m of i.materials.filter((m: { necessity: string }) => m.necessity === 'required')) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const sub = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode: SLICE_ITEM_IMPL_CODE, form, materials } });
    expect(sub.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${SLICE_ITEM_IMPL_CODE}`, headers: { cookie: citizen.cookie } })).statusCode).toBe(404);
  });
});

describe('material library and prefill', () => {
  it('lists my earlier uploads with what they served as, and lets me reuse one in a new application', async () => {
    const lib = (await t.app.inject({ method: 'GET', url: '/api/v1/me/materials', headers: { cookie: citizen.cookie } })).json();
    const used = lib.files.find((f: { usedAs: string[] }) => f.usedAs.length > 0);
    expect(used).toBeDefined();
    const i = await item();
    const m = i.materials.find((x: { necessity: string }) => x.necessity === 'required');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...citizen.headers, 'idempotency-key': randomUUID() },
      payload: { implCode: SLICE_ITEM_IMPL_CODE, form: fillForm(i.form), materials: [{ code: m.code, fileId: used.id }] },
    });
    expect(res.statusCode).toBe(201);
    const other = (await t.app.inject({ method: 'GET', url: '/api/v1/me/materials', headers: { cookie: company.cookie } })).json();
    expect(other.files.some((f: { id: string }) => f.id === used.id)).toBe(false);
  });

  it('pre-fills profile fields from the register and other fields from my earlier applications', async () => {
    const p = (await t.app.inject({ method: 'GET', url: `/api/v1/me/prefill?implCode=${SLICE_ITEM_IMPL_CODE}`, headers: { cookie: citizen.cookie } })).json();
    const i = await item();
    const idField = Object.entries(i.form.properties).find(([, f]) => (f as { 'x-prefill'?: string })['x-prefill'] === 'idNumber')![0];
    expect(p.values[idField]).toMatch(/^\d{17}[\dX]$/);
    expect(p.sources[idField]).toBe('profile');
    expect(Object.values(p.sources)).toContain('history');
  });
});

describe('workbench helpers', () => {
  it('claims a case once; another clerk cannot silently take it; the queue filters by assignee and light', async () => {
    const i = await item();
    const materials = [];
    for (const m of i.materials.filter((m: { necessity: string }) => m.necessity === 'required')) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const c = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode: SLICE_ITEM_IMPL_CODE, form: fillForm(i.form), materials } })).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/claim`, headers: citizen.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/claim`, headers: clerk.headers })).statusCode).toBe(200);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?assignee=me&pageSize=100', headers: { cookie: clerk.cookie } })).json();
    expect(mine.cases.map((x: { id: string }) => x.id)).toContain(c.id);
    const green = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?light=green&pageSize=100', headers: { cookie: clerk.cookie } })).json();
    expect(green.cases.every((x: { slaLight: string }) => x.slaLight === 'green')).toBe(true);
    const reviewer = await loginAs(t.app, 'reviewer');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/claim`, headers: reviewer.headers })).statusCode).toBe(409);
  });

  it('bulk-accepts several cases, reporting each result on its own', async () => {
    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?state=submitted&pageSize=3', headers: { cookie: clerk.cookie } })).json();
    const items = queue.cases.map((c: { id: string }) => ({ id: c.id, version: 1 }));
    items.push({ id: randomUUID(), version: 1 });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases/bulk-actions', headers: clerk.headers, payload: { action: 'accept', items } });
    expect(res.statusCode).toBe(200);
    const r = res.json().results;
    expect(r.at(-1)).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
    expect(r.slice(0, -1).some((x: { ok: boolean }) => x.ok)).toBe(true);
  });

  it('exports the full record of a case as CSV', async () => {
    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=1', headers: { cookie: citizen.cookie } })).json();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${queue.cases[0].id}/timeline.csv`, headers: { cookie: citizen.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toContain('提交申请');
  });
});

describe('materials the platform obtains itself', () => {
  it('are not demanded from the applicant even when required', async () => {
    const rows = await t.db
      .selectFrom('service_item as i')
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
      .select(['i.impl_code', 'v.document'])
      .where('i.status', '=', 'published')
      .execute();
    const it = rows.find(
      (r) => r.document.serviceObjects.includes('person') && r.document.onlineDepth.some((d) => d >= 4) && r.document.materials.some((m) => m.necessity === 'required' && m.obtainable),
    )!;
    expect(it).toBeDefined();
    const materials = [];
    for (const m of it.document.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode: it.impl_code, form: fillForm(it.document.form as never), materials } });
    expect(res.statusCode).toBe(201);
  });
});
