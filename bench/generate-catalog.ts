/**
 * Benchmark catalog: brings the published catalog of a running Tongban database to N implementation items
 * (default 15,000) by having synthetic county-level agencies across 江苏省 implement the demo world's items.
 *
 *   node bench/generate-catalog.ts --data-dir <DATA_DIR> [--target 15000] [--batch 300] [--concurrency 1] [--codes-out file.json]
 *
 * It connects to the embedded PostgreSQL already running in DATA_DIR (the benchmark's server started it; if none
 * is running it starts one for the duration and stops it again). The database must already hold the demo world.
 *
 * What it writes, all through the modules' own functions (so codes are validated, items are indexed for search,
 * the audit chain stays intact):
 * - regions: the 12 other prefecture-level cities of 江苏省 and their county-level divisions (real GB/T 2260
 *   codes, see jiangsu.ts), `createRegionInTrx`;
 * - organisations: per county, a people's government and the departments that implement the chosen items
 *   (南京市玄武区市场监督管理局, 江阴市公安局 …), keys `bench_<county>_<dept>`, generated but valid unified social
 *   credit codes registered in that county (GB 32100 / GB 11714 check characters), `createOrgInTrx`;
 * - items: a county-level (exercise level 4) implementation of a demo item — its document with the agency, region,
 *   hall, telephone area code and implementation code rewritten — published, `createItemInTrx`, a few hundred per
 *   transaction (or, with --concurrency N, one per transaction on N connections).
 *
 * Deterministic: the same demo world gives the same regions, organisations, credit codes and item codes on every
 * run. The (county, item) pairs are visited in one fixed shuffled order and the first ones missing from the
 * database are created, so a larger target extends a smaller one and a second run with the same target adds nothing.
 * Finally `VACUUM ANALYZE` on the catalog tables, as a database in service would have after autovacuum.
 *
 * Prints progress and the load rate (items/s); the last stdout line is `BENCH_CATALOG_RESULT <json>`.
 * Never point it at a database you care about: it adds thousands of synthetic agencies and items for good.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { startEmbeddedPostgres } from '../server/src/platform/db/embedded.ts';
import { connect, type Db } from '../server/src/platform/db/db.ts';
import { makeCreditCode, makeImplCode, validateBaseCode } from '../server/src/platform/codes/index.ts';
import { createOrgInTrx, createRegionInTrx } from '../server/src/modules/identity/index.ts';
import { createItemInTrx, ItemDocument } from '../server/src/modules/catalog/index.ts';
import { mulberry32 } from '../server/src/seed/world/prng.ts';
import { JIANGSU_CITIES, JIANGSU_COUNTIES, countyPrefix, type County } from './jiangsu.ts';

export const BENCH_SEED = 0x0b3c_2026;
export const ORG_KEY_PREFIX = 'bench_';

export type GenerateOptions = {
  dataDir: string;
  /** Published items wanted in the catalog after the run. */
  target: number;
  /** Items per transaction when loading over one connection. */
  batchSize?: number;
  /** Connections loading items in parallel (more than one: one item per transaction). */
  concurrency?: number;
  log?: (line: string) => void;
  signal?: AbortSignal;
};

export type GenerateResult = {
  publishedBefore: number;
  publishedAfter: number;
  itemsCreated: number;
  orgsCreated: number;
  regionsEnsured: number;
  templates: number;
  counties: number;
  /** Seconds spent creating items (the rate's denominator). */
  itemSeconds: number;
  itemsPerSec: number;
  vacuumSeconds: number;
  totalSeconds: number;
};

/** The demo-world item a county implementation is derived from. */
type Template = {
  baseCode: string;
  implCode: string;
  doc: ItemDocument;
  /** The demo org that implements it, and the city department of the same family (its key without hl_/gg_/jy_). */
  org: DemoOrg;
  family: DemoOrg;
};

type DemoOrg = { key: string; name: string; shortName: string; creditCode: string; deptCode: string | null; regionCode: string };

type PlannedOrg = { key: string; name: string; shortName: string; kind: 'government' | 'department'; regionCode: string; creditCode: string; parentKey: string | null; deptCode?: string };

/** District bodies of the demo world map to the city department of the same family. */
const DISTRICT_KEY = /^(hl|gg|jy)_(.+)$/;
const FAMILY_OF: Readonly<Record<string, string>> = { gafj: 'gaj' };

