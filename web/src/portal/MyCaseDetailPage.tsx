import { Alert, Breadcrumb, Button, Card, Descriptions, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { acceptanceNoticeUrl, hasAcceptanceNotice, useCase } from '../api/cases.ts';
import { useItem } from '../api/items.ts';
import { asFormSchema, CaseFormView } from '../components/CaseFormView.tsx';
import { CaseMaterials } from '../components/CaseMaterials.tsx';
import { UsedLicenses } from '../components/CaseLicenses.tsx';
import { DecisionPdfButton, DeliveryInfo, RevocationPdfButton } from '../components/CaseResult.tsx';
import { CaseStateTag } from '../components/CaseStateTag.tsx';
import { CaseTimelineSection } from '../components/CaseTimeline.tsx';
import { endedAt, isOpenCase } from '../components/caseDates.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { SPECIAL_PROCEDURE_KEYS } from '../components/procedures.ts';
import { CasePayments } from './components/CasePayments.tsx';
import { ReviewStepsCard, RevokedAlert, useCaseEngineFacts } from '../components/CaseProgress.tsx';
import { SupplementNotice } from './components/SupplementNotice.tsx';

const h2 = { fontSize: '1em', margin: 0 } as const;

/** One of my cases: where it stands, what I must do (supplements), the decision and its delivery, every step so far. */
export function MyCaseDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const c = useCase(id);
  // Field titles: from the case's pinned schema, else from the item's published guide.
  const pinned = asFormSchema(c.data?.formSchema);
  const item = useItem(c.data && !pinned ? c.data.implCode : undefined);
  useDocumentTitle(c.data ? `${c.data.itemName} ${c.data.number}` : t('cases.detailTitle'));
  const facts = useCaseEngineFacts(c.data);

  if (c.isPending) return <PageLoading />;
  if (c.isError) return <div className="tb-container tb-page"><LoadError error={c.error} onRetry={() => void c.refetch()} /></div>;
  const cs = c.data;
  const progressKey = `cases.progress_${cs.state}`;
  const procedure = (p: string) => {
    const key = SPECIAL_PROCEDURE_KEYS[p];
    return key ? t(`actions.proc_${key}`) : p;
  };
  const due = cs.suspension ? t('cases.duePaused') : cs.state === 'supplement_requested' ? t('cases.dueAfterSupplement') : formatDate(cs.dueDate);
  const showDelivery = !!cs.delivery && (!!cs.decision || cs.delivery.method !== 'electronic');

  return (
    <div className="tb-container tb-page" style={{ maxWidth: 860 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/my/cases">{t('nav.myCases')}</Link> }, { title: cs.number }]}
      />
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0, marginBottom: 8 }}>
        {cs.itemName}
      </Typography.Title>

      <Card styles={{ body: { padding: 16 } }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 10, flexWrap: 'wrap', marginBottom: 8 }}>
          <CaseStateTag state={cs.state} label={cs.stateLabel} />
          {cs.bundle && (
            <Link to={`/my/bundles/${encodeURIComponent(cs.bundle.id)}`} data-testid="bundle-tag">
              {t('bundleCases.bundleTag', { name: cs.bundle.name })}
            </Link>
          )}
          {i18n.exists(progressKey) && <span>{t(progressKey as 'cases.progress_submitted')}</span>}
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'number', label: t('cases.number'), children: cs.number },
            ...(cs.agencyName ? [{ key: 'agency', label: t('cases.agency'), children: cs.agencyName }] : []),
            { key: 'submitted', label: t('cases.submittedAt'), children: formatDateTime(cs.submittedAt) },
            // The deadline only while the case is open; once it ended, when it ended.
            ...(isOpenCase(cs.state)
              ? [
                  { key: 'due', label: t('cases.dueDate'), children: due },
                  ...(cs.slaLight ? [{ key: 'light', label: t('cases.light'), children: <SlaLight light={cs.slaLight} /> }] : []),
                ]
              : [{ key: 'ended', label: t(cs.state === 'declined' ? 'cases.declinedAt' : 'cases.closedAt'), children: formatDateTime(endedAt(cs)) }]),
            ...facts,
          ]}
        />
        {hasAcceptanceNotice(cs) && (
          <Button icon={<FilePdfOutlined aria-hidden />} href={acceptanceNoticeUrl(cs.id)} target="_blank" rel="noopener" style={{ marginTop: 8 }}>
            {t('paperwork.downloadNotice')}
          </Button>
        )}
        {cs.deemedAccepted && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('cases.deemedInfo')} />}
        {cs.suspension && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={t('cases.suspensionTitle', { procedure: procedure(cs.suspension.procedure), days: cs.suspension.expectedDays })}
            description={t('cases.suspensionDesc', { date: formatDate(cs.suspension.since), reason: cs.suspension.reason })}
          />
        )}
        {!!cs.extensionDays && isOpenCase(cs.state) && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('cases.extendedInfo', { days: cs.extensionDays })} />}
        {cs.decision && (
          <Alert
            style={{ marginTop: 12 }}
            // A revoked grant is history, not good news: no green tick, and the title says it was revoked.
            type={cs.decision.revokedAt ? 'info' : cs.decision.result === 'grant' ? 'success' : 'warning'}
            showIcon
            title={`${t('cases.decision')}${t('common.colon')}${cs.decision.result === 'grant' ? t('cases.decisionGrant') : t('cases.decisionRefuse')}${cs.decision.revokedAt ? t('engine.revokedSuffix') : ''}`}
            description={
              <>
                {cs.decision.reason && <div>{t('cases.reason', { reason: cs.decision.reason })}</div>}
                {cs.decision.basis && <div>{t('engine.grantedOnCommitment')}</div>}
                <div>{t('cases.decidedAt', { at: formatDateTime(cs.decision.decidedAt) })}</div>
                <DecisionPdfButton c={cs} label={t('cases.downloadDecision')} type="primary" style={{ marginTop: 10 }} />
                <RevocationPdfButton c={cs} style={{ marginTop: 10, marginInlineStart: 8 }} />
              </>
            }
          />
        )}
        <RevokedAlert c={cs} />
      </Card>

      {cs.notice && <SupplementNotice key={cs.version} c={cs} notice={cs.notice} />}

      <CasePayments c={cs} />

      {showDelivery && (
        <Card title={<h2 style={h2}>{t('cases.deliveryTitle')}</h2>} style={{ marginTop: 16 }}>
          <DeliveryInfo c={cs} />
        </Card>
      )}

      <ReviewStepsCard c={cs} style={{ marginTop: 16 }} />

      <CaseTimelineSection title={t('cases.timeline')} entries={cs.timeline} style={{ marginTop: 16 }} />

      <Card title={<h2 style={h2}>{t('cases.form')}</h2>} style={{ marginTop: 16 }}>
        <CaseFormView form={cs.form} schema={pinned ?? item.data?.form} />
      </Card>

      <Card title={<h2 style={h2}>{t('cases.materials')}</h2>} style={{ marginTop: 16 }}>
        <UsedLicenses licensed={cs.licensedMaterials} />
        <CaseMaterials materials={cs.materials} hideEmpty={!!cs.licensedMaterials?.length} />
      </Card>
    </div>
  );
}
