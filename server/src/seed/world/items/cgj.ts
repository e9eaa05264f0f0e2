/** 泰州市城市管理局 (key 'cgj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, type ItemDraft, type OrgItems } from './helpers.ts';

const STATE_COUNCIL_412 = { title: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）' };

const constructionWaste: ItemDraft = {
  name: '城市建筑垃圾处置核准',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [STATE_COUNCIL_412, { title: '《城市建筑垃圾管理规定》（建设部令第139号）' }],
  conditions: ['有建筑垃圾分类处置方案和建筑垃圾综合利用措施', '有与建筑垃圾运输单位签订的运输合同', '运输车辆具备全密闭运输机械装置或密闭苫盖装置、安装行驶及装卸记录仪'],
  statutoryDays: 20,
  committedDays: 3,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '建筑垃圾处置核准申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '建筑垃圾处置方案', { form: 'electronic', paper: [0, 0], notes: '写明建筑垃圾产生量、运输路线、消纳场所' }),
    mat('M03', '建筑垃圾运输合同', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('建设（施工）单位'), projectName: f.text('工程名称', 100), volume: f.number('建筑垃圾产生量（立方米）', 1), disposalSite: f.text('消纳场所', 200) }),
  result: { type: 'license', name: '城市建筑垃圾处置核准决定书' },
  topics: ['工程建设', '环保绿化'],
  keywords: ['渣土', '建筑垃圾', '工程渣土'],
};

const outdoorAdvertising: ItemDraft = {
  name: '设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《城市市容和环境卫生管理条例》', article: '第十一条' }, STATE_COUNCIL_412],
  conditions: ['设置位置符合户外广告设施设置规划', '设施结构安全，符合城市容貌标准'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '户外广告设置申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '设置场地或者载体的使用证明', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '户外广告设施设计效果图及结构安全说明', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('设置单位'), location: f.text('设置地点', 200), adType: f.choice('广告形式', ['屋顶广告', '墙面广告', '立柱广告', '临时宣传品']), size: f.text('规格（长×宽，米）', 50), period: f.text('设置期限', 50) }),
  result: { type: 'approval', name: '户外广告设置许可决定书' },
  topics: ['准营准办'],
  keywords: ['户外广告', '招牌', '广告牌'],
};

const drainagePermit: ItemDraft = {
  name: '城镇污水排入排水管网许可',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《城镇排水与污水处理条例》（国务院令第641号）', article: '第二十一条' }, { title: '《城镇污水排入排水管网许可管理办法》' }],
  conditions: ['排放口的设置符合城镇排水与污水处理规划', '按规定建设相应的预处理设施和水质、水量检测设施', '排放的污水符合国家或者地方规定的有关排放标准'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '城镇污水排入排水管网许可申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '排水水质、水量检测报告', { necessity: 'deferrable', notes: '新建项目可在投入使用后补交' }),
  ],
  form: form({ ...entityFields('排水户名称'), industry: f.choice('排水户类别', ['餐饮', '洗浴', '洗车', '医疗', '工业企业', '建筑施工']), dailyVolume: f.number('日排水量（立方米）', 0) }),
  result: { type: 'license', name: '城镇污水排入排水管网许可证' },
  topics: ['准营准办', '环保绿化'],
  keywords: ['排水证', '排水许可'],
};

const roadExcavation: ItemDraft = {
  name: '因工程建设需要挖掘城市道路审批',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《城市道路管理条例》' }, STATE_COUNCIL_412],
  conditions: ['因工程建设确需挖掘城市道路', '新建、扩建、改建的城市道路交付使用后5年内、大修的城市道路竣工后3年内不得挖掘（因特殊情况需要挖掘的除外）'],
  statutoryDays: 20,
  committedDays: 3,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '挖掘城市道路申请表', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '建设工程规划许可证', '泰州市自然资源和规划局'),
    mat('M03', '施工图及施工方案（含交通组织方案）', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('建设单位'), road: f.text('挖掘道路名称及路段', 200), area: f.number('挖掘面积（平方米）', 1), startDate: f.date('计划开工日期'), days: f.integer('计划工期（天）', 1) }),
  result: { type: 'approval', name: '挖掘城市道路许可决定书' },
  topics: ['工程建设'],
  keywords: ['挖路', '道路开挖', '占道施工'],
};

const roadOccupation: ItemDraft = {
  name: '临时占用城市道路审批',
  kind: ItemKind.license,
  main: 5,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《城市道路管理条例》', article: '第三十一条' }, STATE_COUNCIL_412],
  conditions: ['因特殊情况需要临时占用城市道路', '占用期满后恢复城市道路原状'],
  statutoryDays: 20,
  committedDays: 3,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '临时占用城市道路申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '占道位置示意图及安全防护措施', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('申请单位'), location: f.text('占用道路及位置', 200), area: f.number('占用面积（平方米）', 1), purpose: f.choice('占用用途', ['施工堆料', '搭建临时设施', '商业促销', '其他']), days: f.integer('占用天数', 1) }),
  result: { type: 'approval', name: '临时占用城市道路许可决定书' },
  topics: ['工程建设'],
  keywords: ['占道', '临时占道', '占用人行道'],
};

const greenOccupation: ItemDraft = {
  name: '临时占用城市绿化用地审批',
  kind: ItemKind.license,
  main: 6,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《城市绿化条例》', article: '第二十条' }],
  conditions: ['因建设或者其他特殊需要临时占用城市绿化用地', '占用期满后恢复原状'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '临时占用城市绿化用地申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '占用绿地位置图和恢复方案', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('申请单位'), location: f.text('绿地位置', 200), area: f.number('占用面积（平方米）', 1), days: f.integer('占用天数', 1) }),
  result: { type: 'approval', name: '临时占用城市绿化用地许可决定书' },
  topics: ['环保绿化', '工程建设'],
  keywords: ['占用绿地'],
};

const treeFelling: ItemDraft = {
  name: '砍伐城市树木、迁移古树名木审批',
  kind: ItemKind.license,
  main: 7,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《城市绿化条例》' }],
  conditions: ['因城市建设、树木严重影响居民采光和安全、树木已死亡或者发生病虫害无法救治等原因需要砍伐城市树木', '迁移古树名木的经专家论证'],
  steps: [{ name: '申请', description: '申请人通过泰州政务服务网、“我的泰州”App 或窗口提交申请和材料' }, { name: '受理', description: '窗口对材料进行审查' }, { name: '现场核查', description: '对拟砍伐、迁移树木进行实地查看' }, { name: '决定', description: '作出准予或者不予许可的决定' }],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '砍伐、迁移城市树木申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '树木位置图和现状照片', { form: 'electronic', paper: [0, 0] }), mat('M03', '补植方案', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...personFields(), location: f.text('树木位置', 200), species: f.text('树种', 50), count: f.integer('株数', 1), reason: f.textarea('砍伐、迁移原因', 500) }),
  result: { type: 'approval', name: '砍伐（迁移）城市树木许可决定书' },
  topics: ['环保绿化'],
  keywords: ['砍树', '移树', '古树'],
};

export const cgjItems: OrgItems = {
  orgKey: 'cgj',
  items: [constructionWaste, outdoorAdvertising, drainagePermit, roadExcavation, roadOccupation, greenOccupation, treeFelling],
};
