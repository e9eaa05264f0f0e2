/**
 * Measures for supervision (seed 000 §(八)(九)): licenses issued and verified per type and issuing department,
 * in the reader's region.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';

export type LicenseMeasure = { typeCode: string; typeName: string; issuerName: string; issued: number; fromCases: number; legacy: number; inForce: number; verifications: number };

export async function licenseMeasures(db: Db, actor: Actor): Promise<LicenseMeasure[]> {
  let q = db
    .selectFrom('license')
    .select([
      'license.type_code',
      'license.type_name',
      'license.issuer_name',
      sql<number>`count(*) filter (where license.status <> 'superseded')`.as('issued'),
      sql<number>`count(*) filter (where license.source = 'case' and license.status <> 'superseded')`.as('from_cases'),
      sql<number>`count(*) filter (where license.source = 'legacy' and license.status <> 'superseded')`.as('legacy'),
      sql<number>`count(*) filter (where license.status = 'valid' and (license.valid_until is null or license.valid_until >= current_date))`.as('in_force'),
      sql<number>`coalesce(sum((select count(*) from license_verification v where v.license_id = license.id)), 0)`.as('verifications'),
    ])
    .groupBy(['license.type_code', 'license.type_name', 'license.issuer_name'])
    .orderBy('license.type_name')
    .orderBy('license.issuer_name');
  if (scopeOf(actor, 'dashboard:read') !== 'all') q = q.where('license.region_code', 'like', `${regionLikePrefix(actor.regionCode)}%`);
  const rows = await q.execute();
  return rows.map((r) => ({
    typeCode: r.type_code,
    typeName: r.type_name,
    issuerName: r.issuer_name,
    issued: Number(r.issued),
    fromCases: Number(r.from_cases),
    legacy: Number(r.legacy),
    inForce: Number(r.in_force),
    verifications: Number(r.verifications),
  }));
}
