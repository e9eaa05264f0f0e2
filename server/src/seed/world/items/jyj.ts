/** 泰州市教育局 (key 'jyj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

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
};

export const jyjItems: OrgItems = { orgKey: 'jyj', items: [enrollment, deferredEnrollment, teacherQualification] };
