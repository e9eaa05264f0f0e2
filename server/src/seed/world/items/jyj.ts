/** 泰州市教育局 (key 'jyj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const enrollment: ItemDraft = {
  name: '义务教育阶段学校新生入学登记（小学一年级）',
  kind: ItemKind.publicService,
  main: 1,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国义务教育法》', article: '第十二条' }, { title: '《泰州市区义务教育学校招生工作意见》（年度）' }],
  conditions: ['适龄儿童当年8月31日前年满6周岁', '户籍和房产（或居住证）在学区范围内，按“房户一致”等规则确定入学顺序'],
  steps: [STEP.apply('家长在招生报名期内通过泰州教育招生平台网上报名'), { name: '资格审核', description: '教育部门会同公安、不动产登记等部门通过数据共享核验户籍、房产信息' }, { name: '结果公布', description: '公布录取结果，发放录取通知' }],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '按年度招生工作日程集中办理',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    shared('M01', '居民户口簿（户籍信息）', '泰州市公安局'),
    shared('M02', '不动产权证书（房产信息）', '泰州市不动产登记中心'),
    mat('M03', '居住证', { necessity: 'optional', notes: '非本市户籍随迁子女提供' }),
  ],
  form: form({ ...personFields('监护人姓名'), childName: f.text('儿童姓名', 20), childIdNumber: f.text('儿童身份证号码', 18), address: f.address('实际居住地址'), school: f.text('学区学校', 100) }),
  result: { type: 'other', name: '新生入学录取通知' },
  topics: ['教育科研'],
  keywords: ['上小学', '入学报名', '学区'],
  jointAgencies: ['泰州市公安局（户籍信息核验）', '泰州市不动产登记中心（房产信息核验）'],
  faq: [
    { q: '租房能上学区学校吗？', a: '非本市户籍随迁子女凭居住证和实际居住证明报名，由教育部门按照相对就近原则统筹安排入学；具体以当年招生工作意见为准。' },
    { q: '报名时要交纸质户口簿和房产证吗？', a: '不需要。报名时授权后，教育部门通过数据共享核验户籍和房产信息，核验不一致的再按通知补充材料。' },
  ],
};

const deferredEnrollment: ItemDraft = {
  name: '适龄儿童、少年因身体状况需要延缓入学或者休学审批',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国义务教育法》', article: '第十一条' }],
  conditions: ['适龄儿童、少年因身体状况需要延缓入学或者休学', '由父母或者其他法定监护人提出申请'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '延缓入学或休学申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '二级以上医疗机构出具的诊断证明'),
  ],
  form: form({ ...personFields('监护人姓名'), childName: f.text('学生姓名', 20), type: f.choice('申请类型', ['延缓入学', '休学'], true), period: f.text('申请期限', 50), reason: f.textarea('申请理由', 500) }),
  result: { type: 'approval', name: '延缓入学（休学）审批决定' },
  topics: ['教育科研'],
  keywords: ['缓学', '休学'],
};

const teacherQualification: ItemDraft = {
  name: '教师资格认定',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国教师法》', article: '第十三条' }, { title: '《教师资格条例》' }, { title: '《〈教师资格条例〉实施办法》' }],
  conditions: [
    '遵守宪法和法律，热爱教育事业，具有良好的思想品德',
    '具备《教师法》规定的相应学历',
    '教育教学能力测试合格或通过中小学教师资格考试',
    '体检合格',
  ],
  statutoryDays: 30,
  committedDays: 15,
  limitNote: '法定时限为30日（自然日），按年度认定批次集中办理',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '教师资格认定申请表', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '学历证书', '教育部学信网（学历信息共享）'),
    shared('M03', '中小学教师资格考试合格证明', '教育部考试中心'),
    mat('M04', '指定医院出具的体检合格证明'),
    mat('M05', '个人近期白底免冠证件照', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields(), level: f.choice('认定教师资格种类', ['幼儿园', '小学', '初级中学', '高级中学', '中等职业学校']), subject: f.text('任教学科', 50), education: f.choice('最高学历', ['大专', '本科', '硕士研究生', '博士研究生']) }),
  result: { type: 'license', name: '教师资格证书' },
  topics: ['职业资格', '教育科研'],
  keywords: ['教师资格证', '教资认定'],
  lifeEvents: [],
};

const privateKindergarten: ItemDraft = {
  name: '民办幼儿园设立审批',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity', 'person'],
  serviceObjectTypes: ['natural_person', 'enterprise', 'social_organization'],
  legalBasis: [{ title: '《中华人民共和国民办教育促进法》', article: '第十二条' }, { title: '《幼儿园管理条例》', article: '第十一条' }, { title: '《中华人民共和国民办教育促进法实施条例》' }],
  conditions: ['举办者符合法定条件，幼儿园设置符合当地学前教育布局规划', '园舍、户外活动场地、设施设备和卫生保健条件符合《幼儿园建设标准》', '有符合条件的园长、教师、保育员和卫生保健人员'],
  steps: [STEP.apply(), STEP.accept(), { name: '专家评审', description: '组织专家评议并对园舍进行现场核查' }, STEP.decide(), STEP.deliver()],
  statutoryDays: 90,
  committedDays: 30,
  limitNote: '法定时限为3个月（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '民办幼儿园设立申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '举办者资格证明文件', { paper: [0, 1] }),
    mat('M03', '园舍产权证明或租赁合同（租期不少于5年）'),
    mat('M04', '园舍消防验收或备案文件', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '拟任园长及教职工的资格证明', { paper: [0, 1] }),
    mat('M06', '幼儿园章程和首届决策机构组成人员名单', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('拟设幼儿园名称'), principal: f.name('拟任园长'), address: f.address('园址'), classes: f.integer('拟设班级数', 1) }, ['creditCode']),
  result: { type: 'license', name: '民办学校办学许可证' },
  jointAgencies: ['泰州市卫生健康委员会（卫生保健评估）'],
  topics: ['教育科研', '准营准办'],
  lifeEvents: [],
  keywords: ['开幼儿园', '民办幼儿园', '办学许可'],
};

const studentAid: ItemDraft = {
  name: '普通高中国家助学金申请',
  kind: ItemKind.benefit,
  main: 5,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国教育法》', article: '第三十八条' }, { title: '《财政部 教育部 人力资源社会保障部 退役军人部 中央军委国防动员部关于印发〈学生资助资金管理办法〉的通知》（财教〔2021〕310号）' }],
  conditions: ['具有正式注册学籍的普通高中在校生', '家庭经济困难（建档立卡脱贫家庭、低保家庭、特困供养等学生优先）'],
  steps: [STEP.apply('学生在学校资助管理系统或学校资助中心提出申请'), STEP.accept(), STEP.review('学校资助工作组评议'), { name: '公示', description: '在校内公示5个工作日' }, STEP.decide('教育部门审核确定'), STEP.deliver('按学期发放至学生资助卡')],
  statutoryDays: 30,
  committedDays: 15,
  onlineDepth: [1, 2, 3, 4],
  materials: [mat('M01', '普通高中国家助学金申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '家庭经济困难学生认定申请表', { form: 'electronic', paper: [0, 0], notes: '低保、特困等信息通过民政数据共享核验的无需证明' })],
  form: form({ ...personFields('学生监护人姓名'), studentName: f.text('学生姓名', 20), school: f.text('就读学校', 100), grade: f.choice('年级', ['高一', '高二', '高三'], true) }),
  result: { type: 'other', name: '国家助学金资助名单' },
  entrustedAgencies: ['各普通高中学校（受理、评议）'],
  topics: ['教育科研', '社会救助'],
  lifeEvents: ['生活困难救助'],
  keywords: ['助学金', '贫困生', '学生资助'],
};

const studentTransfer: ItemDraft = {
  name: '义务教育阶段学生转学',
  kind: ItemKind.publicService,
  main: 6,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国义务教育法》', article: '第十二条' }, { title: '《中小学生学籍管理办法》（教基一〔2013〕7号）' }],
  conditions: ['因户籍迁移、家庭住址变动等原因需要转学', '转入学校有学位'],
  steps: [STEP.apply('家长向转入学校提出申请'), STEP.accept(), STEP.review('转入、转出学校及教育部门通过全国中小学生学籍信息管理系统核办'), STEP.deliver('办结学籍转接，通知到校报到')],
  statutoryDays: 15,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '转学申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '户籍迁移或居住地变动证明', { notes: '户籍、房产信息可通过数据共享核验' })],
  form: form({ ...personFields('监护人姓名'), studentName: f.text('学生姓名', 20), fromSchool: f.text('转出学校', 100), toSchool: f.text('拟转入学校', 100), reason: f.textarea('转学原因', 300) }),
  result: { type: 'other', name: '转学核办结果' },
  topics: ['教育科研'],
  tongbanScope: 'inter_province',
  keywords: ['转学', '学籍转接'],
};

const kindergartenEnrolment: ItemDraft = {
  name: '公办幼儿园新生入园报名',
  kind: ItemKind.publicService,
  main: 7,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《幼儿园管理条例》' }, { title: '《幼儿园工作规程》（教育部令第39号）' }],
  conditions: ['当年8月31日前年满3周岁的适龄儿童', '按幼儿园服务片区划分报名'],
  steps: [STEP.apply('在招生报名期内通过泰州教育招生平台网上报名'), { name: '资格审核', description: '通过数据共享核验户籍、房产信息' }, { name: '结果公布', description: '公布录取结果（报名人数超过学位数的按规则摇号）' }],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '按年度招生工作日程集中办理',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '居民户口簿（户籍信息）', '泰州市公安局'), shared('M02', '不动产权证书（房产信息）', '泰州市不动产登记中心'), mat('M03', '儿童预防接种证', { notes: '入园时由幼儿园查验' })],
  form: form({ ...personFields('监护人姓名'), childName: f.text('儿童姓名', 20), childIdNumber: f.text('儿童身份证号码', 18), kindergarten: f.text('报名幼儿园', 100) }),
  result: { type: 'other', name: '入园录取通知' },
  topics: ['教育科研'],
  keywords: ['上幼儿园', '入园报名', '小班'],
};

export const jyjItems: OrgItems = {
  orgKey: 'jyj',
  items: [enrollment, deferredEnrollment, teacherQualification, privateKindergarten, studentAid, studentTransfer, kindergartenEnrolment],
};

/** Enrolment services the district education bureaus of 海陵区, 高港区 and 姜堰区 implement for their own schools. */
const DISTRICT_ITEMS = [enrollment, deferredEnrollment, studentTransfer, kindergartenEnrolment, privateKindergarten];

export const districtJyjItems: OrgItems[] = ['hl_jyj', 'gg_jyj', 'jy_jyj'].map((orgKey) => ({ orgKey, items: DISTRICT_ITEMS }));
