/**
 * Filing a case (POST /api/v1/cases) in one database round trip (ADR 0006).
 *
 * Everything that needs no database is decided in node first: the published item comes from a per-database
 * cache (re-checked by the statement), the form, the materials and the applicant type are validated against
 * it, the deadline is worked out. Then ONE statement (submit-batch.ts: shared with the submissions that queued
 * while the previous one ran — group commit, each row checked on its own), in its own implicit transaction, does the rest with
 * data-modifying CTEs: it checks that the item version is still the published one and that every material file
 * belongs to the applicant, claims the Idempotency-Key, draws the case number, inserts the case, its materials,
 * its first log entry, its outbox event and its audit event, and deletes the draft — all or nothing. The
 * answer is built from the filing and what the database decided (RETURNING the number, the applicant's name and the
 * region names it shows) without reading the case back.
 *
 * Idempotency stays exact: the key is claimed in the same statement as the case, so a crash leaves neither;
 * a concurrent duplicate waits on the key's unique index until the first commits, then finds the earlier case.
 * A request refused by validation first looks for an earlier request with its key, so a retry is answered as
 * before even when the item has changed since.
 */
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { auditRow } from '../../platform/audit/index.ts';
import { checkIdempotencyKey, earlierResult, requestHashWith } from '../../platform/http/idempotency.ts';
import { canonicalJsonOfPlain } from '../../platform/audit/index.ts';
import { recordedName, type Actor } from '../../platform/auth/actor.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { todayInShanghai, yearOf, type CalendarData } from '../../platform/calendar/index.ts';
import { findPublishedItem, type PublishedItem } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import { validateForm } from './form-validation.ts';
import { ACCEPTANCE_LIMIT_WORKING_DAYS, deadline, type Deadline } from './rules.ts';
import { caseDetailOf, getCase, type CaseDetail, type SubmitInput } from './service.ts';
import { getApplicantProfileInTrx } from '../identity/index.ts';
import { signCommitment } from './commitment.ts';
import type { SignedCommitment } from './tables.ts';
import { acceptRegionFor, windowAcceptRegion } from './tongban.ts';
import { stepsOf } from './review-steps.ts';
import { extrasOf } from './engine-extras.ts';
import { encodeFiling, fileBatched, type Filed, type Filing } from './submit-batch.ts';
import { caseNumberPrefix, catchUpCaseSequence, ensureCaseSequence, forgetCaseSequence, isTakenCaseNumber } from './case-number.ts';
import { checkMaterialLicenses, splitMaterials, type AttachedLicense, type MaterialLicensePort } from './material-licenses.ts';

const SCOPE = 'case.submit';
const LEVEL_LABEL = { L1: '一级', L2: '二级', L3: '三级' } as const;
const ITEM_CACHE_MAX = 500;

/** Per database (tests run several in one process): published items by implementation code. */
const caches = new WeakMap<Db, Map<string, PublishedItem>>();
function itemsOf(db: Db): Map<string, PublishedItem> {
  let items = caches.get(db);
  if (!items) caches.set(db, (items = new Map()));
  return items;
}

/** The published item, from the cache unless `fresh`. A cached entry is only a guess: the statement re-checks it. */
async function publishedItem(db: Db, implCode: string, fresh: boolean): Promise<PublishedItem | undefined> {
  const items = itemsOf(db);
  const hit = fresh ? undefined : items.get(implCode);
  if (hit) return hit;
  const item = await findPublishedItem(db, implCode);
  items.delete(implCode);
  if (item) {
    if (items.size >= ITEM_CACHE_MAX) items.delete(items.keys().next().value!);
    items.set(implCode, item);
  }
  return item;
}

/** The acceptance deadline of a filing made today: the same for every filing of the day and calendar, worked out once. */
let acceptance: { cal: CalendarData; today: string; due: Deadline } | undefined;
function acceptanceDeadline(cal: CalendarData): Deadline {
  const today = todayInShanghai();
  if (acceptance?.cal !== cal || acceptance.today !== today) acceptance = { cal, today, due: deadline(today, ACCEPTANCE_LIMIT_WORKING_DAYS, cal) };
  return acceptance.due;
}

