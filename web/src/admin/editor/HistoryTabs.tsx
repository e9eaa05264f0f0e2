import { useState } from 'react';
import { Alert, Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AdminItemDetail, ItemVersionInfo, ReviewLogEntry, VersionChange } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadError } from '../../components/status.tsx';
import { loose } from '../../i18n/loose.ts';
import { pathLabel, valueLabel } from '../catalogMeta.ts';
import { useVersionDiff } from '../queries.ts';
import { useVersionStatusLabel, versionStatusColor } from './status.ts';

function Value({ text }: { text: string }) {
  if (text.includes('\n') || text.length > 80) {
    return <pre className="tb-diff-value">{text}</pre>;
  }
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</span>;
}

/** Versions of the item and a field-by-field comparison of any two of them. */
export function VersionsTab({ detail }: { detail: AdminItemDetail }) {
  const { t } = useTranslation();
  const statusText = useVersionStatusLabel();
  const versions = detail.versions;
  const latest = versions[0]?.version;
  const [from, setFrom] = useState<number | undefined>(versions[1]?.version);
  const [to, setTo] = useState<number | undefined>(latest);
  const diff = useVersionDiff(detail.item.id, from, to);

  const columns: ColumnsType<ItemVersionInfo> = [
    { key: 'version', title: t('catalog.editor.versions.version'), width: 90, render: (_, v) => t('catalog.versionN', { n: v.version }) },
    { key: 'status', title: t('catalog.editor.versions.status'), width: 150, render: (_, v) => <Tag color={versionStatusColor[v.status]}>{statusText(v.status, v.statusLabel)}</Tag> },
    { key: 'note', title: t('catalog.editor.versions.note'), render: (_, v) => v.note || '—' },
    { key: 'createdAt', title: t('catalog.editor.versions.createdAt'), width: 160, render: (_, v) => formatDateTime(v.createdAt) },
    { key: 'publishedAt', title: t('catalog.editor.versions.publishedAt'), width: 160, render: (_, v) => formatDateTime(v.publishedAt) },
    {
      key: 'compare',
      title: '',
      width: 130,
      render: (_, v) =>
        v.version > 1 ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => {
              setFrom(v.version - 1);
              setTo(v.version);
            }}
          >
            {t('catalog.editor.versions.compare')}
          </Button>
        ) : null,
    },
  ];

  const versionOptions = versions.map((v) => ({ value: v.version, label: `${t('catalog.versionN', { n: v.version })} · ${statusText(v.status, v.statusLabel)}` }));
  const changeColumns: ColumnsType<VersionChange> = [
    {
      key: 'path',
      title: t('catalog.editor.diff.element'),
      width: 280,
      render: (_, c) => (
        <>
          <div>{pathLabel(t, c.path, detail.document)}</div>
          <Typography.Text type="secondary" style={{ fontSize: '0.8em' }}>
            <code>{c.path}</code>
          </Typography.Text>
        </>
      ),
    },
    { key: 'before', title: t('catalog.editor.diff.before'), render: (_, c) => <span className="tb-diff-before"><Value text={valueLabel(t, c.path, c.before)} /></span> },
    { key: 'after', title: t('catalog.editor.diff.after'), render: (_, c) => <span className="tb-diff-after"><Value text={valueLabel(t, c.path, c.after)} /></span> },
  ];

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: '1.05em' }}>
        {t('catalog.editor.versions.title')}
      </Typography.Title>
      <Table<ItemVersionInfo> rowKey="version" size="small" columns={columns} dataSource={versions} pagination={false} scroll={{ x: 800 }} />

      <Typography.Title level={2} style={{ fontSize: '1.05em', marginTop: 24 }}>
        {t('catalog.editor.diff.title')}
      </Typography.Title>
      {versions.length < 2 ? (
        <Typography.Text type="secondary">{t('catalog.editor.diff.pickTwo')}</Typography.Text>
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>{t('catalog.editor.diff.from')}</span>
            <Select aria-label={t('catalog.editor.diff.before')} value={from} onChange={setFrom} options={versionOptions} style={{ width: 220 }} />
            <span>{t('catalog.editor.diff.to')}</span>
            <Select aria-label={t('catalog.editor.diff.after')} value={to} onChange={setTo} options={versionOptions} style={{ width: 220 }} />
            {diff.data && from !== to && <Typography.Text type="secondary">{t('catalog.editor.diff.count', { count: diff.data.changes.length })}</Typography.Text>}
          </Space>
          {from === to || !from || !to ? (
            <Alert type="info" showIcon title={t('catalog.editor.diff.pickTwo')} />
          ) : diff.isError ? (
            <LoadError error={diff.error} onRetry={() => void diff.refetch()} />
          ) : diff.data && diff.data.changes.length === 0 ? (
            <Empty description={t('catalog.editor.diff.noChanges')} />
          ) : (
            <Table<VersionChange>
              rowKey="path"
              size="small"
              bordered
              loading={diff.isFetching}
              columns={changeColumns}
              dataSource={diff.data?.changes ?? []}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 800 }}
            />
          )}
        </>
      )}
    </>
  );
}

/** Who did what to which version, newest first, with the reviewers' comments. */
export function ReviewLogTab({ detail }: { detail: Pick<AdminItemDetail, 'reviewLog'> }) {
  const { t } = useTranslation();
  const lt = loose(t);
  const columns: ColumnsType<ReviewLogEntry> = [
    { key: 'at', title: t('catalog.editor.log.at'), width: 160, render: (_, e) => formatDateTime(e.at) },
    { key: 'actor', title: t('catalog.editor.log.actor'), width: 140, dataIndex: 'actorName' },
    { key: 'action', title: t('catalog.editor.log.action'), width: 130, render: (_, e) => lt(`catalog.editor.log.${e.action}`, { defaultValue: e.action }) },
    { key: 'version', title: t('catalog.editor.log.version'), width: 90, render: (_, e) => t('catalog.versionN', { n: e.version }) },
    { key: 'comment', title: t('catalog.editor.log.comment'), render: (_, e) => <span style={{ whiteSpace: 'pre-wrap' }}>{e.comment || '—'}</span> },
  ];
  return (
    <Table<ReviewLogEntry>
      rowKey={(e) => `${e.at}-${e.action}-${e.version}`}
      size="small"
      columns={columns}
      dataSource={detail.reviewLog}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('catalog.editor.log.empty') }}
      scroll={{ x: 800 }}
    />
  );
}
