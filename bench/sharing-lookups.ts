/**
 * `npm run bench:sharing-lookups`: the data-sharing issue's exchange benchmark — keyed lookups through the exchange
 * API (GET /api/v1/sharing/population-basic/records?key=<resident ID>, Authorization: Bearer <API key>) on a large
 * population register, beside the bare route, on the real server and its real (embedded) PostgreSQL.
 *
 * 1. Start the server as `npm start` runs it (server.ts: fresh DATA_DIR, demo world seeds itself: 20,000 persons),
 *    then connect to its embedded PostgreSQL from this process.
 * 2. Setup (not measured): BENCH_PERSONS (default 15,000,000) more persons from the deterministic generator
 *    `households()` of seed/world/registers.ts, COPYed straight into person_record (pg-copy-streams), then ANALYZE.
 *    A uniform sample of BENCH_SAMPLE (default 100,000) of their resident IDs is kept for the load.
 * 3. A grant of 人口基本信息 to 市民政局 (all its items, sensitive ones masked; a rate and quota the load cannot
 *    reach, one record per call) with one API key, written directly (the workflow is tested elsewhere).
 * 4. Probes: a sampled ID answers 200 with one record; a valid ID not in the register answers 404.
 * 5. Load, 50 keep-alive connections, raw-socket load generator, 2 s warm-up + 10 s measured:
 *    - `healthz`: the bare route, the baseline (same run);
 *    - `lookup`: the exchange API, the sampled IDs in turn (random existing keys), every call logged.
 *    The API key → grant resolution is in memory after the first call (`x-cache`), the lookup is one indexed query.
 * 6. Check the access log: rows written = lookups answered. Table, peak RSS of the server, JSON, clean stop.
 *
 * Knobs: BENCH_PERSONS (default 15000000; run it small, e.g. 200000, to check it works), BENCH_SAMPLE (100000),
 * BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_SHARING_OUT (JSON path).
 */
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { from as copyFrom } from 'pg-copy-streams';
import { readyLine, serverPostgres, startServer, startCommandFromPackageJson, type ServerHandle } from './server.ts';
import { answered, measure, type Target, type TargetResult } from './load.ts';
import { formatTable } from './report.ts';
import { cpuMeter, formatCpu, type CpuUse } from './cpu.ts';
import { abortOnSignals, intEnv, loadSettingsFromEnv, log, machineNow, runBenchmark, stopServer, writeReport, timeLimit, RSS_BUDGET_MB } from './harness.ts';
import type { EmbeddedPostgres } from '../server/src/platform/db/embedded.ts';
import { EMBEDDED_DATABASE } from '../server/src/platform/db/runtime.ts';
import { connect, type DbHandle } from '../server/src/platform/db/db.ts';
import { newId } from '../server/src/platform/ids.ts';
import { makeResidentId } from '../server/src/platform/codes/index.ts';
import { households, ResidentIdAllocator, REGISTER_DAY } from '../server/src/seed/world/registers.ts';
import { mulberry32 } from '../server/src/seed/world/prng.ts';
import { apiKeyHash, newApiKey, PREFIX_CHARS } from '../server/src/modules/sharing/api-keys.ts';

const RESOURCE = 'population-basic';
const settings = {
  ...loadSettingsFromEnv(),
  persons: intEnv('BENCH_PERSONS', 15_000_000, 0),
  sample: intEnv('BENCH_SAMPLE', 100_000, 1),
  out: process.env.BENCH_SHARING_OUT || path.join(os.tmpdir(), 'tongban-bench-sharing-lookups-latest.json'),
};
const READY_TIMEOUT_MS = 120_000;
/** Loading 15 M rows takes minutes: allow ~1 ms a person on a slow machine, plus ANALYZE. */
const LOAD_TIMEOUT_MS = 120_000 + settings.persons;
const TIME_LIMIT_MS = READY_TIMEOUT_MS + LOAD_TIMEOUT_MS + 2 * (settings.warmupSec + settings.durationSec + 8) * 1000 + 60_000;

const abort = abortOnSignals();
let server: ServerHandle | undefined;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (kb: number | undefined) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** COPY text format: tab-separated, \N for null, backslashes escaped. */
const copyField = (v: string | null) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

