/**
 * Merging checked rows into a base register under 一数一源 / 多源校核, set-based so it keeps up with bulk loads.
 *
 * One chunk (≤ CHUNK rows) is one transaction on one connection (load.ts reads and checks the next one meanwhile):
 *  1. COPY the rows into a temporary staging table (pg-copy-streams, text format);
 *  2. a later line of the chunk with the same key supersedes an earlier one (the earlier is rejected, saying so;
 *     a key repeated across chunks is simply updated again);
 *  3. snapshot the register rows the chunk touches (`reg_cur`: an index lookup per key, whatever the register's size);
 *  4. rows for keys the register lacks need every required column, else they are rejected;
 *  5. fields the loading department is NOT the designated source for: where its value differs from the register's,
 *     keep its observation and raise a conflict; the register keeps its value;
 *  6. fields it IS the designated source for: where the new value differs from another department's last observation,
 *     or from the current value when another department wrote it, raise a conflict; then the register takes it;
 *  7. insert new records, update changed ones (provenance: the department and the time; a field written by another
 *     department than the row's own source is noted in `field_sources`).
 * Loads of one register take turns (an advisory lock per register), so the snapshot cannot go stale mid-chunk.
 * Agreeing observations are not kept: the current value (and who wrote it) already stands for them.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { REGISTER_TABLES, columnOf, missingForNew, sqlTypeOf, type LoadColumns } from './load-fields.ts';

/** Rows per staged chunk: large enough that per-statement costs vanish, small enough to stay far below the RSS budget. */
export const CHUNK = 5_000;

export type MergePlan = {
  cols: LoadColumns;
  loadId: string | null;
  orgId: string;
  /** The designated source of each field (null: none designated, any source writes it). */
  designated: ReadonlyMap<string, string | null>;
};
export type StagedRow = { line: number; values: (string | null)[] };
export type MergeResult = { inserted: number; updated: number; conflicts: number; rejects: Array<{ line: number; reason: string }> };

