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
  tongbanScope: 'province',
  faq: [{ q: '项目备案后内容变了怎么办？', a: '项目法人发生变化，项目建设地点、规模、内容发生重大变更，或者放弃项目建设的，应当通过在线平台及时告知备案机关并修改相关信息。' }],
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
  specialProcedures: [{ name: '委托评估', maxDays: 30, note: '委托工程咨询机构评估的，评估时间不超过30日，不计入核准时限' }],
  intermediaryServices: [{ name: '项目申请报告编制', provider: '工程咨询单位（项目单位自主选择，也可自行编制）', basis: '《企业投资项目核准和备案管理办法》', feeNote: '按市场价格' }],
  topics: ['投资审批'],
  keywords: ['项目核准'],
};

const GOV_INVESTMENT = { title: '《政府投资条例》（国务院令第712号）' };
const PUBLIC_BODIES: ItemDraft['serviceObjectTypes'] = ['government_agency', 'public_institution', 'enterprise'];

const projectProposal: ItemDraft = {
  name: '政府投资项目建议书审批',
  kind: ItemKind.license,
  main: 3,
  sub: 1,
  serviceObjects: ['entity'],
  serviceObjectTypes: PUBLIC_BODIES,
  legalBasis: [{ ...GOV_INVESTMENT, article: '第九条' }, { title: '《江苏省政府投资管理办法》' }],
  conditions: ['使用预算安排资金进行的固定资产投资建设项目', '项目符合国民经济和社会发展规划、相关专项规划和产业政策'],
  steps: [STEP.apply(), STEP.accept(), STEP.review('委托工程咨询机构评估，征求有关部门意见'), STEP.decide('作出是否批准的决定'), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '委托评估时间不计入',
  specialProcedures: [{ name: '委托评估', maxDays: 30, note: '委托工程咨询机构评估，评估时间不计入' }],
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '项目建议书', { form: 'electronic', paper: [0, 0] }), mat('M02', '项目单位申请文件', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('项目单位'), projectName: f.text('项目名称', 100), investment: f.number('估算总投资（万元）', 0), fundSource: f.text('资金来源', 100) }),
  result: { type: 'approval', name: '项目建议书批复' },
  intermediaryServices: [{ name: '项目建议书编制', provider: '工程咨询单位', basis: '《政府投资条例》', feeNote: '按市场价格' }],
  topics: ['投资审批'],
  keywords: ['项目建议书', '政府投资立项'],
};

const feasibilityStudy: ItemDraft = {
  ...projectProposal,
  name: '政府投资项目可行性研究报告审批',
  sub: 2,
  conditions: ['项目建议书已经批准（按规定可直接审批可行性研究报告的除外）', '已取得用地预审与选址意见书、节能审查意见等前置文件'],
  materials: [mat('M01', '可行性研究报告', { form: 'electronic', paper: [0, 0] }), shared('M02', '建设项目用地预审与选址意见书', '泰州市自然资源和规划局'), mat('M03', '节能审查意见', { necessity: 'optional', form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('项目单位'), projectName: f.text('项目名称', 100), investment: f.number('总投资（万元）', 0), content: f.textarea('建设规模和内容', 1000) }),
  result: { type: 'approval', name: '可行性研究报告批复' },
  intermediaryServices: [{ name: '可行性研究报告编制', provider: '工程咨询单位', basis: '《政府投资条例》', feeNote: '按市场价格' }],
  keywords: ['可研批复', '可行性研究报告'],
};

const preliminaryDesign: ItemDraft = {
  ...projectProposal,
  name: '政府投资项目初步设计及概算审批',
  sub: 3,
  conditions: ['可行性研究报告已经批准', '初步设计提出的投资概算未超过经批准的可行性研究报告投资估算的10%（超过的，须先重新报送可行性研究报告）'],
  materials: [mat('M01', '初步设计文件及概算', { form: 'electronic', paper: [0, 0] }), mat('M02', '可行性研究报告批复', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('项目单位'), projectName: f.text('项目名称', 100), budget: f.number('概算总投资（万元）', 0), designer: f.text('设计单位', 100) }),
  result: { type: 'approval', name: '初步设计及概算批复' },
  intermediaryServices: [{ name: '初步设计编制', provider: '具有相应资质的工程设计单位', basis: '《建设工程勘察设计管理条例》', feeNote: '按市场价格' }],
  keywords: ['初步设计', '概算批复'],
};

const energyReview: ItemDraft = {
  name: '固定资产投资项目节能审查',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  serviceObjectTypes: PUBLIC_BODIES,
  legalBasis: [{ title: '《中华人民共和国节约能源法》', article: '第十五条' }, { title: '《固定资产投资项目节能审查办法》（国家发展改革委令2023年第2号）' }],
  conditions: ['年综合能源消费量1000吨标准煤以上（改扩建项目按增量）的固定资产投资项目', '项目用能符合能源消费总量和强度控制要求'],
  steps: [STEP.apply(), STEP.accept(), { name: '专家评审', description: '委托评审机构对节能报告进行评审' }, STEP.decide('出具节能审查意见'), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '委托评审时间不计入',
  specialProcedures: [{ name: '专家评审', maxDays: 30, note: '委托评审机构评审，不计入审查时限' }],
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '节能审查申请', { form: 'electronic', paper: [0, 0] }), mat('M02', '项目节能报告', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('建设单位'), projectName: f.text('项目名称', 100), energy: f.number('年综合能源消费量（吨标准煤）', 0) }),
  result: { type: 'approval', name: '节能审查意见' },
  intermediaryServices: [{ name: '节能报告编制', provider: '具有相应能力的咨询单位（建设单位自主选择）', basis: '《固定资产投资项目节能审查办法》', feeNote: '按市场价格' }],
  topics: ['投资审批'],
  keywords: ['能评', '节能审查'],
};

