import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_CHARSET, makeCreditCode } from './credit-code.ts';
import {
  EXERCISE_LEVEL_LABELS,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  ItemKind,
  makeBaseCode,
  makeImplCode,
  validateBaseCode,
  validateImplCode,
  type ExerciseLevel,
} from './item-code.ts';

const AGENCY = makeCreditCode('1', '1', '321200', '01414384');
const kind = fc.constantFrom(...ITEM_KINDS);
const level = fc.constantFrom(...(Object.keys(EXERCISE_LEVEL_LABELS) as ExerciseLevel[]));
const baseCode = fc
  .tuple(fc.constantFrom('00', '32', '11'), kind, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }))
  .map(([source, k, dept, main, sub]) => makeBaseCode({ source, kind: k, department: String(dept).padStart(2, '0'), main, sub }));
const body8 = fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
const agency = fc.tuple(fc.constantFrom('321200', '321202', '321204'), body8).map(([r, b]) => makeCreditCode('1', '1', r, b));

describe('item kinds', () => {
  it('has a Chinese label for every kind', () => {
    expect(ITEM_KINDS).toHaveLength(11);
    expect(ItemKind.license).toBe('01');
    expect(ItemKind.publicService).toBe('20');
    for (const k of ITEM_KINDS) expect(ITEM_KIND_LABELS[k]).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});

describe('validateBaseCode', () => {
  it('decodes a base code', () => {
    expect(validateBaseCode('000172001000')).toEqual({ ok: true, source: '00', kind: '01', department: '72', main: '001', sub: '000' });
    expect(validateBaseCode('322017003002').ok).toBe(true);
  });
  it.each([
    ['', 'length'],
    ['00017200100', 'length'],
    ['00017200100A', 'format'],
    ['99017200100', 'length'],
    ['990172001000', 'source'],
    ['001172001000', 'kind'],
    ['000072001000', 'kind'],
    ['002172001000', 'kind'],
    ['000172000001', 'main'],
  ])('rejects %j with reason %s', (s, reason) => {
    expect(validateBaseCode(s)).toEqual({ ok: false, reason });
  });
  it('makeBaseCode pads and refuses invalid parts', () => {
    expect(makeBaseCode({ source: '00', kind: '07', department: '23', main: 5, sub: 2 })).toBe('000723005002');
    expect(() => makeBaseCode({ source: '00', kind: '07', department: '23', main: 0 })).toThrow(RangeError);
    expect(() => makeBaseCode({ source: '98', kind: '07', department: '23', main: 1 })).toThrow(RangeError);
  });
});

describe('validateImplCode', () => {
  it('accepts a well-formed implementation code and decodes it', () => {
    const code = makeImplCode(AGENCY, '3', '000172001000');
    expect(code).toHaveLength(31);
    expect(validateImplCode(code)).toEqual({
      ok: true,
      creditCode: AGENCY,
      level: '3',
      baseCode: '000172001000',
      base: { source: '00', kind: '01', department: '72', main: '001', sub: '000' },
    });
  });
  it('rejects each kind of defect', () => {
    const good = makeImplCode(AGENCY, '3', '000172001000');
    expect(validateImplCode(good.slice(1))).toEqual({ ok: false, reason: 'length' });
    const badCheck = `${AGENCY.slice(0, 17)}${AGENCY[17] === '0' ? '1' : '0'}3000172001000`;
    expect(validateImplCode(badCheck)).toEqual({ ok: false, reason: 'credit-code', detail: 'check' });
    expect(validateImplCode(`${AGENCY}8000172001000`)).toEqual({ ok: false, reason: 'level' });
    expect(validateImplCode(`${AGENCY}0000172001000`)).toEqual({ ok: false, reason: 'level' });
    expect(validateImplCode(`${AGENCY}3003072001000`)).toEqual({ ok: false, reason: 'base-code', detail: 'kind' });
  });
  it('makeImplCode refuses invalid parts', () => {
    expect(() => makeImplCode(`${AGENCY.slice(0, 17)}Z`, '3', '000172001000')).toThrow(RangeError);
    expect(() => makeImplCode(AGENCY, '9' as ExerciseLevel, '000172001000')).toThrow(RangeError);
    expect(() => makeImplCode(AGENCY, '3', '000172000000')).toThrow(RangeError);
  });
  it('property: every generated implementation code validates and round-trips', () => {
    fc.assert(
      fc.property(agency, level, baseCode, (a, l, b) => {
        const r = validateImplCode(makeImplCode(a, l, b));
        expect(r.ok).toBe(true);
        if (r.ok) expect([r.creditCode, r.level, r.baseCode]).toEqual([a, l, b]);
      }),
    );
  });
  it('property: a substitution inside the embedded credit code is detected', () => {
    fc.assert(
      fc.property(agency, level, baseCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (a, l, b, pos, shift) => {
        const code = makeImplCode(a, l, b);
        const replacement = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[pos]!) + shift) % 31]!;
        expect(validateImplCode(code.slice(0, pos) + replacement + code.slice(pos + 1)).ok).toBe(false);
      }),
    );
  });
});
