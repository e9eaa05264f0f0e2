/** 泰州市市场监督管理局 (key 'scjgj') and its district counterparts. */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, shared, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const REGISTRATION_BASIS = [
  { title: '《中华人民共和国市场主体登记管理条例》（国务院令第746号）', article: '第十九条' },
  { title: '《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第52号）' },
];
const REGISTRATION_LIMIT_NOTE = '申请材料齐全、符合法定形式的当场登记；不能当场登记的，3个工作日内予以登记';

/** The first item of the end-to-end slice: a person applies online, zero visits, one upload. */
export const SOLE_PROPRIETOR_REGISTRATION: ItemDraft = {
  name: '个体工商户设立登记',
  kind: ItemKind.license,
  main: 1,
  sub: 1,
  serviceObjects: ['person'],
  legalBasis: [
    { title: '《促进个体工商户发展条例》（国务院令第755号）' },
    ...REGISTRATION_BASIS,
  ],
  conditions: [
    '有经营能力的公民，依照《促进个体工商户发展条例》经登记机关登记，从事工商业经营',
    '有固定的经营场所，经营场所符合城市规划和安全要求',
    '经营范围不属于法律、行政法规禁止个体工商户经营的项目',
    '申请登记的名称（如有）符合企业名称登记管理规定，未与同一登记机关辖区内已登记的个体工商户名称相同',
  ],
  steps: [
    STEP.apply('经营者登录泰州政务服务网，填写登记申请表并上传经营场所使用证明'),
    STEP.accept(),
    STEP.review('登记机关对申请材料进行形式审查'),
    STEP.decide('予以登记的，核发营业执照；不予登记的，出具不予登记通知书并说明理由'),
    STEP.deliver('电子营业执照即时发放；纸质执照可窗口领取或免费邮寄'),
  ],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: REGISTRATION_LIMIT_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  visitsRequired: 0,
  materials: [
    mat('M01', '经营场所使用证明', {
      form: 'electronic',
      paper: [0, 0],
      notes: '自有房屋提供不动产权证书，租用房屋提供租赁合同；上传清晰的扫描件或照片（PDF/JPG/PNG，不超过10MB）',
    }),
  ],
  form: form(
    {
      operatorName: f.name('经营者姓名'),
      idNumber: f.idNumber('身份证号'),
      phone: f.phone('联系电话'),
      businessName: f.text('个体户名称', 50, '可以不使用名称；使用名称的，应当符合名称登记规定'),
      premises: f.text('经营场所', 200, '填写到门牌号'),
      businessScope: f.textarea('经营范围', 500, '按照《经营范围规范表述目录》填写'),
    },
    ['businessName'],
  ),
  result: { type: 'license', name: '营业执照（个体工商户）' },
  topics: ['设立变更', '就业创业'],
  keywords: ['个体户', '营业执照', '开店', '个体工商户注册'],
  lifeEvents: ['开办企业', '就业创业'],
  faq: [
    { q: '个体工商户一定要起名称吗？', a: '不一定。个体工商户可以不使用名称；使用名称的，应当符合名称登记规定，一户只能使用一个名称。' },
    { q: '租的房子做经营场所，要提供什么？', a: '上传租赁合同即可；出租方的不动产权证书由登记机关通过数据共享核验，无需另行提供。' },
  ],
};

const soleProprietorChange: ItemDraft = {
  name: '个体工商户变更登记',
  kind: ItemKind.license,
  main: 1,
  sub: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《促进个体工商户发展条例》（国务院令第755号）' }, ...REGISTRATION_BASIS],
  conditions: ['个体工商户登记事项（名称、经营者姓名、经营范围、经营场所等）发生变化', '变更后的经营场所有合法使用证明'],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: REGISTRATION_LIMIT_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '个体工商户变更登记申请书', { form: 'electronic', paper: [0, 0], notes: '网上填报后系统自动生成，经营者电子签名' }),
    mat('M02', '变更后的经营场所使用证明', { necessity: 'optional', notes: '变更经营场所时提供' }),
  ],
  form: form({
    ...personFields('经营者姓名'),
    licenseNo: f.text('营业执照统一社会信用代码', 18),
    changeItem: f.choice('变更事项', ['名称', '经营范围', '经营场所', '组成形式', '经营者']),
    changeContent: f.textarea('变更后内容', 500),
  }),
  result: { type: 'license', name: '营业执照（个体工商户）' },
  topics: ['设立变更'],
  keywords: ['个体户变更', '换照'],
};

const soleProprietorDeregistration: ItemDraft = {
  name: '个体工商户注销登记',
  kind: ItemKind.license,
  main: 1,
  sub: 3,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《促进个体工商户发展条例》（国务院令第755号）' }, ...REGISTRATION_BASIS],
  conditions: ['个体工商户已清结债权债务、缴清税款', '无未办结的行政处罚或被列入严重违法失信名单的情形'],
  statutoryDays: 3,
  committedDays: 0,
  limitNote: '材料齐全、符合法定形式的当场办结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '个体工商户注销登记申请书', { form: 'electronic', paper: [0, 0], notes: '网上填报后系统自动生成，经营者电子签名' }),
    mat('M02', '营业执照正、副本', { necessity: 'deferrable', notes: '已领取电子营业执照的无需提交；纸质执照遗失的作出书面说明' }),
  ],
  form: form({
    ...personFields('经营者姓名'),
    licenseNo: f.text('营业执照统一社会信用代码', 18),
    reason: f.choice('注销原因', ['经营者决定停止经营', '经营者死亡或丧失经营能力', '依法被吊销营业执照', '其他法定事由']),
  }),
  result: { type: 'approval', name: '个体工商户准予注销登记通知书' },
  topics: ['注销清算'],
  keywords: ['个体户注销', '关店'],
};

