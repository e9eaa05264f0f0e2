/** 泰州市文化广电和旅游局 (key 'wgly'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const entertainment: ItemDraft = {
  name: '娱乐场所从事娱乐场所经营活动审批',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《娱乐场所管理条例》', article: '第九条' }, { title: '《娱乐场所管理办法》（文化和旅游部令）' }],
  conditions: ['已取得营业执照', '场所设施、消防安全条件符合国家规定', '符合《娱乐场所管理条例》规定的设立条件和场所布局要求'],
  steps: [STEP.apply(), STEP.accept(), STEP.inspect('对场所的设施、设备和安全条件进行实地检查'), { name: '听证（如需）', description: '在居民区内设立的，依法举行听证' }, STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 5,
  limitNote: '法定时限为20日（自然日），听证时间不计入',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '娱乐经营许可申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '投资人、拟任法定代表人和其他负责人没有《娱乐场所管理条例》规定禁止情形的书面声明', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '场所平面示意图及包厢、包间、舞池面积说明'),
  ],
  form: form({ ...entityFields('经营单位'), premises: f.address('经营场所'), placeType: f.choice('场所类型', ['歌舞娱乐场所', '游艺娱乐场所']), area: f.number('使用面积（平方米）', 1) }),
  result: { type: 'license', name: '娱乐经营许可证' },
  topics: ['准营准办', '文体教育'],
  keywords: ['KTV', '歌厅', '娱乐许可证'],
};

const performance: ItemDraft = {
  name: '营业性演出审批',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《营业性演出管理条例》' }, { title: '《营业性演出管理条例实施细则》' }],
  conditions: ['演出举办单位已取得营业性演出许可证或为依法登记的演出场所经营单位', '演出场所符合安全、消防要求', '节目内容不含《营业性演出管理条例》禁止的内容'],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: '法定时限为3日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '营业性演出申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '演出节目内容材料（节目单、歌词、视频）', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '演员身份证明及演出合同', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '演出场地协议', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('演出举办单位'), title: f.text('演出名称', 100), venue: f.text('演出场所', 200), startDate: f.date('演出开始日期'), shows: f.integer('演出场次', 1) }),
  result: { type: 'approval', name: '营业性演出准予许可决定书' },
  topics: ['文体教育', '旅游观光'],
  keywords: ['演唱会', '演出审批', '商演'],
};

const internetCafe: ItemDraft = {
  name: '互联网上网服务营业场所经营单位设立审批',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《互联网上网服务营业场所管理条例》' }],
  conditions: ['有与其经营活动相适应的营业场所和计算机等装置及附属设备', '有健全、完善的信息网络安全管理制度和安全技术措施', '营业场所符合消防安全条件，距中小学校校园出入口最近距离符合规定'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '互联网上网服务营业场所经营单位设立申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '营业场所产权证明或者租赁意向书'),
    mat('M03', '法定代表人或者主要负责人的身份证明', { paper: [0, 1] }),
    mat('M04', '信息网络安全管理制度', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('经营单位'), premises: f.address('营业场所'), terminals: f.integer('计算机终端台数', 1), area: f.number('营业面积（平方米）', 1) }),
  result: { type: 'license', name: '网络文化经营许可证' },
  topics: ['准营准办', '文体教育'],
  keywords: ['网吧', '电竞馆'],
};

const travelAgency: ItemDraft = {
  name: '旅行社设立许可',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国旅游法》', article: '第二十八条' }, { title: '《旅行社条例》' }, { title: '《旅行社条例实施细则》' }],
  conditions: ['有固定的经营场所', '有必要的营业设施', '有符合规定的质量保证金', '有必要的经营管理人员和导游'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '设立旅行社申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '经营场所的证明'),
    mat('M03', '营业设施、设备的证明或者说明', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '法定代表人履历表及身份证明', { paper: [0, 1] }),
  ],
  form: form({ ...entityFields('旅行社名称'), legalRep: f.register('legalRepresentative', f.text('法定代表人', 50)), premises: f.register('entityAddress', f.text('住所（经营场所）', 200)), guides: f.integer('持证导游人数', 0) }),
  result: { type: 'license', name: '旅行社业务经营许可证' },
  topics: ['准营准办', '旅游观光'],
  keywords: ['旅行社', '开旅行社'],
};

const artworkFiling: ItemDraft = {
  name: '艺术品经营单位备案',
  kind: ItemKind.otherPower,
  main: 5,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《艺术品经营管理办法》（文化部令第56号）', article: '第五条' }],
  conditions: ['从事艺术品收购、销售、租赁、经纪、进出口经营、鉴定、评估等经营活动的单位', '自领取营业执照之日起15日内备案'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '艺术品经营单位备案表', { form: 'electronic', paper: [0, 0] }), shared('M02', '营业执照', '泰州市市场监督管理局')],
  form: form({ ...entityFields('经营单位'), premises: f.address('经营场所'), scope: f.choice('经营类别', ['销售', '经纪', '鉴定评估', '租赁', '综合']) }),
  result: { type: 'other', name: '艺术品经营单位备案回执' },
  topics: ['文体教育'],
  keywords: ['画廊', '艺术品备案'],
};

const venueFiling: ItemDraft = {
  name: '演出场所经营单位备案',
  kind: ItemKind.otherPower,
  main: 6,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《营业性演出管理条例》', article: '第七条' }, { title: '《营业性演出管理条例实施细则》' }],
  conditions: ['依法登记的演出场所经营单位', '自领取营业执照之日起20日内备案'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '演出场所经营单位备案表', { form: 'electronic', paper: [0, 0] }), shared('M02', '营业执照', '泰州市市场监督管理局'), mat('M03', '消防安全检查合格证明或承诺', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('经营单位'), venue: f.text('演出场所名称', 100), seats: f.integer('座位数', 1) }),
  result: { type: 'other', name: '演出场所经营单位备案回执' },
  topics: ['文体教育'],
  keywords: ['剧场备案', '演出场所', 'livehouse'],
};

export const wglyItems: OrgItems = { orgKey: 'wgly', items: [entertainment, performance, internetCafe, travelAgency, artworkFiling, venueFiling] };
