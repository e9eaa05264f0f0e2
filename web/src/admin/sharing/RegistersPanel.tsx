import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Modal, Progress, Radio, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { LoadError } from '../../components/status.tsx';
import {
  rejectsCsvUrl, useConflicts, useDesignations, useRegisterRecord, useLoad, useLoadRejects, useLoads, useQuality, useResolveConflict, useSetDesignation, useStartLoad,
  type Conflict, type ConflictFilter, type Designation, type RecordField, type LoadableRegister, type LoadReject, type RegisterLoad, type ResourceQuality,
} from './registersApi.ts';
import { useOrgs } from '../queries.ts';

const REGISTERS: LoadableRegister[] = ['population', 'entity', 'credit'];
const FRESH_COLOR = { fresh: 'green', late: 'gold', stale: 'red', unknown: 'default' } as const;
const pct = (x: number | null) => (x === null ? null : Math.floor(x * 1000) / 10);

/** /admin/sharing/registers: 数据质量, 多源校核 (data administrators), 数据归集 (source departments and administrators). */
export function RegistersPanel() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isAdmin = !!me?.permissions.includes('sharing:admin');
  const canLoad = !!me?.permissions.includes('sharing:load');
  const [tab, setTab] = useState('quality');
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: '1.2em' }}>{t('sharingRegisters.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'quality', label: t('sharingRegisters.qualityTab'), children: <QualityTab /> },
          ...(isAdmin ? [{ key: 'conflicts', label: t('sharingRegisters.conflictsTab'), children: <ConflictsTab /> }, { key: 'sources', label: t('sharingRegisters.sourcesTab'), children: <SourcesTab /> }, { key: 'record', label: t('sharingRegisters.recordTab'), children: <RecordTab /> }] : []),
          ...(canLoad ? [{ key: 'load', label: t('sharingRegisters.loadTab'), children: <LoadTab /> }] : []),
        ]}
      />
    </>
  );
}

function QualityTab() {
  const { t } = useTranslation();
  const q = useQuality();
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sharingRegisters.qualityHint')}</Typography.Paragraph>
      <Table<ResourceQuality>
        rowKey="code"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.resources ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{
          rowExpandable: (r) => r.completeness !== null,
          expandedRowRender: (r) => (
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={r.fields}
              columns={[
                { key: 'title', title: t('sharingRegisters.field'), dataIndex: 'title' },
                { key: 'c', title: t('sharingRegisters.completeness'), width: 260, render: (_, f) => (f.completeness === null ? '—' : <Progress percent={pct(f.completeness)!} size="small" />) },
                { key: 'k', title: t('sharingRegisters.openConflicts'), width: 120, align: 'right', render: (_, f) => f.conflicts || 0 },
              ]}
            />
          ),
        }}
        columns={[
          { key: 'name', title: t('sharingRegisters.resource'), render: (_, r) => <><strong>{r.name}</strong><div style={{ color: '#666', fontSize: 12 }}>{r.providerName} · {r.registerTitle}</div></> },
          { key: 'records', title: t('sharingRegisters.records'), width: 110, align: 'right', render: (_, r) => (r.records === null ? '—' : formatNumber(r.records)) },
          { key: 'completeness', title: t('sharingRegisters.completeness'), width: 200, render: (_, r) => (r.completeness === null ? <span style={{ color: '#666' }}>{t('sharingRegisters.notMeasured')}</span> : <Progress percent={pct(r.completeness)!} size="small" />) },
          { key: 'cycle', title: t('sharingRegisters.updateCycle'), width: 90, render: (_, r) => t(`sharingRegisters.cycle.${r.updateCycle}`, { defaultValue: r.updateCycle }) },
          { key: 'last', title: t('sharingRegisters.lastUpdate'), width: 160, render: (_, r) => (r.lastUpdate ? formatDateTime(r.lastUpdate) : '—') },
          { key: 'fresh', title: t('sharingRegisters.freshness'), width: 100, render: (_, r) => <Tag color={FRESH_COLOR[r.freshness]}>{t(`sharingRegisters.fresh.${r.freshness}`)}</Tag> },
          { key: 'conflicts', title: t('sharingRegisters.openConflicts'), width: 110, align: 'right', render: (_, r) => (r.conflicts ? <span style={{ color: '#b42318' }}>{formatNumber(r.conflicts)}</span> : 0) },
        ]}
      />
    </>
  );
}

