/**
 * JWS signing keys for checks made offline: a license's QR code carries a compact JWS (RFC 7515) that a verifier
 * checks against the public keys at `/.well-known/jwks.json` (RFC 7517) without calling back; later also OIDC.
 *
 * ES256 (ECDSA P-256 with SHA-256, RFC 7518 §3.4) keys are made by Node's crypto. The private JWK is kept sealed
 * under the master key (vault.ts) in `signing_key` and never leaves this file; `kid` is the RFC 7638 thumbprint.
 * The newest non-retired key signs. `rotate()` retires the current key and makes a new one; retired keys stay in
 * the JWKS so tokens signed earlier still verify. Keys are cached in memory: loaded on first use, reloaded after
 * `rotate()`, every five minutes (another instance may have rotated), and at most once a minute when a token names
 * an unknown kid.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../db/db.ts';
import type { App } from '../http/server.ts';
import type { KeyVault } from './vault.ts';

export const JWS_ALG = 'ES256';
const RELOAD_AFTER_MS = 5 * 60_000;
const UNKNOWN_KID_RELOAD_MS = 60_000;
/** Serialises key creation and rotation across instances (any constant; transaction-scoped). */
const LOCK_KEY = sql`hashtext('platform.signing_key')`;

export type PublicJwk = { kty: string; crv: string; x: string; y: string; kid: string; alg: string; use: 'sig' };

export type JwsKeys = {
  sign(payload: Record<string, unknown>): Promise<string>;
  verify(jws: string): Promise<Record<string, unknown> | null>;
  jwks(): Promise<{ keys: PublicJwk[] }>;
  /** The key set with private parts, current key first (for the OIDC provider, which signs ID tokens itself). */
  privateJwks(): Promise<{ keys: Array<Record<string, unknown> & { kid: string }> }>;
  rotate(): Promise<string>;
};

/** jose is imported with the first key used (ADR 0007: not resident in a server that never signs or verifies). */
const jose = () => import('jose');

type LoadedKey = { kid: string; jwk: PublicJwk; publicKey: KeyObject; sealed: string; retired: boolean };
type KeySet = { byKid: Map<string, LoadedKey>; current: LoadedKey | undefined; loadedAt: number };

async function newKey(vault: KeyVault): Promise<{ kid: string; publicJwk: PublicJwk; sealed: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pub = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await (await jose()).calculateJwkThumbprint(pub, 'sha256');
  const publicJwk: PublicJwk = { kty: pub.kty!, crv: pub.crv!, x: pub.x!, y: pub.y!, kid, alg: JWS_ALG, use: 'sig' };
  return { kid, publicJwk, sealed: vault.seal(JSON.stringify(privateKey.export({ format: 'jwk' }))) };
}

export function createJwsKeys(db: Db, vault: KeyVault): JwsKeys {
  let keySet: KeySet | undefined;
  let loading: Promise<KeySet> | undefined;
  let lastUnknownKidReload = 0;
  const privateKeys = new Map<string, KeyObject>();

  async function load(): Promise<KeySet> {
    const rows = await db
      .selectFrom('signing_key')
      .select(['kid', 'public_jwk', 'private_sealed', 'retired_at'])
      .orderBy('created_at', 'desc')
      .orderBy('kid')
      .execute();
    const byKid = new Map<string, LoadedKey>();
    for (const r of rows) {
      const jwk = { ...(r.public_jwk as Omit<PublicJwk, 'kid' | 'alg' | 'use'>), kid: r.kid, alg: JWS_ALG, use: 'sig' as const };
      byKid.set(r.kid, { kid: r.kid, jwk, publicKey: createPublicKey({ key: jwk, format: 'jwk' }), sealed: r.private_sealed, retired: r.retired_at !== null });
    }
    return { byKid, current: [...byKid.values()].find((k) => !k.retired), loadedAt: Date.now() };
  }

  function reload(): Promise<KeySet> {
    loading ??= load().then(
      (s) => {
        keySet = s;
        loading = undefined;
        return s;
      },
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    );
    return loading;
  }

  async function keys(): Promise<KeySet> {
    if (keySet && Date.now() - keySet.loadedAt < RELOAD_AFTER_MS) return keySet;
    return reload();
  }

  /** In one transaction under an advisory lock: retire the current keys when rotating, add a key when none is current. */
  async function addKey(retireCurrent: boolean): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      if (retireCurrent) {
        await trx.updateTable('signing_key').set({ retired_at: sql`now()` }).where('retired_at', 'is', null).execute();
      } else {
        const current = await trx.selectFrom('signing_key').select('kid').where('retired_at', 'is', null).limit(1).executeTakeFirst();
        if (current) return; // another instance made one first
      }
      const k = await newKey(vault);
      await trx.insertInto('signing_key').values({ kid: k.kid, public_jwk: JSON.stringify(k.publicJwk), private_sealed: k.sealed }).execute();
    });
  }

  async function signingKey(): Promise<{ kid: string; key: KeyObject }> {
    let set = await keys();
    if (!set.current) {
      await addKey(false);
      set = await reload();
    }
    const current = set.current;
    if (!current) throw new Error('No JWS signing key after creating one');
    let key = privateKeys.get(current.kid);
    if (!key) {
      key = createPrivateKey({ key: JSON.parse(vault.open(current.sealed).toString('utf8')) as JWK & { kty: string }, format: 'jwk' });
      privateKeys.set(current.kid, key);
    }
    return { kid: current.kid, key };
  }

  return {
    async sign(payload) {
      const { kid, key } = await signingKey();
      const { CompactSign } = await jose();
      return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: JWS_ALG, kid }).sign(key);
    },

    async verify(jws) {
      try {
        if (typeof jws !== 'string' || jws.length > 16_384) return null;
        const { decodeProtectedHeader, compactVerify } = await jose();
        const { kid, alg } = decodeProtectedHeader(jws);
        if (alg !== JWS_ALG || typeof kid !== 'string') return null;
        let key = (await keys()).byKid.get(kid);
        if (!key && Date.now() - lastUnknownKidReload > UNKNOWN_KID_RELOAD_MS) {
          lastUnknownKidReload = Date.now();
          key = (await reload()).byKid.get(kid);
        }
        if (!key) return null;
        const { payload } = await compactVerify(jws, key.publicKey, { algorithms: [JWS_ALG] });
        const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    },

    async jwks() {
      const set = await keys();
      return { keys: [...set.byKid.values()].map((k) => ({ ...k.jwk })) };
    },

    async privateJwks() {
      let set = await keys();
      if (!set.current) {
        await addKey(false);
        set = await reload();
      }
      const ordered = [...set.byKid.values()].sort((a, b) => Number(a.retired) - Number(b.retired));
      return { keys: ordered.map((k) => ({ ...(JSON.parse(vault.open(k.sealed).toString('utf8')) as Record<string, unknown>), kid: k.kid, alg: JWS_ALG, use: 'sig' })) };
    },

    async rotate() {
      await addKey(true);
      const set = await reload();
      return set.current!.kid;
    },
  };
}

const Jwk = Type.Object({
  kty: Type.String(),
  crv: Type.String(),
  x: Type.String(),
  y: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String(),
});

/** `GET /.well-known/jwks.json`: the public keys that verify the platform's JWS (retired keys included). */
export function jwksRoute(app: App, deps: { keys: JwsKeys }) {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Public keys (JWK Set, RFC 7517) that verify signed license QR payloads offline',
        response: { 200: Type.Object({ keys: Type.Array(Jwk) }) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return deps.keys.jwks();
    },
  );
}
