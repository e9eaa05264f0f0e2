/**
 * 一件事 member cases: filed inside the bundle's transaction (all members or none), read by the bundle's lead
 * department, and — when the applicant chose to receive the results together — held until every member is
 * decided, then delivered together.
 *
 * A member case is an ordinary case (its department's queue, its own clock and actions) with `bundle` set. The
 * validation is submit.ts's `plan`; only the writing differs: here it runs in the caller's transaction, so the
 * bundles module can file several cases and its own row atomically.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInShanghai, yearOf, type CalendarData } from '../../platform/calendar/index.ts';
import { findPublishedItem } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import { stepsOf } from './review-steps.ts';
import { applyStepsInTrx, type CaseRow, type Step, type SubmitInput } from './service.ts';
import { filerOf, plan, planExtras, submitPayload } from './submit.ts';
import { caseNumberPrefix, caseNumberSql } from './case-number.ts';
import type { CaseState } from './state.ts';
import type { CaseBundle } from './tables.ts';

export type MemberInput = SubmitInput & {
  /** Material codes and form fields issued by another member of the bundle: not asked of the applicant. */
  provided: { materials: ReadonlySet<string>; fields: ReadonlySet<string> };
};
export type FiledMember = { id: string; number: string; implCode: string; itemName: string; agencyName: string; orgId: string };

/**
 * File one member case in `trx`. The case number's sequence must exist already (`ensureCaseSequence` outside the
 * transaction: DDL inside would serialise submissions). `ctx.clerk`: a window clerk files it for `actor`.
 */
export async function fileCaseInTrx(
  trx: Trx,
  actor: Actor,
  input: MemberInput,
  ctx: { cal: CalendarData; ip: string; now: Date; bundle: CaseBundle; sequence: (regionCode: string) => string; clerk?: Actor },
): Promise<FiledMember> {
  const item = await findPublishedItem(trx, input.implCode);
  const p = await planExtras(trx, actor, input, plan(item, actor, input, ctx.cal, input.provided, !!ctx.clerk), ctx.now, ctx.clerk);
  // 综合窗口: the clerk files for the applicant and is recorded as filing (submit.ts does the same).
  const filer = filerOf(actor, ctx.clerk);
  const doc = p.item.document;
  const id = newId();
  const year = yearOf(todayInShanghai(ctx.now));
  const seq = ctx.sequence(p.item.regionCode);
  const applicant = await trx.selectFrom('account').select(['person_name', 'entity_name']).where('id', '=', actor.id).executeTakeFirst();
  const row = await trx
    .insertInto('case')
    .values({
      id,
      number: sql<string>`(select ${caseNumberSql(sql`${caseNumberPrefix(p.item.regionCode, year)}::text`, sql.ref('n'))} from (select nextval(${seq}::regclass) as n) s)`,
      region_code: p.item.regionCode,
      org_id: p.item.orgId,
      agency_name: p.item.agencyName,
      item_id: p.item.itemId,
      item_version_id: p.item.versionId,
      item_version: p.item.version,
      impl_code: doc.implCode,
      item_name: doc.name,
      applicant_id: actor.id,
      applicant_name: (actor.subjectType === 'entity' ? applicant?.entity_name : applicant?.person_name) ?? actor.displayName,
      applicant_type: actor.subjectType as 'person' | 'entity',
      state: 'submitted',
      version: 1,
      form: JSON.stringify(input.form),
      decision: null,
      committed_days: doc.committedDays,
      statutory_days: doc.statutoryDays,
      submitted_at: ctx.now,
      accepted_at: null,
      closed_at: null,
      due_date: p.dueDate,
      warn_date: p.warnDate,
      case_type: doc.caseType,
      joint: (doc.jointAgencies?.length ?? 0) > 0,
      assignee_id: null,
      notice: null,
      suspension: null,
      statutory_due_date: null,
      delivery: JSON.stringify(input.delivery ?? { method: 'electronic' }),
      accept_region_code: p.acceptRegion,
      commitment: p.signed ? JSON.stringify(p.signed) : null,
      review: JSON.stringify({ steps: stepsOf(doc, doc.committedDays), current: -1 }),
      bundle: JSON.stringify(ctx.bundle),
    })
    .returning(['number'])
    .executeTakeFirstOrThrow();
  if (p.given.size) {
    // A file uploaded once may serve several member cases; it must be the applicant's own (or the filing clerk's scan).
    const files = await trx.selectFrom('file_object').select(['id', 'name']).where('id', 'in', [...new Set(p.given.values())]).where('owner_id', 'in', [actor.id, filer.id]).execute();
    const names = new Map(files.map((f) => [f.id, f.name]));
    const bad = [...p.given].find(([, fileId]) => !names.has(fileId));
    if (bad) throw CaseErrors.MATERIAL_FILE_INVALID({ name: p.names.get(bad[0])!, code: bad[0] });
    await trx
      .insertInto('case_material')
      .values([...p.given].map(([code, fileId]) => ({ case_id: id, code, name: p.names.get(code)!, file_id: fileId, file_name: names.get(fileId)! })))
      .execute();
  }
  await trx
    .insertInto('case_action')
    .values({ id: newId(), case_id: id, seq: 1, action: 'submit', from_state: null, to_state: 'submitted', actor_id: filer.id, actor_name: filer.name, actor_role: filer.role, payload: JSON.stringify({ ...submitPayload(p), bundleCaseId: ctx.bundle.id }), at: ctx.now })
    .execute();
  await emitInTrx(trx, 'case.submitted', { caseId: id, number: row.number, implCode: doc.implCode, itemName: doc.name, orgId: p.item.orgId, applicantId: actor.id, bundleCaseId: ctx.bundle.id });
  await writeAuditInTrx(trx, { actor: { id: filer.id, name: filer.name }, action: 'case.submit', entityType: 'case', entityId: id, after: { number: row.number, state: 'submitted', bundleCaseId: ctx.bundle.id }, ip: ctx.ip });
  return { id, number: row.number, implCode: doc.implCode, itemName: doc.name, agencyName: p.item.agencyName, orgId: p.item.orgId };
}

