/** Supervision figures and alerts in the caller's scope: overdue 告知承诺制 verification tasks show up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { buildWorld } from '../../seed/world/index.ts';

const ON_COMMITMENT = buildWorld().items.find((x) => x.orgKey === 'scjgj' && x.name === '食品经营许可（新办）')!.implCode;

let t: TestApp;
let citizen: Session, clerk: Session, supervisor: Session, reviewer: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [citizen, clerk, supervisor, reviewer] = await Promise.all(['citizen', 'clerk', 'supervisor', 'reviewer'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

/** A grant on commitment: filed with the signed commitment, accepted at the window (the verification task opens). */
async function grantedOnCommitment(): Promise<string> {
  const item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${ON_COMMITMENT}` })).json();
  const materials = [];
  for (const m of item.materials.filter((m: { necessity: string; obtainable?: boolean }) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { ...citizen.headers, 'idempotency-key': randomUUID() },
    payload: { implCode: ON_COMMITMENT, form: fillForm(item.form), materials, commitment: { accepted: true, signedName: '李明' } },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const c = filed.json();
  const a = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, headers: clerk.headers, payload: { action: 'accept', version: c.version } });
  expect(a.statusCode, a.body).toBe(200);
  return c.id;
}

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

describe('overdue verification tasks (告知承诺制) in supervision', () => {
  it('lists open tasks past their due date in the alerts and counts them in the summary; tasks still in time or done stay out', async () => {
    const [late, inTime, done] = [await grantedOnCommitment(), await grantedOnCommitment(), await grantedOnCommitment()];
    const before = (await get(supervisor, '/api/v1/dashboard/summary')).json().overdueVerifications;
    await t.db.updateTable('case_verification').set({ due_date: '2020-01-02', warn_date: '2020-01-01' }).where('case_id', 'in', [late, done]).execute();
    const v = (await get(reviewer, `/api/v1/cases/${done}`)).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${done}/actions`, headers: reviewer.headers, payload: { action: 'verify', version: v.version, outcome: 'confirmed' } })).statusCode).toBe(200);

    const alerts = await get(supervisor, '/api/v1/dashboard/alerts');
    expect(alerts.statusCode).toBe(200);
    const ids = alerts.json().overdueVerifications.map((x: { caseId: string }) => x.caseId);
    expect(ids).toContain(late);
    expect(ids).not.toContain(inTime);
    expect(ids).not.toContain(done);
    expect(alerts.json().overdueVerifications.find((x: { caseId: string }) => x.caseId === late)).toMatchObject({ state: 'open', dueDate: '2020-01-02', slaLight: 'red', applicantName: '李*' });
    expect((await get(supervisor, '/api/v1/dashboard/summary')).json().overdueVerifications).toBe(before + 1);
    // Supervision only: a reviewer works the tasks in the workbench, an applicant sees none.
    expect((await get(reviewer, '/api/v1/dashboard/alerts')).statusCode).toBe(403);
    expect((await get(citizen, '/api/v1/dashboard/alerts')).statusCode).toBe(403);
  });
});

describe('electronic license measures', () => {
  it('count the demo register’s licenses per type and department, and each verification', async () => {
    const before = (await get(supervisor, '/api/v1/dashboard/licenses')).json().licenses as Array<{ typeName: string; issued: number; legacy: number; inForce: number; verifications: number }>;
    const bl = before.find((m) => m.typeName === '营业执照');
    expect(bl).toMatchObject({ issued: 1, legacy: 1, inForce: 1 });
    const ref = (await t.db.selectFrom('license').select('ref').where('type_name', '=', '营业执照').executeTakeFirstOrThrow()).ref;
    await t.app.inject({ method: 'GET', url: `/api/v1/public/licenses/${ref}/verification` });
    // Verification logs may be written in batches shortly after the answer.
    const verifications = async () => (await get(supervisor, '/api/v1/dashboard/licenses')).json().licenses.find((m: { typeName: string }) => m.typeName === '营业执照').verifications;
    await expect.poll(verifications, { timeout: 3000 }).toBe(bl!.verifications + 1);
    expect((await get(citizen, '/api/v1/dashboard/licenses')).statusCode).toBe(403);
  });
});
