/**
 * `npm run bench:sharing`: data sharing (issue 7) on the real server and its real (embedded) PostgreSQL.
 *
 * Section "load" — register bulk load rate beside PostgreSQL's own COPY:
 * 1. Start the server as `npm start` runs it (server.ts), with its jobs ON (file loads run on jobs), and join its
 *    embedded PostgreSQL from this process.
 * 2. Generate BENCH_PERSONS persons (default 15,000,000) as a population CSV the way 市公安局 would send it (Chinese
 *    headers and words: 男/女, 已婚 …) with the streaming generators of the demo world (seed/world/registers.ts:
 *    households, valid GB 11643 IDs unique by construction, none of the demo world's), and BENCH_ENTITIES entities
 *    (default 550,000) as a legal-entity CSV (GB 32100 codes) whose legal representatives are persons of that file.
 *    Files are written to disk as they are generated; nothing holds them in memory.
 * 3. For each file: (b) the platform's load path end to end — upload as `data` on behalf of the designated source
 *    (POST /api/v1/sharing/registers/{register}/loads, streamed from disk), then poll the load until done: every row
 *    checked, staged with COPY, merged — rows/s from the first byte sent to 'done'; then (a) raw `COPY … FROM STDIN
 *    (FORMAT csv, HEADER)` of the same file into a bare table of the same columns (no keys, no checks) → rows/s.
 *    Ratio = (b) ÷ (a). A check: the register grew by exactly the accepted rows.
 * 4. The server's peak RSS (VmHWM) against the 250 MB budget for loading; JSON under the OS temp dir; clean stop.
 *
 * The benchmark is a list of sections run in order on one server (`SECTIONS`); the exchange API's keyed lookups
 * are to be added as a further section that uses the loaded registers.
 *
 * Knobs: BENCH_PERSONS, BENCH_ENTITIES, BENCH_SHARING_OUT (JSON path). Only ever talks to 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { readyLine, serverPostgres, startServer, startCommandFromPackageJson, type ServerHandle } from './server.ts';
import { abortOnSignals, intEnv, log, machineNow, runBenchmark, stopServer, timeLimit, writeReport, rssBudget } from './harness.ts';
import { DEMO_PASSWORD } from '../server/src/seed/world/types.ts';
import type { EmbeddedPostgres } from '../server/src/platform/db/embedded.ts';
import { EMBEDDED_DATABASE } from '../server/src/platform/db/runtime.ts';
import { csvField } from '../server/src/platform/csv/csv.ts';
import { households, entities, ResidentIdAllocator, REGISTER_DAY } from '../server/src/seed/world/registers.ts';
import { mulberry32 } from '../server/src/seed/world/prng.ts';
import { REGISTER_FIELDS } from '../server/src/modules/sharing/index.ts';
import { enumLabel, columnOf } from '../server/src/modules/sharing/load-fields.ts';

/** ADR 0011: loading keeps ~50 MB of the 300 MB budget free for serving meanwhile. */
const LOADING_RSS_MB = 250;
const settings = {
  persons: intEnv('BENCH_PERSONS', 15_000_000, 1_000),
  entities: intEnv('BENCH_ENTITIES', 550_000, 100),
  out: process.env.BENCH_SHARING_OUT || path.join(os.tmpdir(), 'tongban-bench-sharing-latest.json'),
};
const READY_TIMEOUT_MS = 120_000;
/** Generous: a pessimistic 5,000 rows/s for the platform, plus generation, COPY and start-up. */
const TIME_LIMIT_MS = READY_TIMEOUT_MS + ((settings.persons + settings.entities) / 5_000) * 1000 * 1.5 + 300_000;

const abort = abortOnSignals();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (kb: number | undefined) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

type Ctx = { server: ServerHandle; client: pg.Client; auth: Record<string, string>; workDir: string; report: Record<string, unknown> };

async function login(baseUrl: string, username: string): Promise<Record<string, string>> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`login as ${username}: ${r.status} ${await r.text()}`);
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('csrf_token='));
  if (!csrf) throw new Error('login set no csrf_token cookie');
  return { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf.slice('csrf_token='.length)) };
}

