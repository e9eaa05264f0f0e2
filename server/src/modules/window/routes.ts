/**
 * 综合窗口收件: the same case engine as the portal (same checks, same law, same numbering), filed by a window clerk
 * for the applicant who came in. The clerk identifies the applicant by their document (identity module: their
 * account, or a new one), the case or bundle case is theirs and shows in their portal, the clerk's scans serve as
 * materials, the first log entry records `channel: 'window'` and the clerk, and the window's region accepts it
 * (通办 when the item is another region's: cases/tongban.ts). The clerk then accepts it on the spot as usual.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { localeFrom } from '../../platform/i18n/i18n.ts';
import type { CalendarData } from '../../platform/calendar/index.ts';
import { applicantForWindow, type WalkIn } from '../identity/index.ts';
import { CaseDetail, SubmitBody, fileCase, sendCaseDetail, type MaterialLicensePort } from '../cases/index.ts';
import { BundleCase, BundleSubmitBody, submitBundleCase } from '../bundles/index.ts';
import { WindowErrors } from './errors.ts';

const Phone = Type.Optional(Type.String({ maxLength: 20, description: 'Mobile number for notices (new accounts only)' }));
export const Applicant = Type.Union(
  [
    Type.Object(
      { type: Type.Literal('person'), name: Type.String({ minLength: 1, maxLength: 50 }), residentId: Type.String({ minLength: 1, maxLength: 30, description: '居民身份证号码 (GB 11643)' }), phone: Phone },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('entity'), name: Type.String({ minLength: 1, maxLength: 100 }), creditCode: Type.String({ minLength: 1, maxLength: 30, description: '统一社会信用代码 (GB 32100)' }), phone: Phone },
      { additionalProperties: false },
    ),
  ],
  { description: 'The applicant at the window, as on their ID card or business licence' },
);

const { acceptRegionCode: _accept, ...itemFields } = SubmitBody.properties;
const WindowCaseBody = Type.Object({ applicant: Applicant, ...itemFields }, { additionalProperties: false });
const WindowBundleBody = Type.Object({ applicant: Applicant, ...BundleSubmitBody.properties }, { additionalProperties: false });
const KeyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) });
const responses = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

/** `licenses`: the applicant present may let the clerk use their electronic licenses for materials (免提交), as online. */
export function windowRoutes(app: App, deps: { db: Db; calendar: () => CalendarData; licenses?: MaterialLicensePort }) {
  /** The applicant's account (found or created) for the clerk calling. */
  const applicantOf = async (clerk: Actor, who: WalkIn, ip: string) => {
    if (!clerk.regionCode) throw WindowErrors.NO_WINDOW_REGION();
    return (await applicantForWindow(deps.db, who, { id: clerk.id, name: clerk.displayName, ip })).actor;
  };
  const ctx = (req: { headers: Record<string, unknown>; ip: string }) => ({
    idempotencyKey: req.headers['idempotency-key'] as string | undefined,
    cal: deps.calendar(),
    ip: req.ip,
    locale: localeFrom(req.headers['accept-language'] as string | undefined),
    ...(deps.licenses ? { licenses: deps.licenses } : {}),
  });

  app.post(
    '/api/v1/window/cases',
    {
      config: { access: 'case:file_at_window' },
      schema: {
        tags: ['window'],
        summary: '综合窗口: file a case for the applicant at the window (the same checks as online; accepted in the window’s region). Send an Idempotency-Key.',
        headers: KeyHeader,
        body: WindowCaseBody,
        response: { 201: CaseDetail, ...responses },
      },
    },
    async (req, reply) => {
      const { applicant, ...input } = req.body;
      const clerk = req.actor!;
      const { detail, formJson } = await fileCase(deps.db, clerk, input, { ...ctx(req), applicant: await applicantOf(clerk, applicant, req.ip) });
      return sendCaseDetail(reply, 201, detail, formJson);
    },
  );

  app.post(
    '/api/v1/window/bundle-cases',
    {
      config: { access: 'case:file_at_window' },
      schema: {
        tags: ['window'],
        summary: '综合窗口: file a 一件事 for the applicant at the window (the same questionnaire, plan and merged form as online). Send an Idempotency-Key.',
        headers: KeyHeader,
        body: WindowBundleBody,
        response: { 201: BundleCase, ...responses },
      },
    },
    async (req, reply) => {
      const { applicant, ...input } = req.body;
      const clerk = req.actor!;
      const b = await submitBundleCase(deps.db, clerk, input, { ...ctx(req), applicant: await applicantOf(clerk, applicant, req.ip) });
      return reply.status(201).send(b);
    },
  );
}
