/** Account security and agents: sessions, re-authentication, password change; an entity's agents; acting for one; staff posts. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { Me } from './schema.ts';
import { getMe, resolveSessionById } from './service.ts';
import { forgetSessionLocally } from './session-cache.ts';
import { actFor, authoriseAgent, entitiesOf, listAgents, revokeAgent } from './agents.ts';
import { changePassword, endSession, listSessions, reauthenticate, requireRecentAuth } from './sessions.ts';
import { addPost, createStaff, postsOf, revokePost, staffDetail, STAFF_ROLES, switchPost, updateStaff } from './staff.ts';
import type { Actor } from '../../platform/auth/actor.ts';

const Scope = Type.Union([Type.Literal('apply'), Type.Literal('cases'), Type.Literal('licenses')]);
const Grant = Type.Object({
  id: Type.String(),
  entity: Type.Object({ id: Type.String(), name: Type.String(), creditCode: Type.Union([Type.String(), Type.Null()]) }),
  agent: Type.Object({ id: Type.String(), name: Type.String(), idNumberMasked: Type.Union([Type.String(), Type.Null()]) }),
  scopes: Type.Array(Scope),
  validFrom: Type.String(),
  validUntil: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('expired'), Type.Literal('pending')]),
  grantedAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
const Session = Type.Object({ id: Type.String(), createdAt: Type.String(), lastAuthAt: Type.String(), ip: Type.Union([Type.String(), Type.Null()]), userAgent: Type.Union([Type.String(), Type.Null()]), current: Type.Boolean(), actingFor: Type.Union([Type.String(), Type.Null()]) });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Date10 = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };

export function accountRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  staffRoutes(app, db);

  app.get('/api/v1/me/sessions', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Where I am signed in', response: { 200: Type.Object({ sessions: Type.Array(Session) }), 401: ErrorResponse } } }, async (req) => ({ sessions: await listSessions(db, req.actor!) }));

  app.delete('/api/v1/me/sessions/:id', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Sign out one of my sessions (another device)', params: Id, response: { 204: Type.Null(), ...Errors } } }, async (req, reply) => {
    await endSession(db, req.actor!, req.params.id, req.ip);
    forgetSessionLocally(req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/auth/reauth', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Enter the password again before a sensitive action', body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 128 }) }), response: { 204: Type.Null(), ...Errors } } }, async (req, reply) => {
    await reauthenticate(db, req.actor!, req.body.password, req.ip);
    forgetSessionLocally(req.actor!.sessionId);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/me/password', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Change my password (my other sessions end)', body: Type.Object({ current: Type.String({ minLength: 1, maxLength: 128 }), password: Type.String({ minLength: 1, maxLength: 128 }) }), response: { 204: Type.Null(), ...Errors } } }, async (req, reply) => {
    await changePassword(db, req.actor!, req.body.current, req.body.password, req.ip);
    forgetSessionLocally(req.actor!.sessionId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/entity/agents', { config: { access: 'entity:agents' }, schema: { tags: ['auth'], summary: 'The agents (经办人) this entity has authorised', response: { 200: Type.Object({ agents: Type.Array(Grant) }), 401: ErrorResponse, 403: ErrorResponse } } }, async (req) => ({ agents: await listAgents(db, req.actor!) }));

  app.post(
    '/api/v1/entity/agents',
    {
      config: { access: 'entity:agents' },
      schema: {
        tags: ['auth'],
        summary: 'Authorise a person (by ID number and name) as an agent for a scope and a period',
        body: Type.Object({ residentId: Type.String({ minLength: 15, maxLength: 18 }), name: Type.String({ minLength: 1, maxLength: 50 }), scopes: Type.Array(Scope, { minItems: 1, maxItems: 3 }), validFrom: Date10, validUntil: Date10 }),
        response: { 201: Grant, ...Errors },
      },
    },
    async (req, reply) => reply.status(201).send(await authoriseAgent(db, req.actor!, req.body, req.ip)),
  );

  app.post('/api/v1/entity/agents/:id/revoke', { config: { access: 'entity:agents' }, schema: { tags: ['auth'], summary: 'Revoke an agent’s authorisation (their acting sessions fall back at once)', params: Id, response: { 200: Grant, ...Errors } } }, async (req) => revokeAgent(db, req.actor!, req.params.id, req.ip));

  app.get('/api/v1/me/entities', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Entities I may act for today, with the scopes each allowed', response: { 200: Type.Object({ entities: Type.Array(Grant) }), 401: ErrorResponse } } }, async (req) => ({ entities: await entitiesOf(db, req.actor!) }));

  app.post(
    '/api/v1/auth/act-for',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Act for an entity as its agent (entityId), or as myself again (null)', body: Type.Object({ entityId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) }), response: { 200: Me, ...Errors } } },
    async (req) => {
      await actFor(db, req.actor!, req.body.entityId, req.ip);
      forgetSessionLocally(req.actor!.sessionId);
      return getMe(db, (await resolveSessionById(db, req.actor!.sessionId))!);
    },
  );
}

const StaffRole = Type.String({ enum: [...STAFF_ROLES] });
const PostView = Type.Object({ id: Type.Union([Type.String(), Type.Null()]), orgId: Type.String(), orgName: Type.String(), roles: Type.Array(Type.String()), kind: Type.String(), delegatedByName: Type.Union([Type.String(), Type.Null()]), validFrom: Type.Union([Type.String(), Type.Null()]), validUntil: Type.Union([Type.String(), Type.Null()]), current: Type.Boolean() });
const PostRecord = Type.Object({ id: Type.String(), orgId: Type.String(), orgName: Type.String(), roles: Type.Array(Type.String()), kind: Type.String(), delegatedByName: Type.Union([Type.String(), Type.Null()]), reason: Type.String(), validFrom: Type.String(), validUntil: Type.Union([Type.String(), Type.Null()]), status: Type.String() });

/** Staff: their posts and switching between them; administrators manage staff, posts and delegations. */
function staffRoutes(app: App, db: Db) {
  const admin = (req: { actor?: Actor }) => {
    requireRecentAuth(req.actor!);
    return req.actor!;
  };
  app.get('/api/v1/me/posts', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Where I may work: my own organisation and the posts and delegations in force', response: { 200: Type.Object({ posts: Type.Array(PostView) }), 401: ErrorResponse } } }, async (req) => ({ posts: await postsOf(db, req.actor!) }));
  app.post(
    '/api/v1/auth/post',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Work in one of my posts this session (null: my own organisation)', body: Type.Object({ postId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) }), response: { 200: Me, ...Errors } } },
    async (req) => {
      await switchPost(db, req.actor!, req.body.postId, req.ip);
      forgetSessionLocally(req.actor!.sessionId);
      return getMe(db, (await resolveSessionById(db, req.actor!.sessionId))!);
    },
  );
  app.post(
    '/api/v1/admin/users',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account in an organisation with roles',
        body: Type.Object({ username: Type.String({ minLength: 3, maxLength: 32 }), displayName: Type.String({ minLength: 1, maxLength: 50 }), orgId: Type.String({ format: 'uuid' }), roles: Type.Array(StaffRole, { minItems: 1, uniqueItems: true }), phone: Type.Optional(Type.String({ maxLength: 11 })), password: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 201: Type.Object({ id: Type.String() }), 409: ErrorResponse, ...Errors },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createStaff(db, admin(req), req.body, req.ip) }),
  );
  app.put(
    '/api/v1/admin/users/:id',
    {
      config: { access: 'user:manage' },
      schema: { tags: ['admin'], summary: 'Change a member of staff’s organisation, roles or status', params: Id, body: Type.Object({ orgId: Type.Optional(Type.String({ format: 'uuid' })), roles: Type.Optional(Type.Array(StaffRole, { minItems: 1, uniqueItems: true })), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])) }), response: { 204: Type.Null(), ...Errors } },
    },
    async (req, reply) => {
      await updateStaff(db, admin(req), req.params.id, req.body, req.ip);
      return reply.status(204).send(null);
    },
  );
  app.get('/api/v1/admin/users/:id/posts', { config: { access: 'user:manage' }, schema: { tags: ['admin'], summary: 'A member of staff’s posts and delegations', params: Id, response: { 200: Type.Object({ posts: Type.Array(PostRecord) }), ...Errors } } }, async (req) => ({ posts: await staffDetail(db, req.params.id) }));
  app.post(
    '/api/v1/admin/users/:id/posts',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['admin'],
        summary: 'A post in another organisation, or a delegation of someone’s roles for a period',
        params: Id,
        body: Type.Object({ orgId: Type.String({ format: 'uuid' }), roles: Type.Array(StaffRole, { minItems: 1, uniqueItems: true }), kind: Type.Union([Type.Literal('post'), Type.Literal('delegation')]), delegatedBy: Type.Optional(Type.String({ format: 'uuid' })), reason: Type.Optional(Type.String({ maxLength: 200 })), validFrom: Date10, validUntil: Type.Optional(Date10) }),
        response: { 201: Type.Object({ id: Type.String() }), ...Errors },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addPost(db, admin(req), req.params.id, req.body, req.ip) }),
  );
  app.delete(
    '/api/v1/admin/users/:id/posts/:postId',
    { config: { access: 'user:manage' }, schema: { tags: ['admin'], summary: 'End a post or delegation now', params: Type.Object({ id: Type.String({ format: 'uuid' }), postId: Type.String({ format: 'uuid' }) }), response: { 204: Type.Null(), ...Errors } } },
    async (req, reply) => {
      await revokePost(db, admin(req), req.params.id, req.params.postId, req.ip);
      return reply.status(204).send(null);
    },
  );
}