export type Plan = {
  item: PublishedItem;
  given: Map<string, string>;
  names: Map<string, string>;
  dueDate: string;
  warnDate: string;
  /** 告知承诺制: the commitment the applicant signed (commitment.ts). */
  signed?: SignedCommitment;
  /** 通办: the accepting region when it is not the deciding agency's (tongban.ts). */
  acceptRegion: string | null;
  /** 综合窗口: the window clerk who filed it on the applicant's behalf (absent: the applicant filed online). */
  clerk?: { id: string; name: string };
  /** 免提交: materials the applicant gives as one of their electronic licenses (code → license ref), then as checked. */
  licenses?: Map<string, string>;
  attached?: AttachedLicense[];
};

/**
 * Every check that needs no database (same rules and messages as ever). `provided`: material codes and form fields
 * another member of the same 一件事 issues (member.ts), not asked of the applicant. `atWindow`: filed at a
 * comprehensive window, where every published item is taken, not only those applied for online (online depth ≥ 4).
 */
export function plan(
  item: PublishedItem | undefined,
  actor: Actor,
  input: SubmitInput,
  cal: CalendarData,
  provided?: { materials: ReadonlySet<string>; fields: ReadonlySet<string> },
  atWindow = false,
): Plan {
  if (!item || !(atWindow || item.document.onlineDepth.some((d) => d >= 4))) throw CaseErrors.ITEM_NOT_APPLICABLE({ implCode: input.implCode });
  const doc = item.document;
  if (actor.subjectType === 'staff' || !doc.serviceObjects.includes(actor.subjectType)) {
    throw CaseErrors.WRONG_APPLICANT_TYPE({ allowed: doc.serviceObjects.map((o) => (o === 'person' ? '个人' : '企业和组织')).join('、') });
  }
  // Real-name level (issue 8): online only; at a window the clerk has the person and their ID card in front of them.
  const need = doc.minRealNameLevel;
  const have = actor.realNameLevel ?? 'L1';
  if (need && !atWindow && have < need) throw CaseErrors.REAL_NAME_LEVEL_TOO_LOW({ required: LEVEL_LABEL[need], current: LEVEL_LABEL[have] });
  const problems = validateForm(doc.form, input.form).filter((p) => !(p.problem === 'required' && provided?.fields.has(p.field)));
  if (problems.length) throw CaseErrors.FORM_INVALID({ summary: problems.map((p) => p.message).join('；'), fields: problems });
  const byCode = new Map(doc.materials.map((m) => [m.code, m]));
  for (const m of input.materials) if (!byCode.has(m.code)) throw CaseErrors.MATERIAL_UNKNOWN({ code: m.code });
  const { files: given, licenses } = splitMaterials(input.materials);
  // Materials the platform obtains itself (registers, licenses) are never demanded from the applicant.
  const missing = doc.materials.filter((m) => m.necessity === 'required' && !m.obtainable && !given.has(m.code) && !licenses?.has(m.code) && !provided?.materials.has(m.code));
  if (missing.length) throw CaseErrors.MATERIAL_MISSING({ names: missing.map((m) => m.name).join('、'), codes: missing.map((m) => m.code) });
  if (input.delivery?.method === 'express' && !input.delivery.address?.trim()) throw CaseErrors.ADDRESS_REQUIRED();
  const due = acceptanceDeadline(cal);
  return { item, given, names: new Map([...given.keys()].map((code) => [code, byCode.get(code)!.name])), dueDate: due.dueDate, warnDate: due.warnDate, acceptRegion: null, ...(licenses ? { licenses } : {}) };
}

