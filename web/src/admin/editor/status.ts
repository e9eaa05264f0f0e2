import type { VersionStatus } from '../../api/types.ts';

/** Tag colours of version statuses: what needs someone's attention stands out. */
export const versionStatusColor: Record<VersionStatus, string | undefined> = {
  draft: undefined,
  submitted: 'orange',
  approved: 'blue',
  published: 'green',
  superseded: undefined,
  retired: 'red',
};
