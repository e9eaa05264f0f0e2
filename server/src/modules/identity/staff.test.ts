import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';

let t: TestApp;
let admin: Session;
const today = todayInShanghai();
const nextWeek = new Date(Date.parse(today) + 7 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const idOf = async (key: string, table: 'org' | 'account' = 'org') =>
  table === 'org' ? (await t.db.selectFrom('org').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id : (await t.db.selectFrom('account').select('id').where('username', '=', key).executeTakeFirstOrThrow()).id;

describe('administrators manage staff', () => {
  it('create a window clerk in a district centre, who signs in and works there', async () => {
    const orgId = await idOf('fzx_321204');
    const res = await call(admin, 'POST', '/api/v1/admin/users', { username: 'clerk_jy', displayName: '陈立', orgId, roles: ['window_clerk'], password: 'Start2026abc' });
    expect(res.statusCode, res.body).toBe(201);
    const clerk = await loginAs(t.app, 'clerk_jy', 'Start2026abc');
    const me = (await call(clerk, 'GET', '/api/v1/auth/me')).json();
    expect(me).toMatchObject({ subjectType: 'staff', roles: ['window_clerk'], regionCode: '321204', org: { id: orgId } });
    expect((await call(clerk, 'GET', '/api/v1/me/posts')).json().posts).toHaveLength(1);
    // Taken usernames, unknown roles and applicants' roles are refused with reasons.
    expect((await call(admin, 'POST', '/api/v1/admin/users', { username: 'clerk_jy', displayName: 'x', orgId, roles: ['window_clerk'], password: 'Start2026abc' })).statusCode).toBe(409);
    expect((await call(admin, 'POST', '/api/v1/admin/users', { username: 'someone', displayName: 'x', orgId, roles: ['applicant'], password: 'Start2026abc' })).statusCode).toBe(400);
    // Disabled: every session ends.
    expect((await call(admin, 'PUT', `/api/v1/admin/users/${me.id}`, { status: 'disabled' })).statusCode).toBe(204);
    await expect.poll(async () => (await call(clerk, 'GET', '/api/v1/auth/me')).statusCode, { timeout: 3000 }).toBe(401);
    // Nobody else manages staff.
    const supervisor = await loginAs(t.app, 'supervisor');
    expect((await call(supervisor, 'POST', '/api/v1/admin/users', { username: 'x_y', displayName: 'x', orgId, roles: ['reviewer'], password: 'Start2026abc' })).statusCode).toBe(403);
  });

  it('delegate a reviewer’s duties for a week: the delegate works in that department, then no longer', async () => {
    const reviewer = await idOf('reviewer', 'account');
    const delegate = await idOf('reviewer_gg', 'account');
    const scjgjCase = await t.db.selectFrom('case').innerJoin('org', 'org.id', 'case.org_id').select('case.id').where('org.key', '=', 'scjgj').executeTakeFirstOrThrow();
    const gg = await loginAs(t.app, 'reviewer_gg');
    const before = await call(gg, 'GET', `/api/v1/cases/${scjgjCase.id}`);
    expect([403, 404]).toContain(before.statusCode);

    const refused = await call(admin, 'POST', `/api/v1/admin/users/${delegate}/posts`, { orgId: await idOf('scjgj'), roles: ['platform_admin'], kind: 'delegation', delegatedBy: reviewer, validFrom: today, validUntil: nextWeek });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('委托人没有');
    const added = await call(admin, 'POST', `/api/v1/admin/users/${delegate}/posts`, { orgId: await idOf('scjgj'), roles: ['reviewer'], kind: 'delegation', delegatedBy: reviewer, reason: '张明远休假', validFrom: today, validUntil: nextWeek });
    expect(added.statusCode, added.body).toBe(201);

    const posts = (await call(gg, 'GET', '/api/v1/me/posts')).json().posts as Array<{ id: string | null; orgName: string; kind: string; current: boolean }>;
    const delegation = posts.find((p) => p.kind === 'delegation')!;
    expect(delegation).toMatchObject({ orgName: '泰州市市场监督管理局', current: false });
    const switched = await call(gg, 'POST', '/api/v1/auth/post', { postId: delegation.id });
    expect(switched.json()).toMatchObject({ org: { name: '泰州市市场监督管理局' }, post: { kind: 'delegation' } });
    expect((await call(gg, 'GET', `/api/v1/cases/${scjgjCase.id}`)).statusCode).toBe(200);

    expect((await call(admin, 'DELETE', `/api/v1/admin/users/${delegate}/posts/${added.json().id}`)).statusCode).toBe(204);
    await expect.poll(async () => (await call(gg, 'GET', `/api/v1/cases/${scjgjCase.id}`)).statusCode, { timeout: 3000 }).not.toBe(200);
    expect((await call(gg, 'GET', '/api/v1/auth/me')).json().org.name).toBe('泰州市高港区市场监督管理局');
    const history = (await call(admin, 'GET', `/api/v1/admin/users/${delegate}/posts`)).json().posts;
    expect(history[0]).toMatchObject({ kind: 'delegation', status: 'revoked', reason: '张明远休假' });
  });
});
