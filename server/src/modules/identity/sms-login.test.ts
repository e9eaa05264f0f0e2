import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, loginAs, sessionFrom, type TestApp } from '../../testing/app.ts';
import { buildWorld } from '../../seed/world/index.ts';

let t: TestApp;
const CITIZEN_PHONE = '13952600315';
let ipSeq = 0;
/** Each test from its own address, so the per-address limits of one test do not leak into the next. */
const ip = () => `10.0.0.${++ipSeq}`;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload: Record<string, unknown>, from = '10.9.9.9') => t.app.inject({ method: 'POST', url, payload, remoteAddress: from });
/** The SMS the development outbox recorded for a number, newest first. */
const outbox = async (phone: string) => (await t.db.selectFrom('message_outbox').select('body').where('recipient', '=', phone).where('channel', '=', 'sms').orderBy('created_at', 'desc').execute()).map((r) => r.body);
const codeIn = (body: string | undefined) => /验证码 (\d{6})/.exec(body ?? '')?.[1];

/** Someone in the population register who has no account yet. */
async function unregisteredResident(offset: number) {
  return sql<{ resident_id: string; name: string }>`select p.resident_id, p.name from person_record p where not exists (select 1 from account a where a.resident_id = p.resident_id) and p.birth_date < '2000-01-01' order by p.resident_id offset ${offset} limit 1`
    .execute(t.db)
    .then((r) => r.rows[0]!);
}

describe('registering with a mobile number', () => {
  it('sends a code, registers at L2 when the household register agrees, and signs in', async () => {
    const from = ip();
    const phone = '13700000001';
    const sent = await post('/api/v1/auth/sms-code', { phone, purpose: 'register' }, from);
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ retryAfterSeconds: 60 });
    const code = codeIn((await outbox(phone))[0])!;
    expect(code).toMatch(/^\d{6}$/);
    const person = await unregisteredResident(0);
    const res = await post('/api/v1/auth/register', { phone, code, password: 'Mima2026abc', name: person.name, residentId: person.resident_id }, from);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ subjectType: 'person', realNameLevel: 'L2', displayName: person.name });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: sessionFrom(res).headers });
    expect(me.statusCode).toBe(200);
    // The code was spent: it registers nobody else.
    const again = await post('/api/v1/auth/register', { phone, code, password: 'Mima2026abc', name: '张三', residentId: (await unregisteredResident(1)).resident_id }, from);
    expect(again.statusCode).toBe(401);
  });

  it('registers at L1 when the name does not agree with the register, and L2 is refused online', async () => {
    const from = ip();
    const phone = '13700000002';
    await post('/api/v1/auth/sms-code', { phone, purpose: 'register' }, from);
    const person = await unregisteredResident(2);
    const res = await post('/api/v1/auth/register', { phone, code: codeIn((await outbox(phone))[0])!, password: 'Mima2026abc', name: `${person.name}某`, residentId: person.resident_id }, from);
    expect(res.json()).toMatchObject({ realNameLevel: 'L1' });
    const s = sessionFrom(res);
    const l2 = await t.app.inject({ method: 'POST', url: '/api/v1/me/real-name', headers: s.headers });
    expect(l2.statusCode).toBe(400);
    expect(l2.json().error.message).toContain('窗口');
    // An item paying money out asks for L2 online: refused with the way forward; the demo citizen (L2) is not refused for it.
    const fund = buildWorld().items.find((i) => i.name === '住房公积金提取（购买自住住房）' && i.minRealNameLevel === 'L2')!;
    const apply = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: s.headers, payload: { implCode: fund.implCode, form: {}, materials: [] } });
    expect(apply.statusCode).toBe(403);
    expect(apply.json().error.message).toMatch(/二级实名认证.*一级/);
    const citizen = await loginAs(t.app, 'citizen');
    const byCitizen = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: citizen.headers, payload: { implCode: fund.implCode, form: {}, materials: [] } });
    expect(byCitizen.json().error.code).not.toBe('REAL_NAME_LEVEL_TOO_LOW');
    // At the window the clerk sees the ID card: L3.
    const clerk = await loginAs(t.app, 'clerk');
    const l3 = await t.app.inject({ method: 'POST', url: '/api/v1/window/real-name', headers: clerk.headers, payload: { residentId: person.resident_id, name: `${person.name}某` } });
    expect(l3.json()).toMatchObject({ level: 'L3' });
    await expect.poll(async () => (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).json().realNameLevel, { timeout: 3000 }).toBe('L3');
  });

  it('tells no caller whether a number has an account', async () => {
    const from = ip();
    // Registering with a number that has an account: the same answer; the owner gets an SMS saying so, no code.
    const taken = await post('/api/v1/auth/sms-code', { phone: CITIZEN_PHONE, purpose: 'register' }, from);
    const unknown = await post('/api/v1/auth/sms-code', { phone: '13700000099', purpose: 'login' }, from);
    expect(taken.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(taken.body).toBe(unknown.body);
    expect((await outbox(CITIZEN_PHONE))[0]).toContain('已经注册过账号');
    expect(codeIn((await outbox(CITIZEN_PHONE))[0])).toBeUndefined();
    expect(await outbox('13700000099')).toEqual([]);
    // Signing in with a made-up code: one refusal, whether the number has an account or not.
    const a = await post('/api/v1/auth/login/sms', { phone: '13700000099', code: '123456' }, from);
    const b = await post('/api/v1/auth/login/sms', { phone: '13700000098', code: '123456' }, from);
    expect(a.statusCode).toBe(401);
    expect(a.json().error).toEqual(b.json().error);
  });
});

