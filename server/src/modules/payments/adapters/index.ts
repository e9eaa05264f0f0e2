/**
 * Payment providers chosen from the environment (documented in README):
 * - PAYMENT_PROVIDER    `simulator` (default): the payment simulator; no money moves. No real provider is
 *                       connected yet; any other value stops the server at start.
 * - PAYMENT_SIM_SECRET  the simulator's HMAC-SHA256 callback secret; unset: generated once per process (set it when
 *                       several processes run, or when an outside tool signs callbacks).
 */
import { paymentSimulator, PAYMENT_SIMULATOR } from './simulator.ts';
import type { PaymentProvider } from './types.ts';

export type { PaymentProvider, CreateOrderInput, CreatedOrder, CallbackResult, CallbackHeaders } from './types.ts';
export {
  createPaymentSimulator,
  paymentSimulator,
  signSimulatorCallback,
  simulatorSecret,
  simulatorRef,
  PAYMENT_SIMULATOR,
  SIM_HEADERS,
  SIM_CASHIER_PATH,
  type PaymentSimulator,
  type SimulatorCallbackBody,
} from './simulator.ts';

/** The providers callbacks may come from, by name, and the one new orders go to. */
export type PaymentProviders = { current: PaymentProvider; byName: ReadonlyMap<string, PaymentProvider> };

export function paymentProviders(current: PaymentProvider, others: PaymentProvider[] = []): PaymentProviders {
  return { current, byName: new Map([current, ...others].map((p) => [p.name, p])) };
}

export function paymentProvidersFromEnv(env: { PAYMENT_PROVIDER?: string } = process.env): PaymentProviders {
  const name = env.PAYMENT_PROVIDER?.trim().toLowerCase() || 'simulator';
  if (name === 'simulator' || name === PAYMENT_SIMULATOR) return paymentProviders(paymentSimulator);
  throw new Error(`PAYMENT_PROVIDER="${env.PAYMENT_PROVIDER}": no such payment provider is connected; use "simulator"`);
}
