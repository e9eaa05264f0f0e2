/**
 * Citizen identity number (公民身份号码).
 *
 * Standard: GB 11643-1999 公民身份号码. 18 characters:
 *   1–6   address code: the GB/T 2260 code of the county of permanent residence at first registration
 *   7–14  date of birth YYYYMMDD
 *   15–17 sequence code; odd for men, even for women
 *   18    check character by ISO 7064 MOD 11-2 (GB/T 17710): S = Σ aᵢ·Wᵢ over the first 17 digits with
 *         Wᵢ = 2^(17−i) mod 11 (i = 0 for the leftmost digit), check = "10X98765432"[S mod 11].
 *
 * MOD 11-2 catches every single-character substitution and every adjacent transposition. Validation is strict:
 * the check character must be an upper-case X (use `normalizeResidentId` on user input first).
 */

import { PROVINCE_PREFIXES } from './region.ts';

export type Sex = 'male' | 'female';

export type ResidentIdFailure = 'length' | 'format' | 'region' | 'birthdate' | 'check';

export type ResidentIdResult =
  | { ok: true; regionCode: string; birthDate: string /* YYYY-MM-DD */; sex: Sex }
  | { ok: false; reason: ResidentIdFailure };

/** Weights 2^(17−i) mod 11 for i = 0..16: 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. */
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const CHECK_CHARS = '10X98765432';
const PROVINCES = new Set(PROVINCE_PREFIXES);
/** Earliest accepted date of birth. */
const EARLIEST_BIRTH = '19000101';

/** Check character for the first 17 digits. Throws RangeError if `first17` is not 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Trim, drop inner spaces and upper-case a trailing x, for user input. */
export function normalizeResidentId(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** Today's date as YYYYMMDD in China Standard Time (UTC+8, no daylight saving). */
function todayInChina(now: Date): string {
  const d = new Date(now.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** True when YYYYMMDD is a real calendar date (Gregorian, with leap years). */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/**
 * Validate an 18-character identity number. `now` (default: the current time) bounds the date of birth: it may not
 * lie after today in China, nor before 1900-01-01. Failures are checked in the order length, format, region,
 * birthdate, check.
 */
export function validateResidentId(s: string, options: { now?: Date } = {}): ResidentIdResult {
  if (s.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: 'format' };
  const regionCode = s.slice(0, 6);
  if (!PROVINCES.has(regionCode.slice(0, 2))) return { ok: false, reason: 'region' };
  const birth = s.slice(6, 14);
  const today = todayInChina(options.now ?? new Date());
  if (!isCalendarDate(birth) || birth < EARLIEST_BIRTH || birth > today) return { ok: false, reason: 'birthdate' };
  if (residentIdCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, reason: 'check' };
  const sex: Sex = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  return {
    ok: true,
    regionCode,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex,
  };
}

/** True when `s` is a valid identity number. */
export function isValidResidentId(s: string, options: { now?: Date } = {}): boolean {
  return validateResidentId(s, options).ok;
}

/**
 * Mask for display and logs: keep the 6-digit address code and the last 4 characters (sequence and check), hide the
 * date of birth — `321202********123X`. Strings that are not 18 characters long are masked entirely except for
 * their first and last character.
 */
export function maskResidentId(s: string): string {
  if (s.length === 18) return `${s.slice(0, 6)}********${s.slice(14)}`;
  if (s.length <= 2) return '*'.repeat(s.length);
  return `${s[0]}${'*'.repeat(s.length - 2)}${s[s.length - 1]}`;
}

/**
 * Build a valid identity number from a 6-digit address code, a birth date 'YYYYMMDD' and a 3-digit sequence code
 * (odd = male, even = female). Throws RangeError on malformed parts or an impossible date.
 */
export function makeResidentId(region: string, birth: string, seq3: string): string {
  if (!/^\d{6}$/.test(region) || !PROVINCES.has(region.slice(0, 2))) throw new RangeError(`bad region code ${region}`);
  if (!isCalendarDate(birth) || birth < EARLIEST_BIRTH) throw new RangeError(`bad birth date ${birth}`);
  if (!/^\d{3}$/.test(seq3)) throw new RangeError(`bad sequence code ${seq3}`);
  const first17 = `${region}${birth}${seq3}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}
