/**
 * `npm run bench:cases`: the case issue's benchmark on the real server and its real (embedded) PostgreSQL.
 *
 * 1. Start the server as `npm start` runs it (server.ts: fresh DATA_DIR, demo world seeds itself), then connect
 *    to its embedded PostgreSQL from this process (DATA_DIR/pg, password in DATA_DIR/embedded-secret).
 * 2. Raw baseline, same run, same database: 50 pg clients each looping `BEGIN; INSERT one row with a 5 KB jsonb
 *    payload; COMMIT` into a scratch table → transactions/s and latency percentiles.
 * 3. Submissions: `citizen` files cases (POST /api/v1/cases) for one published item with a ~5 KB form and two
 *    materials uploaded once and reused, a fresh Idempotency-Key per request, 50 connections → submissions/s,
 *    percentiles, and the ratio to the raw INSERT rate (target ≥ 0.5).
 * 4. Queue: 1,000,000 cases generated straight in SQL (one INSERT … SELECT FROM generate_series cloning a real
 *    case row, items and organisations taken from the published catalog), VACUUM ANALYZE, then three workbench
 *    queue pages under load: the clerk's submitted queue, the reviewer's accepted queue, the clerk's page 50
 *    (target p95 ≤ 50 ms). The queue SQL (reconstructed from cases/service.ts listCases + scoped, checked against
 *    the API's answer) is EXPLAINed (ANALYZE, BUFFERS); the full plans are printed when a target misses.
 * 5. A summary table, the server's peak RSS (VmHWM) against 300 MB, the JSON under the OS temp dir, clean stop.
 *
 * Only ever talks to 127.0.0.1. Bounded: a hard time limit aborts the run (running SQL is cancelled), and every
 * exit path stops the server's process group (server + PostgreSQL) and removes the temporary DATA_DIR. Timings
 * never fail the run: the exit code is non-zero only when the benchmark could not be carried out.
 *
 * Knobs (all optional): BENCH_DURATION (s per load, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS
 * (default 50), BENCH_CASES (generated cases, default 1000000; 0 skips the queue part), BENCH_EXPLAIN=1 (print
 * the full plans even when the queue meets its target), BENCH_TRY_INDEXES=1 (afterwards, build candidate indexes
 * in the throw-away database and measure the queue again), BENCH_CASES_OUT (JSON path).
 */
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { readyLine, serverPostgres, startServer, startCommandFromPackageJson, type ServerHandle } from './server.ts';
import { measure, percentile, type TargetResult } from './load.ts';
import { runLoad, type LoadgenResult } from './loadgen.ts';
import { displayWidth } from './report.ts';
import type { EmbeddedPostgres } from '../server/src/platform/db/embedded.ts';
import { EMBEDDED_DATABASE } from '../server/src/platform/db/runtime.ts';
import { newId } from '../server/src/platform/ids.ts';
import { abortOnSignals, intEnv, log, runBenchmark, stopServer, writeReport, timeLimit, machineNow, RSS_BUDGET_MB, rssBudget } from './harness.ts';
import { DEMO_PASSWORD } from '../server/src/seed/world/types.ts';
import { cpuMeter, formatCpu, type CpuUse } from './cpu.ts';
import { COUNT_CAP } from '../server/src/modules/cases/index.ts';

/** The case issue's targets. */
const GOAL_MIN_SUBMIT_RATIO = 0.5;
const GOAL_MAX_QUEUE_P95_MS = 50;
const FORM_BYTES = 5 * 1024;
/** What the raw INSERT carries: about the size of a submission's form. */
const RAW_PAYLOAD_BYTES = 5 * 1024;
/** The reviewer's organisation (org.key): the generated cases include it so the reviewer's queue is long. */
const REVIEWER_ORG_KEY = 'scjgj';


const settings = {
  connections: intEnv('BENCH_CONNECTIONS', 50, 1),
  warmupSec: intEnv('BENCH_WARMUP', 2, 0),
  durationSec: intEnv('BENCH_DURATION', 10, 1),
  cases: intEnv('BENCH_CASES', 1_000_000, 0),
  explain: process.env.BENCH_EXPLAIN === '1',
  tryIndexes: process.env.BENCH_TRY_INDEXES === '1',
  out: process.env.BENCH_CASES_OUT || path.join(os.tmpdir(), 'tongban-bench-cases-latest.json'),
};

const READY_TIMEOUT_MS = 120_000;
/** The one INSERT … SELECT of the generated cases (statement_timeout): 1,000,000 took 140 s on a busy 2-CPU machine. */
const GENERATE_TIMEOUT_MS = 300_000;
/** VACUUM ANALYZE of the generated cases, then the CHECKPOINT that writes them out (statement_timeout, each). */
const VACUUM_TIMEOUT_MS = 120_000;
/** BENCH_TRY_INDEXES: building the candidate indexes on 1,000,000 cases. */
const INDEX_TIMEOUT_MS = 180_000;
const queuing = settings.cases > 0;
const LOAD_PHASES = 2 + (queuing ? 3 : 0) + (queuing && settings.tryIndexes ? 3 : 0);
const TIME_LIMIT_MS =
  READY_TIMEOUT_MS +
  (queuing ? GENERATE_TIMEOUT_MS + 2 * VACUUM_TIMEOUT_MS : 0) +
  (queuing && settings.tryIndexes ? INDEX_TIMEOUT_MS : 0) +
  LOAD_PHASES * (settings.warmupSec + settings.durationSec + 5) * 1000 +
  60_000;


const abort = abortOnSignals();
let server: ServerHandle | undefined;


function checkAborted(): void {
  if (abort.signal.aborted) throw new Error(`aborted: ${String(abort.signal.reason)}`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (kb: number | undefined) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10);
const fmtMs = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** A growable list of latencies (ms). */
class Samples {
  private buf = new Float64Array(1 << 14);
  private n = 0;
  add(ms: number): void {
    if (this.n === this.buf.length) {
      const bigger = new Float64Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.n++] = ms;
  }
  get count(): number {
    return this.n;
  }
  summary(): { p50: number; p95: number; p99: number; max: number; mean: number } {
    const s = this.buf.subarray(0, this.n).sort();
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += s[i]!;
    return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.length ? s[s.length - 1]! : NaN, mean: s.length ? sum / s.length : NaN };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Where the time goes during a load: CPU of the server's node process and of its PostgreSQL, and what the server's
// database sessions are doing.

type WaitProfile = { samples: number; avgActive: number; avgSessions: number; byState: Record<string, number> };

/**
 * Every 200 ms, what the server's pooled sessions (application_name 'tongban') are doing: running on the CPU,
 * waiting for a lock (Lock:advisory = the audit chain lock, Lock:transactionid / tuple = a row another transaction
 * holds), flushing WAL, or idle in a transaction waiting for node (ClientRead). Averages per sample.
 */
function waitSampler(pgUrl: string): { stop(): Promise<WaitProfile> } {
  const counts: Record<string, number> = {};
  let samples = 0;
  let active = 0;
  let sessions = 0;
  let stopped = false;
  const client = new pg.Client({ connectionString: pgUrl, application_name: 'tongban-bench-sampler' });
  client.on('error', () => undefined);
  const loop = (async () => {
    try {
      await client.connect();
      while (!stopped && !abort.signal.aborted) {
        const { rows } = await client.query<{ w: string; n: number }>(
          `select case when state = 'idle' then 'idle'
                       when state = 'active' and wait_event is null then 'active: on CPU'
                       when state = 'active' then 'active: ' || wait_event_type || ':' || wait_event
                       else state || coalesce(': ' || wait_event_type || ':' || wait_event, '') end as w,
                  count(*)::int as n
             from pg_stat_activity where application_name = 'tongban' and backend_type = 'client backend' group by 1`,
        );
        samples++;
        for (const r of rows) {
          counts[r.w] = (counts[r.w] ?? 0) + r.n;
          sessions += r.n;
          if (r.w.startsWith('active')) active += r.n;
        }
        await sleep(200);
      }
    } catch {
      // the profile is a diagnostic: a failure leaves it short, not the run broken
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await client.end().catch(() => undefined);
      const avg = (v: number) => (samples ? Math.round((v / samples) * 10) / 10 : 0);
      const byState = Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, avg(v)]));
      return { samples, avgActive: avg(active), avgSessions: avg(sessions), byState };
    },
  };
}

