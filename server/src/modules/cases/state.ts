/**
 * The case lifecycle as one typed table: which action moves a case from which states to which state, who may
 * take it (permission) and for whom (the applicant or staff). The current state is the projection of the
 * append-only action log (case_action), kept on the case row in the same transaction.
 *
 *   submitted ──accept──▶ accepted ──decide──▶ decided ──deliver──▶ closed
 *       │  ▲                 │ ▲ suspend/resume (special procedures stop the clock), extend
 *       │  └──supplement──┐  │
 *       ├─request_supplement─▶ supplement_requested
 *       ├──decline──▶ declined
 *       ├──decide_on_spot (即办件) ──▶ decided
 *       └──deem_accept (system, 行政许可法 art. 32) ──▶ accepted
 *
 *   accepted ──review (one per review step but the last; review-steps.ts)──▶ accepted … ──decide (last step)
 *   告知承诺制 (commitment.ts): accept grants at once and opens a verification task;
 *   decided/closed ──verify (confirmed: state kept; false commitment: grant revoked)──▶ revoked
 */
import type { Permission } from '../../platform/auth/permissions.ts';

export const CASE_STATES = ['submitted', 'supplement_requested', 'accepted', 'decided', 'declined', 'closed', 'revoked'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, { 'zh-CN': string; 'en-US': string }> = {
  submitted: { 'zh-CN': '已提交，待受理', 'en-US': 'Submitted, awaiting acceptance' },
  supplement_requested: { 'zh-CN': '待补正材料', 'en-US': 'Awaiting supplements' },
  accepted: { 'zh-CN': '已受理，审查中', 'en-US': 'Accepted, under review' },
  decided: { 'zh-CN': '已决定，待送达', 'en-US': 'Decided, awaiting delivery' },
  declined: { 'zh-CN': '不予受理', 'en-US': 'Declined' },
  closed: { 'zh-CN': '已办结', 'en-US': 'Closed' },
  revoked: { 'zh-CN': '许可已撤销', 'en-US': 'Grant revoked' },
};

export type Decision = {
  result: 'grant' | 'refuse';
  reason?: string;
  decidedAt: string;
  /** 告知承诺: granted on the applicant's signed commitment. */
  basis?: string;
  /** A false commitment found at verification revokes the grant. */
  verifiedAt?: string;
  revokedAt?: string;
  revokeReason?: string;
};
export type DeliveryMethod = 'electronic' | 'pickup' | 'express';

type ActionSpec = { from: readonly CaseState[]; to: CaseState; permission: Permission; by: 'applicant' | 'staff' | 'system' };

export const CASE_ACTIONS = {
  submit: { from: [], to: 'submitted', permission: 'case:apply', by: 'applicant' },
  request_supplement: { from: ['submitted'], to: 'supplement_requested', permission: 'case:accept', by: 'staff' },
  supplement: { from: ['supplement_requested'], to: 'submitted', permission: 'case:apply', by: 'applicant' },
  accept: { from: ['submitted'], to: 'accepted', permission: 'case:accept', by: 'staff' },
  decline: { from: ['submitted'], to: 'declined', permission: 'case:accept', by: 'staff' },
  decide_on_spot: { from: ['submitted'], to: 'decided', permission: 'case:accept', by: 'staff' },
  deem_accept: { from: ['submitted'], to: 'accepted', permission: 'case:accept', by: 'system' },
  suspend: { from: ['accepted'], to: 'accepted', permission: 'case:decide', by: 'staff' },
  resume: { from: ['accepted'], to: 'accepted', permission: 'case:decide', by: 'staff' },
  extend: { from: ['accepted'], to: 'accepted', permission: 'case:extend', by: 'staff' },
  review: { from: ['accepted'], to: 'accepted', permission: 'case:read', by: 'staff' },
  decide: { from: ['accepted'], to: 'decided', permission: 'case:decide', by: 'staff' },
  deliver: { from: ['decided'], to: 'closed', permission: 'case:accept', by: 'staff' },
  // `to` is where a false commitment leads; a confirmed commitment leaves the state as it was (commitment.ts).
  verify: { from: ['decided', 'closed'], to: 'revoked', permission: 'case:decide', by: 'staff' },
} as const satisfies Record<string, ActionSpec>;

export type CaseAction = keyof typeof CASE_ACTIONS;
/** Actions taken through POST /cases/{id}/actions (submit is POST /cases; deem_accept is the system's). */
export const ACTIONS_VIA_API = ['request_supplement', 'supplement', 'accept', 'decline', 'decide_on_spot', 'suspend', 'resume', 'extend', 'review', 'decide', 'deliver', 'verify'] as const satisfies readonly CaseAction[];
export type ApiAction = (typeof ACTIONS_VIA_API)[number];

export const ACTION_LABELS: Record<CaseAction | 'decide.grant' | 'decide.refuse' | 'verify.confirmed' | 'verify.false_commitment', { 'zh-CN': string; 'en-US': string }> = {
  submit: { 'zh-CN': '提交申请', 'en-US': 'Application submitted' },
  request_supplement: { 'zh-CN': '一次性告知补正', 'en-US': 'Supplements requested (one-time notice)' },
  supplement: { 'zh-CN': '补正材料', 'en-US': 'Supplements provided' },
  accept: { 'zh-CN': '受理', 'en-US': 'Accepted' },
  decline: { 'zh-CN': '不予受理', 'en-US': 'Declined' },
  decide_on_spot: { 'zh-CN': '即办件当场办结', 'en-US': 'Decided on the spot' },
  deem_accept: { 'zh-CN': '逾期未告知，视为受理', 'en-US': 'Deemed accepted (no notice within 5 working days)' },
  suspend: { 'zh-CN': '进入特别程序（暂停计时）', 'en-US': 'Special procedure started (clock stopped)' },
  resume: { 'zh-CN': '特别程序结束（恢复计时）', 'en-US': 'Special procedure ended (clock resumed)' },
  extend: { 'zh-CN': '批准延长办理期限', 'en-US': 'Time limit extended' },
  decide: { 'zh-CN': '作出决定', 'en-US': 'Decision made' },
  'decide.grant': { 'zh-CN': '准予许可', 'en-US': 'Granted' },
  'decide.refuse': { 'zh-CN': '不予许可', 'en-US': 'Refused' },
  deliver: { 'zh-CN': '送达结果，办结', 'en-US': 'Result delivered, closed' },
  review: { 'zh-CN': '完成审查环节', 'en-US': 'Review step done' },
  verify: { 'zh-CN': '核查承诺', 'en-US': 'Commitment verified' },
  'verify.confirmed': { 'zh-CN': '核查：承诺属实', 'en-US': 'Verified: commitment true' },
  'verify.false_commitment': { 'zh-CN': '核查：承诺不实，撤销许可', 'en-US': 'Verified: false commitment, grant revoked' },
};

export function canTransition(action: CaseAction, from: CaseState): boolean {
  return (CASE_ACTIONS[action].from as readonly CaseState[]).includes(from);
}

export function nextState(action: CaseAction): CaseState {
  return CASE_ACTIONS[action].to;
}

/** States in which the case is still with the government or the applicant (has a light). */
export const OPEN_STATES: readonly CaseState[] = ['submitted', 'supplement_requested', 'accepted', 'decided'];
