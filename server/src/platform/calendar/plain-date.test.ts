import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import {
  CalendarInputError,
  MAX_PLAIN_DATE,
  MIN_PLAIN_DATE,
  addCalendarDays,
  assertPlainDate,
  comparePlainDates,
  diffCalendarDays,
  isPlainDate,
  isWeekend,
  isoWeekday,
  todayInShanghai,
  yearOf,
} from './index.ts';

const DAY = 86_400_000;
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(2199, 11, 31);
/** Any supported date, via an independent path (Date#toISOString). */
const plainDate = fc.integer({ min: 0, max: (MAX_MS - MIN_MS) / DAY }).map((i) => new Date(MIN_MS + i * DAY).toISOString().slice(0, 10));

describe('plain dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-05', false],
    ['2026-01-05T00:00:00Z', false],
    [' 2026-01-05', false],
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2199-12-31', true],
    ['2200-01-01', false],
  ] as const)('isPlainDate(%s) = %s', (value, ok) => {
    expect(isPlainDate(value)).toBe(ok);
  });

  it('rejects non-strings with a typed, bilingual error', () => {
    for (const bad of [new Date(), 20260105, null, undefined, {}]) {
      expect(isPlainDate(bad)).toBe(false);
      expect(() => assertPlainDate(bad, 'received')).toThrow(CalendarInputError);
    }
    try {
      assertPlainDate('2026-02-30', 'received');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as CalendarInputError;
      expect(err.code).toBe('CALENDAR_INPUT_INVALID');
      expect(err.status).toBe(400);
      expect(err.reason).toBe('INVALID_DATE');
      expect(err.message).toContain('received');
      expect(err.message).toContain('"2026-02-30"');
      expect(err.localized('zh-CN')).toContain('不是有效日期');
    }
    expect(() => assertPlainDate('1800-01-01')).toThrow(/outside the supported dates/);
  });

  it('adds calendar days across month, leap-day and year boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(() => addCalendarDays(MAX_PLAIN_DATE, 1)).toThrow(CalendarInputError);
    expect(() => addCalendarDays(MIN_PLAIN_DATE, -1)).toThrow(CalendarInputError);
    expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(CalendarInputError);
  });

  it('knows weekdays (ISO: Monday 1 … Sunday 7)', () => {
    expect(isoWeekday('2026-01-01')).toBe(4); // Thursday
    expect(isoWeekday('2026-09-20')).toBe(7); // Sunday
    expect(isoWeekday('2026-02-14')).toBe(6); // Saturday
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
    expect(isWeekend('2026-02-28')).toBe(true);
    expect(isWeekend('2026-02-27')).toBe(false);
  });

  it('compares, diffs, takes the year', () => {
    expect(comparePlainDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(comparePlainDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(diffCalendarDays('2024-02-01', '2024-03-01')).toBe(29);
    expect(diffCalendarDays('2025-02-01', '2025-03-01')).toBe(28);
    expect(yearOf('2026-12-31')).toBe(2026);
  });

  it('gives today in Asia/Shanghai', () => {
    expect(todayInShanghai(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(todayInShanghai(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    // Remembering the last day never answers for another instant (any order, across day boundaries).
    fc.assert(
      fc.property(fc.array(fc.date({ min: new Date('2004-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), { minLength: 1, maxLength: 20 }), (ds) => {
        for (const d of ds) expect(todayInShanghai(d)).toBe(new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('property: add/diff round-trip and agree with Date', () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: -40_000, max: 40_000 }), (d, k) => {
        const ms = Date.parse(`${d}T00:00:00Z`) + k * DAY;
        fc.pre(ms >= MIN_MS && ms <= MAX_MS);
        const e = addCalendarDays(d, k);
        expect(e).toBe(new Date(ms).toISOString().slice(0, 10));
        expect(diffCalendarDays(d, e)).toBe(k);
        expect(comparePlainDates(d, e)).toBe(Math.sign(k) === 0 ? 0 : -Math.sign(k));
      }),
    );
  });

  it('property: weekday agrees with Date#getUTCDay', () => {
    fc.assert(
      fc.property(plainDate, (d) => {
        const js = new Date(`${d}T00:00:00Z`).getUTCDay();
        expect(isoWeekday(d)).toBe(js === 0 ? 7 : js);
        expect(isPlainDate(d)).toBe(true);
      }),
    );
  });
});
