/**
 * A bundle (一件事): several published service items composed for one life or business event, with a situation
 * questionnaire (情形引导) whose answers decide which member items and which of their materials apply.
 * One schema: validation of stored documents, the public API and the web app.
 */
import { Type, type Static } from 'typebox';
import { FormField, ItemSummary, VersionHistory, VersionStatusSchema } from '../catalog/index.ts';

const Str = (description: string, opts: object = {}) => Type.String({ description, ...opts });

/** Question id: letters, digits, underscore; referenced by conditions and by the applicant's answers. */
const QuestionId = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$', description: 'Question id, e.g. needSeal' });

/** A condition: every clause must hold; a clause holds when the answer to `question` is one of `in`. */
export const Condition = Type.Array(Type.Object({ question: QuestionId, in: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }) }), {
  description: 'All clauses must hold (AND); a clause holds when the answer is one of the listed option values (OR)',
});
export type Condition = Static<typeof Condition>;

export const SituationQuestion = Type.Object({
  id: QuestionId,
  text: Str('Question as asked, e.g. 是否需要刻制公章？'),
  help: Type.Optional(Str('Why we ask, in plain words')),
  options: Type.Array(Type.Object({ value: Type.String({ minLength: 1, maxLength: 40 }), label: Type.String({ minLength: 1, maxLength: 60 }) }), { minItems: 2 }),
  when: Type.Optional(Condition),
  fills: Type.Optional(
    Type.Array(Type.Object({ implCode: Type.String(), field: Type.String(), values: Type.Record(Type.String(), Type.String(), { description: 'Option value → form value' }) }), {
      description: 'Form fields the answer fills, so the merged form does not ask again (随父或随母落户)',
    }),
  ),
});
export type SituationQuestion = Static<typeof SituationQuestion>;

export const BundleMember = Type.Object({
  implCode: Str('Implementation code of a published item'),
  required: Type.Boolean({ description: 'Always part of the bundle (otherwise the applicant may leave it out)' }),
  when: Type.Optional(Condition),
  after: Type.Optional(Type.Array(Type.String(), { description: 'Members whose result this one needs first (sequence for the time estimate)' })),
  materialConditions: Type.Optional(Type.Array(Type.Object({ code: Str('Material code within the item'), when: Condition }), { description: 'Materials that apply only in some situations' })),
  fieldConcepts: Type.Optional(
    Type.Record(Type.String(), Type.String(), { description: 'Item field key → data dictionary concept, where this bundle gives a field another meaning (e.g. 参保人姓名 is the newborn)' }),
  ),
  presets: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Item fields this bundle fixes (参保类别 = 新生儿): not asked' })),
  note: Type.Optional(Str('Shown with the item in the bundle')),
});
export type BundleMember = Static<typeof BundleMember>;

export const BundleDocument = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9-]{2,39}$', description: 'Stable code, lower-case words joined by hyphens, e.g. newborn' }),
  name: Str('Name, e.g. 新生儿出生“一件事”', { minLength: 2, maxLength: 60 }),
  event: Str('Life or business event served, e.g. 新生儿出生', { minLength: 2, maxLength: 40 }),
  audience: Type.Union([Type.Literal('person'), Type.Literal('entity')], { description: '个人 or 法人' }),
  regionCode: Str('GB/T 2260 region where the bundle is offered'),
  leadCreditCode: Type.String({ pattern: '^[0-9A-Z]{18}$', description: 'Unified social credit code of the lead department (牵头部门)' }),
  summary: Str('One paragraph for citizens: what this bundle does'),
  members: Type.Array(BundleMember, { minItems: 2 }),
  questions: Type.Array(SituationQuestion),
  process: Type.Array(Type.Object({ name: Type.String(), description: Type.String() }), { description: 'Standard process (标准化业务流程)' }),
  guide: Type.Object({
    conditions: Type.Array(Type.String(), { description: 'Who may apply' }),
    notes: Type.Array(Type.String(), { description: 'Things to know (温馨提示)' }),
    window: Str('Comprehensive window where it is taken'),
    consult: Str('Consultation phone'),
  }),
  linkedServices: Type.Optional(
    Type.Array(Type.Object({ name: Type.String(), provider: Type.String(), note: Type.Optional(Type.String()) }), { description: 'Linked non-government services (银行开户, 水电气网过户 …)' }),
  ),
  keywords: Type.Array(Type.String()),
});
export type BundleDocument = Static<typeof BundleDocument>;

const Agency = Type.Object({ id: Type.String(), name: Type.String() });

const Measures = Type.Object({
  applications: Type.Integer({ description: 'Applications filed' }),
  forms: Type.Integer({ description: 'Application forms filled' }),
  fields: Type.Integer({ description: 'Form fields filled' }),
  materials: Type.Integer({ description: 'Material requirements on the applicant’s list(s): provided, or shared with consent; those issued inside the bundle do not count' }),
  visits: Type.Integer({ description: 'Trips to a service hall' }),
  days: Type.Integer({ description: 'Working days until everything is done (committed limits)' }),
});
export type Measures = Static<typeof Measures>;

export const Savings = Type.Object(
  { itemByItem: Measures, bundle: Measures, saved: Measures },
  { description: 'Computed from the member items: applying item by item versus once through the bundle' },
);
export type Savings = Static<typeof Savings>;

