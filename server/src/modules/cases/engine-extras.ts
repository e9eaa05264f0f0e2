/**
 * The case engine's later features, kept out of service.ts: review steps (review-steps.ts), 告知承诺制
 * (commitment.ts) and 通办 (tongban.ts). service.ts calls in at fixed points: planning an action, after the steps
 * are recorded, deciding which actions are open, and reading a case.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db, Trx } from '../../platform/db/db.ts';
import { countWorkingDays, todayInShanghai, type CalendarData } from '../../platform/calendar/index.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { CaseErrors } from './errors.ts';
import { checkVerify, closeVerificationInTrx, commitmentGrant, openVerificationInTrx, COMMITMENT_BASIS } from './commitment.ts';
import { ROLE_LABELS, actorHasStepRole, atLastStep, currentStep, finishLastStep, finishStep, shiftCurrentStep, startReview } from './review-steps.ts';
import { ACTION_LABELS, type CaseAction, type Decision } from './state.ts';
import type { ReviewProgress, SignedCommitment } from './tables.ts';
import { ACCEPTING_SIDE, HOME_SIDE, regionNames, sideAllows } from './tongban.ts';
import type { ActionInput, CaseRow, Step } from './service.ts';
import type { Selectable } from 'kysely';
import type { Database } from '../../database.ts';

type Row = NonNullable<CaseRow>;

export type CaseExtras = {
  /** Region of the deciding agency. */
  regionCode: string;
  regionName: string | null;
  /** 通办: where the case was filed and accepted (null: in the deciding region). */
  acceptRegionCode: string | null;
  acceptRegionName: string | null;
  /** 通办: the organisation that accepted the case, when another region's agency decides it. */
  acceptAgencyName: string | null;
  reviewSteps: Array<{ name: string; role: string; roleLabel: string; days: number; startedAt?: string; dueDate?: string; doneAt?: string; byName?: string; opinion?: string }>;
  /** Index of the step under way (-1 before acceptance). */
  currentStep: number;
  commitment: SignedCommitment | null;
  verification: { state: 'open' | 'confirmed' | 'false_commitment'; dueDate: string; verifiedAt: string | null; verifierName: string | null; note: string | null } | null;
};

/** The review progress a case starts at acceptance (null for cases filed before review steps existed). */
export function reviewStartPatch(c: Row, today: string, now: Date, cal: CalendarData): { review?: string } {
  if (!c.review || c.commitment) return {};
  return { review: JSON.stringify(startReview(c.review.steps, today, now, cal)) };
}

function started(r: ReviewProgress | null): ReviewProgress | null {
  return r && r.current >= 0 ? r : null;
}

/** Beyond the state table: which side of a 通办 case, whose step it is, whether a commitment awaits verification. */
export function extraAllows(action: CaseAction, c: Row, actor?: Actor): boolean {
  if (actor && !sideAllows(actor, c, action)) return false;
  const review = started(c.review);
  switch (action) {
    case 'review':
      return !!review && !atLastStep(review) && (!actor || actorHasStepRole(actor, review));
    case 'decide':
      // A case on commitment is granted at acceptance, a deemed one too (service.ts deemAcceptOverdue).
      return (!c.commitment || !c.decision) && atLastStep(review) && (!actor || actorHasStepRole(actor, review));
    case 'verify':
      return !!c.commitment && c.decision?.basis === COMMITMENT_BASIS && !c.decision.verifiedAt && !c.decision.revokedAt;
    default:
      return true;
  }
}

/** The clear refusals: the other side's step of a 通办 case, another role's review step. */
export function assertExtraAllowed(actor: Actor, c: Row, action: CaseAction, locale: Locale): void {
  if (!sideAllows(actor, c, action)) {
    const side = ACCEPTING_SIDE.includes(action) ? (locale === 'zh-CN' ? '受理地' : 'accepting side') : HOME_SIDE.includes(action) ? (locale === 'zh-CN' ? '审批地' : 'deciding side') : '';
    throw CaseErrors.WRONG_SIDE({ action: ACTION_LABELS[action][locale], side });
  }
  const review = started(c.review);
  if ((action === 'review' || action === 'decide') && c.state === 'accepted' && !actorHasStepRole(actor, review)) {
    const s = currentStep(review)!;
    throw CaseErrors.STEP_ROLE({ step: s.name, role: ROLE_LABELS[s.role] });
  }
}

