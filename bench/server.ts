/**
 * Runs the real Tongban server as a child process for a benchmark: a fresh temporary DATA_DIR (so the embedded
 * PostgreSQL starts empty and the demo world seeds itself), a free loopback port, jobs off, quiet logs.
 *
 * The child gets its own process group, so whatever happens to this process the server *and* the postmaster it
 * spawned can be found and stopped by that one id. `stop()` is the polite path (SIGTERM, the server shuts
 * PostgreSQL down itself); `killNow()` is the synchronous last resort used from an 'exit' handler.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../server/src/platform/db/embedded.ts';

export const rootDir = path.resolve(import.meta.dirname, '..');

export type ServerHandle = {
  baseUrl: string;
  /** The command line the server runs with (from package.json scripts.start). */
  command: string;
  pid: number;
  dataDir: string;
  /** Milliseconds from spawn to the first 200 from /readyz (includes initdb, migrations and seeding). */
  startupMs: number;
  /** A field of /proc/<pid>/status in kB (VmHWM = peak resident set, VmRSS = current), undefined when unreadable. */
  procStatusKb(field: 'VmHWM' | 'VmRSS'): number | undefined;
  /** The last lines the server printed, for error messages. */
  outputTail(): string;
  /** SIGTERM, wait for a clean exit (escalating to SIGKILL), make sure the process group is empty, remove DATA_DIR. */
  stop(): Promise<{ exitCode: number | null; signal: string | null; forced: boolean }>;
  /** Synchronous: SIGKILL the whole process group and remove DATA_DIR. Safe to call more than once. */
  killNow(): void;
};

export type StartOptions = {
  readyTimeoutMs: number;
  /** Rejects the wait for /readyz early (Ctrl-C, overall time limit). */
  signal?: AbortSignal;
  /** How to run it: `startCommandFromPackageJson()`. */
  start: StartCommand;
};

/** A port the kernel just handed out on 127.0.0.1 (and released again for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('could not get a free port'))));
    });
  });
}

export function nodeBinary(): string {
  // The pinned Node 24 from the `node` devDependency; `npm run bench` already runs under it, so fall back to that.
  const pinned = path.join(rootDir, 'node_modules/.bin/node');
  return fs.existsSync(pinned) ? pinned : process.execPath;
}

/** How `npm start` runs the server: node's own flags, the script and its arguments, and any `VAR=value` prefixes. */
export type StartCommand = { nodeArgs: string[]; script: string; args: string[]; env: Record<string, string>; source: string };

/** Node flags that take their value as the next word (`--import x`, `-r x`); all others are `--flag` or `--flag=value`. */
const NODE_FLAGS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--title']);

/** Split a package.json script into words: whitespace-separated, single and double quotes group, no expansion. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+)/g;
  let last = -1;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const part = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!);
    // Adjacent pieces without whitespace between them form one word (--x="a b").
    if (last === m.index && words.length) words[words.length - 1] += part;
    else words.push(part);
    last = re.lastIndex;
  }
  return words;
}

/**
 * Read `scripts.start` from package.json so the benchmark runs the server exactly as `npm start` does: when memory
 * tuning lands there (`node --max-semi-space-size=4 server/src/main.ts start`), the benchmark measures it too.
 * Refuses a script it cannot reproduce faithfully (shell operators, another program than node).
 */
export function startCommandFromPackageJson(): StartCommand {
  const pkg = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const source = pkg.scripts?.start;
  if (!source) throw new Error('package.json has no scripts.start');
  return parseStartScript(source);
}

