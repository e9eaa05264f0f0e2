import { Type } from 'typebox';

const Light = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Null()], {
  description: 'Deadline light of an open case: green, yellow (≤ 1 working day or ≤ 1/5 of the limit left), red (overdue); null when finished',
});
export const CaseStateSchema = Type.Union([Type.Literal('submitted'), Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('closed')], { description: 'submitted, accepted, declined, closed' });

export const CaseSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  number: Type.String({ description: 'Case number: region-year-sequence' }),
  state: CaseStateSchema,
  stateLabel: Type.String({ description: 'State in words, request language' }),
  itemName: Type.String(),
  implCode: Type.String(),
  agencyName: Type.String(),
  applicantName: Type.String({ description: 'Applicant; masked in staff lists' }),
  submittedAt: Type.String({ format: 'date-time' }),
  dueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Current deadline: acceptance (5 working days) before acceptance, then the committed limit' }),
  slaLight: Light,
});

export const CaseDetail = Type.Intersect([
  CaseSummary,
  Type.Object({
    version: Type.Integer({ description: 'Send back with actions (optimistic locking)' }),
    itemVersion: Type.Integer({ description: 'Catalog version the case was filed under' }),
    decision: Type.Optional(Type.Object({ result: Type.Union([Type.Literal('grant'), Type.Literal('refuse')]), reason: Type.Optional(Type.String()), decidedAt: Type.String({ format: 'date-time' }) })),
    form: Type.Record(Type.String(), Type.Unknown()),
    formSchema: Type.Unknown({ description: 'The form schema of the pinned item version, to label the fields' }),
    materials: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), fileId: Type.String(), fileName: Type.String() })),
    timeline: Type.Array(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        action: Type.String(),
        actionLabel: Type.String(),
        actorName: Type.String(),
        actorRole: Type.String(),
        note: Type.Optional(Type.String()),
      }),
    ),
    allowedActions: Type.Array(Type.String(), { description: 'Actions the caller may take now' }),
  }),
]);

export const SubmitBody = Type.Object(
  {
    implCode: Type.String({ minLength: 1, maxLength: 64, description: 'Implementation code of a published item' }),
    form: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { description: 'Form values, keyed as in the item’s form schema' }),
    materials: Type.Array(Type.Object({ code: Type.String({ maxLength: 32 }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), { maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('accept'), Type.Literal('decline'), Type.Literal('decide')], { description: 'accept, decline, decide' }),
    version: Type.Integer({ minimum: 1, description: 'The case version you saw' }),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Required for decline and refuse: the specific problem' })),
    decision: Type.Optional(Type.Union([Type.Literal('grant'), Type.Literal('refuse')])),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
