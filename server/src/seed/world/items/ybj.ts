/** 泰州市医疗保障局 (key 'ybj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { f, form, mat, personFields, shared, type ItemDraft, type OrgItems } from './helpers.ts';

const residentInsurance: ItemDraft = {
  name: '城乡居民基本医疗保险参保登记',
  kind: ItemKind.publicService,
  main: 1,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国社会保险法》', article: '第二十五条' }, { title: '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）' }],
  conditions: ['具有泰州市户籍或持有泰州市居住证，且未参加职工基本医疗保险的城乡居民（含学生、儿童）'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '即时办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '居民身份证或户口簿信息', '泰州市公安局')],
  form: form({ ...personFields('参保人姓名'), category: f.choice('参保类别', ['成年居民', '学生儿童', '新生儿']), payer: f.text('缴费人（可不填）', 50) }, ['payer']),
  result: { type: 'other', name: '参保登记信息' },
  topics: ['社会保障', '医疗卫生'],
  keywords: ['居民医保', '新农合', '医保参保'],
};

const crossRegionFiling: ItemDraft = {
  name: '异地就医备案',
  kind: ItemKind.publicService,
  main: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）' }],
  conditions: ['异地长期居住人员、临时外出就医人员等参保人员到统筹地区以外就医'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '即时办结，可通过国家医保服务平台 App 自助备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '个人承诺书', { form: 'electronic', paper: [0, 0], notes: '异地长期居住人员承诺在备案地居住' })],
  form: form({ ...personFields('参保人姓名'), filingType: f.choice('备案类型', ['异地安置退休人员', '异地长期居住人员', '常驻异地工作人员', '异地转诊人员', '临时外出就医人员']), destination: f.text('就医地（省市）', 50), startDate: f.date('备案开始日期') }),
  result: { type: 'other', name: '异地就医备案凭证' },
  topics: ['医疗卫生', '社会保障'],
  keywords: ['异地就医', '医保备案', '外地看病'],
};

const maternityAllowance: ItemDraft = {
  name: '生育津贴支付',
  kind: ItemKind.benefit,
  main: 3,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《中华人民共和国社会保险法》', article: '第五十四条、第五十六条' }, { title: '《江苏省职工生育保险规定》' }],
  conditions: ['参加职工基本医疗保险（含生育保险）的女职工', '符合法律法规规定的生育或者实施计划生育手术'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    shared('M01', '出生医学证明', '泰州市卫生健康委员会'),
    mat('M02', '生育津贴申领表', { form: 'electronic', paper: [0, 0], notes: '由用人单位网上申报' }),
  ],
  form: form({ ...personFields('职工姓名'), employer: f.text('用人单位', 100), deliveryDate: f.date('分娩日期'), deliveryType: f.choice('分娩方式', ['顺产', '剖宫产', '流产']) }),
  result: { type: 'other', name: '生育津贴核定结果' },
  topics: ['生育收养', '社会保障'],
  keywords: ['生育津贴', '产假工资', '生育保险'],
};

const chronicDisease: ItemDraft = {
  name: '门诊慢特病病种待遇认定',
  kind: ItemKind.publicService,
  main: 4,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《国家医疗保障局办公室 财政部办公厅关于健全基本医疗保险门诊共济保障机制的指导意见》' }, { title: '《泰州市基本医疗保险门诊慢特病管理办法》' }],
  conditions: ['参加本市基本医疗保险', '患有本市规定的门诊慢特病病种并符合认定标准'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '门诊慢特病待遇认定申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '二级及以上定点医疗机构出具的诊断证明及相关检查报告'),
  ],
  form: form({ ...personFields('参保人姓名'), disease: f.choice('申请病种', ['高血压（高危）', '糖尿病', '恶性肿瘤门诊治疗', '尿毒症透析', '器官移植抗排异治疗']), hospital: f.text('定点医疗机构', 100) }),
  result: { type: 'other', name: '门诊慢特病待遇认定结果' },
  topics: ['医疗卫生'],
  keywords: ['慢性病', '特殊病', '门特'],
};

export const ybjItems: OrgItems = { orgKey: 'ybj', items: [residentInsurance, crossRegionFiling, maternityAllowance, chronicDisease] };
