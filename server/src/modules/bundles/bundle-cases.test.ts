/**
 * One submission of 新生儿出生 against the demo world: atomic and idempotent creation of the bundle case and its
 * member cases, partial selection, each department's own queue, the lead department's view, one notice and one
 * supplement across departments, the bundle's state and light from its members, and results held to go together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { BundleCase } from './routes.cases.ts';
import { handleCaseEvent } from '../notify/index.ts';
import { createDevOutboxEmailSimulator, createDevOutboxSmsSimulator } from '../notify/adapters/index.ts';
import type { Plan } from './schema.ts';

let t: TestApp;
let citizen: Session, company: Session, clerk: Session, supervisor: Session;
const reviewers: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [citizen, company, clerk, supervisor] = await Promise.all(['citizen', 'company', 'clerk', 'supervisor'].map((u) => loginAs(t.app, u)));
  for (const org of ['wjw', 'gaj', 'ybj', 'rsj']) reviewers[org] = await loginAs(t.app, `reviewer_${org}`);
});
afterAll(() => t.close());

const ANSWERS = { hukouHere: 'yes', follow: 'father', married: 'yes', wantSocialCard: 'yes' };
const AGENCY_REVIEWER: Record<string, string> = { 泰州市卫生健康委员会: 'wjw', 泰州市公安局: 'gaj', 泰州市医疗保障局: 'ybj', 泰州市人力资源和社会保障局: 'rsj' };

async function planFor(answers: object = ANSWERS, leaveOut: string[] = []): Promise<Plan> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers, leaveOut } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The merged form filled once (fields the bundle fills or issues are not asked) and each material uploaded once. */
async function fill(plan: Plan, s: Session = citizen) {
  const asked = plan.form.fields.filter((f) => !f.issuedBy && !f.filled);
  const form = fillForm({ properties: Object.fromEntries(asked.map((f) => [f.key, f.schema as never])), required: [] });
  const materials = [];
  for (const m of plan.materials.filter((m) => m.provide === 'upload')) materials.push({ key: m.key, fileId: (await uploadPdf(t.app, s, `${m.name}.pdf`)).id });
  return { form, materials };
}

const submit = (body: object, key: string = randomUUID(), s: Session = citizen) =>
  t.app.inject({ method: 'POST', url: '/api/v1/bundle-cases', headers: { ...s.headers, 'idempotency-key': key }, payload: { bundleCode: 'newborn', answers: ANSWERS, ...body } });
const getBundle = (s: Session, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/bundle-cases/${id}`, headers: { cookie: s.cookie } });
const getCase = async (s: Session, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: s.cookie } });
const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });
const counts = async () => {
  const { rows } = await sql<{ bundles: number; members: number }>`select (select count(*)::int from bundle_case) as bundles, (select count(*)::int from "case" where bundle is not null) as members`.execute(t.db);
  return rows[0]!;
};

type View = {
  id: string;
  number: string;
  state: string;
  slaLight: string | null;
  delivery: { method: string; trackingNo?: string; provider?: string; deliveredAt?: string };
  members: Array<{ caseId: string; implCode: string; agency: string; state: string; version: number; held: boolean; delivery: { trackingNo?: string } }>;
  notice: { items: Array<{ key: string; name: string; needsFile: boolean; requests: Array<{ caseId: string }> }> } | null;
};

/** Run the notify handler on every event the bundle and its member cases wrote since `since`; what the applicant got. */
async function notifyAll(b: View, since: Date) {
  const ids = [b.id, ...b.members.map((m) => m.caseId)];
  const rows = await t.db
    .selectFrom('outbox_event')
    .selectAll()
    .where((eb) => eb.or([eb(sql<string>`payload->>'caseId'`, 'in', ids), eb(sql<string>`payload->>'bundleCaseId'`, '=', b.id)]))
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .execute();
  const deps = { db: t.db, sms: createDevOutboxSmsSimulator(), email: createDevOutboxEmailSimulator() };
  for (const r of rows) await handleCaseEvent(deps, { id: r.id, topic: r.topic, payload: r.payload, createdAt: r.created_at.toISOString() });
  const eventIds = rows.map((r) => r.id);
  const topicOf = new Map(rows.map((r) => [r.id, r.topic]));
  const notes = await t.db.selectFrom('notification').selectAll().where('event_id', 'in', eventIds).execute();
  const sms = await t.db.selectFrom('message_outbox').selectAll().where('event_id', 'in', eventIds).where('channel', '=', 'sms').execute();
  return { topics: rows.map((r) => r.topic), notes: notes.map((n) => ({ ...n, topic: topicOf.get(n.event_id)! })), sms: sms.map((m) => ({ ...m, topic: topicOf.get(m.event_id)! })) };
}

/** Every member decided (the last one releases the held results). */
async function decideAll(b: View) {
  for (const m of b.members) await decide(m.caseId, m.agency);
  return (await getBundle(citizen, b.id)).json() as View;
}
const deliverBundle = (s: Session, id: string, body: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1/bundle-cases/${id}/deliver`, headers: s.headers, payload: body });

