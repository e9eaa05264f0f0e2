import type { EmailSender, SmsSender } from './types.ts';

export const DEV_OUTBOX_PROVIDER = 'dev-outbox';

/**
 * Development outbox SMS simulator: sends nothing. The message is only recorded in `message_outbox`
 * (provider 'dev-outbox'), where the admin page 开发发件箱 shows it. A real SMS gateway plugs into the same
 * `SmsSender` interface.
 */
export function createDevOutboxSmsSimulator(): SmsSender {
  return { provider: DEV_OUTBOX_PROVIDER, simulated: true, send: async () => undefined };
}

/** Development outbox email simulator, used when SMTP_URL is not set: records only, sends nothing. */
export function createDevOutboxEmailSimulator(): EmailSender {
  return { provider: DEV_OUTBOX_PROVIDER, simulated: true, send: async () => undefined };
}
