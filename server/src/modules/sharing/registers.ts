/**
 * The base registers (基础库) as the rest of the platform reads them: one record by its national key, with the
 * department it came from and when it was last updated. Field names here are the public names of the resource
 * catalog's data items (camelCase); each has a type and a sensitivity class (see `REGISTER_FIELDS`).
 */
import type { Db } from '../../platform/db/db.ts';
import { maskResidentId } from '../../platform/codes/index.ts';
import { maskPersonName } from '../../platform/http/redact.ts';

export type RegisterName = 'population' | 'entity' | 'credit' | 'license';

/**
 * Sensitivity classes of data items, after GB/T 35273-2020 (个人信息安全规范) §3.2 and the 政务数据 grading
 * practice: `public` may be shown to anyone, `internal` to authorised staff and systems, `sensitive` (个人敏感信息:
 * identity numbers, exact addresses, marital status, family relations) only when a grant says so — otherwise masked.
 */
export type Sensitivity = 'public' | 'internal' | 'sensitive';
/** How a sensitive value is masked when a grant does not allow it whole. */
export type MaskKind = 'id' | 'name' | 'address' | 'date' | 'hide';
export type FieldType = 'string' | 'date' | 'number' | 'code';

export type RegisterField = { name: string; title: string; type: FieldType; sensitivity: Sensitivity; mask?: MaskKind };

const F = (name: string, title: string, type: FieldType, sensitivity: Sensitivity, mask?: MaskKind): RegisterField => ({ name, title, type, sensitivity, ...(mask ? { mask } : {}) });

/** Data items each register holds, in display order; the key field first. */
export const REGISTER_FIELDS: Readonly<Record<RegisterName, readonly RegisterField[]>> = {
  population: [
    F('residentId', '公民身份号码', 'code', 'sensitive', 'id'),
    F('name', '姓名', 'string', 'internal'),
    F('sex', '性别', 'code', 'internal'),
    F('birthDate', '出生日期', 'date', 'sensitive', 'date'),
    F('ethnicity', '民族', 'string', 'sensitive', 'hide'),
    F('householdNo', '户号', 'code', 'internal'),
    F('householdAddress', '户籍地址', 'string', 'sensitive', 'address'),
    F('householdHeadId', '户主公民身份号码', 'code', 'sensitive', 'id'),
    F('relationToHead', '与户主关系', 'string', 'internal'),
    F('maritalStatus', '婚姻状况', 'code', 'sensitive', 'hide'),
    F('spouseId', '配偶公民身份号码', 'code', 'sensitive', 'id'),
    F('status', '人口状态', 'code', 'internal'),
    F('regionCode', '户籍地行政区划代码', 'code', 'internal'),
  ],
  entity: [
    F('creditCode', '统一社会信用代码', 'code', 'public'),
    F('name', '名称', 'string', 'public'),
    F('entityType', '主体类型', 'string', 'public'),
    F('legalRepresentative', '法定代表人（经营者）', 'string', 'public'),
    F('legalRepresentativeId', '法定代表人公民身份号码', 'code', 'sensitive', 'id'),
    F('registeredCapital', '注册资本（万元）', 'number', 'public'),
    F('address', '住所（经营场所）', 'string', 'public'),
    F('businessScope', '经营范围', 'string', 'public'),
    F('status', '登记状态', 'code', 'public'),
    F('establishedOn', '成立日期', 'date', 'public'),
    F('regionCode', '登记机关行政区划代码', 'code', 'public'),
  ],
  credit: [
    F('subjectCode', '主体代码', 'code', 'public'),
    F('subjectName', '主体名称', 'string', 'public'),
    F('kind', '信息类别', 'code', 'public'),
    F('title', '事项名称', 'string', 'public'),
    F('documentNo', '决定文书号', 'string', 'public'),
    F('content', '内容', 'string', 'public'),
    F('authority', '决定机关', 'string', 'public'),
    F('decidedOn', '决定日期', 'date', 'public'),
    F('validUntil', '有效期至', 'date', 'public'),
  ],
  // The license register is the licenses module's (电子证照库); these are the items it shares.
  license: [
    F('holderCode', '持证主体代码', 'code', 'sensitive', 'id'),
    F('holderName', '持证主体名称', 'string', 'internal'),
    F('typeName', '证照类型', 'string', 'public'),
    F('number', '证照编号', 'code', 'internal'),
    F('issuerName', '发证机关', 'string', 'public'),
    F('issuedOn', '发证日期', 'date', 'internal'),
    F('validUntil', '有效期至', 'date', 'internal'),
    F('status', '证照状态', 'code', 'internal'),
  ],
};

/** A sensitive value as shown without a grant for it. */
export function maskValue(kind: MaskKind, value: string | null): string | null {
  if (value === null) return null;
  switch (kind) {
    case 'id':
      return maskResidentId(value);
    case 'name':
      return maskPersonName(value, 'person');
    case 'address': {
      // Keep the place down to the town (…街道 / …镇 / …乡), drop the street and number.
      const town = /^.*?(?:街道|镇|乡)/.exec(value)?.[0];
      return town ? `${town}****` : `${value.slice(0, 6)}****`;
    }
    case 'date':
      return `${value.slice(0, 4)}-**-**`;
    case 'hide':
      return '***';
  }
}

export type Provenance = { sourceOrgId: string | null; updatedAt: Date };

