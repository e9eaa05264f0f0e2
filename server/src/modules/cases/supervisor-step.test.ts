/**
 * The last review step taken by the role it names: 药品零售企业许可 ends with 审批 by the 分管负责人 (a supervisor). The
 * reviewer does the steps before it, the supervisor decides — only within their region, seeing it in their queue —
 * and nobody else takes the decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, postCase, uploadPdf } from '../../testing/fixtures.ts';
import { createStaffInTrx } from '../identity/index.ts';
import { DEMO_PASSWORD, buildWorld } from '../../seed/world/index.ts';

const world = buildWorld();
const ITEM = world.items.find((x) => x.orgKey === 'scjgj' && x.name === '药品零售企业许可')!;

let t: TestApp;
let company: Session, clerk: Session, reviewer: Session, supervisor: Session, supervisorGg: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  // A supervisor of 高港区 only: the city's case is outside their region.
  await t.db.transaction().execute((trx) => createStaffInTrx(trx, { username: 'supervisor_gg', password: DEMO_PASSWORD, displayName: '高分管', regionCode: null, orgKey: 'gg_gov', roles: ['supervisor'] }));
  [company, clerk, reviewer, supervisor, supervisorGg] = await Promise.all(['company', 'clerk', 'reviewer', 'supervisor', 'supervisor_gg'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

describe('a supervisor’s 审批 as the last step', () => {
  it('the demo item ends with the supervisor’s 审批', () => {
    expect(ITEM.reviewSteps?.at(-1)).toMatchObject({ name: '审批', role: 'supervisor' });
  });

  it('reviewer’s steps first, then the supervisor decides in their region; nobody else may', async () => {
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${ITEM.implCode}` })).json();
    const materials = [];
    for (const m of item.materials.filter((m: { necessity: string; obtainable?: boolean }) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, company)).id });
    const filed = await postCase(t.app, company, { implCode: ITEM.implCode, form: fillForm(item.form), materials });
    expect(filed.statusCode, filed.body).toBe(201);
    let c = (await act(clerk, filed.json().id, { action: 'accept', version: filed.json().version })).json();
    for (const opinion of ['材料齐全，符合要求', '现场核查情况与申请一致']) c = (await act(reviewer, c.id, { action: 'review', version: c.version, opinion })).json();
    expect(c.reviewSteps[c.currentStep]).toMatchObject({ name: '审批', role: 'supervisor', roleLabel: '分管负责人' });

    // The reviewer holds case:decide, but this step is not theirs.
    expect((await get(reviewer, `/api/v1/cases/${c.id}`)).json().allowedActions).not.toContain('decide');
    const byReviewer = await act(reviewer, c.id, { action: 'decide', version: c.version, decision: 'grant' });
    expect(byReviewer.statusCode).toBe(403);
    expect(byReviewer.json().error.code).toBe('STEP_ROLE');

    // The city's supervisor finds it among the cases awaiting their step, and may decide — nothing else of the reviewer's.
    const mine = (await get(supervisor, '/api/v1/cases?step=mine&pageSize=100')).json();
    expect(mine.cases.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await get(reviewer, '/api/v1/cases?step=mine&pageSize=100')).json().cases.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const seen = (await get(supervisor, `/api/v1/cases/${c.id}`)).json();
    expect(seen.allowedActions).toContain('decide');
    expect(seen.allowedActions).not.toContain('suspend');
    const suspend = await act(supervisor, c.id, { action: 'suspend', version: c.version, procedure: '现场核查', reason: '复核', expectedDays: 2 });
    expect(suspend.statusCode).toBe(403);

    // 高港区's supervisor: outside their region, the case does not exist for them.
    expect((await get(supervisorGg, `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const outside = await act(supervisorGg, c.id, { action: 'decide', version: c.version, decision: 'grant' });
    expect(outside.statusCode).toBe(404);

    const decided = await act(supervisor, c.id, { action: 'decide', version: c.version, decision: 'grant', note: '同意，准予许可' });
    expect(decided.statusCode, decided.body).toBe(200);
    const d = decided.json();
    expect(d.decision).toMatchObject({ result: 'grant' });
    expect(d.reviewSteps.at(-1)).toMatchObject({ name: '审批', byName: '刘国平', opinion: '同意，准予许可' });
    expect(d.timeline.find((e: { action: string }) => e.action === 'decide')).toMatchObject({ actorName: '刘国平', actorRole: 'supervisor' });
  });

  it('a supervisor may not decide a case whose last step is a reviewer’s', async () => {
    const other = world.items.find((x) => x.orgKey === 'scjgj' && x.name === '个人独资企业设立登记')!;
    const citizen = await loginAs(t.app, 'citizen');
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${other.implCode}` })).json();
    const materials = [];
    for (const m of item.materials.filter((m: { necessity: string; obtainable?: boolean }) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const filed = (await postCase(t.app, citizen, { implCode: other.implCode, form: fillForm(item.form), materials })).json();
    let c = (await act(clerk, filed.id, { action: 'accept', version: filed.version })).json();
    c = (await act(reviewer, c.id, { action: 'review', version: c.version, opinion: '材料齐全，符合要求' })).json();
    expect((await get(supervisor, `/api/v1/cases/${c.id}`)).json().allowedActions).not.toContain('decide');
    const res = await act(supervisor, c.id, { action: 'decide', version: c.version, decision: 'grant' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('STEP_ROLE');
  });
});
