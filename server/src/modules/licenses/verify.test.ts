import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import os from 'node:os';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { compactVerify, createLocalJWKSet } from 'jose';
import { buildApp } from '../../app.ts';
import { localFileStore } from '../../platform/files/file-store.ts';
import { connect } from '../../platform/db/db.ts';
import { keyVaultFromEnv } from '../../platform/crypto/index.ts';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import type { App } from '../../platform/http/server.ts';
import { issueLicenseInTrx, type LicenseTypeRow } from './issue.ts';
import { createLicenseRowCache, forgetLicenseLocally } from './verification-cache.ts';
import { createVerificationLog, sm2MemoSize, sm2VerifyMemo, verifyLicense, type OfflinePayload } from './verify.ts';

let t: TestApp;
/** A second server instance on the same database, with its own verification cache. */
let other: App;
let reviewer: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  other = (await buildApp({ db: t.db, databaseUrl: t.url, store: localFileStore(inject('filesDir')), logger: false, publicUrl: 'https://tongban.example.gov.cn' })).app;
  reviewer = await loginAs(t.app, 'reviewer'); // 泰州市市场监督管理局: issues the demo company's 营业执照
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

/** Until `check` holds (notifications arrive at commit, a moment later on another instance); false after 3 s. */
const eventually = (check: () => Promise<boolean>) =>
  vi.waitFor(async () => {
    if (!(await check())) throw new Error('not yet');
  }, { timeout: 3000, interval: 25 }).then(() => true, () => false);

const verification = async (app: App, ref: string) => (await app.inject({ method: 'GET', url: `/api/v1/public/licenses/${ref}/verification` })).json();
const act = (ref: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/licenses/${ref}/actions`, headers: reviewer.headers, payload: body });

/** A fresh 营业执照 like the demo company's, sealed through the real issuing code. */
async function issueBusinessLicense(dates: { validFrom: string; validUntil: string | null } = { validFrom: '2026-01-01', validUntil: null }): Promise<string> {
  const vault = keyVaultFromEnv(os.tmpdir());
  const model = await t.db.selectFrom('license').selectAll().where('type_name', '=', '营业执照').where('source', '=', 'legacy').executeTakeFirstOrThrow();
  return t.db.transaction().execute(async (trx) => {
    const type = (await trx.selectFrom('license_type').selectAll().where('code', '=', model.type_code).executeTakeFirstOrThrow()) as LicenseTypeRow;
    const issued = await issueLicenseInTrx(trx, vault, {
      type,
      holder: { kind: model.holder_kind, name: model.holder_name, code: model.holder_code, codeType: model.holder_code_type, accountId: null },
      issuer: { orgId: model.issuer_org_id, name: model.issuer_name, code: model.issuer_code, regionCode: model.region_code },
      face: model.face as Record<string, string>,
      issuedAt: new Date(),
      ...dates,
      implCode: null,
      caseId: null,
      source: 'legacy',
      actor: { id: null, name: '测试' },
    });
    return issued.ref;
  });
}

const logCount = async (ref: string) => Number((await t.db.selectFrom('license_verification').select((eb) => eb.fn.countAll<number>().as('n')).where('ref', '=', ref).executeTakeFirstOrThrow()).n);

describe('cached verification across instances', () => {
  it('a revocation is seen at once on the instance that made it and shortly on another', async () => {
    const ref = await issueBusinessLicense();
    // Warm both caches.
    for (const app of [t.app, other, t.app, other]) expect(await verification(app, ref)).toMatchObject({ valid: true, status: 'valid' });
    const suspended = await act(ref, { action: 'suspend', reason: '经营场所正在接受消防整改' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(await verification(t.app, ref)).toMatchObject({ valid: false, status: 'suspended', checks: { status: false, signature: true } });
    expect(await eventually(async () => (await verification(other, ref)).status === 'suspended')).toBe(true);
    expect((await act(ref, { action: 'reinstate', reason: '整改完成，复查合格' })).statusCode).toBe(200);
    expect((await verification(t.app, ref)).valid).toBe(true);
    expect(await eventually(async () => (await verification(other, ref)).valid === true)).toBe(true);
    expect((await act(ref, { action: 'revoke', reason: '申请人以欺骗手段取得登记' })).statusCode).toBe(200);
    expect(await verification(t.app, ref)).toMatchObject({ valid: false, status: 'revoked' });
    expect(await eventually(async () => (await verification(other, ref)).status === 'revoked')).toBe(true);
  });

  it('an expired license is not valid, with only the validity check failing', async () => {
    const ref = await issueBusinessLicense({ validFrom: '2020-01-01', validUntil: '2024-12-31' });
    expect(await verification(t.app, ref)).toMatchObject({ valid: false, status: 'valid', validUntil: '2024-12-31', checks: { signature: true, identifier: true, status: true, validity: false } });
  });

  it('a row changed by hand-written SQL after it was cached fails the signature check on every instance', async () => {
    const ref = await issueBusinessLicense();
    for (const app of [t.app, other]) expect((await verification(app, ref)).checks.signature).toBe(true);
    await sql`update license set face = jsonb_set(face, '{businessScope}', '"日用百货、烟草制品零售"') where ref = ${ref}`.execute(t.db);
    for (const app of [t.app, other]) {
      expect(await eventually(async () => (await verification(app, ref)).checks.signature === false)).toBe(true);
      expect((await verification(app, ref)).valid).toBe(false);
    }
  });

  it('an unknown reference is a 404, logged, and never stored in the cache', async () => {
    const cache = createLicenseRowCache(t.db, t.url);
    try {
      expect(await eventually(async () => cache.listening)).toBe(true);
      for (let i = 0; i < 50; i++) expect(await cache.get(`made-up-${i}`)).toBeUndefined();
      expect(cache.size).toBe(0);
      const ref = await issueBusinessLicense();
      expect((await cache.get(ref))?.ref).toBe(ref);
      expect(cache.size).toBe(1);
      // A lifecycle action on this instance drops it synchronously, before any notification could arrive.
      forgetLicenseLocally(ref);
      expect(cache.has(ref)).toBe(false);
    } finally {
      await cache.close();
    }
    const r = await other.inject({ method: 'GET', url: '/api/v1/public/licenses/no-such-license-here/verification' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('LICENSE_NOT_FOUND');
    expect(await eventually(async () => (await logCount('no-such-license-here')) === 1)).toBe(true);
  });

  it('falls back to the database while its listening connection is lost', async () => {
    const cache = createLicenseRowCache(t.db, t.url);
    try {
      expect(await eventually(async () => cache.listening)).toBe(true);
      const ref = await issueBusinessLicense();
      expect((await cache.get(ref))?.status).toBe('valid');
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tongban-licenses-listen' and datname = current_database()`.execute(t.db);
      expect(await eventually(async () => !cache.listening)).toBe(true);
      await t.db.updateTable('license').set({ status: 'suspended' }).where('ref', '=', ref).execute();
      expect((await cache.get(ref))?.status).toBe('suspended');
      expect(await eventually(async () => cache.listening)).toBe(true);
    } finally {
      await cache.close();
    }
  });
});

