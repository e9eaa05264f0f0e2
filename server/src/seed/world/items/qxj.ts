/** 泰州市气象局 (key 'qxj'; a 气象主管机构, authorized by the 《气象法》). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const LIGHTNING_BASIS = [{ title: '《中华人民共和国气象法》', article: '第三十一条' }, { title: '《气象灾害防御条例》', article: '第二十三条' }, { title: '《雷电防护装置设计审核和竣工验收规定》（中国气象局令第37号）' }];

const balloonLaunch: ItemDraft = {
  name: '升放无人驾驶自由气球或者系留气球活动审批',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《通用航空飞行管制条例》', article: '第三十四条' }, { title: '《升放气球管理办法》（中国气象局令第36号）' }],
  conditions: ['升放单位具有升放气球资质，作业人员取得升放气球资格证', '升放地点远离机场、高压输电线路等，符合安全要求', '有升放方案和安全保障措施'],
  statutoryDays: 5,
  committedDays: 2,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '升放气球活动申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '升放气球资质证和作业人员资格证', { form: 'electronic', paper: [0, 0] }), mat('M03', '升放方案和安全保障措施', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('升放单位'), location: f.text('升放地点', 200), startDate: f.date('升放日期'), count: f.integer('气球数量', 1) }),
  result: { type: 'approval', name: '升放气球活动许可决定书' },
  topics: ['公共安全'],
  keywords: ['升放气球', '庆典气球', '系留气球'],
};

const lightningDesign: ItemDraft = {
  name: '雷电防护装置设计审核',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: LIGHTNING_BASIS,
  conditions: ['油库、气库、弹药库、化学品仓库、民用爆炸物品、烟花爆竹等易燃易爆建设工程和场所的雷电防护装置', '设计单位具有雷电防护装置设计资质，设计符合《建筑物防雷设计规范》（GB 50057）'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '雷电防护装置设计审核申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '雷电防护装置设计说明书和设计图纸', { form: 'electronic', paper: [0, 0] }), mat('M03', '所采用防雷产品的型式检验报告和产品合格证明', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), location: f.text('建设地点', 200), category: f.choice('项目类别', ['油库、气库', '化学品仓库', '民用爆炸物品、烟花爆竹', '其他易燃易爆场所']) }),
  result: { type: 'approval', name: '雷电防护装置设计核准意见书' },
  topics: ['工程建设', '公共安全'],
  keywords: ['防雷设计审核', '防雷审图'],
};

const lightningAcceptance: ItemDraft = {
  ...lightningDesign,
  name: '雷电防护装置竣工验收',
  main: 3,
  conditions: ['雷电防护装置设计已经审核同意', '雷电防护装置已竣工并经具有资质的检测机构检测合格'],
  steps: [STEP.apply(), STEP.accept(), STEP.inspect('对雷电防护装置进行现场核实'), STEP.decide(), STEP.deliver()],
  materials: [mat('M01', '雷电防护装置竣工验收申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '雷电防护装置竣工图纸', { form: 'electronic', paper: [0, 0] }), mat('M03', '雷电防护装置检测报告', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), designNo: f.text('设计核准意见书编号', 50) }),
  result: { type: 'approval', name: '雷电防护装置验收意见书' },
  intermediaryServices: [{ name: '雷电防护装置检测', provider: '取得雷电防护装置检测资质的单位（申请人自主选择）', basis: '《雷电防护装置检测资质管理办法》', feeNote: '按市场价格' }],
  keywords: ['防雷验收', '防雷检测'],
};

const weatherCertificate: ItemDraft = {
  name: '气象证明出具',
  kind: ItemKind.publicService,
  main: 4,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《中华人民共和国气象法》', article: '第二十条' }, { title: '《气象资料共享管理办法》' }],
  conditions: ['因保险理赔、司法诉讼、工程事故分析等需要证明特定时间、地点的天气实况'],
  statutoryDays: 5,
  committedDays: 2,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '气象证明申请表', { form: 'electronic', paper: [0, 0], notes: '写明需要证明的时间、地点和气象要素' })],
  form: form({ ...personFields(), date: f.date('需要证明的日期'), location: f.text('地点', 200), element: f.choice('气象要素', ['降水', '大风', '雷电', '冰雹', '气温', '能见度']) }),
  result: { type: 'other', name: '气象证明' },
  topics: ['其他'],
  keywords: ['天气证明', '气象证明', '保险理赔'],
};

export const qxjItems: OrgItems = { orgKey: 'qxj', items: [balloonLaunch, lightningDesign, lightningAcceptance, weatherCertificate] };
