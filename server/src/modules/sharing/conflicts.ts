/**
 * 一数一源 (one datum, one source): each field of a register has one designated source department, whose value the
 * register holds; 多源校核 (multi-source check): where another department supplies a different value, the
 * disagreement is listed for the data administrator, who settles it (以指定来源为准 / 通知来源部门更正), audited.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { REGISTER_FIELDS } from './registers.ts';
import { REGISTER_TITLES, enumLabel, type LoadableRegister } from './load-fields.ts';
import { RegisterErrors } from './errors.registers.ts';

/** The seeded designations: population from 市公安局 except marital status and spouse from 市民政局 (婚姻登记机关). */
export const DEFAULT_DESIGNATIONS: Record<LoadableRegister, { orgKey: string; except?: Record<string, string> }> = {
  population: { orgKey: 'gaj', except: { maritalStatus: 'mzj', spouseId: 'mzj' } },
  entity: { orgKey: 'scjgj' },
  credit: { orgKey: 'fgw' },
};

/** Write the default designations (the demo seed; a fresh install). */
export async function seedDesignations(db: Db): Promise<void> {
  const orgs = new Map((await db.selectFrom('org').select(['id', 'key']).execute()).map((o) => [o.key, o.id]));
  for (const [register, d] of Object.entries(DEFAULT_DESIGNATIONS) as Array<[LoadableRegister, (typeof DEFAULT_DESIGNATIONS)[LoadableRegister]]>) {
    const rows = REGISTER_FIELDS[register].map((f) => ({ register, field: f.name, org_id: orgs.get(d.except?.[f.name] ?? d.orgKey)!, updated_by_name: '系统初始化' }));
    await db.insertInto('register_source').values(rows).onConflict((oc) => oc.columns(['register', 'field']).doNothing()).execute();
  }
}

/** The designated source of each field of a register (fields without one are missing from the map). */
export async function designationsOf(db: Db, register: LoadableRegister): Promise<Map<string, string>> {
  const rows = await db.selectFrom('register_source').select(['field', 'org_id']).where('register', '=', register).execute();
  return new Map(rows.map((r) => [r.field, r.org_id]));
}

export type Designation = { register: LoadableRegister; field: string; title: string; orgId: string | null; orgName: string | null; updatedAt: string | null; updatedByName: string | null };

export async function listDesignations(db: Db, register: LoadableRegister): Promise<Designation[]> {
  const rows = await db.selectFrom('register_source').leftJoin('org', 'org.id', 'register_source.org_id').select(['field', 'org_id', 'org.name as org_name', 'register_source.updated_at', 'updated_by_name']).where('register', '=', register).execute();
  const by = new Map(rows.map((r) => [r.field, r]));
  return REGISTER_FIELDS[register].map((f) => {
    const r = by.get(f.name);
    return { register, field: f.name, title: f.title, orgId: r?.org_id ?? null, orgName: r?.org_name ?? null, updatedAt: r?.updated_at.toISOString() ?? null, updatedByName: r?.updated_by_name ?? null };
  });
}

/** Designate `orgId` the source of a field (data administrator), audited. */
export async function setDesignation(db: Db, actor: Actor, register: LoadableRegister, field: string, orgId: string, ip: string): Promise<Designation> {
  if (!REGISTER_FIELDS[register].some((f) => f.name === field)) throw RegisterErrors.FIELD_UNKNOWN({ register: REGISTER_TITLES[register], field });
  const org = await db.selectFrom('org').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw RegisterErrors.ORG_NOT_FOUND({ org: orgId });
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('register_source').select('org_id').where('register', '=', register).where('field', '=', field).forUpdate().executeTakeFirst();
    await trx
      .insertInto('register_source')
      .values({ register, field, org_id: orgId, updated_by_name: actor.displayName })
      .onConflict((oc) => oc.columns(['register', 'field']).doUpdateSet({ org_id: orgId, updated_at: sql`now()`, updated_by_name: actor.displayName }))
      .execute();
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'sharing.register.designate', entityType: 'register_source', entityId: `${register}.${field}`, before: before ?? null, after: { orgId }, ip });
  });
  return (await listDesignations(db, register)).find((d) => d.field === field)!;
}

export type ConflictView = {
  id: string;
  register: LoadableRegister;
  registerTitle: string;
  recordKey: string;
  field: string;
  fieldTitle: string;
  registerValue: string | null;
  registerOrgName: string | null;
  otherValue: string | null;
  otherOrgName: string | null;
  designatedOrgName: string | null;
  raisedAt: string;
  status: 'open' | 'resolved';
  resolution: 'designated' | 'notify_source' | null;
  note: string;
  resolvedByName: string | null;
  resolvedAt: string | null;
};

export type ConflictFilter = { register?: LoadableRegister; status?: 'open' | 'resolved'; field?: string; key?: string; orgId?: string; limit?: number; offset?: number };

