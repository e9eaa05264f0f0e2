/** 泰州市公安局 (key 'gaj'): household registration, identity cards, residence permits, passports. */

import { ItemKind } from '../../../platform/codes/index.ts';
import { f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const HUKOU_BASIS = { title: '《中华人民共和国户口登记条例》' };
const HUKOU_HOURS_NOTE = '材料齐全的当场办结';

const birthRegistration: ItemDraft = {
  name: '出生登记',
  kind: ItemKind.confirmation,
  main: 1,
  sub: 1,
  serviceObjects: ['person'],
  legalBasis: [{ ...HUKOU_BASIS, article: '第七条' }],
  conditions: ['婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报', '随父或者随母申报常住户口'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: HUKOU_HOURS_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    shared('M01', '出生医学证明', '泰州市卫生健康委员会', '通过电子证照库获取；未能获取的，提供原件'),
    mat('M02', '父母双方的居民户口簿', { notes: '随父或随母落户一方的户口簿' }),
    mat('M03', '父母的结婚证', { necessity: 'optional', notes: '非婚生育的无需提供，可提供其他亲子关系证明' }),
  ],
  form: form({
    ...personFields('申报人姓名'),
    babyName: f.text('新生儿姓名', 20),
    babySex: f.choice('新生儿性别', ['男', '女']),
    birthDate: f.date('出生日期'),
    registerWith: f.choice('随父或随母落户', ['随父', '随母']),
  }),
  result: { type: 'other', name: '居民户口簿（出生登记页）' },
  topics: ['生育收养', '户籍办理'],
  keywords: ['新生儿上户口', '报户口', '出生申报'],
};

const migration: ItemDraft = {
  name: '户口迁移登记（市内迁移）',
  kind: ItemKind.confirmation,
  main: 1,
  sub: 2,
  serviceObjects: ['person'],
  legalBasis: [{ ...HUKOU_BASIS, article: '第十条' }, { title: '《江苏省户籍准入登记规定》' }],
  conditions: ['在迁入地有合法稳定住所（自有房屋或者经房屋所有权人同意）', '迁入人员户籍在泰州市范围内'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: HUKOU_HOURS_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '居民户口簿', { notes: '迁出地和迁入地户口簿' }),
    mat('M02', '迁入地合法稳定住所证明', { notes: '不动产权证书或房屋所有权人同意入户的书面声明' }),
  ],
  form: form({
    ...personFields(),
    fromAddress: f.text('现户籍地址', 200),
    toAddress: f.address('迁入地址'),
    persons: f.integer('随迁人数', 1),
  }),
  result: { type: 'other', name: '居民户口簿' },
  topics: ['户籍办理', '住房保障'],
  keywords: ['迁户口', '户口迁移', '买房落户'],
};

const spouseMigration: ItemDraft = {
  name: '户口迁入登记（夫妻投靠）',
  kind: ItemKind.confirmation,
  main: 1,
  sub: 3,
  serviceObjects: ['person'],
  legalBasis: [HUKOU_BASIS, { title: '《江苏省户籍准入登记规定》' }],
  conditions: ['投靠人与被投靠人为合法夫妻关系', '被投靠人在泰州市有常住户口'],
  statutoryDays: 20,
  committedDays: 5,
  limitNote: '跨省迁入需经迁出地核验，含“跨省通办”网上迁出时间',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '投靠双方的居民户口簿'),
    shared('M02', '结婚证', '民政部门（婚姻登记信息共享）'),
    mat('M03', '被投靠人合法稳定住所证明', { notes: '不动产权证书或房屋所有权人同意入户的书面声明' }),
  ],
  form: form({
    ...personFields('投靠人姓名'),
    spouseName: f.text('被投靠人姓名', 50),
    spouseIdNumber: f.text('被投靠人身份证号码', 18),
    fromAddress: f.text('现户籍地址', 200),
  }),
  result: { type: 'other', name: '居民户口簿' },
  topics: ['户籍办理', '婚姻登记'],
  keywords: ['投靠落户', '夫妻投靠'],
};

const ID_BASIS = [{ title: '《中华人民共和国居民身份证法》' }];

