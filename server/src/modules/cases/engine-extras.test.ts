/**
 * Review steps per item, 告知承诺制 with its verification task, 通办 across two districts of 泰州, and the smaller
 * record gaps (queue rows with version and assignee, drafts with the delivery choice, the detailed export).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, postCase, uploadPdf } from '../../testing/fixtures.ts';
import { BUILTIN_CALENDAR, addWorkingDays, countWorkingDays, todayInShanghai } from '../../platform/calendar/index.ts';
import { sql } from 'kysely';
import { createStaffInTrx } from '../identity/index.ts';
import { deemAcceptOverdue } from './service.ts';
import { DEMO_PASSWORD, buildWorld } from '../../seed/world/index.ts';

const world = buildWorld();
const implOf = (orgKey: string, name: string) => {
  const i = world.items.find((x) => x.orgKey === orgKey && x.name === name);
  if (!i) throw new Error(`no item ${name} of ${orgKey}`);
  return i.implCode;
};
/** Two review steps: 审查 then 核准 (the decision). */
const STEPPED = implOf('scjgj', '个人独资企业设立登记');
/** 告知承诺制. */
const ON_COMMITMENT = implOf('scjgj', '食品经营许可（新办）');
/** 高港区市场监督管理局's implementation, 通办 city-wide. */
const GAOGANG_ITEM = implOf('gg_scjgj', '个体工商户设立登记');

let t: TestApp;
let citizen: Session, clerk: Session, reviewer: Session, gaogangResident: Session, clerkHl: Session, reviewerGg: Session, clerkGg: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  // A window clerk of 高港区's branch centre: same district as the deciding agency, not where the case was filed.
  await t.db.transaction().execute((trx) => createStaffInTrx(trx, { username: 'clerk_gg', password: DEMO_PASSWORD, displayName: '钱多多', regionCode: null, orgKey: 'fzx_321203', roles: ['window_clerk'] }));
  [citizen, clerk, reviewer, gaogangResident, clerkHl, reviewerGg, clerkGg] = await Promise.all(
    ['citizen', 'clerk', 'reviewer', 'resident02', 'clerk_hl', 'reviewer_gg', 'clerk_gg'].map((u) => loginAs(t.app, u)),
  );
});
afterAll(() => t.close());

