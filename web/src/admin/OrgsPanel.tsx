import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Org } from '../api/types.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useOrgs } from './queries.ts';

export function OrgsPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.orgs'));
  const orgs = useOrgs();
  const byId = new Map((orgs.data?.orgs ?? []).map((o) => [o.id, o.name]));
  const columns: ColumnsType<Org> = [
    { key: 'name', title: t('admin.orgName'), dataIndex: 'name' },
    { key: 'kind', title: t('admin.orgKind'), dataIndex: 'kind', width: 140 },
    { key: 'region', title: t('admin.regionCode'), dataIndex: 'regionCode', width: 130, render: (v: string) => <code>{v}</code> },
    { key: 'credit', title: t('admin.creditCode'), dataIndex: 'creditCode', width: 210, render: (v: string) => <code>{v}</code> },
    { key: 'parent', title: t('admin.parent'), width: 220, render: (_, o) => (o.parentId ? (byId.get(o.parentId) ?? o.parentId) : '—') },
  ];
  if (orgs.isError) return <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />;
  return (
    <Table<Org>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={orgs.data?.orgs ?? []}
      loading={orgs.isFetching}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('admin.empty') }}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
    />
  );
}
