import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { SESSION_COOKIE, CSRF_COOKIE } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { ApplicantProfile, LoginBody, Me, OrgList, UserList } from './schema.ts';
import * as service from './service.ts';
import { forgetSessionLocally } from './session-cache.ts';

export function identityRoutes(app: App, deps: { db: Db; cookieSecure: boolean }) {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.cookieSecure };

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie and a readable csrf_token cookie',
        body: LoginBody,
        response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req, reply) => {
      const result = await service.login(deps.db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieBase, httpOnly: true, expires: result.expiresAt });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieBase, httpOnly: false, expires: result.expiresAt });
      const actor = await service.resolveSession(deps.db, result.token);
      return service.getMe(deps.db, actor!);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null(), 401: ErrorResponse } } },
    async (req, reply) => {
      await service.logout(deps.db, req.actor!, req.ip);
      // Other instances hear of it through the session trigger's NOTIFY; this one forgets it before answering.
      forgetSessionLocally(req.actor!.sessionId);
      reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'The signed-in account, its roles and where it lands', response: { 200: Me, 401: ErrorResponse } } },
    async (req) => service.getMe(deps.db, req.actor!),
  );

  app.get(
    '/api/v1/me/profile',
    {
      config: { access: 'case:apply' },
      schema: {
        tags: ['auth'],
        summary: 'The applicant’s own full profile, to pre-fill application forms (owner only; not masked)',
        response: { 200: ApplicantProfile, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.getOwnProfile(deps.db, req.actor!);
    },
  );

  app.get(
    '/api/v1/admin/orgs',
    { config: { access: 'org:read' }, schema: { tags: ['admin'], summary: 'Organisations (departments, service centres)', response: { 200: OrgList, 403: ErrorResponse } } },
    async () => ({ orgs: await service.listOrgs(deps.db) }),
  );

  app.get(
    '/api/v1/admin/users',
    { config: { access: 'user:read' }, schema: { tags: ['admin'], summary: 'Accounts and their roles', response: { 200: UserList, 403: ErrorResponse } } },
    async () => ({ users: await service.listUsers(deps.db) }),
  );
}