function familyKey(orgKey: string): string {
  const m = DISTRICT_KEY.exec(orgKey);
  if (!m) return orgKey;
  return FAMILY_OF[m[2]!] ?? m[2]!;
}

/** The name a county body of this family would have. */
function countyOrgName(family: DemoOrg, c: County): { name: string; shortName: string } {
  const p = countyPrefix(c);
  const district = c.name.endsWith('区');
  switch (family.key) {
    case 'gaj':
      return district ? { name: `${c.city.name}公安局${c.name.replace(/区$/, '')}分局`, shortName: `${c.name.replace(/区$/, '')}公安分局` } : { name: `${c.name}公安局`, shortName: `${c.name}公安局` };
    case 'swj':
      return { name: `国家税务总局${p}税务局`, shortName: `${c.name}税务局` };
    case 'gjj':
      return { name: `${c.city.name}住房公积金管理中心${c.name}管理部`, shortName: `${c.name}公积金管理部` };
    case 'xfzd':
      return { name: `${p}消防救援大队`, shortName: `${c.name}消防救援大队` };
    default: {
      if (!family.name.startsWith('泰州市')) throw new Error(`generate-catalog: do not know how to name a county body like ${family.name}`);
      return { name: family.name.replace(/^泰州市/, p), shortName: `${c.name}${family.shortName.replace(/^市/, '')}` };
    }
  }
}

/** Organisation code bodies as in the demo world: 0… government bodies, 4… public institutions, 5… others. */
const BODY_PREFIX: Readonly<Record<string, string>> = { '1': '0', '2': '4', '3': '5' };

const STREETS = ['人民路', '解放路', '建设路', '文化路', '中山路', '新华路', '府前路', '民主路', '长江路', '朝阳路', '健康路', '行政中心路'];

function countyRng(c: County, salt: number) {
  return mulberry32(BENCH_SEED ^ (Number(c.code) * 31 + salt));
}

/**
 * Replace every occurrence of the keys in one pass, longest key first at each position, so a replacement is never
 * itself rewritten (市水利局 → 海安市水利局 must not then match 市水利局 again).
 */
