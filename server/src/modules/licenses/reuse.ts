/**
 * 免提交 (reuse): an applicant's electronic license stands for a material of an application instead of an upload,
 * and staff handling the case see it verified, not a scan.
 *
 * The cases module asks through `materialLicensePort` (wired in app.ts: licenses already read cases, so cases take
 * these answers injected); the case keeps what the license was when attached, and staff see its live
 * verification here, each lookup logged with the channel `case:<caseId>`.
 */
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { caseLicenseMaterials, findCaseInScope, type HeldLicense, type LicenseRefusal, type MaterialLicensePort } from '../cases/index.ts';
import { holderCodesOf, STATUS_LABEL } from './service.ts';
import { verifyLicense, type Verification } from './verify.ts';
import { LicenseErrors } from './errors.ts';
import type { LicenseStatus } from './tables.ts';

const HELD_COLUMNS = ['ref', 'type_code', 'type_name', 'number', 'issuer_name', 'holder_name', 'valid_until'] as const;
type HeldRow = { ref: string; type_code: string; type_name: string; number: string; issuer_name: string; holder_name: string; valid_until: string | null };
const heldOf = (r: HeldRow): HeldLicense => ({ ref: r.ref, typeCode: r.type_code, typeName: r.type_name, number: r.number, issuerName: r.issuer_name, holderName: r.holder_name, validUntil: r.valid_until });

/**
 * The license `ref` when it is `accountId`'s own (held by the account, or under its resident ID / credit code),
 * of `typeCode`, and passes the same verification anyone's does (signature, identifier, status, dates) — logged
 * with the channel `apply`. Why not otherwise; someone else's license reads as unknown (no probing).
 */
export async function heldLicenseForMaterial(db: Db, accountId: string, typeCode: string, ref: string): Promise<HeldLicense | LicenseRefusal> {
  const r = await db.selectFrom('license').select([...HELD_COLUMNS, 'holder_account_id', 'holder_code']).where('ref', '=', ref).executeTakeFirst();
  if (!r || (r.holder_account_id !== accountId && !(await holderCodesOf(db, accountId)).includes(r.holder_code))) return { refused: 'not_held' };
  if (r.type_code !== typeCode) return { refused: 'wrong_type' };
  const v = await verifyLicense(db, ref, 'apply', null);
  if (v.valid) return heldOf(r);
  if (!v.checks.status) return { refused: 'not_valid', statusLabel: STATUS_LABEL[v.status] };
  if (!v.checks.validity) return { refused: 'expired' };
  return { refused: 'not_valid', statusLabel: '验证未通过' };
}

/** `accountId`'s licenses of these types that are valid today, the newest of each type. */
export async function heldLicensesOfTypes(db: Db, accountId: string, typeCodes: string[]): Promise<HeldLicense[]> {
  if (!typeCodes.length) return [];
  const codes = await holderCodesOf(db, accountId);
  const today = todayInShanghai();
  const rows = await db
    .selectFrom('license')
    .select(HELD_COLUMNS)
    .where('type_code', 'in', typeCodes)
    .where((eb) => eb.or([eb('holder_account_id', '=', accountId), ...(codes.length ? [eb('holder_code', 'in', codes)] : [])]))
    .where('status', '=', 'valid')
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
    .orderBy('issued_at', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.type_code) && !!seen.add(r.type_code)).map(heldOf);
}

/** What the cases module needs from licenses (app.ts passes it to the case routes). */
export const materialLicensePort: MaterialLicensePort = { heldLicenseForMaterial, heldLicensesOfTypes };

export type CaseLicense = {
  code: string;
  name: string;
  ref: string;
  typeName: string;
  number: string;
  issuerName: string;
  holderName: string;
  holderCode: string;
  holderCodeType: 'resident_id' | 'credit_code' | null;
  status: LicenseStatus | 'unknown';
  statusLabel: string;
  validFrom: string | null;
  validUntil: string | null;
  /** 有效 / 无效: every check of the licenses module's verification passed, now. */
  valid: boolean;
  checks: Verification['checks'] | null;
};

/**
 * The electronic licenses a case's applicant gave for materials, each verified now (channel `case:<caseId>`, so
 * the lookup is logged). For whoever may read the case (staff in scope, the applicant).
 */
export async function caseLicenses(db: Db, actor: Actor, caseId: string, ip: string): Promise<CaseLicense[]> {
  if (!(await findCaseInScope(db, actor, caseId))) throw LicenseErrors.CASE_NOT_FOUND();
  const attached = await caseLicenseMaterials(db, caseId);
  if (!attached.length) return [];
  const holders = new Map(
    (await db.selectFrom('license').select(['ref', 'holder_name', 'holder_code', 'holder_code_type']).where('ref', 'in', attached.map((a) => a.license_ref)).execute()).map((h) => [h.ref, h]),
  );
  return Promise.all(
    attached.map(async (a): Promise<CaseLicense> => {
      const base = { code: a.code, name: a.name, ref: a.license_ref, typeName: a.type_name, number: a.number, issuerName: a.issuer_name };
      const h = holders.get(a.license_ref);
      if (!h) return { ...base, holderName: a.holder_name, holderCode: '', holderCodeType: null, status: 'unknown', statusLabel: '证照库中查无此证', validFrom: null, validUntil: null, valid: false, checks: null };
      const v = await verifyLicense(db, a.license_ref, `case:${caseId}`, ip);
      return {
        ...base,
        holderName: h.holder_name,
        holderCode: h.holder_code,
        holderCodeType: h.holder_code_type,
        status: v.status,
        statusLabel: v.status === 'valid' && !v.checks.validity ? '已过有效期' : STATUS_LABEL[v.status],
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        valid: v.valid,
        checks: v.checks,
      };
    }),
  );
}
