import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.ts';
import { Value } from 'typebox/value';
import { BundleDetail, BundleSummary, Plan, type BundleDocument } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
});
afterAll(() => t.close());

const newbornAnswers = { hukouHere: 'yes', follow: 'mother', married: 'yes', wantSocialCard: 'yes' };

describe('public bundles API', () => {
  it('lists the published bundles with their computed savings', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles' });
    expect(res.statusCode).toBe(200);
    const { bundles } = res.json();
    expect(bundles.length).toBeGreaterThanOrEqual(10);
    for (const b of bundles) expect(Value.Check(BundleSummary, b)).toBe(true);
    expect(bundles.map((b: { name: string }) => b.name)).toContain('新生儿出生“一件事”');
  });

  it('shows one bundle with its member items, departments, questionnaire and savings', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles/newborn' });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(Value.Check(BundleDetail, b)).toBe(true);
    expect(b.items.map((i: { name: string }) => i.name)).toEqual(['出生医学证明首次签发', '预防接种证办理', '出生登记', '城乡居民基本医疗保险参保登记', '社会保障卡申领']);
    expect(b.leadAgency.name).toBe('泰州市卫生健康委员会');
    expect(b.cooperatingAgencies.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['泰州市公安局', '泰州市医疗保障局']));
    expect(b.savings.saved.applications).toBe(b.items.length - 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles/no-such-thing' })).statusCode).toBe(404);
  });

  it('returns the one-time list for the answers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers: newbornAnswers } });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(Value.Check(Plan, plan)).toBe(true);
    expect(plan.items.length).toBe(5);
    const names = plan.materials.map((m: { name: string }) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const fieldKeys = plan.form.fields.map((f: { key: string }) => f.key);
    expect(new Set(fieldKeys).size).toBe(fieldKeys.length);
    expect(plan.savings.saved.fields).toBeGreaterThan(0);
  });

  it('refuses bad answers with a 400 naming the question', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers: { hukouHere: 'yes' } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('ANSWER_MISSING');
    expect(missing.json().error.details.question).toBe('follow');
    expect(missing.json().error.message).toContain('新生儿随父亲还是随母亲落户');
    const invalid = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers: { ...newbornAnswers, follow: 'grandma' } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.question).toBe('follow');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers: { ...newbornAnswers, pets: 'cat' } } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.question).toBe('pets');
    const shape = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers: { hukouHere: 1 } } });
    expect(shape.statusCode).toBe(400);
    const noBody = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: {} });
    expect(noBody.statusCode).toBe(400);
  });
});

describe('bundle versions: draft → submitted → approved → published → retired', () => {
  it('runs the review workflow and shows only the published version to the public', async () => {
    const catalog = await loginAs(t.app, 'catalog');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/catalog/bundles', headers: { cookie: catalog.cookie } })).json().bundles;
    const retirement = list.find((b: { code: string }) => b.code === 'retirement');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/catalog/bundles/${retirement.id}`, headers: { cookie: catalog.cookie } })).json();
    expect(detail.findings).toEqual([]);

    // A new bundle from a copy, with a member that does not exist: saved as a draft, but cannot be submitted.
    const doc: BundleDocument = { ...detail.document, code: 'retirement-test', name: '退休“一件事”（测试）' };
    const bad = { ...doc, members: [...doc.members, { implCode: '000000000000000000000000000000X', required: false }] };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/bundles', headers: catalog.headers, payload: { document: bad } });
    expect(created.statusCode).toBe(201);
    const id = created.json().bundle.id;
    expect(created.json().findings.some((f: { path: string }) => f.path === '/members/2/implCode')).toBe(true);
    const blocked = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/bundles/${id}/submit`, headers: catalog.headers });
    expect(blocked.statusCode).toBe(422);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/bundles', headers: catalog.headers, payload: { document: bad } });
    expect(again.statusCode).toBe(409);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/bundles', headers: catalog.headers, payload: { document: { ...doc, code: 'X Y' } } });
    expect(malformed.statusCode).toBe(400);

    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/bundles/${id}/draft`, headers: catalog.headers, payload: { document: doc } })).statusCode).toBe(200);
    const early = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/bundles/${id}/publish`, headers: catalog.headers });
    expect(early.statusCode).toBe(409);
    for (const action of ['submit', 'approve']) {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/catalog/bundles/${id}/${action}`, headers: catalog.headers })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles/retirement-test' })).statusCode).toBe(404);
    const published = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/bundles/${id}/publish`, headers: catalog.headers });
    expect(published.statusCode).toBe(200);
    expect(published.json().bundle.versionStatus).toBe('published');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles/retirement-test' })).json().name).toBe('退休“一件事”（测试）');

    // An edit starts version 2 as a draft; the public keeps seeing version 1 until it is published.
    const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/bundles/${id}/draft`, headers: catalog.headers, payload: { document: { ...doc, name: '退休一件事（改）' }, note: '改名' } });
    expect(edited.json().bundle.version).toBe(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles/retirement-test' })).json().version).toBe(1);
    const codeChange = await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/bundles/${id}/draft`, headers: catalog.headers, payload: { document: { ...doc, code: 'other-code' } } });
    expect(codeChange.statusCode).toBe(400);

    expect((await t.app.inject({ method: 'POST', url: `/api/v1/catalog/bundles/${id}/retire`, headers: catalog.headers })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/catalog/bundles/${id}/retire`, headers: catalog.headers, payload: { comment: '并入新版本' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles/retirement-test' })).statusCode).toBe(404);
    const log = (await t.app.inject({ method: 'GET', url: `/api/v1/catalog/bundles/${id}`, headers: { cookie: catalog.cookie } })).json().reviewLog;
    expect(log.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'submit', 'approve', 'publish', 'retire']));
  });

  it('keeps editing to catalog editors', async () => {
    const clerk = await loginAs(t.app, 'clerk');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/catalog/bundles', headers: { cookie: clerk.cookie } })).json().bundles;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/bundles/${list[0].id}/approve`, headers: clerk.headers });
    expect(res.statusCode).toBe(403);
  });
});

describe('a member item retired after the bundle was published', () => {
  it('drops out of the public bundle and shows up in the editor’s checks', async () => {
    const catalog = await loginAs(t.app, 'catalog');
    const grant = '11321200096552853L3000506012000'; // 一次性创业补贴申领, optional member of 灵活就业
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/catalog/items?q=${grant}`, headers: { cookie: catalog.cookie } })).json().items[0];
    const retired = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/items/${item.id}/retire`, headers: catalog.headers, payload: { comment: '政策到期' } });
    expect(retired.statusCode).toBe(200);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/public/bundles/flexible-employment' })).json();
    expect(pub.items.map((i: { implCode: string }) => i.implCode)).not.toContain(grant);
    const plan = await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/flexible-employment/plan', payload: { answers: { startup: 'yes' } } });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().items.map((i: { implCode: string }) => i.implCode)).not.toContain(grant);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/catalog/bundles', headers: { cookie: catalog.cookie } })).json().bundles;
    const id = list.find((b: { code: string }) => b.code === 'flexible-employment').id;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/catalog/bundles/${id}`, headers: { cookie: catalog.cookie } })).json();
    expect(detail.members.find((m: { implCode: string }) => m.implCode === grant).name).toBeNull();
    expect(detail.findings.some((f: { severity: string; message: string }) => f.severity === 'error' && f.message.includes(grant))).toBe(true);
  });
});