/**
 * The checks that read the database, only for the items that need them: the commitment's signature, the accepting
 * region, the electronic licenses given for materials (only when some are: `licensePort`, from the licenses module).
 * `clerk`: filed at a comprehensive window on the applicant's behalf — the window's region accepts it
 * (tongban.ts `windowAcceptRegion`), whatever region the request names.
 */
export async function planExtras(db: Db, actor: Actor, input: SubmitInput, p: Plan, now: Date, clerk?: Actor, licensePort?: MaterialLicensePort): Promise<Plan> {
  const doc = p.item.document;
  let signed: SignedCommitment | undefined;
  if (doc.commitmentApproval) {
    const names = actor.subjectType === 'person' ? [(await getApplicantProfileInTrx(db, actor.id)).person_name, actor.displayName] : [];
    signed = signCommitment(doc, input.commitment, { subjectType: actor.subjectType, names }, now);
  }
  const wanted = clerk ? windowAcceptRegion(p.item.regionCode, clerk) : input.acceptRegionCode;
  const acceptRegion = await acceptRegionFor(db, doc, p.item.regionCode, wanted);
  const attached = p.licenses ? await checkMaterialLicenses(db, licensePort, actor.id, doc, p.licenses) : undefined;
  return { ...p, signed, acceptRegion, ...(clerk ? { clerk: { id: clerk.id, name: clerk.displayName } } : {}), ...(attached ? { attached } : {}) };
}

/** The first log entry's payload: the channel (and the window clerk), and the 通办 and 告知承诺 facts of the filing. */
export function submitPayload(p: Plan): Record<string, unknown> {
  return { channel: p.clerk ? 'window' : 'online', ...(p.clerk ? { clerkId: p.clerk.id, clerkName: p.clerk.name } : {}), ...(p.acceptRegion ? { acceptRegionCode: p.acceptRegion } : {}), ...(p.signed ? { commitmentSignedBy: p.signed.signedName } : {}) };
}

/** What the statement writes for this filing (submit-batch.ts files it, alone or with others). */
function filingOf(actor: Actor, filer: Filer, input: SubmitInput, p: Plan, ids: { caseId: string; actionId: string; key: string | null; hash: string | null; sequence: string; year: number; now: Date; ip: string }): Filing {
  const { item } = p;
  const doc = item.document;
  const audit = auditRow({ actor: { id: filer.id, name: filer.name }, action: 'case.submit', entityType: 'case', entityId: ids.caseId, ip: ids.ip });
  return {
    case_id: ids.caseId,
    action_id: ids.actionId,
    applicant_id: actor.id,
    subject_type: actor.subjectType,
    display_name: actor.displayName,
    filer_id: filer.id,
    filer_name: filer.name,
    filer_role: filer.role,
    key: ids.key,
    hash: ids.hash,
    item_id: item.itemId,
    version_id: item.versionId,
    item_version: item.version,
    impl_code: doc.implCode,
    item_name: doc.name,
    region_code: item.regionCode,
    org_id: item.orgId,
    agency_name: item.agencyName,
    seq: ids.sequence,
    prefix: caseNumberPrefix(item.regionCode, ids.year),
    form: input.form,
    committed_days: doc.committedDays,
    statutory_days: doc.statutoryDays,
    now: ids.now.toISOString(),
    due_date: p.dueDate,
    warn_date: p.warnDate,
    case_type: doc.caseType,
    joint: (doc.jointAgencies?.length ?? 0) > 0,
    delivery: input.delivery ?? { method: 'electronic' },
    accept_region_code: p.acceptRegion,
    commitment: p.signed ?? null,
    // the item version's review steps, started at acceptance (review-steps.ts)
    review: { steps: stepsOf(doc, doc.committedDays), current: -1 },
    log_payload: submitPayload(p),
    outbox_id: newId(),
    outbox: { caseId: ids.caseId, implCode: doc.implCode, itemName: doc.name, orgId: item.orgId, applicantId: actor.id, ...(p.clerk ? { channel: 'window' } : {}) },
    audit_id: audit.id,
    audit_at: audit.at.toISOString(),
    ip: ids.ip,
    materials: [...p.given].map(([code, fileId]) => ({ code, name: p.names.get(code)!, file_id: fileId })),
    nfiles: new Set(p.given.values()).size,
    ...(p.attached ? { licenses: p.attached.map(licenseRowOf) } : {}),
  };
}

