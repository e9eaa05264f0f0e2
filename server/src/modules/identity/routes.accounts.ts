/** Account security and agents: sessions, re-authentication, password change; an entity's agents; acting for one. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { Me } from './schema.ts';
import { getMe, resolveSessionById } from './service.ts';
import { forgetSessionLocally } from './session-cache.ts';
import { actFor, authoriseAgent, entitiesOf, listAgents, revokeAgent } from './agents.ts';
import { changePassword, endSession, listSessions, reauthenticate } from './sessions.ts';

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
