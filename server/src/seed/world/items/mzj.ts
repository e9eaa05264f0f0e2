/** 泰州市民政局 (key 'mzj') and the district civil-affairs bureaus. */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const socialGroup: ItemDraft = {
  name: '社会团体成立登记',
  kind: ItemKind.license,
  main: 1,
  sub: 1,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《社会团体登记管理条例》（国务院令第250号）' }],
  conditions: [
    '有50个以上的个人会员或者30个以上的单位会员；个人会员、单位会员混合组成的，会员总数不得少于50个',
    '有规范的名称和相应的组织机构，有固定的住所',
    '有与其业务活动相适应的专职工作人员，有合法的资产和经费来源，地方性社会团体有3万元以上活动资金',
    '有独立承担民事责任的能力',
  ],
  statutoryDays: 60,
  committedDays: 20,
  limitNote: '法定时限为60日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '社会团体法人登记申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '业务主管单位的批准文件', { necessity: 'optional', notes: '依法直接登记的行业协会商会类、科技类、公益慈善类、城乡社区服务类社会团体无需提供' }),
    mat('M03', '验资报告、场所使用权证明'),
    mat('M04', '发起人和拟任负责人的基本情况、身份证明', { paper: [0, 1] }),
    mat('M05', '社会团体章程草案', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...entityFields('社会团体名称'),
    principal: f.name('拟任法定代表人'),
    members: f.integer('会员数量', 30),
    domicile: f.address('住所'),
    purpose: f.textarea('宗旨和业务范围', 500),
  }, ['creditCode']),
  result: { type: 'license', name: '社会团体法人登记证书' },
  topics: ['设立变更'],
  keywords: ['成立协会', '社团登记', '商会'],
};

const privateNonEnterprise: ItemDraft = {
  name: '民办非企业单位成立登记',
  kind: ItemKind.license,
  main: 1,
  sub: 2,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《民办非企业单位登记管理暂行条例》（国务院令第251号）' }],
  conditions: ['经业务主管单位审查同意（依法直接登记的除外）', '有规范的名称、必要的组织机构', '有与其业务活动相适应的从业人员、合法财产和必要的场所'],
  statutoryDays: 30,
  committedDays: 10,
  limitNote: '法定时限为30日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '民办非企业单位（法人）登记申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '业务主管单位的批准文件', { necessity: 'optional', notes: '依法直接登记的无需提供' }),
    mat('M03', '场所使用权证明'),
    mat('M04', '验资报告'),
    mat('M05', '拟任负责人的基本情况、身份证明', { paper: [0, 1] }),
    mat('M06', '章程草案', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...entityFields('单位名称'),
    principal: f.name('拟任法定代表人'),
    domicile: f.address('住所'),
    businessScope: f.textarea('业务范围', 500),
  }, ['creditCode']),
  result: { type: 'license', name: '民办非企业单位登记证书' },
  topics: ['设立变更'],
  keywords: ['民非', '社会服务机构', '民办学校登记'],
};

const charityRecognition: ItemDraft = {
  name: '慈善组织认定',
  kind: ItemKind.confirmation,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国慈善法》', article: '第十条' }, { title: '《慈善组织认定办法》（民政部令第58号）' }],
  conditions: ['以开展慈善活动为宗旨，业务范围符合《慈善法》规定', '不以营利为目的，收益和营运结余全部用于章程规定的慈善目的', '申请前两年内未因违法违规行为受到行政处罚'],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '法定时限为20日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '慈善组织认定申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '符合慈善组织要求的章程', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '申请前两年的年度财务审计报告'),
    mat('M04', '决策机构关于申请认定慈善组织的会议纪要', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('组织名称'), orgType: f.choice('组织类型', ['社会团体', '基金会', '社会服务机构']), charityScope: f.textarea('拟开展的慈善活动', 500) }),
  result: { type: 'approval', name: '慈善组织认定决定及登记证书' },
  topics: ['设立变更'],
  keywords: ['慈善组织', '公益'],
};

const elderlyCareFiling: ItemDraft = {
  name: '养老机构备案',
  kind: ItemKind.otherPower,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国老年人权益保障法》', article: '第四十三条' }, { title: '《养老机构管理办法》（民政部令第66号）' }],
  conditions: ['已依法办理法人登记', '服务场所、设施符合消防、卫生与健康、环境保护、食品药品、建筑、设施设备标准中的强制性规定'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '养老机构备案书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '养老机构备案承诺书', { form: 'electronic', paper: [0, 0] }),
    shared('M03', '营业执照或事业单位、民办非企业单位登记证书', '登记管理机关'),
  ],
  form: form({ ...entityFields('养老机构名称'), address: f.address('服务场所地址'), beds: f.integer('床位数', 1), careTypes: f.choice('服务类型', ['全日托养', '日间照料', '全日托养和日间照料']) }),
  result: { type: 'other', name: '养老机构备案回执' },
  topics: ['养老服务'],
  keywords: ['养老院', '养老机构', '敬老院'],
};

export const mzjItems: OrgItems = { orgKey: 'mzj', items: [socialGroup, privateNonEnterprise, charityRecognition, elderlyCareFiling] };