/** Writes lines to a file with backpressure. */
async function writeCsv(file: string, header: string[], rows: Iterable<string[]>): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write('\ufeff' + header.join(',') + '\n');
  let n = 0;
  for (const r of rows) {
    if (!out.write(r.map(csvField).join(',') + '\n')) await once(out, 'drain');
    n++;
    if (abort.signal.aborted) break;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

const label = (register: string, field: string, v: string | null) => enumLabel(register, field, v) ?? '';

/** The population and entity files; representatives of the entities are adults of the generated population. */
async function generate(ctx: Ctx): Promise<{ persons: string; entities: string; personRows: number; entityRows: number }> {
  const reserved = new Set((await ctx.client.query<{ resident_id: string }>('select resident_id from person_record')).rows.map((r) => r.resident_id));
  const rng = mulberry32(0x5ba7_2026);
  const allocator = new ResidentIdAllocator(reserved);
  const representatives: Array<readonly [string, string, string]> = [];
  const adultBefore = `${REGISTER_DAY.getUTCFullYear() - 22}`;
  const pf = REGISTER_FIELDS.population;
  const persons = path.join(ctx.workDir, 'population.csv');
  const t0 = performance.now();
  const personRows = await writeCsv(persons, pf.map((f) => f.title), (function* () {
    let n = 0;
    for (const hh of households({ rng, today: REGISTER_DAY, allocator, firstHousehold: 500_000_001 })) {
      for (const m of hh) {
        if (n++ >= settings.persons) return;
        if (m.birthDate < adultBefore && representatives.length < 200_000 && rng.next() < 0.1) representatives.push([m.name, m.residentId, m.regionCode]);
        const rec = m as unknown as Record<string, string | null>;
        yield pf.map((f) => label('population', f.name, rec[f.name] ?? null));
      }
    }
  })());
  log(`  population.csv: ${int(personRows)} rows, ${(fs.statSync(persons).size / 1048576).toFixed(0)} MB, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const ef = REGISTER_FIELDS.entity;
  const entityFile = path.join(ctx.workDir, 'entity.csv');
  const t1 = performance.now();
  const entityRows = await writeCsv(entityFile, ef.map((f) => f.title), (function* () {
    let n = 0;
    for (const { entity } of entities({ rng, today: REGISTER_DAY, representatives, firstIndex: 5_000_000 })) {
      if (n++ >= settings.entities) return;
      const rec = entity as unknown as Record<string, string | null>;
      yield ef.map((f) => label('entity', f.name, rec[f.name] ?? null));
    }
  })());
  log(`  entity.csv: ${int(entityRows)} rows, ${(fs.statSync(entityFile).size / 1048576).toFixed(0)} MB, generated in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  return { persons, entities: entityFile, personRows, entityRows };
}

type LoadView = { id: string; state: string; progress: number; total: number; accepted: number; rejected: number; inserted: number; updated: number; error: string | null };

/** (b) The platform's load path: upload (streamed from disk) → checked → merged, polled until done. */
async function platformLoad(ctx: Ctx, register: 'population' | 'entity', file: string, table: string): Promise<{ seconds: number; rowsPerSec: number; view: LoadView; grewBy: number }> {
  const before = Number((await ctx.client.query<{ n: string }>(`select count(*) n from ${table}`)).rows[0]!.n);
  const body = new FormData();
  body.set('file', await fs.openAsBlob(file, { type: 'text/csv' }), path.basename(file));
  const t0 = performance.now();
  const res = await fetch(`${ctx.server.baseUrl}/api/v1/sharing/registers/${register}/loads`, { method: 'POST', headers: ctx.auth, body, signal: abort.signal });
  const queued = (await res.json()) as { id: string };
  if (res.status !== 202) throw new Error(`upload ${register}: ${res.status} ${JSON.stringify(queued)}`);
  const uploadSec = (performance.now() - t0) / 1000;
  log(`  uploaded in ${uploadSec.toFixed(1)} s; loading on the server's jobs…`);
  let view: LoadView;
  let lastLog = performance.now();
  for (;;) {
    await sleep(500);
    if (abort.signal.aborted) throw new Error(`aborted: ${String(abort.signal.reason)}`);
    view = (await (await fetch(`${ctx.server.baseUrl}/api/v1/sharing/registers/${register}/loads/${queued.id}`, { headers: ctx.auth })).json()) as LoadView;
    if (view.state === 'done' || view.state === 'failed') break;
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`    ${(view.progress * 100).toFixed(0)} %: ${int(view.total)} rows read, ${int(view.accepted)} merged, ${int(view.rejected)} rejected`);
    }
  }
  if (view.state === 'failed') throw new Error(`the ${register} load failed: ${view.error}`);
  const seconds = (performance.now() - t0) / 1000;
  const after = Number((await ctx.client.query<{ n: string }>(`select count(*) n from ${table}`)).rows[0]!.n);
  return { seconds, rowsPerSec: view.accepted / seconds, view, grewBy: after - before };
}

/** (a) Raw COPY of the same file into a bare table of the same columns and types (no keys, no checks). */
async function rawCopy(ctx: Ctx, register: 'population' | 'entity', file: string): Promise<{ seconds: number; rows: number; rowsPerSec: number }> {
  const fields = REGISTER_FIELDS[register];
  const type = (t: string) => (t === 'date' ? 'date' : t === 'number' ? 'numeric(18,2)' : 'text');
  const table = `bench_raw_${register}`;
  await ctx.client.query(`drop table if exists ${table}`);
  await ctx.client.query(`create table ${table} (${fields.map((f) => `${columnOf(f.name)} ${type(f.type)}`).join(', ')})`);
  const t0 = performance.now();
  const copy = ctx.client.query(copyFrom(`copy ${table} from stdin (format csv, header true)`));
  // The BOM would glue itself to the first header cell, which HEADER skips anyway.
  await pipeline(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), copy);
  const seconds = (performance.now() - t0) / 1000;
  const rows = copy.rowCount;
  await ctx.client.query(`drop table ${table}`);
  return { seconds, rows, rowsPerSec: rows / seconds };
}