const companyBasis = [
  { title: '《中华人民共和国公司法》', article: '第二十九条' },
  ...REGISTRATION_BASIS,
];

const companyRegistration: ItemDraft = {
  name: '有限责任公司设立登记',
  kind: ItemKind.license,
  main: 2,
  sub: 1,
  serviceObjects: ['entity', 'person'],
  legalBasis: companyBasis,
  conditions: [
    '股东符合法定人数，有符合公司章程规定的认缴出资额',
    '有公司名称，建立符合有限责任公司要求的组织机构',
    '有公司住所，住所使用合法',
    '股东共同制定公司章程',
  ],
  steps: [
    STEP.apply('通过江苏省企业开办“全链通”平台一次填报，同步办理公章刻制、发票申领、社保和公积金登记'),
    STEP.accept(),
    STEP.review('登记机关对申请材料进行形式审查'),
    STEP.decide('予以登记的，核发营业执照'),
    STEP.deliver('电子营业执照即时发放；纸质执照、印章、发票可一次领取或免费寄递'),
  ],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: REGISTRATION_LIMIT_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '公司登记（备案）申请书', { form: 'electronic', paper: [0, 0], notes: '网上填报后系统生成，全体股东电子签名' }),
    mat('M02', '公司章程', { form: 'electronic', paper: [0, 0], notes: '可选用平台提供的章程范本，全体股东签署' }),
    mat('M03', '股东的主体资格证明或者自然人身份证明', { notes: '自然人股东通过实名认证核验身份，无需另行提交' }),
    mat('M04', '法定代表人、董事、监事和经理的任职文件', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '住所使用证明', { notes: '自有房屋提供不动产权证书，租用房屋提供租赁协议' }),
  ],
  form: form({
    ...entityFields('拟设立公司名称'),
    legalRep: f.name('法定代表人姓名'),
    registeredCapital: f.number('注册资本（万元）', 0),
    domicile: f.address('公司住所'),
    businessScope: f.textarea('经营范围', 1000),
  }, ['creditCode']),
  result: { type: 'license', name: '营业执照' },
  topics: ['设立变更', '企业开办'],
  keywords: ['开公司', '企业开办', '注册公司', '营业执照'],
  jointAgencies: ['泰州市公安局（公章刻制备案）', '国家税务总局泰州市税务局（发票申领）', '泰州市人力资源和社会保障局（社保登记）', '泰州市住房公积金管理中心（公积金缴存登记）'],
  tongbanScope: 'province',
  faq: [
    { q: '开公司最快多久能拿到执照？', a: '通过“全链通”平台一次提交，材料齐全的当天可领取电子营业执照，公章、发票、社保和公积金登记同步办理，全流程一般不超过1个工作日。' },
    { q: '注册资本需要实缴吗？', a: '有限责任公司全体股东认缴的出资额由股东按照公司章程的规定自公司成立之日起五年内缴足，登记时无需提交验资证明。' },
  ],
};

const companyChange: ItemDraft = {
  ...companyRegistration,
  name: '有限责任公司变更登记',
  sub: 2,
  serviceObjects: ['entity'],
  conditions: ['公司登记事项（名称、住所、法定代表人、注册资本、经营范围、股东等）发生变更', '变更事项依法须经批准的，已取得批准文件'],
  steps: undefined,
  materials: [
    mat('M01', '公司登记（备案）申请书', { form: 'electronic', paper: [0, 0], notes: '网上填报后系统生成，法定代表人电子签名' }),
    mat('M02', '股东会关于变更事项的决议', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '修改后的公司章程或者章程修正案', { form: 'electronic', paper: [0, 0], notes: '变更事项涉及章程修改的提供', necessity: 'optional' }),
    mat('M04', '变更后住所的使用证明', { necessity: 'optional', notes: '变更住所的提供' }),
  ],
  form: form({
    ...entityFields('公司名称'),
    changeItem: f.choice('变更事项', ['名称', '住所', '法定代表人', '注册资本', '经营范围', '股东或出资']),
    changeContent: f.textarea('变更后内容', 1000),
  }),
  keywords: ['公司变更', '换照', '迁址'],
  jointAgencies: [],
  faq: [],
};

