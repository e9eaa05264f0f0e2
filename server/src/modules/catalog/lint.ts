/**
 * Item standardization review (事项标准化审核): named rules over one `ItemDocument`, as a pure function.
 *
 * The review is what the city's catalog office does before an item is published: "system finds a difference, or a
 * material with a vague, catch-all clause such as “其他材料”“有关材料”, marks it for correction, and the item
 * cannot pass review" (seed 002, 长沙市政务服务工作汇报 §一). Every rule below has a stable kebab-case name (stored
 * with review results and shown in the admin UI), one severity, and a comment citing the seed or law it comes from.
 *
 * - `error` blocks publication (`hasBlockingFindings`);
 * - `warning` is shown to the catalog clerk and the reviewer, and does not block;
 * - `info` is advice.
 *
 * The function never throws on a structurally odd document (a draft is linted before it validates) and never
 * reads the clock, the database or any global state: the same document and context always give the same findings,
 * in rule order, then document order.
 */
import type { ItemDocument } from './schema.ts';

export type LintSeverity = 'error' | 'warning' | 'info';

export type LintFinding = {
  /** Name of the rule in `LINT_RULES`. */
  rule: string;
  severity: LintSeverity;
  /** JSON pointer (RFC 6901) into the document at the offending element, e.g. '/materials/2/name'. */
  path: string;
  /** Plain Chinese for a catalog clerk: what is wrong and how to fix it. */
  message: string;
};

export type LintRule = {
  name: string;
  severity: LintSeverity;
  /** Chinese title shown in the review list. */
  title: string;
  description: string;
};

export type LintContext = {
  /** The base catalog item this implementation derives from, when known: name, kind and legal basis may not drift. */
  baseItem?: { baseCode: string; name: string; kind: string; legalBasis: Array<{ title: string; article?: string }> };
  /** Material names the platform can obtain itself: a published resource of the resource catalog stands for them (sharing `obtainableIndex`). */
  obtainableMaterial?: (name: string) => boolean;
};

/**
 * Largest committed limit, as a share of the statutory limit, that counts as compressed. Seed 000 (嘉峪关 落实方案,
 * 总体目标 2018) asks to cut 办理时限 by 30 % or more (≤ 70 %); seed 001 (福州 2017 考核方案, 优化办理流程) asks the
 * committed limits to average 30 % of the statutory ones. An average of 30 % leaves room per item, so one item is
 * flagged when it keeps more than half of its statutory limit.
 */
export const COMMITTED_SHARE_MAX = 0.5;

// ---------------------------------------------------------------------------------------------------------------
// Helpers: defensive access (drafts may be incomplete), JSON pointers, normalisation, message fragments
// ---------------------------------------------------------------------------------------------------------------

type Emit = (path: string, message: string) => void;
type RuleDef = LintRule & { check: (doc: ItemDocument, ctx: LintContext, emit: Emit) => void };
type Material = ItemDocument['materials'][number];

function arr<T>(v: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A number, or NaN for anything else (every comparison with NaN is false, so a rule stays silent). */
function num(v: unknown): number {
  return typeof v === 'number' ? v : Number.NaN;
}

/** A value as shown in a message, without calling anything on it. */
function show(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
}

function blank(v: unknown): boolean {
  return str(v).trim() === '';
}

function rec(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** JSON pointer from path segments (RFC 6901: '~' → '~0', '/' → '~1'). */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/**
 * Text for comparing names: NFKC (full-width → half-width), 其它 → 其他, lower case, and without whitespace,
 * punctuation, symbols or invisible characters, so “其他 材料（如有）” and “其他材料(如有)” compare equal.
 */
export function normalizeText(s: string): string {
  return str(s)
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}\p{Z}\p{C}\s]/gu, '')
    .replaceAll('其它', '其他')
    .toLowerCase();
}

/** A name as quoted in a message: trimmed, one line, at most 30 characters. */
function q(s: unknown): string {
  const t = str(s).replace(/\s+/g, ' ').trim();
  const chars = Array.from(t);
  return `“${chars.length > 30 ? chars.slice(0, 30).join('') + '…' : t}”`;
}

function materialLabel(m: Material, i: number): string {
  return blank(m?.name) ? `第${i + 1}项材料` : `第${i + 1}项材料${q(m.name)}`;
}

