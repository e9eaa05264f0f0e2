import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { keyVaultFromEnv, loadSm2 } from '../../platform/crypto/index.ts';
import { isValidLicenseIdentifier } from '../../platform/codes/index.ts';
import { SLICE_ITEM_IMPL_CODE, buildWorld } from '../../seed/world/index.ts';
import { registerLicenseHandlers } from './handlers.ts';
import { issueFromCase } from './service.ts';
import type { LicenseDeps } from './issue.ts';

let t: TestApp;
let deps: LicenseDeps;
let citizen: Session, other: Session, clerk: Session, reviewer: Session, company: Session;

beforeAll(async () => {
  t = await createTestApp();
  deps = { db: t.db, vault: keyVaultFromEnv(os.tmpdir()) };
  [citizen, other, clerk, reviewer, company] = await Promise.all(['citizen', 'resident01', 'clerk', 'reviewer', 'company'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t?.close());

type Item = { form: Parameters<typeof fillForm>[0]; materials: Array<{ code: string; necessity: string; obtainable?: boolean }> };
const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });
const licenseAct = (s: Session, ref: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/licenses/${ref}/actions`, headers: s.headers, payload: body });

/** A 个体工商户设立登记 by the citizen, accepted and granted (electronic delivery closes it at once). */
async function grantedCase(): Promise<{ id: string }> {
  const item: Item = (await get(null, `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}`)).json();
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
  const form = { ...fillForm(item.form), businessName: '泰州市海陵区小李便利店', businessScope: '日用百货零售' };
  const c = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode: SLICE_ITEM_IMPL_CODE, form, materials } })).json();
  const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
  const d = await act(reviewer, c.id, { action: 'decide', version: a.version, decision: 'grant' });
  expect(d.json().state).toBe('closed');
  return c;
}

/** Run the job the way pg-boss would: the handler registered for the topic, with the event the case wrote. */
async function runClosedJob(caseId: string, times = 1, topic = 'case.closed') {
  const handlers: Array<(e: any) => Promise<void>> = [];
  registerLicenseHandlers({ on: (on, h) => on === topic && handlers.push(h) }, deps);
  const ev = await t.db.selectFrom('outbox_event').selectAll().where('topic', '=', topic).where(sql<string>`payload->>'caseId'`, '=', caseId).executeTakeFirstOrThrow();
  for (let i = 0; i < times; i++) await Promise.all(handlers.map((h) => h({ id: ev.id, topic: ev.topic, payload: ev.payload, createdAt: ev.created_at.toISOString() })));
}

async function myLicenseFor(caseId: string) {
  const list = (await get(citizen, '/api/v1/me/licenses')).json().licenses as Array<{ ref: string; identifier: string; status: string; typeName: string }>;
  const refs = await t.db.selectFrom('license').select('ref').where('case_id', '=', caseId).execute();
  return list.filter((l) => refs.some((r) => r.ref === l.ref));
}

describe('issuing on closing', () => {
  it('a granted case yields one sealed license in the holder’s wallet, however often the job runs', async () => {
    const c = await grantedCase();
    expect(await myLicenseFor(c.id)).toHaveLength(0);
    await runClosedJob(c.id, 3);
    const mine = await myLicenseFor(c.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.typeName).toBe('营业执照');
    expect(mine[0]!.status).toBe('valid');
    expect(isValidLicenseIdentifier(mine[0]!.identifier)).toBe(true);
    expect(mine[0]!.identifier.startsWith('1.2.156.3005.2.')).toBe(true);

    const detail = (await get(citizen, `/api/v1/me/licenses/${mine[0]!.ref}`)).json();
    expect(detail.face.find((f: { key: string }) => f.key === 'name').value).toBe('泰州市海陵区小李便利店');
    expect(detail.face.find((f: { key: string }) => f.key === 'businessScope').value).toBe('日用百货零售');
    expect(detail.face.map((f: { key: string }) => f.key).slice(0, 2)).toEqual(['name', 'representative']); // the type's order; the empty credit code is left off
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['issued']);
    // Nobody else sees it in their wallet, and a guessed reference is simply not found.
    expect((await get(other, `/api/v1/me/licenses/${mine[0]!.ref}`)).statusCode).toBe(404);
  });

  it('a refused case or an item without a license type issues nothing', async () => {
    expect(await issueFromCase(deps, randomUUID())).toBeUndefined();
  });
});

describe('verification by anyone', () => {
  let ref: string;
  beforeAll(async () => {
    const c = await grantedCase();
    await runClosedJob(c.id);
    ref = (await myLicenseFor(c.id))[0]!.ref;
  });

  it('is valid with every check passing, holder masked, and each verification logged', async () => {
    const before = await t.db.selectFrom('license_verification').select((eb) => eb.fn.countAll<number>().as('n')).where('ref', '=', ref).executeTakeFirstOrThrow();
    const v = await get(null, `/api/v1/public/licenses/${ref}/verification`);
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ valid: true, status: 'valid', checks: { signature: true, identifier: true, status: true, validity: true } });
    expect(v.json().holder).toMatch(/^.\*+$/);
    expect(v.json().holderCode).toContain('*');
    // Logged in batches (verify.ts): the row is written within a flush interval.
    const count = async () => Number((await t.db.selectFrom('license_verification').select((eb) => eb.fn.countAll<number>().as('n')).where('ref', '=', ref).executeTakeFirstOrThrow()).n);
    await expect.poll(count, { timeout: 3000 }).toBe(Number(before.n) + 1);
  });

  it('an unknown reference is a clear 404, logged as such', async () => {
    const r = await get(null, '/api/v1/public/licenses/not-a-real-reference/verification');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('LICENSE_NOT_FOUND');
    await expect.poll(() => t.db.selectFrom('license_verification').select('valid').where('ref', '=', 'not-a-real-reference').execute(), { timeout: 3000 }).toEqual([{ valid: false }]);
  });

  it('openssl verifies the published signature independently; one changed byte fails', async () => {
    const s = (await get(null, `/api/v1/public/licenses/${ref}/signature`)).json();
    expect(s.alg).toBe('SM2-with-SM3');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lic-sig-'));
    try {
      fs.writeFileSync(path.join(dir, 'data'), Buffer.from(s.signedData, 'base64'));
      fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(s.signature, 'base64'));
      fs.writeFileSync(path.join(dir, 'pub.pem'), s.publicKeyPem);
      const verify = () => execFileSync('openssl', ['pkeyutl', '-verify', '-in', path.join(dir, 'data'), '-rawin', '-digest', 'sm3', '-pubin', '-inkey', path.join(dir, 'pub.pem'), '-sigfile', path.join(dir, 'sig'), '-pkeyopt', `distid:${s.userId}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(verify()).toContain('Signature Verified Successfully');
      const data = Buffer.from(s.signedData, 'base64');
      data[data.indexOf(Buffer.from('日用百货'))] ^= 1;
      fs.writeFileSync(path.join(dir, 'data'), data);
      expect(verify).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a face changed in the register after sealing fails the signature check', async () => {
    const c = await grantedCase();
    await runClosedJob(c.id);
    const other = (await myLicenseFor(c.id))[0]!.ref;
    await sql`update license set face = jsonb_set(face, '{businessScope}', '"日用百货零售、烟草制品"') where ref = ${other}`.execute(t.db);
    const v = (await get(null, `/api/v1/public/licenses/${other}/verification`)).json();
    expect(v.valid).toBe(false);
    expect(v.checks).toEqual({ signature: false, identifier: true, status: true, validity: true });
    const row = await t.db.selectFrom('license').innerJoin('seal_key', 'seal_key.id', 'license.seal_key_id').select(['signed_data', 'signature', 'public_key_hex']).where('ref', '=', other).executeTakeFirstOrThrow();
    expect((await loadSm2()).verify(Buffer.from(row.signed_data), row.signature, row.public_key_hex)).toBe(true); // what was signed still verifies
  });
});

