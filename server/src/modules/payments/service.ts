/**
 * Fees of a case paid online. The amount comes from the fees of the item version the case was filed under
 * (integer fen); the order goes to the configured provider; the provider's signed callback marks it paid, once:
 * a repeated callback finds the order paid and changes nothing, and `payment.paid` is emitted exactly once, in the
 * transaction that marks the order paid.
 */
import { sql, type Kysely } from 'kysely';
import type { Db, DbOrTrx } from '../../platform/db/db.ts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import { findItemVersion } from '../catalog/index.ts';
import { PaymentErrors } from './errors.ts';
import type { CallbackHeaders, PaymentProviders } from './adapters/index.ts';
import type { PaymentItem, PaymentStatus, PaymentsTables } from './tables.ts';

type PaymentsDb = Kysely<Database & PaymentsTables>;
/** This module's view of the database: its own table, whether or not database.ts lists it yet. */
const tables = (db: DbOrTrx): PaymentsDb => db.withTables<PaymentsTables>() as unknown as PaymentsDb;

/** What payments needs to know of a case; the cases module supplies it (see `FindCase`). */
export type CaseRef = {
  id: string;
  number: string;
  applicant_id: string;
  item_version_id: string;
  item_name: string;
  state: string;
  decision: { result: 'grant' | 'refuse' } | null;
};

/** The case with this id if the actor may read it (the cases module's data-scope rule), else undefined. */
export type FindCase = (db: Db, actor: Actor, caseId: string) => Promise<CaseRef | undefined>;

export type PaymentsDeps = { db: Db; findCase: FindCase; providers: PaymentProviders };

export type PaymentOrderView = {
  id: string;
  caseId: string;
  subject: string;
  amountFen: number;
  items: PaymentItem[];
  status: PaymentStatus;
  provider: string;
  providerRef: string;
  /** Where to pay, while the order is pending. */
  payUrl?: string;
  createdAt: string;
  paidAt: string | null;
};

type OrderRow = {
  id: string;
  case_id: string;
  subject: string;
  amount_fen: number;
  items: PaymentItem[];
  status: PaymentStatus;
  provider: string;
  provider_ref: string;
  pay_url: string;
  created_at: Date;
  paid_at: Date | null;
};

function view(o: OrderRow): PaymentOrderView {
  return {
    id: o.id,
    caseId: o.case_id,
    subject: o.subject,
    amountFen: o.amount_fen,
    items: o.items,
    status: o.status,
    provider: o.provider,
    providerRef: o.provider_ref,
    ...(o.status === 'pending' ? { payUrl: o.pay_url } : {}),
    createdAt: o.created_at.toISOString(),
    paidAt: o.paid_at ? o.paid_at.toISOString() : null,
  };
}

/** The fee lines of an item version that cost something, and their sum (fen). */
export function feesOf(fees: ReadonlyArray<{ name: string; amountFen: number; basis?: string; standard?: string }>): { items: PaymentItem[]; amountFen: number } {
  const items = fees
    .filter((f) => Number.isSafeInteger(f.amountFen) && f.amountFen > 0)
    .map((f) => ({ name: f.name, amountFen: f.amountFen, ...(f.basis ? { basis: f.basis } : {}), ...(f.standard ? { standard: f.standard } : {}) }));
  return { items, amountFen: items.reduce((s, i) => s + i.amountFen, 0) };
}

/**
 * Open an order for a case's fees (the applicant, own case). A pending order is returned as it is rather than a
 * second one opened (`created: false`); a paid case, a refused or declined one, and a free item are refused.
 */
export async function createPaymentOrder(deps: PaymentsDeps, actor: Actor, caseId: string, ctx: { ip?: string } = {}): Promise<{ order: PaymentOrderView; created: boolean }> {
  const c = await deps.findCase(deps.db, actor, caseId);
  if (!c) throw PaymentErrors.CASE_NOT_FOUND();
  if (c.applicant_id !== actor.id) throw PaymentErrors.NOT_YOUR_CASE();
  if (c.state === 'declined') throw PaymentErrors.NOT_PAYABLE({ state: '不予受理' });
  if (c.decision?.result === 'refuse') throw PaymentErrors.NOT_PAYABLE({ state: '不予许可' });
  const item = await findItemVersion(deps.db, c.item_version_id);
  const { items, amountFen } = feesOf(item?.fees ?? []);
  if (amountFen <= 0) throw PaymentErrors.ITEM_FREE();
  const provider = deps.providers.current;

  return deps.db.transaction().execute(async (trx) => {
    // One request per case at a time: the second waits, then finds the first one's pending order.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`payment:${c.id}`}, 0))`.execute(trx);
    const p = tables(trx);
    const open = await p.selectFrom('payment_order').selectAll().where('case_id', '=', c.id).where('status', 'in', ['pending', 'paid']).execute();
    if (open.some((o) => o.status === 'paid')) throw PaymentErrors.ALREADY_PAID();
    const pending = open.find((o) => o.status === 'pending');
    if (pending) return { order: view(pending), created: false };

    const id = newId();
    const subject = `${c.item_name} — ${items.map((i) => i.name).join('、')}`.slice(0, 200);
    const made = await provider.createOrder({ orderId: id, amountFen, subject, items });
    const row = await p
      .insertInto('payment_order')
      .values({ id, case_id: c.id, applicant_id: actor.id, subject, amount_fen: amountFen, items: JSON.stringify(items), provider: provider.name, provider_ref: made.providerRef, pay_url: made.payUrl })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAuditInTrx(trx, {
      actor: { id: actor.id, name: actor.displayName },
      action: 'payment.create',
      entityType: 'payment_order',
      entityId: id,
      after: { caseId: c.id, caseNumber: c.number, amountFen, provider: provider.name },
      ip: ctx.ip,
    });
    return { order: view(row), created: true };
  });
}