type Item = { implCode: string; form: Parameters<typeof fillForm>[0]; materials: Array<{ code: string; name: string; necessity: string; obtainable?: boolean }>; commitmentText?: string };
const itemOf = async (implCode: string): Promise<Item> => (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${implCode}` })).json();
const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });
const get = (s: Session, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: s.cookie } });

async function apply(s: Session, implCode: string, extra: object = {}) {
  const item = await itemOf(implCode);
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, s)).id });
  return postCase(t.app, s, { implCode, form: fillForm(item.form), materials, ...extra });
}

describe('review steps per item (review → … → decide)', () => {
  it('goes through the item’s steps in order, each by its role, each with a due date, and records who did what', async () => {
    const filed = await apply(citizen, STEPPED);
    expect(filed.statusCode).toBe(201);
    const c = filed.json();
    expect(c.reviewSteps.map((s: { name: string }) => s.name)).toEqual(['审查', '核准']);
    expect(c.currentStep).toBe(-1);

    const accepted = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    const today = todayInShanghai();
    expect(accepted.currentStep).toBe(0);
    expect(accepted.reviewSteps[0]).toMatchObject({ name: '审查', role: 'reviewer', dueDate: addWorkingDays(today, 1, BUILTIN_CALENDAR) });

    const r0 = (await get(reviewer, c.id)).json();
    expect(r0.allowedActions).toContain('review');
    expect(r0.allowedActions).not.toContain('decide');
    // Not the last step: no decision yet.
    const early = await act(reviewer, c.id, { action: 'decide', version: r0.version, decision: 'grant' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ACTION_NOT_ALLOWED');
    // A window clerk may read the case but the step is the reviewer's.
    const wrongRole = await act(clerk, c.id, { action: 'review', version: r0.version, opinion: '材料齐全，同意' });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.code).toBe('STEP_ROLE');
    const noOpinion = await act(reviewer, c.id, { action: 'review', version: r0.version, opinion: ' ' });
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().error.code).toBe('OPINION_REQUIRED');

    // Two reviewers finishing the same step at once: exactly one wins.
    const both = await Promise.all([
      act(reviewer, c.id, { action: 'review', version: r0.version, opinion: '申请材料齐全，投资人身份与登记信息一致，同意进入核准' }),
      act(reviewer, c.id, { action: 'review', version: r0.version, opinion: '申请材料齐全，投资人身份核验一致，同意（另一窗口）' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const r1 = (await get(reviewer, c.id)).json();
    expect(r1.currentStep).toBe(1);
    expect(r1.reviewSteps[0]).toMatchObject({ byName: '张明远', opinion: expect.stringMatching(/同意/) });
    expect(r1.reviewSteps[1].dueDate).toBe(addWorkingDays(today, 0, BUILTIN_CALENDAR));
    expect(r1.allowedActions).toEqual(expect.arrayContaining(['decide']));
    expect(r1.allowedActions).not.toContain('review');

    const decided = await act(reviewer, c.id, { action: 'decide', version: r1.version, decision: 'grant', note: '核准登记' });
    expect(decided.statusCode).toBe(200);
    const d = decided.json();
    expect(d.state).toBe('closed');
    expect(d.reviewSteps[1]).toMatchObject({ byName: '张明远', opinion: '核准登记' });
    const step = d.timeline.find((e: { action: string }) => e.action === 'review');
    expect(step).toMatchObject({ actionLabel: '审查完成', actorName: '张明远', note: r1.reviewSteps[0].opinion, detail: expect.stringMatching(/下一环节：核准/) });

    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/timeline.csv`, headers: { cookie: reviewer.cookie } });
    expect(csv.body).toContain('详情');
    expect(csv.body).toContain('审查完成');
    expect(csv.body).toContain('下一环节：核准');
    expect(csv.body).toContain('电子送达');
  });

  it('a stopped clock and an extension move the due date of the step under way', async () => {
    const c = (await apply(citizen, STEPPED)).json();
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    const due0 = a.reviewSteps[0].dueDate;
    // The procedure started three working days before today (set back in the record, as time would have passed).
    const s = (await act(reviewer, c.id, { action: 'suspend', version: a.version, procedure: '现场核查', reason: '核查企业住所是否与登记一致', expectedDays: 3 })).json();
    const since = addWorkingDays(todayInShanghai(), -3, BUILTIN_CALENDAR);
    await t.db.updateTable('case').set({ suspension: JSON.stringify({ ...s.suspension, since }) }).where('id', '=', c.id).execute();
    const r = (await act(reviewer, c.id, { action: 'resume', version: s.version })).json();
    const paused = countWorkingDays(since, todayInShanghai(), BUILTIN_CALENDAR);
    expect(paused).toBeGreaterThan(0);
    expect(r.reviewSteps[0].dueDate).toBe(addWorkingDays(due0, paused, BUILTIN_CALENDAR));
    const supervisor = await loginAs(t.app, 'supervisor');
    const e = (await act(supervisor, c.id, { action: 'extend', version: r.version, days: 2, reason: '住所核查需补充产权证明，报经负责人批准延长' })).json();
    expect(e.reviewSteps[0].dueDate).toBe(addWorkingDays(addWorkingDays(due0, paused, BUILTIN_CALENDAR), 2, BUILTIN_CALENDAR));
  });

  it('items without steps keep one step, so the reviewer decides at once', async () => {
    const c = (await apply(citizen, implOf('scjgj', '个体工商户变更登记'))).json();
    expect(c.reviewSteps).toEqual([expect.objectContaining({ name: '审查', role: 'reviewer' })]);
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    expect((await get(reviewer, a.id)).json().allowedActions).toEqual(expect.arrayContaining(['decide']));
  });
});

