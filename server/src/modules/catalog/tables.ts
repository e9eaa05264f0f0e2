import type { ColumnType, Generated } from 'kysely';
import type { ItemDocument } from './schema.ts';

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
    search_text: Generated<string>;
    updated_at: Generated<Date>;
  };
  service_item_version: {
    id: string;
    item_id: string;
    version: number;
    /** Written as JSON text, read back as the document. */
    document: ColumnType<ItemDocument, string, string>;
    status: 'draft' | 'published' | 'superseded';
    created_by: string | null;
    created_at: Generated<Date>;
    published_by: string | null;
    published_at: Date | null;
  };
};
