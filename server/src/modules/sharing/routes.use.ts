/**
 * Sharing in services (USE): which materials the platform obtains (public, for guides), register values for the
 * signed-in applicant's form, and the clerk's register check of a case.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { obtainableIndex } from './obtainable.ts';
import { registerPrefill } from './prefill.ts';
import { registerCheck, type CaseForCheck } from './register-check.ts';
import { RegisterCheckSchema, RegisterValuesSchema, SharedMaterialSchema } from './schema.use.ts';

export type { CaseForCheck };

/** Comma-separated list in a query string: trimmed, empty parts dropped. */
const listOf = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

/**
 * `findCase`: the case in the actor's data scope with its item version's form and materials, or undefined (the
 * cases module answers through app.ts: it imports this module for pre-fill, so this one cannot import it).
 */
export function sharingUseRoutes(app: App, deps: { db: Db; findCase: (db: Db, actor: Actor, id: string) => Promise<CaseForCheck | undefined> }) {
  app.get(
    '/api/v1/public/shared-materials',
    {
      config: { access: 'public' },
      schema: {
        tags: ['sharing'],
        summary: 'Whether the platform obtains materials by these names through data sharing (由部门共享获取), and from whom',
        querystring: Type.Object({ names: Type.String({ minLength: 1, maxLength: 4000, description: 'Material names, comma-separated (at most 100)' }) }),
        response: { 200: Type.Object({ materials: Type.Array(SharedMaterialSchema) }), 400: ErrorResponse },
      },
    },
    async (req) => {
      const names = [...new Set(listOf(req.query.names))];
      if (names.length === 0 || names.length > 100) throw HttpErrors.VALIDATION_FAILED({ summary: 'names：1 至 100 个材料名称 / 1 to 100 material names' });
      const index = await obtainableIndex(deps.db);
      return {
        materials: names.map((name) => {
          const s = index.sourceOf(name);
          return s ? { name, obtainable: true, resource: { code: s.code, name: s.name }, provider: s.providerName } : { name, obtainable: false };
        }),
      };
    },
  );

  app.get(
    '/api/v1/me/register-data',
    {
      config: { access: 'case:apply' },
      schema: {
        tags: ['sharing'],
        summary: 'Values from the base registers for my own form fields, by x-prefill key (sex, householdAddress, legalRepresentative …). My own record only; audited.',
        querystring: Type.Object({ keys: Type.String({ minLength: 1, maxLength: 1000, description: 'x-prefill keys, comma-separated; keys that are not register keys are ignored' }) }),
        response: { 200: RegisterValuesSchema, 400: ErrorResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return registerPrefill(deps.db, req.actor!, listOf(req.query.keys), req.ip);
    },
  );

  app.get(
    '/api/v1/cases/:id/register-check',
    {
      config: { access: 'case:read' },
      schema: {
        tags: ['sharing'],
        summary: '共享数据核验: the applicant’s claims beside the register values, and the register extracts standing for obtainable materials. Staff in scope; audited.',
        params: Type.Object({ id: Type.String({ format: 'uuid', description: 'Case id' }) }),
        response: { 200: RegisterCheckSchema, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (actor.subjectType !== 'staff') throw HttpErrors.FORBIDDEN();
      const c = await deps.findCase(deps.db, actor, req.params.id);
      if (!c) throw HttpErrors.NOT_FOUND({ url: req.url });
      reply.header('cache-control', 'no-store');
      return registerCheck(deps.db, actor, c, req.ip);
    },
  );
}