const formatWaits = (w: WaitProfile) =>
  `${w.avgSessions} pooled sessions on average: ${Object.entries(w.byState).map(([k, v]) => `${k} ${v}`).join(', ')} (${w.samples} samples)`;

// ---------------------------------------------------------------------------------------------------------------
// HTTP helpers

type Probe = { status: number; body: unknown; text: string; headers: Headers };

async function probe(baseUrl: string, p: string, init: RequestInit = {}): Promise<Probe> {
  const res = await fetch(baseUrl + p, { ...init, signal: AbortSignal.any([abort.signal, AbortSignal.timeout(15_000)]) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, text, headers: res.headers };
}

function expectStatus(what: string, r: Probe, status = 200): void {
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status}: ${r.text.slice(0, 400)}`);
}

type Session = { username: string; cookie: string; csrf: string };

async function login(baseUrl: string, username: string): Promise<Session> {
  const r = await probe(baseUrl, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expectStatus(`POST /api/v1/auth/login as ${username}`, r);
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const session = cookies.find((c) => c.startsWith('tb_session='));
  const csrf = cookies.find((c) => c.startsWith('csrf_token='));
  if (!session || !csrf) throw new Error(`login as ${username} set no tb_session / csrf_token cookie`);
  return { username, cookie: `${session}; ${csrf}`, csrf: decodeURIComponent(csrf.slice('csrf_token='.length)) };
}

const authHeaders = (s: Session): Record<string, string> => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

// ---------------------------------------------------------------------------------------------------------------
// Database access from the bench process

/** Run a statement, cancelling it on the server if the benchmark is aborted meanwhile. */
async function cancellable<T extends pg.QueryResultRow = pg.QueryResultRow>(pgUrl: string, client: pg.Client, text: string, values?: unknown[]): Promise<pg.QueryResult<T>> {
  checkAborted();
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const pid = rows[0]!.pid;
  const onAbort = () => {
    const c = new pg.Client({ connectionString: pgUrl, application_name: 'tongban-bench-cancel' });
    c.connect()
      .then(() => c.query('select pg_cancel_backend($1)', [pid]))
      .catch(() => undefined)
      .finally(() => void c.end().catch(() => undefined));
  };
  abort.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await client.query<T>(text, values);
  } finally {
    abort.signal.removeEventListener('abort', onAbort);
  }
}

/** Filler: plain Chinese prose of an application's free-text field (3 bytes a character in UTF-8). */
const FILLER =
  '本人因工作调动及家庭生活需要，特申请办理本事项。申请人自二〇二一年起在泰州市海陵区连续居住，现居住地址稳定，' +
  '家庭成员情况如实填报，收入来源合法。所提交的身份证明、居住证明等材料均真实有效，如有虚假，愿承担相应法律责任。' +
  '恳请有关部门予以审核办理，并通过电子方式送达办理结果。特此说明。';

function chineseText(chars: number): string {
  let s = '';
  while (s.length < chars) s += FILLER;
  return s.slice(0, chars);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Raw INSERT baseline

type RawResult = {
  clients: number;
  durationSec: number;
  transactions: number;
  transactionsPerSec: number;
  errors: number;
  payloadBytes: number;
  latencyMs: ReturnType<Samples['summary']>;
  cpu: CpuUse | undefined;
};

async function rawInsertBaseline(pgUrl: string, admin: pg.Client, serverPid: number): Promise<RawResult> {
  await admin.query('drop table if exists bench_raw');
  await admin.query('create table bench_raw (id uuid primary key, payload jsonb, created_at timestamptz default now())');
  const payload = JSON.stringify({ note: chineseText(Math.floor((RAW_PAYLOAD_BYTES - 20) / 3)) });
  const payloadBytes = Buffer.byteLength(payload);
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < settings.connections; i++) {
      const c = new pg.Client({ connectionString: pgUrl, application_name: 'tongban-bench-raw' });
      c.on('error', () => undefined);
      clients.push(c);
    }
    await Promise.all(clients.map((c) => c.connect()));
    const phase = async (sec: number, samples?: Samples): Promise<{ tx: number; errors: number; seconds: number }> => {
      const started = performance.now();
      const until = started + sec * 1000;
      let tx = 0;
      let errors = 0;
      await Promise.all(
        clients.map(async (c) => {
          while (performance.now() < until && !abort.signal.aborted) {
            const t0 = performance.now();
            try {
              await c.query('BEGIN');
              await c.query('insert into bench_raw (id, payload) values ($1, $2)', [newId(), payload]);
              await c.query('COMMIT');
              tx++;
              samples?.add(performance.now() - t0);
            } catch {
              errors++;
              await c.query('ROLLBACK').catch(() => undefined);
            }
          }
        }),
      );
      checkAborted();
      return { tx, errors, seconds: (performance.now() - started) / 1000 };
    };
    if (settings.warmupSec > 0) await phase(settings.warmupSec);
    const samples = new Samples();
    const cpu = cpuMeter(serverPid);
    const r = await phase(settings.durationSec, samples);
    const cpuUse = cpu.stop();
    return {
      cpu: cpuUse,
      clients: clients.length,
      durationSec: r.seconds,
      transactions: r.tx,
      transactionsPerSec: r.tx / r.seconds,
      errors: r.errors,
      payloadBytes,
      latencyMs: samples.summary(),
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Submissions

type FormField = { type: 'string' | 'number' | 'integer' | 'boolean'; title: string; enum?: string[]; format?: 'date' | 'email'; maxLength?: number; minimum?: number; 'x-prefill'?: string };
type FormSchema = { properties: Record<string, FormField>; required: string[] };
type Material = { code: string; name: string; necessity: 'required' | 'optional' | 'deferrable'; obtainable?: boolean };
type ItemSummary = { implCode: string; name: string; online: boolean };
type ItemDetail = ItemSummary & { regionCode: string; agency: { id: string; name: string }; serviceObjects: string[]; onlineDepth: number[]; materials: Material[]; form: FormSchema };

type Chosen = { item: ItemDetail; materials: Material[]; textCapacity: number };

const isFreeText = (f: FormField) => f.type === 'string' && !f.enum && !f.format && !f['x-prefill'];

/** The materials to attach: every required one the applicant must bring, topped up with optional ones to two. */
function pickMaterials(item: ItemDetail): Material[] | undefined {
  const must = item.materials.filter((m) => m.necessity === 'required' && !m.obtainable);
  if (must.length > 2) return undefined;
  const extra = [
    ...item.materials.filter((m) => m.necessity !== 'required'),
    ...item.materials.filter((m) => m.necessity === 'required' && m.obtainable),
  ];
  const picked = [...must, ...extra.slice(0, 2 - must.length)];
  return picked.length === 2 ? picked : undefined;
}

/**
 * A published item the citizen may apply for online with two materials attached (every required one the applicant
 * must bring, topped up with optional ones). The form's free-text fields (strings without enum, format or
 * profile pre-fill) must carry the 5 KB; see the ranking below.
 */
async function chooseItem(baseUrl: string): Promise<{ chosen: Chosen; examined: number }> {
  const summaries: ItemSummary[] = [];
  for (let page = 1; page <= 20; page++) {
    const r = await probe(baseUrl, `/api/v1/public/items?serviceObject=person&pageSize=100&page=${page}`);
    expectStatus('GET /api/v1/public/items?serviceObject=person', r);
    const body = r.body as { items: ItemSummary[]; total: number };
    summaries.push(...body.items);
    if (body.items.length === 0 || summaries.length >= body.total) break;
  }
  let best: (Chosen & { rank: number }) | undefined;
  let examined = 0;
  for (const s of summaries.filter((x) => x.online)) {
    const r = await probe(baseUrl, `/api/v1/public/items/${encodeURIComponent(s.implCode)}`);
    expectStatus(`GET /api/v1/public/items/${s.implCode}`, r);
    examined++;
    const item = r.body as ItemDetail;
    if (!item.serviceObjects.includes('person') || !item.onlineDepth.some((d) => d >= 4)) continue;
    const materials = pickMaterials(item);
    if (!materials) continue;
    const must = materials.filter((m) => m.necessity === 'required' && !m.obtainable).length;
    const textCapacity = Object.values(item.form.properties)
      .filter(isFreeText)
      .reduce((sum, f) => sum + (f.maxLength ?? 2000), 0);
    // Items whose free text can carry a 5 KB form first (the fewest optional materials, then the most room); when
    // none can, the one with the most room, and the report says how big its form could get.
    const reaches = textCapacity * 3 >= FORM_BYTES;
    const rank = reaches ? (2 - must) * 1e6 - textCapacity : 1e9 - textCapacity;
    if (!best || rank < best.rank) best = { item, materials, textCapacity, rank };
  }
  if (!best) throw new Error(`no published item (of ${summaries.length} for persons) can be applied for online with two materials`);
  return { chosen: { item: best.item, materials: best.materials, textCapacity: best.textCapacity }, examined };
}

/** A valid form of about FORM_BYTES (UTF-8 JSON): every field filled per its schema, free text padded with Chinese. */
function buildForm(schema: FormSchema, prefill: Record<string, unknown>): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  const past = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  for (const [key, f] of Object.entries(schema.properties)) {
    const max = f.maxLength ?? 2000;
    const pre = prefill[key];
    if (pre !== undefined && pre !== null && pre !== '' && (f.type !== 'string' || (typeof pre === 'string' && pre.length <= max))) {
      form[key] = pre;
      continue;
    }
    if (f.enum && f.enum.length) form[key] = f.enum[0];
    else if (f.type === 'boolean') form[key] = true;
    else if (f.type === 'integer' || f.type === 'number') form[key] = Math.max(1, Math.ceil(f.minimum ?? 1));
    else if (f.format === 'date') form[key] = past;
    else if (f.format === 'email') form[key] = 'zhang.wei@example.com';
    else form[key] = chineseText(Math.min(max, 12));
  }
  // Pad the roomiest free-text fields until the JSON reaches the size.
  const pads = Object.entries(schema.properties)
    .filter(([, f]) => isFreeText(f))
    .sort((a, b) => (b[1].maxLength ?? 2000) - (a[1].maxLength ?? 2000));
  for (const [key, f] of pads) {
    const missing = FORM_BYTES - Buffer.byteLength(JSON.stringify(form));
    if (missing <= 0) break;
    const current = String(form[key] ?? '');
    form[key] = chineseText(Math.min(f.maxLength ?? 2000, current.length + Math.ceil(missing / 3)));
  }
  return form;
}

async function uploadPdf(baseUrl: string, s: Session, name: string): Promise<string> {
  const pdf = Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${name}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
  const fd = new FormData();
  fd.append('file', new Blob([pdf], { type: 'application/pdf' }), name);
  const r = await probe(baseUrl, '/api/v1/files', { method: 'POST', headers: authHeaders(s), body: fd });
  expectStatus(`POST /api/v1/files (${name})`, r, 201);
  return (r.body as { id: string }).id;
}

type SubmitResult = {
  item: { implCode: string; name: string; agency: string; regionCode: string; materials: Array<{ code: string; name: string; necessity: string }> };
  formBytes: number;
  formFields: number;
  bodyBytes: number;
  connections: number;
  durationSec: number;
  responses: number;
  created: number;
  createdPerSec: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  firstFailure?: string;
  latencyMs: ReturnType<Samples['summary']>;
  casesInDatabase: number;
  cpu: CpuUse | undefined;
  waits: WaitProfile;
};

/**
 * The submission load: raw-socket POSTs (loadgen.ts, ~5× less CPU per request than autocannon on this machine, so
 * the server gets the CPU the load generator no longer takes), a fresh Idempotency-Key per request — every request
 * files a new case (a repeated key would replay the first). One continuous run: warm-up, then the measured window.
 */
function runSubmitLoad(baseUrl: string, headers: Record<string, string>, body: string, onResponse: (status: number, ms: number) => void): Promise<LoadgenResult> {
  checkAborted();
  const url = new URL(baseUrl);
  return runLoad({
    host: url.hostname,
    port: Number(url.port),
    connections: settings.connections,
    warmupSec: settings.warmupSec,
    durationSec: settings.durationSec,
    nextPath: () => '/api/v1/cases',
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    post: { body: Buffer.from(body, 'utf8'), headers: () => ({ 'idempotency-key': randomUUID() }) },
    timeoutMs: 10_000,
    signal: abort.signal,
    onResponse: (ms, status) => onResponse(status, ms),
  });
}

async function submissions(baseUrl: string, pgUrl: string, admin: pg.Client, serverPid: number): Promise<SubmitResult> {
  const citizen = await login(baseUrl, 'citizen');
  const { chosen, examined } = await chooseItem(baseUrl);
  const { item, materials } = chosen;
  const pre = await probe(baseUrl, `/api/v1/me/prefill?implCode=${encodeURIComponent(item.implCode)}`, { headers: authHeaders(citizen) });
  expectStatus('GET /api/v1/me/prefill', pre);
  const form = buildForm(item.form, (pre.body as { values: Record<string, unknown> }).values);
  const fileIds = [await uploadPdf(baseUrl, citizen, '身份证明.pdf'), await uploadPdf(baseUrl, citizen, '申请材料.pdf')];
  const payload = { implCode: item.implCode, form, materials: materials.map((m, i) => ({ code: m.code, fileId: fileIds[i]! })) };
  const body = JSON.stringify(payload);
  const headers = { ...authHeaders(citizen), 'content-type': 'application/json' };
  const formBytes = Buffer.byteLength(JSON.stringify(form));
  log(
    `  item ${item.implCode} ${item.name} (${item.agency.name}, region ${item.regionCode}; chosen among ${examined} online items), ` +
      `materials ${materials.map((m) => `${m.code} ${m.name} [${m.necessity}${m.obtainable ? ', obtainable' : ''}]`).join(' + ')}, ` +
      `form ${Object.keys(form).length} fields / ${int(formBytes)} bytes, request body ${int(Buffer.byteLength(body))} bytes`,
  );
  if (formBytes < FORM_BYTES * 0.95) {
    log(
      `  NOTE: the form is ${(formBytes / 1024).toFixed(1)} KB, not 5 KB: no person item of this catalog that takes two materials has free-text fields ` +
        `long enough (every field filled to its maxLength, ${int(chosen.textCapacity)} characters of free text at most).`,
    );
  }

  // One probe: the request must file a case before its rate means anything.
  const first = await probe(baseUrl, '/api/v1/cases', { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body });
  expectStatus('POST /api/v1/cases (probe)', first, 201);
  log(`  probe filed case ${(first.body as { number: string }).number}`);

  const samples = new Samples();
  const codes: Record<string, number> = {};
  const cpu = cpuMeter(serverPid);
  const waits = waitSampler(pgUrl);
  const r = await runSubmitLoad(baseUrl, headers, body, (status, ms) => {
    samples.add(ms);
    codes[status] = (codes[status] ?? 0) + 1;
  });
  const cpuUse = cpu.stop();
  // The load generator reads no bodies: when some requests failed, one more shows what the server says.
  let firstFailure: string | undefined;
  if (r.non2xx > 0 || r.errors > 0) {
    const again = await probe(baseUrl, '/api/v1/cases', { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body });
    firstFailure = `statuses ${JSON.stringify(r.statusCodes)}, ${r.errors} socket errors; a probe afterwards: ${again.status} ${JSON.stringify(again.body).slice(0, 300)}`;
  }
  const waitProfile = await waits.stop();
  const created = codes['201'] ?? 0;
  const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from "case"');
  return {
    item: { implCode: item.implCode, name: item.name, agency: item.agency.name, regionCode: item.regionCode, materials: materials.map((m) => ({ code: m.code, name: m.name, necessity: m.necessity })) },
    formBytes,
    formFields: Object.keys(form).length,
    bodyBytes: Buffer.byteLength(body),
    connections: settings.connections,
    durationSec: r.durationSec,
    responses: samples.count,
    created,
    createdPerSec: r.durationSec > 0 ? created / r.durationSec : 0,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: codes,
    ...(firstFailure ? { firstFailure } : {}),
    latencyMs: samples.summary(),
    casesInDatabase: rows[0]!.n,
    cpu: cpuUse,
    waits: waitProfile,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. One million cases and the workbench queue

type Template = {
  item_id: string;
  item_version_id: string;
  item_version: number;
  impl_code: string;
  item_name: string;
  org_id: string;
  org_key: string;
  agency_name: string;
  region_code: string;
};

type GenerateResult = {
  rows: number;
  seconds: number;
  rowsPerSec: number;
  vacuumSeconds: number;
  checkpointSeconds: number;
  templateCase: string;
  templates: number;
  shareByRegion: Record<string, number>;
  shareByState: Record<string, number>;
  orgs: Array<{ key: string; name: string; regionCode: string; share: number }>;
  tableMb: number;
  indexesMb: number;
};

/**
 * Published items to file the generated cases against: the reviewer's organisation (scjgj) and the three city
 * organisations with most published items at 321200, plus one organisation in each of 321202 / 321203 / 321204
 * (its market regulation bureau when it has items). Each organisation gets a share of the cases; within it,
 * the cases are spread over its items.
 */
async function chooseTemplates(admin: pg.Client): Promise<{ templates: Template[]; slots: number[]; orgShares: Map<string, number> }> {
  const { rows } = await admin.query<Template>(
    `select si.id as item_id, v.id as item_version_id, v.version as item_version, si.impl_code, si.name as item_name,
            si.org_id, o.key as org_key, si.agency_name, si.region_code
       from service_item si
       join service_item_version v on v.item_id = si.id and v.version = si.published_version
       join org o on o.id = si.org_id
      where si.status = 'published' and si.region_code in ('321200', '321202', '321203', '321204')
      order by si.impl_code`,
  );
  const byOrg = new Map<string, Template[]>();
  for (const t of rows) byOrg.set(t.org_key, [...(byOrg.get(t.org_key) ?? []), t]);
  if (!byOrg.has(REVIEWER_ORG_KEY)) throw new Error(`the reviewer's organisation "${REVIEWER_ORG_KEY}" has no published items at 321200`);
  const cityOthers = [...byOrg.entries()]
    .filter(([k, ts]) => k !== REVIEWER_ORG_KEY && ts[0]!.region_code === '321200')
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([k]) => k);
  const county = (code: string) => {
    const orgs = [...byOrg.entries()].filter(([, ts]) => ts[0]!.region_code === code).sort((a, b) => Number(b[0].endsWith('_scjgj')) - Number(a[0].endsWith('_scjgj')) || b[1].length - a[1].length);
    return orgs[0]?.[0];
  };
  // Shares in thousandths: 321200 gets 82 % (the reviewer's organisation 40 %), each county 6 %.
  const shares: Array<[string, number]> = [[REVIEWER_ORG_KEY, 400]];
  const cityShare = 420;
  for (const k of cityOthers) shares.push([k, Math.floor(cityShare / cityOthers.length)]);
  for (const code of ['321202', '321203', '321204']) {
    const k = county(code);
    if (k) shares.push([k, 60]);
  }
  const total = shares.reduce((s, [, n]) => s + n, 0);
  const templates: Template[] = [];
  const slots: number[] = [];
  const orgShares = new Map<string, number>();
  for (const [key, share] of shares) {
    const ts = byOrg.get(key)!.slice(0, 12);
    const first = templates.length;
    templates.push(...ts);
    const n = Math.round((share / total) * 1000);
    for (let i = 0; i < n; i++) slots.push(first + (i % ts.length) + 1); // 1-based for SQL arrays
    orgShares.set(key, n / 1000);
  }
  while (slots.length < 1000) slots.push(slots[slots.length % 400]!);
  return { templates, slots: slots.slice(0, 1000), orgShares };
}

