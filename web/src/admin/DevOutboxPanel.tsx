import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export interface OutboxMessage {
  id: string;
  eventId: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  provider: string;
  status: 'sent' | 'failed';
  error: string | null;
  attempts: number;
  createdAt: string;
}

type Channel = 'all' | 'sms' | 'email';

function useDevOutbox(channel: Channel) {
  return useQuery({
    queryKey: ['admin', 'dev-outbox', channel],
    queryFn: ({ signal }) => api.get<{ messages: OutboxMessage[] }>('/api/v1/admin/dev-outbox', { channel: channel === 'all' ? undefined : channel, limit: 200 }, signal),
    staleTime: 0,
  });
}

/** 开发发件箱: the SMS and email the platform sent, or in development would have sent (recipients masked). */
export function DevOutboxPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('notify.devOutbox'));
  const [channel, setChannel] = useState<Channel>('all');
  const outbox = useDevOutbox(channel);

  const columns: ColumnsType<OutboxMessage> = [
    { key: 'at', title: t('notify.outboxAt'), width: 150, render: (_, m) => formatDateTime(m.createdAt) },
    { key: 'channel', title: t('notify.outboxChannel'), width: 80, render: (_, m) => <Tag>{m.channel === 'sms' ? t('notify.channelSms') : t('notify.channelEmail')}</Tag> },
    { key: 'recipient', title: t('notify.outboxRecipient'), width: 170, render: (_, m) => <code>{m.recipient}</code> },
    {
      key: 'content',
      title: t('notify.outboxContent'),
      render: (_, m) => (
        <div style={{ whiteSpace: 'pre-line', minWidth: 260 }}>
          {m.subject && <div style={{ fontWeight: 600 }}>{m.subject}</div>}
          {m.body}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('notify.outboxStatus'),
      width: 170,
      render: (_, m) => (
        <Space orientation="vertical" size={2}>
          {m.provider === 'dev-outbox' ? <Tag color="gold">{t('notify.providerDev')}</Tag> : <Tag color="blue">{m.provider}</Tag>}
          {m.status === 'failed' ? (
            <Typography.Text type="danger" style={{ fontSize: '0.9em' }}>
              {t('notify.statusFailed', { count: m.attempts })}
              {m.error ? `：${m.error}` : ''}
            </Typography.Text>
          ) : m.provider !== 'dev-outbox' ? (
            <Typography.Text type="success" style={{ fontSize: '0.9em' }}>
              {t('notify.statusSent')}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('notify.devOutboxDesc')} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Channel>
          value={channel}
          onChange={setChannel}
          options={[
            { value: 'all', label: t('notify.filterAll') },
            { value: 'sms', label: t('notify.channelSms') },
            { value: 'email', label: t('notify.channelEmail') },
          ]}
        />
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void outbox.refetch()} loading={outbox.isFetching}>
          {t('notify.refresh')}
        </Button>
      </Space>
      {outbox.isError ? (
        <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <Table<OutboxMessage>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={outbox.data?.messages ?? []}
          loading={outbox.isPending}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('notify.outboxEmpty') }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        />
      )}
    </>
  );
}
