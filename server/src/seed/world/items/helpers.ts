/**
 * Building blocks for the demo catalog: an item is written as an `ItemDraft` (what is specific to it) and completed
 * by `buildItems` (codes, service hall, contacts, default steps).
 */

import type { ItemKind } from '../../../platform/codes/index.ts';
import type { RegisterPrefillKey } from '../../../modules/sharing/index.ts';
import type { FormFieldSchema, FormSchema, ItemSeed, MaterialSeed } from '../types.ts';

/** A material as written in a draft; `buildItems` fills type, acceptance standard, legal basis and obtainability. */
export type MaterialDraft = Omit<MaterialSeed, 'type' | 'acceptanceStandard' | 'legalBasis' | 'obtainable'> &
  Partial<Pick<MaterialSeed, 'type' | 'acceptanceStandard' | 'legalBasis' | 'obtainable'>>;

/** A fee as written in a draft; the standard defaults to the amount per case, the waiver to “none”. */
export type FeeDraft = { name: string; amountFen: number; basis: string; standard?: string; waiver?: string };

export type ItemDraft = {
  name: string;
  kind: ItemKind;
  /** Main item number (001–999) in the base catalog, under the department and kind. */
  main: number;
  /** Sub-item number; 0 (default) when the item has no sub-items. */
  sub?: number;
  /** Catalog source: '00' national base catalog (default), '32' items added by 江苏省. */
  source?: '00' | '32';
  /** Competent department of the base catalog item when it differs from the implementing org's. */
  deptCode?: string;
  serviceObjects: ItemSeed['serviceObjects'];
  /** Defaults from serviceObjects: persons → natural_person, entities → enterprise (and public bodies for construction). */
  serviceObjectTypes?: ItemSeed['serviceObjectTypes'];
  legalBasis: ItemSeed['legalBasis'];
  conditions: string[];
  /** Steps; `days` defaults to a split of the committed time limit. */
  steps?: ItemSeed['steps'];
  statutoryDays: number;
  committedDays: number;
  limitNote?: string;
  statutoryNote?: string;
  committedNote?: string;
  /** Defaults to the special procedures the steps name (现场核查, 考试, 听证, 公示 …). */
  specialProcedures?: ItemSeed['specialProcedures'];
  /** Defaults to 'instant' when committedDays is 0, otherwise 'commitment'. */
  caseType?: ItemSeed['caseType'];
  onlineDepth?: number[];
  visitsRequired?: 0 | 1 | 2;
  visitReason?: string;
  /** Defaults from online depth and features. */
  handlingForms?: ItemSeed['handlingForms'];
  /** Self-service terminals (自助终端) of the service halls can handle it. */
  selfService?: boolean;
  features?: Partial<ItemSeed['features']>;
  fees?: FeeDraft[];
  materials: MaterialDraft[];
  form: FormSchema;
  /** Overrides of the service hall of the implementing org's region. */
  hall?: Partial<ItemSeed['hall']>;
  result: ItemSeed['result'];
  /** Defaults to 'statutory' (the implementing org's own default where it is an authorized or entrusted body). */
  agencyNature?: ItemSeed['agencyNature'];
  entrustedAgencies?: string[];
  jointAgencies?: string[];
  intermediaryServices?: ItemSeed['intermediaryServices'];
  topics: string[];
  /** Defaults from topics (企业开办 → 开办企业, 生育收养 → 新生儿出生 …). */
  lifeEvents?: string[];
  /** Defaults to 'city' (全市通办) when the item can be applied for online, else 'none'. */
  tongbanScope?: ItemSeed['tongbanScope'];
  faq?: ItemSeed['faq'];
  keywords: string[];
  published?: boolean;
  /** 告知承诺制: granted on the applicant's signed commitment, verified within `verificationDays` working days. */
  /** Lowest real-name level to apply online (money paid out, personal records): L2 or L3. */
  minRealNameLevel?: ItemSeed['minRealNameLevel'];
  commitmentApproval?: boolean;
  commitmentText?: string;
  verificationDays?: number;
  /** Review steps after acceptance (the last ends with the decision); default one step 审查 by a reviewer. */
  reviewSteps?: ItemSeed['reviewSteps'];
  exerciseLevel?: ItemSeed['exerciseLevel'];
};

export type OrgItems = { orgKey: string; items: ItemDraft[] };

type MaterialOptions = Partial<Omit<MaterialDraft, 'code' | 'name' | 'paper'>> & { paper?: [original: number, copy: number] };

/** A material; defaults: required, provided by the applicant, paper or electronic, one original. */
export function mat(code: string, name: string, o: MaterialOptions = {}): MaterialDraft {
  const { paper, ...rest } = o;
  return {
    code,
    name,
    necessity: 'required',
    source: 'applicant',
    form: 'both',
    ...rest,
    paper: paper ? { original: paper[0], copy: paper[1] } : { original: 1, copy: 0 },
  };
}

