/**
 * Composition root: builds the HTTP server and plugs every module in. Nothing here holds state between
 * requests, so any number of copies can run behind a load balancer on one database.
 */
import { sql } from 'kysely';
import { createHttpServer, type App, type RegisteredRoute } from './platform/http/server.ts';
import type { Db } from './platform/db/db.ts';
import { pendingMigrations } from './platform/db/migrate.ts';
import { fileRoutes } from './platform/files/routes.ts';
import type { FileStore } from './platform/files/file-store.ts';
import { chainAuditEvents, verifyAuditChain } from './platform/audit/index.ts';
import { calendarRoutes, createCalendarStore, type CalendarStore } from './platform/calendar/index.ts';
import { HttpErrors } from './platform/http/errors.ts';
import { Type } from 'typebox';
import { identityRoutes, createSessionResolver, oidcRoutes, accountRoutes } from './modules/identity/index.ts';
import { catalogRoutes, findItemVersion } from './modules/catalog/index.ts';
import { personRecord, sharingUseRoutes } from './modules/sharing/index.ts';
import { casesRoutes, canReadFileThroughCase, caseResultsRoutes, casePaperworkRoutes, findCaseInScope } from './modules/cases/index.ts';
import { paymentsRoutes } from './modules/payments/index.ts';
import { expressProviderFromEnv, type ExpressProvider } from './platform/express/index.ts';
import { supervisionRoutes } from './modules/supervision/index.ts';
import { deliverOnce, notifyAdaptersFromEnv, notifyRoutes, type SmsSender } from './modules/notify/index.ts';
import { bundlesRoutes, bundleCasesRoutes } from './modules/bundles/index.ts';
import { windowRoutes } from './modules/window/index.ts';
import { hotlineRoutes } from './modules/hotline/index.ts';
import { licensesRoutes, materialLicensePort } from './modules/licenses/index.ts';
import { registerRoutes } from './modules/sharing/index.ts';
import { sharingExchangeRoutes } from './modules/sharing/index.ts';
import { createJwsKeys, jwksRoute, keyVaultFromEnv, type KeyVault } from './platform/crypto/index.ts';
import { loadConfig } from './platform/config.ts';

export type AppDeps = {
  db: Db;
  store: FileStore;
  logLevel?: string;
  logger?: boolean;
  cookieSecure?: boolean;
  webDir?: string;
  maxUploadBytes?: number;
  /** The working-day calendar in force (from the work_calendar table); a fresh store is made when omitted. */
  calendarStore?: CalendarStore;
  /** Courier for results sent by express; EXPRESS_PROVIDER (default: the express simulator) when omitted. */
  express?: ExpressProvider;
  /** The database URL, to LISTEN for session changes; without it sessions are looked up on every request. */
  databaseUrl?: string;
  /** SMS for the hotline's one-time lists and the portal's base URL for its link; from the environment when omitted. */
  sms?: SmsSender;
  publicUrl?: string;
  /** Seals private keys at rest (license seals); from MASTER_KEY or the data directory's key file when omitted. */
  vault?: KeyVault;
};

