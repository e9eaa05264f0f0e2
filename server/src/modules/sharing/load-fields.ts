/**
 * What a source department may load into each base register, and how one row is checked: every problem in words a
 * clerk can act on (the reject report), every accepted value normalised to what the register stores.
 *
 * Checks: GB 11643 resident IDs and GB 32100 credit codes with their check characters (platform/codes), GB/T 2260
 * region codes by shape and province, calendar dates (2019-05-01, 2019/5/1, 2019年5月1日 …), the enumerations
 * (Chinese words accepted: 男/女, 已婚 …), and cross-field rules: the birth date and sex a resident ID encodes agree
 * with the row's, only a married person names a spouse, a validity end is not before the decision.
 */
import { normHeader, parseDay } from '../../platform/csv/csv.ts';
import { CREDIT_CODE_REASON, RESIDENT_ID_REASON, isRegionCode, normalizeRegionCode, validateCreditCode, validateResidentId } from '../../platform/codes/index.ts';
import { REGISTER_FIELDS, type RegisterField } from './registers.ts';

export type LoadableRegister = 'population' | 'entity' | 'credit';
export const LOADABLE_REGISTERS: readonly LoadableRegister[] = ['population', 'entity', 'credit'];
export const isLoadable = (r: string): r is LoadableRegister => (LOADABLE_REGISTERS as readonly string[]).includes(r);

export const REGISTER_TITLES: Record<LoadableRegister, string> = { population: '人口库', entity: '法人库', credit: '信用信息库' };

/** The table of each register, the fields a record is identified by, and the fields a new record may leave empty. */
export const REGISTER_TABLES: Record<LoadableRegister, { table: 'person_record' | 'entity_record' | 'credit_record'; key: readonly string[]; optional: readonly string[] }> = {
  population: { table: 'person_record', key: ['residentId'], optional: ['spouseId', 'status'] },
  entity: { table: 'entity_record', key: ['creditCode'], optional: ['status'] },
  credit: { table: 'credit_record', key: ['subjectCode', 'documentNo'], optional: ['validUntil'] },
};

/** The column of a field: residentId → resident_id. */
export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The SQL type a staged (text) value is cast to. */
export const sqlTypeOf = (f: RegisterField): 'date' | 'numeric' | 'text' => (f.type === 'date' ? 'date' : f.type === 'number' ? 'numeric' : 'text');

/** Enumerations: the stored value and the words a department's file may use for it. */
const ENUMS: Record<string, Record<string, readonly string[]>> = {
  'population.sex': { male: ['男'], female: ['女'] },
  'population.maritalStatus': { unmarried: ['未婚'], married: ['已婚', '有配偶', '初婚', '再婚'], divorced: ['离婚', '离异'], widowed: ['丧偶'] },
  'population.status': { active: ['正常', '在册'], deceased: ['死亡'], moved_out: ['迁出'] },
  'entity.status': { active: ['存续', '在业', '开业'], abnormal: ['经营异常'], revoked: ['吊销'], cancelled: ['注销'] },
  'credit.kind': { license: ['行政许可'], penalty: ['行政处罚'], abnormal: ['经营异常名录', '列入经营异常名录'], serious_violation: ['严重违法失信名单', '严重失信'] },
};
/** The Chinese word shown for a stored enum value (the viewer, conflicts). */
export function enumLabel(register: string, field: string, value: string | null): string | null {
  const words = value === null ? undefined : ENUMS[`${register}.${field}`]?.[value];
  return words ? words[0]! : value;
}

/** Maximum length of free text in a register cell. */
const MAX_TEXT = 500;

type Check = { value: string | null } | { problem: string };

function checkCell(register: LoadableRegister, f: RegisterField, raw: string, today: string): Check {
  const v = raw.trim();
  if (!v) return { value: null };
  const enumDef = ENUMS[`${register}.${f.name}`];
  if (enumDef) {
    for (const [value, words] of Object.entries(enumDef)) if (v === value || words.includes(v)) return { value };
    return { problem: `${f.title}“${v}”不对，只能填：${Object.values(enumDef).map((w) => w[0]).join('、')}` };
  }
  if (f.name === 'residentId' || f.name === 'householdHeadId' || f.name === 'spouseId' || f.name === 'legalRepresentativeId') {
    const id = validateResidentId(v.toUpperCase());
    return id.ok ? { value: v.toUpperCase() } : { problem: `${f.title}“${v}”不是有效的身份证号码：${RESIDENT_ID_REASON[id.reason]}` };
  }
  if (f.name === 'creditCode') {
    const c = validateCreditCode(v.toUpperCase());
    return c.ok ? { value: v.toUpperCase() } : { problem: `${f.title}“${v}”不是有效的统一社会信用代码：${CREDIT_CODE_REASON[c.reason]}` };
  }
  if (f.name === 'subjectCode') {
    const code = v.toUpperCase();
    if (validateCreditCode(code).ok || validateResidentId(code).ok) return { value: code };
    const c = validateCreditCode(code);
    return { problem: `${f.title}“${v}”既不是有效的统一社会信用代码，也不是有效的身份证号码${c.ok ? '' : `（按信用代码看：${CREDIT_CODE_REASON[c.reason]}）`}` };
  }
  if (f.name === 'regionCode') {
    const code = normalizeRegionCode(v);
    return isRegionCode(code) ? { value: code } : { problem: `${f.title}“${v}”不是有效的行政区划代码（6 位、9 位或 12 位数字）` };
  }
  if (f.name === 'householdNo') return /^\d{6,20}$/.test(v) ? { value: v } : { problem: `户号“${v}”应为 6–20 位数字` };
  if (f.type === 'date') {
    const d = parseDay(v);
    if (!d) return { problem: `${f.title}“${v}”看不懂，请写成 2019-05-01 这样的日期` };
    if (f.name !== 'validUntil' && d > today) return { problem: `${f.title} ${d} 晚于今天` };
    return { value: d };
  }
  if (f.type === 'number') {
    const n = v.replace(/,/g, '');
    return /^\d{1,16}(\.\d{1,2})?$/.test(n) ? { value: n } : { problem: `${f.title}“${v}”应为不小于 0 的数字，最多两位小数` };
  }
  if (v.length > MAX_TEXT) return { problem: `${f.title}太长（超过 ${MAX_TEXT} 个字）` };
  return { value: v };
}

