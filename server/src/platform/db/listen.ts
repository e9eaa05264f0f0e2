/**
 * A dedicated connection LISTENing on one PostgreSQL channel, for in-process caches invalidated by NOTIFY
 * (the session cache, ADR 0006; the license verification cache, ADR 0010).
 *
 * `onListening` runs each time the LISTEN is in place (first time and after a reconnect: whatever was cached before
 * may have missed a notification); `onLost` when the connection fails or ends (the cache must stop serving until
 * it listens again). It reconnects after `reconnectMs` until closed. `listening` is true only in between.
 */
import pg from 'pg';

export type ChannelListener = {
  readonly listening: boolean;
  close(): Promise<void>;
};

export type ListenOptions = {
  databaseUrl: string;
  channel: string;
  applicationName: string;
  onNotification(payload: string): void;
  onListening(): void;
  onLost(): void;
  reconnectMs?: number;
};

export function listenOnChannel(o: ListenOptions): ChannelListener {
  const reconnectMs = o.reconnectMs ?? 1_000;
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const lost = () => {
    listening = false;
    o.onLost();
    const c = client;
    client = undefined;
    c?.removeAllListeners('notification');
    void c?.end().catch(() => undefined);
    if (!closed && !retry) retry = setTimeout(() => ((retry = undefined), void listen()), reconnectMs);
  };

  async function listen(): Promise<void> {
    if (closed) return;
    const c = new pg.Client({ connectionString: o.databaseUrl, application_name: o.applicationName });
    client = c;
    c.on('error', lost);
    c.on('end', () => (client === c ? lost() : undefined));
    c.on('notification', (msg) => o.onNotification(msg.payload ?? ''));
    try {
      await c.connect();
      await c.query(`listen ${o.channel}`);
      if (closed || client !== c) return void c.end().catch(() => undefined);
      o.onListening();
      listening = true;
    } catch {
      if (client === c) lost();
    }
  }

  void listen();

  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    },
  };
}

/**
 * The in-memory side of such a cache: entries with an expiry, at most `maxEntries` (the oldest dropped first), and
 * a generation bumped on every invalidation so that a lookup that started before one is not stored
 * (`snapshot()` before reading the database, `put(…, generation)` after).
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;
  private readonly maxEntries: number;

  constructor(maxEntries: number) {
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  snapshot(): number {
    return this.generation;
  }

  put(key: string, value: V, until: number, generation: number): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until });
  }

  drop(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  dropWhere(match: (value: V) => boolean): void {
    this.generation++;
    for (const [k, e] of this.entries) if (match(e.value)) this.entries.delete(k);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

export type CachedLookup<V> = {
  /** From memory while listening, else (and on a miss) from `load`; misses found are stored unless invalidated meanwhile. */
  get(key: string): Promise<V | undefined>;
  /** In memory now (and listening)? */
  has(key: string): boolean;
  readonly listening: boolean;
  readonly cache: NotifiedCache<V>;
  close(): Promise<void>;
};

export type CachedLookupOptions<V> = {
  /** Without it nothing is cached: every lookup loads. */
  databaseUrl: string | undefined;
  channel: string;
  applicationName: string;
  maxEntries: number;
  /** The value and until when it may be served from memory (ms since the epoch); undefined when there is none. */
  load(key: string): Promise<{ value: V; until: number } | undefined>;
  /** Drop what the payload names (or everything). */
  onNotification(payload: string, cache: NotifiedCache<V>): void;
  /** Caches of this process that local changes drop entries from at once; this one joins while it may cache. */
  live?: Set<NotifiedCache<V>>;
};

/** A lookup cached in memory only while LISTENing, emptied whenever it (re)starts or stops listening. */
export function cachedLookup<V>(o: CachedLookupOptions<V>): CachedLookup<V> {
  const cache = new NotifiedCache<V>(o.maxEntries);
  const listener = o.databaseUrl
    ? listenOnChannel({
        databaseUrl: o.databaseUrl,
        channel: o.channel,
        applicationName: o.applicationName,
        onNotification: (p) => o.onNotification(p, cache),
        // Anything stored before we listened (or while we did not) may have missed a notification.
        onListening: () => cache.clear(),
        onLost: () => cache.clear(),
      })
    : undefined;
  if (listener) o.live?.add(cache);
  const listening = () => listener?.listening ?? false;
  return {
    cache,
    get listening() {
      return listening();
    },
    has: (key) => listening() && cache.get(key, Date.now()) !== undefined,
    async get(key) {
      if (!listening()) return (await o.load(key))?.value;
      const hit = cache.get(key, Date.now());
      if (hit !== undefined) return hit;
      const generation = cache.snapshot();
      const found = await o.load(key);
      if (found && listening()) cache.put(key, found.value, found.until, generation);
      return found?.value;
    },
    async close() {
      o.live?.delete(cache);
      await listener?.close();
      cache.clear();
    },
  };
}