type PlanCtx = {
  cal: CalendarData;
  now: Date;
  today: string;
  who: Step['actor'];
  payload: Record<string, unknown>;
  afterDecision: (decision: Decision, as?: CaseAction, payload?: Record<string, unknown>) => Step[];
};

/** Plan the actions (or the variants of them) this file owns; undefined to let service.ts plan it. */
export function planExtraAction(c: Row, input: ActionInput, _actor: Actor, ctx: PlanCtx): Step[] | undefined {
  switch (input.action) {
    case 'accept': {
      if (!c.commitment) return undefined;
      // 告知承诺制: acceptance grants at once on the signed commitment; verification follows (afterStepsInTrx).
      const accept: Step = {
        action: 'accept',
        to: 'accepted',
        patch: { accepted_at: ctx.now, due_date: null, warn_date: null, statutory_due_date: null, assignee_id: null },
        payload: { ...ctx.payload, basis: COMMITMENT_BASIS },
        actor: ctx.who,
      };
      return [accept, ...ctx.afterDecision(commitmentGrant(ctx.now), 'decide', { decision: 'grant', basis: COMMITMENT_BASIS })];
    }
    case 'review': {
      const opinion = (input.opinion ?? input.note ?? '').trim();
      if (opinion.length < 4) throw CaseErrors.OPINION_REQUIRED();
      const { progress, done, next } = finishStep(c.review!, ctx.who.name, opinion, ctx.today, ctx.now, ctx.cal);
      return [{ action: 'review', to: 'accepted', patch: { review: JSON.stringify(progress) }, payload: { step: done.name, note: opinion, nextStep: next.name, nextDueDate: next.dueDate }, actor: ctx.who }];
    }
    case 'verify': {
      const v = checkVerify({ outcome: input.outcome, reason: input.reason, note: input.opinion ?? input.note });
      const at = ctx.now.toISOString();
      if (v.outcome === 'confirmed') {
        const decision: Decision = { ...c.decision!, verifiedAt: at };
        return [{ action: 'verify', to: c.state, patch: { decision: JSON.stringify(decision) }, payload: { ...ctx.payload, outcome: v.outcome }, actor: ctx.who }];
      }
      // 行政许可法 art. 69: a grant obtained by a false statement is revoked.
      const decision: Decision = { ...c.decision!, verifiedAt: at, revokedAt: at, revokeReason: v.reason! };
      return [{ action: 'verify', to: 'revoked', patch: { decision: JSON.stringify(decision), closed_at: c.closed_at ?? ctx.now }, payload: { ...ctx.payload, outcome: v.outcome }, actor: ctx.who }];
    }
    default:
      return undefined;
  }
}

/** Work that goes with the recorded steps, in their transaction. */
export async function afterStepsInTrx(trx: Trx, c: Row, steps: Step[], actor: Actor, ctx: { cal: CalendarData; now: Date }): Promise<void> {
  for (const s of steps) {
    if (s.action === 'decide' && s.payload.basis === COMMITMENT_BASIS && c.commitment) {
      await openVerificationInTrx(trx, c.id, c.commitment, todayInShanghai(ctx.now), ctx.cal);
    } else if (s.action === 'decide' && started(c.review)) {
      await trx.updateTable('case').set({ review: JSON.stringify(finishLastStep(c.review, s.actor.name, (s.payload.note ?? s.payload.reason) as string | undefined, ctx.now)) }).where('id', '=', c.id).execute();
    } else if ((s.action === 'resume' || s.action === 'extend') && started(c.review)) {
      // The step under way keeps pace with the case: a stopped clock or an extension moves its due date too.
      const today = todayInShanghai(ctx.now);
      const days = s.action === 'extend' ? Number(s.payload.days ?? 0) : c.suspension ? countWorkingDays(c.suspension.since, today, ctx.cal) : 0;
      const review = shiftCurrentStep(c.review!, days, ctx.cal);
      if (review) await trx.updateTable('case').set({ review: JSON.stringify(review) }).where('id', '=', c.id).execute();
    } else if (s.action === 'verify') {
      await closeVerificationInTrx(trx, c.id, actor, s.payload.outcome as 'confirmed' | 'false_commitment', (s.payload.reason ?? s.payload.note) as string | undefined, ctx.now);
    }
  }
}

