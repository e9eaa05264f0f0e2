/**
 * What a license's seal signs: a canonical JSON of its catalog metadata (GB/T 36902/36903: type, number,
 * issuer, validity, holder and holder code type, jurisdiction, related item) and its face. The status is not
 * signed (it changes after sealing); verification reads it from the register.
 */
import { canonicalJsonOfPlain } from '../../platform/audit/canonical-json.ts';
import { maskResidentId } from '../../platform/codes/index.ts';
import type { HolderCodeType, HolderKind } from './tables.ts';

export type SignedContent = {
  identifier: string;
  typeCode: string;
  typeName: string;
  number: string;
  version: number;
  holder: { kind: HolderKind; name: string; code: string; codeType: HolderCodeType };
  issuer: { name: string; code: string };
  regionCode: string;
  implCode: string | null;
  face: Record<string, string>;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  sealKeyId: string;
};

/** The exact bytes (as text) the seal signs. */
export function signedDataOf(c: SignedContent): string {
  return canonicalJsonOfPlain({ ...c, spec: 'tongban-license/1' });
}

type Row = {
  identifier: string; type_code: string; type_name: string; number: string; version: number;
  holder_kind: HolderKind; holder_name: string; holder_code: string; holder_code_type: HolderCodeType;
  issuer_name: string; issuer_code: string; region_code: string; impl_code: string | null;
  face: Record<string, string>; issued_at: Date | string; valid_from: string; valid_until: string | null; seal_key_id: string;
};

/** The signed content as the register holds it now: compared with what was signed, it reveals any change. */
export function contentOfRow(r: Row): SignedContent {
  return {
    identifier: r.identifier,
    typeCode: r.type_code,
    typeName: r.type_name,
    number: r.number,
    version: r.version,
    holder: { kind: r.holder_kind, name: r.holder_name, code: r.holder_code, codeType: r.holder_code_type },
    issuer: { name: r.issuer_name, code: r.issuer_code },
    regionCode: r.region_code,
    implCode: r.impl_code,
    face: r.face,
    issuedAt: typeof r.issued_at === 'string' ? r.issued_at : r.issued_at.toISOString(),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    sealKeyId: r.seal_key_id,
  };
}


/** Resident IDs masked as everywhere else (GB 11643); credit codes are public. */
export function maskHolderCode(code: string, type: HolderCodeType): string {
  return type === 'credit_code' ? code : maskResidentId(code);
}
