/**
 * Generated legacy registers for tests, the e2e journey and the bench: `n` lines for a license type, every
 * `badEvery`-th line broken in one of the ways a real register is (so the reject report has something to say).
 */
import { makeCreditCode, makeResidentId } from '../../platform/codes/index.ts';
import { faceColumns, FIXED_COLUMNS } from './legacy-file.ts';

const fillable = (f: FaceField) => f.from.split('|').some((p) => p.startsWith('holder.name') || p === 'holder.code');
import type { FaceField } from './tables.ts';

export type SampleOptions = {
  issuerCode: string;
  /** Break every n-th line (0: none). */
  badEvery?: number;
  /** Holder codes are credit codes (entity types) or resident IDs (person types). */
  holders?: 'entity' | 'person';
  /** Makes numbers unique across runs. */
  numberPrefix?: string;
};

/** What each broken line gets wrong, in turn; `expect` is a word the reject reason must contain. */
export const SAMPLE_DEFECTS = [
  { what: 'holder code check digit', expect: '校验码' },
  { what: 'no holder name', expect: '持证主体名称没有填写' },
  { what: 'unreadable issue date', expect: '发证日期' },
  { what: 'number of the line before', expect: '重复' },
  { what: 'unknown issuer', expect: '机构名录中找不到' },
  { what: 'valid until before issued', expect: '早于发证日期' },
] as const;

const body8 = (i: number) => String(10_000_000 + (i % 89_999_999)).slice(-8);

export function sampleLegacyRows(fields: FaceField[], n: number, o: SampleOptions): { header: string[]; rows: string[][]; bad: number[] } {
  const face = faceColumns(fields);
  const header = [...FIXED_COLUMNS.map((c) => c.header), ...face.map((f) => f.field.label)];
  const rows: string[][] = [];
  const bad: number[] = [];
  const prefix = o.numberPrefix ?? 'LG';
  for (let i = 1; i <= n; i++) {
    const code = o.holders === 'person'
      ? makeResidentId('321202', `19${String(60 + (i % 40)).padStart(2, '0')}0${1 + (i % 9)}1${i % 10}`, String(i % 1000).padStart(3, '0'))
      : makeCreditCode('9', '2', '321202', body8(i));
    const year = 2015 + (i % 8);
    const row: Record<string, string> = {
      holderName: o.holders === 'person' ? `存量持证人${i}` : `泰州市海陵区存量食品店${i}`,
      holderCode: code,
      issuerCode: o.issuerCode,
      number: `${prefix}${String(i).padStart(8, '0')}`,
      issuedOn: `${year}-0${1 + (i % 9)}-1${i % 10}`,
      validUntil: i % 3 === 0 ? '长期' : `${year + 5}/${1 + (i % 9)}/1${i % 10}`,
    };
    const defect = o.badEvery && i % o.badEvery === 0 ? SAMPLE_DEFECTS[(i / o.badEvery - 1) % SAMPLE_DEFECTS.length]! : undefined;
    if (defect) {
      bad.push(i + 1); // line numbers: the header is line 1
      switch (defect.what) {
        case 'holder code check digit': row.holderCode = code.slice(0, 17) + (code[17] === '0' ? '1' : '0'); break;
        case 'no holder name': row.holderName = ''; break;
        case 'unreadable issue date': row.issuedOn = '去年春天'; break;
        case 'number of the line before': row.number = `${prefix}${String(i - 1).padStart(8, '0')}`; break;
        case 'unknown issuer': row.issuerCode = makeCreditCode('1', '1', '321200', '88888888'); break;
        case 'valid until before issued': row.validUntil = `${year - 1}-01-01`; break;
      }
    }
    // Face fields the platform can fill from the holder (operator = holder name …) are left blank, as clerks would.
    rows.push([...FIXED_COLUMNS.map((c) => row[c.key]!), ...face.map((f) => (fillable(f.field) ? '' : `${f.field.label}样例${i}`))]);
  }
  return { header, rows, bad };
}
