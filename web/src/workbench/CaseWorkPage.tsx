import { RegisterCheckCard } from './components/RegisterCheckCard.tsx';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { timelineCsvUrl, useCase, useCases } from '../api/cases.ts';
import { errorMessage } from '../api/client.ts';
import { useItem } from '../api/items.ts';
import type { CaseDetail } from '../api/types.ts';
import { asFormSchema, CaseFormView } from '../components/CaseFormView.tsx';
import { CaseMaterials } from '../components/CaseMaterials.tsx';
import { CaseLicensesCard } from '../components/CaseLicenses.tsx';
import { DecisionPdfButton, DeliveryInfo, RevocationPdfButton } from '../components/CaseResult.tsx';
import { CaseStateTag } from '../components/CaseStateTag.tsx';
import { useBundleCaseIfReadable } from '../api/bundleCases.ts';
import { CaseTimelineSection } from '../components/CaseTimeline.tsx';
import { isOpenCase } from '../components/caseDates.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { SPECIAL_PROCEDURE_KEYS } from '../components/procedures.ts';
import { ActionPanel } from './components/ActionPanel.tsx';
import { WindowPaperwork } from './components/WindowPaperwork.tsx';
import { useClaimCase } from './mutations.ts';
import { ReviewStepsCard, RevokedAlert, useCaseEngineFacts } from '../components/CaseProgress.tsx';

const h2 = { fontSize: '1em', margin: 0 } as const;

type ClaimState = 'me' | 'none' | 'other';

/**
 * Who holds the case. The case itself does not say, so the queue is asked by number: claimed by me, unclaimed,
 * or (neither) someone else's.
 */
function useClaimState(c: CaseDetail | undefined, enabled: boolean): ClaimState | undefined {
  const on = enabled && !!c && isOpenCase(c.state);
  const mine = useCases({ q: c?.number, assignee: 'me', pageSize: 1 }, { enabled: on });
  const none = useCases({ q: c?.number, assignee: 'unassigned', pageSize: 1 }, { enabled: on });
  if (!on || !mine.data || !none.data || mine.isPlaceholderData || none.isPlaceholderData) return undefined;
  const has = (l: typeof mine.data) => l.cases.some((x) => x.id === c.id);
  if (has(mine.data)) return 'me';
  if (has(none.data)) return 'none';
  return 'other';
}

function ClaimControl({ c, state }: { c: CaseDetail; state: ClaimState | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const claim = useClaimCase(c.id);
  if (state === 'me') return <Tag color="blue">{t('workbench.claimedByMe')}</Tag>;
  if (state === 'other') return <Tag>{t('workbench.claimedByOther')}</Tag>;
  if (state !== 'none') return null;
  return (
    <Button
      icon={<UserAddOutlined aria-hidden />}
      loading={claim.isPending}
      onClick={() =>
        claim.mutate(undefined, {
          onSuccess: () => void message.success(t('workbench.claimDone')),
          onError: (e) => void message.error(errorMessage(e)),
        })
      }
    >
      {t('workbench.claim')}
    </Button>
  );
}

/** What is going on with the case beyond its state: a notice out, a paused clock, deemed acceptance. */
function StatusAlerts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const procedureLabel = (p: string) => {
    const key = SPECIAL_PROCEDURE_KEYS[p];
    return key ? t(`actions.proc_${key}`) : p;
  };
  return (
    <>
      {c.deemedAccepted && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('workbench.deemedTitle')} description={t('workbench.deemedDesc')} />}
      {c.notice && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('workbench.noticeTitle')}
          description={
            <>
              <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t('workbench.noticeMeta', { by: c.notice.issuedBy, at: formatDateTime(c.notice.issuedAt) })}</div>
              <ol style={{ margin: '6px 0', paddingInlineStart: 20 }}>
                {c.notice.items.map((it, i) => (
                  <li key={`${it.code ?? ''}-${i}`}>
                    <strong>{it.name}</strong>
                    {t('common.colon')}
                    {it.reason}
                  </li>
                ))}
              </ol>
              {c.notice.note && <div>{t('cases.noticeNote', { note: c.notice.note })}</div>}
              <div>{t('workbench.noticeWaiting')}</div>
            </>
          }
        />
      )}
      {c.suspension && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('workbench.suspensionTitle', { procedure: procedureLabel(c.suspension.procedure) })}
          description={t('workbench.suspensionDesc', { date: formatDate(c.suspension.since), days: c.suspension.expectedDays, reason: c.suspension.reason })}
        />
      )}
    </>
  );
}

/** A case at the workbench: what was asked and brought on the left, what to do and what happened on the right. */
/** 一件事: the member case's bundle; the lead department (who may read the whole bundle) gets a link to it. */
function BundleLink({ bundle }: { bundle: NonNullable<CaseDetail['bundle']> }) {
  const { t } = useTranslation();
  const whole = useBundleCaseIfReadable(bundle.id);
  return (
    <Space size={4}>
      <Tag color="purple" data-testid="bundle-tag">
        {t('bundleCases.bundleTag', { name: bundle.name })}
      </Tag>
      {whole.data && <Link to={`/workbench/bundles/${encodeURIComponent(bundle.id)}`}>{t('bundleCases.wholeBundle')}</Link>}
    </Space>
  );
}

