import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { localFileStore } from '../../platform/files/file-store.ts';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.ts';
import type { App } from '../../platform/http/server.ts';
import { createSessionResolver } from './session-cache.ts';

let t: TestApp;
/** A second server instance on the same database, with its own session cache. */
let other: App;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  other = (await buildApp({ db: t.db, databaseUrl: t.url, store: localFileStore(inject('filesDir')), logger: false })).app;
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const me = (app: App, cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const queue = (app: App, cookie: string) => app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=1', headers: { cookie } });

/** Poll until `check` holds (notifications arrive at commit, a moment later on another instance). */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('session cache', () => {
  it('listens for invalidations when it has a database URL, and does not cache without one', async () => {
    const withUrl = createSessionResolver(t.db, t.url);
    const without = createSessionResolver(t.db, undefined);
    try {
      expect(await eventually(async () => withUrl.listening)).toBe(true);
      expect(without.listening).toBe(false);
    } finally {
      await withUrl.close();
      await without.close();
    }
  });

  it('refuses a logged-out session on the very next request, on this instance at once and on another shortly', async () => {
    const s = await loginAs(t.app, 'citizen');
    // Warm both caches.
    expect((await me(t.app, s.cookie)).statusCode).toBe(200);
    expect((await me(other, s.cookie)).statusCode).toBe(200);
    expect((await me(other, s.cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect((await me(t.app, s.cookie)).statusCode).toBe(401);
    expect(await eventually(async () => (await me(other, s.cookie)).statusCode === 401)).toBe(true);
  });

  it('sees a role taken away and an account disabled, whatever code or SQL made the change', async () => {
    const s = await loginAs(t.app, 'clerk');
    expect((await queue(t.app, s.cookie)).statusCode).toBe(200);
    expect((await queue(other, s.cookie)).statusCode).toBe(200);
    const account = await t.db.selectFrom('account').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow();
    const roles = await t.db.selectFrom('account_role').selectAll().where('account_id', '=', account.id).execute();
    await t.db.deleteFrom('account_role').where('account_id', '=', account.id).execute();
    try {
      for (const app of [t.app, other]) expect(await eventually(async () => (await queue(app, s.cookie)).statusCode === 403)).toBe(true);
    } finally {
      await t.db.insertInto('account_role').values(roles).execute();
    }
    for (const app of [t.app, other]) expect(await eventually(async () => (await queue(app, s.cookie)).statusCode === 200)).toBe(true);
    await t.db.updateTable('account').set({ status: 'disabled' }).where('id', '=', account.id).execute();
    try {
      for (const app of [t.app, other]) expect(await eventually(async () => (await queue(app, s.cookie)).statusCode === 401)).toBe(true);
    } finally {
      await t.db.updateTable('account').set({ status: 'active' }).where('id', '=', account.id).execute();
    }
  });

  it('never serves an expired session from the cache', async () => {
    const s = await loginAs(t.app, 'citizen');
    expect((await me(t.app, s.cookie)).statusCode).toBe(200);
    const token = decodeURIComponent(/tb_session=([^;]+)/.exec(s.cookie)![1]!);
    await t.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', createHash('sha256').update(token).digest('hex')).execute();
    expect(await eventually(async () => (await me(t.app, s.cookie)).statusCode === 401)).toBe(true);
  });

  it('falls back to the database while its listening connection is lost, and listens again', async () => {
    const r = createSessionResolver(t.db, t.url);
    try {
      expect(await eventually(async () => r.listening)).toBe(true);
      const s = await loginAs(t.app, 'citizen');
      const token = decodeURIComponent(/tb_session=([^;]+)/.exec(s.cookie)![1]!);
      expect((await r.resolve(token))?.username).toBe('citizen');
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tongban-auth-listen' and datname = current_database()`.execute(t.db);
      expect(await eventually(async () => !r.listening)).toBe(true);
      // Meanwhile a logout elsewhere is seen at once: nothing is served from the cache.
      await t.db.deleteFrom('session').where('token_hash', '=', createHash('sha256').update(token).digest('hex')).execute();
      expect(await r.resolve(token)).toBeUndefined();
      expect(await eventually(async () => r.listening)).toBe(true);
    } finally {
      await r.close();
    }
  });
});
