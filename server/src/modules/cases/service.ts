import { sql, type SelectQueryBuilder, type Selectable } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordedName, scopeOf } from '../../platform/auth/actor.ts';
import { ROLE_GRANTS, type Role } from '../../platform/auth/permissions.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { addWorkingDays, todayInShanghai, type CalendarData } from '../../platform/calendar/index.ts';
import { findItemVersion } from '../catalog/index.ts';
import { createWaybillForDelivery, type ExpressProvider, type Waybill } from '../../platform/express/index.ts';
import { CaseErrors } from './errors.ts';
import { ACCEPTANCE_LIMIT_WORKING_DAYS, SPECIAL_PROCEDURES, deadline, extensionCap, isSpecificReason, resumeDeadline, slaLight, type SlaLight } from './rules.ts';
import type { CaseBundle, Delivery, MaterialRef, Suspension, SupplementNotice } from './tables.ts';
import {
  ACTION_LABELS,
  ACTIONS_VIA_API,
  CASE_ACTIONS,
  OPEN_STATES,
  STATE_LABELS,
  canTransition,
  nextState,
  type CaseAction,
  type ApiAction,
  type CaseState,
  type Decision,
  type DeliveryMethod,
} from './state.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';
import { COMMITMENT_BASIS, commitmentGrant, openVerificationInTrx, type CommitmentInput } from './commitment.ts';
import { canReadFileAsBundleLead, loadAsBundleLead, releaseHeldInTrx } from './member.ts';
import { planExtraAction, afterStepsInTrx, extraAllows, assertExtraAllowed, reviewStartPatch, caseExtras, timelineExtras, type CaseExtras, type CaseExtrasOf } from './engine-extras.ts';
import { routeAtAcceptance, type Routing } from './tongban.ts';
import { decidesAsLastStep } from './review-steps.ts';
import { signatureOf, type SignatureView } from './paperwork.ts';
import { caseLicenseMaterials, licenseMaterialView, type LicenseMaterialRow } from './material-licenses.ts';

export type CaseSummary = {
  id: string;
  number: string;
  state: CaseState;
  stateLabel: string;
  itemName: string;
  implCode: string;
  agencyName: string;
  applicantName: string;
  submittedAt: string;
  dueDate: string | null;
  closedAt: string | null;
  slaLight: SlaLight | null;
  /** Send back with actions (optimistic locking). */
  version: number;
  /** Who claimed the case (staff lists); null when nobody has. */
  assigneeName?: string | null;
  /** 通办: where the case was filed and accepted, when not in the deciding region. */
  acceptRegionCode?: string | null;
  /** 一件事: the bundle case it belongs to; `canOpen`: the caller may open the whole bundle. */
  bundle?: { id: string; number: string; name: string; canOpen: boolean };
};

export type CaseDetail = CaseSummary & {
  version: number;
  itemVersion: number;
  decision?: Decision;
  form: Record<string, unknown>;
  formSchema: unknown;
  materials: Array<{ code: string; name: string; fileId: string; fileName: string }>;
  /** 免提交: materials the applicant gave as electronic licenses (absent when none). */
  licensedMaterials?: Array<ReturnType<typeof licenseMaterialView>>;
  timeline: Array<{ at: string; action: string; actionLabel: string; actorName: string; actorRole: string; note?: string; detail?: string }>;
  allowedActions: ApiAction[];
  caseType: 'instant' | 'commitment';
  statutoryDueDate: string | null;
  extensionDays: number;
  /** 行政许可法 art. 42 cap for this case (rules.ts), so no client needs its own copy of the law. */
  extensionCap: number;
  /** The special procedures of art. 45 (rules.ts) that may stop this case's clock. */
  specialProcedures: string[];
  deemedAccepted: boolean;
  notice?: SupplementNotice;
  suspension?: Suspension;
  delivery: Delivery;
  /** 一件事: the bundle case this member case belongs to; `leadView`: read by the bundle's lead department. */
  bundle?: { id: string; number: string; name: string; canOpen: boolean; hold: boolean; together: boolean; leadView: boolean };
  /** 窗口收件: the applicant's signature on the pad (paperwork.ts). */
  signature?: SignatureView;
} & Partial<CaseExtras>;

