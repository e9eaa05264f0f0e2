/**
 * The payments module talks to a payment provider (a bank, UnionPay, WeChat Pay, Alipay, a government
 * non-tax-revenue platform) through this interface only. The platform ships with the payment simulator
 * (simulator.ts); a real provider implements the same two calls.
 */
import type { PaymentItem } from '../tables.ts';

export type CreateOrderInput = {
  /** Our order id (the provider's out_trade_no). */
  orderId: string;
  amountFen: number;
  subject: string;
  items: PaymentItem[];
};

export type CreatedOrder = { payUrl: string; providerRef: string };

/** What a verified callback says happened to an order. */
export type CallbackResult = { providerRef: string; status: 'paid' | 'failed'; amountFen: number };

export type CallbackHeaders = Record<string, string | string[] | undefined>;

export interface PaymentProvider {
  /** Stored on the order; also the last segment of the callback URL: POST /api/v1/payments/callback/{name}. */
  readonly name: string;
  /** True when no money moves (the payment simulator). */
  readonly simulated: boolean;
  /** Open an order at the provider; resolves with where the applicant pays and the provider's reference. */
  createOrder(order: CreateOrderInput): Promise<CreatedOrder>;
  /**
   * Check a callback's signature over the exact bytes received (HMAC-SHA256 for the simulator) and read it.
   * Throws PaymentErrors.BAD_SIGNATURE (401) when the signature is missing, wrong or stale, and
   * PaymentErrors.CALLBACK_INVALID (400) when a correctly signed body cannot be read.
   */
  verifyCallback(headers: CallbackHeaders, rawBody: Buffer): Promise<CallbackResult>;
}
