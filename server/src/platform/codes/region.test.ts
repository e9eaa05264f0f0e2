import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cityOf,
  countyOf,
  isRegionCode,
  isWithin,
  normalizeRegionCode,
  parentRegion,
  provinceOf,
  regionLevel,
  regionParts,
  TAIZHOU_REGIONS,
} from './region.ts';

describe('regionLevel (GB/T 2260 and statistical division codes)', () => {
  it.each([
    ['320000', 'province'],
    ['321200', 'city'],
    ['321202', 'county'],
    ['321202001', 'town'],
    ['321202001001', 'village'],
    ['321200000000', 'city'],
    ['321202001000', 'town'],
  ])('%s is a %s', (code, level) => {
    expect(regionLevel(code)).toBe(level);
  });
  it.each(['', '32120', '3212000', '001200', '991200', '32120A', '3212020011'])('%j is not a region code', (code) => {
    expect(isRegionCode(code)).toBe(false);
  });
});

describe('parts and ancestors', () => {
  it('splits a village code', () => {
    expect(regionParts('321202001002')).toEqual({ province: '32', city: '12', county: '02', town: '001', village: '002' });
    expect(regionParts('320000')).toEqual({ province: '32' });
  });
  it('walks up the hierarchy', () => {
    expect(parentRegion('321202001002')).toBe('321202001');
    expect(parentRegion('321202001')).toBe('321202');
    expect(parentRegion('321202')).toBe('321200');
    expect(parentRegion('321200')).toBe('320000');
    expect(parentRegion('320000')).toBeNull();
    expect(parentRegion('bad')).toBeUndefined();
    expect(provinceOf('321202001')).toBe('320000');
    expect(cityOf('321202001')).toBe('321200');
    expect(countyOf('321202001')).toBe('321202');
    expect(cityOf('320000')).toBeUndefined();
    expect(countyOf('321200')).toBeUndefined();
  });
  it('normalizes zero padding', () => {
    expect(normalizeRegionCode('321200000000')).toBe('321200');
    expect(normalizeRegionCode('321202001000')).toBe('321202001');
    expect(normalizeRegionCode('321202000')).toBe('321202');
  });
});

describe('isWithin', () => {
  it('understands 6, 9 and 12-digit codes by prefix', () => {
    expect(isWithin('321202001001', '321202001')).toBe(true);
    expect(isWithin('321202001001', '321202')).toBe(true);
    expect(isWithin('321202001001', '321200')).toBe(true);
    expect(isWithin('321202001001', '320000')).toBe(true);
    expect(isWithin('321202', '321200000000')).toBe(true);
    expect(isWithin('321200', '321200')).toBe(true);
  });
  it('rejects siblings, ancestors and malformed codes', () => {
    expect(isWithin('321203', '321202')).toBe(false);
    expect(isWithin('321202002001', '321202001')).toBe(false);
    expect(isWithin('321200', '321202')).toBe(false);
    expect(isWithin('320000', '321200')).toBe(false);
    expect(isWithin('330100', '320000')).toBe(false);
    expect(isWithin('bad', '320000')).toBe(false);
  });
  it('property: a code is within each of its ancestors', () => {
    const code = fc
      .tuple(
        fc.constantFrom('321202', '321203', '321204', '321281', '321282', '321283'),
        fc.integer({ min: 1, max: 399 }),
        fc.integer({ min: 1, max: 399 }),
      )
      .map(([c, t, v]) => `${c}${String(t).padStart(3, '0')}${String(v).padStart(3, '0')}`);
    fc.assert(
      fc.property(code, (c) => {
        let p = parentRegion(c);
        while (p) {
          expect(isWithin(c, p)).toBe(true);
          expect(isWithin(p, c)).toBe(false);
          p = parentRegion(p);
        }
      }),
    );
  });
});

describe('TAIZHOU_REGIONS', () => {
  it('is a consistent tree under 江苏省', () => {
    for (const r of TAIZHOU_REGIONS) {
      expect(regionLevel(r.code)).toBe(r.level);
      expect(parentRegion(r.code)).toBe(r.parentCode);
    }
  });
});
