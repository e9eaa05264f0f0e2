/**
 * The demo world's one-thing services (一件事), modelled on the national base list of 国办发〔2024〕3号 (“高效办成一件事”
 * 重点事项清单) and 泰协调办〔2023〕(seed 004): real member items of the demo catalog, their departments, and
 * realistic situation questionnaires. Pure data; the seed writes it through the bundles module.
 */
import type { BundleDocument } from '../../modules/bundles/index.ts';

/** Implementation codes of the member items (city implementations unless named otherwise). */
const I = {
  birthCertificate: '11321200080704023R3000715001001', // 出生医学证明首次签发 · 市卫健委
  vaccination: '11321200080704023R3002015014000', // 预防接种证办理 · 市卫健委
  birthRegistration: '11321200059121093W3000703001001', // 出生登记 · 市公安局
  residentMedical: '11321200077252839F3002018001000', // 城乡居民基本医疗保险参保登记 · 市医保局
  socialCard: '11321200096552853L3002006005000', // 社会保障卡申领 · 市人社局
  companySetup: '1132120000235255203000117002001', // 有限责任公司设立登记 · 市市场监管局
  seal: '11321200059121093W3001003012000', // 公章刻制备案 · 市公安局
  invoice: '11321200077215472X3001020002000', // 发票领用 · 市税务局
  employerPension: '11321200096552853L3001006001001', // 企业职工基本养老保险单位参保登记 · 市人社局
  employerMedical: '11321200077252839F3002018008000', // 单位参加基本医疗保险登记 · 市医保局
  employerFund: '1232120044576413433002009012000', // 单位住房公积金缴存登记 · 市公积金中心
  pensionClaim: '11321200096552853L3000506004000', // 职工基本养老保险待遇申领 · 市人社局
  fundRetirement: '1232120044576413433002009010002', // 住房公积金提取（离休、退休）· 市公积金中心
  companyClosure: '1132120000235255203000117002003', // 有限责任公司注销登记 · 市市场监管局
  taxClosure: '11321200077215472X3001020004000', // 注销税务登记 · 市税务局
  fundChange: '1232120044576413433002009014000', // 单位住房公积金缴存信息变更 · 市公积金中心
  resaleFiling: '1132120008309968293001009009000', // 存量房买卖合同网签备案 · 市住建局
  deedTax: '11321200077215472X3000420008000', // 契税申报（存量房交易）· 市税务局
  transferRegistration: '1232120048917615893000707010002', // 国有建设用地使用权及房屋所有权转移登记 · 市不动产登记中心
  fundPurchase: '1232120044576413433002009010001', // 住房公积金提取（购买自住住房）· 市公积金中心
  soleProprietor: '1132120000235255203000117001001', // 个体工商户设立登记 · 市市场监管局
  foodLicense: '1132120000235255203000117003001', // 食品经营许可（新办）· 市市场监管局
  fireCheck: '1132120000059048503000129001000', // 公众聚集场所投入使用、营业前消防安全检查 · 市消防救援支队
  signboard: '11321200001662321P3000119002000', // 设置大型户外广告 … 审批 · 市城管局
  sewage: '11321200001662321P3000119003000', // 城镇污水排入排水管网许可 · 市城管局
  veteranCard: '11321200027179426K3002026001000', // 退役军人优待证申领 · 市退役军人事务局
  veteranGrant: '11321200027179426K3000526002000', // 自主就业退役士兵一次性经济补助金给付 · 市退役军人事务局
  employmentCard: '11321200096552853L3002006003000', // 就业创业证申领 · 市人社局
  pensionTransfer: '11321200096552853L3002006010000', // 企业职工基本养老保险关系转移接续 · 市人社局
  disabilityCard: '13321200552593721D3002021001000', // 残疾人证新办 · 市残联
  disabilityAllowance: '11321202074340008J4000504007000', // 困难残疾人生活补贴和重度残疾人护理补贴给付 · 海陵区民政局
  assistiveDevice: '13321200552593721D3002021004000', // 残疾人辅助器具适配补贴 · 市残联
  childRehab: '13321200552593721D3002021003000', // 残疾儿童康复救助 · 市残联
  deathCancellation: '11321200059121093W3000703001004', // 死亡、宣告死亡户口注销 · 市公安局
  funeralGrant: '11321200096552853L3000506017000', // 丧葬补助金、抚恤金申领 · 市人社局
  fundDeath: '1232120044576413433002009010005', // 住房公积金提取（职工死亡或者被宣告死亡）· 市公积金中心
  funeralWaiver: '11321202074340008J4320504012000', // 基本殡葬服务费用减免 · 海陵区民政局
  flexibleInsurance: '11321200096552853L3002006001002', // 灵活就业人员参保登记 · 市人社局
  startupGrant: '11321200096552853L3000506012000', // 一次性创业补贴申领 · 市人社局
} as const;

