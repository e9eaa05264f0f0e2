/**
 * 免提交: materials satisfied by the applicant's electronic licenses instead of an upload.
 *
 * The licenses module answers whether a license may stand for a material (the applicant's own, valid, of the
 * material's license type) through `MaterialLicensePort`, wired in app.ts (the licenses module already reads
 * cases, so cases take its answers injected rather than importing it). The case keeps what the license was when
 * attached (`case_material_license`); the measures count those rows.
 */
import type { Db, Trx } from '../../platform/db/db.ts';
import type { ItemDocument } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import type { MaterialRef } from './tables.ts';

/** A license as a material of a case: what the applicant and staff are shown. */
export type HeldLicense = { ref: string; typeCode: string; typeName: string; number: string; issuerName: string; holderName: string; validUntil: string | null };

/** Why a license cannot stand for a material. `not_held`: unknown, or not the applicant's (the same answer, no probing). */
export type LicenseRefusal = { refused: 'not_held' | 'wrong_type' | 'not_valid' | 'expired'; statusLabel?: string };

export type MaterialLicensePort = {
  /** The license `ref` when it is `accountId`'s own, valid today and of `typeCode`; why not otherwise. */
  heldLicenseForMaterial(db: Db, accountId: string, typeCode: string, ref: string): Promise<HeldLicense | LicenseRefusal>;
  /** `accountId`'s valid licenses of these types (the newest of each type). */
  heldLicensesOfTypes(db: Db, accountId: string, typeCodes: string[]): Promise<HeldLicense[]>;
};

/** The files and the licenses an application names, by material code (the last mention of a code wins). */
export function splitMaterials(materials: MaterialRef[]): { files: Map<string, string>; licenses: Map<string, string> | undefined } {
  const files = new Map<string, string>();
  let licenses: Map<string, string> | undefined;
  for (const m of materials) {
    if ('fileId' in m) {
      files.set(m.code, m.fileId);
      licenses?.delete(m.code);
    } else {
      (licenses ??= new Map()).set(m.code, m.licenseRef);
      files.delete(m.code);
    }
  }
  return { files, licenses };
}

export type AttachedLicense = HeldLicense & { code: string; name: string };

/**
 * Check every license named for a material (only called when the application names one): the material must name
 * a license type and the license must be the applicant's, valid and of that type — a clear 400 otherwise.
 */
export async function checkMaterialLicenses(
  db: Db,
  port: MaterialLicensePort | undefined,
  accountId: string,
  doc: ItemDocument,
  licenses: Map<string, string>,
): Promise<AttachedLicense[]> {
  if (!port) throw CaseErrors.LICENSE_REUSE_UNAVAILABLE();
  const byCode = new Map(doc.materials.map((m) => [m.code, m]));
  return Promise.all(
    [...licenses].map(async ([code, ref]) => {
      const m = byCode.get(code)!;
      if (!m.licenseTypeCode) throw CaseErrors.MATERIAL_NOT_LICENSED({ name: m.name, code });
      const held = await port.heldLicenseForMaterial(db, accountId, m.licenseTypeCode, ref);
      if ('refused' in held) {
        switch (held.refused) {
          case 'not_held': throw CaseErrors.LICENSE_NOT_HELD({ name: m.name, code });
          case 'wrong_type': throw CaseErrors.LICENSE_WRONG_TYPE({ name: m.name, code });
          case 'expired': throw CaseErrors.LICENSE_EXPIRED({ name: m.name, code });
          default: throw CaseErrors.LICENSE_NOT_VALID({ name: m.name, code, status: held.statusLabel ?? '' });
        }
      }
      return { ...held, code, name: m.name };
    }),
  );
}

/** The licenses that can stand for an item's materials, one per material (for the application form). */
export async function licensesForItem(db: Db, port: MaterialLicensePort | undefined, accountId: string, doc: ItemDocument): Promise<AttachedLicense[]> {
  const typed = doc.materials.filter((m) => m.licenseTypeCode);
  if (!port || !typed.length) return [];
  const held = await port.heldLicensesOfTypes(db, accountId, [...new Set(typed.map((m) => m.licenseTypeCode!))]);
  const byType = new Map(held.map((h) => [h.typeCode, h]));
  return typed.flatMap((m) => {
    const h = byType.get(m.licenseTypeCode!);
    return h ? [{ ...h, code: m.code, name: m.name }] : [];
  });
}

export type LicenseMaterialRow = { case_id: string; code: string; name: string; license_ref: string; type_code: string; type_name: string; number: string; issuer_name: string; holder_name: string };

/** How a license material shows in a case (applicant and staff alike; staff also fetch its live verification). */
export const licenseMaterialView = (r: LicenseMaterialRow) => ({
  code: r.code, name: r.name, licenseRef: r.license_ref, typeCode: r.type_code, typeName: r.type_name, number: r.number, issuerName: r.issuer_name, holderName: r.holder_name,
});

export function caseLicenseMaterials(db: Db | Trx, caseId: string): Promise<LicenseMaterialRow[]> {
  return db.selectFrom('case_material_license').select(['case_id', 'code', 'name', 'license_ref', 'type_code', 'type_name', 'number', 'issuer_name', 'holder_name']).where('case_id', '=', caseId).orderBy('code').execute();
}

/**
 * Measures: materials no longer asked for because an electronic license stood for them, per license type and
 * per department handling the case (optionally since / before a moment).
 */
export async function countLicenseReuse(
  db: Db,
  range: { from?: Date; to?: Date } = {},
): Promise<Array<{ typeCode: string; typeName: string; orgId: string; agencyName: string; materials: number }>> {
  let q = db
    .selectFrom('case_material_license as m')
    .innerJoin('case as c', 'c.id', 'm.case_id')
    .select(['m.type_code', 'c.org_id', (eb) => eb.fn.max('m.type_name').as('type_name'), (eb) => eb.fn.max('c.agency_name').as('agency_name'), (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['m.type_code', 'c.org_id']);
  if (range.from) q = q.where('m.attached_at', '>=', range.from);
  if (range.to) q = q.where('m.attached_at', '<', range.to);
  const rows = await q.orderBy('m.type_code').orderBy('c.org_id').execute();
  return rows.map((r) => ({ typeCode: r.type_code, typeName: r.type_name, orgId: r.org_id, agencyName: r.agency_name, materials: Number(r.n) }));
}
