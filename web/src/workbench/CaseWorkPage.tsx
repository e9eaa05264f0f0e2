import { Breadcrumb, Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCase } from '../api/cases.ts';
import { useItem } from '../api/items.ts';
import { asFormSchema, CaseFormView } from '../components/CaseFormView.tsx';
import { CaseMaterials } from '../components/CaseMaterials.tsx';
import { CaseStateTag } from '../components/CaseStateTag.tsx';
import { CaseTimelineSection } from '../components/CaseTimeline.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { SlaLight } from '../components/SlaLight.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { ActionPanel } from './components/ActionPanel.tsx';

const h2 = { fontSize: '1em', margin: 0 } as const;

/** A case at the workbench: what was asked and brought on the left, what to do and what happened on the right. */
export function CaseWorkPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const c = useCase(id);
  // Field titles: from the case's pinned schema, else from the item's published guide.
  const pinned = asFormSchema(c.data?.formSchema);
  const item = useItem(c.data && !pinned ? c.data.implCode : undefined);
  useDocumentTitle(c.data ? `${c.data.number} ${c.data.itemName}` : t('cases.detailTitle'));

  if (c.isPending) return <PageLoading />;
  if (c.isError) return <LoadError error={c.error} onRetry={() => void c.refetch()} />;
  const cs = c.data;

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
        <SlaLight light={cs.slaLight} />
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'number', label: t('cases.number'), children: cs.number },
            { key: 'applicant', label: t('cases.applicant'), children: cs.applicantName },
            { key: 'submitted', label: t('cases.submittedAt'), children: formatDateTime(cs.submittedAt) },
            { key: 'due', label: t('cases.dueDate'), children: formatDate(cs.dueDate) },
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
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={<h2 style={h2}>{t('workbench.formData')}</h2>}>
            <CaseFormView form={cs.form} schema={pinned ?? item.data?.form} columns={1} />
          </Card>
          <Card title={<h2 style={h2}>{t('workbench.materials')}</h2>} style={{ marginTop: 16 }}>
            <CaseMaterials materials={cs.materials} emptyText={t('workbench.noMaterials')} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h2 style={h2}>{t('workbench.actions')}</h2>}>
            <ActionPanel c={cs} />
          </Card>
          <CaseTimelineSection title={t('workbench.timeline')} entries={cs.timeline} style={{ marginTop: 16 }} />
        </Col>
      </Row>
    </>
  );
}
