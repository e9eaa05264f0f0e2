/**
 * Application-level group commit for case submissions (ADR 0006).
 *
 * Each submission is planned and checked in node as before (submit.ts); what reaches the database is a `Filing`:
 * every value of the rows it writes, encoded as JSON by the request that makes it (so between one statement's
 * answer and the next statement a batch is only joined, not serialised). Filings that arrive while earlier batches
 * are in flight wait in a queue and are filed together, as soon as the batch in flight finishes, in ONE statement:
 * one parse/plan (prepared), one executor start, one commit and WAL flush for N cases. Nothing waits on a timer:
 * under no load a filing goes alone at once.
 *
 * Every check stays per row, so each request gets exactly its own outcome: the item version still published,
 * every file the applicant's (or the filing window clerk's), the Idempotency-Key claimed (`on conflict do nothing`, claimed in (owner, key) order
 * so two batches never deadlock on each other's keys) — a row that fails a check writes nothing and its request is
 * answered as if it had gone alone. Two filings with the same owner and key never share a batch (the second waits
 * for the next one and finds the first's case). A batch whose statement fails as a whole (an error no per-row check
 * foresaw) is filed again one filing per statement, so an error belongs to the request that caused it and nothing
 * is lost.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { PREPARE_MARK } from '../../platform/db/prepared.ts';
import { caseNumberSql } from './case-number.ts';

/** Everything one case's rows need (submit.ts builds it). */
export type Filing = {
  case_id: string;
  action_id: string;
  applicant_id: string;
  subject_type: string;
  display_name: string;
  /** Who files (the Idempotency-Key's owner, the first log entry's actor): the applicant, or a window clerk for them. */
  filer_id: string;
  filer_name: string;
  filer_role: string;
  key: string | null;
  hash: string | null;
  item_id: string;
  version_id: string;
  item_version: number;
  impl_code: string;
  item_name: string;
  region_code: string;
  org_id: string;
  agency_name: string;
  /** The region-year sequence (regclass text) and the number's prefix. */
  seq: string;
  prefix: string;
  form: unknown;
  committed_days: number;
  statutory_days: number;
  now: string;
  due_date: string;
  warn_date: string;
  case_type: string;
  joint: boolean;
  delivery: unknown;
  accept_region_code: string | null;
  commitment: unknown;
  review: unknown;
  log_payload: unknown;
  outbox_id: string;
  outbox: unknown;
  audit_id: string;
  audit_at: string;
  ip: string;
  materials: Array<{ code: string; name: string; file_id: string }>;
  /** Distinct files named. */
  nfiles: number;
  /** 免提交: materials given as the applicant's electronic licenses, as checked (absent when none). */
  licenses?: Array<{ code: string; name: string; license_ref: string; type_code: string; type_name: string; number: string; issuer_name: string; holder_name: string }>;
};

/**
 * One row of the answer per filing: whether the item was still published, the applicant's files among those named
 * (id → name), the region names the case shows (code → name), and what the database decided of the case: its id
 * (null: not filed), number and applicant name. The rest of the case row is the filing's own values (submit.ts).
 */
export type Filed = {
  _published: boolean;
  _files: Record<string, string>;
  _regions: Record<string, string>;
  id: string | null;
  number: string | null;
  applicant_name: string | null;
};

/** A filing as the statement takes it: its JSON text, UTF-8, made once by the request that files it. */
export type EncodedFiling = { f: Filing; json: Buffer };
const FORM_KEY = Buffer.from(',"form":');
const CLOSE_OBJECT = Buffer.from('}');

/** `form`: the filing's form as JSON already (the bytes its request was fingerprinted by, submit.ts), put in as they are. */
export function encodeFiling(f: Filing, form: Buffer): EncodedFiling {
  const head = JSON.stringify({ ...f, form: undefined });
  return { f, json: Buffer.concat([Buffer.from(head.slice(0, -1)), FORM_KEY, form, CLOSE_OBJECT]) };
}

