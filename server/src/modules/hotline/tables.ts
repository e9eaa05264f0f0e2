import type { ColumnType, Generated } from 'kysely';

export type HotlineTables = {
  /** 12345 热线一件事: one row per call in which an operator answered a bundle's questionnaire with the caller and sent the list by SMS. */
  hotline_referral: {
    id: string;
    bundle_code: string;
    bundle_version: number;
    operator_id: string;
    operator_name: string;
    caller_name: string;
    caller_phone: string;
    answers: ColumnType<Record<string, string>, string, string>;
    /** What the caller was told: item and material names and counts. */
    plan_summary: ColumnType<{ items: string[]; materials: string[] }, string, string>;
    /** The SMS as sent (its row in message_outbox has this referral's id as event_id). */
    sms_body: string;
    created_at: Generated<Date>;
  };
};