describe('lifecycle', () => {
  let ref: string;
  beforeAll(async () => {
    const c = await grantedCase();
    await runClosedJob(c.id);
    ref = (await myLicenseFor(c.id))[0]!.ref;
  });
  const verification = async (r = ref) => (await get(null, `/api/v1/public/licenses/${r}/verification`)).json();

  it('only the issuing department changes it, with a specific reason', async () => {
    expect((await licenseAct(citizen, ref, { action: 'revoke', reason: '以欺骗手段取得许可' })).statusCode).toBe(403);
    const noReason = await licenseAct(reviewer, ref, { action: 'suspend' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
  });

  it('suspend → the page says so; reinstate → valid again; annotate keeps the seal valid', async () => {
    expect((await licenseAct(reviewer, ref, { action: 'suspend', reason: '经营场所正在接受消防整改' })).json().status).toBe('suspended');
    expect(await verification()).toMatchObject({ valid: false, status: 'suspended', checks: { signature: true, status: false } });
    expect((await licenseAct(reviewer, ref, { action: 'reinstate', reason: '整改完成，复查合格' })).json().status).toBe('valid');
    const annotated = await licenseAct(reviewer, ref, { action: 'annotate', text: '2026年11月经营场所门牌号变更为青年南路90号' });
    expect(annotated.json().annotations, annotated.body).toHaveLength(1);
    expect(await verification()).toMatchObject({ valid: true, annotations: [{ text: '2026年11月经营场所门牌号变更为青年南路90号' }] });
  });

  it('re-issue makes a new sealed version; the old one says it was replaced', async () => {
    const r = await licenseAct(reviewer, ref, { action: 'reissue', reason: '经营范围变更', face: { businessScope: '日用百货零售、预包装食品销售' } });
    expect(r.statusCode, r.body).toBe(200);
    const next = r.json();
    expect(next.version).toBe(2);
    expect(next.ref).not.toBe(ref);
    expect(next.identifier.split('.').at(-2)).toBe('002');
    expect(await verification()).toMatchObject({ valid: false, status: 'superseded' });
    expect(await verification(next.ref)).toMatchObject({ valid: true, checks: { signature: true } });
    expect((await licenseAct(reviewer, next.ref, { action: 'reissue', reason: '测试原因', face: { nonsense: 'x' } })).statusCode).toBe(400);
    const revoked = await licenseAct(reviewer, next.ref, { action: 'revoke', reason: '申请人以欺骗手段取得许可（行政许可法第六十九条）' });
    expect(revoked.json().status).toBe('revoked');
    expect(await verification(next.ref)).toMatchObject({ valid: false, status: 'revoked' });
    expect((await licenseAct(reviewer, next.ref, { action: 'reinstate', reason: '误操作恢复' })).statusCode).toBe(409);
  });
});

describe('告知承诺 found false', () => {
  it('revokes the license the grant produced, and the public page says so', async () => {
    const implCode = buildWorld().items.find((x) => x.orgKey === 'scjgj' && x.name === '食品经营许可（新办）')!.implCode;
    const item: Item = (await get(null, `/api/v1/public/items/${implCode}`)).json();
    const materials = [];
    for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const c = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode, form: fillForm(item.form), materials, commitment: { accepted: true, signedName: '李明' } } })).json();
    const closed = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    expect(closed.state).toBe('closed');
    await runClosedJob(c.id);
    const [lic] = await myLicenseFor(c.id);
    expect(lic!.typeName).toBe('食品经营许可证');
    const r = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: { cookie: reviewer.cookie } })).json();
    const reason = '现场核查发现经营场所未设置专间，冷食类食品制售不符合承诺的条件';
    expect((await act(reviewer, c.id, { action: 'verify', version: r.version, outcome: 'false_commitment', reason })).statusCode).toBe(200);
    await runClosedJob(c.id, 2, 'case.verified');
    const v = (await get(null, `/api/v1/public/licenses/${lic!.ref}/verification`)).json();
    expect(v).toMatchObject({ valid: false, status: 'revoked', checks: { signature: true, status: false } });
    const history = (await get(citizen, `/api/v1/me/licenses/${lic!.ref}`)).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['issued', 'revoked']);
    expect(history[1].reason).toContain(reason);
  });
});

