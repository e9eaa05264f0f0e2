import type { Generated } from 'kysely';

export type NotificationKind =
  | 'case.submitted'
  | 'case.supplement_requested'
  | 'case.accepted'
  | 'case.declined'
  | 'case.extended'
  | 'case.suspended'
  | 'case.resumed'
  | 'case.decided'
  | 'case.closed'
  | 'case.verified'
  | 'bundle.results_released'
  | 'bundle.delivered'
  | 'license.issued'
  | 'license.changed';
export type MessageChannel = 'sms' | 'email';

export type NotifyTables = {
  /** The portal inbox: one row per (domain event, account), so a handler that runs twice writes once. */
  notification: {
    id: string;
    account_id: string;
    event_id: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    case_id: string | null;
    created_at: Generated<Date>;
    read_at: Date | null;
  };
  /**
   * What was sent, or would have been sent, by SMS or email: one row per (domain event, channel). The
   * recipient is stored in full (support, resending) and masked whenever it is listed.
   */
  message_outbox: {
    id: string;
    event_id: string;
    channel: MessageChannel;
    account_id: string | null;
    recipient: string;
    subject: string | null;
    body: string;
    /** 'dev-outbox' (recorded only, nothing sent), 'smtp', or a real SMS provider's name. */
    provider: string;
    status: 'sent' | 'failed';
    error: string | null;
    attempts: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};