/** Item kind codes (schema.ts `kind`), for messages. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  '01': '行政许可', '02': '行政处罚', '03': '行政强制', '04': '行政征收', '05': '行政给付', '06': '行政检查',
  '07': '行政确认', '08': '行政奖励', '09': '行政裁决', '10': '其他行政权力', '20': '公共服务',
};

function kindLabel(code: unknown): string {
  const c = str(code).trim();
  return Object.hasOwn(KIND_LABELS, c) ? `“${c} ${KIND_LABELS[c]}”` : `“${c}”`;
}

const SOURCES: ReadonlySet<string> = new Set(['applicant', 'government', 'other']);
const PHYSICAL_RESULT_TYPES: ReadonlySet<string> = new Set(['license', 'approval']);

// ---------------------------------------------------------------------------------------------------------------
// Vague wording
// ---------------------------------------------------------------------------------------------------------------

/** Generic nouns that name no particular document. */
const GENERIC = '(?:证明材料|证明文件|资质证明|资质文件|证明|材料|资料|文件|证件|手续|附件)';

/** Words after a generic noun that make it a specific one (证明人, 文件目录, 材料清单). */
const COMPOUND_TAIL = '(?:人|目录|清单|编号|号|模板|范本|样本|格式)';

/**
 * Vague material names, matched against `normalizeText(name)` (seed 002 §一: “其他材料”“有关材料” and other
 * catch-all clauses fail review; 《行政许可法》第三十一条: no materials unrelated to the application; seed 003 §（四）:
 * name every material). Decided: a vague qualifier counts only when it qualifies a generic noun, ends the name or
 * qualifies an unnamed department, so “相关人员身份证”“其他股东身份证明”“其他证明人” are specific and pass, while
 * “婚姻状况相关证明” (which proof?) and “身份证、户口簿等材料” (an open list) fail.
 */
const VAGUE_MATERIAL: ReadonlyArray<{ re: RegExp; hint: string }> = [
  // 其他材料, 有关材料, 相关证明材料, 其他相关文件, 其余资料 … but not when the generic noun is part of
  // a specific one: 其他证明人 (a person), 管理制度、工作程序等文件目录 (the material is the 目录)
  { re: new RegExp(`(?:其他|其余|有关|相关)的?${GENERIC}(?!${COMPOUND_TAIL})`), hint: '写明具体是哪一份材料，例如“房屋租赁合同”' },
  // 身份证、户口簿等材料, 设备设施、操作流程等文件: an open list
  { re: new RegExp(`等${GENERIC}(?!${COMPOUND_TAIL})`), hint: '把“等”所省略的材料逐一列出，每份材料单独列一项' },
  // 营业执照及其他, 身份证、户口簿等, … 其他相关
  { re: /(?:其他|其余|有关|相关|等)$/, hint: '把省略的材料逐一列出，不要以“其他”“等”结尾' },
  // 有关部门出具的证明, 相关单位批准文件: which department?
  { re: /(?:有关|相关)(?:部门|单位|机关|机构)/, hint: '写明出具材料的具体部门或单位名称' },
  // 法律法规规定的其他材料, 审批机关要求提供的材料, 认为需要提交的资料
  { re: new RegExp(`(?:规定|要求|需要|必要|认为)(?:提供|提交|出具|补充)?的(?:其他)?${GENERIC}`), hint: '把法律法规规定的材料逐一写明，不能用兜底表述' },
  // 材料, 证明, 申请材料, 补充材料, 其他: a generic noun and nothing else
  { re: new RegExp(`^(?:申请|书面|补充|必要|所需|全部|所有|其他|其余)?${GENERIC}?$`), hint: '写明材料的具体名称，例如“营业执照”“房屋租赁合同”' },
];

/**
 * Returns a hint when the material name is vague, else undefined. Bracketed text is an explanation or a list of
 * examples (“身份证明（居民身份证、护照等）”), so the name outside the brackets is what must be specific; a name that
 * is all brackets is judged whole.
 */
export function vagueMaterialHint(name: string): string | undefined {
  const full = normalizeText(name);
  if (full === '') return undefined; // an empty name is reported on its own
  const outside = normalizeText(str(name).normalize('NFKC').replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]|〔[^〕]*〕/g, ''));
  const n = outside === '' ? full : outside;
  return VAGUE_MATERIAL.find((p) => p.re.test(n))?.hint;
}

/**
 * Vague conditions (seed 003 §（四）: "除办事指南明确的条件外，不得自行增加办事要求" — a catch-all condition lets the
 * agency add requirements at the window; seed 001 §一.2: no vague reasons such as “材料不齐全”). A reference to
 * 有关规定 that names the regulation right before it (“符合《个体工商户名称登记管理办法》有关规定”) tells the applicant
 * where to look and passes; “符合国家有关规定” does not.
 */
