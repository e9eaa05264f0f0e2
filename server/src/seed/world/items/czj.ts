/** 泰州市财政局 (key 'czj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const bookkeepingAgency: ItemDraft = {
  name: '代理记账机构设立审批',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国会计法》', article: '第三十六条' }, { title: '《代理记账管理办法》（财政部令第98号）', article: '第三条、第四条' }],
  conditions: ['为依法设立的企业', '专职从业人员不少于3名，主管代理记账业务的负责人具有会计师以上专业技术职务资格或者从事会计工作不少于三年', '有健全的代理记账业务内部规范'],
  statutoryDays: 10,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '代理记账机构设立申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '专职从业人员在本机构专职从业的书面承诺', { form: 'electronic', paper: [0, 0] }), mat('M03', '主管代理记账业务负责人的会计专业技术资格证明', { form: 'electronic', paper: [0, 0] }), mat('M04', '代理记账业务内部规范', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('机构名称'), principal: f.name('主管代理记账业务负责人'), staff: f.integer('专职从业人员数', 3) }),
  result: { type: 'license', name: '代理记账许可证书' },
  topics: ['准营准办', '税收财务'],
  keywords: ['代账公司', '代理记账许可'],
};

const accountantInfo: ItemDraft = {
  name: '会计人员信息采集',
  kind: ItemKind.publicService,
  main: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国会计法》' }, { title: '《会计人员管理办法》（财会〔2018〕33号）' }],
  conditions: ['在泰州市从事会计工作的人员或取得会计专业技术资格的人员', '首次采集或者信息发生变更'],
  statutoryDays: 5,
  committedDays: 0,
  limitNote: '网上采集，学历和资格信息核验一致的即时办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '会计人员信息采集表', { form: 'electronic', paper: [0, 0] }), mat('M02', '学历证书', { form: 'electronic', paper: [0, 0], notes: '学信网可核验的无需提供' })],
  form: form({ ...personFields(), employer: f.text('工作单位', 100), title: f.choice('会计专业技术资格', ['无', '初级', '中级', '高级']) }),
  result: { type: 'other', name: '会计人员信息采集结果' },
  topics: ['职业资格', '税收财务'],
  keywords: ['会计信息采集', '会计证'],
};

const procurementComplaint: ItemDraft = {
  name: '政府采购投诉处理',
  kind: ItemKind.adjudication,
  main: 3,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国政府采购法》', article: '第五十五条、第五十六条' }, { title: '《政府采购质疑和投诉办法》（财政部令第94号）' }],
  conditions: ['投诉人是参与所投诉政府采购项目活动的供应商', '提起投诉前已依法进行质疑，对质疑答复不满意或采购人未在规定时间内答复', '在质疑答复期满后15个工作日内提起投诉'],
  steps: [STEP.apply(), STEP.accept('收到投诉书后5个工作日内审查并决定是否受理'), STEP.review('书面审查，必要时进行调查取证或组织质证'), { name: '专家评审', description: '需要检验、检测、鉴定、专家评审的，所需时间不计入投诉处理期限' }, STEP.decide('作出处理决定'), STEP.deliver()],
  statutoryDays: 30,
  committedDays: 15,
  limitNote: '自收到投诉之日起30个工作日内作出处理决定；检验、检测、鉴定、专家评审时间不计入',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '投诉书', { form: 'electronic', paper: [0, 0], notes: '写明投诉人和被投诉人、具体投诉事项及事实依据、法律依据' }), mat('M02', '质疑函和质疑答复', { form: 'electronic', paper: [0, 0] }), mat('M03', '投诉事项的证据（采购文件、评审结果公告、往来函件）', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('投诉人（供应商）'), projectName: f.text('采购项目名称', 100), respondent: f.text('被投诉人', 100), claim: f.textarea('投诉事项和请求', 1000) }),
  result: { type: 'other', name: '政府采购投诉处理决定书' },
  topics: ['投诉举报'],
  keywords: ['政府采购投诉', '招标投诉'],
};

export const czjItems: OrgItems = { orgKey: 'czj', items: [bookkeepingAgency, accountantInfo, procurementComplaint] };
