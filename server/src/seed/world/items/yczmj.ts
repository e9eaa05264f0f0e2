/** 泰州市烟草专卖局 (key 'yczmj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const TOBACCO_BASIS = [
  { title: '《中华人民共和国烟草专卖法》', article: '第十六条' },
  { title: '《中华人民共和国烟草专卖法实施条例》' },
  { title: '《烟草专卖许可证管理办法》（工业和信息化部令第37号）' },
];

const tobaccoRetailNew: ItemDraft = {
  name: '烟草专卖零售许可证核发（新办）',
  kind: ItemKind.license,
  main: 1,
  sub: 1,
  serviceObjects: ['person', 'entity'],
  legalBasis: TOBACCO_BASIS,
  conditions: ['有与经营烟草制品零售业务相适应的资金和固定经营场所', '符合本市烟草制品零售点合理布局规定', '经营场所不在中小学校、幼儿园周边禁止范围内'],
  steps: [STEP.apply(), STEP.accept(), STEP.inspect('对经营场所和布局条件进行实地核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '烟草专卖零售许可证申请表', { form: 'electronic', paper: [0, 0] }), shared('M02', '营业执照', '泰州市市场监督管理局'), mat('M03', '经营场所使用证明')],
  form: form({ ...personFields('经营者姓名'), shopName: f.text('店铺名称', 100), premises: f.address('经营场所'), shopType: f.choice('业态', ['便利店', '超市', '食杂店', '烟酒店', '其他']) }),
  result: { type: 'license', name: '烟草专卖零售许可证' },
  topics: ['准营准办'],
  lifeEvents: ['开办便利店'],
  keywords: ['烟草证', '卖烟', '烟草零售许可证'],
  faq: [{ q: '开便利店卖烟要办什么？', a: '先办营业执照，再申请烟草专卖零售许可证；可通过“开便利店一件事”与食品备案一次申请。' }],
};

const tobaccoRetailRenewal: ItemDraft = {
  ...tobaccoRetailNew,
  name: '烟草专卖零售许可证核发（延续）',
  sub: 2,
  conditions: ['烟草专卖零售许可证有效期届满需要继续经营', '在有效期届满30日前提出申请'],
  steps: undefined,
  committedDays: 3,
  materials: [mat('M01', '烟草专卖零售许可证延续申请表', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...personFields('经营者姓名'), licenseNo: f.text('许可证号', 20), premises: f.address('经营场所') }),
  lifeEvents: [],
  faq: [],
  keywords: ['烟草证到期', '烟草证延续'],
};

const tobaccoRetailChange: ItemDraft = {
  ...tobaccoRetailRenewal,
  name: '烟草专卖零售许可证核发（变更）',
  sub: 3,
  conditions: ['企业名称、字号、负责人（经营者）、经营场所等许可事项发生变化', '变更经营场所的，新场所符合合理布局规定'],
  materials: [mat('M01', '烟草专卖零售许可证变更申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '变更后的经营场所使用证明', { necessity: 'optional', notes: '变更经营场所的提供' })],
  form: form({ ...personFields('经营者姓名'), licenseNo: f.text('许可证号', 20), changeItem: f.choice('变更事项', ['名称', '经营者', '经营场所']), changeContent: f.text('变更后内容', 200) }),
  keywords: ['烟草证变更'],
};

export const yczmjItems: OrgItems = { orgKey: 'yczmj', items: [tobaccoRetailNew, tobaccoRetailRenewal, tobaccoRetailChange] };
