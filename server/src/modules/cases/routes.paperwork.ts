/**
 * 窗口收件的手续 (paperwork.ts):
 *
 *   POST /api/v1/cases/{id}/signature                          the applicant's signature from the pad (PNG, base64)
 *   GET  /api/v1/cases/{id}/signature.png                      the signature, for the record
 *   PUT  /api/v1/cases/{id}/delivery                           how the applicant wants the result (pickup / express / electronic)
 *   GET  /api/v1/cases/{id}/documents/acceptance-notice.pdf    受理通知书, once accepted
 *
 * The window clerk signs and records (case:file_at_window); whoever may read the case may read the signature and
 * the notice (the applicant included).
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/server.ts';
import type { Db } from '../../platform/db/db.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { localeFrom } from '../../platform/i18n/i18n.ts';
import { acceptanceNotice, saveSignature, setDelivery, signatureImage } from './paperwork.ts';
import { sendPdf } from './routes.results.ts';

const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Case id' }) });
const SignatureView = Type.Object({
  signedAt: Type.String({ format: 'date-time' }),
  clerkName: Type.String({ description: 'The window clerk who took the signature' }),
  url: Type.String({ description: 'Where the image is (GET, PNG)' }),
});
const DeliveryView = Type.Object({
  method: Type.Union([Type.Literal('electronic'), Type.Literal('pickup'), Type.Literal('express')]),
  address: Type.Optional(Type.String()),
});
const locale = (req: FastifyRequest) => localeFrom(req.headers['accept-language'] as string | undefined);

export function casePaperworkRoutes(app: App, deps: { db: Db; store: FileStore; publicUrl?: string }) {
  app.post(
    '/api/v1/cases/:id/signature',
    {
      config: { access: 'case:file_at_window' },
      schema: {
        tags: ['window'],
        summary: '综合窗口: the applicant’s signature drawn on the pad, as a PNG (base64 or a data: URL, up to 256 KB); signing again replaces it',
        params: IdParam,
        body: Type.Object({ png: Type.String({ maxLength: 1_048_576, description: 'PNG image, base64 (canvas.toDataURL("image/png") as is); beyond 256 KB decoded: 413' }) }, { additionalProperties: false }),
        response: { 201: SignatureView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await saveSignature(deps.db, deps.store, req.actor!, req.params.id, req.body.png, req.ip, locale(req))),
  );

  app.get(
    '/api/v1/cases/:id/signature.png',
    {
      config: { access: 'case:read' },
      schema: { tags: ['window'], summary: 'The applicant’s signature taken at the window (PNG); 404 when not signed', params: IdParam, produces: ['image/png'] },
    },
    async (req, reply) => {
      const img = await signatureImage(deps.db, deps.store, req.actor!, req.params.id);
      reply.header('content-type', 'image/png');
      reply.header('cache-control', 'private, no-store');
      return reply.send(img.stream);
    },
  );

  app.put(
    '/api/v1/cases/:id/delivery',
    {
      config: { access: 'case:file_at_window' },
      schema: {
        tags: ['window'],
        summary: '综合窗口: how the applicant wants the result — window pickup, express to an address (booked with the courier at delivery) or electronic; before the decision',
        params: IdParam,
        body: Type.Object(
          {
            method: Type.Union([Type.Literal('electronic'), Type.Literal('pickup'), Type.Literal('express')]),
            address: Type.Optional(Type.String({ maxLength: 200, description: 'Express: one line, e.g. 泰州市海陵区青年南路 88 号 李明 13951234567' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: DeliveryView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req) => setDelivery(deps.db, req.actor!, req.params.id, req.body, req.ip, locale(req)),
  );

  app.get(
    '/api/v1/cases/:id/documents/acceptance-notice.pdf',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: '受理通知书 of an accepted case (行政许可法 art. 32): case, item, applicant, materials received, committed due date, delivery, QR to the case page, hall and phone; 409 before acceptance',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req, reply) => {
      const baseUrl = deps.publicUrl ?? `${req.protocol}://${req.host}`;
      const { number, pdf } = await acceptanceNotice(deps.db, deps.store, req.actor!, req.params.id, { ip: req.ip, locale: locale(req), baseUrl });
      if (!deps.publicUrl) reply.header('vary', 'host');
      return sendPdf(reply, pdf, `acceptance-notice-${number}.pdf`, `受理通知书 ${number}.pdf`);
    },
  );
}
