import { sql, type Kysely } from 'kysely';
import type { Db, DbOrTrx } from '../../platform/db/db.ts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import type { DomainEvent } from '../../platform/jobs/outbox.ts';
import { findAccountContact, maskPhone } from '../identity/index.ts';
import type { EmailSender, SmsSender } from './adapters/index.ts';
import { BUNDLE_TOPICS, composeBundleMessage, composeCaseMessage, composeLicenseMessage, type BundleEventPayload, type CaseEventPayload, type ComposedMessage, type LicenseEventPayload } from './messages.ts';
import { NotifyErrors } from './errors.ts';
import type { MessageChannel, NotifyTables } from './tables.ts';

type NotifyDb = Kysely<Database & NotifyTables>;
/** This module's view of the database: its own tables, whether or not database.ts lists them yet. */
const tables = (db: DbOrTrx): NotifyDb => db.withTables<NotifyTables>() as unknown as NotifyDb;

// ---- the portal inbox ----

export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
};

export async function listNotifications(
  db: Db,
  actor: Actor,
  f: { unread?: boolean; page: number; pageSize: number },
): Promise<{ notifications: NotificationView[]; unread: number; total: number }> {
  const n = tables(db);
  let q = n.selectFrom('notification').where('account_id', '=', actor.id);
  if (f.unread !== undefined) q = q.where('read_at', f.unread ? 'is' : 'is not', null);
  const [rows, counts] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    n
      .selectFrom('notification')
      .select([sql<number>`count(*) filter (where read_at is null)::int`.as('unread'), sql<number>`count(*)::int`.as('all'), sql<number>`count(*) filter (where read_at is not null)::int`.as('read')])
      .where('account_id', '=', actor.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      caseId: r.case_id,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at ? r.read_at.toISOString() : null,
    })),
    unread: counts.unread,
    total: f.unread === undefined ? counts.all : f.unread ? counts.unread : counts.read,
  };
}

