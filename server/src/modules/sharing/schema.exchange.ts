import { Type } from 'typebox';

const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const Light = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Null()]);
const Register = Type.Union([Type.Literal('population'), Type.Literal('entity'), Type.Literal('credit'), Type.Literal('license')]);
const ShareMode = Type.Union([Type.Literal('open'), Type.Literal('conditional'), Type.Literal('none')], { description: 'open 无条件共享 / conditional 有条件共享 / none 不予共享' });
const UpdateCycle = Type.Union([Type.Literal('realtime'), Type.Literal('daily'), Type.Literal('weekly'), Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('yearly')]);
const ResourceStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('withdrawn')]);
const GrantStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('revoked')]);
const Sensitivity = Type.Union([Type.Literal('public'), Type.Literal('internal'), Type.Literal('sensitive')]);
const PlainDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ResourceField = Type.Object({ name: Str, title: Str, type: Str, sensitivity: Sensitivity });

export const Resource = Type.Object({
  code: Str,
  name: Str,
  description: Str,
  provider: Type.Object({ id: Str, key: Str, name: Str }),
  register: Register,
  shareMode: ShareMode,
  conditions: Str,
  updateCycle: UpdateCycle,
  fields: Type.Array(ResourceField),
  keyField: Str,
  materials: Type.Array(Str),
  status: ResourceStatus,
  api: Type.String({ description: 'The exchange API serving the resource' }),
  updatedAt: Str,
});

export const ResourceBody = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }),
  name: Type.String({ minLength: 2, maxLength: 100 }),
  description: Type.String({ maxLength: 1000 }),
  provider: Type.String({ minLength: 1, maxLength: 40, description: 'The providing department: its org key or id' }),
  register: Register,
  shareMode: ShareMode,
  conditions: Type.String({ maxLength: 2000 }),
  updateCycle: UpdateCycle,
  fields: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 60 }),
  materials: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 60 }),
});
export const ResourceUpdateBody = Type.Omit(ResourceBody, ['code']);

export const RequestView = Type.Object({
  id: Str,
  resource: Type.Object({ code: Str, name: Str, shareMode: Str, providerOrgId: Str, providerName: Str }),
  org: Type.Object({ id: Str, name: Str }),
  requestedBy: Str,
  purpose: Str,
  fields: Type.Array(Str),
  unmaskedFields: Type.Array(Str),
  unmaskReason: Str,
  status: Type.Union([Type.Literal('submitted'), Type.Literal('accepted'), Type.Literal('granted'), Type.Literal('refused')]),
  stage: Type.Union([Type.Literal('review'), Type.Literal('provision'), Type.Literal('provider'), Type.Literal('done')]),
  stageLabel: Str,
  submittedOn: Str,
  acceptedOn: NStr,
  decidedOn: NStr,
  dueDate: NStr,
  light: Light,
  overdue: Type.Boolean(),
  escalatedAt: NStr,
  refusedBy: Type.Union([Type.Literal('platform'), Type.Literal('provider'), Type.Null()]),
  refuseReason: NStr,
  approvedUnmasked: Type.Array(Str),
  grantId: NStr,
});

export const RequestBody = Type.Object({
  resource: Type.String({ minLength: 1, maxLength: 64 }),
  purpose: Type.String({ minLength: 1, maxLength: 1000 }),
  fields: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 60 }),
  unmaskedFields: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 60 })),
  unmaskReason: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const ReviewBody = Type.Object({ decision: Type.Union([Type.Literal('accept'), Type.Literal('refuse')]), reason: Type.Optional(Type.String({ maxLength: 1000 })) });
export const ProviderBody = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  unmaskedFields: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 60, description: 'Sensitive items approved whole, each explicitly' })),
});

export const GrantView = Type.Object({
  id: Str,
  requestId: NStr,
  resource: Type.Object({ code: Str, name: Str, providerName: Str }),
  org: Type.Object({ id: Str, name: Str }),
  fields: Type.Array(Str),
  unmaskedFields: Type.Array(Str),
  purpose: Str,
  validUntil: Str,
  ratePerMinute: Type.Integer(),
  dailyQuota: Type.Integer(),
  maxKeysPerCall: Type.Integer(),
  status: GrantStatus,
  activeKeys: Type.Integer(),
  createdAt: Str,
});

export const GrantPatch = Type.Object({
  status: Type.Optional(GrantStatus),
  ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000000 })),
  dailyQuota: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000000 })),
  maxKeysPerCall: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  validUntil: Type.Optional(PlainDate),
});

export const ApiKeyView = Type.Object({ id: Str, grantId: Str, prefix: Str, label: Str, createdAt: Str, revokedAt: NStr });
export const NewApiKey = Type.Object({ id: Str, grantId: Str, prefix: Str, label: Str, createdAt: Str, revokedAt: NStr, key: Type.String({ description: 'Shown once; only its SHA-256 is kept' }) });

export const AccessEntry = Type.Object({
  id: Type.Integer(),
  at: Str,
  resource: Str,
  resourceName: NStr,
  org: Type.Object({ id: NStr, name: NStr }),
  providerName: NStr,
  grantId: NStr,
  apiKeyPrefix: NStr,
  key: Type.String({ description: 'The record key asked for, masked' }),
  fields: Type.Array(Str),
  result: Str,
  status: Type.Integer(),
});
export const AccessQuery = Type.Object({
  resource: Type.Optional(Type.String({ maxLength: 64 })),
  org: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(PlainDate),
  to: Type.Optional(PlainDate),
  key: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

export const RecordsAnswer = Type.Object({
  resource: Str,
  records: Type.Array(Type.Record(Type.String(), NStr), { description: 'Only the granted fields' }),
  masked: Type.Array(Str, { description: 'Granted fields answered masked' }),
});
