/**
 * `npm run bench:licenses-import`: bulk sealing of legacy licenses through the real import path, on the real server
 * and its real (embedded) PostgreSQL.
 *
 * 1. Start the server as `npm start` runs it (server.ts: fresh DATA_DIR, demo world seeds itself) — with its jobs ON
 *    (RUN_JOBS=true), since sealing runs on jobs — and connect to its embedded PostgreSQL from this process.
 * 2. Generate a CSV register of BENCH_LICENSES lines (default 100,000) of 食品经营许可证 issued by 泰州市市场监督管理局,
 *    one line in 1,000 broken (legacy-sample.ts), and upload it as `admin` (POST /api/v1/license-imports): the
 *    request validates and stages every line → lines/s.
 * 3. Sealing: the staged event starts the batches on the server's jobs; poll GET /api/v1/license-imports/{id} until
 *    'done' → licenses/s (sealed ÷ time from the 202 to done), the server's CPU per license, peak RSS meanwhile.
 *    Then check: licenses of the import = accepted lines, every line sealed once, one license verifies publicly.
 * 4. Baselines in the same run, after the import (so they do not compete with it): (a) raw multi-row INSERT of the
 *    same number of license-sized rows (~1.3 KB: the staged data, signed content and a 72-byte signature) into a
 *    scratch table, 1,000 rows per statement, → rows/s; (b) raw SM2 signing in one thread of this process, the
 *    same kind of canonical content, → signatures/s (with the public key passed, as the sealing path does).
 * 5. A table, the server's peak RSS (VmHWM) against 300 MB, the JSON under the OS temp dir, clean stop.
 *
 * Knobs: BENCH_LICENSES (lines, default 100000), BENCH_LICENSES_OUT (JSON path), BENCH_SIGN_SECONDS (default 3).
 * Only ever talks to 127.0.0.1; a time limit aborts the run; every exit path stops the server's process group.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { readyLine, serverPostgres, startServer, startCommandFromPackageJson, type ServerHandle } from './server.ts';
import { abortOnSignals, intEnv, log, timeLimit, machineNow, RSS_BUDGET_MB, rssBudget } from './harness.ts';
import { DEMO_PASSWORD } from '../server/src/seed/world/types.ts';
import type { EmbeddedPostgres } from '../server/src/platform/db/embedded.ts';
import { EMBEDDED_DATABASE } from '../server/src/platform/db/runtime.ts';
import { loadSm2 } from '../server/src/platform/crypto/index.ts';
import { toCsv } from '../server/src/platform/csv/csv.ts';
import { sampleLegacyRows } from '../server/src/modules/licenses/legacy-sample.ts';
import type { FaceField } from '../server/src/modules/licenses/index.ts';

const settings = {
  licenses: intEnv('BENCH_LICENSES', 100_000, 10),
  signSeconds: intEnv('BENCH_SIGN_SECONDS', 3, 1),
  out: process.env.BENCH_LICENSES_OUT || path.join(os.tmpdir(), 'tongban-bench-licenses-import-latest.json'),
};
const READY_TIMEOUT_MS = 120_000;
/** Generous: ~15 min per 100,000 at a pessimistic 100 licenses/s, plus start-up and baselines. */
const TIME_LIMIT_MS = READY_TIMEOUT_MS + Math.max(300_000, settings.licenses * 10) + 120_000;

const abort = abortOnSignals();
let server: ServerHandle | undefined;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (kb: number | undefined) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const CLK_TCK = 100;

/** CPU seconds (user + system, all threads) of a process so far. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}

async function login(baseUrl: string, username: string): Promise<Record<string, string>> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`login as ${username}: ${r.status} ${await r.text()}`);
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('csrf_token='));
  if (!csrf) throw new Error('login set no csrf_token cookie');
  return { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf.slice('csrf_token='.length)) };
}

type ImportView = { id: string; total: number; accepted: number; rejected: number; sealed: number; state: string };

/** Raw multi-row INSERT of `n` rows shaped like a sealed license (baseline (a)). */
async function rawInsert(client: pg.Client, n: number, sample: string): Promise<{ rows: number; seconds: number; perSec: number }> {
  await client.query('create table bench_raw_license (id bigserial primary key, number text not null, data jsonb not null, signed_data text not null, signature bytea not null)');
  const sig = Buffer.alloc(72, 7);
  const t0 = performance.now();
  for (let start = 0; start < n; start += 1000) {
    const k = Math.min(1000, n - start);
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < k; i++) {
      values.push(`RAW${start + i}`, sample, sample, sig);
      tuples.push(`($${i * 4 + 1}, $${i * 4 + 2}::jsonb, $${i * 4 + 3}, $${i * 4 + 4})`);
    }
    await client.query(`insert into bench_raw_license (number, data, signed_data, signature) values ${tuples.join(',')}`, values);
  }
  const seconds = (performance.now() - t0) / 1000;
  await client.query('drop table bench_raw_license');
  return { rows: n, seconds, perSec: n / seconds };
}

