/**
 * Test harness for the notify module: the shared test app plus, until the module is wired into app.ts and
 * migrate.ts, its tables and routes on the same private database (sessions live in the database, so a
 * cookie from one app works on the other). Once wired, the shared app is used as it is.
 */
import { sql } from 'kysely';
import { createHttpServer, type App } from '../../platform/http/server.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { identityRoutes, resolveSession } from '../identity/index.ts';
import { notifyMigrations } from './migrations.ts';
import { notifyRoutes } from './routes.ts';

export async function createNotifyTestApp(): Promise<TestApp & { api: App }> {
  const t = await createTestApp('tongban_demo');
  const migrated = await sql<{ r: string | null }>`select to_regclass('public.notification')::text as r`.execute(t.db);
  if (!migrated.rows[0]?.r) for (const m of Object.values(notifyMigrations)) await m.up(t.db);
  if (t.routes.some((r) => r.url === '/api/v1/me/notifications')) return { ...t, api: t.app };
  const { app } = await createHttpServer({ logLevel: 'silent', logger: false, resolveSession: (token) => resolveSession(t.db, token) });
  identityRoutes(app, { db: t.db, cookieSecure: false });
  notifyRoutes(app, { db: t.db });
  await app.ready();
  return {
    ...t,
    api: app,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
