import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Input, Modal, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useCases, type CaseListQuery } from '../api/cases.ts';
import { VerificationList } from './components/VerificationList.tsx';
import { errorMessage } from '../api/client.ts';
import type { BulkActionResult, CaseSummary } from '../api/types.ts';
import { CaseStateTag } from '../components/CaseStateTag.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { slaColors } from '../components/theme.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useBulkAction } from './mutations.ts';

const stateTabs = [
  { key: '', label: 'workbench.tabAll' },
  { key: 'submitted', label: 'workbench.tabSubmitted' },
  { key: 'supplement_requested', label: 'workbench.tabSupplement' },
  { key: 'accepted', label: 'workbench.tabAccepted' },
  { key: 'decided', label: 'workbench.tabDecided' },
  { key: 'closed', label: 'workbench.tabClosed' },
  { key: 'declined', label: 'workbench.tabDeclined' },
] as const;

const lights = ['red', 'yellow', 'green'] as const;
const assignees = ['me', 'unassigned'] as const;
const lightLabel = { red: 'workbench.lightRed', yellow: 'workbench.lightYellow', green: 'workbench.lightGreen' } as const;

const pageSize = 20;

/** The result of a bulk action: how many went through, and each failure with the server's reason. */
function BulkResult({ result, rows }: { result: BulkActionResult; rows: Map<string, CaseSummary> }) {
  const { t } = useTranslation();
  const failed = result.results.filter((r) => !r.ok);
  const ok = result.results.length - failed.length;
  return (
    <>
      <Typography.Paragraph>{t('workbench.bulkSummary', { ok, failed: failed.length })}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={failed}
        columns={[
          { key: 'number', title: t('cases.number'), width: 190, render: (_, r) => rows.get(r.id)?.number ?? r.id },
          { key: 'item', title: t('cases.item'), ellipsis: true, render: (_, r) => rows.get(r.id)?.itemName ?? '' },
          { key: 'reason', title: t('workbench.bulkFailedReason'), render: (_, r) => r.error?.message ?? '' },
        ]}
      />
    </>
  );
}

/**
 * The clerk's queue: deadline light first, then number, item, applicant (masked by the server), state, dates.
 * Filters by state (tabs), light and claim live in the URL; rows awaiting acceptance can be accepted in bulk.
 */
