import type { Db, Trx } from '../../platform/db/db.ts';
import { ITEM_KIND_LABELS } from '../../platform/codes/index.ts';
import { CatalogErrors } from './errors.ts';
import { Value } from 'typebox/value';
import { ItemDetail as ItemDetailSchema, type ItemDetail, type ItemDocument, type ItemSummary } from './schema.ts';

/** Online depth level 4 (受理) or beyond means the application can be filed online. */
export const ONLINE_DEPTH_ACCEPT = 4;

export type Agency = { id: string; name: string };

export function summaryOf(doc: ItemDocument, agency: Agency): ItemSummary {
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

export type PublishedItem = { itemId: string; versionId: string; version: number; orgId: string; agencyName: string; regionCode: string; publishedAt: Date | null; document: ItemDocument };

/** The published version of an item, which is what every channel shows and what new cases pin. */
export async function findPublishedItem(db: Db | Trx, implCode: string): Promise<PublishedItem | undefined> {
  const r = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['i.id', 'v.id as version_id', 'v.version', 'i.org_id', 'i.agency_name', 'i.region_code', 'v.published_at', 'v.document'])
    .where('i.impl_code', '=', implCode)
    .where('i.status', '=', 'published')
    .executeTakeFirst();
  return r ? { itemId: r.id, versionId: r.version_id, version: r.version, orgId: r.org_id, agencyName: r.agency_name, regionCode: r.region_code, publishedAt: r.published_at, document: r.document } : undefined;
}

/** The published versions of several items at once, keyed by implementation code (absent codes are not published). */
export async function findPublishedItems(db: Db | Trx, implCodes: readonly string[]): Promise<Map<string, PublishedItem>> {
  if (implCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['i.id', 'i.impl_code', 'v.id as version_id', 'v.version', 'i.org_id', 'i.agency_name', 'i.region_code', 'v.published_at', 'v.document'])
    .where('i.impl_code', 'in', [...implCodes])
    .where('i.status', '=', 'published')
    .execute();
  return new Map(rows.map((r) => [r.impl_code, { itemId: r.id, versionId: r.version_id, version: r.version, orgId: r.org_id, agencyName: r.agency_name, regionCode: r.region_code, publishedAt: r.published_at, document: r.document }]));
}

/** A specific version of an item (cases keep the version they were filed under). */
export async function findItemVersion(db: Db | Trx, versionId: string): Promise<ItemDocument | undefined> {
  const r = await db.selectFrom('service_item_version').select('document').where('id', '=', versionId).executeTakeFirst();
  return r?.document;
}

/** The public guide of a published version (the shape of GET /api/v1/public/items/{implCode}). */
export function publicDetailOf(doc: ItemDocument, agency: Agency, version: number, publishedAt: Date | null): ItemDetail {
  return { ...doc, ...summaryOf(doc, agency), version, publishedAt: publishedAt?.toISOString() ?? null };
}

/**
 * The published guide as JSON text. Served straight from the row (serialized at publication, see
 * `refreshPublicJsonInTrx`), so the hottest public route neither parses nor re-serializes the element set.
 */
export async function getPublicDetailJson(db: Db, implCode: string): Promise<string> {
  const r = await db.selectFrom('service_item').select(['public_json', 'status', 'name', 'agency_name']).where('impl_code', '=', implCode).executeTakeFirst();
  // A retired item says so plainly (links to it live on in bookmarks, search engines and old messages).
  if (r?.status === 'retired') throw CatalogErrors.ITEM_RETIRED({ ref: implCode, name: r.name, agency: r.agency_name });
  if (r?.status === 'published' && r.public_json) return r.public_json;
  return JSON.stringify(await getPublicDetail(db, implCode));
}

export async function getPublicDetail(db: Db, implCode: string): Promise<ItemDetail> {
  const p = await findPublishedItem(db, implCode);
  if (!p) throw CatalogErrors.ITEM_NOT_FOUND({ ref: implCode });
  return publicDetailOf(p.document, { id: p.orgId, name: p.agencyName }, p.version, p.publishedAt);
}

/** Serialize the item's published guide into the row (at publication; cleared on retirement). */
export async function refreshPublicJsonInTrx(trx: Trx, itemId: string): Promise<void> {
  const r = await trx
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['i.org_id', 'i.agency_name', 'v.version', 'v.published_at', 'v.document'])
    .where('i.id', '=', itemId)
    .where('i.status', '=', 'published')
    .executeTakeFirst();
  const json = r ? JSON.stringify(Value.Clean(ItemDetailSchema, publicDetailOf(r.document, { id: r.org_id, name: r.agency_name }, r.version, r.published_at))) : null;
  await trx.updateTable('service_item').set({ public_json: json }).where('id', '=', itemId).execute();
}

/** Fill the serialized guide of published items that lack one (databases from before it existed). */
export async function backfillPublicJson(db: Db): Promise<number> {
  const rows = await db.selectFrom('service_item').select('id').where('status', '=', 'published').where('public_json', 'is', null).execute();
  for (const r of rows) await db.transaction().execute((trx) => refreshPublicJsonInTrx(trx, r.id));
  return rows.length;
}

export async function countPublished(db: Db): Promise<number> {
  const r = await db.selectFrom('service_item').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  return r.n;
}

/** Files a published document offers for download: blank forms and samples of materials, the result sample. */
export function referencedFileIds(doc: ItemDocument): Set<string> {
  const ids = new Set<string>();
  for (const m of doc.materials) {
    if (m.blankForm) ids.add(m.blankForm.fileId);
    if (m.sample) ids.add(m.sample.fileId);
  }
  if (doc.result.sample) ids.add(doc.result.sample.fileId);
  return ids;
}