/** `parseStartScript('node --max-semi-space-size=4 server/src/main.ts start')` → node flags, script, arguments. */
export function parseStartScript(source: string): StartCommand {
  if (/[;&|<>`$()]/.test(source)) throw new Error(`cannot reproduce scripts.start "${source}": shell operators or expansions are not supported by the benchmark`);
  const words = shellWords(source);
  const env: Record<string, string> = {};
  while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) {
    const w = words.shift()!;
    const eq = w.indexOf('=');
    env[w.slice(0, eq)] = w.slice(eq + 1);
  }
  // `exec node …`: the shell npm runs the script in replaces itself with node, so signals reach the server.
  if (words[0] === 'exec') words.shift();
  if (words[0] !== 'node') throw new Error(`scripts.start "${source}" does not run node directly; the benchmark cannot reproduce it`);
  const nodeArgs: string[] = [];
  let i = 1;
  for (; i < words.length && words[i]!.startsWith('-'); i++) {
    nodeArgs.push(words[i]!);
    if (NODE_FLAGS_WITH_VALUE.has(words[i]!) && i + 1 < words.length) nodeArgs.push(words[++i]!);
  }
  const script = words[i];
  if (!script) throw new Error(`scripts.start "${source}" names no script`);
  return { nodeArgs, script, args: words.slice(i + 1), env, source };
}

function readStatusKb(pid: number, field: string): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Is any process left in this process group? */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // group already gone
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * When the embedded PostgreSQL user cannot enter DATA_DIR the cluster is placed under /var/lib/tongban/clusters
 * and DATA_DIR/pg/LOCATION says where. That copy is ours too, so it goes with the temp dir.
 */
function relocatedCluster(dataDir: string): string | undefined {
  try {
    const note = fs.readFileSync(path.join(dataDir, 'pg', 'LOCATION'), 'utf8');
    const m = /lives in (\/var\/lib\/tongban\/clusters\/[0-9a-f]+)/.exec(note);
    return m?.[1];
  } catch {
    return undefined;
  }
}

function removeDataDir(dataDir: string): void {
  const extra = relocatedCluster(dataDir);
  if (extra) fs.rmSync(extra, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export async function startServer(opts: StartOptions): Promise<ServerHandle> {
  // What npm start's prestart does for the server: fill Node's compile cache, so the server runs without the
  // TypeScript stripper loaded (see server/src/main.ts, compile-cache).
  if (opts.start.env.NODE_COMPILE_CACHE) {
    const warm = spawnSync(nodeBinary(), [opts.start.script, 'compile-cache'], { cwd: rootDir, env: { ...process.env, ...opts.start.env }, stdio: 'inherit', timeout: 60_000 });
    if (warm.status !== 0) throw new Error(`${opts.start.script} compile-cache failed (exit ${warm.status})`);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
  // mkdtemp makes it 0700; as root the postmaster runs as `postgres` and must be able to enter it.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RUN_JOBS: 'false',
    SEED_DEMO: 'true',
    ...opts.start.env,
  };
  // Never benchmark (or seed!) a database someone configured in their shell: always the embedded one.
  delete env.DATABASE_URL;
  delete env.PG_PORT;

  const startedAt = Date.now();
  let child: ChildProcess;
  try {
    // BENCH_SERVER_NODE_ARGS: extra node flags for the server only (profiling: `--cpu-prof --cpu-prof-dir=/tmp/p`).
    const extra = shellWords(process.env.BENCH_SERVER_NODE_ARGS ?? '');
    child = spawn(nodeBinary(), [...opts.start.nodeArgs, ...extra, opts.start.script, ...opts.start.args], { cwd: rootDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    removeDataDir(dataDir);
    throw err;
  }
  const pid = child.pid;
  if (pid === undefined) {
    removeDataDir(dataDir);
    throw new Error('could not spawn the server process');
  }

  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-6000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exit: { code: number | null; signal: string | null } | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
  });

  let cleaned = false;
  const killNow = () => {
    if (cleaned) return;
    cleaned = true;
    killGroup(pid, 'SIGKILL');
    try {
      removeDataDir(dataDir);
    } catch {
      // best effort on the way out
    }
  };
  // Whatever ends this process (an error, process.exit, a second Ctrl-C), the server group goes with it.
  process.once('exit', killNow);

  let stopping: ReturnType<ServerHandle['stop']> | undefined;
  const stop: ServerHandle['stop'] = () => {
    stopping ??= (async () => {
      let forced = false;
      if (!exit) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
        // The server gives itself 30 s to drain before it exits on its own; wait a little longer than that.
        const timedOut = await Promise.race([exited.then(() => false), sleep(40_000).then(() => true)]);
        if (timedOut) {
          forced = true;
          killGroup(pid, 'SIGKILL');
          await Promise.race([exited, sleep(5_000)]);
        }
      }
      // The server stops its postmaster on the way out; if it died without doing so, finish the job.
      for (let i = 0; i < 100 && groupAlive(pid); i++) await sleep(100);
      if (groupAlive(pid)) {
        forced = true;
        killGroup(pid, 'SIGKILL');
        for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      }
      cleaned = true;
      process.removeListener('exit', killNow);
      removeDataDir(dataDir);
      return { exitCode: exit?.code ?? null, signal: exit?.signal ?? null, forced };
    })();
    return stopping;
  };

  const handle: ServerHandle = {
    baseUrl,
    command: ['node', ...opts.start.nodeArgs, opts.start.script, ...opts.start.args].join(' '),
    pid,
    dataDir,
    startupMs: 0,
    procStatusKb: (field) => readStatusKb(pid, field),
    outputTail: () => tail.trim(),
    stop,
    killNow,
  };

  // Wait for /readyz, failing fast if the server exits or the caller gives up.
  const deadline = startedAt + opts.readyTimeoutMs;
  try {
    for (;;) {
      if (opts.signal?.aborted) throw new Error(`aborted while waiting for the server: ${String(opts.signal.reason)}`);
      if (exit) throw new Error(`the server exited during start-up (code ${exit.code}, signal ${exit.signal}):\n${handle.outputTail()}`);
      if (Date.now() > deadline) throw new Error(`the server was not ready within ${opts.readyTimeoutMs} ms:\n${handle.outputTail()}`);
      try {
        const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  handle.startupMs = Date.now() - startedAt;
  return handle;
}

/** After `startServer`: one line saying where it runs, and its peak memory so far (kB) for the memory report. */
export function readyLine(server: ServerHandle): { line: string; startupHwmKb: number | undefined } {
  return {
    line: `Ready at ${server.baseUrl} after ${(server.startupMs / 1000).toFixed(1)} s (server pid ${server.pid}: ${server.command}; DATA_DIR ${server.dataDir}).`,
    startupHwmKb: server.procStatusKb('VmHWM'),
  };
}

/** The measured server's own PostgreSQL (DATA_DIR/pg), joined: a benchmark never starts a second postmaster. */
export async function serverPostgres(server: ServerHandle): Promise<EmbeddedPostgres> {
  const embedded = await startEmbeddedPostgres({ dataDir: server.dataDir });
  if (embedded.owned) throw new Error(`no PostgreSQL was running in ${server.dataDir}/pg: the server should have started it`);
  return embedded;
}
