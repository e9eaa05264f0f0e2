import { Type, type Static } from 'typebox';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64, description: 'Username' }),
    password: Type.String({ minLength: 1, maxLength: 128, description: 'Password' }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

const Landing = Type.Union([Type.Literal('/'), Type.Literal('/workbench'), Type.Literal('/admin'), Type.Literal('/dashboard')]);

export const Me = Type.Object({
  id: Type.String({ description: 'Account id' }),
  username: Type.String(),
  displayName: Type.String({ description: 'Name shown in the UI' }),
  subjectType: Type.Union([Type.Literal('person'), Type.Literal('entity'), Type.Literal('staff')], { description: 'Natural person, legal entity (through its agent) or staff' }),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  landing: Landing,
  org: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  regionCode: Type.Optional(Type.String({ description: 'GB/T 2260 region of the account' })),
  entity: Type.Optional(Type.Object({ name: Type.String(), creditCode: Type.String() })),
  realNameLevel: Type.Optional(Type.Union([Type.Literal('L1'), Type.Literal('L2'), Type.Literal('L3')], { description: 'L1 self-declared, L2 checked against a register, L3 checked in person' })),
  agent: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), scopes: Type.Array(Type.String()) }, { description: 'Acting for the entity as its agent (经办人), with the scopes it allowed' })),
  post: Type.Optional(Type.Object({ id: Type.String(), kind: Type.Union([Type.Literal('post'), Type.Literal('delegation')]), orgName: Type.String() }, { description: 'Staff working in another of their posts (or as a delegate) this session' })),
  profile: Type.Object({
    name: Type.Optional(Type.String()),
    idNumberMasked: Type.Optional(Type.String({ description: 'Resident ID, masked' })),
    phoneMasked: Type.Optional(Type.String()),
    entityName: Type.Optional(Type.String()),
    creditCode: Type.Optional(Type.String()),
    address: Type.Optional(Type.String()),
  }),
});

export const OrgList = Type.Object({
  orgs: Type.Array(
    Type.Object({
      id: Type.String(),
      key: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      regionCode: Type.String(),
      creditCode: Type.String({ description: 'Unified social credit code (GB 32100)' }),
      parentId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const UserList = Type.Object({
  users: Type.Array(
    Type.Object({
      id: Type.String(),
      username: Type.String(),
      displayName: Type.String(),
      subjectType: Type.String(),
      roles: Type.Array(Type.String()),
      orgName: Type.Optional(Type.String()),
      orgId: Type.Optional(Type.String()),
      status: Type.String({ description: 'active or disabled' }),
    }),
  ),
});

export const ApplicantProfile = Type.Object({
  name: Type.Optional(Type.String({ description: 'Person’s name, or the agent’s for an entity' })),
  idNumber: Type.Optional(Type.String({ description: 'Resident ID (person, or the entity’s agent)' })),
  phone: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  entityName: Type.Optional(Type.String()),
  creditCode: Type.Optional(Type.String()),
});
