import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_CALENDAR,
  BUILTIN_SCHEDULES,
  CalendarDataError,
  CalendarInputError,
  MAX_WORKING_DAYS,
  addCalendarDays,
  addWorkingDays,
  comparePlainDates,
  countWorkingDays,
  createCalendar,
  describeDay,
  isWeekend,
  isWorkingDay,
  missingYears,
  subtractWorkingDays,
  validateSchedules,
  type CalendarData,
  type YearSchedule,
} from './index.ts';

const C = BUILTIN_CALENDAR;
const add = (from: string, n: number, cal: CalendarData = C) => addWorkingDays(from, n, cal);
const count = (from: string, to: string, cal: CalendarData = C) => countWorkingDays(from, to, cal);
const working = (d: string, cal: CalendarData = C) => isWorkingDay(d, cal);
const EMPTY = createCalendar([]);

describe('isWorkingDay / describeDay', () => {
  it.each([
    // 2026 Spring Festival: 02-15 (Sun) … 02-23 (Mon) off; Saturdays 02-14 and 02-28 worked.
    ['2026-02-13', true, 'workday'],
    ['2026-02-14', true, 'makeup-workday'],
    ['2026-02-15', false, 'holiday'],
    ['2026-02-16', false, 'holiday'], // 除夕, Monday
    ['2026-02-17', false, 'holiday'], // 初一
    ['2026-02-20', false, 'holiday'], // Friday
    ['2026-02-21', false, 'holiday'], // Saturday inside the block
    ['2026-02-23', false, 'holiday'], // Monday
    ['2026-02-24', true, 'workday'],
    ['2026-02-28', true, 'makeup-workday'],
    ['2026-03-01', false, 'weekend'],
    // 2026 元旦, Labour Day.
    ['2026-01-02', false, 'holiday'],
    ['2026-01-04', true, 'makeup-workday'],
    ['2026-05-04', false, 'holiday'],
    ['2026-05-05', false, 'holiday'],
    ['2026-05-09', true, 'makeup-workday'],
    ['2026-05-10', false, 'weekend'],
    // 2026 Mid-Autumn and National Day: Sunday 09-20 and Saturday 10-10 worked.
    ['2026-09-19', false, 'weekend'],
    ['2026-09-20', true, 'makeup-workday'],
    ['2026-09-25', false, 'holiday'],
    ['2026-09-28', true, 'workday'],
    ['2026-10-01', false, 'holiday'],
    ['2026-10-05', false, 'holiday'],
    ['2026-10-07', false, 'holiday'],
    ['2026-10-08', true, 'workday'],
    ['2026-10-10', true, 'makeup-workday'],
    ['2026-10-11', false, 'weekend'],
    // 2025.
    ['2025-01-26', true, 'makeup-workday'],
    ['2025-01-28', false, 'holiday'],
    ['2025-02-04', false, 'holiday'],
    ['2025-02-05', true, 'workday'],
    ['2025-02-08', true, 'makeup-workday'],
    ['2025-04-27', true, 'makeup-workday'],
    ['2025-05-05', false, 'holiday'],
    ['2025-10-08', false, 'holiday'],
    ['2025-10-11', true, 'makeup-workday'],
    // Leap day.
    ['2024-02-29', true, 'workday'],
  ] as const)('%s: working=%s (%s)', (date, isWorking, kind) => {
    expect(working(date)).toBe(isWorking);
    expect(describeDay(date, C)).toMatchObject({ date, kind, working: isWorking });
  });

  it('names the holiday and the deciding schedule', () => {
    expect(describeDay('2026-10-03', C)).toEqual({
      date: '2026-10-03',
      kind: 'holiday',
      working: false,
      holiday: '国庆节',
      scheduleYear: 2026,
    });
    expect(describeDay('2018-12-29', C)).toEqual({
      date: '2018-12-29',
      kind: 'makeup-workday',
      working: true,
      scheduleYear: 2019,
    });
  });

  it('counts years without a schedule on weekends alone', () => {
    expect(working('2027-01-01')).toBe(true); // a Friday; the 2027 notice is not loaded
    expect(working('2027-01-02')).toBe(false);
    expect(working('2026-10-01', EMPTY)).toBe(true);
    expect(working('2026-02-14', EMPTY)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Across the 2026 Spring Festival.
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-13', 1, '2026-02-14'], // Friday → make-up Saturday
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-12', 5, '2026-02-26'],
    ['2026-02-17', 1, '2026-02-24'], // from inside the holiday
    ['2026-02-24', 4, '2026-02-28'], // lands on the make-up Saturday
    ['2026-02-10', 20, '2026-03-16'],
    // Across the 2026 Mid-Autumn and National Day.
    ['2026-09-18', 1, '2026-09-20'], // Friday → make-up Sunday
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-30', 4, '2026-10-12'],
    // 2025.
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-04-30', 1, '2025-05-06'],
    // Leap day.
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2028-02-28', 1, '2028-02-29'], // a Tuesday, in a year without a schedule
    // Year boundaries.
    ['2025-12-31', 1, '2026-01-04'], // 元旦 01-01…03, Sunday 01-04 worked
    ['2025-12-31', 2, '2026-01-05'],
    ['2023-12-29', 1, '2024-01-02'],
    ['2018-12-28', 1, '2018-12-29'], // Saturday worked under the 2019 notice
    ['2006-12-29', 1, '2006-12-30'],
    ['2026-12-31', 1, '2027-01-01'], // 2027 not loaded: weekends only
    // Twenty working days, the common licensing limit (行政许可法 art. 42).
    ['2026-09-15', 20, '2026-10-19'],
  ] as const)('add(%s, %i) = %s', (from, n, due) => {
    expect(add(from, n)).toBe(due);
    expect(count(from, due)).toBe(n);
  });

  it('n = 0: the day itself if working, else the next working day', () => {
    expect(add('2026-02-24', 0)).toBe('2026-02-24');
    expect(add('2026-02-14', 0)).toBe('2026-02-14');
    expect(add('2026-02-15', 0)).toBe('2026-02-24');
    expect(add('2026-03-01', 0)).toBe('2026-03-02');
  });

  it('negative n counts back like subtractWorkingDays', () => {
    expect(add('2026-02-24', -1)).toBe('2026-02-14');
    expect(add('2026-02-24', -2)).toBe('2026-02-13');
    expect(add('2026-10-08', -1)).toBe('2026-09-30');
    expect(subtractWorkingDays('2026-10-08', 1, C)).toBe('2026-09-30');
    expect(subtractWorkingDays('2026-10-12', 4, C)).toBe('2026-09-30');
    expect(subtractWorkingDays('2026-02-17', 0, C)).toBe('2026-02-14');
    expect(subtractWorkingDays('2026-02-17', -1, C)).toBe('2026-02-24');
  });

  it('refuses bad input with CalendarInputError', () => {
    const reasonOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(CalendarInputError);
        return (e as CalendarInputError).reason;
      }
      throw new Error('did not throw');
    };
    expect(reasonOf(() => add('2026/02/24', 1))).toBe('INVALID_DATE');
    expect(reasonOf(() => add('2026-02-30', 1))).toBe('INVALID_DATE');
    expect(reasonOf(() => add(new Date() as unknown as string, 1))).toBe('INVALID_DATE');
    expect(reasonOf(() => add('2026-02-24', 1.5))).toBe('INVALID_DAY_COUNT');
    expect(reasonOf(() => add('2026-02-24', Number.NaN))).toBe('INVALID_DAY_COUNT');
    expect(reasonOf(() => add('2026-02-24', '3' as unknown as number))).toBe('INVALID_DAY_COUNT');
    expect(reasonOf(() => add('2026-02-24', MAX_WORKING_DAYS + 1))).toBe('DAY_COUNT_TOO_LARGE');
    expect(reasonOf(() => add('2026-02-24', -MAX_WORKING_DAYS - 1))).toBe('DAY_COUNT_TOO_LARGE');
    expect(reasonOf(() => add('2199-12-30', 5))).toBe('RESULT_OUT_OF_RANGE');
    expect(reasonOf(() => count('2026-01-01', '2026-13-01'))).toBe('INVALID_DATE');
    expect(add('2026-02-24', MAX_WORKING_DAYS)).toBe(add('2026-02-24', MAX_WORKING_DAYS));
  });
});

