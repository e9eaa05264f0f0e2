import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { randomUUID } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, postCase, uploadPdf } from '../../testing/fixtures.ts';
import { chainAuditEvents, verifyAuditChain } from '../../platform/audit/index.ts';
import { CaseDetail } from './schema.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';

let t: TestApp;
let citizen: Session, company: Session, clerk: Session, reviewer: Session;
let item: { form: { properties: Record<string, { type: string; title: string }>; required: string[] }; materials: Array<{ code: string; necessity: string; name: string }> };

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [citizen, company, clerk, reviewer] = await Promise.all(['citizen', 'company', 'clerk', 'reviewer'].map((u) => loginAs(t.app, u)));
  item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` })).json();
});
afterAll(() => t.close());

async function apply(s: Session, key = randomUUID(), form = fillForm(item.form)) {
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required')) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, s)).id });
  const payload = { implCode: SLICE_ITEM_IMPL_CODE, form, materials };
  return { payload, res: await postCase(t.app, s, payload, key) };
}

const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });
const get = (s: Session, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: s.cookie } });

describe('POST /api/v1/cases', () => {
  it('forbidden without a session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: {} });
    expect(res.statusCode).toBe(401);
  });

  it('staff cannot apply', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: clerk.headers, payload: { implCode: SLICE_ITEM_IMPL_CODE, form: {}, materials: [] } });
    expect(res.statusCode).toBe(403);
  });

  it('creates exactly one case however often the same submission is retried', async () => {
    const key = randomUUID();
    const first = await apply(citizen, key);
    expect(first.res.statusCode).toBe(201);
    const c = first.res.json();
    expect(Value.Check(CaseDetail, c)).toBe(true);
    expect(c).toMatchObject({ state: 'submitted', slaLight: 'green', implCode: SLICE_ITEM_IMPL_CODE });
    const retries = await Promise.all(
      [1, 2, 3].map(() => postCase(t.app, citizen, first.payload, key)),
    );
    for (const r of retries) {
      expect(r.statusCode).toBe(201);
      expect(r.json().id).toBe(c.id);
    }
    const n = await t.db.selectFrom('case').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });

  it('refuses the same Idempotency-Key for different content', async () => {
    const key = randomUUID();
    const first = await apply(citizen, key);
    expect(first.res.statusCode).toBe(201);
    const other = await postCase(t.app, citizen, { ...first.payload, form: { ...first.payload.form, extraField: 1 } }, key);
    expect(other.statusCode).toBe(422);
  });

  it('names every form problem by its field label', async () => {
    const { res } = await apply(citizen, randomUUID(), {});
    expect(res.statusCode).toBe(400);
    const e = res.json().error;
    expect(e.code).toBe('FORM_INVALID');
    for (const req of item.form.required) expect(e.message).toContain(item.form.properties[req]!.title);
  });

  it('lists the missing required materials by name', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: citizen.headers, payload: { implCode: SLICE_ITEM_IMPL_CODE, form: fillForm(item.form), materials: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MATERIAL_MISSING');
    expect(res.json().error.message).toContain(item.materials.find((m) => m.necessity === 'required')!.name);
  });

  it('refuses a file that belongs to someone else', async () => {
    const foreign = await uploadPdf(t.app, company);
    const m = item.materials.find((m) => m.necessity === 'required')!;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: citizen.headers, payload: { implCode: SLICE_ITEM_IMPL_CODE, form: fillForm(item.form), materials: [{ code: m.code, fileId: foreign.id }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MATERIAL_FILE_INVALID');
  });

  it('refuses an unknown item with a 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: citizen.headers, payload: { implCode: 'NOPE', form: {}, materials: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ITEM_NOT_APPLICABLE');
  });
});

describe('the slice: submit → accept → grant → closed', () => {
  it('runs end to end with a full timeline, and the audit chain holds', async () => {
    const { res } = await apply(citizen);
    const c = res.json();

    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?state=submitted&pageSize=100', headers: { cookie: clerk.cookie } })).json();
    const row = queue.cases.find((x: { id: string }) => x.id === c.id);
    expect(row).toBeDefined();
    expect(row.applicantName).toMatch(/\*/); // masked in staff lists

    const seen = (await get(clerk, c.id)).json();
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'decline']));
    const accepted = await act(clerk, c.id, { action: 'accept', version: seen.version });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('accepted');
    expect(accepted.json().dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The clerk may not decide; the reviewer may.
    const clerkDecides = await act(clerk, c.id, { action: 'decide', version: accepted.json().version, decision: 'grant' });
    expect(clerkDecides.statusCode).toBe(403);
    const decided = await act(reviewer, c.id, { action: 'decide', version: accepted.json().version, decision: 'grant' });
    expect(decided.statusCode).toBe(200);

    const final = (await get(citizen, c.id)).json();
    expect(final.state).toBe('closed');
    expect(final.decision.result).toBe('grant');
    expect(final.slaLight).toBeNull();
    expect(final.timeline.map((x: { action: string }) => x.action)).toEqual(['submit', 'accept', 'decide', 'deliver']);
    expect(final.timeline[1].actorRole).toBe('window_clerk');
    expect(final.timeline[2].actorRole).toBe('reviewer');

    await chainAuditEvents(t.db);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('two clerks accepting at once: exactly one wins', async () => {
    const { res } = await apply(citizen);
    const c = res.json();
    const clerk2 = await loginAs(t.app, 'clerk');
    const results = await Promise.all([act(clerk, c.id, { action: 'accept', version: c.version }), act(clerk2, c.id, { action: 'accept', version: c.version })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const actions = await t.db.selectFrom('case_action').select('action').where('case_id', '=', c.id).execute();
    expect(actions.filter((a) => a.action === 'accept')).toHaveLength(1);
  });

  it('a decline needs a specific reason; "材料不齐全" alone is refused', async () => {
    const { res } = await apply(citizen);
    const c = res.json();
    const vague = await act(clerk, c.id, { action: 'decline', version: c.version, reason: '材料不齐全' });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().error.code).toBe('REASON_REQUIRED');
    const specific = await act(clerk, c.id, { action: 'decline', version: c.version, reason: '材料不齐全：缺少经营场所的房屋租赁合同，请补充后重新申请' });
    expect(specific.statusCode).toBe(200);
    expect(specific.json().state).toBe('declined');
  });

  it('an action out of order is refused with 409', async () => {
    const { res } = await apply(citizen);
    const c = res.json();
    const r = await act(reviewer, c.id, { action: 'decide', version: c.version, decision: 'grant' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('ACTION_NOT_ALLOWED');
  });
});

describe('who may see a case', () => {
  it('no applicant can see another applicant’s case or its files', async () => {
    const { res, payload } = await apply(citizen);
    const c = res.json();
    expect((await get(company, c.id)).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=100', headers: { cookie: company.cookie } })).json();
    expect(list.cases.some((x: { id: string }) => x.id === c.id)).toBe(false);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/files/${payload.materials[0]!.fileId}`, headers: { cookie: company.cookie } });
    expect(file.statusCode).toBe(404);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/files/${payload.materials[0]!.fileId}`, headers: { cookie: citizen.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    const staff = await t.app.inject({ method: 'GET', url: `/api/v1/files/${payload.materials[0]!.fileId}`, headers: { cookie: clerk.cookie } });
    expect(staff.statusCode).toBe(200);
  });

  it('a bad case id is a 400, an unknown one a 404', async () => {
    expect((await get(citizen, 'not-a-uuid')).statusCode).toBe(400);
    expect((await get(citizen, randomUUID())).statusCode).toBe(404);
  });
});
