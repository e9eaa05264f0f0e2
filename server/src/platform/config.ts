import path from 'node:path';

/** Runtime configuration, read once from the environment. Every knob is listed in README.md. */
export type Config = {
  port: number;
  host: string;
  /** Root for embedded PostgreSQL data and stored files. */
  dataDir: string;
  /** External PostgreSQL; when unset the embedded server under `dataDir/pg` is used. */
  databaseUrl: string | undefined;
  /** Seed the demo world on first start (embedded mode default: true). */
  seedDemo: boolean;
  logLevel: string;
  /** Secure cookies (set behind HTTPS). */
  cookieSecure: boolean;
  /** Directory holding the built web app. */
  webDir: string;
  maxUploadBytes: number;
  runJobs: boolean;
};

export const rootDir = path.resolve(import.meta.dirname, '../../..');

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return {
    port: int('PORT', 3000),
    host: process.env.HOST || '0.0.0.0',
    dataDir: path.resolve(process.env.DATA_DIR || path.join(rootDir, 'data')),
    databaseUrl,
    seedDemo: bool('SEED_DEMO', databaseUrl === undefined),
    logLevel: process.env.LOG_LEVEL || 'info',
    cookieSecure: bool('COOKIE_SECURE', false),
    webDir: path.resolve(process.env.WEB_DIR || path.join(rootDir, 'web/dist')),
    maxUploadBytes: int('MAX_UPLOAD_MB', 20) * 1024 * 1024,
    runJobs: bool('RUN_JOBS', true),
    ...overrides,
  };
}