const lead = (implCode: string) => implCode.slice(0, 18);
const yesNo = (yes = '是', no = '否') => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];
const CITY = '321200';
const WINDOW = '泰州市政务服务中心一楼“一件事一次办”综合受理窗口（海陵区东风南路 8 号）';
const CONSULT = '0523-12345';

export const BUNDLES: readonly BundleDocument[] = [
  {
    code: 'newborn',
    name: '新生儿出生“一件事”',
    event: '新生儿出生',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.birthCertificate),
    summary: '孩子出生后，出生医学证明、预防接种证、户口登记、医保参保和社会保障卡一次申请、一套材料，各部门并联办理，结果统一送达。',
    members: [
      { implCode: I.birthCertificate, required: true, fieldConcepts: { idNumber: 'motherIdNumber' } },
      { implCode: I.vaccination, required: true, after: [I.birthCertificate] },
      {
        implCode: I.birthRegistration,
        required: true,
        after: [I.birthCertificate],
        when: [{ question: 'hukouHere', in: ['yes'] }],
        materialConditions: [{ code: 'M03', when: [{ question: 'married', in: ['yes'] }] }],
      },
      {
        implCode: I.residentMedical,
        required: false,
        after: [I.birthRegistration],
        fieldConcepts: { applicantName: 'childName', idNumber: 'childIdNumber' },
        presets: { category: '新生儿' },
        note: '新生儿出生当年参保缴费的，自出生之日起享受待遇' },
      {
        implCode: I.socialCard,
        required: false,
        after: [I.residentMedical],
        when: [{ question: 'wantSocialCard', in: ['yes'] }],
        fieldConcepts: { applicantName: 'childName', idNumber: 'childIdNumber' },
      },
    ],
    questions: [
      { id: 'hukouHere', text: '新生儿是否在泰州市落户？', help: '父母一方户籍在泰州市的，可以在泰州办理出生登记', options: yesNo('是，在泰州落户', '否，回外地落户') },
      {
        id: 'follow',
        text: '新生儿随父亲还是随母亲落户？',
        options: [
          { value: 'father', label: '随父落户' },
          { value: 'mother', label: '随母落户' },
        ],
        when: [{ question: 'hukouHere', in: ['yes'] }],
        fills: [{ implCode: I.birthRegistration, field: 'registerWith', values: { father: '随父', mother: '随母' } }],
      },
      { id: 'married', text: '父母是否办理了结婚登记？', help: '未办理结婚登记的，不需要提供结婚证，由公安机关按规定核实亲子关系', options: yesNo('已登记结婚', '未登记结婚'), when: [{ question: 'hukouHere', in: ['yes'] }] },
      { id: 'wantSocialCard', text: '是否同时为孩子申领社会保障卡？', options: yesNo('同时申领', '暂不申领') },
    ],
    process: [
      { name: '一次申请', description: '在泰州政务服务网“一件事”专区或出生医院窗口回答情形问题，填写一张表' },
      { name: '一次提交', description: '上传一套材料，一次提交；卫健、公安、医保、人社部门同步收到' },
      { name: '并联办理', description: '出生医学证明签发后，出生登记、预防接种证、医保参保同步办理，社会保障卡随后制卡' },
      { name: '统一出件', description: '户口簿出生登记页、社会保障卡一并邮寄到家，电子证照同步推送' },
    ],
    guide: {
      conditions: ['在泰州市具有助产资质的医疗机构出生的新生儿', '父母一方为泰州市户籍或持有泰州市居住证'],
      notes: ['请在孩子出生后一个月内办理出生登记', '出生医学证明上的姓名就是户口登记的姓名，请确认无误'],
      window: WINDOW,
      consult: CONSULT,
    },
    keywords: ['出生', '上户口', '新生儿', '出生证', '宝宝'],
  },
  {
    code: 'business-startup',
    name: '企业开办“一件事”',
    event: '开办企业',
    audience: 'entity',
    regionCode: CITY,
    leadCreditCode: lead(I.companySetup),
    summary: '营业执照、公章刻制、发票领用、社保医保登记、公积金开户一次申请，一个工作日内全部办好。',
    members: [
      { implCode: I.companySetup, required: true },
      { implCode: I.seal, required: false, after: [I.companySetup], when: [{ question: 'needSeal', in: ['yes'] }] },
      { implCode: I.invoice, required: false, after: [I.companySetup], when: [{ question: 'needInvoice', in: ['yes'] }] },
      { implCode: I.employerPension, required: true, after: [I.companySetup], when: [{ question: 'hasStaff', in: ['yes'] }] },
      { implCode: I.employerMedical, required: true, after: [I.companySetup], when: [{ question: 'hasStaff', in: ['yes'] }] },
      { implCode: I.employerFund, required: false, after: [I.companySetup], when: [{ question: 'hasStaff', in: ['yes'] }] },
    ],
    questions: [
      { id: 'needSeal', text: '是否需要刻制公章？', help: '公章由企业自主选择刻章企业，刻制费用由政府承担（首套免费）', options: yesNo('需要刻制', '暂不刻制') },
      { id: 'needInvoice', text: '是否需要申领发票？', options: yesNo('需要申领', '暂不申领') },
      { id: 'hasStaff', text: '是否招用员工？', help: '招用员工的，应当自用工之日起三十日内办理社会保险登记', options: yesNo('招用员工', '暂不招用') },
    ],
    process: [
      { name: '一次申请', description: '在企业开办“全链通”平台填写一张表，选择需要办理的事项' },
      { name: '一次提交', description: '上传一套材料，市场监管、公安、税务、人社、医保、公积金部门同步收到' },
      { name: '并联办理', description: '营业执照核发后，印章刻制、发票申领、社保医保登记、公积金开户同步办理' },
      { name: '统一出件', description: '营业执照、印章、发票（税控设备）“企业开办大礼包”一次领取或免费寄递' },
    ],
    guide: {
      conditions: ['在泰州市登记的有限责任公司'],
      notes: ['企业开办全流程一个工作日内办结', '银行开户可在申请时预约，银行上门服务'],
      window: WINDOW,
      consult: CONSULT,
    },
    linkedServices: [{ name: '银行预约开户', provider: '开户银行', note: '申请时选择银行，营业执照核发后银行联系企业办理' }],
    keywords: ['开公司', '注册公司', '企业开办', '开办企业'],
  },
  {
    code: 'retirement',
    name: '退休“一件事”',
    event: '退休',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.pensionClaim),
    summary: '到了退休年龄，养老金待遇申领、公积金退休提取一次申请，部门间共享退休审批信息，不再来回跑。',
    members: [
      { implCode: I.pensionClaim, required: true },
      { implCode: I.fundRetirement, required: false, after: [I.pensionClaim], when: [{ question: 'hasFund', in: ['yes'] }] },
    ],
    questions: [
      { id: 'insuredHere', text: '是否在本市参加企业职工基本养老保险？', help: '在外地参保的，请先办理养老保险关系转移接续', options: yesNo('在本市参保', '在外地参保') },
      { id: 'hasFund', text: '是否缴存了住房公积金？', options: yesNo('有公积金', '没有公积金'), when: [{ question: 'insuredHere', in: ['yes'] }] },
    ],
    process: [
      { name: '一次申请', description: '在“一件事”专区或综合窗口填写一张表' },
      { name: '并联办理', description: '人社部门核定养老金待遇，公积金中心依退休审批信息办理提取' },
      { name: '一次反馈', description: '待遇核定结果和公积金到账信息统一告知' },
    ],
    guide: { conditions: ['达到法定退休年龄且累计缴费满规定年限的企业职工'], notes: ['请在退休前一个月内申请'], window: WINDOW, consult: CONSULT },
    keywords: ['退休', '养老金', '退休手续'],
  },
  {
    code: 'business-closure',
    name: '企业注销“一件事”',
    event: '企业注销',
    audience: 'entity',
    regionCode: CITY,
    leadCreditCode: lead(I.companyClosure),
    summary: '清税、公积金缴存信息变更和注销登记一次申请，清税信息部门间共享，不用再跑税务开证明。',
    members: [
      { implCode: I.taxClosure, required: true },
      { implCode: I.fundChange, required: false, when: [{ question: 'hasFund', in: ['yes'] }] },
      { implCode: I.companyClosure, required: true, after: [I.taxClosure] },
    ],
    questions: [
      { id: 'simple', text: '是否适用简易注销？', help: '未发生债权债务或已将债权债务清偿完结的，可以简易注销', options: yesNo('简易注销', '一般注销') },
      { id: 'hasFund', text: '企业是否开立了住房公积金账户？', options: yesNo('已开户', '未开户') },
    ],
    process: [
      { name: '一次申请', description: '在企业注销“一网通办”平台填写一张表' },
      { name: '并联办理', description: '税务部门清税，公积金中心办理缴存信息变更' },
      { name: '注销登记', description: '清税信息共享到市场监管部门，办理注销登记' },
    ],
    guide: { conditions: ['在泰州市登记的有限责任公司'], notes: ['简易注销公示期为 20 日'], window: WINDOW, consult: CONSULT },
    keywords: ['注销公司', '关公司', '企业注销'],
  },
  {
    code: 'resale-home-transfer',
    name: '二手房转移登记及水电气网联动过户“一件事”',
    event: '二手房交易',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.transferRegistration),
    summary: '网签备案、缴纳契税、不动产转移登记一窗受理，水、电、气、有线电视网络同步过户。',
    members: [
      { implCode: I.resaleFiling, required: true },
      { implCode: I.deedTax, required: true, after: [I.resaleFiling] },
      { implCode: I.transferRegistration, required: true, after: [I.deedTax] },
      { implCode: I.fundPurchase, required: false, after: [I.transferRegistration], when: [{ question: 'useFund', in: ['yes'] }] },
    ],
    questions: [
      { id: 'useFund', text: '是否提取住房公积金支付购房款？', options: yesNo('提取公积金', '不提取') },
      { id: 'firstHome', text: '是否为家庭唯一住房？', help: '影响契税税率，由税务部门核定', options: yesNo('是', '否') },
    ],
    process: [
      { name: '一窗受理', description: '买卖双方在不动产登记大厅“一件事”窗口一次提交' },
      { name: '并联办理', description: '网签备案、契税核税、转移登记依次流转，不再重复提交' },
      { name: '联动过户', description: '登记完成后水、电、气、有线电视网络同步过户' },
    ],
    guide: { conditions: ['已取得不动产权证书的存量住房买卖'], notes: ['买卖双方需到场签字或通过电子签名确认'], window: '泰州市不动产登记中心一楼“一件事”窗口', consult: CONSULT },
    linkedServices: [
      { name: '供水过户', provider: '泰州市自来水公司' },
      { name: '供电过户', provider: '国网泰州供电公司' },
      { name: '燃气过户', provider: '泰州港华燃气公司' },
      { name: '有线电视网络过户', provider: '江苏有线泰州分公司' },
    ],
    keywords: ['二手房', '过户', '买房', '房产证'],
  },
  {
    code: 'restaurant-opening',
    name: '开办餐饮店“一件事”',
    event: '开办餐饮店',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.foodLicense),
    summary: '营业执照、食品经营许可、消防安全检查、招牌设置、排水许可一次申请，一次提交，并联审批。',
    members: [
      { implCode: I.soleProprietor, required: true, fieldConcepts: { businessName: 'entityName' } },
      // For a 个体工商户 the 负责人 of the food licence is the operator.
      { implCode: I.foodLicense, required: true, after: [I.soleProprietor], fieldConcepts: { legalRep: 'applicantName' } },
      { implCode: I.fireCheck, required: true, when: [{ question: 'crowded', in: ['yes'] }] },
      { implCode: I.signboard, required: false, when: [{ question: 'signboard', in: ['yes'] }] },
      { implCode: I.sewage, required: true, when: [{ question: 'sewage', in: ['yes'] }] },
    ],
    questions: [
      { id: 'crowded', text: '店铺营业面积是否在 300 平方米以上？', help: '公众聚集场所（餐饮场所）达到规模的，营业前须办理消防安全检查', options: yesNo('300 平方米以上', '300 平方米及以下') },
      { id: 'signboard', text: '是否设置大型户外招牌广告？', options: yesNo('设置', '不设置') },
      { id: 'sewage', text: '是否向城市排水管网排放餐饮污水？', options: yesNo('排放', '不排放') },
    ],
    process: [
      { name: '一次申请', description: '在“一件事”专区回答情形问题，填写一张表' },
      { name: '并联审批', description: '市场监管、消防、城管部门同步审查，需现场核查的联合勘验' },
      { name: '统一出件', description: '营业执照、食品经营许可证等一次领取或寄递' },
    ],
    guide: { conditions: ['在泰州市开办餐饮服务的个体工商户'], notes: ['经营场所应符合食品安全要求，远离污染源'], window: WINDOW, consult: CONSULT },
    keywords: ['开饭店', '开餐馆', '餐饮', '小吃店'],
  },
  {
    code: 'military-discharge',
    name: '军人退役“一件事”',
    event: '军人退役',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.veteranCard),
    summary: '退役报到后，优待证、一次性经济补助金、就业创业证、养老保险关系接续一次申请。',
    members: [
      { implCode: I.veteranCard, required: true },
      { implCode: I.veteranGrant, required: true, when: [{ question: 'selfEmployed', in: ['yes'] }] },
      { implCode: I.employmentCard, required: false },
      { implCode: I.pensionTransfer, required: false, when: [{ question: 'insuredElsewhere', in: ['yes'] }] },
    ],
    questions: [
      { id: 'selfEmployed', text: '是否为自主就业退役士兵？', options: yesNo('自主就业', '安排工作或其他') },
      { id: 'insuredElsewhere', text: '服役前是否在外地参加过企业职工养老保险？', options: yesNo('在外地参保过', '没有') },
    ],
    process: [
      { name: '报到登记', description: '退役后 30 日内到退役军人服务站报到，一次提交材料' },
      { name: '并联办理', description: '退役军人事务、人社部门同步办理' },
      { name: '一次反馈', description: '办理结果统一告知，补助金直接发放到本人银行卡' },
    ],
    guide: { conditions: ['退役后安置地在泰州市的退役军人'], notes: ['请携带退出现役证原件报到'], window: '各级退役军人服务中心（站）', consult: CONSULT },
    keywords: ['退伍', '退役', '优待证'],
  },
  {
    code: 'disability-services',
    name: '残疾人服务“一件事”',
    event: '残疾人服务',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.disabilityCard),
    summary: '残疾人证办理与两项补贴、辅具适配、残疾儿童康复救助一次申请，残疾人证信息部门间共享。',
    members: [
      { implCode: I.disabilityCard, required: true, fieldConcepts: { guardianName: 'guardianName' } },
      { implCode: I.disabilityAllowance, required: false, after: [I.disabilityCard], when: [{ question: 'hardship', in: ['yes'] }] },
      { implCode: I.assistiveDevice, required: false, after: [I.disabilityCard], when: [{ question: 'device', in: ['yes'] }] },
      {
        implCode: I.childRehab,
        required: false,
        when: [{ question: 'child', in: ['yes'] }],
        // Asked only for a child: the child is the applicant of 残疾人证, the item's own applicant is the guardian.
        fieldConcepts: { applicantName: 'guardianName', idNumber: 'guardianIdNumber', childName: 'applicantName', childIdNumber: 'idNumber' },
      },
    ],
    questions: [
      { id: 'child', text: '申请人是否为 0—6 岁儿童？', help: '0—6 岁残疾儿童可以同时申请康复救助', options: yesNo('是，0—6 岁儿童', '否') },
      { id: 'hardship', text: '是否为低保家庭或重度残疾？', help: '符合条件的可同时申请困难残疾人生活补贴或重度残疾人护理补贴', options: yesNo('是', '否') },
      { id: 'device', text: '是否需要轮椅、助听器等辅助器具？', options: yesNo('需要', '不需要') },
    ],
    process: [
      { name: '一次申请', description: '在社区或线上一次申请，评定残疾等级' },
      { name: '并联办理', description: '残联、民政部门依残疾人证信息同步审核补贴和辅具' },
      { name: '统一送达', description: '残疾人证、补贴和辅具结果统一告知' },
    ],
    guide: { conditions: ['户籍在泰州市的残疾人'], notes: ['残疾评定需到指定医院，可预约上门评定'], window: '各市（区）残疾人服务中心', consult: CONSULT },
    keywords: ['残疾证', '残疾人', '两项补贴', '辅具'],
  },
  {
    code: 'after-death',
    name: '公民身后“一件事”',
    event: '公民身后',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.deathCancellation),
    summary: '亲人离世后，户口注销、丧葬补助金和抚恤金、公积金提取、殡葬费用减免一次申请，不再多头跑。',
    members: [
      { implCode: I.deathCancellation, required: true },
      { implCode: I.funeralGrant, required: false, after: [I.deathCancellation], when: [{ question: 'pensioner', in: ['yes'] }] },
      {
        implCode: I.fundDeath,
        required: false,
        after: [I.deathCancellation],
        when: [{ question: 'hasFund', in: ['yes'] }],
        fieldConcepts: { deceasedName: 'deceasedName' },
      },
      { implCode: I.funeralWaiver, required: false, when: [{ question: 'haiLing', in: ['yes'] }] },
    ],
    questions: [
      { id: 'pensioner', text: '逝者生前是否参加企业职工基本养老保险？', options: yesNo('参加', '未参加') },
      { id: 'hasFund', text: '逝者是否缴存了住房公积金？', options: yesNo('有公积金', '没有') },
      { id: 'haiLing', text: '逝者户籍是否在海陵区？', help: '基本殡葬服务费用减免由户籍地民政部门办理', options: yesNo('海陵区', '其他地区') },
    ],
    process: [
      { name: '一次申请', description: '家属在“一件事”专区或综合窗口一次申请' },
      { name: '信息共享', description: '死亡信息在公安、人社、公积金、民政部门间共享' },
      { name: '并联办理', description: '各部门同步办理，结果统一告知' },
    ],
    guide: { conditions: ['户籍在泰州市的逝者家属'], notes: ['节哀顺变。申请人为逝者的配偶、子女或其他近亲属'], window: WINDOW, consult: CONSULT },
    keywords: ['去世', '死亡', '身后事', '销户'],
  },
  {
    code: 'flexible-employment',
    name: '灵活就业“一件事”',
    event: '灵活就业',
    audience: 'person',
    regionCode: CITY,
    leadCreditCode: lead(I.flexibleInsurance),
    summary: '灵活就业人员参保登记、就业创业证申领、一次性创业补贴一次申请。',
    members: [
      { implCode: I.flexibleInsurance, required: true },
      { implCode: I.employmentCard, required: true },
      { implCode: I.startupGrant, required: false, after: [I.employmentCard], when: [{ question: 'startup', in: ['yes'] }] },
    ],
    questions: [{ id: 'startup', text: '是否首次创办小微企业或个体工商户？', help: '首次创业且正常经营 6 个月以上的，可申请一次性创业补贴', options: yesNo('是', '否') }],
    process: [
      { name: '一次申请', description: '在“一件事”专区填写一张表' },
      { name: '并联办理', description: '人社部门同步办理参保登记、就业创业证和补贴' },
    ],
    guide: { conditions: ['在泰州市灵活就业的劳动年龄内人员'], notes: ['参保后按月或按年缴费'], window: WINDOW, consult: CONSULT },
    keywords: ['灵活就业', '自由职业', '个人交社保'],
  },
];
