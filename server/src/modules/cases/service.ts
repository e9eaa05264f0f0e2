import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import { idempotentInTrx } from '../../platform/http/idempotency.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { ROLE_GRANTS, type Role } from '../../platform/auth/permissions.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { todayInShanghai, type CalendarData } from '../../platform/calendar/index.ts';
import { findPublishedItem, findItemVersion } from '../catalog/index.ts';
import { getApplicantProfileInTrx } from '../identity/index.ts';
import { CaseErrors } from './errors.ts';
import { validateForm } from './form-validation.ts';
import { ACCEPTANCE_LIMIT_WORKING_DAYS, deadline, isSpecificReason, slaLight, type SlaLight } from './rules.ts';
import {
  ACTION_LABELS,
  CASE_ACTIONS,
  OPEN_STATES,
  STATE_LABELS,
  canTransition,
  nextState,
  type CaseAction,
  type CaseState,
  type Decision,
  type StaffAction,
} from './state.ts';

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
  slaLight: SlaLight | null;
};

export type CaseDetail = CaseSummary & {
  version: number;
  itemVersion: number;
  decision?: Decision;
  form: Record<string, unknown>;
  formSchema: unknown;
  materials: Array<{ code: string; name: string; fileId: string; fileName: string }>;
  timeline: Array<{ at: string; action: string; actionLabel: string; actorName: string; actorRole: string; note?: string }>;
  allowedActions: StaffAction[];
};

export type SubmitInput = { implCode: string; form: Record<string, unknown>; materials: Array<{ code: string; fileId: string }> };
export type ActionInput = { action: StaffAction; version: number; reason?: string; decision?: 'grant' | 'refuse'; note?: string };

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Mask a person's name for lists: keep the first character (李明 → 李*). Entity names stay readable. */
export function maskName(name: string, type: 'person' | 'entity'): string {
  if (type === 'entity' || name.length < 2) return name;
  return name[0] + '*'.repeat(Math.min(name.length - 1, 3));
}

function regionPrefix(code: string | null): string {
  return (code ?? '-').replace(/(00)+$/, '');
}

type CaseQuery = SelectQueryBuilder<Database, 'case', object>;

