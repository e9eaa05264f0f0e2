/**
 * Payment simulator: a stand-in payment provider behind the same `PaymentProvider` interface a real one would use.
 * No money moves. Its "cashier" is a page of this server (GET /api/v1/payments/simulator/pay/{ref}); pressing
 * 确认支付 there makes the simulator send a signed callback to the platform's own callback handler, in-process,
 * exactly as a provider's server would call POST /api/v1/payments/callback/payment-simulator.
 *
 * Callback signature (modelled on WeChat Pay v3): headers
 *   x-sim-timestamp  Unix seconds
 *   x-sim-nonce      random string
 *   x-sim-signature  hex HMAC-SHA256(secret, `${timestamp}\n${nonce}\n${body}\n`)
 * over the exact body bytes; a timestamp more than 5 minutes away from now is refused (stale or replayed
 * capture). The body is JSON: { providerRef, orderId, status: 'SUCCESS' | 'FAILED', amountFen, paidAt }.
 *
 * Secret: the environment variable PAYMENT_SIM_SECRET, else 32 random bytes generated once per process and kept
 * for the life of the process. With several server processes (or an outside tool that signs callbacks) set
 * PAYMENT_SIM_SECRET so that all of them agree.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PaymentErrors } from '../errors.ts';
import type { CallbackHeaders, CallbackResult, CreatedOrder, CreateOrderInput, PaymentProvider } from './types.ts';

export const PAYMENT_SIMULATOR = 'payment-simulator';
export const SIM_HEADERS = { timestamp: 'x-sim-timestamp', nonce: 'x-sim-nonce', signature: 'x-sim-signature' } as const;
export const SIM_TOLERANCE_SECONDS = 300;
/** Where the simulator's cashier page lives (relative: the portal opens it on the same host). */
export const SIM_CASHIER_PATH = '/api/v1/payments/simulator/pay';

let processSecret: string | undefined;

/** PAYMENT_SIM_SECRET, or a secret generated on first use and kept for the life of the process. */
export function simulatorSecret(env: { PAYMENT_SIM_SECRET?: string } = process.env): string {
  const configured = env.PAYMENT_SIM_SECRET?.trim();
  if (configured) return configured;
  processSecret ??= randomBytes(32).toString('hex');
  return processSecret;
}

export type SimulatorCallbackBody = { providerRef: string; orderId: string; status: 'SUCCESS' | 'FAILED'; amountFen: number; paidAt: string };

function mac(secret: string, timestamp: string, nonce: string, body: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n`).update(body).update('\n').digest();
}

/** The headers that sign a callback body (used by the simulator itself and by tests). */
export function signSimulatorCallback(body: string, opts: { secret?: string; timestamp?: number; nonce?: string } = {}): Record<string, string> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? randomBytes(12).toString('hex');
  return {
    'content-type': 'application/json',
    [SIM_HEADERS.timestamp]: timestamp,
    [SIM_HEADERS.nonce]: nonce,
    [SIM_HEADERS.signature]: mac(opts.secret ?? simulatorSecret(), timestamp, nonce, body).toString('hex'),
  };
}

/** The simulator's reference of one of our orders: deterministic, so a retried createOrder names the same order. */
export function simulatorRef(orderId: string): string {
  return `SIMPAY${orderId.replace(/-/g, '').toUpperCase()}`;
}

function header(headers: CallbackHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export type PaymentSimulator = PaymentProvider & {
  /** The callback a provider would send for an order, signed: what 确认支付 on the cashier page sends. */
  callbackFor(order: { providerRef: string; orderId: string; amountFen: number }, status?: 'SUCCESS' | 'FAILED'): { headers: Record<string, string>; body: string };
};

export function createPaymentSimulator(opts: { secret?: string; now?: () => Date; toleranceSeconds?: number } = {}): PaymentSimulator {
  const secret = () => opts.secret ?? simulatorSecret();
  const now = opts.now ?? (() => new Date());
  const tolerance = opts.toleranceSeconds ?? SIM_TOLERANCE_SECONDS;
  return {
    name: PAYMENT_SIMULATOR,
    simulated: true,
    async createOrder(order: CreateOrderInput): Promise<CreatedOrder> {
      const providerRef = simulatorRef(order.orderId);
      return { providerRef, payUrl: `${SIM_CASHIER_PATH}/${providerRef}` };
    },
    async verifyCallback(headers: CallbackHeaders, rawBody: Buffer): Promise<CallbackResult> {
      const timestamp = header(headers, SIM_HEADERS.timestamp);
      const nonce = header(headers, SIM_HEADERS.nonce);
      const signature = header(headers, SIM_HEADERS.signature);
      if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/i.test(signature)) throw PaymentErrors.BAD_SIGNATURE();
      if (Math.abs(now().getTime() / 1000 - Number(timestamp)) > tolerance) throw PaymentErrors.BAD_SIGNATURE();
      const expected = mac(secret(), timestamp, nonce, rawBody);
      if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw PaymentErrors.BAD_SIGNATURE();
      let body: Partial<SimulatorCallbackBody>;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw PaymentErrors.CALLBACK_INVALID({ reason: 'not JSON' });
      }
      if (typeof body?.providerRef !== 'string' || !body.providerRef) throw PaymentErrors.CALLBACK_INVALID({ reason: 'providerRef' });
      if (body.status !== 'SUCCESS' && body.status !== 'FAILED') throw PaymentErrors.CALLBACK_INVALID({ reason: 'status' });
      if (!Number.isSafeInteger(body.amountFen) || body.amountFen! < 0) throw PaymentErrors.CALLBACK_INVALID({ reason: 'amountFen' });
      return { providerRef: body.providerRef, status: body.status === 'SUCCESS' ? 'paid' : 'failed', amountFen: body.amountFen! };
    },
    callbackFor(order, status = 'SUCCESS') {
      const payload: SimulatorCallbackBody = { providerRef: order.providerRef, orderId: order.orderId, status, amountFen: order.amountFen, paidAt: now().toISOString() };
      const body = JSON.stringify(payload);
      return { headers: signSimulatorCallback(body, { secret: secret(), timestamp: Math.floor(now().getTime() / 1000) }), body };
    },
  };
}

/** The payment simulator with the process secret (PAYMENT_SIM_SECRET or generated). */
export const paymentSimulator: PaymentSimulator = createPaymentSimulator();
