/**
 * The register viewer of the data administrator: one record by its key with each field's value, the department it
 * came from, when, and any open 多源校核 conflict on it. Credit records are listed by subject (all of its records).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { REGISTER_FIELDS } from './registers.ts';
import { REGISTER_TABLES, REGISTER_TITLES, columnOf, enumLabel, type LoadableRegister } from './load-fields.ts';
import { openConflictsOf, type ConflictView } from './conflicts.ts';
import type { FieldSources } from './tables.registers.ts';
import { RegisterErrors } from './errors.registers.ts';

export type FieldView = { name: string; title: string; value: string | null; label: string | null; sourceOrgName: string | null; updatedAt: string | null; conflicts: ConflictView[] };
export type RecordView = { key: string; fields: FieldView[] };

export async function registerRecords(db: Db, register: LoadableRegister, key: string): Promise<{ register: LoadableRegister; registerTitle: string; records: RecordView[] }> {
  const reg = REGISTER_TABLES[register];
  const keyCol = columnOf(reg.key[0]!);
  const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(reg.table)} where ${sql.ref(keyCol)} = ${key} order by ${sql.ref(reg.key.map(columnOf).at(-1)!)} limit 200`.execute(db)).rows;
  if (!rows.length) throw RegisterErrors.RECORD_NOT_FOUND({ register: REGISTER_TITLES[register], key });
  const orgs = new Map((await db.selectFrom('org').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
  const conflicts = await openConflictsOf(db, register, key);
  const records = rows.map((row) => {
    const recordKey = reg.key.map((k) => String(row[columnOf(k)])).join('/');
    const sources = row.field_sources as FieldSources;
    const fields = REGISTER_FIELDS[register].map((f) => {
      const raw = row[columnOf(f.name)];
      const value = raw === null || raw === undefined ? null : String(raw);
      const own = sources[f.name];
      return {
        name: f.name,
        title: f.title,
        value,
        label: enumLabel(register, f.name, value),
        sourceOrgName: orgs.get(own?.org ?? (row.source_org_id as string)) ?? null,
        updatedAt: own?.at ? new Date(own.at).toISOString() : (row.updated_at as Date).toISOString(),
        conflicts: conflicts.filter((c) => c.recordKey === recordKey && c.field === f.name),
      };
    });
    return { key: recordKey, fields };
  });
  return { register, registerTitle: REGISTER_TITLES[register], records };
}
