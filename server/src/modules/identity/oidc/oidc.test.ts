/**
 * The platform's OpenID Connect provider, driven by an independent certified client library (openid-client) over
 * real HTTP: a department system's code flow with PKCE, single sign-on into a second system, refresh, userinfo,
 * client credentials with introspection, ID-token signatures against the published JWKS (jose), key rotation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as oidc from 'openid-client';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { buildApp } from '../../../app.ts';
import { localFileStore } from '../../../platform/files/file-store.ts';
import { freePort } from '../../../platform/db/embedded.ts';
import { createTestDatabase } from '../../../testing/db.ts';
import { DEMO_PASSWORD } from '../../../seed/seed.ts';
import type { App } from '../../../platform/http/server.ts';
import { createKeyVault } from '../../../platform/crypto/index.ts';
import { postgresAdapter, sweepExpiredOidcPayloads } from './adapter.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
let app: App;
let base: string;
let issuer: string;
let admin: Jar;
const REDIRECT = 'http://127.0.0.1:9/callback';

/** A browser's cookie jar, just enough for the flows here (every cookie goes everywhere on this one host). */
class Jar {
  readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response): Response {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  async get(url: string | URL): Promise<Response> {
    return this.take(await fetch(url, { headers: { cookie: this.header() }, redirect: 'manual' }));
  }
  async login(username: string): Promise<void> {
    const res = this.take(await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) }));
    expect(res.status).toBe(200);
  }
  async api(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${base}${path}`, { method, headers: { cookie: this.header(), 'x-csrf-token': this.cookies.get('csrf_token') ?? '', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  }
}

type Registered = { client: { clientId: string }; clientSecret: string | null };
async function register(body: Record<string, unknown>): Promise<Registered> {
  const res = await admin.api('POST', '/api/v1/oidc/clients', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Registered;
}

const codeClient = (name: string, subjectTypes = ['person', 'entity', 'staff']) =>
  register({ name, redirectUris: [REDIRECT], grantTypes: ['authorization_code', 'refresh_token'], scopes: ['openid', 'profile', 'tongban', 'offline_access'], subjectTypes });

async function configOf(r: Registered): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(issuer), r.client.clientId, undefined, oidc.ClientSecretBasic(r.clientSecret!), { execute: [oidc.allowInsecureRequests] });
}

/** Follow the browser's redirects from the authorization URL until the system's redirect URI; the URLs visited. */
async function browse(jar: Jar, start: URL): Promise<{ final: URL; visited: string[] }> {
  const visited: string[] = [];
  let url = start;
  for (let i = 0; i < 10; i++) {
    visited.push(url.pathname);
    if (url.href.startsWith(REDIRECT)) return { final: url, visited };
    const res = await jar.get(url);
    const location = res.headers.get('location');
    if (!location) return { final: url, visited: [...visited, `status ${res.status}`] };
    url = new URL(location, url);
  }
  throw new Error(`too many redirects: ${visited.join(' → ')}`);
}

async function authorize(config: oidc.Configuration, jar: Jar, extra: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid profile tongban offline_access', prompt: 'consent', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, ...extra });
  const { final, visited } = await browse(jar, url);
  return { final, visited, verifier, state };
}

async function jwks(path: string): Promise<JSONWebKeySet> {
  return (await (await fetch(`${base}${path}`)).json()) as JSONWebKeySet;
}

beforeAll(async () => {
  h = await createTestDatabase();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  issuer = `${base}/oidc`;
  ({ app } = await buildApp({ db: h.db, databaseUrl: h.url, store: localFileStore(inject('filesDir')), logger: false, publicUrl: base }));
  await app.listen({ port, host: '127.0.0.1' });
  admin = new Jar();
  await admin.login('admin');
});
afterAll(async () => {
  await app.close();
  await h.drop();
});

describe('a department system signs its users in through the platform', () => {
  it('runs the code flow with PKCE: login at the platform, ID token with the platform claims, signed by a published key', async () => {
    const config = await configOf(await codeClient('市民政局婚姻登记系统'));
    const browser = new Jar();
    const first = await authorize(config, browser);
    // Not signed in yet: the browser lands on the platform's login page, which returns to the sign-in step.
    expect(first.final.pathname).toBe('/login');
    const next = first.final.searchParams.get('next')!;
    expect(next).toMatch(/^\/oidc\/interaction\//);
    await browser.login('citizen');
    const { final } = await browse(browser, new URL(next, base));
    expect(final.href.startsWith(REDIRECT)).toBe(true);

    const tokens = await oidc.authorizationCodeGrant(config, final, { pkceCodeVerifier: first.verifier, expectedState: first.state });
    const claims = tokens.claims()!;
    const citizen = await h.db.selectFrom('account').select(['id', 'display_name']).where('username', '=', 'citizen').executeTakeFirstOrThrow();
    expect(claims).toMatchObject({ iss: issuer, sub: citizen.id, name: citizen.display_name, subject_type: 'person', real_name_level: expect.stringMatching(/^L[123]$/) });
    expect(JSON.stringify(claims)).not.toMatch(/password|Tongban@/);

    // The signature verifies against the provider's JWKS and the platform's own /.well-known/jwks.json.
    for (const path of ['/oidc/jwks', '/.well-known/jwks.json']) {
      const { payload } = await jwtVerify(tokens.id_token!, createLocalJWKSet(await jwks(path)), { issuer, audience: config.clientMetadata().client_id });
      expect(payload.sub).toBe(citizen.id);
    }
    expect(decodeProtectedHeader(tokens.id_token!).alg).toBe('ES256');

    const info = await oidc.fetchUserInfo(config, tokens.access_token, citizen.id);
    expect(info).toMatchObject({ sub: citizen.id, subject_type: 'person' });

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await oidc.fetchUserInfo(config, refreshed.access_token, citizen.id)).sub).toBe(citizen.id);

    // Single sign-on: a second department system, same browser — no login page this time.
    const other = await configOf(await codeClient('市人社局社保系统'));
    const second = await authorize(other, browser);
    expect(second.visited).not.toContain('/login');
    const t2 = await oidc.authorizationCodeGrant(other, second.final, { pkceCodeVerifier: second.verifier, expectedState: second.state });
    expect(t2.claims()!.sub).toBe(citizen.id);

    // Signing out of the portal signs out of the systems too: the next one asks for a sign-in again.
    expect((await browser.api('POST', '/api/v1/auth/logout')).status).toBe(204);
    const afterLogout = await authorize(config, browser);
    expect(afterLogout.final.pathname).toBe('/login');
  });

  it('asks for a sign-in made now when a system says prompt=login or max_age, and tells it when the person signed in', async () => {
    const config = await configOf(await codeClient('市公积金中心提取系统'));
    const browser = new Jar();
    await browser.login('citizen');
    // This browser's session: the citizen's newest.
    const { auth_at: signedInAt } = await h.db
      .selectFrom('session')
      .innerJoin('account', 'account.id', 'session.account_id')
      .select('session.auth_at')
      .where('account.username', '=', 'citizen')
      .orderBy('session.created_at', 'desc')
      .executeTakeFirstOrThrow();

    // Single sign-on: the platform session will do within a day's max_age, and auth_time says when that sign-in was.
    const sso = await authorize(config, browser, { max_age: '86400' });
    expect(sso.visited).not.toContain('/login');
    const ssoClaims = (await oidc.authorizationCodeGrant(config, sso.final, { pkceCodeVerifier: sso.verifier, expectedState: sso.state })).claims()!;
    expect(ssoClaims.auth_time).toBe(Math.floor(signedInAt.getTime() / 1000));

    // prompt=login: being signed in is not enough; the login page asks again, then the system gets a fresh auth_time.
    const asked = Math.floor(Date.now() / 1000);
    const again = await authorize(config, browser, { prompt: 'login consent', max_age: '86400' });
    expect(again.final.pathname).toBe('/login');
    expect(again.final.searchParams.get('fresh')).toBe('1');
    await browser.login('citizen');
    const back = await browse(browser, new URL(again.final.searchParams.get('next')!, base));
    expect(back.final.href.startsWith(REDIRECT)).toBe(true);
    const fresh = (await oidc.authorizationCodeGrant(config, back.final, { pkceCodeVerifier: again.verifier, expectedState: again.state })).claims()!;
    expect(fresh.auth_time).toBeGreaterThanOrEqual(asked);

    // max_age=0: the same, and the sign-in made on the way counts (no second round).
    const zero = await authorize(config, browser, { max_age: '0' });
    expect(zero.final.pathname).toBe('/login');
    await browser.login('citizen');
    expect((await browse(browser, new URL(zero.final.searchParams.get('next')!, base))).final.href.startsWith(REDIRECT)).toBe(true);
    // A generous max_age lets the session that was just made do.
    const hour = await authorize(config, browser, { max_age: '3600' });
    expect(hour.visited).not.toContain('/login');
  });

  it('tells a system which entity an agent acts for, and which organisation and roles a staff member has', async () => {
    const config = await configOf(await codeClient('市市场监管局登记系统'));
    const company = new Jar();
    await company.login('company');
    const a = await authorize(config, company);
    const claims = (await oidc.authorizationCodeGrant(config, a.final, { pkceCodeVerifier: a.verifier, expectedState: a.state })).claims()!;
    expect(claims).toMatchObject({ subject_type: 'entity', entity: { credit_code: expect.any(String) }, agent: { name: expect.any(String), id_number_masked: expect.stringContaining('*') } });

    const staff = new Jar();
    await staff.login('reviewer');
    const b = await authorize(config, staff);
    const s = (await oidc.authorizationCodeGrant(config, b.final, { pkceCodeVerifier: b.verifier, expectedState: b.state })).claims()!;
    expect(s).toMatchObject({ subject_type: 'staff', roles: ['reviewer'], org: { name: '泰州市市场监督管理局' } });
  });

  it('refuses a request without PKCE, and a subject the system does not accept', async () => {
    const config = await configOf(await codeClient('市公安局内部系统', ['staff']));
    const browser = new Jar();
    await browser.login('citizen');
    const noPkce = await browse(browser, oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', state: 's1' }));
    expect(noPkce.final.searchParams.get('error')).toBe('invalid_request');
    const refused = await authorize(config, browser);
    expect(refused.final.searchParams.get('error')).toBe('access_denied');
    expect(refused.final.searchParams.get('error_description')).toContain('不接受个人登录');
  });

  it('gives a system its own token with client credentials, which introspection confirms; a wrong secret gets nothing', async () => {
    const r = await register({ name: '市大数据局交换平台', redirectUris: [], grantTypes: ['client_credentials'], scopes: [], subjectTypes: [] });
    const config = await configOf(r);
    const tokens = await oidc.clientCredentialsGrant(config);
    expect(tokens.access_token).toBeTruthy();
    const info = await oidc.tokenIntrospection(config, tokens.access_token);
    expect(info).toMatchObject({ active: true, client_id: r.client.clientId });
    const wrong = await oidc.discovery(new URL(issuer), r.client.clientId, undefined, oidc.ClientSecretBasic('not-the-secret'), { execute: [oidc.allowInsecureRequests] });
    await expect(oidc.clientCredentialsGrant(wrong)).rejects.toMatchObject({ status: 401, cause: [expect.objectContaining({ parameters: expect.objectContaining({ error: 'invalid_client' }) })] });
  });

  it('keeps earlier ID tokens verifiable after a key rotation, and signs new ones with the new key', async () => {
    const config = await configOf(await codeClient('市住建局系统'));
    const browser = new Jar();
    await browser.login('citizen');
    const before = await authorize(config, browser);
    const t1 = await oidc.authorizationCodeGrant(config, before.final, { pkceCodeVerifier: before.verifier, expectedState: before.state });
    const rotated = await admin.api('POST', '/api/v1/oidc/keys/rotate');
    expect(rotated.status).toBe(200);
    const { kid } = (await rotated.json()) as { kid: string };
    const after = await authorize(config, browser);
    const t2 = await oidc.authorizationCodeGrant(config, after.final, { pkceCodeVerifier: after.verifier, expectedState: after.state });
    const set = createLocalJWKSet(await jwks('/oidc/jwks'));
    await expect(jwtVerify(t1.id_token!, set, { issuer })).resolves.toBeTruthy();
    await expect(jwtVerify(t2.id_token!, set, { issuer })).resolves.toBeTruthy();
    expect(decodeProtectedHeader(t2.id_token!).kid).toBe(kid);
    expect(decodeProtectedHeader(t1.id_token!).kid).not.toBe(kid);
  });
});

describe('signing out', () => {
  it('signs out of the system and, when asked, of the platform too', async () => {
    const r = await register({ name: '市医保局系统', redirectUris: [REDIRECT], postLogoutRedirectUris: ['http://127.0.0.1:9/bye'], grantTypes: ['authorization_code'], scopes: ['openid', 'tongban'], subjectTypes: ['person'] });
    const config = await configOf(r);
    const browser = new Jar();
    await browser.login('citizen');
    const a = await authorize(config, browser, { scope: 'openid tongban' });
    const tokens = await oidc.authorizationCodeGrant(config, a.final, { pkceCodeVerifier: a.verifier, expectedState: a.state });
    const platformSession = browser.cookies.get('tb_session')!;
    const ask = await browser.get(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'http://127.0.0.1:9/bye' }));
    expect(ask.status).toBe(200);
    const html = await ask.text();
    expect(html).toContain('退出全部系统');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const done = browser.take(await fetch(new URL(action, base), { method: 'POST', redirect: 'manual', headers: { cookie: browser.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ xsrf, logout: 'yes' }) }));
    expect(done.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:9\/bye/);
    expect(browser.cookies.has('tb_session')).toBe(false);
    // The session itself is ended, not only the browser's cookie.
    await expect.poll(async () => (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: `tb_session=${platformSession}` } })).status, { timeout: 3000 }).toBe(401);
  });
});

describe('the provider\'s storage', () => {
  it('never returns what has expired, and the sweep deletes it', async () => {
    const Adapter = postgresAdapter(h.db, createKeyVault(Buffer.alloc(32, 7)));
    const sessions = new Adapter('Session');
    await sessions.upsert('live', { uid: 'u-live', accountId: 'a' }, 60);
    await sessions.upsert('old', { uid: 'u-old', accountId: 'a' }, 60);
    await h.db.updateTable('oidc_payload').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', 'old').execute();
    expect(await sessions.find('live')).toMatchObject({ accountId: 'a' });
    expect(await sessions.findByUid('u-old')).toBeUndefined();
    expect(await sweepExpiredOidcPayloads(h.db)).toBeGreaterThanOrEqual(1);
    expect(await h.db.selectFrom('oidc_payload').select('id').where('id', '=', 'old').executeTakeFirst()).toBeUndefined();
    await sessions.consume('live');
    expect(await sessions.find('live')).toMatchObject({ consumed: expect.any(Number) });
  });
});

describe('registering systems', () => {
  it('accepts only administrators, and only safe redirect addresses', async () => {
    const clerk = new Jar();
    await clerk.login('clerk');
    expect((await clerk.api('POST', '/api/v1/oidc/clients', { name: 'x', redirectUris: [REDIRECT], grantTypes: ['authorization_code'], scopes: ['openid'], subjectTypes: ['person'] })).status).toBe(403);
    const res = await admin.api('POST', '/api/v1/oidc/clients', { name: '某系统', redirectUris: ['http://example.com/cb'], grantTypes: ['authorization_code'], scopes: ['openid'], subjectTypes: ['person'] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('https');
    const listed = (await (await admin.api('GET', '/api/v1/oidc/clients')).json()) as { clients: Array<{ name: string }> };
    expect(listed.clients.map((c) => c.name)).toContain('市民政局婚姻登记系统');
    expect(JSON.stringify(listed)).not.toMatch(/secret_sealed|"clientSecret"/);
  });
});
