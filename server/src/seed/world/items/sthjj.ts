/** 泰州市生态环境局 (key 'sthjj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

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
  specialProcedures: [{ name: '技术评估', maxDays: 30, note: '委托技术评估机构对报告表进行技术评估，评估时间不计入审批时限' }],
  intermediaryServices: [{ name: '环境影响报告表编制', provider: '在环境影响评价信用平台备案的技术单位（建设单位自主选择，也可自行编制）', basis: '《中华人民共和国环境影响评价法》第十九条', feeNote: '按市场价格' }],
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

const eiaBook: ItemDraft = {
  ...eiaReport,
  name: '建设项目环境影响报告书审批',
  sub: 1,
  conditions: ['可能造成重大环境影响的建设项目', '已依法公开征求公众意见并编制公众参与说明', '建设项目类型及其选址、布局、规模等符合环境保护法律法规和相关法定规划'],
  steps: [STEP.apply(), STEP.accept(), { name: '受理公示', description: '受理后在网站公开报告书全本，公示10个工作日' }, STEP.review('组织技术评估，审查环境影响报告书'), { name: '拟批准公示', description: '作出审批决定前公示拟审批意见5个工作日' }, STEP.decide(), STEP.deliver()],
  statutoryDays: 60,
  committedDays: 20,
  limitNote: '法定时限为60日（自然日），技术评估和公示时间不计入',
  specialProcedures: [
    { name: '技术评估', maxDays: 60, note: '委托技术评估机构开展，评估时间不计入审批时限' },
    { name: '公示', maxDays: 15, note: '受理公示和拟审批公示，不计入审批时限' },
  ],
  materials: [
    mat('M01', '建设项目环境影响报告书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '建设项目环境影响评价审批申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '公众参与说明', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '删除涉及国家秘密、商业秘密等内容的报告书公开版本及说明', { form: 'electronic', paper: [0, 0] }),
  ],
  result: { type: 'approval', name: '建设项目环境影响报告书批复' },
  intermediaryServices: [{ name: '环境影响报告书编制', provider: '在环境影响评价信用平台备案的技术单位（建设单位自主选择，也可自行编制）', basis: '《中华人民共和国环境影响评价法》第十九条', feeNote: '按市场价格' }],
  keywords: ['环评报告书', '重大项目环评'],
};

const eiaRegistration: ItemDraft = {
  name: '建设项目环境影响登记表备案',
  kind: ItemKind.otherPower,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国环境影响评价法》', article: '第二十二条' }, { title: '《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）' }],
  conditions: ['对环境影响很小、不需要进行环境影响评价，按名录应当填报环境影响登记表的建设项目', '在建成并投入生产运营前完成备案'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '网上填报即时生成备案回执',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '建设项目环境影响登记表', { form: 'electronic', paper: [0, 0], notes: '在建设项目环境影响登记表备案系统填报' })],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), location: f.text('建设地点', 200), category: f.text('名录类别', 100) }),
  result: { type: 'other', name: '建设项目环境影响登记表备案回执' },
  topics: ['环保绿化', '投资审批'],
  keywords: ['环评登记表', '环评备案'],
};

const pollutionRegistration: ItemDraft = {
  name: '固定污染源排污登记',
  kind: ItemKind.otherPower,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《排污许可管理条例》（国务院令第736号）', article: '第二十四条' }, { title: '《固定污染源排污许可分类管理名录》' }],
  conditions: ['污染物产生量、排放量和对环境的影响程度很小，依法不需要申请取得排污许可证的排污单位'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '网上填报即时登记',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '固定污染源排污登记表', { form: 'electronic', paper: [0, 0], notes: '通过全国排污许可证管理信息平台填报' })],
  form: form({ ...entityFields('排污单位'), industry: f.text('行业类别', 100), pollutants: f.text('主要污染物种类', 200) }),
  result: { type: 'other', name: '固定污染源排污登记回执' },
  topics: ['环保绿化'],
  keywords: ['排污登记', '登记管理'],
};

const radiationLicense: ItemDraft = {
  name: '辐射安全许可证核发（使用Ⅲ类射线装置）',
  kind: ItemKind.license,
  main: 5,
  serviceObjects: ['entity'],
  serviceObjectTypes: ['enterprise', 'public_institution'],
  legalBasis: [{ title: '《中华人民共和国放射性污染防治法》', article: '第二十八条' }, { title: '《放射性同位素与射线装置安全和防护条例》（国务院令第449号）' }, { title: '《放射性同位素与射线装置安全许可管理办法》' }],
  conditions: ['有与所从事的生产、销售、使用活动规模相适应的专业技术人员', '有符合国家环境保护标准、职业卫生标准和安全防护要求的场所、设施和设备', '有健全的安全和防护管理规章制度、辐射事故应急措施'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('对辐射工作场所和防护设施进行现场核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '辐射安全许可证申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '辐射安全管理制度和辐射事故应急措施', { form: 'electronic', paper: [0, 0] }), mat('M03', '辐射工作人员培训考核合格证明', { form: 'electronic', paper: [0, 0] }), mat('M04', '工作场所辐射环境监测报告', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('使用单位'), devices: f.textarea('射线装置名称、型号和数量', 500), location: f.text('使用场所', 200) }),
  result: { type: 'license', name: '辐射安全许可证' },
  intermediaryServices: [{ name: '辐射环境监测', provider: '具备资质的检验检测机构', basis: '《放射性同位素与射线装置安全许可管理办法》', feeNote: '按检测机构收费标准' }],
  topics: ['环保绿化', '准营准办'],
  keywords: ['辐射许可', '射线装置', 'X光机'],
};

export const sthjjItems: OrgItems = { orgKey: 'sthjj', items: [eiaReport, dischargePermit, eiaBook, eiaRegistration, pollutionRegistration, radiationLicense] };
