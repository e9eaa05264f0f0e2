/**
 * Adapters chosen from the environment (documented in README):
 * - SMTP_URL   set: email goes out over SMTP (smtp://user:pass@host:587); unset: the development outbox only.
 * - MAIL_FROM  sender of those emails (default 通办 <noreply@tongban.local>).
 * SMS always uses the development outbox simulator: no SMS gateway is connected yet.
 */
import { createDevOutboxEmailSimulator, createDevOutboxSmsSimulator } from './dev-outbox.ts';
import { createSmtpEmailSender } from './smtp.ts';
import type { EmailSender, SmsSender } from './types.ts';

export type { EmailSender, SmsSender, OutgoingEmail, OutgoingSms } from './types.ts';
export { createDevOutboxEmailSimulator, createDevOutboxSmsSimulator, DEV_OUTBOX_PROVIDER } from './dev-outbox.ts';
export { createSmtpEmailSender } from './smtp.ts';

export const DEFAULT_MAIL_FROM = '通办 <noreply@tongban.local>';

export type NotifyEnv = { SMTP_URL?: string; MAIL_FROM?: string; PUBLIC_URL?: string };

export function notifyAdaptersFromEnv(env: NotifyEnv = process.env): { sms: SmsSender; email: EmailSender; publicUrl?: string } {
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl && !/^smtps?:\/\//i.test(smtpUrl)) throw new Error('SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:pass@host:587)');
  const email = smtpUrl ? createSmtpEmailSender({ url: smtpUrl, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM }) : createDevOutboxEmailSimulator();
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  return { sms: createDevOutboxSmsSimulator(), email, ...(publicUrl ? { publicUrl } : {}) };
}
