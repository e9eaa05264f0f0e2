import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { LoadError } from '../../components/status.tsx';
import { rejectsCsvUrl, templateUrl, useImport, useImportRejects, useImports, useLicenseTypes, useStartLicenseImport, type ImportReject, type LicenseImport } from './api.ts';

const percentOf = (i: LicenseImport) => (i.state === 'done' ? 100 : i.accepted > 0 ? Math.floor((i.sealed / i.accepted) * 100) : 0);

/** 存量导入: upload a register of legacy licenses, follow the sealing, read what was not imported and why. */
export function ImportTab() {
  const { t } = useTranslation();
  const types = useLicenseTypes();
  const imports = useImports();
  const start = useStartLicenseImport();
  const [typeCode, setTypeCode] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const [shown, setShown] = useState<string>();

  const upload = (file: File) => {
    setFileError(undefined);
    if (!typeCode) return setFileError(t('licensesAdmin.chooseTypeFirst'));
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setFileError(t('licensesAdmin.onlyXlsxCsv'));
    start.mutate({ file, typeCode }, { onSuccess: (r) => setShown(r.id) });
  };

  return (
    <>
      <Card title={t('licensesAdmin.importTitle')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('licensesAdmin.importHint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="import-type">{t('licensesAdmin.importType')}</label>
          <Select id="import-type" style={{ width: 400, maxWidth: '100%' }} placeholder={t('licensesAdmin.chooseType')} value={typeCode} onChange={(v: string) => { setTypeCode(v); setFileError(undefined); }}
            loading={types.isLoading} options={(types.data?.types ?? []).map((x) => ({ value: x.code, label: `${x.name}（${x.orgName}）` }))} />
          {typeCode && <a href={templateUrl(typeCode)} download><DownloadOutlined aria-hidden /> {t('licensesAdmin.downloadTemplate')}</a>}
        </Space>
        <Upload.Dragger accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} showUploadList={false} disabled={start.isPending}
          beforeUpload={(file) => { upload(file); return false; }}>
          <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden /></p>
          <p className="ant-upload-text">{start.isPending ? t('licensesAdmin.checking') : t('licensesAdmin.drop')}</p>
          <p className="ant-upload-hint">{t('licensesAdmin.dropHint')}</p>
        </Upload.Dragger>
        {(fileError || start.isError) && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={fileError ?? errorMessage(start.error)} />}
      </Card>

      {shown && <ImportProgress id={shown} />}

      <Typography.Title level={2} style={{ fontSize: '1.1em' }}>{t('licensesAdmin.pastImports')}</Typography.Title>
      {imports.isError ? <LoadError error={imports.error} onRetry={() => void imports.refetch()} /> : (
        <Table<LicenseImport>
          rowKey="id"
          size="middle"
          loading={imports.isFetching && !imports.data}
          dataSource={imports.data?.imports ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('licensesAdmin.noImports') }}
          columns={[
            { key: 'at', title: t('licensesAdmin.importedAt'), width: 160, render: (_, i) => formatDateTime(i.createdAt) },
            { key: 'type', title: t('licensesAdmin.importType'), dataIndex: 'typeName', width: 140 },
            { key: 'file', title: t('licensesAdmin.fileName'), dataIndex: 'fileName', ellipsis: true },
            { key: 'by', title: t('licensesAdmin.importedBy'), dataIndex: 'createdByName', width: 100 },
            { key: 'total', title: t('licensesAdmin.lines'), width: 90, align: 'right', render: (_, i) => formatNumber(i.total) },
            { key: 'sealed', title: t('licensesAdmin.sealedCount'), width: 90, align: 'right', render: (_, i) => formatNumber(i.sealed) },
            { key: 'rejected', title: t('licensesAdmin.rejectedCount'), width: 90, align: 'right', render: (_, i) => (i.rejected ? <span style={{ color: '#b42318' }}>{formatNumber(i.rejected)}</span> : 0) },
            { key: 'state', title: t('licensesAdmin.status'), width: 150, render: (_, i) => (i.state === 'done' ? <Tag color="green">{t('licensesAdmin.state_done')}</Tag> : <Progress percent={percentOf(i)} size="small" />) },
            { key: 'act', title: '', width: 90, render: (_, i) => <Button size="small" onClick={() => setShown(i.id)}>{t('licensesAdmin.view')}</Button> },
          ]}
        />
      )}
    </>
  );
}

/** One import: a live progress bar (sealed / accepted), the counts, and the lines not imported with their reasons. */
function ImportProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useImport(id);
  const i = q.data;
  const rejects = useImportRejects(id, i?.rejected ?? 0);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!i) return null;
  const percent = percentOf(i);
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={t('licensesAdmin.progressTitle', { file: i.fileName, type: i.typeName })}>
      <div aria-live="polite">
        <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
          <strong>{i.state === 'done' ? t('licensesAdmin.state_done') : t('licensesAdmin.state_sealing')}</strong>
          <span>{t('licensesAdmin.sealedOf', { sealed: formatNumber(i.sealed), accepted: formatNumber(i.accepted) })}</span>
        </div>
        <Progress percent={percent} status={i.state === 'done' ? 'success' : 'active'} aria-label={t('licensesAdmin.progressLabel')} />
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginTop: 8 }}
        items={[
          { key: 'total', label: t('licensesAdmin.lines'), children: formatNumber(i.total) },
          { key: 'accepted', label: t('licensesAdmin.acceptedCount'), children: formatNumber(i.accepted) },
          { key: 'sealed', label: t('licensesAdmin.sealedCount'), children: formatNumber(i.sealed) },
          { key: 'rejected', label: t('licensesAdmin.rejectedCount'), children: formatNumber(i.rejected) },
        ]} />
      {i.state === 'done' && i.rejected === 0 && <Alert type="success" showIcon title={t('licensesAdmin.allImported', { n: formatNumber(i.sealed) })} />}
      {i.rejected > 0 && (
        <>
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('licensesAdmin.someRejected', { n: formatNumber(i.rejected) })}
            action={<Button href={rejectsCsvUrl(id)} download icon={<DownloadOutlined aria-hidden />}>{t('licensesAdmin.downloadRejects')}</Button>} />
          {rejects.data && (
            <Table<ImportReject>
              style={{ marginTop: 12 }}
              rowKey="rowNo"
              size="small"
              bordered
              caption={rejects.data.rejects.length < i.rejected ? t('licensesAdmin.rejectsFirst', { n: rejects.data.rejects.length }) : undefined}
              dataSource={rejects.data.rejects}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { key: 'row', title: t('licensesAdmin.rowNo'), dataIndex: 'rowNo', width: 80, align: 'right' },
                { key: 'reason', title: t('licensesAdmin.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
