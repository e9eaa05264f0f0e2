/**
 * Data sharing routes (issue 7, EXCHANGE): the resource catalog, requests and their review, grants, API keys, the
 * access log, and the exchange API itself (GET /api/v1/sharing/{resource}/records?key=… with an API key).
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import type { Db } from '../../platform/db/db.ts';
import type { CalendarData } from '../../platform/calendar/index.ts';
import { AppError, HttpErrors } from '../../platform/http/errors.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { createResource, getResource, listResources, setResourceStatus, updateResource } from './catalog.ts';
import { createApiKey, decideAsProvider, getGrant, getRequest, listApiKeys, listGrants, listRequests, provideRequest, reviewRequest, revokeApiKey, submitRequest, updateGrant } from './requests.ts';
import { searchAccessLog } from './access-log.ts';
import { createExchange, type Exchange } from './exchange.ts';
import * as S from './schema.exchange.ts';
import { REGISTER_FIELDS } from './registers.ts';

export type ExchangeRouteDeps = {
  db: Db;
  calendar: () => CalendarData;
  /** The database URL, to LISTEN for grant and key changes; without it every call reads the database. */
  databaseUrl?: string;
  /** Use this exchange (tests, bench) instead of making one. */
  exchange?: Exchange;
};

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['sharing'];