export type SubmitInput = {
  implCode: string;
  form: Record<string, unknown>;
  /** Uploaded files, or (免提交) the applicant's electronic licenses for materials that name a license type. */
  materials: MaterialRef[];
  delivery?: { method: DeliveryMethod; address?: string };
  /** 告知承诺制 items: the applicant accepts the commitment and signs it. */
  commitment?: CommitmentInput;
  /** 通办: the region where the case is filed and accepted, when not the item's own. */
  acceptRegionCode?: string;
};
export type ActionInput = {
  action: ApiAction;
  version: number;
  reason?: string;
  decision?: 'grant' | 'refuse';
  note?: string;
  /** request_supplement: every missing or defective material, each with its reason (one-time notice). */
  items?: Array<{ code?: string; name: string; reason: string }>;
  /** supplement: the files answering the notice. */
  materials?: Array<{ code: string; fileId: string }>;
  /** suspend: which special procedure and how long it is expected to take (working days). */
  procedure?: string;
  expectedDays?: number;
  /** extend: working days granted. */
  days?: number;
  /** deliver: express waybill number. */
  trackingNo?: string;
  /** review: the opinion of the step; verify: the findings. */
  opinion?: string;
  /** verify: what the verification found. */
  outcome?: 'confirmed' | 'false_commitment';
};

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';



type CaseQuery = SelectQueryBuilder<Database, 'case', object>;

/** Narrow any case query to what the actor may read: own cases, own organisation's, own region and below, or all. */
export function scoped(q: CaseQuery, actor: Actor): CaseQuery {
  const scope = scopeOf(actor, 'case:read');
  switch (scope) {
    case 'own':
      return q.where('case.applicant_id', '=', actor.id);
    case 'org':
      return q.where('case.org_id', '=', actor.orgId ?? ZERO_UUID).where('case.region_code', 'like', `${regionLikePrefix(actor.regionCode)}%`);
    case 'region': {
      // 通办: the accepting region's clerks see the cases filed with them too (tongban.ts).
      const prefix = `${regionLikePrefix(actor.regionCode)}%`;
      return q.where((eb) => eb.or([eb('case.region_code', 'like', prefix), eb('case.accept_region_code', 'like', prefix)]));
    }
    case 'all':
      return q;
  }
}

/** Who may open a member case's whole bundle (the bundles module's rule): its applicant, its lead department, staff of region or wider scope. */
export function mayOpenBundle(actor: Actor, b: CaseBundle): boolean {
  return actor.subjectType !== 'staff' || b.leadOrgId === actor.orgId || ['region', 'all'].includes(scopeOf(actor, 'case:read'));
}

function roleFor(actor: Actor, action: CaseAction): Role {
  const perm = CASE_ACTIONS[action].permission;
  return actor.roles.find((r) => (ROLE_GRANTS[r].permissions as readonly string[]).includes(perm)) ?? actor.roles[0] ?? 'applicant';
}

/** A staff member takes a case into their own hands (认领); another's claim is not silently taken over. */
export async function claimCase(db: Db, actor: Actor, id: string, ip: string, locale: Locale): Promise<CaseDetail> {
  if (actor.subjectType !== 'staff' || !(actor.permissions.has('case:accept') || actor.permissions.has('case:decide'))) throw HttpErrors.FORBIDDEN();
  await db.transaction().execute(async (trx) => {
    const c = await loadCaseInTrx(trx, actor, id);
    if (!c) throw CaseErrors.CASE_NOT_FOUND();
    if (!OPEN_STATES.includes(c.state)) throw CaseErrors.ACTION_NOT_ALLOWED({ state: STATE_LABELS[c.state][locale], action: '认领' });
    const r = await trx
      .updateTable('case')
      .set({ assignee_id: actor.id })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('assignee_id', 'is', null), eb('assignee_id', '=', actor.id)]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw CaseErrors.ALREADY_CLAIMED();
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.claim', entityType: 'case', entityId: id, ip });
  });
  return getCase(db, actor, id, locale, { audit: false });
}

/** The full record of a case as CSV (UTF-8 with BOM so Excel opens it in Chinese). */
export async function timelineCsv(db: Db, actor: Actor, id: string, locale: Locale): Promise<{ number: string; csv: string }> {
  const c = await getCase(db, actor, id, locale, { audit: false });
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const head = locale === 'zh-CN' ? ['时间', '环节', '办理人', '角色', '说明', '详情'] : ['Time', 'Step', 'By', 'Role', 'Note', 'Detail'];
  const lines = [head, ...c.timeline.map((e) => [e.at, e.actionLabel, e.actorName, e.actorRole, e.note ?? '', e.detail ?? ''])].map((r) => r.map(cell).join(','));
  return { number: c.number, csv: '\ufeff' + lines.join('\r\n') + '\r\n' };
}