describe('verification for other modules', () => {
  it('with a plain database handle: no cache, the row read and the log written at once', async () => {
    const ref = await issueBusinessLicense();
    const v = await verifyLicense(t.db, ref, 'department:test', '127.0.0.1');
    expect(v).toMatchObject({ valid: true, checks: { signature: true, identifier: true, status: true, validity: true } });
    expect(await logCount(ref)).toBe(1);
    await expect(verifyLicense(t.db, 'no-such-ref-either', 'department:test', null)).rejects.toMatchObject({ code: 'LICENSE_NOT_FOUND' });
    expect(await logCount('no-such-ref-either')).toBe(1);
  });
});

describe('the SM2 memo', () => {
  it('verifies each distinct (bytes, signature, key) once and tells a changed input apart', async () => {
    const ref = await issueBusinessLicense();
    const row = await t.db.selectFrom('license').innerJoin('seal_key', 'seal_key.id', 'license.seal_key_id').select(['signed_data', 'signature', 'public_key_hex']).where('ref', '=', ref).executeTakeFirstOrThrow();
    const before = sm2MemoSize();
    expect(await sm2VerifyMemo(row.signed_data, row.signature, row.public_key_hex)).toBe(true);
    expect(await sm2VerifyMemo(row.signed_data, row.signature, row.public_key_hex)).toBe(true);
    expect(sm2MemoSize()).toBe(before + 1);
    expect(await sm2VerifyMemo(row.signed_data.replace('日用百货', '日用白货'), row.signature, row.public_key_hex)).toBe(false);
    const sig = Buffer.from(row.signature);
    sig[sig.length - 1]! ^= 1;
    expect(await sm2VerifyMemo(row.signed_data, sig, row.public_key_hex)).toBe(false);
    expect(sm2MemoSize()).toBe(before + 3);
  });
});

