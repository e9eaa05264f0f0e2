/**
 * Organisations of the demo world: the city government and its departments, district counterparts for 海陵区, 高港区
 * and 姜堰区 (市场监管, 民政, 人社, 教育, 卫生健康, and the city police's district branches), and the "1+N+N"
 * service-centre network of the seeds (one city centre 泰州市政务服务中心, a branch centre in every district /
 * county-level city, a 便民服务中心 in every town and street).
 *
 * Names follow the real institutions of 泰州市. Credit codes are generated (valid by GB 32100 / GB 11714, not the
 * institutions' real codes): government bodies 1 1 (机构编制 · 机关), public institutions 1 2 (事业单位), mass
 * organisations 1 3. The 2-digit department codes (`deptCode`) are demo codes of this catalog, not an official table.
 * Addresses are demo addresses.
 *
 * Credit codes are drawn in order from one generator, so organisations added later are appended at the end of
 * `orgDefs` (see "Added later"): inserting them earlier would change every later org's code and every item code.
 */

import { makeCreditCode } from '../../platform/codes/index.ts';
import type { Rng } from './prng.ts';
import { TOWNS } from './regions.ts';
import type { OrgSeed } from './types.ts';

type OrgDef = Omit<OrgSeed, 'creditCode'> & { category: '1' | '2' | '3' };

const CITY = '321200';

/** Department codes of this catalog (demo), by competent department. */
export const DEPT = {
  fgw: '01', // 发展改革
  jy: '02', // 教育
  ga: '03', // 公安
  mz: '04', // 民政
  sf: '05', // 司法行政
  rs: '06', // 人力资源社会保障
  zr: '07', // 自然资源
  sthj: '08', // 生态环境
  zj: '09', // 住房城乡建设
  jt: '10', // 交通运输
  sl: '11', // 水利
  ny: '12', // 农业农村
  sw: '13', // 商务
  wl: '14', // 文化和旅游
  wj: '15', // 卫生健康
  yj: '16', // 应急管理
  sj: '17', // 市场监管
  yb: '18', // 医疗保障
  cg: '19', // 城市管理
  tax: '20', // 税务
  cl: '21', // 残联
  data: '22', // 数据 / 政务服务
  gov: '23', // 政府办公室
  gx: '24', // 工业和信息化
  cz: '25', // 财政
  tyjr: '26', // 退役军人事务
  qx: '27', // 气象
  yc: '28', // 烟草专卖
  xf: '29', // 消防救援
  ty: '30', // 体育
} as const;

const CITY_DEPARTMENTS: ReadonlyArray<[key: string, name: string, shortName: string, deptCode: string]> = [
  ['szfb', '泰州市人民政府办公室', '市政府办', DEPT.gov],
  ['sjj', '泰州市数据局', '市数据局', DEPT.data],
  ['fgw', '泰州市发展和改革委员会', '市发展改革委', DEPT.fgw],
  ['jyj', '泰州市教育局', '市教育局', DEPT.jy],
  ['gaj', '泰州市公安局', '市公安局', DEPT.ga],
  ['mzj', '泰州市民政局', '市民政局', DEPT.mz],
  ['sfj', '泰州市司法局', '市司法局', DEPT.sf],
  ['rsj', '泰州市人力资源和社会保障局', '市人社局', DEPT.rs],
  ['zrzyj', '泰州市自然资源和规划局', '市自然资源和规划局', DEPT.zr],
  ['sthjj', '泰州市生态环境局', '市生态环境局', DEPT.sthj],
  ['zjj', '泰州市住房和城乡建设局', '市住房城乡建设局', DEPT.zj],
  ['jtj', '泰州市交通运输局', '市交通运输局', DEPT.jt],
  ['slj', '泰州市水利局', '市水利局', DEPT.sl],
  ['nyncj', '泰州市农业农村局', '市农业农村局', DEPT.ny],
  ['swuj', '泰州市商务局', '市商务局', DEPT.sw],
  ['wgly', '泰州市文化广电和旅游局', '市文广旅局', DEPT.wl],
  ['wjw', '泰州市卫生健康委员会', '市卫生健康委', DEPT.wj],
  ['yjglj', '泰州市应急管理局', '市应急管理局', DEPT.yj],
  ['scjgj', '泰州市市场监督管理局', '市市场监管局', DEPT.sj],
  ['ybj', '泰州市医疗保障局', '市医保局', DEPT.yb],
  ['cgj', '泰州市城市管理局', '市城管局', DEPT.cg],
  ['swj', '国家税务总局泰州市税务局', '市税务局', DEPT.tax],
];

