import type { ColumnType, Generated } from 'kysely';
import type { ItemDocument } from './schema.ts';

export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'superseded' | 'retired';

export type CatalogTables = {
  service_item: {
    id: string;
    impl_code: string;
    base_code: string;
    name: string;
    kind: string;
    org_id: string;
    agency_name: string;
    region_code: string;
    status: 'draft' | 'published' | 'retired';
    current_version: number;
    published_version: number | null;
    /** The published guide as served by GET /public/items/{implCode}, serialized at publication. */
    public_json: Generated<string | null>;
    search_text: Generated<string>;
    /** Search index (search.ts): weighted tokens as a tsvector, written as a tsvector literal. */
    search_tokens: Generated<string>;
    /** Normalised name and keywords: exact matches rank first. */
    search_exact: Generated<string[]>;
    /** Ranking prior (search.ts `searchPrior`). */
    search_boost: Generated<number>;
    /** Filters of the public search, copied from the published document. */
    topics: Generated<string[]>;
    service_objects: Generated<string[]>;
    life_events: Generated<string[]>;
    updated_at: Generated<Date>;
  };
  service_item_version: {
    id: string;
    item_id: string;
    version: number;
    /** Written as JSON text, read back as the document. */
    document: ColumnType<ItemDocument, string, string>;
    status: VersionStatus;
    note: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
    published_by: string | null;
    published_at: Date | null;
  };
  base_item: {
    base_code: string;
    name: string;
    kind: string;
    legal_basis: ColumnType<Array<{ title: string; article?: string }>, string, string>;
    created_at: Generated<Date>;
  };
  item_review_event: {
    id: string;
    item_id: string;
    version: number;
    action: string;
    comment: string | null;
    actor_id: string | null;
    actor_name: string;
    at: Generated<Date>;
  };
  catalog_import: {
    id: string;
    created_by: string;
    status: 'validating' | 'failed' | 'importing' | 'done';
    total: Generated<number>;
    processed: Generated<number>;
    /** Per-row report: written as JSON text, read back as the array. */
    errors: ColumnType<Array<{ sheet: string; row: number; column?: string; message: string }>, string | undefined, string>;
    created_at: Generated<Date>;
    finished_at: Date | null;
  };
};
