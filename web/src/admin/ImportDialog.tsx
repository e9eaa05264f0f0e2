import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Progress, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import type { ImportError } from '../api/types.ts';
import { useImportJob, useStartImport } from './queries.ts';

export const TEMPLATE_URL = '/api/v1/catalog/import-template.xlsx';

/** 导入: upload an .xlsx, follow the import until it is done or failed, and list every problem by row. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const start = useStartImport();
  const [jobId, setJobId] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const job = useImportJob(jobId);
  const j = job.data;
  const finished = j?.status === 'done' || j?.status === 'failed';

  useEffect(() => {
    if (j?.status === 'done') void qc.invalidateQueries({ queryKey: ['catalog'] });
  }, [j?.status, qc]);

  const reset = () => {
    setJobId(undefined);
    setFileError(undefined);
    start.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const upload = (file: File) => {
    setFileError(undefined);
    if (!/\.xlsx$/i.test(file.name)) {
      setFileError(t('catalog.import.onlyXlsx'));
      return;
    }
    start.mutate(file, { onSuccess: (r) => setJobId(r.id) });
  };

  const percent = j && j.total > 0 ? Math.round((j.processed / j.total) * 100) : j?.status === 'done' ? 100 : 0;
  const statusText = j ? t(`catalog.import.status_${j.status}`) : start.isPending ? t('catalog.import.uploading') : '';

  return (
    <Modal
      open={open}
      title={t('catalog.import.title')}
      onCancel={close}
      width={860}
      destroyOnHidden
      footer={[
        finished || start.isError ? (
          <Button key="again" onClick={reset}>
            {t('catalog.import.again')}
          </Button>
        ) : null,
        <Button key="close" type={finished ? 'primary' : 'default'} onClick={close}>
          {t('catalog.import.close')}
        </Button>,
      ]}
    >
      {!jobId && !start.isPending && (
        <>
          <Typography.Paragraph type="secondary">{t('catalog.import.hint')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('catalog.import.drop')}</p>
          </Upload.Dragger>
          <div style={{ marginTop: 8 }}>
            <a href={TEMPLATE_URL} download>
              {t('catalog.import.template')}
            </a>
          </div>
          {(fileError || start.isError) && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={fileError ?? errorMessage(start.error)} />}
        </>
      )}

      {(start.isPending || jobId) && (
        <div aria-live="polite">
          <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
            <strong>{statusText}</strong>
            {j && j.total > 0 && <span>{t('catalog.import.progress', { processed: j.processed, total: j.total })}</span>}
          </div>
          <Progress
            percent={percent}
            status={j?.status === 'failed' ? 'exception' : j?.status === 'done' ? 'success' : 'active'}
            aria-label={statusText}
          />
          {job.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(job.error)} />}
          {j?.status === 'done' && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('catalog.import.doneMsg', { total: j.total })} />}
          {j?.status === 'failed' && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t('catalog.import.failedMsg')} />}
          {j && j.errors.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: '1em', marginTop: 16 }}>
                {t('catalog.import.errorsTitle', { count: j.errors.length })}
              </Typography.Title>
              <Table<ImportError>
                rowKey={(e) => `${e.sheet}-${e.row}-${e.column ?? ''}-${e.message}`}
                size="small"
                bordered
                dataSource={j.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  { key: 'sheet', title: t('catalog.import.sheet'), width: 110, render: (_, e) => e.sheet || '—' },
                  { key: 'row', title: t('catalog.import.row'), width: 64, align: 'right', render: (_, e) => (e.row > 0 ? e.row : '—') },
                  { key: 'column', title: t('catalog.import.column'), width: 130, render: (_, e) => e.column ?? '—' },
                  { key: 'message', title: t('catalog.import.message'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