const VAGUE_CONDITION: readonly RegExp[] = [
  /(?:有关|相关)的?(?:规定|要求|条件|标准|政策|法律|法规|规范|程序)/, // 符合有关规定, 满足相关要求, 符合国家相关政策
  /其他(?:条件|要求|情形|规定|事项)/, // 其他条件, 法律法规规定的其他情形
  /规定的其他/, // 法律法规规定的其他…
  /(?:国家|法律法规|法律|法规|规章)规定的(?:条件|要求|标准)/, // 符合国家规定的条件
  /^(?:符合|满足|具备|达到)(?:国家|法定|规定|相应|申请|办理|上述)?的?(?:条件|规定|要求|标准)$/, // 符合条件, 满足要求, 符合国家规定
];

/**
 * Replaces every regulation title 《…》 with the token 'ref', swallowing a 有关/相关 that directly follows it (with
 * its article, if cited): “符合《X》第八条有关规定” → “符合ref规定”. A title's own words then never match a pattern.
 */
function anchorNamedRegulations(s: string): string {
  return str(s)
    .normalize('NFKC')
    .replace(/《[^》]*》(?:[\s第零一二三四五六七八九十百千\d条款项目之、和及]*的?(?:有关|相关))?/g, 'ref');
}

export function isVagueCondition(text: string): boolean {
  const n = normalizeText(anchorNamedRegulations(text));
  return n !== '' && VAGUE_CONDITION.some((re) => re.test(n));
}

// ---------------------------------------------------------------------------------------------------------------
// The rules, in the order findings are reported
// ---------------------------------------------------------------------------------------------------------------

