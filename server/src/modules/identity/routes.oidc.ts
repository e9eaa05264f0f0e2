/**
 * OpenID Connect routes: the provider mounted at `/oidc` (oidc/provider.ts), the sign-in step it sends browsers
 * to, and the administrators' registration of department systems as clients.
 */
import type { IncomingMessage } from 'node:http';
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import type { KeyVault } from '../../platform/crypto/index.ts';
import { writeAuditInTrx, type AuditInput } from '../../platform/audit/index.ts';
import { createOidc, INTERACTION_PATH, type OidcDeps, type OidcProvider } from './oidc/provider.ts';
import { firstAskedAt } from './oidc/adapter.ts';
import { clientSubjectTypes, GRANT_TYPES, listClients, registerClient, rotateClientSecret, SCOPES, SUBJECT_TYPES, updateClient } from './oidc/clients.ts';
import { IdentityErrors } from './errors.ts';
import { requireRecentAuth } from './sessions.ts';

const SUBJECT_LABEL: Record<string, string> = { person: '个人', entity: '企业和组织', staff: '工作人员' };

/**
 * The earliest sign-in a system accepts for this authorization (OpenID Connect Core 1.0 §3.1.2.1), counted from
 * when the sign-in step first saw the request (kept beside the interaction, so coming back from the login page does
 * not move it): with `prompt=login` one made after that, with `max_age` one no older than that many seconds before
 * it. Undefined: the platform session, however old, will do (single sign-on).
 */
async function freshSignInSince(db: Db, details: { uid: string; exp?: number; params: Record<string, unknown>; prompt: { reasons: string[] } }): Promise<Date | undefined> {
  const login = details.prompt.reasons.includes('login_prompt');
  const maxAge = details.params.max_age === undefined ? NaN : Number(details.params.max_age);
  if (!login && !Number.isFinite(maxAge)) return undefined;
  const asked = await firstAskedAt(db, 'FreshSignIn', details.uid, (details.exp ?? 0) - Math.floor(Date.now() / 1000));
  return new Date(asked.getTime() - (login ? 0 : maxAge * 1000));
}

const ClientBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  orgId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  public: Type.Optional(Type.Boolean({ description: 'A public client (browser or native app): no secret, PKCE' })),
  redirectUris: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 }),
  postLogoutRedirectUris: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })),
  grantTypes: Type.Array(Type.String({ enum: [...GRANT_TYPES] }), { minItems: 1, uniqueItems: true }),
  scopes: Type.Array(Type.String({ enum: [...SCOPES] }), { uniqueItems: true }),
  subjectTypes: Type.Array(Type.String({ enum: [...SUBJECT_TYPES] }), { uniqueItems: true }),
});
const ClientView = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  orgId: Type.Union([Type.String(), Type.Null()]),
  public: Type.Boolean(),
  redirectUris: Type.Array(Type.String()),
  postLogoutRedirectUris: Type.Array(Type.String()),
  grantTypes: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  subjectTypes: Type.Array(Type.String()),
  status: Type.String(),
  createdAt: Type.String(),
});
const ClientId = Type.Object({ clientId: Type.String({ maxLength: 64 }) });

/** Hand the raw request to the provider as if it were mounted at /oidc (it reads `originalUrl` for its mount path). */
function toProvider(provider: OidcProvider, raw: IncomingMessage & { originalUrl?: string }, res: import('node:http').ServerResponse): void {
  raw.originalUrl = raw.url;
  raw.url = raw.url!.slice('/oidc'.length) || '/';
  void provider.callback()(raw, res);
}

