/**
 * Department systems registered as OpenID Connect clients by platform administrators (issue 8): which redirect
 * URIs they may use, which grant types and scopes, and which kinds of subject (person / entity / staff) may sign in
 * to them. A confidential client's secret is shown once and kept sealed under the master key (the provider must
 * compare it, so a one-way hash would not do); a public client (a single-page or native app) has none and must
 * use PKCE.
 */
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
import type { KeyVault } from '../../../platform/crypto/index.ts';
import { IdentityErrors } from '../errors.ts';
import type { IdentityTables } from '../tables.ts';

export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
/** openid, profile (name), phone, tongban (subject type, real-name level, entity, agent, organisation, roles), offline_access (refresh tokens). */
export const SCOPES = ['openid', 'profile', 'phone', 'tongban', 'offline_access'] as const;
export const SUBJECT_TYPES = ['person', 'entity', 'staff'] as const;

export type ClientInput = {
  name: string;
  orgId?: string | null;
  /** true: a public client (no secret, PKCE required). */
  public?: boolean;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  grantTypes: string[];
  scopes: string[];
  subjectTypes: string[];
};

export type ClientView = {
  clientId: string;
  name: string;
  orgId: string | null;
  public: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: string[];
  scopes: string[];
  subjectTypes: string[];
  status: 'active' | 'disabled';
  createdAt: string;
};

type ClientRow = Selectable<IdentityTables['oidc_client']>;

/** A redirect URI must be https, or http on the loopback host for development (RFC 8252 §7.3, OAuth 2.0 Security BCP §2.1). */
function redirectUriProblem(uri: string): string | undefined {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return `“${uri}”不是完整的网址`;
  }
  if (u.hash) return `“${uri}”不能带 # 片段`;
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) return undefined;
  return `“${uri}”须使用 https（本机调试可用 http://127.0.0.1）`;
}

function check(input: ClientInput): void {
  const bad = (reason: string) => IdentityErrors.OIDC_CLIENT_INVALID({ reason });
  if (!input.name?.trim() || input.name.length > 100) throw bad('请填写系统名称（100 字以内）');
  const unknown = (list: string[], allowed: readonly string[]) => list.find((x) => !allowed.includes(x));
  const g = unknown(input.grantTypes, GRANT_TYPES);
  if (g !== undefined || input.grantTypes.length === 0) throw bad(g ? `不支持的授权方式 ${g}` : '至少选择一种授权方式');
  const s = unknown(input.scopes, SCOPES);
  if (s !== undefined) throw bad(`不支持的权限范围 ${s}`);
  const t = unknown(input.subjectTypes, SUBJECT_TYPES);
  if (t !== undefined) throw bad(`不支持的登录主体 ${t}`);
  const code = input.grantTypes.includes('authorization_code');
  if (code && input.redirectUris.length === 0) throw bad('用户登录（authorization_code）需要至少一个回调地址');
  if (code && input.subjectTypes.length === 0) throw bad('用户登录需要选择允许登录的主体（个人、企业或工作人员）');
  if (code && !input.scopes.includes('openid')) throw bad('用户登录需要 openid 权限范围');
  if (input.grantTypes.includes('refresh_token') && !code) throw bad('刷新令牌只能和用户登录（authorization_code）一起使用');
  if (input.public && input.grantTypes.includes('client_credentials')) throw bad('没有密钥的公开客户端不能使用系统间调用（client_credentials）');
  for (const uri of [...input.redirectUris, ...(input.postLogoutRedirectUris ?? [])]) {
    const p = redirectUriProblem(uri);
    if (p) throw bad(p);
  }
}

const viewOf = (r: ClientRow): ClientView => ({
  clientId: r.client_id,
  name: r.name,
  orgId: r.org_id,
  public: r.secret_sealed === null,
  redirectUris: r.redirect_uris,
  postLogoutRedirectUris: r.post_logout_redirect_uris,
  grantTypes: r.grant_types,
  scopes: r.scopes,
  subjectTypes: r.subject_types,
  status: r.status,
  createdAt: r.created_at.toISOString(),
});

