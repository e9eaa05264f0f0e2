import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { applicationFor, postCase, uploadPdf, type PublicItemForm } from '../../testing/fixtures.ts';
import { chainAuditEvents, verifyAuditChain } from '../../platform/audit/index.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';

let t: TestApp;
let citizen: Session, company: Session;
let item: PublicItemForm;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [citizen, company] = await Promise.all(['citizen', 'company'].map((u) => loginAs(t.app, u)));
  item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` })).json();
});
afterAll(() => t.close());

const payloadFor = (s: Session) => applicationFor(t.app, s, SLICE_ITEM_IMPL_CODE, item);
const post = (s: Session, key: string, payload: object) => postCase(t.app, s, payload, key);
const count = async (table: 'case' | 'idempotency_record', where: { col: 'id' | 'key'; value: string }) =>
  (await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(where.col, '=', where.value).executeTakeFirstOrThrow()).n;

describe('filing a case in one statement (submit.ts)', () => {
  it('answers with exactly what reading the case back gives', async () => {
    const res = await post(citizen, randomUUID(), await payloadFor(citizen));
    expect(res.statusCode).toBe(201);
    const back = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${res.json().id}`, headers: { cookie: citizen.cookie } });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual(back.json());
    expect(res.json().materials.map((m: { fileName: string }) => m.fileName).every(Boolean)).toBe(true);
  });

  it('files one case when the same key arrives many times at once', async () => {
    const key = randomUUID();
    const payload = await payloadFor(citizen);
    const all = await Promise.all(Array.from({ length: 8 }, () => post(citizen, key, payload)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const ids = new Set(all.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    // the request that filed it and those answered with the earlier case (detail-json.ts both ways) say the same
    for (const r of all) expect(r.json()).toEqual(all[0]!.json());
    expect(await count('case', { col: 'id', value: [...ids][0]! })).toBe(1);
    expect(await count('idempotency_record', { col: 'key', value: key })).toBe(1);
  });

  it('keeps the audit chain verifiable after concurrent submissions, one event and one outbox event each', async () => {
    const payloads = await Promise.all(Array.from({ length: 12 }, () => payloadFor(citizen)));
    const filed = await Promise.all(payloads.map((p) => post(citizen, randomUUID(), p)));
    expect(filed.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const ids = filed.map((r) => r.json().id as string);
    expect(new Set(filed.map((r) => r.json().number)).size).toBe(12);
    const audits = await t.db.selectFrom('audit_event').select(['entity_id', 'after']).where('action', '=', 'case.submit').where('entity_id', 'in', ids).execute();
    expect(audits).toHaveLength(12);
    for (const a of audits) expect(a.after).toEqual({ number: filed.find((r) => r.json().id === a.entity_id)!.json().number, state: 'submitted' });
    const events = await t.db.selectFrom('outbox_event').select('payload').where('topic', '=', 'case.submitted').execute();
    expect(ids.every((id) => events.some((e) => (e.payload as { caseId: string }).caseId === id))).toBe(true);
    await chainAuditEvents(t.db);
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, pending: 0 });
  });

  it('numbers on after the numbers taken when the sequence is behind them (a database from before sequences)', async () => {
    const first = (await post(citizen, randomUUID(), await payloadFor(citizen))).json() as { number: string };
    const [region, year, n] = first.number.split('-');
    await sql`alter sequence ${sql.id(`case_no_${region}_${year}`)} restart with 1`.execute(t.db);
    const next = await post(citizen, randomUUID(), await payloadFor(citizen));
    expect(next.statusCode).toBe(201);
    expect(next.json().number).toBe(`${region}-${year}-${String(Number(n) + 1).padStart(6, '0')}`);
  });

  it('refuses another applicant’s file and writes nothing, so the same key can be used once the file is fixed', async () => {
    const key = randomUUID();
    const mine = await payloadFor(citizen);
    const theirs = await uploadPdf(t.app, company);
    const bad = { ...mine, materials: [{ ...mine.materials[0]!, fileId: theirs.id }, ...mine.materials.slice(1)] };
    const res = await post(citizen, key, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MATERIAL_FILE_INVALID');
    expect(await count('idempotency_record', { col: 'key', value: key })).toBe(0);
    const ok = await post(citizen, key, mine);
    expect(ok.statusCode).toBe(201);
  });

  it('sees a retired item at once despite the item cache, and still answers a retry of a case filed before', async () => {
    const key = randomUUID();
    const payload = await payloadFor(citizen);
    const first = await post(citizen, key, payload);
    expect(first.statusCode).toBe(201);
    await t.db.updateTable('service_item').set({ status: 'retired' }).where('impl_code', '=', SLICE_ITEM_IMPL_CODE).execute();
    try {
      const refused = await post(citizen, randomUUID(), await payloadFor(citizen));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('ITEM_NOT_APPLICABLE');
      const retry = await post(citizen, key, payload);
      expect(retry.statusCode).toBe(201);
      expect(retry.json().id).toBe(first.json().id);
    } finally {
      await t.db.updateTable('service_item').set({ status: 'published' }).where('impl_code', '=', SLICE_ITEM_IMPL_CODE).execute();
    }
    expect((await post(citizen, randomUUID(), await payloadFor(citizen))).statusCode).toBe(201);
  });
});
