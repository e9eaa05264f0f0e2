import { Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../api/types.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useUsers } from './queries.ts';

export function UsersPanel() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('admin.users'));
  const users = useUsers();
  const label = (key: string, fallback: string) => (i18n.exists(key) ? t(key as 'roles.applicant') : fallback);
  const columns: ColumnsType<AdminUser> = [
    { key: 'username', title: t('admin.username'), dataIndex: 'username', width: 160, render: (v: string) => <code>{v}</code> },
    { key: 'displayName', title: t('admin.displayName'), dataIndex: 'displayName', width: 160 },
    { key: 'subjectType', title: t('admin.subjectType'), width: 110, render: (_, u) => label(`admin.subject_${u.subjectType}`, u.subjectType) },
    {
      key: 'roles',
      title: t('admin.roles'),
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((r) => (
            <Tag key={r}>{label(`roles.${r}`, r)}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'org', title: t('admin.orgOfUser'), width: 220, render: (_, u) => u.orgName ?? '—' },
  ];
  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <Table<AdminUser>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users.data?.users ?? []}
      loading={users.isFetching}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('admin.empty') }}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
    />
  );
}
