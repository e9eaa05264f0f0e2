/**
 * Bundle cases (一件事一次办, part 2): one submission files one bundle case and one member case per applicable item,
 * all in one transaction (all or none) and once per Idempotency-Key; the member cases run in their departments'
 * queues as ordinary cases (cases/member.ts). The applicant sees one bundle: one state and light from its members,
 * one notice merging every member's supplement request, one supplement answering them all, results together.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { checkIdempotencyKey, earlierResult, idempotentInTrx, requestHash } from '../../platform/http/idempotency.ts';
import { todayInShanghai, yearOf, type CalendarData } from '../../platform/calendar/index.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { createWaybillForDelivery, type ExpressProvider, type Waybill } from '../../platform/express/index.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';
import { findItemVersion, findPublishedItems } from '../catalog/index.ts';
import { actOnCaseInTrx, catchUpCaseSequence, deliverTogetherInTrx, ensureCaseSequence, isTakenCaseNumber, fileCaseInTrx, memberCases, slaLight, STATE_LABELS, UNDECIDED, type MemberCase, type MemberInput } from '../cases/index.ts';
import { materialConceptOf } from './dictionary.ts';
import { BundleErrors } from './errors.ts';
import { buildPlan } from './plan.ts';
import { membersOf } from './service.ts';
import type { Answers, BundleDocument, Plan } from './schema.ts';

const SCOPE = 'bundle.submit';

export type DeliveryChoice = { method: 'electronic' | 'pickup' | 'express'; address?: string };
/** The bundle's delivery as shown: the choice, and once the results went out together, the one waybill. */
export type BundleDelivery = DeliveryChoice & { trackingNo?: string; provider?: string; deliveredAt?: string };
export type BundleSubmitInput = {
  bundleCode: string;
  answers: Answers;
  leaveOut?: string[];
  /** Merged form values, keyed as the plan's `form.fields[].key`. */
  form: Record<string, unknown>;
  /** Each merged material once, keyed as the plan's `materials[].key`. */
  materials: Array<{ key: string; fileId: string }>;
  delivery?: DeliveryChoice;
  /** 'together' (default): results are held until every member is decided; 'each': each as it is ready. */
  deliverResults?: 'together' | 'each';
};
type Ctx = { idempotencyKey?: string; cal: CalendarData; ip: string; locale: Locale; express?: ExpressProvider };
/** `applicant`: a window clerk (the actor) files for this applicant account (modules/window). */
type SubmitCtx = Ctx & { applicant?: Actor };

async function publishedForSubmit(db: Db, code: string) {
  const r = await db
    .selectFrom('bundle as b')
    .innerJoin('bundle_version as v', (j) => j.onRef('v.bundle_id', '=', 'b.id').onRef('v.version', '=', 'b.published_version'))
    .select(['b.id', 'v.id as version_id', 'v.version', 'v.document', 'b.lead_org_id', 'b.lead_org_name'])
    .where('b.status', '=', 'published')
    .where('b.code', '=', code)
    .executeTakeFirst();
  if (!r) throw BundleErrors.BUNDLE_NOT_FOUND({ ref: code });
  return r;
}

