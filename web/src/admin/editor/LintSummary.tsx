import { useState } from 'react';
import { Alert, Button, Spin, Tag } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ItemDocument, LintFinding } from '../../api/types.ts';
import { countBySeverity, countsText, pathLabel } from '../catalogMeta.ts';

const severityColor = { error: 'error', warning: 'warning', info: 'processing' } as const;
const SHOWN = 6;

/** The review's findings at the top of the editor; each one jumps to its element. */
export function LintSummary({
  findings,
  doc,
  checking,
  error,
  onJump,
}: {
  findings: readonly LintFinding[];
  doc: ItemDocument;
  checking: boolean;
  error?: string;
  onJump: (path: string) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { errors } = countBySeverity(findings);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  const title = (
    <span style={{ display: 'inline-flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
      <strong>{t('catalog.editor.lintTitle')}</strong>
      {findings.length === 0 ? <span>{t('catalog.editor.lintOk')}</span> : <span>{countsText(t, findings)}</span>}
      {checking && (
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>
          <Spin size="small" /> {t('catalog.editor.lintChecking')}
        </span>
      )}
    </span>
  );
  if (findings.length === 0 && !error) {
    return <Alert type="success" showIcon icon={<CheckCircleFilled />} title={title} style={{ marginBottom: 16 }} />;
  }
  return (
    <Alert
      type={errors > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <div aria-live="polite">
          {error && <div style={{ marginBottom: 8 }}>{t('catalog.editor.lintFailed', { message: error })}</div>}
          {errors > 0 && <div style={{ marginBottom: 6, color: 'rgba(0,0,0,0.7)' }}>{t('catalog.editor.lintBlocks')}</div>}
          <ul className="tb-lint-list">
            {shown.map((f, i) => (
              <li key={`${f.rule}-${f.path}-${i}`}>
                <button type="button" className="tb-lint-item" onClick={() => onJump(f.path)}>
                  <Tag color={severityColor[f.severity]} style={{ marginInlineEnd: 8 }}>
                    {t(`catalog.editor.severity.${f.severity}`)}
                  </Tag>
                  <span className="tb-lint-where">{pathLabel(t, f.path, doc)}</span>
                  <span className="tb-lint-msg">{f.message}</span>
                </button>
              </li>
            ))}
          </ul>
          {findings.length > SHOWN && (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(!all)}>
              {all ? t('catalog.editor.lintCollapse') : t('catalog.editor.lintShowAll', { count: findings.length })}
            </Button>
          )}
        </div>
      }
    />
  );
}
