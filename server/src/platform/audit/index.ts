export { writeAuditInTrx, auditRow, verifyAuditChain, chainAuditEvents, type AuditInput, type ChainReport } from './audit.ts';
export { canonicalJson } from './canonical-json.ts';
