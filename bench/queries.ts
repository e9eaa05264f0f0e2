/**
 * The public-search workload: what people type into the search box of a government service portal, and the
 * request mix built from it.
 *
 * Four kinds of query text (≥ 200 distinct): colloquial phrases and questions (开饭店, 生孩子, 身份证丢了怎么办),
 * official item names and the words they are made of (食品经营许可, 住房公积金提取, 设立登记), department names
 * (市场监督管理局, 人社局), and a few with a place name (南京 结婚登记) or a typo (身分证). The mix is skewed the
 * way search logs are — a few queries are asked all the time, most rarely (Zipf, s = 1) — with pages 1–3 and a
 * region filter on a quarter of the requests. The same seed gives the same sequence on every run.
 */
import { mulberry32 } from '../server/src/seed/world/prng.ts';
import { JIANGSU_CITIES, JIANGSU_COUNTIES } from './jiangsu.ts';

/** Colloquial phrases, questions and everyday words, the most frequent first. */
export const COLLOQUIAL: readonly string[] = [
  '身份证', '开饭店', '生孩子', '公积金提取', '结婚登记', '个体户', '营业执照', '社保卡', '不动产', '施工许可',
  '护照', '退休', '养老金', '医保报销', '失业金', '户口迁移', '开公司', '新生儿上户口', '居住证', '异地就医',
  '离婚', '二手房过户', '房产证', '公积金贷款', '低保', '残疾证', '驾照到期', '新车上牌', '无犯罪证明', '港澳通行证',
  '租房提取公积金', '开店', '开药店', '开诊所', '开网吧', '开旅行社', '开幼儿园', '上小学', '转学', '教师资格证',
  '刻章', '网约车', '出租车', '货运许可', '环评', '排污许可', '消防验收', '烟草证', '卖烟', '宠物医院',
  '工伤', '劳动仲裁', '讨薪', '创业补贴', '法律援助', '尊老金', '高龄津贴', '孤儿', '领养', '改名字',
  '死亡销户', '身后事', '丧葬费', '生育津贴', '准生证', '出生证', '领发票', '个税退税', '契税', '完税证明',
  '办退休', '灵活就业', '我想开饭店', '身份证丢了怎么办', '公积金怎么取', '怎么办结婚证', '补办结婚证', '结婚证丢了', '补办身份证', '办身份证',
  '买房', '买房落户', '公租房', '租房备案', '开发票', '医保转移', '社保转移', '农保', '居民医保', '单位社保开户',
  '办护照要什么材料', '去香港', '去台湾', '民宿', '开旅馆', '美容院', '卫生许可证', '养老院', '托育', '早教',
  '成立协会', '慈善', '募捐', '商会', '小区命名', '农村建房', '宅基地', '预售证', '竣工验收', '建筑资质',
  '二手车', '驾校', '修车店', '汽车维修', '大件运输', '挖路', '占道施工', '户外广告', '招牌', '砍树',
  '立项', '项目备案', '节能审查', '能评', '危化品', '烟花爆竹', '电工证', '焊工证', '专精特新', '代账公司',
  '优待证', '退伍费', '光荣牌', '防雷验收', '气象证明', '消防检查', '游泳馆', '健身气功', '打井', '渔船',
  '卖种子', '农药店', '兽药店', '助学金', '学籍转接', '入园报名', '护士证', '执业医师', '特殊工时', '劳务派遣',
];

/** Typos and near-misses (the fuzzy pass). */
export const TYPOS: readonly string[] = ['身分证', '营业只照', '公积经提取', '结昏登记', '户口签移', '医宝报销'];