function ConflictsTab() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ConflictFilter>({ status: 'open' });
  const [key, setKey] = useState('');
  const [page, setPage] = useState(1);
  const q = useConflicts({ ...filter, offset: (page - 1) * 20 });
  const [settling, setSettling] = useState<Conflict>();
  const update = (f: Partial<ConflictFilter>) => {
    setFilter((x) => ({ ...x, ...f }));
    setPage(1);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sharingRegisters.conflictsHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('sharingRegisters.register')} style={{ width: 160 }} allowClear placeholder={t('sharingRegisters.allRegisters')} value={filter.register} onChange={(v?: LoadableRegister) => update({ register: v })}
          options={REGISTERS.map((r) => ({ value: r, label: t(`sharingRegisters.registerName.${r}`) }))} />
        <Select aria-label={t('sharingRegisters.status')} style={{ width: 120 }} value={filter.status ?? 'all'} onChange={(v: string) => update({ status: v === 'all' ? undefined : (v as 'open' | 'resolved') })}
          options={[{ value: 'open', label: t('sharingRegisters.open') }, { value: 'resolved', label: t('sharingRegisters.resolved') }, { value: 'all', label: t('sharingRegisters.all') }]} />
        <Input.Search aria-label={t('sharingRegisters.keySearch')} placeholder={t('sharingRegisters.keySearch')} style={{ width: 260 }} value={key} onChange={(e) => setKey(e.target.value)} onSearch={(v) => update({ key: v.trim() || undefined })} allowClear />
      </Space>
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<Conflict>
          rowKey="id"
          size="middle"
          loading={q.isFetching && !q.data}
          dataSource={q.data?.conflicts ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('sharingRegisters.noConflicts') }}
          pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'rec', title: t('sharingRegisters.record'), width: 200, render: (_, c) => <><div>{c.registerTitle}</div><code>{c.recordKey}</code></> },
            { key: 'field', title: t('sharingRegisters.field'), dataIndex: 'fieldTitle', width: 130 },
            { key: 'reg', title: t('sharingRegisters.registerValue'), render: (_, c) => <><strong>{c.registerValue ?? t('sharingRegisters.empty')}</strong><div style={{ color: '#666', fontSize: 12 }}>{c.registerOrgName}{c.registerOrgName === c.designatedOrgName ? t('sharingRegisters.designatedMark') : ''}</div></> },
            { key: 'other', title: t('sharingRegisters.otherValue'), render: (_, c) => <><strong>{c.otherValue ?? t('sharingRegisters.empty')}</strong><div style={{ color: '#666', fontSize: 12 }}>{c.otherOrgName}</div></> },
            { key: 'at', title: t('sharingRegisters.raisedAt'), width: 150, render: (_, c) => formatDateTime(c.raisedAt) },
            {
              key: 'state', title: t('sharingRegisters.status'), width: 200,
              render: (_, c) => (c.status === 'open' ? <Button size="small" type="primary" onClick={() => setSettling(c)}>{t('sharingRegisters.settle')}</Button> : (
                <><Tag color="green">{t(`sharingRegisters.resolution.${c.resolution}`)}</Tag><div style={{ fontSize: 12, color: '#666' }}>{c.resolvedByName} {formatDateTime(c.resolvedAt)}</div>{c.note && <div style={{ fontSize: 12 }}>{c.note}</div>}</>
              )),
            },
          ]}
        />
      )}
      {settling && <SettleDialog conflict={settling} onClose={() => setSettling(undefined)} />}
    </>
  );
}