export type CaseRow = Awaited<ReturnType<typeof loadCaseInTrx>>;

export async function loadCaseInTrx(db: Db | Trx, actor: Actor, id: string) {
  return scoped(db.selectFrom('case'), actor).selectAll('case').where('case.id', '=', id).executeTakeFirst();
}

/** Extra conditions beyond the state table: instant items, a running special procedure, the extension cap. */
function actionPossible(action: ApiAction, c: NonNullable<CaseRow>, actor?: Actor): boolean {
  if (!canTransition(action, c.state)) return false;
  if (!extraAllows(action, c, actor)) return false;
  switch (action) {
    case 'decide_on_spot':
      return c.case_type === 'instant';
    case 'suspend':
    case 'decide':
    case 'review':
    case 'extend':
      return !c.suspension && (action !== 'extend' || c.extension_days < extensionCap(c.joint));
    case 'resume':
      return !!c.suspension;
    case 'deliver':
      // 一件事 delivered together: one pickup or one parcel for the whole bundle (bundles' deliver), not one per member.
      return !c.bundle?.hold && !c.bundle?.together;
    default:
      return true;
  }
}

/** The action's permission, or (decide) the role the case's last review step names (review-steps.ts). */
function mayTake(actor: Actor, action: ApiAction, c: NonNullable<CaseRow>): boolean {
  return actor.permissions.has(CASE_ACTIONS[action].permission) || (action === 'decide' && c.state === 'accepted' && decidesAsLastStep(actor, c.review));
}

function allowedActionsFor(actor: Actor, c: NonNullable<CaseRow>): ApiAction[] {
  return ACTIONS_VIA_API.filter((a) => mayTake(actor, a, c) && (CASE_ACTIONS[a].by === 'applicant') === (actor.subjectType !== 'staff') && actionPossible(a, c, actor));
}

export async function getCase(db: Db, actor: Actor, id: string, locale: Locale, opts: { audit: boolean; ip?: string } = { audit: true }): Promise<CaseDetail> {
  // 一件事: the lead department reads the bundle's member cases of other departments too, without acting on them.
  const own = await loadCaseInTrx(db, actor, id);
  const c = own ?? (await loadAsBundleLead(db, actor, id));
  if (!c) throw CaseErrors.CASE_NOT_FOUND();
  const [materials, actions, itemDoc, extras, licensed, signature] = await Promise.all([
    db.selectFrom('case_material').selectAll().where('case_id', '=', id).orderBy('code').execute(),
    db.selectFrom('case_action').selectAll().where('case_id', '=', id).orderBy('seq').execute(),
    findItemVersion(db, c.item_version_id),
    caseExtras(db, c),
    caseLicenseMaterials(db, id),
    signatureOf(db, id),
  ]);
  // Staff reading a full application (personal data) is an audited access.
  if (opts.audit && actor.subjectType === 'staff') {
    await db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.view', entityType: 'case', entityId: id, ip: opts.ip }));
  }
  const detail = caseDetailOf(actor, c, materials, actions, itemDoc, extras, locale, !own, licensed);
  return signature ? { ...detail, signature } : detail;
}

type MaterialRow = Selectable<Database['case_material']>;
type ActionRow = Selectable<Database['case_action']>;

