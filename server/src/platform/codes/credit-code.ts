/**
 * Unified social credit code (统一社会信用代码) of legal entities and other organisations.
 *
 * Standard: GB 32100-2015 法人和其他组织统一社会信用代码编码规则 (with amendment No. 1 of 2016). 18 characters
 * from the 31-character set 0–9 A–H J–N P–R T–U W–Y (no I, O, Z, S, V), valued 0–30 in that order:
 *   1     registration authority (登记管理部门): 1 机构编制, 5 民政, 9 工商 (now 市场监管), Y 其他, …
 *   2     organisation category (机构类别), meaning depends on position 1 (1 1 = 机关, 1 2 = 事业单位, 9 1 = 企业,
 *         9 2 = 个体工商户, 9 3 = 农民专业合作社, 5 1 = 社会团体 …)
 *   3–8   GB/T 2260 code of the registering authority's region
 *   9–17  subject identifier: the organisation code of GB 11714-1997 全国组织机构代码编制规则, an 8-character body
 *         plus its own check character (see `orgCodeCheckChar`)
 *   18    check character: C18 = 31 − (Σ Cᵢ·Wᵢ mod 31), a result of 31 written as 0, with
 *         Wᵢ = 3^(i−1) mod 31 = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 *
 * Because 31 is prime and every weight is non-zero, any single-character substitution changes the check character.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 table 1 (registration authority) and table 2 (organisation category) labels. */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, { label: string; categories: Readonly<Record<string, string>> }>> = {
  '1': { label: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { label: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { label: '司法行政', categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { label: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { label: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { label: '旅游', categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { label: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { label: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { label: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { label: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { label: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { label: '其他', categories: { '1': '其他' } },
};

export type CreditCodeFailure = 'length' | 'format' | 'registration' | 'region' | 'check' | 'org-check';

export type CreditCodeResult =
  | {
      ok: true;
      registrationAuthority: string;
      category: string;
      /** Label from GB 32100 table 2, when the category is listed there. */
      categoryLabel?: string;
      regionCode: string;
      /** The 9-character GB 11714 organisation code (positions 9–17). */
      orgCode: string;
    }
  | { ok: false; reason: CreditCodeFailure };

function value31(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

/** Check character (position 18) for the first 17 characters. Throws RangeError on a malformed input. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = value31(first17[i]!);
    if (v < 0) throw new RangeError(`character ${first17[i]} is not in the GB 32100 character set`);
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

/**
 * GB 11714-1997 organisation code check character for an 8-character body of digits and upper-case letters
 * (A = 10 … Z = 35): C9 = 11 − (Σ Cᵢ·Wᵢ mod 11) with W = 3 7 9 10 5 8 4 2; 10 is written X and 11 is written 0.
 */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('orgCodeCheckChar needs 8 digits or upper-case letters');
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * w[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const SHAPE = new RegExp(`^[${CREDIT_CODE_CHARSET}]{18}$`);

/**
 * Validate a unified social credit code. Checked in the order: length, character set, registration authority
 * (position 1 listed in GB 32100 table 1), region (positions 3–8 digits), the code's own check character, and
 * finally the embedded GB 11714 organisation code check character (`checkOrgCode: false` skips the last).
 * The organisation category is not rejected when it is missing from table 2 (later amendments add categories);
 * `categoryLabel` is simply absent then.
 */
export function validateCreditCode(s: string, options: { checkOrgCode?: boolean } = {}): CreditCodeResult {
  if (s.length !== 18) return { ok: false, reason: 'length' };
  if (!SHAPE.test(s)) return { ok: false, reason: 'format' };
  const authority = REGISTRATION_AUTHORITIES[s[0]!];
  if (!authority) return { ok: false, reason: 'registration' };
  const regionCode = s.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) return { ok: false, reason: 'region' };
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, reason: 'check' };
  const orgCode = s.slice(8, 17);
  if ((options.checkOrgCode ?? true) && orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode[8]) {
    return { ok: false, reason: 'org-check' };
  }
  const categoryLabel = authority.categories[s[1]!];
  return {
    ok: true,
    registrationAuthority: s[0]!,
    category: s[1]!,
    ...(categoryLabel ? { categoryLabel } : {}),
    regionCode,
    orgCode,
  };
}

/** True when `s` is a valid unified social credit code. */
export function isValidCreditCode(s: string): boolean {
  return validateCreditCode(s).ok;
}

/**
 * Build a credit code from its parts, computing both the GB 11714 check character (position 17) and the GB 32100
 * check character (position 18). `orgBody8` is the 8-character organisation code body, drawn from the GB 32100
 * character set. Throws RangeError on malformed parts.
 */
export function makeCreditCode(regDept: string, orgCategory: string, region6: string, orgBody8: string): string {
  if (!REGISTRATION_AUTHORITIES[regDept]) throw new RangeError(`unknown registration authority ${regDept}`);
  if (orgCategory.length !== 1 || value31(orgCategory) < 0) throw new RangeError(`bad organisation category ${orgCategory}`);
  if (!/^\d{6}$/.test(region6)) throw new RangeError(`bad region code ${region6}`);
  if (orgBody8.length !== 8 || [...orgBody8].some((ch) => value31(ch) < 0)) {
    throw new RangeError(`bad organisation code body ${orgBody8}`);
  }
  const first17 = `${regDept}${orgCategory}${region6}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}
