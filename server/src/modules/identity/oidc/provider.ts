/**
 * The platform's OpenID Connect provider (issue 8: 统一身份认证, “一次认证、全网通办”), built on oidc-provider
 * (an OpenID Certified implementation) and mounted at `/oidc` (issuer `<PUBLIC_URL>/oidc`).
 *
 * - Flows: authorization code with PKCE (required for every client, confidential ones too), refresh tokens
 *   (scope offline_access), client credentials for system-to-system calls, userinfo, RP-initiated logout,
 *   introspection and revocation. Implicit and hybrid flows are off.
 * - Signing keys are the platform's ES256 keys (platform/crypto/jws.ts, sealed under the master key): ID tokens
 *   carry their kid, the provider's JWKS (`/oidc/jwks`) publishes the same keys as `/.well-known/jwks.json`, and a
 *   rotation there is picked up here (the provider is rebuilt when the key set changes).
 * - Sign-in is the platform's own: the interaction step (interaction.ts) accepts the platform session (one sign-in
 *   for the portal and every department system) or sends the browser to the platform's login page.
 * - Claims (scope `tongban`): subject type, real-name level, the entity and its agent, the staff member's
 *   organisation and roles.
 *
 * oidc-provider (and Koa under it) is imported on first use (ADR 0007): a server nobody signs in to through OIDC
 * does not carry it.
 */
import type { Db } from '../../../platform/db/db.ts';
import type { KeyVault, JwsKeys } from '../../../platform/crypto/index.ts';
import { maskResidentId } from '../../../platform/codes/index.ts';
import { postgresAdapter } from './adapter.ts';
import { SESSION_COOKIE } from '../../../platform/http/server.ts';
import { logout, resolveSession } from '../service.ts';
import { forgetSessionLocally } from '../session-cache.ts';
import { SCOPES } from './clients.ts';

export type OidcDeps = { db: Db; vault: KeyVault; jws: JwsKeys; issuer: string };
type ProviderModule = typeof import('oidc-provider');
export type OidcProvider = InstanceType<ProviderModule['Provider']>;

/** Where the provider sends a browser to sign in (interaction.ts serves it). */
export const INTERACTION_PATH = '/oidc/interaction';

/** Lifetimes in seconds: short access tokens, a working day's session, refresh tokens for two weeks. */
const TTL = { AccessToken: 10 * 60, AuthorizationCode: 60, ClientCredentials: 10 * 60, IdToken: 60 * 60, Interaction: 15 * 60, Session: 8 * 60 * 60, Grant: 14 * 24 * 60 * 60, RefreshToken: 14 * 24 * 60 * 60 };

/** The claims each scope releases. */
const CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'preferred_username'],
  phone: ['phone_number', 'phone_number_verified'],
  tongban: ['subject_type', 'real_name_level', 'entity', 'agent', 'org', 'roles'],
};

async function accountClaims(db: Db, accountId: string): Promise<Record<string, unknown> | undefined> {
  const a = await db
    .selectFrom('account as a')
    .leftJoin('org as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.username', 'a.display_name', 'a.subject_type', 'a.status', 'a.real_name_level', 'a.person_name', 'a.resident_id', 'a.phone', 'a.entity_name', 'a.credit_code', 'a.region_code', 'o.id as org_id', 'o.name as org_name', 'o.region_code as org_region'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  if (!a || a.status !== 'active') return undefined;
  const roles = a.subject_type === 'staff' ? (await db.selectFrom('account_role').select('role').where('account_id', '=', accountId).orderBy('role').execute()).map((r) => r.role) : [];
  return {
    sub: a.id,
    name: a.display_name,
    preferred_username: a.username,
    ...(a.phone ? { phone_number: `+86${a.phone}`, phone_number_verified: false } : {}),
    subject_type: a.subject_type,
    real_name_level: a.real_name_level,
    ...(a.subject_type === 'entity' && a.credit_code ? { entity: { name: a.entity_name, credit_code: a.credit_code } } : {}),
    // The agent (经办人) acting for the entity: who is actually signed in.
    ...(a.subject_type === 'entity' && a.person_name ? { agent: { name: a.person_name, ...(a.resident_id ? { id_number_masked: maskResidentId(a.resident_id) } : {}) } } : {}),
    ...(a.org_id ? { org: { id: a.org_id, name: a.org_name, region_code: a.org_region } } : {}),
    ...(roles.length ? { roles } : {}),
  };
}


async function build(deps: OidcDeps, jwks: { keys: Record<string, unknown>[] }): Promise<OidcProvider> {
  const { Provider } = await import('oidc-provider');
  const { db } = deps;
  const provider = new Provider(deps.issuer, {
    adapter: postgresAdapter(db, deps.vault),
    jwks: jwks as never,
    claims: CLAIMS,
    scopes: [...SCOPES],
    responseTypes: ['code'],
    // Scope claims go in the ID token too (not only from userinfo): department systems read who signed in from it.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = page('退出登录', `<p>要退出政务服务平台吗？</p>${form}<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout" style="${BUTTON}">退出全部系统</button></p><p><button type="submit" form="op.logoutForm" style="${BUTTON}background:#fff;color:#1677ff">只退出这个系统</button></p>`);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page('已退出', '<p>您已退出登录。</p><p><a href="/">返回政务服务网</a></p>');
        },
      },
    },
    clientDefaults: { id_token_signed_response_alg: 'ES256', grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' },
    enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    // Cookie signing keys derived from the master key: the same on every instance, never stored.
    cookies: { keys: [deps.vault.derive('oidc-cookies').toString('base64url')] },
    ttl: TTL,
    // A refresh token only when the client may have one and asked for offline_access.
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    async findAccount(_ctx, sub) {
      const claims = await accountClaims(db, sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => claims as { sub: string } };
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('登录没有完成', `<p>${escapeHtml(String(out.error_description ?? out.error ?? ''))}</p><p><a href="/">返回政务服务网</a></p>`);
    },
  });
  provider.proxy = true;
  // Signing out of a department system with “退出全部” ends the platform session too (single logout).
  provider.on('end_session.success', (ctx: { oidc: { params?: Record<string, unknown> }; cookies: { get(n: string): string | undefined; set(n: string, v: null, o: object): void }; ip: string }) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (!ctx.oidc.params?.logout || !token) return;
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/', signed: false });
    void resolveSession(db, token).then((actor) => actor && logout(db, actor, ctx.ip).then(() => forgetSessionLocally(actor.sessionId)), () => undefined);
  });
  return provider;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const BUTTON = 'font-size:1rem;padding:.6rem 1rem;width:100%;border:1px solid #1677ff;border-radius:6px;background:#1677ff;color:#fff;';
/** The provider's own pages (sign-out, errors): plain, phone-sized, in Chinese. */
const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">${title}</h1>${body}</body></html>`;

/**
 * The provider, built on first use and rebuilt when the platform's key set changes (a rotation): tokens already
 * issued keep verifying, because retired keys stay in the set.
 */
export function createOidc(deps: OidcDeps): { provider(): Promise<OidcProvider>; claimsOf(accountId: string): Promise<Record<string, unknown> | undefined> } {
  let current: { fingerprint: string; provider: Promise<OidcProvider> } | undefined;
  return {
    async provider() {
      const jwks = await deps.jws.privateJwks();
      const fingerprint = jwks.keys.map((k) => k.kid).join(',');
      if (!current || current.fingerprint !== fingerprint) {
        current = { fingerprint, provider: build(deps, jwks) };
        current.provider.catch(() => (current = undefined));
      }
      return current.provider;
    },
    claimsOf: (accountId) => accountClaims(deps.db, accountId),
  };
}
