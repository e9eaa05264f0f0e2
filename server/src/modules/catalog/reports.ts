/**
 * Catalog-wide reports: standardization quality by department, consistency of implementations with the base
 * catalog (同一事项、同一编码、同一依据、同一类型), and the public indicators of how much can be done online.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { ITEM_KIND_LABELS, regionLikePrefix } from '../../platform/codes/index.ts';
import { lintItem, type LintFinding } from './lint.ts';
import { obtainableIndex } from '../sharing/index.ts';
import type { ItemDocument } from './schema.ts';


export type QualityReport = {
  totals: { items: number; withErrors: number; errors: number; warnings: number };
  departments: Array<{ orgId: string; name: string; items: number; withErrors: number; errors: number; warnings: number }>;
  byRule: Array<{ rule: string; severity: string; count: number }>;
  findings: Array<LintFinding & { itemId: string; implCode: string; name: string; agency: string }>;
};

/** Lint every item's latest version in the actor's scope. */
export async function qualityReport(db: Db, actor: Actor, opts: { maxFindings?: number } = {}): Promise<QualityReport> {
  const scope = scopeOf(actor, 'catalog:read');
  let q = db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
    .leftJoin('base_item as b', 'b.base_code', 'i.base_code')
    .select(['i.id', 'i.impl_code', 'i.name', 'i.org_id', 'i.agency_name', 'v.document', 'b.name as base_name', 'b.kind as base_kind', 'b.legal_basis as base_basis'])
    .where('i.status', '!=', 'retired');
  if (scope !== 'all') q = q.where('i.region_code', 'like', `${regionLikePrefix(actor.regionCode)}%`);
  const [rows, shared] = await Promise.all([q.execute(), obtainableIndex(db)]);
  const depts = new Map<string, QualityReport['departments'][number]>();
  const rules = new Map<string, { rule: string; severity: string; count: number }>();
  const findings: QualityReport['findings'] = [];
  const totals = { items: rows.length, withErrors: 0, errors: 0, warnings: 0 };
  for (const r of rows) {
    const f = lintItem(r.document, { obtainableMaterial: shared.obtainable, ...(r.base_name ? { baseItem: { baseCode: r.document.baseCode, name: r.base_name, kind: r.base_kind!, legalBasis: r.base_basis! } } : {}) });
    const errors = f.filter((x) => x.severity === 'error').length;
    const warnings = f.filter((x) => x.severity === 'warning').length;
    const d = depts.get(r.org_id) ?? { orgId: r.org_id, name: r.agency_name, items: 0, withErrors: 0, errors: 0, warnings: 0 };
    d.items++;
    d.errors += errors;
    d.warnings += warnings;
    if (errors) d.withErrors++;
    depts.set(r.org_id, d);
    totals.errors += errors;
    totals.warnings += warnings;
    if (errors) totals.withErrors++;
    for (const x of f) {
      const k = `${x.rule}|${x.severity}`;
      rules.set(k, { rule: x.rule, severity: x.severity, count: (rules.get(k)?.count ?? 0) + 1 });
      if (findings.length < (opts.maxFindings ?? 500)) findings.push({ ...x, itemId: r.id, implCode: r.impl_code, name: r.name, agency: r.agency_name });
    }
  }
  return {
    totals,
    departments: [...depts.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.name.localeCompare(b.name, 'zh')),
    byRule: [...rules.values()].sort((a, b) => b.count - a.count),
    findings,
  };
}

export type Drift = {
  baseCode: string;
  baseName: string;
  implCode: string;
  itemId: string;
  itemName: string;
  regionCode: string;
  agency: string;
  fields: Array<{ field: 'name' | 'kind' | 'legalBasis'; base: string; impl: string }>;
};

const basisKey = (b: Array<{ title: string }>) =>
  b
    .map((x) => x.title.trim())
    .sort()
    .join('；');

