/**
 * Vitest global setup: one real PostgreSQL for the whole run (embedded, fast settings), and two template
 * databases — `tongban_empty` (migrated) and `tongban_demo` (migrated + demo world). Each test file clones the
 * template it needs, so files run in parallel and never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../platform/db/embedded.ts';
import { connect } from '../platform/db/db.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { localFileStore } from '../platform/files/file-store.ts';
import { seedDemoWorld } from '../seed/seed.ts';
import { keyVaultFromEnv } from '../platform/crypto/index.ts';
import { ensureBuiltinSchedules } from '../platform/calendar/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    filesDir: string;
  }
}

let server: EmbeddedPostgres | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  // One master key for the template databases and every test worker (workers start after this and inherit it).
  process.env.MASTER_KEY ??= randomBytes(32).toString('hex');
  const external = process.env.TEST_DATABASE_URL;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
  fs.chmodSync(dir, 0o755);
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    server = await startEmbeddedPostgres({ dataDir: dir, fast: true, maxConnections: 300 });
    adminUrl = server.url('postgres');
  }
  const admin = connect(adminUrl, { max: 1 });
  const filesDir = path.join(dir, 'files');
  try {
    for (const name of ['tongban_empty', 'tongban_demo']) {
      await admin.pool.query(`drop database if exists ${name}`);
      await admin.pool.query(`create database ${name}`);
      const h = connect(adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`), { max: 2 });
      try {
        await migrateToLatest(h.db);
        await ensureBuiltinSchedules(h.db);
        if (name === 'tongban_demo') await seedDemoWorld(h.db, localFileStore(filesDir), keyVaultFromEnv(dir!));
      } finally {
        await h.close();
      }
    }
  } finally {
    await admin.close();
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('filesDir', filesDir);
}

export async function teardown() {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