/**
 * One INSERT … SELECT FROM generate_series: each row clones a real case (form, delivery, limits, case type) and
 * takes its item, organisation, agency and region from one of the templates (by share); the rest varies per row:
 * id, number (region-year-7 digits, unique, never clashing with the server's 6-digit numbers), state (70 % open),
 * due/warn dates over ±60 days around today, submission/acceptance/closing times, applicant id and name.
 */
async function generateCases(pgUrl: string, admin: pg.Client, n: number): Promise<GenerateResult> {
  const tpl = await admin.query<{ id: string }>(`select id from "case" where state = 'submitted' order by submitted_at limit 1`);
  if (!tpl.rows[0]) throw new Error('no case to clone: the demo world and the submissions should have filed some');
  const templateCase = tpl.rows[0].id;
  const { templates, slots, orgShares } = await chooseTemplates(admin);
  const col = <K extends keyof Template>(k: K) => templates.map((t) => t[k]);

  const gen = new pg.Client({ connectionString: pgUrl, application_name: 'tongban-bench-cases' });
  gen.on('error', () => undefined);
  await gen.connect();
  const t0 = performance.now();
  try {
    await gen.query(`set statement_timeout = ${GENERATE_TIMEOUT_MS}`);
    await gen.query('select setseed(0.2026)');
    const r = await cancellable(
      pgUrl,
      gen,
      `with tpl as (
         select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[])
                       with ordinality as t(item_id, item_version_id, item_version, impl_code, item_name, org_id, agency_name, region_code, k)
       ),
       g as (
         select i, random() as r_state, random() as r_due, random() as r_time, ($9::int[])[1 + floor(random() * 1000)::int] as k
           from generate_series(1, $10::int) as i
       ),
       s as (
         select g.*,
                case when r_state < 0.30 then 'submitted' when r_state < 0.55 then 'accepted' when r_state < 0.65 then 'supplement_requested'
                     when r_state < 0.70 then 'decided' when r_state < 0.92 then 'closed' else 'declined' end as state,
                current_date + (floor(r_due * 121)::int - 60) as due
           from g
       )
       insert into "case" (id, number, region_code, org_id, agency_name, item_id, item_version_id, item_version, impl_code, item_name,
                           applicant_id, applicant_name, applicant_type, state, version, form, decision, committed_days, statutory_days,
                           submitted_at, accepted_at, closed_at, due_date, warn_date, updated_at, case_type, joint, assignee_id, notice,
                           suspension, extension_days, statutory_due_date, delivery, deemed_accepted)
       select gen_random_uuid(),
              t.region_code || '-' || extract(year from x.submitted_at)::int || '-' || lpad(s.i::text, 7, '0'),
              t.region_code, t.org_id, t.agency_name, t.item_id, t.item_version_id, t.item_version, t.impl_code, t.item_name,
              gen_random_uuid(),
              (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗'])[1 + s.i % 20]
                || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华','平',
                          '建国','晓燕','志强','桂英','海燕','文','婷','斌','浩然','子涵'])[1 + (s.i / 20) % 30],
              'person', s.state,
              case s.state when 'submitted' then 1 when 'supplement_requested' then 2 when 'accepted' then 2 when 'declined' then 2 else 4 end,
              c.form,
              case when s.state in ('decided', 'closed') then jsonb_build_object('result', 'grant', 'decidedAt', x.closed_at) end,
              c.committed_days, c.statutory_days,
              x.submitted_at,
              case when s.state in ('accepted', 'decided', 'closed') then x.submitted_at + interval '2 days' end,
              case when s.state in ('closed', 'declined') then x.closed_at end,
              case when s.state in ('submitted', 'accepted', 'decided') then s.due end,
              case when s.state in ('submitted', 'accepted', 'decided') then s.due - 1 end,
              coalesce(x.closed_at, x.submitted_at),
              c.case_type, c.joint, null,
              case when s.state = 'supplement_requested' then jsonb_build_object('items', jsonb_build_array(jsonb_build_object('name', '居住证明', 'reason', '居住证明未加盖社区公章，请补充加盖公章的原件扫描件')),
                                                                           'issuedAt', x.submitted_at + interval '1 day', 'issuedBy', '李晓燕') end,
              null, 0,
              case when s.state in ('accepted', 'decided', 'closed') then s.due + 10 end,
              c.delivery, false
         from s
         join tpl t on t.k = s.k
         cross join (select * from "case" where id = $11::uuid) c
         cross join lateral (
           select case when s.state = 'submitted' then (s.due - 7)::timestamptz + s.r_time * interval '10 hours'
                       when s.state = 'accepted' then (s.due - 20)::timestamptz + s.r_time * interval '10 hours'
                       else now() - interval '1 day' - s.r_time * interval '180 days' end as submitted_at,
                  case when s.state in ('decided', 'closed', 'declined') then now() - s.r_time * interval '20 hours' end as closed_at
         ) x`,
      [col('item_id'), col('item_version_id'), col('item_version'), col('impl_code'), col('item_name'), col('org_id'), col('agency_name'), col('region_code'), slots, n, templateCase],
    );
    const seconds = (performance.now() - t0) / 1000;
    await gen.query(`set statement_timeout = ${VACUUM_TIMEOUT_MS}`);
    const v0 = performance.now();
    await cancellable(pgUrl, gen, 'vacuum analyze "case"');
    const vacuumSeconds = (performance.now() - v0) / 1000;
    // A database in service wrote its cases' pages out long ago; here the generation's ~1 GB of dirty pages would be
    // written by a checkpoint spread over the next minutes — over the measured queue loads. Written out now instead.
    const c0 = performance.now();
    await cancellable(pgUrl, gen, 'checkpoint');
    const checkpointSeconds = (performance.now() - c0) / 1000;
    const byRegion = await admin.query<{ k: string; n: number }>(`select region_code as k, count(*)::int as n from "case" group by 1 order by 2 desc`);
    const byState = await admin.query<{ k: string; n: number }>(`select state as k, count(*)::int as n from "case" group by 1 order by 2 desc`);
    const total = byState.rows.reduce((s, r) => s + r.n, 0);
    const share = (rows: Array<{ k: string; n: number }>) => Object.fromEntries(rows.map((r) => [r.k, Math.round((r.n / total) * 1000) / 1000]));
    const sizes = await admin.query<{ t: number; i: number }>(`select pg_table_size('"case"')::float8 / 1048576 as t, pg_indexes_size('"case"')::float8 / 1048576 as i`);
    const orgRows = await admin.query<{ key: string; name: string; region_code: string }>(`select key, name, region_code from org where key = any($1::text[])`, [[...orgShares.keys()]]);
    return {
      rows: r.rowCount ?? n,
      seconds,
      rowsPerSec: (r.rowCount ?? n) / seconds,
      vacuumSeconds,
      checkpointSeconds,
      templateCase,
      templates: templates.length,
      shareByRegion: share(byRegion.rows),
      shareByState: share(byState.rows),
      orgs: orgRows.rows.map((o) => ({ key: o.key, name: o.name, regionCode: o.region_code, share: orgShares.get(o.key)! })).sort((a, b) => b.share - a.share),
      tableMb: Math.round(sizes.rows[0]!.t),
      indexesMb: Math.round(sizes.rows[0]!.i),
    };
  } finally {
    await gen.end().catch(() => undefined);
  }
}

