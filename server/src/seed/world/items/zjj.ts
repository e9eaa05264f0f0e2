/** 泰州市住房和城乡建设局 (key 'zjj') and 泰州市住房公积金管理中心 (key 'gjj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, type ItemDraft, type OrgItems } from './helpers.ts';

const constructionPermit: ItemDraft = {
  name: '建筑工程施工许可证核发',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [
    { title: '《中华人民共和国建筑法》', article: '第七条、第八条' },
    { title: '《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）' },
  ],
  conditions: [
    '已经办理该建筑工程用地批准手续',
    '依法应当办理建设工程规划许可证的，已经取得建设工程规划许可证',
    '已经确定施工企业，有满足施工需要的资金安排、施工图纸及技术资料',
    '有保证工程质量和安全的具体措施',
  ],
  statutoryDays: 7,
  committedDays: 3,
  limitNote: '法定时限为7日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '建筑工程施工许可申请表', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '建设工程规划许可证', '泰州市自然资源和规划局'),
    mat('M03', '施工合同', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '建设资金已经落实承诺书', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '施工图设计文件审查合格书', { form: 'electronic', paper: [0, 0], notes: '已推行联合审图的通过系统共享获取', necessity: 'optional' }),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('工程名称', 100), location: f.text('建设地址', 200), contractor: f.text('施工单位', 100), contractPrice: f.number('合同价格（万元）', 0), floorArea: f.number('建筑面积（平方米）', 1) }),
  result: { type: 'license', name: '建筑工程施工许可证' },
  topics: ['工程建设'],
  keywords: ['施工许可证', '开工'],
};

const presale: ItemDraft = {
  name: '商品房预售许可',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国城市房地产管理法》', article: '第四十五条' }, { title: '《城市商品房预售管理办法》' }],
  conditions: ['已交付全部土地使用权出让金，取得土地使用权证书', '持有建设工程规划许可证和施工许可证', '投入开发建设的资金达到工程建设总投资的25%以上，并已经确定施工进度和竣工交付日期'],
  statutoryDays: 10,
  committedDays: 5,
  limitNote: '法定时限为10日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '商品房预售许可申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '工程施工合同及关于施工进度的说明', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '商品房预售方案', { form: 'electronic', paper: [0, 0], notes: '说明商品房的位置、面积、竣工交付日期等内容，并附预售商品房分层平面图' }),
    mat('M04', '预售资金监管协议', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('开发企业'), projectName: f.text('项目名称', 100), buildings: f.text('预售楼幢', 100), presaleArea: f.number('预售面积（平方米）', 1) }),
  result: { type: 'license', name: '商品房预售许可证' },
  topics: ['工程建设', '住房保障'],
  keywords: ['预售证', '楼盘'],
};

const completionFiling: ItemDraft = {
  name: '房屋建筑和市政基础设施工程竣工验收备案',
  kind: ItemKind.otherPower,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《建设工程质量管理条例》', article: '第四十九条' }, { title: '《房屋建筑和市政基础设施工程竣工验收备案管理办法》' }],
  conditions: ['工程已组织竣工验收合格', '自工程竣工验收合格之日起15日内申请备案'],
  statutoryDays: 5,
  committedDays: 1,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '工程竣工验收备案表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '工程竣工验收报告', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '施工单位签署的工程质量保修书', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '住宅质量保证书和住宅使用说明书', { necessity: 'optional', notes: '商品住宅工程提供' }),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('工程名称', 100), completionDate: f.date('竣工验收日期') }),
  result: { type: 'other', name: '工程竣工验收备案证明' },
  topics: ['工程建设'],
  keywords: ['竣工备案', '竣工验收'],
};

const constructionQualification: ItemDraft = {
  name: '建筑业企业资质核准（施工总承包三级）',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国建筑法》', article: '第十三条' }, { title: '《建筑业企业资质管理规定》（住房和城乡建设部令第22号）' }],
  conditions: ['企业资产、主要人员、已完成的工程业绩和技术装备等符合建筑业企业资质标准'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '建筑业企业资质申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '企业注册建造师及技术负责人的身份证明、职称证书', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '企业近期财务报表或验资报告', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('企业名称'), qualification: f.choice('申请资质', ['建筑工程施工总承包三级', '市政公用工程施工总承包三级', '机电工程施工总承包三级']), techLead: f.text('技术负责人', 50) }),
  result: { type: 'license', name: '建筑业企业资质证书' },
  topics: ['资质认证', '工程建设'],
  keywords: ['建筑资质', '施工资质'],
};

export const zjjItems: OrgItems = { orgKey: 'zjj', items: [constructionPermit, presale, completionFiling, constructionQualification] };

const FUND_BASIS = { title: '《住房公积金管理条例》' };

const withdrawalPurchase: ItemDraft = {
  name: '住房公积金提取（购买自住住房）',
  kind: ItemKind.publicService,
  main: 10,
  sub: 1,
  serviceObjects: ['person'],
  legalBasis: [{ ...FUND_BASIS, article: '第二十四条、第二十五条' }],
  conditions: ['购买、建造、翻建、大修自住住房', '近一年内未因同一套住房提取过住房公积金'],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: '法定时限为3日（自然日）；通过共享核验购房信息的即时到账',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    shared('M01', '不动产权证书或购房备案合同', '泰州市不动产登记中心、泰州市住房和城乡建设局'),
    mat('M02', '本人银行卡信息', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields('职工姓名'), houseLocation: f.text('房屋坐落', 200), amount: f.number('提取金额（元）', 1), bankAccount: f.text('收款银行账号', 30) }),
  result: { type: 'other', name: '住房公积金提取到账凭证' },
  topics: ['住房保障'],
  keywords: ['取公积金', '买房提取公积金'],
};

const withdrawalRetire: ItemDraft = {
  ...withdrawalPurchase,
  name: '住房公积金提取（离休、退休）',
  sub: 2,
  conditions: ['职工离休、退休，或达到法定退休年龄'],
  statutoryDays: 3,
  committedDays: 0,
  limitNote: '法定时限为3日（自然日）；信息核验一致的当场办结',
  materials: [mat('M01', '本人银行卡信息', { form: 'electronic', paper: [0, 0] }), shared('M02', '离退休审批信息', '泰州市人力资源和社会保障局')],
  form: form({ ...personFields('职工姓名'), bankAccount: f.text('收款银行账号', 30) }),
  topics: ['住房保障', '离职退休'],
  keywords: ['退休提取公积金', '销户提取'],
};

const fundLoan: ItemDraft = {
  name: '住房公积金个人住房贷款',
  kind: ItemKind.publicService,
  main: 11,
  serviceObjects: ['person'],
  legalBasis: [{ ...FUND_BASIS, article: '第二十六条' }, { title: '《泰州市住房公积金个人住房贷款管理办法》' }],
  conditions: ['申请前连续足额缴存住房公积金满6个月', '购买、建造、翻建、大修自住住房', '具有稳定的经济收入和偿还贷款本息的能力，无不良信用记录'],
  statutoryDays: 15,
  committedDays: 5,
  limitNote: '法定时限为15日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '住房公积金个人住房贷款申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '商品房买卖合同或存量房买卖合同', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '首付款付款凭证', { form: 'electronic', paper: [0, 0] }),
    shared('M04', '婚姻状况信息', '民政部门（婚姻登记信息共享）'),
  ],
  form: form({ ...personFields('借款人姓名'), houseLocation: f.text('所购房屋坐落', 200), loanAmount: f.number('申请贷款金额（万元）', 1), loanYears: f.integer('贷款期限（年）', 1) }),
  result: { type: 'approval', name: '住房公积金贷款审批通知书' },
  topics: ['住房保障', '融资信贷'],
  keywords: ['公积金贷款', '买房贷款'],
};

const employerDeposit: ItemDraft = {
  name: '单位住房公积金缴存登记',
  kind: ItemKind.publicService,
  main: 12,
  serviceObjects: ['entity'],
  legalBasis: [{ ...FUND_BASIS, article: '第十四条' }],
  conditions: ['新设立的单位自设立之日起30日内办理缴存登记'],
  statutoryDays: 5,
  committedDays: 0,
  limitNote: '法定时限为5日（自然日）；企业开办“全链通”同步办理的当场办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '营业执照', '泰州市市场监督管理局'), mat('M02', '单位住房公积金缴存登记表', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields(), contactName: f.name('公积金专管员'), depositRate: f.choice('缴存比例', ['5%', '8%', '10%', '12%']) }),
  result: { type: 'other', name: '单位住房公积金账户开户信息' },
  topics: ['企业开办', '住房保障'],
  keywords: ['公积金开户', '单位公积金'],
};

export const gjjItems: OrgItems = {
  orgKey: 'gjj',
  items: [withdrawalPurchase, withdrawalRetire, fundLoan, employerDeposit],
};
