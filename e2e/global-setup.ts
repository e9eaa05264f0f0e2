/**
 * Starts the real server for the e2e run: `node server/src/main.ts start` (the project's pinned Node 24) on a fresh
 * temporary DATA_DIR and a free port, so the embedded PostgreSQL is initialised and the demo world seeded anew
 * every run. Waits for /readyz, then publishes the base URL in TONGBAN_E2E_BASE_URL and e2e/artifacts/base-url.txt.
 * The returned teardown sends SIGTERM, waits for the server (and its PostgreSQL) to stop and removes the directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BASE_URL_ENV, BASE_URL_FILE } from './support.ts';

const root = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 40_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`The server exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}). Log:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server was not ready after ${READY_TIMEOUT_MS / 1000} s. Log:\n${tail(logFile)}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const nodeBin = path.join(root, 'node_modules/.bin/node');
  if (!fs.existsSync(nodeBin)) throw new Error(`${nodeBin} is missing: run npm install (the project pins Node 24 as a devDependency).`);
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build:web` (npm run test:e2e does it for you).');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-e2e-'));
  // The embedded PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the directory.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const artifacts = path.join(import.meta.dirname, 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const logFile = path.join(artifacts, 'server.log');
  const log = fs.openSync(logFile, 'w');

  const child = spawn(nodeBin, ['server/src/main.ts', 'start'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseURL, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);

  const teardown = async () => {
    if (!exited(child)) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        process.stderr.write(`e2e: the server (pid ${child.pid}) did not stop ${STOP_TIMEOUT_MS / 1000} s after SIGTERM; killing it\n`);
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(BASE_URL_FILE, { force: true });
  };

  try {
    await waitReady(baseURL, child, logFile);
  } catch (err) {
    await teardown();
    throw err;
  }

  process.env[BASE_URL_ENV] = baseURL;
  fs.writeFileSync(BASE_URL_FILE, baseURL);
  process.stdout.write(`e2e: server ready at ${baseURL} (DATA_DIR ${dataDir}, log e2e/artifacts/server.log)\n`);
  return teardown;
}
