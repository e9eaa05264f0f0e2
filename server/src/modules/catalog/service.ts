import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { validateImplCode, validateBaseCode, ITEM_KIND_LABELS } from '../../platform/codes/index.ts';
import { CatalogErrors } from './errors.ts';
import type { AdminItem, ItemDetail, ItemDocument, ItemSummary } from './schema.ts';

/** Online depth level 4 (受理) or beyond means the application can be filed online. */
export const ONLINE_DEPTH_ACCEPT = 4;

export type Agency = { id: string; name: string };

function searchText(doc: ItemDocument, agencyName: string): string {
  return [doc.name, agencyName, ...doc.keywords, ...doc.topics].join(' ').toLowerCase();
}

function summaryOf(doc: ItemDocument, agency: Agency): ItemSummary {
  return {
    implCode: doc.implCode,
    baseCode: doc.baseCode,
    name: doc.name,
    kind: doc.kind,
    kindLabel: (ITEM_KIND_LABELS as Record<string, string>)[doc.kind] ?? doc.kind,
    agency,
    regionCode: doc.regionCode,
    statutoryDays: doc.statutoryDays,
    committedDays: doc.committedDays,
    visitsRequired: doc.visitsRequired,
    online: doc.onlineDepth.some((d) => d >= ONLINE_DEPTH_ACCEPT),
  };
}

/** Create an item with its first version (draft, or published at once for imported catalogs). */
export async function createItemInTrx(trx: Trx, doc: ItemDocument, agency: Agency, opts: { publish: boolean; actor: { id: string; name: string } | null }): Promise<string> {
  const b = validateBaseCode(doc.baseCode);
  if (!b.ok) throw CatalogErrors.INVALID_ITEM_CODE({ reason: `baseCode ${b.reason}` });
  const i = validateImplCode(doc.implCode);
  if (!i.ok) throw CatalogErrors.INVALID_ITEM_CODE({ reason: `implCode ${i.reason}` });
  if (!doc.implCode.endsWith(doc.baseCode)) throw CatalogErrors.INVALID_ITEM_CODE({ reason: 'implCode must end with the base code' });
  const exists = await trx.selectFrom('service_item').select('id').where('impl_code', '=', doc.implCode).executeTakeFirst();
  if (exists) throw CatalogErrors.DUPLICATE_IMPL_CODE({ implCode: doc.implCode });
  const id = newId();
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
      status: opts.publish ? 'published' : 'draft',
      current_version: 1,
      published_version: opts.publish ? 1 : null,
      search_text: searchText(doc, agency.name),
    })
    .execute();
  await trx
    .insertInto('service_item_version')
    .values({
      id: newId(),
      item_id: id,
      version: 1,
      document: JSON.stringify(doc),
      status: opts.publish ? 'published' : 'draft',
      created_by: opts.actor?.id ?? null,
      published_by: opts.publish ? (opts.actor?.id ?? null) : null,
      published_at: opts.publish ? new Date() : null,
    })
    .execute();
  await writeAuditInTrx(trx, { actor: opts.actor, action: opts.publish ? 'catalog.item_create_published' : 'catalog.item_create', entityType: 'service_item', entityId: id, after: { implCode: doc.implCode, name: doc.name } });
  return id;
}

