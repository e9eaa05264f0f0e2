/**
 * 数据归集: source departments load records into the base registers, as a CSV file (processed on jobs, any size,
 * streamed: the file goes to disk as it arrives and is read back record by record) or as a JSON batch of ≤ 1000
 * records (merged in the request). Every row is checked (load-fields.ts); rejects are kept with their line and reason
 * (the reject report); accepted rows are staged with COPY and merged under 一数一源 (merge.ts).
 *
 * Who may load what: a department officer (data_officer) loads only fields their department is a source of — the
 * designated source, or the provider of a catalog resource with that field; the data administrator loads anything,
 * on behalf of a chosen source department (by default the register's key source).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { poolOf } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { csvField, csvRecords, toCsv } from '../../platform/csv/csv.ts';
import { REGISTER_FIELDS } from './registers.ts';
import { REGISTER_TABLES, REGISTER_TITLES, checkRow, resolveHeader, type LoadColumns, type LoadableRegister } from './load-fields.ts';
import { designationsOf } from './conflicts.ts';
import { CHUNK, mergeChunk, type MergePlan, type StagedRow } from './merge.ts';
import { RegisterErrors } from './errors.registers.ts';
import { refreshQuality } from './quality.ts';

/** The event that starts processing a queued file load (handlers.registers.ts); a sweep resumes stalled ones. */
export const REGISTER_LOAD_QUEUED = 'sharing.register.load.queued';
export const MAX_BATCH = 1000;
/** Upload limit of one file: 15,000,000 population rows are ~2.6 GB. */
export const MAX_LOAD_BYTES = 8 * 1024 ** 3;
/** Rejects kept per load with their line (all are counted); the report says when more were left out. */
export const MAX_STORED_REJECTS = 100_000;
/** A running load whose heartbeat is older than this is taken over (its process died). */
const STALE_SECONDS = 120;

export type LoadDeps = { db: Db; spoolDir: string };
type Org = { id: string; name: string };

export type LoadView = {
  id: string;
  register: LoadableRegister;
  registerTitle: string;
  orgName: string;
  kind: 'file' | 'batch';
  fileName: string;
  columns: string[];
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Share of the file read so far (0–1). */
  progress: number;
  total: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  conflicts: number;
  error: string | null;
  createdByName: string;
  createdAt: string;
  finishedAt: string | null;
};

// ---- who loads what ----

/** The department a load is for: the officer's own; for the administrator the chosen one or the key's designated source. */
export async function loadingOrg(db: Db, actor: Actor, register: LoadableRegister, orgKey: string | undefined): Promise<Org> {
  if (scopeOf(actor, 'sharing:load') !== 'all') {
    if (!actor.orgId) throw RegisterErrors.NO_ORG();
    return db.selectFrom('org').select(['id', 'name']).where('id', '=', actor.orgId).executeTakeFirstOrThrow();
  }
  if (orgKey) {
    const org = await db.selectFrom('org').select(['id', 'name']).where((eb) => eb.or([eb('key', '=', orgKey), eb(sql<string>`id::text`, '=', orgKey)])).executeTakeFirst();
    if (!org) throw RegisterErrors.ORG_NOT_FOUND({ org: orgKey });
    return org;
  }
  const key = REGISTER_TABLES[register].key[0]!;
  const designated = (await designationsOf(db, register)).get(key);
  if (!designated) throw RegisterErrors.ORG_NOT_FOUND({ org: key });
  return db.selectFrom('org').select(['id', 'name']).where('id', '=', designated).executeTakeFirstOrThrow();
}

/**
 * The fields of a register a department is a source of: designated to it, or in a catalog resource it provides. The
 * department designated for the register's key keeps whole records (公安's 户籍 holds marital status too) and may
 * supply every field; where another is designated, its values are observations that the 多源校核 compares.
 */
export async function fieldsSourcedBy(db: Db, register: LoadableRegister, orgId: string): Promise<Set<string>> {
  const designated = await db.selectFrom('register_source').select('field').where('register', '=', register).where('org_id', '=', orgId).execute();
  if (designated.some((d) => d.field === REGISTER_TABLES[register].key[0])) return new Set(REGISTER_FIELDS[register].map((f) => f.name));
  const resources = await db.selectFrom('data_resource').select('fields').where('register', '=', register).where('provider_org_id', '=', orgId).where('status', '<>', 'withdrawn').execute();
  return new Set([...designated.map((d) => d.field), ...resources.flatMap((r) => r.fields.map((f) => f.name))]);
}

