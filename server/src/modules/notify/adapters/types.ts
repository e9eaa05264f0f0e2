/**
 * The notify module talks to the outside world through these two interfaces only. Whatever the provider,
 * every message is also recorded in `message_outbox` by the service (see service.ts `deliverOnce`), so the
 * development outbox page shows what was sent, or what would have been.
 */
export type OutgoingSms = { to: string; text: string };
export type OutgoingEmail = { to: string; subject: string; text: string };

export type SmsSender = {
  /** Recorded as message_outbox.provider. */
  readonly provider: string;
  /** True when nothing leaves the machine (development outbox simulator). */
  readonly simulated: boolean;
  /** Resolves when the provider accepted the message; throws otherwise (the job is retried). */
  send(message: OutgoingSms): Promise<void>;
};

export type EmailSender = {
  readonly provider: string;
  readonly simulated: boolean;
  send(message: OutgoingEmail): Promise<void>;
};
