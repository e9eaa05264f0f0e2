/**
 * `npm run bench`: start the real server on a throw-away embedded PostgreSQL, load four routes with autocannon,
 * print a table (with each route's throughput relative to the bare /healthz route of the same run) and the
 * server's peak RSS, write the figures as JSON under the OS temp dir, then stop everything and clean up.
 *
 * Only ever talks to 127.0.0.1. Bounded in time: a hard limit aborts the run, and every exit path stops the
 * server's process group and removes the temporary data directory. Timings never fail the run: the exit code
 * is non-zero only when the benchmark could not be carried out (server did not start, a route is broken).
 *
 * Knobs (all optional): BENCH_DURATION (s per target, default 10), BENCH_WARMUP (s, default 2),
 * BENCH_CONNECTIONS (default 50), BENCH_QUERY (catalog search word, default 登记), BENCH_OUT (JSON path).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerHandle } from './server.ts';
import { measure, type Target, type TargetResult } from './load.ts';
import { formatTable } from './report.ts';

const RSS_BUDGET_MB = 300;
const DEMO_USER = 'clerk';
const DEMO_PASSWORD = 'Tongban@2026';

function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

const settings = {
  connections: intEnv('BENCH_CONNECTIONS', 50, 1),
  warmupSec: intEnv('BENCH_WARMUP', 2, 0),
  durationSec: intEnv('BENCH_DURATION', 10, 1),
  query: process.env.BENCH_QUERY || '登记',
  out: process.env.BENCH_OUT || path.join(os.tmpdir(), 'tongban-bench-latest.json'),
};
const TARGET_COUNT = 4;
const READY_TIMEOUT_MS = 120_000;
// Start-up + every target's warm-up and run + slack for probes and shutdown; past this the run is aborted.
const TIME_LIMIT_MS = READY_TIMEOUT_MS + TARGET_COUNT * (settings.warmupSec + settings.durationSec + 5) * 1000 + 60_000;

const log = (line: string) => process.stdout.write(line + '\n');

const abort = new AbortController();
let server: ServerHandle | undefined;

// (startServer registers its own 'exit' hook that kills the server's process group as a last resort.)
let interrupted = 0;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    interrupted++;
    if (interrupted > 1) {
      log(`\n${sig} again: killing the server now.`);
      process.exit(130); // the 'exit' hook in server.ts SIGKILLs the server's process group and removes DATA_DIR
    }
    log(`\n${sig} received: stopping the benchmark and the server…`);
    abort.abort(sig);
  });
}

type Probe = { status: number; body: unknown; headers: Headers };

async function probe(baseUrl: string, p: string, init: RequestInit = {}): Promise<Probe> {
  const res = await fetch(baseUrl + p, { ...init, signal: AbortSignal.any([abort.signal, AbortSignal.timeout(10_000)]) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

function expectOk(what: string, r: Probe): void {
  if (r.status !== 200) throw new Error(`${what}: expected 200, got ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
}

/** Probe each route once (a broken route would make the figures meaningless) and build the target list. */
async function prepareTargets(baseUrl: string): Promise<Target[]> {
  const health = await probe(baseUrl, '/healthz');
  expectOk('GET /healthz', health);

  const searchPath = `/api/v1/public/items?q=${encodeURIComponent(settings.query)}&pageSize=20`;
  const search = await probe(baseUrl, searchPath);
  expectOk(`GET ${searchPath}`, search);
  const found = search.body as { items?: { implCode?: string }[]; total?: number };
  const items = found.items ?? [];
  const implCode = items[0]?.implCode;
  if (!implCode) throw new Error(`catalog search for "${settings.query}" returned no items; set BENCH_QUERY to a word the demo catalog contains`);

  const detailPath = `/api/v1/public/items/${encodeURIComponent(implCode)}`;
  expectOk(`GET ${detailPath}`, await probe(baseUrl, detailPath));

  const login = await probe(baseUrl, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USER, password: DEMO_PASSWORD }),
  });
  expectOk(`POST /api/v1/auth/login as ${DEMO_USER}`, login);
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('tb_session='));
  if (!session) throw new Error('login succeeded but set no tb_session cookie');
  const cookie = { cookie: session };

  const queuePath = '/api/v1/cases?state=submitted&pageSize=20';
  expectOk(`GET ${queuePath} as ${DEMO_USER}`, await probe(baseUrl, queuePath, { headers: cookie }));

  return [
    { key: 'healthz', label: 'bare route GET /healthz', path: '/healthz' },
    { key: 'catalogSearch', label: `catalog search (q=${settings.query}, ${found.total ?? items.length} hits)`, path: searchPath },
    { key: 'itemDetail', label: `item detail (${implCode})`, path: detailPath },
    { key: 'caseQueue', label: `case queue as ${DEMO_USER} (auth)`, path: queuePath, headers: cookie },
  ];
}