function SettleDialog({ conflict, onClose }: { conflict: Conflict; onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveConflict();
  const [resolution, setResolution] = useState<'designated' | 'notify_source'>('designated');
  const [note, setNote] = useState('');
  return (
    <Modal open title={t('sharingRegisters.settleTitle', { field: conflict.fieldTitle, key: conflict.recordKey })} okText={t('sharingRegisters.confirmSettle')} cancelText={t('common.cancel')} onCancel={onClose}
      confirmLoading={resolve.isPending} onOk={() => resolve.mutate({ id: conflict.id, resolution, note }, { onSuccess: onClose })}>
      <Descriptions size="small" column={1} items={[
        { key: 'r', label: t('sharingRegisters.registerValue'), children: `${conflict.registerValue ?? t('sharingRegisters.empty')}（${conflict.registerOrgName ?? ''}）` },
        { key: 'o', label: t('sharingRegisters.otherValue'), children: `${conflict.otherValue ?? t('sharingRegisters.empty')}（${conflict.otherOrgName ?? ''}）` },
        { key: 'd', label: t('sharingRegisters.designatedSource'), children: conflict.designatedOrgName ?? '—' },
      ]} />
      <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8, margin: '12px 0' }} value={resolution} onChange={(e) => setResolution(e.target.value as 'designated' | 'notify_source')}
        options={[{ value: 'designated', label: t('sharingRegisters.resolution.designated') }, { value: 'notify_source', label: t('sharingRegisters.resolution.notify_source') }]} />
      <label htmlFor="settle-note">{t('sharingRegisters.note')}</label>
      <Input.TextArea id="settle-note" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={resolution === 'notify_source' ? t('sharingRegisters.notePlaceholder') : undefined} />
      {resolve.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(resolve.error)} />}
    </Modal>
  );
}

/** 一数一源: the designated source department of each field; the administrator changes it (audited). */
function SourcesTab() {
  const { t } = useTranslation();
  const [register, setRegister] = useState<LoadableRegister>('population');
  const q = useDesignations(register);
  const orgs = useOrgs();
  const set = useSetDesignation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sharingRegisters.sourcesHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="sources-register">{t('sharingRegisters.register')}</label>
        <Select id="sources-register" style={{ width: 200 }} value={register} onChange={(v: LoadableRegister) => setRegister(v)} options={REGISTERS.map((r) => ({ value: r, label: t(`sharingRegisters.registerName.${r}`) }))} />
      </Space>
      {set.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(set.error)} />}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : (
        <Table<Designation>
          rowKey="field"
          size="middle"
          loading={q.isLoading}
          dataSource={q.data?.sources ?? []}
          pagination={false}
          columns={[
            { key: 'title', title: t('sharingRegisters.field'), dataIndex: 'title', width: 220 },
            {
              key: 'org', title: t('sharingRegisters.designatedSource'),
              render: (_, d) => (
                <Select aria-label={t('sharingRegisters.designatedFor', { field: d.title })} style={{ width: 280 }} value={d.orgId ?? undefined} loading={orgs.isLoading || set.isPending} showSearch optionFilterProp="label"
                  options={(orgs.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} onChange={(orgId: string) => set.mutate({ register, field: d.field, orgId })} />
              ),
            },
            { key: 'by', title: t('sharingRegisters.changedBy'), width: 240, render: (_, d) => (d.updatedAt ? `${d.updatedByName ?? ''} ${formatDateTime(d.updatedAt)}` : '—') },
          ]}
        />
      )}
    </>
  );
}

