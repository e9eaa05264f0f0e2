import type { Jobs } from '../../platform/jobs/jobs.ts';
import { issueFromCase, revokeForCase } from './service.ts';
import { IMPORT_STAGED, resumeImports, sealImport } from './legacy.ts';
import type { LicenseDeps } from './issue.ts';

/** How often every instance looks for legacy imports left unfinished (after a crash or restart) and resumes them. */
export const IMPORT_SWEEP_MS = 15_000;

/**
 * A closed, granted case whose item yields a license: issue it. A grant on commitment found false: revoke what it
 * issued. Both idempotent, so a retried job does nothing twice.
 */
export function registerLicenseHandlers(jobs: Pick<Jobs, 'on'> & Partial<Pick<Jobs, 'tick'>>, deps: LicenseDeps) {
  jobs.on('case.closed', async (e) => {
    await issueFromCase(deps, (e.payload as { caseId: string }).caseId);
  });
  jobs.on('case.verified', async (e) => {
    const p = e.payload as { caseId: string; outcome?: string; reason?: string };
    if (p.outcome === 'false_commitment') await revokeForCase(deps, p.caseId, p.reason ?? '');
  });
  // Legacy imports: sealed in batches, each its own transaction; runners may overlap (they take different lines).
  jobs.on(IMPORT_STAGED, async (e) => {
    await sealImport(deps, (e.payload as { importId: string }).importId);
  });
  jobs.tick?.(IMPORT_SWEEP_MS, () => resumeImports(deps));
}
