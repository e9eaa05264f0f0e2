/** 泰州市交通运输局 (key 'jtj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const ROAD_TRANSPORT = { title: '《中华人民共和国道路运输条例》' };

const passengerTransport: ItemDraft = {
  name: '道路旅客运输经营许可',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [ROAD_TRANSPORT, { title: '《道路旅客运输及客运站管理规定》（交通运输部令）' }],
  conditions: ['有与其经营业务相适应并经检测合格的客车', '有符合规定条件的驾驶人员', '有健全的安全生产管理制度'],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '法定时限为20日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '道路旅客运输经营申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '可行性报告', { form: 'electronic', paper: [0, 0], notes: '包括申请客运线路客流状况调查、运营方案、效益分析以及可能对其他相关经营者产生的影响等' }),
    mat('M03', '拟投入车辆承诺书', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '已聘用或者拟聘用驾驶人员的机动车驾驶证、从业资格证', { paper: [0, 1] }),
    mat('M05', '安全生产管理制度文本', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('企业名称'), scope: f.choice('申请经营范围', ['县内班车客运', '市内班车客运', '省际班车客运', '包车客运']), vehicleCount: f.integer('拟投入客车数量', 1) }),
  result: { type: 'license', name: '道路运输经营许可证' },
  topics: ['准营准办', '交通运输'],
  keywords: ['客运许可', '班车', '包车'],
};

const freightTransport: ItemDraft = {
  name: '道路货物运输经营许可（除使用4500千克及以下普通货运车辆从事普通货运经营外）',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity', 'person'],
  legalBasis: [ROAD_TRANSPORT, { title: '《道路货物运输及站场管理规定》（交通运输部令）' }],
  conditions: ['有与其经营业务相适应并经检测合格的车辆', '有符合规定条件的驾驶人员', '有健全的安全生产管理制度'],
  statutoryDays: 20,
  committedDays: 5,
  limitNote: '法定时限为20日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '道路货物运输经营申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '车辆行驶证或拟购置车辆承诺书', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '驾驶人员的机动车驾驶证、从业资格证', { paper: [0, 1] }),
    mat('M04', '安全生产管理制度文本', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('经营者名称'), vehicleCount: f.integer('车辆数量', 1), scope: f.choice('经营范围', ['普通货运', '货物专用运输', '大型物件运输']) }),
  result: { type: 'license', name: '道路运输经营许可证' },
  topics: ['准营准办', '交通运输'],
  keywords: ['货运许可', '物流', '道路运输证'],
};

const taxiVehicle: ItemDraft = {
  name: '巡游出租汽车车辆经营权许可',
  kind: ItemKind.license,
  main: 3,
  sub: 1,
  serviceObjects: ['entity'],
  legalBasis: [
    { title: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）' },
    { title: '《巡游出租汽车经营服务管理规定》（交通运输部令）' },
  ],
  conditions: ['取得巡游出租汽车经营许可', '车辆符合机动车安全技术条件和本市出租汽车车型技术要求', '依法取得车辆经营权'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '巡游出租汽车车辆经营权申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '车辆经营权出让合同或配置文件', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '机动车行驶证', { paper: [0, 1] }),
  ],
  form: form({ ...entityFields('出租汽车企业'), plateNo: f.text('车辆号牌', 10), vehicleModel: f.text('车型', 50) }),
  result: { type: 'license', name: '道路运输证（出租汽车）' },
  topics: ['准营准办', '交通运输'],
  keywords: ['出租车', '出租汽车运营证'],
};

const ridehailDriver: ItemDraft = {
  name: '网络预约出租汽车驾驶员从业资格证核发',
  kind: ItemKind.license,
  main: 3,
  sub: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《网络预约出租汽车经营服务管理暂行办法》' }, { title: '《出租汽车驾驶员从业资格管理规定》（交通运输部令）' }],
  conditions: ['取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历', '无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录', '无暴力犯罪记录', '通过全国公共科目和泰州市区域科目考试'],
  steps: [STEP.apply(), STEP.accept(), { name: '考试', description: '参加全国公共科目和区域科目考试' }, STEP.decide('考试合格且背景核查通过的核发从业资格证'), STEP.deliver('电子证照推送至本人')],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  visitsRequired: 1,
  visitReason: '需到考点参加从业资格考试',
  materials: [
    mat('M01', '网络预约出租汽车驾驶员从业资格申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '机动车驾驶证', { paper: [0, 1] }),
    mat('M03', '无犯罪记录证明', { form: 'electronic', paper: [0, 0], notes: '公安机关可通过数据共享出具的无需提供', necessity: 'optional' }),
  ],
  form: form({ ...personFields('驾驶员姓名'), licenseNo: f.text('机动车驾驶证号', 18), licenseDate: f.date('初次领取驾驶证日期'), platform: f.text('拟服务平台', 50) }, ['platform']),
  result: { type: 'license', name: '网络预约出租汽车驾驶员证' },
  topics: ['职业资格', '交通运输'],
  keywords: ['网约车', '网约车驾驶员证', '滴滴'],
};

export const jtjItems: OrgItems = { orgKey: 'jtj', items: [passengerTransport, freightTransport, taxiVehicle, ridehailDriver] };