/** A case as the API shows it, from its row, materials and log (submit.ts builds one without reading back). */
export function caseDetailOf(
  actor: Actor,
  c: NonNullable<CaseRow>,
  materials: MaterialRow[],
  actions: ActionRow[],
  itemDoc: { form: unknown } | undefined,
  extras: CaseExtrasOf,
  locale: Locale,
  leadView = false,
  licensed: LicenseMaterialRow[] = [],
): CaseDetail {
  const today = todayInShanghai();
  return {
    id: c.id,
    number: c.number,
    state: c.state,
    stateLabel: STATE_LABELS[c.state][locale],
    itemName: c.item_name,
    implCode: c.impl_code,
    agencyName: c.agency_name,
    applicantName: c.applicant_name,
    submittedAt: c.submitted_at.toISOString(),
    dueDate: c.due_date,
    closedAt: c.closed_at?.toISOString() ?? null,
    slaLight: slaLight(OPEN_STATES.includes(c.state) && !c.suspension, today, { dueDate: c.due_date, warnDate: c.warn_date }),
    version: c.version,
    caseType: c.case_type,
    statutoryDueDate: c.statutory_due_date,
    extensionDays: c.extension_days,
    extensionCap: extensionCap(c.joint),
    specialProcedures: [...SPECIAL_PROCEDURES],
    deemedAccepted: c.deemed_accepted,
    ...(c.notice ? { notice: c.notice } : {}),
    ...(c.suspension ? { suspension: c.suspension } : {}),
    delivery: c.delivery,
    ...(c.bundle ? { bundle: { id: c.bundle.id, number: c.bundle.number, name: c.bundle.name, canOpen: mayOpenBundle(actor, c.bundle), hold: c.bundle.hold, together: !!c.bundle.together, leadView } } : {}),
    itemVersion: c.item_version,
    ...(c.decision ? { decision: c.decision } : {}),
    form: c.form,
    formSchema: itemDoc?.form ?? null,
    ...extras.api,
    materials: materials.map((m) => ({ code: m.code, name: m.name, fileId: m.file_id, fileName: m.file_name })),
    ...(licensed.length ? { licensedMaterials: licensed.map(licenseMaterialView) } : {}),
    timeline: actions.map((a) => {
      const p = a.payload as { reason?: string; decision?: 'grant' | 'refuse'; note?: string };
      // Decisions read as their result: 准予许可 / 不予许可.
      const labelKey = (a.action === 'decide' || a.action === 'decide_on_spot') && p.decision ? (`decide.${p.decision}` as const) : (a.action as CaseAction);
      const note = [p.reason, p.note].filter(Boolean).join('；');
      const more = timelineExtras(a.action, a.payload, locale, extras.names);
      return {
        at: a.at.toISOString(),
        action: a.action,
        actionLabel: more.label ?? ACTION_LABELS[labelKey]?.[locale] ?? a.action,
        actorName: a.actor_name,
        actorRole: a.actor_role,
        ...(note ? { note } : {}),
        ...(more.detail ? { detail: more.detail } : {}),
      };
    }),
    allowedActions: leadView ? [] : allowedActionsFor(actor, c),
  };
}

/** Domain event topic per action (what other modules subscribe to). */
const EVENT_OF: Record<CaseAction, string> = {
  submit: 'case.submitted',
  request_supplement: 'case.supplement_requested',
  supplement: 'case.supplemented',
  accept: 'case.accepted',
  decline: 'case.declined',
  decide_on_spot: 'case.decided',
  deem_accept: 'case.accepted',
  suspend: 'case.suspended',
  resume: 'case.resumed',
  extend: 'case.extended',
  decide: 'case.decided',
  deliver: 'case.closed',
  review: 'case.reviewed',
  verify: 'case.verified',
};

export type Step = { action: CaseAction; to: CaseState; patch: Record<string, unknown>; payload: Record<string, unknown>; actor: { id: string | null; name: string; role: string } };

const SYSTEM_ACTOR = { id: null, name: '系统', role: 'system' };

/** A decision, and the delivery that completes with it when the result goes out electronically. */
function decisionSteps(c: NonNullable<CaseRow>, decision: Decision, as: CaseAction, payload: Record<string, unknown>, who: Step['actor'], now: Date): Step[] {
  // 一件事 with results held: the applicant hears of all results at once when they are released (member.ts).
  const decidedPayload = c.bundle?.hold ? { ...payload, heldForBundle: c.bundle.name } : payload;
  const steps: Step[] = [{ action: as, to: nextState(as), patch: { decision: JSON.stringify(decision), suspension: null }, payload: decidedPayload, actor: who }];
  // Electronic delivery completes at once: the result is in the applicant's portal (and wallet, later).
  // 一件事 with results held: delivered with the other members' (member.ts).
  if (c.delivery.method === 'electronic' && !c.bundle?.hold) {
    steps.push({
      action: 'deliver',
      to: 'closed',
      patch: { closed_at: now, delivery: JSON.stringify({ ...c.delivery, deliveredAt: now.toISOString() }) },
      payload: { method: 'electronic' },
      actor: SYSTEM_ACTOR,
    });
  }
  return steps;
}

