/** 泰州市人力资源和社会保障局 (key 'rsj') and district counterparts. */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, type ItemDraft, type OrgItems } from './helpers.ts';

const SOCIAL_INSURANCE_LAW = { title: '《中华人民共和国社会保险法》' };

const employerRegistration: ItemDraft = {
  name: '企业职工基本养老保险单位参保登记',
  kind: ItemKind.otherPower,
  main: 1,
  sub: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ ...SOCIAL_INSURANCE_LAW, article: '第五十七条' }, { title: '《社会保险费征缴暂行条例》' }],
  conditions: ['用人单位自成立之日起30日内申请办理社会保险登记', '已取得营业执照或登记证书'],
  statutoryDays: 15,
  committedDays: 0,
  limitNote: '法定时限15日；企业开办“全链通”同步办理的当场办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '营业执照', '泰州市市场监督管理局', '通过市场主体登记信息共享获取')],
  form: form({
    ...entityFields(),
    bankAccount: f.text('缴费银行账号', 30),
    contactName: f.name('社保经办人'),
  }),
  result: { type: 'other', name: '社会保险登记信息（单位编号）' },
  topics: ['社会保障', '企业开办'],
  keywords: ['单位社保开户', '社保登记'],
};

const flexibleRegistration: ItemDraft = {
  name: '灵活就业人员参保登记',
  kind: ItemKind.publicService,
  main: 1,
  sub: 2,
  serviceObjects: ['person'],
  legalBasis: [{ ...SOCIAL_INSURANCE_LAW, article: '第十条' }],
  conditions: ['无雇工的个体工商户、未在用人单位参加基本养老保险的非全日制从业人员以及其他灵活就业人员', '达到法定劳动年龄且未达到法定退休年龄'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '当场办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '居民身份证', '公安机关（人口信息共享）', '实名认证后自动核验')],
  form: form({ ...personFields(), address: f.address('户籍或居住地址'), insuranceTypes: f.choice('参保险种', ['养老保险', '养老保险和医疗保险'], true) }),
  result: { type: 'other', name: '参保登记信息' },
  topics: ['社会保障', '就业创业'],
  keywords: ['灵活就业', '个人交社保', '自由职业社保'],
};

const unemploymentBenefit: ItemDraft = {
  name: '失业保险金申领',
  kind: ItemKind.benefit,
  main: 2,
  serviceObjects: ['person'],
  legalBasis: [{ ...SOCIAL_INSURANCE_LAW, article: '第四十五条' }, { title: '《失业保险条例》（国务院令第258号）' }, { title: '《失业保险金申领发放办法》' }],
  conditions: [
    '失业前用人单位和本人已经缴纳失业保险费满一年',
    '非因本人意愿中断就业',
    '已经进行失业登记，并有求职要求',
  ],
  statutoryDays: 10,
  committedDays: 3,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    shared('M01', '解除或者终止劳动关系的证明', '用人单位（通过就业失业登记信息获取）', '单位已网上报送的无需提供；未报送的由本人上传'),
    mat('M02', '本人社会保障卡或银行卡信息', { form: 'electronic', paper: [0, 0], notes: '用于发放失业保险金' }),
  ],
  form: form({
    ...personFields(),
    lastEmployer: f.text('原工作单位', 100),
    separationDate: f.date('解除劳动关系日期'),
    bankAccount: f.text('发放银行账号', 30),
  }),
  result: { type: 'other', name: '失业保险待遇核定通知' },
  topics: ['社会保障', '就业创业'],
  keywords: ['失业金', '失业保险金', '领失业金'],
};

const employmentCard: ItemDraft = {
  name: '就业创业证申领',
  kind: ItemKind.publicService,
  main: 3,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国就业促进法》' }, { title: '《就业服务与就业管理规定》（劳动和社会保障部令第28号）' }],
  conditions: ['法定劳动年龄内、有劳动能力和就业要求的城乡劳动者'],
  statutoryDays: 5,
  committedDays: 0,
  limitNote: '当场办结，可申领电子就业创业证',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [shared('M01', '居民身份证', '公安机关（人口信息共享）')],
  form: form({ ...personFields(), education: f.choice('文化程度', ['初中及以下', '高中/中专', '大专', '本科', '研究生']), employmentStatus: f.choice('就业状态', ['就业', '失业', '创业'], true) }),
  result: { type: 'license', name: '就业创业证' },
  topics: ['就业创业'],
  keywords: ['就业证', '失业证', '创业证'],
};

