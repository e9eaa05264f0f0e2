/** 泰州市生态环境局 (key 'sthjj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, type ItemDraft, type OrgItems } from './helpers.ts';

const eiaReport: ItemDraft = {
  name: '建设项目环境影响报告表审批',
  kind: ItemKind.license,
  main: 1,
  sub: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国环境影响评价法》', article: '第二十二条' }, { title: '《建设项目环境保护管理条例》' }],
  conditions: ['建设项目类型及其选址、布局、规模等符合环境保护法律法规和相关法定规划', '所在区域环境质量满足标准或已采取有效削减措施'],
  statutoryDays: 30,
  committedDays: 10,
  limitNote: '法定时限为30日（自然日），技术评估时间不计入',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '建设项目环境影响报告表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '建设项目环境影响评价审批申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '删除涉及国家秘密、商业秘密等内容的报告表公开版本及说明', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), location: f.text('建设地点', 200), investment: f.number('总投资（万元）', 0), industry: f.text('行业类别', 100) }),
  result: { type: 'approval', name: '建设项目环境影响报告表批复' },
  topics: ['环保绿化', '投资审批'],
  keywords: ['环评', '环评审批', '报告表'],
};

const dischargePermit: ItemDraft = {
  name: '排污许可证核发',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《排污许可管理条例》（国务院令第736号）' }, { title: '《排污许可管理办法》' }],
  conditions: ['依法取得建设项目环境影响报告书（表）批准文件或已办理登记备案', '污染物排放符合国家和地方污染物排放标准及重点污染物排放总量控制要求', '自行监测方案符合规定'],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '法定时限为20日（自然日）；实行重点管理的为30日',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '排污许可证申请表', { form: 'electronic', paper: [0, 0], notes: '通过全国排污许可证管理信息平台填报' }),
    mat('M02', '自行监测方案', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '守法承诺书', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('排污单位'), manageType: f.choice('管理类别', ['重点管理', '简化管理'], true), industry: f.text('行业类别', 100), outlets: f.integer('排放口数量', 1) }),
  result: { type: 'license', name: '排污许可证' },
  topics: ['环保绿化', '准营准办'],
  keywords: ['排污证', '排污许可'],
};

export const sthjjItems: OrgItems = { orgKey: 'sthjj', items: [eiaReport, dischargePermit] };
