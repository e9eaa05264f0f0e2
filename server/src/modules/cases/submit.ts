/**
 * Filing a case (POST /api/v1/cases) in one database round trip (ADR 0006).
 *
 * Everything that needs no database is decided in node first: the published item comes from a per-database
 * cache (re-checked by the statement), the form, the materials and the applicant type are validated against
 * it, the deadline is worked out. Then ONE statement, in its own implicit transaction, does the rest with
 * data-modifying CTEs: it checks that the item version is still the published one and that every material file
 * belongs to the applicant, claims the Idempotency-Key, draws the case number, inserts the case, its materials,
 * its first log entry, its outbox event and its audit event, and deletes the draft — all or nothing. The
 * answer is built from what was inserted (RETURNING) without reading the case back.
 *
 * Idempotency stays exact: the key is claimed in the same statement as the case, so a crash leaves neither;
 * a concurrent duplicate waits on the key's unique index until the first commits, then finds the earlier case.
 * A request refused by validation first looks for an earlier request with its key, so a retry is answered as
 * before even when the item has changed since.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { PREPARE_MARK } from '../../platform/db/prepared.ts';
import { newId } from '../../platform/ids.ts';
import { auditRow } from '../../platform/audit/index.ts';
import { checkIdempotencyKey, earlierResult, requestHash } from '../../platform/http/idempotency.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { todayInShanghai, type CalendarData } from '../../platform/calendar/index.ts';
import { findPublishedItem, type PublishedItem } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import { validateForm } from './form-validation.ts';
import { ACCEPTANCE_LIMIT_WORKING_DAYS, deadline } from './rules.ts';
import { caseDetailOf, getCase, type CaseDetail, type SubmitInput } from './service.ts';
import { getApplicantProfileInTrx } from '../identity/index.ts';
import { signCommitment } from './commitment.ts';
import type { SignedCommitment } from './tables.ts';
import { acceptRegionFor } from './tongban.ts';
import { stepsOf } from './review-steps.ts';
import { caseExtras } from './engine-extras.ts';

const SCOPE = 'case.submit';
const ITEM_CACHE_MAX = 500;

/** Per database (tests run several in one process): published items by implementation code, and known sequences. */
type DbCaches = { items: Map<string, PublishedItem>; sequences: Set<string> };
const caches = new WeakMap<Db, DbCaches>();
function cachesOf(db: Db): DbCaches {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { items: new Map(), sequences: new Set() }));
  return c;
}

