import type { ColumnType, Generated } from 'kysely';

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** One fee line of an order, copied from the pinned item version's fees (amounts in fen). */
export type PaymentItem = { name: string; amountFen: number; basis?: string; standard?: string };

type Json<T> = ColumnType<T, string, string>;

export type PaymentsTables = {
  /**
   * An order to pay a case's fees through a payment provider. At most one pending order per case (partial unique
   * index); (provider, provider_ref) is unique, so a provider's callback finds exactly one order.
   */
  payment_order: {
    id: string;
    case_id: string;
    /** The applicant who placed the order (the case's applicant). */
    applicant_id: string;
    /** Shown on the provider's cashier page, e.g. "护照签发 — 普通护照工本费". */
    subject: string;
    /** Integer fen; the sum of `items`. */
    amount_fen: number;
    items: Json<PaymentItem[]>;
    status: ColumnType<PaymentStatus, PaymentStatus | undefined, PaymentStatus>;
    /** Name of the provider adapter, also the last segment of its callback URL. */
    provider: string;
    /** The provider's reference of the order (what its callbacks name). */
    provider_ref: string;
    /** Where the applicant pays (the provider's cashier). */
    pay_url: string;
    created_at: Generated<Date>;
    paid_at: Date | null;
    updated_at: Generated<Date>;
  };
};
