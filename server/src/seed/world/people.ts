/**
 * People of the demo world: staff accounts for every role, the demo citizen and company, and a few more persons and
 * entities that appear only in generated history. All names, numbers and addresses are fictional; identity numbers
 * and credit codes are built to pass their check characters (GB 11643 / GB 32100), not taken from real people.
 */

import { CREDIT_CODE_CHARSET, makeCreditCode, makeResidentId } from '../../platform/codes/index.ts';
import type { Rng } from './prng.ts';
import type { EntitySeed, PersonSeed, StaffSeed } from './types.ts';

const MOBILE_PREFIXES = ['135', '138', '139', '150', '151', '152', '158', '177', '180', '187', '188', '199'];

export function mobile(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.chars('0123456789', 8)}`;
}

export function buildStaff(rng: Rng): StaffSeed[] {
  const staff: Array<Omit<StaffSeed, 'phone'>> = [
    { username: 'admin', displayName: '周立新', orgKey: 'sjj', roles: ['platform_admin'] },
    { username: 'catalog', displayName: '陈思雨', orgKey: 'sjj', roles: ['catalog_admin'] },
    { username: 'clerk', displayName: '李晓燕', orgKey: 'zwfwzx', roles: ['window_clerk'] },
    { username: 'reviewer', displayName: '张明远', orgKey: 'scjgj', roles: ['reviewer'] },
    { username: 'supervisor', displayName: '刘国平', orgKey: 'szfb', roles: ['supervisor'] },
    { username: 'operator', displayName: '孙佳怡', orgKey: 'rx12345', roles: ['hotline_operator'] },
    // 通办 across districts: a window clerk of 海陵区's branch centre, a reviewer of 高港区市场监督管理局.
    { username: 'clerk_hl', displayName: '王静', orgKey: 'fzx_321202', roles: ['window_clerk'] },
    { username: 'reviewer_gg', displayName: '赵志刚', orgKey: 'gg_scjgj', roles: ['reviewer'] },
  ];
  // 一件事 新生儿出生: a reviewer in each department deciding a member item (fixed phones: the draws above stay as they were).
  const bundleReviewers: StaffSeed[] = [
    { username: 'reviewer_wjw', displayName: '钱丽华', orgKey: 'wjw', roles: ['reviewer'], phone: '13905260101' },
    { username: 'reviewer_gaj', displayName: '孙建国', orgKey: 'gaj', roles: ['reviewer'], phone: '13905260102' },
    { username: 'reviewer_ybj', displayName: '周晓梅', orgKey: 'ybj', roles: ['reviewer'], phone: '13905260103' },
    { username: 'reviewer_rsj', displayName: '吴志伟', orgKey: 'rsj', roles: ['reviewer'], phone: '13905260104' },
  ];
  // 数据共享: the platform's data administrator, and data officers of 市民政局 (requests population data), 市公安局
  // (provides it) and 市数据局 (provides the electronic-license resource).
  const dataStaff: StaffSeed[] = [
    { username: 'data', displayName: '许文博', orgKey: 'sjj', roles: ['data_admin'], phone: '13905260201' },
    { username: 'data_mzj', displayName: '陆雅琴', orgKey: 'mzj', roles: ['data_officer'], phone: '13905260202' },
    { username: 'data_gaj', displayName: '韩卫东', orgKey: 'gaj', roles: ['data_officer'], phone: '13905260203' },
    { username: 'data_sjj', displayName: '冯晓东', orgKey: 'sjj', roles: ['data_officer'], phone: '13905260204' },
  ];
  return [...staff.map((s) => ({ ...s, phone: mobile(rng) })), ...bundleReviewers, ...dataStaff];
}

/** The demo citizen's identity number: 海陵区, born 1990-03-15, male. */
export const CITIZEN_RESIDENT_ID = makeResidentId('321202', '19900315', '031');

const HISTORY_PERSONS: ReadonlyArray<[name: string, county: string, town: string, street: string, male: boolean]> = [
  ['王秀英', '321202', '城西街道', '迎春西路12号', false],
  ['陈建军', '321203', '口岸街道', '通江路101号', true],
  ['杨丽娟', '321204', '罗塘街道', '人民中路56号', false],
  ['黄志强', '321281', '昭阳街道', '英武南路23号', true],
  ['吴婷婷', '321282', '靖城街道', '江平路88号', false],
  ['徐海涛', '321283', '济川街道', '羌溪路7号', true],
  ['朱慧敏', '321202', '京泰路街道', '京泰路166号', false],
  ['马俊杰', '321204', '三水街道', '三水大道211号', true],
];

/** Address prefix of each county-level division (province, city where it is a district, then the division). */
export const COUNTY_ADDRESS: Readonly<Record<string, string>> = {
  '321202': '江苏省泰州市海陵区',
  '321203': '江苏省泰州市高港区',
  '321204': '江苏省泰州市姜堰区',
  '321281': '江苏省兴化市',
  '321282': '江苏省靖江市',
  '321283': '江苏省泰兴市',
};

function birthDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

function sequence(rng: Rng, male: boolean): string {
  const n = rng.int(0, 499) * 2 + (male ? 1 : 0);
  return String(n).padStart(3, '0');
}

export function buildPersons(rng: Rng): PersonSeed[] {
  const persons: PersonSeed[] = [
    {
      username: 'citizen',
      name: '李明',
      residentId: CITIZEN_RESIDENT_ID,
      phone: '13952600315',
      address: '江苏省泰州市海陵区城东街道东进社区春晖路18号3幢201室',
      demoLogin: true,
      regionCode: '321202001001',
    },
  ];
  HISTORY_PERSONS.forEach(([name, county, town, street, male], i) => {
    persons.push({
      username: `resident${String(i + 1).padStart(2, '0')}`,
      name,
      residentId: makeResidentId(county, birthDate(rng, 1955, 2003), sequence(rng, male)),
      phone: mobile(rng),
      address: `${COUNTY_ADDRESS[county]}${town}${street}`,
      demoLogin: false,
      regionCode: county,
    });
  });
  return persons;
}

/** Body of a post-2015 organisation code: "MA" + 6 characters of the credit-code set. */
function maBody(rng: Rng): string {
  return `MA${rng.chars(CREDIT_CODE_CHARSET.replace(/[0-9]/g, '') + '0123456789', 6)}`;
}

const HISTORY_ENTITIES: ReadonlyArray<[name: string, county: string, address: string, rep: string, agent: string, male: boolean]> = [
  ['泰州市凤城禾益建材贸易有限公司', '321202', '泰州市海陵区九龙镇工业园区振兴路6号', '顾振华', '顾小川', true],
  ['江苏泰润康源医药连锁有限公司', '321203', '泰州市高港区口岸街道柴墟路58号', '钱海燕', '许文静', false],
  ['泰州市姜堰区溱湖人家农家乐餐饮店', '321204', '泰州市姜堰区溱潼镇溱湖大道19号', '蒋红梅', '蒋红梅', false],
  ['兴化市千垛绿源农业发展有限公司', '321281', '兴化市千垛镇东旺村三组', '沈国庆', '沈立波', true],
  ['靖江市江韵精密机械有限公司', '321282', '靖江市新桥镇工业集中区园区路3号', '何建平', '何宇航', true],
];

export function buildEntities(rng: Rng): EntitySeed[] {
  const entities: EntitySeed[] = [
    {
      username: 'company',
      entityName: '泰州市海陵区味之源餐饮管理有限公司',
      creditCode: makeCreditCode('9', '1', '321202', maBody(rng)),
      legalRepresentative: '赵海峰',
      agentName: '赵海峰',
      agentResidentId: makeResidentId('321202', '19850612', '057'),
      agentPhone: '13813526612',
      address: '江苏省泰州市海陵区城中街道坡子街社区坡子街21号',
      demoLogin: true,
      regionCode: '321202003001',
    },
  ];
  HISTORY_ENTITIES.forEach(([entityName, county, address, rep, agent, male], i) => {
    entities.push({
      username: `entity${String(i + 1).padStart(2, '0')}`,
      entityName,
      creditCode: makeCreditCode('9', entityName.endsWith('店') ? '2' : '1', county, maBody(rng)),
      legalRepresentative: rep,
      agentName: agent,
      agentResidentId: makeResidentId(county, birthDate(rng, 1965, 1998), sequence(rng, male)),
      agentPhone: mobile(rng),
      address: `江苏省${address}`,
      demoLogin: false,
      regionCode: county,
    });
  });
  return entities;
}
