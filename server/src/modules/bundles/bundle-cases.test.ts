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

type View = { id: string; state: string; slaLight: string | null; members: Array<{ caseId: string; implCode: string; agency: string; state: string; version: number; held: boolean }>; notice: { items: Array<{ key: string; name: string; needsFile: boolean; requests: Array<{ caseId: string }> }> } | null };

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
    // Each department finds its member case in its own queue.
    for (const m of b.members) {
      const s = reviewers[AGENCY_REVIEWER[m.agency]!]!;
      const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=100', headers: { cookie: s.cookie } })).json();
      expect(queue.cases.map((c: { id: string }) => c.id)).toContain(m.caseId);
    }
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

  it('delivers each result as it is ready when the applicant asks for that', async () => {
    const b: View = (await submit({ ...(await fill(await planFor())), deliverResults: 'each' })).json();
    const c = await decide(b.members[0]!.caseId, b.members[0]!.agency);
    expect(c.state).toBe('closed');
    expect((await getBundle(citizen, b.id)).json().state).toBe('in_progress');
  });
});
