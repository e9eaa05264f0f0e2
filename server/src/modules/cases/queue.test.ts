import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { Value } from 'typebox/value';
import { COUNT_CAP } from './queue.ts';
import { CasePage, CaseSummary } from './schema.ts';

let t: TestApp;
let clerk: Session, citizen: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [clerk, citizen] = await Promise.all(['clerk', 'citizen'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

type Page = { cases: Array<{ id: string; dueDate: string | null; submittedAt: string }>; total: number; totalCapped: boolean };
const list = async (s: Session, qs: string): Promise<Page> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${qs}`, headers: { cookie: s.cookie } });
  expect(res.statusCode).toBe(200);
  const page = res.json();
  expectPageShape(page);
  return page;
};

/**
 * The page is written by JSON.stringify, not the schema serializer (routes.ts): every page must be exactly
 * CasePage — its types, dates as dates, and no property the schema does not name.
 */
function expectPageShape(page: Page): void {
  expect(Value.Errors(CasePage, page)).toEqual([]);
  expect(Object.keys(page).sort()).toEqual(['cases', 'total', 'totalCapped']);
  const named = new Set(Object.keys(CaseSummary.properties));
  for (const c of page.cases) {
    expect(Object.keys(c).filter((k) => !named.has(k))).toEqual([]);
    expect(c.dueDate === null || /^\d{4}-\d{2}-\d{2}$/.test(c.dueDate)).toBe(true);
    expect(new Date(c.submittedAt).toISOString()).toBe(c.submittedAt);
  }
}

describe('GET /api/v1/cases (queue.ts: count and page in one statement)', () => {
  it('pages the staff queue most urgent first, consistently across pages, with the total on every page', async () => {
    const all = await list(clerk, 'pageSize=12');
    expect(all.cases.length).toBeGreaterThan(6);
    const due = all.cases.map((c) => c.dueDate ?? '9999-99-99');
    expect(due).toEqual([...due].sort());
    const [p1, p2] = [await list(clerk, 'pageSize=3&page=1'), await list(clerk, 'pageSize=3&page=2')];
    expect([...p1.cases, ...p2.cases].map((c) => c.id)).toEqual(all.cases.slice(0, 6).map((c) => c.id));
    expect(p1.total).toBe(all.total);
    expect(p2.total).toBe(all.total);
    expect(all.total).toBeLessThanOrEqual(COUNT_CAP);
  });

  it('still gives the total on a page past the end', async () => {
    const first = await list(clerk, 'pageSize=5');
    const past = await list(clerk, 'pageSize=5&page=9999');
    expect(past.cases).toEqual([]);
    expect(past.total).toBe(first.total);
    expect(past.totalCapped).toBe(first.totalCapped);
  });

  it('shows applicants their own cases newest first', async () => {
    const own = await list(citizen, 'pageSize=50');
    expect(own.total).toBeGreaterThan(1);
    expect(own.cases.length).toBe(own.total);
    const at = own.cases.map((c) => c.submittedAt);
    expect(at).toEqual([...at].sort().reverse());
  });

  it('over the cap says 1000+ and, while it remembers that, still reads every page afresh', async () => {
    // Clone a submitted case 1,100 times (new ids and numbers, due far ahead) so the clerk's queue passes the cap.
    await sql`insert into "case" select (r).* from (
        select jsonb_populate_record(null::"case", to_jsonb(c) || jsonb_build_object('id', gen_random_uuid(), 'number', 'T-' || g, 'due_date', '2099-01-01')) as r
          from (select * from "case" where state = 'submitted' and region_code like '3212%' limit 1) c, generate_series(1, 1100) g) x`.execute(t.db);
    const first = await list(clerk, 'state=submitted&pageSize=5');
    expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    const moved = await t.db.selectFrom('case').select('id').where('number', '=', 'T-7').executeTakeFirstOrThrow();
    await t.db.updateTable('case').set({ due_date: '2000-01-01' }).where('id', '=', moved.id).execute();
    const again = await list(clerk, 'state=submitted&pageSize=5');
    expect(again.cases[0]!.id).toBe(moved.id);
    expect(again).toMatchObject({ total: COUNT_CAP, totalCapped: true });
  });
});