export function QueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workbench.queue'));
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const light = lights.find((l) => l === params.get('light'));
  const assignee = assignees.find((a) => a === params.get('assignee'));
  const step = params.get('step') === 'mine' ? ('mine' as const) : undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: CaseListQuery = { state: state || undefined, light, assignee, step, q: q || undefined, page, pageSize };
  const canVerify = !!me.data?.permissions.includes('case:decide');
  const verifying = state === 'verification' && canVerify;
  const cases = useCases(verifying ? { ...query, state: undefined } : query, { enabled: !verifying });
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  // Bulk acceptance where cases awaiting acceptance are listed.
  const canAccept = !!me.data?.permissions.includes('case:accept') && (state === '' || state === 'submitted');
  const [selected, setSelected] = useState<Map<string, CaseSummary>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const bulk = useBulkAction();

  /** Change one filter; the page goes back to 1. */
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  const runBulkAccept = () => {
    const ids = [...selected.keys()];
    const rows = new Map(selected);
    bulk.mutate(
      { action: 'accept', ids },
      {
        onSuccess: (result) => {
          setConfirming(false);
          const failed = result.results.filter((r) => !r.ok);
          const ok = result.results.length - failed.length;
          // The failures are listed in the result (they may no longer await acceptance): start afresh.
          setSelected(new Map());
          if (failed.length === 0) {
            void message.success(t('workbench.bulkDone', { count: ok }));
          } else {
            modal.warning({ title: t('workbench.bulkResultTitle'), width: 720, okText: t('common.confirm'), content: <BulkResult result={result} rows={rows} /> });
          }
        },
      },
    );
  };

  const columns: ColumnsType<CaseSummary> = [
    {
      key: 'light',
      title: t('cases.light'),
      width: 80,
      align: 'center',
      render: (_, c) => <SlaLight light={c.slaLight} compact />,
    },
    {
      key: 'number',
      title: t('cases.number'),
      dataIndex: 'number',
      width: 200,
      render: (_, c) => (
        <Link to={`/workbench/cases/${encodeURIComponent(c.id)}`} onClick={(e) => e.stopPropagation()}>
          {c.number}
        </Link>
      ),
    },
    {
      key: 'item',
      title: t('cases.item'),
      ellipsis: true,
      render: (_, c) => (
        <>
          {c.acceptRegionCode && <Tag color="purple">{t('engine.tongbanTag')}</Tag>}
          {c.itemName}
          {/* 一件事: the member case's bundle under the item, a link to the whole bundle for who may open it. */}
          {c.bundle && (
            <div className="tb-queue-bundle" data-testid="queue-bundle-tag">
              {c.bundle.canOpen ? (
                <Link to={`/workbench/bundles/${encodeURIComponent(c.bundle.id)}`} onClick={(e) => e.stopPropagation()}>
                  {t('bundleCases.bundleTag', { name: c.bundle.name })}
                </Link>
              ) : (
                <Typography.Text type="secondary">{t('bundleCases.bundleTag', { name: c.bundle.name })}</Typography.Text>
              )}
            </div>
          )}
        </>
      ),
    },
    { key: 'applicant', title: t('cases.applicant'), dataIndex: 'applicantName', width: 200, ellipsis: true },
    { key: 'state', title: t('cases.state'), width: 150, render: (_, c) => <CaseStateTag state={c.state} label={c.stateLabel} /> },
    { key: 'submitted', title: t('cases.submittedAt'), width: 160, render: (_, c) => formatDateTime(c.submittedAt) },
    { key: 'due', title: t('cases.dueDate'), width: 140, render: (_, c) => (c.state === 'supplement_requested' ? t('cases.dueAfterSupplement') : formatDate(c.dueDate)) },
    { key: 'assignee', title: t('engine.assignee'), width: 110, render: (_, c) => c.assigneeName ?? <Typography.Text type="secondary">{t('engine.unassigned')}</Typography.Text> },
  ];

  const total = cases.data?.total ?? 0;
  const capped = !!cases.data?.totalCapped;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {t('workbench.queue')}
      </Typography.Title>
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={state || 'all'}
          aria-label={t('workbench.filterLabel')}
          onChange={(k) => setFilter('state', k === 'all' ? undefined : k)}
          items={[
            ...stateTabs.map((s) => ({ key: s.key || 'all', label: t(s.label) })),
            ...(canVerify ? [{ key: 'verification', label: t('engine.verificationsTab') }] : []),
          ]}
        />
        {verifying ? (
          <VerificationList />
        ) : (
        <>
        <div className="tb-filter-bar" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('workbench.searchLabel')}
            placeholder={t('workbench.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 280 }}
          />
          <Segmented
            aria-label={t('workbench.lightFilter')}
            value={light ?? 'all'}
            onChange={(v) => setFilter('light', v === 'all' ? undefined : String(v))}
            options={[
              { value: 'all', label: t('workbench.lightAll') },
              ...lights.map((l) => ({
                value: l,
                label: (
                  <span className="tb-light">
                    <span className="tb-dot" style={{ background: slaColors[l] }} aria-hidden="true" />
                    {t(lightLabel[l])}
                  </span>
                ),
              })),
            ]}
          />
          <Segmented
            aria-label={t('workbench.assigneeFilter')}
            value={assignee ?? 'all'}
            onChange={(v) => setFilter('assignee', v === 'all' ? undefined : String(v))}
            options={[
              { value: 'all', label: t('workbench.assigneeAll') },
              { value: 'me', label: t('workbench.assigneeMe') },
              { value: 'unassigned', label: t('workbench.assigneeNone') },
            ]}
          />
          {/* The review step under way is mine (e.g. a supervisor's 审批 as the last step). */}
          <Checkbox checked={!!step} onChange={(e) => setFilter('step', e.target.checked ? 'mine' : undefined)}>
            {t('workbench.stepMine')}
          </Checkbox>
        </div>
        {canAccept && (
          <div className="tb-bulk-bar" aria-live="polite">
            <span>{t('workbench.selected', { count: selected.size })}</span>
            <Button type="primary" disabled={selected.size === 0} onClick={() => setConfirming(true)}>
              {t('workbench.bulkAccept')}
            </Button>
            <Typography.Text type="secondary">{t('workbench.bulkOnlySubmitted')}</Typography.Text>
          </div>
        )}
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
            scroll={{ x: 960 }}
            rowSelection={
              canAccept
                ? {
                    selectedRowKeys: [...selected.keys()],
                    preserveSelectedRowKeys: true,
                    getCheckboxProps: (c) => ({ disabled: c.state !== 'submitted', 'aria-label': c.number }),
                    onChange: (keys, rows) => {
                      const next = new Map<string, CaseSummary>();
                      for (const k of keys) {
                        const row = rows.find((r) => r?.id === k) ?? selected.get(String(k));
                        if (row) next.set(String(k), row);
                      }
                      setSelected(next);
                    },
                  }
                : undefined
            }
            onRow={(c) => ({
              onClick: () => void navigate(`/workbench/cases/${encodeURIComponent(c.id)}`),
              style: { cursor: 'pointer' },
            })}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: false,
              showTotal: (n) => (capped ? t('workbench.totalCapped', { total: n }) : t('common.total', { total: n })),
              onChange: (p) => {
                const next = new URLSearchParams(params);
                if (p > 1) next.set('page', String(p));
                else next.delete('page');
                setParams(next);
              },
            }}
          />
        )}
        </>
        )}
      </Card>
      <Modal
        open={confirming}
        title={t('workbench.bulkAcceptTitle', { count: selected.size })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: bulk.isPending }}
        onOk={runBulkAccept}
        onCancel={() => {
          if (!bulk.isPending) {
            setConfirming(false);
            bulk.reset();
          }
        }}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('workbench.bulkAcceptConsequence')} style={{ marginBottom: 12 }} />
        <ul style={{ maxHeight: 240, overflow: 'auto', margin: 0, paddingInlineStart: 20 }}>
          {[...selected.values()].map((c) => (
            <li key={c.id}>
              {c.number} · {c.itemName}
            </li>
          ))}
        </ul>
        {bulk.isError && <Alert type="error" showIcon role="alert" title={errorMessage(bulk.error)} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
