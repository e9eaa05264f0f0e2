import { Empty, Pagination, Skeleton, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCase, useCases } from '../api/cases.ts';
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
 * When an ended case was decided or closed. The list does not carry that date, so it comes from the case itself
 * (cached, so opening the case afterwards is instant).
 */
function EndedOn({ c }: { c: CaseSummary }) {
  const { t } = useTranslation();
  const detail = useCase(c.id);
  const at = detail.data ? endedAt(detail.data) : undefined;
  if (!at) return null;
  return <span>{t(c.state === 'declined' ? 'cases.declinedOn' : 'cases.closedOn', { date: formatDate(at) })}</span>;
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
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {cases.data.cases.map((c) => (
              <li key={c.id}>
                <Link to={`/my/cases/${encodeURIComponent(c.id)}`} className="tb-case-card">
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
            ))}
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
