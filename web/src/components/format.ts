import i18n from 'i18next';

const tz = 'Asia/Shanghai';
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

function locale(): string {
  return i18n.language === 'en-US' ? 'en-CA' : 'zh-CN';
}

/** 2025-03-04 14:05, shown in China time whatever the device's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** 2025-03-04; a date-only value (a due date) is shown as is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (dateOnly.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Money is kept in integer fen. */
export function formatFen(fen: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A mainland mobile number as the server checks it (identity's isMainlandMobile: 1, then 3–9, 11 digits). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** A password as the server accepts it (identity's isAcceptablePassword: 8–128 characters with letters and digits). */
export const ACCEPTABLE_PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;

/** The shape of an 18-character resident ID (GB 11643); the server checks the check character. */
export const RESIDENT_ID_SHAPE = /^\d{17}[\dXx]$/;