/** Refuse (403) columns an officer's department is not a source of. */
async function authorizeColumns(db: Db, actor: Actor, cols: LoadColumns, org: Org): Promise<void> {
  if (scopeOf(actor, 'sharing:load') === 'all') return;
  const mine = await fieldsSourcedBy(db, cols.register, org.id);
  const foreign = cols.fields.filter((f) => !mine.has(f.name));
  if (foreign.length) throw RegisterErrors.NOT_A_SOURCE({ register: REGISTER_TITLES[cols.register], fields: foreign.map((f) => f.title).join('、') });
}

/** A header row resolved to fields, or the 400 naming what is wrong with it. */
export function columnsOrThrow(register: LoadableRegister, header: readonly string[]): LoadColumns {
  const r = resolveHeader(register, header);
  if ('fields' in r) return r;
  const registerTitle = REGISTER_TITLES[register];
  switch (r.kind) {
    case 'unknown':
      throw RegisterErrors.HEADER_UNKNOWN({ column: r.column, register: registerTitle, example: REGISTER_FIELDS[register][0]!.title });
    case 'duplicate':
      throw RegisterErrors.HEADER_DUPLICATE({ column: r.column });
    case 'key':
      throw RegisterErrors.HEADER_KEY_MISSING({ column: r.column });
    case 'empty':
      throw RegisterErrors.HEADER_EMPTY();
  }
}

async function planFor(db: Db, cols: LoadColumns, org: Org, loadId: string | null): Promise<MergePlan> {
  const designated = await designationsOf(db, cols.register);
  return { cols, loadId, orgId: org.id, designated: new Map(cols.fields.map((f) => [f.name, designated.get(f.name) ?? null])) };
}

// ---- one chunk: merge + rejects + counts, one transaction ----

type ChunkCounts = { total: number; accepted: number; rejected: number; inserted: number; updated: number; conflicts: number; bytesRead?: number };
type Reject = { line: number; reason: string; raw: string };

/** A staged row as CSV text (for the reject report of a line the merge turned away). */
const rawOfRow = (r: StagedRow | undefined) => (r ? r.values.map((v) => csvField(v ?? '')).join(',').slice(0, 2000) : '');

