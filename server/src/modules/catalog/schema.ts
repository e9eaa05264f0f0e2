/**
 * The service item's element set (GB/T 39046-2020 table 4, the national implementation-list fields), as far as
 * the platform models it today. One schema: validation of stored documents, the public API and the web app.
 */
import { Type, type Static } from 'typebox';

const Str = (description: string, opts: object = {}) => Type.String({ description, ...opts });

export const FormField = Type.Object({
  type: Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('integer'), Type.Literal('boolean')]),
  title: Str('Label shown to the applicant'),
  description: Type.Optional(Str('Help text')),
  enum: Type.Optional(Type.Array(Type.String())),
  format: Type.Optional(Type.Union([Type.Literal('date'), Type.Literal('email')])),
  maxLength: Type.Optional(Type.Integer()),
  minimum: Type.Optional(Type.Number()),
  'x-ui': Type.Optional(Type.Object({ widget: Type.Optional(Type.Union([Type.Literal('textarea'), Type.Literal('radio')])) })),
  'x-prefill': Type.Optional(
    Str(
      'What pre-fills this field for the signed-in applicant. From the verified profile: name, idNumber, phone, address, entityName, creditCode. ' +
        'From the base registers (the applicant’s own record, while a published resource shares it; sharing/prefill.ts): persons — sex, birthDate, ethnicity, householdAddress, householdNo, relationToHead, maritalStatus, spouseName, spouseIdNumber; ' +
        'entities — entityType, legalRepresentative, registeredCapital, entityAddress, businessScope, establishedOn',
    ),
  ),
});

export const FormSchema = Type.Object(
  {
    type: Type.Literal('object'),
    properties: Type.Record(Type.String(), FormField),
    required: Type.Array(Type.String()),
    'x-order': Type.Optional(Type.Array(Type.String(), { description: 'Field order for display (JSON objects do not keep key order)' })),
  },
  { description: "The item's application form as JSON Schema with UI hints" },
);
export type FormSchema = Static<typeof FormSchema>;

export const MaterialRequirement = Type.Object({
  code: Str('Stable code of the material within the item, e.g. M01'),
  name: Str('Material name'),
  type: Type.Optional(Type.Union([Type.Literal('certificate'), Type.Literal('form'), Type.Literal('identity'), Type.Literal('contract'), Type.Literal('proof'), Type.Literal('drawing'), Type.Literal('report'), Type.Literal('other')], { description: 'Material type: 证照 / 申请表 / 身份证明 / 合同协议 / 证明文件 / 图纸 / 报告 / 其他' })),
  necessity: Type.Union([Type.Literal('required'), Type.Literal('optional'), Type.Literal('deferrable')], { description: '必要 / 非必要 / 容缺后补' }),
  source: Type.Union([Type.Literal('applicant'), Type.Literal('government'), Type.Literal('other')], { description: '申请人自备 / 政府部门核发 / 其他' }),
  issuingDept: Type.Optional(Str('Issuing department when source is government')),
  form: Type.Union([Type.Literal('paper'), Type.Literal('electronic'), Type.Literal('both')], { description: 'Paper, electronic or either' }),
  paper: Type.Object({ original: Type.Integer({ minimum: 0 }), copy: Type.Integer({ minimum: 0 }) }, { description: 'Paper copies: originals and copies' }),
  notes: Type.Optional(Str('Filling notes (填报须知)')),
  acceptanceStandard: Type.Optional(Str('What makes the material acceptable (受理标准)')),
  legalBasis: Type.Optional(Str('Where the law asks for this material')),
  blankForm: Type.Optional(Type.Object({ fileId: Type.String(), name: Type.String() }, { description: 'Blank form to download' })),
  sample: Type.Optional(Type.Object({ fileId: Type.String(), name: Type.String() }, { description: 'Filled-in sample to download' })),
  licenseTypeCode: Type.Optional(Str('License type that replaces this material when the applicant holds one (electronic licenses)')),
  obtainable: Type.Optional(Type.Boolean({ description: 'The platform obtains it through data sharing (a published resource of the resource catalog stands for it); the applicant need not bring it' })),
});
export type MaterialRequirement = Static<typeof MaterialRequirement>;

const AgencyNature = Type.Union([Type.Literal('statutory'), Type.Literal('authorized'), Type.Literal('entrusted')], {
  description: 'Implementing agency nature: 法定机关 / 法律法规授权组织 / 受委托组织',
});
const ServiceObjectType = Type.Union(
  [Type.Literal('natural_person'), Type.Literal('enterprise'), Type.Literal('public_institution'), Type.Literal('social_organization'), Type.Literal('government_agency'), Type.Literal('other_org')],
  { description: '自然人, 企业法人, 事业法人, 社会组织法人, 行政机关, 其他组织' },
);
const HandlingForm = Type.Union([Type.Literal('window'), Type.Literal('pc'), Type.Literal('mobile'), Type.Literal('express'), Type.Literal('self_service')], {
  description: 'Window, PC, mobile, express, self-service terminal',
});
const TongbanScope = Type.Union([Type.Literal('none'), Type.Literal('city'), Type.Literal('province'), Type.Literal('inter_province'), Type.Literal('national')], {
  description: '通办 range: none, city-wide, province-wide, cross-province, national',
});

