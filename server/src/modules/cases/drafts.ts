/**
 * What helps an applicant fill an application: drafts saved as they go, the material library (files they
 * uploaded before, reusable in a new application), and pre-filled values from their profile and earlier
 * applications. The applicant's own data only.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { findPublishedItem } from '../catalog/index.ts';
import { getOwnProfile } from '../identity/index.ts';
import { registerPrefill, type RegisterSource } from '../sharing/index.ts';
import { CaseErrors } from './errors.ts';
import type { MaterialRef } from './tables.ts';
import { licensesForItem, type AttachedLicense, type MaterialLicensePort } from './material-licenses.ts';

type DeliveryChoice = { method: 'electronic' | 'pickup' | 'express'; address?: string };
export type Draft = { implCode: string; form: Record<string, unknown>; materials: MaterialRef[]; delivery?: DeliveryChoice; updatedAt: string };

export async function findDraft(db: Db, actor: Actor, implCode: string): Promise<Draft | undefined> {
  const d = await db.selectFrom('case_draft').selectAll().where('applicant_id', '=', actor.id).where('impl_code', '=', implCode).executeTakeFirst();
  return d ? { implCode: d.impl_code, form: d.form, materials: d.materials, ...(d.delivery ? { delivery: d.delivery } : {}), updatedAt: d.updated_at.toISOString() } : undefined;
}

export async function saveDraft(db: Db, actor: Actor, implCode: string, draft: { form: Record<string, unknown>; materials: MaterialRef[]; delivery?: DeliveryChoice }): Promise<Draft> {
  if (!(await findPublishedItem(db, implCode))) throw CaseErrors.ITEM_NOT_APPLICABLE({ implCode });
  const row = { form: JSON.stringify(draft.form), materials: JSON.stringify(draft.materials), delivery: draft.delivery ? JSON.stringify(draft.delivery) : null, updated_at: new Date() };
  await db
    .insertInto('case_draft')
    .values({ applicant_id: actor.id, impl_code: implCode, ...row })
    .onConflict((oc) => oc.columns(['applicant_id', 'impl_code']).doUpdateSet(row))
    .execute();
  return (await findDraft(db, actor, implCode))!;
}

export async function deleteDraft(db: Db, actor: Actor, implCode: string): Promise<void> {
  await db.deleteFrom('case_draft').where('applicant_id', '=', actor.id).where('impl_code', '=', implCode).execute();
}

export type LibraryFile = { id: string; name: string; mime: string; size: number; sha256: string; uploadedAt: string; usedAs: string[] };

/** The applicant's uploaded files, newest first, with the materials each already served as. */
export async function materialLibrary(db: Db, actor: Actor): Promise<LibraryFile[]> {
  const rows = await db
    .selectFrom('file_object as f')
    .leftJoin('case_material as m', 'm.file_id', 'f.id')
    .select(['f.id', 'f.name', 'f.mime', 'f.size', 'f.sha256', 'f.created_at', sql<string[]>`coalesce(array_agg(distinct m.name) filter (where m.name is not null), '{}')`.as('used_as')])
    .where('f.owner_id', '=', actor.id)
    .groupBy(['f.id'])
    .orderBy('f.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, sha256: r.sha256, uploadedAt: r.created_at.toISOString(), usedAs: r.used_as }));
}

export type Prefill = {
  values: Record<string, unknown>;
  sources: Record<string, 'profile' | 'register' | 'history'>;
  /** For values from the base registers: the resource, its provider department and when the record was updated. */
  registerSources: Record<string, RegisterSource>;
  /** 免提交: the applicant's valid electronic licenses that can stand for the item's materials, by material. */
  licenses: AttachedLicense[];
};

/**
 * Values for an item's form: fields marked `x-prefill` from the applicant's verified profile or, for register keys
 * (sex, householdAddress, legalRepresentative …), from the base registers (sharing `registerPrefill`), any other field
 * from the applicant's latest application that had a field with the same key; and the applicant's electronic
 * licenses that can stand for its materials (免提交, from the licenses module through `licensePort`).
 */
export async function prefillFor(db: Db, actor: Actor, implCode: string, licensePort?: MaterialLicensePort, ip?: string): Promise<Prefill> {
  const item = await findPublishedItem(db, implCode);
  if (!item) throw CaseErrors.ITEM_NOT_APPLICABLE({ implCode });
  const fields = Object.entries(item.document.form.properties);
  const [profile, recent, licenses, registers] = await Promise.all([
    getOwnProfile(db, actor) as Promise<Record<string, string | undefined>>,
    db.selectFrom('case').select('form').where('applicant_id', '=', actor.id).orderBy('submitted_at', 'desc').limit(20).execute(),
    licensesForItem(db, licensePort, actor.id, item.document),
    registerPrefill(db, actor, fields.map(([, f]) => f['x-prefill'] ?? ''), ip),
  ]);
  const values: Record<string, unknown> = {};
  const sources: Prefill['sources'] = {};
  const registerSources: Prefill['registerSources'] = {};
  for (const [key, field] of fields) {
    const hint = field['x-prefill'];
    const fromProfile = hint ? profile[hint] : undefined;
    if (fromProfile) {
      values[key] = fromProfile;
      sources[key] = 'profile';
      continue;
    }
    if (hint && registers.values[hint] !== undefined) {
      values[key] = registers.values[hint];
      sources[key] = 'register';
      registerSources[key] = registers.sources[hint]!;
      continue;
    }
    const earlier = recent.find((r) => r.form[key] !== undefined && r.form[key] !== '');
    if (earlier) {
      values[key] = earlier.form[key];
      sources[key] = 'history';
    }
  }
  return { values, sources, registerSources, licenses };
}
