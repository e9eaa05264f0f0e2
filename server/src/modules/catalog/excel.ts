/**
 * The catalog as an Excel workbook staff can edit, and back (“Excel 导入导出”).
 *
 * Layout: sheet 事项 has one row per item with every scalar element as a column (Chinese headers, code lists as
 * Chinese labels, short lists in one cell); every list element has its own sheet keyed by 实施编码, one row per
 * element, in order (设定依据, 受理条件, 办理流程, 特别程序, 收费, 材料, 中介服务, 表单字段, 常见问题); sheet 说明 explains
 * every column and lists the codes. Columns are found by their header, so staff may reorder columns or add their own.
 *
 * The round trip export → parse is lossless for every field of `ItemDocument`. The encodings that make it so:
 * - an optional element that is absent is an empty cell; an optional list that is present but empty is written
 *   `（无）` — in its cell on 事项, or as the only row of the item on its sheet (特别程序, 中介服务, 常见问题: a row
 *   whose first column is `（无）` and the others empty, which no real element looks like);
 * - free-text lists in one cell (关键词, 主题分类 …) are joined with `；` and read back split on `；`, `;` and line
 *   breaks; when a value would not survive that (it contains a separator, leading/trailing blanks, is empty …)
 *   the cell holds the list as a JSON array instead, which is also accepted on input;
 * - code lists are written as labels (即办件, 自然人、法人 …); input accepts the label or the code;
 * - 表单字段 rows follow the display order (`form['x-order']`), which parsing writes back as the row order — the
 *   platform stores every form with that order complete (`withFieldOrder`); 必填 keeps the order of `required`
 *   when it differs from the display order (1, 2, 3 … instead of 是).
 *
 * Parsing validates row by row (types, codes with the platform validators, required elements, references between
 * sheets) and finally `Value.Check(ItemDocument)`; every problem is reported with sheet, row, column and an
 * actionable Chinese message. Nothing here touches the database: the importer resolves agencies and writes.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { Value } from 'typebox/value';
import { ItemDocument } from './schema.ts';
import {
  EXERCISE_LEVEL_LABELS,
  ITEM_KIND_LABELS,
  isRegionCode,
  validateBaseCode,
  validateImplCode,
  type BaseCodeFailure,
  type CreditCodeFailure,
} from '../../platform/codes/index.ts';

export type ImportError = { sheet: string; row: number; column?: string; message: string };
export type ParsedItem = { row: number; doc: ItemDocument };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ITEM_SHEET = '事项';
export const GUIDE_SHEET = '说明';
/** Written for a present but empty optional list. */
export const NONE_MARK = '（无）';

type Codes = ReadonlyArray<readonly [code: string, label: string]>;
type Out = string | number | null | undefined;
type Draft = Record<string, unknown>;

// ---- code lists (code → label as written in the workbook) ----

export const CODE_LISTS = {
  事项类型: Object.entries(ITEM_KIND_LABELS),
  行使层级: Object.entries(EXERCISE_LEVEL_LABELS),
  实施主体性质: [['statutory', '法定机关'], ['authorized', '法律法规授权组织'], ['entrusted', '受委托组织']],
  服务对象: [['person', '自然人'], ['entity', '法人']],
  服务对象类型: [['natural_person', '自然人'], ['enterprise', '企业法人'], ['public_institution', '事业法人'], ['social_organization', '社会组织法人'], ['government_agency', '行政机关'], ['other_org', '其他组织']],
  办件类型: [['instant', '即办件'], ['commitment', '承诺件']],
  办理形式: [['window', '窗口办理'], ['pc', '网上办理'], ['mobile', '移动端办理'], ['express', '快递办理'], ['self_service', '自助终端办理']],
  网上办理深度: [['1', '咨询'], ['2', '收件'], ['3', '预审'], ['4', '受理'], ['5', '办理'], ['6', '结果反馈'], ['7', '电子证照']],
  实名等级: [['L1', '一级（自行填报）'], ['L2', '二级（登记信息核验）'], ['L3', '三级（窗口当面核验）']],
  通办范围: [['none', '不通办'], ['city', '全市通办'], ['province', '全省通办'], ['inter_province', '跨省通办'], ['national', '全国通办']],
  材料类型: [['certificate', '证照'], ['form', '申请表'], ['identity', '身份证明'], ['contract', '合同协议'], ['proof', '证明文件'], ['drawing', '图纸'], ['report', '报告'], ['other', '其他']],
  必要性: [['required', '必要'], ['optional', '非必要'], ['deferrable', '容缺后补']],
  来源渠道: [['applicant', '申请人自备'], ['government', '政府部门核发'], ['other', '其他']],
  材料形式: [['paper', '纸质'], ['electronic', '电子'], ['both', '纸质或电子']],
  字段类型: [['string', '文本'], ['number', '数字'], ['integer', '整数'], ['boolean', '是否']],
  字段格式: [['date', '日期'], ['email', '邮箱']],
  控件: [['textarea', '多行文本'], ['radio', '单选按钮']],
  环节角色: [['reviewer', '审查人员'], ['window_clerk', '窗口人员'], ['supervisor', '分管负责人']],
} as const satisfies Record<string, Codes>;

const WIDGET_DEFAULT = '默认';

function labelOf(codes: Codes, code: string): string {
  return codes.find(([c]) => c === code)?.[1] ?? code;
}

function codeOf(codes: Codes, s: string): string | undefined {
  const t = s.trim();
  const hit = codes.find(([c, l]) => c === t || l === t || c.toLowerCase() === t.toLowerCase());
  if (hit) return hit[0];
  // "01 行政许可", "01-行政许可": code followed by its label
  const m = /^(\S+?)[\s\-－_：:]+(\S+)$/.exec(t);
  if (m) return codes.find(([c, l]) => c === m[1] && l === m[2])?.[0];
  return undefined;
}

function choices(codes: Codes): string {
  return codes.map(([, l]) => l).join('、');
}

// ---- lists in one cell ----

const TEXT_LIST_SEP = /\r?\n|[;；]/;
const CODE_LIST_SEP = /[\s,，、;；]+/;

function isNone(s: string): boolean {
  const t = s.trim();
  return t === NONE_MARK || t === '(无)';
}

/** A free-text list as written in a cell; undefined = the cell is empty. */
export function decodeTextList(s: string): string[] | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  if (isNone(t)) return [];
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    } catch {
      // not JSON: an ordinary list that happens to start with '['
    }
  }
  return t
    .split(TEXT_LIST_SEP)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Encode a list so that `decodeTextList` gives it back exactly: `a；b；c`, else a JSON array. */
export function encodeTextList(values: readonly string[] | undefined, optional: boolean): Out {
  if (values === undefined) return null;
  if (values.length === 0) return optional ? NONE_MARK : null;
  const plain = values.join('；');
  return sameList(decodeTextList(plain), values) ? plain : JSON.stringify(values);
}

function encodeCodeList(values: readonly string[] | undefined, codes: Codes, optional: boolean, sep = '、'): Out {
  if (values === undefined) return null;
  if (values.length === 0) return optional ? NONE_MARK : null;
  return values.map((v) => labelOf(codes, v)).join(sep);
}

const yesNo = (b: boolean | undefined): Out => (b === undefined ? null : b ? '是' : '否');

// ---- reading cells ----

type Raw = string | number | boolean | undefined | { bad: string };

function normalizeCell(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return { bad: '日期' };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return { bad: `错误值 ${v.error}` };
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? undefined : normalizeCell(v.result as ExcelJS.CellValue);
  if ('text' in v) return normalizeCell(v.text as ExcelJS.CellValue);
  return { bad: '无法识别的内容' };
}

function isBlank(v: Raw): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '');
}