const pensionClaim: ItemDraft = {
  name: '职工基本养老保险待遇申领',
  kind: ItemKind.benefit,
  main: 4,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ ...SOCIAL_INSURANCE_LAW, article: '第十六条' }, { title: '《国务院关于完善企业职工基本养老保险制度的决定》（国发〔2005〕38号）' }],
  conditions: ['达到法定退休年龄', '累计缴费满15年（按规定逐步提高最低缴费年限的，按相应年限）'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '职工退休审批表', { form: 'electronic', paper: [0, 0], notes: '单位或本人网上填报生成' }),
    mat('M02', '本人社会保障卡或银行卡信息', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields(), retirementDate: f.date('退休日期'), employer: f.text('参保单位（灵活就业人员填“个人”）', 100) }),
  result: { type: 'other', name: '基本养老金核定表' },
  topics: ['社会保障', '离职退休'],
  keywords: ['退休', '办退休', '养老金'],
};

const socialSecurityCard: ItemDraft = {
  name: '社会保障卡申领',
  kind: ItemKind.publicService,
  main: 5,
  serviceObjects: ['person'],
  legalBasis: [{ ...SOCIAL_INSURANCE_LAW, article: '第五十八条' }, { title: '《社会保障卡管理办法》' }],
  conditions: ['在泰州市参加社会保险的人员，或在泰州市居住的城乡居民'],
  statutoryDays: 10,
  committedDays: 0,
  limitNote: '即时制卡网点当场领卡；邮寄的7个工作日内送达',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '本人近期白底证件照片', { form: 'electronic', paper: [0, 0], notes: '已有合格照片的无需提供' })],
  form: form({ ...personFields(), bank: f.choice('金融服务银行', ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '江苏银行']), deliveryAddress: f.address('邮寄地址') }, ['deliveryAddress']),
  result: { type: 'license', name: '社会保障卡' },
  topics: ['社会保障', '证件办理'],
  keywords: ['社保卡', '办社保卡', '补社保卡'],
};

const hrServiceLicense: ItemDraft = {
  name: '经营性人力资源服务机构从事职业中介活动许可',
  kind: ItemKind.license,
  main: 6,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国就业促进法》', article: '第四十条' }, { title: '《人力资源市场暂行条例》（国务院令第700号）' }],
  conditions: ['有明确的章程和管理制度', '有开展业务必备的固定场所、办公设施和一定数额的开办资金', '有一定数量具备相应职业资格的专职工作人员'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '人力资源服务许可申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '经营场所使用证明'),
    mat('M03', '机构章程和管理制度', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('机构名称'), legalRep: f.name('法定代表人'), premises: f.address('经营场所'), staffCount: f.integer('专职工作人员人数', 1) }),
  result: { type: 'license', name: '人力资源服务许可证' },
  topics: ['准营准办', '人力资源'],
  keywords: ['职业中介', '人力资源服务许可证', '猎头'],
};

const dispatchLicense: ItemDraft = {
  name: '劳务派遣经营许可',
  kind: ItemKind.license,
  main: 7,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国劳动合同法》', article: '第五十七条' }, { title: '《劳务派遣行政许可实施办法》（人力资源社会保障部令第19号）' }],
  conditions: ['注册资本不得少于人民币二百万元', '有与开展业务相适应的固定的经营场所和设施', '有符合法律、行政法规规定的劳务派遣管理制度'],
  statutoryDays: 20,
  committedDays: 7,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '劳务派遣经营许可申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '经营场所的使用证明以及与开展业务相适应的办公设施设备、信息管理系统等清单'),
    mat('M03', '法定代表人的身份证明', { paper: [0, 1] }),
    mat('M04', '劳务派遣管理制度', { form: 'electronic', paper: [0, 0], notes: '含劳动合同、劳动报酬、社会保险、工作时间、休息休假、劳动纪律等与劳动者切身利益相关的规章制度文本' }),
    mat('M05', '拟与用工单位签订的劳务派遣协议样本', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('公司名称'), legalRep: f.name('法定代表人'), registeredCapital: f.number('注册资本（万元）', 200), premises: f.address('经营场所') }),
  result: { type: 'license', name: '劳务派遣经营许可证' },
  topics: ['准营准办', '人力资源'],
  keywords: ['劳务派遣', '派遣许可证'],
};

export const rsjItems: OrgItems = {
  orgKey: 'rsj',
  items: [employerRegistration, flexibleRegistration, unemploymentBenefit, employmentCard, pensionClaim, socialSecurityCard, hrServiceLicense, dispatchLicense],
};

export const districtRsjItems: OrgItems[] = [
  { orgKey: 'hl_rsj', items: [unemploymentBenefit, employmentCard] },
  { orgKey: 'jy_rsj', items: [unemploymentBenefit] },
];
