import { useTranslation } from 'react-i18next';
import type { VersionStatus } from '../../api/types.ts';
import { VERSION_STATUSES } from '../catalogMeta.ts';

/** Tag colours of version statuses: what needs someone's attention stands out. */
export const versionStatusColor: Record<VersionStatus, string | undefined> = {
  draft: undefined,
  submitted: 'orange',
  approved: 'blue',
  published: 'green',
  superseded: undefined,
  retired: 'red',
};

/**
 * A version status in words. The server's label (`versionStatusLabel`, `statusLabel`) is Chinese whatever the
 * request language, so outside zh-CN a known status code is worded here; an unknown code keeps the server's label.
 */
export function useVersionStatusLabel(): (code: string, serverLabel: string) => string {
  const { t, i18n } = useTranslation();
  return (code, serverLabel) =>
    i18n.language !== 'zh-CN' && (VERSION_STATUSES as readonly string[]).includes(code) ? t(`catalog.versionStatus.${code as VersionStatus}`) : serverLabel;
}