describe('告知承诺制: granted on the signed commitment, verified later', () => {
  it('refuses a submission without the signed commitment, with a clear 400', async () => {
    const none = await apply(citizen, ON_COMMITMENT);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('COMMITMENT_REQUIRED');
    const unticked = await apply(citizen, ON_COMMITMENT, { commitment: { accepted: false, signedName: '李明' } });
    expect(unticked.json().error.code).toBe('COMMITMENT_REQUIRED');
    const other = await apply(citizen, ON_COMMITMENT, { commitment: { accepted: true, signedName: '张三' } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('COMMITMENT_SIGNATURE_MISMATCH');
  });

  it('acceptance grants at once and opens a verification task; a false commitment revokes the grant', async () => {
    const item = await itemOf(ON_COMMITMENT);
    expect(item.commitmentText).toMatch(/承诺/);
    const filed = await apply(citizen, ON_COMMITMENT, { commitment: { accepted: true, signedName: '李明' } });
    expect(filed.statusCode).toBe(201);
    const c = filed.json();
    expect(c.commitment).toMatchObject({ signedName: '李明', verificationDays: 20, text: item.commitmentText });

    const accepted = await act(clerk, c.id, { action: 'accept', version: c.version });
    expect(accepted.statusCode).toBe(200);
    const a = accepted.json();
    expect(a.state).toBe('closed');
    expect(a.decision).toMatchObject({ result: 'grant', basis: '告知承诺' });
    expect(a.verification).toMatchObject({ state: 'open', dueDate: addWorkingDays(todayInShanghai(), 20, BUILTIN_CALENDAR) });
    expect(a.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'decide', 'deliver']);
    expect(a.timeline[1].actorName).toBe('李晓燕');

    const tasks = await t.app.inject({ method: 'GET', url: '/api/v1/verifications', headers: { cookie: reviewer.cookie } });
    expect(tasks.statusCode).toBe(200);
    expect(tasks.json().tasks).toContainEqual(expect.objectContaining({ caseId: c.id, state: 'open', applicantName: '李*' }));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/verifications', headers: { cookie: citizen.cookie } })).statusCode).toBe(403);
    // Another district's reviewer (organisation scope) does not see the city bureau's task.
    const other = (await t.app.inject({ method: 'GET', url: '/api/v1/verifications', headers: { cookie: reviewerGg.cookie } })).json();
    expect(other.tasks.map((x: { caseId: string }) => x.caseId)).not.toContain(c.id);

    const r = (await get(reviewer, c.id)).json();
    expect(r.allowedActions).toContain('verify');
    // The clerk accepted; verification is the deciding agency's (case:decide).
    expect((await act(clerk, c.id, { action: 'verify', version: r.version, outcome: 'confirmed' })).statusCode).toBe(403);
    const vague = await act(reviewer, c.id, { action: 'verify', version: r.version, outcome: 'false_commitment', reason: '不符合条件' });
    expect(vague.json().error.code).toBe('REASON_REQUIRED');
    const noOutcome = await act(reviewer, c.id, { action: 'verify', version: r.version });
    expect(noOutcome.json().error.code).toBe('VERIFY_OUTCOME_REQUIRED');

    const stale = await act(reviewer, c.id, { action: 'verify', version: r.version - 1, outcome: 'confirmed' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const reason = '现场核查发现经营场所未设置专间，冷食类食品制售不符合承诺的条件';
    const revoked = await act(reviewer, c.id, { action: 'verify', version: r.version, outcome: 'false_commitment', reason });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', decision: { result: 'grant', revokeReason: reason }, verification: { state: 'false_commitment', verifierName: '张明远' } });
    expect(revoked.json().timeline.at(-1)).toMatchObject({ actionLabel: '核查：承诺不实，撤销许可', note: reason });
    // The applicant is told: the event the notification module answers.
    const ev = await t.db.selectFrom('outbox_event').select(['payload']).where('topic', '=', 'case.verified').execute();
    expect(ev.map((e) => e.payload as unknown as { caseId: string; outcome: string })).toContainEqual(expect.objectContaining({ caseId: c.id, outcome: 'false_commitment' }));
    const mine = (await get(citizen, c.id)).json();
    expect(mine).toMatchObject({ state: 'revoked', stateLabel: '许可已撤销' });
    // Verified once: never again.
    expect((await act(reviewer, c.id, { action: 'verify', version: revoked.json().version, outcome: 'confirmed' })).statusCode).toBe(409);
  });

  it('a deemed acceptance (5 working days without notice) grants on the commitment and opens the verification task, and says so', async () => {
    const c = (await apply(citizen, ON_COMMITMENT, { commitment: { accepted: true, signedName: '李明' } })).json();
    const received = '2026-03-02';
    await sql`update "case" set submitted_at = ${received + 'T02:00:00Z'}::timestamptz, due_date = ${'2026-03-09'}::date where id = ${c.id}`.execute(t.db);
    expect(await deemAcceptOverdue(t.db, BUILTIN_CALENDAR, '2026-03-10')).toBeGreaterThanOrEqual(1);
    const d = (await get(citizen, c.id)).json();
    // What a clerk's acceptance does: the grant on the commitment, delivered, and a verification task.
    expect(d).toMatchObject({ state: 'closed', deemedAccepted: true, decision: { result: 'grant', basis: '告知承诺' }, verification: { state: 'open', dueDate: addWorkingDays(todayInShanghai(), 20, BUILTIN_CALENDAR) } });
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'deem_accept', 'decide', 'deliver']);
    expect(d.timeline[1]).toMatchObject({ actorName: '系统', detail: expect.stringContaining('视为受理即按承诺准予许可') });
    expect(d.timeline[2]).toMatchObject({ actionLabel: '准予许可', detail: '依据：告知承诺（逾期视为受理，按承诺准予）' });
    const tasks = (await t.app.inject({ method: 'GET', url: '/api/v1/verifications', headers: { cookie: reviewer.cookie } })).json().tasks;
    expect(tasks).toContainEqual(expect.objectContaining({ caseId: c.id, state: 'open' }));
    // The deciding agency verifies it as any other grant on commitment; nobody decides it a second time.
    const r = (await get(reviewer, c.id)).json();
    expect(r.allowedActions).toContain('verify');
    expect(r.allowedActions).not.toContain('decide');
    expect(await deemAcceptOverdue(t.db, BUILTIN_CALENDAR, '2026-03-10')).toBe(0);
  });

  it('a confirmed commitment keeps the grant and closes the task', async () => {
    const c = (await apply(citizen, ON_COMMITMENT, { commitment: { accepted: true, signedName: '李明' } })).json();
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    const v = await act(reviewer, c.id, { action: 'verify', version: a.version, outcome: 'confirmed', opinion: '现场核查：场所布局、设备设施与承诺一致' });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ state: 'closed', verification: { state: 'confirmed' } });
    expect(v.json().allowedActions).not.toContain('verify');
    const open = (await t.app.inject({ method: 'GET', url: '/api/v1/verifications', headers: { cookie: reviewer.cookie } })).json();
    expect(open.tasks.map((x: { caseId: string }) => x.caseId)).not.toContain(c.id);
  });
});

