import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isCalendarDate,
  makeResidentId,
  maskResidentId,
  normalizeResidentId,
  residentIdCheckChar,
  validateResidentId,
} from './resident-id.ts';

const NOW = new Date('2026-03-01T00:00:00+08:00');
const validate = (s: string) => validateResidentId(s, { now: NOW });

/** A valid date of birth between 1900-01-01 and the day before NOW. */
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-02-27T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const region = fc.constantFrom('321202', '321203', '321204', '321281', '321282', '321283', '110105', '440305', '650102');
const seq = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
const validId = fc.tuple(region, birthDate, seq).map(([r, b, s]) => makeResidentId(r, b, s));

describe('residentIdCheckChar (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of the example in GB 11643-1999', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });
  it('rejects input that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1234')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('validateResidentId', () => {
  it('accepts a known-good number and decodes it', () => {
    expect(validate('11010519491231002X')).toEqual({ ok: true, regionCode: '110105', birthDate: '1949-12-31', sex: 'female' });
    const id = makeResidentId('321202', '19900315', '031');
    expect(validate(id)).toEqual({ ok: true, regionCode: '321202', birthDate: '1990-03-15', sex: 'male' });
  });

  it.each([
    ['', 'length'],
    ['11010519491231002', 'length'],
    ['11010519491231002XX', 'length'],
    ['11010519491231002x', 'format'],
    ['1101051949123100AX', 'format'],
    ['X10105194912310021', 'format'],
    ['00010519491231002X', 'region'],
    ['99010519491231002X', 'region'],
    ['110105194902300028', 'birthdate'], // 30 February
    ['110105190002290021', 'birthdate'], // 1900 was not a leap year
    ['440524188001010014', 'birthdate'], // the standard's own 1880 example: before our 1900 floor
    ['110105203001010016', 'birthdate'], // in the future
    ['110105194913010017', 'birthdate'], // month 13
    ['110105194912310021', 'check'],
  ])('rejects %j with reason %s', (s, reason) => {
    expect(validate(s)).toEqual({ ok: false, reason });
  });

  it('accepts 29 February in a leap year and rejects tomorrow', () => {
    expect(validate(makeResidentId('321202', '20000229', '002')).ok).toBe(true);
    const tomorrow = '20260302';
    const first17 = `321202${tomorrow}001`;
    expect(validate(`${first17}${residentIdCheckChar(first17)}`)).toEqual({ ok: false, reason: 'birthdate' });
  });

  it('property: every generated number validates, with the sex of its sequence code', () => {
    fc.assert(
      fc.property(fc.tuple(region, birthDate, seq), ([r, b, s]) => {
        const result = validate(makeResidentId(r, b, s));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.sex).toBe(Number(s) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('property: any single-character substitution is detected', () => {
    const alphabet = '0123456789X';
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, shift) => {
        const replacement = alphabet[(alphabet.indexOf(id[pos]!) + shift) % alphabet.length]!;
        const mutated = id.slice(0, pos) + replacement + id.slice(pos + 1);
        expect(validate(mutated).ok).toBe(false);
      }),
    );
  });

  it('property: impossible dates are rejected', () => {
    const badDate = fc.oneof(
      fc.tuple(fc.integer({ min: 1900, max: 2025 }), fc.constantFrom(0, 13, 14, 19, 20, 99), fc.integer({ min: 1, max: 28 })),
      fc.tuple(fc.integer({ min: 1900, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 32, 40, 99)),
      fc.tuple(fc.integer({ min: 1900, max: 2025 }), fc.constantFrom(4, 6, 9, 11), fc.constant(31)),
      fc.tuple(fc.integer({ min: 1900, max: 2025 }).filter((y) => !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))), fc.constant(2), fc.constant(29)),
      fc.tuple(fc.integer({ min: 1000, max: 1899 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
      fc.tuple(fc.integer({ min: 2027, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
    );
    fc.assert(
      fc.property(badDate, seq, ([y, m, d], s) => {
        const date = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
        const first17 = `321202${date}${s}`;
        expect(validate(`${first17}${residentIdCheckChar(first17)}`)).toEqual({ ok: false, reason: 'birthdate' });
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate('20000229')).toBe(true);
    expect(isCalendarDate('20240229')).toBe(true);
    expect(isCalendarDate('21000229')).toBe(false);
    expect(isCalendarDate('20230229')).toBe(false);
  });
});

describe('maskResidentId', () => {
  it('keeps the address code and the last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });
  it('masks malformed input too', () => {
    expect(maskResidentId('12345')).toBe('1***5');
    expect(maskResidentId('12')).toBe('**');
  });
});

describe('makeResidentId', () => {
  it('rejects malformed parts', () => {
    expect(() => makeResidentId('32120', '19900101', '001')).toThrow(RangeError);
    expect(() => makeResidentId('001202', '19900101', '001')).toThrow(RangeError);
    expect(() => makeResidentId('321202', '19900230', '001')).toThrow(RangeError);
    expect(() => makeResidentId('321202', '18991231', '001')).toThrow(RangeError);
    expect(() => makeResidentId('321202', '19900101', '1')).toThrow(RangeError);
  });
});

describe('normalizeResidentId', () => {
  it('removes spaces and upper-cases x', () => {
    expect(normalizeResidentId(' 110105 19491231 002x ')).toBe('11010519491231002X');
  });
});
