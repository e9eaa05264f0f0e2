import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { localeFrom } from '../../platform/i18n/i18n.ts';
import type { CalendarData } from '../../platform/calendar/index.ts';
import type { ExpressProvider } from '../../platform/express/index.ts';
import { Answers } from './schema.ts';
import { deliverBundleCase, getBundleCase, listBundleCases, submitBundleCase, supplementBundleCase } from './bundle-cases.ts';

const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Bundle case id' }) });
const Light = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Null()]);
const Method = Type.Union([Type.Literal('electronic'), Type.Literal('pickup'), Type.Literal('express')]);
const FileRef = Type.Object({ key: Type.String({ maxLength: 120, description: 'The plan’s material key' }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const Member = Type.Object({
  caseId: Type.String({ format: 'uuid' }),
  number: Type.String(),
  itemName: Type.String(),
  implCode: Type.String(),
  agency: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  dueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  slaLight: Light,
  version: Type.Integer({ description: 'The member case’s version' }),
  result: Type.Optional(Type.Union([Type.Literal('grant'), Type.Literal('refuse')])),
  delivery: Type.Object({ method: Method, address: Type.Optional(Type.String()), trackingNo: Type.Optional(Type.String()), deliveredAt: Type.Optional(Type.String()) }),
  held: Type.Boolean({ description: 'Decided result waiting for the other members (delivered together)' }),
  notice: Type.Optional(Type.Object({ items: Type.Array(Type.Object({ code: Type.Optional(Type.String()), name: Type.String(), reason: Type.String() })), note: Type.Optional(Type.String()), issuedAt: Type.String(), issuedBy: Type.String() })),
});
const NoticeEntry = Type.Object({
  key: Type.String({ description: 'Send back with the supplement: one file answers every department asking for it' }),
  name: Type.String(),
  needsFile: Type.Boolean(),
  requests: Type.Array(
    Type.Object({ caseId: Type.String(), itemName: Type.String(), agency: Type.String(), code: Type.Optional(Type.String()), reason: Type.String(), issuedBy: Type.String(), issuedAt: Type.String() }),
  ),
});
export const BundleSubmitBody = Type.Object(
  {
    bundleCode: Type.String({ minLength: 1, maxLength: 40 }),
    answers: Answers,
    leaveOut: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50, description: 'Optional member items not wanted now' })),
    form: Type.Record(Type.String({ maxLength: 120 }), Type.Unknown(), { description: 'Merged form values keyed as the plan’s form.fields[].key' }),
    materials: Type.Array(FileRef, { maxItems: 100, description: 'Each material of the plan once' }),
    delivery: Type.Optional(Type.Object({ method: Method, address: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false })),
    deliverResults: Type.Optional(Type.Union([Type.Literal('together'), Type.Literal('each')], { description: 'together (default): all results delivered at once; each: as each is ready' })),
  },
  { additionalProperties: false },
);

export const BundleCase = Type.Object({
  id: Type.String({ format: 'uuid' }),
  number: Type.String({ description: 'Bundle case number YJS-year-sequence' }),
  bundle: Type.Object({ code: Type.String(), name: Type.String(), leadAgency: Type.String() }),
  submittedAt: Type.String({ format: 'date-time' }),
  state: Type.Union([Type.Literal('in_progress'), Type.Literal('supplement_requested'), Type.Literal('results_ready'), Type.Literal('done')], {
    description: 'From the members: done when every member case is closed',
  }),
  stateLabel: Type.String(),
  dueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Latest due date of the members still under way' }),
  slaLight: Type.Union([Light], { description: 'The worst member’s light' }),
  deliverResults: Type.Union([Type.Literal('together'), Type.Literal('each')]),
  delivery: Type.Object({
    method: Method,
    address: Type.Optional(Type.String()),
    trackingNo: Type.Optional(Type.String({ description: 'Delivered together by express: the one waybill of the whole bundle (also on every member case)' })),
    provider: Type.Optional(Type.String()),
    deliveredAt: Type.Optional(Type.String({ description: 'When the results went out together (one pickup or one parcel)' })),
  }),
  members: Type.Array(Member),
  notice: Type.Union([Type.Object({ items: Type.Array(NoticeEntry) }), Type.Null()], { description: 'Every member’s open supplement request, as one notice' }),
});

export function bundleCasesRoutes(app: App, deps: { db: Db; calendar: () => CalendarData; express?: ExpressProvider }) {
  const ctx = (req: { headers: Record<string, unknown>; ip: string }) => ({
    cal: deps.calendar(),
    ip: req.ip,
    locale: localeFrom(req.headers['accept-language'] as string | undefined),
    ...(deps.express ? { express: deps.express } : {}),
  });

  app.post(
    '/api/v1/bundle-cases',
    {
      config: { access: 'case:apply' },
      schema: {
        tags: ['bundles'],
        summary: 'One submission of a bundle: one bundle case and its member cases, all or none. Send an Idempotency-Key: retries create one.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
        body: BundleSubmitBody,
        response: { 201: BundleCase, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await submitBundleCase(deps.db, req.actor!, req.body, { ...ctx(req), idempotencyKey: req.headers['idempotency-key'] })),
  );

  app.get(
    '/api/v1/bundle-cases',
    {
      config: { access: 'case:read' },
      schema: { tags: ['bundles'], summary: 'My bundle cases (latest 50)', response: { 200: Type.Object({ bundleCases: Type.Array(BundleCase) }), 401: ErrorResponse } },
    },
    async (req) => ({ bundleCases: await listBundleCases(deps.db, req.actor!, ctx(req).locale) }),
  );

  app.get(
    '/api/v1/bundle-cases/:id',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['bundles'],
        summary: 'A bundle case: its members, one state, the worst light, one notice. For the applicant and the lead department.',
        params: IdParam,
        response: { 200: BundleCase, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => getBundleCase(deps.db, req.actor!, req.params.id, ctx(req).locale),
  );

  app.post(
    '/api/v1/bundle-cases/:id/supplement',
    {
      config: { access: 'case:apply' },
      schema: {
        tags: ['bundles'],
        summary: 'One supplement answering every open request of the notice (each member case gets its supplement)',
        params: IdParam,
        body: Type.Object({ materials: Type.Array(FileRef, { maxItems: 100 }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 200: BundleCase, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req) => supplementBundleCase(deps.db, req.actor!, req.params.id, req.body, ctx(req)),
  );

  app.post(
    '/api/v1/bundle-cases/:id/deliver',
    {
      config: { access: 'case:accept' },
      schema: {
        tags: ['bundles'],
        summary: '一窗出件: deliver every result of the bundle at once — one pickup, or one express parcel (one waybill, booked unless typed)',
        params: IdParam,
        body: Type.Object({ trackingNo: Type.Optional(Type.String({ maxLength: 60, description: 'A waybill number typed by the clerk; else the express provider books one' })) }, { additionalProperties: false }),
        response: { 200: BundleCase, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req) => deliverBundleCase(deps.db, req.actor!, req.params.id, req.body, ctx(req)),
  );
}