describe('countWorkingDays', () => {
  it('counts (from, to]', () => {
    expect(count('2026-02-13', '2026-02-24')).toBe(2);
    expect(count('2026-02-13', '2026-02-13')).toBe(0);
    expect(count('2026-02-12', '2026-02-13')).toBe(1);
    expect(count('2026-02-15', '2026-02-23')).toBe(0);
    expect(count('2026-02-24', '2026-02-13')).toBe(-2);
    expect(Object.is(count('2026-02-23', '2026-02-15'), 0)).toBe(true); // never -0
    expect(count('2026-09-01', '2026-10-31')).toBe(39);
    expect(count('2025-12-31', '2026-12-31', EMPTY)).toBe(261);
    // 19 weekdays off (元旦 2, 春节 6, 清明 1, 劳动节 3, 端午 1, 中秋 1, 国庆 5), 6 weekend days worked.
    expect(count('2025-12-31', '2026-12-31')).toBe(261 - 19 + 6);
  });
});

describe('missingYears', () => {
  it('lists the years counted on weekends alone', () => {
    expect(missingYears({ from: '2026-01-01', to: '2026-12-23' }, C)).toEqual([]);
    expect(missingYears({ from: '2026-12-01', to: '2026-12-24' }, C)).toEqual([2027]);
    expect(missingYears({ from: '2026-12-31', to: '2027-01-01' }, C)).toEqual([2027]);
    expect(missingYears({ from: '2028-03-01', to: '2026-11-01' }, C)).toEqual([2027, 2028]);
    expect(missingYears({ from: '2003-06-01', to: '2004-02-01' }, C)).toEqual([2003]);
    expect(missingYears({ from: '2025-12-25', to: '2026-01-05' }, EMPTY)).toEqual([2025, 2026]);
    expect(() => missingYears({ from: 'x', to: '2026-01-01' }, C)).toThrow(CalendarInputError);
  });
});

