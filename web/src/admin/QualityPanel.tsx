import { useState } from 'react';
import { Button, Card, Checkbox, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConsistencyDrift, QualityReport } from '../api/types.ts';
import { formatNumber } from '../components/format.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { loose } from '../i18n/loose.ts';
import { pathLabel } from './catalogMeta.ts';
import { useConsistencyReport, useQualityReport } from './queries.ts';

type Dept = QualityReport['departments'][number];
type Rule = QualityReport['byRule'][number];
type Finding = QualityReport['findings'][number];

const severityColor: Record<string, string> = { error: 'error', warning: 'warning', info: 'processing' };

function editorLink(itemId: string, path?: string): string {
  return `/admin/items/${encodeURIComponent(itemId)}${path ? `?focus=${encodeURIComponent(path)}` : ''}`;
}

/** 质量报告: the standardization review across the catalog, by department and by rule, and every problem with a link to fix it. */
export function QualityPanel() {
  const { t } = useTranslation();
  const lt = loose(t);
  useDocumentTitle(t('catalog.qualityTab'));
  const report = useQualityReport();
  const [only, setOnly] = useState<{ kind: 'dept' | 'rule'; value: string; label: string }>();
  const [errorsOnly, setErrorsOnly] = useState(false);

  if (report.isPending) return <PageLoading />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const ruleTitle = (rule: string) => lt(`catalog.rule.${rule}`, { defaultValue: rule });
  const sev = (s: string) => lt(`catalog.editor.severity.${s}`, { defaultValue: s });
  const passRate = r.totals.items > 0 ? Math.round(((r.totals.items - r.totals.withErrors) / r.totals.items) * 100) : 100;

  const deptColumns: ColumnsType<Dept> = [
    {
      key: 'name',
      title: t('catalog.quality.dept'),
      render: (_, d) => (
        <Button type="link" style={{ padding: 0, height: 'auto', textAlign: 'start', whiteSpace: 'normal' }} onClick={() => setOnly({ kind: 'dept', value: d.name, label: d.name })}>
          {d.name}
        </Button>
      ),
    },
    { key: 'items', title: t('catalog.quality.items'), dataIndex: 'items', width: 80, align: 'right' },
    { key: 'withErrors', title: t('catalog.quality.withErrors'), dataIndex: 'withErrors', width: 120, align: 'right' },
    { key: 'errors', title: t('catalog.quality.errors'), width: 80, align: 'right', render: (_, d) => <span style={{ color: d.errors ? '#c62828' : undefined, fontWeight: d.errors ? 600 : undefined }}>{d.errors}</span> },
    { key: 'warnings', title: t('catalog.quality.warnings'), dataIndex: 'warnings', width: 80, align: 'right' },
    {
      key: 'rate',
      title: t('catalog.quality.passRate'),
      width: 110,
      align: 'right',
      render: (_, d) => (d.items ? `${Math.round(((d.items - d.withErrors) / d.items) * 100)}%` : '—'),
    },
  ];

  const ruleColumns: ColumnsType<Rule> = [
    {
      key: 'rule',
      title: t('catalog.quality.rule'),
      render: (_, x) => (
        <Button type="link" style={{ padding: 0, height: 'auto', textAlign: 'start', whiteSpace: 'normal' }} onClick={() => setOnly({ kind: 'rule', value: x.rule, label: ruleTitle(x.rule) })}>
          {ruleTitle(x.rule)}
        </Button>
      ),
    },
    { key: 'severity', title: t('catalog.quality.severity'), width: 80, render: (_, x) => <Tag color={severityColor[x.severity]}>{sev(x.severity)}</Tag> },
    { key: 'count', title: t('catalog.quality.count'), dataIndex: 'count', width: 80, align: 'right' },
  ];

  const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
  const findings = (only ? r.findings.filter((f) => (only.kind === 'dept' ? f.agency === only.value : f.rule === only.value)) : r.findings)
    .filter((f) => !errorsOnly || f.severity === 'error')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (rank[a.f.severity] ?? 3) - (rank[b.f.severity] ?? 3) || a.i - b.i)
    .map((x) => x.f);
  const findingColumns: ColumnsType<Finding> = [
    { key: 'severity', title: t('catalog.quality.severity'), width: 76, render: (_, f) => <Tag color={severityColor[f.severity]}>{sev(f.severity)}</Tag> },
    {
      key: 'item',
      title: t('catalog.quality.item'),
      width: 220,
      render: (_, f) => (
        <>
          <Link to={editorLink(f.itemId)}>{f.name}</Link>
          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: '0.88em' }}>{f.agency}</div>
        </>
      ),
    },
    { key: 'element', title: t('catalog.quality.element'), width: 200, render: (_, f) => pathLabel(t, f.path) },
    {
      key: 'message',
      title: t('catalog.quality.message'),
      render: (_, f) => (
        <>
          <div style={{ fontSize: '0.85em', color: 'rgba(0,0,0,0.55)' }}>{ruleTitle(f.rule)}</div>
          {f.message}
        </>
      ),
    },
    {
      key: 'fix',
      title: '',
      width: 86,
      render: (_, f) => (
        <Link to={editorLink(f.itemId, f.path)} aria-label={`${t('catalog.quality.fix')}：${f.name} ${pathLabel(t, f.path)}`}>
          {t('catalog.quality.fix')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 0 }}>
        {t('catalog.quality.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalog.quality.desc')}</Typography.Paragraph>
      <div className="tb-stat-grid" style={{ marginBottom: 16 }}>
        <Card>
          <Statistic title={t('catalog.quality.items')} value={formatNumber(r.totals.items)} />
        </Card>
        <Card>
          <Statistic title={t('catalog.quality.withErrors')} value={formatNumber(r.totals.withErrors)} styles={{ content: { color: r.totals.withErrors ? '#c62828' : undefined } }} />
        </Card>
        <Card>
          <Statistic title={t('catalog.quality.passRate')} value={passRate} suffix="%" />
        </Card>
        <Card>
          <Statistic
            title={`${t('catalog.quality.errors')} / ${t('catalog.quality.warnings')}`}
            value={`${formatNumber(r.totals.errors)} / ${formatNumber(r.totals.warnings)}`}
          />
        </Card>
      </div>
      <div className="tb-report-grid">
        <Card title={<h3 className="tb-card-title">{t('catalog.quality.byDept')}</h3>} styles={{ body: { padding: 0 } }}>
          <Table<Dept>
            rowKey="orgId"
            size="small"
            columns={deptColumns}
            dataSource={r.departments}
            pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
            scroll={{ x: 560 }}
          />
        </Card>
        <Card title={<h3 className="tb-card-title">{t('catalog.quality.byRule')}</h3>} styles={{ body: { padding: 0 } }}>
          <Table<Rule> rowKey={(x) => `${x.rule}-${x.severity}`} size="small" columns={ruleColumns} dataSource={r.byRule} pagination={false} locale={{ emptyText: t('catalog.quality.noFindings') }} />
        </Card>
      </div>
      <Card
        style={{ marginTop: 16 }}
        title={<h3 className="tb-card-title">{t('catalog.quality.findings')}</h3>}
        extra={
          <Space wrap>
            {only && (
              <>
                <Tag closable onClose={() => setOnly(undefined)} color="blue">
                  {t('catalog.quality.filteredBy', { what: only.label })}
                </Tag>
                <Button size="small" onClick={() => setOnly(undefined)}>
                  {t('catalog.quality.clearFilter')}
                </Button>
              </>
            )}
            <Checkbox checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)}>
              {t('catalog.quality.errorsOnly')}
            </Checkbox>
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        <Table<Finding>
          rowKey={(f) => `${f.itemId}-${f.rule}-${f.path}`}
          size="small"
          columns={findingColumns}
          dataSource={findings}
          locale={{ emptyText: t('catalog.quality.noFindings') }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 900 }}
        />
      </Card>
      {r.findings.length >= 500 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('catalog.quality.truncated', { count: r.findings.length })}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** 一致性: implementations whose name, type or legal basis drifted from the base catalog. */