/** The orders of a case the actor may read, newest first. */
export async function listPayments(deps: PaymentsDeps, actor: Actor, caseId: string): Promise<PaymentOrderView[]> {
  const c = await deps.findCase(deps.db, actor, caseId);
  if (!c) throw PaymentErrors.CASE_NOT_FOUND();
  const rows = await tables(deps.db).selectFrom('payment_order').selectAll().where('case_id', '=', c.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(view);
}

export type CallbackOutcome = { orderId: string; caseId: string; status: PaymentStatus; changed: boolean };

/**
 * A provider's notification about an order. The signature is checked over the raw bytes by the provider's adapter
 * (401 when wrong); an unknown reference is 404; an amount other than the order's is 400 and changes nothing (it is
 * audited). pending or failed → paid emits `payment.paid`; every later notification about a paid order answers
 * 200 and changes nothing. pending → failed is recorded; a failure never undoes a payment.
 */
export async function handlePaymentCallback(
  deps: Pick<PaymentsDeps, 'db' | 'providers'>,
  providerName: string,
  headers: CallbackHeaders,
  rawBody: Buffer,
  ctx: { ip?: string } = {},
): Promise<CallbackOutcome> {
  const provider = deps.providers.byName.get(providerName);
  if (!provider) throw PaymentErrors.PROVIDER_UNKNOWN({ provider: providerName });
  const result = await provider.verifyCallback(headers, rawBody);

  const outcome = await deps.db.transaction().execute(async (trx) => {
    const o = await tables(trx).selectFrom('payment_order').selectAll().where('provider', '=', provider.name).where('provider_ref', '=', result.providerRef).forUpdate().executeTakeFirst();
    if (!o) throw PaymentErrors.ORDER_NOT_FOUND({ ref: result.providerRef });
    if (result.amountFen !== o.amount_fen) {
      await writeAuditInTrx(trx, {
        actor: null,
        action: 'payment.amount_mismatch',
        entityType: 'payment_order',
        entityId: o.id,
        before: { status: o.status, amountFen: o.amount_fen },
        after: { reported: result.status, amountFen: result.amountFen, provider: provider.name },
        ip: ctx.ip,
      });
      return { mismatch: { paidFen: result.amountFen, expectedFen: o.amount_fen } } as const;
    }
    const base = { orderId: o.id, caseId: o.case_id };
    const becomesPaid = result.status === 'paid' && (o.status === 'pending' || o.status === 'failed');
    const becomesFailed = result.status === 'failed' && o.status === 'pending';
    if (!becomesPaid && !becomesFailed) return { ...base, status: o.status, changed: false };

    const at = new Date();
    const status: PaymentStatus = becomesPaid ? 'paid' : 'failed';
    await tables(trx)
      .updateTable('payment_order')
      .set({ status, updated_at: at, ...(becomesPaid ? { paid_at: at } : {}) })
      .where('id', '=', o.id)
      .execute();
    if (becomesPaid) {
      await emitInTrx(trx, 'payment.paid', {
        orderId: o.id,
        caseId: o.case_id,
        applicantId: o.applicant_id,
        amountFen: o.amount_fen,
        items: o.items,
        provider: o.provider,
        providerRef: o.provider_ref,
        paidAt: at.toISOString(),
      });
    }
    await writeAuditInTrx(trx, {
      actor: null,
      action: becomesPaid ? 'payment.paid' : 'payment.failed',
      entityType: 'payment_order',
      entityId: o.id,
      before: { status: o.status },
      after: { status, amountFen: o.amount_fen, provider: o.provider, caseId: o.case_id },
      ip: ctx.ip,
    });
    return { ...base, status, changed: true };
  });
  if ('mismatch' in outcome) throw PaymentErrors.AMOUNT_MISMATCH(outcome.mismatch);
  return outcome;
}

/** An order by its provider reference (the simulator's cashier page), or undefined. */
export async function findOrderByRef(db: Db, providerName: string, providerRef: string): Promise<PaymentOrderView | undefined> {
  const o = await tables(db).selectFrom('payment_order').selectAll().where('provider', '=', providerName).where('provider_ref', '=', providerRef).executeTakeFirst();
  return o ? view(o) : undefined;
}