describe('the verification log', () => {
  it('writes rows in one batch when the interval passes or the batch fills, and everything on close', async () => {
    const ref = `log-test-${Date.now()}`;
    const log = createVerificationLog(t.db, { flushMs: 60_000, batch: 5 });
    for (let i = 0; i < 4; i++) await log.add({ licenseId: null, ref, channel: 'test', valid: false, ip: null });
    expect(log.pending).toBe(4);
    expect(await logCount(ref)).toBe(0);
    await log.add({ licenseId: null, ref, channel: 'test', valid: false, ip: null }); // the fifth fills the batch
    expect(await eventually(async () => (await logCount(ref)) === 5)).toBe(true);
    for (let i = 0; i < 3; i++) await log.add({ licenseId: null, ref, channel: 'test', valid: false, ip: null });
    await log.close();
    expect(await logCount(ref)).toBe(8);
    await log.add({ licenseId: null, ref, channel: 'test', valid: false, ip: null }); // after close: written at once
    expect(await logCount(ref)).toBe(9);
  });

  it('never loses a row on a clean shutdown of the app', async () => {
    const app = (await buildApp({ db: t.db, databaseUrl: t.url, store: localFileStore(inject('filesDir')), logger: false })).app;
    const ref = await issueBusinessLicense();
    for (let i = 0; i < 7; i++) expect((await app.inject({ method: 'GET', url: `/api/v1/public/licenses/${ref}/verification` })).statusCode).toBe(200);
    await app.close();
    expect(await logCount(ref)).toBe(7);
  });

  it('is bounded: when the database takes nothing, a full buffer refuses with a 503 instead of answering unlogged', async () => {
    const down = connect('postgres://nobody:x@127.0.0.1:1/none', { max: 1 });
    try {
      const log = createVerificationLog(down.db, { flushMs: 60_000, batch: 1000, maxPending: 3 });
      for (let i = 0; i < 3; i++) await log.add({ licenseId: null, ref: 'r', channel: 'test', valid: false, ip: null });
      await expect(log.add({ licenseId: null, ref: 'r', channel: 'test', valid: false, ip: null })).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
      expect(log.pending).toBe(3);
    } finally {
      await down.close();
    }
  });
});

describe('QR code and offline payload', () => {
  let ref: string;
  beforeAll(async () => {
    ref = await issueBusinessLicense();
  });

  it('the offline payload verifies against the published JWKS alone; a tampered payload fails', async () => {
    const off = await other.inject({ method: 'GET', url: `/api/v1/public/licenses/${ref}/offline` });
    expect(off.statusCode).toBe(200);
    const { jws, jwksUrl } = off.json() as { jws: string; jwksUrl: string };
    expect(jwksUrl).toBe('https://tongban.example.gov.cn/.well-known/jwks.json');
    // An offline verifier holds a copy of the key set fetched earlier; nothing else.
    const jwks = createLocalJWKSet((await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json());
    const { payload, protectedHeader } = await compactVerify(jws, jwks, { algorithms: ['ES256'] });
    expect(protectedHeader.alg).toBe('ES256');
    expect(typeof protectedHeader.kid).toBe('string');
    const p = JSON.parse(new TextDecoder().decode(payload)) as OfflinePayload;
    const row = await t.db.selectFrom('license').selectAll().where('ref', '=', ref).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ ref, id: row.identifier, t: '营业执照', h: row.holder_name, iss: row.issuer_name, vu: null });
    expect(p.ia).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Math.abs(p.iat - Date.now() / 1000)).toBeLessThan(60);

    const [h, body, sig] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ ...p, h: '别的公司' })).toString('base64url');
    await expect(compactVerify(`${h}.${forged}.${sig}`, jwks)).rejects.toThrow();
    await expect(compactVerify(`${h}.${body}.${sig!.slice(0, -2)}AA`, jwks)).rejects.toThrow();
  });

  it('the QR code links to the public page with the payload in the fragment, sparse enough for a phone', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/public/licenses/${ref}/qr.svg`, headers: { host: 'portal.test:8080' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('image/svg+xml');
    expect(r.headers['cache-control']).toContain('public');
    expect(r.body).toMatch(/^<svg[^>]+viewBox="0 0 (\d+) \1"/);
    const modules = Number(/viewBox="0 0 (\d+)/.exec(r.body)![1]) - 2; // one-module margin each side
    const { jws } = (await t.app.inject({ method: 'GET', url: `/api/v1/public/licenses/${ref}/offline`, headers: { host: 'portal.test:8080' } })).json() as { jws: string };
    const link = `http://portal.test:8080/licenses/verify/${ref}#${jws}`;
    const symbol = QRCode.create(link, { errorCorrectionLevel: 'M' });
    expect(modules).toBe(symbol.modules.size); // the same link (a fresh signature each time, the same length)
    expect(symbol.version).toBeLessThanOrEqual(20); // ≤ 97 modules: readable from a printed 4.5 cm code or a screen
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/licenses/nope-nope/qr.svg' })).statusCode).toBe(404);
  });
});
