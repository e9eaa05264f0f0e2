/**
 * Smaller departments: 市发展改革委 (fgw), 市残联 (cl), 市司法局 (sfj), 市应急管理局 (yjglj).
 */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const INVESTMENT_REG = { title: '《企业投资项目核准和备案管理条例》（国务院令第673号）' };

const investmentFiling: ItemDraft = {
  name: '企业投资项目备案',
  kind: ItemKind.otherPower,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [INVESTMENT_REG, { title: '《江苏省企业投资项目核准和备案管理办法》' }],
  conditions: ['实行备案管理的企业投资项目，在开工建设前通过在线平台告知项目信息', '项目不属于产业政策禁止投资建设的项目'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案信息完整的即时备案',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '企业投资项目备案信息表', { form: 'electronic', paper: [0, 0], notes: '通过江苏省投资项目在线审批监管平台填报' })],
  form: form({ ...entityFields('项目单位'), projectName: f.text('项目名称', 100), location: f.text('建设地点', 200), investment: f.number('总投资（万元）', 0), content: f.textarea('建设规模及内容', 1000) }),
  result: { type: 'other', name: '江苏省投资项目备案证' },
  topics: ['投资审批'],
  keywords: ['项目备案', '立项'],
};

const investmentApproval: ItemDraft = {
  name: '企业投资项目核准',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity'],
  legalBasis: [INVESTMENT_REG, { title: '《企业投资项目核准和备案管理办法》（国家发展改革委令第2号）' }],
  conditions: ['属于《政府核准的投资项目目录》范围内、由市级核准的项目', '符合国家法律法规和产业政策、行业准入标准'],
  steps: [STEP.apply(), STEP.accept(), STEP.review('需要评估的委托工程咨询机构评估，征求有关部门意见'), STEP.decide('作出予以核准或者不予核准的决定'), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '委托评估、征求意见时间不计入',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '项目申请报告', { form: 'electronic', paper: [0, 0] }),
    shared('M02', '建设项目用地预审与选址意见书', '泰州市自然资源和规划局'),
    mat('M03', '项目单位关于申请材料真实性的承诺书', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('项目单位'), projectName: f.text('项目名称', 100), location: f.text('建设地点', 200), investment: f.number('总投资（万元）', 0), industry: f.text('所属行业', 100) }),
  result: { type: 'approval', name: '项目核准文件' },
  topics: ['投资审批'],
  keywords: ['项目核准'],
};

export const fgwItems: OrgItems = { orgKey: 'fgw', items: [investmentFiling, investmentApproval] };

const disabilityCard: ItemDraft = {
  name: '残疾人证新办',
  kind: ItemKind.publicService,
  main: 1,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国残疾人保障法》' }, { title: '《中华人民共和国残疾人证管理办法》' }],
  conditions: ['符合残疾标准的视力、听力、言语、肢体、智力、精神或多重残疾人', '具有泰州市户籍'],
  steps: [STEP.apply('本人或监护人网上或到户籍地乡镇（街道）便民服务中心申请'), { name: '残疾评定', description: '到指定医疗机构进行残疾评定' }, STEP.review('县级残联审核评定结论'), STEP.deliver('核发第三代残疾人证（含电子证）')],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '残疾评定时间不计入',
  onlineDepth: [1, 2, 3, 4],
  visitsRequired: 1,
  visitReason: '需到指定评定机构进行残疾评定（行动不便的可申请上门评定）',
  materials: [
    mat('M01', '残疾人证申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '近期2寸白底彩色免冠照片', { form: 'both', paper: [2, 0] }),
  ],
  form: form({ ...personFields(), disabilityType: f.choice('残疾类别', ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾']), guardianName: f.text('监护人姓名（如有）', 50), address: f.address('居住地址') }, ['guardianName']),
  result: { type: 'license', name: '中华人民共和国残疾人证' },
  topics: ['残疾人服务', '证件办理'],
  keywords: ['残疾证', '办残疾证'],
};

export const clItems: OrgItems = { orgKey: 'cl', items: [disabilityCard] };

const legalAid: ItemDraft = {
  name: '法律援助申请审查',
  kind: ItemKind.benefit,
  main: 1,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国法律援助法》', article: '第四十三条' }, { title: '《江苏省法律援助条例》' }],
  conditions: ['经济困难或者符合法律援助法规定的免予经济困难审查情形', '申请事项属于法律援助范围'],
  statutoryDays: 7,
  committedDays: 3,
  limitNote: '法定时限为7日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '法律援助申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '经济困难状况说明表', { form: 'electronic', paper: [0, 0], notes: '申请人如实说明，可通过个人诚信承诺代替证明' }),
    mat('M03', '申请事项的证据（劳动合同、欠薪凭证、起诉状或法院传票等）', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields(), caseType: f.choice('案件类型', ['劳动争议', '追索劳动报酬', '婚姻家庭', '交通事故', '医疗纠纷', '刑事辩护']), description: f.textarea('案情简述', 1000) }),
  result: { type: 'approval', name: '给予法律援助决定书' },
  topics: ['司法公证'],
  keywords: ['法律援助', '免费律师', '讨薪'],
};

export const sfjItems: OrgItems = { orgKey: 'sfj', items: [legalAid] };

const hazardousChemicals: ItemDraft = {
  name: '危险化学品经营许可（不带储存设施）',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《危险化学品安全管理条例》', article: '第三十三条、第三十五条' }, { title: '《危险化学品经营许可证管理办法》（原国家安全监管总局令第55号）' }],
  conditions: ['有符合国家标准、行业标准的经营场所', '从业人员经过专业技术培训并经考核合格', '有健全的安全管理规章制度和事故应急救援预案'],
  statutoryDays: 30,
  committedDays: 10,
  limitNote: '法定时限为30日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '危险化学品经营许可证申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '主要负责人、安全生产管理人员安全生产知识和管理能力考核合格证明', { paper: [0, 1] }),
    mat('M03', '经营场所产权证明或租赁证明'),
    mat('M04', '安全生产规章制度和岗位操作规程目录清单', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '生产安全事故应急救援预案', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('企业名称'), principal: f.name('主要负责人'), premises: f.address('经营场所'), scope: f.textarea('拟经营危险化学品品种', 500) }),
  result: { type: 'license', name: '危险化学品经营许可证' },
  topics: ['准营准办', '公共安全'],
  keywords: ['危化品', '化工贸易', '危险化学品经营许可证'],
};

export const yjgljItems: OrgItems = { orgKey: 'yjglj', items: [hazardousChemicals] };
