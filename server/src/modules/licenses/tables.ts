import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/**
 * One field on the face of a license (证照照面信息, GB/T 36903): what it is called and where its value comes from
 * when a case closes — the holder, the case, the decision or a field of the application form.
 */
export type FaceField = {
  key: string;
  label: string;
  /** `holder.name`, `holder.code`, `case.number`, `case.itemName`, `issuer.name`, `form.<field>` or `const:<text>`. */
  from: string;
  required?: boolean;
};

/**
 * How a license of this type is rendered (wallet, PDF): the printed title (e.g. 中华人民共和国营业执照), an accent
 * colour for its frame and rules, and a footer line (e.g. who designed the form: 国家市场监督管理总局监制).
 */
export type LicenseTemplate = { title?: string; accent?: string; footer?: string };

/** How long a license stays valid: for a number of years or months from issuance, or without limit (长期). */
export type ValidityRule = { years?: number; months?: number };

export type LicenseStatus = 'valid' | 'suspended' | 'revoked' | 'superseded';
export type HolderKind = 'person' | 'entity';
/** GB/T 36903 持证主体代码类型: resident ID (GB 11643) or unified social credit code (GB 32100). */
export type HolderCodeType = 'resident_id' | 'credit_code';

export type LicensesTables = {
  /** 证照目录: one license type, defined by a national authority, issued by departments for the listed items. */
  license_type: {
    code: string;
    name: string;
    /** The department that manages this type locally (its staff maintain it). */
    org_id: string;
    holder_kind: HolderKind;
    face_fields: Json<FaceField[]>;
    validity: Json<ValidityRule>;
    /** Implementation items whose granted result is a license of this type. */
    impl_codes: ColumnType<string[], string[], string[]>;
    /** Printed license numbers start with this (e.g. 泰食经). */
    number_prefix: string;
    template: ColumnType<LicenseTemplate, string | undefined, string>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  /** 电子印章: a department's seal; its keys rotate, old keys stay to verify what they signed. */
  seal: {
    id: string;
    org_id: string;
    name: string;
    kind: string;
    status: Generated<'active' | 'retired'>;
    valid_from: string;
    valid_until: string;
    created_at: Generated<Date>;
  };
  seal_key: {
    id: string;
    seal_id: string;
    public_key_hex: string;
    /** The SM2 private key sealed under the platform's master key (platform/crypto/vault); never leaves the server. */
    private_sealed: string;
    created_at: Generated<Date>;
    retired_at: Date | null;
  };
  /** Serial counters per (type, issuer) for GB/T 36904 identifiers and printed numbers. */
  license_serial: { type_code: string; issuer_code: string; last: number };
  license: {
    id: string;
    /** Unguessable public reference used in QR codes and verification links. */
    ref: string;
    identifier: string;
    type_code: string;
    type_name: string;
    serial: string;
    version: number;
    number: string;
    holder_kind: HolderKind;
    holder_name: string;
    holder_code: string;
    holder_code_type: HolderCodeType;
    holder_account_id: string | null;
    issuer_org_id: string;
    issuer_name: string;
    issuer_code: string;
    region_code: string;
    impl_code: string | null;
    case_id: string | null;
    face: Json<Record<string, string>>;
    issued_at: Date;
    valid_from: string;
    valid_until: string | null;
    status: Generated<LicenseStatus>;
    /** The exact bytes signed (canonical JSON, UTF-8). */
    signed_data: string;
    /** SM2-with-SM3 signature, DER. */
    signature: Buffer;
    seal_key_id: string;
    previous_id: string | null;
    source: 'case' | 'legacy';
    annotations: ColumnType<Array<{ text: string; at: string; by: string }>, string | undefined, string>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  /** History of a license: issued, suspended, reinstated, revoked, annotated, re-issued. */
  license_event: {
    id: string;
    license_id: string;
    action: string;
    reason: string | null;
    actor_id: string | null;
    actor_name: string;
    at: Generated<Date>;
  };
  /** Every verification by anyone (the public page, the API, a department query). */
  license_verification: {
    id: Generated<string>;
    license_id: string | null;
    ref: string;
    channel: string;
    valid: boolean;
    ip: string | null;
    at: Generated<Date>;
  };
  /** 存量证照导入: one uploaded file of legacy licenses, sealed in batches by a job (legacy.ts). */
  license_import: {
    id: string;
    type_code: string;
    file_name: string;
    /** The file's header row, for the reject report. */
    columns: Json<string[]>;
    created_by: string;
    created_by_name: string;
    total: number;
    accepted: number;
    rejected: number;
    sealed: Generated<number>;
    state: 'sealing' | 'done';
    created_at: Generated<Date>;
    finished_at: Date | null;
  };
  /** One line of an import: the cells as read (`data`), why it was rejected, or the license it became. */
  license_import_row: {
    id: Generated<string>;
    import_id: string;
    row_no: number;
    status: 'pending' | 'sealed' | 'rejected';
    type_code: string;
    number: string | null;
    data: Json<LegacyRowData>;
    reason: string | null;
    license_id: string | null;
  };
};

/** A legacy license line as read from the file: the fixed columns, the face cells, and every cell for the reject report. */
export type LegacyRowData = {
  holderName: string;
  holderCode: string;
  issuerCode: string;
  number: string;
  issuedOn: string;
  validUntil: string;
  face: Record<string, string>;
  /** Every cell of the line as read, for the reject report. */
  cells?: string[];
};
