import { useId, type CSSProperties } from 'react';
import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types.ts';
import { formatDateTime } from './format.ts';

const colorOf: Record<string, string> = {
  submit: 'blue',
  accept: 'blue',
  decline: 'red',
  decide: 'green',
  decide_on_spot: 'green',
  request_supplement: 'orange',
  supplement: 'blue',
  suspend: 'orange',
  resume: 'blue',
  extend: 'orange',
  deliver: 'green',
  deem_accept: 'blue',
  review: 'blue',
  verify: 'orange',
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
      items={entries.map((e, i) => {
        const role = e.actorRole ? roleLabel(e.actorRole) : '';
        return {
          key: `${e.at}-${i}`,
          color: colorOf[e.action] ?? 'gray',
          content: (
            <div>
              <div style={{ fontWeight: 600 }}>{e.actionLabel || e.action}</div>
              {/* Who on a line of their own, the role kept whole (no 系统（系统）); then when. */}
              <div>
                {e.actorName}
                {role && role !== e.actorName && <span style={{ whiteSpace: 'nowrap' }}>{t('cases.actorRole', { role })}</span>}
              </div>
              <div style={{ color: 'rgba(0,0,0,0.65)' }}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </div>
              {e.note && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              {e.detail && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.65)' }}>{e.detail}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

/**
 * The 办理过程 card as a named region (`<section aria-labelledby>` pointing at its heading), so assistive
 * technology and tests can find it by role and name.
 */
export function CaseTimelineSection({ title, entries, style }: { title: string; entries: TimelineEntry[]; style?: CSSProperties }) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={style}>
      <Card
        title={
          <h2 id={id} style={{ fontSize: '1em', margin: 0 }}>
            {title}
          </h2>
        }
      >
        <CaseTimeline entries={entries} />
      </Card>
    </section>
  );
}