export const BundleSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  event: Type.String(),
  audience: Type.Union([Type.Literal('person'), Type.Literal('entity')]),
  summary: Type.String(),
  leadAgency: Agency,
  itemCount: Type.Integer(),
  savings: Savings,
});
export type BundleSummary = Static<typeof BundleSummary>;

export const BundleItem = Type.Intersect([
  ItemSummary,
  Type.Object({ required: Type.Boolean(), conditional: Type.Boolean({ description: 'Applies only in some situations' }), note: Type.Optional(Type.String()), resultName: Type.String() }),
]);
export type BundleItem = Static<typeof BundleItem>;

export const BundleDetail = Type.Intersect([
  BundleSummary,
  Type.Object({
    version: Type.Integer(),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    regionCode: Type.String(),
    cooperatingAgencies: Type.Array(Agency),
    items: Type.Array(BundleItem),
    questions: Type.Array(SituationQuestion),
    process: BundleDocument.properties.process,
    guide: BundleDocument.properties.guide,
    linkedServices: Type.Array(Type.Object({ name: Type.String(), provider: Type.String(), note: Type.Optional(Type.String()) })),
  }),
]);
export type BundleDetail = Static<typeof BundleDetail>;

const ItemRef = Type.Object({ implCode: Type.String(), name: Type.String() });

export const PlanMaterial = Type.Object({
  key: Str('Concept of the material, or implCode#code when it has none'),
  name: Type.String(),
  provide: Type.Union([Type.Literal('upload'), Type.Literal('shared'), Type.Literal('bundle')], {
    description: 'upload: the applicant provides it once; shared: departments obtain it by data sharing; bundle: issued by an earlier item of this bundle',
  }),
  necessity: Type.Union([Type.Literal('required'), Type.Literal('optional'), Type.Literal('deferrable')]),
  paper: Type.Object({ original: Type.Integer(), copy: Type.Integer() }),
  notes: Type.Optional(Type.String()),
  providedBy: Type.Optional(ItemRef),
  items: Type.Array(Type.Intersect([ItemRef, Type.Object({ code: Type.String() })]), { description: 'Member items this material serves' }),
});
export type PlanMaterial = Static<typeof PlanMaterial>;

export const MergedFormField = Type.Object({
  key: Str('Merged field key: the data dictionary concept, or implCode.fieldKey'),
  concept: Type.Union([Type.String(), Type.Null()]),
  schema: FormField,
  required: Type.Boolean(),
  items: Type.Array(Type.Intersect([ItemRef, Type.Object({ field: Type.String() })]), { description: 'Member item fields this one fills' }),
  issuedBy: Type.Optional(Type.Intersect([ItemRef], { description: 'Issued by this member item of the bundle: not asked of the applicant' })),
  filled: Type.Optional(
    Type.Object(
      { value: Type.Union([Type.String(), Type.Null()], { description: 'null until the question is answered' }), by: Type.Union([Type.Literal('preset'), Type.Literal('answer')]), question: Type.Optional(Type.String()) },
      { description: 'Filled by the bundle or by a questionnaire answer: not asked again' },
    ),
  ),
});
export type MergedFormField = Static<typeof MergedFormField>;

export const MergedForm = Type.Object({
  fields: Type.Array(MergedFormField),
  fieldsBeforeMerge: Type.Integer(),
});
export type MergedForm = Static<typeof MergedForm>;

export const Plan = Type.Object({
  bundle: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Integer() }),
  items: Type.Array(Type.Intersect([BundleItem, Type.Object({ reason: Type.String({ description: 'Why it is on the list' }) })])),
  skipped: Type.Array(Type.Intersect([ItemRef, Type.Object({ reason: Type.String() })])),
  materials: Type.Array(PlanMaterial),
  form: MergedForm,
  savings: Savings,
  merged: Type.Object({
    materials: Type.Array(Type.Object({ name: Type.String(), timesAsked: Type.Integer() }), { description: 'Materials asked by several items, now provided once' }),
    fields: Type.Array(Type.Object({ title: Type.String(), timesAsked: Type.Integer() }), { description: 'Fields asked by several items, now asked once' }),
  }),
});
export type Plan = Static<typeof Plan>;

export const Answers = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 40 }), { description: 'Question id → chosen option value' });
export type Answers = Static<typeof Answers>;



export const BundleFinding = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  path: Str('JSON pointer into the bundle document'),
  message: Type.String(),
});
export type BundleFinding = Static<typeof BundleFinding>;

export const AdminBundle = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  event: Type.String(),
  leadAgency: Agency,
  status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')]),
  versionStatus: VersionStatusSchema,
  versionStatusLabel: Type.String(),
  version: Type.Integer(),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AdminBundle = Static<typeof AdminBundle>;

export const AdminBundleDetail = Type.Object({
  bundle: AdminBundle,
  document: BundleDocument,
  findings: Type.Array(BundleFinding),
  members: Type.Array(Type.Object({ implCode: Type.String(), name: Type.Union([Type.String(), Type.Null()]), agency: Type.Union([Type.String(), Type.Null()]) }), {
    description: 'Member items of the latest version as the catalog publishes them (null: not published)',
  }),
  ...VersionHistory.properties,
});
export type AdminBundleDetail = Static<typeof AdminBundleDetail>;
