import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  submitted: 'processing',
  supplement_requested: 'orange',
  accepted: 'gold',
  decided: 'cyan',
  declined: 'default',
  closed: 'success',
  revoked: 'error',
};

/** A case's state in words; the server's label wins, ours is the fallback. */
export function CaseStateTag({ state, label }: { state: string; label?: string }) {
  const { t, i18n } = useTranslation();
  const key = `cases.state_${state}`;
  const fallback = i18n.exists(key) ? t(key as 'cases.state_submitted') : state;
  return (
    <Tag color={colors[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label || fallback}
    </Tag>
  );
}
