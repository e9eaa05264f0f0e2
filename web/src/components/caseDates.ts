import type { CaseDetail } from '../api/types.ts';

/** States in which a case is still being handled (by the government or, for supplements, the applicant). */
export function isOpenCase(state: string): boolean {
  return state === 'submitted' || state === 'supplement_requested' || state === 'accepted' || state === 'decided';
}

/**
 * When a closed or declined case ended: the server's `closedAt`; else (older servers) the decision's time for a
 * closed case, the step that declined it, or the last step.
 */
export function endedAt(c: Pick<CaseDetail, 'state' | 'decision' | 'timeline' | 'closedAt'>): string | undefined {
  if (isOpenCase(c.state)) return undefined;
  if (c.closedAt) return c.closedAt;
  if (c.state === 'closed' && c.decision?.decidedAt) return c.decision.decidedAt;
  const steps = c.timeline;
  const decline = [...steps].reverse().find((e) => e.action === 'decline');
  return decline?.at ?? steps[steps.length - 1]?.at;
}