/** `n` generated persons COPYed into person_record; returns a uniform sample of their IDs (reservoir). */
async function loadPersons(h: DbHandle, n: number, sampleSize: number, sourceOrgId: string): Promise<{ sample: string[]; seconds: number }> {
  const existing = await h.db.selectFrom('person_record').select('resident_id').execute();
  const allocator = new ResidentIdAllocator(new Set(existing.map((r) => r.resident_id)));
  const rng = mulberry32(20261123);
  const pick = mulberry32(7);
  const sample: string[] = [];
  let seen = 0;
  const t0 = performance.now();
  async function* lines(): AsyncGenerator<string> {
    let chunk = '';
    for (const hh of households({ rng, today: REGISTER_DAY, allocator, firstHousehold: 300_000_001 })) {
      for (const p of hh) {
        if (seen >= n) break;
        if (sample.length < sampleSize) sample.push(p.residentId);
        else {
          const j = Math.floor(pick.next() * (seen + 1));
          if (j < sampleSize) sample[j] = p.residentId;
        }
        seen++;
        chunk += [p.residentId, p.name, p.sex, p.birthDate, p.ethnicity, p.householdNo, p.householdAddress, p.householdHeadId, p.relationToHead, p.maritalStatus, p.spouseId, p.status, p.regionCode, sourceOrgId].map(copyField).join('\t') + '\n';
      }
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
        process.stdout.write(`\r  ${int(seen)} / ${int(n)} persons`);
        if (abort.signal.aborted) throw new Error(`aborted: ${String(abort.signal.reason)}`);
      }
      if (seen >= n) break;
    }
    if (chunk) yield chunk;
  }
  const client = await h.pool.connect();
  try {
    const copy = client.query(copyFrom(`copy person_record (resident_id, name, sex, birth_date, ethnicity, household_no, household_address, household_head_id, relation_to_head, marital_status, spouse_id, status, region_code, source_org_id) from stdin`));
    await pipeline(Readable.from(lines()), copy);
    process.stdout.write(`\r  ${int(seen)} / ${int(n)} persons\n`);
    await client.query('analyze person_record');
  } finally {
    client.release();
  }
  return { sample, seconds: (performance.now() - t0) / 1000 };
}

/** A grant the load cannot exhaust, and its API key. */
async function grantAndKey(h: DbHandle): Promise<{ grantId: string; key: string }> {
  const mzj = await h.db.selectFrom('org').select('id').where('key', '=', 'mzj').executeTakeFirstOrThrow();
  const resource = await h.db.selectFrom('data_resource').select('fields').where('code', '=', RESOURCE).executeTakeFirstOrThrow();
  const account = await h.db.selectFrom('account').select('id').where('username', '=', 'data_mzj').executeTakeFirstOrThrow();
  const grantId = newId();
  const key = newApiKey();
  await h.db.transaction().execute(async (trx) => {
    await trx.insertInto('data_grant').values({ id: grantId, request_id: null, resource_code: RESOURCE, org_id: mzj.id, fields: resource.fields.map((f) => f.name), unmasked_fields: [], purpose: '基准测试', valid_until: '2099-12-31', rate_per_minute: 10_000_000, daily_quota: 1_000_000_000, max_keys_per_call: 1, status: 'active' }).execute();
    await trx.insertInto('grant_api_key').values({ id: newId(), grant_id: grantId, prefix: key.slice(0, PREFIX_CHARS), key_hash: apiKeyHash(key), label: 'bench', created_by: account.id }).execute();
  });
  return { grantId, key };
}

