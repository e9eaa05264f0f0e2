import { Type } from 'typebox';

export const NotificationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ description: 'The event behind it, e.g. case.accepted' }),
  title: Type.String(),
  body: Type.String({ description: 'Plain-language text; may contain line breaks' }),
  link: Type.Union([Type.String(), Type.Null()], { description: 'Portal path to open, e.g. /my/cases/{id}' }),
  caseId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const NotificationList = Type.Object({
  notifications: Type.Array(NotificationSchema),
  unread: Type.Integer({ description: 'All unread notifications of the caller (for the badge)' }),
  total: Type.Integer({ description: 'Rows matching the filter' }),
});

export const ChannelSchema = Type.Union([Type.Literal('sms'), Type.Literal('email')], { description: 'sms or email' });

export const OutboxMessage = Type.Object({
  id: Type.String({ format: 'uuid' }),
  eventId: Type.String({ format: 'uuid' }),
  channel: ChannelSchema,
  recipient: Type.String({ description: 'Masked phone number or email address' }),
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  provider: Type.String({ description: "'dev-outbox' (recorded only, nothing sent), 'smtp', …" }),
  status: Type.Union([Type.Literal('sent'), Type.Literal('failed')]),
  error: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
