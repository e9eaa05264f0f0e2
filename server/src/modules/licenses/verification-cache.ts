/**
 * The register rows public verification needs, kept in memory per reference (the pattern of the session cache,
 * ADR 0006): a verification is then no database round trip at all.
 *
 * The cache is only used while this instance LISTENs on `tongban_licenses`: triggers (migration
 * `202611231200_licenses_verify_notify`) NOTIFY at commit on every change of a license row (`r:<ref>`) and of a
 * seal key (`*`), whatever code or hand-written SQL makes it. A lookup that raced with a notification is not stored
 * (generation check). A lifecycle action on this instance also drops the entry synchronously
 * (`forgetLicenseLocally`), so the very next verification here sees it; other instances see it as soon as the
 * notification arrives. While the listening connection is down the cache is emptied and bypassed. Entries also age
 * out after LICENSE_CACHE_TTL_MS, and there are at most MAX_ENTRIES of them (oldest dropped first).
 *
 * Unknown references are never stored (no negative cache): a flood of made-up references cannot fill the cache or
 * push real entries out; each costs one indexed lookup that finds nothing.
 */
import pg from 'pg';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { LicensesTables } from './tables.ts';

export const LICENSES_CHANNEL = 'tongban_licenses';
export const LICENSE_CACHE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;
const RECONNECT_MS = 1_000;

/** A license row as verification reads it, with the public key of the seal key that signed it. */
export type VerifiableRow = Selectable<LicensesTables['license']> & { face: Record<string, string>; public_key_hex: string };

type Entry = { row: VerifiableRow; until: number };

export type LicenseRowCache = {
  /** The row for `ref`, from memory when possible; undefined when no license has this reference. */
  get(ref: string): Promise<VerifiableRow | undefined>;
  /** Is `ref` in memory now (for the `x-cache` header; benchmarks tell hits from database reads)? */
  has(ref: string): boolean;
  /** Drop `ref` here now (a lifecycle action on this instance). */
  forget(ref: string): void;
  readonly listening: boolean;
  readonly size: number;
  close(): Promise<void>;
};

/** Every live cache of this process, so a lifecycle action here drops its entry from each at once. */
const liveCaches = new Set<RowCacheImpl>();

export function forgetLicenseLocally(ref: string): void {
  for (const c of liveCaches) c.invalidate(ref);
}

export async function loadVerifiableRow(db: Db, ref: string): Promise<VerifiableRow | undefined> {
  return (await db
    .selectFrom('license')
    .innerJoin('seal_key', 'seal_key.id', 'license.seal_key_id')
    .selectAll('license')
    .select('seal_key.public_key_hex')
    .where('license.ref', '=', ref)
    .executeTakeFirst()) as VerifiableRow | undefined;
}

class RowCacheImpl {
  readonly entries = new Map<string, Entry>();
  private generation = 0;

  get(ref: string, now: number): VerifiableRow | undefined {
    const e = this.entries.get(ref);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(ref);
      return undefined;
    }
    return e.row;
  }

  snapshot(): number {
    return this.generation;
  }

  put(ref: string, row: VerifiableRow, until: number, generation: number): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(ref, { row, until });
  }

  invalidate(ref: string | 'all'): void {
    this.generation++;
    if (ref === 'all') this.entries.clear();
    else this.entries.delete(ref);
  }
}

/** Without `databaseUrl` (nothing to LISTEN with) every lookup asks the database. */
export function createLicenseRowCache(db: Db, databaseUrl: string | undefined): LicenseRowCache {
  const cache = new RowCacheImpl();
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const onNotification = (msg: pg.Notification) => {
    const p = msg.payload ?? '';
    cache.invalidate(p.startsWith('r:') ? p.slice(2) : 'all');
  };

  const lost = () => {
    listening = false;
    cache.invalidate('all');
    const c = client;
    client = undefined;
    c?.removeAllListeners('notification');
    void c?.end().catch(() => undefined);
    if (!closed && !retry) retry = setTimeout(() => ((retry = undefined), void listen()), RECONNECT_MS);
  };

  async function listen(): Promise<void> {
    if (closed || !databaseUrl) return;
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'tongban-licenses-listen' });
    client = c;
    c.on('error', lost);
    c.on('end', () => (client === c ? lost() : undefined));
    c.on('notification', onNotification);
    try {
      await c.connect();
      await c.query(`listen ${LICENSES_CHANNEL}`);
      if (closed || client !== c) return void c.end().catch(() => undefined);
      cache.invalidate('all'); // anything stored before we listened may have missed a notification
      listening = true;
    } catch {
      if (client === c) lost();
    }
  }

  if (databaseUrl) {
    liveCaches.add(cache);
    void listen();
  }

  return {
    get listening() {
      return listening;
    },
    get size() {
      return cache.entries.size;
    },
    async get(ref) {
      if (!listening) return loadVerifiableRow(db, ref);
      const now = Date.now();
      const hit = cache.get(ref, now);
      if (hit) return hit;
      const generation = cache.snapshot();
      const row = await loadVerifiableRow(db, ref);
      if (row && listening) cache.put(ref, row, now + LICENSE_CACHE_TTL_MS, generation);
      return row;
    },
    has(ref) {
      return listening && cache.get(ref, Date.now()) !== undefined;
    },
    forget(ref) {
      cache.invalidate(ref);
    },
    async close() {
      closed = true;
      listening = false;
      liveCaches.delete(cache);
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      cache.invalidate('all');
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    },
  };
}
