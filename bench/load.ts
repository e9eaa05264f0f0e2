/**
 * One benchmark target under closed-loop load: `connections` keep-alive connections each send the next request as
 * soon as the previous answer arrives. A short warm-up (results discarded) lets the JIT, the connection pool and
 * PostgreSQL's caches settle; then the measured window.
 *
 * The load comes from `loadgen.ts` (raw `node:net` sockets, responses framed by their headers, bodies counted but
 * never decoded), so that on a small machine the load generator costs little CPU next to the server it measures.
 * Every target, the bare baseline included, goes through it: the ratios compare like with like. Latency percentiles
 * are computed here from every response's own time.
 *
 * A target may give a list of paths instead of one: every request (across all connections) takes the next path of
 * the list, wrapping around, continuing from the warm-up into the measured window. Responses' `x-cache` headers
 * (the server's public response cache says `hit` or `miss`) are counted in the measured window.
 */
import { runLoad } from './loadgen.ts';

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
  /** The load generator's own counts: warm-up responses (discarded), responses to requests in flight when the window closed (received and checked, not counted), connections the server closed, body bytes received. */
  load?: { warmupResponses: number; lateResponses: number; reconnects: number; bodyBytes: number };
};

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

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

/** Per-request timeout (a response slower than this counts as an error). */
const TIMEOUT_MS = 10_000;

export async function measure(baseUrl: string, target: Target, s: LoadSettings): Promise<TargetResult> {
  const url = new URL(baseUrl);
  const paths = target.paths ?? [target.path];
  let next = 0;
  const all = new Samples();
  const byCache = { hit: new Samples(), miss: new Samples() };
  const cache: CacheCounts = { hit: 0, miss: 0, none: 0 };
  const headers: Record<string, string> = { 'accept-encoding': BROWSER_ACCEPT_ENCODING };
  for (const [k, v] of Object.entries(target.headers ?? {})) headers[k.toLowerCase()] = v;
  const r = await runLoad({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port),
    connections: s.connections,
    warmupSec: s.warmupSec,
    durationSec: s.durationSec,
    nextPath: () => paths[next++ % paths.length]!,
    headers,
    timeoutMs: TIMEOUT_MS,
    signal: s.signal,
    onResponse: (ms, _status, c) => {
      all.add(ms);
      cache[c]++;
      if (c !== 'none') byCache[c].add(ms);
    },
  });

  const sorted = all.sorted();
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;

  return {
    key: target.key,
    label: target.label,
    path: target.path,
    connections: s.connections,
    durationSec: r.durationSec,
    requests: r.responses,
    requestsPerSec: r.durationSec > 0 ? r.responses / r.durationSec : 0,
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
    statusCodes: r.statusCodes,
    distinctPaths: target.paths ? new Set(target.paths).size : 1,
    cache: { ...cache, hitRate: cache.hit + cache.miss > 0 ? cache.hit / (cache.hit + cache.miss) : null },
    ...(cache.hit + cache.miss > 0 ? { latencyByCache: { hit: byCache.hit.percentiles(), miss: byCache.miss.percentiles() } } : {}),
    load: { warmupResponses: r.warmupResponses, lateResponses: r.late, reconnects: r.reconnects, bodyBytes: r.bodyBytes },
  };
}

/** Responses a target answered in a load: the warm-up, the measured window and the late ones (every one is logged). */
export const answered = (r: TargetResult) => r.requests + (r.load?.warmupResponses ?? 0) + (r.load?.lateResponses ?? 0);
