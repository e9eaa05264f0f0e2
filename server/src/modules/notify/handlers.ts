import type { Jobs } from '../../platform/jobs/jobs.ts';
import { BUNDLE_TOPICS, CASE_TOPICS, LICENSE_TOPICS } from './messages.ts';
import { handleCaseEvent, handleLicenseEvent, type NotifyDeps } from './service.ts';

/**
 * Subscribe the notify module to the case (and 一件事) events it tells applicants about, and the license events it
 * tells holders about. Handlers run at least once
 * (platform/jobs); every write is keyed by the event id, so a rerun changes nothing.
 */
export function registerNotifyHandlers(jobs: Pick<Jobs, 'on'>, deps: NotifyDeps): void {
  deps.log?.info(
    { sms: deps.sms.provider, email: deps.email.provider },
    `notify: SMS ${deps.sms.simulated ? 'recorded in the development outbox only (nothing is sent)' : `via ${deps.sms.provider}`}; email ${deps.email.simulated ? 'recorded in the development outbox only' : `via ${deps.email.provider}`}`,
  );
  for (const topic of [...CASE_TOPICS, ...BUNDLE_TOPICS]) {
    jobs.on(topic, async (event) => {
      await handleCaseEvent(deps, event);
    });
  }
  for (const topic of LICENSE_TOPICS) {
    jobs.on(topic, async (event) => {
      await handleLicenseEvent(deps, event);
    });
  }
}