/** Validate an action's input and work out its effect on the case (pure but for the calendar). */
export function planAction(c: NonNullable<CaseRow>, input: ActionInput, actor: Actor, ctx: { cal: CalendarData; now: Date; waybill?: Waybill; routing?: Routing }): Step[] {
  const today = todayInShanghai(ctx.now);
  const who = { id: actor.id, name: recordedName(actor), role: roleFor(actor, input.action) };
  const payload: Record<string, unknown> = {};
  if (input.reason) payload.reason = input.reason.trim();
  if (input.note) payload.note = input.note.trim();
  const step = (patch: Record<string, unknown>): Step => ({ action: input.action, to: nextState(input.action), patch, payload, actor: who });
  const afterDecision = (decision: Decision, as: CaseAction = input.action, asPayload: Record<string, unknown> = payload): Step[] => decisionSteps(c, decision, as, asPayload, who, ctx.now);
  const extra = planExtraAction(c, input, actor, { ...ctx, today, who, payload, afterDecision });
  if (extra) return extra;
  switch (input.action) {
    case 'request_supplement': {
      const items = (input.items ?? []).map((i) => ({ ...(i.code ? { code: i.code } : {}), name: i.name.trim(), reason: i.reason.trim() }));
      if (items.length === 0) throw CaseErrors.NOTICE_EMPTY();
      const vague = items.find((i) => i.reason.length < 4 || !isSpecificReason(`${i.name}${i.reason}`));
      if (vague) throw CaseErrors.NOTICE_REASON_VAGUE({ name: vague.name });
      const notice: SupplementNotice = { items, ...(input.note ? { note: input.note.trim() } : {}), issuedAt: ctx.now.toISOString(), issuedBy: actor.displayName };
      payload.missing = items;
      // The clock is with the applicant now; the case comes back to this clerk.
      return [step({ notice: JSON.stringify(notice), assignee_id: actor.id, due_date: null, warn_date: null })];
    }
    case 'supplement': {
      const given = new Map((input.materials ?? []).map((m) => [m.code, m.fileId]));
      const owed = (c.notice?.items ?? []).filter((i) => i.code).map((i) => i.code!);
      const missing = owed.filter((code) => !given.has(code));
      if (missing.length) throw CaseErrors.SUPPLEMENT_INCOMPLETE({ names: (c.notice?.items ?? []).filter((i) => i.code && missing.includes(i.code)).map((i) => i.name).join('、') });
      payload.materials = [...given.keys()];
      payload.materialNames = [...given.keys()].map((code) => c.notice?.items.find((i) => i.code === code)?.name ?? code);
      const d = deadline(today, ACCEPTANCE_LIMIT_WORKING_DAYS, ctx.cal);
      return [step({ notice: null, due_date: d.dueDate, warn_date: d.warnDate })];
    }
    case 'accept': {
      // 通办: the deciding agency of the applicant's home region takes over with its own limits and steps (tongban.ts).
      const r = ctx.routing;
      const decider = r?.row ? { ...c, ...r.row } : c;
      const d = deadline(today, decider.committed_days, ctx.cal);
      const statutory = deadline(today, decider.statutory_days, ctx.cal);
      if (r) Object.assign(payload, r.payload);
      payload.dueDate = d.dueDate;
      return [step({ ...r?.patch, accepted_at: ctx.now, due_date: d.dueDate, warn_date: d.warnDate, statutory_due_date: statutory.dueDate, assignee_id: null, ...reviewStartPatch(decider, today, ctx.now, ctx.cal) })];
    }
    case 'decline':
      if (!isSpecificReason(input.reason)) throw CaseErrors.REASON_REQUIRED();
      return [step({ closed_at: ctx.now, due_date: null, warn_date: null })];
    case 'decide_on_spot':
    case 'decide': {
      if (!input.decision) throw CaseErrors.DECISION_REQUIRED();
      if (input.decision === 'refuse' && !isSpecificReason(input.reason)) throw CaseErrors.REASON_REQUIRED();
      payload.decision = input.decision;
      return afterDecision({ result: input.decision, decidedAt: ctx.now.toISOString(), ...(input.reason ? { reason: input.reason.trim() } : {}) });
    }
    case 'suspend': {
      if (!input.procedure || !(SPECIAL_PROCEDURES as readonly string[]).includes(input.procedure)) throw CaseErrors.PROCEDURE_UNKNOWN({ allowed: SPECIAL_PROCEDURES.join('、') });
      if (!input.reason?.trim()) throw CaseErrors.REASON_REQUIRED();
      const expectedDays = input.expectedDays ?? 0;
      if (!Number.isInteger(expectedDays) || expectedDays < 1 || expectedDays > 365) throw CaseErrors.EXPECTED_DAYS_REQUIRED();
      const suspension: Suspension = { procedure: input.procedure, reason: input.reason.trim(), expectedDays, since: today };
      Object.assign(payload, { procedure: input.procedure, expectedDays });
      return [step({ suspension: JSON.stringify(suspension) })];
    }
    case 'resume': {
      const since = c.suspension!.since;
      const d = resumeDeadline({ dueDate: c.due_date!, warnDate: c.warn_date! }, since, today, ctx.cal);
      const statutory = c.statutory_due_date ? resumeDeadline({ dueDate: c.statutory_due_date, warnDate: c.statutory_due_date }, since, today, ctx.cal).dueDate : null;
      Object.assign(payload, { procedure: c.suspension!.procedure, dueDate: d.dueDate });
      return [step({ suspension: null, due_date: d.dueDate, warn_date: d.warnDate, statutory_due_date: statutory })];
    }
    case 'extend': {
      const cap = extensionCap(c.joint);
      const days = input.days ?? 0;
      if (!Number.isInteger(days) || days < 1 || c.extension_days + days > cap) throw CaseErrors.EXTENSION_OVER_CAP({ cap, used: c.extension_days });
      if (!input.reason?.trim()) throw CaseErrors.REASON_REQUIRED();
      const due = addWorkingDays(c.due_date!, days, ctx.cal);
      const statutory = c.statutory_due_date ? addWorkingDays(c.statutory_due_date, days, ctx.cal) : null;
      Object.assign(payload, { days, dueDate: due });
      return [step({ extension_days: c.extension_days + days, due_date: due, warn_date: c.warn_date ? addWorkingDays(c.warn_date, days, ctx.cal) : null, statutory_due_date: statutory })];
    }
    case 'deliver': {
      if (c.delivery.method === 'express' && !input.trackingNo?.trim() && !ctx.waybill) throw CaseErrors.TRACKING_REQUIRED();
      const waybill = input.trackingNo?.trim() ? { trackingNo: input.trackingNo.trim() } : ctx.waybill ? { trackingNo: ctx.waybill.trackingNo, provider: ctx.waybill.provider } : {};
      const delivery: Delivery = { ...c.delivery, deliveredAt: ctx.now.toISOString(), ...waybill };
      payload.method = c.delivery.method;
      if (waybill.trackingNo) payload.trackingNo = waybill.trackingNo;
      return [step({ closed_at: ctx.now, delivery: JSON.stringify(delivery) })];
    }
    case 'review':
    case 'verify':
      throw new Error(`${input.action} is planned in engine-extras.ts`);
  }
}

