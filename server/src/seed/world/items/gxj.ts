/** 泰州市工业和信息化局 (key 'gxj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const techRenovationFiling: ItemDraft = {
  name: '工业企业技术改造投资项目备案',
  kind: ItemKind.otherPower,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《企业投资项目核准和备案管理条例》（国务院令第673号）', article: '第十三条' }, { title: '《江苏省企业投资项目核准和备案管理办法》' }],
  conditions: ['工业企业在现有厂区内利用新技术、新工艺、新设备进行的技术改造项目', '不新增建设用地，不属于产业政策禁止投资建设的项目'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案信息完整的即时备案',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '企业技术改造投资项目备案信息表', { form: 'electronic', paper: [0, 0], notes: '通过江苏省投资项目在线审批监管平台填报' }), shared('M02', '营业执照', '泰州市市场监督管理局')],
  form: form({ ...entityFields('项目单位'), projectName: f.text('项目名称', 100), investment: f.number('总投资（万元）', 0), equipment: f.number('设备投资（万元）', 0), content: f.textarea('技术改造内容', 1000) }),
  result: { type: 'other', name: '江苏省技术改造项目备案证' },
  topics: ['投资审批'],
  tongbanScope: 'province',
  keywords: ['技改备案', '技术改造', '设备更新'],
};

const specializedSme: ItemDraft = {
  name: '市级专精特新中小企业认定',
  kind: ItemKind.publicService,
  main: 2,
  source: '32',
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）' }, { title: '《中华人民共和国中小企业促进法》', article: '第三十二条' }],
  conditions: ['在泰州市注册登记、具有独立法人资格的中小企业，从事特定细分市场时间达到2年以上', '研发费用总额占营业收入总额比重不低于3%，主营业务收入占营业收入比重不低于70%', '已认定为创新型中小企业'],
  steps: [STEP.apply('按年度申报通知在优质中小企业梯度培育平台申报'), STEP.accept(), { name: '专家评审', description: '组织专家对申报材料进行评审，必要时实地核查' }, { name: '公示', description: '拟认定名单在市工信局网站公示5个工作日' }, STEP.decide('发文公布认定名单'), STEP.deliver()],
  statutoryDays: 60,
  committedDays: 30,
  limitNote: '按年度认定批次集中办理',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '专精特新中小企业认定申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '上年度财务审计报告', { form: 'electronic', paper: [0, 0] }), mat('M03', '知识产权证书和研发投入说明', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('企业名称'), product: f.text('主导产品', 100), revenue: f.number('上年度营业收入（万元）', 0), rdRatio: f.number('研发费用占比（%）', 0) }),
  result: { type: 'other', name: '泰州市专精特新中小企业认定名单' },
  topics: ['资质认证'],
  lifeEvents: [],
  keywords: ['专精特新', '小巨人', '中小企业认定'],
};

export const gxjItems: OrgItems = { orgKey: 'gxj', items: [techRenovationFiling, specializedSme] };
