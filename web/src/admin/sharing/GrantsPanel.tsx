import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { LoadError } from '../../components/status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { FieldTags } from './ResourcesPanel.tsx';
import { useFieldIndex } from './RequestsPanel.tsx';
import { useGrants, useUpdateGrant, type Grant, type GrantPatch } from './api.ts';

/** /admin/sharing/grants: 授权管理 — every grant; suspend, reinstate, revoke, adjust limits (data administrator). */
export function GrantsPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('sharingEx.grantsTab'));
  const grants = useGrants();
  const update = useUpdateGrant();
  const fieldsOf = useFieldIndex();
  const [adjusting, setAdjusting] = useState<Grant>();
  if (grants.isError) return <LoadError error={grants.error} onRetry={() => void grants.refetch()} />;
  return (
    <>
      {update.isError && !adjusting && <Alert type="error" showIcon role="alert" title={errorMessage(update.error)} style={{ marginBottom: 12 }} />}
      <Table<Grant>
        rowKey="id"
        size="middle"
        loading={grants.isFetching}
        dataSource={grants.data?.grants ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { key: 'res', title: t('sharingEx.name'), render: (_, g) => <><strong>{g.resource.name}</strong><br /><span style={{ color: '#666' }}>{g.resource.providerName}</span></> },
          { key: 'org', title: t('sharingEx.requester'), render: (_, g) => g.org.name },
          { key: 'fields', title: t('sharingEx.fields'), render: (_, g) => <FieldTags fields={g.fields} all={fieldsOf(g.resource.code)} unmasked={g.unmaskedFields} /> },
          { key: 'limits', title: t('sharingEx.limits'), width: 190, render: (_, g) => t('sharingEx.limitsText', { rate: g.ratePerMinute, quota: g.dailyQuota, max: g.maxKeysPerCall }) },
          { key: 'valid', title: t('sharingEx.validUntil'), dataIndex: 'validUntil', width: 105 },
          { key: 'keys', title: t('sharingEx.keys'), dataIndex: 'activeKeys', width: 80, align: 'right' },
          { key: 'status', title: t('sharingEx.status'), width: 80, render: (_, g) => <Tag color={g.status === 'active' ? 'green' : 'red'}>{t(`sharingEx.grantStatus.${g.status}`)}</Tag> },
          {
            key: 'act',
            title: '',
            width: 220,
            render: (_, g) =>
              g.status !== 'revoked' && (
                <Space wrap>
                  {g.status === 'active' && <Button size="small" onClick={() => update.mutate({ id: g.id, status: 'suspended' })}>{t('sharingEx.suspend')}</Button>}
                  {g.status === 'suspended' && <Button size="small" onClick={() => update.mutate({ id: g.id, status: 'active' })}>{t('sharingEx.resume')}</Button>}
                  <Button size="small" onClick={() => { update.reset(); setAdjusting(g); }}>{t('sharingEx.adjust')}</Button>
                  <Button size="small" danger onClick={() => update.mutate({ id: g.id, status: 'revoked' })}>{t('sharingEx.revoke')}</Button>
                </Space>
              ),
          },
        ]}
      />
      {adjusting && <LimitsDialog grant={adjusting} onClose={() => setAdjusting(undefined)} />}
    </>
  );
}

function LimitsDialog({ grant, onClose }: { grant: Grant; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateGrant();
  const [form] = Form.useForm<GrantPatch>();
  return (
    <Modal open title={`${t('sharingEx.adjust')}：${grant.resource.name} · ${grant.org.name}`} okText={t('sharingEx.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending}>
      <Form form={form} layout="vertical" initialValues={grant} onFinish={(v) => update.mutate({ id: grant.id, ...v }, { onSuccess: onClose })}>
        <Form.Item name="ratePerMinute" label={t('sharingEx.ratePerMinute')} rules={[{ required: true }]}><InputNumber min={1} max={10000000} /></Form.Item>
        <Form.Item name="dailyQuota" label={t('sharingEx.dailyQuota')} rules={[{ required: true }]}><InputNumber min={1} max={1000000000} /></Form.Item>
        <Form.Item name="maxKeysPerCall" label={t('sharingEx.maxKeysPerCall')} rules={[{ required: true }]}><InputNumber min={1} max={100} /></Form.Item>
        <Form.Item name="validUntil" label={t('sharingEx.validUntil')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input type="date" /></Form.Item>
      </Form>
      {update.isError && <Alert type="error" showIcon role="alert" title={errorMessage(update.error)} />}
    </Modal>
  );
}