type Stmt = { text: string; values: unknown[] };
type QueueSql = {
  /** The one statement listCases runs (cases/queue.ts): the page and the capped count as subqueries of one SELECT. */
  statement: Stmt;
  /** Its two parts on their own, to EXPLAIN each. */
  count: Stmt;
  page: Stmt;
  /** Uncapped count of the matching cases (for the report, not run by the server). */
  all: Stmt;
};

const SUMMARY_COLUMNS = ['id', 'number', 'state', 'item_name', 'impl_code', 'agency_name', 'applicant_name', 'applicant_type', 'submitted_at', 'due_date', 'warn_date', 'closed_at', 'version', 'accept_region_code']
  .map((c) => `"case"."${c}"`)
  .join(', ');
/** The summary's computed columns, as queue.ts writes them (suspension flag, the assignee's name read in the same statement). */
const SUMMARY_EXTRAS = `"case"."suspension" is not null as "suspended", (select a.display_name from account a where a.id = "case"."assignee_id") as "assignee_name"`;

/** The statement listCases runs for a staff member (cases/queue.ts listCases + service.ts scoped), as Kysely compiles it. */
function queueSql(scope: { orgId?: string; regionPrefix: string }, state: string, page: number, pageSize: number): QueueSql {
  const where = (from: number) =>
    scope.orgId ? `"case"."org_id" = $${from} and "case"."region_code" like $${from + 1} and "case"."state" = $${from + 2}` : `"case"."region_code" like $${from} and "case"."state" = $${from + 1}`;
  const base: unknown[] = scope.orgId ? [scope.orgId, `${scope.regionPrefix}%`, state] : [`${scope.regionPrefix}%`, state];
  const n = base.length;
  const order = (t: string) => `"${t}"."due_date" asc nulls last, "${t}"."id"`;
  const pageIds = (from: number) => `select "case"."id" from "case" where ${where(from)} order by ${order('case')} limit $${from + n} offset $${from + n + 1}`;
  const pageText = (from: number) => `select ${SUMMARY_COLUMNS}, ${SUMMARY_EXTRAS} from "case" where "case"."id" in (${pageIds(from)})`;
  const countText = (from: number) => `select count(*) as "total" from (select 1 as "one" from "case" where ${where(from)} limit $${from + n}) as "capped"`;
  const pageValues = [...base, pageSize, (page - 1) * pageSize];
  const countValues = [...base, COUNT_CAP + 1];
  return {
    statement: {
      text: `select /* tongban:prepare */ "p".*, "n"."total" from (${pageText(1)}) as "p" right join (${countText(n + 3)}) as "n" on true order by ${order('p')}`,
      values: [...pageValues, ...countValues],
    },
    all: { text: `select count(*)::int as n from "case" where ${where(1)}`, values: base },
    count: { text: countText(1), values: countValues },
    page: { text: `${pageText(1)} order by ${order('case')}`, values: pageValues },
  };
}

