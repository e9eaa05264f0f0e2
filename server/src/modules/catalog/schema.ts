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
  'x-prefill': Type.Optional(Str('Profile field that pre-fills this one: name, idNumber, phone, address, entityName, creditCode')),
});

export const FormSchema = Type.Object(
  {
    type: Type.Literal('object'),
    properties: Type.Record(Type.String(), FormField),
    required: Type.Array(Type.String()),
  },
  { description: "The item's application form as JSON Schema with UI hints" },
);
export type FormSchema = Static<typeof FormSchema>;

export const MaterialRequirement = Type.Object({
  code: Str('Stable code of the material within the item, e.g. M01'),
  name: Str('Material name'),
  necessity: Type.Union([Type.Literal('required'), Type.Literal('optional'), Type.Literal('deferrable')], { description: '必要 / 非必要 / 容缺后补' }),
  source: Type.Union([Type.Literal('applicant'), Type.Literal('government'), Type.Literal('other')], { description: '申请人自备 / 政府部门核发 / 其他' }),
  issuingDept: Type.Optional(Str('Issuing department when source is government')),
  form: Type.Union([Type.Literal('paper'), Type.Literal('electronic'), Type.Literal('both')]),
  paper: Type.Object({ original: Type.Integer({ minimum: 0 }), copy: Type.Integer({ minimum: 0 }) }, { description: 'Paper copies: originals and copies' }),
  notes: Type.Optional(Str('Filling notes / acceptance standard')),
});
export type MaterialRequirement = Static<typeof MaterialRequirement>;

export const ItemDocument = Type.Object({
  name: Str('Item name'),
  kind: Str('Item kind code (GB/T 39046): 01 行政许可 … 20 公共服务'),
  baseCode: Str('Base code, 12 digits'),
  implCode: Str('Implementation code, 31 characters'),
  exerciseLevel: Str('Exercise level 1 国家 … 7 分级管理'),
  regionCode: Str('GB/T 2260 region of the implementing agency'),
  serviceObjects: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('entity')])),
  legalBasis: Type.Array(Type.Object({ title: Type.String(), article: Type.Optional(Type.String()) })),
  conditions: Type.Array(Type.String()),
  steps: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
  statutoryDays: Type.Integer({ minimum: 0, description: 'Statutory time limit, working days' }),
  committedDays: Type.Integer({ minimum: 0, description: 'Committed time limit, working days' }),
  caseType: Type.Union([Type.Literal('instant'), Type.Literal('commitment')], { description: '即办件 / 承诺件' }),
  onlineDepth: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { description: 'Online depth levels 1 咨询 … 7 电子证照反馈' }),
  visitsRequired: Type.Integer({ minimum: 0, maximum: 2, description: 'On-site visits: 0, 1, 2 meaning more than one' }),
  visitReason: Type.Optional(Type.String()),
  fees: Type.Array(Type.Object({ name: Type.String(), amountFen: Type.Integer({ minimum: 0 }), basis: Type.String() })),
  materials: Type.Array(MaterialRequirement),
  form: FormSchema,
  hall: Type.Object({ address: Type.String(), hours: Type.String() }),
  contacts: Type.Object({ consult: Type.String(), complaint: Type.String() }),
  result: Type.Object({ type: Type.String(), name: Type.String() }),
  topics: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
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
  Type.Object({
    version: Type.Integer({ description: 'Published version shown' }),
    serviceObjects: ItemDocument.properties.serviceObjects,
    conditions: ItemDocument.properties.conditions,
    legalBasis: ItemDocument.properties.legalBasis,
    steps: ItemDocument.properties.steps,
    fees: ItemDocument.properties.fees,
    materials: ItemDocument.properties.materials,
    form: FormSchema,
    caseType: ItemDocument.properties.caseType,
    onlineDepth: ItemDocument.properties.onlineDepth,
    visitReason: Type.Optional(Type.String()),
    hall: ItemDocument.properties.hall,
    contacts: ItemDocument.properties.contacts,
    result: ItemDocument.properties.result,
    topics: ItemDocument.properties.topics,
  }),
]);
export type ItemDetail = Static<typeof ItemDetail>;

export const AdminItem = Type.Object({
  id: Type.String(),
  implCode: Type.String(),
  name: Type.String(),
  agency: Agency,
  status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')]),
  version: Type.Integer({ description: 'Latest version number' }),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AdminItem = Static<typeof AdminItem>;
