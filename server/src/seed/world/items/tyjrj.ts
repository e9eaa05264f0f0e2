/** 泰州市退役军人事务局 (key 'tyjrj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const VETERANS_LAW = { title: '《中华人民共和国退役军人保障法》' };

const preferentialCard: ItemDraft = {
  name: '退役军人优待证申领',
  kind: ItemKind.publicService,
  main: 1,
  serviceObjects: ['person'],
  legalBasis: [{ ...VETERANS_LAW, article: '第六十二条' }, { title: '《退役军人、其他优抚对象优待证管理办法（试行）》' }],
  conditions: ['户籍在泰州市的退役军人、烈士遗属、因公牺牲军人遗属、病故军人遗属等优抚对象', '已在退役军人服务中心（站）完成信息采集'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '优待证申领信息表', { form: 'electronic', paper: [0, 0] }), mat('M02', '近期白底证件照片', { form: 'electronic', paper: [0, 0] }), shared('M03', '退役证件信息', '退役军人事务部门（退役军人信息库）')],
  form: form({ ...personFields(), category: f.choice('人员类别', ['退役军人', '烈士遗属', '因公牺牲军人遗属', '病故军人遗属']), bank: f.choice('合作银行', ['中国建设银行', '中国工商银行', '中国农业银行', '中国银行']) }),
  result: { type: 'license', name: '中华人民共和国退役军人优待证' },
  entrustedAgencies: ['各区退役军人服务中心', '各乡镇（街道）退役军人服务站'],
  topics: ['退役军人'],
  keywords: ['优待证', '退役军人证'],
};

const lumpSumSubsidy: ItemDraft = {
  name: '自主就业退役士兵一次性经济补助金给付',
  kind: ItemKind.benefit,
  main: 2,
  serviceObjects: ['person'],
  legalBasis: [{ ...VETERANS_LAW, article: '第二十条' }, { title: '《退役士兵安置条例》（国务院 中央军委令第608号）', article: '第十九条' }],
  conditions: ['选择自主就业的退役士兵', '退役后按规定时间到安置地退役军人事务部门报到'],
  statutoryDays: 30,
  committedDays: 15,
  onlineDepth: [1, 2, 3],
  visitsRequired: 1,
  visitReason: '退役士兵须本人到安置地退役军人事务部门报到',
  materials: [mat('M01', '退役士兵安置报到登记表'), mat('M02', '退出现役证'), mat('M03', '本人银行卡信息', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...personFields(), serviceYears: f.integer('服役年限', 1), dischargeDate: f.date('退役时间') }),
  result: { type: 'other', name: '一次性经济补助金核发结果' },
  topics: ['退役军人', '就业创业'],
  keywords: ['退役补助', '退伍费', '自主就业'],
};

const survivorPension: ItemDraft = {
  name: '烈士遗属、因公牺牲军人遗属、病故军人遗属定期抚恤金给付',
  kind: ItemKind.benefit,
  main: 3,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《军人抚恤优待条例》', article: '第十九条' }, { title: '《烈士褒扬条例》' }],
  conditions: ['烈士、因公牺牲军人、病故军人的父母（抚养人）、配偶、子女等遗属', '符合享受定期抚恤金的条件（如无劳动能力、无生活费来源等）'],
  steps: [STEP.apply('遗属向户籍所在地乡镇（街道）退役军人服务站提出申请'), STEP.accept(), STEP.review('县级退役军人事务部门审核'), { name: '公示', description: '在遗属户籍所在地公示7天' }, STEP.decide(), STEP.deliver('核发定期抚恤金领取证，按月发放')],
  statutoryDays: 30,
  committedDays: 15,
  onlineDepth: [1, 2, 3, 4],
  materials: [mat('M01', '定期抚恤金申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '烈士证明书、因公牺牲或病故军人证明书', { notes: '已在信息系统中的可核验' }), mat('M03', '遗属与牺牲（病故）军人关系证明')],
  form: form({ ...personFields('遗属姓名'), deceasedName: f.text('牺牲（病故）军人姓名', 50), relation: f.choice('关系', ['父母', '配偶', '子女', '兄弟姐妹']) }),
  result: { type: 'other', name: '定期抚恤金领取证' },
  entrustedAgencies: ['各乡镇（街道）退役军人服务站（受理）'],
  topics: ['退役军人', '社会救助'],
  keywords: ['抚恤金', '烈属', '遗属抚恤'],
};

const disabilityRating: ItemDraft = {
  name: '退役军人残疾等级评定',
  kind: ItemKind.confirmation,
  main: 4,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《军人抚恤优待条例》', article: '第二十四条、第二十五条' }, { title: '《伤残抚恤管理办法》（退役军人事务部令第1号）' }],
  conditions: ['退役军人在服役期间因战、因公致残，退役时未评定残疾等级或者残疾情况发生严重恶化', '在规定期限内提出申请'],
  steps: [STEP.apply(), STEP.accept(), { name: '残疾评定', description: '到指定医疗卫生机构进行伤残鉴定' }, STEP.review('县级退役军人事务部门审查后报市级审核'), STEP.decide('符合条件的评定残疾等级，核发残疾军人证'), STEP.deliver()],
  statutoryDays: 60,
  committedDays: 30,
  limitNote: '医学鉴定时间不计入',
  specialProcedures: [{ name: '鉴定（伤残医学鉴定）', note: '由退役军人事务部门指定的医疗卫生机构鉴定，鉴定时间不计入' }],
  onlineDepth: [1, 2, 3],
  visitsRequired: 2,
  visitReason: '需本人到场申请并到指定医疗机构接受伤残鉴定',
  materials: [mat('M01', '残疾等级评定申请表'), mat('M02', '服役期间因战因公致残的档案记载或者原始医疗证明'), mat('M03', '居民身份证')],
  form: form({ ...personFields(), injuryCause: f.choice('致残性质', ['因战', '因公', '因病']), description: f.textarea('致残经过', 1000) }),
  result: { type: 'license', name: '中华人民共和国残疾军人证' },
  topics: ['退役军人', '残疾人服务'],
  keywords: ['伤残评定', '残疾军人证'],
};

const gloryPlaque: ItemDraft = {
  name: '光荣牌悬挂',
  kind: ItemKind.publicService,
  main: 5,
  serviceObjects: ['person'],
  legalBasis: [{ ...VETERANS_LAW, article: '第五十六条' }, { title: '《烈属、军属和退役军人等家庭悬挂光荣牌工作实施办法》' }],
  conditions: ['烈士遗属、因公牺牲军人遗属、病故军人遗属、现役军人家属、退役军人家庭', '户籍或经常居住地在泰州市'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '光荣牌悬挂申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '现役军人证明或退役证明', { notes: '退役军人信息可通过信息库核验' })],
  form: form({ ...personFields(), address: f.address('悬挂地址'), category: f.choice('家庭类别', ['烈属', '军属', '退役军人家庭', '因公牺牲军人遗属', '病故军人遗属']) }),
  result: { type: 'other', name: '光荣牌（上门悬挂）' },
  entrustedAgencies: ['各乡镇（街道）退役军人服务站（上门悬挂）'],
  topics: ['退役军人'],
  features: { express: false },
  keywords: ['光荣牌', '军属'],
};

export const tyjrjItems: OrgItems = { orgKey: 'tyjrj', items: [preferentialCard, lumpSumSubsidy, survivorPension, disabilityRating, gloryPlaque] };
