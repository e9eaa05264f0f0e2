/**
 * Idempotent creation: a POST that creates something takes an `Idempotency-Key`; the first request with a key
 * creates, every retry with the same key and the same content gets the same result, a reuse of the key for
 * different content is refused. The record is written in the creating transaction, so a crash leaves neither.
 * Concurrent duplicates serialise on the record's primary key: the second waits for the first to commit.
 */
import { createHash, hash } from 'node:crypto';
import type { DbOrTrx, Trx } from '../db/db.ts';
import { canonicalJsonAround, canonicalJsonOfPlain } from '../audit/canonical-json.ts';
import { HttpErrors } from './errors.ts';

/** The fingerprint of a request body as parsed from JSON (plain JSON: see canonicalJsonOfPlain). */
export function requestHash(body: unknown): string {
  return hash('sha256', canonicalJsonOfPlain(body), 'hex');
}

/**
 * `requestHash(body)` when one top-level field's canonical JSON is at hand already as UTF-8 bytes (a case's form,
 * which its filing carries in the same bytes): the same fingerprint, without serialising and encoding it again.
 */
export function requestHashWith(body: Record<string, unknown>, field: string, canonical: Buffer): string {
  const around = canonicalJsonAround(body, field);
  if (!around) return requestHash(body);
  return createHash('sha256').update(around[0]).update(canonical).update(around[1]).digest('hex');
}

/**
 * Run `create(resultId)` once per (owner, scope, key). Returns the id of the created (or earlier) result and
 * whether this call was a replay.
 */
export async function idempotentInTrx(
  trx: Trx,
  args: { ownerId: string; scope: string; key: string | undefined; body: unknown; resultId: string },
  create: (resultId: string) => Promise<void>,
): Promise<{ id: string; replay: boolean }> {
  if (!args.key) {
    await create(args.resultId);
    return { id: args.resultId, replay: false };
  }
  checkIdempotencyKey(args.key);
  const hash = requestHash(args.body);
  const inserted = await trx
    .insertInto('idempotency_record')
    .values({ owner_id: args.ownerId, scope: args.scope, key: args.key, request_hash: hash, result_id: args.resultId })
    .onConflict((oc) => oc.doNothing())
    .returning('result_id')
    .executeTakeFirst();
  if (!inserted) {
    const id = await earlierResult(trx, { ...args, key: args.key, hash });
    if (!id) throw new Error('idempotency record vanished after a conflict');
    return { id, replay: true };
  }
  await create(args.resultId);
  return { id: args.resultId, replay: false };
}

export function checkIdempotencyKey(key: string): void {
  if (key.length > 200) throw HttpErrors.BAD_REQUEST({ reason: 'Idempotency-Key longer than 200 characters' });
}

/**
 * The result an earlier request with this key created (undefined: none) — throws IDEMPOTENCY_KEY_REUSED when that request
 * carried different content. For writers that claim the key inside a larger statement (cases/submit.ts).
 */
export async function earlierResult(db: DbOrTrx, args: { ownerId: string; scope: string; key: string; hash: string }): Promise<string | undefined> {
  const existing = await db
    .selectFrom('idempotency_record')
    .select(['request_hash', 'result_id'])
    .where('owner_id', '=', args.ownerId)
    .where('scope', '=', args.scope)
    .where('key', '=', args.key)
    .executeTakeFirst();
  if (!existing) return undefined;
  if (existing.request_hash !== args.hash) throw HttpErrors.IDEMPOTENCY_KEY_REUSED();
  return existing.result_id;
}
