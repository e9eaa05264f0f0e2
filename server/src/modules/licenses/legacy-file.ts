/**
 * Reading a legacy license file (.xlsx or CSV) into header + lines of text cells, and the import template.
 *
 * Layout (one license per line, the header on line 1, columns found by their header so their order is free):
 * 持证主体名称, 持证主体代码 (resident ID or unified social credit code), 发证机关统一社会信用代码, 证照编号, 发证日期,
 * 有效期至 (a date or 长期), then one column per face field of the license type named by its label (照面项). Face fields
 * the platform can fill itself (the holder's name and code, the issuer's name, the dates, fixed texts) may be left
 * out; see `faceColumns`.
 */
import type ExcelJS from 'exceljs';
import { decodeCsv, normHeader, parseCsv } from '../../platform/csv/csv.ts';
import type { FaceField } from './tables.ts';
import { LegacyErrors } from './legacy-errors.ts';
import { MAX_UNPACKED_BYTES, zipUnpackedSize } from '../catalog/index.ts';

/** A cell as read: text, or a number when a spreadsheet stored it as one (an 18-digit ID then has lost digits). */
export type Cell = string | number;
export type FileLine = { rowNo: number; cells: Cell[] };
/** `lines` of a CSV file are read as they are consumed (once); a workbook's are in memory. */
export type LegacyFile = { kind: 'xlsx' | 'csv'; encoding?: string; header: string[]; lines: Iterable<FileLine> };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Lines per file: CSV is read as text (cheap); a workbook is unpacked whole in memory, so it gets fewer. */
export const MAX_CSV_LINES = 100_000;
export const MAX_XLSX_LINES = 20_000;

/** The fixed columns: their keys, the header in the template and other headers accepted for them. */
export const FIXED_COLUMNS = [
  { key: 'holderName', header: '持证主体名称', aliases: ['持证人名称', '持证主体', '持证人'] },
  { key: 'holderCode', header: '持证主体代码', aliases: ['身份证号码或统一社会信用代码', '持证主体证件号码', '证件号码'] },
  { key: 'issuerCode', header: '发证机关统一社会信用代码', aliases: ['发证机关代码', '发证单位统一社会信用代码'] },
  { key: 'number', header: '证照编号', aliases: ['证号', '原证照编号', '证书编号'] },
  { key: 'issuedOn', header: '发证日期', aliases: ['颁证日期', '签发日期'] },
  { key: 'validUntil', header: '有效期至', aliases: ['有效期截止日期', '有效期限至'] },
] as const;
export type FixedKey = (typeof FIXED_COLUMNS)[number]['key'];

/** Sources the import fills by itself (the file's own columns); `form.*` and `holder.address` need a column. */
const DERIVED = /^(holder\.(name|code)|issuer\.name|issuedAt|validUntil|const:.*)$/;
const derivable = (f: FaceField) => f.from.startsWith('const:') || f.from.split('|').some((p) => DERIVED.test(p));

/** The face fields that get a column, and whether that column must hold a value. */
export function faceColumns(fields: FaceField[]): Array<{ field: FaceField; required: boolean }> {
  return fields.filter((f) => !f.from.startsWith('const:') && f.from.split('|').some((p) => !DERIVED.test(p))).map((field) => ({ field, required: !!field.required && !derivable(field) }));
}


function cellText(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  // Excel dates are wall-clock dates stored as UTC by exceljs.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? '');
    if ('error' in v) return '';
  }
  return String(v);
}

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on first use (it costs ~18 MB of resident memory; catalog/excel.ts does the same). */
const loadExcelJs = (): Promise<typeof ExcelJS> => (exceljs ??= import('exceljs').then((m) => m.default));

async function readXlsx(buf: Buffer): Promise<LegacyFile> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw LegacyErrors.FILE_UNREADABLE();
  }
  const ws = wb.worksheets.find((w) => w.name.trim() === '证照') ?? wb.worksheets[0];
  if (!ws) throw LegacyErrors.FILE_NO_ROWS();
  if (ws.actualRowCount - 1 > MAX_XLSX_LINES) throw LegacyErrors.FILE_TOO_MANY_LINES({ max: MAX_XLSX_LINES, kind: 'Excel 工作簿' });
  let header: string[] = [];
  const lines: FileLine[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
    if (!header.length) header = cells.map(String);
    else if (cells.some((c) => String(c).trim() !== '')) lines.push({ rowNo, cells });
  });
  return { kind: 'xlsx', header, lines };
}

