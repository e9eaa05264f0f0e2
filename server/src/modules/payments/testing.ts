/**
 * Test harness for the results routes (decision PDF, tracking) and the payments module: the shared test app plus,
 * until they are wired into app.ts and migrate.ts, the payment_order table and these routes on the same private
 * database (sessions live in the database, so a cookie from one app works on the other). Once wired, the shared
 * app is used as it is.
 */
import { sql } from 'kysely';
import { createHttpServer, type App } from '../../platform/http/server.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import type { ExpressProvider } from '../../platform/express/index.ts';
import { expressSimulator } from '../../platform/express/index.ts';
import { identityRoutes, resolveSession } from '../identity/index.ts';
import { caseResultsRoutes, findCaseInScope } from '../cases/routes.results.ts';
import { paymentsMigrations } from './migrations.ts';
import { paymentsRoutes } from './routes.ts';
import { paymentProviders, paymentSimulator, type PaymentProvider } from './adapters/index.ts';

export async function createResultsTestApp(opts: { express?: ExpressProvider; payment?: PaymentProvider } = {}): Promise<TestApp & { api: App }> {
  const t = await createTestApp('tongban_demo');
  const migrated = await sql<{ r: string | null }>`select to_regclass('public.payment_order')::text as r`.execute(t.db);
  if (!migrated.rows[0]?.r) for (const m of Object.values(paymentsMigrations)) await m.up(t.db);
  const wired = ['/api/v1/cases/:id/decision.pdf', '/api/v1/payments/callback/:provider'].every((u) => t.routes.some((r) => r.url === u));
  if (wired && !opts.express && !opts.payment) return { ...t, api: t.app };
  const { app } = await createHttpServer({ logLevel: 'silent', logger: false, resolveSession: (token) => resolveSession(t.db, token) });
  identityRoutes(app, { db: t.db, cookieSecure: false });
  caseResultsRoutes(app, { db: t.db, express: opts.express ?? expressSimulator });
  await paymentsRoutes(app, { db: t.db, findCase: findCaseInScope, providers: paymentProviders(opts.payment ?? paymentSimulator) });
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
