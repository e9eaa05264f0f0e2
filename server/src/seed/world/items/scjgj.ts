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
};

const FOOD_BASIS = [
  { title: '《中华人民共和国食品安全法》', article: '第三十五条' },
  { title: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）' },
];

const foodLicenseNew: ItemDraft = {
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
    mat('M02', '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单'),
    mat('M04', '经营场所平面布局图', { notes: '标明各功能区、设备位置和面积' }),
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
};

const foodLicenseChange: ItemDraft = {
  ...foodLicenseNew,
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
};

const foodLicenseRenewal: ItemDraft = {
  ...foodLicenseNew,
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
  ],
};

/** District implementations of the same base catalog items (same base code, the district bureau's credit code). */
export const districtScjgjItems: OrgItems[] = [
  { orgKey: 'hl_scjgj', items: [SOLE_PROPRIETOR_REGISTRATION, soleProprietorChange, foodLicenseNew] },
  { orgKey: 'jy_scjgj', items: [SOLE_PROPRIETOR_REGISTRATION, foodLicenseNew] },
];
