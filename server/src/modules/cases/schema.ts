import { Type } from 'typebox';

const Light = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Null()], {
  description: 'Deadline light of an open case: green, yellow (≤ 1 working day or ≤ 1/5 of the limit left), red (overdue); null when finished',
});
export const CaseStateSchema = Type.Union(
  [Type.Literal('submitted'), Type.Literal('supplement_requested'), Type.Literal('accepted'), Type.Literal('decided'), Type.Literal('declined'), Type.Literal('closed'), Type.Literal('revoked')],
  { description: 'submitted, supplement_requested, accepted, decided, declined, closed, revoked (a grant on commitment found false)' },
);
const Delivery = Type.Object({
  method: Type.Union([Type.Literal('electronic'), Type.Literal('pickup'), Type.Literal('express')], { description: 'Electronic, pickup at the window, or express' }),
  address: Type.Optional(Type.String({ maxLength: 300, description: 'Express address' })),
  trackingNo: Type.Optional(Type.String()),
  provider: Type.Optional(Type.String({ description: 'Express provider that issued the waybill, when the platform booked it' })),
  deliveredAt: Type.Optional(Type.String({ format: 'date-time' })),
});

export const LicensedMaterial = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'The material' }),
  licenseRef: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  number: Type.String(),
  issuerName: Type.String(),
  holderName: Type.String(),
});

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
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the case was closed or declined' }),
  slaLight: Light,
  version: Type.Integer({ description: 'Send back with actions (optimistic locking)' }),
  assigneeName: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Staff lists: who claimed the case' })),
  acceptRegionCode: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: '通办: region where the case was filed and accepted, when not the deciding region' })),
  bundle: Type.Optional(
    Type.Object(
      {
        id: Type.String({ format: 'uuid' }),
        number: Type.String(),
        name: Type.String(),
        canOpen: Type.Boolean({ description: 'The caller may open the whole bundle (the applicant; staff of the lead department or with region scope)' }),
      },
      { description: '一件事: the bundle case this member case belongs to' },
    ),
  ),
});

/** A queue page (GET /api/v1/cases). */
export const CasePage = Type.Object({
  cases: Type.Array(CaseSummary),
  total: Type.Integer(),
  totalCapped: Type.Boolean({ description: 'True when there are more than `total` (counting stops at 1,000)' }),
});