export function CaseWorkPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const c = useCase(id);
  // Field titles: from the case's pinned schema, else from the item's published guide.
  const pinned = asFormSchema(c.data?.formSchema);
  const item = useItem(c.data && !pinned ? c.data.implCode : undefined);
  const canClaim = !!me.data?.permissions.some((p) => p === 'case:accept' || p === 'case:decide');
  const canFile = !!me.data?.permissions.includes('case:file_at_window');
  const claimState = useClaimState(c.data, canClaim);
  useDocumentTitle(c.data ? `${c.data.number} ${c.data.itemName}` : t('cases.detailTitle'));
  const facts = useCaseEngineFacts(c.data);

  if (c.isPending) return <PageLoading />;
  if (c.isError) return <LoadError error={c.error} onRetry={() => void c.refetch()} />;
  const cs = c.data;
  const due = cs.suspension ? t('cases.duePaused') : cs.state === 'supplement_requested' ? t('cases.dueAfterSupplement') : formatDate(cs.dueDate);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/workbench">{t('workbench.queue')}</Link> }, { title: cs.number }]}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: '1.4em', margin: 0 }}>
          {cs.itemName}
        </Typography.Title>
        <CaseStateTag state={cs.state} label={cs.stateLabel} />
        {isOpenCase(cs.state) && <SlaLight light={cs.slaLight} />}
        {cs.bundle && <BundleLink bundle={cs.bundle} />}
        <Space wrap style={{ marginInlineStart: 'auto' }}>
          {canClaim && <ClaimControl c={cs} state={claimState} />}
          <Button icon={<DownloadOutlined aria-hidden />} href={timelineCsvUrl(cs.id)} download>
            {t('workbench.exportRecord')}
          </Button>
          <DecisionPdfButton c={cs} label={t('workbench.downloadDecision')} />
          <RevocationPdfButton c={cs} />
        </Space>
      </div>
      {cs.bundle?.leadView && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('bundleCases.leadView')} />}
      {cs.state === 'decided' && cs.bundle?.together && cs.delivery?.method !== 'electronic' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('bundleCases.afterDecisionTogether')} data-testid="bundle-deliver-hint" />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'number', label: t('cases.number'), children: <Typography.Text copyable={{ text: cs.number }}>{cs.number}</Typography.Text> },
            { key: 'applicant', label: t('cases.applicant'), children: cs.applicantName },
            { key: 'submitted', label: t('cases.submittedAt'), children: formatDateTime(cs.submittedAt) },
            ...(isOpenCase(cs.state) ? [{ key: 'due', label: t('cases.dueDate'), children: due }] : []),
            ...(cs.statutoryDueDate && isOpenCase(cs.state) ? [{ key: 'statutory', label: t('cases.statutoryDueDate'), children: formatDate(cs.statutoryDueDate) }] : []),
            ...(cs.caseType ? [{ key: 'type', label: t('cases.caseType'), children: t(`cases.caseType_${cs.caseType}`) }] : []),
            ...(cs.extensionDays ? [{ key: 'ext', label: t('actions.extend'), children: t('workbench.extensionInfo', { days: cs.extensionDays }) }] : []),
            ...(cs.delivery
              ? [{ key: 'delivery', label: t('workbench.deliveryLabel'), children: t(`cases.method_${cs.delivery.method}`) }]
              : []),
            ...(canClaim && claimState === 'none' ? [{ key: 'claim', label: t('workbench.claimStatus'), children: t('workbench.unclaimed') }] : []),
            ...facts,
          ]}
        />
        {cs.decision && (
          <div style={{ marginTop: 8 }}>
            <strong>
              {t('cases.decision')}
              {t('common.colon')}
              {cs.decision.result === 'grant' ? t('cases.decisionGrant') : t('cases.decisionRefuse')}
            </strong>
            {cs.decision.reason && <span style={{ marginInlineStart: 12 }}>{t('cases.reason', { reason: cs.decision.reason })}</span>}
            <span style={{ marginInlineStart: 12, color: 'rgba(0,0,0,0.6)' }}>{formatDateTime(cs.decision.decidedAt)}</span>
          </div>
        )}
        <StatusAlerts c={cs} />
        <RevokedAlert c={cs} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={<h2 style={h2}>{t('workbench.formData')}</h2>}>
            <CaseFormView form={cs.form} schema={pinned ?? item.data?.form} columns={1} />
          </Card>
          <Card title={<h2 style={h2}>{t('workbench.materials')}</h2>} style={{ marginTop: 16 }}>
            <CaseMaterials materials={cs.materials} emptyText={t('workbench.noMaterials')} />
          </Card>
          <CaseLicensesCard c={cs} h2={h2} />
          <RegisterCheckCard caseId={cs.id} h2={h2} />
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h2 style={h2}>{t('workbench.actions')}</h2>}>
            <ActionPanel c={cs} />
          </Card>
          <WindowPaperwork c={cs} canFile={canFile} heading={<h2 style={h2}>{t('paperwork.title')}</h2>} />
          <ReviewStepsCard c={cs} style={{ marginTop: 16 }} />
          {cs.delivery && (cs.decision || cs.delivery.method !== 'electronic') && (
            <Card title={<h2 style={h2}>{t('cases.deliveryTitle')}</h2>} style={{ marginTop: 16 }}>
              <DeliveryInfo c={cs} />
            </Card>
          )}
          <CaseTimelineSection title={t('workbench.timeline')} entries={cs.timeline} style={{ marginTop: 16 }} />
        </Col>
      </Row>
    </>
  );
}
