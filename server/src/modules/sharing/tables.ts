import type { Generated } from 'kysely';

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
  };
};