/** Split the merged values and materials of one submission into each member item's own input. */
export function splitForMembers(plan: Plan, input: Pick<BundleSubmitInput, 'form' | 'materials' | 'delivery'>): MemberInput[] {
  const known = new Set(plan.form.fields.map((f) => f.key));
  const unknownField = Object.keys(input.form).find((k) => !known.has(k));
  if (unknownField) throw BundleErrors.FIELD_UNKNOWN({ key: unknownField });
  const byKey = new Map(plan.materials.map((m) => [m.key, m]));
  const unknownMaterial = input.materials.find((m) => !byKey.has(m.key) || byKey.get(m.key)!.provide === 'bundle');
  if (unknownMaterial) throw BundleErrors.MATERIAL_UNKNOWN({ key: unknownMaterial.key });
  const members = new Map<string, MemberInput & { provided: { materials: Set<string>; fields: Set<string> } }>(
    plan.items.map((i) => [i.implCode, { implCode: i.implCode, form: {}, materials: [], ...(input.delivery ? { delivery: input.delivery } : {}), provided: { materials: new Set(), fields: new Set() } }]),
  );
  for (const f of plan.form.fields) {
    const value = f.issuedBy ? undefined : (f.filled?.value ?? input.form[f.key]);
    for (const ref of f.items) {
      const m = members.get(ref.implCode)!;
      if (f.issuedBy) m.provided.fields.add(ref.field);
      else if (value !== undefined && value !== null && value !== '') m.form[ref.field] = value;
    }
  }
  const given = new Map(input.materials.map((m) => [m.key, m.fileId]));
  for (const mat of plan.materials) {
    for (const ref of mat.items) {
      const m = members.get(ref.implCode)!;
      if (mat.provide === 'bundle') m.provided.materials.add(ref.code);
      else if (given.has(mat.key)) m.materials.push({ code: ref.code, fileId: given.get(mat.key)! });
    }
  }
  return [...members.values()];
}

/**
 * One submission: the bundle case and its member cases, all or none, once per Idempotency-Key. At a window
 * (`ctx.applicant`) the bundle case and its members are the applicant's, the clerk is recorded as filing each member,
 * the key is the clerk's, and the answer is what the clerk may read.
 */
export async function submitBundleCase(db: Db, actor: Actor, input: BundleSubmitInput, ctx: SubmitCtx): Promise<BundleCaseView> {
  const clerk = ctx.applicant ? actor : undefined;
  const applicant = ctx.applicant ?? actor;
  if (applicant.subjectType === 'staff') throw HttpErrors.FORBIDDEN();
  const key = ctx.idempotencyKey;
  const hashed = clerk ? { ...input, applicantId: applicant.id } : input;
  if (key !== undefined) {
    checkIdempotencyKey(key);
    // A retry after success gets the bundle case it created, even when the bundle has changed since.
    const earlier = await earlierResult(db, { ownerId: actor.id, scope: SCOPE, key, hash: requestHash(hashed) });
    if (earlier) return getBundleCase(db, actor, earlier, ctx.locale);
  }
  const b = await publishedForSubmit(db, input.bundleCode);
  const doc: BundleDocument = b.document;
  const plan = buildPlan(doc, b.version, await membersOf(db, doc), input.answers, input.leaveOut ?? []);
  if (plan.items.length === 0) throw BundleErrors.NOTHING_TO_FILE();
  const members = splitForMembers(plan, input);
  // Case number sequences are created outside the transaction (DDL inside would serialise submissions).
  const now = new Date();
  const year = yearOf(todayInShanghai(now));
  const published = await findPublishedItems(db, members.map((m) => m.implCode));
  const sequences = new Map<string, string>();
  for (const region of new Set([...published.values()].map((p) => p.regionCode))) sequences.set(region, await ensureCaseSequence(db, region, year));
  const together = (input.deliverResults ?? 'together') === 'together' && members.length > 1;
  const file = () => db.transaction().execute((trx) =>
    idempotentInTrx(trx, { ownerId: actor.id, scope: SCOPE, key, body: hashed, resultId: newId() }, async (id) => {
      const { n } = await sql<{ n: string }>`select nextval('bundle_case_no')::text as n`.execute(trx).then((r) => r.rows[0]!);
      const number = `YJS-${year}-${String(n).padStart(6, '0')}`;
      await trx
        .insertInto('bundle_case')
        .values({
          id,
          number,
          bundle_id: b.id,
          bundle_version_id: b.version_id,
          bundle_code: doc.code,
          bundle_name: doc.name,
          lead_org_id: b.lead_org_id,
          lead_org_name: b.lead_org_name,
          applicant_id: applicant.id,
          answers: JSON.stringify(input.answers),
          leave_out: JSON.stringify(input.leaveOut ?? []),
          form: JSON.stringify(input.form),
          materials: JSON.stringify(input.materials),
          delivery: JSON.stringify(input.delivery ?? { method: 'electronic' }),
          together,
          submitted_at: now,
        })
        .execute();
      const bundle = { id, number, name: doc.name, leadOrgId: b.lead_org_id, leadAgency: b.lead_org_name, hold: together, together };
      // One after the other on the one connection; any refusal rolls back the bundle case and every member filed so far.
      for (const m of members) {
        await fileCaseInTrx(trx, applicant, m, { cal: ctx.cal, ip: ctx.ip, now, bundle, sequence: (region) => sequences.get(region)!, ...(clerk ? { clerk } : {}) });
      }
    }),
  );
  const result = await file().catch(async (err: unknown) => {
    // A case number was taken already (a sequence behind the numbers filed): catch the sequences up, file again.
    if (!isTakenCaseNumber(err)) throw err;
    for (const region of sequences.keys()) await catchUpCaseSequence(db, region, year);
    return file();
  });
  return getBundleCase(db, actor, result.id, ctx.locale);
}

