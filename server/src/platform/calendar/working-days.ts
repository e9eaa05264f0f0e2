/**
 * Working-day arithmetic (工作日计算) for statutory time limits.
 *
 * 行政许可法 art. 82: time limits for administrative licensing are counted in
 * working days, statutory holidays excluded. A day is a working day when
 *   - a loaded schedule lists it as a make-up working day (调休上班), or
 *   - it is Monday–Friday and no loaded schedule puts it inside a holiday block.
 * Years without a loaded schedule are therefore counted on weekends alone;
 * `missingYears` tells the caller so that it can raise a warning.
 *
 * Counting convention (the law's: the first day is not counted, cf. 民法典
 * art. 201): "N working days from D" ends at the end of the N-th working day
 * after D. So `addWorkingDays(D, n)` is that day, and `countWorkingDays(a, b)`
 * counts working days in (a, b], making `countWorkingDays(D, addWorkingDays(D, n)) === n`
 * for every n ≥ 1.
 *
 * All functions are pure. A `CalendarData` must be treated as immutable: when
 * the `work_calendar` table changes, build a new one with `createCalendar`.
 */
import { CalendarDataError, CalendarInputError, type CalendarProblem } from './errors.ts';
import {
  MAX_DAY_NUMBER,
  MAX_PLAIN_DATE,
  MIN_DAY_NUMBER,
  MIN_PLAIN_DATE,
  fromDayNumber,
  isPlainDate,
  isWeekendDayNumber,
  toDayNumber,
} from './plain-date.ts';
import type { DayInfo, PlainDate, YearSchedule } from './types.ts';

/** Loaded holiday schedules, keyed by year. Build it with `createCalendar`. */
export type CalendarData = ReadonlyMap<number, YearSchedule>;

/** Largest |n| accepted by `addWorkingDays` / `subtractWorkingDays` (about 14 years). */
export const MAX_WORKING_DAYS = 3650;

/** Longest holiday block accepted in a schedule (the longest so far: 10 days, 2020 春节). */
export const MAX_HOLIDAY_BLOCK_DAYS = 31;

/**
 * A notice may reach back into the previous year's last days (元旦: e.g. the
 * notice for 2007 made 2006-12-30/31 working days). It may touch December of
 * the year before from this day of the month on, and `missingYears` asks for
 * next year's schedule when a range reaches that far into December.
 */
export const PRIOR_YEAR_REACH_FROM_DAY = 24;

interface CalendarIndex {
  /** Day number → holiday name and schedule year, for every day off in a block. */
  readonly off: ReadonlyMap<number, { readonly name: string; readonly year: number }>;
  /** Day number → schedule year, for every make-up working day. */
  readonly work: ReadonlyMap<number, number>;
}

const indexes = new WeakMap<CalendarData, CalendarIndex>();

// ---------------------------------------------------------------- validation

function dayNumberOrUndefined(value: unknown): number | undefined {
  return isPlainDate(value) ? toDayNumber(value) : undefined;
}

/** Whether day number `n` may appear in the schedule for `year`. */
function withinReach(n: number, year: number): boolean {
  const date = fromDayNumber(n);
  const y = Number(date.slice(0, 4));
  if (y === year) return true;
  return y === year - 1 && date.slice(5, 7) === '12' && Number(date.slice(8, 10)) >= PRIOR_YEAR_REACH_FROM_DAY;
}

/**
 * Every defect in a set of schedules, empty when they are consistent. Use it
 * to check an administrator's edit before saving (pass all the years, edited
 * one included: conflicts between years are found too).
 */
