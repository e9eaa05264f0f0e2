/**
 * Plain calendar dates ('YYYY-MM-DD', a day in Asia/Shanghai) and the tiny
 * arithmetic the working-day calendar needs.
 *
 * Internally a date is a day number: whole days since 1970-01-01, computed on
 * UTC midnight so that no time zone or daylight-saving rule can shift a day.
 */
import { CalendarInputError } from './errors.ts';
import type { PlainDate } from './types.ts';

/** First and last date the calendar accepts. */
export const MIN_PLAIN_DATE: PlainDate = '1900-01-01';
export const MAX_PLAIN_DATE: PlainDate = '2199-12-31';

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number of a well-formed, real date; undefined if `value` is not one. */
function parse(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC maps years 0–99 to 1900–1999; such years are out of range anyway.
  return year < 100 ? undefined : ms / MS_PER_DAY;
}

export const MIN_DAY_NUMBER = parse(MIN_PLAIN_DATE)!;
export const MAX_DAY_NUMBER = parse(MAX_PLAIN_DATE)!;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date object (pass a YYYY-MM-DD string)';
  return typeof value;
}

/** True when `value` is a real date written 'YYYY-MM-DD' within the supported range. */
export function isPlainDate(value: unknown): value is PlainDate {
  const n = parse(value);
  return n !== undefined && n >= MIN_DAY_NUMBER && n <= MAX_DAY_NUMBER;
}

/**
 * Day number of `value`, or a `CalendarInputError` naming `arg` if it is not a
 * supported plain date.
 */
export function toDayNumber(value: unknown, arg = 'date'): number {
  const n = parse(value);
  if (n === undefined) throw new CalendarInputError('INVALID_DATE', { arg, value: describe(value) });
  if (n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) {
    throw new CalendarInputError('DATE_OUT_OF_RANGE', {
      arg,
      value: describe(value),
      min: MIN_PLAIN_DATE,
      max: MAX_PLAIN_DATE,
    });
  }
  return n;
}

/** The plain date of a day number; throws if it lies outside the supported range. */
export function fromDayNumber(n: number): PlainDate {
  if (!Number.isSafeInteger(n) || n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) {
    throw new CalendarInputError('RESULT_OUT_OF_RANGE', { min: MIN_PLAIN_DATE, max: MAX_PLAIN_DATE });
  }
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfDayNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function isWeekendDayNumber(n: number): boolean {
  return isoWeekdayOfDayNumber(n) >= 6;
}

/** Throws `CalendarInputError` unless `value` is a supported plain date. */
export function assertPlainDate(value: unknown, arg = 'date'): asserts value is PlainDate {
  toDayNumber(value, arg);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: PlainDate, days: number): PlainDate {
  const n = toDayNumber(date, 'date');
  if (!Number.isSafeInteger(days)) throw new CalendarInputError('INVALID_DAY_COUNT', { arg: 'days', value: String(days) });
  return fromDayNumber(n + days);
}

/** Calendar days from `from` to `to` (`to - from`; negative when `to` is earlier). */
export function diffCalendarDays(from: PlainDate, to: PlainDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function comparePlainDates(a: PlainDate, b: PlainDate): -1 | 0 | 1 {
  const d = toDayNumber(a, 'a') - toDayNumber(b, 'b');
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: PlainDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(date));
}

/** Saturday or Sunday. */
export function isWeekend(date: PlainDate): boolean {
  return isWeekendDayNumber(toDayNumber(date));
}

/** The calendar year of a plain date. */
export function yearOf(date: PlainDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The last answer and the instants [from, to) it holds for. */
let today = { date: '', from: 0, to: 0 };

/**
 * Today's date in Asia/Shanghai (UTC+8 all year; China has no daylight saving
 * since 1991). `now` is injectable for tests.
 */
export function todayInShanghai(now: Date = new Date()): PlainDate {
  const t = now.getTime();
  if (t >= today.from && t < today.to) return today.date; // hot paths ask several times per request
  const shifted = t + SHANGHAI_OFFSET_MS;
  const date = new Date(shifted).toISOString().slice(0, 10);
  const from = Math.floor(shifted / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  today = { date, from, to: from + DAY_MS };
  return date;
}
