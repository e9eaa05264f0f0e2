/**
 * The shared data dictionary of the one merged form (一表申请, 国办发〔2022〕32号 “多表合一、一表申请”) and of the one
 * set of materials (一套材料): field concepts and material concepts that member items' forms and material lists
 * map onto, so that what several items ask is asked once. Recognised from the items' own forms (profile pre-fill
 * hints and field titles) and material names; a bundle only overrides where it gives a field another meaning.
 */
import type { FormField } from '../catalog/index.ts';
import type { Static } from 'typebox';

type Field = Static<typeof FormField>;

export type FieldConcept = {
  id: string;
  title: string;
  match: (key: string, field: Field) => boolean;
  /** The value is issued by an item whose result name matches (the newborn's ID number by 出生登记): not asked. */
  issuedBy?: RegExp;
};

const title = (re: RegExp) => (_k: string, f: Field) => re.test(f.title);
const prefill = (p: string) => (_k: string, f: Field) => f['x-prefill'] === p;

/**
 * Field concepts, most specific first: the first that matches a field is its concept. Titles decide before
 * pre-fill hints, because an item's applicant may be someone else in a bundle (母亲姓名 pre-fills from the
 * account holder's name, yet it is the mother's name).
 */
export const FIELD_CONCEPTS: readonly FieldConcept[] = [
  { id: 'childName', title: '新生儿（儿童）姓名', match: title(/(新生儿|婴儿|儿童|子女)姓名/) },
  { id: 'childSex', title: '新生儿性别', match: title(/(新生儿|婴儿|儿童)性别/) },
  { id: 'childIdNumber', title: '儿童公民身份号码', match: title(/(新生儿|婴儿|儿童)(公民)?身份(证)?号码/), issuedBy: /户口簿（出生登记页）/ },
  { id: 'birthDate', title: '出生日期', match: title(/^出生日期$/) },
  { id: 'fatherName', title: '父亲姓名', match: title(/^父亲姓名$/) },
  { id: 'motherName', title: '母亲姓名', match: title(/^母亲姓名$/) },
  { id: 'motherIdNumber', title: '母亲公民身份号码', match: title(/^母亲(公民)?身份(证)?号码$/) },
  // Only where a bundle says so (the guardian of a disabled child): no item field means this by itself.
  { id: 'guardianName', title: '监护人姓名', match: () => false },
  { id: 'guardianIdNumber', title: '监护人公民身份号码', match: () => false },
  { id: 'deceasedName', title: '逝者姓名', match: title(/^(死者|逝者)姓名$/) },
  { id: 'deceasedIdNumber', title: '逝者公民身份号码', match: title(/^(死者|逝者|职工)公民身份号码$/) },
  { id: 'deathDate', title: '死亡日期', match: title(/^死亡日期$/) },
  { id: 'relationToDeceased', title: '与逝者关系', match: title(/与(死者|逝者)关系$/) },
  { id: 'legalRepName', title: '法定代表人姓名', match: title(/^法定代表人/) },
  { id: 'contactName', title: '单位经办人姓名', match: title(/^(社保|医保|公积金)(经办人|专管员)$/) },
  { id: 'entityName', title: '企业（单位）名称', match: prefill('entityName') },
  { id: 'creditCode', title: '统一社会信用代码', match: (k, f) => f['x-prefill'] === 'creditCode' || k === 'creditCode', issuedBy: /^营业执照/ },
  { id: 'premises', title: '经营场所（住所）', match: title(/^(经营场所|场所地址|公司住所|住所)$/) },
  { id: 'businessScope', title: '经营范围', match: title(/^经营范围$/) },
  { id: 'mailingAddress', title: '邮寄地址', match: title(/邮寄地址/) },
  { id: 'bankAccount', title: '银行账号', match: title(/(收款|缴费)?银行账号$/) },
  { id: 'propertyLocation', title: '房屋坐落', match: title(/^(不动产|房屋)坐落$/) },
  { id: 'sellerName', title: '出卖人姓名或名称', match: title(/^出卖人/) },
  { id: 'salePrice', title: '成交价格（万元）', match: title(/^成交价格/) },
  { id: 'dischargeDate', title: '退役时间', match: title(/^退役(时间|日期)$/) },
  { id: 'applicantName', title: '申请人姓名', match: prefill('name') },
  { id: 'idNumber', title: '公民身份号码', match: prefill('idNumber') },
  { id: 'phone', title: '联系电话', match: prefill('phone') },
  { id: 'address', title: '居住地址', match: prefill('address') },
];

export const FIELD_CONCEPT_IDS: ReadonlySet<string> = new Set(FIELD_CONCEPTS.map((c) => c.id));

export function fieldConceptOf(key: string, field: Field, override?: string): FieldConcept | undefined {
  if (override) return FIELD_CONCEPTS.find((c) => c.id === override);
  return FIELD_CONCEPTS.find((c) => c.match(key, field));
}

export type MaterialConcept = { id: string; name: string; match: RegExp };

/**
 * Material concepts: one requirement that several items word differently (居民身份证 / 有效身份证件). Results of
 * member items are matched against the same list, so a material issued by an earlier item of the bundle is not
 * asked of the applicant at all.
 */
export const MATERIAL_CONCEPTS: readonly MaterialConcept[] = [
  { id: 'birthCertificate', name: '出生医学证明', match: /^《?出生医学证明》?$/ },
  { id: 'householdRegister', name: '居民户口簿', match: /户口簿(信息)?$/ },
  { id: 'marriageCertificate', name: '结婚证', match: /结婚证/ },
  { id: 'identityCard', name: '居民身份证', match: /^(申请人|本人|经办人|继承人|监护人|新生儿父母)?的?(居民身份证|身份证明|有效身份证件|居民身份证或户口簿信息)$/ },
  { id: 'photo', name: '近期白底证件照片', match: /照片$/ },
  { id: 'bankCard', name: '本人银行卡（账户）信息', match: /(银行卡|银行账户|社会保障卡或银行卡)信息$/ },
  { id: 'businessLicense', name: '营业执照', match: /营业执照/ },
  { id: 'premisesProof', name: '经营场所（住所）使用证明', match: /(经营场所|住所|场所)(或者载体)?的?使用证明$/ },
  { id: 'deathCertificate', name: '居民死亡医学证明（推断）书', match: /(死亡医学证明|死亡证明|死亡信息)/ },
  { id: 'resaleContract', name: '存量房买卖合同', match: /^存量房买卖合同$/ },
  { id: 'resaleContractFiling', name: '存量房买卖合同网签备案信息', match: /买卖合同网签备案(信息)?$/ },
  { id: 'propertyCertificate', name: '不动产权证书', match: /^(原)?不动产权证书$/ },
  { id: 'taxPaid', name: '完税信息', match: /^完税(信息|证明)$/ },
  { id: 'taxClearance', name: '清税信息', match: /^清税(信息|证明)$/ },
  { id: 'disabilityCertificate', name: '残疾人证', match: /^《?(中华人民共和国)?残疾人证》?$/ },
  { id: 'dischargeCertificate', name: '退出现役证（退役证件）', match: /(退出现役证|退役证件信息)$/ },
  { id: 'retirementApproval', name: '职工退休审批信息', match: /退休审批(表|信息)$/ },
  { id: 'foodLicense', name: '食品经营许可证', match: /^食品经营许可证$/ },
];

export function materialConceptOf(name: string): MaterialConcept | undefined {
  return MATERIAL_CONCEPTS.find((c) => c.match.test(name.trim()));
}