async function applyChunk(db: Db, plan: MergePlan, rows: StagedRow[], rejects: Reject[], counts: ChunkCounts, storedRejects: { n: number }): Promise<Array<{ line: number; reason: string }>> {
  const pool = poolOf(db);
  if (!pool) throw new Error('register loads need a pooled database handle');
  const client = await pool.connect();
  try {
    await client.query('begin');
    const r = rows.length ? await mergeChunk(client, plan, rows) : { inserted: 0, updated: 0, conflicts: 0, rejects: [] };
    const byLine = r.rejects.length ? new Map(rows.map((x) => [x.line, x])) : undefined;
    const all = [...rejects, ...r.rejects.map((x) => ({ ...x, raw: rawOfRow(byLine?.get(x.line)) }))];
    const keep = all.slice(0, Math.max(0, MAX_STORED_REJECTS - storedRejects.n));
    if (plan.loadId && keep.length) {
      await client.query(`insert into register_load_reject (load_id, line, reason, raw) select $1, unnest($2::bigint[]), unnest($3::text[]), unnest($4::text[]) on conflict do nothing`, [plan.loadId, keep.map((x) => x.line), keep.map((x) => x.reason), keep.map((x) => x.raw)]);
    }
    storedRejects.n += keep.length;
    counts.total += rows.length + rejects.length;
    counts.accepted += rows.length - r.rejects.length;
    counts.rejected += all.length;
    counts.inserted += r.inserted;
    counts.updated += r.updated;
    counts.conflicts += r.conflicts;
    if (plan.loadId) {
      await client.query(`update register_load set total = $2, accepted = $3, rejected = $4, inserted = $5, updated = $6, conflicts = $7, bytes_read = greatest(bytes_read, $8), heartbeat_at = now() where id = $1`, [plan.loadId, counts.total, counts.accepted, counts.rejected, counts.inserted, counts.updated, counts.conflicts, counts.bytesRead ?? 0]);
    }
    await client.query('commit');
    return all.map(({ line, reason }) => ({ line, reason }));
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// ---- JSON batch (in the request) ----

export type BatchResult = { id: string; total: number; accepted: number; rejected: number; inserted: number; updated: number; conflicts: number; rejects: Array<{ line: number; reason: string }> };

/** Load ≤ MAX_BATCH records given as objects of field name → value; `line` in the rejects is the record's position (1-based). */
export async function loadBatch(db: Db, actor: Actor, register: LoadableRegister, records: ReadonlyArray<Record<string, unknown>>, orgKey: string | undefined, ip: string): Promise<BatchResult> {
  if (!records.length) throw RegisterErrors.BATCH_EMPTY();
  const names: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!names.includes(k)) names.push(k);
  const cols = columnsOrThrow(register, names);
  const org = await loadingOrg(db, actor, register, orgKey);
  await authorizeColumns(db, actor, cols, org);
  return mergeBatch(db, { id: actor.id, name: actor.displayName }, org, cols, names, records, ip);
}

/** Check and merge a batch for `org` (who may load it is the caller's business), recorded as a load. */
export async function mergeBatch(db: Db, by: { id: string; name: string }, org: Org, cols: LoadColumns, names: readonly string[], records: ReadonlyArray<Record<string, unknown>>, ip: string | null): Promise<BatchResult> {
  const id = newId();
  await db.insertInto('register_load').values({ id, register: cols.register, org_id: org.id, kind: 'batch', file_name: '', columns: JSON.stringify(cols.fields.map((f) => f.name)), state: 'running', created_by: by.id, created_by_name: by.name, started_at: sql<Date>`now()`, heartbeat_at: sql<Date>`now()` }).execute();
  const today = todayInShanghai();
  const rows: StagedRow[] = [];
  const rejects: Reject[] = [];
  records.forEach((rec, i) => {
    const cells = names.map((n) => (rec[n] === null || rec[n] === undefined ? '' : String(rec[n])));
    const checked = checkRow(cols, cells, today);
    if (checked.problems.length) rejects.push({ line: i + 1, reason: checked.problems.join('；'), raw: JSON.stringify(rec).slice(0, 2000) });
    else rows.push({ line: i + 1, values: checked.values });
  });
  const counts: ChunkCounts = { total: 0, accepted: 0, rejected: 0, inserted: 0, updated: 0, conflicts: 0 };
  const plan = await planFor(db, cols, org, id);
  const all = await applyChunk(db, plan, rows, rejects, counts, { n: 0 });
  await finishLoad(db, id, by, ip);
  return { id, ...counts, rejects: all.sort((a, b) => a.line - b.line) };
}

async function finishLoad(db: Db, id: string, actor: { id: string; name: string } | null, ip: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const l = await trx.updateTable('register_load').set({ state: 'done', finished_at: sql<Date>`now()`, bytes_read: sql<number>`bytes_total` }).where('id', '=', id).returning(['register', 'org_id', 'kind', 'total', 'accepted', 'rejected', 'inserted', 'updated', 'conflicts']).executeTakeFirstOrThrow();
    await writeAuditInTrx(trx, { actor, action: 'sharing.register.load', entityType: 'register_load', entityId: id, after: l, ip });
  });
}

// ---- CSV file (queued, processed on jobs) ----

export const spoolPath = (spoolDir: string, id: string) => path.join(spoolDir, `${id}.csv`);

/** The first record of a file on disk (its header), read without reading the rest. */
async function headerOf(file: string): Promise<string[]> {
  for await (const r of csvRecords(fs.createReadStream(file, { highWaterMark: 64 * 1024 }))) return r.cells;
  return [];
}

/**
 * Take an uploaded file (a stream: written to the spool directory as it arrives, never held in memory), check its
 * header and the department's right to each column, and queue it. Returns the load's id (202).
 */
