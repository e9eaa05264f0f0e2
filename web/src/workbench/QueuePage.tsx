import { Card, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCases } from '../api/cases.ts';
import type { CaseSummary } from '../api/types.ts';
import { CaseStateTag } from '../components/CaseStateTag.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

const stateTabs = [
  { key: '', label: 'workbench.tabAll' },
  { key: 'submitted', label: 'workbench.tabSubmitted' },
  { key: 'accepted', label: 'workbench.tabAccepted' },
  { key: 'closed', label: 'workbench.tabClosed' },
  { key: 'declined', label: 'workbench.tabDeclined' },
] as const;

const pageSize = 20;

/** The clerk's queue: deadline light first, then number, item, applicant (masked by the server), state, dates. */
export function QueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workbench.queue'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const cases = useCases({ state: state || undefined, page, pageSize });

  const columns: ColumnsType<CaseSummary> = [
    {
      key: 'light',
      title: t('cases.light'),
      width: 96,
      align: 'center',
      render: (_, c) => <SlaLight light={c.slaLight} compact />,
    },
    {
      key: 'number',
      title: t('cases.number'),
      dataIndex: 'number',
      render: (_, c) => (
        <Link to={`/workbench/cases/${encodeURIComponent(c.id)}`} onClick={(e) => e.stopPropagation()}>
          {c.number}
        </Link>
      ),
    },
    { key: 'item', title: t('cases.item'), dataIndex: 'itemName', ellipsis: true },
    { key: 'applicant', title: t('cases.applicant'), dataIndex: 'applicantName', width: 220, ellipsis: true },
    { key: 'state', title: t('cases.state'), width: 170, render: (_, c) => <CaseStateTag state={c.state} label={c.stateLabel} /> },
    { key: 'submitted', title: t('cases.submittedAt'), width: 170, render: (_, c) => formatDateTime(c.submittedAt) },
    { key: 'due', title: t('cases.dueDate'), width: 130, render: (_, c) => formatDate(c.dueDate) },
  ];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {t('workbench.queue')}
      </Typography.Title>
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={state || 'all'}
          aria-label={t('workbench.filterLabel')}
          onChange={(k) => setParams(k === 'all' ? {} : { state: k })}
          items={stateTabs.map((s) => ({ key: s.key || 'all', label: t(s.label) }))}
        />
        {cases.isError ? (
          <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
        ) : (
          <Table<CaseSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={cases.data?.cases ?? []}
            loading={cases.isFetching}
            locale={{ emptyText: t('workbench.empty') }}
            scroll={{ x: 900 }}
            onRow={(c) => ({
              onClick: () => void navigate(`/workbench/cases/${encodeURIComponent(c.id)}`),
              style: { cursor: 'pointer' },
            })}
            pagination={{
              current: page,
              pageSize,
              total: cases.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p) => {
                const next = new URLSearchParams(params);
                if (p > 1) next.set('page', String(p));
                else next.delete('page');
                setParams(next);
              },
            }}
          />
        )}
      </Card>
    </>
  );
}
