import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loginAs, type Session } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import type { App } from '../../platform/http/server.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';
import { createResultsTestApp } from './testing.ts';
import { createPaymentSimulator, paymentProvidersFromEnv, signSimulatorCallback, simulatorSecret, PAYMENT_SIMULATOR, SIM_HEADERS, type SimulatorCallbackBody } from './adapters/index.ts';
import { feesOf } from './service.ts';

let t: Awaited<ReturnType<typeof createResultsTestApp>>;
let api: App;
let citizen: Session, other: Session, clerk: Session;
let paidItem: { implCode: string; amountFen: number };

beforeAll(async () => {
  t = await createResultsTestApp();
  api = t.api;
  [citizen, other, clerk] = await Promise.all(['citizen', 'resident01', 'clerk'].map((u) => loginAs(t.app, u)));
  const rows = await t.db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['i.impl_code', 'v.document'])
    .where('i.status', '=', 'published')
    .orderBy('i.impl_code')
    .execute();
  const pick = rows.find((r) => feesOf(r.document.fees).amountFen > 0 && r.document.serviceObjects.includes('person') && r.document.onlineDepth.some((d) => d >= 4));
  expect(pick, 'a published paid item a person can apply for online').toBeDefined();
  paidItem = { implCode: pick!.impl_code, amountFen: feesOf(pick!.document.fees).amountFen };
});
afterAll(() => t?.close());

type Item = { form: Parameters<typeof fillForm>[0]; materials: Array<{ code: string; necessity: string }> };

async function apply(implCode = paidItem.implCode): Promise<{ id: string; version: number }> {
  const item: Item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${implCode}` })).json();
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required')) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode, form: fillForm(item.form), materials } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const pay = (s: Session, caseId: string) => api.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/payments`, headers: s.headers });
const orders = (s: Session, caseId: string) => api.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/payments`, headers: { cookie: s.cookie } });
const orderRow = (id: string) => sql<{ status: string; paid_at: Date | null; provider_ref: string; amount_fen: number }>`select status, paid_at, provider_ref, amount_fen from payment_order where id = ${id}`.execute(t.db).then((r) => r.rows[0]!);
const paidEvents = (orderId: string) =>
  t.db
    .selectFrom('outbox_event')
    .select(['payload'])
    .where('topic', '=', 'payment.paid')
    .where(sql<boolean>`payload->>'orderId' = ${orderId}`)
    .execute();

function callbackBody(o: { providerRef: string; orderId: string; amountFen: number }, status: 'SUCCESS' | 'FAILED' = 'SUCCESS'): string {
  const body: SimulatorCallbackBody = { providerRef: o.providerRef, orderId: o.orderId, status, amountFen: o.amountFen, paidAt: new Date().toISOString() };
  return JSON.stringify(body);
}
const callback = (body: string, headers: Record<string, string>, provider = PAYMENT_SIMULATOR) =>
  api.inject({ method: 'POST', url: `/api/v1/payments/callback/${provider}`, headers, payload: body });

async function openOrder() {
  const c = await apply();
  const res = await pay(citizen, c.id);
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as { orderId: string; payUrl: string; amountFen: number; status: string };
  const { provider_ref } = await orderRow(created.orderId);
  return { caseId: c.id, ...created, providerRef: provider_ref };
}

describe('POST /api/v1/cases/{id}/payments', () => {
  it('opens an order for the pinned item’s fees (integer fen); asking again returns the same pending order', async () => {
    const o = await openOrder();
    expect(o).toMatchObject({ amountFen: paidItem.amountFen, status: 'pending', payUrl: `/api/v1/payments/simulator/pay/${o.providerRef}` });
    const again = await pay(citizen, o.caseId);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ orderId: o.orderId, payUrl: o.payUrl });
    const list = (await orders(citizen, o.caseId)).json().orders;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: o.orderId, status: 'pending', amountFen: paidItem.amountFen, provider: PAYMENT_SIMULATOR, paidAt: null });
    expect(list[0].items.reduce((s: number, i: { amountFen: number }) => s + i.amountFen, 0)).toBe(paidItem.amountFen);
  });

  it('two requests at once open one order', async () => {
    const c = await apply();
    const [a, b] = await Promise.all([pay(citizen, c.id), pay(citizen, c.id)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().orderId).toBe(b.json().orderId);
  });

  it('is 400 when the item is free', async () => {
    const c = await apply(SLICE_ITEM_IMPL_CODE);
    const res = await pay(citizen, c.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ITEM_FREE');
  });

  it('only the applicant pays their own case: another applicant 404, staff 403; staff in scope may list', async () => {
    const c = await apply();
    const byOther = await pay(other, c.id);
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().error.code).toBe('CASE_NOT_FOUND');
    expect((await orders(other, c.id)).statusCode).toBe(404);
    expect((await pay(clerk, c.id)).statusCode).toBe(403);
    expect((await api.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/payments` })).statusCode).toBe(401);
    expect((await orders(clerk, c.id)).json()).toEqual({ orders: [] });
    expect(await sql`select 1 from payment_order where case_id = ${c.id}`.execute(t.db).then((r) => r.rows.length)).toBe(0);
  });
});

