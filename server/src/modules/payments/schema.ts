import { Type } from 'typebox';

export const PaymentStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('failed'), Type.Literal('refunded')], {
  description: 'pending, paid, failed, refunded',
});

export const PaymentItemSchema = Type.Object({
  name: Type.String({ description: 'Fee name, e.g. 普通护照工本费' }),
  amountFen: Type.Integer({ minimum: 1, description: 'Amount in fen (1 yuan = 100 fen)' }),
  basis: Type.Optional(Type.String({ description: 'Legal basis of the fee' })),
  standard: Type.Optional(Type.String({ description: 'Fee standard in words' })),
});

export const PaymentOrder = Type.Object({
  id: Type.String({ format: 'uuid' }),
  caseId: Type.String({ format: 'uuid' }),
  subject: Type.String(),
  amountFen: Type.Integer({ description: 'Total in fen' }),
  items: Type.Array(PaymentItemSchema),
  status: PaymentStatusSchema,
  provider: Type.String({ description: 'Payment provider, e.g. payment-simulator' }),
  providerRef: Type.String({ description: 'The provider’s reference of the order' }),
  payUrl: Type.Optional(Type.String({ description: 'Where to pay, while pending' })),
  createdAt: Type.String({ format: 'date-time' }),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CreatedPayment = Type.Object({
  orderId: Type.String({ format: 'uuid' }),
  payUrl: Type.String({ description: 'Open this to pay (the provider’s cashier)' }),
  amountFen: Type.Integer({ description: 'Total in fen' }),
  status: PaymentStatusSchema,
});

export const CallbackAnswer = Type.Object({
  code: Type.Literal('SUCCESS', { description: 'Tells the provider to stop retrying' }),
  orderId: Type.String({ format: 'uuid' }),
  status: PaymentStatusSchema,
  changed: Type.Boolean({ description: 'false for a repeated notification' }),
});
