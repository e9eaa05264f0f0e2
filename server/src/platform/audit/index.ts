export { writeAuditInTrx, auditRow, verifyAuditChain, chainAuditEvents, type AuditInput, type ChainReport } from './audit.ts';
export { canonicalJson, canonicalJsonOfPlain } from './canonical-json.ts';