/** Narrow any case query to what the actor may read: own cases, own organisation's, own region and below, or all. */
function scoped(q: CaseQuery, actor: Actor): CaseQuery {
  const scope = scopeOf(actor, 'case:read');
  switch (scope) {
    case 'own':
      return q.where('case.applicant_id', '=', actor.id);
    case 'org':
      return q.where('case.org_id', '=', actor.orgId ?? ZERO_UUID).where('case.region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
    case 'region':
      return q.where('case.region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
    case 'all':
      return q;
  }
}

function roleFor(actor: Actor, action: CaseAction): Role {
  const perm = CASE_ACTIONS[action].permission;
  return actor.roles.find((r) => (ROLE_GRANTS[r].permissions as readonly string[]).includes(perm)) ?? actor.roles[0] ?? 'applicant';
}

async function nextCaseNumberInTrx(trx: Trx, regionCode: string, year: number): Promise<string> {
  const r = await trx
    .insertInto('case_counter')
    .values({ region_code: regionCode, year, last: 1 })
    .onConflict((oc) => oc.columns(['region_code', 'year']).doUpdateSet({ last: sql`case_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${regionCode}-${year}-${String(r.last).padStart(6, '0')}`;
}

export async function submitCase(
  db: Db,
  actor: Actor,
  input: SubmitInput,
  ctx: { idempotencyKey?: string; cal: CalendarData; ip: string; locale: Locale },
): Promise<CaseDetail> {
  const caseId = await db.transaction().execute(async (trx) => {
    const { id } = await idempotentInTrx(
      trx,
      { ownerId: actor.id, scope: 'case.submit', key: ctx.idempotencyKey, body: input, resultId: newId() },
      async (id) => {
        const item = await findPublishedItem(trx, input.implCode);
        if (!item || !item.document.onlineDepth.some((d) => d >= 4)) throw CaseErrors.ITEM_NOT_APPLICABLE({ implCode: input.implCode });
        const doc = item.document;
        if (actor.subjectType === 'staff' || !doc.serviceObjects.includes(actor.subjectType)) {
          throw CaseErrors.WRONG_APPLICANT_TYPE({ allowed: doc.serviceObjects.map((o) => (o === 'person' ? '个人' : '企业和组织')).join('、') });
        }
        const problems = validateForm(doc.form, input.form);
        if (problems.length) {
          const err = CaseErrors.FORM_INVALID({ summary: problems.map((p) => p.message).join('；'), fields: problems });
          throw err;
        }
        const byCode = new Map(doc.materials.map((m) => [m.code, m]));
        for (const m of input.materials) if (!byCode.has(m.code)) throw CaseErrors.MATERIAL_UNKNOWN({ code: m.code });
        const given = new Map(input.materials.map((m) => [m.code, m.fileId]));
        const missing = doc.materials.filter((m) => m.necessity === 'required' && !given.has(m.code));
        if (missing.length) throw CaseErrors.MATERIAL_MISSING({ names: missing.map((m) => m.name).join('、'), codes: missing.map((m) => m.code) });
        const files = given.size
          ? await trx.selectFrom('file_object').select(['id', 'name', 'owner_id']).where('id', 'in', [...given.values()]).execute()
          : [];
        const fileById = new Map(files.map((f) => [f.id, f]));
        for (const [code, fileId] of given) {
          const f = fileById.get(fileId);
          if (!f || f.owner_id !== actor.id) throw CaseErrors.MATERIAL_FILE_INVALID({ name: byCode.get(code)!.name, code });
        }

        const profile = await getApplicantProfileInTrx(trx, actor.id);
        const applicantName = actor.subjectType === 'entity' ? (profile.entity_name ?? actor.displayName) : (profile.person_name ?? actor.displayName);
        const today = todayInShanghai();
        const acceptDue = deadline(today, ACCEPTANCE_LIMIT_WORKING_DAYS, ctx.cal);
        const number = await nextCaseNumberInTrx(trx, item.regionCode, Number(today.slice(0, 4)));
        const now = new Date();
        await trx
          .insertInto('case')
          .values({
            id,
            number,
            region_code: item.regionCode,
            org_id: item.orgId,
            agency_name: item.agencyName,
            item_id: item.itemId,
            item_version_id: item.versionId,
            item_version: item.version,
            impl_code: doc.implCode,
            item_name: doc.name,
            applicant_id: actor.id,
            applicant_name: applicantName,
            applicant_type: actor.subjectType as 'person' | 'entity',
            state: 'submitted',
            version: 1,
            form: JSON.stringify(input.form),
            decision: null,
            committed_days: doc.committedDays,
            statutory_days: doc.statutoryDays,
            submitted_at: now,
            due_date: acceptDue.dueDate,
            warn_date: acceptDue.warnDate,
          })
          .execute();
        if (given.size) {
          await trx
            .insertInto('case_material')
            .values([...given].map(([code, fileId]) => ({ case_id: id, code, name: byCode.get(code)!.name, file_id: fileId, file_name: fileById.get(fileId)!.name })))
            .execute();
        }
        await trx
          .insertInto('case_action')
          .values({ id: newId(), case_id: id, seq: 1, action: 'submit', from_state: null, to_state: 'submitted', actor_id: actor.id, actor_name: actor.displayName, actor_role: 'applicant', payload: JSON.stringify({ channel: 'online' }) })
          .execute();
        await emitInTrx(trx, 'case.submitted', { caseId: id, number, implCode: doc.implCode, orgId: item.orgId });
        await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.submit', entityType: 'case', entityId: id, after: { number, state: 'submitted' }, ip: ctx.ip });
      },
    );
    return id;
  });
  return getCase(db, actor, caseId, ctx.locale, { audit: false });
}

export async function listCases(
  db: Db,
  actor: Actor,
  f: { state?: CaseState; page: number; pageSize: number; q?: string },
  locale: Locale,
): Promise<{ cases: CaseSummary[]; total: number }> {
  let q = scoped(db.selectFrom('case'), actor);
  if (f.state) q = q.where('case.state', '=', f.state);
  if (f.q) q = q.where((eb) => eb.or([eb('case.number', '=', f.q!), eb('case.item_name', 'like', `%${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)]));
  const staff = actor.subjectType === 'staff';
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .selectAll('case')
      // Staff work the most urgent first; applicants see their newest first.
      .orderBy(staff ? sql`${sql.ref('case.due_date')} asc nulls last` : sql`${sql.ref('case.submitted_at')} desc`)
      .orderBy('case.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const today = todayInShanghai();
  return {
    total,
    cases: rows.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
      stateLabel: STATE_LABELS[r.state][locale],
      itemName: r.item_name,
      implCode: r.impl_code,
      agencyName: r.agency_name,
      applicantName: staff ? maskName(r.applicant_name, r.applicant_type) : r.applicant_name,
      submittedAt: r.submitted_at.toISOString(),
      dueDate: r.due_date,
      slaLight: slaLight(OPEN_STATES.includes(r.state), today, { dueDate: r.due_date, warnDate: r.warn_date }),
    })),
  };
}

function allowedActionsFor(actor: Actor, state: CaseState): StaffAction[] {
  return (['accept', 'decline', 'decide'] as const).filter((a) => canTransition(a, state) && actor.permissions.has(CASE_ACTIONS[a].permission));
}

export async function getCase(db: Db, actor: Actor, id: string, locale: Locale, opts: { audit: boolean; ip?: string } = { audit: true }): Promise<CaseDetail> {
  const c = await scoped(db.selectFrom('case'), actor).selectAll('case').where('case.id', '=', id).executeTakeFirst();
  if (!c) throw CaseErrors.CASE_NOT_FOUND();
  const [materials, actions, itemDoc] = await Promise.all([
    db.selectFrom('case_material').selectAll().where('case_id', '=', id).orderBy('code').execute(),
    db.selectFrom('case_action').selectAll().where('case_id', '=', id).orderBy('seq').execute(),
    findItemVersion(db, c.item_version_id),
  ]);
  // Staff reading a full application (personal data) is an audited access.
  if (opts.audit && actor.subjectType === 'staff') {
    await db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.view', entityType: 'case', entityId: id, ip: opts.ip }));
  }
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
    slaLight: slaLight(OPEN_STATES.includes(c.state), today, { dueDate: c.due_date, warnDate: c.warn_date }),
    version: c.version,
    itemVersion: c.item_version,
    ...(c.decision ? { decision: c.decision } : {}),
    form: c.form,
    formSchema: itemDoc?.form ?? null,
    materials: materials.map((m) => ({ code: m.code, name: m.name, fileId: m.file_id, fileName: m.file_name })),
    timeline: actions.map((a) => {
      const p = a.payload as { reason?: string; decision?: 'grant' | 'refuse'; note?: string };
      const labelKey = a.action === 'decide' && p.decision ? (`decide.${p.decision}` as const) : (a.action as CaseAction);
      const note = [p.reason, p.note].filter(Boolean).join('；');
      return {
        at: a.at.toISOString(),
        action: a.action,
        actionLabel: ACTION_LABELS[labelKey]?.[locale] ?? a.action,
        actorName: a.actor_name,
        actorRole: a.actor_role,
        ...(note ? { note } : {}),
      };
    }),
    allowedActions: actor.subjectType === 'staff' ? allowedActionsFor(actor, c.state) : [],
  };
}

export async function actOnCase(db: Db, actor: Actor, id: string, input: ActionInput, ctx: { cal: CalendarData; ip: string; locale: Locale }): Promise<CaseDetail> {
  const spec = CASE_ACTIONS[input.action];
  if (!actor.permissions.has(spec.permission)) throw HttpErrors.FORBIDDEN();
  if (input.action === 'decline' && !isSpecificReason(input.reason)) throw CaseErrors.REASON_REQUIRED();
  if (input.action === 'decide') {
    if (!input.decision) throw CaseErrors.DECISION_REQUIRED();
    if (input.decision === 'refuse' && !isSpecificReason(input.reason)) throw CaseErrors.REASON_REQUIRED();
  }
  await db.transaction().execute(async (trx) => {
    const c = await scoped(trx.selectFrom('case'), actor).selectAll('case').where('case.id', '=', id).executeTakeFirst();
    if (!c) throw CaseErrors.CASE_NOT_FOUND();
    if (c.version !== input.version) throw CaseErrors.VERSION_CONFLICT({ current: c.version });
    if (!canTransition(input.action, c.state)) {
      throw CaseErrors.ACTION_NOT_ALLOWED({ state: STATE_LABELS[c.state][ctx.locale], action: ACTION_LABELS[input.action][ctx.locale] });
    }
    const to = nextState(input.action);
    const now = new Date();
    const today = todayInShanghai(now);
    const patch: Record<string, unknown> = { state: to, version: c.version + 1, updated_at: now };
    const payload: Record<string, unknown> = {};
    if (input.reason) payload.reason = input.reason.trim();
    if (input.note) payload.note = input.note.trim();
    if (input.action === 'accept') {
      const d = deadline(today, c.committed_days, ctx.cal);
      Object.assign(patch, { accepted_at: now, due_date: d.dueDate, warn_date: d.warnDate });
      payload.dueDate = d.dueDate;
    } else if (input.action === 'decline') {
      Object.assign(patch, { closed_at: now });
    } else if (input.action === 'decide') {
      const decision: Decision = { result: input.decision!, decidedAt: now.toISOString(), ...(input.reason ? { reason: input.reason.trim() } : {}) };
      Object.assign(patch, { decision: JSON.stringify(decision), closed_at: now });
      payload.decision = input.decision;
    }
    // Optimistic lock: exactly one of two concurrent actors wins; the other gets VERSION_CONFLICT.
    const updated = await trx.updateTable('case').set(patch).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw CaseErrors.VERSION_CONFLICT({ current: c.version + 1 });
    await trx
      .insertInto('case_action')
      .values({ id: newId(), case_id: id, seq: c.version + 1, action: input.action, from_state: c.state, to_state: to, actor_id: actor.id, actor_name: actor.displayName, actor_role: roleFor(actor, input.action), payload: JSON.stringify(payload) })
      .execute();
    await emitInTrx(trx, `case.${input.action === 'decide' ? 'closed' : input.action === 'accept' ? 'accepted' : 'declined'}`, { caseId: id, number: c.number, applicantId: c.applicant_id, ...payload });
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: `case.${input.action}`, entityType: 'case', entityId: id, before: { state: c.state, version: c.version }, after: { state: to, version: c.version + 1, ...payload }, ip: ctx.ip });
  });
  return getCase(db, actor, id, ctx.locale, { audit: false });
}

/** Staff may open a file when they may read a case that carries it. */
export async function canReadFileThroughCase(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  if (!actor.permissions.has('case:read')) return false;
  const r = await scoped(db.selectFrom('case'), actor).innerJoin('case_material as m', 'm.case_id', 'case.id').select('case.id').where('m.file_id', '=', fileId).limit(1).executeTakeFirst();
  return r !== undefined;
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
