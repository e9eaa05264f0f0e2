/** 泰州市城市管理局 (key 'cgj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, shared, type ItemDraft, type OrgItems } from './helpers.ts';

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

export const cgjItems: OrgItems = { orgKey: 'cgj', items: [constructionWaste, outdoorAdvertising, drainagePermit, roadExcavation] };
