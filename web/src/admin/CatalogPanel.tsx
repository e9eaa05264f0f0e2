import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Dropdown, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DownOutlined, DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import type { AdminItem, VersionStatus } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { formatDateTime } from '../components/format.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { VERSION_STATUSES } from './catalogMeta.ts';
import { useVersionStatusLabel, versionStatusColor } from './editor/status.ts';
import { ImportDialog, TEMPLATE_URL } from './ImportDialog.tsx';
import { catalogQuery, useCatalogItems, usePublishItem, type CatalogFilter } from './queries.ts';

type StatusFilter = '' | 'draft' | 'published' | 'retired';

function itemStatusColor(s: string): string | undefined {
  return s === 'published' ? 'green' : s === 'retired' ? 'red' : undefined;
}

function exportUrl(f: CatalogFilter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(catalogQuery({ status: f.status, dept: f.dept, q: f.q }))) if (v) q.set(k, v);
  const s = q.toString();
  return `/api/v1/catalog/export.xlsx${s ? `?${s}` : ''}`;
}

/** The departments that own items, for the 部门 filter (from the unfiltered list, which is cached). */
function useItemDepartments() {
  const all = useCatalogItems({});
  return useMemo(() => {
    const m = new Map<string, string>();
    for (const i of all.data?.items ?? []) m.set(i.agency.id, i.agency.name);
    return [...m.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  }, [all.data]);
}

function usePublishConfirm() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const publish = usePublishItem();
  return (item: AdminItem) => {
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
}

/**
 * 事项目录: every item with its public status (未发布 = never published, 已发布, 已停用) and the status of its latest
 * version; filters, Excel (one menu), and 发布 for approved versions.
 */
export function CatalogPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.catalog'));
  const { data: me } = useMe();
  const perms = new Set(me?.permissions ?? []);
  const canEdit = perms.has('catalog:edit');
  const canPublish = perms.has('catalog:publish');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: StatusFilter = raw === 'draft' || raw === 'published' || raw === 'retired' ? raw : '';
  const rawVs = params.get('versionStatus');
  const versionStatus = (VERSION_STATUSES as readonly string[]).includes(rawVs ?? '') ? (rawVs as VersionStatus) : undefined;
  const dept = params.get('dept') ?? undefined;
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  // The box follows q when it changes from outside (back/forward, a link); a search of our own arrives in the URL
  // a moment later and must not overwrite what was typed since.
  const searched = useRef(q);
  useEffect(() => {
    if (q !== searched.current) setText(q);
    searched.current = q;
  }, [q]);
  const filter: CatalogFilter = { status, versionStatus, dept, q };
  const items = useCatalogItems(filter);
  const departments = useItemDepartments();
  const confirmPublish = usePublishConfirm();
  const [importing, setImporting] = useState(false);

  const setFilter = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p);
  };

  // The item's own status says whether the public sees it; the item-level 'draft' means it was never published.
  const statusLabel = (s: string) => (s === 'draft' || s === 'published' || s === 'retired' ? t(`admin.status_${s}`) : s);
  const versionText = useVersionStatusLabel();

  const columns: ColumnsType<AdminItem> = [
    {
      key: 'name',
      title: t('admin.name'),
      render: (_, r) => <Link to={`/admin/items/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
    },
    { key: 'implCode', title: t('admin.implCode'), dataIndex: 'implCode', width: 250, render: (v: string) => <code style={{ fontSize: '0.85em' }}>{v}</code> },
    { key: 'agency', title: t('admin.agency'), render: (_, r) => r.agency.name, width: 190 },
    {
      key: 'status',
      title: t('admin.publicStatus'),
      width: 100,
      render: (_, r) => <Tag color={itemStatusColor(r.status)}>{statusLabel(r.status)}</Tag>,
    },
    {
      key: 'versionStatus',
      title: t('catalog.latestVersion'),
      width: 210,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={versionStatusColor[r.versionStatus]}>{versionText(r.versionStatus, r.versionStatusLabel)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {t('catalog.versionN', { n: r.version })}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'updatedAt', title: t('admin.updatedAt'), width: 150, render: (_, r) => formatDateTime(r.updatedAt) },
    {
      key: 'actions',
      title: t('admin.actions'),
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          {canPublish && r.versionStatus === 'approved' && (
            <Button size="small" type="primary" ghost onClick={() => confirmPublish(r)}>
              {t('admin.publish')}
            </Button>
          )}
          <Link to={`/admin/items/${encodeURIComponent(r.id)}`}>{canEdit ? t('catalog.edit') : t('catalog.view')}</Link>
          {canEdit && (
            <Link to={`/admin/items/new?from=${encodeURIComponent(r.id)}`} aria-label={`${t('catalog.copy')} ${r.name}`}>
              {t('catalog.copy')}
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="tb-filter-bar">
        <Segmented<StatusFilter>
          aria-label={t('admin.filterLabel')}
          value={status}
          onChange={(v) => setFilter('status', v || undefined)}
          options={[
            { value: '', label: t('admin.filterAll') },
            { value: 'draft', label: t('admin.status_draft') },
            { value: 'published', label: t('admin.status_published') },
            { value: 'retired', label: t('admin.status_retired') },
          ]}
        />
        <Select<VersionStatus>
          aria-label={t('catalog.filterVersionStatus')}
          placeholder={t('catalog.filterVersionAll')}
          allowClear
          value={versionStatus}
          onChange={(v) => setFilter('versionStatus', v)}
          options={VERSION_STATUSES.map((s) => ({ value: s, label: t(`catalog.versionStatus.${s}`) }))}
          style={{ width: 170 }}
        />
        <Select<string>
          aria-label={t('catalog.filterDept')}
          placeholder={t('catalog.filterDeptAll')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={dept}
          onChange={(v) => setFilter('dept', v)}
          options={departments}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
        <Input.Search
          aria-label={t('catalog.searchLabel')}
          placeholder={t('catalog.searchPlaceholder')}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            searched.current = v.trim();
            setFilter('q', v.trim() || undefined);
          }}
          style={{ width: 240 }}
        />
        <Space wrap style={{ marginLeft: 'auto' }}>
          {canEdit && (
            <ButtonLink type="primary" icon={<PlusOutlined aria-hidden />} to="/admin/items/new">
              {t('catalog.newItem')}
            </ButtonLink>
          )}
          {/* Import, export and the template in one menu, so the toolbar keeps to one row at 1366 px. */}
          <Dropdown
            trigger={['click']}
            placement="bottomRight"
            menu={{
              items: [
                ...(canPublish
                  ? [{ key: 'import', icon: <UploadOutlined aria-hidden />, label: t('catalog.importXlsx'), onClick: () => setImporting(true) }]
                  : []),
                {
                  key: 'export',
                  icon: <FileExcelOutlined aria-hidden />,
                  label: (
                    <a href={exportUrl(filter)} download>
                      {t('catalog.exportXlsx')}
                    </a>
                  ),
                },
                {
                  key: 'template',
                  icon: <DownloadOutlined aria-hidden />,
                  label: (
                    <a href={TEMPLATE_URL} download>
                      {t('catalog.templateXlsx')}
                    </a>
                  ),
                },
              ],
            }}
          >
            <Button icon={<FileExcelOutlined aria-hidden />}>
              {t('catalog.excelMenu')}
              <DownOutlined aria-hidden style={{ fontSize: '0.8em' }} />
            </Button>
          </Dropdown>
        </Space>
      </div>
      {items.isError ? (
        <LoadError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Table<AdminItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items.data?.items ?? []}
          loading={items.isFetching}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('admin.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        />
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

/** 待审核: versions submitted for review, oldest change first. */
export function ReviewPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.reviewTab'));
  const items = useCatalogItems({ versionStatus: 'submitted' });
  const rows = [...(items.data?.items ?? [])].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const columns: ColumnsType<AdminItem> = [
    { key: 'name', title: t('admin.name'), render: (_, r) => <Link to={`/admin/items/${encodeURIComponent(r.id)}`}>{r.name}</Link> },
    { key: 'agency', title: t('admin.agency'), render: (_, r) => r.agency.name, width: 220 },
    { key: 'version', title: t('admin.version'), width: 100, render: (_, r) => t('catalog.versionN', { n: r.version }) },
    {
      key: 'public',
      title: t('catalog.publicVersion'),
      width: 110,
      render: (_, r) => (r.publishedVersion ? t('catalog.versionN', { n: r.publishedVersion }) : t('catalog.notPublic')),
    },
    { key: 'updatedAt', title: t('catalog.submittedAt'), width: 160, render: (_, r) => formatDateTime(r.updatedAt) },
    {
      key: 'actions',
      title: t('admin.actions'),
      width: 100,
      render: (_, r) => (
        <ButtonLink size="small" type="primary" to={`/admin/items/${encodeURIComponent(r.id)}`}>
          {t('catalog.openReview')}
        </ButtonLink>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 0 }}>
        {t('catalog.reviewTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalog.reviewDesc')}</Typography.Paragraph>
      {items.isError ? (
        <LoadError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Table<AdminItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={items.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('catalog.reviewEmpty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        />
      )}
    </>
  );
}
