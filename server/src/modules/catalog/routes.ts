import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse, Paging } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { AdminItem, AdminItemDetail, ItemDetail, ItemSummary, LintFindingSchema } from './schema.ts';
import * as service from './service.ts';
import * as editorial from './editorial.ts';
import * as reports from './reports.ts';
import { guideRoutes } from './routes.guide.ts';
import { createPublicSnapshot } from './public-snapshot.ts';
import { sendStored, type ResponseCache } from '../../platform/http/response-cache.ts';
import { openStoredFile, sendStoredFile } from '../../platform/files/routes.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { CatalogErrors } from './errors.ts';
import { searchPublished } from './search.ts';
import { excelRoutes } from './routes.excel.ts';

/** Compressed bytes held for item guides: every published item (15,000 take about 36 MB compressed, ADR 0005). */
const PUBLIC_ITEM_BYTES = 64 * 1024 * 1024;
/** Compressed bytes held for search pages and indicators (a page of 20 results: 6.5 KB of JSON, 1.1 KB compressed). */
const PUBLIC_ANSWER_BYTES = 8 * 1024 * 1024;

/** Ranked search lists kept, in entries of 4 bytes (a text matching the whole catalog takes 15,000; the benchmark mix's 334 texts take well under 1,000,000). */
const SEARCH_LIST_ENTRIES = 1_000_000;

const IMPL_CODE_MAX = 64;
const ImplCodeParam = Type.Object({ implCode: Type.String({ minLength: 1, maxLength: IMPL_CODE_MAX, description: 'Implementation code' }) });

/**
 * A route-level `onRequest` hook that answers a request whose answer is in the snapshot straight away (x-cache:
 * hit), before querystring/params validation and the handler. Only answers to requests that passed validation
 * are stored (`key` is made of exactly what was validated), so a hit could not have failed it; everything else
 * (misses, bad input, errors) goes the route's normal way. The global hooks (session, security headers, metrics)
 * still run, and the route still declares `access: 'public'`.
 */
function answerFromSnapshot(store: ResponseCache, key: (req: FastifyRequest) => string | undefined) {
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const k = key(req);
    const hit = k === undefined ? undefined : store.hit(k);
    if (!hit) return done();
    void sendStored(req, reply, hit, 'hit');
  };
}

