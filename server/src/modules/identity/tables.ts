import type { ColumnType, Generated } from 'kysely';

export type IdentityTables = {
  region: { code: string; name: string; level: string; parent_code: string | null };
  org: {
    id: string;
    key: string;
    name: string;
    short_name: string;
    kind: string;
    region_code: string;
    credit_code: string;
    dept_code: string | null;
    parent_id: string | null;
    created_at: Generated<Date>;
  };
  account: {
    id: string;
    username: string;
    password_hash: string;
    display_name: string;
    subject_type: 'person' | 'entity' | 'staff';
    org_id: string | null;
    region_code: string | null;
    person_name: string | null;
    resident_id: string | null;
    phone: string | null;
    address: string | null;
    entity_name: string | null;
    credit_code: string | null;
    status: Generated<string>;
    /** L1 self-declared, L2 checked against the population / legal-entity register, L3 checked in person. */
    real_name_level: Generated<'L1' | 'L2' | 'L3'>;
    created_at: Generated<Date>;
  };
  account_role: { account_id: string; role: string };
  session: {
    id: string;
    token_hash: string;
    account_id: string;
    csrf_token: string;
    created_at: Generated<Date>;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
    /** The entity this person's session acts for as its agent (经办人), if any. */
    acting_for: Generated<string | null>;
    /** When the session last proved the password (sign-in or re-authentication). */
    auth_at: Generated<Date>;
    /** The post (staff_post) this staff session works in; null: the account's own organisation. */
    post_id: Generated<string | null>;
  };
  login_failure: { id: Generated<number>; username: string; ip: string; at: Generated<Date> };
  oidc_client: {
    client_id: string;
    name: string;
    org_id: string | null;
    secret_sealed: string | null;
    redirect_uris: string[];
    post_logout_redirect_uris: string[];
    grant_types: string[];
    scopes: string[];
    subject_types: string[];
    status: Generated<'active' | 'disabled'>;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  oidc_payload: {
    model: string;
    id: string;
    payload: unknown;
    grant_id: string | null;
    uid: string | null;
    user_code: string | null;
    expires_at: Date | null;
    consumed_at: Date | null;
  };
  otp_code: {
    id: string;
    phone: string;
    purpose: 'login' | 'register' | 'reset';
    code_hash: string | null;
    attempts: Generated<number>;
    expires_at: ColumnType<Date, unknown, unknown>;
    used_at: ColumnType<Date | null, unknown, unknown>;
    ip: string;
    created_at: Generated<Date>;
  };
  staff_post: {
    id: string;
    account_id: string;
    org_id: string;
    roles: string[];
    kind: 'post' | 'delegation';
    delegated_by: string | null;
    reason: Generated<string>;
    valid_from: string;
    valid_until: string | null;
    granted_by: string | null;
    created_at: Generated<Date>;
    revoked_at: Date | null;
  };
  entity_agent: {
    id: string;
    entity_account_id: string;
    agent_account_id: string;
    scopes: AgentScope[];
    valid_from: string;
    valid_until: string;
    status: Generated<'active' | 'revoked'>;
    granted_by: string;
    granted_at: Generated<Date>;
    revoked_at: Date | null;
    revoked_by: string | null;
  };
};

/** What an agent may do for the entity: apply (办事), follow its cases (查件), use its electronic licenses (用证). */
export type AgentScope = 'apply' | 'cases' | 'licenses';
