/** 泰州市消防救援支队 (key 'xfzd'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const publicGatheringCheck: ItemDraft = {
  name: '公众聚集场所投入使用、营业前消防安全检查',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国消防法》', article: '第十五条' }, { title: '《公众聚集场所投入使用、营业消防安全检查规则》（应急〔2019〕87号）' }],
  conditions: ['宾馆、饭店、商场、集贸市场、客运车站候车室、体育场馆、会堂、公共娱乐场所等公众聚集场所', '场所消防设施、器材和消防安全标志配置符合要求，消防安全制度健全'],
  steps: [STEP.apply('选择告知承诺或一般程序申请'), STEP.accept(), STEP.inspect('一般程序的在决定前现场检查；告知承诺的当场作出许可决定，3个工作日内现场核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 10,
  committedDays: 3,
  limitNote: '采用告知承诺方式的当场作出许可决定',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '公众聚集场所投入使用、营业消防安全检查申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '消防安全制度、灭火和应急疏散预案、场所平面布置图', { form: 'electronic', paper: [0, 0] }), mat('M03', '员工岗前消防安全教育培训记录', { form: 'electronic', paper: [0, 0] }), mat('M04', '公众聚集场所消防安全告知承诺书', { necessity: 'optional', form: 'electronic', paper: [0, 0], notes: '选择告知承诺方式的提供' })],
  form: form({ ...entityFields('场所名称'), premises: f.address('场所地址'), placeType: f.choice('场所类别', ['宾馆、饭店', '商场、集贸市场', '公共娱乐场所', '体育场馆', '其他']), area: f.number('建筑面积（平方米）', 1), mode: f.choice('申请方式', ['告知承诺', '一般程序'], true) }),
  result: { type: 'license', name: '公众聚集场所投入使用、营业前消防安全检查合格证' },
  topics: ['准营准办', '公共安全'],
  lifeEvents: ['开办餐饮店'],
  keywords: ['消防检查', '消防许可', '开业消防'],
  faq: [{ q: '饭店开业前都要办消防安全检查吗？', a: '属于公众聚集场所的饭店需要办理；可选择告知承诺方式，当场取得许可后由消防救援机构进行现场核查。' }],
};

const fireAccidentDetermination: ItemDraft = {
  name: '火灾事故认定',
  kind: ItemKind.confirmation,
  main: 2,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《中华人民共和国消防法》', article: '第五十一条' }, { title: '《火灾事故调查规定》' }],
  conditions: ['发生火灾事故，由消防救援机构依法调查', '当事人可申请获取火灾事故认定书或申请复核'],
  steps: [STEP.apply('消防救援机构依职权调查；当事人可申请调取认定书'), { name: '调查取证', description: '勘验火灾现场，询问当事人和证人，必要时进行技术鉴定' }, STEP.decide('作出火灾事故认定'), STEP.deliver('送达当事人')],
  statutoryDays: 30,
  committedDays: 15,
  limitNote: '法定时限为30日（自然日），自接到火灾报警之日起计算；情况复杂、疑难的经批准可延长30日',
  specialProcedures: [{ name: '技术鉴定', note: '需要进行技术鉴定的，鉴定时间不计入调查期限' }],
  onlineDepth: [1, 2, 3],
  visitsRequired: 1,
  visitReason: '当事人需到场接受询问并签收认定书',
  materials: [mat('M01', '火灾事故认定申请书', { notes: '当事人申请时提供' }), mat('M02', '火灾损失申报统计表', { necessity: 'optional' })],
  form: form({ ...personFields('当事人姓名'), fireDate: f.date('火灾发生日期'), location: f.text('起火地点', 200) }),
  result: { type: 'other', name: '火灾事故认定书' },
  topics: ['公共安全'],
  features: { express: false },
  keywords: ['火灾认定', '失火', '火灾事故'],
};

export const xfzdItems: OrgItems = { orgKey: 'xfzd', items: [publicGatheringCheck, fireAccidentDetermination] };
