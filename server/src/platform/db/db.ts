import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.ts';
import { preparingClient } from './prepared.ts';

// int8 (counts, bigserial) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay plain 'YYYY-MM-DD' strings: working-day law counts calendar dates, not instants.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either a plain handle or a transaction: functions that work in both take this. */
export type DbOrTrx = Db | Trx;

export type DbHandle = { db: Db; pool: pg.Pool; url: string; close(): Promise<void> };

const pools = new WeakMap<object, pg.Pool>();
/** The pool behind a handle made by `connect` (e.g. to open a dedicated LISTEN connection with its settings). */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

export function connect(url: string, opts: { max?: number; applicationName?: string } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 20,
    application_name: opts.applicationName ?? 'tongban',
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => undefined); // idle-client errors (server restart) surface on the next query
  pool.on('connect', preparingClient);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  let closing: Promise<void> | undefined;
  return {
    db,
    pool,
    url,
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}

/** Server-side `now()` in UTC. */
export const now = sql<Date>`now()`;

/**
 * A timestamptz as the ISO 8601 text `Date#toISOString` writes (UTC, milliseconds, `Z`), made by PostgreSQL: a
 * list that only shows instants skips parsing each into a Date and formatting it again.
 */
export const isoTimestamp = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Map a unique violation to a domain error (callers decide which). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