type CaseRowOf = Parameters<typeof caseDetailOf>[1];

/**
 * The case row as the statement inserted it: the filing's values, the column defaults of a new case, and what the
 * database decided (number, applicant name) — the answer needs no read of the row (and not its 5 KB form) back.
 * submit.test.ts holds it to the case as read back.
 */
function caseRowOf(f: Filing, number: string, applicantName: string): CaseRowOf {
  const at = new Date(f.now);
  return {
    id: f.case_id,
    number,
    region_code: f.region_code,
    org_id: f.org_id,
    agency_name: f.agency_name,
    item_id: f.item_id,
    item_version_id: f.version_id,
    item_version: f.item_version,
    impl_code: f.impl_code,
    item_name: f.item_name,
    applicant_id: f.applicant_id,
    applicant_name: applicantName,
    applicant_type: f.subject_type as CaseRowOf['applicant_type'],
    state: 'submitted',
    version: 1,
    form: f.form as CaseRowOf['form'],
    decision: null,
    committed_days: f.committed_days,
    statutory_days: f.statutory_days,
    submitted_at: at,
    accepted_at: null,
    closed_at: null,
    due_date: f.due_date,
    warn_date: f.warn_date,
    updated_at: at,
    case_type: f.case_type as CaseRowOf['case_type'],
    joint: f.joint,
    assignee_id: null,
    notice: null,
    suspension: null,
    extension_days: 0,
    statutory_due_date: null,
    delivery: f.delivery as CaseRowOf['delivery'],
    deemed_accepted: false,
    accept_region_code: f.accept_region_code,
    commitment: f.commitment as CaseRowOf['commitment'],
    review: f.review as CaseRowOf['review'],
    bundle: null,
    accept_org_id: null,
    accept_agency_name: null,
  };
}

const licenseRowOf = (l: AttachedLicense) => ({ code: l.code, name: l.name, license_ref: l.ref, type_code: l.typeCode, type_name: l.typeName, number: l.number, issuer_name: l.issuerName, holder_name: l.holderName });

/** Who files and is recorded as filing: the applicant online, or the window clerk on their behalf. */
export type Filer = { id: string; name: string; role: 'applicant' | 'window_clerk' };
export function filerOf(applicant: Actor, clerk?: Actor): Filer {
  return clerk ? { id: clerk.id, name: clerk.displayName, role: 'window_clerk' } : { id: applicant.id, name: recordedName(applicant), role: 'applicant' };
}

type SubmitContext = { idempotencyKey?: string; cal: CalendarData; ip: string; locale: Locale; applicant?: Actor; licenses?: MaterialLicensePort };

/** A filing's answer: the case, and (when this request filed it) its form as the JSON bytes it was filed with. */
export type Submitted = { detail: CaseDetail; formJson?: Buffer };

/**
 * File a case for `actor`. `ctx.applicant`: a window clerk (`actor`) files for this applicant account — the case is
 * the applicant's, the clerk is recorded as filing it, the clerk's own uploads may serve as its materials, the
 * Idempotency-Key is the clerk's and the answer is what the clerk may see (modules/window).
 */
export async function submitCase(db: Db, actor: Actor, input: SubmitInput, ctx: SubmitContext): Promise<CaseDetail> {
  return (await fileCase(db, actor, input, ctx)).detail;
}