const companyDeregistration: ItemDraft = {
  ...companyRegistration,
  name: '有限责任公司注销登记',
  sub: 3,
  serviceObjects: ['entity'],
  conditions: [
    '公司已依法成立清算组并完成清算，清偿债务',
    '已通过国家企业信用信息公示系统发布债权人公告满45日（适用简易注销的公示20日）',
    '已办结税务注销或取得清税信息',
  ],
  steps: undefined,
  statutoryDays: 3,
  committedDays: 1,
  materials: [
    mat('M01', '公司注销登记申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '股东会关于公司解散的决议', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '经确认的清算报告', { form: 'electronic', paper: [0, 0] }),
    shared('M04', '清税信息', '国家税务总局泰州市税务局'),
  ],
  form: form({
    ...entityFields('公司名称'),
    deregistrationType: f.choice('注销方式', ['一般注销', '简易注销'], true),
    liquidationLeader: f.name('清算组负责人'),
  }),
  result: { type: 'approval', name: '准予注销登记通知书' },
  topics: ['注销清算'],
  keywords: ['公司注销', '简易注销'],
  jointAgencies: ['国家税务总局泰州市税务局（清税）', '泰州市人力资源和社会保障局（社保注销）', '泰州市住房公积金管理中心（公积金账户注销）'],
  tongbanScope: 'province',
  faq: [{ q: '什么情况可以简易注销？', a: '未发生债权债务或者已将债权债务清偿完结、未发生或者已结清清偿费用和职工工资等，且全体投资人书面承诺的，可在公示20日无异议后申请简易注销。' }],
};

const FOOD_BASIS = [
  { title: '《中华人民共和国食品安全法》', article: '第三十五条' },
  { title: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）' },
];

/**
 * 告知承诺 for food business licences: 《食品经营许可和备案管理办法》(2023) 第二十条 lets the applicant commit to
 * meeting the conditions and be granted on the spot; the authority inspects the premises within 20 working days.
 */
const FOOD_COMMITMENT = {
  commitmentApproval: true,
  commitmentText:
    '本人（单位）已知晓食品经营许可的条件和要求，郑重承诺：所提交的材料真实、合法、有效；经营场所、设备设施、食品安全管理人员和管理制度符合食品经营许可审查要求。如有虚假承诺，愿意承担被依法撤销许可、记入信用记录等法律责任。',
  verificationDays: 20,
} as const;

const foodLicenseNew: ItemDraft = {
  ...FOOD_COMMITMENT,
  name: '食品经营许可（新办）',
  kind: ItemKind.license,
  main: 3,
  sub: 1,
  serviceObjects: ['entity', 'person'],
  legalBasis: FOOD_BASIS,
  conditions: [
    '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，与有毒、有害场所以及其他污染源保持规定的距离',
    '具有与经营的食品品种、数量相适应的经营设备或者设施',
    '有专职或者兼职的食品安全管理人员和保证食品安全的规章制度',
    '具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染',
  ],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('需要核查的，对经营场所进行现场核查；可告知承诺后核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 10,
  committedDays: 3,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '食品经营许可申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '与食品经营相适应的主要设备设施清单', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单'),
    mat('M04', '经营场所平面布局图', { notes: '标明各功能区、设备位置和面积' }),
    mat('M05', '食品加工操作流程说明', { form: 'electronic', paper: [0, 0], necessity: 'optional', notes: '餐饮服务经营者和单位食堂提供' }),
  ],
  form: form({
    ...entityFields('经营者名称'),
    legalRep: f.name('法定代表人（负责人）'),
    premises: f.address('经营场所'),
    mainBusiness: f.choice('主体业态', ['食品销售经营者', '餐饮服务经营者', '单位食堂']),
    scope: f.textarea('经营项目', 500),
  }),
  result: { type: 'license', name: '食品经营许可证' },
  topics: ['准营准办', '餐饮'],
  keywords: ['食品经营许可证', '餐饮许可', '开饭店'],
  lifeEvents: ['开办餐饮店'],
  jointAgencies: ['泰州市消防救援支队（公众聚集场所消防安全检查）', '泰州市城市管理局（户外招牌设置）'],
  faq: [
    { q: '开小饭馆一定要等现场核查完才能营业吗？', a: '选择告知承诺方式申请的，作出承诺并提交材料后可当场取得许可证，监管部门在20个工作日内进行现场核查。' },
    { q: '从业人员健康证明要交吗？', a: '申请时无需提交，但从事接触直接入口食品工作的人员应当取得健康证明后方可上岗，现场核查时查验。' },
  ],
};

const foodLicenseChange: ItemDraft = {
  ...foodLicenseNew,
  commitmentApproval: false,
  name: '食品经营许可（变更）',
  sub: 2,
  conditions: ['食品经营许可证载明的许可事项发生变化', '变更后的经营条件符合食品经营许可审查要求'],
  statutoryDays: 10,
  committedDays: 3,
  materials: [
    mat('M01', '食品经营许可变更申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '变更后的主要设备设施、经营布局和操作流程说明', { form: 'electronic', paper: [0, 0], notes: '仅变更名称、法定代表人等事项的无需提供', necessity: 'optional' }),
  ],
  form: form({
    ...entityFields('经营者名称'),
    licenseNo: f.text('食品经营许可证编号', 20),
    changeContent: f.textarea('变更事项及内容', 500),
  }),
  keywords: ['食品经营许可证变更'],
  lifeEvents: [],
  jointAgencies: [],
  faq: [],
};

const foodLicenseRenewal: ItemDraft = {
  ...foodLicenseNew,
  commitmentApproval: false,
  name: '食品经营许可（延续）',
  sub: 3,
  conditions: ['食品经营许可证有效期届满30个工作日前提出延续申请', '经营条件未发生变化或者变化后仍符合许可条件'],
  statutoryDays: 10,
  committedDays: 2,
  materials: [
    mat('M01', '食品经营许可延续申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '与延续食品经营许可事项有关的经营条件说明', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...entityFields('经营者名称'),
    licenseNo: f.text('食品经营许可证编号', 20),
    conditionsChanged: f.boolean('经营条件是否发生变化'),
  }),
  keywords: ['食品经营许可证到期', '延续'],
  lifeEvents: [],
  jointAgencies: [],
  faq: [],
};

const pharmacyLicense: ItemDraft = {
  name: '药品零售企业许可',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [
    { title: '《中华人民共和国药品管理法》', article: '第五十一条' },
    { title: '《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）' },
  ],
  conditions: [
    '经营场所、仓储设施、卫生环境与经营的药品相适应',
    '依法经过资格认定的药师或者其他药学技术人员负责处方审核，指导合理用药',
    '有与所经营药品相适应的质量管理机构或者人员，有保证药品质量的规章制度',
    '符合药品经营质量管理规范要求',
  ],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('对经营场所、设施设备和质量管理体系进行现场检查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 8,
  reviewSteps: [
    { name: '材料审查', role: 'reviewer', days: 3 },
    { name: '现场核查', role: 'reviewer', days: 4 },
    // 分管负责人审批: the last step, and so the decision, is the supervisor's (cases/review-steps.ts).
    { name: '审批', role: 'supervisor', days: 1 },
  ],
  onlineDepth: [1, 2, 3, 4, 5, 6],
  visitsRequired: 0,
  materials: [
    mat('M01', '药品经营许可证申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '质量负责人执业药师注册证', { form: 'both', paper: [0, 1] }),
    mat('M03', '经营场所和仓库的平面布局图及房屋产权或使用权证明', {}),
    mat('M04', '药品质量管理制度文件目录', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '计算机系统满足药品追溯要求的说明', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...entityFields('企业名称'),
    legalRep: f.name('法定代表人'),
    qualityLead: f.text('质量负责人（执业药师）', 50),
    premises: f.address('经营地址'),
    scope: f.choice('经营范围', ['中药饮片、中成药、化学药、生物制品', '中成药、化学药', '中药饮片'], false),
  }),
  result: { type: 'license', name: '药品经营许可证' },
  topics: ['准营准办', '医疗卫生'],
  keywords: ['药店', '药品经营许可证', '开药房'],
};

const deviceFiling: ItemDraft = {
  name: '第二类医疗器械经营备案',
  kind: ItemKind.otherPower,
  main: 5,
  serviceObjects: ['entity'],
  legalBasis: [
    { title: '《医疗器械监督管理条例》（国务院令第739号）', article: '第四十一条' },
    { title: '《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）' },
  ],
  conditions: ['有与经营范围和经营规模相适应的经营场所和贮存条件', '有与经营的医疗器械相适应的质量管理制度和质量管理机构或者人员'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案资料符合要求的当场备案',
  materials: [
    mat('M01', '第二类医疗器械经营备案表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '经营场所、库房地址的地理位置图、平面图及房屋产权或者使用权证明'),
    mat('M03', '质量负责人的身份证明、学历或者职称证明', { paper: [0, 1] }),
    mat('M04', '经营质量管理制度、工作程序等文件目录', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...entityFields('企业名称'),
    premises: f.address('经营场所'),
    warehouse: f.text('库房地址', 200),
    scope: f.textarea('经营范围（第二类医疗器械分类编码）', 500),
  }),
  result: { type: 'other', name: '第二类医疗器械经营备案凭证' },
  topics: ['准营准办', '医疗卫生'],
  keywords: ['医疗器械备案', '二类器械'],
  published: false,
};

const deviceLicense: ItemDraft = {
  name: '第三类医疗器械经营许可',
  kind: ItemKind.license,
  main: 6,
  serviceObjects: ['entity'],
  legalBasis: [
    { title: '《医疗器械监督管理条例》（国务院令第739号）', article: '第四十二条' },
    { title: '《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）' },
  ],
  conditions: [
    '有与经营范围和经营规模相适应的质量管理机构或者质量管理人员，质量管理人员具有相关专业学历或者职称',
    '有与经营范围和经营规模相适应的经营场所和贮存条件',
    '有符合医疗器械追溯要求的计算机信息管理系统',
  ],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('按照医疗器械经营质量管理规范进行现场核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '医疗器械经营许可申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '法定代表人、企业负责人、质量负责人的身份证明、学历或者职称证明', { paper: [0, 1] }),
    mat('M03', '经营场所、库房的地理位置图、平面图及房屋产权或者使用权证明'),
    mat('M04', '医疗器械追溯信息管理系统基本情况介绍', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '经营质量管理制度、工作程序等文件目录', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({
    ...entityFields('企业名称'),
    qualityLead: f.text('质量负责人', 50),
    premises: f.address('经营场所'),
    warehouse: f.text('库房地址', 200),
    mode: f.choice('经营方式', ['批发', '零售', '批零兼营']),
  }),
  result: { type: 'license', name: '医疗器械经营许可证' },
  topics: ['准营准办', '医疗卫生'],
  keywords: ['三类器械', '医疗器械经营许可证'],
  published: false,
};

const specialEquipment: ItemDraft = {
  name: '特种设备使用登记',
  kind: ItemKind.license,
  main: 7,
  serviceObjects: ['entity'],
  legalBasis: [
    { title: '《中华人民共和国特种设备安全法》', article: '第三十三条' },
    { title: '《特种设备使用管理规则》（TSG 08）' },
  ],
  conditions: ['特种设备已经监督检验或者定期检验合格', '特种设备在投入使用前或者投入使用后30日内申请登记'],
  statutoryDays: 15,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '特种设备使用登记表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '特种设备产品合格证', { paper: [0, 1] }),
    mat('M03', '特种设备监督检验证明', { paper: [0, 1], notes: '安装监督检验的设备提供' }),
  ],
  form: form({
    ...entityFields('使用单位名称'),
    equipmentType: f.choice('设备种类', ['电梯', '起重机械', '场（厂）内专用机动车辆', '锅炉', '压力容器']),
    productNo: f.text('产品编号', 50),
    location: f.text('设备使用地点', 200),
  }),
  result: { type: 'license', name: '特种设备使用登记证' },
  intermediaryServices: [{ name: '特种设备监督检验', provider: '江苏省特种设备安全监督检验研究院泰州分院', basis: '《中华人民共和国特种设备安全法》第二十五条', feeNote: '按检验收费标准收取' }],
  topics: ['准营准办', '公共安全'],
  keywords: ['电梯登记', '叉车登记', '锅炉'],
  published: false,
};

const smallWorkshop: ItemDraft = {
  name: '食品小作坊登记',
  kind: ItemKind.license,
  main: 8,
  source: '32',
  serviceObjects: ['person', 'entity'],
  legalBasis: [
    { title: '《中华人民共和国食品安全法》', article: '第三十六条' },
    { title: '《江苏省食品小作坊和食品摊贩管理条例》' },
  ],
  conditions: ['有固定的生产加工场所，场所面积与生产加工的食品品种、数量相适应', '有符合卫生要求的设备设施和卫生管理制度', '从业人员取得健康证明'],
  steps: [STEP.apply(), STEP.accept(), STEP.inspect('对生产加工场所进行现场核查'), STEP.decide('符合条件的发放食品小作坊登记证'), STEP.deliver()],
  statutoryDays: 15,
  committedDays: 7,
  onlineDepth: [1, 2, 3, 4],
  visitsRequired: 1,
  visitReason: '现场核查时需经营者在场',
  materials: [
    mat('M01', '食品小作坊登记申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '生产加工场所平面图和设备布局图'),
    mat('M03', '从业人员健康证明', { paper: [0, 1] }),
  ],
  form: form({
    ...personFields('经营者姓名'),
    workshopName: f.text('小作坊名称', 50),
    premises: f.address('生产加工场所'),
    foodCategory: f.text('生产加工食品品种', 200),
  }),
  result: { type: 'license', name: '食品小作坊登记证' },
  topics: ['准营准办'],
  keywords: ['小作坊', '食品加工'],
  published: false,
};

const jointStockRegistration: ItemDraft = {
  ...companyRegistration,
  name: '股份有限公司设立登记',
  sub: 4,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国公司法》', article: '第九十二条' }, ...REGISTRATION_BASIS],
  conditions: [
    '发起人为一人以上二百人以下，其中须有半数以上的发起人在中华人民共和国境内有住所',
    '有符合公司章程规定的全体发起人认购的股本总额或者募集的实收股本总额',
    '发起人制订公司章程，采用募集方式设立的经成立大会通过',
    '有公司名称，建立符合股份有限公司要求的组织机构，有公司住所',
  ],
  materials: [
    mat('M01', '公司登记（备案）申请书', { form: 'electronic', paper: [0, 0], notes: '网上填报后系统生成，法定代表人电子签名' }),
    mat('M02', '公司章程', { form: 'electronic', paper: [0, 0], notes: '全体发起人签署；募集设立的提交成立大会通过的章程' }),
    mat('M03', '发起人的主体资格证明或者自然人身份证明', { notes: '自然人发起人通过实名认证核验身份，无需另行提交' }),
    mat('M04', '成立大会会议记录', { necessity: 'optional', notes: '募集设立的提供，由主持人和出席会议的董事签名' }),
    mat('M05', '法定代表人、董事、监事和经理的任职文件', { form: 'electronic', paper: [0, 0] }),
    mat('M06', '住所使用证明', { notes: '自有房屋提供不动产权证书，租用房屋提供租赁协议' }),
  ],
  form: form({
    ...entityFields('拟设立公司名称'),
    legalRep: f.name('法定代表人姓名'),
    shares: f.number('股本总额（万元）', 0),
    setupMode: f.choice('设立方式', ['发起设立', '募集设立'], true),
    businessScope: f.textarea('经营范围', 1000),
  }, ['creditCode']),
  keywords: ['股份公司', '股份有限公司注册'],
  faq: [],
};

const companyFiling: ItemDraft = {
  name: '公司备案',
  kind: ItemKind.license,
  main: 2,
  sub: 5,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国市场主体登记管理条例》（国务院令第746号）', article: '第九条、第二十九条' }, { title: '《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第52号）' }],
  conditions: ['公司章程（不涉及登记事项）、董事、监事、高级管理人员、登记联络员、清算组等备案事项发生变化', '自作出变更决议、决定之日起30日内申请备案'],
  statutoryDays: 3,
  committedDays: 0,
  limitNote: '材料齐全、符合法定形式的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '公司登记（备案）申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '股东会、董事会关于备案事项的决议或者任免文件', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '章程修正案', { necessity: 'optional', form: 'electronic', paper: [0, 0], notes: '章程修改不涉及登记事项的提供' }),
  ],
  form: form({ ...entityFields('公司名称'), filingItem: f.choice('备案事项', ['董事、监事、高级管理人员', '章程', '登记联络员', '清算组']), content: f.textarea('备案内容', 500) }),
  result: { type: 'other', name: '备案通知书' },
  topics: ['设立变更'],
  keywords: ['董事备案', '高管变更', '联络员备案'],
};

const COOP_BASIS = [{ title: '《中华人民共和国农民专业合作社法》', article: '第十六条' }, ...REGISTRATION_BASIS];

const coopRegistration: ItemDraft = {
  name: '农民专业合作社设立登记',
  kind: ItemKind.license,
  main: 9,
  sub: 1,
  serviceObjects: ['person', 'entity'],
  legalBasis: COOP_BASIS,
  conditions: [
    '有五名以上符合规定的成员，其中农民至少应当占成员总数的百分之八十',
    '有符合《农民专业合作社法》规定的章程',
    '有符合规定的组织机构，有符合法律规定的名称和章程确定的住所',
    '有符合章程规定的成员出资',
  ],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: REGISTRATION_LIMIT_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '农民专业合作社登记（备案）申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '全体设立人签名、盖章的设立大会纪要', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '全体设立人签名、盖章的章程', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '法定代表人、理事的任职文件', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '载明成员姓名或者名称、出资方式、出资额以及成员出资总额的出资清单', { form: 'electronic', paper: [0, 0] }),
    mat('M06', '成员名册', { form: 'electronic', paper: [0, 0], notes: '载明成员的姓名或者名称、公民身份号码或者登记证书号码和住所' }),
    mat('M07', '住所使用证明'),
  ],
  form: form({ ...entityFields('合作社名称'), legalRep: f.name('理事长'), members: f.integer('成员人数', 5), capital: f.number('成员出资总额（万元）', 0), businessScope: f.textarea('业务范围', 500) }, ['creditCode']),
  result: { type: 'license', name: '营业执照（农民专业合作社）' },
  topics: ['设立变更', '农林牧渔'],
  lifeEvents: ['开办企业'],
  keywords: ['合作社', '农民合作社', '家庭农场'],
};

const coopChange: ItemDraft = {
  ...coopRegistration,
  name: '农民专业合作社变更登记',
  sub: 2,
  conditions: ['农民专业合作社名称、住所、成员出资总额、业务范围、法定代表人等登记事项发生变更', '自作出变更决定之日起30日内申请变更登记'],
  materials: [
    mat('M01', '农民专业合作社登记（备案）申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '成员大会或者成员代表大会作出的变更决议', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '修改后的章程或者章程修正案', { necessity: 'optional', form: 'electronic', paper: [0, 0], notes: '涉及章程修改的提供' }),
  ],
  form: form({ ...entityFields('合作社名称'), changeItem: f.choice('变更事项', ['名称', '住所', '成员出资总额', '业务范围', '法定代表人']), changeContent: f.textarea('变更后内容', 500) }),
  lifeEvents: [],
  keywords: ['合作社变更'],
};

const coopDeregistration: ItemDraft = {
  ...coopRegistration,
  name: '农民专业合作社注销登记',
  sub: 3,
  conditions: ['农民专业合作社因章程规定的解散事由出现、成员大会决议解散或者依法被吊销营业执照等原因解散', '已成立清算组并完成清算'],
  committedDays: 1,
  materials: [
    mat('M01', '农民专业合作社注销登记申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '成员大会或者成员代表大会作出的解散决议', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '清算组负责人签署的清算报告', { form: 'electronic', paper: [0, 0] }),
    shared('M04', '清税信息', '国家税务总局泰州市税务局'),
  ],
  form: form({ ...entityFields('合作社名称'), deregistrationType: f.choice('注销方式', ['一般注销', '简易注销'], true), liquidationLeader: f.name('清算组负责人') }),
  result: { type: 'approval', name: '准予注销登记通知书' },
  topics: ['注销清算', '农林牧渔'],
  lifeEvents: ['企业注销'],
  keywords: ['合作社注销'],
};

const soleInvestment: ItemDraft = {
  name: '个人独资企业设立登记',
  kind: ItemKind.license,
  main: 10,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国个人独资企业法》', article: '第八条、第九条' }, ...REGISTRATION_BASIS],
  conditions: ['投资人为一个自然人，且不属于法律、行政法规禁止从事营利性活动的人', '有合法的企业名称、投资人申报的出资', '有固定的生产经营场所和必要的生产经营条件，有必要的从业人员'],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: REGISTRATION_LIMIT_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '个人独资企业登记（备案）申请书', { form: 'electronic', paper: [0, 0], notes: '投资人电子签名' }),
    mat('M02', '企业住所使用证明'),
  ],
  // Registration: the registrar examines the application, the chief registrar approves it (核准).
  reviewSteps: [
    { name: '审查', role: 'reviewer', days: 1 },
    { name: '核准', role: 'reviewer', days: 0 },
  ],
  form: form({ ...personFields('投资人姓名'), enterpriseName: f.text('企业名称', 100), capital: f.number('出资额（万元）', 0), premises: f.address('企业住所'), businessScope: f.textarea('经营范围', 500) }),
  result: { type: 'license', name: '营业执照（个人独资企业）' },
  topics: ['设立变更', '企业开办'],
  keywords: ['个人独资企业', '独资企业注册'],
};

const partnershipRegistration: ItemDraft = {
  name: '合伙企业设立登记',
  kind: ItemKind.license,
  main: 11,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《中华人民共和国合伙企业法》', article: '第九条、第十四条' }, ...REGISTRATION_BASIS],
  conditions: ['有二个以上合伙人（有限合伙企业由二个以上五十个以下合伙人设立，至少有一个普通合伙人）', '有书面合伙协议', '有合伙人认缴或者实际缴付的出资', '有合伙企业的名称和生产经营场所'],
  statutoryDays: 3,
  committedDays: 1,
  limitNote: REGISTRATION_LIMIT_NOTE,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '合伙企业登记（备案）申请书', { form: 'electronic', paper: [0, 0], notes: '全体合伙人电子签名' }),
    mat('M02', '全体合伙人签署的合伙协议', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '全体合伙人的主体资格证明或者自然人身份证明', { notes: '自然人合伙人通过实名认证核验身份' }),
    mat('M04', '全体合伙人对各合伙人认缴或者实际缴付出资的确认书', { form: 'electronic', paper: [0, 0] }),
    mat('M05', '主要经营场所使用证明'),
  ],
  form: form({ ...entityFields('拟设立企业名称'), partnershipType: f.choice('合伙类型', ['普通合伙', '特殊普通合伙', '有限合伙']), executive: f.name('执行事务合伙人'), capital: f.number('认缴出资总额（万元）', 0), businessScope: f.textarea('经营范围', 500) }, ['creditCode']),
  result: { type: 'license', name: '营业执照（合伙企业）' },
  topics: ['设立变更', '企业开办'],
  keywords: ['合伙企业', '有限合伙', '合伙企业注册'],
};

const equityPledge: ItemDraft = {
  name: '股权出质设立登记',
  kind: ItemKind.confirmation,
  main: 12,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国民法典》', article: '第四百四十三条' }, { title: '《股权出质登记办法》（国家工商行政管理总局令第32号）' }],
  conditions: ['出质股权为依法可以转让的有限责任公司股权或者股份有限公司股份', '出质股权未被人民法院依法冻结', '出质人和质权人已订立书面质权合同'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '申请材料齐全、符合法定形式的当场办理',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '股权出质设立登记申请书', { form: 'electronic', paper: [0, 0], notes: '出质人和质权人共同签署' }),
    mat('M02', '质权合同', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '出质人、质权人的主体资格证明或者自然人身份证明', { paper: [0, 1] }),
  ],
  form: form({ ...entityFields('股权所在公司名称'), pledgor: f.text('出质人', 100), pledgee: f.text('质权人', 100), amount: f.number('出质股权数额（万元或万股）', 0) }),
  result: { type: 'other', name: '股权出质设立登记通知书' },
  topics: ['抵押质押', '融资信贷'],
  keywords: ['股权质押', '股权出质'],
};

const foodProduction: ItemDraft = {
  name: '食品生产许可（新办）',
  kind: ItemKind.license,
  main: 13,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国食品安全法》', article: '第三十五条' }, { title: '《食品生产许可管理办法》（国家市场监督管理总局令第24号）' }],
  conditions: ['具有与生产的食品品种、数量相适应的食品原料处理和食品加工、包装、贮存等场所', '具有与生产的食品品种、数量相适应的生产设备或者设施', '有专职或者兼职的食品安全专业技术人员、食品安全管理人员和保证食品安全的规章制度', '具有合理的设备布局和工艺流程'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('组织审查人员对生产场所进行现场核查，核查时间不超过5个工作日'), STEP.decide(), STEP.deliver()],
  statutoryDays: 10,
  committedDays: 5,
  reviewSteps: [
    { name: '材料审查', role: 'reviewer', days: 1 },
    { name: '现场核查', role: 'reviewer', days: 3 },
    { name: '决定', role: 'reviewer', days: 1 },
  ],
  limitNote: '因特殊原因需要延长期限的，经负责人批准可以延长5个工作日',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '食品生产许可申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '食品生产设备布局图和食品生产工艺流程图'),
    mat('M03', '食品生产主要设备、设施清单', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '专职或者兼职的食品安全专业技术人员、食品安全管理人员信息和食品安全管理制度', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('生产者名称'), premises: f.address('生产地址'), category: f.text('食品类别', 100), products: f.textarea('申请生产的食品品种明细', 500) }),
  result: { type: 'license', name: '食品生产许可证' },
  topics: ['准营准办'],
  keywords: ['SC认证', '食品生产许可证', '食品厂'],
};

