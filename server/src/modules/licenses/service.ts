/**
 * Licenses: issuing from closed cases, the lifecycle (suspend, reinstate, revoke, annotate, re-issue), the
 * holder's wallet, lookups by departments and verification by anyone.
 */
import { sql, type Selectable } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';
import { SM2_DEFAULT_USER_ID, sm2PublicKeyPem } from '../../platform/crypto/index.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { grantedClosedCase } from '../cases/index.ts';
import { findOrgsByIds, getApplicantProfileInTrx } from '../identity/index.ts';
import { maskHolderCode } from './content.ts';
import { forgetLicenseLocally } from './verification-cache.ts';
import { logVerification } from './verify.ts';
import { buildFace, holderCodeType, issueLicenseInTrx, recordEventInTrx, RENEWS_TERM, REPLACES_HELD_LICENSE, supersedeInTrx, typeForItem, isExpired, validUntilOf, type FaceSource, type IssuedLicense, type LicenseDeps, type LicenseTypeRow } from './issue.ts';
import { LicenseErrors } from './errors.ts';
import type { FaceField, LicensesTables, LicenseStatus, LicenseTemplate } from './tables.ts';

type LicenseRow = Selectable<LicensesTables['license']> & { face: Record<string, string> };

/**
 * The job on `case.closed`: when the case was granted and its item yields a license, issue it — exactly once,
 * however often the job runs (the case is locked while we look, and a unique index backs it up).
 */
