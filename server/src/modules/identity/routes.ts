import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { SESSION_COOKIE, CSRF_COOKIE } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { ApplicantProfile, LoginBody, Me, OrgList, UserList } from './schema.ts';
import * as service from './service.ts';
import { forgetSessionLocally } from './session-cache.ts';
import { endSessionIfAny } from './sessions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loginWithCode, register, requestCode, resetPassword, verifyInPerson, verifyRealName, type SmsLoginDeps } from './sms-login.ts';

/** `sms`: sign-in by SMS code, registration, password reset and real-name checks (absent: password sign-in only). */
export function identityRoutes(app: App, deps: { db: Db; cookieSecure: boolean; sms?: SmsLoginDeps }) {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.cookieSecure };
  /**
   * Set the session cookies of a new session and answer who is signed in. A browser that had a session has it
   * ended, not left valid until it expires: signing in again as the same person (a department system asked for a
   * fresh sign-in, and is waiting for it) ends only that session; as someone else, it signs the other person out.
   */
  const signedIn = async (req: FastifyRequest, reply: FastifyReply, result: service.LoginResult) => {
    reply.setCookie(SESSION_COOKIE, result.token, { ...cookieBase, httpOnly: true, expires: result.expiresAt });
    reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieBase, httpOnly: false, expires: result.expiresAt });
    const actor = (await service.resolveSession(deps.db, result.token))!;
    const before = req.actor;
    if (before) {
      const person = (a: Actor) => a.agent?.id ?? a.id;
      if (person(before) === person(actor)) await endSessionIfAny(deps.db, actor, before.sessionId, req.ip);
      else await service.logout(deps.db, before, req.ip);
      forgetSessionLocally(before.sessionId);
    }
    return service.getMe(deps.db, actor);
  };

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
    async (req, reply) => signedIn(req, reply, await service.login(deps.db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] })),
  );

  if (deps.sms) smsRoutes(app, deps.db, deps.sms, signedIn);

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

type SignedIn = (req: FastifyRequest, reply: FastifyReply, result: service.LoginResult) => Promise<service.Me>;

function smsRoutes(app: App, db: Db, sms: SmsLoginDeps, signedIn: SignedIn) {
  const Phone = Type.String({ minLength: 11, maxLength: 11, description: 'Mainland mobile number' });
  const Code = Type.String({ minLength: 1, maxLength: 10 });
  app.post(
    '/api/v1/auth/sms-code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time code by SMS (sign in, register, reset the password). The same answer whoever the number belongs to.',
        body: Type.Object({ phone: Phone, purpose: Type.Union([Type.Literal('login'), Type.Literal('register'), Type.Literal('reset')]) }),
        response: { 202: Type.Object({ retryAfterSeconds: Type.Integer() }), 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(202).send(await requestCode(sms, { ...req.body, ip: req.ip })),
  );
  app.post(
    '/api/v1/auth/login/sms',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign in with the mobile number and its SMS code', body: Type.Object({ phone: Phone, code: Code }), response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse } } },
    async (req, reply) => signedIn(req, reply, await loginWithCode(sms, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] })),
  );
  app.post(
    '/api/v1/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Register a personal account with the mobile number, its SMS code, name and resident ID (real-name L1; L2 when the household register agrees); signed in',
        body: Type.Object({ phone: Phone, code: Code, password: Type.String({ minLength: 1, maxLength: 128 }), name: Type.String({ minLength: 1, maxLength: 50 }), residentId: Type.String({ minLength: 15, maxLength: 18 }) }),
        response: { 201: Me, 400: ErrorResponse, 401: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req, reply) => {
      const me = await signedIn(req, reply, await register(sms, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] }));
      return reply.status(201).send(me);
    },
  );
  app.post(
    '/api/v1/auth/password-reset',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Set a new password with the SMS code sent to the account’s number; every session ends', body: Type.Object({ phone: Phone, code: Code, password: Type.String({ minLength: 1, maxLength: 128 }) }), response: { 204: Type.Null(), 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse } } },
    async (req, reply) => {
      await resetPassword(sms, { ...req.body, ip: req.ip });
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/me/real-name',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Real-name L2: check my name and resident ID against the household register', response: { 200: Type.Object({ realNameLevel: Type.String() }), 400: ErrorResponse, 401: ErrorResponse } } },
    async (req) => ({ realNameLevel: await verifyRealName(sms, req.actor!.agent?.id ?? req.actor!.id, req.ip) }),
  );
  app.post(
    '/api/v1/window/real-name',
    {
      config: { access: 'case:file_at_window' },
      schema: { tags: ['auth'], summary: 'Real-name L3: a window clerk saw the person with their ID card', body: Type.Object({ residentId: Type.String({ minLength: 15, maxLength: 18 }), name: Type.String({ minLength: 1, maxLength: 50 }) }), response: { 200: Type.Object({ accountId: Type.String(), level: Type.String() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (req) => verifyInPerson(db, { id: req.actor!.id, name: req.actor!.displayName }, req.body.residentId, req.body.name, req.ip),
  );

}