function show(v: Raw): string {
  if (typeof v === 'object') return v.bad;
  const s = String(v);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** One row of one sheet: reads cells by header and records errors against them. */
class RowReader {
  failed = false;
  readonly sheet: string;
  readonly row: number;
  private readonly values: ReadonlyMap<string, Raw>;
  private readonly errors: ImportError[];
  constructor(sheet: string, row: number, values: ReadonlyMap<string, Raw>, errors: ImportError[]) {
    this.sheet = sheet;
    this.row = row;
    this.values = values;
    this.errors = errors;
  }
  error(column: string | undefined, message: string) {
    this.errors.push({ sheet: this.sheet, row: this.row, ...(column ? { column } : {}), message });
    this.failed = true;
  }
  raw(h: string): Raw {
    return this.values.get(h);
  }
  field(h: string): Field {
    return new Field(this, h);
  }
}

/** One cell, with the conversions a column needs. Each getter reports its own error and returns undefined. */
class Field {
  private readonly r: RowReader;
  readonly h: string;
  constructor(r: RowReader, h: string) {
    this.r = r;
    this.h = h;
  }
  get raw(): Raw {
    return this.r.raw(this.h);
  }
  get blank(): boolean {
    return isBlank(this.raw);
  }
  error(message: string): undefined {
    this.r.error(this.h, message);
    return undefined;
  }
  private missing(): undefined {
    return this.error(`“${this.h}”不能为空，请填写`);
  }
  /** Free text exactly as written; an empty cell is undefined, a cell holding '' is ''. */
  text(): string | undefined {
    const v = this.raw;
    if (v === undefined) return undefined;
    if (typeof v === 'object') return this.error(`“${this.h}”不能是${v.bad}，请填写文字`);
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return v;
  }
  /** Text that must not be empty. */
  reqText(): string | undefined {
    if (this.blank) return this.missing();
    return this.text();
  }
  /** Free text of a required element that may be empty: an empty cell is ''. */
  textOrEmpty(): string | undefined {
    return this.raw === undefined ? '' : this.text();
  }
  /** A code: trimmed; a number that Excel made of digits is turned back into text (left-padded to `pad`). */
  code(opts: { required?: boolean; pad?: number } = {}): string | undefined {
    const v = this.raw;
    if (v === undefined || isBlank(v)) return opts.required ? this.missing() : undefined;
    if (typeof v === 'object' || typeof v === 'boolean') return this.error(`“${this.h}”应填写编码，当前为“${show(v)}”`);
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v) || v < 0) return this.error(`“${this.h}”被 Excel 当成了数字（${show(v)}），位数可能已丢失：请把该列设置为“文本”格式后重新填写`);
      return opts.pad ? String(v).padStart(opts.pad, '0') : String(v);
    }
    return v.trim();
  }
  int(opts: { min?: number; max?: number; required?: boolean; emptyAs?: number } = {}): number | undefined {
    const v = this.raw;
    if (isBlank(v)) return opts.emptyAs !== undefined ? opts.emptyAs : opts.required ? this.missing() : undefined;
    let n: number | undefined;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && /^[+-]?\d+(\.0*)?$/.test(v.trim())) n = Number(v.trim());
    const range = opts.min !== undefined && opts.max !== undefined ? `${opts.min}–${opts.max} 之间的` : opts.min !== undefined ? `不小于 ${opts.min} 的` : '';
    if (n === undefined || !Number.isSafeInteger(n) || (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      return this.error(`“${this.h}”应填写${range}整数，当前为“${show(v)}”`);
    }
    return n;
  }
  num(): number | undefined {
    const v = this.raw;
    if (isBlank(v)) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return Number(v.trim());
    return this.error(`“${this.h}”应填写数字，当前为“${show(v)}”`);
  }
  /** Amount in yuan with at most two decimals, returned in fen. */
  fen(): number | undefined {
    if (this.blank) return this.missing();
    const yuan = this.num();
    if (yuan === undefined) return undefined;
    const fen = Math.round(yuan * 100);
    if (yuan < 0 || Math.abs(yuan * 100 - fen) > 1e-6 || !Number.isSafeInteger(fen)) return this.error(`“${this.h}”应填写不小于 0、最多两位小数的金额（元），当前为“${show(this.raw)}”`);
    return fen;
  }
  bool(): boolean | undefined {
    const v = this.raw;
    if (isBlank(v)) return undefined;
    if (typeof v === 'boolean') return v;
    const t = String(typeof v === 'object' ? '' : v).trim().toLowerCase();
    if (['是', 'y', 'yes', 'true', '1', '√'].includes(t)) return true;
    if (['否', 'n', 'no', 'false', '0', '×'].includes(t)) return false;
    return this.error(`“${this.h}”应填写“是”或“否”，当前为“${show(v)}”`);
  }
  /** 必填 of a form field: 是/否, or a position 1, 2, 3 … (true when not ranked). */
  requiredMark(): number | boolean | undefined {
    const v = this.raw;
    if (isBlank(v)) return undefined;
    const t = typeof v === 'string' ? v.trim() : v;
    if (t === 0 || t === '0') return false;
    if (typeof t === 'number' || (typeof t === 'string' && /^\d+$/.test(t))) return this.int({ min: 1 });
    return this.bool();
  }
  one(codes: Codes, required = false): string | undefined {
    const v = this.raw;
    if (isBlank(v)) return required ? this.missing() : undefined;
    const s = typeof v === 'object' ? '' : String(v);
    // Excel turns "01" typed into a cell into the number 1: pad it back to the width of the codes.
    const c = codeOf(codes, s) ?? (typeof v === 'number' ? codeOf(codes, s.padStart(codes[0]?.[0].length ?? 0, '0')) : undefined);
    return c ?? this.error(`“${this.h}”应为 ${choices(codes)} 之一，当前为“${show(v)}”`);
  }
  textList(): string[] | undefined {
    const t = this.text();
    return t === undefined ? undefined : decodeTextList(t);
  }
  codeList(codes: Codes, opts: { required?: boolean; nonEmpty?: boolean } = {}): string[] | undefined {
    const v = this.raw;
    if (isBlank(v)) return opts.nonEmpty ? this.missing() : opts.required ? [] : undefined;
    const s = typeof v === 'object' ? '' : String(v);
    if (isNone(s)) return opts.nonEmpty ? this.missing() : [];
    const out: string[] = [];
    for (const part of s.split(CODE_LIST_SEP).filter(Boolean)) {
      const c = codeOf(codes, part);
      if (c === undefined) return this.error(`“${this.h}”中的“${part}”不是有效值，可填 ${choices(codes)}，多个值用顿号“、”分隔`);
      out.push(c);
    }
    return out;
  }
}

// ---- sheet definitions ----

type Column<T> = {
  header: string;
  note: string;
  required?: boolean;
  /** Text cell format: codes and phone numbers must not become numbers. */
  asText?: boolean;
  width?: number;
  options?: Codes;
  get: (x: T) => Out;
  set: (d: Draft, f: Field) => void;
};

function sub(d: Draft, key: string): Draft {
  let o = d[key] as Draft | undefined;
  if (!o) d[key] = o = {};
  return o;
}

function put(d: Draft, key: string, v: unknown) {
  if (v !== undefined) d[key] = v;
}

/** A pair of columns forming an optional {fileId, name} file reference: both or neither. */
function checkFileRef(d: Draft, key: string, r: RowReader, idHeader: string, nameHeader: string) {
  const o = d[key] as Draft | undefined;
  if (!o) return;
  if (o.fileId === undefined || o.name === undefined) {
    r.error(o.fileId === undefined ? idHeader : nameHeader, `“${idHeader}”和“${nameHeader}”须同时填写或同时留空`);
    delete d[key];
  }
}

const FEATURES = [
  ['appointment', '可预约'],
  ['express', '快递送达'],
  ['onlinePayment', '网上支付'],
  ['selfService', '自助终端'],
] as const;

const IMPL_CODE = '实施编码';