const BRANCH_CENTRES: ReadonlyArray<[code: string, name: string]> = [
  ['321202', '泰州市海陵区政务服务中心'],
  ['321203', '泰州市高港区政务服务中心'],
  ['321204', '泰州市姜堰区政务服务中心'],
  ['321281', '兴化市政务服务中心'],
  ['321282', '靖江市政务服务中心'],
  ['321283', '泰兴市政务服务中心'],
];

const DISTRICT_PREFIX: Readonly<Record<string, string>> = {
  '321202': '泰州市海陵区',
  '321203': '泰州市高港区',
  '321204': '泰州市姜堰区',
  '321281': '兴化市',
  '321282': '靖江市',
  '321283': '泰兴市',
};

/** Key of the branch centre of a county-level division. */
export const branchCentreKey = (countyCode: string): string => `fzx_${countyCode}`;
/** Key of the 便民服务中心 of a town/street. */
export const communityCentreKey = (townCode: string): string => `bmzx_${townCode}`;

/** Demo street addresses: the city centre and each branch centre. */
export const CENTRE_ADDRESSES: Readonly<Record<string, string>> = {
  '321200': '泰州市海陵区东进西路88号 泰州市政务服务中心',
  '321202': '泰州市海陵区鼓楼南路16号 海陵区政务服务中心',
  '321203': '泰州市高港区通江路9号 高港区政务服务中心',
  '321204': '泰州市姜堰区三水大道28号 姜堰区政务服务中心',
  '321281': '兴化市英武中路6号 兴化市政务服务中心',
  '321282': '靖江市人民南路18号 靖江市政务服务中心',
  '321283': '泰兴市国庆东路20号 泰兴市政务服务中心',
};

