/**
 * A department system calls the exchange with an OAuth2 client-credentials token from the platform's OpenID
 * provider instead of an API key (issue 7 with issue 8's provider): driven by openid-client over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as oidc from 'openid-client';
import { buildApp } from '../../app.ts';
import { localFileStore } from '../../platform/files/file-store.ts';
import { freePort } from '../../platform/db/embedded.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase } from '../../testing/db.ts';
import { CITIZEN_RESIDENT_ID } from '../../seed/world/people.ts';
import { DEMO_PASSWORD } from '../../seed/seed.ts';
import type { App } from '../../platform/http/server.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
let app: App;
let base: string;
let adminHeaders: Record<string, string>;

beforeAll(async () => {
  h = await createTestDatabase();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  ({ app } = await buildApp({ db: h.db, databaseUrl: h.url, store: localFileStore(inject('filesDir')), logger: false, publicUrl: base }));
  await app.listen({ port, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
  adminHeaders = { cookie: cookies.join('; '), 'x-csrf-token': cookies.find((c) => c.startsWith('csrf_token='))!.split('=')[1]!, 'content-type': 'application/json' };
});
afterAll(async () => {
  await app.close();
  await h.drop();
});

async function systemOf(orgKey: string | null): Promise<oidc.Configuration> {
  const orgId = orgKey ? (await h.db.selectFrom('org').select('id').where('key', '=', orgKey).executeTakeFirstOrThrow()).id : null;
  const res = await fetch(`${base}/api/v1/oidc/clients`, { method: 'POST', headers: adminHeaders, body: JSON.stringify({ name: `${orgKey ?? '无单位'}业务系统`, orgId, redirectUris: [], grantTypes: ['client_credentials'], scopes: [], subjectTypes: [] }) });
  expect(res.status).toBe(201);
  const { client, clientSecret } = (await res.json()) as { client: { clientId: string }; clientSecret: string };
  return oidc.discovery(new URL(`${base}/oidc`), client.clientId, undefined, oidc.ClientSecretBasic(clientSecret), { execute: [oidc.allowInsecureRequests] });
}

const exchange = (token: string, resource: string, key: string) => fetch(`${base}/api/v1/sharing/${resource}/records?key=${key}`, { headers: { authorization: `Bearer ${token}` } });

describe('the exchange with OAuth2 client credentials', () => {
  it('answers a registered system of a granted department with only the granted items, logged under the grant', async () => {
    const mzj = (await h.db.selectFrom('org').select('id').where('key', '=', 'mzj').executeTakeFirstOrThrow()).id;
    const grantId = newId();
    await h.db.insertInto('data_grant').values({ id: grantId, request_id: null, resource_code: 'population-basic', org_id: mzj, fields: ['residentId', 'name', 'sex'], unmasked_fields: [], purpose: '婚姻登记核验身份', valid_until: '2099-12-31', rate_per_minute: 600, daily_quota: 1000, max_keys_per_call: 1, status: 'active' }).execute();
    const { access_token: token } = await oidc.clientCredentialsGrant(await systemOf('mzj'));

    const res = await exchange(token, 'population-basic', CITIZEN_RESIDENT_ID);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { records: Array<Record<string, string>>; masked: string[] };
    expect(Object.keys(body.records[0]!).sort()).toEqual(['name', 'residentId', 'sex']);
    expect(body.records[0]!.residentId).toContain('*');
    expect(body.masked).toEqual(['residentId']);
    await expect.poll(async () => (await h.db.selectFrom('sharing_access_log').select(['grant_id', 'api_key_id', 'result']).where('grant_id', '=', grantId).execute()).length, { timeout: 3000 }).toBe(1);
    const [row] = await h.db.selectFrom('sharing_access_log').select(['api_key_id', 'result', 'org_id']).where('grant_id', '=', grantId).execute();
    expect(row).toEqual({ api_key_id: null, result: 'ok', org_id: mzj });

    // The same token reads the published catalog, but not a resource its department holds no grant for.
    expect((await fetch(`${base}/api/v1/sharing/resources`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const other = await exchange(token, 'entity-basic', '91321202MA1X00000A');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('NO_GRANT');

    // Suspending the grant stops the token's calls (the key cache hears of it).
    await h.db.updateTable('data_grant').set({ status: 'suspended' }).where('id', '=', grantId).execute();
    await expect.poll(async () => (await exchange(token, 'population-basic', CITIZEN_RESIDENT_ID)).status, { timeout: 3000 }).toBe(403);
  });

  it('refuses a system registered for no department, and a token that is not one', async () => {
    const { access_token: token } = await oidc.clientCredentialsGrant(await systemOf(null));
    expect((await exchange(token, 'population-basic', CITIZEN_RESIDENT_ID)).status).toBe(401);
    expect((await exchange('x'.repeat(43), 'population-basic', CITIZEN_RESIDENT_ID)).status).toBe(401);
    expect((await fetch(`${base}/api/v1/sharing/resources`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