export async function buildApp(deps: AppDeps): Promise<{ app: App; routes: RegisteredRoute[] }> {
  const sessions = createSessionResolver(deps.db, deps.databaseUrl);
  const { app, routes } = await createHttpServer({
    logLevel: deps.logLevel ?? 'info',
    logger: deps.logger,
    resolveSession: sessions.resolve,
    webDir: deps.webDir,
    maxUploadBytes: deps.maxUploadBytes,
  });
  app.addHook('onClose', () => sessions.close());
  const calendarStore = deps.calendarStore ?? createCalendarStore(deps.db);
  if (!deps.calendarStore) await calendarStore.refresh();
  const calendar = () => calendarStore.current();

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      const pending = await pendingMigrations(deps.db);
      if (pending.length) return reply.status(503).send({ status: 'migrating', pending });
      return { status: 'ready' };
    } catch {
      throw HttpErrors.UNAVAILABLE({ reason: 'database unreachable' });
    }
  });

  app.get(
    '/api/v1/admin/audit/verify',
    {
      config: { access: 'audit:verify' },
      schema: {
        tags: ['admin'],
        summary: 'Chain pending audit events, then verify the hash chain end to end',
        response: { 200: Type.Object({ ok: Type.Boolean(), count: Type.Integer(), pending: Type.Integer(), brokenAt: Type.Optional(Type.Integer()), reason: Type.Optional(Type.String()) }) },
      },
    },
    async () => {
      await chainAuditEvents(deps.db);
      return verifyAuditChain(deps.db);
    },
  );

  calendarRoutes(app, { db: deps.db, store: calendarStore });
  const notifyEnv = deps.sms ? undefined : notifyAdaptersFromEnv();
  const vault = deps.vault ?? keyVaultFromEnv(loadConfig().dataDir);
  const sms = deps.sms ?? notifyEnv!.sms;
  identityRoutes(app, {
    db: deps.db,
    cookieSecure: deps.cookieSecure ?? false,
    sms: {
      db: deps.db,
      codeKey: vault.derive('sms-codes'),
      sendSms: async (to, text, eventId) => void (await deliverOnce(deps.db, sms, { eventId, channel: 'sms', accountId: null, recipient: to, subject: null, body: text })),
      // Real-name L2: the name and resident ID agree with the population register (数据共享).
      registerCheck: async (name, residentId) => (await personRecord(deps.db, residentId))?.name === name,
    },
  });
  accountRoutes(app, { db: deps.db });
  await catalogRoutes(app, { db: deps.db, store: deps.store });
  const express = deps.express ?? expressProviderFromEnv();
  casesRoutes(app, { db: deps.db, calendar, express, licenses: materialLicensePort });
  caseResultsRoutes(app, { db: deps.db, express });
  casePaperworkRoutes(app, { db: deps.db, store: deps.store, publicUrl: deps.publicUrl });
  await paymentsRoutes(app, { db: deps.db, findCase: findCaseInScope });
  supervisionRoutes(app, { db: deps.db });
  notifyRoutes(app, { db: deps.db });
  bundlesRoutes(app, { db: deps.db });
  bundleCasesRoutes(app, { db: deps.db, calendar, express });
  windowRoutes(app, { db: deps.db, calendar, licenses: materialLicensePort });
  sharingUseRoutes(app, { db: deps.db, findCase: async (db, actor, id) => { const c = await findCaseInScope(db, actor, id); const doc = c && (await findItemVersion(db, c.item_version_id)); return c && doc ? { id: c.id, applicantId: c.applicant_id, form: c.form, document: doc } : undefined; } });
  const jws = createJwsKeys(deps.db, vault);
  jwksRoute(app, { keys: jws });
  // The OIDC issuer is PUBLIC_URL/oidc; without PUBLIC_URL, this host on the configured port (development).
  oidcRoutes(app, { db: deps.db, vault, jws, publicUrl: deps.publicUrl ?? notifyEnv?.publicUrl ?? `http://localhost:${loadConfig().port}` });
  licensesRoutes(app, { db: deps.db, vault, jws, databaseUrl: deps.databaseUrl, publicUrl: deps.publicUrl ?? notifyEnv?.publicUrl });
  registerRoutes(app, { db: deps.db });
  sharingExchangeRoutes(app, { db: deps.db, calendar, databaseUrl: deps.databaseUrl });
  hotlineRoutes(app, { db: deps.db, sms, publicUrl: deps.publicUrl ?? notifyEnv?.publicUrl });
  fileRoutes(app, {
    db: deps.db,
    store: deps.store,
    maxBytes: deps.maxUploadBytes ?? 20 * 1024 * 1024,
    accessChecks: [(actor, fileId) => canReadFileThroughCase(deps.db, actor, fileId)],
  });
  await app.ready();
  return { app, routes };
}
