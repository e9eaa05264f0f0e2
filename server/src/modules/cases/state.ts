/**
 * The case lifecycle as one typed table: which action moves a case from which states to which state, and what
 * the actor needs. The current state is the projection of the append-only action log (case_action).
 * This slice: submit → accept (or decline) → decide (grant or refuse) → closed. Later steps
 * (pre-review, supplements, review steps, delivery) extend this table.
 */
import type { Permission } from '../../platform/auth/permissions.ts';

export const CASE_STATES = ['submitted', 'accepted', 'declined', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, { 'zh-CN': string; 'en-US': string }> = {
  submitted: { 'zh-CN': '已提交，待受理', 'en-US': 'Submitted, awaiting acceptance' },
  accepted: { 'zh-CN': '已受理，审查中', 'en-US': 'Accepted, under review' },
  declined: { 'zh-CN': '不予受理', 'en-US': 'Declined' },
  closed: { 'zh-CN': '已办结', 'en-US': 'Closed' },
};

export type Decision = { result: 'grant' | 'refuse'; reason?: string; decidedAt: string };

export const CASE_ACTIONS = {
  submit: { from: [] as CaseState[], to: 'submitted', permission: 'case:apply' },
  accept: { from: ['submitted'], to: 'accepted', permission: 'case:accept' },
  decline: { from: ['submitted'], to: 'declined', permission: 'case:accept' },
  decide: { from: ['accepted'], to: 'closed', permission: 'case:decide' },
} as const satisfies Record<string, { from: readonly CaseState[]; to: CaseState; permission: Permission }>;

export type CaseAction = keyof typeof CASE_ACTIONS;
/** Actions staff take through POST /cases/{id}/actions (submit is POST /cases). */
export const STAFF_ACTIONS = ['accept', 'decline', 'decide'] as const satisfies readonly CaseAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const ACTION_LABELS: Record<CaseAction | 'decide.grant' | 'decide.refuse', { 'zh-CN': string; 'en-US': string }> = {
  submit: { 'zh-CN': '提交申请', 'en-US': 'Application submitted' },
  accept: { 'zh-CN': '受理', 'en-US': 'Accepted' },
  decline: { 'zh-CN': '不予受理', 'en-US': 'Declined' },
  decide: { 'zh-CN': '作出决定', 'en-US': 'Decision made' },
  'decide.grant': { 'zh-CN': '准予许可，办结', 'en-US': 'Granted, closed' },
  'decide.refuse': { 'zh-CN': '不予许可，办结', 'en-US': 'Refused, closed' },
};

export function canTransition(action: CaseAction, from: CaseState): boolean {
  return (CASE_ACTIONS[action].from as readonly CaseState[]).includes(from);
}

export function nextState(action: CaseAction): CaseState {
  return CASE_ACTIONS[action].to;
}

export const OPEN_STATES: readonly CaseState[] = ['submitted', 'accepted'];