export async function searchPublished(db: Db, q: { q?: string; regionCode?: string; dept?: string; page: number; pageSize: number }): Promise<{ items: ItemSummary[]; total: number }> {
  let query = db.selectFrom('service_item as i').where('i.status', '=', 'published');
  const terms = (q.q ?? '').toLowerCase().split(/[\s,，。;；]+/).filter(Boolean).slice(0, 8);
  for (const t of terms) query = query.where('i.search_text', 'like', `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.regionCode) query = query.where('i.region_code', 'like', `${q.regionCode.replace(/0+$/, '')}%`);
  if (q.dept) query = query.where('i.org_id', '=', q.dept);
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
      .select(['i.org_id', 'i.agency_name', 'v.document'])
      .orderBy(terms.length ? sql`length(i.name)` : sql`i.name`)
      .orderBy('i.impl_code')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { items: rows.map((r) => summaryOf(r.document, { id: r.org_id, name: r.agency_name })), total };
}

export type PublishedItem = { itemId: string; versionId: string; version: number; orgId: string; agencyName: string; regionCode: string; document: ItemDocument };

/** The published version of an item, which is what every channel shows and what new cases pin. */
export async function findPublishedItem(db: Db | Trx, implCode: string): Promise<PublishedItem | undefined> {
  const r = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['i.id', 'v.id as version_id', 'v.version', 'i.org_id', 'i.agency_name', 'i.region_code', 'v.document'])
    .where('i.impl_code', '=', implCode)
    .where('i.status', '=', 'published')
    .executeTakeFirst();
  return r ? { itemId: r.id, versionId: r.version_id, version: r.version, orgId: r.org_id, agencyName: r.agency_name, regionCode: r.region_code, document: r.document } : undefined;
}

/** A specific version of an item (cases keep the version they were filed under). */
export async function findItemVersion(db: Db | Trx, versionId: string): Promise<ItemDocument | undefined> {
  const r = await db.selectFrom('service_item_version').select('document').where('id', '=', versionId).executeTakeFirst();
  return r?.document;
}

export async function getPublicDetail(db: Db, implCode: string): Promise<ItemDetail> {
  const p = await findPublishedItem(db, implCode);
  if (!p) throw CatalogErrors.ITEM_NOT_FOUND({ ref: implCode });
  const d = p.document;
  return {
    ...summaryOf(d, { id: p.orgId, name: p.agencyName }),
    version: p.version,
    serviceObjects: d.serviceObjects,
    conditions: d.conditions,
    legalBasis: d.legalBasis,
    steps: d.steps,
    fees: d.fees,
    materials: d.materials,
    form: d.form,
    caseType: d.caseType,
    onlineDepth: d.onlineDepth,
    ...(d.visitReason ? { visitReason: d.visitReason } : {}),
    hall: d.hall,
    contacts: d.contacts,
    result: d.result,
    topics: d.topics,
  };
}

function regionPrefix(code: string): string {
  return code.replace(/(00)+$/, '');
}

/** Items the catalog administrator may manage: own region and below. */
export async function listForAdmin(db: Db, actor: Actor, status?: 'draft' | 'published' | 'retired'): Promise<AdminItem[]> {
  const scope = scopeOf(actor, 'catalog:read');
  let q = db.selectFrom('service_item').select(['id', 'impl_code', 'name', 'org_id', 'agency_name', 'status', 'current_version', 'published_version', 'updated_at']);
  if (status) q = q.where('status', '=', status);
  if (scope !== 'all') q = q.where('region_code', 'like', `${regionPrefix(actor.regionCode ?? '-')}%`);
  if (scope === 'org') q = q.where('org_id', '=', actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  const rows = await q.orderBy(sql`status = 'draft'`, 'desc').orderBy('updated_at', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    implCode: r.impl_code,
    name: r.name,
    agency: { id: r.org_id, name: r.agency_name },
    status: r.status,
    version: r.current_version,
    publishedVersion: r.published_version,
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** Publish the item's latest version: it becomes what every channel shows; the previous one is superseded. */
export async function publishItem(db: Db, actor: Actor, itemId: string, ip: string): Promise<AdminItem> {
  await db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('service_item').selectAll().where('id', '=', itemId).forUpdate().executeTakeFirst();
    const scope = scopeOf(actor, 'catalog:publish');
    if (!item || (scope !== 'all' && !item.region_code.startsWith(regionPrefix(actor.regionCode ?? '-')))) throw CatalogErrors.OUT_OF_SCOPE({ ref: itemId });
    if (item.published_version === item.current_version && item.status === 'published') throw CatalogErrors.ITEM_NOT_DRAFT({ status: item.status });
    await trx.updateTable('service_item_version').set({ status: 'superseded' }).where('item_id', '=', itemId).where('status', '=', 'published').execute();
    await trx
      .updateTable('service_item_version')
      .set({ status: 'published', published_by: actor.id, published_at: new Date() })
      .where('item_id', '=', itemId)
      .where('version', '=', item.current_version)
      .execute();
    await trx.updateTable('service_item').set({ status: 'published', published_version: item.current_version, updated_at: new Date() }).where('id', '=', itemId).execute();
    await emitInTrx(trx, 'catalog.item_published', { itemId, implCode: item.impl_code, version: item.current_version });
    await writeAuditInTrx(trx, {
      actor: { id: actor.id, name: actor.displayName },
      action: 'catalog.item_publish',
      entityType: 'service_item',
      entityId: itemId,
      before: { status: item.status, publishedVersion: item.published_version },
      after: { status: 'published', publishedVersion: item.current_version },
      ip,
    });
  });
  const [row] = (await listForAdmin(db, actor)).filter((i) => i.id === itemId);
  return row!;
}

export async function countPublished(db: Db): Promise<number> {
  const r = await db.selectFrom('service_item').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  return r.n;
}
