import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Badge, Breadcrumb, Button, Form, Input, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { errorMessage, isApiError } from '../../api/client.ts';
import type { AdminItemDetail, ItemDocument, LintFinding } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { SECTIONS, countBySeverity, parsePointer, sectionOf, type Section, type Seg } from '../catalogMeta.ts';
import { lintDocument, useCreateItem, useItemTransition, useSaveDraft, type CatalogAction } from '../queries.ts';
import { CommentDialog, type CommentDialogSpec } from './CommentDialog.tsx';
import { EditorProvider, setIn, type EditorState } from './context.tsx';
import { FormFieldsEditor } from './FormFieldsEditor.tsx';
import { ReviewLogTab, VersionsTab } from './HistoryTabs.tsx';
import { LintSummary } from './LintSummary.tsx';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import { AgencySection, BasicSection, FaqSection, FeesSection, LimitsSection, OnlineSection, ProcessSection, ResultSection, TopicsSection, WhereSection } from './sections.tsx';
import { useVersionStatusLabel, versionStatusColor } from './status.ts';

/** JSON with sorted keys and no undefined: equal documents compare equal whatever order the database kept. */
export function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(x).sort()) {
        const val = (x as Record<string, unknown>)[k];
        if (val !== undefined) out[k] = norm(val);
      }
      return out;
    }
    return x;
  };
  return JSON.stringify(norm(v));
}

const LINT_DELAY = 600;

function findAnchor(path: string, exact: boolean): HTMLElement | null {
  const segs = parsePointer(path);
  for (let n = segs.length; n >= 1; n--) {
    const p = segs
      .slice(0, n)
      .map((s) => '/' + s.replaceAll('~', '~0').replaceAll('/', '~1'))
      .join('');
    const el = document.querySelector<HTMLElement>(`[data-lint-path="${CSS.escape(p)}"]`);
    if (el) return el;
    if (exact) return null;
  }
  return null;
}

function materialIndex(path: string | undefined): number | undefined {
  const m = path ? /^\/materials\/(\d+)\//.exec(path) : null;
  return m ? Number(m[1]) : undefined;
}

export interface ItemEditorProps {
  /** The stored item; absent for a new one. */
  detail?: AdminItemDetail;
  initialDoc: ItemDocument;
  /** A note shown above a new item (copied from …). */
  notice?: ReactNode;
}

/**
 * The catalog item editor: every element of the national element set in grouped sections, lint findings next
 * to the elements they concern (re-checked as the clerk types), and the review workflow by state and permission.
 */
