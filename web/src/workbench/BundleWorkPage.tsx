import { Alert, App, Breadcrumb, Button, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useBundleCase, useBundleDeliver, type BundleCase } from '../api/bundleCases.ts';
import { errorMessage } from '../api/client.ts';
import { BundleDeliveryText, BundleMembers } from '../components/BundleMembers.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/** 一窗出件: once every result is ready, window staff hand them all over at once — one pickup or one express parcel. */
function DeliverTogether({ b }: { b: BundleCase }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const deliver = useBundleDeliver(b.id);
  const ready = b.state === 'results_ready' && b.deliverResults === 'together' && b.delivery.method !== 'electronic' && !b.members.some((m) => m.held);
  if (!ready || !me.data?.permissions.includes('case:accept')) return null;
  const count = b.members.filter((m) => m.state === 'decided').length;
  return (
    <>
      {deliver.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorMessage(deliver.error)} />}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={deliver.isPending}
        data-testid="bundle-deliver"
        onClick={() =>
          modal.confirm({
            title: t(b.delivery.method === 'express' ? 'bundleCases.deliverExpress' : 'bundleCases.deliverPickup'),
            content: t('bundleCases.deliverConfirm', { count }),
            okText: t('common.confirm'),
            onOk: () => deliver.mutateAsync().then(() => void message.success(t('bundleCases.delivered'))),
          })
        }
      >
        {t(b.delivery.method === 'express' ? 'bundleCases.deliverExpress' : 'bundleCases.deliverPickup')}
      </Button>
    </>
  );
}

/** The whole bundle for its lead department: every member case, its department, state and light; delivery together. */
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
          { key: 'r', label: t('bundleCases.resultsTitle'), children: <BundleDeliveryText b={b} /> },
        ]}
      />
      <DeliverTogether b={b} />
      <h2 className="tb-section-title">{t('bundleCases.members')}</h2>
      <BundleMembers b={b} caseLink={(caseId) => `/workbench/cases/${encodeURIComponent(caseId)}`} />
    </>
  );
}
