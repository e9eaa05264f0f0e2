import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { AdminBundle, AdminBundleDetail, Answers, BundleDetail, BundleFinding, BundleSummary, Plan } from './schema.ts';
import * as service from './service.ts';

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, description: 'Bundle code, e.g. newborn' }) });
const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Bundle id' }) });

export function bundlesRoutes(app: App, deps: { db: Db }) {
  // Public bundle answers are read fresh: a handful of bundles, each also depending on its member items'
  // publication, so a cache would need both modules' invalidations (ADR 0005) for little gain.
  app.get(
    '/api/v1/public/bundles',
    {
      config: { access: 'public' },
      schema: { tags: ['bundles'], summary: 'Published one-thing services (一件事) with their computed savings', response: { 200: Type.Object({ bundles: Type.Array(BundleSummary) }) } },
    },
    async () => service.listPublic(deps.db),
  );

  app.get(
    '/api/v1/public/bundles/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bundles'],
        summary: 'A published bundle: member items, situation questionnaire, process, guide and savings',
        params: CodeParam,
        response: { 200: BundleDetail, 404: ErrorResponse },
      },
    },
    async (req) => service.getPublic(deps.db, req.params.code),
  );

  app.post(
    '/api/v1/public/bundles/:code/plan',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bundles'],
        summary: 'The one-time notice for these answers: the items that apply, each material once, the merged form, the savings',
        params: CodeParam,
        body: Type.Object(
          {
            answers: Answers,
            leaveOut: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50, description: 'Optional member items the applicant does not want now' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Plan, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.planPublic(deps.db, req.params.code, req.body.answers, req.body.leaveOut ?? []),
  );

  app.get(
    '/api/v1/catalog/bundles',
    {
      config: { access: 'catalog:read' },
      schema: { tags: ['bundles admin'], summary: 'Bundles in the caller’s region: under review first', response: { 200: Type.Object({ bundles: Type.Array(AdminBundle) }), 403: ErrorResponse } },
    },
    async (req) => ({ bundles: await service.listForAdmin(deps.db, req.actor!) }),
  );

  app.post(
    '/api/v1/catalog/bundles',
    {
      config: { access: 'catalog:edit' },
      schema: {
        tags: ['bundles admin'],
        summary: 'Create a bundle (first version as a draft)',
        body: Type.Object({ document: Type.Unknown({ description: 'BundleDocument' }) }, { additionalProperties: false }),
        response: { 201: AdminBundleDetail, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createBundle(deps.db, req.actor!, req.body.document, req.ip)),
  );

  app.post(
    '/api/v1/catalog/bundles/check',
    {
      config: { access: 'catalog:edit' },
      schema: {
        tags: ['bundles admin'],
        summary: 'Run the review checks on a bundle document without saving it',
        body: Type.Object({ document: Type.Unknown({ description: 'BundleDocument' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ findings: Type.Array(BundleFinding) }), 400: ErrorResponse },
      },
    },
    async (req) => {
      const doc = req.body.document;
      service.assertShape(doc);
      return { findings: await service.checkDocument(deps.db, doc) };
    },
  );

  app.get(
    '/api/v1/catalog/bundles/:id',
    {
      config: { access: 'catalog:read' },
      schema: { tags: ['bundles admin'], summary: 'A bundle: latest document, check findings, versions and review log', params: IdParam, response: { 200: AdminBundleDetail, 404: ErrorResponse } },
    },
    async (req) => service.getAdminBundle(deps.db, req.actor!, req.params.id),
  );

  app.put(
    '/api/v1/catalog/bundles/:id/draft',
    {
      config: { access: 'catalog:edit' },
      schema: {
        tags: ['bundles admin'],
        summary: 'Save an edit: updates the draft or starts a new draft version',
        params: IdParam,
        body: Type.Object({ document: Type.Unknown({ description: 'BundleDocument' }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 200: AdminBundleDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => service.saveDraft(deps.db, req.actor!, req.params.id, req.body.document, req.body.note),
  );

  const transitions = [
    ['submit', 'catalog:edit', 'Submit the draft for review (blocked by check errors)'],
    ['approve', 'catalog:review', 'Approve the submitted version'],
    ['reject', 'catalog:review', 'Send the submitted version back to draft with a comment'],
    ['publish', 'catalog:publish', 'Publish the approved version (blocked by check errors)'],
    ['retire', 'catalog:publish', 'Retire the published bundle with a reason'],
  ] as const;
  for (const [action, access, summary] of transitions) {
    app.post(
      `/api/v1/catalog/bundles/:id/${action}`,
      {
        config: { access },
        preValidation: async (req) => {
          if (req.body === undefined || req.body === null) req.body = {};
        },
        schema: {
          tags: ['bundles admin'],
          summary,
          params: IdParam,
          body: Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
          response: { 200: AdminBundleDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (req) => service.transition(deps.db, req.actor!, req.params.id, action, req.body.comment, req.ip),
    );
  }
}
