/**
 * 窗口收件的手续 (paperwork at the comprehensive window, after filing for an applicant who came in person):
 * - the applicant's signature, drawn on the pad on the clerk's screen or tablet, kept as a PNG in the file store and
 *   linked to the case (one per case: signing again replaces it);
 * - how the applicant wants the result (window pickup / express to an address / electronic), the case's `delivery`
 *   that the decision and `deliver` use later (express books the courier, platform/express);
 * - the 受理通知书 (acceptance-notice-pdf.ts), once the case is accepted.
 * Every step reads the case in the caller's data scope (404 outside it) and is audited.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { sniff } from '../../platform/files/sniff.ts';
import { defineErrors } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { findItemVersion } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import { loadCaseInTrx, type CaseRow } from './service.ts';
import { STATE_LABELS, type CaseState, type DeliveryMethod } from './state.ts';
import type { Delivery } from './tables.ts';
import { renderAcceptanceNoticePdf } from './acceptance-notice-pdf.ts';

/** A signature drawn on a pad is a few kilobytes; anything near this is not one. */
export const SIGNATURE_MAX_BYTES = 256 * 1024;
/** The pad's canvas is at most a screen wide; a bigger image is not from it. */
const SIGNATURE_MAX_SIDE = 4000;

export const PaperworkErrors = defineErrors({
  SIGNATURE_EMPTY: { status: 400, 'zh-CN': '没有收到签名，请申请人在签名板上签字后再保存', 'en-US': 'No signature received; have the applicant sign on the pad first' },
  SIGNATURE_NOT_PNG: { status: 415, 'zh-CN': '签名必须是 PNG 图片（签名板保存的格式）', 'en-US': 'The signature must be a PNG image (as the signature pad saves it)' },
  SIGNATURE_TOO_LARGE: { status: 413, 'zh-CN': '签名图片太大，不能超过 {limitKb} KB', 'en-US': 'The signature image is too large; the limit is {limitKb} KB' },
  SIGNATURE_NOT_FOUND: { status: 404, 'zh-CN': '该办件还没有申请人签名', 'en-US': 'The applicant has not signed for this case yet' },
  PAPERWORK_STATE: { status: 409, 'zh-CN': '办件当前为“{state}”，不能再{what}', 'en-US': 'The case is "{state}"; {what} is no longer possible' },
  NOTICE_NOT_ACCEPTED: { status: 409, 'zh-CN': '办件尚未受理（当前为“{state}”），受理后才能打印受理通知书', 'en-US': 'The case is not accepted yet ("{state}"); the acceptance notice comes with acceptance' },
});

/** Signing and choosing how the result comes are done at intake: before a decision. */
const INTAKE_STATES: readonly CaseState[] = ['submitted', 'accepted'];
/** The notice exists once accepted, and may be printed again later. */
const NOTICE_STATES: readonly CaseState[] = ['accepted', 'decided', 'closed', 'revoked'];

async function caseInScope(db: Db, actor: Actor, id: string): Promise<NonNullable<CaseRow>> {
  const c = await loadCaseInTrx(db, actor, id);
  if (!c) throw CaseErrors.CASE_NOT_FOUND();
  return c;
}

/** The PNG's bytes from base64 (a `data:image/png;base64,` URL from a canvas, or bare), checked to be a PNG from a pad. */
export function signaturePng(encoded: string): Buffer {
  const bare = encoded.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!bare) throw PaperworkErrors.SIGNATURE_EMPTY();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(bare)) throw PaperworkErrors.SIGNATURE_NOT_PNG();
  const bytes = Buffer.from(bare, 'base64');
  if (bytes.length === 0) throw PaperworkErrors.SIGNATURE_EMPTY();
  if (bytes.length > SIGNATURE_MAX_BYTES) throw PaperworkErrors.SIGNATURE_TOO_LARGE({ limitKb: SIGNATURE_MAX_BYTES / 1024 });
  // PNG: the 8-byte signature, then the IHDR chunk with width and height (ISO/IEC 15948).
  if (sniff(bytes.subarray(0, 16))?.mime !== 'image/png' || bytes.length < 33 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw PaperworkErrors.SIGNATURE_NOT_PNG();
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > SIGNATURE_MAX_SIDE || height > SIGNATURE_MAX_SIDE) throw PaperworkErrors.SIGNATURE_NOT_PNG();
  return bytes;
}

export type SignatureView = { signedAt: string; clerkName: string; url: string };

const signatureView = (caseId: string, r: { signed_at: Date; clerk_name: string }): SignatureView => ({ signedAt: r.signed_at.toISOString(), clerkName: r.clerk_name, url: `/api/v1/cases/${caseId}/signature.png` });

/** The applicant signs on the pad at the window: stored as a PNG file, linked to the case (replacing an earlier one). */
export async function saveSignature(db: Db, store: FileStore, actor: Actor, id: string, encoded: string, ip: string, locale: Locale): Promise<SignatureView> {
  const c = await caseInScope(db, actor, id);
  if (!INTAKE_STATES.includes(c.state)) throw PaperworkErrors.PAPERWORK_STATE({ state: STATE_LABELS[c.state][locale], what: locale === 'zh-CN' ? '签名' : 'signing' });
  const png = signaturePng(encoded);
  const { sha256, size } = await store.put(png);
  const fileId = newId();
  const row = await db.transaction().execute(async (trx) => {
    await trx.insertInto('file_object').values({ id: fileId, sha256, size, mime: 'image/png', name: `申请人签名-${c.number}.png`, owner_id: actor.id }).execute();
    const r = await trx
      .insertInto('case_signature')
      .values({ case_id: c.id, file_id: fileId, clerk_id: actor.id, clerk_name: actor.displayName })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ file_id: fileId, clerk_id: actor.id, clerk_name: actor.displayName, signed_at: new Date() }))
      .returning(['signed_at', 'clerk_name'])
      .executeTakeFirstOrThrow();
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.signature', entityType: 'case', entityId: c.id, after: { fileId, sha256 }, ip });
    return r;
  });
  return signatureView(c.id, row);
}