/** Official item names, as people copy them from a notice or a colleague's message. */
export const ITEM_NAMES: readonly string[] = [
  '个体工商户设立登记', '食品经营许可（新办）', '居民身份证申领', '居民身份证换领、补领', '内地居民结婚登记', '出生登记', '住房公积金提取（购买自住住房）',
  '住房公积金提取（租赁住房）', '有限责任公司设立登记', '建筑工程施工许可证核发', '普通护照签发', '机动车驾驶证期满换证', '失业保险金申领', '社会保障卡申领',
  '职工基本养老保险待遇申领', '异地就医备案', '最低生活保障审核确认', '残疾人证新办', '国有建设用地使用权及房屋所有权转移登记', '不动产抵押权首次登记', '教师资格认定',
  '义务教育阶段学校新生入学登记（小学一年级）', '无犯罪记录证明出具', '户口迁入登记（高校毕业生落户）', '灵活就业人员参保登记', '城乡居民基本医疗保险参保登记', '生育津贴支付',
  '医疗费用手工（零星）报销', '公共场所卫生许可', '医师执业注册', '护士执业注册', '药品零售企业许可', '旅馆业特种行业许可证核发', '道路货物运输经营许可',
  '网络预约出租汽车驾驶员从业资格证核发', '建设项目环境影响报告表审批', '排污许可证核发', '烟草专卖零售许可证核发（新办）', '动物诊疗许可', '取水许可', '城市建筑垃圾处置核准',
  '企业投资项目备案', '法律援助申请审查', '危险化学品经营许可（不带储存设施）', '退役军人优待证申领', '收养登记', '社会团体成立登记', '养老机构备案', '托育机构备案',
  '工伤认定', '劳动人事争议仲裁申请', '一次性创业补贴申领', '发票领用', '个人所得税综合所得汇算清缴', '契税申报（存量房交易）', '存量房买卖合同网签备案', '公共租赁住房保障资格申请',
  '特殊建设工程消防验收', '商品房预售许可', '营业性演出审批', '互联网上网服务营业场所经营单位设立审批', '旅行社设立许可', '农药经营许可', '渔业捕捞许可', '临时占用城市道路审批',
  '设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批', '残疾儿童康复救助', '特种作业操作证核发', '代理记账机构设立审批', '雷电防护装置竣工验收', '火灾事故认定', '经营高危险性体育项目许可',
  '公章刻制备案', '往来港澳通行证和签注签发', '死亡、宣告死亡户口注销', '出生医学证明首次签发', '住房公积金个人住房贷款', '个人住房公积金账户转移接续', '企业职工基本养老保险关系转移接续',
];

/** Words official names are made of. */
export const NAME_WORDS: readonly string[] = [
  '登记', '许可', '审批', '备案', '核发', '申领', '设立登记', '变更登记', '注销登记', '资格认定', '证明', '补贴', '住房公积金', '食品经营许可',
  '机动车', '医疗机构', '社会团体', '建设工程', '道路运输', '养老保险', '医疗保险', '不动产登记', '户口迁移', '执业注册', '从业资格证', '经营许可',
  '消防', '环境影响', '规划许可', '公积金', '残疾人', '退役军人', '民办', '幼儿园', '出租汽车', '特种设备', '合作社', '抵押', '税务', '发票',
];

/** Department names, in full and as people abbreviate them. */
export const DEPARTMENTS: readonly string[] = [
  '市场监督管理局', '市场监管局', '公安局', '民政局', '人力资源和社会保障局', '人社局', '住房和城乡建设局', '住建局', '自然资源和规划局', '卫生健康委员会',
  '卫健委', '教育局', '交通运输局', '税务局', '医疗保障局', '医保局', '生态环境局', '商务局', '文化广电和旅游局', '农业农村局',
  '水利局', '城市管理局', '城管局', '发展和改革委员会', '发改委', '残疾人联合会', '残联', '司法局', '应急管理局', '住房公积金管理中心',
  '不动产登记中心', '退役军人事务局', '气象局', '烟草专卖局', '消防救援', '体育局', '财政局', '工业和信息化局', '政务服务中心', '公安分局',
];

