import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { DashboardSummary, VerificationTask } from '../api/types.ts';
import { formatDate } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { primaryColor, slaColors } from '../components/theme.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { Chart, type ChartOption } from './Chart.tsx';

const stateOrder = ['submitted', 'accepted', 'declined', 'closed'];

function useSummary() {
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: ({ signal }) => api.get<DashboardSummary>('/api/v1/dashboard/summary', undefined, signal),
    refetchInterval: 60_000,
  });
}

function useAlerts() {
  return useQuery({
    queryKey: ['dashboard', 'alerts'],
    queryFn: ({ signal }) => api.get<{ overdueVerifications: VerificationTask[] }>('/api/v1/dashboard/alerts', undefined, signal),
    refetchInterval: 60_000,
  });
}

/** 告知承诺制 grants whose verification is overdue (shown only when there are some). */
function OverdueVerifications() {
  const { t } = useTranslation();
  const alerts = useAlerts();
  const rows = alerts.data?.overdueVerifications ?? [];
  if (rows.length === 0) return null;
  return (
    <Card style={{ marginTop: 16 }} title={<h2 style={{ fontSize: '1em', margin: 0 }}>{t('dashboard.alertsTitle')}</h2>} data-testid="overdue-verifications">
      <Typography.Paragraph type="secondary">{t('dashboard.alertsDesc')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="caseId"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 640 }}
        columns={[
          { key: 'light', width: 60, render: (_, r) => <SlaLight light={r.slaLight} compact /> },
          { key: 'number', title: t('cases.number'), dataIndex: 'number', width: 190 },
          { key: 'item', title: t('cases.item'), dataIndex: 'itemName', ellipsis: true },
          { key: 'agency', title: t('cases.agency'), dataIndex: 'agencyName', ellipsis: true },
          { key: 'due', title: t('cases.dueDate'), width: 120, render: (_, r) => formatDate(r.dueDate) },
        ]}
      />
    </Card>
  );
}

type LicenseMeasure = { typeCode: string; typeName: string; issuerName: string; issued: number; fromCases: number; legacy: number; inForce: number; verifications: number };

/** 电子证照: licenses issued and verified per type and issuing department. */
function LicenseMeasures() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['dashboard', 'licenses'],
    queryFn: ({ signal }) => api.get<{ licenses: LicenseMeasure[] }>('/api/v1/dashboard/licenses', undefined, signal),
    refetchInterval: 60_000,
  });
  const rows = q.data?.licenses ?? [];
  if (rows.length === 0) return null;
  return (
    <Card style={{ marginTop: 16 }} title={<h2 style={{ fontSize: '1em', margin: 0 }}>{t('dashboard.licensesTitle')}</h2>} data-testid="license-measures">
      <Table
        size="small"
        rowKey={(r) => `${r.typeCode}-${r.issuerName}`}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 640 }}
        columns={[
          { key: 'type', title: t('dashboard.licenseType'), dataIndex: 'typeName' },
          { key: 'issuer', title: t('dashboard.licenseIssuer'), dataIndex: 'issuerName', ellipsis: true },
          { key: 'issued', title: t('dashboard.licensesIssued'), dataIndex: 'issued', align: 'right', width: 90 },
          { key: 'cases', title: t('dashboard.licensesFromCases'), dataIndex: 'fromCases', align: 'right', width: 100 },
          { key: 'legacy', title: t('dashboard.licensesLegacy'), dataIndex: 'legacy', align: 'right', width: 100 },
          { key: 'inForce', title: t('dashboard.licensesInForce'), dataIndex: 'inForce', align: 'right', width: 90 },
          { key: 'verified', title: t('dashboard.licensesVerified'), dataIndex: 'verifications', align: 'right', width: 100 },
        ]}
      />
    </Card>
  );
}

function Dashboard() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('dashboard.title'));
  const summary = useSummary();
  const s = summary.data;

  const byState = useMemo(() => {
    if (!s) return [];
    const stateLabel = (state: string) => {
      const key = `cases.state_${state}`;
      return i18n.exists(key) ? t(key as 'cases.state_submitted') : state;
    };
    const keys = [...stateOrder.filter((k) => k in s.casesByState), ...Object.keys(s.casesByState).filter((k) => !stateOrder.includes(k))];
    return keys.map((k) => ({ name: stateLabel(k), value: s.casesByState[k] ?? 0 }));
  }, [s, t, i18n]);

  const byLight = useMemo(
    () =>
      s
        ? [
            { name: t('dashboard.lightGreen'), value: s.openByLight.green, itemStyle: { color: slaColors.green } },
            { name: t('dashboard.lightYellow'), value: s.openByLight.yellow, itemStyle: { color: slaColors.yellow } },
            { name: t('dashboard.lightRed'), value: s.openByLight.red, itemStyle: { color: slaColors.red } },
          ]
        : [],
    [s, t],
  );

  const stateOption: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: byState.map((d) => d.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: byState.map((d) => d.value), itemStyle: { color: primaryColor }, barMaxWidth: 48, label: { show: true, position: 'top' } }],
    }),
    [byState],
  );

  const lightOption: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          data: byLight,
          label: { formatter: '{b}\n{c}' },
        },
      ],
    }),
    [byLight],
  );

  if (summary.isPending) return <PageLoading />;
  if (summary.isError || !s) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;

  const stats = [
    { key: 'open', title: t('dashboard.openCases'), value: s.openCases },
    { key: 'closed', title: t('dashboard.closedCases'), value: s.closedCases },
    { key: 'overdue', title: t('dashboard.overdueCases'), value: s.overdueCases, color: s.overdueCases > 0 ? slaColors.red : undefined },
    ...(s.overdueVerifications ? [{ key: 'verify', title: t('dashboard.overdueVerifications'), value: s.overdueVerifications, color: slaColors.red }] : []),
    { key: 'items', title: t('dashboard.publishedItems'), value: s.publishedItems },
  ];
  const summarize = (rows: Array<{ name: string; value: number }>) => rows.map((r) => `${r.name} ${r.value}`).join('，');

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {t('dashboard.title')}
      </Typography.Title>
      <div className="tb-stat-grid">
        {stats.map((st) => (
          <Card key={st.key}>
            <Statistic title={st.title} value={st.value} styles={{ content: { fontSize: 36, fontWeight: 600, color: st.color } }} />
          </Card>
        ))}
      </div>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card title={<h2 style={{ fontSize: '1em', margin: 0 }}>{t('dashboard.byState')}</h2>}>
            <Chart option={stateOption} summary={t('dashboard.chartByStateSummary', { summary: summarize(byState) })} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: '1em', margin: 0 }}>{t('dashboard.byLight')}</h2>}>
            <Chart option={lightOption} summary={t('dashboard.chartByLightSummary', { summary: summarize(byLight) })} />
          </Card>
        </Col>
      </Row>
      <OverdueVerifications />
      <LicenseMeasures />
    </>
  );
}

/** /dashboard: supervisors and leadership. Loaded on demand, with ECharts. */
export function DashboardApp() {
  return (
    <RequireAuth area="dashboard">
      <StaffLayout area="dashboard">
        <Dashboard />
      </StaffLayout>
    </RequireAuth>
  );
}