/** The signature of a case the caller may read, for the record (undefined when not signed). */
export async function signatureOf(db: Db, caseId: string): Promise<SignatureView | undefined> {
  const r = await db.selectFrom('case_signature').select(['signed_at', 'clerk_name']).where('case_id', '=', caseId).executeTakeFirst();
  return r ? signatureView(caseId, r) : undefined;
}

/** The signature's image, for a case in the caller's scope. */
export async function signatureImage(db: Db, store: FileStore, actor: Actor, id: string): Promise<{ stream: Readable; size: number }> {
  const c = await caseInScope(db, actor, id);
  const f = await db.selectFrom('case_signature as s').innerJoin('file_object as f', 'f.id', 's.file_id').select(['f.sha256', 'f.size']).where('s.case_id', '=', c.id).executeTakeFirst();
  if (!f) throw PaperworkErrors.SIGNATURE_NOT_FOUND();
  return { stream: store.open(f.sha256), size: f.size };
}

/**
 * How the applicant wants the result, recorded at the window: the case's delivery, which the decision (electronic
 * delivery completes with it) and `deliver` (express books the courier for this address) use.
 */
export async function setDelivery(db: Db, actor: Actor, id: string, input: { method: DeliveryMethod; address?: string }, ip: string, locale: Locale): Promise<Delivery> {
  const address = input.address?.trim();
  if (input.method === 'express' && !address) throw CaseErrors.ADDRESS_REQUIRED();
  return db.transaction().execute(async (trx) => {
    const c = await loadCaseInTrx(trx, actor, id);
    if (!c) throw CaseErrors.CASE_NOT_FOUND();
    if (!INTAKE_STATES.includes(c.state)) throw PaperworkErrors.PAPERWORK_STATE({ state: STATE_LABELS[c.state][locale], what: locale === 'zh-CN' ? '更改送达方式' : 'changing the delivery' });
    // 一件事 delivered together: the bundle's one delivery decides, not a member's own.
    if (c.bundle?.together) throw PaperworkErrors.PAPERWORK_STATE({ state: c.bundle.name, what: locale === 'zh-CN' ? '单独更改送达方式' : 'changing one member’s delivery' });
    const delivery: Delivery = { method: input.method, ...(input.method === 'express' ? { address } : {}) };
    // Not a step of the case (the version stays), so it never conflicts with a clerk acting on the case meanwhile.
    await trx.updateTable('case').set({ delivery: JSON.stringify(delivery), updated_at: new Date() }).where('id', '=', c.id).execute();
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.delivery', entityType: 'case', entityId: c.id, before: c.delivery, after: delivery, ip });
    return delivery;
  });
}

/** The 受理通知书 of an accepted case the caller may read (staff opening it is audited, as any document of a case). */
export async function acceptanceNotice(db: Db, store: FileStore, actor: Actor, id: string, opts: { ip: string; locale: Locale; baseUrl: string }): Promise<{ number: string; pdf: Buffer }> {
  const c = await caseInScope(db, actor, id);
  if (!NOTICE_STATES.includes(c.state) || !c.accepted_at) throw PaperworkErrors.NOTICE_NOT_ACCEPTED({ state: STATE_LABELS[c.state][opts.locale] });
  const [item, uploads, licensed, signed] = await Promise.all([
    findItemVersion(db, c.item_version_id),
    db.selectFrom('case_material').select(['name', 'file_name']).where('case_id', '=', c.id).orderBy('code').execute(),
    db.selectFrom('case_material_license').select(['name', 'type_name']).where('case_id', '=', c.id).orderBy('code').execute(),
    db.selectFrom('case_signature as s').innerJoin('file_object as f', 'f.id', 's.file_id').select(['f.sha256', 's.signed_at']).where('s.case_id', '=', c.id).executeTakeFirst(),
  ]);
  if (!item) throw new Error(`item version ${c.item_version_id} of case ${c.number} is missing`);
  const signature = signed ? { png: await streamToBuffer(store.open(signed.sha256)), signedAt: signed.signed_at } : undefined;
  const pdf = await renderAcceptanceNoticePdf({
    case: c,
    item,
    materials: [...uploads.map((m) => ({ name: m.name, how: '已收取' })), ...licensed.map((m) => ({ name: m.name, how: `电子证照（${m.type_name}）免提交` }))],
    caseUrl: `${opts.baseUrl.replace(/\/$/, '')}/my/cases/${c.id}`,
    ...(signature ? { signature } : {}),
  });
  if (actor.subjectType === 'staff') {
    await db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'case.acceptance_notice', entityType: 'case', entityId: c.id, ip: opts.ip }));
  }
  return { number: c.number, pdf };
}

async function streamToBuffer(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of s) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
