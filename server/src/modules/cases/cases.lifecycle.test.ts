import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { BUILTIN_CALENDAR, addWorkingDays, countWorkingDays, todayInShanghai } from '../../platform/calendar/index.ts';
import { deemAcceptOverdue } from './service.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';

let t: TestApp;
let citizen: Session, clerk: Session, reviewer: Session, supervisor: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [citizen, clerk, reviewer, supervisor] = await Promise.all(['citizen', 'clerk', 'reviewer', 'supervisor'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

type Item = { implCode: string; form: Parameters<typeof fillForm>[0]; materials: Array<{ code: string; name: string; necessity: string }> };
const itemOf = async (implCode: string): Promise<Item> => (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${implCode}` })).json();
const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });
const get = async (s: Session, id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: s.cookie } })).json();

async function apply(implCode = SLICE_ITEM_IMPL_CODE, extra: object = {}) {
  const item = await itemOf(implCode);
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required')) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode, form: fillForm(item.form), materials, ...extra } });
  return res;
}

describe('one-time supplement notice (一次性告知)', () => {
  it('lists every problem at once; the applicant supplements online and the case returns to the same clerk', async () => {
    const c = (await apply()).json();
    const item = await itemOf(SLICE_ITEM_IMPL_CODE);
    const m = item.materials[0]!;
    const vague = await act(clerk, c.id, { action: 'request_supplement', version: c.version, items: [{ code: m.code, name: m.name, reason: '有误' }] });
    expect(vague.statusCode).toBe(400);

    const notice = await act(clerk, c.id, {
      action: 'request_supplement',
      version: c.version,
      items: [
        { code: m.code, name: m.name, reason: '租赁合同未写明租赁期限，请上传写明期限的合同' },
        { name: '经营者身份证明', reason: '身份证照片反光看不清号码，请重新拍照上传' },
      ],
    });
    expect(notice.statusCode).toBe(200);
    const n = notice.json();
    expect(n).toMatchObject({ state: 'supplement_requested', slaLight: null });
    expect(n.notice.items).toHaveLength(2);

    const mine = await get(citizen, c.id);
    expect(mine.notice.items.map((i: { reason: string }) => i.reason)).toEqual(expect.arrayContaining([expect.stringContaining('租赁期限')]));
    expect(mine.allowedActions).toEqual(['supplement']);
    expect((await get(clerk, c.id)).allowedActions).toEqual([]);

    const incomplete = await act(citizen, c.id, { action: 'supplement', version: n.version, materials: [] });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('SUPPLEMENT_INCOMPLETE');
    const file = await uploadPdf(t.app, citizen, '租赁合同（含期限）.pdf');
    const done = await act(citizen, c.id, { action: 'supplement', version: n.version, materials: [{ code: m.code, fileId: file.id }] });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'submitted', slaLight: 'green' });
    expect(done.json().materials.find((x: { code: string }) => x.code === m.code).fileId).toBe(file.id);
    const row = await t.db.selectFrom('case').select(['assignee_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    const clerkId = (await t.db.selectFrom('account').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()).id;
    expect(row.assignee_id).toBe(clerkId);
    // Staff cannot supplement for the applicant through this route.
    expect((await act(clerk, c.id, { action: 'supplement', version: done.json().version, materials: [] })).statusCode).toBe(403);
  });
});

describe('deemed acceptance (行政许可法 art. 32)', () => {
  it('a submission left without notice for more than 5 working days counts as accepted from the day it was received', async () => {
    const c = (await apply()).json();
    const received = '2026-03-02';
    await sql`update "case" set submitted_at = ${received + 'T02:00:00Z'}::timestamptz, due_date = ${'2026-03-09'}::date where id = ${c.id}`.execute(t.db);
    const n = await deemAcceptOverdue(t.db, BUILTIN_CALENDAR, '2026-03-10');
    expect(n).toBeGreaterThanOrEqual(1);
    const after = await get(citizen, c.id);
    expect(after).toMatchObject({ state: 'accepted', deemedAccepted: true });
    const { committedDays } = (await itemOf(SLICE_ITEM_IMPL_CODE)) as unknown as { committedDays: number };
    expect(after.dueDate).toBe(addWorkingDays(received, committedDays, BUILTIN_CALENDAR));
    expect(after.timeline.map((x: { action: string }) => x.action)).toEqual(['submit', 'deem_accept']);
    expect(after.timeline[1].actorName).toBe('系统');
    // Running the sweep again changes nothing.
    const again = await deemAcceptOverdue(t.db, BUILTIN_CALENDAR, '2026-03-10');
    expect((await get(citizen, c.id)).version).toBe(after.version);
    expect(again).toBe(0);
  });

  it('a case still within its 5 days is left alone', async () => {
    const c = (await apply()).json();
    await deemAcceptOverdue(t.db, BUILTIN_CALENDAR, todayInShanghai());
    expect((await get(citizen, c.id)).state).toBe('submitted');
  });
});

describe('special procedures and extensions', () => {
  it('a special procedure stops the clock, the applicant is told, and the deadline moves by the days it took', async () => {
    const c = (await apply()).json();
    const accepted = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    const bad = await act(reviewer, c.id, { action: 'suspend', version: accepted.version, procedure: '喝茶', reason: 'x', expectedDays: 3 });
    expect(bad.statusCode).toBe(400);
    const s = await act(reviewer, c.id, { action: 'suspend', version: accepted.version, procedure: '专家评审', reason: '经营场所涉及食品安全风险，需组织专家现场评审', expectedDays: 5 });
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ slaLight: null, suspension: { procedure: '专家评审', expectedDays: 5 } });
    expect((await get(citizen, c.id)).timeline.at(-1)).toMatchObject({ action: 'suspend', note: expect.stringContaining('专家') });
    const early = await act(reviewer, c.id, { action: 'decide', version: s.json().version, decision: 'grant' });
    expect(early.statusCode).toBe(409);

    // Pretend the procedure began three working days ago.
    const today = todayInShanghai();
    const since = addWorkingDays(today, -3, BUILTIN_CALENDAR);
    await sql`update "case" set suspension = jsonb_set(suspension, '{since}', to_jsonb(${since}::text)) where id = ${c.id}`.execute(t.db);
    const r = await act(reviewer, c.id, { action: 'resume', version: s.json().version });
    expect(r.statusCode).toBe(200);
    const paused = countWorkingDays(since, today, BUILTIN_CALENDAR);
    expect(r.json().dueDate).toBe(addWorkingDays(accepted.dueDate, paused, BUILTIN_CALENDAR));
    expect(r.json().suspension).toBeUndefined();
  });

  it('an extension needs the approving leader and is capped by law (10 working days here)', async () => {
    const c = (await apply()).json();
    const accepted = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    // The cap and the procedures come from rules.ts, so clients never keep their own copy of the law.
    expect(accepted).toMatchObject({ extensionCap: 10, specialProcedures: expect.arrayContaining(['专家评审', '听证']) });
    expect((await act(reviewer, c.id, { action: 'extend', version: accepted.version, days: 5, reason: '案情复杂' })).statusCode).toBe(403);
    const over = await act(supervisor, c.id, { action: 'extend', version: accepted.version, days: 11, reason: '案情复杂' });
    expect(over.statusCode).toBe(400);
    const ok = await act(supervisor, c.id, { action: 'extend', version: accepted.version, days: 10, reason: '需要跨部门核实经营场所权属' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ extensionDays: 10, dueDate: addWorkingDays(accepted.dueDate, 10, BUILTIN_CALENDAR) });
    const more = await act(supervisor, c.id, { action: 'extend', version: ok.json().version, days: 1, reason: '再延长' });
    expect(more.statusCode).toBe(409);
  });
});

describe('instant items and delivery', () => {
  it('an instant item (即办件) is decided on the spot at acceptance', async () => {
    const rows = await t.db
      .selectFrom('service_item as i')
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
      .select(['i.impl_code', 'v.document'])
      .where('i.status', '=', 'published')
      .execute();
    const pick = rows.find((r) => r.document.caseType === 'instant' && r.document.serviceObjects.includes('person') && r.document.onlineDepth.some((d) => d >= 4));
    expect(pick).toBeDefined();
    const c = (await apply(pick!.impl_code)).json();
    expect(c.caseType).toBe('instant');
    expect((await get(clerk, c.id)).allowedActions).toContain('decide_on_spot');
    const r = await act(clerk, c.id, { action: 'decide_on_spot', version: c.version, decision: 'grant' });
    expect(r.statusCode).toBe(200);
    expect(r.json().state).toBe('closed');
    expect(r.json().timeline.map((x: { action: string }) => x.action)).toEqual(['submit', 'decide_on_spot', 'deliver']);
  });

  it('a commitment item cannot be decided on the spot', async () => {
    const c = (await apply()).json();
    expect(c.caseType).toBe('commitment');
    expect((await act(clerk, c.id, { action: 'decide_on_spot', version: c.version, decision: 'grant' })).statusCode).toBe(409);
  });

  it('express delivery needs an address, waits for the waybill after the decision, then closes', async () => {
    expect((await apply(SLICE_ITEM_IMPL_CODE, { delivery: { method: 'express' } })).statusCode).toBe(400);
    const c = (await apply(SLICE_ITEM_IMPL_CODE, { delivery: { method: 'express', address: '泰州市海陵区青年南路 88 号 李明 13951234567' } })).json();
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    const d = (await act(reviewer, c.id, { action: 'decide', version: a.version, decision: 'grant' })).json();
    expect(d.state).toBe('decided');
    const closed = (await act(clerk, c.id, { action: 'deliver', version: d.version, trackingNo: 'SF1234567890' })).json();
    expect(closed).toMatchObject({ state: 'closed', delivery: { method: 'express', trackingNo: 'SF1234567890' } });
  });

  it('express delivery without a typed waybill books the courier (express simulator); the track shows 揽收', async () => {
    const c = (await apply(SLICE_ITEM_IMPL_CODE, { delivery: { method: 'express', address: '泰州市海陵区青年南路 88 号 李明 13951234567' } })).json();
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    const d = (await act(reviewer, c.id, { action: 'decide', version: a.version, decision: 'grant' })).json();
    const closed = (await act(clerk, c.id, { action: 'deliver', version: d.version })).json();
    expect(closed).toMatchObject({ state: 'closed', delivery: { method: 'express', provider: 'express-simulator', trackingNo: expect.stringMatching(/^SIM\d{13}$/) } });
    const track = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/tracking`, headers: { cookie: citizen.cookie } })).json();
    expect(track).toMatchObject({ provider: 'express-simulator', trackingNo: closed.delivery.trackingNo, events: [{ label: '揽收' }] });
  });
});