/**
 * At most this many filings per statement, and this many statements in flight per database.
 * `TONGBAN_SUBMIT_BATCH_MAX=1` turns batching off (every filing its own statement, as many at once as the pool
 * allows) — for measuring the difference (bench/README.md). One statement in flight measured lowest in CPU per
 * submission (node 0.36 ms, PostgreSQL 0.21 ms; 0.44 / 0.27 with two in flight, 0.45 / 0.36 with four).
 */
export const BATCH_MAX = Math.max(1, Number(process.env.TONGBAN_SUBMIT_BATCH_MAX ?? 64) || 64);
export const IN_FLIGHT_MAX = Math.max(1, Number(process.env.TONGBAN_SUBMIT_IN_FLIGHT ?? 1) || 1);

const statement = (rows: string) => sql<Filed & { i: number }>`${sql.raw(PREPARE_MARK)}
    with r as (
      select * from jsonb_to_recordset(${rows}::jsonb) as r(
        i int, case_id uuid, action_id uuid, applicant_id uuid, subject_type text, display_name text,
        filer_id uuid, filer_name text, filer_role text, key text, hash text,
        item_id uuid, version_id uuid, item_version int, impl_code text, item_name text, region_code text, org_id uuid, agency_name text,
        seq text, prefix text, form jsonb, committed_days int, statutory_days int, now timestamptz, due_date date, warn_date date,
        case_type text, joint boolean, delivery jsonb, accept_region_code text, commitment jsonb, review jsonb, log_payload jsonb,
        outbox_id uuid, outbox jsonb, audit_id uuid, audit_at timestamptz, ip text, materials jsonb, nfiles int, licenses jsonb)),
    pub as (
      select r.i from r join service_item i on i.id = r.item_id and i.status = 'published'
        join service_item_version v on v.item_id = i.id and v.version = i.published_version and v.id = r.version_id),
    files as (
      -- each file by its key (offset 0 keeps it so): not every file of an applicant who has many
      select distinct r.i, f.id, f.name
        from r cross join lateral jsonb_to_recordset(r.materials) as x(code text, name text, file_id uuid)
        cross join lateral (select f.id, f.name, f.owner_id from file_object f where f.id = x.file_id offset 0) f
       where f.owner_id in (r.applicant_id, r.filer_id)),
    ok as (select r.* from r where r.i in (select i from pub) and r.nfiles = (select count(*) from files where files.i = r.i)),
    claim as (
      insert into idempotency_record (owner_id, scope, key, request_hash, result_id)
      select filer_id, 'case.submit', key, hash, case_id::text from ok where key is not null order by filer_id, key
      on conflict do nothing returning result_id),
    go as (select ok.*, nextval(ok.seq::regclass) as n from ok where ok.key is null or ok.case_id::text in (select result_id from claim)),
    c as (
      insert into "case" (id, number, region_code, org_id, agency_name, item_id, item_version_id, item_version, impl_code, item_name,
                          applicant_id, applicant_name, applicant_type, state, version, form, decision, committed_days, statutory_days,
                          submitted_at, due_date, warn_date, case_type, joint, delivery, accept_region_code, commitment, review)
      select go.case_id, ${caseNumberSql(sql.ref('go.prefix'), sql.ref('go.n'))},
             go.region_code, go.org_id, go.agency_name, go.item_id, go.version_id, go.item_version, go.impl_code, go.item_name, go.applicant_id,
             coalesce((select case when go.subject_type = 'entity' then a.entity_name else a.person_name end from account a where a.id = go.applicant_id), go.display_name),
             go.subject_type, 'submitted', 1, go.form, null, go.committed_days, go.statutory_days,
             go.now, go.due_date, go.warn_date, go.case_type, go.joint, go.delivery, go.accept_region_code, go.commitment, go.review
        from go
      returning id, number, applicant_name, applicant_id, impl_code),
    m as (
      insert into case_material (case_id, code, name, file_id, file_name)
      select c.id, x.code, x.name, f.id, f.name
        from c join r on r.case_id = c.id cross join lateral jsonb_to_recordset(r.materials) as x(code text, name text, file_id uuid)
        join files f on f.i = r.i and f.id = x.file_id),
    ml as (
      insert into case_material_license (case_id, code, name, license_ref, type_code, type_name, number, issuer_name, holder_name)
      select c.id, x.code, x.name, x.license_ref, x.type_code, x.type_name, x.number, x.issuer_name, x.holder_name
        from c join r on r.case_id = c.id and r.licenses is not null
        cross join lateral jsonb_to_recordset(r.licenses) as x(code text, name text, license_ref text, type_code text, type_name text, number text, issuer_name text, holder_name text)),
    log as (
      insert into case_action (id, case_id, seq, action, from_state, to_state, actor_id, actor_name, actor_role, payload, at)
      select r.action_id, c.id, 1, 'submit', null, 'submitted', r.filer_id, r.filer_name, r.filer_role, r.log_payload, r.now
        from c join r on r.case_id = c.id),
    draft as (delete from case_draft d using c join r on r.case_id = c.id where d.applicant_id = c.applicant_id and d.impl_code = c.impl_code and r.filer_id = r.applicant_id),
    outbox as (
      insert into outbox_event (id, topic, payload)
      select r.outbox_id, 'case.submitted', r.outbox || jsonb_build_object('number', c.number) from c join r on r.case_id = c.id),
    audit as (
      insert into audit_event (id, at, actor_id, actor_name, action, entity_type, entity_id, before, after, ip, prev_hash, hash)
      select r.audit_id, r.audit_at, r.filer_id, r.filer_name, 'case.submit', 'case', c.id::text, null,
             jsonb_build_object('number', c.number, 'state', 'submitted'), r.ip, null, null
        from c join r on r.case_id = c.id)
    select r.i, r.i in (select i from pub) as _published,
           (select coalesce(json_object_agg(f.id, f.name), '{}') from files f where f.i = r.i) as _files,
           (select coalesce(json_object_agg(g.code, g.name), '{}') from region g where g.code in (r.region_code, r.accept_region_code)) as _regions,
           c.id, c.number, c.applicant_name
      from r left join c on c.id = r.case_id
     order by r.i`;