async function logRows(h: DbHandle, grantId: string): Promise<number> {
  return Number((await h.db.selectFrom('sharing_access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('grant_id', '=', grantId).executeTakeFirstOrThrow()).n);
}


async function main(): Promise<void> {
  const limit = timeLimit(abort, TIME_LIMIT_MS);
  const startedAt = new Date();
  const { cpus, loadBefore, line: machineLine } = machineNow();
  let embedded: EmbeddedPostgres | undefined;
  let h: DbHandle | undefined;
  try {
    log(machineLine);
    const start = startCommandFromPackageJson();
    log(`Starting the server as \`npm start\` does (package.json scripts.start: "${start.source}")…`);
    server = await startServer({ readyTimeoutMs: READY_TIMEOUT_MS, signal: abort.signal, start });
    const { line: readyText, startupHwmKb } = readyLine(server);
    log(readyText);
    embedded = await serverPostgres(server);
    h = connect(embedded.url(EMBEDDED_DATABASE), { max: 2, applicationName: 'tongban-bench-sharing' });

    const gaj = await h.db.selectFrom('org').select('id').where('key', '=', 'gaj').executeTakeFirstOrThrow();
    log(`Loading ${int(settings.persons)} persons into the population register (households(), COPY; setup, not measured)…`);
    const loaded = await loadPersons(h, settings.persons, settings.sample, gaj.id);
    const total = Number((await h.db.selectFrom('person_record').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    log(`  ${int(settings.persons)} in ${loaded.seconds.toFixed(1)} s (${int(settings.persons / Math.max(loaded.seconds, 0.001))}/s); the register holds ${int(total)} persons.`);
    const sample = loaded.sample.length ? loaded.sample : (await h.db.selectFrom('person_record').select('resident_id').limit(settings.sample).execute()).map((r) => r.resident_id);

    const { grantId, key } = await grantAndKey(h);
    const headers = { authorization: `Bearer ${key}` };
    const probe = async (id: string) => {
      const res = await fetch(`${server!.baseUrl}/api/v1/sharing/${RESOURCE}/records?key=${id}`, { headers, signal: AbortSignal.any([abort.signal, AbortSignal.timeout(15_000)]) });
      return { status: res.status, body: (await res.json()) as { records?: unknown[] } };
    };
    const ok = await probe(sample[0]!);
    if (ok.status !== 200 || ok.body.records?.length !== 1) throw new Error(`lookup probe: ${ok.status} ${JSON.stringify(ok.body).slice(0, 300)}`);
    const missing = await probe(makeResidentId('110101', '19000101', '999'));
    if (missing.status !== 404) throw new Error(`unknown ID probe: expected 404, got ${missing.status}`);
    log(`Probes: a sampled ID answers one record (${JSON.stringify(ok.body.records![0]).slice(0, 160)}…); an ID not in the register is 404.`);
    log(`Load: ${settings.connections} connections, ${settings.warmupSec} s warm-up + ${settings.durationSec} s measured per target.\n`);

    const targets: Target[] = [
      { key: 'healthz', label: 'bare route GET /healthz', path: '/healthz' },
      { key: 'lookup', label: `exchange lookup, ${int(sample.length)} random existing IDs`, path: `/api/v1/sharing/${RESOURCE}/records?key={residentId}`, paths: sample.map((id) => `/api/v1/sharing/${RESOURCE}/records?key=${id}`), headers },
    ];
    const results: TargetResult[] = [];
    const cpu: Record<string, CpuUse | undefined> = {};
    const hwm: Record<string, number | undefined> = {};
    let logCheck: { answered: number; logged: number } | undefined;
    for (const t of targets) {
      const before = t.key === 'lookup' ? await logRows(h, grantId) : 0;
      process.stdout.write(`  ${t.label} … `);
      const meter = cpuMeter(server.pid);
      const r = await measure(server.baseUrl, t, { connections: settings.connections, warmupSec: settings.warmupSec, durationSec: settings.durationSec, signal: abort.signal });
      cpu[t.key] = meter.stop();
      hwm[t.key] = server.procStatusKb('VmHWM');
      log(`${int(r.requestsPerSec)} req/s, p95 ${r.latencyMs.p95.toFixed(2)} ms`);
      results.push(r);
      if (t.key === 'lookup') {
        await sleep(1000); // past the access log's flush interval
        logCheck = { answered: answered(r), logged: (await logRows(h, grantId)) - before };
      }
    }
    const bare = results[0]!.requestsPerSec;
    log('\n' + formatTable(results, bare));
    log('\nWhere the CPU went (warm-up included):');
    for (const r of results) log(`  ${r.key}: ${formatCpu(cpu[r.key], r.requestsPerSec, 'request')}`);
    if (logCheck) log(`Access log: ${int(logCheck.logged)} rows written for ${int(logCheck.answered)} lookups answered${logCheck.logged === logCheck.answered ? ' (every one logged)' : ' — MISMATCH'}.`);
    const peakMb = mb(server.procStatusKb('VmHWM'));
    log(
      peakMb === undefined
        ? '\nServer peak RSS: unavailable.'
        : `\nServer peak RSS (VmHWM of node pid ${server.pid}, embedded PostgreSQL not included): ${peakMb} MB (after start-up ${mb(startupHwmKb)} MB; ${Object.entries(hwm).map(([k, v]) => `after ${k} ${mb(v)} MB`).join(', ')}); budget ${RSS_BUDGET_MB} MB.`,
    );
    writeReport(settings.out, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, platform: `${os.platform()}-${os.arch()}`, cpus, cpuModel: os.cpus()[0]?.model, loadAverage1mBeforeRun: loadBefore },
      settings,
      register: { persons: total, loaded: settings.persons, loadSeconds: loaded.seconds },
      results: results.map((r) => ({ ...r, cpu: cpu[r.key] ?? null })),
      lookup: { ratioToBare: bare > 0 ? results[1]!.requestsPerSec / bare : null, p95Ms: results[1]!.latencyMs.p95 },
      log: logCheck,
      server: { command: server.command, startupMs: server.startupMs, peakRssMb: peakMb, rssBudgetMb: RSS_BUDGET_MB },
    });
  } finally {
    clearTimeout(limit);
    if (h) await Promise.race([h.close().catch(() => undefined), sleep(5_000)]);
    if (embedded?.owned) await embedded.stop();
    if (server) await stopServer(server);
  }
}

runBenchmark(main);
