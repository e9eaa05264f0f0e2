/** 国家税务总局泰州市税务局 (key 'swj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, shared, type ItemDraft, type OrgItems } from './helpers.ts';

const TAX_ADMIN_LAW = { title: '《中华人民共和国税收征收管理法》' };

const taxInfoConfirmation: ItemDraft = {
  name: '“多证合一”登记信息确认',
  kind: ItemKind.otherPower,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ ...TAX_ADMIN_LAW, article: '第十五条' }, { title: '《税务登记管理办法》' }],
  conditions: ['已领取“多证合一”营业执照的纳税人首次办理涉税事宜'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '即时办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [shared('M01', '营业执照信息', '泰州市市场监督管理局')],
  form: form({ ...entityFields('纳税人名称'), financeContact: f.name('财务负责人'), accountingSystem: f.choice('适用会计制度', ['小企业会计准则', '企业会计准则', '民间非营利组织会计制度']) }),
  result: { type: 'other', name: '税务登记信息确认结果' },
  topics: ['税收财务', '企业开办'],
  keywords: ['税务报到', '新办纳税人'],
};

const invoiceIssue: ItemDraft = {
  name: '发票领用',
  kind: ItemKind.otherPower,
  main: 2,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国发票管理办法》' }, { title: '《中华人民共和国发票管理办法实施细则》' }],
  conditions: ['已办理税务登记信息确认', '新办纳税人首次申领发票，按规定核定发票种类和数量（全面数字化电子发票按额度管理）'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '即时办结',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '经办人身份证明', { form: 'electronic', paper: [0, 0], notes: '通过电子税务局实名认证的无需提供', necessity: 'optional' })],
  form: form({ ...entityFields('纳税人名称'), invoiceType: f.choice('发票种类', ['数电发票（增值税专用发票）', '数电发票（普通发票）']), monthlyAmount: f.number('预计月开票金额（万元）', 0) }),
  result: { type: 'other', name: '发票领用结果（开票额度）' },
  topics: ['税收财务', '企业开办'],
  keywords: ['领发票', '开票', '数电票'],
};

const invoiceLimit: ItemDraft = {
  name: '增值税专用发票（增值税税控系统）最高开票限额审批',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）' }, { title: '《中华人民共和国发票管理办法》' }],
  conditions: ['增值税一般纳税人或按规定可以自行开具增值税专用发票的小规模纳税人', '经营需要提高单份专用发票最高开票限额'],
  statutoryDays: 20,
  committedDays: 1,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '增值税专用发票最高开票限额申请单', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('纳税人名称'), requestedLimit: f.choice('申请最高开票限额', ['十万元', '一百万元', '一千万元']), reason: f.textarea('申请理由', 500) }),
  result: { type: 'approval', name: '准予税务行政许可决定书' },
  topics: ['税收财务'],
  keywords: ['专票限额', '最高开票限额'],
};

export const swjItems: OrgItems = { orgKey: 'swj', items: [taxInfoConfirmation, invoiceIssue, invoiceLimit] };
