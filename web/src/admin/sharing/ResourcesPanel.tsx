import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { hasAnyRole, useMe } from '../../api/auth.ts';
import { loose } from '../../i18n/loose.ts';
import { LoadError } from '../../components/status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useOrgs } from '../queries.ts';
import { useRegisterFields, useResources, useResourceStatus, useSaveResource, useSubmitRequest, type Resource, type ResourceBody, type ResourceField } from './api.ts';

const MODE_COLOR = { open: 'green', conditional: 'blue', none: 'default' } as const;

export function FieldTags({ fields, all, unmasked = [] }: { fields: string[]; all?: ResourceField[]; unmasked?: string[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {fields.map((f) => {
        const meta = all?.find((x) => x.name === f);
        const sensitive = meta?.sensitivity === 'sensitive';
        return (
          <Tag key={f} color={sensitive ? (unmasked.includes(f) ? 'red' : 'orange') : undefined}>
            {meta?.title ?? f}
            {sensitive ? `（${t(unmasked.includes(f) ? 'sharingEx.unmaskedMark' : 'sharingEx.maskedFields')}）` : ''}
          </Tag>
        );
      })}
    </Space>
  );
}

function ResourceDetail({ r }: { r: Resource }) {
  const { t } = useTranslation();
  const lt = loose(t);
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('sharingEx.description')}>{r.description || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('sharingEx.conditions')}>{r.conditions || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('sharingEx.fields')}>
        <Table<ResourceField>
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={r.fields}
          columns={[
            { key: 'title', title: t('sharingEx.fields'), render: (_, f) => <>{f.title} <code>{f.name}</code></> },
            { key: 'type', title: 'type', dataIndex: 'type', width: 90 },
            { key: 's', title: '', width: 80, render: (_, f) => <Tag color={f.sensitivity === 'sensitive' ? 'orange' : undefined}>{lt(`sharingEx.sensitivity.${f.sensitivity}`)}</Tag> },
          ]}
        />
      </Descriptions.Item>
      <Descriptions.Item label={t('sharingEx.materials')}>{r.materials.join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('sharingEx.api')}><code>GET {r.api}</code></Descriptions.Item>
    </Descriptions>
  );
}