export function ConsistencyPanel() {
  const { t } = useTranslation();
  const lt = loose(t);
  useDocumentTitle(t('catalog.consistencyTab'));
  const report = useConsistencyReport();
  if (report.isPending) return <PageLoading />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const columns: ColumnsType<ConsistencyDrift> = [
    {
      key: 'base',
      title: t('catalog.consistency.baseItem'),
      width: 220,
      render: (_, d) => (
        <>
          <div>{d.baseName}</div>
          <code style={{ fontSize: '0.85em' }}>{d.baseCode}</code>
        </>
      ),
    },
    {
      key: 'impl',
      title: t('catalog.consistency.implItem'),
      width: 260,
      render: (_, d) => (
        <>
          <Link to={editorLink(d.itemId, `/${d.fields[0]?.field ?? 'name'}`)}>{d.itemName}</Link>
          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: '0.88em' }}>
            {d.agency} · {d.regionCode}
          </div>
        </>
      ),
    },
    {
      key: 'fields',
      title: t('catalog.consistency.fields'),
      render: (_, d) => (
        <ul className="tb-drift-list">
          {d.fields.map((f) => (
            <li key={f.field}>
              <strong>{lt(`catalog.el.${f.field}`, { defaultValue: f.field })}</strong>
              <div>
                <span className="tb-drift-k">{t('catalog.consistency.base')}</span>
                {f.base || '—'}
              </div>
              <div>
                <span className="tb-drift-k">{t('catalog.consistency.impl')}</span>
                <span className="tb-diff-after">{f.impl || '—'}</span>
              </div>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 0 }}>
        {t('catalog.consistency.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalog.consistency.desc')}</Typography.Paragraph>
      <Typography.Paragraph>
        <strong>{t('catalog.consistency.checked', { count: r.checked })}</strong>
        {t('common.colon')}
        {r.drifts.length === 0 ? t('catalog.consistency.none') : <span style={{ color: '#c62828' }}>{t('catalog.consistency.found', { count: r.drifts.length })}</span>}
      </Typography.Paragraph>
      <Table<ConsistencyDrift>
        rowKey="implCode"
        size="middle"
        columns={columns}
        dataSource={r.drifts}
        locale={{ emptyText: t('catalog.consistency.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
      />
    </>
  );
}