export type PersonRecord = Provenance & {
  residentId: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  householdNo: string;
  householdAddress: string;
  householdHeadId: string;
  relationToHead: string;
  maritalStatus: 'unmarried' | 'married' | 'divorced' | 'widowed';
  spouseId: string | null;
  status: 'active' | 'deceased' | 'moved_out';
  regionCode: string;
};

export type EntityRecord = Provenance & {
  creditCode: string;
  name: string;
  entityType: string;
  legalRepresentative: string;
  legalRepresentativeId: string;
  registeredCapital: string;
  address: string;
  businessScope: string;
  status: 'active' | 'abnormal' | 'revoked' | 'cancelled';
  establishedOn: string;
  regionCode: string;
};

export type CreditRecord = Provenance & {
  id: number;
  subjectCode: string;
  subjectName: string;
  kind: 'license' | 'penalty' | 'abnormal' | 'serious_violation';
  title: string;
  documentNo: string;
  content: string;
  authority: string;
  decidedOn: string;
  validUntil: string | null;
};

const PERSON_COLUMNS = ['resident_id as residentId', 'name', 'sex', 'birth_date as birthDate', 'ethnicity', 'household_no as householdNo', 'household_address as householdAddress', 'household_head_id as householdHeadId', 'relation_to_head as relationToHead', 'marital_status as maritalStatus', 'spouse_id as spouseId', 'status', 'region_code as regionCode', 'source_org_id as sourceOrgId', 'updated_at as updatedAt'] as const;
const ENTITY_COLUMNS = ['credit_code as creditCode', 'name', 'entity_type as entityType', 'legal_representative as legalRepresentative', 'legal_representative_id as legalRepresentativeId', 'registered_capital as registeredCapital', 'address', 'business_scope as businessScope', 'status', 'established_on as establishedOn', 'region_code as regionCode', 'source_org_id as sourceOrgId', 'updated_at as updatedAt'] as const;
const CREDIT_COLUMNS = ['id', 'subject_code as subjectCode', 'subject_name as subjectName', 'kind', 'title', 'document_no as documentNo', 'content', 'authority', 'decided_on as decidedOn', 'valid_until as validUntil', 'source_org_id as sourceOrgId', 'updated_at as updatedAt'] as const;

export async function personRecord(db: Db, residentId: string): Promise<PersonRecord | undefined> {
  return db.selectFrom('person_record').select(PERSON_COLUMNS).where('resident_id', '=', residentId).executeTakeFirst();
}

/** Everyone registered in one household (户), head first. */
export async function householdMembers(db: Db, householdNo: string): Promise<PersonRecord[]> {
  const rows = await db.selectFrom('person_record').select(PERSON_COLUMNS).where('household_no', '=', householdNo).orderBy('birth_date').execute();
  return [...rows.filter((r) => r.residentId === r.householdHeadId), ...rows.filter((r) => r.residentId !== r.householdHeadId)];
}

export async function entityRecord(db: Db, creditCode: string): Promise<EntityRecord | undefined> {
  return db.selectFrom('entity_record').select(ENTITY_COLUMNS).where('credit_code', '=', creditCode).executeTakeFirst();
}

/** A subject's credit records (licences, penalties, list entries), newest first. */
export async function creditRecordsOf(db: Db, subjectCode: string): Promise<CreditRecord[]> {
  return db.selectFrom('credit_record').select(CREDIT_COLUMNS).where('subject_code', '=', subjectCode).orderBy('decided_on', 'desc').orderBy('id', 'desc').execute();
}

/** A register row as a source supplies it (without provenance, which the register adds). */
export type RegisterRow<T> = Omit<T, keyof Provenance | 'id'>;
const BATCH = 1_000;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** Writes register rows from one source department (the demo seed; bulk loads of files go through the loader). */
export async function insertRegisterRows(
  db: Db,
  rows: { persons?: readonly RegisterRow<PersonRecord>[]; entities?: readonly RegisterRow<EntityRecord>[]; credit?: readonly RegisterRow<CreditRecord>[] },
  sources: { persons?: string; entities?: string; credit?: string },
): Promise<void> {
  await inBatches(rows.persons ?? [], (b) =>
    db.insertInto('person_record').values(b.map((p) => ({ resident_id: p.residentId, name: p.name, sex: p.sex, birth_date: p.birthDate, ethnicity: p.ethnicity, household_no: p.householdNo, household_address: p.householdAddress, household_head_id: p.householdHeadId, relation_to_head: p.relationToHead, marital_status: p.maritalStatus, spouse_id: p.spouseId, status: p.status, region_code: p.regionCode, source_org_id: sources.persons ?? null }))).execute(),
  );
  await inBatches(rows.entities ?? [], (b) =>
    db.insertInto('entity_record').values(b.map((e) => ({ credit_code: e.creditCode, name: e.name, entity_type: e.entityType, legal_representative: e.legalRepresentative, legal_representative_id: e.legalRepresentativeId, registered_capital: e.registeredCapital, address: e.address, business_scope: e.businessScope, status: e.status, established_on: e.establishedOn, region_code: e.regionCode, source_org_id: sources.entities ?? null }))).execute(),
  );
  await inBatches(rows.credit ?? [], (b) =>
    db.insertInto('credit_record').values(b.map((c) => ({ subject_code: c.subjectCode, subject_name: c.subjectName, kind: c.kind, title: c.title, document_no: c.documentNo, content: c.content, authority: c.authority, decided_on: c.decidedOn, valid_until: c.validUntil, source_org_id: sources.credit ?? null }))).execute(),
  );
}
