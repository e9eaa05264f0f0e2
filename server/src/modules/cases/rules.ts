/**
 * Rules from law, in one place.
 *
 * 行政许可法 (Administrative Licensing Law):
 * - art. 32: an application with missing material must be told so at once or within 5 working days; otherwise
 *   it counts as accepted from the day it was received → the acceptance deadline is 5 working days.
 * - art. 38, 32(4)/(5): a decision to refuse or decline must state the reasons → a specific reason is required.
 * - art. 42: the decision is due within the time limit, counted from acceptance (here: the committed limit,
 *   which the item guarantees and which never exceeds the statutory one).
 * - art. 82: time limits are counted in working days, excluding statutory holidays (see platform/calendar).
 * Seed 001 (Fujian 2017 assessment): a decline must name the specific problem; "材料不齐全" alone is not a reason.
 */
import { addWorkingDays, countWorkingDays, type CalendarData } from '../../platform/calendar/index.ts';
import { isSpecificText } from '../../platform/text/specific.ts';

export const ACCEPTANCE_LIMIT_WORKING_DAYS = 5;

/** Phrases that do not tell the applicant what to fix; a reason made only of these is refused. */
export const GENERIC_REASON_PHRASES = ['材料不齐全', '材料不全', '材料有误', '材料不符合要求', '不符合条件', '不符合要求', '资料不全', '其他原因', '条件不符'];

/** Is the reason specific enough to tell the applicant what is wrong? (platform/text/specific.ts) */
export const isSpecificReason = (reason: string | undefined): boolean => isSpecificText(reason, GENERIC_REASON_PHRASES);

// The deadline and its light are the platform's (platform/calendar/sla.ts): data-sharing requests use them too.
export { deadline, slaLight, type Deadline, type SlaLight } from '../../platform/calendar/sla.ts';
import type { Deadline } from '../../platform/calendar/sla.ts';

/**
 * 行政许可法 art. 42: a decision is due within 20 working days; the head of the agency may extend it by 10.
 * Where several departments handle it jointly (art. 26), 45 working days, extendable by 15.
 */
export const EXTENSION_CAP_WORKING_DAYS = { single: 10, joint: 15 } as const;

export function extensionCap(joint: boolean): number {
  return joint ? EXTENSION_CAP_WORKING_DAYS.joint : EXTENSION_CAP_WORKING_DAYS.single;
}

/**
 * 行政许可法 art. 45: time spent on hearings, tendering, auctions, inspection, testing, quarantine, appraisal and
 * expert review does not count towards the limit; the applicant must be told in writing how long it takes.
 */
export const SPECIAL_PROCEDURES = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审', '现场核查'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

/** The due date once a stopped clock restarts: pushed back by the working days the procedure took. */
export function resumeDeadline(d: { dueDate: string; warnDate: string }, stoppedOn: string, resumedOn: string, cal: CalendarData): Deadline {
  const paused = Math.max(0, countWorkingDays(stoppedOn, resumedOn, cal));
  return { dueDate: addWorkingDays(d.dueDate, paused, cal), warnDate: addWorkingDays(d.warnDate, paused, cal) };
}