describe('signing in and resetting by SMS', () => {
  it('signs the demo citizen in with a code, once per code', async () => {
    const from = ip();
    expect((await post('/api/v1/auth/sms-code', { phone: CITIZEN_PHONE, purpose: 'login' }, from)).statusCode).toBe(202);
    const code = codeIn((await outbox(CITIZEN_PHONE))[0])!;
    const res = await post('/api/v1/auth/login/sms', { phone: CITIZEN_PHONE, code }, from);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ username: 'citizen' });
    expect((await post('/api/v1/auth/login/sms', { phone: CITIZEN_PHONE, code }, from)).statusCode).toBe(401);
    // Asking again at once is refused with the wait.
    const soon = await post('/api/v1/auth/sms-code', { phone: CITIZEN_PHONE, purpose: 'login' }, from);
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.message).toMatch(/\d+ 秒后/);
  });

  it('gives up on a code after five wrong tries, even for the right one', async () => {
    const from = ip();
    const phone = '13700000003';
    await post('/api/v1/auth/sms-code', { phone, purpose: 'register' }, from);
    const code = codeIn((await outbox(phone))[0])!;
    const wrong = code === '000000' ? '111111' : '000000';
    const person = await unregisteredResident(3);
    const body = { phone, password: 'Mima2026abc', name: person.name, residentId: person.resident_id };
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/auth/register', { ...body, code: wrong }, ip())).statusCode).toBe(401);
    // The number is now throttled like a password sign-in …
    expect((await post('/api/v1/auth/register', { ...body, code }, ip())).statusCode).toBe(429);
    // … and when the throttle has passed, the code itself is spent.
    await t.db.deleteFrom('login_failure').where('username', '=', phone).execute();
    expect((await post('/api/v1/auth/register', { ...body, code }, ip())).statusCode).toBe(401);
  });

  it('resets a forgotten password: the old one stops working and every session ends', async () => {
    const from = ip();
    const phone = (await t.db.selectFrom('account').select('phone').where('username', '=', 'resident03').executeTakeFirstOrThrow()).phone!;
    const old = await loginAs(t.app, 'resident03');
    await post('/api/v1/auth/sms-code', { phone, purpose: 'reset' }, from);
    const code = codeIn((await outbox(phone))[0])!;
    expect((await post('/api/v1/auth/password-reset', { phone, code, password: 'short' }, from)).statusCode).toBe(400);
    expect((await post('/api/v1/auth/password-reset', { phone, code, password: 'Reset2026abc' }, from)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: old.headers })).statusCode).toBe(401);
    await expect(loginAs(t.app, 'resident03')).rejects.toThrow();
    expect((await loginAs(t.app, 'resident03', 'Reset2026abc')).cookie).toContain('tb_session');
  });

  it('answers bad input with a clear 400', async () => {
    const bad = await post('/api/v1/auth/sms-code', { phone: '2395260031x', purpose: 'login' });
    expect(bad.statusCode).toBe(400);
    expect((await post('/api/v1/auth/sms-code', { phone: CITIZEN_PHONE, purpose: 'spam' })).statusCode).toBe(400);
    const weak = await post('/api/v1/auth/register', { phone: '13700000004', code: '123456', password: 'abc', name: '王五', residentId: '110101199003071234' });
    expect(weak.statusCode).toBe(400);
  });
});
