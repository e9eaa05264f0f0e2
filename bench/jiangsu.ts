/**
 * The county-level divisions of 江苏省 outside the demo city's districts, for the benchmark catalog: GB/T 2260 codes
 * and names as published by the Ministry of Civil Affairs (2023 division codes: 海门区 320614 since 2020, 海安市
 * 320685 since 2018, 崇川区 320613 after the 2020 merger of 港闸区). Telephone area codes are the cities' real ones.
 * Used only to give the synthetic agencies of `generate-catalog.ts` plausible names, codes and addresses; nothing
 * here is needed by the platform itself.
 */

export type City = { code: string; name: string; short: string; areaCode: string };
export type County = { code: string; name: string; city: City };

export const JIANGSU_CITIES: readonly City[] = [
  { code: '320100', name: '南京市', short: '南京', areaCode: '025' },
  { code: '320200', name: '无锡市', short: '无锡', areaCode: '0510' },
  { code: '320300', name: '徐州市', short: '徐州', areaCode: '0516' },
  { code: '320400', name: '常州市', short: '常州', areaCode: '0519' },
  { code: '320500', name: '苏州市', short: '苏州', areaCode: '0512' },
  { code: '320600', name: '南通市', short: '南通', areaCode: '0513' },
  { code: '320700', name: '连云港市', short: '连云港', areaCode: '0518' },
  { code: '320800', name: '淮安市', short: '淮安', areaCode: '0517' },
  { code: '320900', name: '盐城市', short: '盐城', areaCode: '0515' },
  { code: '321000', name: '扬州市', short: '扬州', areaCode: '0514' },
  { code: '321100', name: '镇江市', short: '镇江', areaCode: '0511' },
  { code: '321200', name: '泰州市', short: '泰州', areaCode: '0523' },
  { code: '321300', name: '宿迁市', short: '宿迁', areaCode: '0527' },
];

const COUNTY_NAMES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  '320100': [['320102', '玄武区'], ['320104', '秦淮区'], ['320105', '建邺区'], ['320106', '鼓楼区'], ['320111', '浦口区'], ['320113', '栖霞区'], ['320114', '雨花台区'], ['320115', '江宁区'], ['320116', '六合区'], ['320117', '溧水区'], ['320118', '高淳区']],
  '320200': [['320205', '锡山区'], ['320206', '惠山区'], ['320211', '滨湖区'], ['320213', '梁溪区'], ['320214', '新吴区'], ['320281', '江阴市'], ['320282', '宜兴市']],
  '320300': [['320302', '鼓楼区'], ['320303', '云龙区'], ['320305', '贾汪区'], ['320311', '泉山区'], ['320312', '铜山区'], ['320321', '丰县'], ['320322', '沛县'], ['320324', '睢宁县'], ['320381', '新沂市'], ['320382', '邳州市']],
  '320400': [['320402', '天宁区'], ['320404', '钟楼区'], ['320411', '新北区'], ['320412', '武进区'], ['320413', '金坛区'], ['320481', '溧阳市']],
  '320500': [['320505', '虎丘区'], ['320506', '吴中区'], ['320507', '相城区'], ['320508', '姑苏区'], ['320509', '吴江区'], ['320581', '常熟市'], ['320582', '张家港市'], ['320583', '昆山市'], ['320585', '太仓市']],
  '320600': [['320612', '通州区'], ['320613', '崇川区'], ['320614', '海门区'], ['320623', '如东县'], ['320681', '启东市'], ['320682', '如皋市'], ['320685', '海安市']],
  '320700': [['320703', '连云区'], ['320706', '海州区'], ['320707', '赣榆区'], ['320722', '东海县'], ['320723', '灌云县'], ['320724', '灌南县']],
  '320800': [['320803', '淮安区'], ['320804', '淮阴区'], ['320812', '清江浦区'], ['320813', '洪泽区'], ['320826', '涟水县'], ['320830', '盱眙县'], ['320831', '金湖县']],
  '320900': [['320902', '亭湖区'], ['320903', '盐都区'], ['320904', '大丰区'], ['320921', '响水县'], ['320922', '滨海县'], ['320923', '阜宁县'], ['320924', '射阳县'], ['320925', '建湖县'], ['320981', '东台市']],
  '321000': [['321002', '广陵区'], ['321003', '邗江区'], ['321012', '江都区'], ['321023', '宝应县'], ['321081', '仪征市'], ['321084', '高邮市']],
  '321100': [['321102', '京口区'], ['321111', '润州区'], ['321112', '丹徒区'], ['321181', '丹阳市'], ['321182', '扬中市'], ['321183', '句容市']],
  // The demo world already has bodies in 海陵区, 高港区 and 姜堰区; its three county-level cities have none.
  '321200': [['321281', '兴化市'], ['321282', '靖江市'], ['321283', '泰兴市']],
  '321300': [['321302', '宿城区'], ['321311', '宿豫区'], ['321322', '沭阳县'], ['321323', '泗阳县'], ['321324', '泗洪县']],
};

/** 92 county-level divisions, in code order. */
export const JIANGSU_COUNTIES: readonly County[] = JIANGSU_CITIES.flatMap((city) => (COUNTY_NAMES[city.code] ?? []).map(([code, name]) => ({ code, name, city })));

/** A district's bodies carry the city's name (南京市玄武区民政局); a county's or county-level city's do not (江阴市民政局). */
export function countyPrefix(c: County): string {
  return c.name.endsWith('区') ? `${c.city.name}${c.name}` : c.name;
}
