/**
 * This process's snapshot of the published catalog's public answers (ADR 0005).
 *
 * - `items`: every published item's guide JSON (`service_item.public_json`), gzip-compressed with an ETag, keyed
 *   by implementation code. Loaded in the background once the listener below is up, kept current item by item.
 * - `answers`: search pages and indicators, produced on first request and kept until the catalog next changes.
 * - `search`: the search memo (search.ts): every published item's summary and filter columns, and the ranked
 *   match lists of the query texts asked since the catalog last changed.
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
import { ITEM_KIND_LABELS } from '../../platform/codes/index.ts';
import type { MemoItem, SearchMemo } from './search.ts';

export const CATALOG_CHANNEL = 'catalog_changed';
/** Payload meaning "anything may have changed". */
export const CATALOG_CHANGED_ALL = '*';

/** Items read per query when (re)loading; small enough that compressing one batch blocks the event loop briefly. */
const LOAD_BATCH = 200;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

export type SnapshotOptions = {
  /** Compressed bytes for item guides (15,000 items take about 36 MB, see ADR 0005). */
  itemBytes: number;
  /** Compressed bytes for search pages and indicators. */
  answerBytes: number;
  /** Entries (4 bytes each) of all ranked search lists together. */
  searchListEntries: number;
  log?: { warn(obj: object, msg: string): void };
};

export type PublicSnapshot = {
  items: ResponseCache;
  answers: ResponseCache;
  search: SearchMemo;
  /** A change this process just committed: apply it now rather than when its own notification comes back. */
  changed(implCode: string): void;
  /** Resolves once listening and the first full load is done (tests, diagnostics). */
  ready(): Promise<void>;
  stats(): { listening: boolean; loaded: boolean; items: ResponseCacheStats; answers: ResponseCacheStats; searchItems: number; searchLists: number; searchListEntries: number };
  close(): Promise<void>;
};

type SnapshotRow = {
  id: string;
  impl_code: string;
  org_id: string;
  agency_name: string;
  region_code: string;
  topics: string[];
  service_objects: string[];
  life_events: string[];
  public_json: string | null;
};

/** The search memo's table and lists. Numbers are never reused until everything is dropped. */
function createSearchTable(maxEntries: number) {
  const byId = new Map<string, number>();
  const byCode = new Map<string, number>();
  const rows: Array<MemoItem | undefined> = [];
  const lists = new Map<string, Int32Array>();
  // 15,000 items share ~2,800 agencies and a few hundred topic lists: one object each, not one per item.
  const shared = new Map<string, unknown>();
  const intern = <T>(key: string, make: () => T): T => {
    let v = shared.get(key) as T | undefined;
    if (v === undefined) shared.set(key, (v = make()));
    return v;
  };
  const internList = (xs: string[]) => intern(`l\u0001${xs.join('\u0001')}`, () => xs);
  let entries = 0;
  let seq = 0;
  const clearLists = () => {
    seq++;
    lists.clear();
    entries = 0;
  };
  const memo: SearchMemo = {
    indexOf: (id) => byId.get(id),
    item: (i) => rows[i],
    list(key) {
      const l = lists.get(key);
      if (l) {
        lists.delete(key);
        lists.set(key, l);
      }
      return l;
    },
    putList(key, list, since) {
      if (since !== seq || list.length > maxEntries) return;
      const old = lists.get(key);
      if (old) entries -= old.length;
      lists.delete(key);
      lists.set(key, list);
      entries += list.length;
      for (const [k, l] of lists) {
        if (entries <= maxEntries) break;
        lists.delete(k);
        entries -= l.length;
      }
    },
    seq: () => seq,
  };
  return {
    memo,
    set(r: SnapshotRow, publicJson: string) {
      const d = JSON.parse(publicJson) as MemoItem['summary'];
      let i = byId.get(r.id);
      if (i === undefined) {
        i = rows.push(undefined) - 1;
        byId.set(r.id, i);
      }
      byCode.set(r.impl_code, i);
      const agency = intern(`a\u0001${r.org_id}\u0001${r.agency_name}`, () => ({ id: r.org_id, name: r.agency_name }));
      rows[i] = {
        summary: {
          implCode: d.implCode,
          baseCode: d.baseCode,
          name: d.name,
          kind: d.kind,
          kindLabel: (ITEM_KIND_LABELS as Record<string, string>)[d.kind] ?? d.kind,
          agency,
          regionCode: d.regionCode,
          statutoryDays: d.statutoryDays,
          committedDays: d.committedDays,
          visitsRequired: d.visitsRequired,
          online: d.online,
        },
        regionCode: r.region_code,
        orgId: agency.id,
        topics: internList(r.topics),
        objects: internList(r.service_objects),
        lifeEvents: internList(r.life_events),
      };
    },
    invalidate(code: string) {
      const i = byCode.get(code);
      if (i !== undefined) rows[i] = undefined;
      clearLists();
    },
    clear() {
      byId.clear();
      byCode.clear();
      shared.clear();
      rows.length = 0;
      clearLists();
    },
    stats: () => ({ searchItems: byId.size, searchLists: lists.size, searchListEntries: entries }),
  };
}

export function createPublicSnapshot(db: Db, opts: SnapshotOptions): PublicSnapshot {
  const items = createResponseCache({ maxBytes: opts.itemBytes });
  const answers = createResponseCache({ maxBytes: opts.answerBytes });
  const table = createSearchTable(opts.searchListEntries);
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
      table.clear();
      startLoad();
      return;
    }
    items.invalidate(code);
    table.invalidate(code);
    pending.add(code);
    refreshing ??= refreshPending().finally(() => (refreshing = undefined));
  };

  /** Store the published guides of `rows`, read after invalidation number `since`, and their search entries. */
  const putRows = (rows: SnapshotRow[], since: number) => {
    for (const r of rows) if (r.public_json && items.put(r.impl_code, r.public_json, since)) table.set(r, r.public_json);
  };
  const ROW = ['id', 'impl_code', 'org_id', 'agency_name', 'region_code', 'topics', 'service_objects', 'life_events', 'public_json'] as const;

  /** Re-read changed items, a batch at a time, until none is pending. */
  const refreshPending = async () => {
    while (pending.size && listening && !closed) {
      await new Promise((r) => setImmediate(r));
      const codes = [...pending].slice(0, LOAD_BATCH);
      for (const c of codes) pending.delete(c);
      const since = items.seq();
      try {
        const rows = await db.selectFrom('service_item').select(ROW).where('impl_code', 'in', codes).where('status', '=', 'published').execute();
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
        .select(ROW)
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
    table.clear();
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
    table.clear();
    startLoad();
  };

  void connect();

  return {
    items,
    answers,
    search: table.memo,
    changed: (code) => {
      if (listening) onChange(code);
    },
    ready: () => readyPromise,
    stats: () => ({ listening, loaded, items: items.stats(), answers: answers.stats(), ...table.stats() }),
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const c = client;
      client = undefined;
      listening = false;
      items.setUsable(false);
      answers.setUsable(false);
      table.clear();
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