/**
 * The statement's text, compiled once: the same string every time, so the prepared-statement lookup (platform/db/
 * prepared.ts) hashes it once, not ~4 KB of SQL per statement.
 */
let text: string | undefined;

/**
 * Buffers the statements' parameters are written into, reused. A batch's parameter is ~130 KB; a fresh one per
 * statement (~150 a second under load) made V8 run a full mark-compact about every half second (the backing stores of
 * those buffers are freed only by a full GC), which cost node a sixth of its CPU per submission (bench/README.md,
 * round 5). A buffer belongs to one statement from its parameter's writing until PostgreSQL has answered (pg copies
 * it into the message it sends), then waits here for the next. Only a few are kept, and none over 1 MB.
 */
const spare: Buffer[] = [];
const SPARE_MAX = 4;
const SPARE_MAX_BYTES = 1 << 20;
function takeBuffer(size: number): Buffer {
  const i = spare.findIndex((b) => b.length >= size);
  return i >= 0 ? spare.splice(i, 1)[0]! : Buffer.allocUnsafeSlow(Math.max(1 << 16, 2 ** Math.ceil(Math.log2(size))));
}
function giveBack(b: Buffer): void {
  if (spare.length < SPARE_MAX && b.length <= SPARE_MAX_BYTES) spare.push(b);
}

const JSONB_VERSION = 1;
const [OPEN, COMMA, CLOSE] = [0x5b, 0x2c, 0x5d]; // [ , ]
const prefix = (i: number) => `{"i":${i},`;

/**
 * Write the statement's parameter into `into` (at least `parameterLength(filings)` long): the filings as one JSON
 * array, each object with its index `i` put in front, in jsonb's binary wire format (a version byte, then the text),
 * so the driver copies bytes instead of encoding text. Returns the part written.
 */
function writeParameter(into: Buffer, filings: EncodedFiling[]): Buffer {
  let at = 0;
  into[at++] = JSONB_VERSION;
  into[at++] = OPEN;
  filings.forEach(({ json }, i) => {
    if (i > 0) into[at++] = COMMA;
    at += into.write(prefix(i), at, 'latin1');
    at += json.copy(into, at, 1);
  });
  into[at++] = CLOSE;
  return into.subarray(0, at);
}
const parameterLength = (filings: EncodedFiling[]) => filings.reduce((n, { json }, i) => n + prefix(i).length + json.length, 2);

