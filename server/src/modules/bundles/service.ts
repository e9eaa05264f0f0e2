/**
 * Bundles as catalog objects: versions through draft → submitted → approved → published → retired (the catalog's
 * workflow table), review checks on submit and publish, and the public reads: list, detail with savings, plan.
 */
import { Value } from 'typebox/value';
import type { Db, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import { scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';
import { findOrgByCreditCode } from '../identity/index.ts';
import { byPendingWork, canApply, findPublishedItems, historyOf, VERSION_ACTIONS, VERSION_STATUS_LABELS, type VersionAction, type VersionStatus } from '../catalog/index.ts';
import { BundleErrors } from './errors.ts';
import { lintBundle } from './lint.ts';
import { bundleItemOf, bundleSavings, buildPlan, type Members } from './plan.ts';
import { BundleDocument, type AdminBundle, type AdminBundleDetail, type Answers, type BundleDetail, type BundleFinding, type BundleSummary, type Plan } from './schema.ts';

type ActorRef = { id: string; name: string } | null;
const ref = (a: Actor) => ({ id: a.id, name: a.displayName });

export function assertShape(doc: unknown): asserts doc is BundleDocument {
  if (!Value.Check(BundleDocument, doc)) {
    const errors = [...Value.Errors(BundleDocument, doc)].slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw BundleErrors.INVALID_DOCUMENT({ summary: errors.join('; '), errors });
  }
}

/** The published member items of a document, with their agencies. */
export async function membersOf(db: Db | Trx, doc: BundleDocument): Promise<Members> {
  const found = await findPublishedItems(
    db,
    doc.members.map((m) => m.implCode),
  );
  return new Map([...found].map(([code, p]) => [code, { document: p.document, agency: { id: p.orgId, name: p.agencyName } }]));
}

export async function checkDocument(db: Db | Trx, doc: BundleDocument): Promise<BundleFinding[]> {
  const lead = await findOrgByCreditCode(db, doc.leadCreditCode);
  return lintBundle(doc, await membersOf(db, doc), !!lead);
}

async function logReviewInTrx(trx: Trx, bundleId: string, version: number, action: string, actor: ActorRef, comment?: string) {
  await trx
    .insertInto('bundle_review_event')
    .values({ id: newId(), bundle_id: bundleId, version, action, comment: comment ?? null, actor_id: actor?.id ?? null, actor_name: actor?.name ?? '系统' })
    .execute();
}

/** Create a bundle with its first version. `published` is for loading an existing list (the demo world). */
export async function createBundleInTrx(trx: Trx, doc: BundleDocument, opts: { status: 'draft' | 'published'; actor: ActorRef }): Promise<string> {
  const lead = await findOrgByCreditCode(trx, doc.leadCreditCode);
  if (!lead) throw BundleErrors.LEAD_UNKNOWN({ creditCode: doc.leadCreditCode });
  const exists = await trx.selectFrom('bundle').select('id').where('code', '=', doc.code).executeTakeFirst();
  if (exists) throw BundleErrors.DUPLICATE_CODE({ code: doc.code });
  if (opts.status === 'published') {
    const errors = (await checkDocument(trx, doc)).filter((f) => f.severity === 'error');
    if (errors.length) throw BundleErrors.CHECK_BLOCKED({ count: errors.length, first: errors[0]!.message, findings: errors });
  }
  const id = newId();
  const published = opts.status === 'published';
  await trx
    .insertInto('bundle')
    .values({
      id,
      code: doc.code,
      name: doc.name,
      event: doc.event,
      region_code: doc.regionCode,
      lead_org_id: lead.id,
      lead_org_name: lead.name,
      status: published ? 'published' : 'draft',
      current_version: 1,
      published_version: published ? 1 : null,
    })
    .execute();
  await trx
    .insertInto('bundle_version')
    .values({
      id: newId(),
      bundle_id: id,
      version: 1,
      document: JSON.stringify(doc),
      status: opts.status,
      note: null,
      created_by: opts.actor?.id ?? null,
      published_by: published ? (opts.actor?.id ?? null) : null,
      published_at: published ? new Date() : null,
    })
    .execute();
  await logReviewInTrx(trx, id, 1, 'create', opts.actor);
  await writeAuditInTrx(trx, { actor: opts.actor, action: 'bundles.create', entityType: 'bundle', entityId: id, after: { code: doc.code, status: opts.status } });
  return id;
}

async function inScope(db: Db | Trx, actor: Actor, id: string, lock = false) {
  let q = db.selectFrom('bundle').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const b = await q.executeTakeFirst();
  if (!b) throw BundleErrors.OUT_OF_SCOPE({ ref: id });
  if (scopeOf(actor, 'catalog:read') !== 'all' && !b.region_code.startsWith(regionLikePrefix(actor.regionCode))) throw BundleErrors.OUT_OF_SCOPE({ ref: id });
  return b;
}

function assertRegion(actor: Actor, regionCode: string) {
  if (scopeOf(actor, 'catalog:edit') !== 'all' && !regionCode.startsWith(regionLikePrefix(actor.regionCode))) throw BundleErrors.REGION_OUT_OF_SCOPE({ regionCode });
}

export async function listForAdmin(db: Db, actor: Actor): Promise<AdminBundle[]> {
  let q = db
    .selectFrom('bundle as b')
    .innerJoin('bundle_version as v', (j) => j.onRef('v.bundle_id', '=', 'b.id').onRef('v.version', '=', 'b.current_version'))
    .select(['b.id', 'b.code', 'b.name', 'b.event', 'b.lead_org_id', 'b.lead_org_name', 'b.status', 'b.current_version', 'b.published_version', 'b.updated_at', 'v.status as version_status']);
  if (scopeOf(actor, 'catalog:read') !== 'all') q = q.where('b.region_code', 'like', `${regionLikePrefix(actor.regionCode)}%`);
  const rows = await q
    .orderBy(byPendingWork('v.status'))
    .orderBy('b.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    event: r.event,
    leadAgency: { id: r.lead_org_id, name: r.lead_org_name },
    status: r.status,
    versionStatus: r.version_status,
    versionStatusLabel: VERSION_STATUS_LABELS[r.version_status],
    version: r.current_version,
    publishedVersion: r.published_version,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function getAdminBundle(db: Db, actor: Actor, id: string): Promise<AdminBundleDetail> {
  await inScope(db, actor, id);
  const summary = (await listForAdmin(db, actor)).find((b) => b.id === id)!;
  const [versions, log] = await Promise.all([
    db.selectFrom('bundle_version').select(['version', 'status', 'note', 'created_at', 'published_at', 'document']).where('bundle_id', '=', id).orderBy('version', 'desc').execute(),
    db.selectFrom('bundle_review_event').select(['version', 'action', 'comment', 'actor_name', 'at']).where('bundle_id', '=', id).orderBy('at', 'desc').limit(100).execute(),
  ]);
  const latest = versions[0]!;
  const members = await membersOf(db, latest.document);
  return {
    bundle: summary,
    document: latest.document,
    findings: await checkDocument(db, latest.document),
    members: latest.document.members.map((m) => ({ implCode: m.implCode, name: members.get(m.implCode)?.document.name ?? null, agency: members.get(m.implCode)?.agency.name ?? null })),
    ...historyOf(versions, log),
  };
}

export async function createBundle(db: Db, actor: Actor, doc: unknown, ip: string): Promise<AdminBundleDetail> {
  assertShape(doc);
  assertRegion(actor, doc.regionCode);
  const id = await db.transaction().execute(async (trx) => {
    const bundleId = await createBundleInTrx(trx, doc, { status: 'draft', actor: ref(actor) });
    await writeAuditInTrx(trx, { actor: ref(actor), action: 'bundles.create_api', entityType: 'bundle', entityId: bundleId, ip });
    return bundleId;
  });
  return getAdminBundle(db, actor, id);
}

/** Save an edit: updates the draft, or starts a new draft version (an edit under review withdraws that version). */
export async function saveDraft(db: Db, actor: Actor, id: string, doc: unknown, note: string | undefined): Promise<AdminBundleDetail> {
  assertShape(doc);
  assertRegion(actor, doc.regionCode);
  await db.transaction().execute(async (trx) => {
    const b = await inScope(trx, actor, id, true);
    if (b.code !== doc.code) throw BundleErrors.CODE_CHANGED({ code: b.code });
    const lead = await findOrgByCreditCode(trx, doc.leadCreditCode);
    if (!lead) throw BundleErrors.LEAD_UNKNOWN({ creditCode: doc.leadCreditCode });
    const latest = await trx.selectFrom('bundle_version').select(['version', 'status']).where('bundle_id', '=', id).where('version', '=', b.current_version).executeTakeFirstOrThrow();
    let version = latest.version;
    if (latest.status === 'draft') {
      await trx.updateTable('bundle_version').set({ document: JSON.stringify(doc), note: note ?? null, created_by: actor.id }).where('bundle_id', '=', id).where('version', '=', version).execute();
    } else {
      if (latest.status === 'submitted' || latest.status === 'approved') {
        await trx.updateTable('bundle_version').set({ status: 'superseded' }).where('bundle_id', '=', id).where('version', '=', version).execute();
      }
      version += 1;
      await trx
        .insertInto('bundle_version')
        .values({ id: newId(), bundle_id: id, version, document: JSON.stringify(doc), status: 'draft', note: note ?? null, created_by: actor.id, published_by: null, published_at: null })
        .execute();
    }
    await trx.updateTable('bundle').set({ current_version: version, updated_at: new Date() }).where('id', '=', id).execute();
    await logReviewInTrx(trx, id, version, 'save', ref(actor), note);
    await writeAuditInTrx(trx, { actor: ref(actor), action: 'bundles.save_draft', entityType: 'bundle', entityId: id, after: { version } });
  });
  return getAdminBundle(db, actor, id);
}

export async function transition(db: Db, actor: Actor, id: string, action: VersionAction, comment: string | undefined, ip: string): Promise<AdminBundleDetail> {
  if ((action === 'reject' || action === 'retire') && !comment?.trim()) throw BundleErrors.COMMENT_REQUIRED();
  await db.transaction().execute(async (trx) => {
    const b = await inScope(trx, actor, id, true);
    const target = action === 'retire' ? b.published_version : b.current_version;
    const v = target === null ? undefined : await trx.selectFrom('bundle_version').selectAll().where('bundle_id', '=', id).where('version', '=', target).executeTakeFirst();
    if (!v || !canApply(action, v.status)) {
      throw BundleErrors.TRANSITION_NOT_ALLOWED({ status: v ? VERSION_STATUS_LABELS[v.status] : '无', action, allowedFrom: VERSION_ACTIONS[action].from.map((s) => VERSION_STATUS_LABELS[s as VersionStatus]).join('、') });
    }
    if (action === 'submit' || action === 'publish') {
      const errors = (await checkDocument(trx, v.document)).filter((f) => f.severity === 'error');
      if (errors.length) throw BundleErrors.CHECK_BLOCKED({ count: errors.length, first: errors[0]!.message, findings: errors });
    }
    const now = new Date();
    if (action === 'publish') {
      const lead = (await findOrgByCreditCode(trx, v.document.leadCreditCode))!;
      await trx.updateTable('bundle_version').set({ status: 'superseded' }).where('bundle_id', '=', id).where('status', '=', 'published').execute();
      await trx.updateTable('bundle_version').set({ status: 'published', published_by: actor.id, published_at: now }).where('id', '=', v.id).execute();
      await trx
        .updateTable('bundle')
        .set({ status: 'published', published_version: v.version, name: v.document.name, event: v.document.event, region_code: v.document.regionCode, lead_org_id: lead.id, lead_org_name: lead.name, updated_at: now })
        .where('id', '=', id)
        .execute();
      await emitInTrx(trx, 'bundles.published', { bundleId: id, code: b.code, version: v.version });
    } else if (action === 'retire') {
      await trx.updateTable('bundle_version').set({ status: 'retired' }).where('id', '=', v.id).execute();
      await trx.updateTable('bundle').set({ status: 'retired', published_version: null, updated_at: now }).where('id', '=', id).execute();
      await emitInTrx(trx, 'bundles.retired', { bundleId: id, code: b.code, version: v.version, reason: comment });
    } else {
      await trx.updateTable('bundle_version').set({ status: VERSION_ACTIONS[action].to }).where('id', '=', v.id).execute();
      await trx.updateTable('bundle').set({ updated_at: now }).where('id', '=', id).execute();
    }
    await logReviewInTrx(trx, id, v.version, action, ref(actor), comment?.trim());
    await writeAuditInTrx(trx, {
      actor: ref(actor),
      action: `bundles.${action}`,
      entityType: 'bundle',
      entityId: id,
      before: { version: v.version, status: v.status },
      after: { version: v.version, status: VERSION_ACTIONS[action].to },
      ip,
    });
  });
  return getAdminBundle(db, actor, id);
}

// ---- public reads ----

type PublishedBundle = { document: BundleDocument; version: number; publishedAt: Date | null; lead: { id: string; name: string } };

async function publishedBundles(db: Db, code?: string): Promise<PublishedBundle[]> {
  let q = db
    .selectFrom('bundle as b')
    .innerJoin('bundle_version as v', (j) => j.onRef('v.bundle_id', '=', 'b.id').onRef('v.version', '=', 'b.published_version'))
    .select(['v.document', 'v.version', 'v.published_at', 'b.lead_org_id', 'b.lead_org_name'])
    .where('b.status', '=', 'published');
  if (code !== undefined) q = q.where('b.code', '=', code);
  const rows = await q.orderBy('b.name').execute();
  return rows.map((r) => ({ document: r.document, version: r.version, publishedAt: r.published_at, lead: { id: r.lead_org_id, name: r.lead_org_name } }));
}

async function findPublished(db: Db, code: string): Promise<PublishedBundle> {
  const [b] = await publishedBundles(db, code);
  if (!b) throw BundleErrors.BUNDLE_NOT_FOUND({ ref: code });
  return b;
}

function summaryOf(b: PublishedBundle, members: Members): BundleSummary {
  const d = b.document;
  return { code: d.code, name: d.name, event: d.event, audience: d.audience, summary: d.summary, leadAgency: b.lead, itemCount: d.members.filter((m) => members.has(m.implCode)).length, savings: bundleSavings(d, members) };
}

export async function listPublic(db: Db): Promise<{ bundles: BundleSummary[] }> {
  const all = await publishedBundles(db);
  const members = await findPublishedItems(db, [...new Set(all.flatMap((b) => b.document.members.map((m) => m.implCode)))]);
  const asMembers: Members = new Map([...members].map(([c, p]) => [c, { document: p.document, agency: { id: p.orgId, name: p.agencyName } }]));
  // Citizens' life events first, then businesses'.
  const ordered = [...all].sort((a, b) => Number(a.document.audience === 'entity') - Number(b.document.audience === 'entity'));
  return { bundles: ordered.map((b) => summaryOf(b, asMembers)) };
}

export async function getPublic(db: Db, code: string): Promise<BundleDetail> {
  const b = await findPublished(db, code);
  const members = await membersOf(db, b.document);
  const items = b.document.members.flatMap((m) => {
    const item = members.get(m.implCode);
    return item ? [bundleItemOf(m, item)] : [];
  });
  const coop = new Map(items.filter((i) => i.agency.id !== b.lead.id).map((i) => [i.agency.id, i.agency]));
  return {
    ...summaryOf(b, members),
    version: b.version,
    publishedAt: b.publishedAt?.toISOString() ?? null,
    regionCode: b.document.regionCode,
    cooperatingAgencies: [...coop.values()],
    items,
    questions: b.document.questions,
    process: b.document.process,
    guide: b.document.guide,
    linkedServices: b.document.linkedServices ?? [],
  };
}

export async function planPublic(db: Db, code: string, answers: Answers, optionalOut: readonly string[]): Promise<Plan> {
  const b = await findPublished(db, code);
  return buildPlan(b.document, b.version, await membersOf(db, b.document), answers, optionalOut);
}
