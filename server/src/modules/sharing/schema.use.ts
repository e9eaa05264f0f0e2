/** API shapes of sharing in services: register pre-fill, obtainable materials, and the clerk's register check. */
import { Type } from 'typebox';

export const RegisterSourceSchema = Type.Object(
  {
    resource: Type.String({ description: 'Resource code in the resource catalog (household, entity-basic …)' }),
    resourceName: Type.String({ description: '户籍信息, 法人基本信息 …' }),
    provider: Type.String({ description: 'The department that provides the resource' }),
    updatedAt: Type.String({ format: 'date-time', description: 'When the register record was last updated' }),
  },
  { description: 'Where a value from the base registers came from' },
);

export const RegisterValuesSchema = Type.Object({
  values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'By x-prefill key' }),
  sources: Type.Record(Type.String(), RegisterSourceSchema, { description: 'By x-prefill key' }),
});

export const SharedMaterialSchema = Type.Object({
  name: Type.String(),
  obtainable: Type.Boolean({ description: 'A published shared resource stands for it: the platform obtains it' }),
  resource: Type.Optional(Type.Object({ code: Type.String(), name: Type.String() })),
  provider: Type.Optional(Type.String({ description: 'The department that provides it' })),
});

const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);

export const RegisterCheckSchema = Type.Object({
  caseId: Type.String(),
  subject: Type.Union([Type.Literal('person'), Type.Literal('entity')]),
  /** False when the applicant is not in the registers (moved in, not yet loaded): nothing to compare with. */
  found: Type.Boolean(),
  fields: Type.Array(
    Type.Object({
      field: Type.String({ description: 'Form field key' }),
      title: Type.String(),
      prefill: Type.String({ description: 'The x-prefill key that ties the field to the register' }),
      claim: Cell,
      register: Cell,
      source: Type.Union([RegisterSourceSchema, Type.Null()]),
      match: Type.Union([Type.Literal('match'), Type.Literal('mismatch'), Type.Literal('missing')], { description: 'missing: the register has no value, or no published resource shares it' }),
    }),
  ),
  materials: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      resource: Type.Object({ code: Type.String(), name: Type.String() }),
      provider: Type.String(),
      updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      /** The register extract that stands for the material: rows of label/value pairs (masked where the role requires). */
      extract: Type.Array(Type.Array(Type.Object({ label: Type.String(), value: Cell }))),
    }),
  ),
});
