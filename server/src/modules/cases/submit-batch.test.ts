import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { applicationFor, postCase, uploadPdf, type PublicItemForm } from '../../testing/fixtures.ts';
import { chainAuditEvents, verifyAuditChain } from '../../platform/audit/index.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';
import { batchStats } from './submit-batch.ts';
import { submitCase } from './submit.ts';
import { actorForUsername } from '../identity/index.ts';
import { BUILTIN_CALENDAR } from '../../platform/calendar/index.ts';

// Group commit (submit-batch.ts): requests that arrive while filings are in flight are filed together in one
// statement. Every property a request had alone must hold inside a batch.
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
/** Uploads one after the other (concurrent uploads of the same PDF are not what is tested here). */
async function payloads(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await payloadFor(citizen));
  return out;
}
const casesWithKey = async (key: string) =>
  (await t.db.selectFrom('idempotency_record').select('result_id').where('key', '=', key).execute()).map((r) => r.result_id);
const casesOf = (ids: string[]) => t.db.selectFrom('case').select(['id', 'number']).where('id', 'in', ids).execute();

describe('group commit of submissions (submit-batch.ts)', () => {
  it('files concurrent requests in shared statements, one case per key however often a key is retried within the burst', async () => {
    const before = batchStats(t.db);
    const many = await payloads(16);
    const keys = many.map(() => randomUUID());
    // Every request three times at once: the retries of one key land in the same burst.
    const sent = many.flatMap((p, i) => [0, 1, 2].map(() => ({ p, key: keys[i]! })));
    const all = await Promise.all(sent.map(({ p, key }) => post(citizen, key, p)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(sent.length).fill(201));
    const after = batchStats(t.db);
    expect(after.batches).toBeGreaterThan(before.batches);
    expect(after.largest).toBeGreaterThan(1);
    for (const [i, key] of keys.entries()) {
      const answers = new Set(all.filter((_, j) => sent[j]!.key === key).map((r) => r.json().id));
      expect(answers.size).toBe(1);
      expect(await casesWithKey(key)).toEqual([...answers]);
      expect(all[i * 3]!.json().materials).toHaveLength(many[i]!.materials.length);
    }
    const filed = await casesOf(all.map((r) => r.json().id));
    expect(filed).toHaveLength(16);
  });

  it('refuses only the bad requests of a batch: another applicant’s file, a key reused for other content', async () => {
    const good = await payloads(10);
    const mine = await payloadFor(citizen);
    const theirs = await uploadPdf(t.app, company);
    const stolen = { ...mine, materials: [{ ...mine.materials[0]!, fileId: theirs.id }, ...mine.materials.slice(1)] };
    const reusedKey = randomUUID();
    const first = await post(citizen, reusedKey, await payloadFor(citizen));
    expect(first.statusCode).toBe(201);
    const stolenKey = randomUUID();
    const res = await Promise.all([
      ...good.slice(0, 5).map((p) => post(citizen, randomUUID(), p)),
      post(citizen, stolenKey, stolen),
      post(citizen, reusedKey, mine),
      ...good.slice(5).map((p) => post(citizen, randomUUID(), p)),
    ]);
    const [goodRes, bad] = [[...res.slice(0, 5), ...res.slice(7)], res.slice(5, 7)];
    expect(goodRes.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(bad[0]!.statusCode).toBe(400);
    expect(bad[0]!.json().error.code).toBe('MATERIAL_FILE_INVALID');
    expect(await casesWithKey(stolenKey)).toEqual([]);
    expect(bad[1]!.statusCode).toBe(422);
    expect(bad[1]!.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await casesWithKey(reusedKey)).toEqual([first.json().id]);
    expect(new Set(goodRes.map((r) => r.json().number)).size).toBe(10);
  });

  it('when a batch fails as a whole, files the others one by one and fails only the request that broke it', async () => {
    const before = batchStats(t.db);
    const many = await payloads(12);
    // A NUL character passes form validation but PostgreSQL's jsonb refuses it: the whole statement errors.
    // The HTTP layer refuses such a body with a 400 before it gets this far, so the poisoned request and its two
    // neighbours are filed through the service itself (same process and database, so the same batches): the
    // first goes out alone, the poisoned one and the third queue behind it and are sent together.
    const field = Object.entries(item.form.properties).find(([, f]) => f.type === 'string')![0];
    const poisoned = { ...many[6]!, form: { ...many[6]!.form, [field]: 'a\u0000b' } };
    const actor = await actorForUsername(t.db, 'citizen');
    const keys = many.map(() => randomUUID());
    const ctx = (key: string) => ({ idempotencyKey: key, cal: BUILTIN_CALENDAR, ip: '127.0.0.1', locale: 'zh-CN' as const });
    const direct = [5, 6, 7].map((i) =>
      submitCase(t.db, actor, i === 6 ? poisoned : many[i]!, ctx(keys[i]!)).then(
        (c) => ({ statusCode: 201, json: () => c }),
        (err: unknown) => ({ statusCode: 0, json: () => err }),
      ),
    );
    const viaHttp = many.map((p, i) => ([5, 6, 7].includes(i) ? undefined : post(citizen, keys[i]!, p)));
    const res = await Promise.all(many.map((_, i) => ([5, 6, 7].includes(i) ? direct[i - 5]! : viaHttp[i]!)));
    expect(res[6]!.statusCode).not.toBe(201);
    expect(await casesWithKey(keys[6]!)).toEqual([]);
    const others = res.filter((_, i) => i !== 6);
    expect(others.map((r) => r.statusCode)).toEqual(Array(11).fill(201));
    expect(await casesOf(others.map((r) => (r.json() as { id: string }).id))).toHaveLength(11);
    expect(batchStats(t.db).fellBack).toBeGreaterThan(before.fellBack);
  });

  it('keeps case numbers unique (gaps allowed) and the audit chain verifiable after concurrent batches', async () => {
    const many = await payloads(30);
    const res = await Promise.all(many.map((p) => post(citizen, randomUUID(), p)));
    expect(res.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const all = await t.db.selectFrom('case').select('number').execute();
    expect(new Set(all.map((c) => c.number)).size).toBe(all.length);
    for (const r of res) expect(r.json().number).toMatch(/^\d{6}-\d{4}-\d{6,}$/);
    const ids = res.map((r) => r.json().id as string);
    const audits = await t.db.selectFrom('audit_event').select(['entity_id', 'after']).where('action', '=', 'case.submit').where('entity_id', 'in', ids).execute();
    expect(audits).toHaveLength(30);
    for (const a of audits) expect(a.after).toEqual({ number: res.find((r) => r.json().id === a.entity_id)!.json().number, state: 'submitted' });
    await chainAuditEvents(t.db);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, pending: 0 });
  });
});
