/**
 * Service item codes (政务服务事项编码): the base code of an item in the base catalog (基本目录) and the
 * implementation code of one agency's implementation of it (实施清单).
 *
 * Standard: GB/T 39554.1-2020 全国一体化政务服务平台 政务服务事项基本目录及实施清单 第1部分：编码要求, which
 * took over the national platform's technical specification C0101 for item codes. We could not consult the text of
 * the standard itself; the layout below is the one the national and provincial platforms publish, e.g. Jiangsu
 * implementation codes of the form `<18-char credit code><level><12-digit base code>`:
 *
 *   base code (12 digits)  = catalog source (2) + item kind (2) + department (2) + main item (3) + sub-item (3)
 *     catalog source: 00 for the national base catalog; a province's 2-digit GB/T 2260 prefix (32 = 江苏) for
 *                     items the province adds
 *     item kind:      `ItemKind` below
 *     department:     2-digit code of the competent department in the catalog that owns the item
 *     main item:      001–999;  sub-item: 000 when the item has no sub-items, else 001–999
 *
 *   implementation code (31 characters) = implementing agency's unified social credit code (18, GB 32100)
 *                                          + exercise level (1, `ExerciseLevel`) + base code (12)
 *
 * Only the embedded credit code carries check characters; the base code has none, so `validateImplCode` checks its
 * structure and code lists.
 */

import { validateCreditCode, type CreditCodeFailure } from './credit-code.ts';
import { PROVINCE_PREFIXES } from './region.ts';

/**
 * Item kind codes (事项类型) as used by the national integrated platform's item data (行政权力 01–10, 公共服务 20).
 */
export const ItemKind = {
  license: '01',
  penalty: '02',
  enforcement: '03',
  levy: '04',
  benefit: '05',
  inspection: '06',
  confirmation: '07',
  reward: '08',
  adjudication: '09',
  otherPower: '10',
  publicService: '20',
} as const;

export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];

export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, string>> = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
};

export const ITEM_KINDS: readonly ItemKind[] = Object.values(ItemKind);

export function isItemKind(s: string): s is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(s);
}

/**
 * Exercise level codes (行使层级) of the national item data: 1 国家级 … 6 村（社区）级, and 7 分级管理 for a base
 * catalog item exercised at several levels under tiered management.
 */
export const ExerciseLevel = {
  national: '1',
  province: '2',
  city: '3',
  county: '4',
  town: '5',
  village: '6',
  tiered: '7',
} as const;

export type ExerciseLevel = (typeof ExerciseLevel)[keyof typeof ExerciseLevel];

export const EXERCISE_LEVEL_LABELS: Readonly<Record<ExerciseLevel, string>> = {
  '1': '国家级',
  '2': '省级',
  '3': '市级',
  '4': '县级',
  '5': '镇（乡、街道）级',
  '6': '村（社区）级',
  '7': '分级管理',
};

export function isExerciseLevel(s: string): s is ExerciseLevel {
  return s in EXERCISE_LEVEL_LABELS;
}

const CATALOG_SOURCES = new Set(['00', ...PROVINCE_PREFIXES]);

export type BaseCodeParts = { source: string; kind: ItemKind; department: string; main: string; sub: string };

export type BaseCodeFailure = 'length' | 'format' | 'source' | 'kind' | 'main';

export type BaseCodeResult = ({ ok: true } & BaseCodeParts) | { ok: false; reason: BaseCodeFailure };

/** Validate a 12-digit base code: digits only, known catalog source, known item kind, main item not 000. */
export function validateBaseCode(s: string): BaseCodeResult {
  if (s.length !== 12) return { ok: false, reason: 'length' };
  if (!/^\d{12}$/.test(s)) return { ok: false, reason: 'format' };
  const source = s.slice(0, 2);
  if (!CATALOG_SOURCES.has(source)) return { ok: false, reason: 'source' };
  const kind = s.slice(2, 4);
  if (!isItemKind(kind)) return { ok: false, reason: 'kind' };
  const main = s.slice(6, 9);
  if (main === '000') return { ok: false, reason: 'main' };
  return { ok: true, source, kind, department: s.slice(4, 6), main, sub: s.slice(9, 12) };
}

/** Build a base code; numbers are zero-padded. Throws RangeError when the result would not validate. */
export function makeBaseCode(parts: {
  source: string;
  kind: ItemKind;
  department: string;
  main: number | string;
  sub?: number | string;
}): string {
  const pad = (v: number | string) => String(v).padStart(3, '0');
  const code = `${parts.source}${parts.kind}${parts.department}${pad(parts.main)}${pad(parts.sub ?? 0)}`;
  const r = validateBaseCode(code);
  if (!r.ok) throw new RangeError(`invalid base code ${code}: ${r.reason}`);
  return code;
}

export type ImplCodeFailure = 'length' | 'credit-code' | 'level' | 'base-code';

export type ImplCodeResult =
  | { ok: true; creditCode: string; level: ExerciseLevel; baseCode: string; base: BaseCodeParts }
  | { ok: false; reason: 'length' | 'level' }
  | { ok: false; reason: 'credit-code'; detail: CreditCodeFailure }
  | { ok: false; reason: 'base-code'; detail: BaseCodeFailure };

/**
 * Validate a 31-character implementation code: the agency's credit code (including both its check characters),
 * the exercise level, and the base code.
 */
export function validateImplCode(s: string): ImplCodeResult {
  if (s.length !== 31) return { ok: false, reason: 'length' };
  const creditCode = s.slice(0, 18);
  const credit = validateCreditCode(creditCode);
  if (!credit.ok) return { ok: false, reason: 'credit-code', detail: credit.reason };
  const level = s[18]!;
  if (!isExerciseLevel(level)) return { ok: false, reason: 'level' };
  const baseCode = s.slice(19);
  const base = validateBaseCode(baseCode);
  if (!base.ok) return { ok: false, reason: 'base-code', detail: base.reason };
  const { ok: _ok, ...parts } = base;
  return { ok: true, creditCode, level, baseCode, base: parts };
}

/** Build an implementation code. Throws RangeError when any part is invalid. */
export function makeImplCode(creditCode: string, level: ExerciseLevel, baseCode: string): string {
  const credit = validateCreditCode(creditCode);
  if (!credit.ok) throw new RangeError(`invalid credit code ${creditCode}: ${credit.reason}`);
  if (!isExerciseLevel(level)) throw new RangeError(`invalid exercise level ${level}`);
  const base = validateBaseCode(baseCode);
  if (!base.ok) throw new RangeError(`invalid base code ${baseCode}: ${base.reason}`);
  return `${creditCode}${level}${baseCode}`;
}
