import { Alert, Breadcrumb, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useBundleCase } from '../api/bundleCases.ts';
import { BundleMembers } from '../components/BundleMembers.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/** The whole bundle for its lead department: every member case, its department, state and light (read only). */
export function BundleWorkPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useBundleCase(id);
  useDocumentTitle(q.data ? `${q.data.number} ${q.data.bundle.name}` : t('bundleCases.wholeBundle'));
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/workbench">{t('workbench.queue')}</Link> }, { title: b.number }]} />
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {b.bundle.name}
      </Typography.Title>
      <Alert type={b.state === 'supplement_requested' ? 'warning' : 'info'} showIcon title={b.stateLabel} />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'n', label: t('bundleCases.number'), children: b.number },
          { key: 's', label: t('cases.submittedAt'), children: formatDateTime(b.submittedAt) },
          { key: 'd', label: t('bundleCases.dueDate'), children: b.dueDate ? <>{formatDate(b.dueDate)} <SlaLight light={b.slaLight} compact /></> : '—' },
          { key: 'r', label: t('bundleCases.resultsTitle'), children: t(b.deliverResults === 'together' ? 'bundleCases.deliveryTogether' : 'bundleCases.deliveryEach') },
        ]}
      />
      <h2 className="tb-section-title">{t('bundleCases.members')}</h2>
      <BundleMembers b={b} caseLink={(caseId) => `/workbench/cases/${encodeURIComponent(caseId)}`} />
    </>
  );
}
