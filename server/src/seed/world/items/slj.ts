/** 泰州市水利局 (key 'slj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, type ItemDraft, type OrgItems } from './helpers.ts';

const waterAbstraction: ItemDraft = {
  name: '取水许可',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国水法》', article: '第四十八条' }, { title: '《取水许可和水资源费征收管理条例》' }, { title: '《取水许可管理办法》' }],
  conditions: ['取水符合水资源规划、水功能区划和用水总量控制要求', '已按规定编制建设项目水资源论证报告或论证表'],
  statutoryDays: 45,
  committedDays: 20,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '取水许可申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '建设项目水资源论证报告书（表）', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '与第三者利害关系的相关说明', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('取水单位'), source: f.choice('取水水源', ['地表水', '地下水'], true), location: f.text('取水地点', 200), annualVolume: f.number('年取水量（万立方米）', 0), purpose: f.choice('取水用途', ['工业用水', '农业灌溉', '生活用水', '其他']) }),
  result: { type: 'license', name: '取水许可证（电子证照）' },
  specialProcedures: [{ name: '专家评审', maxDays: 20, note: '组织专家对水资源论证报告书进行技术审查，时间不计入' }],
  intermediaryServices: [{ name: '建设项目水资源论证报告编制', provider: '具有相应能力的技术单位（申请人自主选择）', basis: '《取水许可和水资源费征收管理条例》第十一条', feeNote: '按市场价格' }],
  topics: ['投资审批', '环保绿化'],
  keywords: ['取水证', '打井', '取水许可'],
};

const riverProject: ItemDraft = {
  name: '河道管理范围内建设项目工程建设方案审批',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国水法》', article: '第三十八条' }, { title: '《中华人民共和国防洪法》', article: '第二十七条' }, { title: '《中华人民共和国河道管理条例》' }],
  conditions: ['建设项目符合防洪标准、岸线规划、航运要求和其他技术要求', '不危害堤防安全、影响河势稳定、妨碍行洪畅通'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '河道管理范围内建设项目申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '防洪评价报告', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '建设项目所在河段平面图、建筑物设计图', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), river: f.text('所涉河道', 50), location: f.text('建设位置', 200) }),
  result: { type: 'approval', name: '河道管理范围内建设项目审批意见' },
  intermediaryServices: [{ name: '防洪评价报告编制', provider: '具有相应能力的技术单位（申请人自主选择）', basis: '《中华人民共和国防洪法》第二十七条', feeNote: '按市场价格' }],
  topics: ['工程建设'],
  keywords: ['涉河项目', '防洪评价'],
};

const soilConservation: ItemDraft = {
  name: '生产建设项目水土保持方案审批',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国水土保持法》', article: '第二十五条' }, { title: '《江苏省水土保持条例》' }],
  conditions: ['在容易发生水土流失区域开办可能造成水土流失的生产建设项目', '水土保持方案符合技术标准和规范'],
  statutoryDays: 20,
  committedDays: 7,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '生产建设项目水土保持方案审批申请', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '水土保持方案报告书（表）', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), disturbedArea: f.number('扰动地表面积（公顷）', 0) }),
  result: { type: 'approval', name: '水土保持方案批复' },
  intermediaryServices: [{ name: '水土保持方案编制', provider: '具有相应能力的技术单位（申请人自主选择）', basis: '《中华人民共和国水土保持法》第二十五条', feeNote: '按市场价格' }],
  topics: ['工程建设', '环保绿化'],
  keywords: ['水保方案', '水土保持'],
};

const floodImpact: ItemDraft = {
  name: '非防洪建设项目洪水影响评价报告审批',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国防洪法》', article: '第三十三条' }, { title: '《江苏省防洪条例》' }],
  conditions: ['在洪泛区、蓄滞洪区内建设非防洪建设项目', '已编制洪水对建设项目可能产生的影响和建设项目对防洪可能产生的影响的评价报告'],
  statutoryDays: 20,
  committedDays: 10,
  specialProcedures: [{ name: '专家评审', maxDays: 15, note: '组织专家对评价报告进行技术审查，时间不计入' }],
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '洪水影响评价审批申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '洪水影响评价报告', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), location: f.text('建设地点', 200) }),
  result: { type: 'approval', name: '洪水影响评价报告审批意见' },
  intermediaryServices: [{ name: '洪水影响评价报告编制', provider: '具有相应能力的技术单位（申请人自主选择）', basis: '《中华人民共和国防洪法》第三十三条', feeNote: '按市场价格' }],
  topics: ['工程建设'],
  keywords: ['洪评', '洪水影响评价'],
};

export const sljItems: OrgItems = { orgKey: 'slj', items: [waterAbstraction, riverProject, soilConservation, floodImpact] };