/** A member case as the bundle case shows it. */
export type MemberCase = NonNullable<CaseRow>;

/** The member cases of a bundle case (the bundles module checks who may read the bundle). */
export async function memberCases(db: Db | Trx, bundleCaseId: string): Promise<MemberCase[]> {
  return db.selectFrom('case').selectAll().where(sql<boolean>`bundle->>'id' = ${bundleCaseId}::text`).where('bundle', 'is not', null).orderBy('submitted_at').orderBy('number').execute();
}

/** A case the actor may read as staff of its bundle's lead department (not act on). */
export async function loadAsBundleLead(db: Db | Trx, actor: Actor, id: string): Promise<MemberCase | undefined> {
  if (actor.subjectType !== 'staff' || !actor.orgId || !actor.permissions.has('case:read')) return undefined;
  return db.selectFrom('case').selectAll().where('id', '=', id).where(sql<boolean>`bundle->>'leadOrgId' = ${actor.orgId}::text`).executeTakeFirst();
}

/** Staff of the lead department may open the files of the bundle's member cases too. */
export async function canReadFileAsBundleLead(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  if (actor.subjectType !== 'staff' || !actor.orgId || !actor.permissions.has('case:read')) return false;
  const r = await db
    .selectFrom('case')
    .innerJoin('case_material as m', 'm.case_id', 'case.id')
    .select('case.id')
    .where('m.file_id', '=', fileId)
    .where(sql<boolean>`${sql.ref('case.bundle')}->>'leadOrgId' = ${actor.orgId}::text`)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

const SYSTEM = { id: null, name: '系统', role: 'system' };
/** States before the department's decision (or refusal to accept). */
export const UNDECIDED: readonly CaseState[] = ['submitted', 'supplement_requested', 'accepted'];

/**
 * Held delivery (一次出件): after a step that finishes a held member case, if no member of its bundle is still
 * open, release them all: electronic results are delivered now, together; pickup and express results become
 * deliverable (one pickup, one parcel). Serialised per bundle with an advisory lock, so two departments deciding
 * at once cannot both miss the release: the later one sees the earlier's decision committed.
 */
export async function releaseHeldInTrx(trx: Trx, c: NonNullable<CaseRow>, steps: Step[], now: Date): Promise<void> {
  const last = steps[steps.length - 1]!;
  if (!c.bundle?.hold || !UNDECIDED.includes(c.state) || UNDECIDED.includes(last.to)) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`bundle:${c.bundle.id}`}::text, 0))`.execute(trx);
  const members = await memberCases(trx, c.bundle.id);
  if (members.some((m) => UNDECIDED.includes(m.state))) return;
  for (const m of members) {
    if (!m.bundle?.hold) continue;
    const bundle = JSON.stringify({ ...m.bundle, hold: false });
    if (m.state === 'decided' && m.delivery.method === 'electronic') {
      const step: Step = {
        action: 'deliver',
        to: 'closed',
        patch: { bundle, closed_at: now, delivery: JSON.stringify({ ...m.delivery, deliveredAt: now.toISOString() }) },
        payload: { method: 'electronic', together: true, bundleCaseId: c.bundle.id },
        actor: SYSTEM,
      };
      await applyStepsInTrx(trx, m, [step], m.version, null);
    } else {
      await trx.updateTable('case').set({ bundle }).where('id', '=', m.id).execute();
    }
  }
  const after = await memberCases(trx, c.bundle.id);
  // One message to the applicant for all the results (notify): what each member decided and how they come.
  await emitInTrx(trx, 'bundle.results_released', {
    bundleCaseId: c.bundle.id,
    number: c.bundle.number,
    bundleName: c.bundle.name,
    leadAgency: c.bundle.leadAgency,
    applicantId: c.applicant_id,
    method: c.delivery.method,
    ...(c.delivery.address ? { address: c.delivery.address } : {}),
    items: after.map((m) => ({ caseId: m.id, itemName: m.item_name, result: m.decision?.result ?? 'declined' })),
  });
}

export type TogetherDelivery = { trackingNo?: string; provider?: string };

/**
 * 一窗出件: the results of a bundle delivered together went out as one pickup or one parcel. Every decided member
 * case is closed with the same delivery (the one waybill number on each), and the applicant is told once
 * (`bundle.delivered`; the members' own `case.closed` carry `together` and are not told again). Returns the
 * member cases delivered now; none when a member is still undecided or held, or all were delivered already.
 */
export async function deliverTogetherInTrx(trx: Trx, bundleCaseId: string, by: { id: string; name: string; ip: string | null }, waybill: TogetherDelivery, now: Date): Promise<MemberCase[]> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`bundle:${bundleCaseId}`}::text, 0))`.execute(trx);
  const members = await memberCases(trx, bundleCaseId);
  if (members.some((m) => UNDECIDED.includes(m.state) || m.bundle?.hold)) return [];
  const due = members.filter((m) => m.state === 'decided');
  for (const m of due) {
    const step: Step = {
      action: 'deliver',
      to: 'closed',
      patch: { closed_at: now, delivery: JSON.stringify({ ...m.delivery, ...waybill, deliveredAt: now.toISOString() }) },
      payload: { method: m.delivery.method, together: true, bundleCaseId, ...(waybill.trackingNo ? { trackingNo: waybill.trackingNo } : {}) },
      actor: { id: by.id, name: by.name, role: 'window_clerk' },
    };
    await applyStepsInTrx(trx, m, [step], m.version, by.ip);
  }
  if (due.length) {
    const first = due[0]!;
    await emitInTrx(trx, 'bundle.delivered', {
      bundleCaseId,
      number: first.bundle!.number,
      bundleName: first.bundle!.name,
      leadAgency: first.bundle!.leadAgency,
      applicantId: first.applicant_id,
      method: first.delivery.method,
      ...(waybill.trackingNo ? { trackingNo: waybill.trackingNo } : {}),
      items: due.map((m) => ({ caseId: m.id, itemName: m.item_name, result: m.decision?.result ?? 'declined' })),
    });
  }
  return due;
}