export function sharingExchangeRoutes(app: App, deps: ExchangeRouteDeps) {
  const { db } = deps;
  const exchange = deps.exchange ?? createExchange(db, deps.databaseUrl);
  if (!deps.exchange) {
    app.addHook('onClose', () =>
      exchange.close().catch((err: unknown) => app.log.error({ err, pending: exchange.log.pending }, 'sharing: access log rows not written at shutdown')),
    );
  }

  // ---- the exchange API ----

  app.get('/api/v1/sharing/:resource/records', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Records of a shared resource by key, for a system holding an API key of a grant (Authorization: Bearer <key>): only granted fields, sensitive ones masked unless granted; every call is logged',
      params: Type.Object({ resource: Type.String({ minLength: 1, maxLength: 64 }) }),
      querystring: Type.Object({ key: Type.Optional(Type.String({ description: 'The record key (resident ID, credit code …); several comma-separated only when the grant allows' })) }),
      response: { 200: S.RecordsAnswer, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      const { cached, ...answer } = await exchange.records(req.headers.authorization, req.params.resource, req.query.key);
      reply.header('x-cache', cached ? 'hit' : 'miss'); // the key's grant from memory, or read now
      return answer;
    } catch (err) {
      if (err instanceof AppError && err.status === 429 && typeof err.params.retryAfter === 'number') reply.header('retry-after', String(err.params.retryAfter));
      throw err;
    }
  });

  // ---- the catalog ----

  /** Staff with sharing:read, or a system with a valid API key (Authorization: Bearer). */
  const catalogReader = async (req: { actor?: { permissions: Set<string> }; headers: { authorization?: string } }) => {
    if (req.actor?.permissions.has('sharing:read')) return { all: req.actor.permissions.has('sharing:admin') };
    if (req.actor) throw HttpErrors.FORBIDDEN();
    if (await exchange.isSystem(req.headers.authorization)) return { all: false };
    throw HttpErrors.UNAUTHENTICATED();
  };

  app.get('/api/v1/sharing/resources', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The resource catalog (信息资源目录): published resources for staff with sharing:read and API-key holders; every status for data administrators',
      querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('withdrawn')])), provider: Type.Optional(Type.String({ maxLength: 40 })) }),
      response: { 200: Type.Object({ resources: Type.Array(S.Resource) }), 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (req) => {
    const { all } = await catalogReader(req);
    return { resources: await listResources(db, { all, status: req.query.status, provider: req.query.provider }) };
  });

  app.get('/api/v1/sharing/register-fields', {
    config: { access: 'sharing:read' },
    schema: {
      tags,
      summary: 'The data items each base register holds (type, sensitivity), from which resources are made',
      response: { 200: Type.Object({ registers: Type.Record(Type.String(), Type.Array(S.ResourceField)) }) },
    },
  }, async () => ({ registers: Object.fromEntries(Object.entries(REGISTER_FIELDS).map(([k, fs]) => [k, fs.map((f) => ({ name: f.name, title: f.title, type: f.type, sensitivity: f.sensitivity }))])) }));

  app.get('/api/v1/sharing/resources/:code', {
    config: { access: 'public' },
    schema: { tags, summary: 'One resource of the catalog with its data items and its exchange API', params: CodeParams, response: { 200: S.Resource, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => getResource(db, req.params.code, await catalogReader(req)));

  app.post('/api/v1/sharing/resources', {
    config: { access: 'sharing:admin' },
    schema: { tags, summary: 'Add a resource to the catalog (draft)', body: S.ResourceBody, response: { 201: S.Resource, 400: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => reply.status(201).send(await createResource(db, req.actor!, req.body, req.ip)));

  app.put('/api/v1/sharing/resources/:code', {
    config: { access: 'sharing:admin' },
    schema: { tags, summary: 'Edit a resource of the catalog', params: CodeParams, body: S.ResourceUpdateBody, response: { 200: S.Resource, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => updateResource(db, req.actor!, req.params.code, req.body, req.ip));

  app.post('/api/v1/sharing/resources/:code/publish', {
    config: { access: 'sharing:admin' },
    schema: { tags, summary: 'Publish a resource to staff and department systems', params: CodeParams, response: { 200: S.Resource, 404: ErrorResponse } },
  }, async (req) => setResourceStatus(db, req.actor!, req.params.code, 'published', req.ip));

  app.post('/api/v1/sharing/resources/:code/withdraw', {
    config: { access: 'sharing:admin' },
    schema: { tags, summary: 'Withdraw a resource (its grants stop answering)', params: CodeParams, response: { 200: S.Resource, 404: ErrorResponse } },
  }, async (req) => setResourceStatus(db, req.actor!, req.params.code, 'withdrawn', req.ip));

  // ---- requests ----

  app.post('/api/v1/sharing/requests', {
    config: { access: 'sharing:request' },
    schema: { tags, summary: 'Request a resource for one’s department: purpose, data items, and sensitive items wanted unmasked (with the reason)', body: S.RequestBody, response: { 201: S.RequestView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => reply.status(201).send(await submitRequest(db, deps.calendar(), req.actor!, req.body, req.ip)));

  app.get('/api/v1/sharing/requests', {
    config: { access: 'sharing:read' },
    schema: {
      tags,
      summary: 'Requests with their deadline lights: mine (my department’s), review (the platform’s queue), provider (my department’s approval queue), all (platform)',
      querystring: Type.Object({ queue: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('review'), Type.Literal('provider'), Type.Literal('all')])) }),
      response: { 200: Type.Object({ requests: Type.Array(S.RequestView) }), 403: ErrorResponse },
    },
  }, async (req) => ({ requests: await listRequests(db, req.actor!, req.query.queue ?? 'mine') }));

  app.get('/api/v1/sharing/requests/:id', {
    config: { access: 'sharing:read' },
    schema: { tags, summary: 'One request', params: IdParams, response: { 200: S.RequestView, 404: ErrorResponse } },
  }, async (req) => getRequest(db, req.actor!, req.params.id));

  app.post('/api/v1/sharing/requests/:id/review', {
    config: { access: 'sharing:review' },
    schema: { tags, summary: 'The platform accepts a request or refuses it with a specific reason (3 working days)', params: IdParams, body: S.ReviewBody, response: { 200: S.RequestView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => reviewRequest(db, deps.calendar(), req.actor!, req.params.id, req.body, req.ip));

  app.post('/api/v1/sharing/requests/:id/provide', {
    config: { access: 'sharing:review' },
    schema: { tags, summary: 'The platform provides an accepted request for open data: the grant is created (3 working days after acceptance)', params: IdParams, response: { 200: S.RequestView, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => provideRequest(db, req.actor!, req.params.id, req.ip));

  app.post('/api/v1/sharing/requests/:id/decision', {
    config: { access: 'sharing:provide' },
    schema: { tags, summary: 'The providing department approves (naming each sensitive item it lets through unmasked) or refuses with a specific reason (10 working days)', params: IdParams, body: S.ProviderBody, response: { 200: S.RequestView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => decideAsProvider(db, req.actor!, req.params.id, req.body, req.ip));

  // ---- grants and keys ----

  app.get('/api/v1/sharing/grants', {
    config: { access: 'sharing:read' },
    schema: { tags, summary: 'Grants: all for the platform; one’s department’s grants and the grants of its resources', response: { 200: Type.Object({ grants: Type.Array(S.GrantView) }) } },
  }, async (req) => ({ grants: await listGrants(db, req.actor!) }));

  app.get('/api/v1/sharing/grants/:id', {
    config: { access: 'sharing:read' },
    schema: { tags, summary: 'One grant', params: IdParams, response: { 200: S.GrantView, 404: ErrorResponse } },
  }, async (req) => getGrant(db, req.actor!, req.params.id));

  app.patch('/api/v1/sharing/grants/:id', {
    config: { access: 'sharing:admin' },
    schema: { tags, summary: 'Suspend, reinstate or revoke a grant, or adjust its limits', params: IdParams, body: S.GrantPatch, response: { 200: S.GrantView, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => updateGrant(db, req.actor!, req.params.id, req.body, req.ip));

  app.get('/api/v1/sharing/grants/:id/keys', {
    config: { access: 'sharing:read' },
    schema: { tags, summary: 'The API keys of one’s department’s grant (prefixes only)', params: IdParams, response: { 200: Type.Object({ keys: Type.Array(S.ApiKeyView) }), 404: ErrorResponse } },
  }, async (req) => ({ keys: await listApiKeys(db, req.actor!, req.params.id) }));

  app.post('/api/v1/sharing/grants/:id/keys', {
    config: { access: 'sharing:request' },
    schema: { tags, summary: 'A new API key for one’s department’s grant: shown once, kept as SHA-256', params: IdParams, body: Type.Object({ label: Type.String({ maxLength: 100 }) }), response: { 201: S.NewApiKey, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => reply.status(201).send(await createApiKey(db, req.actor!, req.params.id, req.body.label, req.ip)));

  app.post('/api/v1/sharing/keys/:id/revoke', {
    config: { access: 'sharing:request' },
    schema: { tags, summary: 'Revoke an API key (calls with it get 401 at once on this instance, on others at the notification)', params: IdParams, response: { 200: S.ApiKeyView, 404: ErrorResponse } },
  }, async (req) => revokeApiKey(db, req.actor!, req.params.id, req.ip));

  // ---- the access log ----

  app.get('/api/v1/sharing/access-log', {
    config: { access: 'sharing:read' },
    schema: {
      tags,
      summary: 'Who read which shared data: the provider sees calls to its resources, the requester those under its grants, the platform all',
      querystring: S.AccessQuery,
      response: { 200: Type.Object({ entries: Type.Array(S.AccessEntry) }) },
    },
  }, async (req) => ({ entries: await searchAccessLog(db, req.actor!, req.query) }));
}
