import { createPrivateKey, randomBytes } from 'node:crypto';
import { CompactSign, compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/db.ts';
import { createHttpServer, type App } from '../http/server.ts';
import type { Db } from '../db/db.ts';
import { createJwsKeys, jwksRoute } from './jws.ts';
import { createKeyVault, keyVaultFromEnv } from './vault.ts';

let db: Db;
let drop: () => Promise<void>;
const vault = keyVaultFromEnv('/nonexistent'); // MASTER_KEY is set by the test global setup
beforeAll(async () => {
  const h = await createTestDatabase('tongban_empty');
  db = h.db;
  drop = h.drop;
});
afterAll(() => drop?.());

const kidOf = (jws: string) => decodeProtectedHeader(jws).kid;
/** Change one character of the payload part of a compact JWS. */
const tamper = (jws: string) => {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const i = Math.floor(p.length / 2);
  return `${h}.${p.slice(0, i)}${p[i] === 'A' ? 'B' : 'A'}${p.slice(i + 1)}.${s}`;
};

describe('JWS keys', () => {
  it('two instances starting together make one key; sign → verify round-trips', async () => {
    const a = createJwsKeys(db, vault);
    const b = createJwsKeys(db, vault);
    const [ta, tb] = await Promise.all([a.sign({ ref: 'x1', n: 1 }), b.sign({ ref: 'x2', 中文: '营业执照' })]);
    expect(kidOf(ta)).toBe(kidOf(tb));
    expect(await db.selectFrom('signing_key').select('kid').execute()).toHaveLength(1);
    expect(decodeProtectedHeader(ta).alg).toBe('ES256');
    expect(await b.verify(ta)).toEqual({ ref: 'x1', n: 1 });
    expect(await a.verify(tb)).toEqual({ ref: 'x2', 中文: '营业执照' });
  });

  it('stores the private key sealed, never in the clear', async () => {
    const row = await db.selectFrom('signing_key').selectAll().executeTakeFirstOrThrow();
    expect(row.private_sealed).toMatch(/^v1\./);
    expect(row.public_jwk).not.toHaveProperty('d');
    const privateJwk = JSON.parse(vault.open(row.private_sealed).toString('utf8'));
    expect(privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', x: row.public_jwk.x });
    expect(typeof privateJwk.d).toBe('string');
    const keys = createJwsKeys(db, vault);
    expect(JSON.stringify(await keys.jwks())).not.toContain(privateJwk.d);
  });

  it('returns null, never throws, for tampered, garbage and unknown-kid tokens', async () => {
    const keys = createJwsKeys(db, vault);
    const token = await keys.sign({ ref: 'abc' });
    expect(await keys.verify(tamper(token))).toBeNull();
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(await keys.verify(`${h}.${p}.${s.slice(0, -2)}AA`)).toBeNull();
    for (const garbage of ['', 'a.b.c', 'not a token', `${h}.${p}`, '...', 'x'.repeat(20_000)]) expect(await keys.verify(garbage)).toBeNull();
    // A token by a key the platform does not hold, with a kid it does not know.
    const other = createJwsKeys(await otherDb(), createKeyVault(randomBytes(32)));
    expect(await keys.verify(await other.sign({ ref: 'abc' }))).toBeNull();
    // A JSON payload that is not an object.
    const row = await db.selectFrom('signing_key').select(['kid', 'private_sealed']).where('retired_at', 'is', null).executeTakeFirstOrThrow();
    const pk = createPrivateKey({ key: JSON.parse(vault.open(row.private_sealed).toString()), format: 'jwk' });
    const arrayToken = await new CompactSign(new TextEncoder().encode('[1,2]')).setProtectedHeader({ alg: 'ES256', kid: row.kid }).sign(pk);
    expect(await keys.verify(arrayToken)).toBeNull();
  });

  it('rotation: new tokens carry the new kid, old tokens still verify, the JWKS lists both', async () => {
    const keys = createJwsKeys(db, vault);
    const before = await keys.sign({ v: 1 });
    const oldKid = kidOf(before);
    const newKid = await keys.rotate();
    expect(newKid).not.toBe(oldKid);
    const after = await keys.sign({ v: 2 });
    expect(kidOf(after)).toBe(newKid);
    expect(await keys.verify(before)).toEqual({ v: 1 });
    expect(await keys.verify(after)).toEqual({ v: 2 });
    const kids = (await keys.jwks()).keys.map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));
    const retired = await db.selectFrom('signing_key').select(['kid', 'retired_at']).where('kid', '=', oldKid!).executeTakeFirstOrThrow();
    expect(retired.retired_at).toBeInstanceOf(Date);
  });

  it('an instance that loaded its keys before a rotation elsewhere verifies the new tokens', async () => {
    const early = createJwsKeys(db, vault);
    await early.jwks();
    const other = createJwsKeys(db, vault);
    await other.rotate();
    expect(await early.verify(await other.sign({ late: true }))).toEqual({ late: true });
  });

  it('an offline verifier checks tokens with nothing but the published JWKS (jose createLocalJWKSet)', async () => {
    const keys = createJwsKeys(db, vault);
    const old = await keys.sign({ license: '1.2.156.3005.2.X', status: 'valid' });
    await keys.rotate();
    const fresh = await keys.sign({ license: '1.2.156.3005.2.Y', status: 'valid' });
    const jwks = createLocalJWKSet(JSON.parse(JSON.stringify(await keys.jwks())) as JSONWebKeySet);
    for (const [token, license] of [[old, '1.2.156.3005.2.X'], [fresh, '1.2.156.3005.2.Y']] as const) {
      const { payload, protectedHeader } = await compactVerify(token, jwks, { algorithms: ['ES256'] });
      expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ license, status: 'valid' });
      expect(protectedHeader.kid).toBe(kidOf(token));
    }
    await expect(compactVerify(tamper(fresh), jwks, { algorithms: ['ES256'] })).rejects.toThrow();
  });
});

describe('GET /.well-known/jwks.json', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await createHttpServer({ logLevel: 'silent', logger: false, resolveSession: async () => undefined }));
    jwksRoute(app, { keys: createJwsKeys(db, vault) });
    await app.ready();
  });
  afterAll(() => app?.close());

  it('publishes every key (public parts only), cacheable, without login', async () => {
    const res = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json() as { keys: Array<Record<string, string>> };
    const rows = await db.selectFrom('signing_key').select('kid').execute();
    expect(body.keys.map((k) => k.kid).sort()).toEqual(rows.map((r) => r.kid).sort());
    for (const k of body.keys) {
      expect(Object.keys(k).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
      expect(k).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    }
  });
});

const extraDbs: Array<() => Promise<void>> = [];
async function otherDb(): Promise<Db> {
  const h = await createTestDatabase('tongban_empty');
  extraDbs.push(h.drop);
  return h.db;
}
afterAll(async () => {
  for (const d of extraDbs) await d();
});