/** What a case detail shows of these features. */
export type CaseExtrasOf = { api: CaseExtras; names: Map<string, string> };
type VerificationRow = Pick<Selectable<Database['case_verification']>, 'state' | 'due_date' | 'verified_at' | 'verifier_name' | 'note'>;

/** What a case shows of the later features, from its row, its region names and its verification task (if any). */
export function extrasOf(c: Pick<Row, 'region_code' | 'accept_region_code' | 'review' | 'commitment'> & Partial<Pick<Row, 'accept_agency_name'>>, names: Map<string, string>, v: VerificationRow | undefined): CaseExtrasOf {
  const review = c.review;
  return {
    names,
    api: {
      regionCode: c.region_code,
      regionName: names.get(c.region_code) ?? null,
      acceptRegionCode: c.accept_region_code,
      acceptRegionName: c.accept_region_code ? (names.get(c.accept_region_code) ?? null) : null,
      acceptAgencyName: c.accept_region_code ? (c.accept_agency_name ?? null) : null,
      reviewSteps: c.commitment || !review ? [] : review.steps.map((s) => ({ ...s, roleLabel: ROLE_LABELS[s.role] })),
      currentStep: review && !c.commitment ? review.current : -1,
      commitment: c.commitment,
      verification: v ? { state: v.state, dueDate: v.due_date, verifiedAt: v.verified_at?.toISOString() ?? null, verifierName: v.verifier_name, note: v.note } : null,
    },
  };
}

