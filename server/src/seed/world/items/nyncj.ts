/** 泰州市农业农村局 (key 'nyncj'). */

import { ItemKind } from '../../../platform/codes/index.ts';
import { entityFields, f, form, mat, STEP, type ItemDraft, type OrgItems } from './helpers.ts';

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

export const nyncjItems: OrgItems = { orgKey: 'nyncj', items: [pesticide, veterinaryDrug, animalEpidemic] };
