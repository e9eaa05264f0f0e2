import type { ColumnType, Generated } from 'kysely';
import type { VersionStatus } from '../catalog/index.ts';
import type { BundleDocument } from './schema.ts';

/**
 * Bundles are versioned like items. A bundle case (next step) will pin `bundle_version.id`, and each member case
 * pins its item version as any case does; `bundle_version.id` is therefore never reused or rewritten once published.
 */
export type BundlesTables = {
  bundle: {
    id: string;
    code: string;
    name: string;
    event: string;
    region_code: string;
    lead_org_id: string;
    lead_org_name: string;
    status: 'draft' | 'published' | 'retired';
    current_version: number;
    published_version: number | null;
    updated_at: Generated<Date>;
  };
  bundle_version: {
    id: string;
    bundle_id: string;
    version: number;
    /** Written as JSON text, read back as the document. */
    document: ColumnType<BundleDocument, string, string>;
    status: VersionStatus;
    note: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
    published_by: string | null;
    published_at: Date | null;
  };
  bundle_review_event: {
    id: string;
    bundle_id: string;
    version: number;
    action: string;
    comment: string | null;
    actor_id: string | null;
    actor_name: string;
    at: Generated<Date>;
  };
  /** One submission of a bundle: its member cases are ordinary cases carrying this id (cases/member.ts). */
  bundle_case: {
    id: string;
    number: string;
    bundle_id: string;
    bundle_version_id: string;
    bundle_code: string;
    bundle_name: string;
    lead_org_id: string;
    lead_org_name: string;
    applicant_id: string;
    answers: ColumnType<Record<string, string>, string, string>;
    leave_out: ColumnType<string[], string, string>;
    form: ColumnType<Record<string, unknown>, string, string>;
    materials: ColumnType<Array<{ key: string; fileId: string }>, string, string>;
    /** How the results go; once delivered together, the one waybill (trackingNo, provider) and when. */
    delivery: ColumnType<{ method: 'electronic' | 'pickup' | 'express'; address?: string; trackingNo?: string; provider?: string; deliveredAt?: string }, string, string>;
    /** Results delivered together (default) rather than each as ready. */
    together: boolean;
    submitted_at: Date;
  };
};