describe('POST /api/v1/payments/callback/{provider}', () => {
  it('a signed callback marks the order paid and emits payment.paid once; a replay answers 200 and changes nothing', async () => {
    const o = await openOrder();
    const body = callbackBody(o);
    const headers = signSimulatorCallback(body, { secret: simulatorSecret() });
    const first = await callback(body, headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ code: 'SUCCESS', orderId: o.orderId, status: 'paid', changed: true });
    const row = await orderRow(o.orderId);
    expect(row.status).toBe('paid');
    expect(row.paid_at).toBeInstanceOf(Date);

    // The provider retries: the same notification, and a freshly signed one.
    const replay = await callback(body, headers);
    const resent = await callback(body, signSimulatorCallback(body));
    for (const r of [replay, resent]) expect(r.json()).toEqual({ code: 'SUCCESS', orderId: o.orderId, status: 'paid', changed: false });
    expect((await orderRow(o.orderId)).paid_at!.getTime()).toBe(row.paid_at!.getTime());
    const events = await paidEvents(o.orderId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ orderId: o.orderId, caseId: o.caseId, amountFen: paidItem.amountFen, provider: PAYMENT_SIMULATOR, providerRef: o.providerRef });
    const audit = await t.db.selectFrom('audit_event').select('action').where('entity_id', '=', o.orderId).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.create', 'payment.paid']);

    expect((await orders(citizen, o.caseId)).json().orders[0]).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
    expect((await orders(citizen, o.caseId)).json().orders[0].payUrl).toBeUndefined();
    const payAgain = await pay(citizen, o.caseId);
    expect(payAgain.statusCode).toBe(409);
    expect(payAgain.json().error.code).toBe('ALREADY_PAID');
  });

  it('a bad, missing, stale or tampered signature is 401 and changes nothing', async () => {
    const o = await openOrder();
    const body = callbackBody(o);
    const attempts = [
      signSimulatorCallback(body, { secret: 'not-the-secret' }),
      { 'content-type': 'application/json' },
      signSimulatorCallback(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      { ...signSimulatorCallback(body), [SIM_HEADERS.signature]: 'zz' },
    ];
    for (const headers of attempts) {
      const res = await callback(body, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('BAD_SIGNATURE');
    }
    // Signed for one body, sent with another (the amount changed on the way).
    const tampered = await callback(body.replace(`"amountFen":${o.amountFen}`, `"amountFen":${o.amountFen + 1}`), signSimulatorCallback(body));
    expect(tampered.statusCode).toBe(401);
    expect((await orderRow(o.orderId)).status).toBe('pending');
    expect(await paidEvents(o.orderId)).toHaveLength(0);
  });

  it('an amount other than the order’s is 400 and changes nothing; unknown order or provider 404', async () => {
    const o = await openOrder();
    const wrong = callbackBody({ ...o, amountFen: o.amountFen - 1 });
    const res = await callback(wrong, signSimulatorCallback(wrong));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'AMOUNT_MISMATCH', details: { paidFen: o.amountFen - 1, expectedFen: o.amountFen } });
    expect((await orderRow(o.orderId)).status).toBe('pending');
    expect(await paidEvents(o.orderId)).toHaveLength(0);
    const audit = await t.db.selectFrom('audit_event').select('action').where('entity_id', '=', o.orderId).where('action', '=', 'payment.amount_mismatch').execute();
    expect(audit).toHaveLength(1);

    const unknown = callbackBody({ ...o, providerRef: 'SIMPAY0000' });
    const r404 = await callback(unknown, signSimulatorCallback(unknown));
    expect(r404.statusCode).toBe(404);
    expect(r404.json().error.code).toBe('ORDER_NOT_FOUND');
    const body = callbackBody(o);
    expect((await callback(body, signSimulatorCallback(body), 'no-such-bank')).statusCode).toBe(404);
  });

  it('a failed payment is recorded; the applicant can then open a new order, and a failure never undoes a payment', async () => {
    const o = await openOrder();
    const failed = callbackBody(o, 'FAILED');
    expect((await callback(failed, signSimulatorCallback(failed))).json()).toMatchObject({ status: 'failed', changed: true });
    const next = await pay(citizen, o.caseId);
    expect(next.statusCode).toBe(201);
    expect(next.json().orderId).not.toBe(o.orderId);
    const nextRef = (await orderRow(next.json().orderId)).provider_ref;
    const ok = callbackBody({ providerRef: nextRef, orderId: next.json().orderId, amountFen: o.amountFen });
    expect((await callback(ok, signSimulatorCallback(ok))).json()).toMatchObject({ status: 'paid', changed: true });
    const lateFailure = callbackBody({ providerRef: nextRef, orderId: next.json().orderId, amountFen: o.amountFen }, 'FAILED');
    expect((await callback(lateFailure, signSimulatorCallback(lateFailure))).json()).toMatchObject({ status: 'paid', changed: false });
  });
});

