import { Type, type Static } from 'typebox';

const Status = Type.Union([Type.Literal('valid'), Type.Literal('suspended'), Type.Literal('revoked'), Type.Literal('superseded')], { description: '有效 / 暂停使用 / 已注销 / 已换发' });
const NullableDate = Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Null: valid without limit (长期)' });

export const LicenseSummary = Type.Object({
  ref: Type.String({ description: 'Unguessable public reference (QR code, verification link)' }),
  identifier: Type.String({ description: 'GB/T 36904 license identifier' }),
  typeCode: Type.String(),
  typeName: Type.String(),
  number: Type.String({ description: 'Printed license number' }),
  version: Type.Integer(),
  status: Status,
  holderName: Type.String(),
  issuerName: Type.String(),
  issuedAt: Type.String({ format: 'date-time' }),
  validFrom: Type.String({ format: 'date' }),
  validUntil: NullableDate,
  expired: Type.Boolean(),
});

export const LicenseList = Type.Object({ licenses: Type.Array(LicenseSummary) });

export const LicenseDetail = Type.Intersect([
  LicenseSummary,
  Type.Object({
    holderKind: Type.Union([Type.Literal('person'), Type.Literal('entity')]),
    holderCode: Type.String(),
    holderCodeType: Type.String({ description: 'resident_id (GB 11643) or credit_code (GB 32100)' }),
    issuerCode: Type.String(),
    regionCode: Type.String(),
    implCode: Type.Union([Type.String(), Type.Null()]),
    caseId: Type.Union([Type.String(), Type.Null()]),
    source: Type.Union([Type.Literal('case'), Type.Literal('legacy')]),
    face: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Type.String() })),
    annotations: Type.Array(Type.Object({ text: Type.String(), at: Type.String(), by: Type.String() })),
    history: Type.Array(Type.Object({ action: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), actorName: Type.String(), at: Type.String() })),
    template: Type.Object({ title: Type.Optional(Type.String()), accent: Type.Optional(Type.String()), footer: Type.Optional(Type.String()) }, { description: 'How the type is rendered' }),
  }),
]);

export const Verification = Type.Object({
  valid: Type.Boolean({ description: 'True only when every check passes' }),
  status: Status,
  type: Type.Object({ code: Type.String(), name: Type.String() }),
  number: Type.String(),
  identifier: Type.String(),
  issuer: Type.String(),
  holder: Type.String({ description: 'Masked holder name' }),
  holderCode: Type.String({ description: 'Masked resident ID, or the credit code' }),
  issuedAt: Type.String({ format: 'date-time' }),
  validFrom: Type.String({ format: 'date' }),
  validUntil: NullableDate,
  annotations: Type.Array(Type.Object({ text: Type.String(), at: Type.String() })),
  checks: Type.Object({
    signature: Type.Boolean({ description: 'The seal’s SM2 signature matches what the register holds now' }),
    identifier: Type.Boolean({ description: 'GB/T 36904 identifier well formed, check character right' }),
    status: Type.Boolean({ description: 'Not suspended, revoked or replaced' }),
    validity: Type.Boolean({ description: 'Within its validity dates today' }),
  }),
});

export const SignatureView = Type.Object({
  signedData: Type.String({ description: 'Base64 of the exact signed bytes (canonical JSON, UTF-8)' }),
  signature: Type.String({ description: 'Base64 of the DER-encoded SM2 signature (SM3 digest, GB/T 32918)' }),
  alg: Type.Literal('SM2-with-SM3'),
  userId: Type.String({ description: 'SM2 user ID used for the Z digest (GM/T 0009 default)' }),
  sealId: Type.String(),
  publicKeyPem: Type.String({ description: 'The seal key’s SM2 public key, SPKI PEM' }),
});

export const LifecycleBody = Type.Object(
  {
    action: Type.Union([Type.Literal('suspend'), Type.Literal('reinstate'), Type.Literal('revoke'), Type.Literal('annotate'), Type.Literal('reissue')]),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why (required except for annotate)' })),
    text: Type.Optional(Type.String({ maxLength: 500, description: 'Annotation text (加注)' })),
    face: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 500 }), { description: 'Re-issue: corrected face fields' })),
  },
  { additionalProperties: false },
);
export type LifecycleBody = Static<typeof LifecycleBody>;

export const HolderQuery = Type.Object({
  holderCode: Type.String({ minLength: 1, maxLength: 18, description: 'Resident ID or unified social credit code of the holder' }),
  typeCode: Type.Optional(Type.String({ maxLength: 21 })),
});

const FaceField = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 40 }),
    label: Type.String({ minLength: 1, maxLength: 40 }),
    from: Type.String({ minLength: 1, maxLength: 100, description: 'holder.name, holder.code, holder.address, case.number, case.itemName, issuer.name, issuedAt, validUntil, form.<field> or const:<text>' }),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const LicenseTypeBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 21, description: 'Defining authority credit code (18) + 3-digit sequence' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    orgId: Type.String({ format: 'uuid' }),
    holderKind: Type.Union([Type.Literal('person'), Type.Literal('entity')]),
    faceFields: Type.Array(FaceField, { maxItems: 40 }),
    validity: Type.Object({ years: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), months: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })) }, { additionalProperties: false }),
    implCodes: Type.Array(Type.String({ minLength: 31, maxLength: 31 }), { maxItems: 200 }),
    numberPrefix: Type.String({ maxLength: 20 }),
    template: Type.Optional(
      Type.Object(
        {
          title: Type.Optional(Type.String({ maxLength: 40, description: 'Printed title, e.g. 中华人民共和国营业执照 (default: the type name)' })),
          accent: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'Accent colour of the frame and rules, #rrggbb' })),
          footer: Type.Optional(Type.String({ maxLength: 100, description: 'Footer line, e.g. 国家市场监督管理总局监制' })),
        },
        { additionalProperties: false, description: 'How licenses of this type are rendered (wallet, PDF)' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const LicenseTypeView = Type.Intersect([LicenseTypeBody, Type.Object({ orgName: Type.String(), issued: Type.Integer() })]);

export const SealBody = Type.Object(
  {
    orgId: Type.String({ format: 'uuid' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Optional(Type.String({ maxLength: 40 })),
    validFrom: Type.String({ format: 'date' }),
    validUntil: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);

export const SealView = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  validFrom: Type.String(),
  validUntil: Type.String(),
  keys: Type.Array(Type.Object({ id: Type.String(), publicKeyHex: Type.String(), fingerprint: Type.String({ description: 'SM3 of the public key, first 128 bits, for people to compare' }), createdAt: Type.String(), retiredAt: Type.Union([Type.String(), Type.Null()]) }), { description: 'Public keys only; private keys never leave the server' }),
});
