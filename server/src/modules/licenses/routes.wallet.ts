/** Wallet and reuse routes: staff (and the applicant) see the electronic licenses given for a case's materials, verified. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { LicenseDeps } from './issue.ts';
import { caseLicenses } from './reuse.ts';

const Checks = Type.Object({ signature: Type.Boolean(), identifier: Type.Boolean(), status: Type.Boolean(), validity: Type.Boolean() });
const CaseLicense = Type.Object({
  code: Type.String({ description: 'The material' }),
  name: Type.String({ description: 'The material' }),
  ref: Type.String(),
  typeName: Type.String(),
  number: Type.String(),
  issuerName: Type.String(),
  holderName: Type.String(),
  holderCode: Type.String(),
  holderCodeType: Type.Union([Type.Literal('resident_id'), Type.Literal('credit_code'), Type.Null()]),
  status: Type.Union([Type.Literal('valid'), Type.Literal('suspended'), Type.Literal('revoked'), Type.Literal('superseded'), Type.Literal('unknown')]),
  statusLabel: Type.String({ description: '有效 / 暂停使用 / 已注销 / 已换发 / 已过有效期 …' }),
  validFrom: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  validUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  valid: Type.Boolean({ description: '有效 / 无效: every verification check passes now' }),
  checks: Type.Union([Checks, Type.Null()]),
});

export function walletRoutes(app: App, deps: LicenseDeps) {
  app.get('/api/v1/cases/:id/licenses', {
    config: { access: 'case:read' },
    schema: {
      tags: ['licenses'],
      summary: '免提交: the electronic licenses the applicant gave for this case’s materials, each verified now (logged as case:<id>)',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      response: { 200: Type.Object({ licenses: Type.Array(CaseLicense) }), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (req) => ({ licenses: await caseLicenses(deps.db, req.actor!, req.params.id, req.ip) }));
}
