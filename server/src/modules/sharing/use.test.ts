import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, postCase, uploadPdf, type PublicItemForm } from '../../testing/fixtures.ts';
import { buildWorld } from '../../seed/world/index.ts';
import { CITIZEN_RESIDENT_ID } from '../../seed/world/people.ts';
import { RESOURCES } from '../../seed/world/resources.ts';
import { materialCore, obtainableIndex, sourceOfMaterial } from './obtainable.ts';
import { entityRecord, householdMembers, personRecord } from './registers.ts';

let t: TestApp;
let citizen: Session;
let company: Session;
let clerk: Session;
let catalog: Session;

const world = buildWorld();
/** The city-level 户口迁移登记（市内迁移）: lists 居民户口簿, asks sex, birth date and household address. */
const MIGRATION = world.items.find((i) => i.orgKey === 'gaj' && i.name === '户口迁移登记（市内迁移）')!;
/** 劳务派遣经营许可 (an entity item asking 法定代表人, 注册资本, 住所). */
const DISPATCH = world.items.find((i) => i.orgKey === 'rsj' && i.name === '劳务派遣经营许可')!;

const get = (s: Session | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
const publicItem = async (implCode: string) => (await get(undefined, `/api/v1/public/items/${implCode}`)).json() as Omit<PublicItemForm, 'materials'> & { materials: Array<{ code: string; name: string; necessity: string; obtainable?: boolean }> };
const prefill = async (s: Session, implCode: string) => (await get(s, `/api/v1/me/prefill?implCode=${implCode}`)).json();
const auditCount = async (action: string) => Number((await t.db.selectFrom('audit_event').select((e) => e.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  [citizen, company, clerk, catalog] = await Promise.all(['citizen', 'company', 'clerk', 'catalog'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t.close());

describe('which materials the platform obtains (the published resource catalog)', () => {
  it('normalises material names to their core', () => {
    expect(materialCore('本人居民户口簿复印件')).toBe('居民户口簿');
    expect(materialCore('申请人的居民身份证')).toBe('居民身份证');
    expect(materialCore('原营业执照正、副本')).toBe('营业执照');
    expect(materialCore('不动产权证书（房产信息）')).toBe('不动产权证书');
    expect(materialCore('  ')).toBe('');
  });

  it('knows the seeded resources: 居民户口簿 and 营业执照复印件 yes, 残疾人证 and 机动车驾驶证 no, 个人纳税明细 never', async () => {
    const index = await obtainableIndex(t.db);
    expect(index.sourceOf('居民户口簿')).toMatchObject({ code: 'household', providerName: '泰州市公安局' });
    expect(index.sourceOf('父母双方的居民户口簿')?.code).toBe('household');
    expect(index.sourceOf('营业执照复印件')?.code).toBe('entity-basic');
    expect(index.sourceOf('身份证复印件')?.code).toBe('population-basic');
    expect(index.sourceOf('居民身份证或户口簿信息')).toBeDefined();
    for (const no of ['残疾人证', '机动车驾驶证', '社会保障卡', '居民身份证或残疾人证', '', '的']) expect(index.obtainable(no), no).toBe(false);
    // The demo world decides with the same rule over the seed list.
    const shared = RESOURCES.filter((r) => r.shareMode !== 'none');
    expect(sourceOfMaterial('居民户口簿', shared)?.code).toBe('household');
    expect(sourceOfMaterial('残疾人证', shared)).toBeUndefined();
  });

  it('marks the demo world honestly: 居民户口簿 obtainable, 机动车驾驶证 no longer', () => {
    expect(MIGRATION.materials.find((m) => m.name === '居民户口簿')!.obtainable).toBe(true);
    const drivers = world.items.flatMap((i) => i.materials).filter((m) => m.name === '机动车驾驶证');
    expect(drivers.length).toBeGreaterThan(0);
    for (const m of drivers) expect(m.obtainable).toBe(false);
  });

  it('answers the public guide with the providing department, and a clear 400 for no names', async () => {
    const res = await get(undefined, `/api/v1/public/shared-materials?names=${encodeURIComponent('居民户口簿,残疾人证,营业执照复印件')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().materials).toEqual([
      { name: '居民户口簿', obtainable: true, resource: { code: 'household', name: '户籍信息' }, provider: '泰州市公安局' },
      { name: '残疾人证', obtainable: false },
      { name: '营业执照复印件', obtainable: true, resource: { code: 'entity-basic', name: '法人基本信息' }, provider: '泰州市市场监督管理局' },
    ]);
    expect((await get(undefined, '/api/v1/public/shared-materials?names=,,')).statusCode).toBe(400);
    expect((await get(undefined, '/api/v1/public/shared-materials')).statusCode).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => `材料${i}`).join(',');
    expect((await get(undefined, `/api/v1/public/shared-materials?names=${encodeURIComponent(tooMany)}`)).statusCode).toBe(400);
  });

  it('tells the editor to tick 可共享获取 for 居民户口簿, and not for a material no resource covers', async () => {
    const doc = structuredClone(MIGRATION) as unknown as Record<string, unknown> & { materials: Array<Record<string, unknown>> };
    for (const k of ['orgKey', 'published']) delete doc[k];
    doc.materials[0]!.obtainable = false;
    doc.materials.push({ code: 'M09', name: '残疾人证', necessity: 'required', source: 'applicant', form: 'both', paper: { original: 1, copy: 0 } });
    const lint = async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/items/lint', headers: catalog.headers, payload: { document: doc } });
      expect(res.statusCode).toBe(200);
      return (res.json().findings as Array<{ rule: string; path: string }>).filter((f) => f.rule.startsWith('obtainable'));
    };
    expect(await lint()).toEqual([expect.objectContaining({ rule: 'obtainable-material-demanded', path: '/materials/0/obtainable' })]);
    doc.materials[0]!.obtainable = true;
    expect(await lint()).toEqual([]);
  });
});

describe('pre-fill from the registers', () => {
  it('fills a citizen’s form from their own population record, naming the resource and its provider', async () => {
    const before = await auditCount('sharing.prefill');
    const p = await prefill(citizen, MIGRATION.implCode);
    const me = (await personRecord(t.db, CITIZEN_RESIDENT_ID))!;
    expect(p.values).toMatchObject({ sex: me.sex === 'male' ? '男' : '女', birthDate: me.birthDate, ethnicity: me.ethnicity, fromAddress: me.householdAddress });
    expect(p.sources).toMatchObject({ sex: 'register', birthDate: 'register', fromAddress: 'register', applicantName: 'profile' });
    expect(p.registerSources.fromAddress).toMatchObject({ resource: 'household', resourceName: '户籍信息', provider: '泰州市公安局' });
    expect(p.registerSources.sex).toMatchObject({ resource: 'population-basic', provider: '泰州市公安局' });
    expect(await auditCount('sharing.prefill')).toBe(before + 1);
  });

  it('fills the spouse from the marriage register (生育登记)', async () => {
    const item = world.items.find((i) => i.orgKey === 'wjw' && i.name === '生育登记')!;
    const p = await prefill(citizen, item.implCode);
    const me = (await personRecord(t.db, CITIZEN_RESIDENT_ID))!;
    expect(p.values).toMatchObject({ spouseName: '李娜', spouseIdNumber: me.spouseId });
    expect(p.registerSources.spouseName).toMatchObject({ resource: 'marriage', provider: '泰州市民政局' });
  });

  it('fills a company’s form from its own entity record', async () => {
    const p = await prefill(company, DISPATCH.implCode);
    const e = (await entityRecord(t.db, world.entities[0]!.creditCode))!;
    expect(p.values).toMatchObject({ legalRep: e.legalRepresentative, registeredCapital: Number(e.registeredCapital), premises: e.address });
    expect(p.registerSources.legalRep).toMatchObject({ resource: 'entity-basic', provider: '泰州市市场监督管理局' });
  });

  it('serves /me/register-data for the caller only: person keys to persons, entity keys to entities, nothing to staff', async () => {
    const mine = (await get(citizen, '/api/v1/me/register-data?keys=sex,householdAddress,legalRepresentative,nonsense')).json();
    expect(Object.keys(mine.values).sort()).toEqual(['householdAddress', 'sex']);
    const theirs = (await get(company, '/api/v1/me/register-data?keys=sex,householdAddress,legalRepresentative')).json();
    expect(Object.keys(theirs.values)).toEqual(['legalRepresentative']);
    // Another person's data never leaks: the citizen's household holds others, but only the citizen's own record is read.
    const household = await householdMembers(t.db, (await personRecord(t.db, CITIZEN_RESIDENT_ID))!.householdNo);
    expect(household.length).toBeGreaterThan(1);
    expect(JSON.stringify(mine)).not.toContain(household[2]!.residentId);
    expect((await get(clerk, '/api/v1/me/register-data?keys=sex')).statusCode).toBe(403);
    expect((await get(undefined, '/api/v1/me/register-data?keys=sex')).statusCode).toBe(401);
    expect((await get(citizen, '/api/v1/me/register-data')).statusCode).toBe(400);
  });
});

describe('a submission and the clerk’s register check', () => {
  let caseId: string;

  it('accepts an application without the 户口簿 upload for an item that lists it', async () => {
    const item = await publicItem(MIGRATION.implCode);
    const household = item.materials.find((m) => m.name === '居民户口簿')!;
    expect(household.obtainable).toBe(true);
    const p = await prefill(citizen, MIGRATION.implCode);
    const form = { ...fillForm(item.form), ...p.values, sex: p.values.sex === '男' ? '女' : '男' }; // one claim the register contradicts
    const materials = [];
    for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    expect(materials.map((m) => m.code)).not.toContain(household.code);
    const res = await postCase(t.app, citizen, { implCode: MIGRATION.implCode, form, materials });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
  });

  it('shows the clerk the claims beside the register, match and mismatch, with the household extract for 居民户口簿', async () => {
    const before = await auditCount('sharing.register_check');
    const res = await get(clerk, `/api/v1/cases/${caseId}/register-check`);
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    const byField = new Map((check.fields as Array<{ field: string; match: string; register: unknown; source: { provider: string } | null }>).map((f) => [f.field, f]));
    expect(byField.get('idNumber')).toMatchObject({ match: 'match', register: CITIZEN_RESIDENT_ID, source: expect.objectContaining({ resource: 'population-basic' }) });
    expect(byField.get('applicantName')!.match).toBe('match');
    expect(byField.get('birthDate')!.match).toBe('match');
    expect(byField.get('fromAddress')).toMatchObject({ match: 'match', source: expect.objectContaining({ provider: '泰州市公安局' }) });
    expect(byField.get('sex')!.match).toBe('mismatch');
    const extract = check.materials.find((m: { name: string }) => m.name === '居民户口簿');
    expect(extract).toMatchObject({ resource: { code: 'household' }, provider: '泰州市公安局' });
    const rows = extract.extract as Array<Array<{ label: string; value: string }>>;
    expect(rows).toHaveLength(3);
    const ids = rows.map((r) => r.find((c) => c.label === '公民身份号码')!.value);
    expect(ids[0]).toBe(CITIZEN_RESIDENT_ID); // the applicant's own, in full
    expect(ids[1]).toMatch(/\*{8}/); // the other members', masked
    expect(await auditCount('sharing.register_check')).toBe(before + 1);
  });

  it('checks a company’s case against the entity register, the entity record standing for the 营业执照', async () => {
    const seal = world.items.find((i) => i.name === '公章刻制备案' && i.regionCode === '321200')!;
    const item = await publicItem(seal.implCode);
    const p = await prefill(company, seal.implCode);
    const materials = [];
    for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, company)).id });
    const res = await postCase(t.app, company, { implCode: seal.implCode, form: { ...fillForm(item.form), ...p.values }, materials });
    expect(res.statusCode, res.body).toBe(201);
    const check = (await get(clerk, `/api/v1/cases/${res.json().id}/register-check`)).json();
    expect(check.subject).toBe('entity');
    expect(check.fields.filter((f: { prefill: string }) => ['entityName', 'creditCode'].includes(f.prefill)).map((f: { match: string }) => f.match)).toEqual(['match', 'match']);
    const license = check.materials.find((m: { name: string }) => m.name === '营业执照');
    expect(license).toMatchObject({ resource: { code: 'entity-basic' }, provider: '泰州市市场监督管理局' });
    expect(license.extract[0]).toEqual(expect.arrayContaining([{ label: '法定代表人（经营者）', value: (await entityRecord(t.db, world.entities[0]!.creditCode))!.legalRepresentative }]));
  });

  it('refuses applicants, other regions and bad ids', async () => {
    expect((await get(citizen, `/api/v1/cases/${caseId}/register-check`)).statusCode).toBe(403);
    expect((await get(await loginAs(t.app, 'reviewer_gg'), `/api/v1/cases/${caseId}/register-check`)).statusCode).toBe(404);
    expect((await get(clerk, '/api/v1/cases/not-a-uuid/register-check')).statusCode).toBe(400);
    expect((await get(clerk, '/api/v1/cases/00000000-0000-4000-8000-000000000000/register-check')).statusCode).toBe(404);
  });

  it('demands the material again once the household resource is withdrawn: the review warns and the guide asks for it', async () => {
    await t.db.updateTable('data_resource').set({ status: 'withdrawn' }).where('code', '=', 'household').execute();
    try {
      const guide = (await get(undefined, `/api/v1/public/shared-materials?names=${encodeURIComponent('居民户口簿')}`)).json();
      expect(guide.materials[0]).toEqual({ name: '居民户口簿', obtainable: false });
      const doc = structuredClone(MIGRATION) as unknown as Record<string, unknown>;
      for (const k of ['orgKey', 'published']) delete doc[k];
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/items/lint', headers: catalog.headers, payload: { document: doc } });
      expect((res.json().findings as Array<{ rule: string; path: string }>).filter((f) => f.rule.startsWith('obtainable'))).toEqual([
        expect.objectContaining({ rule: 'obtainable-material-unshared', path: '/materials/0/obtainable' }),
      ]);
      // The household address is no longer pre-filled from 户籍信息 (population-basic still shares it).
      const p = await prefill(citizen, MIGRATION.implCode);
      expect(p.registerSources.fromAddress?.resource).toBe('population-basic');
    } finally {
      await t.db.updateTable('data_resource').set({ status: 'published' }).where('code', '=', 'household').execute();
    }
  });
});