describe('wallet and department lookups', () => {
  it('the demo company holds its business license (digitised) and the seal over it verifies', async () => {
    const list = (await get(company, '/api/v1/me/licenses')).json().licenses;
    const bl = list.find((l: { typeName: string }) => l.typeName === '营业执照');
    expect(bl).toBeDefined();
    expect((await get(null, `/api/v1/public/licenses/${bl.ref}/verification`)).json().valid).toBe(true);
  });

  it('a department looks a holder up, and the lookup is logged with who asked; applicants may not', async () => {
    const code = (await t.db.selectFrom('license').select('holder_code').where('holder_code_type', '=', 'credit_code').executeTakeFirstOrThrow()).holder_code;
    const r = await get(clerk, `/api/v1/licenses?holderCode=${code}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().licenses.length).toBeGreaterThan(0);
    const logged = await t.db.selectFrom('license_verification').select('channel').where('channel', '=', 'department:clerk').execute();
    expect(logged.length).toBeGreaterThan(0);
    expect((await get(citizen, `/api/v1/licenses?holderCode=${code}`)).statusCode).toBe(403);
    const bad = await get(clerk, '/api/v1/licenses?holderCode=12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('HOLDER_CODE_INVALID');
  });
});

describe('license types and seals', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await loginAs(t.app, 'admin');
  });

  it('a type code must carry a valid credit code; face sources must be known', async () => {
    const org = (await t.db.selectFrom('org').select('id').where('key', '=', 'scjgj').executeTakeFirstOrThrow()).id;
    const body = { code: '123456789012345678001', name: '测试证', orgId: org, holderKind: 'entity', faceFields: [], validity: {}, implCodes: [], numberPrefix: 'T' };
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/license-types', headers: admin.headers, payload: body });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('LICENSE_TYPE_CODE_INVALID');
    const existing = (await get(admin, '/api/v1/license-types')).json().types[0];
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/license-types', headers: admin.headers, payload: { ...body, code: existing.code } });
    expect(dup.statusCode).toBe(409);
    const badSource = await t.app.inject({ method: 'PUT', url: `/api/v1/license-types/${existing.code}`, headers: admin.headers, payload: { ...body, code: existing.code, faceFields: [{ key: 'x', label: '某项', from: 'form.a|nowhere' }] } });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.json().error.code).toBe('FACE_FIELD_INVALID');
  });

  it('rotating a seal key keeps licenses sealed with the old key valid; new licenses use the new key', async () => {
    const c1 = await grantedCase();
    await runClosedJob(c1.id);
    const old = (await myLicenseFor(c1.id))[0]!.ref;
    const sealId = (await t.db.selectFrom('license').innerJoin('seal_key', 'seal_key.id', 'license.seal_key_id').select('seal_key.seal_id').where('ref', '=', old).executeTakeFirstOrThrow()).seal_id;
    const rot = await t.app.inject({ method: 'POST', url: `/api/v1/seals/${sealId}/rotate`, headers: admin.headers });
    expect(rot.statusCode).toBe(200);
    const c2 = await grantedCase();
    await runClosedJob(c2.id);
    const fresh = (await myLicenseFor(c2.id))[0]!.ref;
    const keyOf = async (r: string) => (await t.db.selectFrom('license').select('seal_key_id').where('ref', '=', r).executeTakeFirstOrThrow()).seal_key_id;
    expect(await keyOf(fresh)).toBe(rot.json().keyId);
    expect(await keyOf(old)).not.toBe(rot.json().keyId);
    expect((await get(null, `/api/v1/public/licenses/${old}/verification`)).json().valid).toBe(true);
    expect((await get(null, `/api/v1/public/licenses/${fresh}/verification`)).json().valid).toBe(true);
    const seals = (await get(admin, '/api/v1/seals')).json().seals;
    expect(JSON.stringify(seals)).not.toMatch(/private|sealed/i);
  });
});

describe('a change registration', () => {
  it('re-issues the license the holder has as a new version, instead of a second license', async () => {
    const first = await grantedCase();
    await runClosedJob(first.id);
    const [v1] = await myLicenseFor(first.id);
    const changeItem = buildWorld().items.find((x) => x.orgKey === 'scjgj' && x.name === '个体工商户变更登记')!.implCode;
    const item: Item = (await get(null, `/api/v1/public/items/${changeItem}`)).json();
    const materials = [];
    for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const c = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode: changeItem, form: fillForm(item.form), materials } })).json();
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    expect((await act(reviewer, c.id, { action: 'decide', version: a.version, decision: 'grant' })).json().state).toBe('closed');
    // Another 营业执照 may already be held from the seeded history: the newest from this issuer is the one changed.
    const newestBefore = await t.db.selectFrom('license').select(['id', 'serial', 'number']).where('holder_code', '=', (await t.db.selectFrom('license').select('holder_code').where('ref', '=', v1!.ref).executeTakeFirstOrThrow()).holder_code).where('type_name', '=', '营业执照').where('status', '=', 'valid').orderBy('issued_at', 'desc').executeTakeFirstOrThrow();
    await runClosedJob(c.id, 2);
    const v2 = await t.db.selectFrom('license').select(['ref', 'version', 'serial', 'number', 'previous_id', 'status']).where('case_id', '=', c.id).execute();
    expect(v2).toHaveLength(1);
    expect(v2[0]).toMatchObject({ previous_id: newestBefore.id, serial: newestBefore.serial, number: newestBefore.number, status: 'valid' });
    expect((await t.db.selectFrom('license').select('status').where('id', '=', newestBefore.id).executeTakeFirstOrThrow()).status).toBe('superseded');
    expect((await get(null, `/api/v1/public/licenses/${v2[0]!.ref}/verification`)).json()).toMatchObject({ valid: true });
  });

  it('keeps the first issue’s dates and term: a company’s change keeps 成立日期 and its term, takes the new name', async () => {
    const before = (await get(company, '/api/v1/me/licenses')).json().licenses.find((l: { typeName: string }) => l.typeName === '营业执照');
    const held = (await get(company, `/api/v1/me/licenses/${before.ref}`)).json();
    const changeItem = buildWorld().items.find((x) => x.orgKey === 'scjgj' && x.name === '有限责任公司变更登记')!.implCode;
    const item: Item = (await get(null, `/api/v1/public/items/${changeItem}`)).json();
    const materials = [];
    for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, company)).id });
    const form = { ...fillForm(item.form), entityName: '泰州市海陵区味之源餐饮连锁有限公司' };
    const c = (await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...company.headers, 'idempotency-key': randomUUID() }, payload: { implCode: changeItem, form, materials } })).json();
    expect(c.id, JSON.stringify(c)).toBeDefined();
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    expect((await act(reviewer, c.id, { action: 'decide', version: a.version, decision: 'grant' })).json().state).toBe('closed');
    await runClosedJob(c.id);
    const after = (await get(company, '/api/v1/me/licenses')).json().licenses.filter((l: { typeName: string }) => l.typeName === '营业执照');
    expect(after).toHaveLength(1); // the old version is no longer in the wallet
    const v2 = (await get(company, `/api/v1/me/licenses/${after[0].ref}`)).json();
    const face = (d: { face: Array<{ key: string; value: string }> }) => Object.fromEntries(d.face.map((f) => [f.key, f.value]));
    expect(v2).toMatchObject({ version: held.version + 1, number: held.number, validUntil: held.validUntil });
    expect(face(v2).registeredOn).toBe(face(held).registeredOn);
    expect(face(v2).name).toBe('泰州市海陵区味之源餐饮连锁有限公司');
  });
});

describe('bad input is a clear 4xx, never a 500', () => {
  it('for verification, lookups, actions, types, seals and imports', async () => {
    const admin = await loginAs(t.app, 'admin');
    const org = (await t.db.selectFrom('org').select('id').where('key', '=', 'scjgj').executeTakeFirstOrThrow()).id;
    const type = (await t.db.selectFrom('license_type').selectAll().executeTakeFirstOrThrow());
    const ref = (await t.db.selectFrom('license').select('ref').executeTakeFirstOrThrow()).ref;
    const cases: Array<[string, Awaited<ReturnType<typeof get>>, number]> = [
      ['reference too long', await get(null, `/api/v1/public/licenses/${'x'.repeat(200)}/verification`), 414],
      ['malformed address', await get(null, '/api/v1/public/licenses/%E0%A4%A/verification'), 400],
      ['odd characters in a reference', await get(null, `/api/v1/public/licenses/${encodeURIComponent('a b/../c')}/verification`), 404],
      ['signature of an unknown reference', await get(null, '/api/v1/public/licenses/nope/signature'), 404],
      ['holder code missing', await get(clerk, '/api/v1/licenses?holderCode='), 400],
      ['unknown action', await licenseAct(reviewer, ref, { action: 'burn', reason: '测试原因' }), 400],
      ['annotation without text', await licenseAct(admin, ref, { action: 'annotate', text: '  ' }), 400],
      ['action on an unknown license', await licenseAct(reviewer, 'nope', { action: 'suspend', reason: '测试原因四字' }), 404],
      ['type that does not exist', await t.app.inject({ method: 'PUT', url: '/api/v1/license-types/11100000000000019F999', headers: admin.headers, payload: { code: '11100000000000019F999', name: '某证', orgId: org, holderKind: 'person', faceFields: [], validity: {}, implCodes: [], numberPrefix: 'X' } }), 404],
      ['type body not matching the schema', await t.app.inject({ method: 'POST', url: '/api/v1/license-types', headers: admin.headers, payload: { code: type.code } }), 400],
      ['seal ending before it starts', await t.app.inject({ method: 'POST', url: '/api/v1/seals', headers: admin.headers, payload: { orgId: org, name: '测试章', validFrom: '2026-01-01', validUntil: '2025-01-01' } }), 400],
      ['seal rotation of an unknown seal', await t.app.inject({ method: 'POST', url: `/api/v1/seals/${randomUUID()}/rotate`, headers: admin.headers }), 404],
      ['import without a file', await t.app.inject({ method: 'POST', url: '/api/v1/license-imports', headers: { ...admin.headers, 'content-type': 'application/json' }, payload: {} }), 400],
    ];
    for (const [what, res, status] of cases) {
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json().error?.message, what).toBeTruthy();
    }
  });
});