function readCsv(buf: Buffer): LegacyFile {
  const { text, encoding } = decodeCsv(buf);
  const records = parseCsv(text);
  const first = records.next();
  const header = first.done ? [] : first.value;
  function* lines(): Generator<FileLine> {
    let rowNo = 1;
    let count = 0;
    for (const rec of records) {
      rowNo++;
      if (!rec.some((c) => c.trim() !== '')) continue;
      if (++count > MAX_CSV_LINES) throw LegacyErrors.FILE_TOO_MANY_LINES({ max: MAX_CSV_LINES, kind: 'CSV 文件' });
      yield { rowNo, cells: rec };
    }
  }
  return { kind: 'csv', encoding, header, lines: lines() };
}

/** An .xlsx (a ZIP package, recognised by its content) or else CSV text; anything binary is refused. */
export async function readLegacyFile(buf: Buffer): Promise<LegacyFile> {
  if (buf.length === 0) throw LegacyErrors.FILE_EMPTY();
  const isZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  if (!isZip && buf.subarray(0, 4096).includes(0)) throw LegacyErrors.FILE_NOT_SUPPORTED();
  if (isZip) {
    // An .xlsx is a ZIP: its declared unpacked size is checked before exceljs unpacks it (no "zip bomb").
    const unpacked = zipUnpackedSize(buf);
    if (unpacked === undefined) throw LegacyErrors.FILE_UNREADABLE();
    if (unpacked > MAX_UNPACKED_BYTES) throw LegacyErrors.FILE_TOO_LARGE({ limitMb: MAX_UNPACKED_BYTES / 1048576 });
  }
  const file = isZip ? await readXlsx(buf) : readCsv(buf);
  if (!file.header.length) throw LegacyErrors.FILE_NO_ROWS();
  return file;
}

/** Where each column sits in the file; a clear 400 naming the first missing column. */
export function locateColumns(header: string[], face: Array<{ field: FaceField; required: boolean }>): { fixed: Record<FixedKey, number>; face: Map<string, number> } {
  const norm = header.map((h) => normHeader(String(h)));
  const find = (...names: string[]) => names.map(normHeader).map((n) => norm.indexOf(n)).find((i) => i >= 0) ?? -1;
  const fixed = {} as Record<FixedKey, number>;
  for (const c of FIXED_COLUMNS) {
    const i = find(c.header, ...c.aliases);
    if (i < 0) throw LegacyErrors.FILE_COLUMN_MISSING({ column: c.header });
    fixed[c.key] = i;
  }
  const faceAt = new Map<string, number>();
  for (const { field, required } of face) {
    const i = find(field.label, field.key);
    if (i >= 0) faceAt.set(field.key, i);
    else if (required) throw LegacyErrors.FILE_COLUMN_MISSING({ column: field.label });
  }
  return { fixed, face: faceAt };
}

/** The import template for a type: the columns with notes, code columns formatted as text, and a sheet of notes. */
export async function legacyTemplateXlsx(type: { name: string; face_fields: FaceField[] }): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  const ws = wb.addWorksheet('证照');
  const face = faceColumns(type.face_fields);
  const columns = [
    ...FIXED_COLUMNS.map((c) => ({ header: c.header, required: true })),
    ...face.map((f) => ({ header: f.field.label, required: f.required })),
  ];
  ws.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: Math.max(14, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  // Codes and numbers as text: Excel would otherwise turn an 18-digit ID into 3.21E+17 and lose its last digits.
  for (const i of [2, 3, 4]) ws.getColumn(i).numFmt = '@';
  const notes = wb.addWorksheet('说明');
  notes.columns = [{ header: '列', width: 26 }, { header: '怎么填', width: 90 }];
  notes.addRows([
    ['持证主体名称*', '个人写姓名，单位写全称'],
    ['持证主体代码*', '个人写 18 位居民身份证号码，单位写 18 位统一社会信用代码（校验位必须正确）'],
    ['发证机关统一社会信用代码*', '原发证机关的统一社会信用代码；该机关必须已在平台的机构名录中，并已登记电子印章'],
    ['证照编号*', '原证照上印的编号；同一类型的编号不能重复，已导入过的会被跳过并列入“未导入清单”'],
    ['发证日期*', '例如 2019-05-01、2019/5/1 或 2019年5月1日'],
    ['有效期至*', '日期，长期有效的写“长期”'],
    ...face.map((f) => [f.required ? `${f.field.label}*` : f.field.label, f.required ? '证照照面上的必填项' : '证照照面上的项目，没有可以不填']),
    ['', `带 * 的列必须填写。本模板用于导入“${type.name}”；一次最多 ${MAX_XLSX_LINES} 行（CSV 文件最多 ${MAX_CSV_LINES} 行）。`],
  ]);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
