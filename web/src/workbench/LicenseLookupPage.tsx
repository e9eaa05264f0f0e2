import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client.ts';
import { useMe } from '../api/auth.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { loose } from '../i18n/loose.ts';

type Status = 'valid' | 'suspended' | 'revoked' | 'superseded';
type LicenseSummary = {
  ref: string; identifier: string; typeCode: string; typeName: string; number: string; version: number; status: Status;
  holderName: string; issuerName: string; issuedAt: string; validFrom: string; validUntil: string | null; expired: boolean;
};
type LicenseDetail = LicenseSummary & {
  holderKind: 'person' | 'entity'; holderCode: string; issuerCode: string; source: 'case' | 'legacy'; caseId: string | null;
  face: Array<{ key: string; label: string; value: string }>;
  annotations: Array<{ text: string; at: string; by: string }>;
  history: Array<{ action: string; reason: string | null; actorName: string; at: string }>;
};
type Action = 'suspend' | 'reinstate' | 'revoke' | 'annotate' | 'reissue';

/** Which actions a license in this status allows (as the server decides: licenses/service.ts ALLOWED_FROM). */
const ACTIONS: Array<{ action: Action; from: Status[]; danger?: boolean }> = [
  { action: 'suspend', from: ['valid'] },
  { action: 'reinstate', from: ['suspended'] },
  { action: 'annotate', from: ['valid', 'suspended'] },
  { action: 'reissue', from: ['valid'] },
  { action: 'revoke', from: ['valid', 'suspended'], danger: true },
];
const STATUS_COLOR: Record<Status, string> = { valid: 'green', suspended: 'orange', revoked: 'red', superseded: 'default' };
const CODE = /^[0-9A-Z]{18}$/;

export function StatusTag({ l }: { l: Pick<LicenseSummary, 'status' | 'expired'> }) {
  const { t } = useTranslation();
  const lt = loose(t);
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOR[l.status]}>{lt(`licenseLookup.status_${l.status}`)}</Tag>
      {l.expired && l.status === 'valid' && <Tag color="red">{t('licenseLookup.expired')}</Tag>}
    </Space>
  );
}

