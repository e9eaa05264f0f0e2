import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../testing/db.ts';
import { chainAuditEvents, verifyAuditChain, writeAuditInTrx } from './audit.ts';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonAround, canonicalJsonOfPlain } from './canonical-json.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  h = await createTestDatabase('tongban_empty');
});
afterAll(() => h.drop());

describe('audit hash chain', () => {
  it('verifies an intact chain written by concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: { id: '0190a0a0-0000-7000-8000-000000000001', name: '测试' }, action: 'test.write', entityType: 'thing', entityId: String(i), after: { i, note: '变更' } })),
      ),
    );
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, count: 0, pending: 20 });
    expect(await chainAuditEvents(h.db)).toBe(20);
    expect(await chainAuditEvents(h.db)).toBe(0);
    const r = await verifyAuditChain(h.db);
    expect(r).toEqual({ ok: true, count: 20, pending: 0 });
  });

  it('chains an event that committed after a later-numbered one, without breaking the chain', async () => {
    const h3 = await createTestDatabase('tongban_empty');
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = h3.db.transaction().execute(async (trx) => {
        await writeAuditInTrx(trx, { actor: null, action: 'slow', entityType: 't', entityId: 'a' });
        await gate;
      });
      await new Promise((r) => setTimeout(r, 50));
      await h3.db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: null, action: 'fast', entityType: 't', entityId: 'b' }));
      expect(await chainAuditEvents(h3.db)).toBe(1);
      release();
      await slow;
      expect(await chainAuditEvents(h3.db)).toBe(1);
      expect(await verifyAuditChain(h3.db)).toEqual({ ok: true, count: 2, pending: 0 });
    } finally {
      await h3.drop();
    }
  });

  it('detects an edited event', async () => {
    await sql`update audit_event set after = '{"i": 999}'::jsonb where seq = (select min(seq) + 5 from audit_event)`.execute(h.db);
    const r = await verifyAuditChain(h.db);
    expect(r.ok).toBe(false);
    expect(r.reason).toBe('content');
  });

  it('detects a deleted event', async () => {
    const h2 = await createTestDatabase('tongban_empty');
    try {
      for (let i = 0; i < 5; i++) await h2.db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: null, action: 'x', entityType: 't', entityId: String(i) }));
      await chainAuditEvents(h2.db);
      await sql`delete from audit_event where seq = (select min(seq) + 2 from audit_event)`.execute(h2.db);
      const r = await verifyAuditChain(h2.db);
      expect(r).toMatchObject({ ok: false, reason: 'link' });
    } finally {
      await h2.drop();
    }
  });
});

describe('canonicalJson', () => {
  it('orders keys, so equal documents give equal bytes', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
  });

  const reversedKeys = (v: unknown): unknown =>
    v === null || typeof v !== 'object' ? v : Array.isArray(v) ? v.map(reversedKeys) : Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));

  /** The definition written out (sorted keys, no whitespace), against which the fast paths are held. */
  const reference = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${reference(o[k])}`)
      .join(',')}}`;
  };

  it('writes an object of plain values (a form) as the definition says, natively', () => {
    const flat = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), { maxKeys: 12 });
    fc.assert(
      fc.property(flat, (v) => {
        const plain = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
        expect(canonicalJsonOfPlain(plain)).toBe(reference(plain));
        expect(canonicalJsonOfPlain(reversedKeys(plain))).toBe(reference(plain));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts an object around one field so that the two parts and the field make its canonical bytes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }), fc.string(), fc.jsonValue(), (rest, field, value) => {
        const whole = JSON.parse(JSON.stringify({ ...rest, [field]: value })) as Record<string, unknown>;
        const [before, after] = canonicalJsonAround(whole, field)!;
        expect(before + canonicalJsonOfPlain(whole[field]) + after).toBe(canonicalJsonOfPlain(whole));
        const { [field]: _, ...without } = whole;
        expect(canonicalJsonAround(without, field)).toBeUndefined();
      }),
    );
  });

  it('gives a parsed JSON body the same bytes without the round trip, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const plain = JSON.parse(JSON.stringify(v)) as unknown; // as a request body arrives (-0 becomes 0)
        const bytes = canonicalJsonOfPlain(plain);
        expect(bytes).toBe(canonicalJson(plain));
        expect(bytes).toBe(reference(plain));
        expect(canonicalJsonOfPlain(reversedKeys(plain))).toBe(bytes);
        expect(JSON.parse(bytes)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
    expect(canonicalJsonOfPlain({ z: undefined, a: [1, '二'], m: { y: true, x: null } })).toBe('{"a":[1,"二"],"m":{"x":null,"y":true}}');
  });
});