export type MemberView = {
  caseId: string;
  number: string;
  itemName: string;
  implCode: string;
  agency: string;
  state: MemberCase['state'];
  stateLabel: string;
  dueDate: string | null;
  slaLight: 'green' | 'yellow' | 'red' | null;
  version: number;
  result?: 'grant' | 'refuse';
  delivery: MemberCase['delivery'];
  held: boolean;
  notice?: NonNullable<MemberCase['notice']>;
};
export type NoticeEntry = {
  /** Send back with the supplement: one file answers every department asking for it. */
  key: string;
  name: string;
  needsFile: boolean;
  requests: Array<{ caseId: string; itemName: string; agency: string; code?: string; reason: string; issuedBy: string; issuedAt: string }>;
};
export type BundleState = 'in_progress' | 'supplement_requested' | 'results_ready' | 'done';
export const BUNDLE_STATE_LABELS: Record<BundleState, string> = {
  in_progress: '各部门并联办理中',
  supplement_requested: '待补正材料',
  results_ready: '已全部办完，结果送达中',
  done: '已办结',
};
export type BundleCaseView = {
  id: string;
  number: string;
  bundle: { code: string; name: string; leadAgency: string };
  submittedAt: string;
  state: BundleState;
  stateLabel: string;
  dueDate: string | null;
  slaLight: 'green' | 'yellow' | 'red' | null;
  deliverResults: 'together' | 'each';
  delivery: BundleDelivery;
  members: MemberView[];
  notice: { items: NoticeEntry[] } | null;
};

const LIGHT_RANK = { green: 1, yellow: 2, red: 3 } as const;
const FINISHED: ReadonlyArray<MemberCase['state']> = ['closed', 'declined', 'revoked'];

/** The bundle's state follows its members: done when every member is closed. */
export function bundleStateOf(states: ReadonlyArray<MemberCase['state']>): BundleState {
  if (states.every((s) => FINISHED.includes(s))) return 'done';
  if (states.includes('supplement_requested')) return 'supplement_requested';
  if (states.every((s) => !UNDECIDED.includes(s))) return 'results_ready';
  return 'in_progress';
}

/** Every member's open supplement request as one list; the same material asked by several departments once. */
export function mergeNotices(members: ReadonlyArray<MemberView>): NoticeEntry[] {
  const byKey = new Map<string, NoticeEntry>();
  for (const m of members) {
    if (m.state !== 'supplement_requested' || !m.notice) continue;
    m.notice.items.forEach((i, n) => {
      const key = i.code ? (materialConceptOf(i.name)?.id ?? `${m.caseId}#${i.code}`) : `${m.caseId}#note${n}`;
      const request = { caseId: m.caseId, itemName: m.itemName, agency: m.agency, ...(i.code ? { code: i.code } : {}), reason: i.reason, issuedBy: m.notice!.issuedBy, issuedAt: m.notice!.issuedAt };
      const seen = byKey.get(key);
      if (seen) seen.requests.push(request);
      else byKey.set(key, { key, name: i.name, needsFile: !!i.code, requests: [request] });
    });
  }
  return [...byKey.values()];
}