describe('通办: filed in 海陵区, decided in 高港区', () => {
  it('the demo world has one waiting for 高港区’s decision, accepted by 海陵区’s window', async () => {
    const rows = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?state=accepted', headers: { cookie: reviewerGg.cookie } })).json().cases;
    const seeded = rows.find((r: { acceptRegionCode: string | null }) => r.acceptRegionCode === '321202');
    expect(seeded).toBeDefined();
    const d = (await get(reviewerGg, seeded.id)).json();
    expect(d.timeline.map((e: { actorName: string }) => e.actorName)).toEqual(['陈建军', '王静']);
    expect(d.allowedActions).toContain('decide');
  });

  it('records both regions; the accepting side accepts, the home side decides; each sees it in its queue', async () => {
    const outside = await t.db.selectFrom('region').select('code').where('code', 'not like', '3212%').executeTakeFirst();
    if (outside) {
      const far = await apply(gaogangResident, GAOGANG_ITEM, { acceptRegionCode: outside.code });
      expect(far.statusCode).toBe(400);
      expect(far.json().error.code).toBe('TONGBAN_NOT_ALLOWED');
    }
    expect((await apply(gaogangResident, GAOGANG_ITEM, { acceptRegionCode: '999999' })).json().error.code).toBe('REGION_UNKNOWN');
    const regions = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/accept-regions?implCode=${GAOGANG_ITEM}`, headers: { cookie: gaogangResident.cookie } })).json().regions;
    expect(regions[0]).toMatchObject({ code: '321203', home: true });
    expect(regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['321202', '321200']));
    expect(regions.every((r: { code: string }) => r.code.startsWith('3212'))).toBe(true);

    const filed = await apply(gaogangResident, GAOGANG_ITEM, { acceptRegionCode: '321202' });
    expect(filed.statusCode).toBe(201);
    const c = filed.json();
    expect(c).toMatchObject({ acceptRegionCode: '321202', regionCode: '321203', agencyName: '泰州市高港区市场监督管理局' });
    expect(c.acceptRegionName).toMatch(/海陵/);
    expect(c.regionName).toMatch(/高港/);
    expect(c.timeline[0].detail).toMatch(/通办：在.*海陵区受理/);

    const queue = async (s: Session) => (await t.app.inject({ method: 'GET', url: `/api/v1/cases?q=${c.number}`, headers: { cookie: s.cookie } })).json().cases;
    expect(await queue(clerkHl)).toEqual([expect.objectContaining({ id: c.id, acceptRegionCode: '321202' })]);
    expect(await queue(reviewerGg)).toHaveLength(1);
    expect(await queue(clerkGg)).toHaveLength(1);
    // The city bureau's reviewer is neither side.
    expect(await queue(reviewer)).toHaveLength(0);
    expect((await get(reviewer, c.id)).statusCode).toBe(404);

    // 高港区's window sees the case but accepting it is 海陵区's step.
    expect((await get(clerkGg, c.id)).json().allowedActions).toEqual([]);
    const wrongSide = await act(clerkGg, c.id, { action: 'accept', version: c.version });
    expect(wrongSide.statusCode).toBe(403);
    expect(wrongSide.json().error.code).toBe('WRONG_SIDE');
    expect((await get(clerkHl, c.id)).json().allowedActions).toEqual(expect.arrayContaining(['accept', 'request_supplement', 'decline']));
    // Two 海陵区 windows accepting at once: exactly one wins.
    const both = await Promise.all([act(clerkHl, c.id, { action: 'accept', version: c.version }), act(clerk, c.id, { action: 'accept', version: c.version })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const accepted = both.find((r) => r.statusCode === 200)!;
    // The accepting side does not decide.
    expect(accepted.json().allowedActions).not.toContain('decide');

    const home = (await get(reviewerGg, c.id)).json();
    expect(home.allowedActions).toContain('decide');
    const granted = await act(reviewerGg, c.id, { action: 'decide', version: home.version, decision: 'grant' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().timeline.map((e: { actorName: string }) => e.actorName)).toEqual(['陈建军', expect.stringMatching(/^(王静|李晓燕)$/), '赵志刚', '系统']);
  });

  it('an item without 通办 cannot be filed elsewhere; filing in the item’s own region is an ordinary case', async () => {
    const same = await apply(gaogangResident, GAOGANG_ITEM, { acceptRegionCode: '321203' });
    expect(same.statusCode).toBe(201);
    expect(same.json().acceptRegionCode).toBeNull();
    await t.db.updateTable('case').set({ accept_region_code: null }).where('id', '=', same.json().id).execute();
  });
});

describe('record gaps', () => {
  it('queue rows carry the version and the name of who claimed the case', async () => {
    const c = (await apply(citizen, STEPPED)).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/claim`, headers: clerk.headers });
    const rows = (await t.app.inject({ method: 'GET', url: `/api/v1/cases?q=${c.number}`, headers: { cookie: clerk.cookie } })).json().cases;
    expect(rows).toEqual([expect.objectContaining({ id: c.id, version: c.version, assigneeName: '李晓燕' })]);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: citizen.cookie } })).json().cases;
    expect(mine[0]).not.toHaveProperty('assigneeName');
  });

  it('a draft keeps the delivery choice', async () => {
    const delivery = { method: 'express', address: '江苏省泰州市海陵区春晖路18号' };
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/drafts/${STEPPED}`, headers: citizen.headers, payload: { form: {}, materials: [], delivery } });
    expect(put.statusCode).toBe(200);
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${STEPPED}`, headers: { cookie: citizen.cookie } });
    expect(got.json().delivery).toEqual(delivery);
  });
});