/** 证照查询: staff look up a holder's licenses, read one (face, history, annotations) and, for the issuing department, act on it. */
export function LicenseLookupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('licenseLookup.title'));
  const [params, setParams] = useSearchParams();
  const holderCode = params.get('holderCode') ?? '';
  const ref = params.get('ref') ?? undefined;
  const [input, setInput] = useState(holderCode);
  const [inputError, setInputError] = useState<string>();
  const list = useQuery({
    queryKey: ['licenses', 'holder', holderCode],
    queryFn: ({ signal }) => api.get<{ licenses: LicenseSummary[] }>('/api/v1/licenses', { holderCode }, signal),
    enabled: !!holderCode,
  });
  const search = () => {
    const code = input.trim().toUpperCase();
    if (!CODE.test(code)) return setInputError(t('licenseLookup.codeFormat'));
    setInputError(undefined);
    setParams({ holderCode: code });
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>{t('licenseLookup.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('licenseLookup.intro')}</Typography.Paragraph>
      <Form layout="inline" onFinish={search} style={{ marginBottom: 16 }}>
        <Form.Item label={t('licenseLookup.holderCode')} htmlFor="holder-code" validateStatus={inputError ? 'error' : undefined} help={inputError}>
          <Input id="holder-code" value={input} onChange={(e) => setInput(e.target.value)} maxLength={18} style={{ width: 260, fontFamily: 'monospace' }} placeholder={t('licenseLookup.holderCodePlaceholder')} allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>{t('licenseLookup.search')}</Button>
      </Form>
      {list.isError && <Alert type="error" showIcon role="alert" title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
      {holderCode && list.data && (
        <Table<LicenseSummary>
          rowKey="ref"
          size="middle"
          dataSource={list.data.licenses}
          pagination={false}
          scroll={{ x: 860 }}
          rowClassName={(l) => (l.ref === ref ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: <Empty description={t('licenseLookup.none')} /> }}
          columns={[
            { key: 'type', title: t('licenseLookup.type'), dataIndex: 'typeName' },
            { key: 'number', title: t('licenseLookup.number'), dataIndex: 'number' },
            { key: 'holder', title: t('licenseLookup.holder'), dataIndex: 'holderName' },
            { key: 'issuer', title: t('licenseLookup.issuer'), dataIndex: 'issuerName' },
            { key: 'status', title: t('licenseLookup.status'), width: 150, render: (_, l) => <StatusTag l={l} /> },
            { key: 'until', title: t('licenseLookup.validUntil'), width: 110, render: (_, l) => l.validUntil ?? t('licenseLookup.permanent') },
            { key: 'act', title: '', width: 90, render: (_, l) => <Button size="small" onClick={() => setParams({ holderCode, ref: l.ref })} aria-label={`${t('licenseLookup.open')} ${l.typeName} ${l.number}`}>{t('licenseLookup.open')}</Button> },
          ]}
        />
      )}
      {ref && <LicenseCard key={ref} licenseRef={ref} onReissued={(next) => setParams({ holderCode, ref: next })} />}
    </>
  );
}

function LicenseCard({ licenseRef, onReissued }: { licenseRef: string; onReissued: (ref: string) => void }) {
  const { t } = useTranslation();
  const lt = loose(t);
  const { data: me } = useMe();
  const [acting, setActing] = useState<Action>();
  const q = useQuery({ queryKey: ['licenses', 'detail', licenseRef], queryFn: ({ signal }) => api.get<LicenseDetail>(`/api/v1/licenses/${encodeURIComponent(licenseRef)}`, undefined, signal) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const l = q.data;
  const canManage = !!me?.permissions.includes('license:manage');
  const allowed = ACTIONS.filter((a) => a.from.includes(l.status));
  return (
    <Card style={{ marginTop: 16 }} title={<span>{l.typeName} <Typography.Text type="secondary">{l.number}</Typography.Text></span>} extra={<StatusTag l={l} />}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
        { key: 'holder', label: t('licenseLookup.holder'), children: l.holderName },
        { key: 'code', label: l.holderKind === 'entity' ? t('licenseLookup.creditCode') : t('licenseLookup.residentId'), children: <code>{l.holderCode}</code> },
        { key: 'issuer', label: t('licenseLookup.issuer'), children: l.issuerName },
        { key: 'source', label: t('licenseLookup.source'), children: lt(`licenseLookup.source_${l.source}`) },
        { key: 'issued', label: t('licenseLookup.issuedOn'), children: l.validFrom },
        { key: 'until', label: t('licenseLookup.validUntil'), children: l.validUntil ?? t('licenseLookup.permanent') },
        { key: 'id', label: t('licenseLookup.identifier'), span: 2, children: <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{l.identifier}</code> },
        ...l.face.map((f) => ({ key: `face-${f.key}`, label: f.label, children: f.value })),
      ]} />
      {l.annotations.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: '1em', marginTop: 16 }}>{t('licenseLookup.annotations')}</Typography.Title>
          <ul>{l.annotations.map((a) => <li key={a.at}>{a.text} <Typography.Text type="secondary">（{a.by}，{formatDateTime(a.at)}）</Typography.Text></li>)}</ul>
        </>
      )}
      <Typography.Title level={3} style={{ fontSize: '1em', marginTop: 16 }}>{t('licenseLookup.history')}</Typography.Title>
      <Timeline items={l.history.map((h) => ({ key: `${h.at}-${h.action}`, content: <><strong>{lt(`licenseLookup.event_${h.action}${h.action === 'issued' && l.source === 'legacy' ? '_legacy' : ''}`)}</strong> · {h.actorName} · {formatDateTime(h.at)}{h.reason && <div>{t('licenseLookup.reasonIs', { reason: h.reason })}</div>}</> }))} />
      {canManage && allowed.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {allowed.map((a) => <Button key={a.action} danger={a.danger} onClick={() => setActing(a.action)}>{lt(`licenseLookup.action_${a.action}`)}</Button>)}
        </Space>
      )}
      {acting && <ActionDialog license={l} action={acting} onClose={() => setActing(undefined)} onReissued={onReissued} />}
    </Card>
  );
}

function ActionDialog({ license, action, onClose, onReissued }: { license: LicenseDetail; action: Action; onClose: () => void; onReissued: (ref: string) => void }) {
  const { t } = useTranslation();
  const lt = loose(t);
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason?: string; text?: string; face?: Record<string, string> }>();
  const act = useMutation({
    mutationFn: (body: object) => api.post<LicenseDetail>(`/api/v1/licenses/${encodeURIComponent(license.ref)}/actions`, body),
    onSuccess: (next) => {
      void qc.invalidateQueries({ queryKey: ['licenses'] });
      onClose();
      if (next.ref !== license.ref) onReissued(next.ref);
    },
  });
  const label = lt(`licenseLookup.action_${action}`);
  const submit = (v: { reason?: string; text?: string; face?: Record<string, string> }) => {
    const changed = Object.fromEntries(Object.entries(v.face ?? {}).filter(([k, x]) => x !== license.face.find((f) => f.key === k)?.value));
    act.mutate(action === 'annotate' ? { action, text: v.text } : { action, reason: v.reason, ...(action === 'reissue' && Object.keys(changed).length ? { face: changed } : {}) });
  };
  return (
    <Modal open title={t('licenseLookup.confirmTitle', { action: label })} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ danger: action === 'revoke' }}
      confirmLoading={act.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={action === 'reissue' ? 640 : 520}>
      <Typography.Paragraph>{lt(`licenseLookup.explain_${action}`)}</Typography.Paragraph>
      {act.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(act.error)} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ face: Object.fromEntries(license.face.map((f) => [f.key, f.value])) }}>
        {action === 'annotate' ? (
          <Form.Item name="text" label={t('licenseLookup.annotationText')} rules={[{ required: true, whitespace: true, message: t('licenseLookup.annotationRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label={t('licenseLookup.reason', { action: label })} extra={t('licenseLookup.reasonHelp')} rules={[{ required: true, whitespace: true, message: t('licenseLookup.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {action === 'reissue' && license.face.map((f) => (
          <Form.Item key={f.key} name={['face', f.key]} label={f.label}><Input maxLength={500} /></Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