function memberView(c: MemberCase, locale: Locale, today: string): MemberView {
  return {
    caseId: c.id,
    number: c.number,
    itemName: c.item_name,
    implCode: c.impl_code,
    agency: c.agency_name,
    state: c.state,
    stateLabel: STATE_LABELS[c.state][locale],
    dueDate: c.due_date,
    slaLight: slaLight(UNDECIDED.includes(c.state) && !c.suspension, today, { dueDate: c.due_date, warnDate: c.warn_date }),
    version: c.version,
    ...(c.decision ? { result: c.decision.result } : {}),
    delivery: c.delivery,
    held: !!c.bundle?.hold && c.state === 'decided',
    ...(c.notice && c.state === 'supplement_requested' ? { notice: c.notice } : {}),
  };
}

type BundleCaseRow = Awaited<ReturnType<typeof loadBundleCase>>;
async function loadBundleCase(db: Db, id: string) {
  return db.selectFrom('bundle_case').selectAll().where('id', '=', id).executeTakeFirst();
}

function viewOf(row: NonNullable<BundleCaseRow>, cases: MemberCase[], locale: Locale): BundleCaseView {
  const today = todayInShanghai();
  const members = cases.map((c) => memberView(c, locale, today));
  const state = bundleStateOf(members.map((m) => m.state));
  const lights = members.map((m) => m.slaLight).filter((l) => l !== null);
  const dues = members.filter((m) => UNDECIDED.includes(m.state)).map((m) => m.dueDate).filter((d) => d !== null);
  const notice = mergeNotices(members);
  return {
    id: row.id,
    number: row.number,
    bundle: { code: row.bundle_code, name: row.bundle_name, leadAgency: row.lead_org_name },
    submittedAt: row.submitted_at.toISOString(),
    state,
    stateLabel: BUNDLE_STATE_LABELS[state],
    dueDate: dues.length ? dues.reduce((a, b) => (a > b ? a : b)) : null,
    slaLight: lights.length ? lights.reduce((a, b) => (LIGHT_RANK[a] >= LIGHT_RANK[b] ? a : b)) : null,
    deliverResults: row.together ? 'together' : 'each',
    delivery: row.delivery,
    members,
    notice: notice.length ? { items: notice } : null,
  };
}

/**
 * The applicant, staff of the lead department, and staff whose scope covers the region of a member (where it is
 * decided, or where it was filed and accepted: 通办, 综合窗口) may read a bundle case.
 */
function mayRead(actor: Actor, row: NonNullable<BundleCaseRow>, cases: MemberCase[]): boolean {
  if (row.applicant_id === actor.id) return true;
  if (actor.subjectType !== 'staff' || !actor.permissions.has('case:read')) return false;
  if (actor.orgId === row.lead_org_id) return true;
  const scope = scopeOf(actor, 'case:read');
  const prefix = regionLikePrefix(actor.regionCode);
  return scope === 'all' || (scope === 'region' && cases.some((c) => c.region_code.startsWith(prefix) || !!c.accept_region_code?.startsWith(prefix)));
}

export async function getBundleCase(db: Db, actor: Actor, id: string, locale: Locale): Promise<BundleCaseView> {
  const row = await loadBundleCase(db, id);
  const cases = row ? await memberCases(db, id) : [];
  if (!row || !mayRead(actor, row, cases)) throw BundleErrors.CASE_NOT_FOUND();
  return viewOf(row, cases, locale);
}

export async function listBundleCases(db: Db, actor: Actor, locale: Locale): Promise<BundleCaseView[]> {
  const rows = await db.selectFrom('bundle_case').selectAll().where('applicant_id', '=', actor.id).orderBy('submitted_at', 'desc').limit(50).execute();
  return Promise.all(rows.map(async (r) => viewOf(r, await memberCases(db, r.id), locale)));
}

/**
 * One supplement answering the one notice: every file asked for is checked first, then each member case with an
 * open request gets its `supplement` action, all in one transaction: if any member refuses (a file not the
 * applicant's, a member moved on meanwhile), nothing is saved and the applicant gets that member's 4xx.
 */