/** 记录查询: one record with each field's value, source department, update time and open conflicts. */
function RecordTab() {
  const { t } = useTranslation();
  const [register, setRegister] = useState<LoadableRegister>('population');
  const [key, setKey] = useState<string>();
  const q = useRegisterRecord(register, key);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sharingRegisters.recordHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('sharingRegisters.register')} style={{ width: 160 }} value={register} onChange={(v: LoadableRegister) => { setRegister(v); setKey(undefined); }} options={REGISTERS.map((r) => ({ value: r, label: t(`sharingRegisters.registerName.${r}`) }))} />
        <Input.Search aria-label={t('sharingRegisters.recordKey')} placeholder={t('sharingRegisters.recordKey')} style={{ width: 300 }} enterButton={t('sharingRegisters.lookUp')} onSearch={(v) => setKey(v.trim() || undefined)} />
      </Space>
      {q.isError && <Alert type="warning" showIcon role="alert" title={errorMessage(q.error)} />}
      {q.data?.records.map((r) => (
        <Card key={r.key} size="small" title={`${q.data.registerTitle} ${r.key}`} style={{ marginBottom: 12 }}>
          <Table<RecordField>
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={r.fields}
            columns={[
              { key: 'title', title: t('sharingRegisters.field'), dataIndex: 'title', width: 200 },
              { key: 'value', title: t('sharingRegisters.value'), render: (_, f) => f.label ?? f.value ?? t('sharingRegisters.empty') },
              { key: 'source', title: t('sharingRegisters.source'), dataIndex: 'sourceOrgName', width: 180 },
              { key: 'at', title: t('sharingRegisters.lastUpdate'), width: 160, render: (_, f) => formatDateTime(f.updatedAt) },
              { key: 'c', title: t('sharingRegisters.openConflicts'), width: 220, render: (_, f) => f.conflicts.map((c) => <div key={c.id}><Tag color="red">{c.otherOrgName}：{c.otherValue ?? t('sharingRegisters.empty')}</Tag></div>) },
            ]}
          />
        </Card>
      ))}
    </>
  );
}

