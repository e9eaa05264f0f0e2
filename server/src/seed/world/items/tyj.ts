/** 泰州市体育局 (key 'tyj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const highRiskSports: ItemDraft = {
  name: '经营高危险性体育项目许可',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《全民健身条例》', article: '第三十二条' }, { title: '《经营高危险性体育项目许可管理办法》（国家体育总局令第17号）' }],
  conditions: ['相关体育设施符合国家标准', '具有达到规定数量的取得国家职业资格证书的社会体育指导人员和救助人员', '具有安全保障制度和措施'],
  steps: [STEP.apply(), STEP.accept(), STEP.inspect('对体育设施和救助设施进行实地核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 30,
  committedDays: 10,
  limitNote: '法定时限为30日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '经营高危险性体育项目许可申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '体育设施符合相关国家标准的说明性材料', { form: 'electronic', paper: [0, 0] }), mat('M03', '社会体育指导人员、救助人员的职业资格证明', { paper: [0, 1] }), mat('M04', '安全保障制度和措施', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('经营者名称'), project: f.choice('经营项目', ['游泳', '潜水', '攀岩', '滑雪', '蹦极']), venue: f.text('经营场所', 200), area: f.number('场地面积（平方米）', 1) }),
  result: { type: 'license', name: '高危险性体育项目经营许可证' },
  topics: ['准营准办', '文体教育'],
  lifeEvents: ['开办游泳馆'],
  keywords: ['游泳馆许可', '高危体育', '攀岩馆'],
};

const qigongActivity: ItemDraft = {
  name: '举办健身气功活动及设立站点审批',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity', 'person'],
  serviceObjectTypes: ['natural_person', 'social_organization', 'public_institution'],
  legalBasis: [{ title: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）' }, { title: '《健身气功管理办法》（国家体育总局令第9号）' }],
  conditions: ['举办健身气功活动或者设立站点的，有具备相应资格的社会体育指导员', '有开展活动的场地', '活动内容为国家体育总局审定的健身气功功法'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '举办健身气功活动或设立站点申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '社会体育指导员资格证明', { paper: [0, 1] }), mat('M03', '活动场地使用证明')],
  form: form({ ...entityFields('申请单位'), type: f.choice('申请类别', ['举办健身气功活动', '设立健身气功站点'], true), venue: f.text('活动场地', 200), method: f.text('功法名称', 50) }),
  result: { type: 'approval', name: '准予举办健身气功活动（设立站点）决定书' },
  topics: ['文体教育'],
  keywords: ['健身气功', '八段锦', '太极站点'],
};

export const tyjItems: OrgItems = { orgKey: 'tyj', items: [highRiskSports, qigongActivity] };