const itemColumns: Array<Column<ItemDocument>> = [
  { header: IMPL_CODE, required: true, asText: true, width: 36, note: '31 位：实施机构统一社会信用代码 18 位 + 行使层级 1 位 + 基本编码 12 位。已存在的实施编码会更新该事项的草稿，新的实施编码会新建事项（草稿）', get: (x) => x.implCode, set: (d, f) => put(d, 'implCode', f.code({ required: true })) },
  { header: '事项名称', required: true, width: 30, note: '事项的规范名称', get: (x) => x.name, set: (d, f) => put(d, 'name', f.reqText()) },
  { header: '基本编码', required: true, asText: true, width: 16, note: '12 位数字：目录来源 2 + 事项类型 2 + 主管部门 2 + 主项 3 + 子项 3', get: (x) => x.baseCode, set: (d, f) => put(d, 'baseCode', f.code({ required: true, pad: 12 })) },
  { header: '事项类型(代码)', required: true, asText: true, width: 10, options: CODE_LISTS.事项类型.map(([c, l]) => [c, `${c} ${l}`] as const), note: `两位代码：${CODE_LISTS.事项类型.map(([c, l]) => `${c} ${l}`).join('，')}；须与基本编码第 3–4 位一致`, get: (x) => x.kind, set: (d, f) => put(d, 'kind', f.one(CODE_LISTS.事项类型, true)) },
  { header: '行使层级', required: true, width: 12, options: CODE_LISTS.行使层级, note: `${choices(CODE_LISTS.行使层级)}（也可填代码 1–7）；须与实施编码第 19 位一致`, get: (x) => labelOf(CODE_LISTS.行使层级, x.exerciseLevel), set: (d, f) => put(d, 'exerciseLevel', f.one(CODE_LISTS.行使层级, true)) },
  { header: '区划代码', required: true, asText: true, width: 10, note: '实施机构所在行政区划代码（GB/T 2260，6、9 或 12 位）', get: (x) => x.regionCode, set: (d, f) => put(d, 'regionCode', f.code({ required: true })) },
  { header: '实施主体性质', width: 14, options: CODE_LISTS.实施主体性质, note: choices(CODE_LISTS.实施主体性质), get: (x) => (x.agencyNature ? labelOf(CODE_LISTS.实施主体性质, x.agencyNature) : null), set: (d, f) => put(d, 'agencyNature', f.one(CODE_LISTS.实施主体性质)) },
  { header: '受委托部门', width: 20, note: '多个用分号“；”分隔', get: (x) => encodeTextList(x.entrustedAgencies, true), set: (d, f) => put(d, 'entrustedAgencies', f.textList()) },
  { header: '联办机构', width: 20, note: '多个用分号“；”分隔', get: (x) => encodeTextList(x.jointAgencies, true), set: (d, f) => put(d, 'jointAgencies', f.textList()) },
  { header: '服务对象', required: true, width: 12, note: `${choices(CODE_LISTS.服务对象)}，可多选，用顿号“、”分隔`, get: (x) => encodeCodeList(x.serviceObjects, CODE_LISTS.服务对象, false), set: (d, f) => put(d, 'serviceObjects', f.codeList(CODE_LISTS.服务对象, { nonEmpty: true })) },
  { header: '服务对象类型', width: 20, note: `${choices(CODE_LISTS.服务对象类型)}，可多选，用顿号“、”分隔`, get: (x) => encodeCodeList(x.serviceObjectTypes, CODE_LISTS.服务对象类型, true), set: (d, f) => put(d, 'serviceObjectTypes', f.codeList(CODE_LISTS.服务对象类型)) },
  { header: '法定时限(工作日)', required: true, width: 10, note: '整数，工作日', get: (x) => x.statutoryDays, set: (d, f) => put(d, 'statutoryDays', f.int({ min: 0, required: true })) },
  { header: '法定时限说明', width: 20, note: '法定时限的补充说明', get: (x) => x.statutoryNote, set: (d, f) => put(d, 'statutoryNote', f.text()) },
  { header: '承诺时限(工作日)', required: true, width: 10, note: '整数，工作日；0 表示即办', get: (x) => x.committedDays, set: (d, f) => put(d, 'committedDays', f.int({ min: 0, required: true })) },
  { header: '承诺时限说明', width: 20, note: '承诺时限的补充说明', get: (x) => x.committedNote, set: (d, f) => put(d, 'committedNote', f.text()) },
  { header: '时限说明', width: 20, note: '时限不按工作日计算时的说明', get: (x) => x.limitNote, set: (d, f) => put(d, 'limitNote', f.text()) },
  { header: '办件类型', required: true, width: 10, options: CODE_LISTS.办件类型, note: choices(CODE_LISTS.办件类型), get: (x) => labelOf(CODE_LISTS.办件类型, x.caseType), set: (d, f) => put(d, 'caseType', f.one(CODE_LISTS.办件类型, true)) },
  { header: '办理形式', width: 20, note: `${choices(CODE_LISTS.办理形式)}，可多选，用顿号“、”分隔`, get: (x) => encodeCodeList(x.handlingForms, CODE_LISTS.办理形式, true), set: (d, f) => put(d, 'handlingForms', f.codeList(CODE_LISTS.办理形式)) },
  { header: '网上办理深度', width: 14, note: `数字 1–7，用逗号分隔，如“1,2,4”：${CODE_LISTS.网上办理深度.map(([c, l]) => `${c} ${l}`).join('，')}；留空表示不提供网上服务`, get: (x) => encodeCodeList(x.onlineDepth.map(String), [], false, ','), set: (d, f) => put(d, 'onlineDepth', f.codeList(CODE_LISTS.网上办理深度, { required: true })?.map(Number)) },
  { header: '到现场次数', required: true, width: 10, note: '0、1 或 2（2 表示多次）', get: (x) => x.visitsRequired, set: (d, f) => put(d, 'visitsRequired', f.int({ min: 0, max: 2, required: true })) },
  { header: '到现场原因', width: 20, note: '到现场次数大于 0 时填写', get: (x) => x.visitReason, set: (d, f) => put(d, 'visitReason', f.text()) },
  { header: '办公地址', required: true, width: 30, note: '办理地点', get: (x) => x.hall.address, set: (d, f) => put(sub(d, 'hall'), 'address', f.reqText()) },
  { header: '办公时间', required: true, width: 24, note: '如：周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）', get: (x) => x.hall.hours, set: (d, f) => put(sub(d, 'hall'), 'hours', f.reqText()) },
  { header: '办理窗口', width: 14, note: '窗口号或区域', get: (x) => x.hall.window, set: (d, f) => f.raw !== undefined && put(sub(d, 'hall'), 'window', f.text()) },
  { header: '交通指引', width: 20, note: '', get: (x) => x.hall.traffic, set: (d, f) => f.raw !== undefined && put(sub(d, 'hall'), 'traffic', f.text()) },
  { header: '咨询电话', required: true, asText: true, width: 16, note: '咨询方式', get: (x) => x.contacts.consult, set: (d, f) => put(sub(d, 'contacts'), 'consult', f.reqText()) },
  { header: '投诉电话', required: true, asText: true, width: 16, note: '监督投诉方式', get: (x) => x.contacts.complaint, set: (d, f) => put(sub(d, 'contacts'), 'complaint', f.reqText()) },
  { header: '结果类型', required: true, width: 12, note: '如 license（证照）、approval（批文）、other（其他）', get: (x) => x.result.type, set: (d, f) => put(sub(d, 'result'), 'type', f.reqText()) },
  { header: '结果名称', required: true, width: 20, note: '办理结果（证照、批文）名称', get: (x) => x.result.name, set: (d, f) => put(sub(d, 'result'), 'name', f.reqText()) },
  { header: '结果样本文件ID', asText: true, width: 20, note: '已上传文件的编号；与“结果样本文件名”同时填写', get: (x) => x.result.sample?.fileId, set: (d, f) => f.raw !== undefined && put(sub(sub(d, 'result'), 'sample'), 'fileId', f.text()) },
  { header: '结果样本文件名', width: 20, note: '', get: (x) => x.result.sample?.name, set: (d, f) => f.raw !== undefined && put(sub(sub(d, 'result'), 'sample'), 'name', f.text()) },
  { header: '主题分类', width: 16, note: '如 户籍、设立变更，多个用分号“；”分隔', get: (x) => encodeTextList(x.topics, false), set: (d, f) => put(d, 'topics', f.textList() ?? []) },
  { header: '生活或经营事件', width: 16, note: '如 开办企业、新生儿出生，多个用分号“；”分隔', get: (x) => encodeTextList(x.lifeEvents, true), set: (d, f) => put(d, 'lifeEvents', f.textList()) },
  { header: '通办范围', width: 12, options: CODE_LISTS.通办范围, note: choices(CODE_LISTS.通办范围), get: (x) => (x.tongbanScope ? labelOf(CODE_LISTS.通办范围, x.tongbanScope) : null), set: (d, f) => put(d, 'tongbanScope', f.one(CODE_LISTS.通办范围)) },
  ...FEATURES.map(
    ([key, header]): Column<ItemDocument> => ({
      header,
      width: 10,
      options: [['是', '是'], ['否', '否']],
      note: '是/否；可预约、快递送达、网上支付、自助终端四列须同时填写或同时留空',
      get: (x) => yesNo(x.features?.[key]),
      set: (d, f) => {
        const b = f.bool();
        if (b !== undefined) sub(d, 'features')[key] = b;
      },
    }),
  ),
  { header: '网上申请实名等级', width: 14, options: CODE_LISTS.实名等级, note: `留空：登录即可申请；${choices(CODE_LISTS.实名等级)}`, get: (x) => (x.minRealNameLevel ? labelOf(CODE_LISTS.实名等级, x.minRealNameLevel) : null), set: (d, f) => put(d, 'minRealNameLevel', f.one(CODE_LISTS.实名等级)) },
  {
    header: '告知承诺制',
    width: 10,
    options: [['是', '是'], ['否', '否']],
    note: '是/否；实行告知承诺制的，受理即准予许可并在核查期限内核查，须同时填写承诺书内容和核查期限',
    get: (x) => yesNo(x.commitmentApproval),
    set: (d, f) => put(d, 'commitmentApproval', f.bool()),
  },
  { header: '告知承诺书', width: 40, note: '申请人签署的承诺内容', get: (x) => x.commitmentText, set: (d, f) => put(d, 'commitmentText', f.text()) },
  { header: '核查期限(工作日)', width: 10, note: '整数，工作日：准予许可后多少个工作日内完成核查', get: (x) => x.verificationDays, set: (d, f) => put(d, 'verificationDays', f.int({ min: 1 })) },
  { header: '搜索关键词', width: 24, note: '群众常用说法，多个用分号“；”分隔', get: (x) => encodeTextList(x.keywords, false), set: (d, f) => put(d, 'keywords', f.textList() ?? []) },
];

