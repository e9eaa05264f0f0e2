import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { LoadError } from '../../components/status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { FieldTags } from './ResourcesPanel.tsx';
import { Deadline, useFieldIndex } from './RequestsPanel.tsx';
import { useProvide, useProviderDecision, useRequests, useReview, type ShareRequest } from './api.ts';

type Pending = { r: ShareRequest; action: 'refuse' | 'approve' | 'disapprove' };

/**
 * /admin/sharing/review (data administrator: 申请审核 — accept or refuse within 3 working days, then provide open
 * data) and /admin/sharing/provide (the providing department's 部门审批 — approve, item by item for unmasked
 * sensitive items, or refuse, within 10 working days). Both sorted by due date, with lights.
 */
export function QueuePanel({ queue }: { queue: 'review' | 'provider' }) {
  const { t } = useTranslation();
  useDocumentTitle(t(queue === 'review' ? 'sharingEx.reviewTab' : 'sharingEx.provideTab'));
  const requests = useRequests(queue);
  const review = useReview();
  const provide = useProvide();
  const fieldsOf = useFieldIndex();
  const [pending, setPending] = useState<Pending>();
  if (requests.isError) return <LoadError error={requests.error} onRetry={() => void requests.refetch()} />;
  const error = review.error ?? provide.error;
  return (
    <>
      <Typography.Paragraph type="secondary">{t(queue === 'review' ? 'sharingEx.reviewHelp' : 'sharingEx.provideHelp')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<ShareRequest>
        rowKey="id"
        size="middle"
        loading={requests.isFetching}
        dataSource={requests.data?.requests ?? []}
        pagination={false}
        locale={{ emptyText: t('sharingEx.emptyQueue') }}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'due', title: t('sharingEx.due'), width: 170, render: (_, r) => <Deadline r={r} /> },
          { key: 'res', title: t('sharingEx.name'), render: (_, r) => <><strong>{r.resource.name}</strong><br /><span style={{ color: '#666' }}>{r.stageLabel}</span></> },
          { key: 'org', title: t('sharingEx.requester'), render: (_, r) => <>{r.org.name}<br /><span style={{ color: '#666', fontSize: 13 }}>{r.requestedBy}</span></> },
          { key: 'purpose', title: t('sharingEx.purpose'), render: (_, r) => <>{r.purpose}{r.unmaskedFields.length > 0 && <div style={{ fontSize: 13, color: '#8a5300' }}>{t('sharingEx.unmaskReason')}：{r.unmaskReason}</div>}</> },
          { key: 'fields', title: t('sharingEx.fields'), render: (_, r) => <FieldTags fields={r.fields} all={fieldsOf(r.resource.code)} unmasked={r.unmaskedFields} /> },
          {
            key: 'act',
            title: '',
            width: 170,
            render: (_, r) => (
              <Space wrap>
                {r.stage === 'review' && <Button size="small" type="primary" onClick={() => review.mutate({ id: r.id, decision: 'accept' })}>{t('sharingEx.accept')}</Button>}
                {r.stage === 'review' && <Button size="small" danger onClick={() => setPending({ r, action: 'refuse' })}>{t('sharingEx.refuse')}</Button>}
                {r.stage === 'provision' && <Button size="small" type="primary" onClick={() => provide.mutate(r.id)}>{t('sharingEx.provide')}</Button>}
                {r.stage === 'provider' && queue === 'provider' && <Button size="small" type="primary" onClick={() => setPending({ r, action: 'approve' })}>{t('sharingEx.approve')}</Button>}
                {r.stage === 'provider' && queue === 'provider' && <Button size="small" danger onClick={() => setPending({ r, action: 'disapprove' })}>{t('sharingEx.disapprove')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {pending && <DecisionDialog pending={pending} onClose={() => setPending(undefined)} />}
      {queue === 'review' && <ProviderOversight />}
    </>
  );
}

/** For the platform: requests waiting for providing departments, with their lights (督办 of overdue ones). */
function ProviderOversight() {
  const { t } = useTranslation();
  const requests = useRequests('provider');
  const fieldsOf = useFieldIndex();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 24 }}>{t('sharingEx.atProviders')}</Typography.Title>
      <Table<ShareRequest>
        rowKey="id"
        size="middle"
        loading={requests.isFetching}
        dataSource={requests.data?.requests ?? []}
        pagination={false}
        locale={{ emptyText: t('sharingEx.emptyQueue') }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'due', title: t('sharingEx.due'), width: 170, render: (_, r) => <Deadline r={r} /> },
          { key: 'res', title: t('sharingEx.name'), render: (_, r) => <><strong>{r.resource.name}</strong><br /><span style={{ color: '#666' }}>{r.resource.providerName}</span></> },
          { key: 'org', title: t('sharingEx.requester'), render: (_, r) => r.org.name },
          { key: 'fields', title: t('sharingEx.fields'), render: (_, r) => <FieldTags fields={r.fields} all={fieldsOf(r.resource.code)} unmasked={r.unmaskedFields} /> },
        ]}
      />
    </>
  );
}

function DecisionDialog({ pending, onClose }: { pending: Pending; onClose: () => void }) {
  const { t } = useTranslation();
  const { r, action } = pending;
  const review = useReview();
  const decide = useProviderDecision();
  const fieldsOf = useFieldIndex();
  const [reason, setReason] = useState('');
  const [unmasked, setUnmasked] = useState<string[]>([]);
  const busy = review.isPending || decide.isPending;
  const error = review.error ?? decide.error;
  const ok = () => {
    if (action === 'refuse') review.mutate({ id: r.id, decision: 'refuse', reason }, { onSuccess: onClose });
    else if (action === 'disapprove') decide.mutate({ id: r.id, decision: 'refuse', reason }, { onSuccess: onClose });
    else decide.mutate({ id: r.id, decision: 'approve', unmaskedFields: unmasked }, { onSuccess: onClose });
  };
  const titles = fieldsOf(r.resource.code);
  return (
    <Modal open title={action === 'approve' ? t('sharingEx.approveTitle', { name: r.resource.name, org: r.org.name }) : `${t(action === 'refuse' ? 'sharingEx.refuse' : 'sharingEx.disapprove')}：${r.resource.name}`} okText={t('common.confirm')} cancelText={t('common.cancel')} onCancel={onClose} onOk={ok} confirmLoading={busy}>
      {action === 'approve' ? (
        r.unmaskedFields.length ? (
          <Form layout="vertical">
            <Form.Item label={t('sharingEx.approveUnmasked')} extra={`${t('sharingEx.unmaskReason')}：${r.unmaskReason}`}>
              <Checkbox.Group value={unmasked} onChange={(v) => setUnmasked(v as string[])} options={r.unmaskedFields.map((f) => ({ value: f, label: titles?.find((x) => x.name === f)?.title ?? f }))} />
            </Form.Item>
          </Form>
        ) : (
          <Typography.Paragraph>{t('sharingEx.noUnmasked')}</Typography.Paragraph>
        )
      ) : (
        <Form layout="vertical">
          <Form.Item label={t('sharingEx.reason')} extra={t('sharingEx.reasonHelp')} required htmlFor="decision-reason">
            <Input.TextArea id="decision-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon role="alert" title={errorMessage(error)} />}
    </Modal>
  );
}
