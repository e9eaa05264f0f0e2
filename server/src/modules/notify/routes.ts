import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse, Paging } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { ChannelSchema, NotificationList, OutboxMessage } from './schema.ts';
import * as service from './service.ts';

const IdParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Notification id' }) });

export function notifyRoutes(app: App, deps: { db: Db }) {
  app.get(
    '/api/v1/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'The caller’s own notifications, newest first, with the unread count',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean({ description: 'true: unread only; false: read only' })), ...Paging }),
        response: { 200: NotificationList, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.listNotifications(deps.db, req.actor!, { unread: req.query.unread, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 });
    },
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'Mark all of the caller’s notifications read', response: { 200: Type.Object({ updated: Type.Integer() }), 401: ErrorResponse } },
    },
    async (req) => ({ updated: await service.markAllRead(deps.db, req.actor!) }),
  );

  app.post(
    '/api/v1/me/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'Mark one of the caller’s notifications read', params: IdParam, response: { 204: Type.Null(), 401: ErrorResponse, 404: ErrorResponse } },
    },
    async (req, reply) => {
      await service.markRead(deps.db, req.actor!, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/dev-outbox',
    {
      config: { access: 'audit:verify' },
      schema: {
        tags: ['admin'],
        summary: 'Development outbox: the SMS and email messages that were sent, or would have been (recipients masked)',
        querystring: Type.Object({ channel: Type.Optional(ChannelSchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }),
        response: { 200: Type.Object({ messages: Type.Array(OutboxMessage) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.listOutbox(deps.db, req.actor!, { channel: req.query.channel, limit: req.query.limit ?? 100, ip: req.ip });
    },
  );
}
