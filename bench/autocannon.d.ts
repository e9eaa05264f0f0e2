/**
 * The slice of autocannon's programmatic API the benchmarks use (the package ships no type declarations).
 * Field names follow autocannon 9's result object; only what bench/ reads is declared.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  /** One entry of `requests`: each connection cycles through the list; `setupRequest` may rewrite the request. */
  export type RequestSpec = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Called before each send of this entry; return the (modified) request, or a falsy value to restart the list. */
    setupRequest?: (req: { method: string; path: string; headers: Record<string, string>; body?: string | Buffer }, context: Record<string, unknown>) => { method: string; path: string; headers: Record<string, string>; body?: string | Buffer } | undefined;
    /** Called with every response to this entry (the body as a string; header names as the server sent them). */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  };

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Per-request timeout in seconds. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    pipelining?: number;
    title?: string;
    requests?: RequestSpec[];
  };

  export type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p99: number };

  export type Result = {
    title?: string;
    url: string;
    connections: number;
    /** Seconds actually run. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Latency of 2xx responses, ms (autocannon reports no p95; bench/ computes its own percentiles). */
    latency: Histogram;
    /** Per-second request counts; `total` is every completed response. */
    requests: Histogram & { sent: number };
    throughput: Histogram;
  };

  /** A running benchmark: an event emitter ('response', 'done', 'error') that is also a promise of its result. */
  export type Instance = EventEmitter & PromiseLike<Result> & { stop(): void };

  export default function autocannon(opts: Options): Instance;
}
