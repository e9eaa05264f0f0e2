/**
 * A bounded store of public answers (catalog search, item guides as JSON, indicators), kept pre-serialized and
 * gzip-compressed with an ETag, valid until the data behind them changes (ADR 0005).
 *
 * There is no TTL: the owner invalidates entries when PostgreSQL says the catalog changed (LISTEN/NOTIFY, see
 * modules/catalog/public-snapshot.ts), and turns the store off (`setUsable(false)`) while it cannot hear those
 * notifications, so a process never serves an answer it could not know to be current. Memory is bounded by the
 * compressed bytes held; beyond it, entries not used since the eviction hand last passed go first (the CLOCK
 * approximation of least recently used: a hit only sets a flag, so the hot path does not reorder the map).
 *
 * A hit is a map lookup and a write of the stored bytes: `content-encoding: gzip` when the client accepts it
 * (every browser and HTTP library does), decompressed for the rare client that does not, `304 Not Modified` when
 * If-None-Match names the stored ETag. Responses say `x-cache: hit` (served from the store) or `miss` (produced
 * for this request).
 *
 * Concurrent misses of one key share one production (and one database query); a request that arrives after an
 * invalidation never joins a production started before it.
 *
 * Races: `seq` counts invalidations. An answer produced from data read after sequence number `s` is stored only
 * when neither its key nor the whole store was invalidated after `s`, so a slow read never overwrites a newer
 * invalidation with an old answer.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type StoredResponse = { etag: string; gzip: Buffer; bytes: number };

const GZIP_LEVEL = 6;
const JSON_TYPE = 'application/json; charset=utf-8';
/** Fixed overhead per entry counted against the byte budget (key, map slot, Buffer object, ETag). */
const ENTRY_OVERHEAD = 200;

/** Compress a JSON body and give it a (weak: the gzip and identity forms are equivalent) ETag. */
export function encodeResponse(body: string): StoredResponse {
  const raw = Buffer.from(body, 'utf8');
  const etag = `W/"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`;
  // Small output chunks: the default 16 KB chunk per call is garbage that lingers until a GC (15,000 guides
  // compressed at start-up raised the RSS by ~35 MB more than 1 KB chunks do).
  const packed = gzipSync(raw, { level: GZIP_LEVEL, memLevel: 8, strategy: zlibConstants.Z_DEFAULT_STRATEGY, chunkSize: 1024 });
  // An exact-size copy outside Node's shared 8 KB buffer pool: a small pooled slice kept for hours would pin the
  // whole slab it was cut from (and the short-lived buffers that shared it).
  const gzip = Buffer.allocUnsafeSlow(packed.length);
  packed.copy(gzip);
  return { etag, gzip, bytes: raw.length };
}

/** Whether Accept-Encoding allows gzip (a `gzip` or `*` coding whose q is not 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  let star = false;
  for (const part of text.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') return allowed;
    if (coding === '*') star = allowed;
  }
  return star;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === bare;
  });
}

/** Clients send the same few Accept-Encoding strings over and over: remember the last answer. */
let lastAcceptEncoding: string | undefined;
let lastAcceptsGzip = false;
function acceptsGzipCached(header: string | undefined): boolean {
  if (header !== lastAcceptEncoding) {
    lastAcceptsGzip = acceptsGzip(header);
    lastAcceptEncoding = header;
  }
  return lastAcceptsGzip;
}

/** Send a stored answer: 304, gzip bytes, or decompressed JSON for a client that does not accept gzip. */
export function sendStored(req: FastifyRequest, reply: FastifyReply, stored: StoredResponse, state: 'hit' | 'miss'): FastifyReply {
  if (etagMatches(req.headers['if-none-match'], stored.etag)) return reply.headers({ 'x-cache': state, etag: stored.etag, vary: 'accept-encoding' }).status(304).send();
  if (acceptsGzipCached(req.headers['accept-encoding'])) {
    return reply.headers({ 'content-type': JSON_TYPE, 'content-encoding': 'gzip', 'x-cache': state, etag: stored.etag, vary: 'accept-encoding' }).send(stored.gzip);
  }
  return reply.headers({ 'content-type': JSON_TYPE, 'x-cache': state, etag: stored.etag, vary: 'accept-encoding' }).send(gunzipSync(stored.gzip));
}

export type ResponseCacheStats = { hits: number; misses: number; size: number; bytes: number; usable: boolean };