export const ItemDocument = Type.Object({
  name: Str('Item name'),
  kind: Str('Item kind code: 01 行政许可, 02 处罚, 03 强制, 04 征收, 05 给付, 06 检查, 07 确认, 08 奖励, 09 裁决, 10 其他行政权力, 20 公共服务'),
  baseCode: Str('Base code, 12 digits: source 2 + kind 2 + department 2 + main item 3 + sub-item 3'),
  implCode: Str('Implementation code, 31 characters: agency credit code 18 + exercise level 1 + base code 12'),
  exerciseLevel: Str('Exercise level 1 国家 2 省 3 市 4 县 5 乡镇 6 村社区 7 分级管理'),
  regionCode: Str('GB/T 2260 region of the implementing agency'),
  agencyNature: Type.Optional(AgencyNature),
  entrustedAgencies: Type.Optional(Type.Array(Type.String(), { description: 'Entrusted agencies (受委托部门)' })),
  jointAgencies: Type.Optional(Type.Array(Type.String(), { description: 'Joint handling agencies (联办机构)' })),
  serviceObjects: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('entity')]), { description: 'Who may apply: persons and/or entities' }),
  serviceObjectTypes: Type.Optional(Type.Array(ServiceObjectType)),
  legalBasis: Type.Array(Type.Object({ title: Type.String({ description: 'Law or regulation' }), article: Type.Optional(Type.String({ description: 'Article cited, e.g. 第二十九条' })), docNo: Type.Optional(Type.String({ description: 'Document number' })) })),
  conditions: Type.Array(Type.String(), { description: 'Conditions the applicant must meet (受理条件)' }),
  steps: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), days: Type.Optional(Type.Integer({ minimum: 0 })) })),
  statutoryDays: Type.Integer({ minimum: 0, description: 'Statutory time limit, working days' }),
  statutoryNote: Type.Optional(Type.String()),
  committedDays: Type.Integer({ minimum: 0, description: 'Committed time limit, working days (0 = decided on the spot)' }),
  committedNote: Type.Optional(Type.String()),
  limitNote: Type.Optional(Type.String({ description: 'How the limits are counted when not plain working days' })),
  specialProcedures: Type.Optional(Type.Array(Type.Object({ name: Type.String({ description: '听证, 检验, 检测, 鉴定, 专家评审 …' }), maxDays: Type.Optional(Type.Integer({ minimum: 0 })), note: Type.Optional(Type.String()) }))),
  caseType: Type.Union([Type.Literal('instant'), Type.Literal('commitment')], { description: '即办件 / 承诺件' }),
  minRealNameLevel: Type.Optional(Type.Union([Type.Literal('L1'), Type.Literal('L2'), Type.Literal('L3')], { description: 'Lowest real-name level of an account that may apply online: L2 (checked against a register) or L3 (checked in person); absent: any signed-in applicant' })),
  commitmentApproval: Type.Optional(Type.Boolean({ description: '告知承诺制: granted on the applicant’s signed commitment at acceptance, verified afterwards (default false)' })),
  commitmentText: Type.Optional(Type.String({ maxLength: 4000, description: 'The commitment the applicant signs (告知承诺书), required when commitmentApproval' })),
  verificationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, description: 'Working days after the grant within which the agency verifies the commitment (核查)' })),
  reviewSteps: Type.Optional(
    Type.Array(
      Type.Object({
        name: Type.String({ minLength: 1, maxLength: 50, description: 'Step name: 审查, 现场核查, 决定 …' }),
        role: Type.Union([Type.Literal('reviewer'), Type.Literal('window_clerk'), Type.Literal('supervisor')], { description: 'Role that does the step' }),
        days: Type.Integer({ minimum: 0, maximum: 250, description: 'Working days for the step' }),
      }),
      {
        minItems: 1,
        maxItems: 10,
        description: 'Steps after acceptance, in order; the last one ends with the decision. Default: one step 审查 by a reviewer with the committed limit',
      },
    ),
  ),
  handlingForms: Type.Optional(Type.Array(HandlingForm)),
  onlineDepth: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { description: 'Online depth levels 1 咨询 2 收件 3 预审 4 受理 5 办理 6 结果反馈 7 电子证照' }),
  visitsRequired: Type.Integer({ minimum: 0, maximum: 2, description: 'On-site visits: 0, 1, 2 meaning more than one' }),
  visitReason: Type.Optional(Type.String({ description: 'Why a visit is needed (required when visits > 0)' })),
  fees: Type.Array(Type.Object({ name: Type.String(), amountFen: Type.Integer({ minimum: 0, description: 'Amount in fen' }), standard: Type.Optional(Type.String({ description: 'Fee standard in words' })), basis: Type.String({ description: 'Legal basis of the fee' }), waiver: Type.Optional(Type.String({ description: 'Waivers and reductions' })) })),
  materials: Type.Array(MaterialRequirement),
  form: FormSchema,
  hall: Type.Object({ address: Type.String(), hours: Type.String(), window: Type.Optional(Type.String({ description: 'Window number or area' })), traffic: Type.Optional(Type.String()) }),
  contacts: Type.Object({ consult: Type.String(), complaint: Type.String() }),
  result: Type.Object({ type: Type.String({ description: 'license, approval, other' }), name: Type.String(), sample: Type.Optional(Type.Object({ fileId: Type.String(), name: Type.String() })) }),
  intermediaryServices: Type.Optional(Type.Array(Type.Object({ name: Type.String(), provider: Type.Optional(Type.String()), basis: Type.Optional(Type.String()), feeNote: Type.Optional(Type.String()) }))),
  topics: Type.Array(Type.String(), { description: 'Topics (生育收养, 户籍, 设立变更 …)' }),
  lifeEvents: Type.Optional(Type.Array(Type.String(), { description: 'Life or business events (开办企业, 新生儿出生 …)' })),
  tongbanScope: Type.Optional(TongbanScope),
  features: Type.Optional(
    Type.Object({
      appointment: Type.Boolean({ description: 'Appointments possible' }),
      express: Type.Boolean({ description: 'Results by express' }),
      onlinePayment: Type.Boolean({ description: 'Online payment' }),
      selfService: Type.Boolean({ description: 'Self-service terminal' }),
    }),
  ),
  faq: Type.Optional(Type.Array(Type.Object({ q: Type.String(), a: Type.String() }))),
  keywords: Type.Array(Type.String(), { description: 'Search keywords and colloquial phrases' }),
});
export type ItemDocument = Static<typeof ItemDocument>;

