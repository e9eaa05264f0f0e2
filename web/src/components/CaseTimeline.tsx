import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types.ts';
import { formatDateTime } from './format.ts';

const colorOf: Record<string, string> = {
  submit: 'blue',
  accept: 'blue',
  decline: 'red',
  decide: 'green',
};

/** Every step of a case: what was done, by whom (name and role), when, and any note. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const roleLabel = (role: string) => {
    const key = `roles.${role}`;
    return i18n.exists(key) ? t(key as 'roles.applicant') : role;
  };
  if (entries.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Timeline
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: colorOf[e.action] ?? 'gray',
        content: (
          <div>
            <div style={{ fontWeight: 600 }}>{e.actionLabel || e.action}</div>
            <div style={{ color: 'rgba(0,0,0,0.65)' }}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {' · '}
              {e.actorRole ? t('cases.actor', { name: e.actorName, role: roleLabel(e.actorRole) }) : e.actorName}
            </div>
            {e.note && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
