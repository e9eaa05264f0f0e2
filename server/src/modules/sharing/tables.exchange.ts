import type { ColumnType, Generated } from 'kysely';

export type RequestStatus = 'submitted' | 'accepted' | 'granted' | 'refused';
export type GrantStatus = 'active' | 'suspended' | 'revoked';
export type AccessResult = 'ok' | 'not_found' | 'bad_request' | 'wrong_resource' | 'grant_inactive' | 'bulk_refused' | 'rate_limited' | 'quota_exceeded';

/**
 * Requests for shared resources and the grants they lead to (seed 000 §(十) 23: 统一受理、平台授权), the API keys
 * of a grant, and the log of every exchange call.
 */
export type ExchangeTables = {
  share_request: {
    id: string;
    resource_code: string;
    /** The requesting department. */
    org_id: string;
    requested_by: string;
    requested_by_name: string;
    purpose: string;
    fields: string[];
    /** Sensitive fields asked for whole (not masked), with the reason. */
    unmasked_fields: string[];
    unmask_reason: string;
    status: RequestStatus;
    /** Who is to act now: the platform (review, then provision of open resources) or the provider department. */
    stage: 'review' | 'provision' | 'provider' | 'done';
    submitted_on: string;
    accepted_on: string | null;
    decided_on: string | null;
    /** Deadline of the current stage (working days from the platform calendar). */
    due_date: string | null;
    warn_date: string | null;
    /** When the escalation job noticed the stage overdue (shown as 已超期). */
    escalated_at: Date | null;
    refused_by: 'platform' | 'provider' | null;
    refuse_reason: string | null;
    /** Sensitive fields the provider agreed to show whole (a subset of unmasked_fields). */
    approved_unmasked: string[];
    grant_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  data_grant: {
    id: string;
    request_id: string | null;
    resource_code: string;
    org_id: string;
    fields: string[];
    unmasked_fields: string[];
    purpose: string;
    valid_until: string;
    rate_per_minute: number;
    daily_quota: number;
    /** How many record keys one call may ask for (1: no bulk reads). */
    max_keys_per_call: number;
    status: GrantStatus;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  grant_api_key: {
    id: string;
    grant_id: string;
    /** The first characters of the key, shown in lists; the key itself is shown once and kept only as SHA-256. */
    prefix: string;
    key_hash: Buffer;
    label: string;
    created_by: string;
    created_at: Generated<Date>;
    revoked_at: Date | null;
  };
  sharing_access_log: {
    id: Generated<number>;
    at: ColumnType<Date, Date | undefined, never>;
    grant_id: string | null;
    api_key_id: string | null;
    /** The requesting department. */
    org_id: string | null;
    resource_code: string;
    provider_org_id: string | null;
    /** The record key(s) asked for, as sent (masked whenever listed). */
    key_value: string;
    fields: string[];
    result: AccessResult;
    status: number;
  };
};
