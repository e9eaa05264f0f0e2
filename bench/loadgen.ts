/**
 * A closed-loop HTTP/1.1 load generator over raw `node:net` sockets, built to cost as little CPU per response as
 * possible, so that on a small machine (where it shares the CPUs with the server) it measures the server, not
 * itself.
 *
 * - `connections` keep-alive connections to a loopback address, one request in flight per connection; each sends
 *   its next request as soon as the previous response has been received in full.
 * - Responses are framed by `Content-Length` or `Transfer-Encoding: chunked` (chunk sizes parsed, bodies
 *   skipped); 1xx is refused, 204/304 and HEAD have no body. A response it cannot frame (neither header, or an
 *   unparsable one) fails the run loudly: it would otherwise count bytes it does not understand.
 * - Status and `x-cache` come from the header block only (read as latin1); bodies are counted in bytes, never
 *   decoded.
 * - Latency of every response from `process.hrtime.bigint()` (request written → last body byte parsed).
 * - One continuous run: a warm-up (responses counted separately and thrown away), then the measured window.
 *   Responses that complete after the window closes (requests already in flight) are received, checked and
 *   reported as `late`, not counted in the throughput. Every request gets a response, an error or a timeout.
 * - A connection the server closes (or an error, or a timeout) is counted and replaced by a new one.
 */
import net from 'node:net';

export type LoadgenOptions = {
  host: string;
  port: number;
  connections: number;
  warmupSec: number;
  durationSec: number;
  /** Path of the n-th request (shared by all connections, in order). */
  nextPath: () => string;
  /** Extra request headers (lower-case names), sent on every request. */
  headers: Record<string, string>;
  /**
   * POST this body (with its Content-Length) instead of GET, plus the headers `headers()` gives for each request
   * (e.g. a fresh Idempotency-Key). Header values must be ASCII; the body is sent as it is.
   */
  post?: { body: Buffer; headers: () => Record<string, string> };
  /** Per-request timeout, ms. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called for every response completed in the measured window. */
  onResponse: (ms: number, status: number, cache: 'hit' | 'miss' | 'none') => void;
};

export type LoadgenResult = {
  /** Responses completed within the measured window. */
  responses: number;
  /** Seconds the measured window lasted. */
  durationSec: number;
  warmupResponses: number;
  /** Responses to requests in flight when the window closed (received, not counted in the throughput). */
  late: number;
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Connections closed by the server (Connection: close or end of stream) between responses. */
  reconnects: number;
  bodyBytes: number;
};

const CRLFCRLF = Buffer.from('\r\n\r\n', 'latin1');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

class FramingError extends Error {}

type Phase = 'warmup' | 'measured' | 'draining';

