/**
 * Where the database comes from: DATABASE_URL when set (any PostgreSQL ≥ 15), else the embedded server under
 * DATA_DIR/pg. Either way the caller gets a URL for the application database and a `stop()`.
 */
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.ts';
import type { Config } from '../config.ts';

export const EMBEDDED_DATABASE = 'tongban';

export type DatabaseRuntime = { url: string; embedded: boolean; stop(): Promise<void> };

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(config: Config, log: (line: string) => void): Promise<DatabaseRuntime> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const pgServer = await startEmbeddedPostgres({ dataDir: config.dataDir, port: Number(process.env.PG_PORT || 0), log });
  await ensureDatabase(pgServer.url('postgres'), EMBEDDED_DATABASE);
  return { url: pgServer.url(EMBEDDED_DATABASE), embedded: true, stop: () => pgServer.stop() };
}