const measurementStandard: ItemDraft = {
  name: '计量标准器具核准',
  kind: ItemKind.license,
  main: 14,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国计量法》', article: '第六条、第七条、第八条' }, { title: '《计量标准考核办法》（国家质量监督检验检疫总局令第72号）' }],
  conditions: ['计量标准器及配套设备经检定或者校准合格', '具备开展量值传递的计量标准考核合格的环境条件', '具有称职的保存、维护、使用计量标准的人员', '具有完善的管理制度'],
  steps: [STEP.apply(), STEP.accept(), { name: '专家评审', description: '组织计量标准考评员对计量标准进行书面审查和现场考评' }, STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '考评时间不计入',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '计量标准考核（复查）申请书', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '计量标准技术报告', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '计量标准器及主要配套设备有效的检定或者校准证书', { paper: [0, 1] }),
    mat('M04', '检定或者校准人员能力证明', { paper: [0, 1] }),
  ],
  form: form({ ...entityFields('建标单位'), standardName: f.text('计量标准名称', 100), measurementRange: f.text('测量范围', 100), uncertainty: f.text('不确定度或准确度等级', 100) }),
  result: { type: 'license', name: '计量标准考核证书' },
  topics: ['资质认证'],
  keywords: ['计量标准', '建标', '计量考核'],
};

