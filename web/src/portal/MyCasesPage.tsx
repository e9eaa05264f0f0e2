import { Alert, Empty, Pagination, Skeleton, Space, Typography } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCase, useCases } from '../api/cases.ts';
import { useBundleCases } from '../api/bundleCases.ts';
import type { CaseSummary } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { endedAt, isOpenCase } from '../components/caseDates.ts';
import { CaseStateTag } from '../components/CaseStateTag.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

const pageSize = 10;

/**
 * When an ended case was closed or declined: the list's `closedAt`; an older server without it is asked for the
 * case itself (cached, so opening the case afterwards is instant).
 */
function EndedOn({ c }: { c: CaseSummary }) {
  const { t } = useTranslation();
  const detail = useCase(c.closedAt ? undefined : c.id);
  const at = c.closedAt ?? (detail.data ? endedAt(detail.data) : undefined);
  if (!at) return null;
  return <span>{t(c.state === 'declined' ? 'cases.declinedOn' : 'cases.closedOn', { date: formatDate(at) })}</span>;
}

/** The cases waiting for my supplements, wherever they are in the list: the one thing I must act on. */
function SupplementsDue() {
  const { t } = useTranslation();
  const due = useCases({ state: 'supplement_requested', pageSize: 20 });
  const list = due.data?.cases ?? [];
  if (list.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={<strong>{t('cases.attentionBanner', { count: due.data?.total ?? list.length })}</strong>}
      description={
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {list.map((c) => (
            <li key={c.id}>
              <Link to={`/my/cases/${encodeURIComponent(c.id)}`}>
                {c.itemName}（{c.number}）{t('common.colon')}
                {t('cases.attentionGo')}
              </Link>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** 我的一件事: each bundle case once, with its state and light; its member cases are listed below as ordinary cases too. */
function MyBundles() {
  const { t } = useTranslation();
  const q = useBundleCases();
  const list = q.data?.bundleCases ?? [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="my-bundles" style={{ marginBottom: 16 }}>
      <Typography.Title level={2} id="my-bundles" style={{ fontSize: '1.15em' }}>
        {t('bundleCases.myTitle')}
      </Typography.Title>
      <ul className="tb-bundle-items" data-testid="my-bundles">
        {list.map((b) => (
          <li key={b.id} className="tb-bundle-item">
            <div className="tb-bundle-item-head">
              <Link to={`/my/bundles/${encodeURIComponent(b.id)}`}>{b.bundle.name}</Link>
              <span>{b.stateLabel}</span>
            </div>
            <div className="tb-bundle-item-meta">
              {b.number} · {b.members.length} · <SlaLight light={b.slaLight} compact />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 我的办件: one card per case, phone first — state, item, number; the due date and light while open, the closing date after. */
export function MyCasesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('cases.myTitle'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const cases = useCases({ page, pageSize });

  return (
    <div className="tb-container tb-page" style={{ maxWidth: 860 }}>
      <Typography.Title level={1} className="tb-page-title" style={{ fontSize: '1.4em' }}>
        {t('cases.myTitle')}
      </Typography.Title>
      <SupplementsDue />
      <MyBundles />
      {cases.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : cases.isError ? (
        <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.cases.length === 0 ? (
        <Empty description={t('cases.empty')}>
          <ButtonLink type="primary" to="/">
            {t('cases.findItems')}
          </ButtonLink>
        </Empty>
      ) : (
        <>
          <ul className="tb-case-list">
            {cases.data.cases.map((c) => {
              const attention = c.state === 'supplement_requested';
              return (
                <li key={c.id}>
                  <Link to={`/my/cases/${encodeURIComponent(c.id)}`} className={attention ? 'tb-case-card tb-case-card-attention' : 'tb-case-card'}>
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
                      <span className="tb-item-name" style={{ margin: 0 }}>
                        {c.itemName}
                      </span>
                      <CaseStateTag state={c.state} label={c.stateLabel} />
                    </div>
                    <div className="tb-item-meta" style={{ margin: '6px 0 0' }}>
                      {t('cases.number')}
                      {t('common.colon')}
                      {c.number}
                    </div>
                    {attention && (
                      <div className="tb-case-attention">
                        <ExclamationCircleFilled aria-hidden style={{ marginInlineEnd: 6 }} />
                        {t('cases.attention')}
                      </div>
                    )}
                    <Space size={16} wrap style={{ marginTop: 6, fontSize: '0.92em' }}>
                      <span>
                        {t('cases.submittedAt')}
                        {t('common.colon')}
                        {formatDateTime(c.submittedAt)}
                      </span>
                      {isOpenCase(c.state) ? (
                        <>
                          {c.dueDate && <span>{t('cases.dueOn', { date: formatDate(c.dueDate) })}</span>}
                          {c.slaLight && <SlaLight light={c.slaLight} />}
                        </>
                      ) : (
                        <EndedOn c={c} />
                      )}
                    </Space>
                  </Link>
                </li>
              );
            })}
          </ul>
          {cases.data.total > pageSize && (
            <Pagination
              simple
              style={{ marginTop: 16, justifyContent: 'center' }}
              current={page}
              pageSize={pageSize}
              total={cases.data.total}
              onChange={(p) => setParams(p > 1 ? { page: String(p) } : {})}
            />
          )}
        </>
      )}
    </div>
  );
}