export const CaseDetail = Type.Intersect([
  CaseSummary,
  Type.Object({
    itemVersion: Type.Integer({ description: 'Catalog version the case was filed under' }),
    decision: Type.Optional(
      Type.Object({
        result: Type.Union([Type.Literal('grant'), Type.Literal('refuse')]),
        reason: Type.Optional(Type.String()),
        decidedAt: Type.String({ format: 'date-time' }),
        basis: Type.Optional(Type.String({ description: '告知承诺 when granted on the applicant’s commitment' })),
        verifiedAt: Type.Optional(Type.String({ format: 'date-time' })),
        revokedAt: Type.Optional(Type.String({ format: 'date-time' })),
        revokeReason: Type.Optional(Type.String()),
      }),
    ),
    form: Type.Record(Type.String(), Type.Unknown()),
    formSchema: Type.Unknown({ description: 'The form schema of the pinned item version, to label the fields' }),
    materials: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), fileId: Type.String(), fileName: Type.String() })),
    licensedMaterials: Type.Optional(Type.Array(LicensedMaterial, { description: '免提交: materials given as the applicant’s electronic licenses (as attached; staff see the live verification at /cases/{id}/licenses)' })),
    timeline: Type.Array(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        action: Type.String(),
        actionLabel: Type.String(),
        actorName: Type.String(),
        actorRole: Type.String(),
        note: Type.Optional(Type.String()),
        detail: Type.Optional(Type.String({ description: 'What the step did: notice items, procedure, waybill, next review step …' })),
      }),
    ),
    allowedActions: Type.Array(Type.String(), { description: 'Actions the caller may take now' }),
    caseType: Type.Union([Type.Literal('instant'), Type.Literal('commitment')], { description: '即办件 / 承诺件' }),
    statutoryDueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Statutory deadline (after acceptance)' }),
    extensionDays: Type.Integer({ description: 'Working days of approved extension' }),
    extensionCap: Type.Integer({ description: 'Most working days an extension may add (行政许可法 art. 42: 10, or 15 for joint handling)' }),
    specialProcedures: Type.Array(Type.String(), { description: 'Special procedures (art. 45) that may stop the clock: the values `suspend` accepts' }),
    deemedAccepted: Type.Boolean({ description: 'Accepted by law because no notice came within 5 working days' }),
    notice: Type.Optional(
      Type.Object(
        {
          items: Type.Array(Type.Object({ code: Type.Optional(Type.String()), name: Type.String(), reason: Type.String() })),
          note: Type.Optional(Type.String()),
          issuedAt: Type.String({ format: 'date-time' }),
          issuedBy: Type.String(),
        },
        { description: 'The one-time supplement notice, while it is open' },
      ),
    ),
    suspension: Type.Optional(Type.Object({ procedure: Type.String(), reason: Type.String(), expectedDays: Type.Integer(), since: Type.String({ format: 'date' }) }, { description: 'Running special procedure (clock stopped)' })),
    delivery: Delivery,
    bundle: Type.Optional(
      Type.Object(
        {
          id: Type.String({ format: 'uuid' }),
          number: Type.String(),
          name: Type.String(),
          canOpen: Type.Boolean(),
          hold: Type.Boolean({ description: 'The result waits to be delivered with the other members' }),
          together: Type.Boolean({ description: 'Delivered with the other members’ results (one pickup, one parcel), from the bundle' }),
          leadView: Type.Boolean({ description: 'Read by the lead department of the bundle (no actions)' }),
        },
        { description: '一件事: the bundle case this member case belongs to' },
      ),
    ),
    regionCode: Type.Optional(Type.String({ description: 'Region of the deciding agency' })),
    regionName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    acceptRegionCode: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: '通办: where the case was filed and accepted (null: the deciding region)' })),
    acceptRegionName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    signature: Type.Optional(
      Type.Object(
        { signedAt: Type.String({ format: 'date-time' }), clerkName: Type.String(), url: Type.String({ description: 'GET: the PNG' }) },
        { description: '窗口收件: the applicant’s signature taken on the pad at the window' },
      ),
    ),
    acceptAgencyName: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: '通办: the organisation that accepted the case (the deciding one is agencyName)' })),
    reviewSteps: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String(),
          role: Type.String(),
          roleLabel: Type.String(),
          days: Type.Integer(),
          startedAt: Type.Optional(Type.String({ format: 'date-time' })),
          dueDate: Type.Optional(Type.String({ format: 'date' })),
          doneAt: Type.Optional(Type.String({ format: 'date-time' })),
          byName: Type.Optional(Type.String()),
          opinion: Type.Optional(Type.String()),
        }),
        { description: 'The item’s review steps with their progress; the last ends with the decision' },
      ),
    ),
    currentStep: Type.Optional(Type.Integer({ description: 'Index of the review step under way (-1 before acceptance)' })),
    commitment: Type.Optional(
      Type.Union([Type.Object({ text: Type.String(), signedName: Type.String(), signedAt: Type.String({ format: 'date-time' }), verificationDays: Type.Integer() }), Type.Null()], {
        description: '告知承诺制: the commitment the applicant signed',
      }),
    ),
    verification: Type.Optional(
      Type.Union(
        [
          Type.Object({
            state: Type.Union([Type.Literal('open'), Type.Literal('confirmed'), Type.Literal('false_commitment')]),
            dueDate: Type.String({ format: 'date' }),
            verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            verifierName: Type.Union([Type.String(), Type.Null()]),
            note: Type.Union([Type.String(), Type.Null()]),
          }),
          Type.Null(),
        ],
        { description: '告知承诺制: the verification task (核查) opened at the grant' },
      ),
    ),
  }),
]);

