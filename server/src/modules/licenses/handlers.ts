import type { Jobs } from '../../platform/jobs/jobs.ts';
import { issueFromCase, revokeForCase } from './service.ts';
import type { LicenseDeps } from './issue.ts';

/**
 * A closed, granted case whose item yields a license: issue it. A grant on commitment found false: revoke what it
 * issued. Both idempotent, so a retried job does nothing twice.
 */
export function registerLicenseHandlers(jobs: Pick<Jobs, 'on'>, deps: LicenseDeps) {
  jobs.on('case.closed', async (e) => {
    await issueFromCase(deps, (e.payload as { caseId: string }).caseId);
  });
  jobs.on('case.verified', async (e) => {
    const p = e.payload as { caseId: string; outcome?: string; reason?: string };
    if (p.outcome === 'false_commitment') await revokeForCase(deps, p.caseId, p.reason ?? '');
  });
}