/** Implementations whose name, kind or legal basis drifted from their base catalog item, across all regions. */
export async function consistencyReport(db: Db): Promise<{ checked: number; drifts: Drift[] }> {
  const rows = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', sql`coalesce(i.published_version, i.current_version)`))
    .innerJoin('base_item as b', 'b.base_code', 'i.base_code')
    .select(['i.id', 'i.impl_code', 'i.region_code', 'i.agency_name', 'v.document', 'b.base_code', 'b.name as base_name', 'b.kind as base_kind', 'b.legal_basis'])
    .where('i.status', '!=', 'retired')
    .orderBy('i.base_code')
    .orderBy('i.region_code')
    .execute();
  const drifts: Drift[] = [];
  for (const r of rows) {
    const d: ItemDocument = r.document;
    const fields: Drift['fields'] = [];
    if (d.name !== r.base_name) fields.push({ field: 'name', base: r.base_name, impl: d.name });
    if (d.kind !== r.base_kind) fields.push({ field: 'kind', base: r.base_kind, impl: d.kind });
    if (basisKey(d.legalBasis) !== basisKey(r.legal_basis)) fields.push({ field: 'legalBasis', base: basisKey(r.legal_basis), impl: basisKey(d.legalBasis) });
    if (fields.length) drifts.push({ baseCode: r.base_code, baseName: r.base_name, implCode: r.impl_code, itemId: r.id, itemName: d.name, regionCode: r.region_code, agency: r.agency_name, fields });
  }
  return { checked: rows.length, drifts };
}

export type Indicators = {
  publishedItems: number;
  byKind: Array<{ kind: string; label: string; count: number }>;
  byDepartment: Array<{ orgId: string; name: string; count: number }>;
  /** Shares in [0, 1]. */
  shares: { online: number; zeroVisit: number; atMostOneVisit: number; inHall: number; express: number; onlinePayment: number };
  /** Mean of 1 − committed / statutory over items with a statutory limit. */
  averageLimitCompression: number;
};

/** Indicators over the published catalog (seed 001's assessment indicators for items). */
export async function catalogIndicators(db: Db, regionCode?: string): Promise<Indicators> {
  const prefix = regionCode ? regionLikePrefix(regionCode) : '';
  const base = db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .where('i.status', '=', 'published')
    .where('i.region_code', 'like', `${prefix}%`);
  const d = sql.ref('v.document');
  const [agg, kinds, depts] = await Promise.all([
    base
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where exists (select 1 from jsonb_array_elements_text(${d}->'onlineDepth') x where x::int >= 4))::int`.as('online'),
        sql<number>`count(*) filter (where (${d}->>'visitsRequired')::int = 0)::int`.as('zero_visit'),
        sql<number>`count(*) filter (where (${d}->>'visitsRequired')::int <= 1)::int`.as('one_visit'),
        sql<number>`count(*) filter (where coalesce(${d}->'handlingForms' ? 'window', true))::int`.as('in_hall'),
        sql<number>`count(*) filter (where coalesce((${d}->'features'->>'express')::boolean, false))::int`.as('express'),
        sql<number>`count(*) filter (where coalesce((${d}->'features'->>'onlinePayment')::boolean, false))::int`.as('online_payment'),
        sql<number | null>`avg(1 - (${d}->>'committedDays')::numeric / (${d}->>'statutoryDays')::numeric) filter (where (${d}->>'statutoryDays')::int > 0)::float8`.as('compression'),
      ])
      .executeTakeFirstOrThrow(),
    base.select(['i.kind', sql<number>`count(*)::int`.as('n')]).groupBy('i.kind').orderBy('i.kind').execute(),
    base.select(['i.org_id', 'i.agency_name', sql<number>`count(*)::int`.as('n')]).groupBy(['i.org_id', 'i.agency_name']).orderBy(sql`count(*)`, 'desc').execute(),
  ]);
  const share = (n: number) => (agg.total ? Math.round((n / agg.total) * 10_000) / 10_000 : 0);
  return {
    publishedItems: agg.total,
    byKind: kinds.map((k) => ({ kind: k.kind, label: (ITEM_KIND_LABELS as Record<string, string>)[k.kind] ?? k.kind, count: k.n })),
    byDepartment: depts.map((x) => ({ orgId: x.org_id, name: x.agency_name, count: x.n })),
    shares: { online: share(agg.online), zeroVisit: share(agg.zero_visit), atMostOneVisit: share(agg.one_visit), inHall: share(agg.in_hall), express: share(agg.express), onlinePayment: share(agg.online_payment) },
    averageLimitCompression: Math.round((agg.compression ?? 0) * 10_000) / 10_000,
  };
}
