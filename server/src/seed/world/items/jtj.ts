/** 泰州市交通运输局 (key 'jtj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const ROAD_TRANSPORT = { title: '《中华人民共和国道路运输条例》' };

const passengerTransport: ItemDraft = {
  name: '道路旅客运输经营许可',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity'],
  legalBasis: [ROAD_TRANSPORT, { title: '《道路旅客运输及客运站管理规定》（交通运输部令）' }],
  conditions: ['有与其经营业务相适应并经检测合格的客车', '有符合规定条件的驾驶人员', '有健全的安全生产管理制度'],
  statutoryDays: 20,
  committedDays: 10,
  limitNote: '法定时限为20日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '道路旅客运输经营申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '可行性报告', { form: 'electronic', paper: [0, 0], notes: '包括申请客运线路客流状况调查、运营方案、效益分析以及可能对其他相关经营者产生的影响等' }),
    mat('M03', '拟投入车辆承诺书', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '已聘用或者拟聘用驾驶人员的机动车驾驶证、从业资格证', { paper: [0, 1] }),
    mat('M05', '安全生产管理制度文本', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('企业名称'), scope: f.choice('申请经营范围', ['县内班车客运', '市内班车客运', '省际班车客运', '包车客运']), vehicleCount: f.integer('拟投入客车数量', 1) }),
  result: { type: 'license', name: '道路运输经营许可证' },
  topics: ['准营准办', '交通运输'],
  keywords: ['客运许可', '班车', '包车'],
};

const freightTransport: ItemDraft = {
  name: '道路货物运输经营许可（除使用4500千克及以下普通货运车辆从事普通货运经营外）',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity', 'person'],
  legalBasis: [ROAD_TRANSPORT, { title: '《道路货物运输及站场管理规定》（交通运输部令）' }],
  conditions: ['有与其经营业务相适应并经检测合格的车辆', '有符合规定条件的驾驶人员', '有健全的安全生产管理制度'],
  statutoryDays: 20,
  committedDays: 5,
  limitNote: '法定时限为20日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '道路货物运输经营申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '车辆行驶证或拟购置车辆承诺书', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '驾驶人员的机动车驾驶证、从业资格证', { paper: [0, 1] }),
    mat('M04', '安全生产管理制度文本', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('经营者名称'), vehicleCount: f.integer('车辆数量', 1), scope: f.choice('经营范围', ['普通货运', '货物专用运输', '大型物件运输']) }),
  result: { type: 'license', name: '道路运输经营许可证' },
  topics: ['准营准办', '交通运输'],
  keywords: ['货运许可', '物流', '道路运输证'],
};

const taxiVehicle: ItemDraft = {
  name: '巡游出租汽车车辆经营权许可',
  kind: ItemKind.license,
  main: 3,
  sub: 1,
  serviceObjects: ['entity'],
  legalBasis: [
    { title: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）' },
    { title: '《巡游出租汽车经营服务管理规定》（交通运输部令）' },
  ],
  conditions: ['取得巡游出租汽车经营许可', '车辆符合机动车安全技术条件和本市出租汽车车型技术要求', '依法取得车辆经营权'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '巡游出租汽车车辆经营权申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '车辆经营权出让合同或配置文件', { form: 'electronic', paper: [0, 0] }),
    mat('M03', '机动车行驶证', { paper: [0, 1] }),
  ],
  form: form({ ...entityFields('出租汽车企业'), plateNo: f.text('车辆号牌', 10), vehicleModel: f.text('车型', 50) }),
  result: { type: 'license', name: '道路运输证（出租汽车）' },
  topics: ['准营准办', '交通运输'],
  keywords: ['出租车', '出租汽车运营证'],
};

const ridehailDriver: ItemDraft = {
  name: '网络预约出租汽车驾驶员从业资格证核发',
  kind: ItemKind.license,
  main: 3,
  sub: 2,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《网络预约出租汽车经营服务管理暂行办法》' }, { title: '《出租汽车驾驶员从业资格管理规定》（交通运输部令）' }],
  conditions: ['取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历', '无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录', '无暴力犯罪记录', '通过全国公共科目和泰州市区域科目考试'],
  steps: [STEP.apply(), STEP.accept(), { name: '考试', description: '参加全国公共科目和区域科目考试' }, STEP.decide('考试合格且背景核查通过的核发从业资格证'), STEP.deliver('电子证照推送至本人')],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  visitsRequired: 1,
  visitReason: '需到考点参加从业资格考试',
  materials: [
    mat('M01', '网络预约出租汽车驾驶员从业资格申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '机动车驾驶证', { paper: [0, 1] }),
    mat('M03', '无犯罪记录证明', { form: 'electronic', paper: [0, 0], notes: '公安机关可通过数据共享出具的无需提供', necessity: 'optional' }),
  ],
  form: form({ ...personFields('驾驶员姓名'), licenseNo: f.text('机动车驾驶证号', 18), licenseDate: f.date('初次领取驾驶证日期'), platform: f.text('拟服务平台', 50) }, ['platform']),
  result: { type: 'license', name: '网络预约出租汽车驾驶员证' },
  topics: ['职业资格', '交通运输'],
  keywords: ['网约车', '网约车驾驶员证', '滴滴'],
};

const cruiseTaxiDriver: ItemDraft = {
  ...ridehailDriver,
  name: '巡游出租汽车驾驶员从业资格证核发',
  sub: 3,
  legalBasis: [{ title: '《巡游出租汽车经营服务管理规定》（交通运输部令）' }, { title: '《出租汽车驾驶员从业资格管理规定》（交通运输部令）' }],
  materials: [
    mat('M01', '巡游出租汽车驾驶员从业资格申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '机动车驾驶证', { paper: [0, 1] }),
    mat('M03', '无犯罪记录证明', { form: 'electronic', paper: [0, 0], notes: '公安机关可通过数据共享出具的无需提供', necessity: 'optional' }),
  ],
  form: form({ ...personFields('驾驶员姓名'), licenseNo: f.text('机动车驾驶证号', 18), licenseDate: f.date('初次领取驾驶证日期'), company: f.text('拟聘用出租汽车企业', 100) }, ['company']),
  result: { type: 'license', name: '巡游出租汽车驾驶员证' },
  keywords: ['出租车司机', '的哥证', '出租车驾驶员'],
};

const ridehailVehicle: ItemDraft = {
  name: '网络预约出租汽车运输证核发',
  kind: ItemKind.license,
  main: 3,
  sub: 4,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《网络预约出租汽车经营服务管理暂行办法》', article: '第十二条、第十三条' }, { title: '《泰州市网络预约出租汽车经营服务管理实施细则》' }],
  conditions: ['7座及以下乘用车，车辆使用性质登记为预约出租客运', '车辆安装具有行驶记录功能的车辆卫星定位装置和应急报警装置', '车辆技术性能和车辆轴距、排量等符合本市网约车车辆标准'],
  statutoryDays: 20,
  committedDays: 5,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [
    mat('M01', '网络预约出租汽车运输证申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '机动车行驶证', { paper: [0, 1] }),
    mat('M03', '车辆卫星定位装置和应急报警装置安装证明', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '网约车平台公司出具的车辆接入承诺', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...personFields('车辆所有人'), plateNo: f.text('车辆号牌', 10), model: f.text('品牌型号', 50), platform: f.text('接入平台公司', 100) }),
  result: { type: 'license', name: '网络预约出租汽车运输证' },
  topics: ['准营准办', '交通运输'],
  keywords: ['网约车运输证', '网约车车证', '双证'],
};

const freightDriverCert: ItemDraft = {
  name: '经营性道路货物运输驾驶员从业资格证核发',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['person'],
  legalBasis: [{ ...ROAD_TRANSPORT, article: '第二十二条' }, { title: '《道路运输从业人员管理规定》（交通运输部令）' }],
  conditions: ['取得相应的机动车驾驶证', '年龄不超过60周岁', '经考试合格，取得相应的从业资格证件'],
  steps: [STEP.apply(), STEP.accept(), { name: '考试', description: '参加道路运输相关法规、机动车维修和货物装载保管知识考试' }, STEP.decide('考试合格的10日内核发从业资格证'), STEP.deliver('电子证照推送至本人')],
  statutoryDays: 10,
  committedDays: 5,
  limitNote: '自考试成绩公布之日起计算',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  visitsRequired: 1,
  visitReason: '需到考点参加从业资格考试',
  materials: [mat('M01', '道路运输从业人员从业资格考试申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '机动车驾驶证', { paper: [0, 1] })],
  form: form({ ...personFields('驾驶员姓名'), licenseNo: f.text('机动车驾驶证号', 18), vehicleClass: f.choice('准驾车型', ['A1', 'A2', 'B1', 'B2', 'C1']) }),
  result: { type: 'license', name: '道路运输从业人员从业资格证' },
  topics: ['职业资格', '交通运输'],
  tongbanScope: 'national',
  keywords: ['货运资格证', '从业资格证', '货车司机'],
};

const repairFiling: ItemDraft = {
  name: '机动车维修经营备案',
  kind: ItemKind.otherPower,
  main: 5,
  serviceObjects: ['entity', 'person'],
  legalBasis: [ROAD_TRANSPORT, { title: '《机动车维修管理规定》（交通运输部令）' }],
  conditions: ['已取得营业执照', '有与其经营业务相适应的维修车辆停车场和生产厂房、设备、技术人员', '有健全的维修管理制度和环境保护措施'],
  statutoryDays: 5,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '机动车维修经营备案表', { form: 'electronic', paper: [0, 0] }), mat('M02', '维修场地使用证明和主要维修设备清单', { form: 'electronic', paper: [0, 0] }), mat('M03', '技术人员从业资格证明', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('经营者名称'), category: f.choice('维修类别', ['一类汽车维修', '二类汽车维修', '三类汽车维修（专项）', '摩托车维修']), premises: f.address('经营场所') }),
  result: { type: 'other', name: '机动车维修经营备案回执' },
  topics: ['准营准办', '交通运输'],
  keywords: ['汽修备案', '修车店', '汽车维修'],
};

const drivingSchoolFiling: ItemDraft = {
  name: '机动车驾驶员培训经营备案',
  kind: ItemKind.otherPower,
  main: 6,
  serviceObjects: ['entity'],
  legalBasis: [ROAD_TRANSPORT, { title: '《机动车驾驶员培训管理规定》（交通运输部令）' }],
  conditions: ['已取得营业执照', '有与培训业务相适应的教练场地、教学车辆和教练员', '有健全的培训管理制度'],
  statutoryDays: 5,
  committedDays: 0,
  limitNote: '备案材料齐全的当场备案',
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '机动车驾驶员培训备案表', { form: 'electronic', paper: [0, 0] }), mat('M02', '教练场地使用证明', { form: 'electronic', paper: [0, 0] }), mat('M03', '教学车辆和教练员情况清单', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('驾校名称'), category: f.choice('培训类型', ['普通机动车驾驶员培训', '道路运输驾驶员从业资格培训', '机动车驾驶员培训教练场']), vehicles: f.integer('教学车辆数', 1) }),
  result: { type: 'other', name: '机动车驾驶员培训备案回执' },
  topics: ['准营准办', '交通运输'],
  keywords: ['驾校备案', '开驾校'],
};

const oversizeTransport: ItemDraft = {
  name: '超限运输车辆行驶公路许可',
  kind: ItemKind.license,
  main: 7,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国公路法》', article: '第五十条' }, { title: '《公路安全保护条例》', article: '第三十五条' }, { title: '《超限运输车辆行驶公路管理规定》（交通运输部令2016年第62号）' }],
  conditions: ['载运不可解体物品，车货总体的外廓尺寸或者总质量超过规定限值', '车辆符合安全技术条件，已制定运输方案和通行路线'],
  statutoryDays: 15,
  committedDays: 2,
  limitNote: '车货总高度、宽度、长度、总质量未超过规定标准的（一类）2个工作日内作出决定；超出的视情况5至15个工作日',
  specialProcedures: [{ name: '现场核查', note: '对车货总质量超过100吨的，需进行公路、桥梁技术评估和现场查验，时间不计入' }],
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '超限运输车辆通行申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '货物名称、重量、外廓尺寸及必要的总体轮廓图', { form: 'electronic', paper: [0, 0] }), mat('M03', '运输车辆的机动车行驶证', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('承运人'), cargo: f.text('货物名称', 100), totalWeight: f.number('车货总质量（吨）', 1), route: f.textarea('通行路线', 500), startDate: f.date('通行起始日期') }),
  result: { type: 'license', name: '超限运输车辆通行证' },
  topics: ['交通运输'],
  tongbanScope: 'national',
  keywords: ['大件运输', '超限通行证'],
};

const highwayConstruction: ItemDraft = {
  name: '涉路施工许可（占用、挖掘公路、公路用地或者使公路改线）',
  kind: ItemKind.license,
  main: 8,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国公路法》', article: '第四十四条、第四十五条' }, { title: '《公路安全保护条例》', article: '第二十七条' }],
  conditions: ['因修建铁路、机场、供电、通信、水利等建设工程需要占用、挖掘公路、公路用地或者使公路改线', '有符合公路工程技术标准的施工方案和保障公路、公路附属设施质量和安全的技术评价报告'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '涉路施工许可申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '设计和施工方案', { form: 'electronic', paper: [0, 0] }), mat('M03', '保障公路、公路附属设施质量和安全的技术评价报告', { form: 'electronic', paper: [0, 0] }), mat('M04', '处置施工险情和意外事故的应急预案', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('建设单位'), road: f.text('涉及公路及桩号', 100), content: f.textarea('施工内容', 500), period: f.text('施工期限', 50) }),
  result: { type: 'approval', name: '涉路施工许可决定书' },
  intermediaryServices: [{ name: '涉路工程安全技术评价', provider: '具有相应公路工程设计或咨询资质的单位', basis: '《公路安全保护条例》第二十七条', feeNote: '按市场价格' }],
  topics: ['工程建设', '交通运输'],
  keywords: ['涉路施工', '公路开挖', '管线穿越公路'],
};

const portOperation: ItemDraft = {
  name: '港口经营许可',
  kind: ItemKind.license,
  main: 9,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国港口法》', article: '第二十二条' }, { title: '《港口经营管理规定》（交通运输部令）' }],
  conditions: ['有固定的经营场所', '有与经营范围、规模相适应的港口设施、设备', '有与经营规模、范围相适应的专业技术人员、管理人员', '有健全的经营管理制度和安全管理制度以及生产安全事故应急预案'],
  steps: [STEP.apply(), STEP.accept(), STEP.inspect('对码头设施、设备和安全条件进行现场核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 30,
  committedDays: 15,
  limitNote: '法定时限为30日（自然日）',
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '港口经营许可申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '港口设施竣工验收文件和使用证明', { form: 'electronic', paper: [0, 0] }), mat('M03', '安全管理制度和生产安全事故应急预案', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('港口经营人'), wharf: f.text('码头名称及泊位', 100), scope: f.choice('经营范围', ['码头和其他港口设施经营', '货物装卸、仓储', '旅客运输服务', '港口拖轮经营']) }),
  result: { type: 'license', name: '港口经营许可证' },
  topics: ['准营准办', '交通运输'],
  keywords: ['港口经营', '码头许可', '泰州港'],
};

export const jtjItems: OrgItems = {
  orgKey: 'jtj',
  items: [passengerTransport, freightTransport, taxiVehicle, ridehailDriver, cruiseTaxiDriver, ridehailVehicle, freightDriverCert, repairFiling, drivingSchoolFiling, oversizeTransport, highwayConstruction, portOperation],
};
