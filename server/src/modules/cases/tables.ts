import type { ColumnType, Generated } from 'kysely';
import type { CaseState, Decision, DeliveryMethod } from './state.ts';

export type SupplementNotice = { items: Array<{ code?: string; name: string; reason: string }>; note?: string; issuedAt: string; issuedBy: string };
export type Suspension = { procedure: string; reason: string; expectedDays: number; since: string };
/** 告知承诺制: what the applicant signed at submission (commitment.ts). */
export type SignedCommitment = { text: string; signedName: string; signedAt: string; verificationDays: number };
/** One review step of a case (review-steps.ts): the item's step, with when it started and who finished it how. */
export type ReviewStepState = { name: string; role: 'reviewer' | 'window_clerk' | 'supervisor'; days: number; startedAt?: string; dueDate?: string; doneAt?: string; byName?: string; opinion?: string };
export type ReviewProgress = { steps: ReviewStepState[]; current: number };
/**
 * 一件事: the bundle case a member case belongs to (member.ts); `hold`: its result waits for the other members;
 * `together`: its result goes out with the others' (one pickup, one parcel), never on its own.
 */
export type CaseBundle = { id: string; number: string; name: string; leadOrgId: string; hold: boolean; together?: boolean; leadAgency?: string };
export type Delivery = { method: DeliveryMethod; address?: string; trackingNo?: string; provider?: string; deliveredAt?: string };

type Json<T> = ColumnType<T, string, string>;

/** A material given in an application: an uploaded file, or (免提交) one of the applicant's electronic licenses. */
export type MaterialRef = { code: string; fileId: string } | { code: string; licenseRef: string };

export type CasesTables = {
  case: {
    id: string;
    number: string;
    region_code: string;
    org_id: string;
    agency_name: string;
    item_id: string;
    item_version_id: string;
    item_version: number;
    impl_code: string;
    item_name: string;
    applicant_id: string;
    applicant_name: string;
    applicant_type: 'person' | 'entity';
    state: CaseState;
    version: number;
    form: Json<Record<string, unknown>>;
    decision: ColumnType<Decision | null, string | null, string | null>;
    committed_days: number;
    statutory_days: number;
    submitted_at: Date;
    accepted_at: Date | null;
    closed_at: Date | null;
    due_date: string | null;
    warn_date: string | null;
    updated_at: Generated<Date>;
    case_type: Generated<'instant' | 'commitment'>;
    joint: Generated<boolean>;
    assignee_id: string | null;
    notice: ColumnType<SupplementNotice | null, string | null, string | null>;
    suspension: ColumnType<Suspension | null, string | null, string | null>;
    extension_days: Generated<number>;
    statutory_due_date: string | null;
    delivery: ColumnType<Delivery, string | undefined, string>;
    deemed_accepted: Generated<boolean>;
    accept_region_code: ColumnType<string | null, string | null | undefined, string | null>;
    commitment: ColumnType<SignedCommitment | null, string | null | undefined, string | null>;
    review: ColumnType<ReviewProgress | null, string | null | undefined, string | null>;
    bundle: ColumnType<CaseBundle | null, string | null | undefined, string | null>;
    /** 通办: the organisation that accepted the case (tongban.ts routeAtAcceptance), when not the deciding one. */
    accept_org_id: ColumnType<string | null, string | null | undefined, string | null>;
    accept_agency_name: ColumnType<string | null, string | null | undefined, string | null>;
  };
  /** 窗口收件: the applicant's signature captured on the pad at the window (a PNG in the file store). */
  case_signature: { case_id: string; file_id: string; signed_at: Generated<Date>; clerk_id: string; clerk_name: string };
  case_verification: {
    case_id: string;
    state: 'open' | 'confirmed' | 'false_commitment';
    due_date: string;
    warn_date: string;
    opened_at: Generated<Date>;
    verified_at: Date | null;
    verifier_id: string | null;
    verifier_name: string | null;
    note: string | null;
  };
  case_material: { case_id: string; code: string; name: string; file_id: string; file_name: string };
  /** 免提交: a material satisfied by the applicant's electronic license (as it was when attached). */
  case_material_license: {
    case_id: string;
    code: string;
    name: string;
    license_ref: string;
    type_code: string;
    type_name: string;
    number: string;
    issuer_name: string;
    holder_name: string;
    attached_at: Generated<Date>;
  };
  case_action: {
    id: string;
    case_id: string;
    seq: number;
    action: string;
    from_state: string | null;
    to_state: string;
    actor_id: string | null;
    actor_name: string;
    actor_role: string;
    payload: Json<Record<string, unknown>>;
    at: Generated<Date>;
  };
  case_draft: {
    applicant_id: string;
    impl_code: string;
    form: Json<Record<string, unknown>>;
    materials: Json<Array<MaterialRef>>;
    delivery: ColumnType<{ method: DeliveryMethod; address?: string } | null, string | null | undefined, string | null>;
    updated_at: Generated<Date>;
  };
};
