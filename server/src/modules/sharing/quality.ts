/**
 * Data quality of the published resources (数据质量): per resource, completeness (the share of records with a value,
 * per field), freshness (the last update against the resource's update cycle) and open 多源校核 conflicts.
 *
 * Completeness needs a scan of the register (15,000,000 rows in the bench), so it is never computed per request:
 * `refreshQuality` scans a register once — all its fields in one pass — into `register_quality`, after every load
 * (the load job) and nightly (handlers.registers.ts); `registerQuality` only reads that small table, the catalog and
 * the open-conflict counts (an index on open conflicts).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { REGISTER_FIELDS } from './registers.ts';
import { REGISTER_TABLES, REGISTER_TITLES, columnOf, isLoadable, type LoadableRegister } from './load-fields.ts';
import { openConflictCounts } from './conflicts.ts';
import type { UpdateCycle } from './tables.ts';

/**
 * How old the last update of a resource may be for its update cycle before it is late (hours): a day's grace on
 * top of the cycle. Beyond twice that it is stale.
 */
export const CYCLE_ALLOWANCE_HOURS: Record<UpdateCycle, number> = { realtime: 24, daily: 48, weekly: 8 * 24, monthly: 32 * 24, quarterly: 93 * 24, yearly: 367 * 24 };

export type Freshness = 'fresh' | 'late' | 'stale' | 'unknown';
export function freshnessOf(cycle: UpdateCycle, lastUpdate: Date | null, now: Date): Freshness {
  if (!lastUpdate) return 'unknown';
  const hours = (now.getTime() - lastUpdate.getTime()) / 3_600_000;
  const allowed = CYCLE_ALLOWANCE_HOURS[cycle];
  return hours <= allowed ? 'fresh' : hours <= 2 * allowed ? 'late' : 'stale';
}

/** Scan one register (one pass, every field) and store its figures. */
export async function refreshQuality(db: Db, register: LoadableRegister): Promise<void> {
  const { table } = REGISTER_TABLES[register];
  const fields = REGISTER_FIELDS[register];
  const parts = fields.flatMap((f, i) => [
    sql`count(nullif(${sql.ref(columnOf(f.name))}::text, '')) as ${sql.ref(`n${i}`)}`,
    sql`max((field_sources -> ${f.name} ->> 'at')::timestamptz) as ${sql.ref(`t${i}`)}`,
  ]);
  const r = await sql<Record<string, unknown>>`select count(*) as total, max(updated_at) as last_update, ${sql.join(parts)} from ${sql.table(table)}`.execute(db);
  const row = r.rows[0]!;
  const rowLast = row.last_update as Date | null;
  const values = fields.map((f, i) => {
    const own = row[`t${i}`] as Date | null;
    const last = own && (!rowLast || own > rowLast) ? own : rowLast;
    return { register, field: f.name, total: Number(row.total), non_empty: Number(row[`n${i}`]), last_update: last, computed_at: sql<Date>`now()` };
  });
  await db
    .insertInto('register_quality')
    .values(values)
    .onConflict((oc) => oc.columns(['register', 'field']).doUpdateSet((eb) => ({ total: eb.ref('excluded.total'), non_empty: eb.ref('excluded.non_empty'), last_update: eb.ref('excluded.last_update'), computed_at: eb.ref('excluded.computed_at') })))
    .execute();
}

export async function refreshAllQuality(db: Db): Promise<void> {
  for (const r of ['population', 'entity', 'credit'] as const) await refreshQuality(db, r);
}

export type FieldQuality = { name: string; title: string; completeness: number | null; conflicts: number };
export type ResourceQuality = {
  code: string;
  name: string;
  providerName: string;
  register: string;
  registerTitle: string;
  updateCycle: UpdateCycle;
  /** Records in the register (as of `computedAt`). */
  records: number | null;
  /** Mean of the fields' completeness (0–1); null when not measured here (the license register is the licenses module's). */
  completeness: number | null;
  fields: FieldQuality[];
  lastUpdate: string | null;
  freshness: Freshness;
  conflicts: number;
  computedAt: string | null;
};

/** Quality of every published resource (or of the given resource codes), from the stored figures. */
export async function registerQuality(db: Db, opts: { codes?: string[]; now?: Date } = {}): Promise<ResourceQuality[]> {
  let q = db.selectFrom('data_resource').innerJoin('org', 'org.id', 'data_resource.provider_org_id').select(['code', 'data_resource.name', 'org.name as provider', 'register', 'update_cycle', 'fields']).where('status', '=', 'published').orderBy('code');
  if (opts.codes?.length) q = q.where('code', 'in', opts.codes);
  const [resources, stored, conflicts] = await Promise.all([q.execute(), db.selectFrom('register_quality').selectAll().execute(), openConflictCounts(db)]);
  const figures = new Map(stored.map((s) => [`${s.register}.${s.field}`, s]));
  const now = opts.now ?? new Date();
  return resources.map((r) => {
    const measured = isLoadable(r.register);
    const fields = r.fields.map((f) => {
      const s = figures.get(`${r.register}.${f.name}`);
      return { name: f.name, title: f.title, completeness: s ? (s.total ? Number(s.non_empty) / Number(s.total) : 0) : null, conflicts: conflicts.get(`${r.register}.${f.name}`) ?? 0 };
    });
    const figs = r.fields.map((f) => figures.get(`${r.register}.${f.name}`)).filter((s) => s !== undefined);
    const known = fields.filter((f) => f.completeness !== null);
    const last = figs.reduce<Date | null>((m, s) => (s.last_update && (!m || s.last_update > m) ? s.last_update : m), null);
    const computed = figs.reduce<Date | null>((m, s) => (!m || s.computed_at < m ? s.computed_at : m), null);
    return {
      code: r.code,
      name: r.name,
      providerName: r.provider,
      register: r.register,
      registerTitle: measured ? REGISTER_TITLES[r.register as LoadableRegister] : '电子证照库',
      updateCycle: r.update_cycle,
      records: figs[0] ? Number(figs[0].total) : null,
      completeness: measured && known.length ? known.reduce((s, f) => s + f.completeness!, 0) / known.length : null,
      fields,
      lastUpdate: last?.toISOString() ?? null,
      freshness: measured ? freshnessOf(r.update_cycle, last, now) : 'unknown',
      conflicts: fields.reduce((s, f) => s + f.conflicts, 0),
      computedAt: computed?.toISOString() ?? null,
    };
  });
}
