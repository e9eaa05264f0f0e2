import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse, Paging } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { localeFrom } from '../../platform/i18n/i18n.ts';
import type { CalendarData } from '../../platform/calendar/index.ts';
import { ActionBody, CaseDetail, CaseStateSchema, CaseSummary, SubmitBody } from './schema.ts';
import * as service from './service.ts';

const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Case id' }) });

export function casesRoutes(app: App, deps: { db: Db; calendar: () => CalendarData }) {
  app.post(
    '/api/v1/cases',
    {
      config: { access: 'case:apply' },
      schema: {
        tags: ['cases'],
        summary: 'Apply: file a case against the published version of an item. Send an Idempotency-Key header: retries create one case.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
        body: SubmitBody,
        response: { 201: CaseDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      const c = await service.submitCase(deps.db, req.actor!, req.body, {
        idempotencyKey: req.headers['idempotency-key'],
        cal: deps.calendar(),
        ip: req.ip,
        locale: localeFrom(req.headers['accept-language']),
      });
      return reply.status(201).send(c);
    },
  );

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'Applicants: their own cases. Staff: the queue in their data scope, most urgent first.',
        querystring: Type.Object({ state: Type.Optional(CaseStateSchema), q: Type.Optional(Type.String({ maxLength: 100, description: 'Case number or item name' })), ...Paging }),
        response: { 200: Type.Object({ cases: Type.Array(CaseSummary), total: Type.Integer() }), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req) =>
      service.listCases(deps.db, req.actor!, { state: req.query.state, q: req.query.q, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }, localeFrom(req.headers['accept-language'])),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'case:read' },
      schema: { tags: ['cases'], summary: 'A case with its form, materials, timeline and the actions open to the caller', params: IdParam, response: { 200: CaseDetail, 404: ErrorResponse } },
    },
    async (req) => service.getCase(deps.db, req.actor!, req.params.id, localeFrom(req.headers['accept-language']), { audit: true, ip: req.ip }),
  );

  app.post(
    '/api/v1/cases/:id/actions',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'Act on a case (accept, decline, decide). Checks role, data scope, state and version.',
        params: IdParam,
        body: ActionBody,
        response: { 200: CaseDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req) => service.actOnCase(deps.db, req.actor!, req.params.id, req.body, { cal: deps.calendar(), ip: req.ip, locale: localeFrom(req.headers['accept-language']) }),
  );
}
