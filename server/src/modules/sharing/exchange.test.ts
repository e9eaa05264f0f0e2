import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { localFileStore } from '../../platform/files/file-store.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { BUILTIN_CALENDAR, todayInShanghai } from '../../platform/calendar/index.ts';
import { makeResidentId, maskResidentId } from '../../platform/codes/index.ts';
import { CITIZEN_RESIDENT_ID } from '../../seed/world/people.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { permissionsOf } from '../../platform/auth/permissions.ts';
import { escalateOverdueRequests, getRequest, listRequests, reviewRequest, submitRequest } from './requests.ts';
import { GrantLimiter } from './exchange.ts';
import { newId } from '../../platform/ids.ts';

let t: TestApp;
let data: Session;
let mzj: Session;
let gaj: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [data, mzj, gaj] = await Promise.all([loginAs(t.app, 'data'), loginAs(t.app, 'data_mzj'), loginAs(t.app, 'data_gaj')]);
});
afterAll(() => t?.close());

type Json = Record<string, any>;
const call = async (s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
  const res = await t.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Json, headers: res.headers };
};
const exchange = (key: string | undefined, resource: string, param?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/sharing/${resource}/records${param === undefined ? '' : `?key=${encodeURIComponent(param)}`}`, headers: key ? { authorization: `Bearer ${key}` } : {} });
const logRows = (grantId: string) => t.db.selectFrom('sharing_access_log').selectAll().where('grant_id', '=', grantId).orderBy('id').execute();
/** The access log is written in batches: wait until `n` rows of the grant are there. */
const logged = (grantId: string, n: number) => vi.waitFor(async () => {
  const rows = await logRows(grantId);
  if (rows.length < n) throw new Error(`${rows.length} rows`);
  return rows;
}, { timeout: 3000, interval: 50 });

const POP_FIELDS = ['residentId', 'name', 'sex', 'birthDate', 'householdAddress'];

/** data_mzj asks for population-basic, the platform accepts, 市公安局 approves (birthDate whole); a key is made. */
async function grantedPopulation(unmasked = ['birthDate']): Promise<{ requestId: string; grantId: string; key: string; keyId: string }> {
  const req = await call(mzj, 'POST', '/api/v1/sharing/requests', {
    resource: 'population-basic',
    purpose: '办理最低生活保障审核时核验申请人身份和户籍地址',
    fields: POP_FIELDS,
    unmaskedFields: unmasked,
    unmaskReason: '低保审核需按出生日期核定年龄段补助标准',
  });
  expect(req.status).toBe(201);
  expect(req.body).toMatchObject({ status: 'submitted', stage: 'review', light: 'green' });
  const accepted = await call(data, 'POST', `/api/v1/sharing/requests/${req.body.id}/review`, { decision: 'accept' });
  expect(accepted.body).toMatchObject({ status: 'accepted', stage: 'provider' });
  const approved = await call(gaj, 'POST', `/api/v1/sharing/requests/${req.body.id}/decision`, { decision: 'approve', unmaskedFields: unmasked });
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ status: 'granted', stage: 'done', approvedUnmasked: unmasked });
  const key = await call(mzj, 'POST', `/api/v1/sharing/grants/${approved.body.grantId}/keys`, { label: '低保系统' });
  expect(key.status).toBe(201);
  return { requestId: req.body.id, grantId: approved.body.grantId, key: key.body.key, keyId: key.body.id };
}

describe('the resource catalog', () => {
  it('is published to staff with sharing:read, each resource naming its provider, items and exchange API', async () => {
    const r = await call(mzj, 'GET', '/api/v1/sharing/resources');
    expect(r.status).toBe(200);
    const pop = r.body.resources.find((x: Json) => x.code === 'population-basic');
    expect(pop).toMatchObject({ provider: { key: 'gaj' }, shareMode: 'conditional', api: '/api/v1/sharing/population-basic/records?key=' });
    expect(pop.fields.find((f: Json) => f.name === 'birthDate')).toMatchObject({ type: 'date', sensitivity: 'sensitive' });
    expect((await call(null, 'GET', '/api/v1/sharing/resources')).status).toBe(401);
    expect((await call(await loginAs(t.app, 'citizen'), 'GET', '/api/v1/sharing/resources')).status).toBe(403);
  });

  it('is edited by the data administrator against the registers: draft, publish, withdraw', async () => {
    const body = { code: 'entity-lite', name: '法人名称与状态', description: '', provider: 'scjgj', register: 'entity', shareMode: 'open', conditions: '', updateCycle: 'daily', fields: ['creditCode', 'name', 'status'], materials: [] };
    expect((await call(mzj, 'POST', '/api/v1/sharing/resources', body)).status).toBe(403);
    const bad = await call(data, 'POST', '/api/v1/sharing/resources', { ...body, fields: ['creditCode', 'salary'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('salary');
    const none = await call(data, 'POST', '/api/v1/sharing/resources', { ...body, shareMode: 'none' });
    expect(none.body.error.message).toContain('依据');
    const created = await call(data, 'POST', '/api/v1/sharing/resources', body);
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect((await call(mzj, 'GET', '/api/v1/sharing/resources/entity-lite')).status).toBe(404);
    await call(data, 'POST', '/api/v1/sharing/resources/entity-lite/publish');
    const edited = await call(data, 'PUT', '/api/v1/sharing/resources/entity-lite', { ...body, code: undefined, name: '法人名称、状态与住所', fields: ['creditCode', 'name', 'status', 'address'] });
    expect(edited.body).toMatchObject({ status: 'published', name: '法人名称、状态与住所' });
    expect((await call(mzj, 'GET', '/api/v1/sharing/resources/entity-lite')).body.fields.map((f: Json) => f.name)).toEqual(['creditCode', 'name', 'status', 'address']);
    await call(data, 'POST', '/api/v1/sharing/resources/entity-lite/withdraw');
    expect((await call(mzj, 'GET', '/api/v1/sharing/resources')).body.resources.map((x: Json) => x.code)).not.toContain('entity-lite');
  });
});

describe('requests and grants', () => {
  it('refuse a resource that is not shared, naming the reason in its conditions', async () => {
    const r = await call(mzj, 'POST', '/api/v1/sharing/requests', { resource: 'tax-personal', purpose: '核验申请人收入情况用于低保审核', fields: ['residentId', 'name'] });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('RESOURCE_NOT_SHARED');
    expect(r.body.error.message).toContain('税收征收管理法');
  });

  it('take only the resource’s items, and unmasked sensitive items only with a specific reason', async () => {
    const base = { resource: 'population-basic', purpose: '办理最低生活保障审核时核验申请人身份' };
    expect((await call(mzj, 'POST', '/api/v1/sharing/requests', { ...base, fields: ['residentId', 'spouseId'] })).body.error.code).toBe('FIELDS_INVALID');
    expect((await call(mzj, 'POST', '/api/v1/sharing/requests', { ...base, fields: ['residentId', 'name'], unmaskedFields: ['name'], unmaskReason: '需要完整姓名用于比对核验' })).body.error.code).toBe('FIELDS_INVALID');
    expect((await call(mzj, 'POST', '/api/v1/sharing/requests', { ...base, fields: ['residentId', 'birthDate'], unmaskedFields: ['birthDate'], unmaskReason: '需要' })).body.error.code).toBe('UNMASK_REASON_REQUIRED');
    expect((await call(mzj, 'POST', '/api/v1/sharing/requests', { ...base, purpose: '工作需要', fields: ['residentId'] })).body.error.code).toBe('FIELDS_INVALID');
  });

  it('go through the platform and the provider, with refusals needing a specific reason, and only the provider deciding', async () => {
    const req = await call(mzj, 'POST', '/api/v1/sharing/requests', { resource: 'household', purpose: '办理临时救助时核验申请人家庭户籍关系', fields: ['residentId', 'householdNo', 'relationToHead'] });
    const vague = await call(data, 'POST', `/api/v1/sharing/requests/${req.body.id}/review`, { decision: 'refuse', reason: '不符合条件' });
    expect(vague.body.error.code).toBe('REASON_REQUIRED');
    expect((await call(mzj, 'POST', `/api/v1/sharing/requests/${req.body.id}/review`, { decision: 'accept' })).status).toBe(403);
    expect((await call(gaj, 'POST', `/api/v1/sharing/requests/${req.body.id}/decision`, { decision: 'approve' })).body.error.code).toBe('REQUEST_WRONG_STAGE');
    await call(data, 'POST', `/api/v1/sharing/requests/${req.body.id}/review`, { decision: 'accept' });
    const queue = await call(gaj, 'GET', '/api/v1/sharing/requests?queue=provider');
    expect(queue.body.requests.map((r: Json) => r.id)).toContain(req.body.id);
    expect((await call(mzj, 'POST', `/api/v1/sharing/requests/${req.body.id}/decision`, { decision: 'approve' })).body.error.code).toBe('NOT_PROVIDER');
    const extra = await call(gaj, 'POST', `/api/v1/sharing/requests/${req.body.id}/decision`, { decision: 'approve', unmaskedFields: ['residentId'] });
    expect(extra.body.error.code).toBe('UNMASK_NOT_REQUESTED');
    const refused = await call(gaj, 'POST', `/api/v1/sharing/requests/${req.body.id}/decision`, { decision: 'refuse', reason: '临时救助审核只需核验户籍地址，不需户主关系，请按最少够用原则调整数据项' });
    expect(refused.body).toMatchObject({ status: 'refused', refusedBy: 'provider', light: null });
    const mine = await call(mzj, 'GET', '/api/v1/sharing/requests?queue=mine');
    expect(mine.body.requests.find((r: Json) => r.id === req.body.id).refuseReason).toContain('最少够用');
    expect((await call(mzj, 'GET', '/api/v1/sharing/requests?queue=review')).status).toBe(403);
  });

  it('provide open resources from the platform: the grant is made on provision', async () => {
    const req = await call(mzj, 'POST', '/api/v1/sharing/requests', { resource: 'entity-basic', purpose: '社会组织登记时核验发起单位的登记状态', fields: ['creditCode', 'name', 'status'] });
    await call(data, 'POST', `/api/v1/sharing/requests/${req.body.id}/review`, { decision: 'accept' });
    const review = await call(data, 'GET', '/api/v1/sharing/requests?queue=review');
    expect(review.body.requests.find((r: Json) => r.id === req.body.id)).toMatchObject({ stage: 'provision', stageLabel: '平台提供' });
    // 市公安局 does not provide entity data: it sees neither the request nor the grant.
    expect((await call(gaj, 'GET', `/api/v1/sharing/requests/${req.body.id}`)).status).toBe(404);
    const provided = await call(data, 'POST', `/api/v1/sharing/requests/${req.body.id}/provide`);
    expect(provided.body).toMatchObject({ status: 'granted' });
    const grants = await call(mzj, 'GET', '/api/v1/sharing/grants');
    expect(grants.body.grants.find((g: Json) => g.id === provided.body.grantId)).toMatchObject({ maxKeysPerCall: 1, status: 'active', fields: ['creditCode', 'name', 'status'] });
    expect((await call(gaj, 'GET', `/api/v1/sharing/grants/${provided.body.grantId}`)).status).toBe(404);
    expect((await call(gaj, 'POST', `/api/v1/sharing/grants/${provided.body.grantId}/keys`, { label: 'x' })).status).toBe(404);
  });

  it('are decided for the electronic-license resource by 市数据局’s own data officer', async () => {
    const req = await call(mzj, 'POST', '/api/v1/sharing/requests', { resource: 'licenses', purpose: '办理婚姻登记时查验当事人的户口簿电子证照', fields: ['holderCode', 'typeName', 'number', 'status'] });
    expect(req.status).toBe(201);
    await call(data, 'POST', `/api/v1/sharing/requests/${req.body.id}/review`, { decision: 'accept' });
    const sjj = await loginAs(t.app, 'data_sjj');
    const queue = await call(sjj, 'GET', '/api/v1/sharing/requests?queue=provider');
    expect(queue.body.requests.map((r: Json) => r.id)).toContain(req.body.id);
    const approved = await call(sjj, 'POST', `/api/v1/sharing/requests/${req.body.id}/decision`, { decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'granted', stage: 'done' });
  });
});

describe('deadlines and lights', () => {
  const staff = (username: string, orgId: string | null, roles: Actor['roles']): Actor => ({ id: '00000000-0000-7000-8000-000000000001', username, displayName: username, subjectType: 'staff', roles, permissions: permissionsOf(roles), orgId, regionCode: '321200', sessionId: 's', csrfToken: 'c' });

  it('count working days across the 2026 National Day holiday, with the lights cases use, and escalate overdue stages once', async () => {
    const org = (key: string) => t.db.selectFrom('org').select('id').where('key', '=', key).executeTakeFirstOrThrow().then((o) => o.id);
    const officer = staff('data_mzj', await org('mzj'), ['data_officer']);
    const admin = staff('data', await org('sjj'), ['data_admin']);
    const req = await submitRequest(t.db, BUILTIN_CALENDAR, officer, { resource: 'marriage', purpose: '办理生育登记时核验父母婚姻状况', fields: ['residentId', 'maritalStatus'] }, '127.0.0.1', '2026-09-30');
    // 3 working days after Wed 30 Sep: 8, 9 Oct, and Sat 10 Oct (a working day in the 2026 schedule).
    expect(req.dueDate).toBe('2026-10-10');
    expect((await getRequest(t.db, officer, req.id, '2026-10-08')).light).toBe('green');
    expect((await getRequest(t.db, officer, req.id, '2026-10-09')).light).toBe('yellow');
    const late = await getRequest(t.db, officer, req.id, '2026-10-12');
    expect(late).toMatchObject({ light: 'red', overdue: true });

    expect(await escalateOverdueRequests(t.db, '2026-10-12')).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueRequests(t.db, '2026-10-12')).toBe(0);
    const event = await t.db.selectFrom('outbox_event').select('payload').where('topic', '=', 'sharing.request.overdue').execute();
    expect(event.map((e) => (e.payload as Json).requestId)).toContain(req.id);
    expect((await getRequest(t.db, officer, req.id, '2026-10-12')).escalatedAt).not.toBeNull();
    const notices = await t.db.selectFrom('notification').innerJoin('account', 'account.id', 'notification.account_id').select(['account.username', 'notification.title', 'notification.link']).where('notification.kind', '=', 'sharing.request.overdue').execute();
    expect(notices).toContainEqual({ username: 'data', title: '共享申请已超期：婚姻登记信息', link: '/admin/sharing/review' });

    // Accepted on 9 Oct, the provider has 10 working days: to 22 Oct; the escalation mark starts afresh.
    const accepted = await reviewRequest(t.db, BUILTIN_CALENDAR, admin, req.id, { decision: 'accept' }, '127.0.0.1', '2026-10-09');
    expect(accepted).toMatchObject({ stage: 'provider', dueDate: '2026-10-22', escalatedAt: null });
    const queue = await listRequests(t.db, staff('data_mzj', await org('mzj'), ['data_officer']), 'provider', '2026-10-21');
    expect(queue.find((r) => r.id === req.id)?.light).toBe('yellow');
  });
});

describe('the exchange API', () => {
  let g: Awaited<ReturnType<typeof grantedPopulation>>;
  beforeAll(async () => {
    g = await grantedPopulation();
  });

  it('answers only the granted items for one ID, sensitive ones masked unless the provider approved them, and logs the call', async () => {
    const res = await exchange(g.key, 'population-basic', CITIZEN_RESIDENT_ID);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.resource).toBe('population-basic');
    expect(Object.keys(body.records[0])).toEqual(POP_FIELDS);
    expect(body.records[0]).toMatchObject({ residentId: maskResidentId(CITIZEN_RESIDENT_ID), name: '李明', birthDate: '1990-03-15' });
    expect(body.records[0].householdAddress).toMatch(/\*\*\*\*$/);
    expect(body.masked).toEqual(['residentId', 'householdAddress']);
    const [row] = await logged(g.grantId, 1);
    expect(row).toMatchObject({ api_key_id: g.keyId, key_value: CITIZEN_RESIDENT_ID, result: 'ok', status: 200, fields: POP_FIELDS });
  });

  it('shows the access to the provider and to the requester, never the key whole', async () => {
    await logged(g.grantId, 1);
    for (const s of [gaj, mzj, data]) {
      const log = await call(s, 'GET', `/api/v1/sharing/access-log?resource=population-basic&key=${CITIZEN_RESIDENT_ID}`);
      const entry = log.body.entries.find((e: Json) => e.grantId === g.grantId);
      expect(entry).toMatchObject({ key: maskResidentId(CITIZEN_RESIDENT_ID), result: 'ok', org: { name: expect.stringContaining('民政') }, apiKeyPrefix: g.key.slice(0, 12) });
    }
    const today = todayInShanghai();
    expect((await call(gaj, 'GET', `/api/v1/sharing/access-log?from=${today}&to=${today}&org=mzj`)).body.entries.length).toBeGreaterThan(0);
    expect((await call(gaj, 'GET', '/api/v1/sharing/access-log?from=2020-01-01&to=2020-01-02')).body.entries).toEqual([]);
  });

  it('refuses bad keys with 401 (unlogged) and, once authenticated, every other mistake with a logged 4xx', async () => {
    const before = (await logged(g.grantId, 1)).length;
    expect((await exchange(undefined, 'population-basic', CITIZEN_RESIDENT_ID)).statusCode).toBe(401);
    const unknown = await exchange('tbk_' + 'x'.repeat(43), 'population-basic', CITIZEN_RESIDENT_ID);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('API_KEY_INVALID');
    const cases: Array<[string, string | undefined, number, string]> = [
      ['household', CITIZEN_RESIDENT_ID, 403, 'WRONG_RESOURCE'],
      ['population-basic', undefined, 400, 'KEY_PARAM_INVALID'],
      ['population-basic', '12345', 400, 'KEY_PARAM_INVALID'],
      ['population-basic', makeResidentId('321202', '19800101', '999'), 404, 'RECORD_NOT_FOUND'],
      ['population-basic', `${CITIZEN_RESIDENT_ID},${makeResidentId('321202', '19800101', '998')}`, 403, 'BULK_NOT_GRANTED'],
    ];
    for (const [resource, param, status, code] of cases) {
      const r = await exchange(g.key, resource, param);
      expect([r.statusCode, r.json().error.code]).toEqual([status, code]);
    }
    const rows = await logged(g.grantId, before + cases.length);
    expect(rows.slice(before).map((r) => [r.result, r.status])).toEqual([['wrong_resource', 403], ['bad_request', 400], ['bad_request', 400], ['not_found', 404], ['bulk_refused', 403]]);
    expect(rows.every((r) => r.fields.length === 0 || r.result === 'ok')).toBe(true);
  });

  it('reads several IDs in one call only when the grant allows it', async () => {
    const members = await t.db.selectFrom('person_record').select('resident_id').limit(2).execute();
    const two = members.map((m) => m.resident_id).join(',');
    expect((await call(mzj, 'PATCH', `/api/v1/sharing/grants/${g.grantId}`, { maxKeysPerCall: 2 })).status).toBe(403);
    expect((await call(data, 'PATCH', `/api/v1/sharing/grants/${g.grantId}`, { maxKeysPerCall: 2 })).body.maxKeysPerCall).toBe(2);
    const r = await exchange(g.key, 'population-basic', two);
    expect(r.statusCode).toBe(200);
    expect(r.json().records).toHaveLength(2);
    await call(data, 'PATCH', `/api/v1/sharing/grants/${g.grantId}`, { maxKeysPerCall: 1 });
  });

  it('limits the rate per grant with 429 and Retry-After, refuses a suspended grant with 403 and a revoked key with 401', async () => {
    await call(data, 'PATCH', `/api/v1/sharing/grants/${g.grantId}`, { ratePerMinute: 2 });
    const codes = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 4; i++) {
      const r = await exchange(g.key, 'population-basic', CITIZEN_RESIDENT_ID);
      codes.push(r.statusCode);
      if (r.statusCode === 429) retryAfter = r.headers['retry-after'] as string;
    }
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(2);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    await call(data, 'PATCH', `/api/v1/sharing/grants/${g.grantId}`, { ratePerMinute: 600, status: 'suspended' });
    const suspended = await exchange(g.key, 'population-basic', CITIZEN_RESIDENT_ID);
    expect(suspended.statusCode).toBe(403);
    expect(suspended.json().error.code).toBe('GRANT_INACTIVE');
    await call(data, 'PATCH', `/api/v1/sharing/grants/${g.grantId}`, { status: 'active' });
    expect((await exchange(g.key, 'population-basic', CITIZEN_RESIDENT_ID)).statusCode).toBe(200);
    expect((await call(gaj, 'POST', `/api/v1/sharing/keys/${g.keyId}/revoke`)).status).toBe(404);
    expect((await call(mzj, 'POST', `/api/v1/sharing/keys/${g.keyId}/revoke`)).body.revokedAt).not.toBeNull();
    expect((await exchange(g.key, 'population-basic', CITIZEN_RESIDENT_ID)).statusCode).toBe(401);
    const keys = await call(mzj, 'GET', `/api/v1/sharing/grants/${g.grantId}/keys`);
    expect(keys.body.keys[0]).toMatchObject({ prefix: g.key.slice(0, 12), revokedAt: expect.any(String) });
    expect(JSON.stringify(keys.body)).not.toContain(g.key);
  });

  it('lets API-key holders read the published catalog', async () => {
    const fresh = await grantedPopulation([]);
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/sharing/resources', headers: { authorization: `Bearer ${fresh.key}` } });
    expect(r.statusCode).toBe(200);
    expect(r.json().resources.every((x: Json) => x.status === 'published')).toBe(true);
    const res = await exchange(fresh.key, 'population-basic', CITIZEN_RESIDENT_ID);
    expect(res.json().masked).toEqual(['residentId', 'birthDate', 'householdAddress']);
    expect(res.json().records[0].birthDate).toBe('1990-**-**');
  });
});

/** A grant written directly (the workflow is tested above) with one key. */
async function directGrant(resource: string, fields: string[], limits: { dailyQuota?: number } = {}): Promise<string> {
  const mzjOrg = await t.db.selectFrom('org').select('id').where('key', '=', 'mzj').executeTakeFirstOrThrow();
  const grantId = newId();
  await t.db.insertInto('data_grant').values({ id: grantId, request_id: null, resource_code: resource, org_id: mzjOrg.id, fields, unmasked_fields: [], purpose: '测试', valid_until: '2099-12-31', rate_per_minute: 600, daily_quota: limits.dailyQuota ?? 1000, max_keys_per_call: 1, status: 'active' }).execute();
  return (await call(mzj, 'POST', `/api/v1/sharing/grants/${grantId}/keys`, { label: 'test' })).body.key;
}

describe('other registers through the exchange', () => {
  it('stops a grant at its daily quota with a logged 429', async () => {
    const key = await directGrant('population-basic', ['residentId', 'name'], { dailyQuota: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await exchange(key, 'population-basic', CITIZEN_RESIDENT_ID)).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const r = await exchange(key, 'population-basic', CITIZEN_RESIDENT_ID);
    expect(r.json().error.code).toBe('QUOTA_EXCEEDED');
    await vi.waitFor(async () => {
      const rows = await t.db.selectFrom('sharing_access_log').select('result').where('result', '=', 'quota_exceeded').execute();
      if (rows.length < 2) throw new Error('not yet');
    }, { timeout: 3000, interval: 50 });
  });


  it('reads the legal-entity register, masking the representative’s ID', async () => {
    const company = await t.db.selectFrom('entity_record').select(['credit_code', 'legal_representative_id']).orderBy('established_on', 'desc').executeTakeFirstOrThrow();
    const key = await directGrant('entity-basic', ['creditCode', 'name', 'legalRepresentativeId']);
    const r = await exchange(key, 'entity-basic', company.credit_code);
    expect(r.statusCode).toBe(200);
    expect(r.json().records[0]).toEqual({ creditCode: company.credit_code, name: expect.any(String), legalRepresentativeId: maskResidentId(company.legal_representative_id) });
    expect((await exchange(key, 'entity-basic', CITIZEN_RESIDENT_ID)).statusCode).toBe(400);
  });

  it('reads the license register through the licenses module', async () => {
    const held = await t.db.selectFrom('license').select(['holder_code', 'type_name']).where('status', '=', 'valid').executeTakeFirstOrThrow();
    const key = await directGrant('licenses', ['holderCode', 'typeName', 'status']);
    const r = await exchange(key, 'licenses', held.holder_code);
    expect(r.statusCode).toBe(200);
    expect(r.json().records).toContainEqual({ holderCode: expect.stringContaining('*'), typeName: held.type_name, status: 'valid' });
  });
});

describe('the key cache across instances', () => {
  it('serves a key from memory and drops it on another instance when it is revoked (NOTIFY)', async () => {
    const other = (await buildApp({ db: t.db, databaseUrl: t.url, store: localFileStore(inject('filesDir')), logger: false })).app;
    try {
      const g = await grantedPopulation([]);
      const call2 = () => other.inject({ method: 'GET', url: `/api/v1/sharing/population-basic/records?key=${CITIZEN_RESIDENT_ID}`, headers: { authorization: `Bearer ${g.key}` } });
      // The listening connection comes up asynchronously: once it does, the second call is a hit.
      await vi.waitFor(async () => {
        await call2();
        const r = await call2();
        if (r.headers['x-cache'] !== 'hit') throw new Error('not cached yet');
      }, { timeout: 3000, interval: 50 });
      await call(mzj, 'POST', `/api/v1/sharing/keys/${g.keyId}/revoke`);
      await vi.waitFor(async () => {
        if ((await call2()).statusCode !== 401) throw new Error('still served');
      }, { timeout: 3000, interval: 25 });
    } finally {
      await other.close();
    }
  });
});

describe('the token bucket', () => {
  it('allows the rate per minute and refills with time', () => {
    const l = new GrantLimiter();
    expect([l.take('g', 2, 0), l.take('g', 2, 0), l.take('g', 2, 0)]).toEqual([0, 0, 30]);
    expect(l.take('g', 2, 30_000)).toBe(0);
    expect(l.countToday('g', 1, '2026-11-23')).toBe(true);
    expect(l.countToday('g', 1, '2026-11-23')).toBe(false);
    expect(l.countToday('g', 1, '2026-11-24')).toBe(true);
  });
});
