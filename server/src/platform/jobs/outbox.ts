/**
 * Domain events: what must happen in another module after a change (notify the applicant, issue a license,
 * report upward) is written as an event in the same transaction as the change, then delivered by the relay
 * (jobs.ts) to pg-boss queues, one queue per topic. A rolled-back change therefore never emits its event.
 */
import type { Trx } from '../db/db.ts';
import { newId } from '../ids.ts';

export type DomainEvent<T = unknown> = { id: string; topic: string; payload: T; createdAt: string };

export async function emitInTrx(trx: Trx, topic: string, payload: unknown): Promise<string> {
  const id = newId();
  await trx.insertInto('outbox_event').values({ id, topic, payload: JSON.stringify(payload) }).execute();
  return id;
}
