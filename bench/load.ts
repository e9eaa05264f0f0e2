/**
 * One benchmark target under closed-loop load: `connections` keep-alive connections each send the next request as
 * soon as the previous answer arrives. A short warm-up run (results discarded) lets the JIT, the connection
 * pool and PostgreSQL's caches settle; then the measured run.
 *
 * autocannon gives throughput and status counts. Latency percentiles are computed here from every response's
 * own time (autocannon's histogram has no p95 and rounds to whole milliseconds).
 *
 * A target may give a list of paths instead of one: every request (across all connections) takes the next path of
 * the list, wrapping around, continuing from the warm-up into the measured run. Responses' `x-cache` headers
 * (the server's public response cache says `hit` or `miss`) are counted in the measured run.
 */
import autocannon, { type Instance, type Result } from 'autocannon';

/**
 * What a current browser sends (Chrome, Edge and Firefox send this or a subset with gzip). Every target sends it:
 * public answers are served compressed to such clients, as they would be in production.
 */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export type Target = {
  /** Short key used in the JSON output. */
  key: string;
  label: string;
  /** The path, or a description of the paths when `paths` is given. */
  path: string;
  /** Request paths cycled through in order (one per request, shared by all connections). */
  paths?: readonly string[];
  headers?: Record<string, string>;
};

/** `x-cache` headers seen in the measured run. */
export type CacheCounts = { hit: number; miss: number; none: number };
type CacheState = keyof CacheCounts;

export type Percentiles = { count: number; p50: number; p95: number; p99: number };

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
  /** Distinct paths requested (1 for a single-path target). */
  distinctPaths: number;
  /** Responses by their `x-cache` header; `hitRate` = hit / (hit + miss), null when the route sends none. */
  cache: CacheCounts & { hitRate: number | null };
  /** Latency of cache hits and of misses separately (only for routes that send `x-cache`). */
  latencyByCache?: { hit: Percentiles; miss: Percentiles };
};

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

type PathCursor = { next: number };

/** A growable list of latencies. */
class Samples {
  private buf = new Float64Array(1 << 14);
  private n = 0;
  add(ms: number): void {
    if (this.n === this.buf.length) {
      const bigger = new Float64Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.n++] = ms;
  }
  sorted(): Float64Array {
    return this.buf.subarray(0, this.n).sort();
  }
  percentiles(): Percentiles {
    const s = this.sorted();
    return { count: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
  }
}

function runOnce(
  baseUrl: string,
  target: Target,
  connections: number,
  durationSec: number,
  signal: AbortSignal | undefined,
  cursor: PathCursor,
  onResponse?: (ms: number, cache: CacheState) => void,
): Promise<Result> {
  if (signal?.aborted) return Promise.reject(new Error(`aborted: ${String(signal.reason)}`));
  const paths = target.paths;
  // autocannon calls a request's onResponse (which sees the headers) and then, synchronously on the same client,
  // emits 'response' (which has the latency): the header seen last belongs to the response being timed.
  let lastCache: CacheState = 'none';
  const readCache = (_status: number, _body: string, _context: unknown, headers: Record<string, string | string[]>) => {
    const v = headers['x-cache'] ?? headers['X-Cache'];
    lastCache = v === 'hit' ? 'hit' : v === 'miss' ? 'miss' : 'none';
  };
  const instance: Instance = autocannon({
    url: baseUrl + (paths ? paths[0] : target.path),
    connections,
    duration: durationSec,
    timeout: 10,
    headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...target.headers },
    title: target.key,
    requests: [
      {
        ...(paths
          ? {
              setupRequest: (req) => {
                req.path = paths[cursor.next++ % paths.length]!;
                return req;
              },
            }
          : {}),
        onResponse: readCache,
      },
    ],
  });
  if (onResponse) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => onResponse(ms, lastCache));
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
  const cursor: PathCursor = { next: 0 };
  if (s.warmupSec > 0) await runOnce(baseUrl, target, s.connections, s.warmupSec, s.signal, cursor);

  const all = new Samples();
  const byCache = { hit: new Samples(), miss: new Samples() };
  const cache: CacheCounts = { hit: 0, miss: 0, none: 0 };
  const r = await runOnce(baseUrl, target, s.connections, s.durationSec, s.signal, cursor, (ms, c) => {
    all.add(ms);
    cache[c]++;
    if (c !== 'none') byCache[c].add(ms);
  });

  const sorted = all.sorted();
  const n = sorted.length;
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
    distinctPaths: target.paths ? new Set(target.paths).size : 1,
    cache: { ...cache, hitRate: cache.hit + cache.miss > 0 ? cache.hit / (cache.hit + cache.miss) : null },
    ...(cache.hit + cache.miss > 0 ? { latencyByCache: { hit: byCache.hit.percentiles(), miss: byCache.miss.percentiles() } } : {}),
  };
}