export type ResponseCache = {
  /** Serve `key` from the store, or produce the value, serialize it with the route's response schema, store and send it. */
  send<T>(req: FastifyRequest, reply: FastifyReply, key: string, produce: () => Promise<T>): Promise<FastifyReply>;
  /** The same for a producer that already returns the JSON text (e.g. materialized in the database). */
  sendText(req: FastifyRequest, reply: FastifyReply, key: string, produce: () => Promise<string>): Promise<FastifyReply>;
  /** The invalidation sequence number now: read it before reading the data an answer is made of. */
  seq(): number;
  /** Store an answer made from data read after sequence number `since` (ignored when invalidated since). */
  put(key: string, body: string, since: number): boolean;
  has(key: string): boolean;
  /**
   * The stored answer of `key` when there is one, counted as a hit (a route's fast path: serve it with
   * `sendStored(…, 'hit')` before validation, since only validated requests' answers are stored); undefined
   * otherwise (nothing counted: the route then goes its normal way through `send`).
   */
  hit(key: string): StoredResponse | undefined;
  /** The stored answer of `key`, without counting a hit or refreshing its recency (tests, diagnostics). */
  peek(key: string): StoredResponse | undefined;
  /** Drop one key (its data changed). */
  invalidate(key: string): void;
  /** Drop everything. */
  clear(): void;
  /** While false the store is bypassed (every request is produced afresh) and emptied. */
  setUsable(usable: boolean): void;
  stats(): ResponseCacheStats;
};

/** A stored answer and whether it was used since the eviction hand last passed it. */
type Entry = { stored: StoredResponse; recent: boolean };

export function createResponseCache(opts: { maxBytes: number }): ResponseCache {
  const entries = new Map<string, Entry>();
  /** Sequence number of the last invalidation of a key (kept until the next clear). */
  const invalidatedAt = new Map<string, number>();
  const inflight = new Map<string, Promise<StoredResponse>>();
  let seq = 0;
  let clearedAt = 0;
  let usable = true;
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const cost = (key: string, s: StoredResponse) => s.gzip.length + key.length * 2 + ENTRY_OVERHEAD;
  const remove = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    entries.delete(key);
    bytes -= cost(key, old.stored);
  };
  const clear = () => {
    seq++;
    clearedAt = seq;
    entries.clear();
    // Requests from now on must not join a production that read the data before this point.
    inflight.clear();
    invalidatedAt.clear();
    bytes = 0;
  };
  const store = (key: string, s: StoredResponse, since: number): boolean => {
    if (!usable || clearedAt > since || (invalidatedAt.get(key) ?? 0) > since) return false;
    const c = cost(key, s);
    if (c > opts.maxBytes) return false;
    remove(key);
    // New entries start as used, so they get one pass of the hand before they can go.
    entries.set(key, { stored: s, recent: true });
    bytes += c;
    // The hand: Map iteration order is insertion order. A used entry loses its flag and moves to the end; the
    // first unused one goes. Ends within one turn (every flag passed is cleared).
    while (bytes > opts.maxBytes) {
      const [k, e] = entries.entries().next().value!;
      if (e.recent) {
        e.recent = false;
        entries.delete(k);
        entries.set(k, e);
      } else remove(k);
    }
    return true;
  };
  const lookup = (key: string): StoredResponse | undefined => {
    const e = usable ? entries.get(key) : undefined;
    if (!e) return undefined;
    hits++;
    e.recent = true;
    return e.stored;
  };

  const serve = async (req: FastifyRequest, reply: FastifyReply, key: string, produceBody: () => Promise<string>) => {
    const hit = lookup(key);
    if (hit) return sendStored(req, reply, hit, 'hit');
    misses++;
    // Concurrent misses of one key (a popular search right after a change) share one production.
    let pending = inflight.get(key);
    if (!pending) {
      const since = seq;
      pending = produceBody().then((body) => {
        const s = encodeResponse(body);
        store(key, s, since);
        return s;
      });
      inflight.set(key, pending);
      const forget = () => inflight.get(key) === pending && inflight.delete(key);
      pending.then(forget, forget);
    }
    return sendStored(req, reply, await pending, 'miss');
  };

  return {
    send: (req, reply, key, produce) => serve(req, reply, key, async () => reply.serialize(await produce()) as string),
    sendText: serve,
    seq: () => seq,
    put: (key, body, since) => store(key, encodeResponse(body), since),
    has: (key) => entries.has(key),
    hit: lookup,
    peek: (key) => entries.get(key)?.stored,
    invalidate(key) {
      seq++;
      remove(key);
      inflight.delete(key);
      invalidatedAt.set(key, seq);
      // Bounded: a flood of invalidations of distinct keys degrades into one full clear.
      if (invalidatedAt.size > 200_000) clear();
    },
    clear,
    setUsable(u) {
      usable = u;
      clear();
    },
    stats: () => ({ hits, misses, size: entries.size, bytes, usable }),
  };
}