/** Queries with a place name (agencies of other cities and counties are in the generated catalog). */
export const WITH_PLACES: readonly string[] = [
  '南京 结婚登记', '苏州 公积金提取', '昆山 营业执照', '无锡 身份证', '江阴 社保卡', '徐州 不动产', '常州 护照', '南通 开饭店', '扬州 退休', '镇江 医保',
  '盐城 低保', '宿迁 个体户', '泰州 施工许可', '淮安 出生登记', '连云港 港口经营', '海门 公积金', '兴化 残疾证', '张家港 开公司', '宜兴 民宿', '玄武区 市场监管局',
];

/** Every distinct query text, most frequent first (the Zipf rank order). */
export function allQueries(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // Interleave so each kind has popular and rare members: mostly colloquial at the top, like real search logs.
  const lists = [COLLOQUIAL, ITEM_NAMES, NAME_WORDS, DEPARTMENTS, WITH_PLACES, TYPOS];
  const weights = [4, 2, 1, 1, 1, 1];
  const idx = lists.map(() => 0);
  for (;;) {
    let added = false;
    lists.forEach((list, k) => {
      for (let n = 0; n < weights[k]! && idx[k]! < list.length; n++) {
        const q = list[idx[k]!++]!;
        added = true;
        if (!seen.has(q)) {
          seen.add(q);
          out.push(q);
        }
      }
    });
    if (!added) return out;
  }
}

/** Region filters people pick from the portal's region selector. */
export const REGION_FILTERS: readonly string[] = ['321200', '321202', '320100', '320500', '320583', '320200', '320300', '321281', '320000'];

export type SearchMix = {
  /** Request paths, cycled in order. */
  paths: string[];
  distinctQueries: number;
  distinctPaths: number;
};

/**
 * A deterministic sequence of search requests: query by Zipf rank (s = 1), page 1 (75 %), 2 (17 %) or 3 (8 %),
 * and a region filter on 25 % of requests.
 */
export function searchMix(length = 20_000, seed = 0x5ea2_c4): SearchMix {
  const queries = allQueries();
  const rng = mulberry32(seed);
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= queries.length; r++) cumulative.push((sum += 1 / r));
  const pickRank = () => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const paths: string[] = [];
  for (let i = 0; i < length; i++) {
    const q = queries[pickRank()]!;
    const u = rng.next();
    const page = u < 0.75 ? 1 : u < 0.92 ? 2 : 3;
    const region = rng.next() < 0.25 ? rng.pick(REGION_FILTERS) : undefined;
    let p = `/api/v1/public/items?q=${encodeURIComponent(q)}`;
    if (region) p += `&regionCode=${region}`;
    if (page > 1) p += `&page=${page}`;
    paths.push(p + '&pageSize=20');
  }
  return { paths, distinctQueries: queries.length, distinctPaths: new Set(paths).size };
}

/**
 * The uncached search workload: query texts nobody asked before in the run — every query text of `allQueries`
 * with a place in front (南京 结婚登记, 玄武区 开饭店, 昆山市 营业执照 …: the province's 13 cities by short name, their
 * county-level divisions, the demo city's districts), each once, in a fixed shuffled order, leaving out texts
 * the other search target asks. About 36,000 distinct texts, more than one run consumes on this kind of machine,
 * so no text repeats within a run and every request pays the whole search: query parsing, the ranking in SQL,
 * filtering, serialization and compression (the server's ranked lists are kept per text, so distinct URLs with
 * a text seen before would not do).
 */
export function uncachedSearchPaths(seed = 0x0c01d5): string[] {
  const asked = new Set(allQueries());
  const places = [...new Set([...JIANGSU_CITIES.map((c) => c.short), ...JIANGSU_COUNTIES.map((c) => c.name), '海陵区', '高港区', '姜堰区'])];
  const paths: string[] = [];
  for (const q of allQueries()) {
    for (const place of places) {
      const text = `${place} ${q}`;
      if (!asked.has(text)) paths.push(`/api/v1/public/items?q=${encodeURIComponent(text)}&pageSize=20`);
    }
  }
  const rng = mulberry32(seed);
  for (let i = paths.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  return paths;
}
