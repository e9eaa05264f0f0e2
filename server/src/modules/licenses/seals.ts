/**
 * 电子印章 registry (modelled on GB/T 38540): each department's seals with SM2 key pairs held by the platform.
 * Private keys are sealed at rest under the master key and never leave this file; rotating a seal's key retires
 * the old key but keeps it, so everything it signed still verifies.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { loadSm2, sm3Hex, type KeyVault } from '../../platform/crypto/index.ts';
import { LicenseErrors } from './errors.ts';

export type SealInput = { orgId: string; name: string; kind?: string; validFrom: string; validUntil: string };

export async function createSealInTrx(trx: Trx, vault: KeyVault, s: SealInput): Promise<string> {
  if (!(s.validUntil > s.validFrom)) throw LicenseErrors.SEAL_DATES_INVALID();
  const id = newId();
  await trx.insertInto('seal').values({ id, org_id: s.orgId, name: s.name, kind: s.kind ?? '电子证照专用章', valid_from: s.validFrom, valid_until: s.validUntil }).execute();
  await addKeyInTrx(trx, vault, id);
  return id;
}

async function addKeyInTrx(trx: Trx, vault: KeyVault, sealId: string): Promise<string> {
  const { publicKeyHex, privateKeyHex } = (await loadSm2()).generateKeyPair();
  const id = newId();
  await trx.insertInto('seal_key').values({ id, seal_id: sealId, public_key_hex: publicKeyHex, private_sealed: vault.seal(privateKeyHex), retired_at: null }).execute();
  return id;
}

/** A new key pair for the seal; the old key is retired, not deleted. Returns the new key's id. */
export async function rotateSealKey(db: Db, vault: KeyVault, sealId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const seal = await trx.selectFrom('seal').select('id').where('id', '=', sealId).forUpdate().executeTakeFirst();
    if (!seal) throw LicenseErrors.SEAL_NOT_FOUND();
    await trx.updateTable('seal_key').set({ retired_at: sql`now()` }).where('seal_id', '=', sealId).where('retired_at', 'is', null).execute();
    return addKeyInTrx(trx, vault, sealId);
  });
}

export type SealSigner = { keyId: string; sealId: string; sealName: string; sign(data: Uint8Array): Buffer };

// Unsealed private keys, by key id: bulk sealing signs thousands of licenses with one key.
const unsealed = new Map<string, string>();

/** The signer for an organisation's current seal (active, in its validity on `day`). */
export async function signerForOrgInTrx(trx: Trx | Db, vault: KeyVault, orgId: string, orgName: string, day: string): Promise<SealSigner> {
  const k = await trx
    .selectFrom('seal')
    .innerJoin('seal_key', 'seal_key.seal_id', 'seal.id')
    .select(['seal.id as sealId', 'seal.name as sealName', 'seal_key.id as keyId', 'seal_key.private_sealed', 'seal_key.public_key_hex'])
    .where('seal.org_id', '=', orgId)
    .where('seal.status', '=', 'active')
    .where('seal.valid_from', '<=', day)
    .where('seal.valid_until', '>=', day)
    .where('seal_key.retired_at', 'is', null)
    .orderBy('seal.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!k) throw LicenseErrors.NO_ACTIVE_SEAL({ org: orgName });
  let priv = unsealed.get(k.keyId);
  if (priv === undefined) {
    priv = vault.open(k.private_sealed).toString('utf8');
    if (unsealed.size > 1000) unsealed.clear();
    unsealed.set(k.keyId, priv);
  }
  const key = priv;
  const sm2 = await loadSm2();
  return { keyId: k.keyId, sealId: k.sealId, sealName: k.sealName, sign: (data) => sm2.sign(data, key, k.public_key_hex) };
}

export type SealView = { id: string; orgId: string; orgName: string; name: string; kind: string; status: 'active' | 'retired'; validFrom: string; validUntil: string; keys: Array<{ id: string; publicKeyHex: string; fingerprint: string; createdAt: string; retiredAt: string | null }> };

/** A key's fingerprint for people to compare: the first 128 bits of SM3 over the public key's bytes, in groups of 4. */
export function keyFingerprint(publicKeyHex: string): string {
  return sm3Hex(Buffer.from(publicKeyHex, 'hex')).slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
}

export async function listSeals(db: Db, orgId?: string): Promise<SealView[]> {
  let q = db.selectFrom('seal').innerJoin('org', 'org.id', 'seal.org_id').select(['seal.id', 'seal.org_id', 'org.name as org_name', 'seal.name', 'seal.kind', 'seal.status', 'seal.valid_from', 'seal.valid_until']).orderBy('org.name').orderBy('seal.created_at');
  if (orgId) q = q.where('seal.org_id', '=', orgId);
  const seals = await q.execute();
  if (!seals.length) return [];
  const keys = await db.selectFrom('seal_key').selectAll().where('seal_id', 'in', seals.map((s) => s.id)).orderBy('created_at').execute();
  return seals.map((s) => ({
    id: s.id,
    orgId: s.org_id,
    orgName: s.org_name,
    name: s.name,
    kind: s.kind,
    status: s.status,
    validFrom: s.valid_from,
    validUntil: s.valid_until,
    keys: keys.filter((k) => k.seal_id === s.id).map((k) => ({ id: k.id, publicKeyHex: k.public_key_hex, fingerprint: keyFingerprint(k.public_key_hex), createdAt: k.created_at.toISOString(), retiredAt: k.retired_at?.toISOString() ?? null })),
  }));
}
