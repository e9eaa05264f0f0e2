import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { keyVaultFromEnv } from '../../platform/crypto/index.ts';
import { buildWorld, SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';
import { LICENSE_TYPES } from '../../seed/world/licenses.ts';
import { actorForUsername } from '../identity/index.ts';
import { countLicenseReuse } from '../cases/index.ts';
import { handleLicenseEvent, type NotifyDeps } from '../notify/index.ts';
import { createDevOutboxEmailSimulator, createDevOutboxSmsSimulator } from '../notify/adapters/index.ts';
import { registerLicenseHandlers } from './handlers.ts';
import { issueLicenseInTrx, type LicenseDeps, type LicenseTypeRow } from './issue.ts';

let t: TestApp;
let citizen: Session, company: Session, clerk: Session, reviewer: Session, admin: Session;

const world = buildWorld();
const typeCode = (name: string) => LICENSE_TYPES.find((x) => x.name === name)!.code;
/** A city-level item of the demo world by name (its implementation code is computed, not copied). */
const itemNamed = (name: string) => world.items.find((i) => i.name === name && i.regionCode === '321200')!;
const SEAL_ITEM = itemNamed('公章刻制备案'); // entity; asks for the 营业执照 only
const BIRTH_ITEM = itemNamed('出生登记'); // person; asks for the 出生医学证明
const FERTILITY_ITEM = itemNamed('生育登记'); // person; asks for the 结婚证

beforeAll(async () => {
  t = await createTestApp();
  [citizen, company, clerk, reviewer, admin] = await Promise.all(['citizen', 'company', 'clerk', 'reviewer', 'admin'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t?.close());

type Material = { code: string; name: string; necessity: string; obtainable?: boolean; licenseTypeCode?: string };
type Item = { form: Parameters<typeof fillForm>[0]; materials: Material[] };
const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
const publicItem = async (implCode: string): Promise<Item> => (await get(null, `/api/v1/public/items/${implCode}`)).json();
const wallet = async (s: Session) => (await get(s, '/api/v1/me/licenses')).json().licenses as Array<{ ref: string; typeName: string; typeCode: string; number: string; status: string }>;
const submit = (s: Session, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...s.headers, 'idempotency-key': randomUUID() }, payload });

/** An application for `implCode`: its form filled, every required upload given as a file, `licenses` by material code. */
async function application(s: Session, implCode: string, licenses: Record<string, string> = {}) {
  const item = await publicItem(implCode);
  const materials: Array<{ code: string; fileId?: string; licenseRef?: string }> = [];
  for (const m of item.materials) {
    if (licenses[m.code]) materials.push({ code: m.code, licenseRef: licenses[m.code] });
    else if (m.necessity === 'required' && !m.obtainable) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, s)).id });
  }
  return { implCode, form: fillForm(item.form), materials };
}
const licensedCode = async (implCode: string, type: string) => (await publicItem(implCode)).materials.find((m) => m.licenseTypeCode === typeCode(type))!.code;