export function validateSchedules(schedules: Iterable<YearSchedule>): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seenYears = new Set<number>();
  const off = new Map<number, number>(); // day number → year
  const work = new Map<number, number>();

  for (const s of schedules) {
    const year = s?.year;
    if (!Number.isInteger(year) || year < 1901 || year > 2199) {
      problems.push({ year: NaN, message: `schedule year must be an integer from 1901 to 2199, got ${String(year)}` });
      continue;
    }
    const add = (message: string) => problems.push({ year, message });
    if (seenYears.has(year)) add('more than one schedule for this year');
    seenYears.add(year);
    if (typeof s.source !== 'string' || s.source.trim() === '') add('source (notice number) is missing');
    if (!Array.isArray(s.holidays)) add('holidays must be a list');
    if (!Array.isArray(s.workdays)) add('workdays must be a list');
    if (!Array.isArray(s.holidays) || !Array.isArray(s.workdays)) continue;

    for (const h of s.holidays) {
      const label = `holiday ${JSON.stringify(h?.name ?? '')}`;
      if (typeof h?.name !== 'string' || h.name.trim() === '') add('a holiday has no name');
      const from = dayNumberOrUndefined(h?.from);
      const to = dayNumberOrUndefined(h?.to);
      if (from === undefined || to === undefined) {
        add(`${label}: from/to must be dates written YYYY-MM-DD, got ${String(h?.from)} – ${String(h?.to)}`);
        continue;
      }
      if (to < from) {
        add(`${label}: ends (${h.to}) before it starts (${h.from})`);
        continue;
      }
      if (to - from + 1 > MAX_HOLIDAY_BLOCK_DAYS) {
        add(`${label}: ${to - from + 1} days long, more than ${MAX_HOLIDAY_BLOCK_DAYS}`);
        continue;
      }
      for (let n = from; n <= to; n++) {
        if (!withinReach(n, year)) {
          add(`${label}: ${fromDayNumber(n)} is outside ${year} (only 12-${PRIOR_YEAR_REACH_FROM_DAY}…12-31 of ${year - 1} may be included)`);
          break;
        }
        off.set(n, year);
      }
    }

    const seenWork = new Set<number>();
    for (const w of s.workdays) {
      const n = dayNumberOrUndefined(w);
      if (n === undefined) {
        add(`make-up working day must be a date written YYYY-MM-DD, got ${String(w)}`);
        continue;
      }
      if (seenWork.has(n)) add(`make-up working day ${w} listed twice`);
      seenWork.add(n);
      if (!isWeekendDayNumber(n)) add(`make-up working day ${w} is not a Saturday or Sunday`);
      if (!withinReach(n, year)) {
        add(`make-up working day ${w} is outside ${year} (only 12-${PRIOR_YEAR_REACH_FROM_DAY}…12-31 of ${year - 1} may be included)`);
      }
      work.set(n, year);
    }
  }

  for (const [n, workYear] of work) {
    const offYear = off.get(n);
    if (offYear !== undefined) {
      const where = offYear === workYear ? '' : ` (day off in the ${offYear} schedule)`;
      problems.push({ year: workYear, message: `${fromDayNumber(n)} is both a day off and a make-up working day${where}` });
    }
  }
  return problems;
}

function buildIndex(cal: CalendarData): CalendarIndex {
  const problems = validateSchedules(cal.values());
  for (const [key, s] of cal) {
    if (key !== s?.year) problems.push({ year: key, message: `schedule for ${String(s?.year)} stored under key ${key}` });
  }
  if (problems.length > 0) throw new CalendarDataError(problems);
  const off = new Map<number, { name: string; year: number }>();
  const work = new Map<number, number>();
  for (const s of cal.values()) {
    for (const h of s.holidays) {
      const to = toDayNumber(h.to);
      for (let n = toDayNumber(h.from); n <= to; n++) {
        if (!off.has(n)) off.set(n, { name: h.name, year: s.year });
      }
    }
    for (const w of s.workdays) work.set(toDayNumber(w), s.year);
  }
  return { off, work };
}

function indexOf(cal: CalendarData): CalendarIndex {
  let index = indexes.get(cal);
  if (!index) {
    index = buildIndex(cal);
    indexes.set(cal, index);
  }
  return index;
}

/**
 * Check `schedules` and key them by year. Throws `CalendarDataError` listing
 * every problem (see `validateSchedules`). The result is read-only; build a new
 * one when the data changes.
 */
export function createCalendar(schedules: Iterable<YearSchedule>): CalendarData {
  const list = [...schedules];
  const problems = validateSchedules(list);
  if (problems.length > 0) throw new CalendarDataError(problems);
  const cal: CalendarData = new Map(list.map((s) => [s.year, s] as const));
  indexes.set(cal, buildIndex(cal));
  return cal;
}

// ---------------------------------------------------------------- single days

function isWorkingDayNumber(n: number, index: CalendarIndex): boolean {
  if (index.work.has(n)) return true;
  if (index.off.has(n)) return false;
  return !isWeekendDayNumber(n);
}

/** Whether `date` is a working day (工作日) under `cal`. */
export function isWorkingDay(date: PlainDate, cal: CalendarData): boolean {
  return isWorkingDayNumber(toDayNumber(date, 'date'), indexOf(cal));
}

/** What kind of day `date` is, with the holiday name where there is one. */
export function describeDay(date: PlainDate, cal: CalendarData): DayInfo {
  const n = toDayNumber(date, 'date');
  const index = indexOf(cal);
  const workYear = index.work.get(n);
  if (workYear !== undefined) return { date, kind: 'makeup-workday', working: true, scheduleYear: workYear };
  const holiday = index.off.get(n);
  if (holiday) return { date, kind: 'holiday', working: false, holiday: holiday.name, scheduleYear: holiday.year };
  return isWeekendDayNumber(n) ? { date, kind: 'weekend', working: false } : { date, kind: 'workday', working: true };
}

// ---------------------------------------------------------------- arithmetic