async function loadSection(ctx: Ctx): Promise<void> {
  log(`\nLoad: generating ${int(settings.persons)} persons and ${int(settings.entities)} entities as CSV…`);
  const files = await generate(ctx);
  const results: Record<string, unknown> = {};
  for (const [register, file, table, rows] of [['population', files.persons, 'person_record', files.personRows], ['entity', files.entities, 'entity_record', files.entityRows]] as const) {
    log(`\n${register}: ${int(rows)} rows`);
    const platform = await platformLoad(ctx, register, file, table);
    const hwm = ctx.server.procStatusKb('VmHWM');
    const correct = platform.grewBy === platform.view.inserted && platform.view.accepted === rows && platform.view.rejected === 0;
    log(`  (b) platform load: ${platform.seconds.toFixed(1)} s, ${int(platform.rowsPerSec)} rows/s (${int(platform.view.inserted)} inserted, ${int(platform.view.rejected)} rejected; register grew by ${int(platform.grewBy)} → ${correct ? 'OK' : 'WRONG'}); server peak RSS so far ${mb(hwm)} MB`);
    const raw = await rawCopy(ctx, register, file);
    log(`  (a) raw COPY:      ${raw.seconds.toFixed(1)} s, ${int(raw.rowsPerSec)} rows/s`);
    log(`  ratio (b) ÷ (a):   ${(platform.rowsPerSec / raw.rowsPerSec).toFixed(3)}`);
    results[register] = { rows, csvBytes: fs.statSync(file).size, platform: { seconds: platform.seconds, rowsPerSec: platform.rowsPerSec, ...platform.view, grewBy: platform.grewBy, correct }, rawCopy: raw, ratio: platform.rowsPerSec / raw.rowsPerSec, serverPeakRssMbAfter: mb(hwm) };
    fs.rmSync(file, { force: true });
    if (!correct) throw new Error(`the ${register} load did not merge exactly the generated rows`);
  }
  ctx.report.load = results;
}

/** Sections run in order on one server; the exchange lookups are to be added here (they read the loaded registers). */
const SECTIONS: Array<{ name: string; run: (ctx: Ctx) => Promise<void> }> = [{ name: 'load', run: loadSection }];

async function main(): Promise<void> {
  const limit = timeLimit(abort, TIME_LIMIT_MS);
  const startedAt = new Date();
  const { cpus, loadBefore, line: machineLine } = machineNow();
  let server: ServerHandle | undefined;
  let embedded: EmbeddedPostgres | undefined;
  let client: pg.Client | undefined;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-sharing-'));
  try {
    log(machineLine);
    const npmStart = startCommandFromPackageJson();
    const start = { ...npmStart, env: { ...npmStart.env, RUN_JOBS: 'true' } };
    log(`Starting the server as \`npm start\` does ("${npmStart.source}"), with its jobs on (file loads run on jobs)…`);
    server = await startServer({ readyTimeoutMs: READY_TIMEOUT_MS, signal: abort.signal, start });
    const { line: readyText, startupHwmKb } = readyLine(server);
    log(readyText);
    embedded = await serverPostgres(server);
    client = new pg.Client({ connectionString: embedded.url(EMBEDDED_DATABASE), application_name: 'tongban-bench-sharing' });
    client.on('error', () => undefined);
    await client.connect();
    const ctx: Ctx = { server, client, auth: await login(server.baseUrl, 'data'), workDir, report: {} };
    for (const s of SECTIONS) await s.run(ctx);

    const peakMb = mb(server.procStatusKb('VmHWM'));
    const { under, verdict } = rssBudget(peakMb, LOADING_RSS_MB);
    log(`\nServer peak RSS (VmHWM of node pid ${server.pid}, PostgreSQL not included): ${peakMb} MB (after start-up ${mb(startupHwmKb)}). ${verdict}`);
    writeReport(settings.out, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, cpus, cpuModel: os.cpus()[0]?.model, loadAverage1mBeforeRun: loadBefore },
      settings,
      ...ctx.report,
      server: { command: server.command, peakRssMb: peakMb, afterStartupMb: mb(startupHwmKb), rssBudgetMb: LOADING_RSS_MB, underBudget: peakMb === undefined ? null : under },
    });
  } finally {
    clearTimeout(limit);
    fs.rmSync(workDir, { recursive: true, force: true });
    if (client) await Promise.race([client.end().catch(() => undefined), sleep(5_000)]);
    if (embedded?.owned) await embedded.stop();
    if (server) await stopServer(server);
  }
}

runBenchmark(main);