export function oidcRoutes(app: App, deps: { db: Db; vault: KeyVault; jws: OidcDeps['jws']; publicUrl: string }) {
  const writeAudit = (e: AuditInput) => deps.db.transaction().execute((trx) => writeAuditInTrx(trx, e));
  const oidc = createOidc({ db: deps.db, vault: deps.vault, jws: deps.jws, issuer: `${deps.publicUrl.replace(/\/$/, '')}/oidc` });

  // The provider reads its own request bodies (form posts to /oidc/token …): nothing here parses them.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
    scope.all('/oidc/*', { config: { access: 'public', csrf: false }, schema: { hide: true } }, async (req, reply) => {
      const provider = await oidc.provider();
      reply.hijack();
      toProvider(provider, req.raw, reply.raw);
    });
  });

  /**
   * The sign-in step. One sign-in serves the portal and every department system: a browser that already has a
   * platform session goes straight back to the system; otherwise to the platform's login page, then back here.
   * Consent is implied by the administrator's registration (government systems of this platform, scopes fixed there).
   */
  app.get(`${INTERACTION_PATH}/:uid`, { config: { access: 'public' }, schema: { hide: true, params: Type.Object({ uid: Type.String({ maxLength: 64 }) }) } }, async (req, reply) => {
    const provider = await oidc.provider();
    let details: Awaited<ReturnType<OidcProvider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req.raw, reply.raw);
    } catch {
      return reply.status(400).type('text/html').send('<!doctype html><meta charset="utf-8"><title>登录已过期</title><p>这次登录已经过期，请回到原来的系统重新登录。</p>');
    }
    const actor = req.actor;
    const since = await freshSignInSince(deps.db, details);
    if (!actor || (since && !(actor.authAt && actor.authAt >= since))) {
      return reply.redirect(`/login?next=${encodeURIComponent(`${INTERACTION_PATH}/${details.uid}`)}${actor ? '&fresh=1' : ''}`, 303);
    }
    const clientId = String(details.params.client_id);
    const client = await clientSubjectTypes(deps.db, clientId);
    reply.hijack();
    if (!client || !client.subjectTypes.includes(actor.subjectType)) {
      const refused = IdentityErrors.OIDC_SUBJECT_NOT_ALLOWED({ client: client?.name ?? clientId, subject: SUBJECT_LABEL[actor.subjectType] ?? actor.subjectType });
      await provider.interactionFinished(req.raw, reply.raw, { error: 'access_denied', error_description: refused.localized('zh-CN') }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const g = grant ?? new provider.Grant({ accountId: actor.id, clientId });
    g.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await g.save();
    await writeAudit({ actor: { id: actor.id, name: actor.displayName }, action: 'oidc.sign_in', entityType: 'oidc_client', entityId: clientId, ip: req.ip });
    // auth_time is when the person signed in to the platform (or proved it again), not now.
    const ts = Math.floor((actor.authAt ?? new Date()).getTime() / 1000);
    await provider.interactionFinished(req.raw, reply.raw, { login: { accountId: actor.id, ts, amr: ['pwd'] }, consent: { grantId } }, { mergeWithLastSubmission: false });
  });

  app.get(
    '/api/v1/oidc/clients',
    { config: { access: 'identity:clients' }, schema: { tags: ['auth'], summary: 'Department systems registered as OpenID Connect clients', response: { 200: Type.Object({ clients: Type.Array(ClientView) }), 401: ErrorResponse, 403: ErrorResponse } } },
    async () => ({ clients: await listClients(deps.db) }),
  );

  app.post(
    '/api/v1/oidc/clients',
    {
      config: { access: 'identity:clients' },
      schema: {
        tags: ['auth'],
        summary: 'Register a department system; the client secret is in this answer only',
        body: ClientBody,
        response: { 201: Type.Object({ client: ClientView, clientSecret: Type.Union([Type.String(), Type.Null()]) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => {
      requireRecentAuth(req.actor!);
      const out = await registerClient(deps.db, deps.vault, req.body, req.actor!.id);
      await writeAudit({ actor: { id: req.actor!.id, name: req.actor!.displayName }, action: 'oidc.client.register', entityType: 'oidc_client', entityId: out.client.clientId, ip: req.ip, after: out.client });
      return reply.status(201).send(out);
    },
  );

  app.put(
    '/api/v1/oidc/clients/:clientId',
    {
      config: { access: 'identity:clients' },
      schema: { tags: ['auth'], summary: 'Change a registration (or disable it: status)', params: ClientId, body: Type.Intersect([ClientBody, Type.Object({ status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])) })]), response: { 200: ClientView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req) => {
      const client = await updateClient(deps.db, req.params.clientId, req.body);
      await writeAudit({ actor: { id: req.actor!.id, name: req.actor!.displayName }, action: 'oidc.client.update', entityType: 'oidc_client', entityId: client.clientId, ip: req.ip, after: client });
      return client;
    },
  );

  app.post(
    '/api/v1/oidc/clients/:clientId/secret',
    { config: { access: 'identity:clients' }, schema: { tags: ['auth'], summary: 'A new client secret (the old one stops working)', params: ClientId, response: { 200: Type.Object({ clientSecret: Type.String() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } },
    async (req) => {
      requireRecentAuth(req.actor!);
      const clientSecret = await rotateClientSecret(deps.db, deps.vault, req.params.clientId);
      await writeAudit({ actor: { id: req.actor!.id, name: req.actor!.displayName }, action: 'oidc.client.secret', entityType: 'oidc_client', entityId: req.params.clientId, ip: req.ip });
      return { clientSecret };
    },
  );

  app.post(
    '/api/v1/oidc/keys/rotate',
    { config: { access: 'identity:clients' }, schema: { tags: ['auth'], summary: 'Rotate the signing key of ID tokens (and license QR payloads); earlier tokens keep verifying', response: { 200: Type.Object({ kid: Type.String() }), 401: ErrorResponse, 403: ErrorResponse } } },
    async (req) => {
      requireRecentAuth(req.actor!);
      const kid = await deps.jws.rotate();
      await writeAudit({ actor: { id: req.actor!.id, name: req.actor!.displayName }, action: 'oidc.keys.rotate', entityType: 'signing_key', entityId: kid, ip: req.ip });
      return { kid };
    },
  );

  return oidc;
}
