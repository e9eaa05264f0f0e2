/**
 * `node bench/loadgen-check.ts`: the raw-socket load generator (loadgen.ts) against autocannon on the same server,
 * to check that it measures what autocannon measures. Starts the server as `npm start` does (demo catalog, no
 * generation), then, alternating, autocannon and loadgen.ts on `GET /healthz` and on one item guide as JSON
 * (gzip, ~2 KB), each with the same 50 connections, browser Accept-Encoding, warm-up and measured seconds. Prints
 * req/s, p50/p99 and the CPU of the server and of this process (the load generator) per response.
 *
 * Knobs: BENCH_DURATION (default 10), BENCH_WARMUP (default 2), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (2).
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import { startServer, startCommandFromPackageJson } from './server.ts';
import { BROWSER_ACCEPT_ENCODING, measure, percentile } from './load.ts';
import { abortOnSignals, intEnv, log } from './harness.ts';

const s = {
  connections: intEnv('BENCH_CONNECTIONS', 50, 1),
  warmupSec: intEnv('BENCH_WARMUP', 2, 0),
  durationSec: intEnv('BENCH_DURATION', 10, 1),
  rounds: intEnv('BENCH_ROUNDS', 2, 1),
};
const abort = abortOnSignals();

function cpuOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

type Row = { gen: string; path: string; rps: number; p50: number; p99: number; serverUs: number; genUs: number };

async function withCpu(pid: number, run: () => Promise<{ rps: number; p50: number; p99: number; responses: number }>): Promise<Omit<Row, 'gen' | 'path'>> {
  const s0 = cpuOf(pid);
  const g0 = process.cpuUsage();
  const r = await run();
  const g = process.cpuUsage(g0);
  const total = r.responses;
  return { rps: r.rps, p50: r.p50, p99: r.p99, serverUs: ((cpuOf(pid) - s0) * 1e6) / total, genUs: (g.user + g.system) / total };
}

async function viaAutocannon(url: string, seconds: number, latencies?: number[]) {
  const inst = autocannon({ url, connections: s.connections, duration: seconds, timeout: 10, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } });
  if (latencies) inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
  abort.signal.addEventListener('abort', () => inst.stop(), { once: true });
  return inst;
}

async function main(): Promise<void> {
  const server = await startServer({ readyTimeoutMs: 120_000, signal: abort.signal, start: startCommandFromPackageJson() });
  try {
    const search = (await (await fetch(`${server.baseUrl}/api/v1/public/items?q=${encodeURIComponent('结婚登记')}&pageSize=1`)).json()) as { items: { implCode: string }[] };
    const item = `/api/v1/public/items/${encodeURIComponent(search.items[0]!.implCode)}`;
    const rows: Row[] = [];
    for (let round = 0; round < s.rounds; round++) {
      for (const p of ['/healthz', item]) {
        // autocannon: warm-up run, then the measured run (the CPU covers both, as in run.ts).
        rows.push({
          gen: 'autocannon',
          path: p,
          ...(await withCpu(server.pid, async () => {
            const warm = s.warmupSec > 0 ? await viaAutocannon(server.baseUrl + p, s.warmupSec) : undefined;
            const w = warm ? (await warm).requests.total : 0;
            const lat: number[] = [];
            const r = await (await viaAutocannon(server.baseUrl + p, s.durationSec, lat));
            lat.sort((a, b) => a - b);
            return { rps: r.requests.total / r.duration, p50: percentile(lat, 50), p99: percentile(lat, 99), responses: r.requests.total + w };
          })),
        });
        rows.push({
          gen: 'loadgen.ts',
          path: p,
          ...(await withCpu(server.pid, async () => {
            const r = await measure(server.baseUrl, { key: 'x', label: p, path: p }, { ...s, signal: abort.signal });
            if (r.non2xx || r.errors) throw new Error(`loadgen: ${r.non2xx} non-2xx, ${r.errors} errors on ${p}`);
            return { rps: r.requestsPerSec, p50: r.latencyMs.p50, p99: r.latencyMs.p99, responses: r.requests + (r.load?.warmupResponses ?? 0) + (r.load?.lateResponses ?? 0) };
          })),
        });
      }
    }
    log('generator   path                                              req/s  p50 ms  p99 ms  server µs/resp  generator µs/resp');
    for (const r of rows) {
      log(`${r.gen.padEnd(11)} ${r.path.padEnd(48)} ${Math.round(r.rps).toString().padStart(6)}  ${r.p50.toFixed(2).padStart(6)}  ${r.p99.toFixed(2).padStart(6)}  ${Math.round(r.serverUs).toString().padStart(14)}  ${Math.round(r.genUs).toString().padStart(17)}`);
    }
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`\nloadgen-check failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