describe('the payment simulator’s cashier', () => {
  it('shows the amount and 确认支付; confirming sends the signed callback in-process and the order is paid', async () => {
    const o = await openOrder();
    const page = await api.inject({ method: 'GET', url: o.payUrl });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'nonce-");
    const yuan = `${Math.trunc(o.amountFen / 100)}.${String(o.amountFen % 100).padStart(2, '0')}`;
    expect(page.body).toContain(`¥${yuan}`);
    expect(page.body).toContain('确认支付');
    expect(page.body).toContain('支付模拟器');

    // A signed-in browser must send the CSRF token, as the page's script does.
    expect((await api.inject({ method: 'POST', url: o.payUrl, headers: { cookie: citizen.cookie } })).statusCode).toBe(403);
    const res = await api.inject({ method: 'POST', url: o.payUrl, headers: citizen.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ orderId: o.orderId, status: 'paid', changed: true, returnUrl: `/my/cases/${o.caseId}` });
    expect(await paidEvents(o.orderId)).toHaveLength(1);
    const twice = await api.inject({ method: 'POST', url: o.payUrl });
    expect(twice.json()).toMatchObject({ status: 'paid', changed: false });
    const after = await api.inject({ method: 'GET', url: o.payUrl });
    expect(after.body).not.toContain('id="pay"');
    expect(after.body).toContain('已支付');
    expect((await api.inject({ method: 'GET', url: '/api/v1/payments/simulator/pay/SIMPAYNOPE' })).statusCode).toBe(404);
  });

  it('uses PAYMENT_SIM_SECRET when set, else one secret per process; only the simulator is connected', async () => {
    expect(simulatorSecret({})).toBe(simulatorSecret({}));
    expect(simulatorSecret({})).toMatch(/^[0-9a-f]{64}$/);
    expect(simulatorSecret({ PAYMENT_SIM_SECRET: 's3cret' })).toBe('s3cret');
    const sim = createPaymentSimulator({ secret: 's3cret' });
    const body = JSON.stringify({ providerRef: 'SIMPAYX', orderId: randomUUID(), status: 'SUCCESS', amountFen: 1000, paidAt: new Date().toISOString() });
    await expect(sim.verifyCallback(signSimulatorCallback(body, { secret: 's3cret' }), Buffer.from(body))).resolves.toEqual({ providerRef: 'SIMPAYX', status: 'paid', amountFen: 1000 });
    await expect(sim.verifyCallback(signSimulatorCallback(body), Buffer.from(body))).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
    expect(paymentProvidersFromEnv({}).current.name).toBe(PAYMENT_SIMULATOR);
    expect(() => paymentProvidersFromEnv({ PAYMENT_PROVIDER: 'alipay' })).toThrow(/no such payment provider/);
  });
});