/** Record the steps of one request: project them on the case row (version-checked) and append them to the log. */
export async function applyStepsInTrx(trx: Trx, c: NonNullable<CaseRow>, steps: Step[], expectedVersion: number, ip: string | null): Promise<void> {
  const patch: Record<string, unknown> = Object.assign({}, ...steps.map((s) => s.patch));
  const state = steps[steps.length - 1]!.to;
  const version = c.version + steps.length;
  // Optimistic lock first: of two concurrent requests on one version exactly one updates the row; the other
  // waits for the row lock, then finds the version moved on.
  const updated = await trx
    .updateTable('case')
    .set({ ...patch, state, version, updated_at: new Date() })
    .where('id', '=', c.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw CaseErrors.VERSION_CONFLICT({ current: c.version + 1 });
  let from = c.state;
  let seq = c.version;
  for (const s of steps) {
    seq += 1;
    await trx
      .insertInto('case_action')
      .values({ id: newId(), case_id: c.id, seq, action: s.action, from_state: from, to_state: s.to, actor_id: s.actor.id, actor_name: s.actor.name, actor_role: s.actor.role, payload: JSON.stringify(s.payload) })
      .execute();
    await emitInTrx(trx, EVENT_OF[s.action], { caseId: c.id, number: c.number, itemName: c.item_name, applicantId: c.applicant_id, ...s.payload });
    from = s.to;
  }
  const first = steps[0]!;
  await writeAuditInTrx(trx, {
    actor: first.actor.id ? { id: first.actor.id, name: first.actor.name } : null,
    action: `case.${steps.map((s) => s.action).join('+')}`,
    entityType: 'case',
    entityId: c.id,
    before: { state: c.state, version: c.version },
    after: { state, version, ...first.payload },
    ip,
  });
}

type ActCtx = { cal: CalendarData; ip: string; locale: Locale; express?: ExpressProvider };

export async function actOnCase(db: Db, actor: Actor, id: string, input: ActionInput, ctx: ActCtx): Promise<CaseDetail> {
  await db.transaction().execute((trx) => actOnCaseInTrx(trx, actor, id, input, ctx));
  return getCase(db, actor, id, ctx.locale, { audit: false });
}

/** One action in the caller's transaction (一件事: one supplement answering several member cases, all or none). */
export async function actOnCaseInTrx(trx: Trx, actor: Actor, id: string, input: ActionInput, ctx: ActCtx): Promise<void> {
  const spec = CASE_ACTIONS[input.action];
  // decide: also the role the last review step names (a supervisor's 审批), checked once the case is loaded.
  if ((!actor.permissions.has(spec.permission) && input.action !== 'decide') || (spec.by === 'applicant') !== (actor.subjectType !== 'staff')) throw HttpErrors.FORBIDDEN();
  const c = await loadCaseInTrx(trx, actor, id);
  if (!c) throw CaseErrors.CASE_NOT_FOUND();
  if (!actor.permissions.has(spec.permission) && !actor.permissions.has('case:read')) throw HttpErrors.FORBIDDEN();
  if (c.version !== input.version) throw CaseErrors.VERSION_CONFLICT({ current: c.version });
  assertExtraAllowed(actor, c, input.action, ctx.locale);
  if (!actionPossible(input.action, c, actor)) {
    throw CaseErrors.ACTION_NOT_ALLOWED({ state: STATE_LABELS[c.state][ctx.locale] + (c.suspension ? `（${c.suspension.procedure}中）` : ''), action: ACTION_LABELS[input.action][ctx.locale] });
  }
  // Express delivery without a typed waybill number: book the courier (the express simulator by default).
  let waybill: Waybill | undefined;
  if (input.action === 'deliver' && c.delivery.method === 'express' && !input.trackingNo?.trim() && ctx.express) {
    const item = await findItemVersion(trx, c.item_version_id);
    waybill = await createWaybillForDelivery(ctx.express, {
      reference: c.number,
      description: `${c.item_name} 办理结果`,
      from: { name: c.agency_name, phone: item?.contacts.consult ?? '', address: item?.hall.address ?? c.agency_name },
      toAddress: c.delivery.address ?? '',
      toName: c.applicant_name,
    });
  }
  const routing = input.action === 'accept' ? await routeAtAcceptance(trx, actor, c) : undefined;
  const steps = planAction(c, input, actor, { cal: ctx.cal, now: new Date(), waybill, routing });
  if (input.action === 'supplement') {
    for (const m of input.materials ?? []) {
      const f = await trx.selectFrom('file_object').select(['id', 'name', 'owner_id']).where('id', '=', m.fileId).executeTakeFirst();
      const name = c.notice?.items.find((i) => i.code === m.code)?.name ?? m.code;
      if (!f || f.owner_id !== actor.id) throw CaseErrors.MATERIAL_FILE_INVALID({ name, code: m.code });
      await trx
        .insertInto('case_material')
        .values({ case_id: c.id, code: m.code, name, file_id: f.id, file_name: f.name })
        .onConflict((oc) => oc.columns(['case_id', 'code']).doUpdateSet({ file_id: f.id, file_name: f.name }))
        .execute();
    }
  }
  await applyStepsInTrx(trx, c, steps, input.version, ctx.ip);
  await afterStepsInTrx(trx, c, steps, actor, { cal: ctx.cal, now: new Date() });
  await releaseHeldInTrx(trx, c, steps, new Date());
}

/**
 * 行政许可法 art. 32: an application neither accepted, declined nor answered with a supplement notice within
 * 5 working days counts as accepted from the day it was received. Run by a scheduled job; idempotent.
 */
export async function deemAcceptOverdue(db: Db, cal: CalendarData, today = todayInShanghai()): Promise<number> {
  const due = await db.selectFrom('case').select(['id', 'region_code']).where('state', '=', 'submitted').where('due_date', '<', today).limit(500).execute();
  let n = 0;
  for (const { id } of due) {
    await db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('case').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
      if (!c || c.state !== 'submitted' || !c.due_date || c.due_date >= today) return;
      const received = todayInShanghai(c.submitted_at);
      const now = new Date();
      let steps: Step[];
      if (c.commitment) {
        // 告知承诺制: acceptance is the grant on the signed commitment — deemed acceptance grants too, and opens the
        // verification task, as a clerk's acceptance does (engine-extras.ts); the record says it was deemed.
        const basis = { basis: COMMITMENT_BASIS, deemed: true };
        steps = [
          {
            action: 'deem_accept',
            to: 'accepted',
            patch: { accepted_at: c.submitted_at, deemed_accepted: true, due_date: null, warn_date: null, statutory_due_date: null, assignee_id: null },
            payload: { acceptedFrom: received, acceptanceDue: c.due_date, ...basis },
            actor: SYSTEM_ACTOR,
          },
          ...decisionSteps(c, commitmentGrant(now), 'decide', { decision: 'grant', ...basis }, SYSTEM_ACTOR, now),
        ];
      } else {
        const d = deadline(received, c.committed_days, cal);
        const statutory = deadline(received, c.statutory_days, cal);
        steps = [
          {
            action: 'deem_accept',
            to: 'accepted',
            patch: { accepted_at: c.submitted_at, deemed_accepted: true, due_date: d.dueDate, warn_date: d.warnDate, statutory_due_date: statutory.dueDate, ...reviewStartPatch(c, received, now, cal) },
            payload: { deemed: true, acceptedFrom: received, acceptanceDue: c.due_date, dueDate: d.dueDate },
            actor: SYSTEM_ACTOR,
          },
        ];
      }
      await applyStepsInTrx(trx, c, steps, c.version, null);
      if (c.commitment) await openVerificationInTrx(trx, c.id, c.commitment, todayInShanghai(now), cal);
      await releaseHeldInTrx(trx, c, steps, now);
      n++;
    });
  }
  return n;
}

