import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  makeCreditCode,
  orgCodeCheckChar,
  validateCreditCode,
} from './credit-code.ts';

const charset = fc.constantFrom(...CREDIT_CODE_CHARSET);
const body8 = fc.array(charset, { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
const authority = fc.constantFrom(
  ['1', '1'], ['1', '2'], ['1', '3'], ['5', '1'], ['5', '2'], ['5', '3'], ['9', '1'], ['9', '2'], ['9', '3'], ['Y', '1'], ['N', '2'],
);
const region = fc.constantFrom('321200', '321202', '321203', '321204', '321281', '321282', '321283', '110000', '440300');
const validCode = fc.tuple(authority, region, body8).map(([[d, c], r, b]) => makeCreditCode(d!, c!, r, b));

describe('creditCodeCheckChar (GB 32100-2015, MOD 31)', () => {
  it('reproduces the check characters of published codes', () => {
    // The example code of GB 32100-2015 and two published enterprise codes.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    expect(creditCodeCheckChar('91330100716105852')).toBe('F');
  });
  it('writes a result of 31 as 0', () => {
    // Search a code whose weighted sum is divisible by 31.
    const first16 = '91321202MA1XXXXX';
    const last = [...CREDIT_CODE_CHARSET].find((ch) => creditCodeCheckChar(`${first16}${ch}`) === '0');
    expect(last).toBeDefined();
  });
  it('rejects characters outside the set', () => {
    expect(() => creditCodeCheckChar('91350100M00010OY4')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714-1997)', () => {
  it('computes published check characters, including X and 0', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('71526726')).toBe('X');
    const zero = Array.from({ length: 100 }, (_, i) => `0000${String(i).padStart(4, '0')}`).find((b) => orgCodeCheckChar(b) === '0');
    expect(zero).toBeDefined();
  });
});

describe('validateCreditCode', () => {
  it('accepts published codes and decodes them', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      registrationAuthority: '9',
      category: '1',
      categoryLabel: '企业',
      regionCode: '350100',
      orgCode: 'M000100Y4',
    });
    expect(validateCreditCode('9144030071526726XG').ok).toBe(true);
    expect(validateCreditCode('11100000000013127D').ok).toBe(true);
  });

  it('accepts an unlisted category without a label', () => {
    const code = makeCreditCode('9', '7', '321202', 'MA1ABCDE');
    const r = validateCreditCode(code);
    expect(r.ok).toBe(true);
    expect(r.ok && r.categoryLabel).toBe(undefined);
  });

  it.each([
    ['', 'length'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100Y4I', 'format'],
    ['91350100m000100Y43', 'format'],
    ['91350100M0001O0Y43', 'format'],
    ['B1350100M000100Y43', 'registration'],
    ['9135A100M000100Y43', 'region'],
    ['91350100M000100Y44', 'check'],
    ['91350101M000100Y43', 'check'],
  ])('rejects %j with reason %s', (s, reason) => {
    expect(validateCreditCode(s)).toEqual({ ok: false, reason });
  });

  it('rejects a code whose embedded organisation code has a wrong check character', () => {
    const orgCheck = orgCodeCheckChar('MA1ABCDE');
    const wrong = orgCheck === '0' ? '1' : '0';
    const bad = `91321202MA1ABCDE${wrong}`;
    const code = `${bad}${creditCodeCheckChar(bad)}`;
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'org-check' });
    expect(validateCreditCode(code, { checkOrgCode: false }).ok).toBe(true);
  });

  it('property: every generated code validates', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(validateCreditCode(code).ok).toBe(true);
      }),
    );
  });

  it('property: any single-character substitution is detected', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const replacement = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[pos]!) + shift) % 31]!;
        const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(validateCreditCode(mutated).ok).toBe(false);
      }),
    );
  });
});

describe('makeCreditCode', () => {
  it('computes both check characters', () => {
    expect(makeCreditCode('9', '1', '350100', 'M000100Y')).toBe('91350100M000100Y43');
  });
  it('rejects malformed parts', () => {
    expect(() => makeCreditCode('B', '1', '321200', '01234567')).toThrow(RangeError);
    expect(() => makeCreditCode('1', 'I', '321200', '01234567')).toThrow(RangeError);
    expect(() => makeCreditCode('1', '1', '32120', '01234567')).toThrow(RangeError);
    expect(() => makeCreditCode('1', '1', '321200', '0123456')).toThrow(RangeError);
    expect(() => makeCreditCode('1', '1', '321200', '0123456O')).toThrow(RangeError);
  });
});