function checkCount(n: unknown, arg: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new CalendarInputError('INVALID_DAY_COUNT', { arg, value: String(n) });
  }
  if (Math.abs(n) > MAX_WORKING_DAYS) {
    throw new CalendarInputError('DAY_COUNT_TOO_LARGE', { arg, value: n, max: MAX_WORKING_DAYS });
  }
  return n;
}

/** Step from day number `start` in direction `step` (±1) until a working day; returns it. */
function seekWorking(start: number, step: 1 | -1, index: CalendarIndex): number {
  let d = start;
  for (;;) {
    if (d < MIN_DAY_NUMBER || d > MAX_DAY_NUMBER) {
      throw new CalendarInputError('RESULT_OUT_OF_RANGE', { min: MIN_PLAIN_DATE, max: MAX_PLAIN_DATE });
    }
    if (isWorkingDayNumber(d, index)) return d;
    d += step;
  }
}

/** The |n|-th working day strictly after (step 1) or before (step -1) day number `start`. */
function stepWorking(start: number, count: number, step: 1 | -1, index: CalendarIndex): number {
  let d = start;
  for (let i = 0; i < count; i++) d = seekWorking(d + step, step, index);
  return d;
}

/**
 * The due date of a time limit of `n` working days starting on `from`.
 *
 * - n ≥ 1: the n-th working day after `from` (`from` itself is not counted,
 *   whether or not it is a working day). The deadline is the end of that day.
 * - n = 0: `from` if it is a working day, else the next working day — "on the
 *   day, or the first working day after" (e.g. a same-day time limit that
 *   starts on a holiday).
 * - n < 0: same as `subtractWorkingDays(from, -n, cal)`.
 *
 * Throws `CalendarInputError` for a bad date, a non-integer n or |n| > MAX_WORKING_DAYS.
 */
export function addWorkingDays(from: PlainDate, n: number, cal: CalendarData): PlainDate {
  const start = toDayNumber(from, 'from');
  const count = checkCount(n, 'n');
  const index = indexOf(cal);
  if (count < 0) return fromDayNumber(stepWorking(start, -count, -1, index));
  if (count === 0) return fromDayNumber(seekWorking(start, 1, index));
  return fromDayNumber(stepWorking(start, count, 1, index));
}

/**
 * The mirror of `addWorkingDays`: for n ≥ 1 the n-th working day before `date`
 * (`date` itself not counted), e.g. "no later than 5 working days before the
 * hearing". n = 0 gives `date` if it is a working day, else the previous
 * working day; n < 0 is `addWorkingDays(date, -n, cal)`.
 *
 * For a working day D and n ≥ 0: `addWorkingDays(subtractWorkingDays(D, n), n) === D`.
 */
export function subtractWorkingDays(date: PlainDate, n: number, cal: CalendarData): PlainDate {
  const start = toDayNumber(date, 'date');
  const count = checkCount(n, 'n');
  const index = indexOf(cal);
  if (count < 0) return fromDayNumber(stepWorking(start, -count, 1, index));
  if (count === 0) return fromDayNumber(seekWorking(start, -1, index));
  return fromDayNumber(stepWorking(start, count, -1, index));
}

/**
 * Working days in (from, to]: `from` excluded, `to` included — the number of
 * working days of a time limit that started on `from` used up by the end of
 * `to`. Negative when `to` is before `from` (then −count(to, from)), so the
 * count is additive: count(a, b) + count(b, c) === count(a, c).
 */
export function countWorkingDays(from: PlainDate, to: PlainDate, cal: CalendarData): number {
  const a = toDayNumber(from, 'from');
  const b = toDayNumber(to, 'to');
  const index = indexOf(cal);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (isWorkingDayNumber(d, index)) count++;
  return b >= a ? count : 0 - count; // never -0
}

/**
 * Years whose schedule is needed for the dates from `range.from` to `range.to`
 * (both included, either order) but not loaded in `cal`, ascending. Dates of
 * those years were counted on weekends alone: warn the user that the result
 * may change once the State Council's notice is published and loaded.
 *
 * A range reaching 12-24…12-31 of year Y also needs Y+1's schedule, since the
 * next notice may move days at the end of December (元旦).
 */
export function missingYears(range: { readonly from: PlainDate; readonly to: PlainDate }, cal: CalendarData): number[] {
  const a = toDayNumber(range.from, 'range.from');
  const b = toDayNumber(range.to, 'range.to');
  const first = fromDayNumber(Math.min(a, b));
  const last = fromDayNumber(Math.max(a, b));
  const firstYear = Number(first.slice(0, 4));
  let lastYear = Number(last.slice(0, 4));
  if (last.slice(5, 7) === '12' && Number(last.slice(8, 10)) >= PRIOR_YEAR_REACH_FROM_DAY) lastYear += 1;
  const missing: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) if (!cal.has(y)) missing.push(y);
  return missing;
}
