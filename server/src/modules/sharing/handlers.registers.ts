import type { Jobs } from '../../platform/jobs/jobs.ts';
import { REGISTER_LOAD_QUEUED, processLoad, resumeLoads, type LoadDeps } from './load.ts';
import { refreshAllQuality } from './quality.ts';

/** How often every instance looks for register loads left queued or stalled and takes them over. */
export const LOAD_SWEEP_MS = 30_000;

/** Register loads run on jobs; quality figures are recomputed after each load and nightly (02:30, Asia/Shanghai). */
export function registerRegisterHandlers(jobs: Pick<Jobs, 'on' | 'tick' | 'every'>, deps: LoadDeps) {
  jobs.on(REGISTER_LOAD_QUEUED, async (e) => {
    await processLoad(deps, (e.payload as { loadId: string }).loadId);
  });
  jobs.tick(LOAD_SWEEP_MS, () => resumeLoads(deps));
  jobs.every('sharing.register-quality', '30 2 * * *', () => refreshAllQuality(deps.db));
}
