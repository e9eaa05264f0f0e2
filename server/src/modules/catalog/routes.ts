import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse, Paging } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { AdminItem, ItemDetail, ItemSummary } from './schema.ts';
import * as service from './service.ts';

const ImplCodeParam = Type.Object({ implCode: Type.String({ minLength: 1, maxLength: 64, description: 'Implementation code' }) });

export function catalogRoutes(app: App, deps: { db: Db }) {
  app.get(
    '/api/v1/public/items',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Search published service items (same source for web, phone, hall screens and third parties)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Plain words, e.g. 开饭店' })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$', description: 'GB/T 2260 region; includes regions below it' })),
          dept: Type.Optional(Type.String({ format: 'uuid', description: 'Implementing agency id' })),
          ...Paging,
        }),
        response: { 200: Type.Object({ items: Type.Array(ItemSummary), total: Type.Integer() }), 400: ErrorResponse },
      },
    },
    async (req) => service.searchPublished(deps.db, { ...req.query, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }),
  );

  app.get(
    '/api/v1/public/items/:implCode',
    {
      config: { access: 'public' },
      schema: { tags: ['catalog'], summary: 'The full published element set of an item (its service guide)', params: ImplCodeParam, response: { 200: ItemDetail, 404: ErrorResponse } },
    },
    async (req) => service.getPublicDetail(deps.db, req.params.implCode),
  );

  app.get(
    '/api/v1/catalog/items',
    {
      config: { access: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'Items in the caller’s scope, drafts first',
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')])) }),
        response: { 200: Type.Object({ items: Type.Array(AdminItem) }), 403: ErrorResponse },
      },
    },
    async (req) => ({ items: await service.listForAdmin(deps.db, req.actor!, req.query.status) }),
  );

  app.post(
    '/api/v1/catalog/items/:id/publish',
    {
      config: { access: 'catalog:publish' },
      schema: {
        tags: ['catalog'],
        summary: 'Publish the latest version of an item to every channel',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: AdminItem, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (req) => service.publishItem(deps.db, req.actor!, req.params.id, req.ip),
  );
}