/** Raw SM2 signing in this thread for `seconds` (baseline (b)). */
async function rawSigning(seconds: number, content: string): Promise<{ signatures: number; perSec: number }> {
  const sm2 = await loadSm2();
  const { privateKeyHex, publicKeyHex } = sm2.generateKeyPair();
  const data = Buffer.from(content, 'utf8');
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    sm2.sign(data, privateKeyHex, publicKeyHex);
    n++;
  }
  return { signatures: n, perSec: n / ((performance.now() - t0) / 1000) };
}

async function main(): Promise<void> {
  const limit = timeLimit(abort, TIME_LIMIT_MS);
  const startedAt = new Date();
  const { cpus, loadBefore, line: machineLine } = machineNow();
  let embedded: EmbeddedPostgres | undefined;
  let client: pg.Client | undefined;
  try {
    log(machineLine);
    const npmStart = startCommandFromPackageJson();
    const start = { ...npmStart, env: { ...npmStart.env, RUN_JOBS: 'true' } };
    log(`Starting the server as \`npm start\` does ("${npmStart.source}"), with its jobs on (sealing runs on jobs)…`);
    server = await startServer({ readyTimeoutMs: READY_TIMEOUT_MS, signal: abort.signal, start });
    const { line: readyText, startupHwmKb } = readyLine(server);
    log(readyText);
    embedded = await serverPostgres(server);
    client = new pg.Client({ connectionString: embedded.url(EMBEDDED_DATABASE), application_name: 'tongban-bench-licenses' });
    client.on('error', () => undefined);
    await client.connect();

    const type = (await client.query<{ code: string; face_fields: FaceField[] }>(`select code, face_fields from license_type where name = '食品经营许可证'`)).rows[0];
    const issuer = (await client.query<{ credit_code: string }>(`select credit_code from org where key = 'scjgj'`)).rows[0];
    if (!type || !issuer) throw new Error('the demo world has no 食品经营许可证 type or no 泰州市市场监督管理局');

    // 2. The register and its upload.
    const { header, rows, bad } = sampleLegacyRows(type.face_fields, settings.licenses, { issuerCode: issuer.credit_code, badEvery: 1000, numberPrefix: 'BENCH' });
    const csv = Buffer.from(toCsv([header, ...rows]), 'utf8');
    log(`Register: ${int(settings.licenses)} lines (${int(bad.length)} broken on purpose), CSV ${(csv.length / 1048576).toFixed(1)} MB.`);
    const auth = await login(server.baseUrl, 'admin');
    const body = new FormData();
    body.set('licenseTypeCode', type.code);
    body.set('file', new Blob([csv], { type: 'text/csv' }), 'register.csv');
    const cpu0 = cpuSeconds(server.pid);
    const t0 = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/license-imports`, { method: 'POST', headers: auth, body, signal: abort.signal });
    const staged = (await res.json()) as ImportView;
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(staged)}`);
    const stageSec = (performance.now() - t0) / 1000;
    const cpuStage = cpuSeconds(server.pid) - cpu0;
    const stageHwmKb = server.procStatusKb('VmHWM');
    log(`Staged in ${stageSec.toFixed(1)} s (${int(staged.total / stageSec)} lines/s validated and staged): ${int(staged.accepted)} accepted, ${int(staged.rejected)} rejected.`);

    // 3. Sealing on the server's jobs.
    const t1 = performance.now();
    let view: ImportView = staged;
    let lastLog = 0;
    while (!abort.signal.aborted) {
      await sleep(500);
      view = (await (await fetch(`${server.baseUrl}/api/v1/license-imports/${staged.id}`, { headers: auth })).json()) as ImportView;
      if (view.state === 'done') break;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`  sealing: ${int(view.sealed)} / ${int(view.accepted)} (${((view.sealed / view.accepted) * 100).toFixed(0)} %), ${int(view.sealed / ((performance.now() - t1) / 1000))} licenses/s so far`);
      }
    }
    if (abort.signal.aborted) throw new Error(`aborted: ${String(abort.signal.reason)}`);
    const sealSec = (performance.now() - t1) / 1000;
    const cpuSeal = cpuSeconds(server.pid) - cpu0 - cpuStage;
    const sealHwmKb = server.procStatusKb('VmHWM');
    const perSec = view.sealed / sealSec;
    log(`Sealed ${int(view.sealed)} in ${sealSec.toFixed(1)} s: ${int(perSec)} licenses/s (server node CPU ${((cpuSeal / view.sealed) * 1000).toFixed(2)} ms per license).`);

    const check = (
      await client.query<{ licenses: string; rows_sealed: string; distinct_licenses: string }>(
        `select (select count(*) from license l join license_import_row r on r.license_id = l.id where r.import_id = $1) licenses,
                (select count(*) from license_import_row where import_id = $1 and status = 'sealed') rows_sealed,
                (select count(distinct number) from license where number like 'BENCH%') distinct_licenses`,
        [staged.id],
      )
    ).rows[0]!;
    const sample = (await client.query<{ ref: string; signed_data: string }>(`select ref, signed_data from license where number like 'BENCH%' order by random() limit 1`)).rows[0]!;
    const verification = (await (await fetch(`${server.baseUrl}/api/v1/public/licenses/${sample.ref}/verification`)).json()) as { checks?: { signature?: boolean } };
    const correct = Number(check.licenses) === view.accepted && Number(check.rows_sealed) === view.accepted && Number(check.distinct_licenses) === view.accepted && verification.checks?.signature === true;
    log(`Check: ${check.licenses} licenses for ${view.accepted} accepted lines, ${check.distinct_licenses} distinct numbers, a random one's signature verifies: ${verification.checks?.signature} → ${correct ? 'OK' : 'WRONG'}.`);

    // 4. Baselines.
    process.stdout.write(`Baseline (a): raw multi-row INSERT of ${int(view.accepted)} license-sized rows … `);
    const raw = await rawInsert(client, view.accepted, JSON.stringify({ data: sample.signed_data }));
    log(`${int(raw.perSec)} rows/s`);
    process.stdout.write(`Baseline (b): raw SM2 signing in one thread for ${settings.signSeconds} s … `);
    const sign = await rawSigning(settings.signSeconds, sample.signed_data);
    log(`${int(sign.perSec)} signatures/s`);

    // 5. Report.
    const peakKb = server.procStatusKb('VmHWM');
    const peakMb = mb(peakKb);
    const { under, verdict } = rssBudget(peakMb);
    log('');
    log(`  bulk sealing (import path, jobs)      ${int(perSec).padStart(8)} licenses/s`);
    log(`  raw SM2 signing, one thread           ${int(sign.perSec).padStart(8)} signatures/s   (sealing = ${(perSec / sign.perSec).toFixed(2)} × this)`);
    log(`  raw multi-row INSERT                  ${int(raw.perSec).padStart(8)} rows/s         (sealing = ${(perSec / raw.perSec).toFixed(3)} × this)`);
    log(`  validate + stage (upload request)     ${int(staged.total / stageSec).padStart(8)} lines/s`);
    log(
      peakMb === undefined
        ? '\nServer peak RSS: unavailable.'
        : `\nServer peak RSS (VmHWM of node pid ${server.pid}, PostgreSQL not included): ${peakMb} MB (after start-up ${mb(startupHwmKb)}, after staging ${mb(stageHwmKb)}, after sealing ${mb(sealHwmKb)}). ${verdict}`,
    );
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, cpus, cpuModel: os.cpus()[0]?.model, loadAverage1mBeforeRun: loadBefore },
      settings,
      import: { id: staged.id, total: staged.total, accepted: view.accepted, rejected: view.rejected, csvBytes: csv.length },
      staging: { seconds: stageSec, linesPerSec: staged.total / stageSec, serverCpuSec: cpuStage },
      sealing: { seconds: sealSec, licensesPerSec: perSec, serverCpuMsPerLicense: (cpuSeal / view.sealed) * 1000, correct },
      baselines: { rawInsert: raw, rawSm2Signing: sign },
      server: { command: server.command, peakRssMb: peakMb, afterStartupMb: mb(startupHwmKb), afterStagingMb: mb(stageHwmKb), afterSealingMb: mb(sealHwmKb), rssBudgetMb: RSS_BUDGET_MB, underBudget: peakMb === undefined ? null : under },
    };
    fs.mkdirSync(path.dirname(settings.out), { recursive: true });
    fs.writeFileSync(settings.out, JSON.stringify(report, null, 2) + '\n');
    log(`\nResults written to ${settings.out}`);
    if (!correct) throw new Error('the import did not produce exactly one license per accepted line');
  } finally {
    clearTimeout(limit);
    if (client) await Promise.race([client.end().catch(() => undefined), sleep(5_000)]);
    if (embedded?.owned) await embedded.stop();
    if (server) {
      log('Stopping the server (SIGTERM)…');
      const s = await server.stop();
      log(`Server stopped (exit code ${s.exitCode}${s.signal ? `, signal ${s.signal}` : ''}${s.forced ? ', had to be killed' : ''}); temporary data removed.`);
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`\nBenchmark failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