describe('免提交: a license stands for a material', () => {
  it('the catalog names the license type on the materials it replaces', async () => {
    const item = await publicItem(SEAL_ITEM.implCode);
    expect(item.materials.find((m) => m.name === '营业执照')!.licenseTypeCode).toBe(typeCode('营业执照'));
  });

  it('the prefill tells which materials the applicant’s licenses cover; a holder’s 营业执照 is attached to a new application', async () => {
    const [license] = (await wallet(company)).filter((l) => l.typeName === '营业执照' && l.status === 'valid');
    expect(license).toBeDefined();
    const code = await licensedCode(SEAL_ITEM.implCode, '营业执照');

    const prefill = (await get(company, `/api/v1/me/prefill?implCode=${SEAL_ITEM.implCode}`)).json();
    expect(prefill.licenses).toEqual([expect.objectContaining({ code, ref: license!.ref, typeName: '营业执照', number: license!.number })]);
    // Someone holding no license of the type is offered none.
    const none = (await get(citizen, `/api/v1/me/prefill?implCode=${FERTILITY_ITEM.implCode}`)).json();
    expect(none.licenses.map((l: { typeName: string }) => l.typeName)).toEqual(['结婚证']);

    const before = await countLicenseReuse(t.db);
    const res = await submit(company, await application(company, SEAL_ITEM.implCode, { [code]: license!.ref }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.licensedMaterials).toEqual([expect.objectContaining({ code, licenseRef: license!.ref, typeName: '营业执照', number: license!.number })]);
    expect(c.materials.some((m: { code: string }) => m.code === code)).toBe(false);
    // The applicant's own case page says so.
    expect((await get(company, `/api/v1/cases/${c.id}`)).json().licensedMaterials[0].licenseRef).toBe(license!.ref);

    // Staff see the license verified now (not a scan), and the lookup is logged against the case.
    const seen = await get(clerk, `/api/v1/cases/${c.id}/licenses`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().licenses).toEqual([
      expect.objectContaining({ code, ref: license!.ref, typeName: '营业执照', number: license!.number, status: 'valid', statusLabel: '有效', valid: true, checks: { signature: true, identifier: true, status: true, validity: true } }),
    ]);
    expect(seen.json().licenses[0].holderName).toBe(c.applicantName);
    const logged = await t.db.selectFrom('license_verification').select(['channel', 'valid']).where('ref', '=', license!.ref).where('channel', '=', `case:${c.id}`).execute();
    expect(logged).toEqual([{ channel: `case:${c.id}`, valid: true }]);

    // Measures: one more material no longer asked for, counted under the 营业执照 type and the handling department.
    const after = await countLicenseReuse(t.db);
    const n = (rows: typeof after) => rows.find((r) => r.typeCode === typeCode('营业执照') && r.agencyName === c.agencyName)?.materials ?? 0;
    expect(n(after)).toBe(n(before) + 1);

    // A draft may keep the license too.
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/drafts/${SEAL_ITEM.implCode}`, headers: company.headers, payload: { form: {}, materials: [{ code, licenseRef: license!.ref }] } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await get(company, `/api/v1/drafts/${SEAL_ITEM.implCode}`)).json().materials).toEqual([{ code, licenseRef: license!.ref }]);
  });

  it('someone else’s license is refused, and so is a license of the wrong type or for a material that names none', async () => {
    const [companyLicense] = await wallet(company);
    const [marriage] = (await wallet(citizen)).filter((l) => l.typeName === '结婚证');
    // The citizen uses the company's 营业执照 reference: not theirs (the same answer as an unknown one).
    const fertility = await licensedCode(FERTILITY_ITEM.implCode, '结婚证');
    for (const ref of [companyLicense!.ref, 'no-such-reference']) {
      const r = await submit(citizen, await application(citizen, FERTILITY_ITEM.implCode, { [fertility]: ref }));
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('LICENSE_NOT_HELD');
      expect(r.json().error.message).toContain('结婚证');
    }
    // The citizen's own 结婚证 where a 出生医学证明 is needed: the wrong type.
    const birth = await licensedCode(BIRTH_ITEM.implCode, '出生医学证明');
    const wrong = await submit(citizen, await application(citizen, BIRTH_ITEM.implCode, { [birth]: marriage!.ref }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('LICENSE_WRONG_TYPE');
    // A material that names no license type.
    const plain = (await publicItem(SLICE_ITEM_IMPL_CODE)).materials.find((m) => !m.licenseTypeCode)!;
    const notLicensed = await submit(citizen, { ...(await application(citizen, SLICE_ITEM_IMPL_CODE)), materials: [...(await application(citizen, SLICE_ITEM_IMPL_CODE)).materials.filter((m) => m.code !== plain.code), { code: plain.code, licenseRef: marriage!.ref }] });
    expect(notLicensed.statusCode).toBe(400);
    expect(notLicensed.json().error.code).toBe('MATERIAL_NOT_LICENSED');
    // And the citizen's own 结婚证 where it is asked for is accepted.
    const ok = await submit(citizen, await application(citizen, FERTILITY_ITEM.implCode, { [fertility]: marriage!.ref }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().licensedMaterials[0].typeName).toBe('结婚证');
  });

  it('uploads work as before: no license rows, nothing extra in the case', async () => {
    const r = await submit(company, await application(company, SEAL_ITEM.implCode));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().licensedMaterials).toBeUndefined();
    expect(await t.db.selectFrom('case_material_license').select('code').where('case_id', '=', r.json().id).execute()).toEqual([]);
    // A file for a material that could take a license is still a file.
    const code = await licensedCode(SEAL_ITEM.implCode, '营业执照');
    const file = await uploadPdf(t.app, company);
    const withFile = await submit(company, { ...(await application(company, SEAL_ITEM.implCode)), materials: [{ code, fileId: file.id }] });
    expect(withFile.statusCode, withFile.body).toBe(201);
    expect(withFile.json().materials).toEqual([expect.objectContaining({ code, fileId: file.id })]);
  });

  it('a revoked license is refused, and staff then see the attached one as 无效', async () => {
    const [license] = await wallet(company);
    const code = await licensedCode(SEAL_ITEM.implCode, '营业执照');
    const c = (await submit(company, await application(company, SEAL_ITEM.implCode, { [code]: license!.ref }))).json();
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${license!.ref}/actions`, headers: admin.headers, payload: { action: 'revoke', reason: '企业已办理注销登记' } });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const r = await submit(company, await application(company, SEAL_ITEM.implCode, { [code]: license!.ref }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('LICENSE_NOT_VALID');
    expect(r.json().error.message).toContain('已注销');
    expect((await get(company, `/api/v1/me/prefill?implCode=${SEAL_ITEM.implCode}`)).json().licenses).toEqual([]);

    const seen = (await get(clerk, `/api/v1/cases/${c.id}/licenses`)).json().licenses;
    expect(seen).toEqual([expect.objectContaining({ ref: license!.ref, status: 'revoked', statusLabel: '已注销', valid: false })]);
    // Nobody outside the case's scope reads it.
    expect((await get(citizen, `/api/v1/cases/${c.id}/licenses`)).statusCode).toBe(404);
  });
});

describe('notifying the holder', () => {
  it('a license issued on closing tells its holder once (portal and SMS), however often the handler runs', async () => {
    const deps: LicenseDeps = { db: t.db, vault: keyVaultFromEnv(os.tmpdir()) };
    const notify: NotifyDeps = { db: t.db, sms: createDevOutboxSmsSimulator(), email: createDevOutboxEmailSimulator() };
    // The citizen's 个体工商户设立登记, granted; the issuing job runs as pg-boss would.
    const app = await application(citizen, SLICE_ITEM_IMPL_CODE);
    const c = (await submit(citizen, { ...app, form: { ...app.form, businessName: '泰州市海陵区小王早餐店', businessScope: '早餐供应' } })).json();
    const accepted = (await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, headers: clerk.headers, payload: { action: 'accept', version: c.version } })).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, headers: reviewer.headers, payload: { action: 'decide', version: accepted.version, decision: 'grant' } })).json().state).toBe('closed');
    const handlers: Array<(e: unknown) => Promise<void>> = [];
    registerLicenseHandlers({ on: (topic, h) => topic === 'case.closed' && handlers.push(h as (e: unknown) => Promise<void>) }, deps);
    const closed = await t.db.selectFrom('outbox_event').selectAll().where('topic', '=', 'case.closed').where(sql<string>`payload->>'caseId'`, '=', c.id).executeTakeFirstOrThrow();
    for (const h of handlers) await h({ id: closed.id, topic: closed.topic, payload: closed.payload, createdAt: closed.created_at.toISOString() });

    const issued = await t.db.selectFrom('outbox_event').selectAll().where('topic', '=', 'license.issued').where(sql<string>`payload->>'caseId'`, '=', c.id).executeTakeFirstOrThrow();
    const event = { id: issued.id, topic: issued.topic, payload: issued.payload, createdAt: issued.created_at.toISOString() };
    const citizenId = (await actorForUsername(t.db, 'citizen')).id;
    expect(await handleLicenseEvent(notify, event)).toEqual({ notification: true, sms: 'sent' });
    expect(await handleLicenseEvent(notify, event)).toEqual({ notification: false, sms: 'already-sent' });

    const rows = await t.db.selectFrom('notification').selectAll().where('event_id', '=', issued.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ account_id: citizenId, kind: 'license.issued', title: '营业执照已发放', case_id: c.id });
    expect(rows[0]!.body).toContain('您的营业执照（电子证照，证号');
    expect(rows[0]!.body).toContain('可在“我的证照”中查看和出示');
    const ref = (issued.payload as { ref: string }).ref;
    expect(rows[0]!.link).toBe(`/my/licenses/${ref}`);
    const sms = await t.db.selectFrom('message_outbox').selectAll().where('event_id', '=', issued.id).execute();
    expect(sms.map((m) => m.channel)).toEqual(['sms']);
    expect(sms[0]!.body).toBe('【通办】您的营业执照（电子证照）已发放，可登录通办在“我的证照”中查看和出示。');

    // The issuing department suspends it: the holder is told why.
    const suspended = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${ref}/actions`, headers: reviewer.headers, payload: { action: 'suspend', reason: '经营场所正在接受消防整改' } });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const changed = await t.db.selectFrom('outbox_event').selectAll().where('topic', '=', 'license.changed').where(sql<string>`payload->>'ref'`, '=', ref).executeTakeFirstOrThrow();
    expect(await handleLicenseEvent(notify, { id: changed.id, topic: changed.topic, payload: changed.payload, createdAt: changed.created_at.toISOString() })).toEqual({ notification: true, sms: 'sent' });
    const n = await t.db.selectFrom('notification').select(['title', 'body']).where('event_id', '=', changed.id).executeTakeFirstOrThrow();
    expect(n.title).toBe('营业执照已暂停使用');
    expect(n.body).toContain('原因：经营场所正在接受消防整改。');
  });
});

describe('a licensed material the platform cannot obtain itself', () => {
  it('is asked for as an upload — unless the applicant uses their electronic license, then no upload', async () => {
    // The catalog administrators publish a version where the 营业执照 must come from the applicant.
    const catalog = await loginAs(t.app, 'catalog');
    const id = (await t.db.selectFrom('service_item').select('id').where('impl_code', '=', SEAL_ITEM.implCode).executeTakeFirstOrThrow()).id;
    const detail = (await get(catalog, `/api/v1/catalog/items/${id}`)).json();
    const document = structuredClone(detail.document);
    const m = document.materials.find((x: Material) => x.licenseTypeCode === typeCode('营业执照'));
    Object.assign(m, { obtainable: false, source: 'applicant' });
    delete m.issuingDept;
    const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/items/${id}/draft`, headers: catalog.headers, payload: { document } });
    expect(saved.statusCode, saved.body).toBe(200);
    // Only while no published resource shares the 营业执照 may a version demand it (the review blocks it otherwise).
    const sharing = t.db.updateTable('data_resource').where('code', 'in', ['licenses', 'entity-basic']);
    await sharing.set({ status: 'withdrawn' }).execute();
    try {
      for (const action of ['submit', 'approve', 'publish']) {
        const r = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/items/${id}/${action}`, headers: catalog.headers, payload: {} });
        expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      }
    } finally {
      await sharing.set({ status: 'published' }).execute();
    }
    const item = await publicItem(SEAL_ITEM.implCode);
    expect(item.materials.find((x) => x.code === m.code)).toMatchObject({ obtainable: false, licenseTypeCode: typeCode('营业执照') });

    const base = { implCode: SEAL_ITEM.implCode, form: fillForm(item.form) };
    const without = await submit(company, { ...base, materials: [] });
    expect(without.statusCode).toBe(400);
    expect(without.json().error).toMatchObject({ code: 'MATERIAL_MISSING' });
    expect(without.json().error.message).toContain('营业执照');

    // Earlier tests revoked the company's license: the register digitises a valid one for it.
    const type = (await t.db.selectFrom('license_type').selectAll().where('code', '=', typeCode('营业执照')).executeTakeFirstOrThrow()) as LicenseTypeRow;
    const org = (await t.db.selectFrom('org').select(['id', 'name', 'credit_code', 'region_code']).where('key', '=', 'scjgj').executeTakeFirstOrThrow());
    const entity = world.entities.find((e) => e.username === 'company')!;
    const license = await t.db.transaction().execute((trx) =>
      issueLicenseInTrx(trx, keyVaultFromEnv(os.tmpdir()), {
        type,
        holder: { kind: 'entity', name: entity.entityName, code: entity.creditCode, codeType: 'credit_code', accountId: null },
        issuer: { orgId: org.id, name: org.name, code: org.credit_code, regionCode: org.region_code },
        face: { name: entity.entityName },
        issuedAt: new Date(),
        validFrom: '2024-01-01',
        validUntil: null,
        implCode: null,
        caseId: null,
        source: 'legacy',
        actor: { id: null, name: '系统（存量证照）' },
      }),
    );
    const withLicense = await submit(company, { ...base, materials: [{ code: m.code, licenseRef: license.ref }] });
    expect(withLicense.statusCode, withLicense.body).toBe(201);
    expect(withLicense.json().materials).toEqual([]);
    expect(withLicense.json().licensedMaterials).toEqual([expect.objectContaining({ code: m.code, licenseRef: license.ref })]);
  });
});
