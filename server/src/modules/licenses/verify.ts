/**
 * Verification by anyone (GET /api/v1/public/licenses/{ref}/verification), fast and without weakening it.
 *
 * Per request, four checks on the register row as it is now:
 * - signature: the canonical content is recomputed from the row and compared with the signed bytes (so a row
 *   changed after sealing fails), and the seal's SM2 signature over those bytes must verify. SM2 verification is a
 *   pure function of (signed bytes, signature, public key) and costs 1–3 ms of CPU, so its result is remembered in
 *   a bounded in-process memo keyed by the SHA-256 of those three inputs: the same inputs give the same answer, and
 *   any change to one of them is a different key, verified afresh. (A cached row object is immutable, so its
 *   memo key and its identifier check are worked out once per row object.)
 * - identifier: GB/T 36904 form and check character;
 * - status: valid (not suspended, revoked or replaced);
 * - validity: within its dates today (Asia/Shanghai).
 *
 * The rows come from the per-instance cache of verification-cache.ts (invalidated by NOTIFY across instances),
 * and every verification is logged through a buffer flushed as one multi-row INSERT every FLUSH_MS or BATCH rows
 * and on close (see `createVerificationLog`).
 */
import { hash } from 'node:crypto';
import { Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { PREPARE_MARK } from '../../platform/db/prepared.ts';
import { createBatchedWriter, type BatchedWriter, type BatchedWriterOptions } from '../../platform/db/batched-writer.ts';
import { isValidLicenseIdentifier } from '../../platform/codes/index.ts';
import { loadSm2, type JwsKeys, type Sm2 } from '../../platform/crypto/index.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { maskPersonName } from '../../platform/http/redact.ts';
import { contentOfRow, maskHolderCode, signedDataOf } from './content.ts';
import { LicenseErrors } from './errors.ts';
import { isExpired } from './issue.ts';
import { createLicenseRowCache, loadVerifiableRow, type LicenseRowCache, type VerifiableRow } from './verification-cache.ts';
import type { LicenseStatus } from './tables.ts';

export type Verification = {
  valid: boolean;
  status: LicenseStatus;
  type: { code: string; name: string };
  number: string;
  identifier: string;
  issuer: string;
  holder: string;
  holderCode: string;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  annotations: Array<{ text: string; at: string }>;
  checks: { signature: boolean; identifier: boolean; status: boolean; validity: boolean };
};

// ---- the SM2 memo ----

const MEMO_MAX = 50_000;
const sm2Memo = new Map<string, boolean>();
/** The SM2 library, loaded by the first verification (ADR 0007); the checks below run after `await sm2Loaded()`. */
let sm2: Sm2 | undefined;
const sm2Loaded = async () => (sm2 ??= await loadSm2());

/** The memo's key: SHA-256 of the three inputs (canonical JSON has no NUL characters, base64 and hex none either). */
const memoKeyOf = (signedData: string, signature: Buffer, publicKeyHex: string) =>
  hash('sha256', `${signedData}\u0000${signature.toString('base64')}\u0000${publicKeyHex}`, 'base64');

function sm2VerifyByKey(key: string, signedData: string, signature: Buffer, publicKeyHex: string): boolean {
  const known = sm2Memo.get(key);
  if (known !== undefined) return known;
  const ok = sm2!.verify(Buffer.from(signedData, 'utf8'), signature, publicKeyHex);
  if (sm2Memo.size >= MEMO_MAX) sm2Memo.delete(sm2Memo.keys().next().value!);
  sm2Memo.set(key, ok);
  return ok;
}

/** SM2-with-SM3 verification of `signedData` under `publicKeyHex`, remembered per distinct input. */
export async function sm2VerifyMemo(signedData: string, signature: Buffer, publicKeyHex: string): Promise<boolean> {
  await sm2Loaded();
  return sm2VerifyByKey(memoKeyOf(signedData, signature, publicKeyHex), signedData, signature, publicKeyHex);
}

/** For tests: how many SM2 results are remembered. */
export const sm2MemoSize = () => sm2Memo.size;

// ---- the verification log ----

export type VerificationLogRow = { licenseId: string | null; ref: string; channel: string; valid: boolean; ip: string | null };

export type VerificationLog = BatchedWriter<VerificationLogRow>;

/**
 * One INSERT for any number of rows: five array parameters unnested by PostgreSQL, rather than five parameters per
 * row (no statement text or parameter list growing with the batch, nothing for node to compile per row), and a
 * fixed text, so each connection plans it once (PREPARE_MARK).
 */
/** Write verification log rows now (department lookups, staff views; the public route batches through `createVerificationLog`). */
export async function logVerification(db: Db, rows: VerificationLogRow[]): Promise<void> {
  if (!rows.length) return;
  await sql`${sql.raw(PREPARE_MARK)} insert into license_verification (license_id, ref, channel, valid, ip)
    select * from unnest(${rows.map((r) => r.licenseId)}::uuid[], ${rows.map((r) => r.ref)}::text[], ${rows.map((r) => r.channel)}::text[],
                         ${rows.map((r) => r.valid)}::boolean[], ${rows.map((r) => r.ip)}::text[])`.execute(db);
}

/**
 * Each verification logged, in batches (platform/db/batched-writer.ts): one multi-row INSERT every `flushMs` or
 * `batch` rows and on close; a full buffer makes a request wait, then 503 rather than an unlogged answer.
 */
export function createVerificationLog(db: Db, opts: BatchedWriterOptions = {}): VerificationLog {
  return createBatchedWriter('verification log', (rows) => logVerification(db, rows), opts);
}

// ---- verification ----

/** The per-instance machinery: cached rows and the batched log. */
export type LicenseVerifier = { db: Db; rows: LicenseRowCache; log: VerificationLog; close(): Promise<void> };

export function createLicenseVerifier(db: Db, databaseUrl: string | undefined, logOptions?: Parameters<typeof createVerificationLog>[1]): LicenseVerifier {
  const rows = createLicenseRowCache(db, databaseUrl);
  const log = createVerificationLog(db, logOptions);
  return {
    db,
    rows,
    log,
    async close() {
      await Promise.all([rows.close(), log.close()]);
    },
  };
}


/**
 * What never changes for one row object (rows are immutable; a changed license is a new row object, read again
 * after its notification): its memo key and whether its identifier is well formed.
 */
const rowFacts = new WeakMap<VerifiableRow, { memoKey: string; identifier: boolean }>();

function factsOf(r: VerifiableRow): { memoKey: string; identifier: boolean } {
  let f = rowFacts.get(r);
  if (!f) {
    f = { memoKey: memoKeyOf(r.signed_data, r.signature, r.public_key_hex), identifier: isValidLicenseIdentifier(r.identifier) };
    rowFacts.set(r, f);
  }
  return f;
}

/** The four checks on a register row as it is now: the content recomputed from the row on every call (after `sm2Loaded()`). */
function checksOf(r: VerifiableRow, today = todayInShanghai()): Verification['checks'] {
  const f = factsOf(r);
  return {
    signature: signedDataOf(contentOfRow(r)) === r.signed_data && sm2VerifyByKey(f.memoKey, r.signed_data, r.signature, r.public_key_hex),
    identifier: f.identifier,
    status: r.status === 'valid',
    validity: r.valid_from <= today && !isExpired(r.valid_until, today),
  };
}

/**
 * Verify a license by its public reference and log the verification. With a `LicenseVerifier` (the public route)
 * rows come from the cache and the log is batched; with a plain database handle (other modules) both go straight
 * to the database.
 */
export async function verifyLicense(v: LicenseVerifier | Db, ref: string, channel: string, ip: string | null): Promise<Verification> {
  const direct = v instanceof Kysely;
  const r = direct ? await loadVerifiableRow(v, ref) : await v.rows.get(ref);
  const log = (row: VerificationLogRow) => (direct ? logVerification(v, [row]) : v.log.add(row));
  if (!r) {
    await log({ licenseId: null, ref: ref.slice(0, 64), channel, valid: false, ip });
    throw LicenseErrors.LICENSE_NOT_FOUND();
  }
  await sm2Loaded();
  const checks = checksOf(r);
  const valid = checks.signature && checks.identifier && checks.status && checks.validity;
  await log({ licenseId: r.id, ref, channel, valid, ip });
  return {
    valid,
    status: r.status,
    type: { code: r.type_code, name: r.type_name },
    number: r.number,
    identifier: r.identifier,
    issuer: r.issuer_name,
    holder: maskPersonName(r.holder_name, r.holder_kind),
    holderCode: maskHolderCode(r.holder_code, r.holder_code_type),
    issuedAt: r.issued_at.toISOString(),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    annotations: r.annotations.map((a) => ({ text: a.text, at: a.at })),
    checks,
  };
}

// ---- the offline payload ----

/**
 * What a license's QR code carries besides the link: a compact JWS (ES256, `kid` in the header) that a verifier
 * checks offline against /.well-known/jwks.json. Short keys keep the QR code sparse enough for a phone:
 * ref, id (GB/T 36904 identifier), t (type name), h (masked holder), iss (issuer), ia (issued, date), vu (valid
 * until, date; null = 长期), iat (signed at, seconds). The status is not in it (it changes): a scan online says it.
 */
export type OfflinePayload = { ref: string; id: string; t: string; h: string; iss: string; ia: string; vu: string | null; iat: number };

export function offlinePayloadOf(r: VerifiableRow, now = new Date()): OfflinePayload {
  return {
    ref: r.ref,
    id: r.identifier,
    t: r.type_name,
    h: maskPersonName(r.holder_name, r.holder_kind),
    iss: r.issuer_name,
    ia: todayInShanghai(r.issued_at),
    vu: r.valid_until,
    iat: Math.floor(now.getTime() / 1000),
  };
}

export async function offlineTokenOf(jws: JwsKeys, r: VerifiableRow): Promise<string> {
  return jws.sign(offlinePayloadOf(r));
}
