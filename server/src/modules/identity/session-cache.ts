/**
 * Session lookups without a database round trip per request (ADR 0006).
 *
 * Each server instance keeps resolved sessions in memory for at most SESSION_CACHE_TTL_MS. The cache is only
 * used while the instance LISTENs on the `tongban_auth` channel: triggers (identity migration
 * `…_identity_auth_notify`) NOTIFY on every change that can revoke or alter a session — a session deleted or
 * updated, an account updated or deleted, a role granted or taken — so no code path can forget to invalidate.
 * Notifications arrive at commit; a lookup that raced with one is not stored (generation check). While the
 * listening connection is down the cache is emptied and bypassed until it is back. A logout on this instance
 * also drops the entry synchronously, so the very next request with that cookie is refused here at once.
 */
import { hash } from 'node:crypto';
import type { Db } from '../../platform/db/db.ts';
import { cachedLookup, type NotifiedCache } from '../../platform/db/listen.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { lookupSession } from './service.ts';

export const AUTH_CHANNEL = 'tongban_auth';
/** Upper bound on how long a cached session is trusted even without a notification. */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

export type SessionResolver = {
  resolve(token: string): Promise<Actor | undefined>;
  /** True while invalidations are being received (the cache is in use). */
  readonly listening: boolean;
  close(): Promise<void>;
};

// One-shot crypto.hash: no Hash object per request (this runs on every authenticated request).
const sha256 = (s: string) => hash('sha256', s, 'hex');

/** Every live cache of this process, so a logout here drops its session from each at once. */
const liveCaches = new Set<NotifiedCache<Actor>>();

/** Drop a session from this process's caches now (the NOTIFY does the same for every instance, a moment later). */
export function forgetSessionLocally(sessionId: string): void {
  for (const c of liveCaches) c.dropWhere((a) => a.sessionId === sessionId);
}

/**
 * The request-time session resolver. Without `databaseUrl` (nothing to LISTEN with) every request asks the
 * database, as before.
 */
export function createSessionResolver(db: Db, databaseUrl: string | undefined): SessionResolver {
  const lookup = cachedLookup<Actor>({
    databaseUrl,
    channel: AUTH_CHANNEL,
    applicationName: 'tongban-auth-listen',
    maxEntries: MAX_ENTRIES,
    load: async (tokenHash) => {
      const found = await lookupSession(db, tokenHash);
      return found && { value: found.actor, until: Math.min(Date.now() + SESSION_CACHE_TTL_MS, found.expiresAt.getTime()) };
    },
    onNotification: (p, cache) => {
      const id = p.slice(2);
      if (p.startsWith('s:')) cache.dropWhere((a) => a.sessionId === id);
      else if (p.startsWith('a:')) cache.dropWhere((a) => a.id === id || a.agent?.id === id);
      else cache.clear();
    },
    live: liveCaches,
  });
  return {
    get listening() {
      return lookup.listening;
    },
    async resolve(token) {
      if (token.length > 100) return undefined;
      return lookup.get(sha256(token));
    },
    close: lookup.close,
  };
}
