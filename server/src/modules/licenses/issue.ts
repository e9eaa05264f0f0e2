/**
 * Issuing (制证): a license row numbered per GB/T 36904, its content signed by the issuing department's seal.
 * From a closed case (`issueFromCase`, run by a job on `case.closed`, exactly once per case) or from a legacy
 * register (legacy import) through the same `issueLicenseInTrx`.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import type { JwsKeys, KeyVault } from '../../platform/crypto/index.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { formatLicenseIdentifier, isValidCreditCode, isValidResidentId } from '../../platform/codes/index.ts';
import { signedDataOf, type SignedContent } from './content.ts';
import { signerForOrgInTrx, type SealSigner } from './seals.ts';
import { LicenseErrors } from './errors.ts';
import type { FaceField, HolderCodeType, HolderKind, LicensesTables, ValidityRule } from './tables.ts';

/** `jws`: the platform's JWS keys, for the compact signed payload in a license's QR code (offline checks). */
export type LicenseDeps = { db: Db; vault: KeyVault; jws?: JwsKeys };

export type LicenseTypeRow = Selectable<LicensesTables['license_type']> & { face_fields: FaceField[]; validity: ValidityRule };

export type Holder = { kind: HolderKind; name: string; code: string; codeType: HolderCodeType; accountId: string | null };
export type Issuer = { orgId: string; name: string; code: string; regionCode: string };

export type IssueInput = {
  type: LicenseTypeRow;
  holder: Holder;
  issuer: Issuer;
  face: Record<string, string>;
  issuedAt: Date;
  validFrom: string;
  validUntil: string | null;
  implCode: string | null;
  caseId: string | null;
  source: 'case' | 'legacy';
  /** Legacy licenses keep their printed number; new ones are numbered `prefix + serial`. */
  number?: string;
  /** Re-issue: the version replaced (its serial is kept, its version goes up by one). */
  previous?: { id: string; serial: string; version: number };
  actor: { id: string | null; name: string };
};

export type IssuedLicense = { id: string; ref: string; identifier: string; number: string };

/** The holder code type a code has (GB 11643 resident ID or GB 32100 credit code); a clear 400 otherwise. */
export function holderCodeType(code: string): HolderCodeType {
  if (isValidResidentId(code)) return 'resident_id';
  if (isValidCreditCode(code)) return 'credit_code';
  throw LicenseErrors.HOLDER_CODE_INVALID({ code });
}

/** Reserve `n` consecutive serials for (type, issuer); returns the first. */
export async function reserveSerialsInTrx(trx: Trx, typeCode: string, issuerCode: string, n: number): Promise<number> {
  const r = await sql<{ last: number }>`
    insert into license_serial (type_code, issuer_code, last) values (${typeCode}, ${issuerCode}, ${n})
    on conflict (type_code, issuer_code) do update set last = license_serial.last + ${n}
    returning last`.execute(trx);
  return Number(r.rows[0]!.last) - n + 1;
}

export const serialText = (n: number) => String(n).padStart(10, '0');

/** Past its last valid day (有效期至) on `today`; a license without an end date (长期) never is. */
export const isExpired = (validUntil: string | null, today: string) => validUntil !== null && validUntil < today;