const RULES: readonly RuleDef[] = [
  {
    // Seed 002 §一 (长沙): “其他材料”“有关材料” and other catch-all clauses fail review. Seed 003 §（四）: name every
    // material with its basis, format and copies. 《行政许可法》第三十一条.
    name: 'vague-material',
    severity: 'error',
    title: '申请材料表述模糊',
    description: 'A material name is empty or a catch-all (其他材料, 有关材料, 相关证明, …等材料, 法律法规规定的其他材料).',
    check(doc, _ctx, emit) {
      arr(doc.materials).forEach((m, i) => {
        if (blank(m?.name)) {
          emit(pointer('materials', i, 'name'), `第${i + 1}项材料没有名称：请填写材料的具体名称，例如“营业执照”。`);
          return;
        }
        const hint = vagueMaterialHint(m.name);
        if (hint) emit(pointer('materials', i, 'name'), `材料${q(m.name)}表述模糊，属于兜底性表述：请${hint}。`);
      });
    },
  },
  {
    // Seed 003 §（四）: no requirements beyond the conditions the guide states; seed 002 §一: catch-all clauses fail
    // review. 《行政许可法》第三十条: the conditions are published.
    name: 'vague-condition',
    severity: 'error',
    title: '受理条件表述模糊',
    description: 'A condition refers to unnamed rules or is a catch-all (符合有关规定, 其他条件, 法律法规规定的其他条件).',
    check(doc, _ctx, emit) {
      arr(doc.conditions).forEach((c, i) => {
        if (isVagueCondition(str(c))) {
          emit(
            pointer('conditions', i),
            `受理条件${q(str(c))}表述模糊：请写明具体条件；引用规定时写明法规名称和条款，例如“符合《××条例》第×条的规定”。`,
          );
        }
      });
    },
  },
  {
    // The committed limit is a promise within the law: it may be shorter than the statutory limit, never longer
    // (《行政许可法》第四十二条; seed 001 §优化办理流程, 压缩办理时限).
    name: 'committed-over-statutory',
    severity: 'error',
    title: '承诺时限超过法定时限',
    description: 'committedDays > statutoryDays.',
    check(doc, _ctx, emit) {
      const s = num(doc.statutoryDays);
      const c = num(doc.committedDays);
      if (c > s) {
        emit(
          pointer('committedDays'),
          `承诺办结时限（${c}个工作日）超过了法定办结时限（${s}个工作日）：承诺时限不能长于法定时限，请改为不超过${s}个工作日。`,
        );
      }
    },
  },
  {
    // Seed 001 §优化办理流程: committed limits average 30 % of the statutory ones; seed 000 §总体目标: 办理时限压缩30%以上.
    // See COMMITTED_SHARE_MAX. Skipped when the statutory limit is 0 or 1 day (nothing to compress) and when the
    // committed limit is over the statutory one (committed-over-statutory says it).
    name: 'committed-not-compressed',
    severity: 'warning',
    title: '承诺时限压缩不足',
    description: `committedDays > ${COMMITTED_SHARE_MAX * 100} % of statutoryDays (statutoryDays ≥ 2).`,
    check(doc, _ctx, emit) {
      const s = num(doc.statutoryDays);
      const c = num(doc.committedDays);
      if (!(s > 1) || !(c <= s) || !(c > s * COMMITTED_SHARE_MAX)) return;
      const max = Math.floor(s * COMMITTED_SHARE_MAX);
      emit(
        pointer('committedDays'),
        `承诺办结时限（${c}个工作日）为法定时限（${s}个工作日）的${Math.round((c / s) * 100)}%，压缩不足：请将承诺时限压缩到不超过${max}个工作日；确实不能压缩的，请在承诺时限说明中写明理由。`,
      );
    },
  },
  {
    // 《行政许可法》第十四条至第十七条: a permission needs a setting basis; seed 000 §（一）1: 同一依据; seed 001:
    // 列明设定依据.
    name: 'missing-legal-basis',
    severity: 'error',
    title: '缺少设定依据',
    description: 'No legal basis, or a basis without a title.',
    check(doc, _ctx, emit) {
      const basis = arr(doc.legalBasis);
      if (basis.length === 0) {
        emit(pointer('legalBasis'), '事项没有填写设定依据：请填写设定该事项的法律、法规或规章名称及条款，例如“《中华人民共和国行政许可法》第十二条”。');
        return;
      }
      basis.forEach((b, i) => {
        if (blank(b?.title)) emit(pointer('legalBasis', i, 'title'), `第${i + 1}条设定依据没有填写法规名称：请填写法律、法规或规章的全称。`);
      });
    },
  },
  {
    // Seed 003 §（四）: 列明依据; a basis without its article cannot be checked by the applicant.
    name: 'uncited-legal-basis',
    severity: 'warning',
    title: '设定依据未写明条款',
    description: 'A legal basis without the article cited.',
    check(doc, _ctx, emit) {
      arr(doc.legalBasis).forEach((b, i) => {
        if (!blank(b?.title) && blank(b?.article)) {
          emit(pointer('legalBasis', i, 'article'), `设定依据${q(b.title)}没有写明条款：请补充具体条款，例如“第二十九条”。`);
        }
      });
    },
  },
  {
    // Material source (申请人自备 / 政府部门核发 / 其他) is an element of the implementation list and decides whether
    // the platform can obtain the material itself (seed 000 §（十）, seed 003 §（二）).
    name: 'material-no-source',
    severity: 'error',
    title: '申请材料未注明来源',
    description: 'A material without a valid source (applicant, government, other).',
    check(doc, _ctx, emit) {
      arr(doc.materials).forEach((m, i) => {
        if (!SOURCES.has(str(m?.source))) {
          emit(pointer('materials', i, 'source'), `${materialLabel(m, i)}没有注明来源：请选择“申请人自备”“政府部门核发”或“其他”。`);
        }
      });
    },
  },
  {
    // A government-issued material names its issuer so it can be fetched by data sharing (seed 000 §（十）22–24).
    name: 'government-without-issuer',
    severity: 'error',
    title: '政府核发材料未写明核发部门',
    description: "A material with source 'government' and no issuingDept.",
    check(doc, _ctx, emit) {
      arr(doc.materials).forEach((m, i) => {
        if (m?.source === 'government' && blank(m.issuingDept)) {
          emit(pointer('materials', i, 'issuingDept'), `${materialLabel(m, i)}来源为政府部门核发，但没有写明核发部门：请填写核发部门，例如“市市场监督管理局”。`);
        }
      });
    },
  },
  {
    // Seed 000 §（二）4 and seed 002 §一: 网上办理深度 is an element; levels 1 咨询 2 收件 3 预审 4 受理 5 办理 6 结果反馈
    // 7 电子证照 (schema.ts). Seed 003 §（二）: what can be done online must not require a visit; a "zero visits"
    // item (seed 001: 一趟不用跑) must be accepted online and deliver its result without a visit.
    name: 'online-depth-contradiction',
    severity: 'error',
    title: '网上办理深度与办理方式矛盾',
    description:
      'onlineDepth empty, out of 1..7, unsorted or repeated; depth ≥ 4 (受理) while handlingForms lacks pc and mobile; visitsRequired 0 without online acceptance or without a visit-free result delivery (depth 6/7, express, or a non-physical result).',
    check(doc, _ctx, emit) {
      const depth = arr(doc.onlineDepth);
      if (depth.length === 0) {
        emit(pointer('onlineDepth'), '网上办理深度未填写：请至少选择“1 咨询”，能网上受理的选到“4 受理”及以上。');
      }
      const levels = new Set<number>();
      let prev = 0;
      depth.forEach((v, i) => {
        if (!Number.isInteger(v) || v < 1 || v > 7) {
          emit(pointer('onlineDepth', i), `网上办理深度中的“${show(v)}”不是有效级别：只能填写1至7（1 咨询、2 收件、3 预审、4 受理、5 办理、6 结果反馈、7 电子证照）。`);
          return;
        }
        if (v <= prev) {
          emit(pointer('onlineDepth', i), `网上办理深度中的“${v}”重复或未按从小到大排列：请按级别从小到大填写，每个级别只写一次。`);
        }
        prev = Math.max(prev, v);
        levels.add(v);
      });
      const acceptsOnline = [...levels].some((v) => v >= 4);
      const forms = Array.isArray(doc.handlingForms) ? doc.handlingForms : undefined;
      if (acceptsOnline && forms && !forms.includes('pc') && !forms.includes('mobile')) {
        emit(pointer('handlingForms'), '网上办理深度已达到“受理”，但办理形式中没有“网上办理（电脑端）”或“移动端”：请补充网上办理形式，或把网上办理深度改为实际情况。');
      }
      if (doc.visitsRequired === 0) {
        if (!acceptsOnline) {
          emit(pointer('visitsRequired'), '到现场次数为0（一趟不用跑），但网上办理深度未达到“4 受理”：申请人无法在网上提交申请。请把网上办理深度提高到受理及以上，或如实填写到现场次数和理由。');
        } else {
          const express = rec(doc.features).express === true || arr(forms).includes('express');
          const nonPhysical = !PHYSICAL_RESULT_TYPES.has(str(rec(doc.result).type));
          if (!levels.has(6) && !levels.has(7) && !express && !nonPhysical) {
            emit(pointer('visitsRequired'), '到现场次数为0（一趟不用跑），但办理结果既不在网上反馈，也不提供快递送达：申请人仍要到现场领取结果。请选择“6 结果反馈”或“7 电子证照”，或提供免费邮寄。');
          }
        }
      }
    },
  },
  {
    // Seed 001 §一 (一趟不用跑 / 最多跑一趟 lists) and seed 003 §（二）: a visit needs a stated reason.
    name: 'visits-without-reason',
    severity: 'error',
    title: '到现场次数未说明理由',
    description: 'visitsRequired > 0 and no visitReason.',
    check(doc, _ctx, emit) {
      const visits = num(doc.visitsRequired);
      if (visits > 0 && blank(doc.visitReason)) {
        const n = visits >= 2 ? '多次' : `${visits}次`;
        emit(pointer('visitReason'), `到现场次数为${n}，但没有说明必须到现场的理由：请写明原因，例如“需现场核验原件并签字”；没有必须到现场的理由的，请改为网上办理。`);
      }
    },
  },
  {
    // 《行政许可法》第五十八条: no fee unless a law or administrative regulation provides for it; seed 003 §（四）:
    // 列明收费标准. A fee of 0 (free) needs no basis.
    name: 'fee-without-basis',
    severity: 'error',
    title: '收费项目缺少依据',
    description: 'A fee with an amount > 0 and no basis.',
    check(doc, _ctx, emit) {
      arr(doc.fees).forEach((fee, i) => {
        if (typeof fee?.amountFen === 'number' && fee.amountFen > 0 && blank(fee.basis)) {
          const label = blank(fee.name) ? `第${i + 1}项收费` : `收费项目${q(fee.name)}`;
          emit(pointer('fees', i, 'basis'), `${label}没有填写收费依据：请写明收费的法律、法规依据和批准文件文号；没有依据的不得收费。`);
        }
      });
    },
  },
  {
    // Seed 004 §二（五）一套材料 and seed 000 §（三）7: no material asked twice.
    name: 'duplicate-material',
    severity: 'error',
    title: '申请材料重复',
    description: 'Two materials with the same normalized name.',
    check(doc, _ctx, emit) {
      const seen = new Map<string, number>();
      arr(doc.materials).forEach((m, i) => {
        const n = normalizeText(str(m?.name));
        if (n === '') return;
        const first = seen.get(n);
        if (first === undefined) {
          seen.set(n, i);
          return;
        }
        emit(pointer('materials', i, 'name'), `${materialLabel(m, i)}与第${first + 1}项材料重复：同一材料只列一次，请删除其中一项或写明两者的区别。`);
      });
    },
  },
  {
    // The platform can obtain this material itself (register or electronic license): seed 000 §（一）基本原则3 and
    // §（十）: 让数据多跑路，群众少跑腿; seed 003 §（二）: 凡是能通过网络共享复用的材料，不得要求企业和群众重复提交.
    // An error, because the platform has said it can fetch it.
    name: 'obtainable-material-demanded',
    severity: 'error',
    title: '可共享获取的材料仍要求申请人提交',
    description: 'ctx.obtainableMaterial(name) is true for a material that is not optional and not marked obtainable.',
    check(doc, ctx, emit) {
      const can = ctx.obtainableMaterial;
      if (!can) return;
      arr(doc.materials).forEach((m, i) => {
        if (!demanded(m) || blank(m?.name) || !can(m.name)) return;
        emit(pointer('materials', i, 'obtainable'), `${materialLabel(m, i)}平台可以通过数据共享或电子证照直接获取：请勾选“可共享获取”，不再要求申请人提交。`);
      });
    },
  },
  {
    // Same principle, weaker evidence: a government-issued material can usually be fetched from its issuer, but the
    // sharing link may not exist yet, so the review only warns (seed 000 §（十）; seed 001: 电子证照应用).
    name: 'government-material-demanded',
    severity: 'warning',
    title: '政府核发材料仍要求申请人提交',
    description: "A material with source 'government' that is not optional and not marked obtainable (and not already reported by obtainable-material-demanded).",
    check(doc, ctx, emit) {
      const can = ctx.obtainableMaterial;
      arr(doc.materials).forEach((m, i) => {
        if (m?.source !== 'government' || !demanded(m)) return;
        if (can && !blank(m.name) && can(m.name)) return; // reported as an error above
        const from = blank(m.issuingDept) ? '核发部门' : q(str(m.issuingDept));
        emit(pointer('materials', i, 'obtainable'), `${materialLabel(m, i)}由政府部门核发，却仍要求申请人提交：请向${from}申请数据共享，能获取的勾选“可共享获取”；暂时不能获取的，请在填报须知中说明。`);
      });
    },
  },
  {
    // The reverse: the editor ticked 可共享获取 but no published resource of the resource catalog stands for the
    // material (never shared, or withdrawn), so the platform cannot fetch it and the applicant is asked for it after
    // all. Materials of source 'government' are exempt: the issuing department supplies them itself.
    name: 'obtainable-material-unshared',
    severity: 'warning',
    title: '勾选可共享获取的材料没有共享来源',
    description: "ctx.obtainableMaterial(name) is false for a material marked obtainable whose source is not 'government'.",
    check(doc, ctx, emit) {
      const can = ctx.obtainableMaterial;
      if (!can) return;
      arr(doc.materials).forEach((m, i) => {
        if (m?.obtainable !== true || m.source === 'government' || blank(m.name) || can(m.name)) return;
        emit(pointer('materials', i, 'obtainable'), `${materialLabel(m, i)}勾选了“可共享获取”，但信息资源目录中没有已发布的共享资源提供它，申请人仍需提交：请向数据主管部门申请共享，或取消勾选。`);
      });
    },
  },
  {
    // Seed 000 §（一）1: 同一事项、同一编码、同一依据、同一类型 with the national base catalog; seed 001: 统一事项名称.
    name: 'base-drift',
    severity: 'error',
    title: '与基本目录不一致',
    description: 'With ctx.baseItem: base code, name, kind or legal-basis titles differ from the base catalog item.',
    check(doc, ctx, emit) {
      const base = ctx.baseItem;
      if (!base) return;
      if (str(doc.baseCode).trim() !== str(base.baseCode).trim()) {
        emit(pointer('baseCode'), `基本编码“${str(doc.baseCode)}”与基本目录事项“${str(base.baseCode)}”不一致：请选择正确的基本目录事项，或改为基本目录的编码。`);
      }
      if (normalizeText(doc.name) !== normalizeText(base.name)) {
        emit(pointer('name'), `事项名称${q(doc.name)}与基本目录名称${q(base.name)}不一致：实施清单应使用基本目录的事项名称，请改为${q(base.name)}。`);
      }
      if (str(doc.kind).trim() !== str(base.kind).trim()) {
        emit(pointer('kind'), `事项类型${kindLabel(doc.kind)}与基本目录的事项类型${kindLabel(base.kind)}不一致：请改为${kindLabel(base.kind)}。`);
      }
      const baseTitles = new Set(arr(base.legalBasis).map((b) => normalizeText(str(b?.title))));
      const docTitles = new Set<string>();
      arr(doc.legalBasis).forEach((b, i) => {
        const t = normalizeText(str(b?.title));
        if (t === '') return; // missing-legal-basis
        docTitles.add(t);
        if (!baseTitles.has(t)) emit(pointer('legalBasis', i, 'title'), `设定依据${q(b.title)}不在基本目录的设定依据中：设定依据应与基本目录一致，请删除或改为基本目录所列依据。`);
      });
      for (const b of arr(base.legalBasis)) {
        const t = normalizeText(str(b?.title));
        if (t !== '' && !docTitles.has(t)) emit(pointer('legalBasis'), `缺少基本目录所列的设定依据${q(b.title)}：请补充。`);
      }
    },
  },
  {
    // Seed 000 §（一）3 and seed 002 §一 (每个事项包括70个要素): every element filled; seed 003 §（四）: 列明依据条件、
    // 流程时限、收费标准、注意事项.
    name: 'missing-element',
    severity: 'warning',
    title: '事项要素未填写完整',
    description:
      'Empty name, service objects, conditions, steps, materials, hall address or hours, contacts, result name; missing agencyNature, handlingForms or features; blank entries in those lists.',
    check(doc, _ctx, emit) {
      const need = (path: string, what: string, how: string) => emit(path, `${what}未填写：${how}。`);
      if (blank(doc.name)) need(pointer('name'), '事项名称', '请填写基本目录中的事项名称');
      if (arr(doc.serviceObjects).length === 0) need(pointer('serviceObjects'), '服务对象', '请选择自然人、法人或两者');
      if (!doc.agencyNature) need(pointer('agencyNature'), '实施主体性质', '请选择法定机关、法律法规授权组织或受委托组织');
      const conditions = arr(doc.conditions);
      if (conditions.length === 0) need(pointer('conditions'), '受理条件', '请逐条写明申请人应当具备的条件');
      conditions.forEach((c, i) => {
        if (blank(c)) need(pointer('conditions', i), `第${i + 1}条受理条件`, '请填写内容或删除该条');
      });
      const steps = arr(doc.steps);
      if (steps.length === 0) need(pointer('steps'), '办理流程', '请按申请、受理、审查、决定、送达等环节填写');
      steps.forEach((s, i) => {
        if (blank(s?.name)) need(pointer('steps', i, 'name'), `第${i + 1}个办理环节的名称`, '请填写环节名称，例如“受理”');
        if (blank(s?.description)) need(pointer('steps', i, 'description'), `第${i + 1}个办理环节的说明`, '请写明该环节由谁办理、做什么');
      });
      if (arr(doc.materials).length === 0) need(pointer('materials'), '申请材料', '请列出申请材料；确实不需要材料的，请列出申请表并注明“网上填报”');
      if (!Array.isArray(doc.handlingForms) || doc.handlingForms.length === 0) need(pointer('handlingForms'), '办理形式', '请选择窗口办理、网上办理、移动端、快递或自助终端');
      if (!doc.features) need(pointer('features'), '特色服务（预约、快递、网上支付、自助终端）', '请逐项选择是否支持');
      arr(doc.fees).forEach((fee, i) => {
        if (blank(fee?.name)) need(pointer('fees', i, 'name'), `第${i + 1}项收费的名称`, '请填写收费项目名称');
      });
      const hall = rec(doc.hall);
      if (blank(hall.address)) need(pointer('hall', 'address'), '办理地点', '请填写政务服务中心的详细地址和窗口');
      if (blank(hall.hours)) need(pointer('hall', 'hours'), '办理时间', '请填写窗口工作时间，例如“工作日 9:00–12:00，13:30–17:00”');
      const contacts = rec(doc.contacts);
      if (blank(contacts.consult)) need(pointer('contacts', 'consult'), '咨询电话', '请填写咨询电话');
      if (blank(contacts.complaint)) need(pointer('contacts', 'complaint'), '监督投诉电话', '请填写监督投诉电话，例如“12345”');
      if (blank(rec(doc.result).name)) need(pointer('result', 'name'), '办理结果名称', '请填写申请人最终拿到的结果，例如“营业执照”');
    },
  },
  {
    // 即办件 are decided on the spot (committed 0, schema.ts); a committed limit makes a 承诺件. Seed 001 §一 / 003 §（二）.
    name: 'instant-with-limit',
    severity: 'warning',
    title: '办件类型与承诺时限不符',
    description: 'caseType instant with committedDays > 0, or commitment with committedDays 0.',
    check(doc, _ctx, emit) {
      const c = num(doc.committedDays);
      if (doc.caseType === 'instant' && c > 0) {
        emit(pointer('committedDays'), `事项为即办件，但承诺办结时限为${c}个工作日：即办件应当场办结，请把承诺时限改为0，或把办件类型改为承诺件。`);
      } else if (doc.caseType === 'commitment' && doc.committedDays === 0) {
        emit(pointer('caseType'), '承诺办结时限为0（当场办结），但办件类型是承诺件：请把办件类型改为即办件，或填写实际的承诺时限。');
      }
    },
  },
  {
    // 国办发〔2020〕42号 (证明事项告知承诺制): the applicant signs a written commitment the agency sets out, and the
    // agency verifies it within a stated period; an item on commitment needs both.
    name: 'commitment-without-text',
    severity: 'error',
    title: '告知承诺制事项缺少承诺书或核查期限',
    description: 'commitmentApproval is true but commitmentText is blank or verificationDays is missing.',
    check(doc, _ctx, emit) {
      if (doc.commitmentApproval !== true) return;
      if (blank(doc.commitmentText)) emit(pointer('commitmentText'), '事项实行告知承诺制，但没有填写承诺书内容：请写明申请人要承诺的条件和虚假承诺的后果。');
      if (!(num(doc.verificationDays) >= 1)) emit(pointer('verificationDays'), '事项实行告知承诺制，但没有填写核查期限：请填写许可后多少个工作日内完成核查。');
    },
  },
  {
    // Seed 000 §（三）7 (一表申请) and seed 003 §（四）: 提供规范表格、填写说明; the form is JSON Schema (schema.ts).
    name: 'bad-form',
    severity: 'error',
    title: '申请表定义有误',
    description: 'form.required names a field not in properties; a field without title; a choice field without options.',
    check(doc, _ctx, emit) {
      const form = rec(doc.form);
      const props = rec(form.properties);
      const required = Array.isArray(form.required) ? (form.required as unknown[]) : [];
      required.forEach((r, i) => {
        if (typeof r !== 'string' || !Object.hasOwn(props, r)) {
          emit(pointer('form', 'required', i), `申请表把字段“${show(r)}”设为必填，但表中没有这个字段：请添加该字段，或从必填项中删除。`);
        }
      });
      for (const [key, field] of Object.entries(props)) {
        const f = rec(field);
        if (blank(f.title)) emit(pointer('form', 'properties', key, 'title'), `申请表字段“${key}”没有标题：请填写申请人能看懂的中文标题，例如“联系电话”。`);
        if (Array.isArray(f.enum) && f.enum.length === 0) {
          emit(pointer('form', 'properties', key, 'enum'), `申请表字段${blank(f.title) ? `“${key}”` : q(str(f.title))}是选择题，但没有选项：请填写选项。`);
        }
      }
    },
  },
];

/** A material the applicant must bring: not optional and not marked obtainable by the platform. */
function demanded(m: Material): boolean {
  return m?.necessity !== 'optional' && m?.obtainable !== true;
}

export const LINT_RULES: readonly LintRule[] = Object.freeze(
  RULES.map(({ name, severity, title, description }) => Object.freeze({ name, severity, title, description })),
);

/** Runs every rule over the document. Pure: same document and context, same findings, in rule then document order. */
export function lintItem(doc: ItemDocument, ctx: LintContext = {}): LintFinding[] {
  const d = (doc !== null && typeof doc === 'object' ? doc : {}) as ItemDocument; // a draft may be anything
  const findings: LintFinding[] = [];
  for (const rule of RULES) {
    rule.check(d, ctx ?? {}, (path, message) => findings.push({ rule: rule.name, severity: rule.severity, path, message }));
  }
  return findings;
}

/** True when any finding is an error: the item cannot pass review or be published. */
export function hasBlockingFindings(findings: LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
