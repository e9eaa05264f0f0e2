import type { Jobs } from '../../platform/jobs/jobs.ts';
import { issueFromCase } from './service.ts';
import type { LicenseDeps } from './issue.ts';

/** A closed, granted case whose item yields a license: issue it (idempotent, so a retried job issues nothing twice). */
export function registerLicenseHandlers(jobs: Pick<Jobs, 'on'>, deps: LicenseDeps) {
  jobs.on('case.closed', async (e) => {
    await issueFromCase(deps, (e.payload as { caseId: string }).caseId);
  });
}
