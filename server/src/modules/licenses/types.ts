/** 证照目录: license types — defined by a national authority, managed locally by a department. */
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { isValidLicenseTypeCode } from '../../platform/codes/index.ts';
import { LicenseErrors } from './errors.ts';
import { isValidFaceSource, type LicenseTypeRow } from './issue.ts';
import type { FaceField, HolderKind, LicenseTemplate, ValidityRule } from './tables.ts';

export type LicenseTypeInput = {
  code: string;
  name: string;
  orgId: string;
  holderKind: HolderKind;
  faceFields: FaceField[];
  validity: ValidityRule;
  implCodes: string[];
  numberPrefix: string;
  template?: LicenseTemplate;
};

export type LicenseTypeView = LicenseTypeInput & { orgName: string; issued: number };


export function checkLicenseType(t: LicenseTypeInput): void {
  if (!isValidLicenseTypeCode(t.code)) throw LicenseErrors.LICENSE_TYPE_CODE_INVALID({ code: t.code });
  const keys = new Set<string>();
  for (const f of t.faceFields) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(f.key)) throw LicenseErrors.FACE_FIELD_INVALID({ key: f.key, reason: '代码只能用英文字母、数字和下划线，以字母开头' });
    if (keys.has(f.key)) throw LicenseErrors.FACE_FIELD_INVALID({ key: f.key, reason: '代码重复了' });
    keys.add(f.key);
    if (!isValidFaceSource(f.from)) throw LicenseErrors.FACE_FIELD_INVALID({ key: f.key, reason: `取值来源“${f.from}”无法识别` });
  }
}

const columns = (t: LicenseTypeInput) => ({
  name: t.name,
  org_id: t.orgId,
  holder_kind: t.holderKind,
  face_fields: JSON.stringify(t.faceFields),
  validity: JSON.stringify(t.validity),
  impl_codes: t.implCodes,
  number_prefix: t.numberPrefix,
  template: JSON.stringify(t.template ?? {}),
});

export async function insertLicenseTypeInTrx(trx: Trx, t: LicenseTypeInput): Promise<void> {
  checkLicenseType(t);
  await trx.insertInto('license_type').values({ code: t.code, ...columns(t) }).execute();
}

export async function saveLicenseType(db: Db, actor: Actor, t: LicenseTypeInput, mode: 'create' | 'update', ip: string): Promise<void> {
  checkLicenseType(t);
  await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('license_type').select('code').where('code', '=', t.code).forUpdate().executeTakeFirst();
    if (mode === 'create' && exists) throw LicenseErrors.LICENSE_TYPE_EXISTS({ code: t.code });
    if (mode === 'update' && !exists) throw LicenseErrors.LICENSE_TYPE_NOT_FOUND({ code: t.code });
    if (exists) await trx.updateTable('license_type').set({ ...columns(t), updated_at: sql`now()` }).where('code', '=', t.code).execute();
    else await insertLicenseTypeInTrx(trx, t);
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: `license_type.${mode}`, entityType: 'license_type', entityId: t.code, before: null, after: t, ip });
  });
}

export async function listLicenseTypes(db: Db): Promise<LicenseTypeView[]> {
  const rows = (await db
    .selectFrom('license_type')
    .innerJoin('org', 'org.id', 'license_type.org_id')
    .selectAll('license_type')
    .select('org.name as org_name')
    .select((eb) => eb.selectFrom('license').select(eb.fn.countAll<number>().as('n')).whereRef('license.type_code', '=', 'license_type.code').as('issued'))
    .orderBy('license_type.name')
    .execute()) as Array<LicenseTypeRow & { org_name: string; issued: number | null }>;
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    holderKind: r.holder_kind,
    faceFields: r.face_fields,
    validity: r.validity,
    implCodes: r.impl_codes,
    numberPrefix: r.number_prefix,
    template: r.template,
    issued: Number(r.issued ?? 0),
  }));
}
