/**
 * Deadlines in working days and their lights (绿灯 / 黄灯 / 红灯), as cases (行政许可法 art. 82) and data-sharing
 * requests (seed 000 §(十) 23) show them. A limit of N working days runs from the day after `from`
 * (addWorkingDays: the law's convention that the starting day is not counted).
 */
import { addWorkingDays, type CalendarData } from './working-days.ts';

export type Deadline = { dueDate: string; warnDate: string };

/**
 * Due date of a limit of `days` working days starting after `from`, and the date from which it shows yellow:
 * when at most one working day, or at most a fifth of the limit, is left.
 */
export function deadline(from: string, days: number, cal: CalendarData): Deadline {
  const dueDate = addWorkingDays(from, days, cal);
  const warnAt = Math.max(1, Math.ceil(days / 5));
  const warnDate = days > warnAt ? addWorkingDays(from, days - warnAt, cal) : from;
  return { dueDate, warnDate };
}

export type SlaLight = 'green' | 'yellow' | 'red';

/** The deadline light of an open case on `today` (null for finished cases). */
export function slaLight(open: boolean, today: string, d: { dueDate: string | null; warnDate: string | null }): SlaLight | null {
  if (!open || !d.dueDate) return null;
  if (today > d.dueDate) return 'red';
  if (d.warnDate && today >= d.warnDate) return 'yellow';
  return 'green';
}