/** A value in COPY text format: \N for NULL, backslash escapes for the separators. */
const copyText = (v: string | null): string => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')));
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function mergeChunk(client: pg.PoolClient, plan: MergePlan, chunk: readonly StagedRow[]): Promise<MergeResult> {
  let rows = chunk;
  const { cols, orgId } = plan;
  const reg = REGISTER_TABLES[cols.register];
  const table = reg.table;
  const colNames = cols.fields.map((f) => columnOf(f.name));
  const keyCols = reg.key.map(columnOf);
  const on = (a: string, b: string) => keyCols.map((c) => `${a}.${c} = ${b}.${c}`).join(' and ');
  const keyOf = (a: string) => keyCols.map((c) => `${a}.${c}`).join(` || '/' || `);
  const typed = (a: string, f: (typeof cols.fields)[number]) => `${a}.${columnOf(f.name)}${sqlTypeOf(f) === 'text' ? '' : `::${sqlTypeOf(f)}`}`;
  const nonKey = cols.fields.filter((f) => !reg.key.includes(f.name));
  const mine = nonKey.filter((f) => (plan.designated.get(f.name) ?? orgId) === orgId);
  const others = nonKey.filter((f) => !mine.includes(f));
  const primary = plan.designated.get(reg.key[0]!) ?? orgId;
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  // $1 register, $2 field, $3 loading org, $4 designated org, $5 load
  const conflictInsert = `insert into register_conflict (id, register, record_key, field, register_value, register_org_id, other_value, other_org_id, designated_org_id, load_id)`;

  const rejects: MergeResult['rejects'] = [];
  // A later line of the chunk with the same key supersedes an earlier one (checked here: a Set of one chunk's keys).
  const keyAt = reg.key.map((k) => cols.fields.findIndex((f) => f.name === k));
  const lastLine = new Map<string, number>();
  for (const r of rows) lastLine.set(keyAt.map((i) => r.values[i]).join('/'), r.line);
  const kept: StagedRow[] = [];
  for (const r of rows) {
    const later = lastLine.get(keyAt.map((i) => r.values[i]).join('/'))!;
    if (later === r.line) kept.push(r);
    else rejects.push({ line: r.line, reason: `与第 ${later} 行是同一条记录，以后面一行为准` });
  }
  rows = kept;

  await q(`select pg_advisory_xact_lock(hashtext('sharing.register.load'), hashtext($1))`, [cols.register]);
  await q(`create temp table reg_stage (line bigint not null, ${colNames.map((c) => `${c} text`).join(', ')}) on commit drop`);
  await pipeline(
    // Whole blocks of lines, not a write per line: COPY's cost is then PostgreSQL's, not the stream's.
    Readable.from((function* () {
      let block = '';
      for (const r of rows) {
        block += `${r.line}\t${r.values.map(copyText).join('\t')}\n`;
        if (block.length >= 256 * 1024) {
          yield block;
          block = '';
        }
      }
      if (block) yield block;
    })()),
    client.query(copyFrom(`copy reg_stage (line, ${colNames.join(', ')}) from stdin`)),
  );
  // The touched rows by index lookups, whatever the register's size: never a hash join over 15,000,000 rows for a
  // chunk (the staging table has no statistics; ANALYZE per chunk costs more than it saves).
  await q('set local enable_hashjoin = off');
  await q('set local enable_mergejoin = off');
  await q(`create temp table reg_cur on commit drop as select r.* from ${table} r join reg_stage s on ${on('r', 's')}`);
  await q('set local enable_hashjoin = on');
  await q('set local enable_mergejoin = on');

  const missing = missingForNew(cols);
  if (missing.length) {
    const gone = await q(`delete from reg_stage s where not exists (select 1 from reg_cur c where ${on('c', 's')}) returning s.line`);
    for (const g of gone.rows as Array<{ line: string }>) rejects.push({ line: Number(g.line), reason: `库中还没有这条记录；首次归集须同时填写：${missing.map((f) => f.title).join('、')}` });
  }

  // A chunk of new records only (the bulk case) has nothing to compare: skip straight to the insert.
  const existing = Number(((await q('select count(*) as n from reg_cur')).rows[0] as { n: string }).n);
  let conflicts = 0;
  const prov = (f: string) => `coalesce((c.field_sources->${lit(f)}->>'org')::uuid, c.source_org_id)`;
  for (const f of existing ? others : []) {
    const col = columnOf(f.name);
    const differs = `${typed('s', f)} is distinct from c.${col}`;
    const from = `from reg_stage s join reg_cur c on ${on('c', 's')}`;
    const r = await q(`${conflictInsert} select gen_random_uuid(), $1::text, ${keyOf('c')}, $2::text, c.${col}::text, ${prov(f.name)}, s.${col}, $3::uuid, $4::uuid, $5::uuid ${from} where ${differs} on conflict do nothing`, [cols.register, f.name, orgId, plan.designated.get(f.name), plan.loadId]);
    conflicts += r.rowCount ?? 0;
    await q(`insert into register_observation (register, record_key, field, org_id, value) select $1::text, ${keyOf('c')}, $2::text, $3::uuid, s.${col} ${from} where ${differs} on conflict (register, record_key, field, org_id) do update set value = excluded.value, observed_at = now()`, [cols.register, f.name, orgId]);
    await q(`delete from register_observation o using reg_stage s join reg_cur c on ${on('c', 's')} where o.register = $1::text and o.field = $2::text and o.org_id = $3::uuid and o.record_key = ${keyOf('c')} and not (${differs})`, [cols.register, f.name, orgId]);
  }
  for (const f of existing ? mine : []) {
    const col = columnOf(f.name);
    const cast = sqlTypeOf(f) === 'text' ? '' : `::${sqlTypeOf(f)}`;
    const args = [cols.register, f.name, orgId, plan.loadId];
    const a = await q(
      `${conflictInsert} select gen_random_uuid(), $1::text, o.record_key, $2::text, s.${col}, $3::uuid, o.value, o.org_id, $3::uuid, $4::uuid from reg_stage s join reg_cur c on ${on('c', 's')} join register_observation o on o.register = $1::text and o.record_key = ${keyOf('c')} and o.field = $2::text and o.org_id <> $3::uuid where ${typed('s', f)} is distinct from o.value${cast} on conflict do nothing`,
      args,
    );
    const other = `from reg_stage s join reg_cur c on ${on('c', 's')} where ${prov(f.name)} <> $3::uuid and ${typed('s', f)} is distinct from c.${col}`;
    const b = await q(`${conflictInsert} select gen_random_uuid(), $1::text, ${keyOf('c')}, $2::text, s.${col}, $3::uuid, c.${col}::text, ${prov(f.name)}, $3::uuid, $4::uuid ${other} on conflict do nothing`, args);
    // The other department's value stays on record as its observation, so its later disagreements are caught too.
    await q(`insert into register_observation (register, record_key, field, org_id, value) select $1::text, ${keyOf('c')}, $2::text, ${prov(f.name)}, c.${col}::text ${other} on conflict do nothing`, [cols.register, f.name, orgId]);
    conflicts += (a.rowCount ?? 0) + (b.rowCount ?? 0);
  }

  const insertCols = cols.fields.map((f) => columnOf(f.name));
  const insertVals = cols.fields.map((f) => (f.name === 'status' ? `coalesce(s.status, 'active')` : typed('s', f)));
  const ins = await q(`insert into ${table} (${insertCols.join(', ')}, source_org_id) select ${insertVals.join(', ')}, $1::uuid from reg_stage s where not exists (select 1 from reg_cur c where ${on('c', 's')})`, [orgId]);

  let updated = 0;
  if (mine.length && existing) {
    const sets = mine.map((f) => `${columnOf(f.name)} = ${f.name === 'status' ? `coalesce(s.status, c.status)` : typed('s', f)}`);
    const provenance =
      orgId === primary
        ? `source_org_id = $1::uuid, updated_at = now(), field_sources = r.field_sources - array[${mine.map((f) => lit(f.name)).join(', ')}]::text[]`
        : `field_sources = r.field_sources || jsonb_build_object(${mine.map((f) => `${lit(f.name)}, jsonb_build_object('org', $1::uuid, 'at', now())`).join(', ')})`;
    const changed = mine.map((f) => `${typed('s', f)} is distinct from c.${columnOf(f.name)}`).join(' or ');
    const upd = await q(`update ${table} r set ${sets.join(', ')}, ${provenance} from reg_stage s join reg_cur c on ${on('c', 's')} where ${on('r', 's')} and (${changed})`, [orgId]);
    updated = upd.rowCount ?? 0;
  }
  return { inserted: ins.rowCount ?? 0, updated, conflicts, rejects };
}
