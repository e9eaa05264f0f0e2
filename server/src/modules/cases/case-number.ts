/**
 * Case numbers (办件编号): the deciding agency's region, the year, and a sequence per region and year padded to six
 * digits — `321200-2026-000043`. Everything that writes or repairs a number uses this file: the one-statement
 * filing (submit-batch.ts), 一件事 member cases (member.ts) and the bundles module.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/db.ts';

/** A case number's prefix: the deciding agency's region and the year. */
export const caseNumberPrefix = (regionCode: string, year: number) => `${regionCode}-${year}-`;

/** The number as SQL: `prefix` and the sequence's `n`, padded to six digits (more when the year outgrows them). */
export const caseNumberSql = (prefix: RawBuilder<unknown>, n: RawBuilder<unknown>) => sql<string>`${prefix} || lpad(${n}::text, greatest(6, length(${n}::text)), '0')`;

/** The error of a case number that was taken already (the unique index on case.number). */
export const isTakenCaseNumber = (err: unknown) => (err as { code?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'case_number_key';

/** Per database (tests run several in one process): the sequences known to exist. */
const known = new WeakMap<Db, Set<string>>();
function knownOf(db: Db): Set<string> {
  let names = known.get(db);
  if (!names) known.set(db, (names = new Set()));
  return names;
}

/** Per region and year, case numbers come from a PostgreSQL sequence: no hot counter row for submissions to queue on. */
function caseSequenceName(regionCode: string, year: number): string {
  if (!/^\d{6,12}$/.test(regionCode) || !Number.isInteger(year)) throw new Error('bad case number scope');
  return `case_no_${regionCode}_${year}`;
}

/** Create the sequence outside the submitting statement (DDL there would serialise submissions). */
export async function ensureCaseSequence(db: Db, regionCode: string, year: number): Promise<string> {
  const name = caseSequenceName(regionCode, year);
  const names = knownOf(db);
  if (names.has(name)) return name;
  try {
    await sql`create sequence if not exists ${sql.id(name)}`.execute(db);
  } catch (err) {
    // Two processes creating it at once: the loser sees a duplicate; the sequence exists either way.
    if (!['23505', '42P07'].includes((err as { code?: string }).code ?? '')) throw err;
  }
  names.add(name);
  return name;
}

/** The sequence was dropped behind our back (a restored database): create it again when next asked for. */
export const forgetCaseSequence = (db: Db, name: string) => knownOf(db).delete(name);

/**
 * A number the sequence gave was taken already: the sequence is behind the numbers filed (a database from before
 * numbering by sequence, or restored without its sequences). Move it past the highest number of the region and year.
 * Only after that failure: the scan is never in the way of an ordinary submission.
 */
export async function catchUpCaseSequence(db: Db, regionCode: string, year: number): Promise<void> {
  const name = await ensureCaseSequence(db, regionCode, year);
  const prefix = caseNumberPrefix(regionCode, year);
  await sql`select setval(${name}::regclass, top)
              from (select max(substr(number, ${prefix.length + 1})::bigint) as top from "case"
                     where number like ${prefix + '%'} and substr(number, ${prefix.length + 1}) ~ '^[0-9]{1,18}$') x
             where top is not null`.execute(db);
}