const equipmentOperator: ItemDraft = {
  name: '特种设备安全管理和作业人员资格认定',
  kind: ItemKind.license,
  main: 15,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国特种设备安全法》', article: '第十四条' }, { title: '《特种设备作业人员监督管理办法》（国家质量监督检验检疫总局令第140号）' }],
  conditions: ['年龄18周岁以上且不超过法定退休年龄', '无妨碍从事相应作业的疾病和生理缺陷，具有相应的文化程度', '经考试机构考试合格'],
  steps: [STEP.apply(), STEP.accept(), { name: '考试', description: '参加考试机构组织的理论知识和实际操作考试' }, STEP.decide('考试合格的颁发特种设备安全管理和作业人员证'), STEP.deliver('电子证书推送至本人')],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  visitsRequired: 1,
  visitReason: '需到考试机构参加实际操作考试',
  materials: [
    mat('M01', '特种设备安全管理和作业人员资格申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '近期2寸正面免冠白底彩色照片', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '学历证明', { form: 'electronic', paper: [0, 0], notes: '初中以上学历；可通过学信网核验的无需提供', necessity: 'optional' }),
  ],
  form: form({ ...personFields(), category: f.choice('作业项目', ['叉车司机', '电梯修理', '起重机指挥', '压力容器操作', '工业锅炉司炉', '特种设备安全管理']), employer: f.text('工作单位', 100) }, ['employer']),
  result: { type: 'license', name: '特种设备安全管理和作业人员证' },
  intermediaryServices: [{ name: '特种设备作业人员考试', provider: '经市场监管部门公布的特种设备作业人员考试机构', basis: '《特种设备作业人员监督管理办法》', feeNote: '考试费按物价部门核定标准收取' }],
  topics: ['职业资格'],
  keywords: ['叉车证', '电梯证', '特种设备作业证'],
};

const prepackagedFiling: ItemDraft = {
  name: '仅销售预包装食品备案',
  kind: ItemKind.otherPower,
  main: 16,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《中华人民共和国食品安全法》', article: '第三十五条' }, { title: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）' }],
  conditions: ['已取得营业执照等合法主体资格', '仅销售预包装食品（含仅销售预包装食品的同时销售散装熟食制品以外情形的除外）'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '备案信息齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '仅销售预包装食品备案信息采集表', { form: 'electronic', paper: [0, 0] }), shared('M02', '营业执照', '泰州市市场监督管理局')],
  form: form({ ...entityFields('经营者名称'), premises: f.address('经营场所'), mode: f.choice('经营方式', ['实体门店', '网络经营', '实体门店和网络经营']) }),
  result: { type: 'other', name: '仅销售预包装食品备案信息' },
  topics: ['准营准办'],
  lifeEvents: ['开办便利店'],
  keywords: ['便利店', '小超市', '预包装食品备案'],
  faq: [{ q: '开便利店还要办食品经营许可证吗？', a: '只销售预包装食品的，办理备案即可，无需取得食品经营许可证；同时销售散装熟食等的仍需许可。' }],
};