const BASE_FAILURE: Record<BaseCodeFailure, string> = {
  length: '应为 12 位数字',
  format: '只能包含数字',
  source: '前 2 位目录来源应为 00（国家基本目录）或省级行政区划代码前两位',
  kind: '第 3–4 位不是有效的事项类型代码',
  main: '第 7–9 位主项编号不能是 000',
};

const CREDIT_FAILURE: Record<CreditCodeFailure, string> = {
  length: '统一社会信用代码应为 18 位',
  format: '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V 及小写字母）',
  registration: '统一社会信用代码第 1 位登记管理部门代码无效',
  region: '统一社会信用代码第 3–8 位应为行政区划代码',
  check: '统一社会信用代码校验位（第 18 位）不正确，请核对实施机构的统一社会信用代码',
  'org-check': '统一社会信用代码中组织机构代码的校验位（第 17 位）不正确，请核对实施机构的统一社会信用代码',
};

/** Code checks of an item row: the platform validators and the consistency of the codes with each other. */
function checkItemCodes(d: Draft, r: RowReader) {
  const implCode = d.implCode as string | undefined;
  const baseCode = d.baseCode as string | undefined;
  if (baseCode !== undefined) {
    const b = validateBaseCode(baseCode);
    if (!b.ok) r.error('基本编码', `基本编码“${baseCode}”不正确：${BASE_FAILURE[b.reason]}`);
    else if (d.kind !== undefined && b.kind !== d.kind) r.error('事项类型(代码)', `事项类型“${String(d.kind)}”与基本编码第 3–4 位“${b.kind}”不一致`);
  }
  if (implCode !== undefined) {
    const i = validateImplCode(implCode);
    if (!i.ok) {
      let why: string;
      if (i.reason === 'credit-code') why = `前 18 位${CREDIT_FAILURE[i.detail]}`;
      else if (i.reason === 'base-code') why = `后 12 位基本编码${BASE_FAILURE[i.detail]}`;
      else if (i.reason === 'level') why = '第 19 位行使层级应为 1–7';
      else why = `应为 31 位（统一社会信用代码 18 位 + 行使层级 1 位 + 基本编码 12 位），当前为 ${implCode.length} 位`;
      r.error(IMPL_CODE, `实施编码“${implCode}”不正确：${why}`);
    } else {
      if (baseCode !== undefined && i.baseCode !== baseCode) r.error(IMPL_CODE, `实施编码的后 12 位“${i.baseCode}”与基本编码“${baseCode}”不一致`);
      if (d.exerciseLevel !== undefined && i.level !== d.exerciseLevel) r.error('行使层级', `行使层级“${labelOf(CODE_LISTS.行使层级, String(d.exerciseLevel))}”与实施编码第 19 位“${i.level}”不一致`);
    }
  }
  if (typeof d.regionCode === 'string' && !isRegionCode(d.regionCode)) r.error('区划代码', `区划代码“${d.regionCode}”不正确：应为 6、9 或 12 位行政区划代码（GB/T 2260）`);
}

function finishItemRow(d: Draft, r: RowReader) {
  checkItemCodes(d, r);
  const result = d.result as Draft | undefined;
  if (result) checkFileRef(result, 'sample', r, '结果样本文件ID', '结果样本文件名');
  const features = d.features as Draft | undefined;
  if (features && Object.keys(features).length !== FEATURES.length) {
    r.error(FEATURES.find(([k]) => features[k] === undefined)![1], '“可预约、快递送达、网上支付、自助终端”四列须同时填写（是/否）或同时留空');
    delete d.features;
  }
}

/** A sheet of a list element: one row per element, keyed by 实施编码. */
type ListSheet<E> = {
  name: string;
  /** Explains the sheet in 说明. */
  about: string;
  /** Optional elements distinguish absent (no rows) from an empty list (a `（无）` row). */
  optional: boolean;
  columns: Array<Column<E>>;
  elements: (doc: ItemDocument) => E[] | undefined;
  finishRow?: (e: Draft, r: RowReader) => void;
  /** Put the parsed elements (in row order) into the document; problems are reported on the element rows. */
  assemble: (doc: Draft, elements: Array<{ e: Draft; r: RowReader }>) => void;
};

function simpleAssemble(key: string) {
  return (doc: Draft, elements: Array<{ e: Draft }>) => {
    doc[key] = elements.map((x) => x.e);
  };
}

type LegalBasis = ItemDocument['legalBasis'][number];
type Step = ItemDocument['steps'][number];
type Fee = ItemDocument['fees'][number];
type Material = ItemDocument['materials'][number];
type SpecialProcedure = NonNullable<ItemDocument['specialProcedures']>[number];
type Intermediary = NonNullable<ItemDocument['intermediaryServices']>[number];
type Faq = NonNullable<ItemDocument['faq']>[number];
type FormFieldRow = { key: string; field: ItemDocument['form']['properties'][string]; required: Out };

