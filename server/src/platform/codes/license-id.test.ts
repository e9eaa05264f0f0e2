import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_CHARSET, makeCreditCode } from './credit-code.ts';
import {
  formatLicenseIdentifier,
  isValidLicenseIdentifier,
  isValidLicenseTypeCode,
  isValidMod37_36,
  LICENSE_ID_ROOT,
  mod37_36Check,
  parseLicenseIdentifier,
} from './license-id.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const value = (ch: string) => ALPHABET.indexOf(ch);
/** Values differing by 1 modulo 36 ('H'/'I', '0'/'Z'): the only transpositions MOD 37,36 can miss. */
const neighbours = (a: string, b: string) => [1, 35].includes((((value(a) - value(b)) % 36) + 36) % 36);
const swap = (s: string, i: number) => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);

const char36 = fc.constantFrom(...ALPHABET);
const data = fc.array(char36, { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
const withCheck = data.map((s) => s + mod37_36Check(s));

describe('mod37_36Check (ISO/IEC 7064 MOD 37,36)', () => {
  it('matches two strings computed by hand', () => {
    // "1A": P₁ = 36.
    //   '1' (1):  S = (36 + 1) mod 36 = 1;          P = 2·1 mod 37 = 2
    //   'A' (10): S = (2 + 10) mod 36 = 12;         P = 2·12 mod 37 = 24
    //   check c = (37 − 24) mod 36 = 13 → 'D'       (24 + 13) mod 36 = 1 ✓
    expect(mod37_36Check('1A')).toBe('D');
    // "0Z": a remainder of 0 is written as M = 36.
    //   '0' (0):  S = (36 + 0) mod 36 = 0 → 36;     P = 2·36 mod 37 = 35
    //   'Z' (35): S = (35 + 35) mod 36 = 34;        P = 2·34 mod 37 = 31
    //   check c = (37 − 31) mod 36 = 6 → '6'        (31 + 6) mod 36 = 1 ✓
    expect(mod37_36Check('0Z')).toBe('6');
    expect(isValidMod37_36('1AD')).toBe(true);
    expect(isValidMod37_36('0Z6')).toBe(true);
  });

  it('reproduces published GRid identifiers (ISO/IEC 7064 MOD 37,36 check character)', () => {
    for (const grid of ['A12425GABC1234002M', 'A12425GXYZ98760086', 'A12425G1234567890L', 'A12589KCCC2586482V']) {
      expect(mod37_36Check(grid.slice(0, -1)), grid).toBe(grid.slice(-1));
      expect(isValidMod37_36(grid)).toBe(true);
    }
  });

  it('accepts upper-case 0-9A-Z only', () => {
    expect(() => mod37_36Check('1a')).toThrow(RangeError);
    expect(() => mod37_36Check('1-A')).toThrow(RangeError);
    expect(isValidMod37_36('1ad')).toBe(false);
    expect(isValidMod37_36('')).toBe(false);
  });

  it('exhaustively: in every running state, exactly one unordered pair of distinct characters escapes transposition, and it is a pair of neighbours', () => {
    // A one-character prefix x reaches the state P = 2·(value(x) mod‖ 36) mod 37, so the 36 prefixes cover all 36 states.
    const states = new Set<string>();
    for (const x of ALPHABET) {
      states.add(mod37_36Check(x));
      const escaped: string[] = [];
      for (const a of ALPHABET) {
        for (const b of ALPHABET) {
          if (a < b && mod37_36Check(x + a + b) === mod37_36Check(x + b + a)) escaped.push(a + b);
        }
      }
      expect(escaped, `after ${x}`).toHaveLength(1);
      expect(neighbours(escaped[0]![0]!, escaped[0]![1]!), `after ${x}: ${escaped[0]}`).toBe(true);
    }
    expect(states.size).toBe(36);
  });

  it('exhaustively: swapping the last data character with the check character is detected unless they are neighbours', () => {
    let escaped = 0;
    for (const x of ALPHABET) {
      for (const a of ALPHABET) {
        const s = x + a + mod37_36Check(x + a);
        if (s[1] === s[2]) continue;
        if (isValidMod37_36(swap(s, 1))) {
          escaped++;
          expect(neighbours(s[1]!, s[2]!)).toBe(true);
        }
      }
    }
    expect(escaped).toBeGreaterThan(0); // the limitation is real: document it, do not pretend otherwise
  });

  it('property: every single-character substitution is detected, including in the check character', () => {
    fc.assert(
      fc.property(withCheck, (s) => {
        for (let i = 0; i < s.length; i++) {
          for (const ch of ALPHABET) {
            if (ch !== s[i]) expect(isValidMod37_36(s.slice(0, i) + ch + s.slice(i + 1))).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('property: every adjacent transposition of distinct non-neighbouring characters is detected', () => {
    fc.assert(
      fc.property(withCheck, (s) => {
        expect(isValidMod37_36(s)).toBe(true);
        for (let i = 0; i + 1 < s.length; i++) {
          if (s[i] !== s[i + 1] && !neighbours(s[i]!, s[i + 1]!)) expect(isValidMod37_36(swap(s, i)), `${s} @${i}`).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

const creditCode = fc
  .tuple(
    fc.constantFrom(['1', '1'], ['1', '2'], ['9', '1'], ['5', '1']),
    fc.constantFrom('321200', '321202', '110000'),
    fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 8, maxLength: 8 }).map((a) => a.join('')),
  )
  .map(([[d, c], r, b]) => makeCreditCode(d!, c!, r, b));
const parts = fc.record({
  typeCode: fc.tuple(creditCode, fc.integer({ min: 0, max: 999 })).map(([c, n]) => c + String(n).padStart(3, '0')),
  issuerCode: creditCode,
  serial: fc.array(char36, { minLength: 1, maxLength: 32 }).map((a) => a.join('')),
  version: fc.integer({ min: 1, max: 999 }),
});

// 11100000000013127D: a published credit code (a central organ), used as the defining authority.
const TYPE = '11100000000013127D001';
const ISSUER = makeCreditCode('1', '1', '321200', 'MB000001');

describe('license identifier (GB/T 36904-2018)', () => {
  it('formats root, parts, 3-digit version and the check character over the concatenated parts', () => {
    const id = formatLicenseIdentifier({ typeCode: TYPE, issuerCode: ISSUER, serial: '2026A00001', version: 1 });
    const check = mod37_36Check(`${TYPE}${ISSUER}2026A00001001`);
    expect(id).toBe(`1.2.156.3005.2.${TYPE}.${ISSUER}.2026A00001.001.${check}`);
    expect(id.startsWith(`${LICENSE_ID_ROOT}.`)).toBe(true);
    expect(isValidLicenseIdentifier(id)).toBe(true);
    expect(parseLicenseIdentifier(id)).toEqual({ typeCode: TYPE, issuerCode: ISSUER, serial: '2026A00001', version: 1, check });
  });

  it('validates license type codes', () => {
    expect(isValidLicenseTypeCode(TYPE)).toBe(true);
    expect(isValidLicenseTypeCode('11100000000013127D01')).toBe(false);
    expect(isValidLicenseTypeCode('11100000000013127D00A')).toBe(false);
    expect(isValidLicenseTypeCode('11100000000013127E001')).toBe(false); // credit code check character
  });

  it('rejects bad parts with a RangeError naming the part', () => {
    const ok = { typeCode: TYPE, issuerCode: ISSUER, serial: 'A1', version: 2 };
    expect(() => formatLicenseIdentifier({ ...ok, typeCode: '11100000000013127E001' })).toThrow(/type code/);
    expect(() => formatLicenseIdentifier({ ...ok, issuerCode: `${ISSUER.slice(0, 17)}${ISSUER[17] === '0' ? '1' : '0'}` })).toThrow(/issuer code/);
    expect(() => formatLicenseIdentifier({ ...ok, serial: '' })).toThrow(/serial/);
    expect(() => formatLicenseIdentifier({ ...ok, serial: 'a1' })).toThrow(/serial/);
    expect(() => formatLicenseIdentifier({ ...ok, serial: 'A'.repeat(33) })).toThrow(/serial/);
    expect(() => formatLicenseIdentifier({ ...ok, version: 0 })).toThrow(/version/);
    expect(() => formatLicenseIdentifier({ ...ok, version: 1000 })).toThrow(/version/);
    expect(() => formatLicenseIdentifier({ ...ok, version: 1.5 })).toThrow(RangeError);
  });

  it('parse returns null on a wrong shape', () => {
    const id = formatLicenseIdentifier({ typeCode: TYPE, issuerCode: ISSUER, serial: 'A1', version: 2 });
    for (const bad of ['', id.replace('1.2.156.3005.2', '1.2.156.3005.1'), `${id}.X`, id.replace('.002.', '.02.'), id.replace('.002.', '.000.'), id.toLowerCase(), ` ${id}`]) {
      expect(parseLicenseIdentifier(bad), bad).toBeNull();
      expect(isValidLicenseIdentifier(bad), bad).toBe(false);
    }
  });

  it('rejects a right-shaped identifier whose credit code check characters are wrong, even with a matching MOD 37,36 check', () => {
    const badIssuer = `${ISSUER.slice(0, 17)}${ISSUER[17] === '0' ? '1' : '0'}`;
    const body = `${TYPE}${badIssuer}A1002`;
    expect(isValidLicenseIdentifier(`${LICENSE_ID_ROOT}.${TYPE}.${badIssuer}.A1.002.${mod37_36Check(body)}`)).toBe(false);
  });

  it('property: format and parse round-trip', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const id = formatLicenseIdentifier(p);
        expect(isValidLicenseIdentifier(id)).toBe(true);
        const parsed = parseLicenseIdentifier(id);
        expect(parsed).toEqual({ ...p, check: id.slice(-1) });
        expect(formatLicenseIdentifier(parsed!)).toBe(id);
      }),
    );
  });

  it('property: changing one character of the serial or version invalidates the identifier', () => {
    fc.assert(
      fc.property(parts, fc.nat(), fc.integer({ min: 1, max: 35 }), (p, at, shift) => {
        const id = formatLicenseIdentifier(p);
        const tail = `${p.serial}.${String(p.version).padStart(3, '0')}`;
        const start = id.length - 2 - tail.length;
        let i = start + (at % tail.length);
        if (id[i] === '.') i--;
        const isDigitOnly = i > start + p.serial.length;
        const alphabet = isDigitOnly ? '0123456789' : ALPHABET;
        const replacement = alphabet[(alphabet.indexOf(id[i]!) + (shift % alphabet.length || 1)) % alphabet.length]!;
        const mutated = id.slice(0, i) + replacement + id.slice(i + 1);
        expect(isValidLicenseIdentifier(mutated), mutated).toBe(false);
      }),
    );
  });
});
