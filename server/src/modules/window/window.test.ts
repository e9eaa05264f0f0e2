/**
 * 综合窗口收件 against the demo world: a window clerk files an item case and a 一件事 for the applicant in front of
 * them — identity checked, the applicant's account found or made, the case theirs and in their portal, the clerk
 * recorded as filing it, the window's region accepting it, retries idempotent, and nobody else using the path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { makeResidentId } from '../../platform/codes/index.ts';
import { buildWorld, SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';
import { CITIZEN_RESIDENT_ID } from '../../seed/world/people.ts';
import type { Plan } from '../bundles/index.ts';

const world = buildWorld();
const implOf = (orgKey: string, name: string) => world.items.find((x) => x.orgKey === orgKey && x.name === name)!.implCode;
/** 高港区's implementation, 通办 city-wide. */
const GAOGANG_ITEM = implOf('gg_scjgj', '个体工商户设立登记');
/** A city item handled only where it is implemented (通办 none), taken at windows only (online depth 3). */
const NO_TONGBAN_ITEM = implOf('gjj', '住房公积金提取（职工死亡或者被宣告死亡）');
/** An item for enterprises. */
const ENTITY_ITEM = implOf('scjgj', '有限责任公司变更登记');
const company = world.entities.find((e) => e.username === 'company')!;
const CITIZEN = { type: 'person', name: '李明', residentId: CITIZEN_RESIDENT_ID } as const;