function LoadTab() {
  const { t } = useTranslation();
  const [register, setRegister] = useState<LoadableRegister>('population');
  const loads = useLoads(register);
  const start = useStartLoad();
  const [fileError, setFileError] = useState<string>();
  const [shown, setShown] = useState<string>();
  const upload = (file: File) => {
    setFileError(undefined);
    if (!/\.csv$/i.test(file.name)) return setFileError(t('sharingRegisters.onlyCsv'));
    start.mutate({ file, register }, { onSuccess: (r) => setShown(r.id) });
  };
  return (
    <>
      <Card title={t('sharingRegisters.loadTitle')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('sharingRegisters.loadHint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="load-register">{t('sharingRegisters.register')}</label>
          <Select id="load-register" style={{ width: 200 }} value={register} onChange={(v: LoadableRegister) => { setRegister(v); setShown(undefined); }}
            options={REGISTERS.map((r) => ({ value: r, label: t(`sharingRegisters.registerName.${r}`) }))} />
        </Space>
        <Upload.Dragger accept=".csv,text/csv" multiple={false} showUploadList={false} disabled={start.isPending} beforeUpload={(file) => { upload(file); return false; }}>
          <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden /></p>
          <p className="ant-upload-text">{start.isPending ? t('sharingRegisters.uploading') : t('sharingRegisters.drop')}</p>
          <p className="ant-upload-hint">{t('sharingRegisters.dropHint')}</p>
        </Upload.Dragger>
        {(fileError || start.isError) && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={fileError ?? errorMessage(start.error)} />}
      </Card>
      {shown && <LoadProgress register={register} id={shown} />}
      <Typography.Title level={3} style={{ fontSize: '1.05em' }}>{t('sharingRegisters.pastLoads')}</Typography.Title>
      {loads.isError ? <LoadError error={loads.error} onRetry={() => void loads.refetch()} /> : (
        <Table<RegisterLoad>
          rowKey="id"
          size="middle"
          loading={loads.isFetching && !loads.data}
          dataSource={loads.data?.loads ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('sharingRegisters.noLoads') }}
          columns={[
            { key: 'at', title: t('sharingRegisters.loadedAt'), width: 160, render: (_, l) => formatDateTime(l.createdAt) },
            { key: 'org', title: t('sharingRegisters.source'), dataIndex: 'orgName', width: 150 },
            { key: 'file', title: t('sharingRegisters.fileName'), render: (_, l) => (l.kind === 'batch' ? t('sharingRegisters.batch') : l.fileName), ellipsis: true },
            { key: 'total', title: t('sharingRegisters.lines'), width: 90, align: 'right', render: (_, l) => formatNumber(l.total) },
            { key: 'acc', title: t('sharingRegisters.accepted'), width: 90, align: 'right', render: (_, l) => formatNumber(l.accepted) },
            { key: 'rej', title: t('sharingRegisters.rejected'), width: 90, align: 'right', render: (_, l) => (l.rejected ? <span style={{ color: '#b42318' }}>{formatNumber(l.rejected)}</span> : 0) },
            { key: 'state', title: t('sharingRegisters.status'), width: 140, render: (_, l) => (l.state === 'running' || l.state === 'queued' ? <Progress percent={Math.floor(l.progress * 100)} size="small" /> : <Tag color={l.state === 'done' ? 'green' : 'red'}>{t(`sharingRegisters.state.${l.state}`)}</Tag>) },
            { key: 'act', title: '', width: 80, render: (_, l) => (l.kind === 'file' ? <Button size="small" onClick={() => setShown(l.id)}>{t('sharingRegisters.view')}</Button> : null) },
          ]}
        />
      )}
    </>
  );
}

function LoadProgress({ register, id }: { register: LoadableRegister; id: string }) {
  const { t } = useTranslation();
  const q = useLoad(register, id);
  const l = q.data;
  const rejects = useLoadRejects(register, id, l?.rejected ?? 0);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!l) return null;
  const finished = l.state === 'done' || l.state === 'failed';
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={t('sharingRegisters.progressTitle', { file: l.fileName, register: l.registerTitle, org: l.orgName })}>
      <div aria-live="polite">
        <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
          <strong>{t(`sharingRegisters.state.${l.state}`)}</strong>
          <span>{t('sharingRegisters.readOf', { total: formatNumber(l.total) })}</span>
        </div>
        <Progress percent={Math.floor(l.progress * 100)} status={l.state === 'failed' ? 'exception' : finished ? 'success' : 'active'} aria-label={t('sharingRegisters.progressLabel')} />
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 5 }} style={{ marginTop: 8 }} items={[
        { key: 'total', label: t('sharingRegisters.lines'), children: formatNumber(l.total) },
        { key: 'inserted', label: t('sharingRegisters.inserted'), children: formatNumber(l.inserted) },
        { key: 'updated', label: t('sharingRegisters.updated'), children: formatNumber(l.updated) },
        { key: 'conflicts', label: t('sharingRegisters.conflictsRaised'), children: formatNumber(l.conflicts) },
        { key: 'rejected', label: t('sharingRegisters.rejected'), children: formatNumber(l.rejected) },
      ]} />
      {l.state === 'failed' && <Alert type="error" showIcon title={l.error ?? t('sharingRegisters.state.failed')} />}
      {l.state === 'done' && l.rejected === 0 && <Alert type="success" showIcon title={t('sharingRegisters.allLoaded', { n: formatNumber(l.accepted) })} />}
      {l.rejected > 0 && (
        <>
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('sharingRegisters.someRejected', { n: formatNumber(l.rejected) })}
            action={<Button href={rejectsCsvUrl(register, id)} download icon={<DownloadOutlined aria-hidden />}>{t('sharingRegisters.downloadRejects')}</Button>} />
          {rejects.data && (
            <Table<LoadReject>
              style={{ marginTop: 12 }}
              rowKey="line"
              size="small"
              bordered
              dataSource={rejects.data.rejects}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { key: 'line', title: t('sharingRegisters.lineNo'), dataIndex: 'line', width: 80, align: 'right' },
                { key: 'reason', title: t('sharingRegisters.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
