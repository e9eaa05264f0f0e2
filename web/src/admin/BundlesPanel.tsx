import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, List, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAdminBundle, useAdminBundles, useBundleAction, useCreateBundle, useSaveBundle, type AdminBundle, type AdminBundleDetail, type BundleAction, type BundleDocument } from '../api/bundles.ts';
import { errorMessage } from '../api/client.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { ReviewLogTab } from './editor/HistoryTabs.tsx';
import { BundleForm, type ItemLabel } from './BundleForm.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'gold', approved: 'blue', published: 'green', superseded: 'default', retired: 'red' };

/** /admin/bundles: every bundle in the caller's region, under review first. */
export function BundlesPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('bundles.adminTab'));
  const q = useAdminBundles();
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/admin/bundles/new">
          <Button type="primary">{t('bundles.adminNew')}</Button>
        </Link>
      </Space>
      <Table<AdminBundle>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={q.data.bundles}
        columns={[
          { title: t('bundles.adminName'), dataIndex: 'name', render: (v: string, r) => <Link to={`/admin/bundles/${r.id}`}>{v}</Link> },
          { title: t('bundles.adminCode'), dataIndex: 'code' },
          { title: t('bundles.adminEvent'), dataIndex: 'event' },
          { title: t('bundles.adminLead'), render: (_, r) => r.leadAgency.name },
          { title: t('bundles.adminStatus'), render: (_, r) => <Tag color={STATUS_COLOR[r.versionStatus]}>{r.versionStatusLabel}</Tag> },
          { title: t('bundles.adminVersion'), dataIndex: 'version' },
        ]}
      />
    </>
  );
}

const ACTIONS: Array<{ action: BundleAction; from: string[]; needsComment?: boolean; danger?: boolean }> = [
  { action: 'submit', from: ['draft'] },
  { action: 'approve', from: ['submitted'] },
  { action: 'reject', from: ['submitted'], needsComment: true, danger: true },
  { action: 'publish', from: ['approved'] },
  { action: 'retire', from: ['published'], needsComment: true, danger: true },
];

