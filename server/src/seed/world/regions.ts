/**
 * Regions of the demo world.
 *
 * Province, city and county-level codes are the official GB/T 2260 codes (see platform/codes/region.ts). The names of
 * the streets and towns are real divisions of 泰州市, but their 9-digit codes are DEMO statistical codes assigned
 * here by the statistical convention (街道 001–099, 镇 100–199, 乡 200–399), not copied from the official
 * 统计用区划代码. The communities and their 12-digit codes are demo data (names invented in the local style).
 */

import { TAIZHOU_REGIONS } from '../../platform/codes/index.ts';
import type { RegionSeed } from './types.ts';

/** Towns and streets per county-level division: [3-digit demo code, name]. */
export const TOWNS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  '321202': [
    ['001', '城东街道'], ['002', '城西街道'], ['003', '城中街道'], ['004', '城南街道'], ['005', '城北街道'],
    ['006', '京泰路街道'], ['007', '红旗街道'], ['100', '九龙镇'], ['101', '苏陈镇'],
  ],
  '321203': [
    ['001', '口岸街道'], ['002', '刁铺街道'], ['003', '许庄街道'], ['100', '永安洲镇'], ['101', '白马镇'],
    ['102', '大泗镇'], ['103', '胡庄镇'],
  ],
  '321204': [
    ['001', '罗塘街道'], ['002', '三水街道'], ['003', '天目山街道'], ['004', '梁徐街道'], ['100', '溱潼镇'],
    ['101', '娄庄镇'], ['102', '沈高镇'], ['103', '张甸镇'],
  ],
  '321281': [
    ['001', '昭阳街道'], ['002', '临城街道'], ['100', '戴南镇'], ['101', '安丰镇'], ['102', '千垛镇'], ['103', '周庄镇'],
  ],
  '321282': [
    ['001', '靖城街道'], ['100', '新桥镇'], ['101', '斜桥镇'], ['102', '东兴镇'], ['103', '西来镇'], ['104', '季市镇'],
  ],
  '321283': [
    ['001', '济川街道'], ['100', '黄桥镇'], ['101', '虹桥镇'], ['102', '宣堡镇'], ['103', '分界镇'], ['200', '根思乡'],
  ],
};

/** Demo communities (居委会/社区): 9-digit town code → [3-digit demo code, name]. */
export const COMMUNITIES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  '321202001': [['001', '东进社区'], ['002', '春晖社区'], ['003', '莲花社区']],
  '321202002': [['001', '西仓社区'], ['002', '迎春社区'], ['003', '鼓楼社区']],
  '321202003': [['001', '坡子街社区'], ['002', '八字桥社区'], ['003', '税东社区']],
  '321202006': [['001', '京泰社区'], ['002', '泰和社区'], ['003', '九龙湾社区']],
  '321204001': [['001', '罗塘社区'], ['002', '人民社区'], ['003', '三里社区']],
  '321204002': [['001', '三水社区'], ['002', '文昌社区'], ['003', '溱湖社区']],
};

const LEVELS = { province: 'province', city: 'city', county: 'district' } as const;

export function buildRegions(): RegionSeed[] {
  const regions: RegionSeed[] = TAIZHOU_REGIONS.map((r) => ({
    code: r.code,
    name: r.name,
    level: LEVELS[r.level as keyof typeof LEVELS],
    parentCode: r.parentCode,
  }));
  for (const [county, towns] of Object.entries(TOWNS)) {
    for (const [code, name] of towns) {
      regions.push({ code: `${county}${code}`, name, level: 'town', parentCode: county, demoCode: true });
    }
  }
  for (const [town, communities] of Object.entries(COMMUNITIES)) {
    for (const [code, name] of communities) {
      regions.push({ code: `${town}${code}`, name, level: 'community', parentCode: town, demoCode: true });
    }
  }
  return regions;
}

/** Name of a region code of the demo world (county-level and above, or a town), for addresses. */
export function regionName(code: string): string {
  const county = TAIZHOU_REGIONS.find((r) => r.code === code);
  if (county) return county.name;
  const towns = TOWNS[code.slice(0, 6)];
  const town = towns?.find(([c]) => c === code.slice(6, 9));
  if (!town) throw new RangeError(`unknown demo region ${code}`);
  return town[1];
}
