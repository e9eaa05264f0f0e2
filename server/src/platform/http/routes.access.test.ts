import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('tongban_empty');
});
afterAll(() => t.close());

describe('route access rules', () => {
  it('every API route declares who may call it', () => {
    const api = t.routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    const undeclared = api.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('non-public API routes refuse anonymous callers with 401 and the error shape', async () => {
    const guarded = t.routes.filter((r) => r.url.startsWith('/api/') && r.access !== 'public' && r.method !== 'HEAD');
    for (const r of guarded) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-7000-8000-000000000000');
      const res = await t.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('operational endpoints', () => {
  it('GET /healthz answers ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports ready when the database is reachable and migrated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('GET /metrics exposes Prometheus metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds');
  });

  it('GET /openapi.json describes the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.paths['/api/v1/cases']).toBeDefined();
    expect(doc.paths['/api/v1/public/items/{implCode}']).toBeDefined();
  });
});

describe('bad input gets a clear 4xx, never a 500', () => {
  it('unknown address → 404 in the error shape, in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(zh.json().error.message).toMatch(/找不到/);
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.message).toMatch(/No such address/);
  });

  it('an over-long path segment → 414, a malformed address → 400, both in the error shape', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${'x'.repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().error).toMatchObject({ code: 'URI_TOO_LONG' });
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/cases/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'BAD_URL' });
  });

  it('malformed JSON → 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a NUL or a lone surrogate anywhere in a JSON body → 400 naming it, not a database error', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"a\\u0000b","password":"x"}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
    expect(res.json().error.message).toMatch(/空字符/);
    const lone = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"a\\ud800b","password":"x"}' });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.code).toBe('BAD_REQUEST');
    // An escaped backslash followed by "u0000" is ordinary text, not a NUL.
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"a\\\\u0000b","password":"x"}' });
    expect(ok.json().error?.code).not.toBe('BAD_REQUEST');
  });

  it('schema violations → 400 VALIDATION_FAILED with the offending path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '', password: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const e = res.json().error;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(Array.isArray(e.details)).toBe(true);
  });

  it('wrong content type → 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a bad query parameter → 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/items?page=abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a bad path parameter → 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/items/' + 'x'.repeat(100) });
    expect(res.statusCode).toBe(400);
  });
});
