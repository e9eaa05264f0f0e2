import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadError } from '../../components/status.tsx';
import { useOrgs } from '../queries.ts';
import { useCreateSeal, useRotateSeal, useSeals, type Seal, type SealBody, type SealKey } from './api.ts';

const current = (s: Seal) => s.keys.find((k) => !k.retiredAt);

/** 电子印章: each department's seals, the fingerprint of every key (current and retired), register and rotate. */
export function SealsTab() {
  const { t } = useTranslation();
  const seals = useSeals();
  const rotate = useRotateSeal();
  const [registering, setRegistering] = useState(false);
  const [rotating, setRotating] = useState<Seal>();
  if (seals.isError) return <LoadError error={seals.error} onRetry={() => void seals.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>{t('licensesAdmin.registerSeal')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('licensesAdmin.sealsHelp')}</Typography.Paragraph>
      <Table<Seal>
        rowKey="id"
        size="middle"
        loading={seals.isFetching}
        dataSource={seals.data?.seals ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        expandable={{ expandedRowRender: (s) => <KeyHistory keys={s.keys} />, expandRowByClick: false }}
        columns={[
          { key: 'name', title: t('licensesAdmin.sealName'), render: (_, s) => <><strong>{s.name}</strong><br /><span style={{ color: '#666' }}>{s.orgName}</span></> },
          { key: 'kind', title: t('licensesAdmin.sealKind'), dataIndex: 'kind', width: 130 },
          { key: 'status', title: t('licensesAdmin.status'), width: 80, render: (_, s) => (s.status === 'active' ? <Tag color="green">{t('licensesAdmin.sealActive')}</Tag> : <Tag>{t('licensesAdmin.sealRetired')}</Tag>) },
          { key: 'valid', title: t('licensesAdmin.sealValid'), width: 200, render: (_, s) => `${s.validFrom} ~ ${s.validUntil}` },
          { key: 'fp', title: t('licensesAdmin.fingerprint'), width: 330, render: (_, s) => <code style={{ fontSize: 12 }}>{current(s)?.fingerprint ?? '—'}</code> },
          { key: 'keys', title: t('licensesAdmin.keyCount'), width: 80, align: 'right', render: (_, s) => s.keys.length },
          { key: 'act', title: '', width: 110, render: (_, s) => <Button size="small" onClick={() => setRotating(s)} aria-label={`${t('licensesAdmin.rotate')} ${s.name}`}>{t('licensesAdmin.rotate')}</Button> },
        ]}
      />
      {registering && <SealForm onClose={() => setRegistering(false)} />}
      <Modal
        open={!!rotating}
        title={t('licensesAdmin.rotateConfirm', { name: rotating?.name ?? '' })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={rotate.isPending}
        onCancel={() => { setRotating(undefined); rotate.reset(); }}
        onOk={() => rotate.mutate(rotating!.id, { onSuccess: () => setRotating(undefined) })}
      >
        <Typography.Paragraph>{t('licensesAdmin.rotateExplain')}</Typography.Paragraph>
        {rotate.isError && <Alert type="error" showIcon role="alert" title={errorMessage(rotate.error)} />}
      </Modal>
    </>
  );
}

function KeyHistory({ keys }: { keys: SealKey[] }) {
  const { t } = useTranslation();
  return (
    <Table<SealKey>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...keys].reverse()}
      aria-label={t('licensesAdmin.keyHistory')}
      columns={[
        { key: 'fp', title: t('licensesAdmin.keyFingerprint'), render: (_, k) => <code style={{ fontSize: 12 }}>{k.fingerprint}</code> },
        { key: 'created', title: t('licensesAdmin.keyCreated'), width: 170, render: (_, k) => formatDateTime(k.createdAt) },
        { key: 'state', title: t('licensesAdmin.status'), width: 230, render: (_, k) => (k.retiredAt ? t('licensesAdmin.keyRetired', { at: formatDateTime(k.retiredAt) }) : <Tag color="green">{t('licensesAdmin.keyCurrent')}</Tag>) },
      ]}
    />
  );
}

function SealForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const create = useCreateSeal();
  const [form] = Form.useForm<SealBody>();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Modal open title={t('licensesAdmin.registerSeal')} okText={t('licensesAdmin.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {create.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(create.error)} />}
      <Form<SealBody> form={form} layout="vertical" initialValues={{ kind: '电子证照专用章', validFrom: today }} onFinish={(v) => create.mutate(v, { onSuccess: onClose })}>
        <Form.Item name="orgId" label={t('licensesAdmin.org')} rules={[{ required: true, message: t('licensesAdmin.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(orgs.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={(id: string) => { const o = orgs.data?.orgs.find((x) => x.id === id); if (o && !form.getFieldValue('name')) form.setFieldValue('name', `${o.name}电子证照专用章`); }} />
        </Form.Item>
        <Form.Item name="name" label={t('licensesAdmin.sealName')} rules={[{ required: true, message: t('licensesAdmin.required') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="kind" label={t('licensesAdmin.sealKind')}><Input maxLength={40} /></Form.Item>
        <Space>
          <Form.Item name="validFrom" label={t('licensesAdmin.validFrom')} rules={[{ required: true, message: t('licensesAdmin.required') }]}><Input type="date" /></Form.Item>
          <Form.Item name="validUntil" label={t('licensesAdmin.validUntil')} rules={[{ required: true, message: t('licensesAdmin.required') }]}><Input type="date" /></Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('licensesAdmin.sealKeyNote')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
