import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useMe } from '../../api/auth.ts';
import { formatDateTime } from '../../components/format.ts';
import { SlaLight } from '../../components/SlaLight.tsx';
import { LoadError } from '../../components/status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { FieldTags } from './ResourcesPanel.tsx';
import { useApiKeys, useCreateApiKey, useGrants, useRequests, useResources, useRevokeApiKey, type Grant, type ResourceField, type ShareRequest } from './api.ts';

/** The deadline of an open request: its light, due date and the 已超期 mark. */
export function Deadline({ r }: { r: ShareRequest }) {
  const { t } = useTranslation();
  if (r.stage === 'done') return <>—</>;
  return (
    <Space size={4} wrap>
      <SlaLight light={r.light} compact />
      <span>{r.dueDate}</span>
      {r.overdue && <Tag color="red">{t('sharingEx.overdue')}</Tag>}
    </Space>
  );
}

export function RequestOutcome({ r }: { r: ShareRequest }) {
  const { t } = useTranslation();
  if (r.status === 'granted') return <Tag color="green">{t('sharingEx.granted')}</Tag>;
  if (r.status === 'refused') return <><Tag color="red">{t(`sharingEx.refusedBy.${r.refusedBy ?? 'platform'}`)}</Tag><div style={{ fontSize: 13 }}>{r.refuseReason}</div></>;
  return <Tag color="blue">{r.stageLabel}</Tag>;
}

/** Fields of a resource by name, for titles and sensitivity. */
export function useFieldIndex(): (code: string) => ResourceField[] | undefined {
  const resources = useResources();
  return (code) => resources.data?.resources.find((r) => r.code === code)?.fields;
}

/** /admin/sharing/requests: 共享申请 — my department's requests with lights, its grants and their API keys. */
export function RequestsPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('sharingEx.requestsTab'));
  const { data: me } = useMe();
  const requests = useRequests('mine');
  const grants = useGrants();
  const fieldsOf = useFieldIndex();
  // Each grant shows its API keys unless folded away.
  const [folded, setFolded] = useState<string[]>([]);
  if (requests.isError) return <LoadError error={requests.error} onRetry={() => void requests.refetch()} />;
  const mine = (grants.data?.grants ?? []).filter((g) => g.org.id === me?.org?.id);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sharingEx.requestsHelp')}</Typography.Paragraph>
      <Typography.Title level={2} style={{ fontSize: '1.15em' }}>{t('sharingEx.myRequests')}</Typography.Title>
      <Table<ShareRequest>
        rowKey="id"
        size="middle"
        loading={requests.isFetching}
        dataSource={requests.data?.requests ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'res', title: t('sharingEx.name'), render: (_, r) => <><strong>{r.resource.name}</strong><br /><span style={{ color: '#666' }}>{r.resource.providerName}</span></> },
          { key: 'fields', title: t('sharingEx.fields'), render: (_, r) => <FieldTags fields={r.fields} all={fieldsOf(r.resource.code)} unmasked={r.status === 'granted' ? r.approvedUnmasked : r.unmaskedFields} /> },
          { key: 'submitted', title: t('sharingEx.submittedOn'), dataIndex: 'submittedOn', width: 110 },
          { key: 'due', title: t('sharingEx.due'), width: 170, render: (_, r) => <Deadline r={r} /> },
          { key: 'result', title: t('sharingEx.result'), width: 220, render: (_, r) => <RequestOutcome r={r} /> },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 24 }}>{t('sharingEx.myGrants')}</Typography.Title>
      <Table<Grant>
        rowKey="id"
        size="middle"
        loading={grants.isFetching}
        dataSource={mine}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (g) => <ApiKeys grant={g} />,
          expandedRowKeys: mine.map((g) => g.id).filter((id) => !folded.includes(id)),
          onExpand: (open, g) => setFolded((f) => (open ? f.filter((id) => id !== g.id) : [...f, g.id])),
        }}
        columns={[
          { key: 'res', title: t('sharingEx.name'), render: (_, g) => <><strong>{g.resource.name}</strong><br /><code style={{ fontSize: 12 }}>GET /api/v1/sharing/{g.resource.code}/records?key=</code></> },
          { key: 'fields', title: t('sharingEx.fields'), render: (_, g) => <FieldTags fields={g.fields} all={fieldsOf(g.resource.code)} unmasked={g.unmaskedFields} /> },
          { key: 'limits', title: t('sharingEx.limits'), width: 200, render: (_, g) => t('sharingEx.limitsText', { rate: g.ratePerMinute, quota: g.dailyQuota, max: g.maxKeysPerCall }) },
          { key: 'valid', title: t('sharingEx.validUntil'), dataIndex: 'validUntil', width: 110 },
          { key: 'status', title: t('sharingEx.status'), width: 80, render: (_, g) => <Tag color={g.status === 'active' ? 'green' : 'red'}>{t(`sharingEx.grantStatus.${g.status}`)}</Tag> },
        ]}
      />
    </>
  );
}

function ApiKeys({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const keys = useApiKeys(grant.id);
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  return (
    <div style={{ padding: '4px 0' }}>
      <Space style={{ marginBottom: 8 }}>
        <strong>{t('sharingEx.keys')}</strong>
        {grant.status !== 'revoked' && <Button size="small" onClick={() => { create.reset(); setLabel(''); setOpen(true); }} aria-label={`${t('sharingEx.newKey')} ${grant.resource.name}`}>{t('sharingEx.newKey')}</Button>}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={keys.data?.keys ?? []}
        columns={[
          { key: 'prefix', title: t('sharingEx.keyPrefix'), render: (_, k) => <code>{k.prefix}…</code> },
          { key: 'label', title: t('sharingEx.keyLabel'), dataIndex: 'label' },
          { key: 'created', title: t('sharingEx.createdAt'), render: (_, k) => formatDateTime(k.createdAt) },
          { key: 'status', title: t('sharingEx.status'), render: (_, k) => (k.revokedAt ? <Tag>{t('sharingEx.keyRevoked')}</Tag> : <Tag color="green">{t('sharingEx.keyActive')}</Tag>) },
          { key: 'act', title: '', render: (_, k) => !k.revokedAt && <Button size="small" danger onClick={() => revoke.mutate(k.id)}>{t('sharingEx.keyRevoke')}</Button> },
        ]}
      />
      <Modal
        open={open}
        title={t('sharingEx.newKey')}
        okText={create.data ? t('sharingEx.close') : t('sharingEx.newKey')}
        cancelText={t('common.cancel')}
        cancelButtonProps={{ style: create.data ? { display: 'none' } : undefined }}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => (create.data ? setOpen(false) : create.mutate({ grantId: grant.id, label }))}
      >
        {create.data ? (
          <>
            <Alert type="warning" showIcon title={t('sharingEx.keyShownOnce')} style={{ marginBottom: 12 }} />
            <Typography.Paragraph copyable={{ text: create.data.key }}>
              <code data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>{create.data.key}</code>
            </Typography.Paragraph>
          </>
        ) : (
          <Form layout="vertical">
            <Form.Item label={t('sharingEx.keyLabel')} htmlFor={`key-label-${grant.id}`}><Input id={`key-label-${grant.id}`} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} /></Form.Item>
          </Form>
        )}
        {create.isError && <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} />}
      </Modal>
    </div>
  );
}