/** Mark one of the caller's own notifications read (again: no change). Someone else's is "not found". */
export async function markRead(db: Db, actor: Actor, id: string): Promise<void> {
  const r = await tables(db)
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('account_id', '=', actor.id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw NotifyErrors.NOTIFICATION_NOT_FOUND();
}

export async function markAllRead(db: Db, actor: Actor): Promise<number> {
  const r = await tables(db).updateTable('notification').set({ read_at: sql<Date>`now()` }).where('account_id', '=', actor.id).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- the development outbox (what was or would have been sent) ----

/** 'zhangsan@example.com' → 'z***@example.com'. */
export function maskEmail(e: string): string {
  const at = e.lastIndexOf('@');
  if (at < 1) return '***';
  return `${e[0]}***${e.slice(at)}`;
}

/** Recipients are shown masked: 139****0315, z***@example.com. */
export function maskRecipient(channel: MessageChannel, r: string): string {
  if (channel === 'email') return maskEmail(r);
  if (/^\d{11}$/.test(r)) return maskPhone(r)!;
  return r.length > 4 ? `${'*'.repeat(r.length - 4)}${r.slice(-4)}` : '***';
}

export type OutboxMessageView = {
  id: string;
  eventId: string;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
  provider: string;
  status: 'sent' | 'failed';
  error: string | null;
  attempts: number;
  createdAt: string;
};

export async function listOutbox(db: Db, actor: Actor, f: { channel?: MessageChannel; limit: number; ip?: string }): Promise<{ messages: OutboxMessageView[] }> {
  let q = tables(db).selectFrom('message_outbox').selectAll();
  if (f.channel) q = q.where('channel', '=', f.channel);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  // The bodies are what applicants were told about their cases: reading them is an audited access.
  await db.transaction().execute((trx) =>
    writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'notify.outbox_view', entityType: 'message_outbox', entityId: f.channel ?? 'all', ip: f.ip }),
  );
  return {
    messages: rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      channel: r.channel,
      recipient: maskRecipient(r.channel, r.recipient),
      subject: r.subject,
      body: r.body,
      provider: r.provider,
      status: r.status,
      error: r.error,
      attempts: r.attempts,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

// ---- delivering: what the event handlers do ----

export type Contact = { id: string; displayName: string; phone: string | null; email: string | null };

export type NotifyDeps = {
  db: Db;
  sms: SmsSender;
  email: EmailSender;
  /** How to reach an account holder; identity's findAccountContact unless a test says otherwise. */
  findContact?: (db: Db, accountId: string) => Promise<Contact | undefined>;
  /** Base URL of the portal for links in emails (PUBLIC_URL), e.g. https://zwfw.example.gov.cn */
  publicUrl?: string;
  log?: { info: (o: object, msg?: string) => void; warn: (o: object, msg?: string) => void };
};

/** Write the portal notification unless this event already gave this account one. Returns true when new. */
export async function addNotification(
  db: DbOrTrx,
  n: { eventId: string; accountId: string; kind: string; title: string; body: string; link: string | null; caseId: string | null; at?: Date },
): Promise<boolean> {
  const r = await tables(db)
    .insertInto('notification')
    .values({ id: newId(), event_id: n.eventId, account_id: n.accountId, kind: n.kind, title: n.title, body: n.body, link: n.link, case_id: n.caseId, read_at: null, ...(n.at ? { created_at: n.at } : {}) })
    .onConflict((oc) => oc.columns(['event_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type Delivery = { eventId: string; channel: MessageChannel; accountId: string | null; recipient: string; subject: string | null; body: string };
export type DeliveryResult = 'sent' | 'already-sent' | 'failed';

/**
 * Send one message at most once per (event, channel). A lock on that pair makes a concurrent second run wait
 * and then find the message sent; a failure is recorded (status 'failed', the error) and sent again on the
 * next run. Every provider's message lands in message_outbox, the simulators' too: that is the dev outbox.
 */
export async function deliverOnce(db: Db, sender: SmsSender | EmailSender, d: Delivery): Promise<{ result: DeliveryResult; error?: string }> {
  return tables(db)
    .transaction()
    .execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`notify:${d.eventId}:${d.channel}`}, 0))`.execute(trx);
      const prior = await trx.selectFrom('message_outbox').select('status').where('event_id', '=', d.eventId).where('channel', '=', d.channel).executeTakeFirst();
      if (prior?.status === 'sent') return { result: 'already-sent' as const };
      let error: string | null = null;
      try {
        if (d.channel === 'sms') await (sender as SmsSender).send({ to: d.recipient, text: d.body });
        else await (sender as EmailSender).send({ to: d.recipient, subject: d.subject ?? '', text: d.body });
      } catch (e) {
        error = (e instanceof Error ? e.message : String(e)).slice(0, 500) || 'send failed';
      }
      const status = error ? ('failed' as const) : ('sent' as const);
      await trx
        .insertInto('message_outbox')
        .values({ id: newId(), event_id: d.eventId, channel: d.channel, account_id: d.accountId, recipient: d.recipient, subject: d.subject, body: d.body, provider: sender.provider, status, error })
        .onConflict((oc) =>
          oc.columns(['event_id', 'channel']).doUpdateSet({
            status,
            error,
            provider: sender.provider,
            recipient: d.recipient,
            subject: d.subject,
            body: d.body,
            attempts: sql<number>`message_outbox.attempts + 1`,
            updated_at: sql<Date>`now()`,
          }),
        )
        .execute();
      return error ? { result: 'failed' as const, error } : { result: 'sent' as const };
    });
}

export type HandledEvent = { notification: boolean; sms?: DeliveryResult; email?: DeliveryResult };

/**
 * Tell the applicant about a case event: portal notification, SMS to their phone, email when they have an
 * address (minor steps — resumed, delivered electronically — stay in the portal only). Safe to run any number
 * of times for the same event. A failed send is thrown after the other channels were tried, so the job is
 * retried and only the failed channel goes again.
 */
export async function handleCaseEvent(deps: NotifyDeps, event: DomainEvent): Promise<HandledEvent> {
  // 一件事 events speak of the bundle case (no single case id); case events of one case.
  const bundle = (BUNDLE_TOPICS as readonly string[]).includes(event.topic);
  const p = (event.payload ?? {}) as CaseEventPayload & Partial<BundleEventPayload>;
  const msg = bundle ? composeBundleMessage(event.topic, p as BundleEventPayload, { publicUrl: deps.publicUrl }) : composeCaseMessage(event.topic, p, { publicUrl: deps.publicUrl });
  const caseId = bundle ? null : p.caseId;
  if (!msg || !p.applicantId || (!bundle && !caseId) || (bundle && !p.bundleCaseId)) {
    deps.log?.warn({ eventId: event.id, topic: event.topic }, 'notify: event without an applicant or of an unknown topic; skipped');
    return { notification: false };
  }
  return tell(deps, event, msg, p.applicantId, caseId ?? null);
}

/**
 * Tell a license's holder that it was issued into their wallet or changed (portal, SMS and email as for cases).
 * Licenses without a holder account (legacy imports not yet claimed) have nobody to tell.
 */
export async function handleLicenseEvent(deps: NotifyDeps, event: DomainEvent): Promise<HandledEvent> {
  const p = (event.payload ?? {}) as LicenseEventPayload;
  const msg = composeLicenseMessage(event.topic, p, { publicUrl: deps.publicUrl });
  if (!msg || !p.holderAccountId) return { notification: false };
  return tell(deps, event, msg, p.holderAccountId, p.caseId ?? null);
}

/** Portal notification, then SMS and email when the message has them — each at most once per event. */
async function tell(deps: NotifyDeps, event: DomainEvent, msg: ComposedMessage, accountId: string, caseId: string | null): Promise<HandledEvent> {
  // Dated when the case moved, not when the job ran: a backlog still lists in the order things happened.
  const at = new Date(event.createdAt);
  const notification = await addNotification(deps.db, {
    eventId: event.id,
    accountId,
    kind: msg.kind,
    title: msg.title,
    body: msg.body,
    link: msg.link,
    caseId,
    ...(Number.isNaN(at.getTime()) ? {} : { at }),
  });
  const contact = await (deps.findContact ?? findAccountContact)(deps.db, accountId);
  const out: HandledEvent = { notification };
  const errors: string[] = [];
  if (contact?.phone && msg.sms) {
    const r = await deliverOnce(deps.db, deps.sms, { eventId: event.id, channel: 'sms', accountId: contact.id, recipient: contact.phone, subject: null, body: msg.sms });
    out.sms = r.result;
    if (r.error) errors.push(`sms: ${r.error}`);
  }
  if (contact?.email && msg.sms) {
    const r = await deliverOnce(deps.db, deps.email, { eventId: event.id, channel: 'email', accountId: contact.id, recipient: contact.email, subject: msg.emailSubject, body: msg.emailBody });
    out.email = r.result;
    if (r.error) errors.push(`email: ${r.error}`);
  }
  if (errors.length) throw new Error(`notify ${event.topic} ${event.id}: ${errors.join('; ')}`);
  return out;
}
