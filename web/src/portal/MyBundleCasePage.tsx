import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useBundleCase, useBundleSupplement, type BundleCase } from '../api/bundleCases.ts';
import { errorMessage } from '../api/client.ts';
import { BundleDeliveryText, BundleMembers } from '../components/BundleMembers.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { FileSlot, type UploadState } from './components/MaterialUploads.tsx';

/** One notice (一次告知) from every department, answered by one supplement. */
function OneNotice({ b }: { b: BundleCase }) {
  const { t } = useTranslation();
  const [uploads, setUploads] = useState<UploadState>({});
  const supplement = useBundleSupplement(b.id);
  if (!b.notice) return null;
  const items = b.notice.items;
  const fileOf = (key: string) => (uploads[key] ?? []).find((u) => u.status === 'done')?.fileId;
  const ready = items.every((i) => !i.needsFile || fileOf(i.key));
  return (
    <Card style={{ marginTop: 16, borderColor: '#faad14' }} data-testid="bundle-notice">
      <h2 className="tb-section-title" style={{ marginTop: 0 }}>
        {t('bundleCases.noticeTitle')}
      </h2>
      <Typography.Paragraph type="secondary">{t('bundleCases.noticeDesc')}</Typography.Paragraph>
      <ul style={{ padding: 0, margin: 0, listStyle: 'none' }}>
        {items.map((i, n) => (
          <li key={i.key} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div style={{ fontWeight: 600 }}>{i.name}</div>
            {i.requests.map((r) => (
              <div key={r.caseId} className="tb-bundle-item-meta">
                {t('bundleCases.noticeFrom', { agency: r.agency, item: r.itemName, reason: r.reason })}
              </div>
            ))}
            {i.needsFile && <FileSlot name={i.name} inputId={`notice-${n}`} entries={uploads[i.key] ?? []} onChange={(update) => setUploads((prev) => ({ ...prev, [i.key]: update(prev[i.key] ?? []) }))} />}
          </li>
        ))}
      </ul>
      {supplement.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorMessage(supplement.error)} />}
      <Button
        type="primary"
        size="large"
        block
        disabled={!ready}
        loading={supplement.isPending}
        style={{ marginTop: 12 }}
        onClick={() => supplement.mutate({ materials: items.flatMap((i) => (fileOf(i.key) ? [{ key: i.key, fileId: fileOf(i.key)! }] : [])) })}
      >
        {t('bundleCases.supplementSubmit')}
      </Button>
    </Card>
  );
}

/** 我的一件事: one bundle case — its state and light from the members, one notice, each department's progress and result. */
export function MyBundleCasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useBundleCase(id);
  useDocumentTitle(q.data?.bundle.name ?? t('bundleCases.myTitle'));
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data;
  return (
    <div className="tb-container tb-page" style={{ maxWidth: 860 }}>
      <Breadcrumb items={[{ title: <Link to="/my/cases">{t('cases.myTitle')}</Link> }, { title: b.bundle.name }]} />
      <Typography.Title level={1} className="tb-page-title" style={{ fontSize: '1.4em', marginTop: 12 }}>
        {b.bundle.name}
      </Typography.Title>
      <Alert type={b.state === 'supplement_requested' ? 'warning' : b.state === 'done' ? 'success' : 'info'} showIcon title={<span data-testid="bundle-state">{b.stateLabel}</span>} />
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 12 }}
        items={[
          { key: 'n', label: t('bundleCases.number'), children: b.number },
          { key: 's', label: t('cases.submittedAt'), children: formatDateTime(b.submittedAt) },
          ...(b.dueDate ? [{ key: 'd', label: t('bundleCases.dueDate'), children: <>{formatDate(b.dueDate)} <SlaLight light={b.slaLight} compact /></> }] : []),
          { key: 'r', label: t('bundleCases.resultsTitle'), children: <BundleDeliveryText b={b} /> },
        ]}
      />
      <OneNotice b={b} />
      <h2 className="tb-section-title" style={{ marginTop: 24 }}>{t('bundleCases.members')}</h2>
      <BundleMembers b={b} caseLink={(caseId) => `/my/cases/${encodeURIComponent(caseId)}`} />
    </div>
  );
}
