/** 泰州市卫生健康委员会 (key 'wjw'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const birthCertificate: ItemDraft = {
  name: '出生医学证明首次签发',
  kind: ItemKind.confirmation,
  main: 1,
  sub: 1,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国母婴保健法》', article: '第二十三条' }, { title: '《中华人民共和国母婴保健法实施办法》' }],
  conditions: ['在泰州市具有助产资质的医疗机构出生的新生儿', '父母双方或一方持有效身份证件'],
  steps: [STEP.apply('新生儿父母在出生医院或线上填报出生医学证明信息'), STEP.instant('助产机构核对信息后签发，同步生成电子出生医学证明')],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '信息核对无误的当场签发',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '新生儿父母的有效身份证件', { paper: [0, 1] }),
    mat('M02', '新生儿出生医学证明信息登记表', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...personFields('母亲姓名'),
    fatherName: f.text('父亲姓名', 50),
    babyName: f.text('新生儿姓名', 20),
    babySex: f.choice('新生儿性别', ['男', '女']),
    birthDate: f.date('出生日期'),
  }),
  result: { type: 'license', name: '出生医学证明' },
  topics: ['生育收养', '医疗卫生'],
  keywords: ['出生证', '出生医学证明', '新生儿'],
};

const birthRegistrationService: ItemDraft = {
  name: '生育登记',
  kind: ItemKind.publicService,
  main: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国人口与计划生育法》' }, { title: '《江苏省人口与计划生育条例》' }],
  conditions: ['夫妻双方或一方户籍或居住地在泰州市'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '网上登记即时办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '结婚证', '民政部门（婚姻登记信息共享）')],
  form: form({ ...personFields(), spouseName: f.text('配偶姓名', 50), childOrder: f.choice('本次生育孩次', ['一孩', '二孩', '三孩及以上'], true), expectedDate: f.date('预产期') }),
  result: { type: 'other', name: '生育登记服务信息' },
  topics: ['生育收养'],
  keywords: ['准生证', '生育登记', '怀孕登记'],
};

const publicPlaceHygiene: ItemDraft = {
  name: '公共场所卫生许可',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['entity', 'person'],
  legalBasis: [
    { title: '《公共场所卫生管理条例》', article: '第八条' },
    { title: '《公共场所卫生管理条例实施细则》（原卫生部令第80号）' },
  ],
  conditions: ['公共场所选址、设计、装修符合卫生标准和规范', '配备与经营规模相适应的卫生设施设备，建立卫生管理制度', '从业人员取得有效健康合格证明'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('对公共场所的卫生条件进行现场审查；实行告知承诺的可后置核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '公共场所卫生许可申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '公共场所地址方位示意图、平面图和卫生设施平面布局图'),
    mat('M03', '公共场所卫生检测或者评价报告'),
    mat('M04', '公共场所卫生管理制度', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...entityFields(),
    legalRep: f.name('法定代表人（负责人）'),
    premises: f.address('经营地址'),
    placeType: f.choice('场所类别', ['宾馆、旅店、招待所', '公共浴室', '理发店、美容店', '游泳场（馆）', '影剧院、歌舞厅', '商场（店）']),
    area: f.number('营业面积（平方米）', 1),
  }),
  result: { type: 'license', name: '公共场所卫生许可证' },
  topics: ['准营准办', '医疗卫生'],
  keywords: ['卫生许可证', '美容院', '宾馆', '浴室'],
};

const clinicRegistration: ItemDraft = {
  name: '医疗机构执业登记',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《医疗机构管理条例》（国务院令第149号）', article: '第十五条' }, { title: '《医疗机构管理条例实施细则》' }],
  conditions: ['有设置医疗机构批准书（按规定实行备案管理的诊所除外）', '符合医疗机构的基本标准', '有适合的名称、组织机构和场所，有与其开展业务相适应的经费、设施、设备和专业卫生技术人员'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('对医疗机构的场所、设备和人员进行现场评审'), STEP.decide(), STEP.deliver()],
  statutoryDays: 45,
  committedDays: 15,
  limitNote: '法定时限为45日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  visitsRequired: 0,
  materials: [
    mat('M01', '医疗机构申请执业登记注册书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '医疗机构用房产权证明或者使用证明'),
    mat('M03', '医疗机构建筑设计平面图'),
    mat('M04', '医疗机构规章制度和人员岗位职责', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '卫生技术人员名录及其执业证书', { paper: [0, 1] }),
  ],
  form: form({
    ...entityFields('医疗机构名称'),
    principal: f.name('主要负责人'),
    category: f.choice('医疗机构类别', ['综合医院', '专科医院', '门诊部', '诊所', '护理院']),
    subjects: f.textarea('诊疗科目', 500),
    beds: f.integer('床位数', 0),
  }),
  result: { type: 'license', name: '医疗机构执业许可证' },
  topics: ['准营准办', '医疗卫生'],
  keywords: ['开诊所', '门诊部', '医疗机构执业许可证'],
};

const doctorRegistration: ItemDraft = {
  name: '医师执业注册',
  kind: ItemKind.license,
  main: 5,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国医师法》' }, { title: '《医师执业注册管理办法》（国家卫生计生委令第13号）' }],
  conditions: ['取得医师资格', '有拟执业的医疗、预防、保健机构', '不具有《医师法》规定不予注册的情形'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '医师执业注册申请审核表', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '医师资格证书', '国家卫生健康委（医师资格信息共享）'),
    mat('M03', '医疗、预防、保健机构的聘用证明', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '近6个月内的健康体检证明'),
  ],
  form: form({ ...personFields('医师姓名'), institution: f.text('拟执业机构', 100), category: f.choice('执业类别', ['临床', '中医', '口腔', '公共卫生']), scope: f.text('执业范围', 100) }),
  result: { type: 'license', name: '医师执业证书（电子证照）' },
  topics: ['职业资格', '医疗卫生'],
  keywords: ['医师注册', '执业医师', '变更执业地点'],
};

const nurseRegistration: ItemDraft = {
  name: '护士执业注册',
  kind: ItemKind.license,
  main: 6,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《护士条例》', article: '第八条' }, { title: '《护士执业注册管理办法》' }],
  conditions: ['具有完全民事行为能力', '通过国务院卫生主管部门组织的护士执业资格考试', '符合护士执业注册健康标准'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '护士执业注册申请审核表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '护士执业资格考试成绩合格证明', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '6个月内的健康体检证明'),
    mat('M04', '医疗卫生机构拟聘用证明', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields('护士姓名'), institution: f.text('拟执业机构', 100), graduation: f.text('毕业院校及专业', 100) }),
  result: { type: 'license', name: '护士执业证书（电子证照）' },
  topics: ['职业资格', '医疗卫生'],
  keywords: ['护士注册', '护士证'],
};

export const wjwItems: OrgItems = {
  orgKey: 'wjw',
  items: [birthCertificate, birthRegistrationService, publicPlaceHygiene, clinicRegistration, doctorRegistration, nurseRegistration],
};
