import { Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useVerifications } from '../../api/cases.ts';
import type { VerificationTask } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { SlaLight } from '../../components/SlaLight.tsx';
import { LoadError } from '../../components/status.tsx';

/** 告知承诺 cases granted at acceptance whose commitment is still to be verified, the most urgent first. */
export function VerificationList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tasks = useVerifications(true);
  if (tasks.isError) return <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('engine.verificationsHelp')}</Typography.Paragraph>
      <Table<VerificationTask>
        rowKey="caseId"
        size="middle"
        loading={tasks.isFetching}
        dataSource={tasks.data?.tasks ?? []}
        locale={{ emptyText: t('engine.verificationsEmpty') }}
        scroll={{ x: 860 }}
        pagination={false}
        onRow={(v) => ({ onClick: () => void navigate(`/workbench/cases/${encodeURIComponent(v.caseId)}`), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'light', title: t('cases.light'), width: 80, align: 'center', render: (_, v) => <SlaLight light={v.slaLight as 'green' | 'yellow' | 'red' | null} compact /> },
          {
            key: 'number',
            title: t('cases.number'),
            width: 200,
            render: (_, v) => (
              <Link to={`/workbench/cases/${encodeURIComponent(v.caseId)}`} onClick={(e) => e.stopPropagation()}>
                {v.number}
              </Link>
            ),
          },
          { key: 'item', title: t('cases.item'), dataIndex: 'itemName', ellipsis: true },
          { key: 'applicant', title: t('cases.applicant'), dataIndex: 'applicantName', width: 160 },
          { key: 'opened', title: t('cases.decision'), width: 160, render: (_, v) => formatDateTime(v.openedAt) },
          { key: 'due', title: t('engine.verificationDue'), width: 140, render: (_, v) => formatDate(v.dueDate) },
        ]}
      />
    </>
  );
}
