/**
 * Editing the catalog: items and their versions through draft → submitted → approved → published → retired,
 * with the standardization review (lint) on save and on submit, reviewer comments, history and diffs.
 * The published version is what every channel shows; cases pin the version they were filed under.
 */
import { Value } from 'typebox/value';
import type { Db, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { validateImplCode, validateBaseCode } from '../../platform/codes/index.ts';
import { findOrgByCreditCode } from '../identity/index.ts';
import { CatalogErrors } from './errors.ts';
import { ItemDocument, type AdminItem, type AdminItemDetail, type VersionHistory } from './schema.ts';
import type { VersionStatus } from './tables.ts';
import { byPendingWork, canApply, VERSION_ACTIONS, VERSION_STATUS_LABELS, type VersionAction } from './workflow.ts';
import { diffDocuments, type Change } from './diff.ts';
import { obtainableIndex } from '../sharing/index.ts';
import { lintItem, hasBlockingFindings, type LintContext, type LintFinding } from './lint.ts';
import { indexItemInTrx } from './search.ts';
import { refreshPublicJsonInTrx, type Agency } from './service.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';

type ActorRef = { id: string; name: string } | null;

const ref = (a: Actor): { id: string; name: string } => ({ id: a.id, name: a.displayName });


function assertCodes(doc: ItemDocument) {
  const b = validateBaseCode(doc.baseCode);
  if (!b.ok) throw CatalogErrors.INVALID_ITEM_CODE({ reason: `基本编码 ${doc.baseCode}：${b.reason}` });
  const i = validateImplCode(doc.implCode);
  if (!i.ok) throw CatalogErrors.INVALID_ITEM_CODE({ reason: `实施编码 ${doc.implCode}：${i.reason}` });
  if (!doc.implCode.endsWith(doc.baseCode)) throw CatalogErrors.INVALID_ITEM_CODE({ reason: '实施编码的后 12 位必须是基本编码' });
}

/** Record the form's field order explicitly: JSONB does not keep object key order. */
export function withFieldOrder(doc: ItemDocument): ItemDocument {
  const keys = Object.keys(doc.form.properties);
  const given = (doc.form['x-order'] ?? []).filter((k) => keys.includes(k));
  const order = [...given, ...keys.filter((k) => !given.includes(k))];
  return { ...doc, form: { ...doc.form, 'x-order': order } };
}

function assertDocumentShape(doc: unknown): asserts doc is ItemDocument {
  if (!Value.Check(ItemDocument, doc)) {
    const errors = [...Value.Errors(ItemDocument, doc)].slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw CatalogErrors.INVALID_DOCUMENT({ summary: errors.join('; '), errors });
  }
}

/** The lint context of a document: its base catalog item, when one exists, and what the resource catalog shares. */
export async function lintContextInTrx(db: Db | Trx, doc: ItemDocument): Promise<LintContext> {
  const [base, shared] = await Promise.all([db.selectFrom('base_item').selectAll().where('base_code', '=', doc.baseCode).executeTakeFirst(), obtainableIndex(db)]);
  return { obtainableMaterial: shared.obtainable, ...(base ? { baseItem: { baseCode: base.base_code, name: base.name, kind: base.kind, legalBasis: base.legal_basis } } : {}) };
}

export async function lintDocument(db: Db, doc: unknown): Promise<LintFinding[]> {
  assertDocumentShape(doc);
  return lintItem(doc, await lintContextInTrx(db, doc));
}

async function ensureBaseItemInTrx(trx: Trx, doc: ItemDocument) {
  await trx
    .insertInto('base_item')
    .values({ base_code: doc.baseCode, name: doc.name, kind: doc.kind, legal_basis: JSON.stringify(doc.legalBasis.map((b) => ({ title: b.title, ...(b.article ? { article: b.article } : {}) }))) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function logReviewInTrx(trx: Trx, itemId: string, version: number, action: string, actor: ActorRef, comment?: string) {
  await trx
    .insertInto('item_review_event')
    .values({ id: newId(), item_id: itemId, version, action, comment: comment ?? null, actor_id: actor?.id ?? null, actor_name: actor?.name ?? '系统' })
    .execute();
}

/**
 * Create an item with its first version. `status` 'published' is for loading an existing catalog (demo world,
 * migration from a legacy system); editors create drafts.
 */
export async function createItemInTrx(trx: Trx, input: ItemDocument, agency: Agency, opts: { status: 'draft' | 'approved' | 'published'; actor: ActorRef }): Promise<string> {
  const doc = withFieldOrder(input);
  assertCodes(doc);
  const exists = await trx.selectFrom('service_item').select('id').where('impl_code', '=', doc.implCode).executeTakeFirst();
  if (exists) throw CatalogErrors.DUPLICATE_IMPL_CODE({ implCode: doc.implCode });
  await ensureBaseItemInTrx(trx, doc);
  const id = newId();
  const published = opts.status === 'published';
  await trx
    .insertInto('service_item')
    .values({
      id,
      impl_code: doc.implCode,
      base_code: doc.baseCode,
      name: doc.name,
      kind: doc.kind,
      org_id: agency.id,
      agency_name: agency.name,
      region_code: doc.regionCode,
      status: published ? 'published' : 'draft',
      current_version: 1,
      published_version: published ? 1 : null,
    })
    .execute();
  await trx
    .insertInto('service_item_version')
    .values({
      id: newId(),
      item_id: id,
      version: 1,
      document: JSON.stringify(doc),
      status: opts.status,
      note: null,
      created_by: opts.actor?.id ?? null,
      published_by: published ? (opts.actor?.id ?? null) : null,
      published_at: published ? new Date() : null,
    })
    .execute();
  await indexItemInTrx(trx, id, doc, agency.name);
  if (published) await refreshPublicJsonInTrx(trx, id);
  await logReviewInTrx(trx, id, 1, 'create', opts.actor);
  await writeAuditInTrx(trx, { actor: opts.actor, action: 'catalog.item_create', entityType: 'service_item', entityId: id, after: { implCode: doc.implCode, name: doc.name, status: opts.status } });
  return id;
}

export async function findItemIdByImplCode(db: Db | Trx, implCode: string): Promise<string | undefined> {
  const r = await db.selectFrom('service_item').select('id').where('impl_code', '=', implCode).executeTakeFirst();
  return r?.id;
}

/**
 * Save an edit: updates the current draft, or starts a new draft version when the latest version is already
 * submitted, approved, published or retired. The codes identify the item and cannot change.
 */
export async function saveDraftInTrx(trx: Trx, itemId: string, input: ItemDocument, actor: ActorRef, note?: string): Promise<{ version: number }> {
  const doc = withFieldOrder(input);
  assertCodes(doc);
  const item = await trx.selectFrom('service_item').selectAll().where('id', '=', itemId).forUpdate().executeTakeFirst();
  if (!item) throw CatalogErrors.ITEM_NOT_FOUND({ ref: itemId });
  if (item.impl_code !== doc.implCode) throw CatalogErrors.CODE_CHANGED({ implCode: item.impl_code });
  const latest = await trx.selectFrom('service_item_version').select(['version', 'status']).where('item_id', '=', itemId).where('version', '=', item.current_version).executeTakeFirstOrThrow();
  let version = latest.version;
  if (latest.status === 'draft') {
    await trx.updateTable('service_item_version').set({ document: JSON.stringify(doc), note: note ?? null, created_by: actor?.id ?? null }).where('item_id', '=', itemId).where('version', '=', version).execute();
  } else {
    if (latest.status === 'submitted' || latest.status === 'approved') {
      // An edit while under review withdraws that version: the new draft replaces it.
      await trx.updateTable('service_item_version').set({ status: 'superseded' }).where('item_id', '=', itemId).where('version', '=', version).execute();
    }
    version += 1;
    await trx
      .insertInto('service_item_version')
      .values({ id: newId(), item_id: itemId, version, document: JSON.stringify(doc), status: 'draft', note: note ?? null, created_by: actor?.id ?? null, published_by: null, published_at: null })
      .execute();
    await trx.updateTable('service_item').set({ current_version: version, updated_at: new Date() }).where('id', '=', itemId).execute();
  }
  await trx.updateTable('service_item').set({ updated_at: new Date() }).where('id', '=', itemId).execute();
  await logReviewInTrx(trx, itemId, version, 'save', actor, note);
  await writeAuditInTrx(trx, { actor, action: 'catalog.item_save_draft', entityType: 'service_item', entityId: itemId, after: { version } });
  return { version };
}

// ---- scope ----

async function itemInScopeInTrx(db: Db | Trx, actor: Actor, itemId: string, lock = false) {
  const scope = scopeOf(actor, 'catalog:read');
  let q = db.selectFrom('service_item').selectAll().where('id', '=', itemId);
  if (lock) q = q.forUpdate();
  const item = await q.executeTakeFirst();
  if (!item) throw CatalogErrors.OUT_OF_SCOPE({ ref: itemId });
  if (scope === 'all') return item;
  if (!item.region_code.startsWith(regionLikePrefix(actor.regionCode))) throw CatalogErrors.OUT_OF_SCOPE({ ref: itemId });
  if (scope === 'org' && item.org_id !== actor.orgId) throw CatalogErrors.OUT_OF_SCOPE({ ref: itemId });
  return item;
}

// ---- queries for the editor ----

export type AdminListFilter = { status?: 'draft' | 'published' | 'retired'; versionStatus?: VersionStatus; q?: string; dept?: string; limit?: number };

export async function listForAdmin(db: Db, actor: Actor, f: AdminListFilter = {}): Promise<AdminItem[]> {
  const scope = scopeOf(actor, 'catalog:read');
  let q = db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
    .select(['i.id', 'i.impl_code', 'i.name', 'i.org_id', 'i.agency_name', 'i.status', 'i.current_version', 'i.published_version', 'i.updated_at', 'v.status as version_status']);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.versionStatus) q = q.where('v.status', '=', f.versionStatus);
  if (f.dept) q = q.where('i.org_id', '=', f.dept);
  if (f.q) q = q.where((eb) => eb.or([eb('i.name', 'like', `%${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), eb('i.impl_code', '=', f.q!)]));
  if (scope !== 'all') q = q.where('i.region_code', 'like', `${regionLikePrefix(actor.regionCode)}%`);
  if (scope === 'org') q = q.where('i.org_id', '=', actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  const rows = await q
    .orderBy(byPendingWork('v.status'))
    .orderBy('i.updated_at', 'desc')
    .limit(f.limit ?? 1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    implCode: r.impl_code,
    name: r.name,
    agency: { id: r.org_id, name: r.agency_name },
    status: r.status,
    versionStatus: r.version_status,
    versionStatusLabel: VERSION_STATUS_LABELS[r.version_status],
    version: r.current_version,
    publishedVersion: r.published_version,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function getAdminItem(db: Db, actor: Actor, itemId: string): Promise<AdminItemDetail> {
  await itemInScopeInTrx(db, actor, itemId);
  const [summary] = (await listForAdmin(db, actor, {})).filter((i) => i.id === itemId);
  const [versions, reviewLog] = await Promise.all([
    db.selectFrom('service_item_version').select(['version', 'status', 'note', 'created_at', 'published_at', 'document']).where('item_id', '=', itemId).orderBy('version', 'desc').execute(),
    db.selectFrom('item_review_event').select(['version', 'action', 'comment', 'actor_name', 'at']).where('item_id', '=', itemId).orderBy('at', 'desc').limit(100).execute(),
  ]);
  const latest = versions[0]!;
  return {
    item: summary!,
    document: latest.document,
    findings: lintItem(latest.document, await lintContextInTrx(db, latest.document)),
    ...historyOf(versions, reviewLog),
  };
}

type VersionRow = { version: number; status: VersionStatus; note: string | null; created_at: Date; published_at: Date | null };
type ReviewRow = { version: number; action: string; comment: string | null; actor_name: string; at: Date };

/** Version and review-log rows as the editor shows them (items and bundles keep the same columns). */
export function historyOf(versions: readonly VersionRow[], reviewLog: readonly ReviewRow[]): VersionHistory {
  return {
    versions: versions.map((v) => ({ version: v.version, status: v.status, statusLabel: VERSION_STATUS_LABELS[v.status], note: v.note, createdAt: v.created_at.toISOString(), publishedAt: v.published_at?.toISOString() ?? null })),
    reviewLog: reviewLog.map((e) => ({ version: e.version, action: e.action, comment: e.comment, actorName: e.actor_name, at: e.at.toISOString() })),
  };
}

export async function diffVersions(db: Db, actor: Actor, itemId: string, from: number, to: number): Promise<Change[]> {
  await itemInScopeInTrx(db, actor, itemId);
  const rows = await db.selectFrom('service_item_version').select(['version', 'document']).where('item_id', '=', itemId).where('version', 'in', [from, to]).execute();
  const a = rows.find((r) => r.version === from);
  const b = rows.find((r) => r.version === to);
  if (!a || !b) throw CatalogErrors.VERSION_NOT_FOUND({ from, to });
  return diffDocuments(a.document, b.document);
}

// ---- commands ----

export async function createItem(db: Db, actor: Actor, doc: unknown, ip: string): Promise<AdminItemDetail> {
  assertDocumentShape(doc);
  assertCodes(doc);
  const org = await findOrgByCreditCode(db, doc.implCode.slice(0, 18));
  if (!org) throw CatalogErrors.AGENCY_UNKNOWN({ creditCode: doc.implCode.slice(0, 18) });
  const scope = scopeOf(actor, 'catalog:publish');
  if (scope !== 'all' && !org.regionCode.startsWith(regionLikePrefix(actor.regionCode))) throw CatalogErrors.AGENCY_OUT_OF_SCOPE({ agency: org.name });
  if (doc.regionCode !== org.regionCode) throw CatalogErrors.REGION_MISMATCH({ regionCode: doc.regionCode, agencyRegion: org.regionCode });
  const id = await db.transaction().execute(async (trx) => {
    const itemId = await createItemInTrx(trx, doc, { id: org.id, name: org.name }, { status: 'draft', actor: ref(actor) });
    await writeAuditInTrx(trx, { actor: ref(actor), action: 'catalog.item_create_api', entityType: 'service_item', entityId: itemId, ip });
    return itemId;
  });
  return getAdminItem(db, actor, id);
}

export async function saveDraft(db: Db, actor: Actor, itemId: string, doc: unknown, note: string | undefined): Promise<AdminItemDetail> {
  assertDocumentShape(doc);
  await db.transaction().execute(async (trx) => {
    await itemInScopeInTrx(trx, actor, itemId, true);
    await saveDraftInTrx(trx, itemId, doc, ref(actor), note);
  });
  return getAdminItem(db, actor, itemId);
}

/** Apply a review transition to the latest version (submit, approve, reject, publish, retire). */
export async function transition(db: Db, actor: Actor, itemId: string, action: VersionAction, comment: string | undefined, ip: string): Promise<AdminItemDetail> {
  if (action === 'reject' && !comment?.trim()) throw CatalogErrors.COMMENT_REQUIRED();
  if (action === 'retire' && !comment?.trim()) throw CatalogErrors.COMMENT_REQUIRED();
  await db.transaction().execute(async (trx) => {
    const item = await itemInScopeInTrx(trx, actor, itemId, true);
    // Retirement acts on the published version; everything else on the latest one.
    const target = action === 'retire' ? item.published_version : item.current_version;
    const v = target === null ? undefined : await trx.selectFrom('service_item_version').selectAll().where('item_id', '=', itemId).where('version', '=', target).executeTakeFirst();
    if (!v || !canApply(action, v.status)) {
      throw CatalogErrors.TRANSITION_NOT_ALLOWED({ status: v ? VERSION_STATUS_LABELS[v.status] : '无', action, allowedFrom: VERSION_ACTIONS[action].from.map((s) => VERSION_STATUS_LABELS[s]).join('、') });
    }
    if (action === 'submit' || action === 'publish') {
      const findings = lintItem(v.document, await lintContextInTrx(trx, v.document));
      if (hasBlockingFindings(findings)) throw CatalogErrors.LINT_BLOCKED({ count: findings.filter((f) => f.severity === 'error').length, findings });
    }
    const to = VERSION_ACTIONS[action].to;
    const now = new Date();
    if (action === 'publish') {
      await trx.updateTable('service_item_version').set({ status: 'superseded' }).where('item_id', '=', itemId).where('status', '=', 'published').execute();
      await trx.updateTable('service_item_version').set({ status: 'published', published_by: actor.id, published_at: now }).where('id', '=', v.id).execute();
      await trx
        .updateTable('service_item')
        .set({ status: 'published', published_version: v.version, name: v.document.name, kind: v.document.kind, updated_at: now })
        .where('id', '=', itemId)
        .execute();
      await indexItemInTrx(trx, itemId, v.document, item.agency_name);
      await refreshPublicJsonInTrx(trx, itemId);
      await emitInTrx(trx, 'catalog.item_published', { itemId, implCode: item.impl_code, version: v.version });
    } else if (action === 'retire') {
      await trx.updateTable('service_item_version').set({ status: 'retired' }).where('id', '=', v.id).execute();
      await trx.updateTable('service_item').set({ status: 'retired', published_version: null, public_json: null, updated_at: now }).where('id', '=', itemId).execute();
      await emitInTrx(trx, 'catalog.item_retired', { itemId, implCode: item.impl_code, version: v.version, reason: comment });
    } else {
      await trx.updateTable('service_item_version').set({ status: to }).where('id', '=', v.id).execute();
      await trx.updateTable('service_item').set({ updated_at: now }).where('id', '=', itemId).execute();
    }
    await logReviewInTrx(trx, itemId, v.version, action, ref(actor), comment?.trim());
    await writeAuditInTrx(trx, {
      actor: ref(actor),
      action: `catalog.item_${action}`,
      entityType: 'service_item',
      entityId: itemId,
      before: { version: v.version, status: v.status },
      after: { version: v.version, status: to, ...(comment ? { comment } : {}) },
      ip,
    });
  });
  return getAdminItem(db, actor, itemId);
}