const marriage: ItemDraft = {
  name: '内地居民结婚登记',
  kind: ItemKind.confirmation,
  main: 4,
  sub: 1,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国民法典》', article: '第一千零四十九条' }, { title: '《婚姻登记条例》' }],
  conditions: ['男女双方完全自愿', '男方年满22周岁，女方年满20周岁', '双方均无配偶，且没有直系血亲和三代以内旁系血亲关系'],
  steps: [STEP.apply('男女双方网上预约后共同到婚姻登记处'), STEP.instant('现场签署声明、审查，符合条件的当场登记并颁发结婚证，举行颁证仪式')],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '符合条件的当场予以登记',
  onlineDepth: [1, 2, 3],
  visitsRequired: 1,
  visitReason: '法律规定男女双方须亲自到婚姻登记机关办理',
  fees: [],
  materials: [
    mat('M01', '本人的居民身份证', { notes: '男女双方各自提供' }),
    mat('M02', '本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明', { form: 'paper', notes: '在婚姻登记员面前亲自填写' }),
    mat('M03', '近期半身免冠合影照片（2寸）', { paper: [3, 0] }),
  ],
  form: form({ ...personFields('男方姓名'), brideName: f.text('女方姓名', 50), brideIdNumber: f.text('女方身份证号码', 18), appointmentDate: f.date('预约登记日期') }),
  result: { type: 'license', name: '结婚证' },
  topics: ['婚姻登记'],
  keywords: ['领证', '结婚证', '结婚登记预约'],
};

const minimumLiving: ItemDraft = {
  name: '最低生活保障审核确认',
  kind: ItemKind.benefit,
  main: 5,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《社会救助暂行办法》（国务院令第649号）' }, { title: '《最低生活保障审核确认办法》（民发〔2021〕57号）' }],
  conditions: ['共同生活的家庭成员人均收入低于当地最低生活保障标准', '家庭财产状况符合当地规定', '持有当地常住户口或符合居住地申办条件'],
  steps: [
    STEP.apply('向户籍所在地或居住地乡镇（街道）便民服务中心提出申请，也可网上申请'),
    STEP.accept(),
    { name: '家庭经济状况调查', description: '乡镇（街道）入户调查，通过居民家庭经济状况核对系统核对收入和财产' },
    { name: '公示', description: '在申请人所在村（社区）公示7天' },
    STEP.decide('县级民政部门审核确认，符合条件的自批准之日的次月起发放最低生活保障金'),
  ],
  statutoryDays: 30,
  committedDays: 15,
  onlineDepth: [1, 2, 3, 4],
  materials: [
    mat('M01', '最低生活保障申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '家庭经济状况核对授权书', { form: 'electronic', paper: [0, 0], notes: '共同生活的家庭成员签字' }),
    mat('M03', '家庭成员收入情况的书面声明', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields(), address: f.address('居住地址'), familySize: f.integer('共同生活家庭成员人数', 1), monthlyIncome: f.number('家庭月总收入（元）', 0), reason: f.textarea('申请理由', 500) }),
  result: { type: 'other', name: '最低生活保障审核确认决定' },
  topics: ['社会救助'],
  keywords: ['低保', '困难补助'],
};

const extremePoverty: ItemDraft = {
  name: '特困人员认定',
  kind: ItemKind.benefit,
  main: 6,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《社会救助暂行办法》（国务院令第649号）' }, { title: '《特困人员认定办法》（民发〔2021〕43号）' }],
  conditions: ['无劳动能力', '无生活来源', '无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4],
  materials: [
    mat('M01', '特困人员救助供养申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '本人及法定义务人收入和财产状况的书面声明', { form: 'electronic', paper: [0, 0] }),
    shared('M03', '残疾人证', '泰州市残疾人联合会', '残疾人提供；通过残疾人信息共享获取'),
  ],
  form: form({ ...personFields(), address: f.address('居住地址'), careMode: f.choice('供养方式', ['分散供养', '集中供养'], true) }),
  result: { type: 'other', name: '特困人员救助供养证' },
  topics: ['社会救助', '养老服务'],
  keywords: ['五保', '特困供养'],
};

const disabilityAllowance: ItemDraft = {
  name: '困难残疾人生活补贴和重度残疾人护理补贴给付',
  kind: ItemKind.benefit,
  main: 7,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）' }],
  conditions: ['持有第二代残疾人证', '生活补贴：低保家庭中的残疾人；护理补贴：残疾等级为一级、二级且需要长期照护的重度残疾人'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '残疾人两项补贴申请审批表', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '残疾人证', '泰州市残疾人联合会'),
    mat('M03', '补贴发放银行账户信息', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields(), disabilityCertNo: f.text('残疾人证号', 20), allowanceType: f.choice('申请补贴类型', ['困难残疾人生活补贴', '重度残疾人护理补贴', '两项补贴']), bankAccount: f.text('银行账号', 30) }),
  result: { type: 'other', name: '残疾人两项补贴核定通知' },
  topics: ['社会救助', '残疾人服务'],
  keywords: ['残疾补贴', '护理补贴'],
};

export const districtMzjItems: OrgItems[] = [
  { orgKey: 'hl_mzj', items: [marriage, minimumLiving, extremePoverty, disabilityAllowance] },
  { orgKey: 'jy_mzj', items: [marriage, minimumLiving] },
];