function orgDefs(): OrgDef[] {
  const defs: OrgDef[] = [
    { key: 'szf', name: '泰州市人民政府', shortName: '市政府', kind: 'government', regionCode: CITY, parentKey: null, category: '1' },
  ];
  for (const [key, name, shortName, deptCode] of CITY_DEPARTMENTS) {
    defs.push({ key, name, shortName, kind: 'department', regionCode: CITY, parentKey: 'szf', deptCode, category: '1' });
  }
  defs.push(
    { key: 'gjj', name: '泰州市住房公积金管理中心', shortName: '市公积金中心', kind: 'department', regionCode: CITY, parentKey: 'szf', deptCode: DEPT.zj, category: '2' },
    { key: 'bdcdj', name: '泰州市不动产登记中心', shortName: '市不动产登记中心', kind: 'department', regionCode: CITY, parentKey: 'zrzyj', deptCode: DEPT.zr, category: '2' },
    { key: 'cl', name: '泰州市残疾人联合会', shortName: '市残联', kind: 'department', regionCode: CITY, parentKey: 'szf', deptCode: DEPT.cl, category: '3' },
    { key: 'rx12345', name: '泰州市12345政务服务便民热线中心', shortName: '12345热线中心', kind: 'department', regionCode: CITY, parentKey: 'sjj', deptCode: DEPT.data, category: '2' },
    { key: 'zwfwzx', name: '泰州市政务服务中心', shortName: '市政务服务中心', kind: 'service_center', regionCode: CITY, parentKey: 'sjj', category: '2', address: CENTRE_ADDRESSES[CITY]! },
  );
  // District counterparts for 海陵区 and 姜堰区.
  for (const [code, key, short] of [['321202', 'hl', '海陵区'], ['321204', 'jy', '姜堰区']] as const) {
    const p = DISTRICT_PREFIX[code]!;
    defs.push(
      { key: `${key}_gov`, name: `${p}人民政府`, shortName: `${short}政府`, kind: 'government', regionCode: code, parentKey: 'szf', category: '1' },
      { key: `${key}_scjgj`, name: `${p}市场监督管理局`, shortName: `${short}市场监管局`, kind: 'department', regionCode: code, parentKey: `${key}_gov`, deptCode: DEPT.sj, category: '1' },
      { key: `${key}_mzj`, name: `${p}民政局`, shortName: `${short}民政局`, kind: 'department', regionCode: code, parentKey: `${key}_gov`, deptCode: DEPT.mz, category: '1' },
      { key: `${key}_rsj`, name: `${p}人力资源和社会保障局`, shortName: `${short}人社局`, kind: 'department', regionCode: code, parentKey: `${key}_gov`, deptCode: DEPT.rs, category: '1' },
    );
  }
  for (const [code, name] of BRANCH_CENTRES) {
    defs.push({
      key: branchCentreKey(code),
      name,
      shortName: name.replace(/^泰州市/, ''),
      kind: 'branch_center',
      regionCode: code,
      parentKey: 'zwfwzx',
      category: '2',
      address: CENTRE_ADDRESSES[code]!,
    });
  }
  for (const [county, towns] of Object.entries(TOWNS)) {
    for (const [code, townName] of towns) {
      const townCode = `${county}${code}`;
      defs.push({
        key: communityCentreKey(townCode),
        name: `${DISTRICT_PREFIX[county]}${townName}便民服务中心`,
        shortName: `${townName}便民服务中心`,
        kind: 'community_center',
        regionCode: townCode,
        parentKey: branchCentreKey(county),
        category: '2',
      });
    }
  }
  // Added later (appended so earlier credit codes stay put): more city departments, 高港区 counterparts, and the
  // district public-security, education and health bodies of 海陵区, 高港区 and 姜堰区.
  const later: ReadonlyArray<[key: string, name: string, shortName: string, deptCode: string, category: '1' | '2']> = [
    ['gxj', '泰州市工业和信息化局', '市工业和信息化局', DEPT.gx, '1'],
    ['czj', '泰州市财政局', '市财政局', DEPT.cz, '1'],
    ['tyjrj', '泰州市退役军人事务局', '市退役军人事务局', DEPT.tyjr, '1'],
    ['qxj', '泰州市气象局', '市气象局', DEPT.qx, '2'],
    ['yczmj', '泰州市烟草专卖局', '市烟草专卖局', DEPT.yc, '1'],
    ['xfzd', '泰州市消防救援支队', '市消防救援支队', DEPT.xf, '1'],
    ['tyj', '泰州市体育局', '市体育局', DEPT.ty, '1'],
  ];
  for (const [key, name, shortName, deptCode, category] of later) {
    defs.push({ key, name, shortName, kind: 'department', regionCode: CITY, parentKey: 'szf', deptCode, category });
  }
  {
    const code = '321203';
    const p = DISTRICT_PREFIX[code]!;
    defs.push(
      { key: 'gg_gov', name: `${p}人民政府`, shortName: '高港区政府', kind: 'government', regionCode: code, parentKey: 'szf', category: '1' },
      { key: 'gg_scjgj', name: `${p}市场监督管理局`, shortName: '高港区市场监管局', kind: 'department', regionCode: code, parentKey: 'gg_gov', deptCode: DEPT.sj, category: '1' },
      { key: 'gg_mzj', name: `${p}民政局`, shortName: '高港区民政局', kind: 'department', regionCode: code, parentKey: 'gg_gov', deptCode: DEPT.mz, category: '1' },
      { key: 'gg_rsj', name: `${p}人力资源和社会保障局`, shortName: '高港区人社局', kind: 'department', regionCode: code, parentKey: 'gg_gov', deptCode: DEPT.rs, category: '1' },
    );
  }
  for (const [code, key, short] of [['321202', 'hl', '海陵'], ['321203', 'gg', '高港'], ['321204', 'jy', '姜堰']] as const) {
    const p = DISTRICT_PREFIX[code]!;
    defs.push(
      // A district public-security branch of the city bureau (泰州市公安局海陵分局 …).
      { key: `${key}_gafj`, name: `泰州市公安局${short}分局`, shortName: `${short}公安分局`, kind: 'department', regionCode: code, parentKey: 'gaj', deptCode: DEPT.ga, category: '1' },
      { key: `${key}_jyj`, name: `${p}教育局`, shortName: `${short}区教育局`, kind: 'department', regionCode: code, parentKey: `${key}_gov`, deptCode: DEPT.jy, category: '1' },
      { key: `${key}_wjw`, name: `${p}卫生健康委员会`, shortName: `${short}区卫生健康委`, kind: 'department', regionCode: code, parentKey: `${key}_gov`, deptCode: DEPT.wj, category: '1' },
    );
  }
  return defs;
}

/** Organisation code bodies: 0xxxxxxx for government bodies, 4xxxxxxx for public institutions, 5xxxxxxx otherwise. */
const BODY_PREFIX = { '1': '0', '2': '4', '3': '5' } as const;

export function buildOrgs(rng: Rng): OrgSeed[] {
  const used = new Set<string>();
  return orgDefs().map(({ category, ...def }) => {
    let body: string;
    do body = `${BODY_PREFIX[category]}${rng.chars('0123456789', 7)}`;
    while (used.has(body));
    used.add(body);
    // Registered with the 机构编制 authority of the county-level division (towns register at their county).
    const registrationRegion = def.regionCode.slice(0, 6);
    return { ...def, creditCode: makeCreditCode('1', category, registrationRegion, body) };
  });
}