const newSecret = () => randomBytes(32).toString('base64url');

export async function registerClient(db: Db, vault: KeyVault, input: ClientInput, by: string | null): Promise<{ client: ClientView; clientSecret: string | null }> {
  check(input);
  const clientId = `tb_${randomBytes(12).toString('base64url')}`;
  const secret = input.public ? null : newSecret();
  const row = await db
    .insertInto('oidc_client')
    .values({
      client_id: clientId,
      name: input.name.trim(),
      org_id: input.orgId ?? null,
      secret_sealed: secret ? vault.seal(secret) : null,
      redirect_uris: input.redirectUris,
      post_logout_redirect_uris: input.postLogoutRedirectUris ?? [],
      grant_types: input.grantTypes,
      scopes: input.scopes,
      subject_types: input.subjectTypes,
      created_by: by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { client: viewOf(row), clientSecret: secret };
}

export async function listClients(db: Db): Promise<ClientView[]> {
  return (await db.selectFrom('oidc_client').selectAll().orderBy('created_at').execute()).map(viewOf);
}

async function existing(db: Db, clientId: string): Promise<ClientRow> {
  const r = await db.selectFrom('oidc_client').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!r) throw IdentityErrors.OIDC_CLIENT_NOT_FOUND({ clientId });
  return r;
}

export async function updateClient(db: Db, clientId: string, input: ClientInput & { status?: 'active' | 'disabled' }): Promise<ClientView> {
  const before = await existing(db, clientId);
  check({ ...input, public: before.secret_sealed === null });
  const row = await db
    .updateTable('oidc_client')
    .set({ name: input.name.trim(), org_id: input.orgId ?? null, redirect_uris: input.redirectUris, post_logout_redirect_uris: input.postLogoutRedirectUris ?? [], grant_types: input.grantTypes, scopes: input.scopes, subject_types: input.subjectTypes, status: input.status ?? before.status, updated_at: new Date() })
    .where('client_id', '=', clientId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return viewOf(row);
}

/** A new secret for a confidential client; the old one stops working at once. */
export async function rotateClientSecret(db: Db, vault: KeyVault, clientId: string): Promise<string> {
  const before = await existing(db, clientId);
  if (before.secret_sealed === null) throw IdentityErrors.OIDC_CLIENT_INVALID({ reason: '公开客户端没有密钥' });
  const secret = newSecret();
  await db.updateTable('oidc_client').set({ secret_sealed: vault.seal(secret), updated_at: new Date() }).where('client_id', '=', clientId).execute();
  return secret;
}

/** The client as oidc-provider reads it (adapter.ts). ID tokens are signed ES256, the platform's JWS algorithm. */
export function clientMetadata(r: ClientRow, vault: KeyVault): Record<string, unknown> {
  const code = r.grant_types.includes('authorization_code');
  return {
    client_id: r.client_id,
    client_name: r.name,
    ...(r.secret_sealed ? { client_secret: vault.open(r.secret_sealed).toString('utf8'), token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
    redirect_uris: r.redirect_uris,
    post_logout_redirect_uris: r.post_logout_redirect_uris,
    grant_types: r.grant_types,
    response_types: code ? ['code'] : [],
    ...(r.scopes.length ? { scope: r.scopes.join(' ') } : {}),
    id_token_signed_response_alg: 'ES256',
  };
}

/** Subject types a client accepts, by client id (interaction check). */
export async function clientSubjectTypes(db: Db, clientId: string): Promise<{ name: string; subjectTypes: string[] } | undefined> {
  const r = await db.selectFrom('oidc_client').select(['name', 'subject_types']).where('client_id', '=', clientId).executeTakeFirst();
  return r ? { name: r.name, subjectTypes: r.subject_types } : undefined;
}