let t: TestApp;
let clerk: Session, clerkHl: Session, citizen: Session, reviewer: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [clerk, clerkHl, citizen, reviewer] = await Promise.all(['clerk', 'clerk_hl', 'citizen', 'reviewer'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

type Item = { form: Parameters<typeof fillForm>[0]; materials: Array<{ code: string; necessity: string; obtainable?: boolean }> };
/** A complete application for an item, its materials scanned (uploaded) by `s`. */
async function application(s: Session, implCode: string) {
  const item: Item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${implCode}` })).json();
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, s, '窗口扫描件.pdf')).id });
  return { implCode, form: fillForm(item.form), materials };
}
const post = (s: Session, url: string, payload: object, key: string = randomUUID()) => t.app.inject({ method: 'POST', url, headers: { ...s.headers, 'idempotency-key': key }, payload });
const fileAtWindow = (s: Session, payload: object, key?: string) => post(s, '/api/v1/window/cases', payload, key);
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

describe('an item case filed at the window', () => {
  it('uses the applicant’s own electronic license for a material (免提交), checked as online', async () => {
    const seal = world.items.find((x) => x.name === '公章刻制备案')!;
    const material = seal.materials.find((m) => m.licenseTypeCode)!;
    const license = await t.db.selectFrom('license').select('ref').where('holder_code', '=', company.creditCode).where('type_code', '=', material.licenseTypeCode!).where('status', '=', 'valid').executeTakeFirstOrThrow();
    const item: Item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${seal.implCode}` })).json();
    const applicant = { type: 'entity', name: company.entityName, creditCode: company.creditCode } as const;
    const res = await fileAtWindow(clerk, { applicant, implCode: seal.implCode, form: fillForm(item.form), materials: [{ code: material.code, licenseRef: license.ref }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().licensedMaterials).toEqual([expect.objectContaining({ code: material.code, licenseRef: license.ref })]);
    // Someone else's license is refused at the window too.
    const marriage = await t.db.selectFrom('license').select('ref').where('type_name', '=', '结婚证').executeTakeFirstOrThrow();
    const other = await fileAtWindow(clerk, { applicant, implCode: seal.implCode, form: fillForm(item.form), materials: [{ code: material.code, licenseRef: marriage.ref }] });
    expect(other.statusCode).toBe(400);
  });

  it('is the citizen’s case, in their own list, filed by the clerk through the window, and accepted on the spot', async () => {
    const app = await application(clerk, SLICE_ITEM_IMPL_CODE);
    const res = await fileAtWindow(clerk, { applicant: CITIZEN, ...app });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ state: 'submitted', applicantName: '李明', acceptRegionCode: null });
    expect(c.timeline).toEqual([expect.objectContaining({ action: 'submit', actorName: '李晓燕', actorRole: 'window_clerk', detail: expect.stringContaining('综合窗口收件') })]);
    const log = await t.db.selectFrom('case_action').select(['payload', 'actor_id']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(log.payload).toMatchObject({ channel: 'window', clerkName: '李晓燕' });
    const owner = await t.db.selectFrom('case').innerJoin('account', 'account.id', 'case.applicant_id').select(['account.username']).where('case.id', '=', c.id).executeTakeFirstOrThrow();
    expect(owner.username).toBe('citizen');

    // The same case as an online one: in the citizen's list, its scans readable by them.
    const mine = (await get(citizen, '/api/v1/cases?pageSize=100')).json().cases;
    expect(mine.map((x: { id: string }) => x.id)).toContain(c.id);
    const detail = (await get(citizen, `/api/v1/cases/${c.id}`)).json();
    expect(detail.number).toBe(c.number);
    expect((await get(citizen, `/api/v1/files/${app.materials[0]!.fileId}`)).statusCode).toBe(200);

    // 只进一扇门: the clerk accepts it at once.
    expect(c.allowedActions).toContain('accept');
    const accepted = await post(clerk, `/api/v1/cases/${c.id}/actions`, { action: 'accept', version: c.version });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('accepted');
  });

  it('a retry with the same key files one case; the key with another applicant is refused', async () => {
    const key = randomUUID();
    const body = { applicant: CITIZEN, ...(await application(clerk, SLICE_ITEM_IMPL_CODE)) };
    const [a, b] = await Promise.all([fileAtWindow(clerk, body, key), fileAtWindow(clerk, body, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const again = await fileAtWindow(clerk, body, key);
    expect(again.json().id).toBe(a.json().id);
    expect(await t.db.selectFrom('case').select('id').where('id', '=', a.json().id).execute()).toHaveLength(1);
    const other = await fileAtWindow(clerk, { ...body, applicant: { type: 'person', name: '周新', residentId: makeResidentId('321204', '19880101', '021') } }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a resident ID with a wrong check digit, a wrong credit code and a name not matching the card, clearly', async () => {
    const app = await application(clerk, SLICE_ITEM_IMPL_CODE);
    const wrongCheck = CITIZEN_RESIDENT_ID.slice(0, 17) + (CITIZEN_RESIDENT_ID[17] === '1' ? '2' : '1');
    const bad = await fileAtWindow(clerk, { applicant: { ...CITIZEN, residentId: wrongCheck }, ...app });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'WALK_IN_RESIDENT_ID_INVALID', message: expect.stringContaining('校验码') });
    const code = company.creditCode.slice(0, 17) + (company.creditCode[17] === 'A' ? 'B' : 'A');
    const badCode = await fileAtWindow(clerk, { applicant: { type: 'entity', name: company.entityName, creditCode: code }, ...app });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.code).toBe('WALK_IN_CREDIT_CODE_INVALID');
    const wrongName = await fileAtWindow(clerk, { applicant: { ...CITIZEN, name: '李鸣' }, ...app });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().error).toMatchObject({ code: 'WALK_IN_NAME_MISMATCH', message: expect.not.stringContaining('李明') });
    // Lower-case x, spaces: read as typed at a window.
    expect((await fileAtWindow(clerk, { applicant: { ...CITIZEN, residentId: ` ${CITIZEN_RESIDENT_ID.slice(0, 6)} ${CITIZEN_RESIDENT_ID.slice(6).toLowerCase()}` }, ...app })).statusCode).toBe(201);
  });

  it('makes a passwordless applicant account for a first-time visitor, once, and finds it the next time', async () => {
    const visitor = { type: 'person', name: '韩雪梅', residentId: makeResidentId('321203', '19920708', '024'), phone: '13912345678' } as const;
    const first = await fileAtWindow(clerk, { applicant: visitor, ...(await application(clerk, SLICE_ITEM_IMPL_CODE)) });
    expect(first.statusCode).toBe(201);
    const second = await fileAtWindow(clerk, { applicant: visitor, ...(await application(clerk, SLICE_ITEM_IMPL_CODE)) });
    expect(second.statusCode).toBe(201);
    const accounts = await t.db.selectFrom('account').select(['id', 'subject_type', 'person_name', 'phone']).where('resident_id', '=', visitor.residentId).execute();
    expect(accounts).toEqual([expect.objectContaining({ subject_type: 'person', person_name: '韩雪梅', phone: '13912345678' })]);
    const owners = await t.db.selectFrom('case').select('applicant_id').where('id', 'in', [first.json().id, second.json().id]).execute();
    expect(owners.map((o) => o.applicant_id)).toEqual([accounts[0]!.id, accounts[0]!.id]);
    const username = (await t.db.selectFrom('account').select('username').where('id', '=', accounts[0]!.id).executeTakeFirstOrThrow()).username;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: '!window-intake' } })).statusCode).toBe(401);
  });

  it('files for an enterprise identified by its unified social credit code', async () => {
    const res = await fileAtWindow(clerk, { applicant: { type: 'entity', name: company.entityName, creditCode: company.creditCode }, ...(await application(clerk, ENTITY_ITEM)) });
    expect(res.statusCode).toBe(201);
    expect(res.json().applicantName).toBe(company.entityName);
    const mine = (await get(await loginAs(t.app, 'company'), '/api/v1/cases?pageSize=100')).json().cases;
    expect(mine.map((x: { id: string }) => x.id)).toContain(res.json().id);
  });

  it('takes only the clerk’s own scans or the applicant’s files, not another clerk’s', async () => {
    const app = await application(clerkHl, SLICE_ITEM_IMPL_CODE);
    const res = await fileAtWindow(clerk, { applicant: CITIZEN, ...app });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MATERIAL_FILE_INVALID');
    const own = await application(citizen, SLICE_ITEM_IMPL_CODE);
    expect((await fileAtWindow(clerk, { applicant: CITIZEN, ...own })).statusCode).toBe(201);
  });

  it('通办 at a district window: another district’s item is accepted there within its range; outside the range refused', async () => {
    const res = await fileAtWindow(clerkHl, { applicant: CITIZEN, ...(await application(clerkHl, GAOGANG_ITEM)) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ acceptRegionCode: '321202', regionCode: '321203' });
    expect(res.json().allowedActions).toContain('accept');
    const refused = await fileAtWindow(clerkHl, { applicant: CITIZEN, ...(await application(clerkHl, NO_TONGBAN_ITEM)) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('TONGBAN_NOT_ALLOWED');
    // The city centre takes the same item (its own region), though it cannot be applied for online.
    expect((await fileAtWindow(clerk, { applicant: CITIZEN, ...(await application(clerk, NO_TONGBAN_ITEM)) })).statusCode).toBe(201);
    expect((await post(citizen, '/api/v1/cases', await application(citizen, NO_TONGBAN_ITEM))).json().error.code).toBe('ITEM_NOT_APPLICABLE');
  });

  it('is for window clerks only: an applicant or a reviewer is refused with 403', async () => {
    const app = await application(citizen, SLICE_ITEM_IMPL_CODE);
    for (const s of [citizen, reviewer]) {
      const res = await fileAtWindow(s, { applicant: CITIZEN, ...app });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await post(citizen, '/api/v1/window/bundle-cases', { applicant: CITIZEN, bundleCode: 'newborn', answers: {}, form: {}, materials: [] })).statusCode).toBe(403);
  });
});