function replaceAll(s: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  const map = new Map<string, string>();
  for (const [from, to] of pairs) if (from && !map.has(from)) map.set(from, to);
  const keys = [...map.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return s.replace(new RegExp(keys.join('|'), 'g'), (m) => map.get(m)!);
}

/** The county implementation of a template: same item, the county body as agency, local hall and telephones. */
function deriveDocument(t: Template, c: County, org: PlannedOrg): ItemDocument {
  const p = countyPrefix(c);
  const text = replaceAll(JSON.stringify(t.doc), [
    [t.org.name, org.name],
    [t.org.shortName, org.shortName],
    [t.family.name, org.name],
    [t.family.shortName, org.shortName],
    ['泰州市海陵区', p],
    ['泰州市高港区', p],
    ['泰州市姜堰区', p],
    ['海陵区', c.name],
    ['高港区', c.name],
    ['姜堰区', c.name],
    ['泰州市政务服务中心', `${c.name}政务服务中心`],
    ['泰州市', c.city.name],
    ['泰州', c.city.short],
    ['0523-', `${c.city.areaCode}-`],
  ]);
  const doc = JSON.parse(text) as ItemDocument;
  const rng = countyRng(c, 1);
  const street = rng.pick(STREETS);
  const phone = `${c.city.areaCode}-${rng.int(5, 8)}${rng.chars('0123456789', 7)}`;
  doc.implCode = makeImplCode(org.creditCode, '4', t.baseCode);
  doc.exerciseLevel = '4';
  doc.regionCode = c.code;
  doc.hall = {
    ...doc.hall,
    address: `${p}${street}${rng.int(1, 399)}号 ${c.name}政务服务中心`,
    traffic: `乘公交${rng.int(1, 60)}路、${rng.int(61, 130)}路至“${c.name}政务服务中心”站下车`,
  };
  doc.contacts = { ...doc.contacts, consult: phone, complaint: `${c.city.areaCode}-12345` };
  return doc;
}

type Plan = {
  /** Every county body that could be needed, in a fixed order (credit codes do not depend on the target). */
  orgs: Map<string, PlannedOrg>;
  /** (county, template) pairs in the fixed visiting order. */
  pairs: Array<{ county: County; template: Template; orgKey: string }>;
};

function buildPlan(templates: Template[], takenCreditCodes: Set<string>): Plan {
  const rng = mulberry32(BENCH_SEED);
  const families = [...new Map(templates.map((t) => [t.family.key, t.family])).values()].sort((a, b) => a.key.localeCompare(b.key));
  const orgs = new Map<string, PlannedOrg>();
  const usedBodies = new Set<string>();
  const credit = (category: string, region: string) => {
    for (;;) {
      const body = `${BODY_PREFIX[category] ?? '5'}${rng.chars('0123456789', 7)}`;
      if (usedBodies.has(body)) continue;
      const code = makeCreditCode('1', category, region, body);
      if (takenCreditCodes.has(code)) continue;
      usedBodies.add(body);
      takenCreditCodes.add(code);
      return code;
    }
  };
  for (const c of JIANGSU_COUNTIES) {
    const govKey = `${ORG_KEY_PREFIX}${c.code}_gov`;
    orgs.set(govKey, { key: govKey, name: `${countyPrefix(c)}人民政府`, shortName: `${c.name}政府`, kind: 'government', regionCode: c.code, creditCode: credit('1', c.code), parentKey: null });
    for (const f of families) {
      const key = `${ORG_KEY_PREFIX}${c.code}_${f.key}`;
      const { name, shortName } = countyOrgName(f, c);
      orgs.set(key, {
        key,
        name,
        shortName,
        kind: 'department',
        regionCode: c.code,
        creditCode: credit(f.creditCode[1] ?? '1', c.code),
        parentKey: govKey,
        ...(f.deptCode ? { deptCode: f.deptCode } : {}),
      });
    }
  }
  const pairs: Plan['pairs'] = [];
  for (const county of JIANGSU_COUNTIES) for (const template of templates) pairs.push({ county, template, orgKey: `${ORG_KEY_PREFIX}${county.code}_${template.family.key}` });
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return { orgs, pairs };
}

async function loadTemplates(db: Db): Promise<Template[]> {
  const orgRows = await db.selectFrom('org').select(['key', 'name', 'short_name', 'credit_code', 'dept_code', 'region_code']).execute();
  const orgs = new Map<string, DemoOrg>(orgRows.map((o) => [o.key, { key: o.key, name: o.name, shortName: o.short_name, creditCode: o.credit_code, deptCode: o.dept_code, regionCode: o.region_code }]));
  const rows = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .select(['i.impl_code', 'i.base_code', 'o.key as org_key', 'v.document'])
    .where('i.status', '=', 'published')
    .where('o.key', 'not like', `${ORG_KEY_PREFIX.replace('_', '\\_')}%`)
    .orderBy('i.impl_code')
    .execute();
  // One template per base item: the county-level variant when the demo world has one (closest to what a county
  // publishes), else the city's.
  const byBase = new Map<string, Template>();
  for (const r of rows) {
    const org = orgs.get(r.org_key)!;
    const family = orgs.get(familyKey(r.org_key));
    if (!family) throw new Error(`generate-catalog: no city counterpart for org ${r.org_key}`);
    if (!validateBaseCode(r.base_code).ok) continue;
    const t: Template = { baseCode: r.base_code, implCode: r.impl_code, doc: r.document, org, family };
    const seen = byBase.get(r.base_code);
    if (!seen || (seen.doc.exerciseLevel !== '4' && r.document.exerciseLevel === '4')) byBase.set(r.base_code, t);
  }
  return [...byBase.values()].sort((a, b) => a.baseCode.localeCompare(b.baseCode));
}

async function countPublished(db: Db): Promise<number> {
  const r = await db.selectFrom('service_item').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function publishedImplCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('service_item').select('impl_code').where('status', '=', 'published').orderBy('impl_code').execute();
  return rows.map((r) => r.impl_code);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function generateCatalog(opts: GenerateOptions, onDb?: (db: Db) => Promise<void>): Promise<GenerateResult> {
  const log = opts.log ?? (() => undefined);
  const batchSize = opts.batchSize ?? 300;
  const t0 = performance.now();
  const pgServer = await startEmbeddedPostgres({ dataDir: opts.dataDir });
  if (pgServer.owned) log(`no PostgreSQL was running in ${opts.dataDir}; started one for this run`);
  const h = connect(pgServer.url('tongban'), { max: Math.max(2, opts.concurrency ?? 1), applicationName: 'tongban-bench-generator' });
  try {
    const db = h.db;
    const hasCatalog = await sql<{ t: string | null }>`select to_regclass('public.service_item')::text as t`.execute(db);
    if (!hasCatalog.rows[0]?.t) throw new Error(`the database in ${opts.dataDir} has no catalog yet: start the server on it first`);
    const publishedBefore = await countPublished(db);
    const templates = await loadTemplates(db);
    if (templates.length === 0) throw new Error('no published demo items to derive from: is the demo world seeded?');
    const need = Math.max(0, opts.target - publishedBefore);
    log(`catalog: ${fmt(publishedBefore)} published items, target ${fmt(opts.target)}: ${need ? `creating ${fmt(need)}` : 'nothing to do'} ` +
      `(${templates.length} demo items × ${JIANGSU_COUNTIES.length} county-level divisions of 江苏省 available)`);

    let itemsCreated = 0;
    let orgsCreated = 0;
    let itemSeconds = 0;
    const regions = [...JIANGSU_CITIES.map((c) => ({ code: c.code, name: c.name, level: 'city', parentCode: '320000' })), ...JIANGSU_COUNTIES.map((c) => ({ code: c.code, name: c.name, level: 'district', parentCode: c.city.code }))];
    if (need > 0) {
      if (need > JIANGSU_COUNTIES.length * templates.length) throw new Error(`target too large: at most ${fmt(publishedBefore + JIANGSU_COUNTIES.length * templates.length)} items can be generated`);
      const [orgRows, itemRows] = await Promise.all([
        db.selectFrom('org').select(['key', 'id', 'credit_code']).execute(),
        db.selectFrom('service_item').select('impl_code').execute(),
      ]);
      // Codes already taken by other organisations; our own (an earlier run's) are drawn again identically.
      const plan = buildPlan(templates, new Set(orgRows.filter((o) => !o.key.startsWith(ORG_KEY_PREFIX)).map((o) => o.credit_code)));
      for (const o of orgRows) {
        const planned = plan.orgs.get(o.key);
        if (planned && planned.creditCode !== o.credit_code) {
          throw new Error(`organisation ${o.key} has credit code ${o.credit_code}, this generator would give it ${planned.creditCode}: the database was filled by another version of the generator`);
        }
      }
      const existingOrgs = new Map(orgRows.map((o) => [o.key, o.id]));
      const existingItems = new Set(itemRows.map((r) => r.impl_code));

      // Which pairs to create: the first `need` of the fixed order that are not in the database yet.
      const todo: Array<{ county: County; template: Template; org: PlannedOrg; doc: ItemDocument }> = [];
      for (const p of plan.pairs) {
        if (todo.length === need) break;
        const org = plan.orgs.get(p.orgKey)!;
        const implCode = makeImplCode(org.creditCode, '4', p.template.baseCode);
        if (existingItems.has(implCode)) continue;
        todo.push({ county: p.county, template: p.template, org, doc: undefined as unknown as ItemDocument });
      }
      // Insert county by county, department by department: the order a real migration would load them in.
      todo.sort((a, b) => a.county.code.localeCompare(b.county.code) || a.org.key.localeCompare(b.org.key) || a.template.baseCode.localeCompare(b.template.baseCode));
      for (const t of todo) {
        const doc: unknown = deriveDocument(t.template, t.county, t.org);
        if (!Value.Check(ItemDocument, doc)) {
          const first = [...Value.Errors(ItemDocument, doc)][0];
          throw new Error(`generate-catalog: the ${t.county.name} variant of ${t.template.implCode} is invalid: ${first?.instancePath} ${first?.message}`);
        }
        t.doc = doc;
      }

      // Regions and every organisation the chosen items need, in one transaction.
      const neededOrgKeys = new Set<string>();
      for (const t of todo) {
        neededOrgKeys.add(t.org.key);
        if (t.org.parentKey) neededOrgKeys.add(t.org.parentKey);
      }
      await db.transaction().execute(async (trx) => {
        for (const r of regions) await createRegionInTrx(trx, r);
        // Governments first (they are the departments' parents); the plan's order puts each county's government first.
        for (const o of plan.orgs.values()) {
          if (!neededOrgKeys.has(o.key) || existingOrgs.has(o.key)) continue;
          existingOrgs.set(o.key, await createOrgInTrx(trx, o));
          orgsCreated++;
        }
      });
      log(`  ${orgsCreated} organisations created in ${new Set(todo.map((t) => t.county.code)).size} county-level divisions`);

      // Each createItemInTrx ends with the audit-chain append, which takes a transaction-scoped lock held until
      // commit: transactions that create items serialise from their first append on. So either one connection
      // with a few hundred items per transaction, or several connections with one item per transaction (only the
      // append and the commit are serialised; everything before runs in parallel). Either way the commit does not
      // wait for the WAL flush (`synchronous_commit = off` for this session's transactions only: a benchmark
      // database needs no durability).
      const concurrency = opts.concurrency ?? 1;
      const chunk = concurrency > 1 ? 1 : batchSize;
      const itemsStart = performance.now();
      let lastLog = itemsStart;
      let next = 0;
      const worker = async () => {
        while (next < todo.length) {
          if (opts.signal?.aborted) throw new Error(`aborted: ${String(opts.signal.reason)}`);
          const batch = todo.slice(next, next + chunk);
          next += batch.length;
          await db.transaction().execute(async (trx) => {
            await sql`set local synchronous_commit = off`.execute(trx);
            for (const t of batch) await createItemInTrx(trx, t.doc, { id: existingOrgs.get(t.org.key)!, name: t.org.name }, { status: 'published', actor: null });
          });
          itemsCreated += batch.length;
          const now = performance.now();
          if (now - lastLog > 5000 || itemsCreated === todo.length) {
            lastLog = now;
            log(`  ${fmt(itemsCreated)} / ${fmt(todo.length)} items (${fmt(itemsCreated / ((now - itemsStart) / 1000))} items/s)`);
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      itemSeconds = (performance.now() - itemsStart) / 1000;
    }

    const vacuumStart = performance.now();
    if (need > 0) {
      for (const table of ['service_item', 'service_item_version', 'base_item', 'item_review_event', 'org', 'region', 'audit_event']) {
        await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
      }
    }
    const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
    const publishedAfter = await countPublished(db);
    if (onDb) await onDb(db);
    const result: GenerateResult = {
      publishedBefore,
      publishedAfter,
      itemsCreated,
      orgsCreated,
      regionsEnsured: regions.length,
      templates: templates.length,
      counties: JIANGSU_COUNTIES.length,
      itemSeconds,
      itemsPerSec: itemSeconds > 0 ? itemsCreated / itemSeconds : 0,
      vacuumSeconds,
      totalSeconds: (performance.now() - t0) / 1000,
    };
    if (itemsCreated) {
      log(`catalog: ${fmt(itemsCreated)} items created in ${itemSeconds.toFixed(1)} s = ${fmt(result.itemsPerSec)} items/s ` +
        `(vacuum analyze ${vacuumSeconds.toFixed(1)} s, total ${result.totalSeconds.toFixed(1)} s); ${fmt(publishedAfter)} published items now`);
    }
    return result;
  } finally {
    await h.close();
    if (pgServer.owned) await pgServer.stop();
  }
}

// ---- command line ----

function parseArgs(argv: string[]): { dataDir: string; target: number; batch: number; concurrency: number; codesOut?: string } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dataDir = get('--data-dir');
  if (!dataDir) throw new Error('usage: node bench/generate-catalog.ts --data-dir <DATA_DIR> [--target 15000] [--batch 300] [--concurrency 1] [--codes-out file.json]');
  const int = (name: string, fallback: number, min: number) => {
    const raw = get(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}`);
    return n;
  };
  const codesOut = get('--codes-out');
  return { dataDir: path.resolve(dataDir), target: int('--target', 15_000, 0), batch: int('--batch', 300, 1), concurrency: int('--concurrency', 1, 1), ...(codesOut ? { codesOut: path.resolve(codesOut) } : {}) };
}

if (import.meta.main) {
  const args = parseArgs(process.argv.slice(2));
  const abort = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => abort.abort(sig));
  generateCatalog({ dataDir: args.dataDir, target: args.target, batchSize: args.batch, concurrency: args.concurrency, log: (l) => process.stdout.write(l + '\n'), signal: abort.signal }, async (db) => {
    if (args.codesOut) fs.writeFileSync(args.codesOut, JSON.stringify(await publishedImplCodes(db)) + '\n');
  }).then(
    (r) => {
      process.stdout.write(`BENCH_CATALOG_RESULT ${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`generate-catalog failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