/** /admin/sharing/resources: 资源目录 — read by every data role; edited, published and withdrawn by the data administrator. */
export function ResourcesPanel() {
  const { t } = useTranslation();
  const lt = loose(t);
  useDocumentTitle(t('sharingEx.resourcesTab'));
  const { data: me } = useMe();
  const isAdmin = hasAnyRole(me, ['data_admin']);
  const canRequest = !!me?.permissions.includes('sharing:request');
  const resources = useResources();
  const status = useResourceStatus();
  const [editing, setEditing] = useState<Resource | 'new'>();
  const [requesting, setRequesting] = useState<Resource>();
  if (resources.isError) return <LoadError error={resources.error} onRetry={() => void resources.refetch()} />;
  return (
    <>
      {isAdmin && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>{t('sharingEx.newResource')}</Button>
        </Space>
      )}
      {status.isError && <Alert type="error" showIcon role="alert" title={errorMessage(status.error)} style={{ marginBottom: 12 }} />}
      <Table<Resource>
        rowKey="code"
        size="middle"
        loading={resources.isFetching}
        dataSource={resources.data?.resources ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        expandable={{ expandedRowRender: (r) => <ResourceDetail r={r} /> }}
        columns={[
          { key: 'name', title: t('sharingEx.name'), render: (_, r) => <><strong>{r.name}</strong><br /><code style={{ fontSize: 12 }}>{r.code}</code></> },
          { key: 'provider', title: t('sharingEx.provider'), render: (_, r) => r.provider.name, width: 170 },
          { key: 'mode', title: t('sharingEx.shareMode'), width: 110, render: (_, r) => <Tag color={MODE_COLOR[r.shareMode]}>{lt(`sharingEx.modes.${r.shareMode}`)}</Tag> },
          { key: 'cycle', title: t('sharingEx.updateCycle'), width: 90, render: (_, r) => lt(`sharingEx.cycles.${r.updateCycle}`) },
          { key: 'fields', title: t('sharingEx.fields'), width: 80, align: 'right', render: (_, r) => r.fields.length },
          ...(isAdmin ? [{ key: 'status', title: t('sharingEx.status'), width: 90, render: (_: unknown, r: Resource) => <Tag color={r.status === 'published' ? 'green' : undefined}>{lt(`sharingEx.statuses.${r.status}`)}</Tag> }] : []),
          {
            key: 'act',
            title: '',
            width: 190,
            render: (_, r) => (
              <Space>
                {canRequest && r.shareMode !== 'none' && r.provider.id !== me?.org?.id && <Button size="small" type="primary" onClick={() => setRequesting(r)} aria-label={`${t('sharingEx.request')} ${r.name}`}>{t('sharingEx.request')}</Button>}
                {isAdmin && <Button size="small" onClick={() => setEditing(r)}>{t('sharingEx.edit')}</Button>}
                {isAdmin && r.status !== 'published' && <Button size="small" onClick={() => status.mutate({ code: r.code, action: 'publish' })}>{t('sharingEx.publish')}</Button>}
                {isAdmin && r.status === 'published' && <Button size="small" danger onClick={() => status.mutate({ code: r.code, action: 'withdraw' })}>{t('sharingEx.withdraw')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ResourceForm resource={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {requesting && <RequestForm resource={requesting} onClose={() => setRequesting(undefined)} />}
    </>
  );
}

function ResourceForm({ resource, onClose }: { resource?: Resource; onClose: () => void }) {
  const { t } = useTranslation();
  const lt = loose(t);
  const [form] = Form.useForm<ResourceBody & { materialsText: string }>();
  const orgs = useOrgs();
  const registers = useRegisterFields(true);
  const save = useSaveResource();
  const register = Form.useWatch('register', form) ?? resource?.register ?? 'population';
  const initial = resource
    ? { ...resource, provider: resource.provider.id, fields: resource.fields.map((f) => f.name), materialsText: resource.materials.join('、') }
    : { register: 'population', shareMode: 'conditional', updateCycle: 'daily', fields: [], conditions: '', description: '', materialsText: '' };
  const submit = (v: ResourceBody & { materialsText: string }) => {
    const { materialsText, ...body } = v;
    save.mutate({ body: { ...body, code: resource?.code ?? body.code, materials: materialsText.split(/[、,，\s]+/).filter(Boolean) }, isNew: !resource }, { onSuccess: onClose });
  };
  return (
    <Modal open title={resource ? `${t('sharingEx.edit')}：${resource.name}` : t('sharingEx.newResource')} okText={t('sharingEx.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} width={720}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="code" label={t('sharingEx.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,40}$/ }]}><Input disabled={!!resource} /></Form.Item>
        <Form.Item name="name" label={t('sharingEx.name')} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('sharingEx.description')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="provider" label={t('sharingEx.provider')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(orgs.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="register" label={t('sharingEx.register')}>
            <Select style={{ width: 160 }} onChange={() => form.setFieldValue('fields', [])} options={['population', 'entity', 'credit', 'license'].map((r) => ({ value: r, label: lt(`sharingEx.registers.${r}`) }))} />
          </Form.Item>
          <Form.Item name="shareMode" label={t('sharingEx.shareMode')}>
            <Select style={{ width: 160 }} options={['open', 'conditional', 'none'].map((m) => ({ value: m, label: lt(`sharingEx.modes.${m}`) }))} />
          </Form.Item>
          <Form.Item name="updateCycle" label={t('sharingEx.updateCycle')}>
            <Select style={{ width: 120 }} options={['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'].map((c) => ({ value: c, label: lt(`sharingEx.cycles.${c}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="conditions" label={t('sharingEx.conditions')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="fields" label={t('sharingEx.fields')} extra={t('sharingEx.fieldsHelp')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" options={(registers.data?.registers[register] ?? []).map((f) => ({ value: f.name, label: `${f.title}（${lt(`sharingEx.sensitivity.${f.sensitivity}`)}）` }))} />
        </Form.Item>
        <Form.Item name="materialsText" label={t('sharingEx.materials')}><Input placeholder="居民户口簿、户口本" /></Form.Item>
      </Form>
      {save.isError && <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} />}
    </Modal>
  );
}

/** 申请使用: purpose, the items wanted (least needed), sensitive items wanted whole with the reason. */
export function RequestForm({ resource, onClose }: { resource: Resource; onClose: () => void }) {
  const { t } = useTranslation();
  const lt = loose(t);
  const [form] = Form.useForm<{ purpose: string; fields: string[]; unmaskedFields: string[]; unmaskReason: string }>();
  const submit = useSubmitRequest();
  const chosen: string[] = Form.useWatch('fields', form) ?? [];
  const sensitive = resource.fields.filter((f) => f.sensitivity === 'sensitive' && chosen.includes(f.name));
  const unmasked: string[] = Form.useWatch('unmaskedFields', form) ?? [];
  return (
    <Modal open title={t('sharingEx.requestTitle', { name: resource.name })} okText={t('sharingEx.submit')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => (submit.isSuccess ? onClose() : form.submit())} confirmLoading={submit.isPending} width={680}>
      {submit.isSuccess ? (
        <Alert type="success" showIcon title={t('sharingEx.submitted')} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ fields: [resource.keyField], unmaskedFields: [] }} onFinish={(v) => submit.mutate({ resource: resource.code, ...v, unmaskedFields: v.unmaskedFields?.filter((f) => v.fields.includes(f)) })}>
          <Typography.Paragraph type="secondary">{resource.conditions}</Typography.Paragraph>
          <Form.Item name="purpose" label={t('sharingEx.purpose')} extra={t('sharingEx.purposeHelp')} rules={[{ required: true, min: 8 }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="fields" label={t('sharingEx.pickFields')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={resource.fields.map((f) => ({ value: f.name, label: f.sensitivity === 'sensitive' ? `${f.title}（${lt('sharingEx.sensitivity.sensitive')}）` : f.title }))} />
          </Form.Item>
          {sensitive.length > 0 && (
            <Form.Item name="unmaskedFields" label={t('sharingEx.unmasked')} extra={t('sharingEx.unmaskedHelp')}>
              <Checkbox.Group options={sensitive.map((f) => ({ value: f.name, label: f.title }))} />
            </Form.Item>
          )}
          {unmasked.length > 0 && (
            <Form.Item name="unmaskReason" label={t('sharingEx.unmaskReason')} rules={[{ required: true, min: 8 }]}><Input.TextArea rows={2} /></Form.Item>
          )}
        </Form>
      )}
      {submit.isError && <Alert type="error" showIcon role="alert" title={errorMessage(submit.error)} />}
    </Modal>
  );
}