export const fgwItems: OrgItems = { orgKey: 'fgw', items: [investmentFiling, investmentApproval, projectProposal, feasibilityStudy, preliminaryDesign, energyReview] };

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

const disabilityCardRenewal: ItemDraft = {
  name: '残疾人证换领、补领',
  kind: ItemKind.publicService,
  main: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国残疾人证管理办法》' }],
  conditions: ['残疾人证有效期满、残疾状况发生变化需要重新评定，或者证件损毁', '残疾人证遗失的补领'],
  statutoryDays: 20,
  committedDays: 5,
  limitNote: '需要重新评定的，评定时间不计入',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '残疾人证换领（补领）申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '原残疾人证', { necessity: 'optional', obtainable: false, notes: '换领时交回' })],
  form: form({ ...personFields(), certNo: f.text('残疾人证号', 20), type: f.choice('申请类型', ['有效期满换领', '残疾状况变化换领', '损毁换领', '遗失补领']) }),
  result: { type: 'license', name: '中华人民共和国残疾人证' },
  topics: ['残疾人服务', '证件办理'],
  tongbanScope: 'province',
  keywords: ['残疾证到期', '补办残疾证'],
};

const childRehabilitation: ItemDraft = {
  name: '残疾儿童康复救助',
  kind: ItemKind.publicService,
  main: 3,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号）' }, { title: '《残疾预防和残疾人康复条例》' }],
  conditions: ['0—6岁视力、听力、言语、肢体、智力等残疾儿童和孤独症儿童', '具有泰州市户籍或持有泰州市居住证'],
  statutoryDays: 15,
  committedDays: 7,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '残疾儿童康复救助申请审批表', { form: 'electronic', paper: [0, 0] }), mat('M02', '二级以上医疗机构出具的诊断证明', { notes: '持有残疾人证的无需提供' })],
  form: form({ ...personFields('监护人姓名'), childName: f.text('儿童姓名', 20), childIdNumber: f.text('儿童身份证号码', 18), type: f.choice('康复类别', ['视力', '听力言语', '肢体', '智力', '孤独症']), institution: f.text('拟选择定点康复机构', 100) }),
  result: { type: 'other', name: '康复救助审批结果' },
  topics: ['残疾人服务', '生育收养'],
  keywords: ['康复救助', '孤独症', '自闭症'],
};

const assistiveDevices: ItemDraft = {
  name: '残疾人辅助器具适配补贴',
  kind: ItemKind.publicService,
  main: 4,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国残疾人保障法》', article: '第二十条' }, { title: '《残疾预防和残疾人康复条例》' }],
  conditions: ['持有第三代残疾人证', '经评估确需适配辅助器具'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '辅助器具适配申请表', { form: 'electronic', paper: [0, 0] }), shared('M02', '残疾人证', '泰州市残疾人联合会')],
  form: form({ ...personFields(), device: f.choice('申请辅具', ['轮椅', '助听器', '假肢', '矫形器', '助行器', '盲杖']), address: f.address('居住地址') }),
  result: { type: 'other', name: '辅助器具适配补贴结果' },
  topics: ['残疾人服务'],
  keywords: ['轮椅', '助听器', '辅具'],
};

