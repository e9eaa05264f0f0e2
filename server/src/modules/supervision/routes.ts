import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { caseStats, countOverdueVerifications, listVerifications, VerificationTaskSchema } from '../cases/index.ts';
import { countPublished } from '../catalog/index.ts';
import { licenseMeasures } from '../licenses/index.ts';

const Summary = Type.Object({
  openCases: Type.Integer(),
  closedCases: Type.Integer({ description: 'Closed or declined' }),
  overdueCases: Type.Integer({ description: 'Open and past their deadline (red)' }),
  publishedItems: Type.Integer(),
  casesByState: Type.Record(Type.String(), Type.Integer()),
  openByLight: Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() }),
  overdueVerifications: Type.Integer({ description: '告知承诺制: open verification tasks past their due date' }),
});

const LicenseMeasure = Type.Object({
  typeCode: Type.String(),
  typeName: Type.String(),
  issuerName: Type.String(),
  issued: Type.Integer({ description: 'Licenses in the register (current versions)' }),
  fromCases: Type.Integer({ description: 'Issued on closing a case' }),
  legacy: Type.Integer({ description: 'Digitised from a legacy register' }),
  inForce: Type.Integer({ description: 'Valid and not expired today' }),
  verifications: Type.Integer({ description: 'Times verified (public page, API, department lookups)' }),
});

export function supervisionRoutes(app: App, deps: { db: Db }) {
  app.get(
    '/api/v1/dashboard/licenses',
    {
      config: { access: 'dashboard:read' },
      schema: { tags: ['supervision'], summary: '电子证照: licenses issued and verified per type and issuing department, in the caller’s region', response: { 200: Type.Object({ licenses: Type.Array(LicenseMeasure) }), 403: ErrorResponse } },
    },
    async (req) => ({ licenses: await licenseMeasures(deps.db, req.actor!) }),
  );

  app.get(
    '/api/v1/dashboard/summary',
    { config: { access: 'dashboard:read' }, schema: { tags: ['supervision'], summary: 'Headline figures in the caller’s scope', response: { 200: Summary, 403: ErrorResponse } } },
    async (req) => {
      const [stats, publishedItems, overdueVerifications] = await Promise.all([caseStats(deps.db, req.actor!), countPublished(deps.db), countOverdueVerifications(deps.db, req.actor!)]);
      return { ...stats, publishedItems, overdueVerifications };
    },
  );

  app.get(
    '/api/v1/dashboard/alerts',
    {
      config: { access: 'dashboard:read' },
      schema: {
        tags: ['supervision'],
        summary: 'What is overdue in the caller’s scope: 告知承诺制 verification tasks past their due date (most overdue first)',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Type.Object({ overdueVerifications: Type.Array(VerificationTaskSchema) }), 403: ErrorResponse },
      },
    },
    async (req) => ({ overdueVerifications: (await listVerifications(deps.db, req.actor!, { overdue: true, limit: req.query.limit ?? 50 })).tasks }),
  );
}