export const SubmitBody = Type.Object(
  {
    implCode: Type.String({ minLength: 1, maxLength: 64, description: 'Implementation code of a published item' }),
    form: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { description: 'Form values, keyed as in the item’s form schema' }),
    materials: Type.Array(
      Type.Union([
        Type.Object({ code: Type.String({ maxLength: 32 }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false, description: 'An uploaded file' }),
        Type.Object(
          { code: Type.String({ maxLength: 32 }), licenseRef: Type.String({ minLength: 1, maxLength: 64, description: 'Reference of one of my electronic licenses (我的证照)' }) },
          { additionalProperties: false, description: '免提交: one of my valid electronic licenses of the type the material names (with my consent)' },
        ),
      ]),
      { maxItems: 100 },
    ),
    delivery: Type.Optional(Type.Object({ method: Delivery.properties.method, address: Delivery.properties.address }, { additionalProperties: false, description: 'How the result should reach the applicant (default electronic)' })),
    commitment: Type.Optional(
      Type.Object(
        { accepted: Type.Boolean({ description: 'I have read the commitment and commit to it' }), signedName: Type.String({ maxLength: 100, description: 'Signature: the applicant’s name' }) },
        { additionalProperties: false, description: '告知承诺制 items: required' },
      ),
    ),
    acceptRegionCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$', description: '通办: region where the case is filed and accepted when not the item’s own (within the item’s tongbanScope)' })),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    action: Type.Union(
      [
        Type.Literal('request_supplement'),
        Type.Literal('supplement'),
        Type.Literal('accept'),
        Type.Literal('decline'),
        Type.Literal('decide_on_spot'),
        Type.Literal('suspend'),
        Type.Literal('resume'),
        Type.Literal('extend'),
        Type.Literal('review'),
        Type.Literal('decide'),
        Type.Literal('deliver'),
        Type.Literal('verify'),
      ],
      {
        description:
          'request_supplement, supplement (applicant), accept, decline, decide_on_spot (即办件), suspend, resume, extend, review (finish a review step), decide, deliver, verify (告知承诺 verification)',
      },
    ),
    version: Type.Integer({ minimum: 1, description: 'The case version you saw' }),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Decline / refuse: the specific problem; suspend / extend: why' })),
    decision: Type.Optional(Type.Union([Type.Literal('grant'), Type.Literal('refuse')])),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    items: Type.Optional(
      Type.Array(Type.Object({ code: Type.Optional(Type.String({ maxLength: 32 })), name: Type.String({ minLength: 1, maxLength: 200 }), reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }), {
        maxItems: 50,
        description: 'request_supplement: every missing or defective material with its reason',
      }),
    ),
    materials: Type.Optional(Type.Array(Type.Object({ code: Type.String({ maxLength: 32 }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), { maxItems: 50, description: 'supplement: files answering the notice' })),
    procedure: Type.Optional(Type.String({ maxLength: 20, description: 'suspend: 听证, 招标, 拍卖, 检验, 检测, 检疫, 鉴定, 专家评审, 现场核查' })),
    expectedDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'suspend: expected working days' })),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 15, description: 'extend: working days' })),
    trackingNo: Type.Optional(Type.String({ maxLength: 50, description: 'deliver: express waybill number' })),
    opinion: Type.Optional(Type.String({ maxLength: 2000, description: 'review: the opinion of the step; verify: the findings' })),
    outcome: Type.Optional(Type.Union([Type.Literal('confirmed'), Type.Literal('false_commitment')], { description: 'verify: commitment confirmed, or false (revokes the grant; give a reason)' })),
  },
  { additionalProperties: false },
);

/** 告知承诺制: a verification task (核查) opened by a grant on commitment (verifications.ts). */
export const VerificationTask = Type.Object({
  caseId: Type.String(),
  number: Type.String(),
  itemName: Type.String(),
  applicantName: Type.String({ description: 'Masked' }),
  agencyName: Type.String(),
  state: Type.String(),
  dueDate: Type.String({ format: 'date' }),
  slaLight: Type.Union([Type.String(), Type.Null()]),
  openedAt: Type.String({ format: 'date-time' }),
  verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  verifierName: Type.Union([Type.String(), Type.Null()]),
  caseVersion: Type.Integer({ description: 'Send back with the verify action' }),
});