export function ItemEditor({ detail, initialDoc, notice }: ItemEditorProps) {
  const { t } = useTranslation();
  const statusText = useVersionStatusLabel();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const perms = new Set(me?.permissions ?? []);
  const canEdit = perms.has('catalog:edit');
  const canReview = perms.has('catalog:review');
  const canPublish = perms.has('catalog:publish');
  const isNew = !detail;
  const item = detail?.item;
  useDocumentTitle(item?.name ?? t('catalog.editor.titleNew'));

  const [doc, setDoc] = useState<ItemDocument>(initialDoc);
  const [baseJson, setBaseJson] = useState(() => canonical(isNew ? null : initialDoc));
  const [findings, setFindings] = useState<LintFinding[]>(detail?.findings ?? []);
  const [lintError, setLintError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [note, setNote] = useState('');
  const [tab, setTab] = useState('elements');
  const [section, setSection] = useState<Section>('basic');
  const [focus, setFocus] = useState<{ path: string; seq: number }>();
  const [dialog, setDialog] = useState<CommentDialogSpec | null>(null);
  const docJson = useMemo(() => canonical(doc), [doc]);
  const dirty = docJson !== baseJson;
  const docRef = useRef(doc);
  docRef.current = doc;
  const baseRef = useRef(baseJson);
  baseRef.current = baseJson;

  // A saved or reviewed version arrives: adopt it unless the clerk has typed on since.
  useEffect(() => {
    if (!detail) return;
    const wasClean = canonical(docRef.current) === baseRef.current;
    const next = canonical(detail.document);
    setBaseJson(next);
    if (wasClean || canonical(docRef.current) === next) {
      setDoc(detail.document);
      setFindings(detail.findings);
    }
  }, [detail]);

  // Re-run the standardization review as the document changes (debounced; nothing is saved).
  const lastLinted = useRef(isNew ? '' : canonical(initialDoc));
  useEffect(() => {
    if (!canEdit || docJson === lastLinted.current) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      lintDocument(docRef.current, ctrl.signal).then(
        (r) => {
          lastLinted.current = docJson;
          setFindings(r.findings);
          setLintError(undefined);
          setChecking(false);
        },
        (e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setLintError(errorMessage(e));
          setChecking(false);
        },
      );
    }, LINT_DELAY);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [docJson, canEdit]);

  // Unsaved edits survive neither a reload nor closing the tab without a warning.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const set = useCallback(
    (path: readonly Seg[], value: unknown) =>
      setDoc((d) => {
        let next = setIn(d, path, value);
        // A new item's implementation code follows its agency, exercise level and base code.
        if (isNew && (path[0] === 'exerciseLevel' || path[0] === 'baseCode') && next.implCode.length >= 18) {
          next = { ...next, implCode: `${next.implCode.slice(0, 18)}${next.exerciseLevel}${next.baseCode}` };
        }
        return next;
      }),
    [isNew],
  );
  const update = useCallback((fn: (d: ItemDocument) => ItemDocument) => setDoc(fn), []);

  const jump = useCallback((path: string) => {
    setTab('elements');
    setSection(sectionOf(path));
    setFocus({ path, seq: Date.now() });
  }, []);

  useEffect(() => {
    const p = params.get('focus');
    if (p) jump(p);
  }, [params, jump]);

  useEffect(() => {
    if (!focus) return;
    let tries = 0;
    let raf = 0;
    const attempt = () => {
      const el = findAnchor(focus.path, tries < 12);
      if (el) {
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
        const input = el.querySelector<HTMLElement>('textarea, input:not([type=hidden]), [role=combobox], button');
        input?.focus({ preventScroll: true });
        el.classList.add('tb-flash');
        window.setTimeout(() => el.classList.remove('tb-flash'), 1600);
        return;
      }
      if (++tries < 40) raf = requestAnimationFrame(attempt);
    };
    raf = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(raf);
  }, [focus]);

  const save = useSaveDraft();
  const create = useCreateItem();
  const transition = useItemTransition();

  const showBlocked = (e: unknown) => {
    if (isApiError(e) && e.status === 422) {
      const f = (e.details as { findings?: LintFinding[] } | undefined)?.findings;
      if (Array.isArray(f)) {
        setFindings(f);
        setTab('elements');
      }
    }
    void message.error({ content: errorMessage(e), duration: 6 });
  };

  const doSave = async (): Promise<AdminItemDetail | undefined> => {
    if (isNew) {
      try {
        const d = await create.mutateAsync(doc);
        setBaseJson(canonical(doc));
        void message.success(t('catalog.editor.created'));
        void navigate(`/admin/items/${encodeURIComponent(d.item.id)}`, { replace: true });
        return d;
      } catch (e) {
        showBlocked(e);
        return undefined;
      }
    }
    const sent = doc;
    try {
      const d = await save.mutateAsync({ id: item!.id, document: sent, note });
      setNote('');
      void message.success(t('catalog.editor.saved', { version: d.item.version }));
      return d;
    } catch (e) {
      showBlocked(e);
      return undefined;
    }
  };

  const onSave = () => {
    if (!item || isNew) return void doSave();
    const latest = detail!.versions[0];
    if (latest && (latest.status === 'submitted' || latest.status === 'approved')) {
      modal.confirm({
        title: t('catalog.editor.withdrawTitle'),
        content: t('catalog.editor.withdrawContent', { version: latest.version, status: statusText(latest.status, latest.statusLabel) }),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => doSave(),
      });
    } else if (latest && latest.status !== 'draft') {
      modal.confirm({
        title: t('catalog.editor.newVersionTitle'),
        content: t('catalog.editor.newVersionContent', { version: latest.version }),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => doSave(),
      });
    } else void doSave();
  };

  const act = async (action: CatalogAction, comment?: string, done?: string) => {
    const d = await transition.mutateAsync({ id: item!.id, action, comment });
    setFindings(d.findings);
    if (done) void message.success(done);
    return d;
  };
  const actOrShow = (action: CatalogAction, done: string) => () =>
    act(action, undefined, done).catch((e: unknown) => {
      showBlocked(e);
    });

  const onSubmit = () =>
    modal.confirm({
      title: t('catalog.editor.submitTitle'),
      content: t('catalog.editor.submitContent'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (dirty) {
          const saved = await doSave();
          if (!saved) return;
        }
        await actOrShow('submit', t('catalog.editor.submitDone'))();
      },
    });

  const onApprove = () =>
    setDialog({
      title: t('catalog.editor.approveTitle'),
      consequence: t('catalog.editor.approveContent'),
      label: t('catalog.editor.commentOptional'),
      required: false,
      onOk: (c) => act('approve', c, t('catalog.editor.approveDone')),
    });

  const onReject = () =>
    setDialog({
      title: t('catalog.editor.rejectTitle'),
      consequence: t('catalog.editor.rejectContent'),
      label: t('catalog.editor.rejectLabel'),
      required: true,
      requiredMessage: t('catalog.editor.rejectRequired'),
      placeholder: t('catalog.editor.rejectPlaceholder'),
      danger: true,
      onOk: (c) => act('reject', c, t('catalog.editor.rejectDone')),
    });

  const onPublish = () =>
    modal.confirm({
      title: t('admin.publishTitle', { name: doc.name }),
      content: t('admin.publishConsequence'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: actOrShow('publish', t('admin.publishDone', { name: doc.name })),
    });

  const onRetire = () =>
    setDialog({
      title: t('catalog.editor.retireTitle', { name: item!.name }),
      consequence: t('catalog.editor.retireContent'),
      label: t('catalog.editor.retireLabel'),
      required: true,
      requiredMessage: t('catalog.editor.retireRequired'),
      placeholder: t('catalog.editor.retirePlaceholder'),
      danger: true,
      onOk: (c) => act('retire', c, t('catalog.editor.retireDone', { name: item!.name })),
    });

  const vs = item?.versionStatus;
  // The reviewer's reason, while the sent-back version is still the draft being worked on.
  const lastReview = detail?.reviewLog.find((e) => e.version === item?.version && e.action !== 'save');
  const rejected = vs === 'draft' && lastReview?.action === 'reject' ? lastReview : undefined;
  const busy = save.isPending || create.isPending || transition.isPending;
  const needSave = (node: ReactNode) => (dirty ? <Tooltip title={t('catalog.editor.saveFirst')}>{node}</Tooltip> : node);
  const { errors } = countBySeverity(findings);

  const buttons: ReactNode[] = [];
  if (canEdit) {
    buttons.push(
      <Button key="save" type={dirty ? 'primary' : 'default'} disabled={!dirty || busy} loading={save.isPending || create.isPending} onClick={onSave}>
        {isNew ? t('catalog.editor.create') : t('catalog.editor.save')}
      </Button>,
    );
  }
  if (!isNew && canEdit && vs === 'draft') {
    buttons.push(
      <Button key="submit" type={dirty ? 'default' : 'primary'} disabled={busy} onClick={onSubmit}>
        {t('catalog.editor.submit')}
      </Button>,
    );
  }
  if (!isNew && canReview && vs === 'submitted') {
    buttons.push(
      needSave(
        <Button key="approve" type="primary" disabled={dirty || busy} onClick={onApprove}>
          {t('catalog.editor.approve')}
        </Button>,
      ),
      needSave(
        <Button key="reject" danger disabled={dirty || busy} onClick={onReject}>
          {t('catalog.editor.reject')}
        </Button>,
      ),
    );
  }
  if (!isNew && canPublish && vs === 'approved') {
    buttons.push(
      needSave(
        <Button key="publish" type="primary" disabled={dirty || busy} onClick={onPublish}>
          {t('catalog.editor.publish')}
        </Button>,
      ),
    );
  }
  if (!isNew && canPublish && item?.publishedVersion != null) {
    buttons.push(
      <Button key="retire" danger disabled={busy} onClick={onRetire}>
        {t('catalog.editor.retire')}
      </Button>,
    );
  }

  const bySection = useMemo(() => {
    const m = new Map<Section, { errors: number; warnings: number }>();
    for (const f of findings) {
      const s = sectionOf(f.path);
      const c = m.get(s) ?? { errors: 0, warnings: 0 };
      if (f.severity === 'error') c.errors++;
      else if (f.severity === 'warning') c.warnings++;
      m.set(s, c);
    }
    return m;
  }, [findings]);

  const sectionBody: Record<Section, ReactNode> = {
    basic: <BasicSection />,
    agency: <AgencySection />,
    process: <ProcessSection />,
    limits: <LimitsSection />,
    materials: <MaterialsEditor focusIndex={materialIndex(focus?.path)} />,
    fees: <FeesSection />,
    online: <OnlineSection />,
    where: <WhereSection />,
    result: <ResultSection />,
    form: <FormFieldsEditor />,
    faq: <FaqSection />,
    topics: <TopicsSection />,
  };

  const editorState: EditorState = { doc, set, update, readOnly: !canEdit, isNew, agencyName: item?.agency.name, findings };

  const elements = (
    <>
      {!canEdit && <Alert type="info" showIcon title={t('catalog.editor.readOnly')} style={{ marginBottom: 12 }} />}
      <LintSummary findings={findings} doc={doc} checking={checking} error={lintError} onJump={jump} />
      <EditorProvider value={editorState}>
        <Form layout="vertical" component="div" disabled={!canEdit} requiredMark>
          <Tabs
            className="tb-section-tabs"
            tabPlacement="start"
            activeKey={section}
            onChange={(k) => setSection(k as Section)}
            destroyOnHidden
            aria-label={t('catalog.editor.sectionsLabel')}
            items={SECTIONS.map((s) => {
              const c = bySection.get(s);
              return {
                key: s,
                label: (
                  <span className="tb-section-tab">
                    <span>{t(`catalog.editor.sections.${s}`)}</span>
                    {c && c.errors > 0 ? (
                      <Badge count={c.errors} size="small" color="#c62828" title={`${c.errors} ${t('catalog.editor.severity.error')}`} />
                    ) : c && c.warnings > 0 ? (
                      <Badge count={c.warnings} size="small" color="#b7791f" title={`${c.warnings} ${t('catalog.editor.severity.warning')}`} />
                    ) : null}
                  </span>
                ),
                children: (
                  <div className="tb-section-body">
                    <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 0 }}>
                      {t(`catalog.editor.sections.${s}`)}
                    </Typography.Title>
                    {sectionBody[s]}
                  </div>
                ),
              };
            })}
          />
        </Form>
      </EditorProvider>
    </>
  );

  return (
    <div className="tb-editor">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/admin">{t('admin.catalog')}</Link> }, { title: item?.name ?? t('catalog.editor.titleNew') }]} />
      <div className="tb-editor-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} style={{ fontSize: '1.3em', margin: 0 }}>
            {doc.name || item?.name || t('catalog.editor.titleNew')}
          </Typography.Title>
          <div className="tb-editor-meta">
            {item && (
              <>
                <Tag color={versionStatusColor[item.versionStatus]}>{statusText(item.versionStatus, item.versionStatusLabel)}</Tag>
                <span>{t('catalog.versionN', { n: item.version })}</span>
                <span>
                  {t('catalog.publicVersion')}
                  {t('common.colon')}
                  {item.publishedVersion ? t('catalog.versionN', { n: item.publishedVersion }) : t('catalog.notPublic')}
                </span>
                <span>{item.agency.name}</span>
              </>
            )}
            {doc.implCode && <code>{doc.implCode}</code>}
          </div>
        </div>
      </div>
      {notice}
      {rejected && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('catalog.editor.rejectedNote', { version: rejected.version, actor: rejected.actorName, at: formatDateTime(rejected.at) })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{rejected.comment}</span>}
        />
      )}
      <div className="tb-editor-bar" role="toolbar" aria-label={t('admin.actions')}>
        <span className={dirty ? 'tb-dirty' : 'tb-clean'} aria-live="polite">
          {dirty ? t('catalog.editor.unsaved') : isNew ? '' : t('catalog.editor.allSaved')}
        </span>
        {canEdit && !isNew && dirty && (
          <Input
            aria-label={t('catalog.editor.note')}
            placeholder={t('catalog.editor.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            style={{ maxWidth: 340 }}
          />
        )}
        <Space wrap style={{ marginLeft: 'auto' }}>
          {errors > 0 && (vs === 'draft' || vs === 'approved' || isNew) && (
            <Typography.Text type="danger" style={{ fontSize: '0.9em' }}>
              {t('catalog.editor.nErrors', { count: errors })}
            </Typography.Text>
          )}
          {buttons}
        </Space>
      </div>
      {isNew ? (
        elements
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'elements', label: t('catalog.editor.tabElements'), children: elements },
            { key: 'versions', label: t('catalog.editor.tabVersions'), children: detail && <VersionsTab detail={detail} /> },
            { key: 'log', label: t('catalog.editor.tabLog'), children: detail && <ReviewLogTab detail={detail} /> },
          ]}
        />
      )}
      <CommentDialog spec={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}