const legalBasisSheet: ListSheet<LegalBasis> = {
  name: '设定依据',
  about: '每行一条设定依据',
  optional: false,
  elements: (d) => d.legalBasis,
  columns: [
    { header: '法律法规名称', required: true, width: 36, note: '如：《中华人民共和国食品安全法》', get: (x) => x.title, set: (e, f) => put(e, 'title', f.reqText()) },
    { header: '条款', width: 20, note: '如：第三十五条', get: (x) => x.article, set: (e, f) => put(e, 'article', f.text()) },
    { header: '文号', width: 20, note: '', get: (x) => x.docNo, set: (e, f) => put(e, 'docNo', f.text()) },
  ],
  assemble: simpleAssemble('legalBasis'),
};

const conditionsSheet: ListSheet<string> = {
  name: '受理条件',
  about: '每行一条受理条件',
  optional: false,
  elements: (d) => d.conditions,
  columns: [{ header: '受理条件', required: true, width: 60, note: '申请人应当具备的条件', get: (x) => x, set: (e, f) => put(e, 'text', f.reqText()) }],
  assemble: (doc, elements) => {
    doc.conditions = elements.map((x) => x.e.text);
  },
};

const stepsSheet: ListSheet<Step> = {
  name: '办理流程',
  about: '每行一个办理环节，按办理顺序排列',
  optional: false,
  elements: (d) => d.steps,
  columns: [
    { header: '环节名称', required: true, width: 16, note: '如：受理、审查、决定', get: (x) => x.name, set: (e, f) => put(e, 'name', f.reqText()) },
    { header: '环节说明', width: 40, note: '', get: (x) => x.description, set: (e, f) => put(e, 'description', f.textOrEmpty()) },
    { header: '环节时限(工作日)', width: 10, note: '整数，工作日', get: (x) => x.days, set: (e, f) => put(e, 'days', f.int({ min: 0 })) },
  ],
  assemble: simpleAssemble('steps'),
};

const specialSheet: ListSheet<SpecialProcedure> = {
  name: '特别程序',
  about: `听证、检验、检测、鉴定、专家评审等不计入时限的特别程序；事项没有特别程序时可填一行“${NONE_MARK}”`,
  optional: true,
  elements: (d) => d.specialProcedures,
  columns: [
    { header: '程序名称', required: true, width: 16, note: '如：听证、专家评审', get: (x) => x.name, set: (e, f) => put(e, 'name', f.reqText()) },
    { header: '最长时限(工作日)', width: 10, note: '整数，工作日', get: (x) => x.maxDays, set: (e, f) => put(e, 'maxDays', f.int({ min: 0 })) },
    { header: '说明', width: 40, note: '', get: (x) => x.note, set: (e, f) => put(e, 'note', f.text()) },
  ],
  assemble: simpleAssemble('specialProcedures'),
};

type ReviewStep = NonNullable<ItemDocument['reviewSteps']>[number];

const reviewStepsSheet: ListSheet<ReviewStep> = {
  name: '审查环节',
  about: '受理后的审查环节，按顺序每行一个，最后一个环节作出决定；不填则为一个“审查”环节（审查人员，承诺时限内）',
  optional: true,
  elements: (d) => d.reviewSteps,
  columns: [
    { header: '环节名称', required: true, width: 16, note: '如：审查、现场核查、决定', get: (x) => x.name, set: (e, f) => put(e, 'name', f.reqText()) },
    { header: '办理角色', required: true, width: 12, options: CODE_LISTS.环节角色, note: choices(CODE_LISTS.环节角色), get: (x) => labelOf(CODE_LISTS.环节角色, x.role), set: (e, f) => put(e, 'role', f.one(CODE_LISTS.环节角色, true)) },
    { header: '环节时限(工作日)', required: true, width: 10, note: '整数，工作日', get: (x) => x.days, set: (e, f) => put(e, 'days', f.int({ min: 0, required: true })) },
  ],
  assemble: simpleAssemble('reviewSteps'),
};

const feesSheet: ListSheet<Fee> = {
  name: '收费',
  about: '每行一个收费项目；不收费的事项不填',
  optional: false,
  elements: (d) => d.fees,
  columns: [
    { header: '收费项目', required: true, width: 20, note: '', get: (x) => x.name, set: (e, f) => put(e, 'name', f.reqText()) },
    { header: '金额(元)', required: true, width: 10, note: '单位：元，最多两位小数', get: (x) => x.amountFen / 100, set: (e, f) => put(e, 'amountFen', f.fen()) },
    { header: '收费标准', width: 24, note: '收费标准的文字说明', get: (x) => x.standard, set: (e, f) => put(e, 'standard', f.text()) },
    { header: '收费依据', required: true, width: 30, note: '收费的法律或政策依据', get: (x) => x.basis, set: (e, f) => put(e, 'basis', f.reqText()) },
    { header: '减免说明', width: 24, note: '', get: (x) => x.waiver, set: (e, f) => put(e, 'waiver', f.text()) },
  ],
  assemble: simpleAssemble('fees'),
};

const materialsSheet: ListSheet<Material> = {
  name: '材料',
  about: '每行一份申请材料；材料编码在同一事项内不能重复',
  optional: false,
  elements: (d) => d.materials,
  columns: [
    { header: '材料编码', required: true, asText: true, width: 10, note: '同一事项内唯一，如 M01', get: (x) => x.code, set: (e, f) => put(e, 'code', f.code({ required: true })) },
    { header: '材料名称', required: true, width: 30, note: '', get: (x) => x.name, set: (e, f) => put(e, 'name', f.reqText()) },
    { header: '材料类型', width: 12, options: CODE_LISTS.材料类型, note: choices(CODE_LISTS.材料类型), get: (x) => (x.type ? labelOf(CODE_LISTS.材料类型, x.type) : null), set: (e, f) => put(e, 'type', f.one(CODE_LISTS.材料类型)) },
    { header: '必要性', required: true, width: 10, options: CODE_LISTS.必要性, note: choices(CODE_LISTS.必要性), get: (x) => labelOf(CODE_LISTS.必要性, x.necessity), set: (e, f) => put(e, 'necessity', f.one(CODE_LISTS.必要性, true)) },
    { header: '来源渠道', required: true, width: 14, options: CODE_LISTS.来源渠道, note: choices(CODE_LISTS.来源渠道), get: (x) => labelOf(CODE_LISTS.来源渠道, x.source), set: (e, f) => put(e, 'source', f.one(CODE_LISTS.来源渠道, true)) },
    { header: '出具单位', width: 20, note: '来源为政府部门核发时填写', get: (x) => x.issuingDept, set: (e, f) => put(e, 'issuingDept', f.text()) },
    { header: '材料形式', required: true, width: 12, options: CODE_LISTS.材料形式, note: choices(CODE_LISTS.材料形式), get: (x) => labelOf(CODE_LISTS.材料形式, x.form), set: (e, f) => put(e, 'form', f.one(CODE_LISTS.材料形式, true)) },
    { header: '纸质原件(份)', width: 10, note: '整数，留空为 0', get: (x) => x.paper.original, set: (e, f) => put(sub(e, 'paper'), 'original', f.int({ min: 0, emptyAs: 0 })) },
    { header: '纸质复印件(份)', width: 10, note: '整数，留空为 0', get: (x) => x.paper.copy, set: (e, f) => put(sub(e, 'paper'), 'copy', f.int({ min: 0, emptyAs: 0 })) },
    { header: '填报须知', width: 30, note: '', get: (x) => x.notes, set: (e, f) => put(e, 'notes', f.text()) },
    { header: '受理标准', width: 30, note: '', get: (x) => x.acceptanceStandard, set: (e, f) => put(e, 'acceptanceStandard', f.text()) },
    { header: '要求依据', width: 30, note: '要求提交该材料的法律依据', get: (x) => x.legalBasis, set: (e, f) => put(e, 'legalBasis', f.text()) },
    { header: '空白表格文件ID', asText: true, width: 20, note: '已上传文件的编号；与“空白表格文件名”同时填写', get: (x) => x.blankForm?.fileId, set: (e, f) => f.raw !== undefined && put(sub(e, 'blankForm'), 'fileId', f.text()) },
    { header: '空白表格文件名', width: 20, note: '', get: (x) => x.blankForm?.name, set: (e, f) => f.raw !== undefined && put(sub(e, 'blankForm'), 'name', f.text()) },
    { header: '示例样表文件ID', asText: true, width: 20, note: '已上传文件的编号；与“示例样表文件名”同时填写', get: (x) => x.sample?.fileId, set: (e, f) => f.raw !== undefined && put(sub(e, 'sample'), 'fileId', f.text()) },
    { header: '示例样表文件名', width: 20, note: '', get: (x) => x.sample?.name, set: (e, f) => f.raw !== undefined && put(sub(e, 'sample'), 'name', f.text()) },
    { header: '电子证照类型代码', asText: true, width: 16, note: '申请人持有该电子证照时可免交本材料', get: (x) => x.licenseTypeCode, set: (e, f) => put(e, 'licenseTypeCode', f.text()) },
    { header: '可共享获取', width: 10, options: [['是', '是'], ['否', '否']], note: '是/否：信息资源目录中有已发布的共享资源提供该材料，平台共享获取，申请人无需提交', get: (x) => yesNo(x.obtainable), set: (e, f) => put(e, 'obtainable', f.bool()) },
  ],
  finishRow: (e, r) => {
    checkFileRef(e, 'blankForm', r, '空白表格文件ID', '空白表格文件名');
    checkFileRef(e, 'sample', r, '示例样表文件ID', '示例样表文件名');
  },
  assemble: (doc, elements) => {
    const seen = new Set<string>();
    for (const { e, r } of elements) {
      const code = e.code as string;
      if (seen.has(code)) r.error('材料编码', `材料编码“${code}”在该事项中重复，请使用不同的编码`);
      seen.add(code);
    }
    doc.materials = elements.map((x) => x.e);
  },
};