function conflictQuery(db: Db) {
  return db
    .selectFrom('register_conflict as c')
    .leftJoin('org as ro', 'ro.id', 'c.register_org_id')
    .leftJoin('org as oo', 'oo.id', 'c.other_org_id')
    .leftJoin('org as dd', 'dd.id', 'c.designated_org_id')
    .select(['c.id', 'c.register', 'c.record_key', 'c.field', 'c.register_value', 'ro.name as register_org', 'c.other_value', 'oo.name as other_org', 'dd.name as designated_org', 'c.raised_at', 'c.status', 'c.resolution', 'c.note', 'c.resolved_by_name', 'c.resolved_at']);
}
type ConflictRow = Awaited<ReturnType<ReturnType<typeof conflictQuery>['executeTakeFirstOrThrow']>>;

function view(r: ConflictRow): ConflictView {
  const register = r.register as LoadableRegister;
  return {
    id: r.id,
    register,
    registerTitle: REGISTER_TITLES[register],
    recordKey: r.record_key,
    field: r.field,
    fieldTitle: REGISTER_FIELDS[register].find((f) => f.name === r.field)?.title ?? r.field,
    registerValue: enumLabel(register, r.field, r.register_value),
    registerOrgName: r.register_org,
    otherValue: enumLabel(register, r.field, r.other_value),
    otherOrgName: r.other_org,
    designatedOrgName: r.designated_org,
    raisedAt: r.raised_at.toISOString(),
    status: r.status,
    resolution: r.resolution,
    note: r.note,
    resolvedByName: r.resolved_by_name,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
  };
}

export async function listConflicts(db: Db, f: ConflictFilter): Promise<{ total: number; conflicts: ConflictView[] }> {
  let q = conflictQuery(db);
  let c = db.selectFrom('register_conflict as c').select((eb) => eb.fn.countAll<number>().as('n'));
  if (f.register) ((q = q.where('c.register', '=', f.register)), (c = c.where('c.register', '=', f.register)));
  if (f.status) ((q = q.where('c.status', '=', f.status)), (c = c.where('c.status', '=', f.status)));
  if (f.field) ((q = q.where('c.field', '=', f.field)), (c = c.where('c.field', '=', f.field)));
  if (f.key) ((q = q.where('c.record_key', '=', f.key)), (c = c.where('c.record_key', '=', f.key)));
  if (f.orgId) {
    q = q.where((eb) => eb.or([eb('c.other_org_id', '=', f.orgId!), eb('c.register_org_id', '=', f.orgId!)]));
    c = c.where((eb) => eb.or([eb('c.other_org_id', '=', f.orgId!), eb('c.register_org_id', '=', f.orgId!)]));
  }
  const [rows, total] = await Promise.all([q.orderBy('c.raised_at', 'desc').orderBy('c.id').limit(f.limit ?? 50).offset(f.offset ?? 0).execute(), c.executeTakeFirstOrThrow()]);
  return { total: Number(total.n), conflicts: rows.map(view) };
}

/** Open conflicts of one record (the register viewer). */
export async function openConflictsOf(db: Db, register: LoadableRegister, keyPrefix: string): Promise<ConflictView[]> {
  const rows = await conflictQuery(db).where('c.register', '=', register).where('c.status', '=', 'open').where((eb) => eb.or([eb('c.record_key', '=', keyPrefix), eb('c.record_key', 'like', `${keyPrefix.replace(/[\\%_]/g, '\\$&')}/%`)])).orderBy('c.raised_at', 'desc').limit(200).execute();
  return rows.map(view);
}

/**
 * Settle a conflict: 'designated' (以指定来源为准: the register keeps the designated source's value; the other
 * department's observation is dropped) or 'notify_source' (通知来源部门更正: the department that supplied the wrong
 * value is told to correct it at source, the note says what). Audited; a settled conflict cannot be settled again.
 */
export async function resolveConflict(db: Db, actor: Actor, id: string, resolution: 'designated' | 'notify_source', note: string, ip: string): Promise<ConflictView> {
  await db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('register_conflict').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw RegisterErrors.CONFLICT_NOT_FOUND();
    if (c.status !== 'open') throw RegisterErrors.CONFLICT_SETTLED();
    if (resolution === 'notify_source' && !note.trim()) throw RegisterErrors.NOTE_REQUIRED();
    await trx.updateTable('register_conflict').set({ status: 'resolved', resolution, note: note.trim(), resolved_by_name: actor.displayName, resolved_at: sql<Date>`now()` }).where('id', '=', id).execute();
    if (resolution === 'designated') await trx.deleteFrom('register_observation').where('register', '=', c.register).where('record_key', '=', c.record_key).where('field', '=', c.field).where('org_id', '=', c.other_org_id).execute();
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'sharing.conflict.resolve', entityType: 'register_conflict', entityId: id, before: { status: 'open' }, after: { resolution, note: note.trim() }, ip });
  });
  return view(await conflictQuery(db).where('c.id', '=', id).executeTakeFirstOrThrow());
}

/** Open conflicts per (register, field): the quality page's counts. */
export async function openConflictCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('register_conflict').select(['register', 'field', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').groupBy(['register', 'field']).execute();
  return new Map(rows.map((r) => [`${r.register}.${r.field}`, Number(r.n)]));
}