/** File these filings in one statement; the answer's rows in the filings' order. */
export async function fileMany(db: Db, filings: EncodedFiling[]): Promise<Filed[]> {
  text ??= statement('').compile(db).sql;
  const buffer = takeBuffer(parameterLength(filings));
  try {
    const { rows } = await db.executeQuery<Filed & { i: number }>(CompiledQuery.raw(text, [writeParameter(buffer, filings)]));
    const byIndex = new Map(rows.map((r) => [r.i, r]));
    return filings.map((_, i) => byIndex.get(i)!);
  } finally {
    giveBack(buffer);
  }
}

const single = async (db: Db, f: EncodedFiling): Promise<Filed> => (await fileMany(db, [f]))[0]!;

type Pending = { f: EncodedFiling; resolve: (row: Filed) => void; reject: (err: unknown) => void };
type Batcher = { queue: Pending[]; inFlight: number; stats: BatchStats };
/** Batches run so far on a database (statements that filed more than one case), their filings, the largest, and how many failed as a whole. */
export type BatchStats = { batches: number; filings: number; largest: number; fellBack: number };
export const batchStats = (db: Db): BatchStats => ({ ...(batchers.get(db)?.stats ?? { batches: 0, filings: 0, largest: 0, fellBack: 0 }) });
const batchers = new WeakMap<Db, Batcher>();

/**
 * File one case, together with whatever other filings queued meanwhile (alone when nothing else is in flight).
 */
export function fileBatched(db: Db, f: EncodedFiling): Promise<Filed> {
  if (BATCH_MAX === 1) return single(db, f);
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = { queue: [], inFlight: 0, stats: { batches: 0, filings: 0, largest: 0, fellBack: 0 } }));
  const batcher = b;
  return new Promise<Filed>((resolve, reject) => {
    batcher.queue.push({ f, resolve, reject });
    pump(db, batcher);
  });
}

/** Take the next batch: queue order, at most BATCH_MAX, never two filings with the same owner and key. */
function take(queue: Pending[]): Pending[] {
  const batch: Pending[] = [];
  const keys = new Set<string>();
  const rest: Pending[] = [];
  for (const p of queue) {
    const k = p.f.f.key === null ? null : `${p.f.f.filer_id}\u0000${p.f.f.key}`;
    if (batch.length >= BATCH_MAX || (k !== null && keys.has(k))) rest.push(p);
    else {
      if (k !== null) keys.add(k);
      batch.push(p);
    }
  }
  queue.splice(0, queue.length, ...rest);
  return batch;
}

function pump(db: Db, b: Batcher): void {
  while (b.inFlight < IN_FLIGHT_MAX && b.queue.length) {
    const batch = take(b.queue);
    b.inFlight++;
    if (batch.length > 1) {
      b.stats.batches++;
      b.stats.filings += batch.length;
      b.stats.largest = Math.max(b.stats.largest, batch.length);
    }
    void run(db, b, batch);
  }
}

async function run(db: Db, b: Batcher, batch: Pending[]): Promise<void> {
  const release = () => {
    b.inFlight--;
    pump(db, b);
  };
  let rows: Filed[];
  try {
    rows = await fileMany(db, batch.map((p) => p.f));
  } catch (err) {
    try {
      if (batch.length === 1) return batch[0]!.reject(err);
      // The batch failed as a whole: file each alone, so the error reaches only the request that causes it.
      b.stats.fellBack++;
      await Promise.all(batch.map((p) => single(db, p.f).then(p.resolve, p.reject)));
      return;
    } finally {
      release();
    }
  }
  // The next batch goes to the database first; this batch's answers are built (and sent) while it runs, not
  // while PostgreSQL waits for them (setImmediate: after the next statement has been written to its socket).
  release();
  setImmediate(() => batch.forEach((p, i) => p.resolve(rows[i]!)));
}
