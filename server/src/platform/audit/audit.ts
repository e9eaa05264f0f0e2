/**
 * The audit trail (全过程留痕): every state change writes an AuditEvent in the same transaction as the change.
 * Events form a hash chain — each hash covers the previous hash and the event's canonical content — so an edit
 * or deletion of a chained event is detected by `verifyAuditChain` (CLI: `npm run audit:verify`).
 *
 * Chaining happens just after commit, not inside the writer's transaction: `chainAuditEvents` (run every second
 * by the job runner, one instance at a time through an advisory lock) takes committed, unchained events in
 * insertion order and links them; the chain order is the order of chaining. Writers therefore never wait on one
 * another for the audit trail (ADR 0003). Events not yet chained are reported as pending, never as broken.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../db/db.ts';
import { newId } from '../ids.ts';
import { canonicalJson } from './canonical-json.ts';

const AUDIT_CHAIN_LOCK = 730_501;
export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = {
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

type HashedFields = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export function auditHash(prevHash: string, f: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(f)).digest('hex');
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(JSON.parse(JSON.stringify(v))));

/** The row of an event as appended (unchained): also what set-based writers (cases/submit.ts) insert. */
export function auditRow(e: AuditInput) {
  return {
    id: newId(),
    at: new Date(),
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor?.name ?? null,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: json(e.before),
    after: json(e.after),
    ip: e.ip ?? null,
    prev_hash: null,
    hash: null,
  };
}

export async function writeAuditInTrx(trx: Trx, e: AuditInput): Promise<void> {
  await trx.insertInto('audit_event').values(auditRow(e)).execute();
}

type AuditRow = { seq: number; id: string; at: Date; actor_id: string | null; actor_name: string | null; action: string; entity_type: string; entity_id: string; before: unknown; after: unknown; ip: string | null };

function fieldsOf(r: AuditRow): HashedFields {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
  };
}

/** Link committed, unchained events to the chain. Returns how many were chained (0 when another instance is at it). */
export async function chainAuditEvents(db: Db, batch = 2000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) as locked`.execute(trx);
    if (!rows[0]?.locked) return 0;
    const last = await trx.selectFrom('audit_event').select(['hash', 'chain_seq']).where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
    let prev = last?.hash ?? GENESIS_HASH;
    let chainSeq = last?.chain_seq ?? 0;
    const pending = await trx.selectFrom('audit_event').selectAll().where('chain_seq', 'is', null).orderBy('seq').limit(batch).execute();
    for (const r of pending) {
      chainSeq += 1;
      const hash = auditHash(prev, fieldsOf(r));
      await trx.updateTable('audit_event').set({ chain_seq: chainSeq, prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    return pending.length;
  });
}

export type ChainReport = { ok: boolean; count: number; pending: number; brokenAt?: number; reason?: string };

/** Walk the whole chain in order; report the first event whose link or content does not match. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let count = 0;
  let after = 0;
  const { pending } = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('pending')).where('chain_seq', 'is', null).executeTakeFirstOrThrow();
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('chain_seq', '>', after).orderBy('chain_seq').limit(batch).execute();
    if (rows.length === 0) return { ok: true, count, pending };
    for (const r of rows) {
      const expectedSeq = count + 1;
      if (r.chain_seq !== expectedSeq || r.prev_hash !== prev) return { ok: false, count, pending, brokenAt: r.seq, reason: 'link' };
      if (auditHash(prev, fieldsOf(r)) !== r.hash) return { ok: false, count, pending, brokenAt: r.seq, reason: 'content' };
      prev = r.hash;
      count++;
      after = r.chain_seq;
    }
  }
}
