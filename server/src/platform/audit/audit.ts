/**
 * The audit trail (全过程留痕): every state change writes an AuditEvent in the same transaction as the change.
 * Events form a hash chain — each hash covers the previous hash and the event's canonical content — so an edit
 * or deletion anywhere in the table is detected by `verifyAuditChain` (CLI: `npm run audit:verify`).
 *
 * Chaining needs a total order: writers take a transaction-scoped advisory lock just before appending, held
 * until commit. Callers append the audit event as the last statement of their transaction to keep it short.
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

export async function writeAuditInTrx(trx: Trx, e: AuditInput): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_event').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const fields: HashedFields = {
    id: newId(),
    at: at.toISOString(),
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
    after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
    ip: e.ip ?? null,
  };
  await trx
    .insertInto('audit_event')
    .values({
      id: fields.id,
      at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      ip: fields.ip,
      prev_hash: prevHash,
      hash: auditHash(prevHash, fields),
    })
    .execute();
}

export type ChainReport = { ok: boolean; count: number; brokenAt?: number; reason?: string };

/** Walk the whole chain in order; report the first event whose link or content does not match. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return { ok: true, count };
    for (const r of rows) {
      if (r.prev_hash !== prev) return { ok: false, count, brokenAt: r.seq, reason: 'link' };
      const expected = auditHash(prev, {
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        ip: r.ip,
      });
      if (expected !== r.hash) return { ok: false, count, brokenAt: r.seq, reason: 'content' };
      prev = r.hash;
      count++;
      after = r.seq;
    }
  }
}
