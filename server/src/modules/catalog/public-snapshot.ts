/**
 * This process's snapshot of the published catalog's public answers (ADR 0005).
 *
 * - `items`: every published item's guide JSON (`service_item.public_json`), gzip-compressed with an ETag, keyed
 *   by implementation code. Loaded in the background once the listener below is up, kept current item by item.
 * - `answers`: search pages and indicators, produced on first request and kept until the catalog next changes.
 *
 * Both are valid only as long as this process hears about changes. A trigger on `service_item` (migration
 * `catalog_changed_notify`) sends `NOTIFY catalog_changed, '<implCode>'` for every change that can alter a public
 * answer; PostgreSQL delivers it at commit to every process LISTENing on the database. On a notification the item
 * is dropped and re-read in the background, and every search answer is dropped (any item can appear in any
 * search). While the listening connection is down — not yet connected, lost, reconnecting — both stores are
 * bypassed and empty; a (re)connection flushes everything and reloads, since notifications sent while it was
 * down are lost.
 */
import pg from 'pg';
import type { Db } from '../../platform/db/db.ts';
import { poolOf } from '../../platform/db/db.ts';
import { createResponseCache, type ResponseCache, type ResponseCacheStats } from '../../platform/http/response-cache.ts';

export const CATALOG_CHANNEL = 'catalog_changed';
/** Payload meaning "anything may have changed". */
export const CATALOG_CHANGED_ALL = '*';

/** Items read per query when (re)loading; small enough that compressing one batch blocks the event loop briefly. */
const LOAD_BATCH = 200;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

export type SnapshotOptions = {
  /** Compressed bytes for item guides (15,000 items take about … MB, see ADR 0005). */
  itemBytes: number;
  /** Compressed bytes for search pages and indicators. */
  answerBytes: number;
  log?: { warn(obj: object, msg: string): void };
};

export type PublicSnapshot = {
  items: ResponseCache;
  answers: ResponseCache;
  /** A change this process just committed: apply it now rather than when its own notification comes back. */
  changed(implCode: string): void;
  /** Resolves once listening and the first full load is done (tests, diagnostics). */
  ready(): Promise<void>;
  stats(): { listening: boolean; loaded: boolean; items: ResponseCacheStats; answers: ResponseCacheStats };
  close(): Promise<void>;
};

export function createPublicSnapshot(db: Db, opts: SnapshotOptions): PublicSnapshot {
  const items = createResponseCache({ maxBytes: opts.itemBytes });
  const answers = createResponseCache({ maxBytes: opts.answerBytes });
  items.setUsable(false);
  answers.setUsable(false);
  const pending = new Set<string>();
  let client: pg.Client | undefined;
  let closed = false;
  let listening = false;
  let loaded = false;
  let epoch = 0;
  let backoff = RECONNECT_MIN_MS;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let refreshing: Promise<void> | undefined;
  let loading: Promise<void> | undefined;
  let readyResolve!: () => void;
  const readyPromise = new Promise<void>((r) => (readyResolve = r));

  const onChange = (code: string) => {
    answers.clear();
    if (code === CATALOG_CHANGED_ALL) {
      items.clear();
      startLoad();
      return;
    }
    items.invalidate(code);
    pending.add(code);
    refreshing ??= refreshPending().finally(() => (refreshing = undefined));
  };

  /** Store the published guides of `rows`, read after invalidation number `since`. */
  const putRows = (rows: Array<{ impl_code: string; public_json: string | null }>, since: number) => {
    for (const r of rows) if (r.public_json) items.put(r.impl_code, r.public_json, since);
  };

  /** Re-read changed items, a batch at a time, until none is pending. */
  const refreshPending = async () => {
    while (pending.size && listening && !closed) {
      await new Promise((r) => setImmediate(r));
      const codes = [...pending].slice(0, LOAD_BATCH);
      for (const c of codes) pending.delete(c);
      const since = items.seq();
      try {
        const rows = await db.selectFrom('service_item').select(['impl_code', 'public_json']).where('impl_code', 'in', codes).where('status', '=', 'published').execute();
        putRows(rows, since);
      } catch (err) {
        // Not fatal: those items are read on their next request.
        opts.log?.warn({ err }, 'catalog snapshot: could not re-read changed items');
      }
    }
  };

  /** Load every published guide (keyset pages by code) while the connection of `myEpoch` is still the one listening. */
  const fullLoad = async (myEpoch: number) => {
    let last = '';
    for (;;) {
      if (closed || myEpoch !== epoch || !listening) return;
      if (items.stats().bytes > opts.itemBytes * 0.9) break; // the rest is read on demand (least recently used out)
      const since = items.seq();
      const rows = await db
        .selectFrom('service_item')
        .select(['impl_code', 'public_json'])
        .where('status', '=', 'published')
        .where('impl_code', '>', last)
        .orderBy('impl_code')
        .limit(LOAD_BATCH)
        .execute();
      if (!rows.length) break;
      putRows(rows, since);
      last = rows[rows.length - 1]!.impl_code;
      await new Promise((r) => setImmediate(r));
    }
    if (myEpoch === epoch && listening) {
      loaded = true;
      readyResolve();
    }
  };

  const startLoad = () => {
    const run = fullLoad(epoch).catch((err) => opts.log?.warn({ err }, 'catalog snapshot: loading failed; items are read on demand'));
    loading = Promise.all([loading, run]).then(() => undefined);
  };

  const lost = (c: pg.Client, err?: unknown) => {
    if (c !== client) return;
    client = undefined;
    listening = false;
    loaded = false;
    epoch++;
    items.setUsable(false);
    answers.setUsable(false);
    pending.clear();
    c.removeAllListeners();
    c.on('error', () => undefined);
    void c.end().catch(() => undefined);
    if (closed) return;
    if (err) opts.log?.warn({ err }, `catalog snapshot: listener lost, serving from the database until it is back`);
    reconnectTimer = setTimeout(connect, backoff);
    backoff = Math.min(RECONNECT_MAX_MS, backoff * 2);
  };

  const connect = async () => {
    reconnectTimer = undefined;
    const pool = poolOf(db);
    if (!pool || closed) {
      if (!pool) opts.log?.warn({}, 'catalog snapshot: no pool to listen with; public answers are not cached');
      readyResolve();
      return;
    }
    const c = new pg.Client({ ...pool.options, application_name: 'tongban-catalog-listener' } as pg.ClientConfig);
    client = c;
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c, new Error('connection ended')));
    c.on('notification', (msg) => {
      if (msg.channel === CATALOG_CHANNEL && c === client) onChange(msg.payload ?? CATALOG_CHANGED_ALL);
    });
    try {
      await c.connect();
      await c.query(`listen ${CATALOG_CHANNEL}`);
    } catch (err) {
      lost(c, err);
      return;
    }
    if (c !== client || closed) return;
    backoff = RECONNECT_MIN_MS;
    listening = true;
    epoch++;
    // Whatever changed while nobody listened is unknown: start from empty stores.
    items.setUsable(true);
    answers.setUsable(true);
    startLoad();
  };

  void connect();

  return {
    items,
    answers,
    changed: (code) => {
      if (listening) onChange(code);
    },
    ready: () => readyPromise,
    stats: () => ({ listening, loaded, items: items.stats(), answers: answers.stats() }),
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const c = client;
      client = undefined;
      listening = false;
      items.setUsable(false);
      answers.setUsable(false);
      readyResolve();
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
      await Promise.all([refreshing, loading]);
    },
  };
}
