/**
 * 12345 热线一件事: the operator answers a bundle's situation questionnaire with the caller, tells them the one-time
 * list (the same plan as the portal's), and sends it to the caller's mobile with a link to the portal's bundle page
 * with these answers filled in, so they come once with everything or finish online. Nothing is filed: a hotline
 * cannot take materials.
 */
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { planBundle, type Answers, type Plan } from '../bundles/index.ts';
import { isMainlandMobile, maskPhone } from '../identity/index.ts';
import { deliverOnce, type SmsSender } from '../notify/index.ts';
import { HotlineErrors } from './errors.ts';

export type ReferralInput = { bundleCode: string; answers: Answers; caller: { name: string; phone: string } };
export type Referral = { referralId: string; plan: Plan; link: string; sms: { to: string; status: 'sent' | 'failed'; text: string } };
export type HotlineDeps = { db: Db; sms: SmsSender; publicUrl?: string };

/** The portal's bundle page with the answers filled in: `?answers=` is base64url of their JSON (web/src/portal/BundlePage.tsx reads it). */
export function bundleLink(code: string, answers: Answers, publicUrl = ''): string {
  return `${publicUrl}/bundles/${encodeURIComponent(code)}?answers=${Buffer.from(JSON.stringify(answers), 'utf8').toString('base64url')}`;
}

/** One SMS: the bundle, how many items, how many materials to bring (and how many the platform already holds), the link. */
export function referralSms(plan: Plan, link: string): string {
  const bring = plan.materials.filter((m) => m.provide === 'upload').length;
  const held = plan.materials.length - bring;
  const heldText = held > 0 ? `，另有${held}份材料平台已有、无需提交` : '';
  return `【通办】您咨询的${plan.bundle.name}一次办清单：共${plan.items.length}个事项，需准备${bring}份材料${heldText}。查看清单或在线办理：${link}`;
}

export async function referBundle(deps: HotlineDeps, operator: Actor, input: ReferralInput, ip: string): Promise<Referral> {
  const name = input.caller.name.trim();
  const phone = input.caller.phone.trim();
  if (!name) throw HotlineErrors.CALLER_NAME_REQUIRED();
  if (!isMainlandMobile(phone)) throw HotlineErrors.CALLER_PHONE_INVALID();
  // Exactly what POST /api/v1/public/bundles/{code}/plan answers (unknown bundle 404, bad answers 400).
  const plan = await planBundle(deps.db, input.bundleCode, input.answers, []);
  const id = newId();
  const link = bundleLink(plan.bundle.code, input.answers, deps.publicUrl);
  const text = referralSms(plan, link);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hotline_referral')
      .values({
        id,
        bundle_code: plan.bundle.code,
        bundle_version: plan.bundle.version,
        operator_id: operator.id,
        operator_name: operator.displayName,
        caller_name: name,
        caller_phone: phone,
        answers: JSON.stringify(input.answers),
        plan_summary: JSON.stringify({ items: plan.items.map((i) => i.name), materials: plan.materials.map((m) => m.name) }),
        sms_body: text,
      })
      .execute();
    await writeAuditInTrx(trx, {
      actor: { id: operator.id, name: operator.displayName },
      action: 'hotline.bundle_referral',
      entityType: 'hotline_referral',
      entityId: id,
      after: { bundleCode: plan.bundle.code, answers: input.answers, callerName: name, callerPhone: maskPhone(phone), items: plan.items.length, materials: plan.materials.length },
      ip,
    });
  });
  // Recorded first, sent second: a failed send stays in the dev outbox as 'failed' and the operator is told.
  const sent = await deliverOnce(deps.db, deps.sms, { eventId: id, channel: 'sms', accountId: null, recipient: phone, subject: null, body: text });
  return { referralId: id, plan, link, sms: { to: maskPhone(phone)!, status: sent.result === 'failed' ? 'failed' : 'sent', text } };
}