/** A material the agency obtains itself through data sharing (no upload needed). */
export function shared(code: string, name: string, issuingDept: string, notes?: string): MaterialDraft {
  return {
    code,
    name,
    necessity: 'required',
    source: 'government',
    issuingDept,
    form: 'electronic',
    paper: { original: 0, copy: 0 },
    notes: notes ?? '通过数据共享获取，申请人无需提供',
    obtainable: true,
  };
}

/** Form field builders. */
export const f = {
  name: (title = '申请人姓名'): FormFieldSchema => ({ type: 'string', title, maxLength: 50, 'x-prefill': 'name' }),
  idNumber: (title = '公民身份号码'): FormFieldSchema => ({ type: 'string', title, maxLength: 18, 'x-prefill': 'idNumber' }),
  phone: (title = '联系电话'): FormFieldSchema => ({ type: 'string', title, maxLength: 20, 'x-prefill': 'phone' }),
  address: (title = '联系地址'): FormFieldSchema => ({ type: 'string', title, maxLength: 200, 'x-prefill': 'address' }),
  entityName: (title = '单位名称'): FormFieldSchema => ({ type: 'string', title, maxLength: 100, 'x-prefill': 'entityName' }),
  creditCode: (title = '统一社会信用代码'): FormFieldSchema => ({ type: 'string', title, maxLength: 18, 'x-prefill': 'creditCode' }),
  text: (title: string, maxLength = 100, description?: string): FormFieldSchema => ({
    type: 'string',
    title,
    maxLength,
    ...(description ? { description } : {}),
  }),
  textarea: (title: string, maxLength = 1000, description?: string): FormFieldSchema => ({
    type: 'string',
    title,
    maxLength,
    'x-ui': { widget: 'textarea' },
    ...(description ? { description } : {}),
  }),
  date: (title: string): FormFieldSchema => ({ type: 'string', title, format: 'date' }),
  choice: (title: string, values: string[], radio = values.length <= 3): FormFieldSchema => ({
    type: 'string',
    title,
    enum: values,
    ...(radio ? { 'x-ui': { widget: 'radio' as const } } : {}),
  }),
  integer: (title: string, minimum = 0): FormFieldSchema => ({ type: 'integer', title, minimum }),
  /** A field pre-filled from the base registers for the signed-in applicant (register keys: catalog/schema.ts x-prefill). */
  register: (key: RegisterPrefillKey, field: FormFieldSchema): FormFieldSchema => ({ ...field, 'x-prefill': key }),
  number: (title: string, minimum = 0): FormFieldSchema => ({ type: 'number', title, minimum }),
  boolean: (title: string): FormFieldSchema => ({ type: 'boolean', title }),
};

/** A form whose fields are all required except those listed in `optional`. */
export function form(properties: Record<string, FormFieldSchema>, optional: string[] = []): FormSchema {
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)) };
}

/** Person applicant basics: name, identity number, phone. */
export function personFields(nameTitle = '申请人姓名'): Record<string, FormFieldSchema> {
  return { applicantName: f.name(nameTitle), idNumber: f.idNumber(), phone: f.phone() };
}

/** What a public-security form asks of the person it concerns, pre-filled from the population register (人口库). */
export function personRegisterFields(): Record<string, FormFieldSchema> {
  return {
    sex: f.register('sex', f.choice('性别', ['男', '女'])),
    ethnicity: f.register('ethnicity', f.text('民族', 20)),
    birthDate: f.register('birthDate', f.date('出生日期')),
  };
}

/** Entity applicant basics: name, credit code, and the agent's phone. */
export function entityFields(nameTitle = '单位名称'): Record<string, FormFieldSchema> {
  return { entityName: f.entityName(nameTitle), creditCode: f.creditCode(), phone: f.phone('经办人联系电话') };
}

/** Common steps. */
export const STEP = {
  apply: (how = '申请人通过泰州政务服务网、“我的泰州”App 或窗口提交申请和材料') => ({ name: '申请', description: how }),
  accept: (days = '') => ({
    name: '受理',
    description: `窗口对材料进行审查，材料齐全、符合法定形式的予以受理；不齐全的一次性告知需补正的全部内容${days}`,
  }),
  review: (what = '承办人员对申请材料的实质内容进行审查') => ({ name: '审查', description: what }),
  inspect: (what = '对经营场所、设施设备进行现场核查') => ({ name: '现场核查', description: what }),
  decide: (what = '作出准予或者不予许可的决定；不予许可的书面说明理由并告知救济途径') => ({ name: '决定', description: what }),
  deliver: (what = '通过窗口领取、免费邮寄或电子证照方式送达办理结果') => ({ name: '送达', description: what }),
  instant: (what = '窗口受理后当场审核办结并出具结果') => ({ name: '受理并办结', description: what }),
};

export const DEFAULT_STEPS = {
  commitment: [STEP.apply(), STEP.accept(), STEP.review(), STEP.decide(), STEP.deliver()],
  instant: [STEP.apply(), STEP.instant()],
};

/** Standard hall hours in 泰州 (demo). */
export const HALL_HOURS = '周一至周五 上午9:00—12:00，下午13:30—17:30（法定节假日除外；周六上午延时服务）';

/** 12345 is the complaint channel for every item. */
export const COMPLAINT = '0523-12345';
