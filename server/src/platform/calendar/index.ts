/**
 * Working-day calendar (工作日历): the State Council's holiday schedules and
 * working-day arithmetic for statutory time limits. Pure, no database: the
 * `work_calendar` table is loaded elsewhere and passed in as a `CalendarData`
 * built with `createCalendar`.
 */
import { BUILTIN_SCHEDULES } from './holidays.ts';
import { createCalendar, type CalendarData } from './working-days.ts';

export type { DayInfo, DayKind, HolidayRange, PlainDate, YearSchedule } from './types.ts';
export {
  CalendarDataError,
  CalendarInputError,
  type CalendarInputReason,
  type CalendarProblem,
} from './errors.ts';
export {
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
} from './plain-date.ts';
export {
  MAX_HOLIDAY_BLOCK_DAYS,
  MAX_WORKING_DAYS,
  PRIOR_YEAR_REACH_FROM_DAY,
  addWorkingDays,
  countWorkingDays,
  createCalendar,
  describeDay,
  isWorkingDay,
  missingYears,
  subtractWorkingDays,
  validateSchedules,
  type CalendarData,
} from './working-days.ts';
export { BUILTIN_FIRST_YEAR, BUILTIN_LAST_YEAR, BUILTIN_SCHEDULES } from './holidays.ts';

/** A calendar of the built-in schedules (2004–2026), for tests and as a fallback before the table is loaded. */
export const BUILTIN_CALENDAR: CalendarData = createCalendar(BUILTIN_SCHEDULES);

export { createCalendarStore, ensureBuiltinSchedules, calendarWarnings, type CalendarStore } from './store.ts';
export { calendarRoutes } from './routes.ts';
export { deadline, slaLight, type Deadline, type SlaLight } from './sla.ts';