/** `submitCase`, with the form's JSON bytes for the answer (detail-json.ts: the routes send them as they are). */
export async function fileCase(db: Db, actor: Actor, input: SubmitInput, ctx: SubmitContext): Promise<Submitted> {
  const clerk = ctx.applicant ? actor : undefined;
  const applicant = ctx.applicant ?? actor;
  const filer = filerOf(applicant, clerk);
  const key = ctx.idempotencyKey ?? null;
  if (key !== null) checkIdempotencyKey(key);
  // The form's JSON once: the request's fingerprint and the filing are made of the same bytes.
  const form = Buffer.from(canonicalJsonOfPlain(input.form));
  const hash = key !== null ? requestHashWith(clerk ? { ...input, applicantId: applicant.id } : input, 'form', form) : null;
  /** A refusal is only final when no earlier request with this key was filed (a retry gets its case). */
  const refuse = async (err: unknown): Promise<Submitted> => {
    const earlier = key !== null ? await earlierResult(db, { ownerId: actor.id, scope: SCOPE, key, hash: hash! }) : undefined;
    if (earlier) return { detail: await getCase(db, actor, earlier, ctx.locale, { audit: false }) };
    throw err;
  };
  const year = yearOf(todayInShanghai());
  let caughtUp = false;
  for (let attempt = 0; ; attempt++) {
    const item = await publishedItem(db, input.implCode, attempt > 0);
    let p: Plan;
    const now = new Date();
    try {
      p = await planExtras(db, applicant, input, plan(item, applicant, input, ctx.cal, undefined, !!clerk), now, clerk, ctx.licenses);
    } catch (err) {
      return refuse(err);
    }
    const sequence = await ensureCaseSequence(db, p.item.regionCode, year);
    const caseId = newId();
    const actionId = newId();
    const filing = filingOf(applicant, filer, input, p, { caseId, actionId, key, hash, sequence, year, now, ip: ctx.ip });
    let row: Filed;
    try {
      row = await fileBatched(db, encodeFiling(filing, form));
    } catch (err) {
      // The sequence was dropped behind our back (a restored database): forget it and try once more.
      if ((err as { code?: string }).code === '42P01' && attempt === 0) {
        forgetCaseSequence(db, sequence);
        continue;
      }
      if (isTakenCaseNumber(err) && !caughtUp) {
        caughtUp = true;
        await catchUpCaseSequence(db, p.item.regionCode, year);
        continue;
      }
      throw err;
    }
    if (!row._published) {
      // The cached item was retired or republished meanwhile: look again (once).
      itemsOf(db).delete(input.implCode);
      if (attempt === 0) continue;
      return refuse(CaseErrors.ITEM_NOT_APPLICABLE({ implCode: input.implCode }));
    }
    const bad = [...p.given].find(([, fileId]) => row._files[fileId] === undefined);
    if (bad) return refuse(CaseErrors.MATERIAL_FILE_INVALID({ name: p.names.get(bad[0])!, code: bad[0] }));
    if (!row.id) {
      // The key was claimed by an earlier request (the statement waited for it to commit).
      const earlier = await earlierResult(db, { ownerId: actor.id, scope: SCOPE, key: key!, hash: hash! });
      if (earlier) return { detail: await getCase(db, actor, earlier, ctx.locale, { audit: false }) };
      if (attempt === 0) continue; // that request rolled back after all: file this one
      throw new Error('case submission neither filed nor found');
    }
    const c = caseRowOf(filing, row.number!, row.applicant_name!);
    const materials = [...p.given]
      .map(([code, fileId]) => ({ case_id: caseId, code, name: p.names.get(code)!, file_id: fileId, file_name: row._files[fileId]! }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const log = [{ id: actionId, case_id: caseId, seq: 1, action: 'submit', from_state: null, to_state: 'submitted', actor_id: filer.id, actor_name: filer.name, actor_role: filer.role, payload: submitPayload(p), at: now }];
    const licensed = (p.attached ?? []).map((l) => ({ case_id: caseId, ...licenseRowOf(l) }));
    const detail = caseDetailOf(actor, c, materials, log, p.item.document, extrasOf(c, new Map(Object.entries(row._regions)), undefined) /* a new case has no verification task yet */, ctx.locale, false, licensed);
    return { detail, formJson: form };
  }
}