export async function issueFromCase(deps: LicenseDeps, caseId: string): Promise<IssuedLicense | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('license.case'), hashtext(${caseId}))`.execute(trx);
    const existing = await trx.selectFrom('license').select(['id', 'ref', 'identifier', 'number']).where('case_id', '=', caseId).orderBy('version').executeTakeFirst();
    if (existing) return existing;
    const c = await grantedClosedCase(trx, caseId);
    if (!c) return undefined;
    const type = await typeForItem(trx, c.impl_code);
    if (!type) return undefined;
    const [profile, orgs] = await Promise.all([getApplicantProfileInTrx(trx, c.applicant_id), findOrgsByIds(trx, [c.org_id])]);
    const org = orgs.get(c.org_id)!;
    const holderCode = (c.applicant_type === 'entity' ? profile.credit_code : profile.resident_id) ?? '';
    // A change, renewal or replacement re-issues the license the holder has from this issuer (REPLACES_HELD_LICENSE).
    const held = REPLACES_HELD_LICENSE.test(c.item_name)
      ? ((await trx.selectFrom('license').selectAll().where('type_code', '=', type.code).where('holder_code', '=', holderCode).where('issuer_code', '=', org.creditCode).where('status', 'in', ['valid', 'suspended']).orderBy('issued_at', 'desc').forUpdate().executeTakeFirst()) as LicenseRow | undefined)
      : undefined;
    const issuedAt = c.closed_at;
    const validFrom = todayInShanghai(issuedAt);
    // Only a renewal (延续) runs the validity again; a change or a replacement keeps the held license's term.
    const validUntil = held && !RENEWS_TERM.test(c.item_name) ? held.valid_until : validUntilOf(type.validity, validFrom);
    const form = c.form as Record<string, unknown>;
    const sources: Record<FaceSource, unknown> = {
      'holder.name': c.applicant_name,
      'holder.code': holderCode,
      'holder.address': profile.address,
      'case.number': c.number,
      'case.itemName': c.item_name,
      'issuer.name': c.agency_name,
      issuedAt: validFrom,
      validUntil: validUntil ?? '长期',
    };
    const face = buildFace(type.face_fields, (from) => (from.startsWith('form.') ? form[from.slice(5)] : sources[from as FaceSource]));
    const system = { id: null, name: '系统' };
    if (held) await supersedeInTrx(trx, held.id, `${c.item_name}（办件 ${c.number}）`, system);
    return issueLicenseInTrx(trx, deps.vault, {
      type,
      holder: { kind: c.applicant_type, name: c.applicant_name, code: holderCode, codeType: holderCodeType(holderCode), accountId: c.applicant_id },
      issuer: { orgId: org.id, name: c.agency_name, code: org.creditCode, regionCode: c.region_code },
      // What the new case says wins; dates of the first issue (成立日期, 登记日期 …) and anything it leaves blank are kept.
      face: held ? { ...held.face, ...face, ...firstIssueFields(type.face_fields, held.face) } : face,
      issuedAt,
      validFrom,
      validUntil,
      implCode: c.impl_code,
      caseId: c.id,
      source: 'case',
      ...(held ? { number: held.number, previous: { id: held.id, serial: held.serial, version: held.version } } : {}),
      actor: system,
    });
  });
}

/** The held license's face fields that record its first issue (sourced from `issuedAt`). */
function firstIssueFields(fields: FaceField[], face: Record<string, string>): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => f.from === 'issuedAt' && face[f.key]).map((f) => [f.key, face[f.key]!]));
}

// ---- reading ----

export type LicenseSummary = {
  ref: string; identifier: string; typeCode: string; typeName: string; number: string; version: number; status: LicenseStatus;
  holderName: string; issuerName: string; issuedAt: string; validFrom: string; validUntil: string | null; expired: boolean;
};


function summary(r: LicenseRow, today: string): LicenseSummary {
  return {
    ref: r.ref, identifier: r.identifier, typeCode: r.type_code, typeName: r.type_name, number: r.number, version: r.version, status: r.status,
    holderName: r.holder_name, issuerName: r.issuer_name, issuedAt: r.issued_at.toISOString(), validFrom: r.valid_from, validUntil: r.valid_until,
    expired: isExpired(r.valid_until, today),
  };
}

export type LicenseDetail = LicenseSummary & {
  holderKind: 'person' | 'entity'; holderCode: string; holderCodeType: string; issuerCode: string; regionCode: string; implCode: string | null; caseId: string | null;
  face: Array<{ key: string; label: string; value: string }>;
  annotations: Array<{ text: string; at: string; by: string }>;
  history: Array<{ action: string; reason: string | null; actorName: string; at: string }>;
  source: 'case' | 'legacy';
  /** How the type is rendered (title, accent colour, footer). */
  template: LicenseTemplate;
};

async function detailOf(db: Db | Trx, r: LicenseRow): Promise<LicenseDetail> {
  const [type, history] = await Promise.all([
    db.selectFrom('license_type').select(['face_fields', 'template']).where('code', '=', r.type_code).executeTakeFirst(),
    db.selectFrom('license_event').select(['action', 'reason', 'actor_name', 'at']).where('license_id', '=', r.id).orderBy('at').execute(),
  ]);
  const labels = new Map((type?.face_fields ?? []).map((f) => [f.key, f.label]));
  return {
    ...summary(r, todayInShanghai()),
    holderKind: r.holder_kind, holderCode: r.holder_code, holderCodeType: r.holder_code_type, issuerCode: r.issuer_code, regionCode: r.region_code,
    implCode: r.impl_code, caseId: r.case_id, source: r.source, template: type?.template ?? {},
    // In the type's order (jsonb keeps its own), then anything the type no longer lists.
    face: [...labels.keys(), ...Object.keys(r.face).filter((k) => !labels.has(k))].filter((k) => k in r.face).map((key) => ({ key, label: labels.get(key) ?? key, value: r.face[key]! })),
    annotations: r.annotations,
    history: history.map((h) => ({ action: h.action, reason: h.reason, actorName: h.actor_name, at: h.at.toISOString() })),
  };
}

/** The applicant's wallet: licenses held by this account or under its resident ID / credit code, newest first. */
export async function myLicenses(db: Db, actor: Actor): Promise<LicenseSummary[]> {
  const codes = await holderCodesOf(db, actor.id);
  const rows = (await db
    .selectFrom('license')
    .selectAll()
    .where((eb) => eb.or([eb('holder_account_id', '=', actor.id), ...(codes.length ? [eb('holder_code', 'in', codes)] : [])]))
    .where('status', '!=', 'superseded')
    .orderBy('issued_at', 'desc')
    .execute()) as LicenseRow[];
  const today = todayInShanghai();
  return rows.map((r) => summary(r, today));
}

export async function holderCodesOf(db: Db | Trx, accountId: string): Promise<string[]> {
  const p = await getApplicantProfileInTrx(db, accountId);
  return [p.resident_id, p.credit_code].filter((x): x is string => !!x);
}

async function byRef(db: Db | Trx, ref: string): Promise<LicenseRow> {
  const r = (await db.selectFrom('license').selectAll().where('ref', '=', ref).executeTakeFirst()) as LicenseRow | undefined;
  if (!r) throw LicenseErrors.LICENSE_NOT_FOUND();
  return r;
}

/** One of the applicant's own licenses (not found for anyone else's: no probing of references). */
export async function myLicense(db: Db, actor: Actor, ref: string): Promise<LicenseDetail> {
  const r = await byRef(db, ref);
  if (r.holder_account_id !== actor.id && !(await holderCodesOf(db, actor.id)).includes(r.holder_code)) throw LicenseErrors.LICENSE_NOT_FOUND();
  return detailOf(db, r);
}

/** Staff may read licenses issued in their data scope (license:read): own organisation, region and below, or all. */
function inStaffScope(actor: Actor, r: LicenseRow): boolean {
  switch (scopeOf(actor, 'license:read')) {
    case 'all': return true;
    case 'region': return r.region_code.startsWith(regionLikePrefix(actor.regionCode));
    case 'org': return r.issuer_org_id === actor.orgId;
    default: return false;
  }
}

export async function staffLicense(db: Db, actor: Actor, ref: string, ip: string): Promise<LicenseDetail> {
  const r = await byRef(db, ref);
  if (!inStaffScope(actor, r)) throw LicenseErrors.LICENSE_NOT_FOUND();
  await logVerification(db, [{ licenseId: r.id, ref, channel: `staff:${actor.username}`, valid: r.status === 'valid', ip }]);
  return detailOf(db, r);
}

/**
 * A department looks up a holder's licenses (e.g. a reviewer checking an applicant's business license instead of a
 * scan). Authorised by license:read; every lookup is logged with who asked.
 */
export async function holderLicenses(db: Db, actor: Actor, q: { holderCode: string; typeCode?: string }, ip: string): Promise<LicenseSummary[]> {
  holderCodeType(q.holderCode);
  let query = db.selectFrom('license').selectAll().where('holder_code', '=', q.holderCode).where('status', '!=', 'superseded');
  if (q.typeCode) query = query.where('type_code', '=', q.typeCode);
  const rows = (await query.orderBy('issued_at', 'desc').limit(200).execute()) as LicenseRow[];
  await logVerification(db, rows.length ? rows.map((r) => ({ licenseId: r.id, ref: r.ref, channel: `department:${actor.username}`, valid: r.status === 'valid', ip })) : [{ licenseId: null, ref: `holder:${maskHolderCode(q.holderCode, holderCodeType(q.holderCode))}`, channel: `department:${actor.username}`, valid: false, ip }]);
  const today = todayInShanghai();
  return rows.map((r) => summary(r, today));
}

// ---- lifecycle ----

export type LifecycleAction = 'suspend' | 'reinstate' | 'revoke' | 'annotate' | 'reissue';
const ACTION_LABEL: Record<LifecycleAction, string> = { suspend: '暂停使用', reinstate: '恢复使用', revoke: '注销', annotate: '加注', reissue: '换发新版本' };
export const STATUS_LABEL: Record<LicenseStatus, string> = { valid: '有效', suspended: '暂停使用', revoked: '已注销', superseded: '已换发' };
const ALLOWED_FROM: Record<LifecycleAction, LicenseStatus[]> = {
  suspend: ['valid'],
  reinstate: ['suspended'],
  revoke: ['valid', 'suspended'],
  annotate: ['valid', 'suspended'],
  reissue: ['valid'],
};
const PAST: Record<LifecycleAction, string> = { suspend: 'suspended', reinstate: 'reinstated', revoke: 'revoked', annotate: 'annotated', reissue: 'reissued' };
const NEXT: Partial<Record<LifecycleAction, LicenseStatus>> = { suspend: 'suspended', reinstate: 'valid', revoke: 'revoked' };

export type LifecycleInput = { action: LifecycleAction; reason?: string; text?: string; face?: Record<string, string> };

export async function actOnLicense(deps: LicenseDeps, actor: Actor, ref: string, input: LifecycleInput, ip: string): Promise<LicenseDetail> {
  const detail = await deps.db.transaction().execute(async (trx) => {
    const r = (await trx.selectFrom('license').selectAll().where('ref', '=', ref).forUpdate().executeTakeFirst()) as LicenseRow | undefined;
    if (!r) throw LicenseErrors.LICENSE_NOT_FOUND();
    if (scopeOf(actor, 'license:manage') !== 'all' && r.issuer_org_id !== actor.orgId) throw LicenseErrors.NOT_ISSUER();
    if (!ALLOWED_FROM[input.action].includes(r.status)) throw LicenseErrors.ACTION_NOT_ALLOWED({ status: STATUS_LABEL[r.status], action: ACTION_LABEL[input.action] });
    const reason = input.reason?.trim() ?? '';
    if (input.action !== 'annotate' && reason.length < 4) throw LicenseErrors.REASON_REQUIRED({ action: ACTION_LABEL[input.action] });
    let result = r;
    if (input.action === 'annotate') {
      const text = input.text?.trim();
      if (!text) throw LicenseErrors.ANNOTATION_REQUIRED();
      const annotations = [...r.annotations, { text, at: new Date().toISOString(), by: actor.displayName }];
      await trx.updateTable('license').set({ annotations: JSON.stringify(annotations), updated_at: sql`now()` }).where('id', '=', r.id).execute();
      await recordEventInTrx(trx, r.id, PAST.annotate, text, { id: actor.id, name: actor.displayName });
      result = { ...r, annotations };
    } else if (input.action === 'reissue') {
      const type = (await trx.selectFrom('license_type').selectAll().where('code', '=', r.type_code).executeTakeFirstOrThrow()) as LicenseTypeRow;
      const face = { ...r.face };
      const keys = new Set(type.face_fields.map((f) => f.key));
      for (const [k, v] of Object.entries(input.face ?? {})) {
        if (!keys.has(k)) throw LicenseErrors.FACE_FIELD_INVALID({ key: k, reason: '这个证照类型没有这一项' });
        if (v.trim()) face[k] = v.trim();
        else delete face[k];
      }
      await supersedeInTrx(trx, r.id, reason, { id: actor.id, name: actor.displayName });
      const issuedAt = new Date();
      const validFrom = todayInShanghai(issuedAt);
      const issued = await issueLicenseInTrx(trx, deps.vault, {
        type,
        holder: { kind: r.holder_kind, name: r.holder_name, code: r.holder_code, codeType: r.holder_code_type, accountId: r.holder_account_id },
        issuer: { orgId: r.issuer_org_id, name: r.issuer_name, code: r.issuer_code, regionCode: r.region_code },
        face,
        issuedAt,
        validFrom,
        validUntil: r.valid_until,
        implCode: r.impl_code,
        caseId: r.case_id,
        source: r.source,
        number: r.number,
        previous: { id: r.id, serial: r.serial, version: r.version },
        actor: { id: actor.id, name: actor.displayName },
      });
      result = await byRef(trx, issued.ref);
    } else {
      const status = NEXT[input.action]!;
      await trx.updateTable('license').set({ status, updated_at: sql`now()` }).where('id', '=', r.id).execute();
      await recordEventInTrx(trx, r.id, PAST[input.action], reason, { id: actor.id, name: actor.displayName });
      result = { ...r, status };
    }
    await emitInTrx(trx, 'license.changed', { licenseId: r.id, ref: r.ref, action: input.action, holderAccountId: r.holder_account_id, typeName: r.type_name, number: r.number, reason });
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: `license.${input.action}`, entityType: 'license', entityId: r.id, before: { status: r.status }, after: { status: result.status, ref: result.ref, reason }, ip });
    return detailOf(trx, result);
  });
  // Committed: this instance's verification cache forgets it now (others when the NOTIFY arrives).
  forgetLicenseLocally(ref);
  return detail;
}

/**
 * 告知承诺 found false at verification (行政许可法 art. 69; 国办发〔2020〕42号): the grant is revoked, and so is
 * every license the case produced. Idempotent: a license already revoked stays as it is.
 */
export async function revokeForCase(deps: LicenseDeps, caseId: string, reason: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('license').select(['id', 'ref', 'status', 'holder_account_id', 'type_name', 'number']).where('case_id', '=', caseId).where('status', 'in', ['valid', 'suspended']).forUpdate().execute();
    const text = `告知承诺不实，许可已撤销：${reason}`;
    for (const r of rows) {
      await trx.updateTable('license').set({ status: 'revoked', updated_at: sql`now()` }).where('id', '=', r.id).execute();
      await recordEventInTrx(trx, r.id, PAST.revoke, text, { id: null, name: '系统' });
      await emitInTrx(trx, 'license.changed', { licenseId: r.id, ref: r.ref, action: 'revoke', holderAccountId: r.holder_account_id, typeName: r.type_name, number: r.number, reason: text });
    }
    return rows.length;
  });
}

// ---- verification (verify.ts) ----

/** For independent checks with standard SM2 tools: the exact signed bytes, the DER signature and the seal's public key. */
export async function signatureOf(db: Db, ref: string) {
  const r = await db
    .selectFrom('license')
    .innerJoin('seal_key', 'seal_key.id', 'license.seal_key_id')
    .select(['license.signed_data', 'license.signature', 'seal_key.seal_id', 'seal_key.public_key_hex'])
    .where('license.ref', '=', ref)
    .executeTakeFirst();
  if (!r) throw LicenseErrors.LICENSE_NOT_FOUND();
  return {
    signedData: Buffer.from(r.signed_data, 'utf8').toString('base64'),
    signature: r.signature.toString('base64'),
    alg: 'SM2-with-SM3' as const,
    userId: SM2_DEFAULT_USER_ID,
    sealId: r.seal_id,
    publicKeyPem: sm2PublicKeyPem(r.public_key_hex),
  };
}