export async function queueFileLoad(deps: LoadDeps, actor: Actor, register: LoadableRegister, upload: { stream: Readable; fileName: string; truncated: () => boolean }, orgKey: string | undefined, ip: string): Promise<{ id: string }> {
  const { db } = deps;
  const org = await loadingOrg(db, actor, register, orgKey);
  const id = newId();
  await fs.promises.mkdir(deps.spoolDir, { recursive: true });
  const file = spoolPath(deps.spoolDir, id);
  let keep = false;
  try {
    await pipeline(upload.stream, fs.createWriteStream(file));
    if (upload.truncated()) throw RegisterErrors.FILE_TOO_LARGE({ limitMb: MAX_LOAD_BYTES / 1024 ** 2 });
    const size = (await fs.promises.stat(file)).size;
    if (size === 0) throw RegisterErrors.FILE_EMPTY();
    const head = Buffer.alloc(Math.min(size, 4096));
    const fd = await fs.promises.open(file, 'r');
    try {
      await fd.read(head, 0, head.length, 0);
    } finally {
      await fd.close();
    }
    // Binary content (a workbook, a PDF …) is not CSV text.
    if (head.includes(0) || head.readUInt32LE(0) === 0x04034b50) throw RegisterErrors.FILE_NOT_CSV();
    const cols = columnsOrThrow(register, await headerOf(file));
    await authorizeColumns(db, actor, cols, org);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('register_load').values({ id, register, org_id: org.id, kind: 'file', file_name: upload.fileName.slice(0, 200), columns: JSON.stringify(cols.fields.map((f) => f.name)), state: 'queued', bytes_total: size, created_by: actor.id, created_by_name: actor.displayName }).execute();
      await emitInTrx(trx, REGISTER_LOAD_QUEUED, { loadId: id });
      await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'sharing.register.load.queue', entityType: 'register_load', entityId: id, after: { register, orgId: org.id, fileName: upload.fileName, bytes: size }, ip });
    });
    keep = true;
    return { id };
  } finally {
    if (!keep) await fs.promises.rm(file, { force: true });
  }
}

/** Byte counting pass-through: progress = bytes read ÷ file size. */
async function* counted(source: AsyncIterable<Buffer>, into: { n: number }): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    into.n += chunk.length;
    yield chunk;
  }
}

/**
 * Process a queued file load (the job). Claims the load (a stalled one is taken over and restarted from the top:
 * merging is idempotent), streams the file, checks and merges chunk by chunk with progress, then refreshes the
 * register's quality figures. Returns false when there was nothing to claim.
 */
export async function processLoad(deps: LoadDeps, loadId: string): Promise<boolean> {
  const { db } = deps;
  const load = await db
    .updateTable('register_load')
    .set({ state: 'running', started_at: sql<Date>`coalesce(started_at, now())`, heartbeat_at: sql<Date>`now()`, total: 0, accepted: 0, rejected: 0, inserted: 0, updated: 0, conflicts: 0, bytes_read: 0 })
    .where('id', '=', loadId)
    .where('kind', '=', 'file')
    .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_SECONDS})`)])]))
    .returningAll()
    .executeTakeFirst();
  if (!load) return false;
  const register = load.register as LoadableRegister;
  const file = spoolPath(deps.spoolDir, loadId);
  try {
    await db.deleteFrom('register_load_reject').where('load_id', '=', loadId).execute();
    const org = await db.selectFrom('org').select(['id', 'name']).where('id', '=', load.org_id).executeTakeFirstOrThrow();
    const bytes = { n: 0 };
    let encoding: string | undefined;
    const records = csvRecords(counted(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), bytes), { onEncoding: (e) => (encoding = e) });
    const first = await records.next();
    if (first.done) throw RegisterErrors.HEADER_EMPTY();
    const cols = columnsOrThrow(register, first.value.cells);
    const plan = await planFor(db, cols, org, loadId);
    if (encoding) await db.updateTable('register_load').set({ encoding }).where('id', '=', loadId).execute();
    const today = todayInShanghai();
    const counts: ChunkCounts = { total: 0, accepted: 0, rejected: 0, inserted: 0, updated: 0, conflicts: 0 };
    const stored = { n: 0 };
    let rows: StagedRow[] = [];
    let rejects: Reject[] = [];
    // One chunk merges in PostgreSQL while the next is read and checked here: the two CPUs' work overlaps.
    let merging: Promise<unknown> | undefined;
    const flush = async () => {
      await merging;
      counts.bytesRead = bytes.n;
      merging = applyChunk(db, plan, rows, rejects, counts, stored);
      // A failed merge must not go unobserved while the next chunk is being read; it is awaited again below.
      merging.catch(() => undefined);
      rows = [];
      rejects = [];
    };
    for await (const rec of records) {
      const checked = checkRow(cols, rec.cells, today);
      if (checked.problems.length) rejects.push({ line: rec.line, reason: checked.problems.join('；'), raw: rec.cells.map(csvField).join(',').slice(0, 2000) });
      else rows.push({ line: rec.line, values: checked.values });
      if (rows.length >= CHUNK || rejects.length >= CHUNK) await flush();
    }
    await flush();
    await merging;
    await finishLoad(db, loadId, { id: load.created_by, name: load.created_by_name }, null);
    await fs.promises.rm(file, { force: true });
    await refreshQuality(db, register);
    return true;
  } catch (err) {
    const message = err instanceof Error && 'status' in err ? err.message : '处理文件时出错，请联系运维人员查看日志后重新归集';
    await db.updateTable('register_load').set({ state: 'failed', error: message, finished_at: sql<Date>`now()` }).where('id', '=', loadId).execute();
    await fs.promises.rm(file, { force: true });
    if (!(err instanceof Error && 'status' in err)) throw err;
    return true;
  }
}

/** Resume loads left queued (the event was lost) or stalled (the process died): the periodic sweep. */
export async function resumeLoads(deps: LoadDeps): Promise<number> {
  const ids = await deps.db
    .selectFrom('register_load')
    .select('id')
    .where('kind', '=', 'file')
    .where((eb) => eb.or([eb.and([eb('state', '=', 'queued'), eb('created_at', '<', sql<Date>`now() - interval '1 minute'`)]), eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_SECONDS})`)])]))
    .execute();
  let n = 0;
  for (const { id } of ids) if (await processLoad(deps, id)) n++;
  return n;
}