const equipmentNotice: ItemDraft = {
  name: '特种设备安装改造修理告知',
  kind: ItemKind.otherPower,
  main: 17,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国特种设备安全法》', article: '第二十三条' }, { title: '《特种设备安全监察条例》', article: '第十七条' }],
  conditions: ['从事特种设备安装、改造、修理的单位具有相应资质', '在施工前将拟进行的特种设备安装、改造、修理情况书面告知'],
  statutoryDays: 1,
  committedDays: 0,
  limitNote: '告知即时完成',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '特种设备安装改造修理告知单', { form: 'electronic', paper: [0, 0] }), mat('M02', '施工单位特种设备生产许可证', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('施工单位'), equipmentType: f.choice('设备种类', ['电梯', '起重机械', '锅炉', '压力容器', '压力管道']), useUnit: f.text('使用单位', 100), location: f.text('施工地点', 200) }),
  result: { type: 'other', name: '特种设备安装改造修理告知回执' },
  topics: ['公共安全'],
  keywords: ['电梯安装告知', '施工告知'],
};

const consumerComplaint: ItemDraft = {
  name: '消费者投诉受理',
  kind: ItemKind.publicService,
  main: 18,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国消费者权益保护法》', article: '第三十九条、第四十六条' }, { title: '《市场监督管理投诉举报处理暂行办法》（国家市场监督管理总局令第20号）' }],
  conditions: ['投诉人为与经营者发生消费者权益争议的消费者', '有明确的被投诉人、具体的投诉请求以及消费者权益争议事实', '属于本部门管辖'],
  steps: [STEP.apply('通过全国12315平台、12345热线或窗口提出投诉'), STEP.accept('收到投诉之日起7个工作日内决定是否受理'), { name: '调解', description: '受理后组织双方调解，调解达成协议的制作调解书' }, STEP.deliver('告知投诉人处理结果')],
  statutoryDays: 7,
  committedDays: 3,
  limitNote: '时限为作出是否受理决定的时限；调解自受理之日起45个工作日内终结',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '消费者投诉登记表', { form: 'electronic', paper: [0, 0], notes: '写明被投诉人名称、地址和投诉请求' }),
    mat('M02', '购物凭证或服务单据', { form: 'electronic', paper: [0, 0], notes: '发票、收据、网购订单截图等' }),
  ],
  form: form({ ...personFields('投诉人姓名'), respondent: f.text('被投诉经营者', 100), respondentAddress: f.text('经营者地址', 200), request: f.textarea('投诉请求和事实', 1000) }),
  result: { type: 'other', name: '投诉受理（不予受理）告知' },
  topics: ['投诉举报'],
  tongbanScope: 'national',
  keywords: ['12315', '投诉商家', '消费维权', '退货'],
};