const intermediarySheet: ListSheet<Intermediary> = {
  name: '中介服务',
  about: `事项涉及的中介服务；事项没有中介服务时可填一行“${NONE_MARK}”`,
  optional: true,
  elements: (d) => d.intermediaryServices,
  columns: [
    { header: '中介服务名称', required: true, width: 24, note: '', get: (x) => x.name, set: (e, f) => put(e, 'name', f.reqText()) },
    { header: '服务机构', width: 24, note: '', get: (x) => x.provider, set: (e, f) => put(e, 'provider', f.text()) },
    { header: '设定依据', width: 30, note: '', get: (x) => x.basis, set: (e, f) => put(e, 'basis', f.text()) },
    { header: '收费说明', width: 24, note: '', get: (x) => x.feeNote, set: (e, f) => put(e, 'feeNote', f.text()) },
  ],
  assemble: simpleAssemble('intermediaryServices'),
};

/** Display order of the form's fields: `x-order` first (JSONB does not keep key order), then any others. */
function fieldOrder(form: ItemDocument['form']): string[] {
  const keys = Object.keys(form.properties);
  const given = [...new Set(form['x-order'] ?? [])].filter((k) => Object.hasOwn(form.properties, k));
  return [...given, ...keys.filter((k) => !given.includes(k))];
}

/** 必填 of a form field: 是/否, or the position in `required` when that order differs from the field order. */
function requiredMarks(form: ItemDocument['form']): Map<string, Out> {
  const keys = fieldOrder(form);
  const inFieldOrder = keys.filter((k) => form.required.includes(k));
  const ordered = sameList(inFieldOrder, form.required);
  return new Map(keys.map((k) => [k, form.required.includes(k) ? (ordered ? '是' : form.required.indexOf(k) + 1) : '否']));
}

const formSheet: ListSheet<FormFieldRow> = {
  name: '表单字段',
  about: '申请表的字段，每行一个，按显示顺序排列',
  optional: false,
  elements: (d) => {
    const marks = requiredMarks(d.form);
    return fieldOrder(d.form).map((key) => ({ key, field: d.form.properties[key]!, required: marks.get(key) }));
  },
  columns: [
    { header: '字段键', required: true, asText: true, width: 16, note: '字段的英文标识，同一事项内唯一，如 shopName', get: (x) => x.key, set: (e, f) => put(e, 'key', f.code({ required: true })) },
    { header: '字段类型', required: true, width: 10, options: CODE_LISTS.字段类型, note: choices(CODE_LISTS.字段类型), get: (x) => labelOf(CODE_LISTS.字段类型, x.field.type), set: (e, f) => put(sub(e, 'field'), 'type', f.one(CODE_LISTS.字段类型, true)) },
    { header: '标题', required: true, width: 20, note: '显示给申请人的字段名', get: (x) => x.field.title, set: (e, f) => put(sub(e, 'field'), 'title', f.reqText()) },
    { header: '说明', width: 24, note: '填写提示', get: (x) => x.field.description, set: (e, f) => put(sub(e, 'field'), 'description', f.text()) },
    { header: '必填', width: 8, note: '是/否；需要指定必填字段的校验顺序时可填 1、2、3…', get: (x) => x.required, set: (e, f) => put(e, 'required', f.requiredMark()) },
    { header: '可选值', width: 24, note: '下拉选项，多个用分号“；”分隔', get: (x) => encodeTextList(x.field.enum, true), set: (e, f) => put(sub(e, 'field'), 'enum', f.textList()) },
    { header: '格式', width: 8, options: CODE_LISTS.字段格式, note: choices(CODE_LISTS.字段格式), get: (x) => (x.field.format ? labelOf(CODE_LISTS.字段格式, x.field.format) : null), set: (e, f) => put(sub(e, 'field'), 'format', f.one(CODE_LISTS.字段格式)) },
    { header: '最大长度', width: 8, note: '整数', get: (x) => x.field.maxLength, set: (e, f) => put(sub(e, 'field'), 'maxLength', f.int()) },
    { header: '最小值', width: 8, note: '数字', get: (x) => x.field.minimum, set: (e, f) => put(sub(e, 'field'), 'minimum', f.num()) },
    {
      header: '控件',
      width: 10,
      options: [...CODE_LISTS.控件, [WIDGET_DEFAULT, WIDGET_DEFAULT]],
      note: `${choices(CODE_LISTS.控件)}；“${WIDGET_DEFAULT}”表示使用默认控件`,
      get: (x) => (x.field['x-ui'] === undefined ? null : x.field['x-ui'].widget === undefined ? WIDGET_DEFAULT : labelOf(CODE_LISTS.控件, x.field['x-ui'].widget)),
      set: (e, f) => {
        if (f.blank) return;
        if (typeof f.raw === 'string' && f.raw.trim() === WIDGET_DEFAULT) sub(e, 'field')['x-ui'] = {};
        else {
          const w = f.one(CODE_LISTS.控件);
          if (w !== undefined) sub(e, 'field')['x-ui'] = { widget: w };
        }
      },
    },
    { header: '预填来源', asText: true, width: 12, note: '用申请人实名资料预填：name、idNumber、phone、address、entityName、creditCode；从基础库预填（申请人本人的记录）：个人 sex、birthDate、ethnicity、householdAddress、householdNo、relationToHead、maritalStatus、spouseName、spouseIdNumber，企业 entityType、legalRepresentative、registeredCapital、entityAddress、businessScope、establishedOn', get: (x) => x.field['x-prefill'], set: (e, f) => put(sub(e, 'field'), 'x-prefill', f.text()) },
  ],
  finishRow: (e, r) => {
    if (e.key === '__proto__') r.error('字段键', '字段键不能是“__proto__”');
  },
  assemble: (doc, elements) => {
    const properties: Draft = {};
    const order: string[] = [];
    const ranked: Array<{ key: string; rank: number }> = [];
    const marked: string[] = [];
    for (const { e, r } of elements) {
      const key = e.key as string;
      if (Object.hasOwn(properties, key)) r.error('字段键', `字段键“${key}”在该事项中重复`);
      else order.push(key);
      properties[key] = e.field;
      if (typeof e.required === 'number') ranked.push({ key, rank: e.required });
      else if (e.required === true) marked.push(key);
    }
    ranked.sort((a, b) => a.rank - b.rank);
    doc.form = { type: 'object', properties, required: [...ranked.map((x) => x.key), ...marked], 'x-order': order };
  },
};

