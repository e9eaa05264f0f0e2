import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/db.ts';
import { isoTimestamp } from './db.ts';

describe('isoTimestamp', () => {
  let h: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    h = await createTestDatabase('tongban_empty');
  });
  afterAll(() => h.drop());

  it('writes a timestamptz exactly as Date#toISOString does, whatever the session time zone', async () => {
    const instants = fc.sample(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59.999Z'), noInvalidDate: true }), 300);
    instants.push(new Date('2026-02-16T16:00:00.000Z'), new Date('2026-12-31T23:59:59.999Z'));
    const rows = await h.db.transaction().execute(async (trx) => {
      await sql`set local time zone 'Asia/Shanghai'`.execute(trx);
      return trx
        .selectFrom(sql<{ at: Date }>`(select unnest(${instants.map((d) => d.toISOString())}::timestamptz[]) as at)`.as('t'))
        .select(['t.at', isoTimestamp('t.at').as('iso')])
        .execute();
    });
    expect(rows).toHaveLength(instants.length);
    for (const r of rows) expect(r.iso).toBe(r.at.toISOString());
  });
});
