/** 泰州市医疗保障局 (key 'ybj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, type ItemDraft, type OrgItems } from './helpers.ts';

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
  lifeEvents: ['新生儿出生'],
  faq: [{ q: '新生儿什么时候参保？', a: '新生儿可在出生后通过“出生一件事”或单独办理参保登记，出生当年参保缴费的自出生之日起享受待遇。' }],
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
  tongbanScope: 'national',
  faq: [{ q: '临时去外地看病能直接刷医保卡吗？', a: '先办理异地就医备案（可在国家医保服务平台App自助办理），备案后在就医地开通跨省直接结算的定点医疗机构可直接结算。' }],
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

const medicalTransfer: ItemDraft = {
  name: '基本医疗保险关系转移接续',
  kind: ItemKind.publicService,
  main: 5,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国社会保险法》', article: '第三十二条' }, { title: '《国家医保局 财政部关于印发〈基本医疗保障关系转移接续暂行办法〉的通知》（医保发〔2021〕43号）' }],
  conditions: ['参保人员跨统筹地区流动就业或者变更参保地', '已在转入地参保'],
  statutoryDays: 15,
  committedDays: 7,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '基本医疗保障关系转移接续申请', { form: 'electronic', paper: [0, 0], notes: '通过国家医保服务平台在转入地申请' })],
  form: form({ ...personFields('参保人姓名'), fromRegion: f.text('转出地（省市）', 50) }),
  result: { type: 'other', name: '参保凭证和转移接续结果' },
  topics: ['社会保障', '医疗卫生'],
  tongbanScope: 'inter_province',
  keywords: ['医保转移', '医保关系转移'],
};

const manualReimbursement: ItemDraft = {
  name: '医疗费用手工（零星）报销',
  kind: ItemKind.benefit,
  main: 6,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国社会保险法》', article: '第二十八条、第二十九条' }, { title: '《医疗保障基金使用监督管理条例》（国务院令第735号）' }],
  conditions: ['参保人员在定点医疗机构就医因故未能直接结算', '异地就医未备案或急诊抢救等情形产生的符合规定的医疗费用'],
  statutoryDays: 30,
  committedDays: 15,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '医疗费用报销申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '医疗费用收费票据', { notes: '电子票据可在线核验' }), mat('M03', '费用明细清单和出院小结', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...personFields('参保人姓名'), hospital: f.text('就诊医院', 100), amount: f.number('医疗费用总额（元）', 0), bankAccount: f.text('报销款收款账户', 30) }),
  result: { type: 'other', name: '医疗费用报销结算单' },
  topics: ['医疗卫生', '社会保障'],
  keywords: ['医保报销', '零星报销', '手工报销'],
};

const familyAccount: ItemDraft = {
  name: '职工医保个人账户家庭共济备案',
  kind: ItemKind.publicService,
  main: 7,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》（国办发〔2021〕14号）' }],
  conditions: ['职工基本医疗保险参保人员', '共济对象为配偶、父母、子女等近亲属，且已参加基本医疗保险'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '即时办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '家庭共济关系绑定申请', { form: 'electronic', paper: [0, 0], notes: '亲属关系通过户籍、婚姻登记信息核验' })],
  form: form({ ...personFields('职工姓名'), relativeName: f.text('共济亲属姓名', 50), relativeIdNumber: f.text('共济亲属身份证号码', 18), relation: f.choice('关系', ['配偶', '父母', '子女']) }),
  result: { type: 'other', name: '家庭共济备案结果' },
  topics: ['医疗卫生', '社会保障'],
  tongbanScope: 'province',
  keywords: ['家庭共济', '医保卡给家人用', '个人账户共济'],
};

const employerInsurance: ItemDraft = {
  name: '单位参加基本医疗保险登记',
  kind: ItemKind.publicService,
  main: 8,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国社会保险法》', article: '第五十七条' }, { title: '《社会保险费征缴暂行条例》', article: '第七条' }],
  conditions: ['在泰州市依法登记的用人单位，自成立之日起三十日内办理'],
  statutoryDays: 15,
  committedDays: 0,
  limitNote: '信息齐全的即时办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '营业执照', '市场监督管理部门')],
  form: form({ ...entityFields(), contactName: f.text('医保经办人', 50), bankAccount: f.text('缴费银行账号', 30), staffCount: f.integer('参保职工人数', 0) }),
  result: { type: 'other', name: '单位医保参保登记信息' },
  topics: ['社会保障', '设立变更'],
  lifeEvents: ['开办企业'],
  keywords: ['单位医保', '医保开户', '职工医保'],
};

export const ybjItems: OrgItems = {
  orgKey: 'ybj',
  items: [residentInsurance, crossRegionFiling, maternityAllowance, chronicDisease, medicalTransfer, manualReimbursement, familyAccount, employerInsurance],
};
