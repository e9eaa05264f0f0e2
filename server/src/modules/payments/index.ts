/** Payments: a case's fees paid online through a payment provider adapter (the payment simulator until one is connected). */
export { paymentsMigrations } from './migrations.ts';
export type { PaymentsTables, PaymentStatus, PaymentItem } from './tables.ts';
export { paymentsRoutes, type PaymentsRouteDeps } from './routes.ts';
export { createPaymentOrder, listPayments, handlePaymentCallback, feesOf, type CaseRef, type FindCase, type PaymentOrderView, type PaymentsDeps } from './service.ts';
export {
  paymentProvidersFromEnv,
  paymentProviders,
  paymentSimulator,
  createPaymentSimulator,
  signSimulatorCallback,
  simulatorSecret,
  PAYMENT_SIMULATOR,
  type PaymentProvider,
  type PaymentProviders,
  type PaymentSimulator,
} from './adapters/index.ts';
