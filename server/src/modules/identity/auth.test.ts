import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createTestApp, loginAs, sessionFrom, type TestApp } from '../../testing/app.ts';
import { Me } from './schema.ts';
import { DEMO_PASSWORD } from '../../seed/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
});
afterAll(() => t.close());

describe('POST /api/v1/auth/login', () => {
  it('signs a citizen in: HttpOnly session cookie, readable csrf cookie, and the account', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'citizen', password: 'Tongban@2026' } });
    expect(res.statusCode).toBe(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const session = setCookie.find((c) => c.startsWith('tb_session='))!;
    const csrf = setCookie.find((c) => c.startsWith('csrf_token='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    const me = res.json();
    expect(Value.Check(Me, me)).toBe(true);
    expect(me).toMatchObject({ username: 'citizen', subjectType: 'person', landing: '/' });
    expect(me.profile.idNumberMasked).toMatch(/\*{4,}/);
  });

  it.each([
    ['admin', 'staff', '/admin'],
    ['catalog', 'staff', '/admin'],
    ['clerk', 'staff', '/workbench'],
    ['reviewer', 'staff', '/workbench'],
    ['supervisor', 'staff', '/dashboard'],
    ['operator', 'staff', '/workbench'],
    ['company', 'entity', '/'],
  ])('%s lands at its work area', async (username, subjectType, landing) => {
    const s = await loginAs(t.app, username);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).json();
    expect(me).toMatchObject({ username, subjectType, landing });
  });

  it('the entity account carries its credit code and acts through a named agent', async () => {
    const s = await loginAs(t.app, 'company');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).json();
    expect(me.entity.creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    expect(me.profile.name).toBeTruthy();
  });

  it('a wrong password and an unknown user get the same answer (no user enumeration)', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: 'nope-1234' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-here', password: 'nope-1234' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('is rate-limited after repeated failures for one username, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: `bad-${i}-pass` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: 'Tongban@2026' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('LOGIN_THROTTLED');
  });
});

describe('session and CSRF', () => {
  it('GET /api/v1/auth/me without a session → 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
  });

  it('a cookie-authenticated write without the CSRF header is refused; with it, logout ends the session', async () => {
    const s = await loginAs(t.app, 'citizen');
    const noHeader = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_FAILED');
    const wrongHeader = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' } });
    expect(wrongHeader.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('signing in again in a browser that has a session replaces it: the old one ends, a failed attempt ends nothing', async () => {
    const first = await loginAs(t.app, 'citizen');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: first.headers, payload: { username: 'citizen', password: 'not-it' } });
    expect(wrong.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(200);
    // The same person again (a department system asked for a fresh sign-in): only the old session ends.
    const same = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: first.headers, payload: { username: 'citizen', password: DEMO_PASSWORD } });
    expect(same.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    const second = sessionFrom(same);
    // Someone else at the same browser: the citizen is signed out.
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: second.headers, payload: { username: 'company', password: DEMO_PASSWORD } });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ subjectType: 'entity' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: second.cookie } })).statusCode).toBe(401);
  });

  it('passwords are stored as Argon2id hashes', async () => {
    const row = await t.db.selectFrom('account').select('password_hash').where('username', '=', 'citizen').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('admin lists', () => {
  it('the platform admin sees organisations with valid credit codes; a citizen may not', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/orgs', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().orgs.length).toBeGreaterThan(20);
    const citizen = await loginAs(t.app, 'citizen');
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/admin/orgs', headers: { cookie: citizen.cookie } });
    expect(denied.statusCode).toBe(403);
  });
});
