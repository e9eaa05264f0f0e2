import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { caseStats } from '../cases/index.ts';
import { countPublished } from '../catalog/index.ts';

const Summary = Type.Object({
  openCases: Type.Integer(),
  closedCases: Type.Integer({ description: 'Closed or declined' }),
  overdueCases: Type.Integer({ description: 'Open and past their deadline (red)' }),
  publishedItems: Type.Integer(),
  casesByState: Type.Record(Type.String(), Type.Integer()),
  openByLight: Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() }),
});

export function supervisionRoutes(app: App, deps: { db: Db }) {
  app.get(
    '/api/v1/dashboard/summary',
    { config: { access: 'dashboard:read' }, schema: { tags: ['supervision'], summary: 'Headline figures in the caller’s scope', response: { 200: Summary, 403: ErrorResponse } } },
    async (req) => {
      const [stats, publishedItems] = await Promise.all([caseStats(deps.db, req.actor!), countPublished(deps.db)]);
      return { ...stats, publishedItems };
    },
  );
}
