import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/**
 * The base registers (基础库): population, legal entities and credit records. Each row keeps the department it came
 * from and when it was last updated. Keys are the national codes (GB 11643 resident ID, GB 32100 credit code).
 * Source departments are org ids without a foreign key, so a bulk load checks nothing per row it need not.
 */
export type RegistersTables = {
  person_record: {
    resident_id: string;
    name: string;
    sex: 'male' | 'female';
    birth_date: string;
    ethnicity: string;
    household_no: string;
    household_address: string;
    household_head_id: string;
    relation_to_head: string;
    marital_status: 'unmarried' | 'married' | 'divorced' | 'widowed';
    spouse_id: string | null;
    status: 'active' | 'deceased' | 'moved_out';
    region_code: string;
    source_org_id: string | null;
    updated_at: Generated<Date>;
    /** Fields last written by another department than `source_org_id` (一数一源: e.g. marital status from 民政). */
    field_sources: Generated<Json<import('./tables.registers.ts').FieldSources>>;
  };
  entity_record: {
    credit_code: string;
    name: string;
    entity_type: string;
    legal_representative: string;
    legal_representative_id: string;
    registered_capital: string;
    address: string;
    business_scope: string;
    status: 'active' | 'abnormal' | 'revoked' | 'cancelled';
    established_on: string;
    region_code: string;
    source_org_id: string | null;
    updated_at: Generated<Date>;
    field_sources: Generated<Json<import('./tables.registers.ts').FieldSources>>;
  };
  credit_record: {
    id: Generated<number>;
    subject_code: string;
    subject_name: string;
    kind: 'license' | 'penalty' | 'abnormal' | 'serious_violation';
    title: string;
    document_no: string;
    content: string;
    authority: string;
    decided_on: string;
    valid_until: string | null;
    source_org_id: string | null;
    updated_at: Generated<Date>;
    field_sources: Generated<Json<import('./tables.registers.ts').FieldSources>>;
  };
};

export type ShareMode = 'open' | 'conditional' | 'none';
export type UpdateCycle = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
/** A data item of a resource: a register field by its public name, with its type and sensitivity class. */
export type ResourceField = { name: string; title: string; type: string; sensitivity: 'public' | 'internal' | 'sensitive' };

/** The resource catalog (信息资源目录): what each department provides, how it is shared, and what it stands for. */
export type ResourceTables = {
  data_resource: {
    /** URL-safe code, the `{resource}` of the exchange API. */
    code: string;
    name: string;
    description: string;
    provider_org_id: string;
    register: 'population' | 'entity' | 'credit' | 'license';
    share_mode: ShareMode;
    /** For conditional resources: the conditions a request must meet; for `none`: the legal reason it is not shared. */
    conditions: string;
    update_cycle: UpdateCycle;
    fields: Json<ResourceField[]>;
    /** The field a record is looked up by (residentId, creditCode, subjectCode …). */
    key_field: string;
    /** Names of application materials whose content this resource holds (居民户口簿 …): no longer asked of applicants. */
    materials: string[];
    status: 'draft' | 'published' | 'withdrawn';
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};
