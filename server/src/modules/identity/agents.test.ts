import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { CITIZEN_RESIDENT_ID } from '../../seed/world/people.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { SLICE_ITEM_IMPL_CODE, buildWorld } from '../../seed/world/index.ts';
import { fillForm, postCase, uploadPdf } from '../../testing/fixtures.ts';

/** An item companies apply for online (the supervisor-step test's 药品零售企业许可). */
const ENTITY_ITEM = buildWorld().items.find((x) => x.orgKey === 'scjgj' && x.name === '药品零售企业许可')!;

let t: TestApp;
let company: Session;
const today = todayInShanghai();
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

beforeAll(async () => {
  t = await createTestApp();
  company = await loginAs(t.app, 'company');
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) => t.app.inject({ method, url, headers: s.headers, ...(payload !== undefined ? { payload } : {}) });

describe('an agent acting for an entity', () => {
  it('acts within the scope the entity granted, and only while it holds', async () => {
    const granted = await call(company, 'POST', '/api/v1/entity/agents', { residentId: CITIZEN_RESIDENT_ID, name: '李明', scopes: ['cases'], validFrom: today, validUntil: nextYear });
    expect(granted.statusCode, granted.body).toBe(201);
    const grant = granted.json();
    expect(grant).toMatchObject({ status: 'active', scopes: ['cases'], agent: { name: '李明', idNumberMasked: expect.stringContaining('****') } });

    const citizen = await loginAs(t.app, 'citizen');
    const entities = (await call(citizen, 'GET', '/api/v1/me/entities')).json().entities;
    expect(entities.map((e: { entity: { id: string } }) => e.entity.id)).toContain(grant.entity.id);
    const me = await call(citizen, 'POST', '/api/v1/auth/act-for', { entityId: grant.entity.id });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ subjectType: 'entity', agent: { name: '李明', scopes: ['cases'] } });

    // 查件 only: the entity's cases, but no applying, no licenses, no managing agents.
    expect((await call(citizen, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    const apply = await call(citizen, 'POST', '/api/v1/cases', { implCode: SLICE_ITEM_IMPL_CODE, form: {}, materials: [] });
    expect(apply.statusCode).toBe(403);
    expect((await call(citizen, 'GET', '/api/v1/me/licenses')).statusCode).toBe(403);
    expect((await call(citizen, 'GET', '/api/v1/entity/agents')).statusCode).toBe(403);

    // Revoked: the very next request is the person again.
    expect((await call(company, 'POST', `/api/v1/entity/agents/${grant.id}/revoke`)).json()).toMatchObject({ status: 'revoked' });
    await expect.poll(async () => (await call(citizen, 'GET', '/api/v1/auth/me')).json().subjectType, { timeout: 3000 }).toBe('person');
    expect((await call(citizen, 'POST', '/api/v1/auth/act-for', { entityId: grant.entity.id })).statusCode).toBe(403);
  });

  it('records what an agent does under their own name, for the entity: the case is the entity’s', async () => {
    const granted = (await call(company, 'POST', '/api/v1/entity/agents', { residentId: CITIZEN_RESIDENT_ID, name: '李明', scopes: ['apply', 'cases'], validFrom: today, validUntil: nextYear })).json();
    const citizen = await loginAs(t.app, 'citizen');
    expect((await call(citizen, 'POST', '/api/v1/auth/act-for', { entityId: granted.entity.id })).statusCode).toBe(200);
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${ENTITY_ITEM.implCode}` })).json();
    const materials = [];
    for (const m of item.materials.filter((m: { necessity: string; obtainable?: boolean }) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const filed = await postCase(t.app, citizen, { implCode: ENTITY_ITEM.implCode, form: fillForm(item.form), materials });
    expect(filed.statusCode, filed.body).toBe(201);
    const entityName = granted.entity.name as string;
    expect(filed.json()).toMatchObject({ applicantName: entityName, timeline: [{ action: 'submit', actorName: `李明（${entityName}经办人）` }] });
    // The entity's own account sees the case and who filed it.
    const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${filed.json().id}`, headers: { cookie: company.cookie } })).json();
    expect(seen.timeline[0].actorName).toBe(`李明（${entityName}经办人）`);
    await call(company, 'POST', `/api/v1/entity/agents/${granted.id}/revoke`);
  });

  it('takes effect no earlier than its first day and no later than its last', async () => {
    const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    const later = await call(company, 'POST', '/api/v1/entity/agents', { residentId: CITIZEN_RESIDENT_ID, name: '李明', scopes: ['apply', 'cases', 'licenses'], validFrom: tomorrow, validUntil: nextYear });
    expect(later.json()).toMatchObject({ status: 'pending' });
    const citizen = await loginAs(t.app, 'citizen');
    expect((await call(citizen, 'POST', '/api/v1/auth/act-for', { entityId: later.json().entity.id })).statusCode).toBe(403);
    // Its period moved into the past (as if a year went by): no longer offered, the session falls back.
    await t.db.updateTable('entity_agent').set({ valid_from: '2020-01-01', valid_until: today }).where('id', '=', later.json().id).execute();
    expect((await call(citizen, 'POST', '/api/v1/auth/act-for', { entityId: later.json().entity.id })).statusCode).toBe(200);
    expect((await call(citizen, 'GET', '/api/v1/me/licenses')).statusCode).toBe(200);
    await t.db.updateTable('entity_agent').set({ valid_until: '2020-12-31' }).where('id', '=', later.json().id).execute();
    await expect.poll(async () => (await call(citizen, 'GET', '/api/v1/auth/me')).json().subjectType, { timeout: 3000 }).toBe('person');
  });

  it('refuses what an entity cannot grant, with reasons a clerk can act on', async () => {
    const base = { residentId: CITIZEN_RESIDENT_ID, name: '李明', scopes: ['apply'], validFrom: today, validUntil: nextYear };
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ ...base, name: '王五' }, 404, /没有找到这个人的个人账号/],
      [{ ...base, validUntil: '2000-01-01', validFrom: '1999-01-01' }, 400, /已经过去/],
      [{ ...base, validUntil: today, validFrom: nextYear }, 400, /不能早于/],
      [{ ...base, validUntil: `${Number(today.slice(0, 4)) + 5}${today.slice(4)}` }, 400, /最长 3 年/],
      [{ ...base, scopes: ['admin'] }, 400, /./],
    ];
    for (const [body, status, message] of cases) {
      const res = await call(company, 'POST', '/api/v1/entity/agents', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }
    // A person is not an entity: no agents to manage.
    const citizen = await loginAs(t.app, 'citizen');
    expect((await call(citizen, 'POST', '/api/v1/entity/agents', base)).statusCode).toBe(403);
  });
});

