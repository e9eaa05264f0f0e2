/**
 * Results of a case: the decision document (PDF) and the express track of the result.
 *
 *   GET /api/v1/cases/{id}/decision.pdf   准予 / 不予行政许可决定书 once a decision exists (404 before)
 *   GET /api/v1/cases/{id}/revocation.pdf 撤销行政许可决定书 once a grant on commitment was revoked (404 otherwise)
 *   GET /api/v1/cases/{id}/tracking       the courier's track when the result went out by express
 *
 * Both read the case in the caller's data scope, as GET /api/v1/cases/{id} does.
 */
import { Type } from 'typebox';
import type { Selectable } from 'kysely';
import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/server.ts';
import type { Db, DbOrTrx } from '../../platform/db/db.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { defineErrors } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import type { ExpressProvider } from '../../platform/express/index.ts';
import { findItemVersion } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import { decisionDocumentNumber, renderDecisionPdf, renderRevocationPdf } from './decision-pdf.ts';
import { loadCaseInTrx } from './service.ts';
import type { CasesTables } from './tables.ts';

export const ResultErrors = defineErrors({
  DECISION_NOT_MADE: { status: 404, 'zh-CN': '该办件尚未作出决定，还没有决定书', 'en-US': 'No decision has been made on this case yet' },
  NOT_REVOKED: { status: 404, 'zh-CN': '该办件的许可没有被撤销，没有撤销决定书', 'en-US': 'The grant of this case has not been revoked' },
  NOT_SHIPPED: { status: 404, 'zh-CN': '该办件的结果没有通过快递寄出，或尚未寄出', 'en-US': 'The result of this case has not been sent by express' },
});

export type CaseRow = Selectable<CasesTables['case']>;

/** A case row within the actor's data scope (the one scoping rule of the case module). */
export function findCaseInScope(db: DbOrTrx, actor: Actor, id: string): Promise<CaseRow | undefined> {
  return loadCaseInTrx(db, actor, id);
}

const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Case id' }) });
/** The body is bytes (a Buffer bypasses the serializer); the schema only documents it. */
const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

const TrackEventSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('collected'), Type.Literal('in_transit'), Type.Literal('out_for_delivery'), Type.Literal('delivered')]),
  label: Type.String({ description: '揽收 / 运输中 / 派送中 / 已签收' }),
  description: Type.String(),
  location: Type.Optional(Type.String()),
});
export const TrackingSchema = Type.Object({
  provider: Type.String({ description: 'Express provider, e.g. express-simulator' }),
  trackingNo: Type.String(),
  events: Type.Array(TrackEventSchema, { description: 'Oldest first; empty when the provider does not know the number' }),
});

/** RFC 8187 `filename*` value: UTF-8, percent-encoded beyond attr-char. */
function encodeFilename(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A case whose documents the actor may read; staff opening one is an audited access (it names the applicant and reasons). */
export async function readableDocumentCase(db: Db, actor: Actor, id: string, ip: string): Promise<CaseRow> {
  const c = await findCaseInScope(db, actor, id);
  if (!c) throw CaseErrors.CASE_NOT_FOUND();
  if (actor.subjectType === 'staff') {
    await db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.decision_view', entityType: 'case', entityId: c.id, ip }));
  }
  return c;
}

export function sendPdf(reply: FastifyReply, pdf: Buffer, asciiName: string, name: string) {
  reply.header('content-type', 'application/pdf');
  reply.header('cache-control', 'private, no-store');
  reply.header('content-disposition', `inline; filename="${asciiName}"; filename*=UTF-8''${encodeFilename(name)}`);
  return reply.send(pdf);
}

export function caseResultsRoutes(app: App, deps: { db: Db; express: ExpressProvider }) {
  app.get(
    '/api/v1/cases/:id/decision.pdf',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'The decision document (准予 / 不予行政许可决定书) of a decided case, as a PDF in Chinese; 404 before a decision',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 200: { description: 'PDF document (A4)', content: { 'application/pdf': { schema: PdfBody } } }, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const c = await readableDocumentCase(deps.db, req.actor!, req.params.id, req.ip);
      if (!c.decision) throw ResultErrors.DECISION_NOT_MADE();
      const item = await findItemVersion(deps.db, c.item_version_id);
      if (!item) throw new Error(`item version ${c.item_version_id} of case ${c.number} is missing`);
      const docNo = decisionDocumentNumber(c.agency_name, c.number, c.decision.result);
      return sendPdf(reply, await renderDecisionPdf(c, item), `decision-${c.number}.pdf`, `${c.decision.result === 'grant' ? '准予' : '不予'}行政许可决定书 ${docNo}.pdf`);
    },
  );

  app.get(
    '/api/v1/cases/:id/revocation.pdf',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'The 撤销行政许可决定书 of a grant on commitment revoked at verification (names what was found false), as a PDF; 404 unless revoked',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 200: { description: 'PDF document (A4)', content: { 'application/pdf': { schema: PdfBody } } }, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const c = await readableDocumentCase(deps.db, req.actor!, req.params.id, req.ip);
      if (!c.decision?.revokedAt) throw ResultErrors.NOT_REVOKED();
      const docNo = decisionDocumentNumber(c.agency_name, c.number, 'revoke');
      return sendPdf(reply, await renderRevocationPdf(c), `revocation-${c.number}.pdf`, `撤销行政许可决定书 ${docNo}.pdf`);
    },
  );

  app.get(
    '/api/v1/cases/:id/tracking',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'The express track of the result (揽收 → 运输中 → 派送中 → 已签收); 404 unless it went out by express',
        params: IdParam,
        response: { 200: TrackingSchema, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const c = await findCaseInScope(deps.db, req.actor!, req.params.id);
      if (!c) throw CaseErrors.CASE_NOT_FOUND();
      const trackingNo = c.delivery.method === 'express' ? c.delivery.trackingNo?.trim() : undefined;
      if (!trackingNo) throw ResultErrors.NOT_SHIPPED();
      // A waybill booked with another provider than the one connected now cannot be tracked here.
      const bookedWith = (c.delivery as { provider?: string }).provider;
      const provider = bookedWith ?? deps.express.provider;
      const events = provider === deps.express.provider ? await deps.express.track(trackingNo) : [];
      reply.header('cache-control', 'private, no-store');
      return { provider, trackingNo, events };
    },
  );
}
