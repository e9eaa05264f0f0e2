/** 泰州市商务局 (key 'swuj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, shared, type ItemDraft, type OrgItems } from './helpers.ts';

const prepaidCard: ItemDraft = {
  name: '单用途商业预付卡发卡企业备案',
  kind: ItemKind.otherPower,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《单用途商业预付卡管理办法（试行）》（商务部令2012年第9号）' }],
  conditions: ['从事零售业、住宿和餐饮业、居民服务业的企业法人发行单用途商业预付卡', '自开展单用途卡业务之日起30日内备案'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '单用途卡业务备案表', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '营业执照', '泰州市市场监督管理局'),
    mat('M03', '单用途卡章程及购卡协议样本', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '预收资金存管协议', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('发卡企业'), cardType: f.choice('预付卡类型', ['记名卡', '不记名卡', '记名卡和不记名卡']), custodyBank: f.text('资金存管银行', 100) }),
  result: { type: 'other', name: '单用途卡备案回执' },
  topics: ['商务贸易'],
  keywords: ['预付卡', '储值卡', '会员卡备案'],
};

const usedCarFiling: ItemDraft = {
  name: '二手车交易市场经营者和二手车经营主体备案',
  kind: ItemKind.otherPower,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《二手车流通管理办法》' }],
  conditions: ['取得营业执照的二手车交易市场经营者、二手车经销企业、拍卖企业、经纪机构', '自取得营业执照之日起2个月内备案'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '二手车经营主体备案表', { form: 'electronic', paper: [0, 0] }), shared('M02', '营业执照', '泰州市市场监督管理局')],
  form: form({ ...entityFields('企业名称'), mainType: f.choice('经营主体类型', ['二手车交易市场', '二手车经销企业', '二手车拍卖企业', '二手车经纪机构']), premises: f.address('经营场所') }),
  result: { type: 'other', name: '二手车经营主体备案回执' },
  topics: ['商务贸易', '交通运输'],
  keywords: ['二手车', '车商备案'],
};

const recyclingFiling: ItemDraft = {
  name: '再生资源回收经营者备案',
  kind: ItemKind.otherPower,
  main: 3,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《再生资源回收管理办法》（商务部令2007年第8号）', article: '第七条' }],
  conditions: ['从事再生资源回收经营活动的企业和个体工商户', '自领取营业执照之日起30日内备案'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '再生资源回收经营者备案登记表', { form: 'electronic', paper: [0, 0] }), shared('M02', '营业执照', '泰州市市场监督管理局')],
  form: form({ ...entityFields('经营者名称'), premises: f.address('经营场所'), categories: f.text('回收品种', 200) }),
  result: { type: 'other', name: '再生资源回收经营者备案回执' },
  topics: ['商务贸易', '环保绿化'],
  keywords: ['废品回收', '再生资源备案'],
};

export const swujItems: OrgItems = { orgKey: 'swuj', items: [prepaidCard, usedCarFiling, recyclingFiling] };
