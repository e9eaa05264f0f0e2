/**
 * Review steps (审查环节) per item: after acceptance a case goes through the item's `reviewSteps` in order, each
 * with its own due date from the calendar and done by its role; `review` (with an opinion) finishes a step and
 * starts the next; the last step ends with `decide`. Items without steps get one: 审查 by a reviewer with the
 * committed limit, so for them `decide` is open at once, as before.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import { addWorkingDays, type CalendarData } from '../../platform/calendar/index.ts';
import type { ItemDocument } from '../catalog/index.ts';
import type { ReviewProgress, ReviewStepState } from './tables.ts';

export const ROLE_LABELS: Record<ReviewStepState['role'], string> = { reviewer: '审查人员', window_clerk: '窗口人员', supervisor: '分管负责人' };

/** The item's steps, or the default single step. */
export function stepsOf(doc: Pick<ItemDocument, 'reviewSteps'> | undefined, committedDays: number): ReviewStepState[] {
  const steps = doc?.reviewSteps?.length ? doc.reviewSteps : [{ name: '审查', role: 'reviewer' as const, days: committedDays }];
  return steps.map((s) => ({ name: s.name, role: s.role, days: s.days }));
}

/** Progress at acceptance: the first step starts today. */
export function startReview(steps: ReviewStepState[], today: string, now: Date, cal: CalendarData): ReviewProgress {
  const [first, ...rest] = steps;
  return { steps: [{ ...first!, startedAt: now.toISOString(), dueDate: addWorkingDays(today, first!.days, cal) }, ...rest], current: 0 };
}

export function currentStep(r: ReviewProgress | null): ReviewStepState | undefined {
  return r ? r.steps[r.current] : undefined;
}

export function atLastStep(r: ReviewProgress | null): boolean {
  return !r || r.current >= r.steps.length - 1;
}

/** May this actor do the current step? (Cases from before review steps have none: any decider may.) */
export function actorHasStepRole(actor: Actor, r: ReviewProgress | null): boolean {
  const s = currentStep(r);
  return !s || actor.roles.includes(s.role as Role);
}

/**
 * The last step names the role that decides (e.g. 审批 by the 分管负责人, a supervisor): that role takes the decision
 * even without the deciders' permission (case:decide), within what it may read (its data scope, checked by loading
 * the case in scope, and the deciding side of a 通办 case, tongban.ts).
 */
export function decidesAsLastStep(actor: Actor, r: ReviewProgress | null): boolean {
  const s = currentStep(r);
  return !!s && r!.current >= 0 && atLastStep(r) && actor.subjectType === 'staff' && actor.permissions.has('case:read') && actor.roles.includes(s.role as Role);
}

/** Finish the current step with an opinion and start the next (never the last one's finish: that is `decide`). */
export function finishStep(r: ReviewProgress, by: string, opinion: string, today: string, now: Date, cal: CalendarData): { progress: ReviewProgress; done: ReviewStepState; next: ReviewStepState } {
  const steps = r.steps.map((s) => ({ ...s }));
  const done = Object.assign(steps[r.current]!, { doneAt: now.toISOString(), byName: by, opinion });
  const next = Object.assign(steps[r.current + 1]!, { startedAt: now.toISOString(), dueDate: addWorkingDays(today, steps[r.current + 1]!.days, cal) });
  return { progress: { steps, current: r.current + 1 }, done, next };
}

/** The last step, finished by the decision. */
export function finishLastStep(r: ReviewProgress | null, by: string, opinion: string | undefined, now: Date): ReviewProgress | null {
  if (!r) return null;
  const steps = r.steps.map((s, i) => (i === r.current ? { ...s, doneAt: now.toISOString(), byName: by, ...(opinion ? { opinion } : {}) } : s));
  return { steps, current: r.current };
}

/** The current step's due date moved by `days` working days (null when there is nothing to move). */
export function shiftCurrentStep(r: ReviewProgress, days: number, cal: CalendarData): ReviewProgress | null {
  const s = r.steps[r.current];
  if (!s?.dueDate || days <= 0) return null;
  return { ...r, steps: r.steps.map((x, i) => (i === r.current ? { ...x, dueDate: addWorkingDays(x.dueDate!, days, cal) } : x)) };
}