function parse(text: string): { doc?: unknown; error?: string } {
  try {
    return { doc: JSON.parse(text) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The template a new bundle starts from: the shape, with nothing filled in that would pass for real. */
const NEW_DOCUMENT: BundleDocument = {
  code: '',
  name: '',
  event: '',
  audience: 'person',
  regionCode: '321200',
  leadCreditCode: '',
  summary: '',
  members: [],
  questions: [],
  process: [],
  guide: { conditions: [], notes: [], window: '', consult: '0523-12345' },
  keywords: [],
};

/** /admin/bundles/:id and /admin/bundles/new: the document as a form (or JSON), the checks, the review workflow, the history. */
export function BundleEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const isNew = id === 'new';
  const q = useAdminBundle(isNew ? undefined : id);
  useDocumentTitle(isNew ? t('bundles.adminNew') : q.data?.bundle.name);
  if (isNew) return <Editor />;
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <Editor detail={q.data} />;
}

function Editor({ detail }: { detail?: AdminBundleDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // One document, edited by the form; the JSON tab edits its text and hands it back when it parses.
  const [doc, setDoc] = useState<BundleDocument>(() => detail?.document ?? NEW_DOCUMENT);
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (detail) {
      setDoc(detail.document);
      setText(JSON.stringify(detail.document, null, 2));
    }
  }, [detail]);
  const known: Record<string, ItemLabel> = Object.fromEntries((detail?.members ?? []).map((m) => [m.implCode, { name: m.name, agency: m.agency }]));
  const onTab = (next: string) => {
    if (next === 'json') {
      setText(JSON.stringify(doc, null, 2));
      setTab('json');
      return;
    }
    const { doc: parsed, error: bad } = parse(text);
    if (bad) return setError(t('bundles.form.jsonStay', { message: bad }));
    setError(undefined);
    setDoc(parsed as BundleDocument);
    setTab('form');
  };
  const create = useCreateBundle();
  const save = useSaveBundle(detail?.bundle.id ?? '');
  const act = useBundleAction(detail?.bundle.id ?? '');
  const status = detail?.bundle.versionStatus;

  const onSave = () => {
    const { doc: sent, error: bad } = tab === 'json' ? parse(text) : { doc };
    if (bad) return setError(t('bundles.adminBadJson', { message: bad }));
    setError(undefined);
    if (tab === 'json') setDoc(sent as BundleDocument);
    if (!detail)
      create.mutate(sent, { onSuccess: (d) => void navigate(`/admin/bundles/${d.bundle.id}`, { replace: true }), onError: (e) => setError(errorMessage(e)) });
    else save.mutate({ document: sent, note: note || undefined }, { onSuccess: () => void message.success(t('bundles.adminSaved')), onError: (e) => setError(errorMessage(e)) });
  };
  const onAction = (action: BundleAction) =>
    act.mutate(
      { action, comment: comment || undefined },
      {
        onSuccess: () => {
          setError(undefined);
          setComment('');
          void message.success(t('bundles.adminDone'));
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Typography.Title level={2} style={{ fontSize: '1.2em', margin: 0 }}>
        {detail ? detail.bundle.name : t('bundles.adminNew')}{' '}
        {detail && <Tag color={STATUS_COLOR[detail.bundle.versionStatus]}>{detail.bundle.versionStatusLabel}</Tag>}
        {detail?.bundle.publishedVersion && (
          <Link to={`/bundles/${detail.bundle.code}`} style={{ fontSize: '0.8em', fontWeight: 400 }}>
            {t('bundles.adminPreview')}
          </Link>
        )}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={onTab}
          items={[
            {
              key: 'form',
              label: t('bundles.form.tabForm'),
              children: (
                <Form layout="vertical" component="div" requiredMark>
                  <BundleForm doc={doc} onChange={(fn) => setDoc(fn)} isNew={!detail} findings={detail?.findings ?? []} known={known} />
                </Form>
              ),
            },
            {
              key: 'json',
              label: t('bundles.form.tabJson'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('bundles.adminDocumentHelp')}</Typography.Paragraph>
                  <Input.TextArea aria-label={t('bundles.adminDocument')} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 16, maxRows: 40 }} style={{ fontFamily: 'monospace', fontSize: 13 }} spellCheck={false} />
                </>
              ),
            },
          ]}
        />
        <Space wrap style={{ marginTop: 12 }}>
          {detail && <Input aria-label={t('catalog.editor.note')} placeholder={t('catalog.editor.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} />}
          <Button type="primary" onClick={onSave} loading={save.isPending || create.isPending}>
            {detail ? t('catalog.editor.save') : t('catalog.editor.create')}
          </Button>
        </Space>
      </Card>
      {detail && (
        <>
          <Card title={t('bundles.adminMembers')} size="small">
            <Table
              rowKey="implCode"
              size="small"
              pagination={false}
              dataSource={detail.members}
              columns={[
                { title: t('bundles.adminImplCode'), dataIndex: 'implCode' },
                { title: t('bundles.adminItemName'), render: (_, m) => m.name ?? <Typography.Text type="danger">{t('bundles.adminNotPublished')}</Typography.Text> },
                { title: t('bundles.adminAgency'), render: (_, m) => m.agency ?? '—' },
              ]}
            />
          </Card>
          <Card title={t('bundles.adminFindings')} size="small">
            {detail.findings.length === 0 ? (
              <Typography.Text type="success">{t('bundles.adminNoFindings')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={detail.findings}
                renderItem={(f) => (
                  <List.Item>
                    <Tag color={f.severity === 'error' ? 'red' : 'gold'}>{f.path}</Tag> {f.message}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card size="small">
            <Space wrap>
              <Input aria-label={t('bundles.adminComment')} placeholder={t('bundles.adminComment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 260 }} />
              {ACTIONS.map((a) => (
                <Button key={a.action} danger={a.danger} disabled={!status || !a.from.includes(status) || (a.needsComment && !comment.trim())} loading={act.isPending && act.variables?.action === a.action} onClick={() => onAction(a.action)}>
                  {t(`catalog.editor.${a.action}`)}
                </Button>
              ))}
            </Space>
          </Card>
          <Card title={t('catalog.editor.tabVersions')} size="small">
            <List
              size="small"
              dataSource={detail.versions}
              renderItem={(v) => (
                <List.Item>
                  v{v.version} <Tag color={STATUS_COLOR[v.status]}>{v.statusLabel}</Tag> {v.note ?? ''} <Typography.Text type="secondary">{new Date(v.createdAt).toLocaleString()}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('catalog.editor.tabLog')} size="small">
            <ReviewLogTab detail={detail} />
          </Card>
        </>
      )}
    </div>
  );
}
