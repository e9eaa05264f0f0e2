/**
 * The one entry point: `node server/src/main.ts <command>`
 *   start         migrate, seed the demo world when asked (embedded default), serve API + web app + jobs
 *   migrate       apply pending migrations and exit
 *   seed          load the demo world into the configured database and exit
 *   audit-verify  walk the audit hash chain and report the first broken link (exit 1 when broken)
 *   compile-cache load every module and exit: run with NODE_COMPILE_CACHE set (npm start's prestart does), it
 *                 leaves the type-stripped modules in Node's compile cache, so the server itself never loads the
 *                 TypeScript stripper (~18 MB resident for the life of the process; see docs/adr/0007)
 */
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from './platform/config.ts';
import { openDatabase, type DatabaseRuntime } from './platform/db/runtime.ts';
import { connect, type DbHandle } from './platform/db/db.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { localFileStore } from './platform/files/file-store.ts';
import { chainAuditEvents, verifyAuditChain } from './platform/audit/index.ts';
import { createJobs } from './platform/jobs/jobs.ts';
import { keyVaultFromEnv } from './platform/crypto/index.ts';
import { registerLicenseHandlers } from './modules/licenses/index.ts';
import { registerRegisterHandlers } from './modules/sharing/index.ts';
import { sweepExpiredOidcPayloads } from './modules/identity/index.ts';
import { buildApp } from './app.ts';
import { deemAcceptOverdue } from './modules/cases/index.ts';
import { escalateOverdueRequests } from './modules/sharing/index.ts';
import { backfillPublicJson } from './modules/catalog/index.ts';
import { registerNotifyHandlers, notifyAdaptersFromEnv } from './modules/notify/index.ts';
import { createCalendarStore, ensureBuiltinSchedules } from './platform/calendar/index.ts';
import { seedDemoWorld, isSeeded, DEMO_PASSWORD, type DemoAccount } from './seed/seed.ts';

const log = pino({ level: process.env.LOG_LEVEL || 'info', base: undefined });

async function withDatabase<T>(config: Config, fn: (h: DbHandle, rt: DatabaseRuntime) => Promise<T>): Promise<T> {
  const rt = await openDatabase(config, (line) => log.debug({ pg: line }));
  const h = connect(rt.url);
  try {
    await migrateToLatest(h.db);
    return await fn(h, rt);
  } finally {
    await h.close();
    await rt.stop();
  }
}

function printAccounts(accounts: DemoAccount[], url: string) {
  const lines = [
    '',
    `  Tongban 通办 is running at ${url}`,
    `  API docs: ${url}/docs`,
    '',
    `  Demo accounts (password for all: ${DEMO_PASSWORD})`,
    ...accounts.map((a) => `    ${a.username.padEnd(11)} ${a.role.padEnd(26)} ${a.name}`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function start(config: Config) {
  const rt = await openDatabase(config, (line) => log.debug({ pg: line }));
  const h = connect(rt.url);
  const applied = await migrateToLatest(h.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await ensureBuiltinSchedules(h.db);
  await backfillPublicJson(h.db);
  const calendarStore = createCalendarStore(h.db);
  await calendarStore.start();
  const store = localFileStore(path.join(config.dataDir, 'files'));
  const vault = keyVaultFromEnv(config.dataDir);
  let accounts: DemoAccount[] | undefined;
  if (config.seedDemo) {
    const fresh = !(await isSeeded(h.db));
    if (fresh) log.info('seeding the demo world (first start)…');
    accounts = await seedDemoWorld(h.db, store, vault);
  }
  const { app } = await buildApp({ db: h.db, databaseUrl: h.url, store, vault, calendarStore, logLevel: config.logLevel, cookieSecure: config.cookieSecure, webDir: config.webDir, maxUploadBytes: config.maxUploadBytes });
  const jobs = createJobs(h.db, rt.url, app.log);
  registerNotifyHandlers(jobs, { db: h.db, ...notifyAdaptersFromEnv(), log: app.log });
  registerLicenseHandlers(jobs, { db: h.db, vault });
  registerRegisterHandlers(jobs, { db: h.db, spoolDir: path.join(config.dataDir, 'register-loads') });
  // Link new audit events into the hash chain shortly after they commit (one instance at a time).
  jobs.tick(1000, () => chainAuditEvents(h.db));
  // 行政许可法 art. 32: sweep submissions past their 5-working-day acceptance deadline.
  jobs.every('cases.deemed-acceptance', '*/15 * * * *', async () => {
    const n = await deemAcceptOverdue(h.db, calendarStore.current());
    if (n) app.log.info({ n }, 'cases deemed accepted');
  });
  // OIDC codes, tokens and sessions past their lifetime (reads already ignore them).
  jobs.every('identity.oidc-sweep', '7 * * * *', async () => {
    await sweepExpiredOidcPayloads(h.db);
  });
  // seed 000 §(十) 22: sharing requests past their working-day limit are marked 已超期 and reported to the platform.
  jobs.every('sharing.escalate-overdue', '*/15 * * * *', async () => {
    const n = await escalateOverdueRequests(h.db);
    if (n) app.log.info({ n }, 'sharing requests escalated');
  });
  if (config.runJobs) await jobs.start();

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.log.info({ signal }, 'shutting down: no new requests, finishing in-flight ones');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      await app.close();
      calendarStore.stop();
      await jobs.stop();
      await h.close();
      await rt.stop();
      app.log.info('stopped');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    log.error({ err }, `could not listen on port ${config.port}`);
    await shutdown('listen-failed');
    return;
  }
  const url = `http://localhost:${config.port}`;
  if (accounts) printAccounts(accounts, url);
  else log.info(`Tongban 通办 is running at ${url}`);
}

async function main() {
  const command = process.argv[2] ?? 'start';
  if (command === 'compile-cache') return; // the static imports above were the work
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate':
      return withDatabase(config, async (h) => {
        await ensureBuiltinSchedules(h.db);
        log.info('migrations are current');
      });
    case 'seed':
      return withDatabase(config, async (h) => {
        const accounts = await seedDemoWorld(h.db, localFileStore(path.join(config.dataDir, 'files')), keyVaultFromEnv(config.dataDir));
        log.info({ accounts: accounts.length }, 'demo world loaded');
      });
    case 'audit-verify':
      return withDatabase(config, async (h) => {
        while ((await chainAuditEvents(h.db)) > 0);
        const report = await verifyAuditChain(h.db);
        process.stdout.write(JSON.stringify(report) + '\n');
        if (!report.ok) process.exitCode = 1;
      });
    default:
      process.stderr.write(`Unknown command "${command}". Use: start | migrate | seed | audit-verify | compile-cache\n`);
      process.exitCode = 2;
  }
}

main().catch((err) => {
  log.error({ err }, 'fatal');
  process.exit(1);
});