export function runLoad(o: LoadgenOptions): Promise<LoadgenResult> {
  if (!LOOPBACK.has(o.host)) return Promise.reject(new Error(`load generator: loopback only, not ${o.host}`));
  const hostHeader = `${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}`;
  const extra = Object.entries(o.headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const requestFor = (path: string) => `GET ${path} HTTP/1.1\r\nhost: ${hostHeader}\r\n${extra}\r\n`;
  const postHeadFor = (path: string, post: NonNullable<LoadgenOptions['post']>) => {
    let own = '';
    for (const [k, v] of Object.entries(post.headers())) own += `${k}: ${v}\r\n`;
    return `POST ${path} HTTP/1.1\r\nhost: ${hostHeader}\r\n${extra}${own}content-length: ${post.body.length}\r\n\r\n`;
  };

  const r: LoadgenResult = { responses: 0, durationSec: 0, warmupResponses: 0, late: 0, statusCodes: {}, non2xx: 0, errors: 0, timeouts: 0, reconnects: 0, bodyBytes: 0 };
  let phase: Phase = o.warmupSec > 0 ? 'warmup' : 'measured';
  let measuredStart = phase === 'measured' ? process.hrtime.bigint() : 0n;
  let measuredEnd = 0n;
  let fatal: Error | undefined;
  let inFlight = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const conns: Conn[] = [];

  const settleIfDrained = () => {
    if (phase === 'draining' && inFlight === 0) finish();
  };
  const fail = (err: Error) => {
    if (!fatal) fatal = err;
    phase = 'draining';
    for (const c of conns) c.close();
    inFlight = 0;
    finish();
  };

  class Conn {
    private socket!: net.Socket;
    private sentAt = 0n;
    private busy = false;
    private timer: NodeJS.Timeout | undefined;
    // Parser state for the response in progress.
    private head: Buffer | undefined; // partial header block
    private inBody = false;
    private status = 0;
    private cache: 'hit' | 'miss' | 'none' = 'none';
    private closeAfter = false;
    private remaining = 0; // body bytes left (Content-Length) or in the current chunk
    private chunked = false;
    private chunkState: 'size' | 'data' | 'data-crlf' | 'trailer' = 'size';
    private line = ''; // partial chunk-size or trailer line
    private closed = false;

    constructor() {
      this.connect();
    }

    private connect(): void {
      this.socket = net.connect({ host: o.host, port: o.port, noDelay: true });
      this.socket.on('connect', () => this.send());
      this.socket.on('data', (b: Buffer) => {
        try {
          this.onData(b);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
        }
      });
      this.socket.on('error', () => this.broken('error'));
      this.socket.on('close', () => this.broken('close'));
    }

    /** The socket ended or failed: count it if a request was in flight (or the server closed mid-stream), replace it. */
    private broken(why: 'error' | 'close' | 'timeout'): void {
      if (this.closed) return;
      const s = this.socket;
      s.removeAllListeners('data').removeAllListeners('close').removeAllListeners('connect');
      s.on('error', () => undefined);
      s.destroy();
      if (this.busy) {
        this.busy = false;
        inFlight--;
        if (why === 'timeout') r.timeouts++;
        r.errors++;
      } else if (why !== 'error') {
        r.reconnects++;
      } else {
        r.errors++;
      }
      clearTimeout(this.timer);
      this.resetParser();
      if (phase === 'draining') return settleIfDrained();
      // A short pause after an error, so a refusing server does not turn this into a busy loop.
      setTimeout(() => phase !== 'draining' && !this.closed && this.connect(), why === 'close' ? 0 : 50);
    }

    close(): void {
      this.closed = true;
      clearTimeout(this.timer);
      this.socket.removeAllListeners();
      this.socket.on('error', () => undefined);
      this.socket.destroy();
    }

    private resetParser(): void {
      this.head = undefined;
      this.inBody = false;
      this.chunked = false;
      this.chunkState = 'size';
      this.line = '';
      this.remaining = 0;
      this.closeAfter = false;
      this.cache = 'none';
    }

    send(): void {
      if (phase === 'draining' || this.closed) return settleIfDrained();
      this.busy = true;
      inFlight++;
      this.sentAt = process.hrtime.bigint();
      if (o.post) {
        this.socket.cork();
        this.socket.write(postHeadFor(o.nextPath(), o.post), 'latin1');
        this.socket.write(o.post.body);
        this.socket.uncork();
      } else {
        this.socket.write(requestFor(o.nextPath()), 'latin1');
      }
      this.timer = setTimeout(() => this.broken('timeout'), o.timeoutMs);
    }

    private onData(b: Buffer): void {
      let i = 0;
      while (i < b.length) {
        if (!this.busy) throw new FramingError(`load generator: ${b.length - i} bytes received with no request in flight`);
        if (!this.inBody) {
          // Collect the header block up to CRLFCRLF (it may span reads).
          const buf = this.head ? Buffer.concat([this.head, b.subarray(i)]) : b.subarray(i);
          const end = buf.indexOf(CRLFCRLF);
          if (end < 0) {
            if (buf.length > 64 * 1024) throw new FramingError('load generator: header block over 64 KB');
            this.head = Buffer.from(buf);
            return;
          }
          const consumedFromB = end + 4 - (this.head ? this.head.length : 0);
          this.parseHead(buf.toString('latin1', 0, end));
          this.head = undefined;
          i += consumedFromB;
          if (this.remaining === 0 && !this.chunked) {
            this.complete();
            continue;
          }
          this.inBody = true;
          continue;
        }
        if (!this.chunked) {
          const take = Math.min(this.remaining, b.length - i);
          this.remaining -= take;
          r.bodyBytes += take;
          i += take;
          if (this.remaining === 0) this.complete();
          continue;
        }
        i = this.chunkedStep(b, i);
      }
    }

    /** Chunked body: sizes, data (skipped), CRLFs, trailers. Returns the next index. */
    private chunkedStep(b: Buffer, i: number): number {
      switch (this.chunkState) {
        case 'data': {
          const take = Math.min(this.remaining, b.length - i);
          this.remaining -= take;
          r.bodyBytes += take;
          i += take;
          if (this.remaining === 0) {
            this.chunkState = 'data-crlf';
            this.line = '';
          }
          return i;
        }
        case 'size':
        case 'data-crlf':
        case 'trailer': {
          const nl = b.indexOf(10, i);
          const upto = nl < 0 ? b.length : nl + 1;
          this.line += b.toString('latin1', i, upto);
          if (this.line.length > 8192) throw new FramingError('load generator: chunk line over 8 KB');
          if (nl < 0) return b.length;
          const line = this.line.replace(/\r?\n$/, '');
          this.line = '';
          if (this.chunkState === 'data-crlf') {
            if (line !== '') throw new FramingError('load generator: chunk data not followed by CRLF');
            this.chunkState = 'size';
          } else if (this.chunkState === 'size') {
            const size = Number.parseInt(line.split(';')[0]!.trim(), 16);
            if (!Number.isFinite(size) || size < 0 || !/^[0-9a-fA-F]+/.test(line)) throw new FramingError(`load generator: bad chunk size line ${JSON.stringify(line)}`);
            if (size === 0) this.chunkState = 'trailer';
            else {
              this.remaining = size;
              this.chunkState = 'data';
            }
          } else if (line === '') {
            this.complete();
          }
          return upto;
        }
      }
    }

    private parseHead(head: string): void {
      // Status line: HTTP/1.1 200 OK
      if (!head.startsWith('HTTP/1.')) throw new FramingError(`load generator: not an HTTP/1.x response: ${JSON.stringify(head.slice(0, 40))}`);
      const status = Number(head.slice(9, 12));
      if (!(status >= 200 && status <= 599)) throw new FramingError(`load generator: status ${head.slice(9, 12)} not supported (1xx or garbage)`);
      this.status = status;
      let contentLength = -1;
      let chunked = false;
      let pos = head.indexOf('\r\n');
      while (pos >= 0 && pos < head.length) {
        const next = head.indexOf('\r\n', pos + 2);
        const line = head.slice(pos + 2, next < 0 ? head.length : next);
        pos = next;
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).toLowerCase();
        if (name === 'content-length') {
          const v = line.slice(colon + 1).trim();
          if (!/^\d+$/.test(v) || contentLength >= 0) throw new FramingError(`load generator: unusable Content-Length ${JSON.stringify(v)}`);
          contentLength = Number(v);
        } else if (name === 'transfer-encoding') {
          const v = line.slice(colon + 1).trim().toLowerCase();
          if (v !== 'chunked') throw new FramingError(`load generator: Transfer-Encoding ${v} not supported`);
          chunked = true;
        } else if (name === 'x-cache') {
          const v = line.slice(colon + 1).trim();
          this.cache = v === 'hit' ? 'hit' : v === 'miss' ? 'miss' : 'none';
        } else if (name === 'connection') {
          if (line.slice(colon + 1).trim().toLowerCase() === 'close') this.closeAfter = true;
        }
      }
      if (status === 204 || status === 304) {
        this.remaining = 0;
        this.chunked = false;
        return;
      }
      if (chunked && contentLength >= 0) throw new FramingError('load generator: both Content-Length and chunked');
      if (!chunked && contentLength < 0) throw new FramingError(`load generator: response ${status} without Content-Length or chunked encoding cannot be framed`);
      this.chunked = chunked;
      this.chunkState = 'size';
      this.remaining = chunked ? 0 : contentLength;
    }

    private complete(): void {
      const now = process.hrtime.bigint();
      clearTimeout(this.timer);
      const ms = Number(now - this.sentAt) / 1e6;
      const status = this.status;
      const cache = this.cache;
      const closeAfter = this.closeAfter;
      this.resetParser();
      this.busy = false;
      inFlight--;
      if (phase === 'warmup') r.warmupResponses++;
      else {
        const key = String(status);
        r.statusCodes[key] = (r.statusCodes[key] ?? 0) + 1;
        if (status < 200 || status > 299) r.non2xx++;
        if (phase === 'measured') {
          r.responses++;
          o.onResponse(ms, status, cache);
        } else r.late++;
      }
      if (closeAfter) {
        // The server will close: replace the connection (counted when the close arrives).
        this.socket.end();
        return settleIfDrained();
      }
      this.send();
    }
  }

  for (let i = 0; i < o.connections; i++) conns.push(new Conn());

  const timers: NodeJS.Timeout[] = [];
  const startMeasured = () => {
    phase = 'measured';
    measuredStart = process.hrtime.bigint();
    timers.push(setTimeout(stopMeasured, o.durationSec * 1000));
  };
  const stopMeasured = () => {
    if (phase !== 'measured') return;
    measuredEnd = process.hrtime.bigint();
    phase = 'draining';
    // Requests in flight get until their own timeout to answer.
    settleIfDrained();
  };
  if (phase === 'warmup') timers.push(setTimeout(startMeasured, o.warmupSec * 1000));
  else timers.push(setTimeout(stopMeasured, o.durationSec * 1000));
  const onAbort = () => fail(new Error(`aborted: ${String(o.signal?.reason)}`));
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();

  return done.then(() => {
    for (const t of timers) clearTimeout(t);
    o.signal?.removeEventListener('abort', onAbort);
    for (const c of conns) c.close();
    if (fatal) throw fatal;
    r.durationSec = Number(measuredEnd - measuredStart) / 1e9;
    return r;
  });
}
