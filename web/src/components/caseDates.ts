import type { CaseDetail } from '../api/types.ts';

/** States in which a case is still being handled, so its deadline matters. */
export function isOpenCase(state: string): boolean {
  return state === 'submitted' || state === 'accepted';
}

/**
 * When a closed or declined case ended: the decision's time for a closed case, else the time of the step that
 * declined it (else the last step).
 */
export function endedAt(c: Pick<CaseDetail, 'state' | 'decision' | 'timeline'>): string | undefined {
  if (isOpenCase(c.state)) return undefined;
  if (c.state === 'closed' && c.decision?.decidedAt) return c.decision.decidedAt;
  const steps = c.timeline;
  const decline = [...steps].reverse().find((e) => e.action === 'decline');
  return decline?.at ?? steps[steps.length - 1]?.at;
}