export async function supplementBundleCase(db: Db, actor: Actor, id: string, body: { materials: Array<{ key: string; fileId: string }>; note?: string }, ctx: Ctx): Promise<BundleCaseView> {
  const view = await getBundleCase(db, actor, id, ctx.locale);
  const row = (await loadBundleCase(db, id))!;
  if (row.applicant_id !== actor.id) throw HttpErrors.FORBIDDEN();
  if (!view.notice) throw BundleErrors.NOTHING_TO_SUPPLEMENT();
  const given = new Map(body.materials.map((m) => [m.key, m.fileId]));
  const missing = view.notice.items.filter((i) => i.needsFile && !given.has(i.key));
  if (missing.length) throw BundleErrors.SUPPLEMENT_INCOMPLETE({ names: missing.map((i) => i.name).join('、') });
  const notice = view.notice;
  await db.transaction().execute(async (trx) => {
    for (const m of view.members.filter((x) => x.notice)) {
      const materials = notice.items.flatMap((i) => i.requests.filter((r) => r.caseId === m.caseId && r.code).map((r) => ({ code: r.code!, fileId: given.get(i.key)! })));
      await actOnCaseInTrx(trx, actor, m.caseId, { action: 'supplement', version: m.version, materials, ...(body.note ? { note: body.note } : {}) }, ctx);
    }
  });
  return getBundleCase(db, actor, id, ctx.locale);
}

/**
 * 一窗出件: the results of a bundle delivered together go out at once — one pickup at the window, or one express
 * parcel with one waybill for the whole bundle (booked with the express provider unless the clerk types the
 * number), recorded on the bundle case and on every member case. For window staff (case:accept) who may read the
 * bundle; only once every member is decided and the results are released.
 */
export async function deliverBundleCase(db: Db, actor: Actor, id: string, body: { trackingNo?: string }, ctx: Ctx): Promise<BundleCaseView> {
  if (actor.subjectType !== 'staff' || !actor.permissions.has('case:accept')) throw HttpErrors.FORBIDDEN();
  const view = await getBundleCase(db, actor, id, ctx.locale);
  if (view.deliverResults === 'each') throw BundleErrors.DELIVERED_ONE_BY_ONE();
  if (view.delivery.method === 'electronic') throw BundleErrors.ELECTRONIC_ALREADY();
  if (!view.members.some((m) => m.state === 'decided') || view.members.some((m) => UNDECIDED.includes(m.state) || m.held)) throw BundleErrors.NOT_DELIVERABLE();
  const typed = body.trackingNo?.trim();
  let waybill: Waybill | undefined;
  if (view.delivery.method === 'express' && !typed) {
    if (!ctx.express) throw BundleErrors.TRACKING_REQUIRED();
    const row = (await loadBundleCase(db, id))!;
    const cases = await memberCases(db, id);
    // One parcel from the lead department's window (its member item's hall) holding every member's result.
    const lead = cases.find((c) => c.org_id === row.lead_org_id) ?? cases[0]!;
    const item = await findItemVersion(db, lead.item_version_id);
    waybill = await createWaybillForDelivery(ctx.express, {
      reference: view.number,
      description: `${view.bundle.name} 办理结果（${view.members.filter((m) => m.state === 'decided').length} 件）`,
      from: { name: row.lead_org_name, phone: item?.contacts.consult ?? '', address: item?.hall.address ?? row.lead_org_name },
      toAddress: view.delivery.address ?? '',
      toName: lead.applicant_name,
    });
  }
  const sent = typed ? { trackingNo: typed } : waybill ? { trackingNo: waybill.trackingNo, provider: waybill.provider } : {};
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const delivered = await deliverTogetherInTrx(trx, id, { id: actor.id, name: actor.displayName, ip: ctx.ip }, sent, now);
    if (delivered.length === 0) throw BundleErrors.NOT_DELIVERABLE();
    const row = (await trx.selectFrom('bundle_case').select('delivery').where('id', '=', id).forUpdate().executeTakeFirstOrThrow()).delivery;
    await trx.updateTable('bundle_case').set({ delivery: JSON.stringify({ ...row, ...sent, deliveredAt: now.toISOString() }) }).where('id', '=', id).execute();
  });
  return getBundleCase(db, actor, id, ctx.locale);
}
