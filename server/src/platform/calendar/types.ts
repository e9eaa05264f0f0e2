/**
 * Shapes of the working-day calendar (工作日历).
 *
 * A calendar date is always a plain `'YYYY-MM-DD'` string meaning that day in
 * Asia/Shanghai. No `Date` object with hours ever crosses this module's API.
 */

/** A plain calendar date, `'YYYY-MM-DD'` (Asia/Shanghai wall-calendar day). */
export type PlainDate = string;

/** One block of days off announced by a notice, both ends inclusive. */
export interface HolidayRange {
  /** Name as the notice gives it: '元旦', '春节', '国庆节、中秋节', … */
  readonly name: string;
  readonly from: PlainDate;
  readonly to: PlainDate;
  /**
   * The document this block comes from when it is not the schedule's main
   * notice (a later amendment or a separate State Council notice).
   */
  readonly source?: string;
}

/**
 * The arrangement for one year, as published by the General Office of the
 * State Council (国务院办公厅关于XXXX年部分节假日安排的通知).
 *
 * `holidays` lists whole blocks off (weekend days inside a block may be listed,
 * they are off anyway); `workdays` lists the weekend days that are working
 * days (调休上班). Either list may hold dates of the previous December (元旦
 * arrangements: the notice for 2008 works Saturday 2007-12-29, for example).
 */
export interface YearSchedule {
  readonly year: number;
  /** Document number of the notice, e.g. '国办发明电〔2025〕7号'. */
  readonly source: string;
  readonly holidays: readonly HolidayRange[];
  readonly workdays: readonly PlainDate[];
  /** Free text for people: amendments, oddities of the notice. */
  readonly notes?: string;
}

/** What kind of day a date is under a calendar. */
export type DayKind =
  /** Monday–Friday, no notice says otherwise. */
  | 'workday'
  /** A Saturday or Sunday made a working day by a notice (调休上班). */
  | 'makeup-workday'
  /** A day off inside a notice's holiday block (weekday or weekend). */
  | 'holiday'
  /** A Saturday or Sunday no notice touches. */
  | 'weekend';

export interface DayInfo {
  readonly date: PlainDate;
  readonly kind: DayKind;
  readonly working: boolean;
  /** Holiday name for kind 'holiday'. */
  readonly holiday?: string;
  /** Year of the schedule that decided a 'holiday' or 'makeup-workday'. */
  readonly scheduleYear?: number;
}