/** Staff may open a file when they may read a case that carries it. */
export async function canReadFileThroughCase(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  if (!actor.permissions.has('case:read')) return false;
  const r = await scoped(db.selectFrom('case'), actor).innerJoin('case_material as m', 'm.case_id', 'case.id').select('case.id').where('m.file_id', '=', fileId).limit(1).executeTakeFirst();
  return r !== undefined || canReadFileAsBundleLead(db, actor, fileId);
}

export type CaseStats = { openCases: number; closedCases: number; overdueCases: number; casesByState: Record<string, number>; openByLight: { green: number; yellow: number; red: number } };

/** Case figures in the actor's scope (supervision dashboard). */
export async function caseStats(db: Db, actor: Actor): Promise<CaseStats> {
  const today = todayInShanghai();
  const rows = await scoped(db.selectFrom('case'), actor)
    .select([
      'case.state',
      sql<string>`case when ${sql.ref('case.state')} in ('submitted','accepted') then case when ${sql.ref('case.due_date')} < ${today}::date then 'red' when ${sql.ref('case.warn_date')} <= ${today}::date then 'yellow' else 'green' end end`.as('light'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['case.state', 'light'])
    .execute();
  const casesByState: Record<string, number> = {};
  const openByLight = { green: 0, yellow: 0, red: 0 };
  for (const r of rows) {
    casesByState[r.state] = (casesByState[r.state] ?? 0) + r.n;
    if (r.light) openByLight[r.light as keyof typeof openByLight] += r.n;
  }
  const openCases = OPEN_STATES.reduce((s, st) => s + (casesByState[st] ?? 0), 0);
  return { openCases, closedCases: (casesByState.closed ?? 0) + (casesByState.declined ?? 0), overdueCases: openByLight.red, casesByState, openByLight };
}

/** A case closed with a grant, as the licenses module needs it to issue the result; undefined for any other case. */
export async function grantedClosedCase(db: Db | Trx, id: string) {
  const c = await db
    .selectFrom('case')
    .select(['id', 'number', 'impl_code', 'item_name', 'org_id', 'agency_name', 'region_code', 'applicant_id', 'applicant_name', 'applicant_type', 'form', 'decision', 'closed_at'])
    .where('id', '=', id)
    .where('state', '=', 'closed')
    .executeTakeFirst();
  if (!c || c.decision?.result !== 'grant' || !c.closed_at) return undefined;
  return { ...c, decision: c.decision, closed_at: c.closed_at };
}
