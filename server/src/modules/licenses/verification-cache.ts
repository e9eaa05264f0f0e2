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
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { cachedLookup, type NotifiedCache } from '../../platform/db/listen.ts';
import { PREPARE_MARK } from '../../platform/db/prepared.ts';
import type { LicensesTables } from './tables.ts';

export const LICENSES_CHANNEL = 'tongban_licenses';
export const LICENSE_CACHE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;

/** A license row as verification reads it, with the public key of the seal key that signed it. */
export type VerifiableRow = Selectable<LicensesTables['license']> & { face: Record<string, string>; public_key_hex: string };

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
const liveCaches = new Set<NotifiedCache<VerifiableRow>>();

export function forgetLicenseLocally(ref: string): void {
  for (const c of liveCaches) c.drop(ref);
}

export async function loadVerifiableRow(db: Db, ref: string): Promise<VerifiableRow | undefined> {
  return (await db
    .selectFrom('license')
    .innerJoin('seal_key', 'seal_key.id', 'license.seal_key_id')
    .selectAll('license')
    .select('seal_key.public_key_hex')
    .where('license.ref', '=', ref)
    .modifyFront(sql.raw(PREPARE_MARK)) // fixed text: planned once per connection (ADR 0006)
    .executeTakeFirst()) as VerifiableRow | undefined;
}

/** Without `databaseUrl` (nothing to LISTEN with) every lookup asks the database. */
export function createLicenseRowCache(db: Db, databaseUrl: string | undefined): LicenseRowCache {
  const lookup = cachedLookup<VerifiableRow>({
    databaseUrl,
    channel: LICENSES_CHANNEL,
    applicationName: 'tongban-licenses-listen',
    maxEntries: MAX_ENTRIES,
    load: async (ref) => {
      const row = await loadVerifiableRow(db, ref);
      return row && { value: row, until: Date.now() + LICENSE_CACHE_TTL_MS };
    },
    onNotification: (p, cache) => (p.startsWith('r:') ? cache.drop(p.slice(2)) : cache.clear()),
    live: liveCaches,
  });
  return {
    get listening() {
      return lookup.listening;
    },
    get size() {
      return lookup.cache.size;
    },
    get: lookup.get,
    has: lookup.has,
    forget: (ref) => lookup.cache.drop(ref),
    close: lookup.close,
  };
}
