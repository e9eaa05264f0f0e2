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
};
