/**
 * 通办 routed at acceptance (tongban.ts routeAtAcceptance): a 高港区 resident walks into 海陵区's branch centre and
 * the clerk files 海陵区's own implementation of the item; on acceptance the case goes to 高港区's agency of the same
 * base item, both organisations on the record, each side seeing it. Without a published home implementation the
 * accepting region's agency decides and the record says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { buildWorld } from '../../seed/world/index.ts';
import { homeRegionOf } from './tongban.ts';

const world = buildWorld();
const implOf = (orgKey: string, name: string) => world.items.find((x) => x.orgKey === orgKey && x.name === name)!.implCode;
/** 海陵区市场监督管理局's and 高港区市场监督管理局's implementations of one base item. */
const HAILING_ITEM = implOf('hl_scjgj', '个体工商户设立登记');
const GAOGANG_ITEM = implOf('gg_scjgj', '个体工商户设立登记');
const resident = world.persons.find((p) => p.residentId.startsWith('321203') && p.username)!;

let t: TestApp;
let clerkHl: Session, reviewerGg: Session, reviewer: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [clerkHl, reviewerGg, reviewer] = await Promise.all(['clerk_hl', 'reviewer_gg', 'reviewer'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });

/** The clerk files the item for the 高港区 resident at 海陵区's window. */
async function fileForResident(implCode: string) {
  const item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${implCode}` })).json();
  const materials = [];
  for (const m of item.materials.filter((m: { necessity: string; obtainable?: boolean }) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, clerkHl)).id });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/window/cases',
    headers: { ...clerkHl.headers, 'idempotency-key': randomUUID() },
    payload: { applicant: { type: 'person', name: resident.name, residentId: resident.residentId }, implCode, form: fillForm(item.form), materials },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the applicant’s home region', () => {
  it('is the county of the registered region, else of the ID number or the credit code', () => {
    expect(homeRegionOf({ subject_type: 'person', region_code: '321203001', resident_id: '321202199003150312', credit_code: null })).toBe('321203');
    expect(homeRegionOf({ subject_type: 'person', region_code: null, resident_id: '321204199003150312', credit_code: null })).toBe('321204');
    expect(homeRegionOf({ subject_type: 'entity', region_code: null, resident_id: null, credit_code: '91321281MA1XXXXX0X' })).toBe('321281');
    expect(homeRegionOf({ subject_type: 'person', region_code: null, resident_id: null, credit_code: null })).toBeUndefined();
  });
});

describe('通办 routed at acceptance', () => {
  it('accepted by 海陵区’s window, decided by 高港区’s agency of the same item; both on the record and in the queues', async () => {
    const c = await fileForResident(HAILING_ITEM);
    // Filed with 海陵区's own implementation: an ordinary filing until acceptance.
    expect(c).toMatchObject({ regionCode: '321202', acceptRegionCode: null });
    expect((await get(clerkHl, `/api/v1/cases/${c.id}`)).json().allowedActions).toContain('accept');

    const accepted = await act(clerkHl, c.id, { action: 'accept', version: c.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const a = accepted.json();
    expect(a).toMatchObject({ state: 'accepted', implCode: GAOGANG_ITEM, regionCode: '321203', agencyName: '泰州市高港区市场监督管理局', acceptRegionCode: '321202', acceptAgencyName: '泰州市海陵区政务服务中心' });
    expect(a.acceptRegionName).toMatch(/海陵区/);
    expect(a.timeline.at(-1)).toMatchObject({ action: 'accept', actorName: '王静', detail: expect.stringContaining('通办：泰州市海陵区政务服务中心受理，泰州市高港区市场监督管理局办理') });
    // The accepting clerk keeps read access but takes no deciding step.
    expect(a.allowedActions).not.toContain('decide');
    expect((await get(clerkHl, `/api/v1/cases?q=${c.number}`)).json().cases).toEqual([expect.objectContaining({ id: c.id, acceptRegionCode: '321202' })]);

    // 高港区's reviewer has it in the queue and decides it.
    const queue = (await get(reviewerGg, `/api/v1/cases?q=${c.number}`)).json().cases;
    expect(queue).toEqual([expect.objectContaining({ id: c.id, agencyName: '泰州市高港区市场监督管理局' })]);
    const home = (await get(reviewerGg, `/api/v1/cases/${c.id}`)).json();
    expect(home.allowedActions).toContain('decide');
    const decided = await act(reviewerGg, c.id, { action: 'decide', version: home.version, decision: 'grant' });
    expect(decided.statusCode, decided.body).toBe(200);
    // The city bureau's reviewer is neither side.
    expect((await get(reviewer, `/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const row = await t.db.selectFrom('case').select(['org_id', 'accept_org_id', 'item_version_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    const gg = await t.db.selectFrom('org').select('id').where('key', '=', 'gg_scjgj').executeTakeFirstOrThrow();
    const fzx = await t.db.selectFrom('org').select('id').where('key', '=', 'fzx_321202').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: gg.id, accept_org_id: fzx.id });
  });

  it('stays with the accepting region’s agency when the home region has no published implementation, and says why', async () => {
    await t.db.updateTable('service_item').set({ status: 'retired' }).where('impl_code', '=', GAOGANG_ITEM).execute();
    try {
      const c = await fileForResident(HAILING_ITEM);
      const a = (await act(clerkHl, c.id, { action: 'accept', version: c.version })).json();
      expect(a).toMatchObject({ state: 'accepted', implCode: HAILING_ITEM, regionCode: '321202', acceptRegionCode: null });
      expect(a.timeline.at(-1).detail).toMatch(/通办：申请人住所地.*高港区没有已发布的该事项实施清单，由受理地泰州市海陵区市场监督管理局办理/);
    } finally {
      await t.db.updateTable('service_item').set({ status: 'published' }).where('impl_code', '=', GAOGANG_ITEM).execute();
    }
  });
});