const idCardFirst: ItemDraft = {
  name: '居民身份证申领',
  kind: ItemKind.confirmation,
  main: 2,
  sub: 1,
  serviceObjects: ['person'],
  legalBasis: ID_BASIS,
  conditions: ['具有泰州市常住户口的中国公民', '年满十六周岁应当申领；未满十六周岁的可以由监护人代为申领'],
  steps: [STEP.apply('到户籍所在地派出所或政务服务中心公安窗口现场申请'), STEP.accept('现场采集人像、指纹，收取工本费'), STEP.review('公安机关审核并制证'), STEP.deliver('窗口领取或免费邮寄')],
  statutoryDays: 60,
  committedDays: 15,
  limitNote: '法定时限为60日（自然日，交通不便地区可延长不超过30日）',
  onlineDepth: [1, 2, 3],
  visitsRequired: 1,
  visitReason: '需现场采集人像和指纹信息',
  fees: [{ name: '居民身份证工本费', amountFen: 2000, basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）' }],
  materials: [mat('M01', '居民户口簿'), mat('M02', '符合标准的本人近期彩色照片', { necessity: 'optional', notes: '窗口可现场免费拍照' })],
  form: form({ ...personFields(), deliveryAddress: f.address('邮寄地址') }, ['deliveryAddress']),
  result: { type: 'license', name: '居民身份证' },
  topics: ['证件办理'],
  keywords: ['身份证', '办身份证', '首次申领'],
};

const idCardRenew: ItemDraft = {
  ...idCardFirst,
  name: '居民身份证换领、补领',
  sub: 2,
  conditions: ['居民身份证有效期满、证件损坏或者登记项目变更的换领', '居民身份证丢失的补领'],
  materials: [mat('M01', '居民户口簿', { notes: '户籍地办理时提供；异地“跨省通办”无需提供' }), mat('M02', '原居民身份证', { necessity: 'optional', notes: '换领时交回' })],
  form: form({
    ...personFields(),
    reason: f.choice('申领原因', ['有效期满换领', '证件损坏换领', '登记项目变更换领', '丢失补领']),
    deliveryAddress: f.address('邮寄地址'),
  }, ['deliveryAddress']),
  keywords: ['身份证过期', '身份证丢了', '补办身份证'],
};

const residencePermit: ItemDraft = {
  name: '居住证申领',
  kind: ItemKind.publicService,
  main: 3,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《居住证暂行条例》（国务院令第663号）' }, { title: '《江苏省流动人口居住登记和居住证管理办法》' }],
  conditions: ['离开常住户口所在地，到泰州市居住半年以上', '有合法稳定就业、合法稳定住所、连续就读条件之一'],
  statutoryDays: 15,
  committedDays: 5,
  limitNote: '法定时限为15日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '居住登记满半年的证明', { form: 'electronic', paper: [0, 0], notes: '公安机关可核查居住登记信息的无需提供' }),
    mat('M02', '劳动合同、房屋租赁合同或学籍证明（三者之一）', { notes: '按所选申领条件提供' }),
    mat('M03', '本人近期彩色照片', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...personFields(),
    address: f.address('现居住地址'),
    basis: f.choice('申领条件', ['合法稳定就业', '合法稳定住所', '连续就读']),
  }),
  result: { type: 'license', name: '江苏省居住证' },
  topics: ['证件办理', '户籍办理'],
  keywords: ['居住证', '暂住证', '外地人'],
};

const passport: ItemDraft = {
  name: '普通护照签发',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国护照法》', article: '第六条' }, { title: '《中华人民共和国出境入境管理法》' }],
  conditions: ['中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国', '不属于法律规定不准出境的情形'],
  steps: [STEP.apply('可通过“移民局”App预约后到出入境接待大厅申请'), STEP.accept('现场采集指纹、照片，审核身份'), STEP.review('公安机关出入境管理机构审批并制证'), STEP.deliver('窗口领取或邮寄')],
  statutoryDays: 15,
  committedDays: 7,
  limitNote: '法定时限为15日（自然日），偏远或交通不便地区可延长至30日',
  onlineDepth: [1, 2, 3],
  visitsRequired: 1,
  visitReason: '需现场采集指纹和人像',
  fees: [{ name: '普通护照工本费', amountFen: 12000, basis: '《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格〔2019〕914号）' }],
  materials: [mat('M01', '居民身份证'), mat('M02', '近期免冠彩色照片', { necessity: 'optional', notes: '出入境大厅可现场照相' })],
  form: form({
    ...personFields(),
    purpose: f.choice('出境事由', ['旅游', '探亲访友', '商务', '学习', '就业', '定居']),
    deliveryAddress: f.address('邮寄地址'),
  }, ['deliveryAddress']),
  result: { type: 'license', name: '中华人民共和国普通护照' },
  topics: ['出境入境', '证件办理'],
  keywords: ['办护照', '护照'],
};

export const gajItems: OrgItems = {
  orgKey: 'gaj',
  items: [birthRegistration, migration, spouseMigration, idCardFirst, idCardRenew, residencePermit, passport],
};
