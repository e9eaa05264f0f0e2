import type { EmailSender } from './types.ts';

type MailTransport = { sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown> };

/**
 * Email over SMTP with nodemailer. `url` is e.g. smtp://user:pass@host:587 (STARTTLS when offered) or
 * smtps://user:pass@host:465; the URL holds a password, so it is never logged. Tests pass a `transport`.
 */
export function createSmtpEmailSender(opts: { url: string; from: string } | { transport: MailTransport; from: string }): EmailSender {
  // nodemailer is imported with the first message: ~8 MB of resident memory a server without SMTP does not carry.
  let transport: Promise<MailTransport> | undefined;
  const open = (): Promise<MailTransport> => {
    if ('transport' in opts) return Promise.resolve(opts.transport);
    const { url } = opts;
    return (transport ??= import('nodemailer').then((m) => m.default.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })));
  };
  return {
    provider: 'smtp',
    simulated: false,
    async send(m) {
      await (await open()).sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
