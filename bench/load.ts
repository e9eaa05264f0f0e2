/**
 * One benchmark target under closed-loop load: `connections` keep-alive connections each send the next request as
 * soon as the previous answer arrives. A short warm-up run (results discarded) lets the JIT, the connection
 * pool and PostgreSQL's caches settle; then the measured run.
 *
 * autocannon gives throughput and status counts. Latency percentiles are computed here from every response's
 * own time (autocannon's histogram has no p95 and rounds to whole milliseconds).
 */
import autocannon, { type Instance, type Result } from 'autocannon';

export type Target = {
  /** Short key used in the JSON output. */
  key: string;
  label: string;
  path: string;
  headers?: Record<string, string>;
};

export type LoadSettings = {
  connections: number;
  warmupSec: number;
  durationSec: number;
  signal?: AbortSignal;
};

export type TargetResult = {
  key: string;
  label: string;
  path: string;
  connections: number;
  durationSec: number;
  requests: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  non2xx: number;
  /** Socket errors, timeouts included. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function runOnce(baseUrl: string, target: Target, connections: number, durationSec: number, signal: AbortSignal | undefined, onResponse?: (ms: number) => void): Promise<Result> {
  if (signal?.aborted) return Promise.reject(new Error(`aborted: ${String(signal.reason)}`));
  const instance: Instance = autocannon({
    url: baseUrl + target.path,
    connections,
    duration: durationSec,
    timeout: 10,
    headers: target.headers,
    title: target.key,
  });
  if (onResponse) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => onResponse(ms));
  const onAbort = () => instance.stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise<Result>((resolve, reject) => {
    instance.then(
      (r) => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) reject(new Error(`aborted: ${String(signal.reason)}`));
        else resolve(r);
      },
      (err: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

export async function measure(baseUrl: string, target: Target, s: LoadSettings): Promise<TargetResult> {
  if (s.warmupSec > 0) await runOnce(baseUrl, target, s.connections, s.warmupSec, s.signal);

  let times = new Float64Array(1 << 16);
  let n = 0;
  const record = (ms: number) => {
    if (n === times.length) {
      const bigger = new Float64Array(times.length * 2);
      bigger.set(times);
      times = bigger;
    }
    times[n++] = ms;
  };
  const r = await runOnce(baseUrl, target, s.connections, s.durationSec, s.signal, record);

  const sorted = times.subarray(0, n).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats)) statusCodes[code] = count;

  return {
    key: target.key,
    label: target.label,
    path: target.path,
    connections: s.connections,
    durationSec: r.duration,
    requests: r.requests.total,
    requestsPerSec: r.duration > 0 ? r.requests.total / r.duration : 0,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: n ? sorted[n - 1]! : NaN,
      mean: n ? sum / n : NaN,
    },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}
