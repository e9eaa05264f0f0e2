import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { Answers, Plan } from '../bundles/index.ts';
import { referBundle, type HotlineDeps } from './service.ts';

const ReferralBody = Type.Object(
  {
    bundleCode: Type.String({ minLength: 1, maxLength: 40, description: 'Bundle code, e.g. newborn' }),
    answers: Answers,
    caller: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 50, description: 'How the caller gave their name' }),
        phone: Type.String({ minLength: 1, maxLength: 20, description: 'Mainland mobile number the list is sent to' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
const ReferralResponse = Type.Object({
  referralId: Type.String({ format: 'uuid' }),
  plan: Plan,
  link: Type.String({ description: 'The portal’s bundle page with these answers filled in' }),
  sms: Type.Object({ to: Type.String({ description: 'Masked' }), status: Type.Union([Type.Literal('sent'), Type.Literal('failed')]), text: Type.String() }),
});

export function hotlineRoutes(app: App, deps: HotlineDeps) {
  app.post(
    '/api/v1/hotline/bundle-referrals',
    {
      config: { access: 'hotline:refer' },
      schema: {
        tags: ['hotline'],
        summary: '12345 热线: answer a 一件事 questionnaire with the caller; records the call and sends the one-time list to the caller’s mobile by SMS',
        body: ReferralBody,
        response: { 201: ReferralResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await referBundle(deps, req.actor!, req.body, req.ip)),
  );
}