/** A file's columns resolved to register fields (by field name or title, in the file's order). */
export type LoadColumns = { register: LoadableRegister; fields: RegisterField[] };

export type HeaderProblem = { kind: 'unknown'; column: string } | { kind: 'duplicate'; column: string } | { kind: 'key'; column: string } | { kind: 'empty' };

/** Resolve a header row; a problem names the first column at fault. */
export function resolveHeader(register: LoadableRegister, header: readonly string[]): LoadColumns | HeaderProblem {
  const all = REGISTER_FIELDS[register];
  const fields: RegisterField[] = [];
  for (const h of header) {
    const n = normHeader(h);
    if (!n) return { kind: 'unknown', column: h };
    const f = all.find((x) => normHeader(x.title) === n || x.name.toLowerCase() === n.toLowerCase());
    if (!f) return { kind: 'unknown', column: h };
    if (fields.includes(f)) return { kind: 'duplicate', column: h };
    fields.push(f);
  }
  if (!fields.length) return { kind: 'empty' };
  for (const k of REGISTER_TABLES[register].key) if (!fields.some((f) => f.name === k)) return { kind: 'key', column: all.find((f) => f.name === k)!.title };
  return { register, fields };
}

/** The required fields (for a new record) missing from a file's columns. */
export function missingForNew(cols: LoadColumns): RegisterField[] {
  const t = REGISTER_TABLES[cols.register];
  return REGISTER_FIELDS[cols.register].filter((f) => !t.optional.includes(f.name) && !cols.fields.includes(f));
}

export type CheckedRow = { values: (string | null)[]; problems: string[] };

/** Check one row of cells (in the columns' order); `values` are what would be staged. */
export function checkRow(cols: LoadColumns, cells: readonly string[], today: string): CheckedRow {
  const { register, fields } = cols;
  const problems: string[] = [];
  const values: (string | null)[] = [];
  if (cells.length > fields.length && cells.slice(fields.length).some((c) => c.trim())) problems.push(`这一行有 ${cells.length} 列，比第 1 行的列名多；请检查是否有多余的逗号`);
  const optional = REGISTER_TABLES[register].optional;
  fields.forEach((f, i) => {
    const r = checkCell(register, f, cells[i] ?? '', today);
    if ('problem' in r) {
      problems.push(r.problem);
      values.push(null);
    } else {
      if (r.value === null && !optional.includes(f.name)) problems.push(`${f.title}没有填写`);
      values.push(r.value);
    }
  });
  const get = (name: string) => {
    const i = fields.findIndex((f) => f.name === name);
    return i < 0 ? undefined : values[i];
  };
  if (register === 'population') {
    const id = get('residentId');
    const parsed = id ? validateResidentId(id) : undefined;
    if (parsed?.ok) {
      const birth = get('birthDate');
      if (birth && birth !== parsed.birthDate) problems.push(`出生日期 ${birth} 与身份证号码中的出生日期 ${parsed.birthDate} 不一致`);
      const sex = get('sex');
      if (sex && sex !== parsed.sex) problems.push(`性别与身份证号码第 17 位不一致（号码表示${parsed.sex === 'male' ? '男' : '女'}性）`);
      if (get('spouseId') && get('spouseId') === id) problems.push('配偶公民身份号码不能是本人的号码');
    }
    const marital = get('maritalStatus');
    if (marital && marital !== 'married' && get('spouseId')) problems.push('婚姻状况不是“已婚”，配偶公民身份号码应当为空');
  }
  if (register === 'credit') {
    const decided = get('decidedOn');
    const until = get('validUntil');
    if (decided && until && until < decided) problems.push(`有效期至 ${until} 早于决定日期 ${decided}`);
  }
  return { values, problems };
}
