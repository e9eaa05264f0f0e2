/**
 * The demo world's resource catalog (信息资源目录, seed 000 §(十) 21–22): what each department shares from the base
 * registers, how (无条件 / 有条件 / 不予共享), how often it is updated, and which application materials its content
 * stands for — those the platform obtains itself instead of asking the applicant (seed 000 §26 “数据多跑路”).
 */
import type { RegisterName } from '../../modules/sharing/index.ts';
import { LICENSE_TYPES } from './licenses.ts';

export type ResourceSeed = {
  code: string;
  name: string;
  description: string;
  providerKey: string;
  register: RegisterName;
  shareMode: 'open' | 'conditional' | 'none';
  conditions: string;
  updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  /** Register field names (see REGISTER_FIELDS); the key field first. */
  fields: string[];
  materials: string[];
};

export const RESOURCES: ResourceSeed[] = [
  {
    code: 'population-basic',
    name: '人口基本信息',
    description: '本市户籍人口的身份信息，用于核验申请人身份、免交身份证复印件',
    providerKey: 'gaj',
    register: 'population',
    shareMode: 'conditional',
    conditions: '用于依法履行职责中核验当事人身份；申请时说明依据的法律法规和办理事项',
    updateCycle: 'realtime',
    fields: ['residentId', 'name', 'sex', 'birthDate', 'ethnicity', 'householdAddress', 'status', 'regionCode'],
    materials: ['居民身份证', '身份证', '身份证复印件', '居民身份证复印件', '身份证明'],
  },
  {
    code: 'household',
    name: '户籍信息',
    description: '户号、户籍地址、户主及与户主关系，用于免交户口簿',
    providerKey: 'gaj',
    register: 'population',
    shareMode: 'conditional',
    conditions: '用于依法办理需核验户籍关系的事项；说明办理事项和所需字段',
    updateCycle: 'realtime',
    fields: ['residentId', 'name', 'householdNo', 'householdAddress', 'householdHeadId', 'relationToHead'],
    materials: ['居民户口簿', '户口簿', '户口本', '户籍证明'],
  },
  {
    code: 'marriage',
    name: '婚姻登记信息',
    description: '婚姻状况及配偶，用于免交婚姻状况证明',
    providerKey: 'mzj',
    register: 'population',
    shareMode: 'conditional',
    conditions: '用于依法办理需核验婚姻状况的事项（生育登记、不动产登记、公积金提取等）',
    updateCycle: 'daily',
    fields: ['residentId', 'name', 'maritalStatus', 'spouseId'],
    materials: ['婚姻状况证明', '婚姻关系证明'],
  },
  {
    code: 'entity-basic',
    name: '法人基本信息',
    description: '市场主体登记信息：名称、类型、法定代表人、注册资本、住所、经营范围、登记状态',
    providerKey: 'scjgj',
    register: 'entity',
    shareMode: 'open',
    conditions: '',
    updateCycle: 'realtime',
    fields: ['creditCode', 'name', 'entityType', 'legalRepresentative', 'legalRepresentativeId', 'registeredCapital', 'address', 'businessScope', 'status', 'establishedOn', 'regionCode'],
    materials: ['营业执照复印件', '营业执照副本复印件', '企业法人营业执照'],
  },
  {
    code: 'credit-records',
    name: '公共信用信息',
    description: '行政许可、行政处罚信息，经营异常名录、严重违法失信名单',
    providerKey: 'fgw',
    register: 'credit',
    shareMode: 'open',
    conditions: '',
    updateCycle: 'daily',
    fields: ['subjectCode', 'subjectName', 'kind', 'title', 'documentNo', 'content', 'authority', 'decidedOn', 'validUntil'],
    materials: ['信用报告', '无违法违规证明', '守法经营证明'],
  },
  {
    code: 'licenses',
    name: '电子证照信息',
    description: '本市各部门签发的电子证照，用于免交证照复印件',
    providerKey: 'sjj',
    register: 'license',
    shareMode: 'conditional',
    conditions: '用于依法办理需查验证照的事项；每次查验记录用途',
    updateCycle: 'realtime',
    fields: ['holderCode', 'holderName', 'typeName', 'number', 'issuerName', 'issuedOn', 'validUntil', 'status'],
    materials: LICENSE_TYPES.map((t) => t.name),
  },
  {
    code: 'tax-personal',
    name: '个人纳税明细',
    description: '个人所得税纳税明细',
    providerKey: 'swj',
    register: 'population',
    shareMode: 'none',
    conditions: '依据《中华人民共和国税收征收管理法》第八条，纳税人的税收信息依法保密，不予共享；需要时由本人在个人所得税App开具纳税记录',
    updateCycle: 'monthly',
    fields: ['residentId', 'name'],
    materials: [],
  },
];
