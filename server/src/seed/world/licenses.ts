/**
 * The demo world's license types (证照目录): the national types its items produce, with face fields mapped from
 * the items' forms. Type codes are the defining national authority's credit code + a 3-digit sequence; the
 * authorities' codes here are demo codes with valid check characters, not the real ones.
 */
import { makeCreditCode } from '../../platform/codes/index.ts';
import type { FaceField, LicenseTemplate, ValidityRule } from '../../modules/licenses/index.ts';
import type { ItemSeed } from './types.ts';

export type LicenseTypeSeed = {
  code: string;
  name: string;
  /** Local managing department (org key). */
  orgKey: string;
  holderKind: 'person' | 'entity';
  faceFields: FaceField[];
  validity: ValidityRule;
  numberPrefix: string;
  /** How it is printed: title, accent colour, footer line. */
  template: LicenseTemplate;
  /** Items whose license result has one of these names produce this type. */
  resultNames: RegExp;
  /** Materials (by name) a license of this type stands for: the applicant holding one need not submit them (免提交). */
  materialNames?: RegExp;
};

/** A national authority's demo credit code: registration dept 1 (机构编制), category 1 (机关), region 100000. */
const authority = (body: string) => makeCreditCode('1', '1', '100000', body);
const SAMR = authority('00000001'); // 国家市场监督管理总局
const NHC = authority('00000002'); // 国家卫生健康委员会
const MCA = authority('00000003'); // 民政部
const MNR = authority('00000004'); // 自然资源部
const MOT = authority('00000005'); // 交通运输部

const f = (key: string, label: string, from: string, required = false): FaceField => ({ key, label, from, ...(required ? { required } : {}) });

export const LICENSE_TYPES: LicenseTypeSeed[] = [
  {
    code: `${SAMR}001`,
    name: '营业执照',
    template: { title: '营业执照', accent: '#b71c1c', footer: '国家市场监督管理总局监制' },
    orgKey: 'scjgj',
    holderKind: 'entity',
    numberPrefix: '泰市监',
    validity: {},
    resultNames: /^营业执照/,
    materialNames: /^营业执照(正、副本|副本|复印件|信息)?$/,
    faceFields: [
      f('name', '名称', 'form.businessName|form.entityName|holder.name', true),
      f('creditCode', '统一社会信用代码', 'form.creditCode'),
      f('representative', '法定代表人（经营者）', 'form.operatorName|form.legalRep|holder.name'),
      f('registeredCapital', '注册资本（万元）', 'form.registeredCapital'),
      f('domicile', '住所（经营场所）', 'form.domicile|form.premises'),
      f('businessScope', '经营范围', 'form.businessScope'),
      f('registeredOn', '成立日期', 'issuedAt'),
      f('authority', '登记机关', 'issuer.name'),
    ],
  },
  {
    code: `${SAMR}002`,
    name: '食品经营许可证',
    template: { title: '中华人民共和国食品经营许可证', accent: '#1b5e20', footer: '国家市场监督管理总局监制' },
    orgKey: 'scjgj',
    holderKind: 'entity',
    numberPrefix: 'JY',
    validity: { years: 5 },
    resultNames: /^食品经营许可证$/,
    materialNames: /^食品经营许可证(正、副本|副本|复印件)?$/,
    faceFields: [
      f('operator', '经营者名称', 'form.entityName|holder.name', true),
      f('creditCode', '社会信用代码', 'form.creditCode|holder.code'),
      f('representative', '法定代表人（负责人）', 'form.legalRep'),
      f('premises', '经营场所', 'form.premises'),
      f('mainBusiness', '主体业态', 'form.mainBusiness'),
      f('scope', '经营项目', 'form.scope'),
      f('validUntil', '有效期至', 'validUntil'),
      f('authority', '发证机关', 'issuer.name'),
    ],
  },
  {
    code: `${NHC}001`,
    name: '出生医学证明',
    template: { title: '出生医学证明', accent: '#6a1b9a', footer: '国家卫生健康委员会监制' },
    orgKey: 'wjw',
    holderKind: 'person',
    numberPrefix: 'S',
    validity: {},
    resultNames: /^出生医学证明$/,
    materialNames: /^出生医学证明$/,
    faceFields: [
      f('babyName', '新生儿姓名', 'form.babyName', true),
      f('babySex', '性别', 'form.babySex'),
      f('birthDate', '出生日期', 'form.birthDate'),
      f('motherName', '母亲姓名', 'form.applicantName|holder.name'),
      f('fatherName', '父亲姓名', 'form.fatherName'),
      f('authority', '签发机构', 'issuer.name'),
    ],
  },
  {
    code: `${MCA}001`,
    name: '结婚证',
    template: { title: '结婚证', accent: '#c62828', footer: '中华人民共和国民政部监制' },
    orgKey: 'mzj',
    holderKind: 'person',
    numberPrefix: 'J',
    validity: {},
    resultNames: /^结婚证$/,
    materialNames: /^(本人的)?结婚证$/,
    faceFields: [
      f('holder', '持证人', 'holder.name', true),
      f('registeredOn', '登记日期', 'issuedAt'),
      f('husband', '男方', 'form.applicantName|holder.name'),
      f('wife', '女方', 'form.brideName'),
      f('authority', '登记机关', 'issuer.name'),
    ],
  },
  {
    code: `${MNR}001`,
    name: '不动产权证书',
    template: { title: '中华人民共和国不动产权证书', accent: '#8d6e63', footer: '中华人民共和国自然资源部监制' },
    orgKey: 'bdcdj',
    holderKind: 'person',
    numberPrefix: '苏（2026）泰州市不动产权第',
    validity: {},
    resultNames: /^不动产权证书$/,
    materialNames: /^不动产权证书(（[^）]+）)?$/,
    faceFields: [
      f('owner', '权利人', 'form.applicantName|holder.name', true),
      f('location', '坐落', 'form.location'),
      f('rightType', '权利类型', 'const:国有建设用地使用权/房屋所有权'),
      f('authority', '登记机构', 'issuer.name'),
    ],
  },
  {
    code: `${MOT}001`,
    name: '道路运输经营许可证',
    template: { title: '中华人民共和国道路运输经营许可证', accent: '#0d47a1', footer: '中华人民共和国交通运输部监制' },
    orgKey: 'jtj',
    holderKind: 'entity',
    numberPrefix: '苏交运管许可泰字',
    validity: { years: 4 },
    resultNames: /^道路运输经营许可证$/,
    materialNames: /^道路运输经营许可证(正、副本|副本|复印件)?$/,
    faceFields: [
      f('operator', '业户名称', 'holder.name', true),
      f('scope', '经营范围', 'case.itemName'),
      f('validUntil', '有效期至', 'validUntil'),
      f('authority', '发证机关', 'issuer.name'),
    ],
  },
];

/** The implementation codes of the world's items whose license result is of this type. */
export function implCodesOf(t: LicenseTypeSeed, items: ItemSeed[]): string[] {
  return items.filter((i) => i.result.type === 'license' && t.resultNames.test(i.result.name)).map((i) => i.implCode);
}

/** The license type that stands for a material of this name (免提交), if any. */
export function licenseTypeForMaterial(name: string): string | undefined {
  return LICENSE_TYPES.find((t) => t.materialNames?.test(name))?.code;
}
