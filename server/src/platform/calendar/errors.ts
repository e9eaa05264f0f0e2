import { AppError } from '../http/errors.ts';
import type { Message } from '../i18n/i18n.ts';

/** Why a calendar input was refused. */
export type CalendarInputReason =
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_DAY_COUNT'
  | 'DAY_COUNT_TOO_LARGE'
  | 'RESULT_OUT_OF_RANGE';

const INPUT_MESSAGES: Record<CalendarInputReason, Message> = {
  INVALID_DATE: {
    'zh-CN': '{arg} 不是有效日期：{value}（应为 YYYY-MM-DD 格式的真实日期）',
    'en-US': '{arg} is not a valid date: {value} (expected a real calendar date written YYYY-MM-DD)',
  },
  DATE_OUT_OF_RANGE: {
    'zh-CN': '{arg} 超出支持的日期范围：{value}（支持 {min} 至 {max}）',
    'en-US': '{arg} is outside the supported dates: {value} (supported: {min} to {max})',
  },
  INVALID_DAY_COUNT: {
    'zh-CN': '{arg} 必须是整数：{value}',
    'en-US': '{arg} must be an integer: {value}',
  },
  DAY_COUNT_TOO_LARGE: {
    'zh-CN': '{arg} 超出上限：{value}（最多 {max} 个工作日）',
    'en-US': '{arg} is too large: {value} (at most {max} working days)',
  },
  RESULT_OUT_OF_RANGE: {
    'zh-CN': '计算结果超出支持的日期范围（{min} 至 {max}）',
    'en-US': 'The result falls outside the supported dates ({min} to {max})',
  },
};

/**
 * A caller passed a bad date string or day count. HTTP status 400, code
 * `CALENDAR_INPUT_INVALID`; `reason` tells which check failed.
 */
export class CalendarInputError extends AppError {
  readonly reason: CalendarInputReason;
  constructor(reason: CalendarInputReason, params: Record<string, unknown> = {}) {
    super('CALENDAR_INPUT_INVALID', 400, INPUT_MESSAGES[reason], params);
    this.name = 'CalendarInputError';
    this.reason = reason;
  }
}

/** One defect found in holiday schedules (admin-edited data). */
export interface CalendarProblem {
  /** Schedule year the problem belongs to (NaN when the year itself is bad). */
  readonly year: number;
  readonly message: string;
}

/**
 * Holiday schedules are inconsistent or malformed (a make-up working day on a
 * weekday, a date that is both off and worked, a bad date string, …). HTTP
 * status 422, code `CALENDAR_DATA_INVALID`; `problems` lists every defect.
 */
export class CalendarDataError extends AppError {
  readonly problems: readonly CalendarProblem[];
  constructor(problems: readonly CalendarProblem[]) {
    const summary = problems.map((p) => (Number.isNaN(p.year) ? p.message : `${p.year}: ${p.message}`)).join('; ');
    super(
      'CALENDAR_DATA_INVALID',
      422,
      {
        'zh-CN': '节假日安排数据有误：{summary}',
        'en-US': 'The holiday schedule data is invalid: {summary}',
      },
      { summary, count: problems.length },
    );
    this.name = 'CalendarDataError';
    this.problems = problems;
  }
}