export async function caseExtras(db: Db, c: Row): Promise<CaseExtrasOf> {
  const [names, v] = await Promise.all([
    regionNames(db, [c.region_code, c.accept_region_code]),
    c.commitment ? db.selectFrom('case_verification').selectAll().where('case_id', '=', c.id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  return extrasOf(c, names, v);
}

type Payload = Record<string, unknown> & {
  channel?: 'online' | 'window';
  acceptRegionCode?: string;
  deemed?: boolean;
  commitmentSignedBy?: string;
  basis?: string;
  step?: string;
  nextStep?: string;
  nextDueDate?: string;
  outcome?: 'confirmed' | 'false_commitment';
  procedure?: string;
  expectedDays?: number;
  dueDate?: string;
  days?: number;
  missing?: Array<{ name: string; reason: string }>;
  materials?: string[];
  materialNames?: string[];
  method?: string;
  trackingNo?: string;
  acceptedFrom?: string;
  acceptAgencyName?: string;
  routedTo?: { agencyName: string; regionCode: string };
  tongbanNote?: string;
};

/** '2026-12-01' → '2026年12月1日'. */
function chineseDateOf(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
}

const METHOD_LABELS: Record<string, string> = { electronic: '电子送达', pickup: '窗口领取', express: '快递送达' };

/** A step's label when it depends on the payload, and the detail of what was done (timeline and CSV export). */
export function timelineExtras(action: string, raw: Record<string, unknown>, locale: Locale, names: Map<string, string>): { label?: string; detail?: string } {
  const p = raw as Payload;
  const zh = locale === 'zh-CN';
  const date = (d: string | undefined) => (d ? (zh ? chineseDateOf(d) : d) : '');
  switch (action) {
    case 'submit': {
      const parts = [];
      if (p.channel === 'window') parts.push(zh ? '综合窗口收件：由窗口工作人员代申请人提交' : 'Filed at a service window by the clerk for the applicant');
      if (p.acceptRegionCode) parts.push(zh ? `通办：在${names.get(p.acceptRegionCode) ?? p.acceptRegionCode}受理，由事项所在地审批` : `Cross-region: filed in ${names.get(p.acceptRegionCode) ?? p.acceptRegionCode}, decided at home`);
      if (p.commitmentSignedBy) parts.push(zh ? `已签署告知承诺书（签名：${p.commitmentSignedBy}）` : `Commitment signed by ${p.commitmentSignedBy}`);
      return parts.length ? { detail: parts.join('；') } : {};
    }
    case 'accept': {
      if (p.basis) return { detail: zh ? '告知承诺制：受理即准予许可，之后核查承诺' : 'Approval on commitment: granted on acceptance, verified later' };
      const parts = [];
      // 通办 (tongban.ts routeAtAcceptance): who accepted, who decides — or why the accepting region decides.
      if (p.routedTo) parts.push(zh ? `通办：${p.acceptAgencyName}受理，${p.routedTo.agencyName}办理` : `Cross-region: accepted by ${p.acceptAgencyName}, decided by ${p.routedTo.agencyName}`);
      if (p.tongbanNote) parts.push(zh ? `通办：${p.tongbanNote}` : `Cross-region: ${p.tongbanNote}`);
      if (p.dueDate) parts.push(zh ? `办理期限至${date(p.dueDate)}` : `Due ${p.dueDate}`);
      return parts.length ? { detail: parts.join('；') } : {};
    }
    case 'decide':
      return p.basis ? { detail: zh ? `依据：${p.basis}${p.deemed ? '（逾期视为受理，按承诺准予）' : ''}` : `Basis: ${p.basis}${p.deemed ? ' (deemed accepted, granted on the commitment)' : ''}` } : {};
    case 'review':
      return {
        label: p.step ? (zh ? `${p.step}完成` : `Step done: ${p.step}`) : undefined,
        detail: p.nextStep ? (zh ? `下一环节：${p.nextStep}${p.nextDueDate ? `，期限至${date(p.nextDueDate)}` : ''}` : `Next: ${p.nextStep}${p.nextDueDate ? ` due ${p.nextDueDate}` : ''}`) : undefined,
      };
    case 'verify':
      return { label: p.outcome ? ACTION_LABELS[`verify.${p.outcome}`][locale] : undefined };
    case 'request_supplement':
      return p.missing?.length ? { detail: p.missing.map((m, i) => `${i + 1}. ${m.name}：${m.reason}`).join('；') } : {};
    case 'supplement': {
      const names = p.materialNames ?? p.materials ?? [];
      return names.length ? { detail: zh ? `补交了：${names.join('、')}` : `Supplied: ${names.join(', ')}` } : {};
    }
    case 'suspend':
      return p.procedure ? { detail: zh ? `特别程序：${p.procedure}，预计${p.expectedDays ?? '?'}个工作日，期间不计时` : `Procedure: ${p.procedure}, about ${p.expectedDays} working days` } : {};
    case 'resume':
      return p.procedure ? { detail: zh ? `${p.procedure}结束，期限顺延至${date(p.dueDate)}` : `${p.procedure} ended; due ${p.dueDate}` } : {};
    case 'extend':
      return p.days ? { detail: zh ? `延长${p.days}个工作日，期限至${date(p.dueDate)}` : `Extended by ${p.days} working days to ${p.dueDate}` } : {};
    case 'deliver': {
      const how = p.method ? (zh ? (METHOD_LABELS[p.method] ?? p.method) : p.method) : '';
      return how ? { detail: `${how}${p.trackingNo ? (zh ? `，运单号 ${p.trackingNo}` : `, waybill ${p.trackingNo}`) : ''}` } : {};
    }
    case 'deem_accept': {
      if (!p.acceptedFrom) return {};
      const commitment = p.basis ? (zh ? '；告知承诺制：视为受理即按承诺准予许可，之后核查承诺' : '; approval on commitment: granted on the deemed acceptance, verified later') : '';
      return { detail: zh ? `自${date(p.acceptedFrom)}起视为受理${commitment}` : `Accepted as from ${p.acceptedFrom}${commitment}` };
    }
    default:
      return {};
  }
}

/** Display names of the staff who claimed cases (one small query per queue page). */
export async function assigneeNames(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
