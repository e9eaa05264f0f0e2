/** 泰州市自然资源和规划局 (key 'zrzyj') and 泰州市不动产登记中心 (key 'bdcdj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const PLANNING_LAW = { title: '《中华人民共和国城乡规划法》' };
const ENGINEERING_TOPICS = ['工程建设', '投资审批'];

const siteSelection: ItemDraft = {
  name: '建设项目用地预审与选址意见书核发',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ ...PLANNING_LAW, article: '第三十六条' }, { title: '《中华人民共和国土地管理法》' }, { title: '《建设项目用地预审管理办法》' }],
  conditions: ['以划拨方式提供国有土地使用权的建设项目', '项目符合国土空间规划和用途管制要求'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '建设项目用地预审与选址申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '建设项目用地预审与选址申请报告', { form: 'electronic', paper: [0, 0], notes: '内容包括拟建设项目基本情况、拟选址占地情况、拟用地面积确定的依据和适用建设用地指标情况、补充耕地初步方案等' }),
    mat('M03', '标注项目用地范围的土地利用现状图', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), location: f.text('建设地点', 200), landArea: f.number('拟用地面积（平方米）', 1) }),
  result: { type: 'license', name: '建设项目用地预审与选址意见书' },
  topics: ENGINEERING_TOPICS,
  keywords: ['选址意见书', '用地预审'],
};

const landPlanningPermit: ItemDraft = {
  name: '建设用地规划许可证核发',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ ...PLANNING_LAW, article: '第三十八条' }, { title: '《江苏省城乡规划条例》' }],
  conditions: ['以出让方式取得国有土地使用权的，已签订国有土地使用权出让合同', '建设项目符合控制性详细规划和规划条件'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '建设用地规划许可申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '国有建设用地使用权出让合同', { paper: [0, 1] }),
    mat('M03', '建设项目批准、核准或备案文件', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), location: f.text('用地位置', 200), landArea: f.number('用地面积（平方米）', 1), landUse: f.choice('用地性质', ['居住用地', '商业服务业用地', '工业用地', '公共管理与公共服务用地']) }),
  result: { type: 'license', name: '建设用地规划许可证' },
  topics: ENGINEERING_TOPICS,
  keywords: ['用地规划许可证', '工程建设'],
};

const buildingPlanningPermit: ItemDraft = {
  name: '建设工程规划许可证核发',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ ...PLANNING_LAW, article: '第四十条' }, { title: '《江苏省城乡规划条例》' }],
  conditions: ['已取得建设用地规划许可或土地使用权证明', '建设工程设计方案符合控制性详细规划和规划条件'],
  steps: [STEP.apply(), STEP.accept(), STEP.review('审查建设工程设计方案总平面图及建筑单体方案'), { name: '批前公示', description: '对设计方案总平面图进行批前公示（依法不予公示的除外）' }, STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '建设工程规划许可申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '建设工程设计方案总平面图', { form: 'electronic', paper: [0, 0], notes: '含电子报批文件（CAD格式）' }),
    mat('M03', '建筑单体方案图（平面图、立面图、剖面图）', { form: 'electronic', paper: [0, 0] }),
    shared('M04', '不动产权证书（国有建设用地使用权）', '泰州市不动产登记中心'),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), location: f.text('建设位置', 200), floorArea: f.number('总建筑面积（平方米）', 1), buildingCount: f.integer('建筑单体数量', 1) }),
  result: { type: 'license', name: '建设工程规划许可证' },
  topics: ENGINEERING_TOPICS,
  keywords: ['工程规划许可证', '规划许可'],
};

export const zrzyjItems: OrgItems = { orgKey: 'zrzyj', items: [siteSelection, landPlanningPermit, buildingPlanningPermit] };

const REGISTRATION_BASIS = [
  { title: '《中华人民共和国民法典》', article: '第二百零九条' },
  { title: '《不动产登记暂行条例》（国务院令第656号）', article: '第二十条' },
  { title: '《不动产登记暂行条例实施细则》' },
];
const REAL_ESTATE_TOPICS = ['不动产', '住房保障'];

const firstRegistration: ItemDraft = {
  name: '国有建设用地使用权及房屋所有权首次登记',
  kind: ItemKind.confirmation,
  main: 10,
  sub: 1,
  serviceObjects: ['entity'],
  legalBasis: REGISTRATION_BASIS,
  conditions: ['房屋已竣工验收并完成测绘', '已取得国有建设用地使用权登记'],
  steps: [STEP.apply(), STEP.accept(), STEP.review('查验不动产界址、面积和权属'), { name: '登簿', description: '记载于不动产登记簿' }, STEP.deliver('核发不动产权证书，同步生成电子证照')],
  statutoryDays: 30,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '不动产登记申请书', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '建设工程规划核实意见和竣工验收备案信息', '泰州市自然资源和规划局、泰州市住房和城乡建设局'),
    mat('M03', '房屋测绘报告（房产分户图）', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('申请人（建设单位）'), location: f.text('不动产坐落', 200), landCertNo: f.text('土地不动产权证号', 50), units: f.integer('登记户数', 1) }),
  result: { type: 'license', name: '不动产权证书' },
  topics: REAL_ESTATE_TOPICS,
  keywords: ['首次登记', '大证', '房产证'],
};

const transferRegistration: ItemDraft = {
  name: '国有建设用地使用权及房屋所有权转移登记',
  kind: ItemKind.confirmation,
  main: 10,
  sub: 2,
  serviceObjects: ['person', 'entity'],
  legalBasis: REGISTRATION_BASIS,
  conditions: ['买卖、继承、赠与、互换等导致不动产权利转移', '已依法缴纳相关税费（“一窗受理、集成服务”同步办理）'],
  steps: [STEP.apply('买卖双方通过“不动产登记+交易+缴税”一窗受理平台共同申请'), STEP.accept(), STEP.review(), { name: '登簿', description: '记载于不动产登记簿' }, STEP.deliver('核发不动产权证书，可同步办理水电气联动过户')],
  statutoryDays: 30,
  committedDays: 3,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  fees: [{ name: '不动产登记费（住宅）', amountFen: 8000, basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' }],
  materials: [
    mat('M01', '不动产登记申请书', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '不动产权证书', '泰州市不动产登记中心'),
    mat('M03', '存量房买卖合同', { form: 'electronic', paper: [0, 0], notes: '买卖转移的提供；继承、赠与的提供相应权属转移材料' }),
    shared('M04', '完税信息', '国家税务总局泰州市税务局'),
  ],
  form: form({ ...personFields('买受人姓名'), sellerName: f.text('出卖人姓名或名称', 100), location: f.text('不动产坐落', 200), certNo: f.text('原不动产权证号', 50), price: f.number('成交价格（万元）', 0) }),
  result: { type: 'license', name: '不动产权证书' },
  topics: REAL_ESTATE_TOPICS,
  keywords: ['二手房过户', '房屋过户', '转移登记'],
};

const mortgageRegistration: ItemDraft = {
  name: '不动产抵押权首次登记',
  kind: ItemKind.confirmation,
  main: 10,
  sub: 3,
  serviceObjects: ['person', 'entity'],
  legalBasis: [...REGISTRATION_BASIS, { title: '《中华人民共和国民法典》', article: '第四百零二条' }],
  conditions: ['以不动产设定抵押权', '抵押人和抵押权人已签订抵押合同和主债权合同'],
  steps: [STEP.apply('银行通过“不动产登记+金融服务”线上端口代为申请，抵押人线上确认'), STEP.accept(), STEP.review(), { name: '登簿', description: '记载于不动产登记簿' }, STEP.deliver('向抵押权人核发电子不动产登记证明')],
  statutoryDays: 30,
  committedDays: 1,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  fees: [{ name: '不动产登记费（住宅抵押）', amountFen: 8000, basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' }],
  materials: [
    mat('M01', '不动产登记申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '抵押合同', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '主债权合同', { form: 'electronic', paper: [0, 0] }),
    shared('M04', '不动产权证书', '泰州市不动产登记中心'),
  ],
  form: form({ ...personFields('抵押人姓名'), mortgagee: f.text('抵押权人（银行）', 100), location: f.text('不动产坐落', 200), amount: f.number('被担保主债权数额（万元）', 0), term: f.text('债务履行期限', 50) }),
  result: { type: 'license', name: '不动产登记证明（抵押权）' },
  topics: [...REAL_ESTATE_TOPICS, '抵押质押'],
  keywords: ['房屋抵押', '抵押登记', '按揭'],
};

const recordsInquiry: ItemDraft = {
  name: '不动产登记资料查询',
  kind: ItemKind.publicService,
  main: 11,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《不动产登记暂行条例》（国务院令第656号）' }, { title: '《不动产登记资料查询暂行办法》' }],
  conditions: ['权利人查询本人名下不动产登记资料，或利害关系人依法查询'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '符合查询条件的当场提供查询结果',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '不动产登记资料查询申请书', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...personFields(), purpose: f.choice('查询目的', ['本人名下房产查询', '办理入学', '办理贷款', '诉讼需要']), location: f.text('不动产坐落（可不填）', 200) }, ['location']),
  result: { type: 'other', name: '不动产登记信息查询结果证明' },
  topics: REAL_ESTATE_TOPICS,
  keywords: ['查房产', '无房证明', '房产查询'],
};

export const bdcdjItems: OrgItems = {
  orgKey: 'bdcdj',
  items: [firstRegistration, transferRegistration, mortgageRegistration, recordsInquiry],
};