const mb = (kb: number | undefined) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10);

async function main(): Promise<void> {
  const limit = setTimeout(() => {
    log(`\nTime limit of ${Math.round(TIME_LIMIT_MS / 1000)} s reached: aborting.`);
    abort.abort('time limit');
  }, TIME_LIMIT_MS);

  const startedAt = new Date();
  const loadBefore = os.loadavg()[0]!;
  const cpus = os.availableParallelism();
  try {
    log(`Machine: ${cpus} CPUs, 1-min load average ${loadBefore.toFixed(2)}${loadBefore > cpus / 2 ? ' (busy: other work competes for the CPU, expect noisy figures)' : ''}.`);
    log(`Starting the server (fresh embedded PostgreSQL, demo world seeds itself)…`);
    server = await startServer({ readyTimeoutMs: READY_TIMEOUT_MS, signal: abort.signal });
    const startupHwmKb = server.procStatusKb('VmHWM');
    log(`Ready at ${server.baseUrl} after ${(server.startupMs / 1000).toFixed(1)} s (server pid ${server.pid}, DATA_DIR ${server.dataDir}).`);

    const targets = await prepareTargets(server.baseUrl);
    log(`Load: ${settings.connections} connections, ${settings.warmupSec} s warm-up + ${settings.durationSec} s measured per target.\n`);

    const results: TargetResult[] = [];
    const hwmAfter: Record<string, number | undefined> = {};
    for (const t of targets) {
      process.stdout.write(`  ${t.label} … `);
      const r = await measure(server.baseUrl, t, { connections: settings.connections, warmupSec: settings.warmupSec, durationSec: settings.durationSec, signal: abort.signal });
      results.push(r);
      hwmAfter[t.key] = server.procStatusKb('VmHWM');
      log(`${Math.round(r.requestsPerSec)} req/s`);
    }

    const peakKb = server.procStatusKb('VmHWM');
    const rssKb = server.procStatusKb('VmRSS');
    const bare = results[0]!.requestsPerSec;

    log('\n' + formatTable(results, bare));
    const peakMb = mb(peakKb);
    const under = peakMb !== undefined && peakMb < RSS_BUDGET_MB;
    log(
      peakMb === undefined
        ? `\nServer peak RSS: unavailable (no /proc/${server.pid}/status on this system).`
        : `\nServer peak RSS (VmHWM of node pid ${server.pid}, embedded PostgreSQL not included): ${peakMb} MB ` +
            `(after start-up and seeding: ${mb(startupHwmKb)} MB, current: ${mb(rssKb)} MB). ` +
            `${under ? 'Stays under' : 'Does NOT stay under'} the ${RSS_BUDGET_MB} MB budget.`,
    );
    const failing = results.filter((r) => r.non2xx > 0 || r.errors > 0);
    if (failing.length) log(`WARNING: non-2xx responses or socket errors on: ${failing.map((r) => r.key).join(', ')} (see statusCodes in the JSON).`);

    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: `${os.platform()}-${os.arch()}`,
        cpus,
        cpuModel: os.cpus()[0]?.model,
        totalMemMb: Math.round(os.totalmem() / 1048576),
        loadAverage1mBeforeRun: loadBefore,
      },
      settings: { connections: settings.connections, warmupSec: settings.warmupSec, durationSec: settings.durationSec, query: settings.query },
      server: {
        startupMs: server.startupMs,
        peakRssMb: peakMb,
        peakRssAfterStartupMb: mb(startupHwmKb),
        peakRssAfterTargetMb: Object.fromEntries(Object.entries(hwmAfter).map(([k, v]) => [k, mb(v)])),
        currentRssMb: mb(rssKb),
        rssBudgetMb: RSS_BUDGET_MB,
        underBudget: peakMb === undefined ? null : under,
      },
      targets: results.map((r) => ({ ...r, ratioToBare: bare > 0 ? r.requestsPerSec / bare : null })),
    };
    fs.mkdirSync(path.dirname(settings.out), { recursive: true });
    fs.writeFileSync(settings.out, JSON.stringify(report, null, 2) + '\n');
    log(`Results written to ${settings.out}`);
  } finally {
    clearTimeout(limit);
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