describe('createCalendar / validateSchedules', () => {
  const base: YearSchedule = {
    year: 2030,
    source: '测试',
    holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01' }],
    workdays: [],
  };
  const problemsOf = (...s: YearSchedule[]) => validateSchedules(s).map((p) => p.message);

  it('accepts a valid schedule and uses it', () => {
    const cal = createCalendar([...BUILTIN_SCHEDULES, base]);
    expect(working('2030-01-01', cal)).toBe(false);
    expect(missingYears({ from: '2030-01-01', to: '2030-01-02' }, cal)).toEqual([]);
  });

  it('reports every defect', () => {
    expect(problemsOf({ ...base, workdays: ['2030-01-07'] })).toEqual([
      'make-up working day 2030-01-07 is not a Saturday or Sunday',
    ]);
    expect(problemsOf({ ...base, workdays: ['2030-01-05', '2030-01-05'] })).toEqual([
      'make-up working day 2030-01-05 listed twice',
    ]);
    expect(problemsOf({ ...base, holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-06' }], workdays: ['2030-01-05'] })).toEqual([
      '2030-01-05 is both a day off and a make-up working day',
    ]);
    expect(problemsOf({ ...base, holidays: [{ name: '元旦', from: '2030-01-03', to: '2030-01-01' }] })[0]).toMatch(/ends .* before it starts/);
    expect(problemsOf({ ...base, holidays: [{ name: '元旦', from: '2030-1-1', to: '2030-01-01' }] })[0]).toMatch(/YYYY-MM-DD/);
    expect(problemsOf({ ...base, holidays: [{ name: '春节', from: '2030-01-01', to: '2030-03-01' }] })[0]).toMatch(/more than 31/);
    expect(problemsOf({ ...base, holidays: [{ name: '元旦', from: '2029-12-20', to: '2030-01-01' }] })[0]).toMatch(/outside 2030/);
    expect(problemsOf({ ...base, workdays: ['2031-01-04'] })[0]).toMatch(/outside 2030/);
    expect(problemsOf({ ...base, source: ' ' })).toEqual(['source (notice number) is missing']);
    expect(problemsOf({ ...base, holidays: [{ name: '', from: '2030-01-01', to: '2030-01-01' }] })).toEqual(['a holiday has no name']);
    expect(problemsOf(base, base)).toEqual(['more than one schedule for this year']);
    expect(problemsOf({ ...base, year: 2030.5 })[0]).toMatch(/integer/);
    // A conflict between two years' schedules (the 2031 notice reaching back into December 2030).
    const y2031: YearSchedule = { year: 2031, source: '测试', holidays: [{ name: '元旦', from: '2030-12-29', to: '2031-01-01' }], workdays: [] };
    expect(problemsOf({ ...base, workdays: ['2030-12-29'] }, y2031)).toEqual([
      '2030-12-29 is both a day off and a make-up working day (day off in the 2031 schedule)',
    ]);
  });

  it('throws CalendarDataError (422) from createCalendar and from a hand-built map', () => {
    const bad: YearSchedule = { ...base, workdays: ['2030-01-07'] };
    expect(() => createCalendar([bad])).toThrow(CalendarDataError);
    try {
      createCalendar([bad]);
    } catch (e) {
      const err = e as CalendarDataError;
      expect(err.code).toBe('CALENDAR_DATA_INVALID');
      expect(err.status).toBe(422);
      expect(err.problems).toEqual([{ year: 2030, message: 'make-up working day 2030-01-07 is not a Saturday or Sunday' }]);
      expect(err.message).toContain('2030: make-up working day 2030-01-07');
    }
    const handBuilt: CalendarData = new Map([[2030, bad]]);
    expect(() => working('2030-01-07', handBuilt)).toThrow(CalendarDataError);
    const misKeyed: CalendarData = new Map([[2029, base]]);
    expect(() => working('2030-01-07', misKeyed)).toThrow(/stored under key 2029/);
  });
});

// ---------------------------------------------------------------- properties

const DAY = 86_400_000;
const START = Date.UTC(2003, 5, 1);
const END = Date.UTC(2028, 11, 31);
/** Dates from mid-2003 to 2028: before, across and after the built-in schedules. */
const date = fc.integer({ min: 0, max: (END - START) / DAY }).map((i) => new Date(START + i * DAY).toISOString().slice(0, 10));
const smallN = fc.integer({ min: 0, max: 400 });
const anyN = fc.oneof(smallN, fc.integer({ min: 0, max: MAX_WORKING_DAYS }));
const cmp = comparePlainDates;

describe('properties', () => {
  it('a due date is never a holiday nor an unworked weekend', () => {
    fc.assert(
      fc.property(date, anyN, (from, n) => {
        const due = add(from, n);
        const info = describeDay(due, C);
        expect(info.working).toBe(true);
        expect(info.kind === 'workday' || info.kind === 'makeup-workday').toBe(true);
        if (isWeekend(due)) expect(info.kind).toBe('makeup-workday');
      }),
    );
  });

  it('count(from, add(from, n)) === n for n ≥ 1, and add(from, 0) is the first working day from `from` on', () => {
    fc.assert(
      fc.property(date, anyN, (from, n) => {
        const due = add(from, n);
        if (n >= 1) {
          expect(count(from, due)).toBe(n);
          expect(cmp(due, from)).toBe(1);
        } else {
          expect(count(from, due)).toBe(working(from) ? 0 : 1);
          // No working day in [from, due).
          expect(count(addCalendarDays(from, -1), addCalendarDays(due, -1))).toBe(0);
        }
        // Nothing working is skipped: the day before the due date still leaves one to go.
        if (n >= 1) expect(count(from, addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it('add is strictly increasing in n (n ≥ 1), never below add(from, 0), and non-decreasing in from', () => {
    // n = 0 means "the first working day from `from` on", which equals add(from, 1) when `from` is a day off
    // (found by fast-check: 2003-06-01 is a Sunday). From n = 1 on, each extra day moves the due date.
    const positiveN = fc.integer({ min: 1, max: 400 });
    fc.assert(
      fc.property(date, positiveN, positiveN, (from, n1, n2) => {
        const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const c = cmp(add(from, lo), add(from, hi));
        expect(lo === hi ? c === 0 : c === -1).toBe(true);
        expect(cmp(add(from, 0), add(from, lo))).toBeLessThanOrEqual(0);
      }),
    );
    expect(add('2003-06-01', 0)).toBe(add('2003-06-01', 1));
    fc.assert(
      fc.property(date, date, smallN, (a, b, n) => {
        const [lo, hi] = cmp(a, b) <= 0 ? [a, b] : [b, a];
        expect(cmp(add(lo, n), add(hi, n))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('count is additive over adjacent ranges and antisymmetric', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(count(a, b) + count(b, c)).toBe(count(a, c));
        expect(count(b, a)).toBe(0 - count(a, b));
      }),
    );
  });

  it('count agrees with day-by-day isWorkingDay', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), (from, span) => {
        const to = addCalendarDays(from, span);
        let expected = 0;
        for (let d = addCalendarDays(from, 1); cmp(d, to) <= 0; d = addCalendarDays(d, 1)) if (working(d)) expected++;
        expect(count(from, to)).toBe(expected);
      }),
    );
  });

  it('subtract mirrors add on working days', () => {
    fc.assert(
      fc.property(date, smallN, (d0, n) => {
        const d = add(d0, 0); // a working day
        expect(add(subtractWorkingDays(d, n, C), n)).toBe(d);
        expect(subtractWorkingDays(add(d, n), n, C)).toBe(d);
        expect(add(d, -n)).toBe(subtractWorkingDays(d, n, C));
      }),
    );
  });

  it('the built-in calendar only ever removes weekdays and adds weekend days', () => {
    fc.assert(
      fc.property(date, (d) => {
        if (working(d) !== working(d, EMPTY)) {
          expect(describeDay(d, C).kind).toBe(isWeekend(d) ? 'makeup-workday' : 'holiday');
        }
      }),
    );
  });
});
