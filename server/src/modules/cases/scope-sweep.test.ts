/**
 * Data scope through every route (issue 8: “a district clerk cannot read another district's cases through any
 * route”). Every registered route that addresses a case (or a 一件事 case) by id is called by a window clerk of
 * 海陵区 with a case outside its district (a city department's), and must answer 403 or 404 without the case in it; the same clerk reaches a
 * case of their own district through the same read routes (so the sweep cannot pass by answering 404 to everyone).
 * The case lists, searched by that case's number and filtered to its region, do not return it either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';

let t: TestApp;
let clerk: Session;
let foreign: { id: string; number: string; region_code: string };
let own: { id: string; number: string };
let foreignFiles: string[];

beforeAll(async () => {
  t = await createTestApp();
  clerk = await loginAs(t.app, 'clerk_hl');
  const outside = await t.db
    .selectFrom('case')
    .select(['id', 'number', 'region_code'])
    .where('region_code', 'not like', '321202%')
    .where((eb) => eb.or([eb('accept_region_code', 'is', null), eb('accept_region_code', 'not like', '321202%')]))
    .orderBy('number')
    .executeTakeFirstOrThrow();
  foreign = outside;
  // 海陵区's own: the 通办 case it accepted (decided in 高港区); the demo's other cases are the city's.
  own = await t.db.selectFrom('case').select(['id', 'number']).where((eb) => eb.or([eb('region_code', 'like', '321202%'), eb('accept_region_code', 'like', '321202%')])).orderBy('number').executeTakeFirstOrThrow();
  foreignFiles = (await t.db.selectFrom('case_material').select('file_id').where('case_id', '=', foreign.id).execute()).map((r) => r.file_id);
});
afterAll(() => t.close());

const caseRoutes = () => t.routes.filter((r) => /^\/api\/v1\/(cases|bundle-cases)\/:id(\/|$)/.test(r.url) && r.method !== 'HEAD');

describe('a district window clerk and a case of another district', () => {
  it('is refused by every route that takes a case id', async () => {
    const routes = caseRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const leaks: string[] = [];
    for (const r of routes) {
      const url = r.url.replace(':id', foreign.id);
      const res = await t.app.inject({ method: r.method as 'GET', url, headers: clerk.headers, ...(r.method === 'GET' ? {} : { payload: { action: 'accept', version: 1 } }) });
      const refused = [403, 404].includes(res.statusCode) || (r.method !== 'GET' && [400, 409].includes(res.statusCode));
      if (!refused || res.body.includes(foreign.number)) leaks.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('cannot fetch its materials, nor find it in a list by number or region', async () => {
    for (const fileId of foreignFiles) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}`, headers: clerk.headers });
      expect([403, 404], `file ${fileId}`).toContain(res.statusCode);
    }
    for (const q of [`q=${encodeURIComponent(foreign.number)}`, `regionCode=${foreign.region_code}`, `number=${encodeURIComponent(foreign.number)}`]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${q}&pageSize=100`, headers: clerk.headers });
      expect(res.body, q).not.toContain(foreign.id);
    }
  });

  it('reaches a case of its own district through the same read routes (the sweep is not vacuous)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${own.id}`, headers: clerk.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ number: own.number });
  });
});
