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
import pg from 'pg';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { lookupSession } from './service.ts';

export const AUTH_CHANNEL = 'tongban_auth';
/** Upper bound on how long a cached session is trusted even without a notification. */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
const RECONNECT_MS = 1_000;

type Entry = { actor: Actor; until: number };

export type SessionResolver = {
  resolve(token: string): Promise<Actor | undefined>;
  /** True while invalidations are being received (the cache is in use). */
  readonly listening: boolean;
  close(): Promise<void>;
};

// One-shot crypto.hash: no Hash object per request (this runs on every authenticated request).
const sha256 = (s: string) => hash('sha256', s, 'hex');

/** Every live cache of this process, so a logout here drops its session from each at once. */
const liveCaches = new Set<SessionCacheImpl>();

/** Drop a session from this process's caches now (the NOTIFY does the same for every instance, a moment later). */
export function forgetSessionLocally(sessionId: string): void {
  for (const c of liveCaches) c.invalidate({ sessionId });
}

class SessionCacheImpl {
  private entries = new Map<string, Entry>();
  /** Bumped on every invalidation: a lookup that started before one is not stored. */
  private generation = 0;

  get size(): number {
    return this.entries.size;
  }

  get(tokenHash: string, now: number): Actor | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e.actor;
  }

  snapshot(): number {
    return this.generation;
  }

  put(tokenHash: string, actor: Actor, until: number, generation: number): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { actor, until });
  }

  invalidate(what: { sessionId?: string; accountId?: string } | 'all'): void {
    this.generation++;
    if (what === 'all') {
      this.entries.clear();
      return;
    }
    for (const [k, e] of this.entries) {
      if (e.actor.sessionId === what.sessionId || e.actor.id === what.accountId) this.entries.delete(k);
    }
  }
}

/**
 * The request-time session resolver. Without `databaseUrl` (nothing to LISTEN with) every request asks the
 * database, as before.
 */
export function createSessionResolver(db: Db, databaseUrl: string | undefined): SessionResolver {
  const cache = new SessionCacheImpl();
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const onNotification = (msg: pg.Notification) => {
    const p = msg.payload ?? '';
    if (p.startsWith('s:')) cache.invalidate({ sessionId: p.slice(2) });
    else if (p.startsWith('a:')) cache.invalidate({ accountId: p.slice(2) });
    else cache.invalidate('all');
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
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'tongban-auth-listen' });
    client = c;
    c.on('error', lost);
    c.on('end', () => (client === c ? lost() : undefined));
    c.on('notification', onNotification);
    try {
      await c.connect();
      await c.query(`listen ${AUTH_CHANNEL}`);
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
    async resolve(token) {
      if (token.length > 100) return undefined;
      const tokenHash = sha256(token);
      if (!listening) return (await lookupSession(db, tokenHash))?.actor;
      const now = Date.now();
      const hit = cache.get(tokenHash, now);
      if (hit) return hit;
      const generation = cache.snapshot();
      const found = await lookupSession(db, tokenHash);
      if (!found) return undefined;
      if (listening) cache.put(tokenHash, found.actor, Math.min(now + SESSION_CACHE_TTL_MS, found.expiresAt.getTime()), generation);
      return found.actor;
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
