/** 泰州市农业农村局 (key 'nyncj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, personFields, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

const pesticide: ItemDraft = {
  name: '农药经营许可',
  kind: ItemKind.license,
  main: 1,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《农药管理条例》（国务院令第677号）' }, { title: '《农药经营许可管理办法》' }],
  conditions: ['有具备农药和病虫害防治专业知识、熟悉农药管理规定，能够指导安全合理使用农药的经营人员', '有与其他商品以及饮用水水源、生活区域等有效隔离的营业场所和仓储场所', '有农药采购、销售台账和安全管理制度'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('对营业场所和仓储场所进行实地核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '农药经营许可证申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '经营人员的学历或者培训证明', { paper: [0, 1] }),
    mat('M03', '营业场所和仓储场所地址、面积、平面图等说明材料及照片'),
    mat('M04', '农药经营管理制度和岗位操作规程', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('经营者名称'), premises: f.address('营业场所'), warehouse: f.text('仓储场所', 200), restricted: f.boolean('是否经营限制使用农药') }),
  result: { type: 'license', name: '农药经营许可证' },
  topics: ['准营准办', '农林牧渔'],
  keywords: ['农药店', '农资'],
};

const veterinaryDrug: ItemDraft = {
  name: '兽药经营许可',
  kind: ItemKind.license,
  main: 2,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《兽药管理条例》', article: '第二十二条' }, { title: '《兽药经营质量管理规范》' }],
  conditions: ['有与所经营的兽药相适应的兽药技术人员', '有与所经营的兽药相适应的营业场所、设备、仓库设施', '有与所经营的兽药相适应的质量管理机构或者人员和质量管理制度'],
  statutoryDays: 30,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '兽药经营许可证申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '兽药技术人员的学历或职称证明', { paper: [0, 1] }),
    mat('M03', '营业场所、仓库的平面图和使用证明'),
  ],
  form: form({ ...entityFields('经营者名称'), premises: f.address('营业场所'), scope: f.choice('经营范围', ['兽用化学药品、中药', '兽用生物制品', '兽用化学药品、中药、生物制品']) }),
  result: { type: 'license', name: '兽药经营许可证' },
  topics: ['准营准办', '农林牧渔'],
  keywords: ['兽药店', '兽药许可'],
};

const animalEpidemic: ItemDraft = {
  name: '动物防疫条件合格证核发',
  kind: ItemKind.license,
  main: 3,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国动物防疫法》' }, { title: '《动物防疫条件审查办法》（农业农村部令）' }],
  conditions: ['场所的位置与居民生活区、生活饮用水水源地、学校、医院等公共场所的距离符合规定', '有与其规模相适应的污水、污物处理设施和清洗消毒设施设备', '有完善的隔离消毒、购销台账、日常巡查等动物防疫制度'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('组织现场核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [
    mat('M01', '动物防疫条件审查申请表', { form: 'electronic', paper: [0, 0] }),
    mat('M02', '场所地理位置图、各功能区布局平面图'),
    mat('M03', '设施设备清单', { form: 'electronic', paper: [0, 0] }),
    mat('M04', '动物防疫制度文本', { form: 'electronic', paper: [0, 0] }),
  ],
  form: form({ ...entityFields('申请单位'), siteType: f.choice('场所类型', ['动物饲养场', '动物隔离场所', '屠宰加工场所', '动物和动物产品无害化处理场所']), location: f.text('场所地址', 200), scale: f.text('设计规模', 100) }),
  result: { type: 'license', name: '动物防疫条件合格证' },
  topics: ['准营准办', '农林牧渔'],
  keywords: ['养殖场', '防疫合格证'],
};

const seedLicense: ItemDraft = {
  name: '农作物种子生产经营许可',
  kind: ItemKind.license,
  main: 4,
  serviceObjects: ['entity'],
  legalBasis: [{ title: '《中华人民共和国种子法》', article: '第三十一条' }, { title: '《农作物种子生产经营许可管理办法》（农业部令2016年第5号）' }],
  conditions: ['具有与种子生产经营相适应的生产经营设施、设备及专业技术人员', '具有符合规定的种子检验仪器设备和检验人员', '生产的种子应当来源于合法品种，有繁种基地'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('对生产经营设施、检验设备和繁种基地进行现场审查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '农作物种子生产经营许可证申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '种子生产经营场所、加工仓储设施和检验仪器设备清单及照片', { form: 'electronic', paper: [0, 0] }), mat('M03', '种子检验人员资格证明', { paper: [0, 1] }), mat('M04', '品种审定或登记证书', { form: 'electronic', paper: [0, 0] })],
  form: form({ ...entityFields('企业名称'), crops: f.text('生产经营作物种类', 100), scope: f.choice('生产经营范围', ['生产经营', '仅经营', '仅生产']) }),
  result: { type: 'license', name: '农作物种子生产经营许可证' },
  topics: ['准营准办', '农林牧渔'],
  keywords: ['种子许可证', '卖种子'],
};

const tractorLicense: ItemDraft = {
  name: '拖拉机和联合收割机驾驶证核发',
  kind: ItemKind.license,
  main: 5,
  serviceObjects: ['person'],
  legalBasis: [{ title: '《中华人民共和国道路交通安全法》', article: '第一百二十一条' }, { title: '《拖拉机和联合收割机驾驶证管理规定》（农业部令2018年第1号）' }],
  conditions: ['年龄18周岁以上、70周岁以下', '身体条件符合驾驶拖拉机、联合收割机的要求', '通过科目一至科目三考试'],
  steps: [STEP.apply(), STEP.accept(), { name: '考试', description: '参加科目一理论知识、科目二场地驾驶技能、科目三田间作业技能和道路驾驶技能考试' }, STEP.decide('考试合格的当日核发驾驶证'), STEP.deliver()],
  statutoryDays: 5,
  committedDays: 1,
  limitNote: '自考试合格之日起计算',
  onlineDepth: [1, 2, 3],
  visitsRequired: 2,
  visitReason: '需到考场参加理论和驾驶技能考试',
  materials: [mat('M01', '拖拉机和联合收割机驾驶证申请表'), mat('M02', '身体条件证明', { notes: '县级以上医疗机构出具' }), mat('M03', '居民身份证')],
  form: form({ ...personFields(), vehicleClass: f.choice('申请准驾机型', ['轮式拖拉机（G1）', '手扶拖拉机（K）', '轮式联合收割机（R）', '履带式联合收割机（S）']) }),
  result: { type: 'license', name: '拖拉机和联合收割机驾驶证' },
  topics: ['农林牧渔', '证件办理'],
  keywords: ['拖拉机驾照', '收割机驾驶证'],
};

const vetClinic: ItemDraft = {
  name: '动物诊疗许可',
  kind: ItemKind.license,
  main: 6,
  serviceObjects: ['entity', 'person'],
  legalBasis: [{ title: '《中华人民共和国动物防疫法》', article: '第六十一条、第六十二条' }, { title: '《动物诊疗机构管理办法》（农业农村部令2022年第5号）' }],
  conditions: ['有固定的动物诊疗场所，且动物诊疗场所使用面积符合规定', '动物诊疗场所选址距离动物饲养场、屠宰加工场所、经营动物的集贸市场不少于200米', '有与动物诊疗活动相适应的执业兽医和兽医器械设备'],
  steps: [STEP.apply(), STEP.accept(), STEP.review(), STEP.inspect('对诊疗场所、设施设备进行现场核查'), STEP.decide(), STEP.deliver()],
  statutoryDays: 15,
  committedDays: 7,
  onlineDepth: [1, 2, 3, 4, 5, 6, 7],
  materials: [mat('M01', '动物诊疗许可证申请表', { form: 'electronic', paper: [0, 0] }), mat('M02', '动物诊疗场所地理方位图、室内平面图和各功能区布局图'), mat('M03', '执业兽医资格证书', { paper: [0, 1] }), mat('M04', '动物诊疗场所使用权证明')],
  form: form({ ...entityFields('诊疗机构名称'), category: f.choice('机构类别', ['动物医院', '动物诊所']), premises: f.address('诊疗场所'), vets: f.integer('执业兽医人数', 1) }),
  result: { type: 'license', name: '动物诊疗许可证' },
  topics: ['准营准办', '农林牧渔'],
  lifeEvents: ['开办宠物医院'],
  keywords: ['宠物医院', '动物诊所', '宠物诊疗'],
};

const fishingLicense: ItemDraft = {
  name: '渔业捕捞许可',
  kind: ItemKind.license,
  main: 7,
  serviceObjects: ['person', 'entity'],
  legalBasis: [{ title: '《中华人民共和国渔业法》', article: '第二十三条' }, { title: '《渔业捕捞许可管理规定》（农业农村部令2018年第1号）' }],
  conditions: ['有渔业船舶检验证书和渔业船舶登记证书', '符合本市内陆水域捕捞渔船控制指标', '长江流域重点水域禁捕范围内不予发放'],
  statutoryDays: 20,
  committedDays: 10,
  onlineDepth: [1, 2, 3, 4, 5, 6],
  materials: [mat('M01', '渔业捕捞许可证申请书', { form: 'electronic', paper: [0, 0] }), mat('M02', '渔业船舶检验证书', { paper: [0, 1] }), mat('M03', '渔业船舶登记证书', { paper: [0, 1] })],
  form: form({ ...personFields('船舶所有人'), shipName: f.text('渔船船名号', 50), waters: f.text('作业水域', 100), method: f.text('作业方式', 50) }),
  result: { type: 'license', name: '渔业捕捞许可证' },
  topics: ['农林牧渔'],
  keywords: ['捕捞证', '渔船'],
};

export const nyncjItems: OrgItems = { orgKey: 'nyncj', items: [pesticide, veterinaryDrug, animalEpidemic, seedLicense, tractorLicense, vetClinic, fishingLicense] };
