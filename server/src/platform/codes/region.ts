/**
 * Administrative division codes.
 *
 * Standard: GB/T 2260 中华人民共和国行政区划代码 (six digits: 2 province + 2 prefecture/city + 2 county; a
 * province ends in 0000, a prefecture-level city in 00). Below the county the statistical division codes of the
 * National Bureau of Statistics (统计用区划代码, GB/T 10114 县以下行政区划代码编制规则) add 3 digits for a
 * township/street (乡级, 9 digits) and 3 more for a village/community (村级, 12 digits). By the statistical rules a
 * township part 001–099 is a street (街道), 100–199 a town (镇), 200–399 a township (乡); a village part 001–199 is
 * a residents' committee (居委会/社区), 200–399 a villagers' committee (村委会).
 *
 * Systems often pad a code to 12 digits with zeros (`321200000000` for 泰州市); `normalizeRegionCode` strips that
 * padding so every helper accepts both forms.
 */

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

/** Province-level codes of GB/T 2260 (first two digits), including 台湾 71, 香港 81, 澳门 82. */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
];

const PROVINCES = new Set(PROVINCE_PREFIXES);

/**
 * Strip zero padding: a 12-digit code ending in 000000 becomes its 6-digit county/city/province code, one ending in
 * 000 becomes its 9-digit township code. Anything else is returned unchanged (trimmed).
 */
export function normalizeRegionCode(code: string): string {
  const c = code.trim();
  if (/^\d{12}$/.test(c)) {
    if (c.endsWith('000000')) return c.slice(0, 6);
    if (c.endsWith('000')) return c.slice(0, 9);
  }
  if (/^\d{9}$/.test(c) && c.endsWith('000')) return c.slice(0, 6);
  return c;
}

/** True when `code` is a well-formed 6, 9 or 12 digit division code with a known province prefix. */
export function isRegionCode(code: string): boolean {
  return regionLevel(code) !== undefined;
}

/** The level a code denotes by its shape (not whether it exists in the current GB/T 2260 edition). */
export function regionLevel(code: string): RegionLevel | undefined {
  const c = normalizeRegionCode(code);
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(c)) return undefined;
  if (!PROVINCES.has(c.slice(0, 2))) return undefined;
  if (c.length === 12) return 'village';
  if (c.length === 9) return 'town';
  if (c.slice(2, 6) === '0000') return 'province';
  if (c.slice(4, 6) === '00') return 'city';
  return 'county';
}

export type RegionParts = { province: string; city?: string; county?: string; town?: string; village?: string };

/** Split a code into its parts (2-digit province, city, county; 3-digit town, village), as far as the level goes. */
export function regionParts(code: string): RegionParts | undefined {
  const level = regionLevel(code);
  if (!level) return undefined;
  const c = normalizeRegionCode(code);
  const parts: RegionParts = { province: c.slice(0, 2) };
  if (level === 'province') return parts;
  parts.city = c.slice(2, 4);
  if (level === 'city') return parts;
  parts.county = c.slice(4, 6);
  if (level === 'county') return parts;
  parts.town = c.slice(6, 9);
  if (level === 'town') return parts;
  parts.village = c.slice(9, 12);
  return parts;
}

/** The 6-digit province code (`320000`) of any division code. */
export function provinceOf(code: string): string | undefined {
  return regionLevel(code) ? `${normalizeRegionCode(code).slice(0, 2)}0000` : undefined;
}

/** The 6-digit prefecture-level code (`321200`) of a city, county, town or village code. */
export function cityOf(code: string): string | undefined {
  const level = regionLevel(code);
  if (!level || level === 'province') return undefined;
  return `${normalizeRegionCode(code).slice(0, 4)}00`;
}

/** The 6-digit county-level code (`321202`) of a county, town or village code. */
export function countyOf(code: string): string | undefined {
  const level = regionLevel(code);
  if (!level || level === 'province' || level === 'city') return undefined;
  return normalizeRegionCode(code).slice(0, 6);
}

/**
 * The immediate parent: village → township (9 digits) → county → city → province → null.
 * Returns undefined for a code that is not well formed.
 */
export function parentRegion(code: string): string | null | undefined {
  const level = regionLevel(code);
  if (!level) return undefined;
  const c = normalizeRegionCode(code);
  switch (level) {
    case 'village':
      return c.slice(0, 9);
    case 'town':
      return c.slice(0, 6);
    case 'county':
      return `${c.slice(0, 4)}00`;
    case 'city':
      return `${c.slice(0, 2)}0000`;
    case 'province':
      return null;
  }
}

/**
 * True when `child` lies inside `ancestor` or is the same division (inclusive, so a city-level scope covers the
 * city's own items). Works across 6, 9 and 12-digit codes by prefix: 321202001001 is within 321202001, 321202,
 * 321200 and 320000.
 */
export function isWithin(child: string, ancestor: string): boolean {
  const aLevel = regionLevel(ancestor);
  const cLevel = regionLevel(child);
  if (!aLevel || !cLevel) return false;
  const a = normalizeRegionCode(ancestor);
  const c = normalizeRegionCode(child);
  const prefixLength: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 };
  const p = prefixLength[aLevel];
  if (prefixLength[cLevel] < p) return false;
  return c.slice(0, p) === a.slice(0, p);
}

export type KnownRegion = { code: string; name: string; level: RegionLevel; parentCode: string | null };

/**
 * The demo city's divisions from GB/T 2260 (current edition; 姜堰 became 姜堰区 321204 in 2012, replacing the
 * county-level city 321284).
 */
export const TAIZHOU_REGIONS: readonly KnownRegion[] = [
  { code: '320000', name: '江苏省', level: 'province', parentCode: null },
  { code: '321200', name: '泰州市', level: 'city', parentCode: '320000' },
  { code: '321202', name: '海陵区', level: 'county', parentCode: '321200' },
  { code: '321203', name: '高港区', level: 'county', parentCode: '321200' },
  { code: '321204', name: '姜堰区', level: 'county', parentCode: '321200' },
  { code: '321281', name: '兴化市', level: 'county', parentCode: '321200' },
  { code: '321282', name: '靖江市', level: 'county', parentCode: '321200' },
  { code: '321283', name: '泰兴市', level: 'county', parentCode: '321200' },
];

export const JIANGSU_CODE = '320000';
export const TAIZHOU_CODE = '321200';

/**
 * The LIKE prefix that selects a region and every region below it (GB/T 2260 codes share their leading digits):
 * 321200 → 3212, 320000 → 32, 321202100000 → 321202100. No region (null) gives a prefix that matches nothing.
 */
export function regionLikePrefix(code: string | null | undefined): string {
  if (!code) return '-';
  let c = code.trim();
  if (c.length > 6) c = c.replace(/(000)+$/, '');
  if (c.length <= 6) c = c.replace(/(00)+$/, '');
  return c.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
