import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.ts';
import { BUILTIN_CALENDAR, calendarWarnings } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1/calendar${url}` });

describe('GET /api/v1/calendar/add-working-days', () => {
  it('counts across the 2026 Spring Festival, with the make-up Saturday Feb 14 a working day', async () => {
    // Fri 2026-02-13 + 1 → Sat 02-14 (make-up working day); + 2 → Tue 02-24 (after the 15–23 holiday).
    expect((await get('/add-working-days?from=2026-02-13&days=1')).json()).toEqual({ due: '2026-02-14' });
    expect((await get('/add-working-days?from=2026-02-13&days=2')).json()).toEqual({ due: '2026-02-24' });
  });

  it('counts across National Day 2026 (Oct 1–7 off, Sat Oct 10 worked)', async () => {
    expect((await get('/add-working-days?from=2026-09-30&days=1')).json()).toEqual({ due: '2026-10-08' });
    expect((await get('/add-working-days?from=2026-10-09&days=1')).json()).toEqual({ due: '2026-10-10' });
  });

  it('rejects bad input with a 400', async () => {
    expect((await get('/add-working-days?from=2026-02-30&days=1')).statusCode).toBe(400);
    expect((await get('/add-working-days?from=2026-02-01&days=-1')).statusCode).toBe(400);
    expect((await get('/add-working-days?from=tomorrow&days=1')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/calendar/working-days', () => {
  it('agrees with add-working-days', async () => {
    const due = (await get('/add-working-days?from=2026-01-20&days=20')).json().due;
    expect((await get(`/working-days?from=2026-01-20&to=${due}`)).json()).toEqual({ count: 20 });
  });
});

describe('PUT /api/v1/calendar/years/:year', () => {
  it('forbidden without the calendar permission', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', payload: { source: 'x', holidays: [], workdays: [] } });
    expect(res.statusCode).toBe(401);
  });

  it('a citizen may not edit the calendar', async () => {
    const citizen = await loginAs(t.app, 'citizen');
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', headers: citizen.headers, payload: { source: 'x', holidays: [], workdays: [] } });
    expect(res.statusCode).toBe(403);
  });

  it('an administrator loads a new year; deadlines follow it and the warning goes away', async () => {
    const admin = await loginAs(t.app, 'admin');
    // Counted on weekends alone while 2027 is missing: Fri 2027-02-05 + 1 working day = Mon 02-08.
    expect((await get('/add-working-days?from=2027-02-05&days=1')).json()).toEqual({ due: '2027-02-08' });
    const yearsOf = async () => (await get('/years')).json() as { warnings: Array<{ year: number }> };
    expect(calendarWarnings(BUILTIN_CALENDAR, '2026-11-22').map((w) => w.year)).toEqual([2027]);

    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: admin.headers,
      payload: { source: '测试通知', holidays: [{ name: '春节', from: '2027-02-10', to: '2027-02-06' }], workdays: [] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('CALENDAR_DATA_INVALID');

    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: admin.headers,
      payload: { source: '测试通知（演示）', holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-14' }], workdays: ['2027-02-20'] },
    });
    expect(ok.statusCode).toBe(204);
    expect((await get('/add-working-days?from=2027-02-05&days=1')).json()).toEqual({ due: '2027-02-15' });
    expect((await get('/add-working-days?from=2027-02-19&days=1')).json()).toEqual({ due: '2027-02-20' });
    expect((await yearsOf()).warnings.map((w) => w.year)).not.toContain(2027);
  });
});