/** The published item, from the cache unless `fresh`. A cached entry is only a guess: the statement re-checks it. */
async function publishedItem(db: Db, implCode: string, fresh: boolean): Promise<PublishedItem | undefined> {
  const { items } = cachesOf(db);
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

/** Per region and year, case numbers come from a PostgreSQL sequence: no hot counter row for submissions to queue on. */
function caseSequenceName(regionCode: string, year: number): string {
  if (!/^\d{6,12}$/.test(regionCode) || !Number.isInteger(year)) throw new Error('bad case number scope');
  return `case_no_${regionCode}_${year}`;
}

/** Create the sequence outside the submitting statement (DDL there would serialise submissions). */
export async function ensureCaseSequence(db: Db, regionCode: string, year: number): Promise<string> {
  const name = caseSequenceName(regionCode, year);
  const { sequences } = cachesOf(db);
  if (sequences.has(name)) return name;
  try {
    await sql`create sequence if not exists ${sql.id(name)}`.execute(db);
  } catch (err) {
    // Two processes creating it at once: the loser sees a duplicate; the sequence exists either way.
    if (!['23505', '42P07'].includes((err as { code?: string }).code ?? '')) throw err;
  }
  sequences.add(name);
  return name;
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
};

/**
 * Every check that needs no database (same rules and messages as ever). `provided`: material codes and form fields
 * another member of the same 一件事 issues (member.ts), not asked of the applicant.
 */
export function plan(item: PublishedItem | undefined, actor: Actor, input: SubmitInput, cal: CalendarData, provided?: { materials: ReadonlySet<string>; fields: ReadonlySet<string> }): Plan {
  if (!item || !item.document.onlineDepth.some((d) => d >= 4)) throw CaseErrors.ITEM_NOT_APPLICABLE({ implCode: input.implCode });
  const doc = item.document;
  if (actor.subjectType === 'staff' || !doc.serviceObjects.includes(actor.subjectType)) {
    throw CaseErrors.WRONG_APPLICANT_TYPE({ allowed: doc.serviceObjects.map((o) => (o === 'person' ? '个人' : '企业和组织')).join('、') });
  }
  const problems = validateForm(doc.form, input.form).filter((p) => !(p.problem === 'required' && provided?.fields.has(p.field)));
  if (problems.length) throw CaseErrors.FORM_INVALID({ summary: problems.map((p) => p.message).join('；'), fields: problems });
  const byCode = new Map(doc.materials.map((m) => [m.code, m]));
  for (const m of input.materials) if (!byCode.has(m.code)) throw CaseErrors.MATERIAL_UNKNOWN({ code: m.code });
  const given = new Map(input.materials.map((m) => [m.code, m.fileId]));
  // Materials the platform obtains itself (registers, licenses) are never demanded from the applicant.
  const missing = doc.materials.filter((m) => m.necessity === 'required' && !m.obtainable && !given.has(m.code) && !provided?.materials.has(m.code));
  if (missing.length) throw CaseErrors.MATERIAL_MISSING({ names: missing.map((m) => m.name).join('、'), codes: missing.map((m) => m.code) });
  if (input.delivery?.method === 'express' && !input.delivery.address?.trim()) throw CaseErrors.ADDRESS_REQUIRED();
  const due = deadline(todayInShanghai(), ACCEPTANCE_LIMIT_WORKING_DAYS, cal);
  return { item, given, names: new Map([...given.keys()].map((code) => [code, byCode.get(code)!.name])), dueDate: due.dueDate, warnDate: due.warnDate, acceptRegion: null };
}

/** The checks that read the database, only for the items that need them: the commitment's signature, the accepting region. */
export async function planExtras(db: Db, actor: Actor, input: SubmitInput, p: Plan, now: Date): Promise<Plan> {
  const doc = p.item.document;
  let signed: SignedCommitment | undefined;
  if (doc.commitmentApproval) {
    const names = actor.subjectType === 'person' ? [(await getApplicantProfileInTrx(db, actor.id)).person_name, actor.displayName] : [];
    signed = signCommitment(doc, input.commitment, { subjectType: actor.subjectType, names }, now);
  }
  const acceptRegion = await acceptRegionFor(db, doc, p.item.regionCode, input.acceptRegionCode);
  return { ...p, signed, acceptRegion };
}

/** The first log entry's payload: the channel, and the 通办 and 告知承诺 facts of the filing. */
export function submitPayload(p: Plan): Record<string, unknown> {
  return { channel: 'online', ...(p.acceptRegion ? { acceptRegionCode: p.acceptRegion } : {}), ...(p.signed ? { commitmentSignedBy: p.signed.signedName } : {}) };
}

/** The statement's answer: whether the item was still published, the applicant's files among those named (id → name), and the case row (id null: not filed). */
type Filed = Record<string, unknown> & { _published: boolean; _files: Record<string, string>; id: string | null };

/** The one statement: checks, key claim, case number, case, materials, log, outbox, audit, draft removal. */
async function file(db: Db, actor: Actor, input: SubmitInput, p: Plan, ids: { caseId: string; actionId: string; key: string | null; hash: string | null; sequence: string; year: number; now: Date; ip: string }) {
  const { item } = p;
  const doc = item.document;
  const fileIds = [...new Set(p.given.values())];
  const codes = [...p.given.keys()];
  const audit = auditRow({ actor: { id: actor.id, name: actor.displayName }, action: 'case.submit', entityType: 'case', entityId: ids.caseId, ip: ids.ip });
  const event = { caseId: ids.caseId, implCode: doc.implCode, itemName: doc.name, orgId: item.orgId, applicantId: actor.id };
  const { rows } = await sql<Filed>`${sql.raw(PREPARE_MARK)}
    with pub as (
      select 1 from service_item i join service_item_version v on v.item_id = i.id and v.version = i.published_version
       where i.id = ${item.itemId}::uuid and i.status = 'published' and v.id = ${item.versionId}::uuid),
    files as (select id, name from file_object where id = any(${fileIds}::uuid[]) and owner_id = ${actor.id}::uuid),
    ok as (select 1 where exists (select 1 from pub) and (select count(*) from files) = ${fileIds.length}::int),
    claim as (
      insert into idempotency_record (owner_id, scope, key, request_hash, result_id)
      select ${actor.id}::uuid, ${SCOPE}::text, ${ids.key}::text, ${ids.hash}::text, ${ids.caseId}::text from ok where ${ids.key}::text is not null
      on conflict do nothing returning 1),
    go as (select nextval(${ids.sequence}::regclass) as n from ok where ${ids.key}::text is null or exists (select 1 from claim)),
    c as (
      insert into "case" (id, number, region_code, org_id, agency_name, item_id, item_version_id, item_version, impl_code, item_name,
                          applicant_id, applicant_name, applicant_type, state, version, form, decision, committed_days, statutory_days,
                          submitted_at, due_date, warn_date, case_type, joint, delivery, accept_region_code, commitment, review)
      select ${ids.caseId}::uuid, ${`${item.regionCode}-${ids.year}-`}::text || lpad(go.n::text, greatest(6, length(go.n::text)), '0'),
             ${item.regionCode}::text, ${item.orgId}::uuid, ${item.agencyName}::text, ${item.itemId}::uuid, ${item.versionId}::uuid,
             ${item.version}::int, ${doc.implCode}::text, ${doc.name}::text, ${actor.id}::uuid,
             coalesce((select case when ${actor.subjectType}::text = 'entity' then a.entity_name else a.person_name end from account a where a.id = ${actor.id}::uuid), ${actor.displayName}::text),
             ${actor.subjectType}::text, 'submitted', 1, ${JSON.stringify(input.form)}::jsonb, null, ${doc.committedDays}::int, ${doc.statutoryDays}::int,
             ${ids.now}::timestamptz, ${p.dueDate}::date, ${p.warnDate}::date, ${doc.caseType}::text, ${(doc.jointAgencies?.length ?? 0) > 0}::boolean,
             ${JSON.stringify(input.delivery ?? { method: 'electronic' })}::jsonb, ${p.acceptRegion}::text,
             ${p.signed ? JSON.stringify(p.signed) : null}::jsonb,
             -- the item version's review steps, started at acceptance (review-steps.ts)
             ${JSON.stringify({ steps: stepsOf(doc, doc.committedDays), current: -1 })}::jsonb
        from go
      returning *),
    m as (
      insert into case_material (case_id, code, name, file_id, file_name)
      select c.id, x.code, x.name, f.id, f.name
        from c cross join unnest(${codes}::text[], ${codes.map((k) => p.names.get(k)!)}::text[], ${codes.map((k) => p.given.get(k)!)}::uuid[]) as x(code, name, file_id)
        join files f on f.id = x.file_id),
    log as (
      insert into case_action (id, case_id, seq, action, from_state, to_state, actor_id, actor_name, actor_role, payload, at)
      select ${ids.actionId}::uuid, c.id, 1, 'submit', null, 'submitted', ${actor.id}::uuid, ${actor.displayName}::text, 'applicant', ${JSON.stringify(submitPayload(p))}::jsonb, ${ids.now}::timestamptz from c),
    draft as (delete from case_draft where applicant_id = ${actor.id}::uuid and impl_code = ${doc.implCode}::text and exists (select 1 from c)),
    outbox as (
      insert into outbox_event (id, topic, payload)
      select ${newId()}::uuid, 'case.submitted', ${JSON.stringify(event)}::jsonb || jsonb_build_object('number', c.number) from c),
    audit as (
      insert into audit_event (id, at, actor_id, actor_name, action, entity_type, entity_id, before, after, ip, prev_hash, hash)
      select ${audit.id}::uuid, ${audit.at}::timestamptz, ${audit.actor_id}::uuid, ${audit.actor_name}::text, ${audit.action}::text, ${audit.entity_type}::text,
             ${audit.entity_id}::text, null, jsonb_build_object('number', c.number, 'state', 'submitted'), ${audit.ip}::text, null, null from c)
    select exists (select 1 from pub) as _published, (select coalesce(json_object_agg(id, name), '{}') from files) as _files, c.*
      from (select 1) one left join c on true`.execute(db);
  return rows[0]!;
}

export async function submitCase(
  db: Db,
  actor: Actor,
  input: SubmitInput,
  ctx: { idempotencyKey?: string; cal: CalendarData; ip: string; locale: Locale },
): Promise<CaseDetail> {
  const key = ctx.idempotencyKey ?? null;
  if (key !== null) checkIdempotencyKey(key);
  const hash = key !== null ? requestHash(input) : null;
  /** A refusal is only final when no earlier request with this key was filed (a retry gets its case). */
  const refuse = async (err: unknown): Promise<CaseDetail> => {
    const earlier = key !== null ? await earlierResult(db, { ownerId: actor.id, scope: SCOPE, key, hash: hash! }) : undefined;
    if (earlier) return getCase(db, actor, earlier, ctx.locale, { audit: false });
    throw err;
  };
  const year = Number(todayInShanghai().slice(0, 4));
  for (let attempt = 0; ; attempt++) {
    const item = await publishedItem(db, input.implCode, attempt > 0);
    let p: Plan;
    const now = new Date();
    try {
      p = await planExtras(db, actor, input, plan(item, actor, input, ctx.cal), now);
    } catch (err) {
      return refuse(err);
    }
    const sequence = await ensureCaseSequence(db, p.item.regionCode, year);
    const caseId = newId();
    const actionId = newId();
    let row: Filed;
    try {
      row = await file(db, actor, input, p, { caseId, actionId, key, hash, sequence, year, now, ip: ctx.ip });
    } catch (err) {
      // The sequence was dropped behind our back (a restored database): forget it and try once more.
      if ((err as { code?: string }).code === '42P01' && attempt === 0) {
        cachesOf(db).sequences.delete(sequence);
        continue;
      }
      throw err;
    }
    if (!row._published) {
      // The cached item was retired or republished meanwhile: look again (once).
      cachesOf(db).items.delete(input.implCode);
      if (attempt === 0) continue;
      return refuse(CaseErrors.ITEM_NOT_APPLICABLE({ implCode: input.implCode }));
    }
    const bad = [...p.given].find(([, fileId]) => row._files[fileId] === undefined);
    if (bad) return refuse(CaseErrors.MATERIAL_FILE_INVALID({ name: p.names.get(bad[0])!, code: bad[0] }));
    if (!row.id) {
      // The key was claimed by an earlier request (the statement waited for it to commit).
      const earlier = await earlierResult(db, { ownerId: actor.id, scope: SCOPE, key: key!, hash: hash! });
      if (earlier) return getCase(db, actor, earlier, ctx.locale, { audit: false });
      if (attempt === 0) continue; // that request rolled back after all: file this one
      throw new Error('case submission neither filed nor found');
    }
    const c = row as unknown as Parameters<typeof caseDetailOf>[1];
    const materials = [...p.given]
      .map(([code, fileId]) => ({ case_id: caseId, code, name: p.names.get(code)!, file_id: fileId, file_name: row._files[fileId]! }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const log = [{ id: actionId, case_id: caseId, seq: 1, action: 'submit', from_state: null, to_state: 'submitted', actor_id: actor.id, actor_name: actor.displayName, actor_role: 'applicant', payload: submitPayload(p), at: now }];
    return caseDetailOf(actor, c, materials, log, p.item.document, await caseExtras(db, c), ctx.locale);
  }
}