export const scjgjItems: OrgItems = {
  orgKey: 'scjgj',
  items: [
    SOLE_PROPRIETOR_REGISTRATION,
    soleProprietorChange,
    soleProprietorDeregistration,
    companyRegistration,
    companyChange,
    companyDeregistration,
    foodLicenseNew,
    foodLicenseChange,
    foodLicenseRenewal,
    pharmacyLicense,
    deviceFiling,
    deviceLicense,
    specialEquipment,
    smallWorkshop,
    jointStockRegistration,
    companyFiling,
    coopRegistration,
    coopChange,
    coopDeregistration,
    soleInvestment,
    partnershipRegistration,
    equityPledge,
    foodProduction,
    measurementStandard,
    equipmentOperator,
    prepackagedFiling,
    equipmentNotice,
    consumerComplaint,
  ],
};

/**
 * The base items every district bureau implements (same base code, name, kind and legal basis as the city bureau's;
 * the implementation code carries the district bureau's credit code).
 */
const DISTRICT_ITEMS: ItemDraft[] = [
  SOLE_PROPRIETOR_REGISTRATION,
  soleProprietorChange,
  soleProprietorDeregistration,
  companyRegistration,
  companyChange,
  companyDeregistration,
  foodLicenseNew,
  foodLicenseChange,
  foodLicenseRenewal,
  prepackagedFiling,
  coopRegistration,
  consumerComplaint,
];

/**
 * DELIBERATE DRIFT (demo data for the catalog's consistency report): 高港区市场监督管理局 publishes its implementation
 * of 食品经营许可（新办） under a slightly different name, as county catalogs sometimes do. Same base code, kind and
 * legal basis; only the name drifts. Kept published so the report has something true to show.
 */
export const DRIFTED_ITEM = { orgKey: 'gg_scjgj', baseName: foodLicenseNew.name, name: '食品经营许可证核发（新办）' } as const;

const driftedFoodLicense: ItemDraft = { ...foodLicenseNew, name: DRIFTED_ITEM.name };

/** District implementations of the same base catalog items (same base code, the district bureau's credit code). */
export const districtScjgjItems: OrgItems[] = [
  { orgKey: 'hl_scjgj', items: DISTRICT_ITEMS },
  { orgKey: 'gg_scjgj', items: DISTRICT_ITEMS.map((d) => (d === foodLicenseNew ? driftedFoodLicense : d)) },
  { orgKey: 'jy_scjgj', items: DISTRICT_ITEMS },
];