/** Valid until the day before the same date `years`/`months` later (有效期至); null for 长期. */
export function validUntilOf(rule: ValidityRule, from: string): string | null {
  if (!rule.years && !rule.months) return null;
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + (rule.years ?? 0) * 12 + (rule.months ?? 0));
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Insert, sign and record one license. `signer` may be passed in when many are sealed with one key. */
export async function issueLicenseInTrx(trx: Trx, vault: KeyVault, input: IssueInput, signer?: SealSigner, serialNo?: number): Promise<IssuedLicense> {
  // Sealed today (a digitised legacy license too), so the seal must be in force today.
  const seal = signer ?? (await signerForOrgInTrx(trx, vault, input.issuer.orgId, input.issuer.name, todayInShanghai()));
  const serial = input.previous?.serial ?? serialText(serialNo ?? (await reserveSerialsInTrx(trx, input.type.code, input.issuer.code, 1)));
  const version = input.previous ? input.previous.version + 1 : 1;
  const identifier = formatLicenseIdentifier({ typeCode: input.type.code, issuerCode: input.issuer.code, serial, version });
  const number = input.number ?? `${input.type.number_prefix}${serial}`;
  const content: SignedContent = {
    identifier,
    typeCode: input.type.code,
    typeName: input.type.name,
    number,
    version,
    holder: { kind: input.holder.kind, name: input.holder.name, code: input.holder.code, codeType: input.holder.codeType },
    issuer: { name: input.issuer.name, code: input.issuer.code },
    regionCode: input.issuer.regionCode,
    implCode: input.implCode,
    face: input.face,
    issuedAt: input.issuedAt.toISOString(),
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    sealKeyId: seal.keyId,
  };
  const signedData = signedDataOf(content);
  const id = newId();
  const ref = randomBytes(16).toString('base64url');
  await trx
    .insertInto('license')
    .values({
      id,
      ref,
      identifier,
      type_code: content.typeCode,
      type_name: content.typeName,
      serial,
      version,
      number,
      holder_kind: content.holder.kind,
      holder_name: content.holder.name,
      holder_code: content.holder.code,
      holder_code_type: content.holder.codeType,
      holder_account_id: input.holder.accountId,
      issuer_org_id: input.issuer.orgId,
      issuer_name: content.issuer.name,
      issuer_code: content.issuer.code,
      region_code: content.regionCode,
      impl_code: content.implCode,
      case_id: input.caseId,
      face: JSON.stringify(content.face),
      issued_at: input.issuedAt,
      valid_from: content.validFrom,
      valid_until: content.validUntil,
      signed_data: signedData,
      signature: seal.sign(Buffer.from(signedData, 'utf8')),
      seal_key_id: seal.keyId,
      previous_id: input.previous?.id ?? null,
      source: input.source,
    })
    .execute();
  await recordEventInTrx(trx, id, input.previous ? 'reissued' : 'issued', null, input.actor);
  if (input.holder.accountId) {
    await emitInTrx(trx, 'license.issued', { licenseId: id, ref, typeName: content.typeName, number, holderAccountId: input.holder.accountId, caseId: input.caseId });
  }
  return { id, ref, identifier, number };
}

export async function recordEventInTrx(trx: Trx, licenseId: string, action: string, reason: string | null, actor: { id: string | null; name: string }): Promise<void> {
  await trx.insertInto('license_event').values({ id: newId(), license_id: licenseId, action, reason, actor_id: actor.id, actor_name: actor.name }).execute();
}

/** The version a re-issue replaces stays in the register as `superseded`, with why. */
export async function supersedeInTrx(trx: Trx, licenseId: string, reason: string, actor: { id: string | null; name: string }): Promise<void> {
  await trx.updateTable('license').set({ status: 'superseded', updated_at: sql`now()` }).where('id', '=', licenseId).execute();
  await recordEventInTrx(trx, licenseId, 'superseded', reason, actor);
}

/**
 * Items that change, renew or replace a license the holder already has (变更登记, 延续, 换证, 补领 …): their grant
 * re-issues that license as a new version (same serial and number, GB/T 36904 version + 1) instead of a second
 * license. Recognised by the item's name, as the national item names say it.
 */
export const REPLACES_HELD_LICENSE = /变更|延续|换证|换领|换发|补领|补发|补办/;
/** Of those, the ones that run the license's term again from the new grant (延续: 行政许可法 art. 50). */
export const RENEWS_TERM = /延续/;

/** Where a face field's value may come from, besides `form.<field>` and `const:<text>` (issueFromCase fills each). */
export const FACE_SOURCES = ['holder.name', 'holder.code', 'holder.address', 'case.number', 'case.itemName', 'issuer.name', 'issuedAt', 'validUntil'] as const;
export type FaceSource = (typeof FACE_SOURCES)[number];

/** A face field's `from`: `const:<text>`, or sources separated by `|` (the first with a value wins). */
export function isValidFaceSource(from: string): boolean {
  if (from.startsWith('const:')) return from.length > 6;
  return from.split('|').every((p) => (FACE_SOURCES as readonly string[]).includes(p) || /^form\.[A-Za-z0-9_]+$/.test(p));
}

/** The face of a license from its type's fields and what the case knows. */
export function buildFace(fields: FaceField[], values: (from: string) => unknown): Record<string, string> {
  const face: Record<string, string> = {};
  for (const f of fields) {
    let text = '';
    if (f.from.startsWith('const:')) text = f.from.slice(6);
    else for (const from of f.from.split('|')) {
      const raw = values(from);
      text = raw === undefined || raw === null ? '' : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
      if (text) break;
    }
    if (!text && f.required) throw LicenseErrors.FACE_VALUE_MISSING({ label: f.label });
    if (text) face[f.key] = text; // an empty optional field is left off the face
  }
  return face;
}

export async function typeForItem(db: Db | Trx, implCode: string): Promise<LicenseTypeRow | undefined> {
  return (await db.selectFrom('license_type').selectAll().where(sql<boolean>`impl_codes @> array[${implCode}]::text[]`).executeTakeFirst()) as LicenseTypeRow | undefined;
}