describe('account security', () => {
  it('lists my sessions and ends another one', async () => {
    const phone = await loginAs(t.app, 'resident01');
    const desk = await loginAs(t.app, 'resident01');
    const list = (await call(desk, 'GET', '/api/v1/me/sessions')).json().sessions as Array<{ id: string; current: boolean }>;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await call(desk, 'DELETE', `/api/v1/me/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await call(phone, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await call(desk, 'DELETE', `/api/v1/me/sessions/${other.id}`)).statusCode).toBe(404);
  });

  it('asks for the password again before a sensitive action, and counts wrong ones', async () => {
    const admin = await loginAs(t.app, 'admin');
    await t.db.updateTable('session').set({ auth_at: sql`now() - interval '1 hour'` }).where('account_id', '=', sql<string>`(select id from account where username = 'admin')`).execute();
    const body = { name: '某部门系统', redirectUris: ['https://x.example.gov.cn/cb'], grantTypes: ['authorization_code'], scopes: ['openid'], subjectTypes: ['person'] };
    await expect.poll(async () => (await call(admin, 'POST', '/api/v1/oidc/clients', body)).json().error?.code, { timeout: 3000 }).toBe('REAUTH_REQUIRED');
    expect((await call(admin, 'POST', '/api/v1/auth/reauth', { password: 'wrong-password-1' })).statusCode).toBe(401);
    expect((await call(admin, 'POST', '/api/v1/auth/reauth', { password: 'Tongban@2026' })).statusCode).toBe(204);
    expect((await call(admin, 'POST', '/api/v1/oidc/clients', body)).statusCode).toBe(201);
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const a = await loginAs(t.app, 'resident02');
    const b = await loginAs(t.app, 'resident02');
    expect((await call(a, 'POST', '/api/v1/me/password', { current: 'Tongban@2026', password: 'short' })).statusCode).toBe(400);
    expect((await call(a, 'POST', '/api/v1/me/password', { current: 'nope-nope-1', password: 'NewPass2026x' })).statusCode).toBe(401);
    expect((await call(a, 'POST', '/api/v1/me/password', { current: 'Tongban@2026', password: 'NewPass2026x' })).statusCode).toBe(204);
    expect((await call(b, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await call(a, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await expect(loginAs(t.app, 'resident02')).rejects.toThrow();
    expect((await loginAs(t.app, 'resident02', 'NewPass2026x')).cookie).toContain('tb_session');
  });
});