// ---- progress and reports ----

function loadQuery(db: Db) {
  return db.selectFrom('register_load as l').innerJoin('org', 'org.id', 'l.org_id').select(['l.id', 'l.register', 'org.name as org_name', 'l.org_id', 'l.kind', 'l.file_name', 'l.columns', 'l.state', 'l.bytes_total', 'l.bytes_read', 'l.total', 'l.accepted', 'l.rejected', 'l.inserted', 'l.updated', 'l.conflicts', 'l.error', 'l.created_by_name', 'l.created_at', 'l.finished_at']);
}
type LoadRow = Awaited<ReturnType<ReturnType<typeof loadQuery>['executeTakeFirstOrThrow']>>;

function loadView(r: LoadRow): LoadView {
  const register = r.register as LoadableRegister;
  return {
    id: r.id,
    register,
    registerTitle: REGISTER_TITLES[register],
    orgName: r.org_name,
    kind: r.kind,
    fileName: r.file_name,
    columns: r.columns,
    state: r.state,
    progress: r.state === 'done' ? 1 : r.bytes_total ? Math.min(1, Number(r.bytes_read) / Number(r.bytes_total)) : 0,
    total: Number(r.total),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    inserted: Number(r.inserted),
    updated: Number(r.updated),
    conflicts: Number(r.conflicts),
    error: r.error,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** A load as its department or the administrator may see it (an officer sees only their department's). */
export async function getLoad(db: Db, actor: Actor, register: LoadableRegister, id: string): Promise<LoadView> {
  const r = await loadQuery(db).where('l.id', '=', id).where('l.register', '=', register).executeTakeFirst();
  if (!r || (scopeOf(actor, 'sharing:load') !== 'all' && r.org_id !== actor.orgId)) throw RegisterErrors.LOAD_NOT_FOUND();
  return loadView(r);
}

export async function listLoads(db: Db, actor: Actor, register: LoadableRegister | undefined): Promise<LoadView[]> {
  let q = loadQuery(db).orderBy('l.created_at', 'desc').limit(50);
  if (register) q = q.where('l.register', '=', register);
  if (scopeOf(actor, 'sharing:load') !== 'all') {
    if (!actor.orgId) throw HttpErrors.FORBIDDEN();
    q = q.where('l.org_id', '=', actor.orgId);
  }
  return (await q.execute()).map(loadView);
}

/** The first rejected lines with their reasons (the page; the CSV report has them all). */
export async function rejectList(db: Db, actor: Actor, register: LoadableRegister, id: string, limit = 200): Promise<Array<{ line: number; reason: string }>> {
  await getLoad(db, actor, register, id);
  const rows = await db.selectFrom('register_load_reject').select(['line', 'reason']).where('load_id', '=', id).orderBy('line').limit(limit).execute();
  return rows.map((r) => ({ line: Number(r.line), reason: r.reason }));
}

/** The reject report: line, reason, the line as it was (CSV, UTF-8 with BOM). */
export async function rejectReport(db: Db, actor: Actor, register: LoadableRegister, id: string): Promise<string> {
  const load = await getLoad(db, actor, register, id);
  const rows = await db.selectFrom('register_load_reject').select(['line', 'reason', 'raw']).where('load_id', '=', id).orderBy('line').execute();
  const out = [['行号', '未归集原因', '原始内容'], ...rows.map((r) => [String(r.line), r.reason, r.raw])];
  if (load.rejected > rows.length) out.push(['', `另有 ${load.rejected - rows.length} 行未列出（清单最多列 ${MAX_STORED_REJECTS} 行）`, '']);
  return toCsv(out);
}