/** Accept at the window, then go through the item's review steps to the department's decision. */
async function decide(caseId: string, agency: string) {
  const reviewer = reviewers[AGENCY_REVIEWER[agency]!]!;
  for (let i = 0; i < 10; i++) {
    const c = (await getCase(clerk, caseId)).json();
    if (!['submitted', 'accepted'].includes(c.state)) return c;
    if (c.state === 'submitted') {
      expect((await act(clerk, caseId, { action: 'accept', version: c.version })).statusCode).toBe(200);
      continue;
    }
    for (const s of [reviewer, clerk, supervisor]) {
      const mine = (await getCase(s, caseId)).json();
      if (mine.allowedActions?.includes('decide')) {
        expect((await act(s, caseId, { action: 'decide', version: mine.version, decision: 'grant' })).statusCode).toBe(200);
        break;
      }
      if (mine.allowedActions?.includes('review')) {
        expect((await act(s, caseId, { action: 'review', version: mine.version, opinion: '材料齐全，符合条件' })).statusCode).toBe(200);
        break;
      }
    }
  }
  return (await getCase(clerk, caseId)).json();
}

describe('one submission (一次提交)', () => {
  it('files one bundle case and one member case per item, each in its department, the same files attached once each', async () => {
    const plan = await planFor();
    const before = await counts();
    const body = await fill(plan);
    const res = await submit(body);
    expect(res.statusCode, res.body).toBe(201);
    const b: View = res.json();
    expect(Value.Check(BundleCase, b)).toBe(true);
    expect(b.members.map((m) => m.implCode)).toEqual(plan.items.map((i) => i.implCode));
    expect(new Set(b.members.map((m) => m.agency)).size).toBeGreaterThanOrEqual(3);
    expect(b.state).toBe('in_progress');
    expect(await counts()).toEqual({ bundles: before.bundles + 1, members: before.members + plan.items.length });
    // Each merged material's one file is attached to every member case that asks for it.
    const shared = plan.materials.find((m) => m.provide === 'upload' && m.items.length > 1)!;
    const fileId = body.materials.find((m) => m.key === shared.key)!.fileId;
    const carrying = await t.db.selectFrom('case_material').select('case_id').where('file_id', '=', fileId).execute();
    const expected = b.members.filter((m) => shared.items.some((i) => i.implCode === m.implCode)).map((m) => m.caseId);
    expect(carrying.map((r) => r.case_id).sort()).toEqual(expected.sort());
    // Every department holding the file may open it.
    for (const m of b.members.filter((x) => expected.includes(x.caseId))) {
      const s = reviewers[AGENCY_REVIEWER[m.agency]!]!;
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}`, headers: { cookie: s.cookie } })).statusCode).toBe(200);
    }
    // Each member's form holds its own fields only, split from the merged form.
    const first = (await getCase(citizen, b.members[0]!.caseId)).json();
    expect(Object.keys(first.form).every((k) => k in first.formSchema.properties)).toBe(true);
    expect(first.bundle).toMatchObject({ id: b.id, name: '新生儿出生“一件事”', hold: true });
    // Each department finds its member case in its own queue, tagged with the bundle; only the lead department
    // (and staff of region scope, like the window clerk) may open the whole bundle from it.
    const rowIn = async (s: Session, caseId: string) => {
      const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=100', headers: { cookie: s.cookie } })).json();
      return queue.cases.find((c: { id: string }) => c.id === caseId);
    };
    for (const m of b.members) {
      const org = AGENCY_REVIEWER[m.agency]!;
      const row = await rowIn(reviewers[org]!, m.caseId);
      expect(row, m.agency).toBeDefined();
      expect(row.bundle).toEqual({ id: b.id, number: b.number, name: '新生儿出生“一件事”', canOpen: org === 'wjw' });
      expect((await getBundle(reviewers[org]!, b.id)).statusCode).toBe(org === 'wjw' ? 200 : 404);
    }
    expect((await rowIn(clerk, b.members[0]!.caseId)).bundle.canOpen).toBe(true);
    expect((await getCase(reviewers.wjw!, b.members[0]!.caseId)).json().bundle.canOpen).toBe(true);
  });

  it('is atomic: a member refused half-way leaves neither the bundle case nor any member case', async () => {
    const plan = await planFor();
    const { form, materials } = await fill(plan);
    // A material only a later member asks for, given a file that is not the citizen's own.
    const late = plan.materials.find((m) => m.provide === 'upload' && !m.items.some((i) => i.implCode === plan.items[0]!.implCode))!;
    const foreign = (await uploadPdf(t.app, company)).id;
    const before = await counts();
    const res = await submit({ form, materials: materials.map((m) => (m.key === late.key ? { ...m, fileId: foreign } : m)) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('MATERIAL_FILE_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('is idempotent: a retry, and concurrent duplicates, give the one bundle case', async () => {
    const body = await fill(await planFor());
    const key = randomUUID();
    const before = await counts();
    const [a, b] = await Promise.all([submit(body, key), submit(body, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const again = await submit(body, key);
    expect(again.json().id).toBe(a.json().id);
    expect((await counts()).bundles).toBe(before.bundles + 1);
    expect((await submit({ ...body, leaveOut: ['x'] }, key)).statusCode).toBe(422);
  });

  it('numbers its member cases on after the numbers taken when a sequence is behind them (a database from before sequences)', async () => {
    const body = await fill(await planFor());
    const first = await submit(body);
    expect(first.statusCode).toBe(201);
    const numbers = (first.json() as { members: Array<{ number: string }> }).members.map((m) => m.number);
    const behind = [...new Set(numbers.map((n) => n.split('-').slice(0, 2).join('_')))];
    for (const s of behind) await sql`alter sequence ${sql.id(`case_no_${s}`)} restart with 1`.execute(t.db);
    const again = await submit(body);
    expect(again.statusCode).toBe(201);
    const next = (again.json() as { members: Array<{ number: string }> }).members.map((m) => m.number);
    expect(next.every((n) => !numbers.includes(n) && Number(n.split('-')[2]) > 1)).toBe(true);
  });

  it('files only the chosen optional items (leaveOut) and refuses unknown merged fields', async () => {
    const medical = (await planFor()).items.find((i) => !i.required && !i.conditional)!;
    const plan = await planFor(ANSWERS, [medical.implCode]);
    const res = await submit({ ...(await fill(plan)), leaveOut: [medical.implCode] });
    expect(res.statusCode, res.body).toBe(201);
    const b: View = res.json();
    expect(b.members.map((m) => m.implCode)).not.toContain(medical.implCode);
    expect(b.members).toHaveLength(plan.items.length);
    const bad = await submit({ form: { noSuchField: 'x' }, materials: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('FIELD_UNKNOWN');
  });
});

describe('one notice, one supplement, one delivery', () => {
  it('merges two departments’ supplement requests into one notice that one supplement answers', async () => {
    const b: View = (await submit(await fill(await planFor()))).json();
    const [a, c] = [b.members[0]!, b.members.find((m) => m.agency !== b.members[0]!.agency)!];
    for (const m of [a, c]) {
      const r = await act(clerk, m.caseId, { action: 'request_supplement', version: m.version, items: [{ code: 'S1', name: `${m.agency}补充说明材料`, reason: '请提供加盖医院公章的出生情况说明原件扫描件' }] });
      expect(r.statusCode, r.body).toBe(200);
    }
    const v: View = (await getBundle(citizen, b.id)).json();
    expect(v.state).toBe('supplement_requested');
    expect(v.notice!.items).toHaveLength(2);
    expect(v.notice!.items.flatMap((i) => i.requests.map((r) => r.caseId)).sort()).toEqual([a.caseId, c.caseId].sort());
    const incomplete = await t.app.inject({ method: 'POST', url: `/api/v1/bundle-cases/${b.id}/supplement`, headers: citizen.headers, payload: { materials: [] } });
    expect(incomplete.statusCode).toBe(400);
    const materials = [];
    for (const i of v.notice!.items) materials.push({ key: i.key, fileId: (await uploadPdf(t.app, citizen)).id });
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/bundle-cases/${b.id}/supplement`, headers: citizen.headers, payload: { materials } });
    expect(done.statusCode, done.body).toBe(200);
    const after: View = done.json();
    expect(after.notice).toBeNull();
    expect(after.members.filter((m) => [a.caseId, c.caseId].includes(m.caseId)).map((m) => m.state)).toEqual(['submitted', 'submitted']);
    expect(after.state).toBe('in_progress');
  });

  it('one supplement is all or nothing: a file refused for one member saves nothing for the others', async () => {
    const b: View = (await submit(await fill(await planFor()))).json();
    const [a, c] = [b.members[0]!, b.members.find((m) => m.agency !== b.members[0]!.agency)!];
    for (const m of [a, c]) {
      const r = await act(clerk, m.caseId, { action: 'request_supplement', version: m.version, items: [{ code: 'S2', name: `${m.agency}出生情况补充说明`, reason: '请提供加盖医院公章的出生情况说明原件扫描件' }] });
      expect(r.statusCode, r.body).toBe(200);
    }
    const v: View = (await getBundle(citizen, b.id)).json();
    // The member answered second gets a file that is not the applicant's own: the first member's answer must not stay.
    const second = v.notice!.items.find((i) => i.requests.some((r) => r.caseId === c.caseId))!;
    const foreign = (await uploadPdf(t.app, company)).id;
    const materials = [];
    for (const i of v.notice!.items) materials.push({ key: i.key, fileId: i === second ? foreign : (await uploadPdf(t.app, citizen)).id });
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/bundle-cases/${b.id}/supplement`, headers: citizen.headers, payload: { materials } });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.code).toBe('MATERIAL_FILE_INVALID');
    expect(refused.json().error.message).toContain(second.name);
    const after: View = (await getBundle(citizen, b.id)).json();
    expect(after.members.filter((m) => [a.caseId, c.caseId].includes(m.caseId)).map((m) => m.state)).toEqual(['supplement_requested', 'supplement_requested']);
    expect(after.notice!.items).toHaveLength(2);
    const saved = await t.db.selectFrom('case_material').select('case_id').where('case_id', 'in', [a.caseId, c.caseId]).where('code', '=', 'S2').execute();
    expect(saved).toEqual([]);
    // Corrected, the same supplement answers both.
    const fixed = materials.map((m) => (m.key === second.key ? { ...m, fileId: '' } : m));
    fixed.find((m) => m.key === second.key)!.fileId = (await uploadPdf(t.app, citizen)).id;
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/bundle-cases/${b.id}/supplement`, headers: citizen.headers, payload: { materials: fixed } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().notice).toBeNull();
  });

  it('takes its light from the worst member', async () => {
    const b: View = (await submit(await fill(await planFor()))).json();
    expect(b.slaLight).toBe('green');
    await t.db.updateTable('case').set({ due_date: '2020-01-02', warn_date: '2020-01-01' }).where('id', '=', b.members[1]!.caseId).execute();
    expect((await getBundle(citizen, b.id)).json().slaLight).toBe('red');
  });

  it('lets the lead department read every member case and the bundle, without acting on other departments’ cases', async () => {
    const b: View = (await submit(await fill(await planFor()))).json();
    const other = b.members.find((m) => m.agency !== '泰州市卫生健康委员会')!;
    const asLead = await getCase(reviewers.wjw!, other.caseId);
    expect(asLead.statusCode).toBe(200);
    expect(asLead.json().bundle).toMatchObject({ id: b.id, leadView: true });
    expect(asLead.json().allowedActions).toEqual([]);
    expect((await getBundle(reviewers.wjw!, b.id)).statusCode).toBe(200);
    // A cooperating department reads its own member case only.
    const lead = b.members.find((m) => m.agency === '泰州市卫生健康委员会')!;
    expect((await getCase(reviewers[AGENCY_REVIEWER[other.agency]!]!, lead.caseId)).statusCode).toBe(404);
    expect((await getBundle(reviewers[AGENCY_REVIEWER[other.agency]!]!, b.id)).statusCode).toBe(404);
    expect((await getBundle(company, b.id)).statusCode).toBe(404);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/bundle-cases', headers: { cookie: citizen.cookie } })).json();
    expect(mine.bundleCases.map((x: { id: string }) => x.id)).toContain(b.id);
  });

  it('holds each decided result until every member is decided, then delivers them together', async () => {
    const b: View = (await submit(await fill(await planFor()))).json();
    const [last, ...rest] = [...b.members].reverse();
    for (const m of rest) {
      const c = await decide(m.caseId, m.agency);
      expect(c.state).toBe('decided');
      expect(c.bundle.hold).toBe(true);
    }
    let v: View = (await getBundle(citizen, b.id)).json();
    expect(v.state).toBe('in_progress');
    expect(v.members.filter((m) => m.state === 'decided' && m.held)).toHaveLength(rest.length);
    await decide(last!.caseId, last!.agency);
    v = (await getBundle(citizen, b.id)).json();
    expect(v.members.map((m) => m.state)).toEqual(b.members.map(() => 'closed'));
    expect(v.state).toBe('done');
    expect(v.slaLight).toBeNull();
  });

  it('tells the applicant once, by portal, SMS and email, when all results are ready', async () => {
    const since = new Date();
    const b: View = (await submit(await fill(await planFor()))).json();
    const done = await decideAll(b);
    expect(done.state).toBe('done');
    const { notes, sms } = await notifyAll(b, since);
    const released = notes.filter((n) => n.topic === 'bundle.results_released');
    expect(released).toHaveLength(1);
    expect(released[0]!.title).toBe('一件事已全部办完');
    expect(released[0]!.link).toBe(`/my/bundles/${b.id}`);
    for (const m of b.members) expect(released[0]!.body).toContain((await getCase(citizen, m.caseId)).json().itemName);
    expect(released[0]!.body).toContain('“我的办件”中查看和下载');
    // The results themselves reach the applicant once: held decisions stay in the portal, the electronic
    // deliveries made together are not told again, and one SMS and one email go out.
    expect(notes.filter((n) => n.topic === 'case.closed')).toEqual([]);
    const decided = notes.filter((n) => n.topic === 'case.decided');
    expect(decided).toHaveLength(b.members.length);
    for (const n of decided) expect(n.body).toContain('全部办完后一起送达');
    const resultTexts = sms.filter((m) => ['case.decided', 'case.closed', 'bundle.results_released'].includes(m.topic));
    expect(resultTexts.map((m) => m.topic)).toEqual(['bundle.results_released']);
    expect(resultTexts[0]!.body).toContain(b.number);
    expect(resultTexts[0]!.body.length).toBeLessThanOrEqual(70);
    const emails = await t.db.selectFrom('message_outbox').select('body').where('event_id', '=', released[0]!.event_id).where('channel', '=', 'email').execute();
    expect(emails.length).toBeLessThanOrEqual(1);
  });

  it('sends the results of an express bundle as one parcel: one waybill on the bundle and on every member case', async () => {
    const since = new Date();
    const address = '泰州市海陵区青年南路 88 号 李明 13951234567';
    const b: View = (await submit({ ...(await fill(await planFor())), delivery: { method: 'express', address } })).json();
    const early = await deliverBundle(clerk, b.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOT_DELIVERABLE');
    const ready = await decideAll(b);
    expect(ready.state).toBe('results_ready');
    expect(ready.members.every((m) => m.state === 'decided' && !m.held)).toBe(true);
    // Not one parcel per member: a member case cannot be delivered on its own.
    const one = (await getCase(clerk, ready.members[0]!.caseId)).json();
    expect(one.allowedActions).not.toContain('deliver');
    expect(one.bundle).toMatchObject({ together: true, hold: false });
    expect((await act(clerk, one.id, { action: 'deliver', version: one.version })).statusCode).toBe(409);
    expect((await deliverBundle(citizen, b.id)).statusCode).toBe(403);

    const res = await deliverBundle(clerk, b.id);
    expect(res.statusCode, res.body).toBe(200);
    const sent: View = res.json();
    expect(Value.Check(BundleCase, sent)).toBe(true);
    expect(sent.state).toBe('done');
    expect(sent.delivery).toMatchObject({ method: 'express', provider: 'express-simulator' });
    const trackingNo = sent.delivery.trackingNo!;
    expect(trackingNo).toBeTruthy();
    for (const m of sent.members) {
      expect(m.state).toBe('closed');
      expect(m.delivery.trackingNo).toBe(trackingNo);
      const track = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${m.caseId}/tracking`, headers: { cookie: citizen.cookie } });
      expect(track.statusCode).toBe(200);
      expect(track.json().trackingNo).toBe(trackingNo);
    }
    expect((await deliverBundle(clerk, b.id)).statusCode).toBe(409);
    const { notes, sms } = await notifyAll(b, since);
    expect(notes.filter((n) => n.topic === 'bundle.results_released')[0]!.body).toContain('一个快递包裹');
    const delivered = notes.filter((n) => n.topic === 'bundle.delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.body).toContain(trackingNo);
    expect(notes.filter((n) => n.topic === 'case.closed')).toEqual([]);
    expect(sms.filter((m) => m.topic === 'bundle.delivered')).toHaveLength(1);
  });

  it('hands out the results of a pickup bundle in one pickup', async () => {
    const b: View = (await submit({ ...(await fill(await planFor())), delivery: { method: 'pickup' } })).json();
    await decideAll(b);
    const res = await deliverBundle(clerk, b.id);
    expect(res.statusCode, res.body).toBe(200);
    const v: View = res.json();
    expect(v.state).toBe('done');
    expect(v.delivery.deliveredAt).toBeTruthy();
    expect(v.delivery.trackingNo).toBeUndefined();
    const pickups = await t.db.selectFrom('case_action').select(['case_id', 'payload']).where('action', '=', 'deliver').where('case_id', 'in', b.members.map((m) => m.caseId)).execute();
    expect(pickups).toHaveLength(b.members.length);
    for (const p of pickups) expect(p.payload).toMatchObject({ method: 'pickup', together: true, bundleCaseId: b.id });
  });

  it('delivers each result as it is ready when the applicant asks for that', async () => {
    const b: View = (await submit({ ...(await fill(await planFor())), deliverResults: 'each' })).json();
    const c = await decide(b.members[0]!.caseId, b.members[0]!.agency);
    expect(c.state).toBe('closed');
    expect(c.bundle.together).toBe(false);
    expect((await getBundle(citizen, b.id)).json().state).toBe('in_progress');
  });
});