const PLAN_NAMES = ['whole statement', 'capped count alone', 'page alone'];
const planSummary = (plans: Plan[]) => plans.map((p, i) => `${PLAN_NAMES[i]} ${fmtMs(p.executionMs)} ms (${p.topNode})`).join('; ');

type QueueTarget = { key: string; label: string; path: string; session: Session; sql: QueueSql; matching: number };
type Plan = { statement: string; executionMs: number; topNode: string; plan: string };
type QueueResult = TargetResult & { matchingCases: number; apiTotal: number; totalCapped: boolean; plans: Plan[]; cpu: CpuUse | undefined; waits: WaitProfile };

async function staffScope(admin: pg.Client, username: string): Promise<{ orgId: string; regionPrefix: string }> {
  const { rows } = await admin.query<{ org_id: string; region_code: string }>(
    `select a.org_id, coalesce(a.region_code, o.region_code) as region_code from account a join org o on o.id = a.org_id where a.username = $1`,
    [username],
  );
  if (!rows[0]) throw new Error(`no staff account ${username}`);
  return { orgId: rows[0].org_id, regionPrefix: rows[0].region_code.replace(/(00)+$/, '') };
}

async function explain(pgUrl: string, client: pg.Client, q: Stmt): Promise<Plan> {
  const r = await cancellable<{ 'QUERY PLAN': string }>(pgUrl, client, `explain (analyze, buffers) ${q.text}`, q.values);
  const lines = r.rows.map((row) => row['QUERY PLAN']);
  const exec = lines.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
  const params = q.values.map((v, i) => `$${i + 1}=${typeof v === 'string' ? `'${v}'` : String(v)}`).join(', ');
  return { statement: `${q.text}  -- ${params}`, executionMs: exec ? Number(exec[1]) : NaN, topNode: lines[0]!.replace(/\s+\(cost=.*$/, '').trim(), plan: lines.join('\n') };
}

async function queueTargets(baseUrl: string, admin: pg.Client): Promise<QueueTarget[]> {
  const clerk = await login(baseUrl, 'clerk');
  const reviewer = await login(baseUrl, 'reviewer');
  const clerkScope = await staffScope(admin, 'clerk');
  const reviewerScope = await staffScope(admin, 'reviewer');
  const defs = [
    { key: 'clerkQueue', label: 'clerk queue, submitted, page 1', session: clerk, scope: { regionPrefix: clerkScope.regionPrefix }, state: 'submitted', page: 1 },
    { key: 'reviewerQueue', label: 'reviewer queue, accepted, page 1', session: reviewer, scope: reviewerScope, state: 'accepted', page: 1 },
    { key: 'clerkQueueDeep', label: 'clerk queue, submitted, page 50', session: clerk, scope: { regionPrefix: clerkScope.regionPrefix }, state: 'submitted', page: 50 },
  ];
  const out: QueueTarget[] = [];
  for (const d of defs) {
    const p = `/api/v1/cases?state=${d.state}&pageSize=20${d.page > 1 ? `&page=${d.page}` : ''}`;
    const api = await probe(baseUrl, p, { headers: { cookie: d.session.cookie } });
    expectStatus(`GET ${p} as ${d.session.username}`, api);
    const body = api.body as { cases: Array<{ id: string }>; total: number; totalCapped: boolean };
    const q = queueSql(d.scope, d.state, d.page, 20);
    // The reconstructed SQL must give the page and the total the API gave, or its plan explains nothing.
    const mine = await admin.query<{ id: string; total: number }>(q.statement.text, q.statement.values);
    const same =
      mine.rows.length === body.cases.length && mine.rows.every((r, i) => r.id === body.cases[i]!.id && Math.min(r.total, COUNT_CAP) === body.total);
    if (!same) throw new Error(`${d.key}: the reconstructed queue SQL does not return the API's page (${mine.rows.length} vs ${body.cases.length} rows): listCases changed?`);
    if (body.cases.length !== 20) throw new Error(`${d.key}: expected a full page of 20, got ${body.cases.length}`);
    const matching = await admin.query<{ n: number }>(q.all.text, q.all.values);
    out.push({ key: d.key, label: `${d.label} (${d.session.username})`, path: p, session: d.session, sql: q, matching: matching.rows[0]!.n });
  }
  return out;
}

/** One queue page under load, with CPU and session waits, then its two statements EXPLAINed on a quiet database. */
async function measureQueue(srv: ServerHandle, pgUrl: string, admin: pg.Client, t: QueueTarget): Promise<QueueResult> {
  // (measure() runs its warm-up first, so CPU and waits cover warm-up + measured run.)
  const cpu = cpuMeter(srv.pid);
  const waits = waitSampler(pgUrl);
  const r = await measure(srv.baseUrl, { key: t.key, label: t.label, path: t.path, headers: { cookie: t.session.cookie } }, {
    connections: settings.connections,
    warmupSec: settings.warmupSec,
    durationSec: settings.durationSec,
    signal: abort.signal,
  });
  const cpuUse = cpu.stop();
  const waitProfile = await waits.stop();
  const plans = [await explain(pgUrl, admin, t.sql.statement), await explain(pgUrl, admin, t.sql.count), await explain(pgUrl, admin, t.sql.page)];
  const api = await probe(srv.baseUrl, t.path, { headers: { cookie: t.session.cookie } });
  expectStatus(`GET ${t.path}`, api);
  const b = api.body as { total: number; totalCapped: boolean };
  return { ...r, matchingCases: t.matching, apiTotal: b.total, totalCapped: b.totalCapped, plans, cpu: cpuUse, waits: waitProfile };
}

/**
 * BENCH_TRY_INDEXES=1: indexes that would let every queue statement read only what it returns, built in this run's
 * throw-away database (server/ is not changed): the scope column rides along (INCLUDE) in the indexes that give
 * the queue's order, so the capped count is an index-only scan and the page is read in order.
 */
const CANDIDATE_INDEXES = [
  `create index bench_case_state_due_region_idx on "case" (state, due_date, id) include (region_code)`,
  `create index bench_case_org_state_due_region_idx on "case" (org_id, state, due_date, id) include (region_code)`,
];

// ---------------------------------------------------------------------------------------------------------------
// Report

function table(header: string[], rows: string[][], leftCols = 1): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(Math.max(0, w - displayWidth(s))) : ' '.repeat(Math.max(0, w - displayWidth(s))) + s);
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i < leftCols)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const limit = timeLimit(abort, TIME_LIMIT_MS);
  const startedAt = new Date();
  const { cpus, loadBefore, line: machineLine } = machineNow();
  let embedded: EmbeddedPostgres | undefined;
  let admin: pg.Client | undefined;
  try {
    log(machineLine);
    const start = startCommandFromPackageJson();
    log(`Starting the server as \`npm start\` does (package.json scripts.start: "${start.source}"; fresh embedded PostgreSQL, demo world seeds itself)…`);
    server = await startServer({ readyTimeoutMs: READY_TIMEOUT_MS, signal: abort.signal, start });
    const { line: readyText, startupHwmKb } = readyLine(server);
    log(readyText);

    embedded = await serverPostgres(server);
    const pgUrl = embedded.url(EMBEDDED_DATABASE);
    admin = new pg.Client({ connectionString: pgUrl, application_name: 'tongban-bench-admin' });
    admin.on('error', () => undefined);
    await admin.connect();
    const pgSettings = await admin.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'server_version') order by name`,
    );
    const pgInfo = Object.fromEntries(pgSettings.rows.map((r) => [r.name, r.setting]));
    log(`Connected to its PostgreSQL ${pgInfo.server_version} on port ${embedded.port} (fsync ${pgInfo.fsync}, synchronous_commit ${pgInfo.synchronous_commit}).`);
    log(`Load: ${settings.connections} connections, ${settings.warmupSec} s warm-up + ${settings.durationSec} s measured per phase.\n`);

    // 2. Raw baseline.
    process.stdout.write(`Raw INSERT baseline: ${settings.connections} pg clients × (BEGIN; INSERT 5 KB jsonb; COMMIT) … `);
    const raw = await rawInsertBaseline(pgUrl, admin, server.pid);
    log(`${int(raw.transactionsPerSec)} tx/s`);
    const rawHwmKb = server.procStatusKb('VmHWM');

    // 3. Submissions.
    log('Submissions: POST /api/v1/cases as citizen …');
    const submit = await submissions(server.baseUrl, pgUrl, admin, server.pid);
    log(`  ${int(submit.createdPerSec)} submissions/s (${int(submit.created)} filed in ${submit.durationSec.toFixed(2)} s; ${int(submit.casesInDatabase)} cases in the database)`);
    if (submit.firstFailure) log(`  first failure: ${submit.firstFailure}`);
    const submitHwmKb = server.procStatusKb('VmHWM');

    // 4. Queue over N cases.
    let generated: GenerateResult | undefined;
    const queue: QueueResult[] = [];
    const hwmAfterQueue: Record<string, number | undefined> = {};
    let candidate: { ddl: Array<{ sql: string; seconds: number }>; queue: QueueResult[] } | undefined;
    if (settings.cases > 0) {
      log(`\nGenerating ${int(settings.cases)} cases in one INSERT … SELECT FROM generate_series …`);
      generated = await generateCases(pgUrl, admin, settings.cases);
      log(
        `  ${int(generated.rows)} rows in ${generated.seconds.toFixed(1)} s (${int(generated.rowsPerSec)} rows/s); VACUUM ANALYZE ${generated.vacuumSeconds.toFixed(1)} s; CHECKPOINT ${generated.checkpointSeconds.toFixed(1)} s; ` +
          `table ${generated.tableMb} MB + indexes ${generated.indexesMb} MB`,
      );
      log(`  by state: ${Object.entries(generated.shareByState).map(([k, v]) => `${k} ${(v * 100).toFixed(1)} %`).join(', ')}`);
      log(`  by region: ${Object.entries(generated.shareByRegion).map(([k, v]) => `${k} ${(v * 100).toFixed(1)} %`).join(', ')}`);
      log(`  organisations: ${generated.orgs.map((o) => `${o.name} (${o.key}, ${o.regionCode}) ${(o.share * 100).toFixed(0)} %`).join('; ')}`);

      const targets = await queueTargets(server.baseUrl, admin);
      log('Queue pages (reconstructed SQL checked against the API):');
      for (const t of targets) {
        process.stdout.write(`  ${t.label}: ${int(t.matching)} matching cases … `);
        const r = await measureQueue(server, pgUrl, admin, t);
        hwmAfterQueue[t.key] = server.procStatusKb('VmHWM');
        log(`${int(r.requestsPerSec)} req/s, p95 ${fmtMs(r.latencyMs.p95)} ms`);
        queue.push(r);
      }

      if (settings.tryIndexes) {
        log(`\nBENCH_TRY_INDEXES: building candidate indexes in this run's database (server/ unchanged) and measuring again …`);
        const ddl: Array<{ sql: string; seconds: number }> = [];
        const ix = new pg.Client({ connectionString: pgUrl, application_name: 'tongban-bench-index' });
        ix.on('error', () => undefined);
        await ix.connect();
        try {
          await ix.query(`set statement_timeout = ${INDEX_TIMEOUT_MS}`);
          await ix.query(`set maintenance_work_mem = '256MB'`);
          for (const sqlText of CANDIDATE_INDEXES) {
            const t0 = performance.now();
            await cancellable(pgUrl, ix, sqlText);
            ddl.push({ sql: sqlText, seconds: (performance.now() - t0) / 1000 });
            log(`  ${sqlText}: ${ddl[ddl.length - 1]!.seconds.toFixed(1)} s`);
          }
          await cancellable(pgUrl, ix, 'analyze "case"');
        } finally {
          await ix.end().catch(() => undefined);
        }
        const after: QueueResult[] = [];
        for (const t of targets) {
          process.stdout.write(`  ${t.label} with the candidate indexes … `);
          const r = await measureQueue(server, pgUrl, admin, t);
          log(`${int(r.requestsPerSec)} req/s, p95 ${fmtMs(r.latencyMs.p95)} ms; ${planSummary(r.plans)}`);
          after.push(r);
        }
        candidate = { ddl, queue: after };
      }
    }

    const peakKb = server.procStatusKb('VmHWM');
    const rssKb = server.procStatusKb('VmRSS');
    const peakMb = mb(peakKb);
    const ratio = raw.transactionsPerSec > 0 ? submit.createdPerSec / raw.transactionsPerSec : NaN;

    // Summary.
    const rows: string[][] = [
      [
        `raw INSERT tx (${raw.clients} pg clients, 5 KB jsonb)`,
        int(raw.transactionsPerSec),
        fmtMs(raw.latencyMs.p50),
        fmtMs(raw.latencyMs.p95),
        fmtMs(raw.latencyMs.p99),
        '—',
        String(raw.errors),
        '1.000',
        'baseline',
      ],
      [
        `submissions POST /api/v1/cases (${(submit.formBytes / 1024).toFixed(1)} KB form)`,
        int(submit.createdPerSec),
        fmtMs(submit.latencyMs.p50),
        fmtMs(submit.latencyMs.p95),
        fmtMs(submit.latencyMs.p99),
        String(submit.non2xx),
        String(submit.errors),
        Number.isFinite(ratio) ? ratio.toFixed(3) : '—',
        `≥ ${GOAL_MIN_SUBMIT_RATIO} × raw: ${ratio >= GOAL_MIN_SUBMIT_RATIO ? 'met' : 'MISSED'}`,
      ],
      ...[...queue, ...(candidate?.queue.map((q) => ({ ...q, label: `${q.label} + candidate indexes` })) ?? [])].map((q) => [
        q.label,
        int(q.requestsPerSec),
        fmtMs(q.latencyMs.p50),
        fmtMs(q.latencyMs.p95),
        fmtMs(q.latencyMs.p99),
        String(q.non2xx),
        String(q.errors),
        '',
        `p95 ≤ ${GOAL_MAX_QUEUE_P95_MS} ms: ${q.latencyMs.p95 <= GOAL_MAX_QUEUE_P95_MS ? 'met' : 'MISSED'}`,
      ]),
    ];
    log('\n' + table(['phase', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', '× raw', 'target'], rows));
    log(`\n(per s: committed transactions for the raw baseline, 201 Created for submissions, responses for queue pages.)`);
    if (queue.length) {
      log(`Queue over ${int(generated!.rows + submit.casesInDatabase)} cases; statement times (EXPLAIN ANALYZE on a quiet database after each load):`);
      for (const q of queue) log(`  ${q.key}: ${planSummary(q.plans)}`);
    }
    const { under, verdict } = rssBudget(peakMb);
    log(
      peakMb === undefined
        ? `\nServer peak RSS: unavailable (no /proc/${server.pid}/status on this system).`
        : `\nServer peak RSS (VmHWM of node pid ${server.pid}, embedded PostgreSQL not included): ${peakMb} MB ` +
            `(after start-up: ${mb(startupHwmKb)} MB, after raw baseline: ${mb(rawHwmKb)} MB, after submissions: ${mb(submitHwmKb)} MB, current: ${mb(rssKb)} MB). ` +
            verdict,
    );
    log('\nWhere the time went (measured runs):');
    log(`  raw INSERT: ${formatCpu(raw.cpu, raw.transactionsPerSec, 'transaction')}`);
    log(`  submissions: ${formatCpu(submit.cpu, submit.responses / submit.durationSec, 'submission')}`);
    log(`    server DB sessions: ${formatWaits(submit.waits)}`);
    for (const q of [...queue, ...(candidate?.queue.map((c) => ({ ...c, key: `${c.key} + candidate indexes` })) ?? [])]) {
      log(`  ${q.key} (warm-up included): ${formatCpu(q.cpu, q.requestsPerSec, 'request')}`);
      log(`    server DB sessions: ${formatWaits(q.waits)}`);
    }
    const missed = queue.filter((q) => q.latencyMs.p95 > GOAL_MAX_QUEUE_P95_MS);
    for (const q of settings.explain ? queue : missed) {
      log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${q.label}${q.latencyMs.p95 > GOAL_MAX_QUEUE_P95_MS ? `, p95 ${fmtMs(q.latencyMs.p95)} ms misses ${GOAL_MAX_QUEUE_P95_MS} ms` : ''}:`);
      for (const p of q.plans) log(`\n${p.statement}\n${p.plan}`);
      const withIndexes = candidate?.queue.find((c) => c.key === q.key);
      if (withIndexes) {
        log(`\n… and with the candidate indexes (BENCH_TRY_INDEXES), p95 ${fmtMs(withIndexes.latencyMs.p95)} ms:`);
        for (const p of withIndexes.plans) log(`\n${p.plan}`);
      }
    }
    const failing = [
      submit.non2xx || submit.errors ? 'submissions' : '',
      ...queue.filter((q) => q.non2xx || q.errors).map((q) => q.key),
      ...(candidate?.queue.filter((q) => q.non2xx || q.errors).map((q) => `${q.key} (candidate indexes)`) ?? []),
    ].filter(Boolean);
    if (failing.length) log(`WARNING: non-2xx responses or socket errors on: ${failing.join(', ')} (see statusCodes in the JSON).`);

    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, platform: `${os.platform()}-${os.arch()}`, cpus, cpuModel: os.cpus()[0]?.model, totalMemMb: Math.round(os.totalmem() / 1048576), loadAverage1mBeforeRun: loadBefore },
      settings: { connections: settings.connections, warmupSec: settings.warmupSec, durationSec: settings.durationSec, cases: settings.cases, tryIndexes: settings.tryIndexes },
      postgres: pgInfo,
      rawInsert: raw,
      submissions: { ...submit, ratioToRaw: Number.isFinite(ratio) ? ratio : null, minRatio: GOAL_MIN_SUBMIT_RATIO, ratioMet: ratio >= GOAL_MIN_SUBMIT_RATIO },
      generatedCases: generated ?? null,
      queue: queue.map((q) => ({ ...q, maxP95Ms: GOAL_MAX_QUEUE_P95_MS, p95Met: q.latencyMs.p95 <= GOAL_MAX_QUEUE_P95_MS })),
      candidateIndexes: candidate
        ? { ddl: candidate.ddl, queue: candidate.queue.map((q) => ({ ...q, maxP95Ms: GOAL_MAX_QUEUE_P95_MS, p95Met: q.latencyMs.p95 <= GOAL_MAX_QUEUE_P95_MS })) }
        : null,
      server: {
        command: server.command,
        startScript: start.source,
        startupMs: server.startupMs,
        peakRssMb: peakMb,
        peakRssAfterStartupMb: mb(startupHwmKb),
        peakRssAfterRawMb: mb(rawHwmKb),
        peakRssAfterSubmissionsMb: mb(submitHwmKb),
        peakRssAfterQueueTargetMb: Object.fromEntries(Object.entries(hwmAfterQueue).map(([k, v]) => [k, mb(v)])),
        currentRssMb: mb(rssKb),
        rssBudgetMb: RSS_BUDGET_MB,
        underBudget: peakMb === undefined ? null : under,
      },
    };
    writeReport(settings.out, report);
    await admin.query('drop table if exists bench_raw').catch(() => undefined);
  } finally {
    clearTimeout(limit);
    if (admin) await Promise.race([admin.end().catch(() => undefined), sleep(5_000)]);
    // `embedded` did not start the postmaster (owned is false), so there is nothing of it to stop; the server stops it.
    if (embedded?.owned) await embedded.stop();
    if (server) await stopServer(server);
  }
}

runBenchmark(main);
