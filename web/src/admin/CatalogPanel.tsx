import { App, Button, Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import type { CatalogItem } from '../api/types.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useCatalogItems, usePublishItem } from './queries.ts';

type StatusFilter = '' | 'draft' | 'published';

/** 事项目录: every item version with its status; drafts can be published from here. */
export function CatalogPanel() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('admin.catalog'));
  const { modal, message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: StatusFilter = raw === 'draft' || raw === 'published' ? raw : '';
  const items = useCatalogItems(status);
  const publish = usePublishItem();

  const statusLabel = (s: string) => {
    const key = `admin.status_${s}`;
    return i18n.exists(key) ? t(key as 'admin.status_draft') : s;
  };

  const confirmPublish = (item: CatalogItem) => {
    modal.confirm({
      title: t('admin.publishTitle', { name: item.name }),
      content: t('admin.publishConsequence'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutateAsync(item.id).then(
          () => void message.success(t('admin.publishDone', { name: item.name })),
          (e: unknown) => void message.error(errorMessage(e)),
        ),
    });
  };

  const columns: ColumnsType<CatalogItem> = [
    { key: 'name', title: t('admin.name'), dataIndex: 'name' },
    { key: 'implCode', title: t('admin.implCode'), dataIndex: 'implCode', width: 240, render: (v: string) => <code>{v}</code> },
    { key: 'agency', title: t('admin.agency'), render: (_, r) => r.agency.name, width: 200 },
    {
      key: 'status',
      title: t('admin.status'),
      width: 100,
      render: (_, r) => <Tag color={r.status === 'published' ? 'green' : 'default'}>{statusLabel(r.status)}</Tag>,
    },
    { key: 'version', title: t('admin.version'), dataIndex: 'version', width: 70, align: 'right' },
    { key: 'updatedAt', title: t('admin.updatedAt'), width: 160, render: (_, r) => formatDateTime(r.updatedAt) },
    {
      key: 'actions',
      title: t('admin.actions'),
      width: 100,
      render: (_, r) =>
        r.status === 'draft' ? (
          <Button size="small" type="primary" ghost onClick={() => confirmPublish(r)}>
            {t('admin.publish')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Segmented<StatusFilter>
          aria-label={t('admin.filterLabel')}
          value={status}
          onChange={(v) => setParams(v ? { status: v } : {})}
          options={[
            { value: '', label: t('admin.filterAll') },
            { value: 'draft', label: t('admin.status_draft') },
            { value: 'published', label: t('admin.status_published') },
          ]}
        />
      </div>
      {items.isError ? (
        <LoadError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Table<CatalogItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items.data?.items ?? []}
          loading={items.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('admin.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        />
      )}
    </>
  );
}
