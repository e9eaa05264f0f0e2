import { useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { loose } from '../../i18n/loose.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadError } from '../../components/status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useAccessLog, useResources, type AccessEntry, type AccessQuery } from './api.ts';

/** /admin/sharing/access-log: 访问日志 — the provider sees calls to its resources, the requester its own, the platform all. */
export function AccessLogPanel() {
  const { t } = useTranslation();
  const lt = loose(t);
  useDocumentTitle(t('sharingEx.logTab'));
  const resources = useResources();
  const [query, setQuery] = useState<AccessQuery>({});
  const [form] = Form.useForm<AccessQuery>();
  const log = useAccessLog(query);
  const titleOf = (resource: string, field: string) => resources.data?.resources.find((r) => r.code === resource)?.fields.find((f) => f.name === field)?.title ?? field;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sharingEx.logHelp')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => setQuery(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as AccessQuery)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="resource" label={t('sharingEx.name')}>
          <Select allowClear style={{ width: 180 }} placeholder={t('sharingEx.allResources')} options={(resources.data?.resources ?? []).map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="org" label={t('sharingEx.orgKey')}><Input style={{ width: 110 }} placeholder="mzj" /></Form.Item>
        <Form.Item name="from" label={t('sharingEx.from')}><Input type="date" /></Form.Item>
        <Form.Item name="to" label={t('sharingEx.to')}><Input type="date" /></Form.Item>
        <Form.Item name="key" label={t('sharingEx.keyValue')}><Input style={{ width: 200 }} /></Form.Item>
        <Space><Button type="primary" htmlType="submit">{t('sharingEx.search')}</Button></Space>
      </Form>
      {log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<AccessEntry>
          rowKey="id"
          size="middle"
          loading={log.isFetching}
          dataSource={log.data?.entries ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          columns={[
            { key: 'at', title: t('sharingEx.at'), width: 170, render: (_, e) => formatDateTime(e.at) },
            { key: 'res', title: t('sharingEx.name'), render: (_, e) => e.resourceName ?? e.resource },
            { key: 'org', title: t('sharingEx.caller'), render: (_, e) => e.org.name ?? '—' },
            { key: 'prefix', title: t('sharingEx.keyPrefix'), render: (_, e) => (e.apiKeyPrefix ? <code>{e.apiKeyPrefix}…</code> : '—') },
            { key: 'key', title: t('sharingEx.target'), render: (_, e) => <code>{e.key || '—'}</code> },
            { key: 'fields', title: t('sharingEx.returned'), render: (_, e) => (e.fields.length ? e.fields.map((f) => titleOf(e.resource, f)).join('、') : '—') },
            { key: 'result', title: t('sharingEx.result'), width: 120, render: (_, e) => <Tag color={e.result === 'ok' ? 'green' : e.status >= 400 && e.status < 500 ? 'orange' : 'red'}>{lt(`sharingEx.results.${e.result}`)}</Tag> },
          ]}
        />
      )}
    </>
  );
}