export async function catalogRoutes(app: App, deps: { db: Db; store: FileStore }) {
  /**
   * Public answers come from this process's snapshot of the published catalog, pre-compressed, kept current by
   * PostgreSQL notifications (ADR 0005). Budgets: see the ADR for the measured sizes.
   */
  const snapshot = createPublicSnapshot(deps.db, { itemBytes: PUBLIC_ITEM_BYTES, answerBytes: PUBLIC_ANSWER_BYTES, searchListEntries: SEARCH_LIST_ENTRIES, log: app.log });
  app.addHook('onClose', () => snapshot.close());
  await guideRoutes(app, deps);
  excelRoutes(app, deps);

  const searchKey = (req: FastifyRequest) => `search:${req.url}`;
  app.get(
    '/api/v1/public/items',
    {
      config: { access: 'public' },
      onRequest: answerFromSnapshot(snapshot.answers, searchKey),
      schema: {
        tags: ['catalog'],
        summary: 'Search published service items (same source for web, phone, hall screens and third parties)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Plain words, e.g. 我要开饭店' })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$', description: 'GB/T 2260 region; includes regions below it' })),
          dept: Type.Optional(Type.String({ format: 'uuid', description: 'Implementing agency id' })),
          topic: Type.Optional(Type.String({ maxLength: 50, description: 'Topic, e.g. 生育收养, 设立变更' })),
          serviceObject: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('entity')], { description: '个人办事 (person) or 法人办事 (entity)' })),
          lifeEvent: Type.Optional(Type.String({ maxLength: 50, description: 'Life or business event, e.g. 开办企业' })),
          ...Paging,
        }),
        response: {
          200: Type.Object({
            items: Type.Array(ItemSummary),
            total: Type.Integer(),
            match: Type.Optional(Type.Union([Type.Literal('exact'), Type.Literal('related')], { description: 'related: nothing matched every word; these items are close' })),
          }),
          400: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const { serviceObject, ...rest } = req.query;
      return snapshot.answers.send(req, reply, searchKey(req), () => searchPublished(deps.db, { ...rest, object: serviceObject, page: rest.page ?? 1, pageSize: rest.pageSize ?? 20 }, snapshot.search));
    },
  );

  app.get(
    '/api/v1/public/items/:implCode',
    {
      config: { access: 'public' },
      // Keyed by the code (the handler's and the loader's key); the params schema's bounds are checked here too.
      onRequest: answerFromSnapshot(snapshot.items, (req) => {
        const code = (req.params as { implCode?: string }).implCode;
        return code && code.length <= IMPL_CODE_MAX ? code : undefined;
      }),
      schema: {
        tags: ['catalog'],
        summary: 'The full published element set of an item (its service guide); 410 when the item was retired',
        params: ImplCodeParam,
        response: { 200: ItemDetail, 404: ErrorResponse, 410: ErrorResponse },
      },
    },
    async (req, reply) => snapshot.items.sendText(req, reply, req.params.implCode, () => service.getPublicDetailJson(deps.db, req.params.implCode)),
  );

  const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Item id' }) });
  const Comment = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000, description: 'Reviewer comment or reason' })) }, { additionalProperties: false });
  const Finding = LintFindingSchema;

  app.get(
    '/api/v1/public/items/:implCode/files/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Download a blank form or sample named by the published item (materials or result)',
        params: Type.Object({ implCode: ImplCodeParam.properties.implCode, fileId: Type.String({ format: 'uuid' }) }),
      },
    },
    async (req, reply) => {
      const item = await service.findPublishedItem(deps.db, req.params.implCode);
      const referenced = item ? service.referencedFileIds(item.document) : new Set<string>();
      const f = referenced.has(req.params.fileId) ? await openStoredFile(deps.db, deps.store, req.params.fileId) : undefined;
      if (!f) throw CatalogErrors.FILE_NOT_PUBLISHED({ fileId: req.params.fileId });
      return sendStoredFile(reply, f, 'public, max-age=600');
    },
  );

  app.get(
    '/api/v1/catalog/items',
    {
      config: { access: 'catalog:read' },
      schema: {
        tags: ['catalog admin'],
        summary: 'Items in the caller’s scope: under review first, then drafts, then the rest',
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')])),
          versionStatus: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('published'), Type.Literal('superseded'), Type.Literal('retired')])),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          dept: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(AdminItem) }), 403: ErrorResponse },
      },
    },
    async (req) => ({ items: await editorial.listForAdmin(deps.db, req.actor!, req.query) }),
  );

  app.post(
    '/api/v1/catalog/items',
    {
      config: { access: 'catalog:edit' },
      schema: {
        tags: ['catalog admin'],
        summary: 'Create an item (first version as a draft). The agency is the owner of the implementation code’s credit code.',
        body: Type.Object({ document: Type.Unknown({ description: 'ItemDocument' }) }, { additionalProperties: false }),
        response: { 201: AdminItemDetail, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await editorial.createItem(deps.db, req.actor!, req.body.document, req.ip)),
  );

  app.get(
    '/api/v1/catalog/items/:id',
    {
      config: { access: 'catalog:read' },
      schema: { tags: ['catalog admin'], summary: 'An item: latest document, lint findings, versions and review log', params: IdParam, response: { 200: AdminItemDetail, 404: ErrorResponse } },
    },
    async (req) => editorial.getAdminItem(deps.db, req.actor!, req.params.id),
  );

  app.put(
    '/api/v1/catalog/items/:id/draft',
    {
      config: { access: 'catalog:edit' },
      schema: {
        tags: ['catalog admin'],
        summary: 'Save an edit: updates the draft or starts a new draft version; returns the lint findings',
        params: IdParam,
        body: Type.Object({ document: Type.Unknown({ description: 'ItemDocument' }), note: Type.Optional(Type.String({ maxLength: 500, description: 'What changed' })) }, { additionalProperties: false }),
        response: { 200: AdminItemDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req) => editorial.saveDraft(deps.db, req.actor!, req.params.id, req.body.document, req.body.note),
  );

  const transitions = [
    ['submit', 'catalog:edit', 'Submit the draft for review (blocked by lint errors)'],
    ['approve', 'catalog:review', 'Approve the submitted version'],
    ['reject', 'catalog:review', 'Send the submitted version back to draft with a comment'],
    ['publish', 'catalog:publish', 'Publish the approved version to every channel (blocked by lint errors)'],
    ['retire', 'catalog:publish', 'Retire the published item with a reason; cases keep their pinned versions'],
  ] as const;
  for (const [action, access, summary] of transitions) {
    app.post(
      `/api/v1/catalog/items/:id/${action}`,
      {
        config: { access },
        // The body is optional: a bare POST means "no comment".
        preValidation: async (req) => {
          if (req.body === undefined || req.body === null) req.body = {};
        },
        schema: {
          tags: ['catalog admin'],
          summary,
          params: IdParam,
          body: Comment,
          response: { 200: AdminItemDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (req) => {
        const detail = await editorial.transition(deps.db, req.actor!, req.params.id, action, req.body.comment, req.ip);
        // Other processes learn it from the database's notification; this one at once (the caller reads next).
        if (action === 'publish' || action === 'retire') snapshot.changed(detail.item.implCode);
        return detail;
      },
    );
  }

  app.get(
    '/api/v1/catalog/items/:id/diff',
    {
      config: { access: 'catalog:read' },
      schema: {
        tags: ['catalog admin'],
        summary: 'Field-level differences between two versions',
        params: IdParam,
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ changes: Type.Array(Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() })) }), 404: ErrorResponse },
      },
    },
    async (req) => ({ changes: await editorial.diffVersions(deps.db, req.actor!, req.params.id, req.query.from, req.query.to) }),
  );

  app.post(
    '/api/v1/catalog/items/lint',
    {
      config: { access: 'catalog:edit' },
      schema: {
        tags: ['catalog admin'],
        summary: 'Run the standardization review on an item document without saving it',
        body: Type.Object({ document: Type.Unknown({ description: 'ItemDocument' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ findings: Type.Array(Finding) }), 400: ErrorResponse },
      },
    },
    async (req) => ({ findings: await editorial.lintDocument(deps.db, req.body.document) }),
  );

  app.get(
    '/api/v1/catalog/quality',
    {
      config: { access: 'catalog:read' },
      schema: {
        tags: ['catalog admin'],
        summary: 'Catalog quality: lint findings across all items, by department and rule',
        response: {
          200: Type.Object({
            totals: Type.Object({ items: Type.Integer(), withErrors: Type.Integer(), errors: Type.Integer(), warnings: Type.Integer() }),
            departments: Type.Array(Type.Object({ orgId: Type.String(), name: Type.String(), items: Type.Integer(), withErrors: Type.Integer(), errors: Type.Integer(), warnings: Type.Integer() })),
            byRule: Type.Array(Type.Object({ rule: Type.String(), severity: Type.String(), count: Type.Integer() })),
            findings: Type.Array(Type.Intersect([Finding, Type.Object({ itemId: Type.String(), implCode: Type.String(), name: Type.String(), agency: Type.String() })])),
          }),
        },
      },
    },
    async (req) => reports.qualityReport(deps.db, req.actor!),
  );

  app.get(
    '/api/v1/catalog/consistency',
    {
      config: { access: 'catalog:read' },
      schema: {
        tags: ['catalog admin'],
        summary: 'Implementations whose name, kind or legal basis drifted from the base catalog, across regions',
        response: {
          200: Type.Object({
            checked: Type.Integer(),
            drifts: Type.Array(
              Type.Object({
                baseCode: Type.String(),
                baseName: Type.String(),
                implCode: Type.String(),
                itemId: Type.String(),
                itemName: Type.String(),
                regionCode: Type.String(),
                agency: Type.String(),
                fields: Type.Array(Type.Object({ field: Type.String(), base: Type.String(), impl: Type.String() })),
              }),
            ),
          }),
        },
      },
    },
    async () => reports.consistencyReport(deps.db),
  );

  app.get(
    '/api/v1/public/catalog/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Catalog indicators: counts by kind and department, shares online / zero-visit / at most one visit / in the hall / express / online payment, average limit compression',
        querystring: Type.Object({ regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) }),
        response: {
          200: Type.Object({
            publishedItems: Type.Integer(),
            byKind: Type.Array(Type.Object({ kind: Type.String(), label: Type.String(), count: Type.Integer() })),
            byDepartment: Type.Array(Type.Object({ orgId: Type.String(), name: Type.String(), count: Type.Integer() })),
            shares: Type.Object({ online: Type.Number(), zeroVisit: Type.Number(), atMostOneVisit: Type.Number(), inHall: Type.Number(), express: Type.Number(), onlinePayment: Type.Number() }),
            averageLimitCompression: Type.Number(),
          }),
        },
      },
    },
    async (req, reply) => snapshot.answers.send(req, reply, `indicators:${req.query.regionCode ?? ''}`, () => reports.catalogIndicators(deps.db, req.query.regionCode)),
  );
}
