import { Type } from 'typebox';

/** The one error shape of the API. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. CASE_NOT_FOUND' }),
      message: Type.String({ description: 'Human message in the request language (zh-CN default, en-US)' }),
      details: Type.Unknown({ description: 'Parameters of the error, e.g. the invalid fields' }),
    }),
  },
  { description: 'Error' },
);

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1, description: 'Page number, from 1' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Rows per page (max 100)' })),
};