const Agency = Type.Object({ id: Type.String(), name: Type.String() });

export const ItemSummary = Type.Object({
  implCode: Str('Implementation code'),
  baseCode: Str('Base code'),
  name: Str('Item name'),
  kind: Str('Kind code'),
  kindLabel: Str('Kind in words'),
  agency: Agency,
  regionCode: Type.String(),
  statutoryDays: Type.Integer(),
  committedDays: Type.Integer(),
  visitsRequired: Type.Integer(),
  online: Type.Boolean({ description: 'Can be applied for online (online depth reaches 受理)' }),
});
export type ItemSummary = Static<typeof ItemSummary>;

export const ItemDetail = Type.Intersect([
  ItemSummary,
  Type.Omit(ItemDocument, ['name', 'kind', 'baseCode', 'implCode', 'regionCode', 'statutoryDays', 'committedDays', 'visitsRequired']),
  Type.Object({ version: Type.Integer({ description: 'Published version shown' }), publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) }),
]);
export type ItemDetail = Static<typeof ItemDetail>;

export const VersionStatusSchema = Type.Union(
  [Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('published'), Type.Literal('superseded'), Type.Literal('retired')],
  { description: 'Version status: 草稿, 待审核, 已审核待发布, 已发布, 已被替代, 已停用' },
);

export const AdminItem = Type.Object({
  id: Type.String(),
  implCode: Type.String(),
  name: Type.String(),
  agency: Agency,
  status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')], { description: 'Item: never published, published, retired' }),
  versionStatus: VersionStatusSchema,
  versionStatusLabel: Type.String(),
  version: Type.Integer({ description: 'Latest version number' }),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AdminItem = Static<typeof AdminItem>;

export const LintFindingSchema = Type.Object({
  rule: Type.String({ description: 'Rule name' }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  path: Type.String({ description: 'JSON pointer to the element concerned' }),
  message: Type.String(),
});

/** The history of a versioned catalog object (items, bundles): its versions and its review log. */
export const VersionHistory = Type.Object({
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      status: VersionStatusSchema,
      statusLabel: Type.String(),
      note: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
      publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ),
  reviewLog: Type.Array(
    Type.Object({ version: Type.Integer(), action: Type.String(), comment: Type.Union([Type.String(), Type.Null()]), actorName: Type.String(), at: Type.String({ format: 'date-time' }) }),
  ),
});
export type VersionHistory = Static<typeof VersionHistory>;

export const AdminItemDetail = Type.Object({
  item: AdminItem,
  document: ItemDocument,
  findings: Type.Array(LintFindingSchema, { description: 'Standardization review of the latest version' }),
  ...VersionHistory.properties,
});
export type AdminItemDetail = Static<typeof AdminItemDetail>;
