/**
 * 12345 热线一件事 against the demo world: the operator answers 新生儿出生 with a caller; the answer is the portal's
 * plan for those answers, the call is recorded and audited, one SMS goes to the caller with the pre-filled link,
 * and nobody but a hotline operator may use the path.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { localFileStore } from '../../platform/files/file-store.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { bundleLink } from './service.ts';

const answers = { hukouHere: 'yes', follow: 'mother', married: 'yes', wantSocialCard: 'yes' };
const caller = { name: '王芳', phone: '13912345678' };

let t: TestApp;
let operator: Session, clerk: Session, citizen: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [operator, clerk, citizen] = await Promise.all(['operator', 'clerk', 'citizen'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

const refer = (s: Session, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/hotline/bundle-referrals', headers: s.headers, payload });

describe('a 一件事 taken by the hotline', () => {
  it('answers with the portal’s plan, records the call with an audit event, and sends one SMS with the pre-filled link', async () => {
    const res = await refer(operator, { bundleCode: 'newborn', answers, caller });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const publicPlan = (await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers } })).json();
    expect(body.plan).toEqual(publicPlan);
    expect(body.plan.items.length).toBeGreaterThan(1);

    // The link opens the portal's bundle page with these answers: base64url JSON in ?answers=.
    const link = new URL(body.link, 'http://portal.invalid');
    expect(link.pathname).toBe('/bundles/newborn');
    expect(JSON.parse(Buffer.from(link.searchParams.get('answers')!, 'base64url').toString('utf8'))).toEqual(answers);

    const sms = await t.db.selectFrom('message_outbox').selectAll().where('event_id', '=', body.referralId).execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'sms', recipient: caller.phone, status: 'sent', provider: 'dev-outbox', account_id: null });
    expect(sms[0]!.body).toContain(body.link);
    expect(sms[0]!.body).toContain(publicPlan.bundle.name);
    expect(sms[0]!.body).toContain(`共${publicPlan.items.length}个事项`);
    expect(body.sms).toEqual({ to: '139****5678', status: 'sent', text: sms[0]!.body });

    const row = await t.db.selectFrom('hotline_referral').selectAll().where('id', '=', body.referralId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ bundle_code: 'newborn', caller_name: caller.name, caller_phone: caller.phone, operator_name: '孙佳怡', answers });
    expect(row.plan_summary.items).toEqual(publicPlan.items.map((i: { name: string }) => i.name));
    const audit = await t.db.selectFrom('audit_event').selectAll().where('entity_id', '=', body.referralId).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'hotline.bundle_referral', entity_type: 'hotline_referral', actor_name: '孙佳怡' })]);
    expect(JSON.stringify(audit[0]!.after)).not.toContain(caller.phone);

    // The dev outbox page lists it (masked).
    const admin = await loginAs(t.app, 'admin');
    const outbox = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/dev-outbox?channel=sms', headers: { cookie: admin.cookie } })).json();
    expect(outbox.messages).toContainEqual(expect.objectContaining({ eventId: body.referralId, recipient: '139****5678', body: sms[0]!.body }));
  });

  it('is for hotline operators only', async () => {
    for (const s of [clerk, citizen]) expect((await refer(s, { bundleCode: 'newborn', answers, caller })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/hotline/bundle-referrals', payload: { bundleCode: 'newborn', answers, caller } })).statusCode).toBe(401);
  });

  it('refuses a bad phone, an unknown bundle and answers that do not fit, with a clear 4xx and nothing sent', async () => {
    const before = await t.db.selectFrom('hotline_referral').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const phone of ['12345', '23912345678', '1391234567x', '']) {
      const r = await refer(operator, { bundleCode: 'newborn', answers, caller: { ...caller, phone } });
      expect(r.statusCode, phone).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    const blank = await refer(operator, { bundleCode: 'newborn', answers, caller: { ...caller, name: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.code).toBe('CALLER_NAME_REQUIRED');
    const bad = await refer(operator, { bundleCode: 'newborn', answers, caller: { ...caller, phone: '1391234567' } });
    expect(bad.json().error.code).toBe('CALLER_PHONE_INVALID');
    expect((await refer(operator, { bundleCode: 'no-such-bundle', answers, caller })).statusCode).toBe(404);
    const invalid = await refer(operator, { bundleCode: 'newborn', answers: { ...answers, follow: 'grandma' }, caller });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('ANSWER_INVALID');
    expect((await refer(operator, { bundleCode: 'newborn', answers: { hukouHere: 'yes' }, caller })).statusCode).toBe(400);
    const after = await t.db.selectFrom('hotline_referral').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('an SMS the provider refuses', () => {
  it('leaves the call recorded, the outbox row failed with the reason, and tells the operator', async () => {
    const sms = { provider: 'test-gateway', simulated: false, send: async () => Promise.reject(new Error('gateway down')) };
    const { app } = await buildApp({ db: t.db, store: localFileStore(inject('filesDir')), logger: false, sms, publicUrl: 'https://zwfw.example.gov.cn' });
    try {
      const s = await loginAs(app, 'operator');
      const res = await app.inject({ method: 'POST', url: '/api/v1/hotline/bundle-referrals', headers: s.headers, payload: { bundleCode: 'newborn', answers, caller } });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.sms.status).toBe('failed');
      expect(body.link.startsWith('https://zwfw.example.gov.cn/bundles/newborn?answers=')).toBe(true);
      const row = await t.db.selectFrom('message_outbox').selectAll().where('event_id', '=', body.referralId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'failed', error: 'gateway down', provider: 'test-gateway' });
      expect(await t.db.selectFrom('hotline_referral').select('id').where('id', '=', body.referralId).executeTakeFirst()).toBeTruthy();
    } finally {
      await app.close();
    }
  });
});

describe('the link', () => {
  it('carries the answers as base64url JSON after the portal address', () => {
    const l = bundleLink('newborn', { a: '是' }, 'https://zwfw.example.gov.cn');
    expect(l.startsWith('https://zwfw.example.gov.cn/bundles/newborn?answers=')).toBe(true);
    expect(JSON.parse(Buffer.from(l.split('answers=')[1]!, 'base64url').toString('utf8'))).toEqual({ a: '是' });
  });
});