export const clItems: OrgItems = { orgKey: 'cl', items: [disabilityCard, disabilityCardRenewal, childRehabilitation, assistiveDevices] };

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

const fireworksRetail: ItemDraft = {
  name: '烟花爆竹经营（零售）许可',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《烟花爆竹安全管理条例》（国务院令第455号）', article: '第十八条、第十九条' }, { title: '《烟花爆竹经营许可实施办法》（原国家安全监管总局令第65号）' }],
  conditions: ['符合本市烟花爆竹零售经营布点规划', '零售场所面积、安全距离和防火措施符合规定', '主要负责人经过安全培训合格，销售人员经过安全知识教育'],
  steps: [STEP.apply(), STEP.accept(), STEP.inspect('对零售场所的安全条件进行实地核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '烟花爆竹经营（零售）许可证申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '零售场所产权或租赁证明'), mat('M03', '主要负责人安全培训合格证明', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('经营者名称'), premises: f.address('零售场所'), area: f.number('场所面积（平方米）', 1), period: f.choice('经营期限', ['春节期间临时零售', '常年零售'], true) }),
  result: { type: 'license', name: '烟花爆竹经营（零售）许可证' },
  topics: ['准营准办', '公共安全'],
  keywords: ['卖烟花', '烟花爆竹许可证'],
};

const emergencyPlanFiling: ItemDraft = {
  name: '生产经营单位生产安全事故应急预案备案',
  kind: ItemKind.otherPower,
  main: 3,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《生产安全事故应急条例》（国务院令第708号）', article: '第七条' }, { title: '《生产安全事故应急预案管理办法》（应急管理部令第2号）' }],
  conditions: ['易燃易爆物品、危险化学品等危险物品的生产、经营、储存单位等须备案的生产经营单位', '应急预案已经评审或者论证并公布'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '生产经营单位生产安全事故应急预案备案申报表', { form: 'electronic', paper: [0, 0] }), mat('M02', '应急预案评审意见', { form: 'electronic', paper: [0, 0] }), mat('M03', '风险评估结果和应急资源调查清单', { form: 'electronic', paper: [0, 0] }), mat('M04', '生产安全事故应急预案文本', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('单位名称'), industry: f.text('行业类别', 100), planType: f.choice('预案类型', ['综合应急预案', '专项应急预案', '现场处置方案']) }),
  result: { type: 'other', name: '生产经营单位生产安全事故应急预案备案登记表' },
  topics: ['公共安全'],
  keywords: ['应急预案备案'],
};

const specialOperation: ItemDraft = {
  name: '特种作业操作证核发',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国安全生产法》', article: '第三十条' }, { title: '《特种作业人员安全技术培训考核管理规定》（原国家安全监管总局令第30号）' }],
  conditions: ['年满18周岁，且不超过国家法定退休年龄', '经社区或者县级以上医疗机构体检健康合格', '具有初中及以上文化程度', '经安全技术理论和实际操作考试合格'],
  steps: [STEP.apply(), STEP.accept(), { name: '考试', description: '参加考核发证机关组织的安全技术理论和实际操作考试' }, STEP.decide('考试合格的5个工作日内核发特种作业操作证'), STEP.deliver('电子证照推送至本人')],
  statutoryDays: 5,
  committedDays: 2,
  limitNote: '自考试合格之日起计算',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  visitsRequired: 1,
  visitReason: '需到考点参加实际操作考试',
  materials: [mat('M01', '特种作业操作资格申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '体检合格证明'), mat('M03', '学历证书', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...personFields(), category: f.choice('作业类别', ['电工作业', '焊接与热切割作业', '高处作业', '制冷与空调作业', '危险化学品安全作业']), employer: f.text('工作单位', 100) }, ['employer']),
  result: { type: 'license', name: '中华人民共和国特种作业操作证' },
  topics: ['职业资格', '公共安全'],
  tongbanScope: 'national',
  keywords: ['电工证', '焊工证', '高处作业证'],
};

export const yjgljItems: OrgItems = { orgKey: 'yjglj', items: [hazardousChemicals, fireworksRetail, emergencyPlanFiling, specialOperation] };
