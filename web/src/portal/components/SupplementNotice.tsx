import { useState } from 'react';
import { Alert, App, Button, Card, Input, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, request } from '../../api/client.ts';
import { caseKeys } from '../../api/cases.ts';
import type { CaseActionInput, CaseDetail, SupplementNotice as Notice } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { FileSlot, type UploadEntry } from './MaterialUploads.tsx';

function useSupplement(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseActionInput) => request<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}/actions`, { method: 'POST', body: input }),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.detail(caseId), c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    },
  });
}

/**
 * The one-time supplement notice as a checklist: each item with its problem and what to do, an upload for each
 * material the notice names by code, and 提交补正 once every one of them has a file.
 */
export function SupplementNotice({ c, notice }: { c: CaseDetail; notice: Notice }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<Record<string, UploadEntry[]>>({});
  const [tried, setTried] = useState(false);
  const [note, setNote] = useState('');
  const supplement = useSupplement(c.id);
  const canSubmit = c.allowedActions.includes('supplement');

  const done = (code: string | undefined) => !!code && (files[code] ?? []).some((e) => e.status === 'done');
  const coded = notice.items.filter((i) => i.code);
  const left = coded.filter((i) => !done(i.code)).length;
  const uploading = Object.values(files).some((l) => l.some((e) => e.status === 'uploading'));

  const onSubmit = () => {
    setTried(true);
    if (left > 0 || uploading) return;
    const materials = coded.flatMap((i) => {
      // The server keeps one file per material: the newest one given here.
      const last = [...(files[i.code!] ?? [])].reverse().find((e) => e.status === 'done' && e.fileId);
      return last ? [{ code: i.code!, fileId: last.fileId! }] : [];
    });
    supplement.mutate(
      { action: 'supplement', version: c.version, materials, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(t('cases.supplementDone'));
          setFiles({});
        },
      },
    );
  };

  return (
    <section aria-labelledby="notice-title">
      <Card
        className="tb-notice-card"
        style={{ marginTop: 16, borderColor: '#d48806', borderWidth: 2 }}
        title={
          <h2 id="notice-title" style={{ fontSize: '1.05em', margin: 0 }}>
            <ExclamationCircleOutlined aria-hidden style={{ color: '#d48806', marginInlineEnd: 8 }} />
            {t('cases.noticeTitle')}
          </h2>
        }
      >
        <Typography.Paragraph style={{ marginBottom: 8 }}>{t('cases.noticeIntro', { by: notice.issuedBy, at: formatDateTime(notice.issuedAt) })}</Typography.Paragraph>
        {notice.note && <Typography.Paragraph>{t('cases.noticeNote', { note: notice.note })}</Typography.Paragraph>}
        <ol className="tb-supplement-list">
          {notice.items.map((it, i) => {
            const ok = done(it.code);
            return (
              <li key={`${it.code ?? 'free'}-${i}`}>
                <div className="tb-supplement-head">
                  {ok ? (
                    <CheckCircleFilled aria-hidden style={{ color: '#2e7d32', fontSize: 18, marginTop: 2 }} />
                  ) : (
                    <span aria-hidden className="tb-supplement-no">
                      {i + 1}
                    </span>
                  )}
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <span style={{ fontWeight: 600 }}>{it.name}</span>
                    {it.code && (
                      <Tag color={ok ? 'green' : 'orange'} style={{ marginInlineStart: 8 }}>
                        {ok ? t('cases.noticeDone') : t('cases.noticeTodo')}
                      </Tag>
                    )}
                  </div>
                </div>
                <div className="tb-supplement-reason">{t('cases.noticeReason', { reason: it.reason })}</div>
                <div className="tb-supplement-body" style={{ marginTop: 8 }}>
                  {it.code && canSubmit ? (
                    <FileSlot
                      name={it.name}
                      inputId={`supplement-${it.code}`}
                      entries={files[it.code] ?? []}
                      large
                      onChange={(update) => setFiles((prev) => ({ ...prev, [it.code!]: update(prev[it.code!] ?? []) }))}
                    />
                  ) : (
                    !it.code && <Typography.Text type="secondary">{t('cases.noticeNoUpload')}</Typography.Text>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('cases.noticeOnce')}
        </Typography.Paragraph>
        {canSubmit && (
          <>
            <label htmlFor="supplement-note" style={{ display: 'block', fontWeight: 500, marginBottom: 4 }}>
              {t('cases.supplementNote')}
            </label>
            <Input.TextArea
              id="supplement-note"
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('cases.supplementNotePlaceholder')}
              style={{ marginBottom: 12 }}
            />
            <div role="status" aria-live="polite" style={{ marginBottom: 8, fontWeight: tried && left ? 700 : 500, color: left ? '#ad4e00' : '#2e7d32' }}>
              {left ? t('cases.noticeLeft', { count: left }) : t('cases.noticeAllDone')}
            </div>
            {supplement.isError && <Alert type="error" showIcon role="alert" title={errorMessage(supplement.error)} style={{ marginBottom: 12 }} />}
            <Button
              type="primary"
              size="large"
              block
              loading={supplement.isPending}
              disabled={uploading}
              onClick={onSubmit}
            >
              {t('cases.supplementSubmit')}
            </Button>
          </>
        )}
      </Card>
    </section>
  );
}