const faqSheet: ListSheet<Faq> = {
  name: '常见问题',
  about: `每行一个问答；事项没有常见问题时可填一行“${NONE_MARK}”`,
  optional: true,
  elements: (d) => d.faq,
  columns: [
    { header: '问题', required: true, width: 36, note: '', get: (x) => x.q, set: (e, f) => put(e, 'q', f.reqText()) },
    { header: '解答', required: true, width: 60, note: '', get: (x) => x.a, set: (e, f) => put(e, 'a', f.reqText()) },
  ],
  assemble: simpleAssemble('faq'),
};

// Existential wrapper: sheets of different element types in one list.
type AnySheet = ListSheet<never> & { columns: Array<Column<never>> };
const LIST_SHEETS = [legalBasisSheet, conditionsSheet, stepsSheet, specialSheet, reviewStepsSheet, feesSheet, materialsSheet, intermediarySheet, formSheet, faqSheet] as unknown as AnySheet[];

/** Sheet names in workbook order. */
export const SHEET_NAMES: readonly string[] = [ITEM_SHEET, ...LIST_SHEETS.map((s) => s.name), GUIDE_SHEET];

// ---- writing ----

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TEMPLATE_ROWS = 2000;

function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type SheetWriter = ExcelJS.Worksheet & { commit(): void; dataValidations: { add(range: string, v: object): void } };
type BookWriter = { addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet; commit(): Promise<void> };

/** Let other requests run between chunks of a long export (ExcelJS is CPU-bound). */
const YIELD_EVERY = 200;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function addDataSheet<T>(wb: BookWriter, name: string, columns: Array<Column<T>>, rows: Iterable<Out[]>, frozenCols: number) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozenCols, ySplit: 1 }] }) as SheetWriter;
  ws.columns = columns.map((c) => ({ width: c.width ?? 16, ...(c.asText ? { style: { numFmt: '@' } } : {}) }));
  const head = ws.addRow(columns.map((c) => c.header));
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.numFmt = 'General';
    if (c.note) cell.note = `${c.required ? '必填。' : ''}${c.note}`;
    if (c.options) {
      const list = c.options.map(([, l]) => l).join(',');
      // A hint, not a lock: codes are accepted too.
      ws.dataValidations.add(`${colLetter(i + 1)}2:${colLetter(i + 1)}${TEMPLATE_ROWS}`, { type: 'list', allowBlank: true, formulae: [`"${list}"`], showErrorMessage: false });
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  head.commit();
  let n = 0;
  for (const r of rows) {
    ws.addRow(r.map((v) => (v === undefined ? null : v))).commit();
    if (++n % YIELD_EVERY === 0) await yieldToLoop();
  }
  ws.commit();
}

function implColumn<E>(): Column<E & { implCode: string }> {
  return { header: IMPL_CODE, required: true, asText: true, width: 36, note: '所属事项的实施编码，须在“事项”工作表中存在', get: (x) => x.implCode, set: () => undefined };
}

function addGuideSheet(wb: BookWriter) {
  const ws = wb.addWorksheet(GUIDE_SHEET) as SheetWriter;
  ws.columns = [{ width: 22 }, { width: 10 }, { width: 100 }];
  const title = (text: string) => {
    const r = ws.addRow([text]);
    r.font = { bold: true, size: 13 };
  };
  title('政务服务事项导入导出模板 使用说明');
  for (const line of [
    '1. “事项”工作表每行一个事项；其余工作表（设定依据、受理条件、办理流程、特别程序、收费、材料、中介服务、表单字段、常见问题）每行一个条目，用“实施编码”关联到事项，同一事项的条目按行的先后排列。',
    '2. 红色列名为必填列。列的顺序可以调整，可增加自己的辅助列（导入时忽略），但不要修改列名。',
    '3. 编码类的列（实施编码、基本编码、区划代码、电话等）请保持“文本”格式，避免 Excel 去掉开头的 0 或改成科学计数法。',
    `4. 多个值写在一个单元格时：代码类用顿号“、”分隔（如 自然人、法人），文字类用分号“；”分隔；网上办理深度用逗号分隔（如 1,2,4）。可选项写“${NONE_MARK}”表示明确为空。`,
    '5. 导入时先整体校验：任何一行有错误都不会导入任何数据，并逐行列出错误（工作表、行号、列名、原因）；全部通过后在一个事务中导入。',
    '6. 实施编码已存在的事项会更新为新的草稿版本；新的实施编码会新建事项（草稿），须经审核发布后才对外公开。实施机构由实施编码前 18 位（统一社会信用代码）确定，须为平台已登记的机构，且在您的管理范围内。',
    '7. 文件ID列填写平台中已上传文件的编号，一般由导出生成，无需手工修改。',
  ]) {
    const r = ws.addRow([line]);
    ws.mergeCells(r.number, 1, r.number, 3);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 32;
  }
  ws.addRow([]);
  const sheets: Array<{ name: string; about: string; columns: Array<Column<never>> }> = [
    { name: ITEM_SHEET, about: '每行一个事项', columns: itemColumns as unknown as Array<Column<never>> },
    ...LIST_SHEETS.map((s) => ({ name: s.name, about: s.about, columns: [implColumn<never>() as Column<never>, ...s.columns] })),
  ];
  const tableHead = (cells: string[]) => {
    const h = ws.addRow(cells);
    h.font = { bold: true };
    h.eachCell((c) => (c.fill = HEADER_FILL));
  };
  for (const s of sheets) {
    title(`工作表“${s.name}”：${s.about}`);
    tableHead(['列名', '是否必填', '填写说明']);
    for (const c of s.columns) ws.addRow([c.header, c.required ? '必填' : '', c.note]).alignment = { wrapText: true, vertical: 'top' };
    ws.addRow([]);
  }
  title('代码表（导入时填名称或代码均可）');
  tableHead(['代码表', '代码', '名称']);
  for (const [name, codes] of Object.entries(CODE_LISTS) as Array<[string, Codes]>) for (const [c, l] of codes) ws.addRow([name, c, l]);
  ws.commit();
}

function* listRows(s: AnySheet, docs: readonly ItemDocument[]): Generator<Out[]> {
  for (const d of docs) {
    const els = s.elements(d) as unknown[] | undefined;
    if (els === undefined) continue;
    if (els.length === 0) {
      if (s.optional) yield [d.implCode, NONE_MARK];
      continue;
    }
    for (const e of els) yield [d.implCode, ...s.columns.map((c) => (c.get as (x: unknown) => Out)(e))];
  }
}

/**
 * exceljs is loaded on first use: it adds ~18 MB to a process's resident memory, which a server that never imports
 * or exports a workbook (most processes behind a load balancer) should not carry.
 */
let exceljs: Promise<typeof ExcelJS> | undefined;
const loadExcelJs = (): Promise<typeof ExcelJS> => (exceljs ??= import('exceljs').then((m) => m.default));

