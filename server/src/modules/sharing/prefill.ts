/**
 * Pre-fill from the registers (seed 000 §(十) 26 “数据多跑路”): form fields whose `x-prefill` names a register fact
 * (性别, 民族, 户籍地址, 配偶, 法定代表人, 注册资本 …) are filled for the signed-in applicant from the base registers.
 *
 * - A person reads only their own population record (by the resident ID of their verified account); an entity's
 *   agent only their entity's record (by the account's credit code). Nobody else's data can be asked for.
 * - A key is served only while a published, shared resource of the resource catalog holds its register field; the
 *   value names that resource and its provider, so the form can say where it came from (来自市公安局户籍信息).
 * - Every read is an audited access (`sharing.prefill`), with the keys read and nothing of their values.
 */
import type { Db, Trx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { getApplicantProfileInTrx } from '../identity/index.ts';
import { entityRecord, personRecord, type EntityRecord, type PersonRecord } from './registers.ts';
import type { ResourceField } from './tables.ts';

export const MARITAL_STATUS_LABELS: Readonly<Record<PersonRecord['maritalStatus'], string>> = { unmarried: '未婚', married: '已婚', divorced: '离婚', widowed: '丧偶' };
export const SEX_LABELS: Readonly<Record<PersonRecord['sex'], string>> = { male: '男', female: '女' };

type PersonView = { record: PersonRecord; spouse: PersonRecord | undefined };
type Key<S, R> = { subject: S; register: R; field: string; title: string; value: (v: S extends 'person' ? PersonView : EntityRecord) => string | number | null };
export type PrefillKey = Key<'person', 'population'> | Key<'entity', 'entity'>;

const person = (field: string, title: string, value: (v: PersonView) => string | number | null): PrefillKey => ({ subject: 'person', register: 'population', field, title, value });
const entity = (field: string, title: string, value: (e: EntityRecord) => string | number | null): PrefillKey => ({ subject: 'entity', register: 'entity', field, title, value });

/**
 * The `x-prefill` keys served from the registers, with the register field each reads. (The profile keys — name,
 * idNumber, phone, address, entityName, creditCode — come from the verified account; see catalog/schema.ts.)
 */
export type RegisterPrefillKey =
  | 'sex' | 'birthDate' | 'ethnicity' | 'householdAddress' | 'householdNo' | 'relationToHead' | 'maritalStatus' | 'spouseName' | 'spouseIdNumber'
  | 'entityType' | 'legalRepresentative' | 'registeredCapital' | 'entityAddress' | 'businessScope' | 'establishedOn';

export const REGISTER_PREFILL_KEYS: Readonly<Record<RegisterPrefillKey, PrefillKey>> = {
  sex: person('sex', '性别', (p) => SEX_LABELS[p.record.sex]),
  birthDate: person('birthDate', '出生日期', (p) => p.record.birthDate),
  ethnicity: person('ethnicity', '民族', (p) => p.record.ethnicity),
  householdAddress: person('householdAddress', '户籍地址', (p) => p.record.householdAddress),
  householdNo: person('householdNo', '户号', (p) => p.record.householdNo),
  relationToHead: person('relationToHead', '与户主关系', (p) => p.record.relationToHead),
  maritalStatus: person('maritalStatus', '婚姻状况', (p) => MARITAL_STATUS_LABELS[p.record.maritalStatus]),
  spouseName: person('spouseId', '配偶姓名', (p) => p.spouse?.name ?? null),
  spouseIdNumber: person('spouseId', '配偶公民身份号码', (p) => p.record.spouseId),
  entityType: entity('entityType', '主体类型', (e) => e.entityType),
  legalRepresentative: entity('legalRepresentative', '法定代表人（经营者）', (e) => e.legalRepresentative),
  registeredCapital: entity('registeredCapital', '注册资本（万元）', (e) => Number(e.registeredCapital)),
  entityAddress: entity('address', '住所（经营场所）', (e) => e.address),
  businessScope: entity('businessScope', '经营范围', (e) => e.businessScope),
  establishedOn: entity('establishedOn', '成立日期', (e) => e.establishedOn),
};

/** The identity facts of the verified profile, as the registers hold them: compared, never pre-filled from here. */
export const IDENTITY_KEYS: Readonly<Record<string, PrefillKey>> = {
  name: person('name', '姓名', (p) => p.record.name),
  idNumber: person('residentId', '公民身份号码', (p) => p.record.residentId),
  entityName: entity('name', '名称', (e) => e.name),
  creditCode: entity('creditCode', '统一社会信用代码', (e) => e.creditCode),
};

export function isRegisterPrefillKey(key: string | undefined): key is RegisterPrefillKey {
  return key !== undefined && Object.hasOwn(REGISTER_PREFILL_KEYS, key);
}

/** Where a register value came from: the resource that shares it, its provider, and when the record was updated. */
export type RegisterSource = { resource: string; resourceName: string; provider: string; updatedAt: string };
export type RegisterValues = { values: Record<string, string | number>; sources: Record<string, RegisterSource> };

export type SharedResource = { code: string; name: string; register: string; provider: string; fields: string[] };

/** Published shared resources with the register fields they hold, the most specific (fewest fields) first. */
export async function sharedResources(db: Db | Trx): Promise<SharedResource[]> {
  const rows = await db
    .selectFrom('data_resource as r')
    .innerJoin('org', 'org.id', 'r.provider_org_id')
    .select(['r.code', 'r.name', 'r.register', 'r.fields', 'org.name as provider'])
    .where('r.status', '=', 'published')
    .where('r.share_mode', '!=', 'none')
    .execute();
  return rows
    .map((r) => ({ code: r.code, name: r.name, register: r.register, provider: r.provider, fields: (r.fields as ResourceField[]).map((f) => f.name) }))
    .sort((a, b) => a.fields.length - b.fields.length || a.code.localeCompare(b.code));
}

/**
 * The resource that shares a key's register field today, if any: for an identifying field (the key, the name) the
 * basic resource (most fields: 人口基本信息, 法人基本信息); for any other the most specific one (fewest fields: the
 * household address from 户籍信息, the spouse from 婚姻登记信息).
 */
function resourceFor(k: PrefillKey, resources: readonly SharedResource[]): SharedResource | undefined {
  const holding = resources.filter((r) => r.register === k.register && r.fields.includes(k.field));
  const identifying = (r: SharedResource) => r.fields[0] === k.field || k.field === 'name';
  return holding.find((r) => !identifying(r)) ?? holding[holding.length - 1];
}

/** The subject the applicant's own records are keyed by: their resident ID, or their entity's credit code. */
export async function applicantSubject(db: Db | Trx, accountId: string): Promise<{ type: 'person'; residentId: string } | { type: 'entity'; creditCode: string } | undefined> {
  const a = await getApplicantProfileInTrx(db, accountId);
  if (a.subject_type === 'person' && a.resident_id) return { type: 'person', residentId: a.resident_id };
  if (a.subject_type === 'entity' && a.credit_code) return { type: 'entity', creditCode: a.credit_code };
  return undefined;
}

/** The applicant's own register records the keys need (the spouse's only for the spouse's name). */
export async function ownRecords(db: Db | Trx, subject: NonNullable<Awaited<ReturnType<typeof applicantSubject>>>, needSpouse: boolean): Promise<{ person?: PersonView; entity?: EntityRecord }> {
  if (subject.type === 'entity') {
    const e = await entityRecord(db as Db, subject.creditCode);
    return e ? { entity: e } : {};
  }
  const record = await personRecord(db as Db, subject.residentId);
  if (!record) return {};
  const spouse = needSpouse && record.spouseId ? await personRecord(db as Db, record.spouseId) : undefined;
  return { person: { record, spouse } };
}

/** The value of one key from the records, with its source; undefined when the key does not apply or is not shared. */
export function registerValueOf(key: string, records: { person?: PersonView; entity?: EntityRecord }, resources: readonly SharedResource[]): { value: string | number; source: RegisterSource } | undefined {
  const k = isRegisterPrefillKey(key) ? REGISTER_PREFILL_KEYS[key] : IDENTITY_KEYS[key];
  if (!k) return undefined;
  const r = resourceFor(k, resources);
  if (!r) return undefined;
  const value = k.subject === 'person' ? (records.person ? k.value(records.person as never) : null) : records.entity ? k.value(records.entity as never) : null;
  if (value === null || value === '') return undefined;
  const updatedAt = (k.subject === 'person' ? records.person?.record.updatedAt : records.entity?.updatedAt)!;
  return { value, source: { resource: r.code, resourceName: r.name, provider: r.provider, updatedAt: updatedAt.toISOString() } };
}

/**
 * Register values for the signed-in applicant's own form fields: `keys` are `x-prefill` keys (others are ignored).
 * Reads only the caller's own record and writes one audit event naming the keys read.
 */
export async function registerPrefill(db: Db, actor: Actor, keys: readonly string[], ip?: string): Promise<RegisterValues> {
  const wanted = [...new Set(keys.filter(isRegisterPrefillKey))].filter((k) => REGISTER_PREFILL_KEYS[k]!.subject === actor.subjectType);
  const out: RegisterValues = { values: {}, sources: {} };
  if (wanted.length === 0 || actor.subjectType === 'staff') return out;
  const subject = await applicantSubject(db, actor.id);
  if (!subject) return out;
  const [resources, records] = await Promise.all([sharedResources(db), ownRecords(db, subject, wanted.includes('spouseName'))]);
  for (const key of wanted) {
    const v = registerValueOf(key, records, resources);
    if (!v) continue;
    out.values[key] = v.value;
    out.sources[key] = v.source;
  }
  const read = Object.keys(out.values);
  if (read.length) {
    await db.transaction().execute((trx) =>
      writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'sharing.prefill', entityType: subject.type === 'person' ? 'person_record' : 'entity_record', entityId: actor.id, after: { keys: read, resources: [...new Set(read.map((k) => out.sources[k]!.resource))] }, ip: ip ?? null }),
    );
  }
  return out;
}
