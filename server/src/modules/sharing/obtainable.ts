/**
 * Which application materials the platform obtains itself (可共享获取, seed 000 §(十) 26 “让数据多跑路，群众少跑腿”;
 * seed 003 §（二）: 凡是能通过网络共享复用的材料，不得要求企业和群众重复提交). The one rule: a material is obtainable
 * when a published, shared resource of the resource catalog (data_resource.materials) stands for it. The electronic
 * license types are the `licenses` resource's materials. Item editors, the catalog review, the demo world, the
 * guides and the submission check all ask here.
 */
import type { Db, Trx } from '../../platform/db/db.ts';

/** Role words an item puts before a material (申请人的…, 本人…, 原…, 有效…): the material is the same. */
const PREFIX = /^(?:[^的，、（）]{1,6}的|本人|申请人|经办人|经营者|法定代表人|监护人|原|有效)/;
/** Forms and parts of the same material (…复印件, …原件, …正、副本, …信息, a trailing （…） note). */
const SUFFIX = /(?:复印件|原件|正、副本|正副本|副本|正本|信息|（[^（）]*）|\([^()]*\))$/;

/**
 * The core of a material name, for matching against the resource catalog: 本人居民户口簿复印件 → 居民户口簿,
 * 原营业执照正、副本 → 营业执照, 不动产权证书（房产信息） → 不动产权证书.
 */
export function materialCore(name: string): string {
  let s = name.trim().replace(/^《|》$/g, '');
  for (let i = 0; i < 4; i++) {
    const next = s.replace(PREFIX, '').replace(SUFFIX, '').replace(/^《|》$/g, '').trim();
    if (next === s || next === '') break;
    s = next;
  }
  return s;
}

/** A resource that can stand for materials: the catalog row as far as this rule needs it. */
export type MaterialSource = { code: string; name: string; materials: readonly string[] };

/**
 * The resource that stands for material `name`, if any. A name offering alternatives (居民身份证或户口簿信息) is
 * covered when every alternative is (whatever the applicant would have brought, the platform can fetch).
 */
export function sourceOfMaterial<S extends MaterialSource>(name: string, sources: readonly S[]): S | undefined {
  const byCore = new Map<string, S>();
  for (const s of sources) for (const m of s.materials) if (!byCore.has(materialCore(m))) byCore.set(materialCore(m), s);
  const alternatives = name.split('或').map(materialCore);
  if (alternatives.some((a) => a === '')) return undefined;
  const found = alternatives.map((a) => byCore.get(a));
  return found.every((s) => s !== undefined) ? found[0] : undefined;
}

/** A published shared resource with its provider: who the platform obtains a material from. */
export type SharedSource = MaterialSource & { providerOrgId: string; providerName: string; updateCycle: string };

/** Published resources that are shared (open or conditional), with their providers. */
export async function publishedSources(db: Db | Trx): Promise<SharedSource[]> {
  const rows = await db
    .selectFrom('data_resource as r')
    .innerJoin('org', 'org.id', 'r.provider_org_id')
    .select(['r.code', 'r.name', 'r.materials', 'r.provider_org_id', 'r.update_cycle', 'org.name as provider_name'])
    .where('r.status', '=', 'published')
    .where('r.share_mode', '!=', 'none')
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, materials: r.materials, providerOrgId: r.provider_org_id, providerName: r.provider_name, updateCycle: r.update_cycle }));
}

export type ObtainableIndex = {
  /** The published resource that stands for material `name`, if any. */
  sourceOf(name: string): SharedSource | undefined;
  /** Whether the platform can obtain material `name` (the catalog review's `obtainableMaterial`). */
  obtainable(name: string): boolean;
};

/** The rule over today's published resource catalog (one query; ask it again when the catalog may have changed). */
export async function obtainableIndex(db: Db | Trx): Promise<ObtainableIndex> {
  const sources = await publishedSources(db);
  const sourceOf = (name: string) => sourceOfMaterial(name, sources);
  return { sourceOf, obtainable: (name) => sourceOf(name) !== undefined };
}

/**
 * Whether an item's material is obtained by the platform for this application: the item marks it obtainable, and
 * either a published resource stands for it or the issuing government department supplies it itself (a material
 * of source 'government', e.g. the agency's own register). A resource withdrawn makes its materials demanded again.
 */
export function fetchedForApplicant(m: { name: string; obtainable?: boolean; source?: string }, index: ObtainableIndex): boolean {
  return m.obtainable === true && (m.source === 'government' || index.obtainable(m.name));
}
