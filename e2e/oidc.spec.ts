/**
 * 统一身份认证 (issue 8): a department system — a small relying party run here with openid-client, a standard
 * OIDC client library — signs people in through the platform. The administrator registers it in the admin UI; a
 * citizen already signed in to the portal gets into it without signing in again; a staff member signs in once at
 * the platform's login page and arrives with their organisation and roles. The system never sees a password.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { baseURL, chooseOption, contextFor, DEMO_PASSWORD, DESKTOP, PHONE, shot, signIn } from './support.ts';

type RelyingParty = { url: string; configure(clientId: string, secret: string): Promise<void>; requests: string[]; close(): Promise<void> };

/** 市民政局婚姻登记系统, as a department would run it: /start sends the browser to the platform, /callback signs in. */
async function relyingParty(): Promise<RelyingParty> {
  let config: oidc.Configuration | undefined;
  const pending = new Map<string, string>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url!, rp.url);
      requests.push(`${req.method} ${req.url} ${req.headers.cookie ?? ''}`);
      if (url.pathname === '/start') {
        const verifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        pending.set(state, verifier);
        // /start?fresh=1: before something sensitive the system wants the person to sign in again now (prompt=login).
        const fresh: Record<string, string> = url.searchParams.get('fresh') === '1' ? { prompt: 'login' } : {};
        const to = oidc.buildAuthorizationUrl(config!, { redirect_uri: `${rp.url}/callback`, scope: 'openid profile tongban', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, ...fresh });
        res.writeHead(302, { location: to.href }).end();
        return;
      }
      if (url.pathname === '/callback') {
        const state = url.searchParams.get('state') ?? '';
        const tokens = await oidc.authorizationCodeGrant(config!, url, { pkceCodeVerifier: pending.get(state)!, expectedState: state });
        const c = tokens.claims()! as Record<string, unknown> & { org?: { name: string }; roles?: string[] };
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>婚姻登记系统</title><body style="font-family:sans-serif;padding:1rem"><h1>市民政局婚姻登记系统</h1><p id="who">已登录：${String(c.name)}</p><p id="kind">主体类型：${String(c.subject_type)}，实名等级：${String(c.real_name_level)}</p>${c.org ? `<p id="org">机构：${c.org.name}；角色：${(c.roles ?? []).join('、')}</p>` : ''}</body>`,
        );
        return;
      }
      res.writeHead(404).end();
    })().catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const rp: RelyingParty = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    async configure(clientId, secret) {
      config = await oidc.discovery(new URL(`${baseURL()}/oidc`), clientId, undefined, oidc.ClientSecretBasic(secret), { execute: [oidc.allowInsecureRequests] });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return rp;
}

test('a department system signs people in through the platform, once', async ({ browser }) => {
  const rp = await relyingParty();
  try {
    // The administrator registers the system and hands its credentials over.
    const adminCtx = await contextFor(browser, DESKTOP);
    const admin = await adminCtx.newPage();
    await admin.goto('/admin/clients');
    await signIn(admin, 'admin');
    await admin.getByRole('button', { name: '登记接入系统' }).click();
    const dialog = admin.getByRole('dialog', { name: '登记接入系统' });
    await dialog.getByLabel('系统名称').fill('市民政局婚姻登记系统');
    await chooseOption(admin, dialog, '所属部门', '泰州市民政局', { search: true });
    await dialog.getByLabel('登录回调地址').fill(`${rp.url}/callback`);
    await dialog.getByRole('checkbox', { name: '工作人员' }).check();
    await shot(admin, 'oidc-01-register', { fullPage: false });
    await dialog.getByRole('button', { name: '登记' }).click();
    const creds = admin.getByRole('dialog', { name: '接入凭据' });
    await expect(creds).toContainText('密钥只显示这一次');
    const [clientId, secret] = await creds.locator('code').allInnerTexts();
    await shot(admin, 'oidc-02-credentials', { fullPage: false });
    await creds.getByRole('button', { name: '确认' }).click();
    const row = admin.getByRole('row', { name: /市民政局婚姻登记系统/ });
    await expect(row.getByRole('cell', { name: '泰州市民政局', exact: true })).toBeVisible();
    await rp.configure(clientId!, secret!);

    // A citizen signed in to the portal on their phone opens the department's system: no second sign-in.
    const citizenCtx = await contextFor(browser, PHONE);
    const citizen = await citizenCtx.newPage();
    await citizen.goto('/login');
    await signIn(citizen, 'citizen', { touch: true });
    const seen: string[] = [];
    citizen.on('framenavigated', (f) => f === citizen.mainFrame() && seen.push(new URL(f.url()).pathname));
    await citizen.goto(`${rp.url}/start`);
    await expect(citizen.locator('#who')).toHaveText('已登录：李明');
    await expect(citizen.locator('#kind')).toContainText('主体类型：person');
    expect(seen).not.toContain('/login');
    await shot(citizen, 'oidc-03-citizen-in-department-system');

    // Before something sensitive the system asks for a sign-in made now: the platform asks again, then lets them in.
    await citizen.goto(`${rp.url}/start?fresh=1`);
    await expect(citizen).toHaveURL(/\/login\?next=%2Foidc%2Finteraction%2F.*fresh=1/);
    await expect(citizen.getByText('要求重新登录一次')).toBeVisible();
    await shot(citizen, 'oidc-03b-sign-in-again');
    await signIn(citizen, 'citizen', { touch: true });
    await expect(citizen.locator('#who')).toHaveText('已登录：李明');

    // A reviewer opens it first: the platform's login page, once, then straight back with organisation and roles.
    const staffCtx = await contextFor(browser, DESKTOP);
    const staff = await staffCtx.newPage();
    await staff.goto(`${rp.url}/start`);
    await expect(staff).toHaveURL(/\/login\?next=%2Foidc%2Finteraction%2F/);
    await shot(staff, 'oidc-04-platform-login');
    await signIn(staff, 'reviewer');
    await expect(staff.locator('#org')).toHaveText('机构：泰州市市场监督管理局；角色：reviewer');
    // …and the portal knows them too (one session for both).
    await staff.goto('/workbench');
    await expect(staff.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(staff).toHaveURL(/\/workbench/);

    // The department's system never received a password.
    expect(rp.requests.join('\n')).not.toContain(DEMO_PASSWORD);
    expect(rp.requests.join('\n')).not.toContain(encodeURIComponent(DEMO_PASSWORD));
    await Promise.all([adminCtx.close(), citizenCtx.close(), staffCtx.close()]);
  } finally {
    await rp.close();
  }
});