/** Write the workbook with ExcelJS's streaming writer: rows go out as they are made, in chunks. */
async function writeWorkbook(docs: readonly ItemDocument[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true }) as unknown as BookWriter & ExcelJS.Workbook;
  wb.creator = '通办 Tongban';
  wb.created = new Date();
  await addDataSheet(wb, ITEM_SHEET, itemColumns, (function* () {
    for (const d of docs) yield itemColumns.map((c) => c.get(d));
  })(), 2);
  for (const s of LIST_SHEETS) await addDataSheet(wb, s.name, [implColumn<never>() as Column<never>, ...s.columns], listRows(s, docs), 1);
  addGuideSheet(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** The documents as a workbook (sheet layout above). */
export async function exportItemsXlsx(docs: readonly ItemDocument[]): Promise<Buffer> {
  return writeWorkbook(docs);
}

/** The empty import template: every sheet with its headers, dropdowns and the 说明 sheet. */
export async function templateXlsx(): Promise<Buffer> {
  return writeWorkbook([]);
}

// ---- reading ----

/** Load a workbook; throws when the bytes are not a readable .xlsx. */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcelJs()).Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function normHeader(s: string): string {
  return s.replace(/[\s*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

type SheetRows = { rows: Array<RowReader>; ok: boolean };

/** Read a sheet's rows as header → value maps, skipping blank rows. Missing required headers stop the sheet. */
function readSheet(ws: ExcelJS.Worksheet, columns: ReadonlyArray<{ header: string; required?: boolean }>, errors: ImportError[]): SheetRows {
  const at = new Map<string, number>();
  const headerRow = ws.getRow(1);
  const byNorm = new Map(columns.map((c) => [normHeader(c.header), c.header]));
  let ok = true;
  headerRow.eachCell((cell, col) => {
    const v = normalizeCell(cell.value);
    if (typeof v !== 'string') return;
    const h = byNorm.get(normHeader(v));
    if (!h) return;
    if (at.has(h)) {
      errors.push({ sheet: ws.name, row: 1, column: h, message: `列“${h}”出现了两次，请删除多余的一列` });
      ok = false;
    }
    at.set(h, col);
  });
  for (const c of columns) {
    if (c.required && !at.has(c.header)) {
      errors.push({ sheet: ws.name, row: 1, column: c.header, message: `工作表“${ws.name}”缺少必填列“${c.header}”，请使用导入模板的列名` });
      ok = false;
    }
  }
  const rows: RowReader[] = [];
  if (!ok) return { rows, ok };
  // Only rows that exist in the file: a formatted row far below the data must not make us walk a million rows.
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = new Map<string, Raw>();
    let blank = true;
    for (const [h, col] of at) {
      const v = normalizeCell(row.getCell(col).value);
      if (v !== undefined) values.set(h, v);
      if (!isBlank(v)) blank = false;
    }
    if (!blank) rows.push(new RowReader(ws.name, n, values, errors));
  });
  return { rows, ok };
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => w.name.trim() === name);
}

/** Number of item rows (non-blank rows below the header of 事项), for limits and progress before parsing. */
export function countItemRows(wb: ExcelJS.Workbook): number {
  const ws = findSheet(wb, ITEM_SHEET);
  if (!ws) return 0;
  let n = 0;
  ws.eachRow((row, i) => {
    if (i > 1 && Array.isArray(row.values) && row.values.some((v) => !isBlank(normalizeCell(v as ExcelJS.CellValue)))) n++;
  });
  return n;
}

const MAX_ERRORS = 1000;

/** Parse and validate a loaded workbook. `items` holds only the items without any error, in row order. */
export function parseWorkbook(wb: ExcelJS.Workbook): { items: ParsedItem[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const ws = findSheet(wb, ITEM_SHEET);
  if (!ws) {
    errors.push({ sheet: ITEM_SHEET, row: 0, message: `缺少工作表“${ITEM_SHEET}”，请下载导入模板，按模板填写后上传` });
    return { items: [], errors };
  }
  type Entry = { row: RowReader; doc: Draft; failed: boolean };
  const entries = new Map<string, Entry>();
  const order: Entry[] = [];
  const items = readSheet(ws, itemColumns, errors);
  for (const r of items.rows) {
    const d: Draft = {};
    for (const c of itemColumns) c.set(d, r.field(c.header));
    finishItemRow(d, r);
    const implCode = d.implCode as string | undefined;
    const e: Entry = { row: r, doc: d, failed: r.failed };
    order.push(e);
    if (implCode === undefined) continue;
    const prev = entries.get(implCode);
    if (prev) {
      r.error(IMPL_CODE, `实施编码“${implCode}”与第 ${prev.row.row} 行重复，同一事项只能占一行`);
      e.failed = prev.failed = true;
    } else entries.set(implCode, e);
  }

  for (const s of LIST_SHEETS) {
    const sheetWs = findSheet(wb, s.name);
    const perItem = new Map<string, Array<{ e: Draft; r: RowReader }>>();
    const emptyMarks = new Map<string, RowReader>();
    if (sheetWs) {
      const identity = s.columns[0]!.header;
      const { rows, ok } = readSheet(sheetWs, [implColumn(), ...s.columns], errors);
      if (!ok) for (const e of order) e.failed = true;
      for (const r of rows) {
        const implCode = r.field(IMPL_CODE).code({ required: true });
        const owner = implCode === undefined ? undefined : entries.get(implCode);
        if (implCode !== undefined && !owner) r.error(IMPL_CODE, `实施编码“${implCode}”在“${ITEM_SHEET}”工作表中不存在，请先在“${ITEM_SHEET}”中填写该事项，或更正编码`);
        const idRaw = r.raw(identity);
        const othersBlank = s.columns.slice(1).every((c) => isBlank(r.raw(c.header)));
        if (s.optional && typeof idRaw === 'string' && isNone(idRaw) && othersBlank) {
          if (implCode !== undefined) emptyMarks.set(implCode, r);
        } else {
          const e: Draft = {};
          for (const c of s.columns) c.set(e, r.field(c.header));
          s.finishRow?.(e, r);
          if (implCode !== undefined) {
            let list = perItem.get(implCode);
            if (!list) perItem.set(implCode, (list = []));
            list.push({ e, r });
          }
        }
        if (r.failed && owner) owner.failed = true;
      }
    }
    for (const [implCode, entry] of entries) {
      const els = perItem.get(implCode) ?? [];
      const mark = emptyMarks.get(implCode);
      if (mark && els.length) {
        mark.error(s.columns[0]!.header, `该事项在本表已有 ${els.length} 行内容，不能再填“${NONE_MARK}”，请删除这一行`);
        entry.failed = true;
        continue;
      }
      if (s.optional && !mark && els.length === 0) continue; // absent
      s.assemble(entry.doc, els);
      if (els.some((x) => x.r.failed)) entry.failed = true;
    }
  }

  const out: ParsedItem[] = [];
  for (const e of order) {
    if (e.failed || e.row.failed) continue;
    if (!Value.Check(ItemDocument, e.doc)) {
      const details = [...Value.Errors(ItemDocument, e.doc)].slice(0, 5).map((x) => `${x.instancePath || '/'} ${x.message}`);
      e.row.error(undefined, `事项数据不完整或格式不符合要求：${details.join('；')}`);
      continue;
    }
    out.push({ row: e.row.row, doc: e.doc as ItemDocument });
  }
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    errors.length = MAX_ERRORS;
    errors.push({ sheet: '', row: 0, message: `另有 ${more} 条错误未列出，请先更正以上错误后重新导入` });
  }
  return { items: out, errors };
}

/** Parse and validate a workbook file: the documents of the rows without errors, and every error found. */
export async function parseItemsXlsx(buf: Buffer): Promise<{ docs: ItemDocument[]; errors: ImportError[] }> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(buf);
  } catch {
    return { docs: [], errors: [{ sheet: '', row: 0, message: '文件无法作为 Excel 工作簿（.xlsx）读取，请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”后重新上传' }] };
  }
  const { items, errors } = parseWorkbook(wb);
  return { docs: items.map((i) => i.doc), errors };
}
