import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJsonOfPlain } from '../audit/canonical-json.ts';
import { requestHash, requestHashWith } from './idempotency.ts';

describe('request fingerprints (idempotency.ts)', () => {
  it('gives the same fingerprint with one field handed over as canonical bytes as from the whole body', () => {
    const body = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 });
    fc.assert(
      fc.property(body, fc.jsonValue(), fc.string(), (rest, value, field) => {
        const whole = { ...rest, [field]: value };
        expect(requestHashWith(whole, field, Buffer.from(canonicalJsonOfPlain(value)))).toBe(requestHash(whole));
      }),
    );
  });

  it('tells apart bodies that differ only in the field handed over', () => {
    const a = { implCode: 'x', form: { name: '李明' } };
    const b = { implCode: 'x', form: { name: '李娜' } };
    expect(requestHashWith(a, 'form', Buffer.from(canonicalJsonOfPlain(a.form)))).not.toBe(requestHashWith(b, 'form', Buffer.from(canonicalJsonOfPlain(b.form))));
  });
});