describe('a 一件事 filed at the window', () => {
  const ANSWERS = { hukouHere: 'yes', follow: 'father', married: 'yes', wantSocialCard: 'yes' };
  /** The plan for these answers, its merged form filled once and each material scanned once by `s`. */
  async function bundleApplication(s: Session) {
    const plan: Plan = (await t.app.inject({ method: 'POST', url: '/api/v1/public/bundles/newborn/plan', payload: { answers: ANSWERS } })).json();
    const asked = plan.form.fields.filter((f) => !f.issuedBy && !f.filled);
    const form = fillForm({ properties: Object.fromEntries(asked.map((f) => [f.key, f.schema as never])), required: [] });
    const materials = [];
    for (const m of plan.materials.filter((m) => m.provide === 'upload')) materials.push({ key: m.key, fileId: (await uploadPdf(t.app, s, `${m.name}.pdf`)).id });
    return { plan, form, materials };
  }

  it('uses the same plan and merged form; one submission makes the citizen’s bundle case and members, filed by the clerk', async () => {
    const { plan, form, materials } = await bundleApplication(clerk);
    const body = { applicant: CITIZEN, bundleCode: 'newborn', answers: ANSWERS, form, materials };
    const key = randomUUID();
    const res = await post(clerk, '/api/v1/window/bundle-cases', body, key);
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b.members.length).toBe(plan.items.length);
    expect((await post(clerk, '/api/v1/window/bundle-cases', body, key)).json().id).toBe(b.id);

    const mine = (await get(citizen, '/api/v1/bundle-cases')).json().bundleCases;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([b.id]);
    for (const m of b.members) {
      const c = (await get(citizen, `/api/v1/cases/${m.caseId}`)).json();
      expect(c.timeline[0]).toMatchObject({ actorName: '李晓燕', actorRole: 'window_clerk' });
    }
    const logs = await t.db.selectFrom('case_action').select('payload').where('case_id', 'in', b.members.map((m: { caseId: string }) => m.caseId)).where('seq', '=', 1).execute();
    expect(logs.map((l) => (l.payload as { channel: string }).channel)).toEqual(b.members.map(() => 'window'));
    const first = (await get(clerk, `/api/v1/cases/${b.members[0].caseId}`)).json();
    expect(first.allowedActions).toContain('accept');
  });

  it('at a district window it is a 通办 filing: every member accepted in the district, the bundle readable there', async () => {
    const { form, materials } = await bundleApplication(clerkHl);
    const res = await post(clerkHl, '/api/v1/window/bundle-cases', { applicant: CITIZEN, bundleCode: 'newborn', answers: ANSWERS, form, materials });
    expect(res.statusCode).toBe(201);
    const rows = await t.db.selectFrom('case').select(['accept_region_code', 'region_code']).where('id', 'in', res.json().members.map((m: { caseId: string }) => m.caseId)).execute();
    expect(rows.every((r) => r.accept_region_code === '321202' && r.region_code === '321200')).toBe(true);
    expect((await get(clerkHl, `/api/v1/bundle-cases/${res.json().id}`)).statusCode).toBe(200);
  });

  it('refuses a bad identity before filing anything', async () => {
    const res = await post(clerk, '/api/v1/window/bundle-cases', { applicant: { ...CITIZEN, residentId: '32120219900315031' }, bundleCode: 'newborn', answers: ANSWERS, form: {}, materials: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'WALK_IN_RESIDENT_ID_INVALID', message: expect.stringContaining('18 位') });
  });
});
