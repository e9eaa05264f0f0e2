import { Alert, Breadcrumb, Button, Card, Collapse, Descriptions, Result, Steps, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CalendarOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { guidePdfUrl, itemFileUrl, useItem } from '../api/items.ts';
import { useSharedMaterials, withSharing } from '../api/sharing.ts';
import type { ItemDetail, ItemFeatures } from '../api/types.ts';
import { formatFen } from '../components/format.ts';
import { ApiError } from '../api/client.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { ItemFacts } from './components/ItemFacts.tsx';
import { MaterialList } from './components/MaterialList.tsx';

function Bullets({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((s, i) => (
        <li key={i} style={{ padding: '4px 0' }}>
          {s}
        </li>
      ))}
    </ul>
  );
}

const featureKeys: Array<keyof ItemFeatures> = ['appointment', 'express', 'onlinePayment', 'selfService'];

/**
 * Online booking does not exist yet: until it does, an item that takes appointments shows no 可预约 tag (it would
 * promise what the page cannot do), only the disabled 预约到厅 button with its hint. Flip this when booking ships.
 */
const BOOKING_AVAILABLE = false;

function SubTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={3} style={{ fontSize: '1em', marginTop: 16 }}>
      {children}
    </Typography.Title>
  );
}

function FeesTab({ it }: { it: ItemDetail }) {
  const { t } = useTranslation();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {it.fees.map((f, i) => (
        <li key={i} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, fontWeight: 600 }}>
            <span>{f.name}</span>
            <span style={{ whiteSpace: 'nowrap' }}>{f.amountFen > 0 ? formatFen(f.amountFen) : t('item.free')}</span>
          </div>
          <dl className="tb-fee-dl">
            {f.standard && (
              <>
                <dt>{t('item.feeStandard')}</dt>
                <dd>{f.standard}</dd>
              </>
            )}
            {f.basis && (
              <>
                <dt>{t('item.feeBasis')}</dt>
                <dd>{f.basis}</dd>
              </>
            )}
            {f.waiver && (
              <>
                <dt>{t('item.feeWaiver')}</dt>
                <dd>{f.waiver}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function StepsTab({ it }: { it: ItemDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {it.steps.length === 0 ? (
        <Typography.Text type="secondary">{t('item.nothing')}</Typography.Text>
      ) : (
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          items={it.steps.map((s) => ({
            title: s.name,
            subTitle: s.days ? t('item.stepDays', { count: s.days }) : undefined,
            content: s.description,
            status: 'wait' as const,
          }))}
        />
      )}
      {(it.statutoryNote || it.committedNote || it.limitNote) && (
        <>
          <SubTitle>{t('item.timeLimits')}</SubTitle>
          <Bullets items={[it.committedNote, it.statutoryNote, it.limitNote].filter((s): s is string => !!s)} empty="" />
        </>
      )}
      {it.specialProcedures && it.specialProcedures.length > 0 && (
        <>
          <SubTitle>{t('item.specialProcedures')}</SubTitle>
          <Bullets
            items={it.specialProcedures.map((p) => [p.name, p.maxDays ? t('item.stepDays', { count: p.maxDays }) : '', p.note ?? ''].filter(Boolean).join('：'))}
            empty=""
          />
        </>
      )}
    </>
  );
}

/** 办事指南: the summary a citizen reads in five seconds, then the details in tabs. */
export function ItemGuidePage() {
  const { implCode } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const item = useItem(implCode);
  const shared = useSharedMaterials(item.data?.materials);
  useDocumentTitle(item.data?.name);

  if (item.isPending) return <PageLoading />;
  // A retired item (410) or an unknown code (404): say so plainly and offer the search, not a retry.
  if (item.isError && item.error instanceof ApiError && (item.error.status === 410 || item.error.status === 404))
    return (
      <div className="tb-container tb-page">
        <Result
          status={item.error.status === 410 ? 'warning' : '404'}
          title={item.error.status === 410 ? t('item.retiredTitle') : t('item.notFoundTitle')}
          subTitle={item.error.message}
          extra={
            <Button type="primary" onClick={() => void navigate('/')}>
              {t('item.searchOthers')}
            </Button>
          }
        />
      </div>
    );
  if (item.isError)
    return (
      <div className="tb-container tb-page">
        <LoadError error={item.error} onRetry={() => void item.refetch()} />
      </div>
    );
  const it = item.data;
  const features = featureKeys.filter((k) => it.features?.[k] && (k !== 'appointment' || BOOKING_AVAILABLE));
  const appointment = !!it.features?.appointment;

  const tabs = [
    { key: 'materials', label: t('item.tabMaterials'), children: <MaterialList materials={withSharing(it.materials, shared.data)} implCode={it.implCode} /> },
    { key: 'steps', label: t('item.tabSteps'), children: <StepsTab it={it} /> },
    ...(it.fees.length > 0 ? [{ key: 'fees', label: t('item.tabFees'), children: <FeesTab it={it} /> }] : []),
    ...(it.faq && it.faq.length > 0
      ? [
          {
            key: 'faq',
            label: t('item.tabFaq'),
            children: (
              <Collapse
                ghost
                items={it.faq.map((f, i) => ({
                  key: String(i),
                  label: <strong>{f.q}</strong>,
                  children: <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{f.a}</p>,
                }))}
              />
            ),
          },
        ]
      : []),
    {
      key: 'basis',
      label: t('item.tabBasis'),
      children: <Bullets items={it.legalBasis.map((b) => [b.title, b.article, b.docNo].filter(Boolean).join(' '))} empty={t('item.nothing')} />,
    },
    {
      key: 'conditions',
      label: t('item.tabConditions'),
      children: (
        <>
          {it.serviceObjects.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: '1em' }}>
                {t('item.serviceObjects')}
              </Typography.Title>
              <p>{it.serviceObjects.map((o) => (o === 'person' || o === 'entity' ? t(`item.serviceObject_${o}`) : o)).join('、')}</p>
            </>
          )}
          <Typography.Title level={3} style={{ fontSize: '1em' }}>
            {t('item.conditions')}
          </Typography.Title>
          <Bullets items={it.conditions} empty={t('item.nothing')} />
        </>
      ),
    },
  ];
  return (
    <div className="tb-container tb-page">
      <Breadcrumb items={[{ title: <Link to="/">{t('nav.home')}</Link> }, { title: it.name }]} style={{ marginBottom: 8 }} />
      <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0, marginBottom: 6 }}>
        {it.name}
      </Typography.Title>
      <div style={{ color: 'rgba(0,0,0,0.65)', marginBottom: 10 }}>
        {it.agency.name}
        {it.kindLabel && <Tag style={{ marginInlineStart: 8 }}>{it.kindLabel}</Tag>}
      </div>
      {features.length > 0 && (
        <ul className="tb-feature-tags" aria-label={t('item.features')}>
          {features.map((k) => (
            <li key={k}>
              <Tag color="blue" variant="outlined">
                {t(`item.feature_${k}`)}
              </Tag>
            </li>
          ))}
        </ul>
      )}

      <Card aria-label={t('item.summary')} styles={{ body: { padding: 16 } }}>
        <ItemFacts item={it} />
        {it.caseType === 'instant' && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('item.instant')} />}
        <dl className="tb-guide-lines">
          {it.handlingForms && it.handlingForms.length > 0 && (
            <div>
              <dt>{t('item.handlingForms')}</dt>
              <dd>{it.handlingForms.map((f) => t(`catalog.opt.handlingForm.${f}`)).join('、')}</dd>
            </div>
          )}
          {it.result && (
            <div>
              <dt>{t('item.result')}</dt>
              <dd>
                {it.result.name}
                {it.result.sample && (
                  <a href={itemFileUrl(it.implCode, it.result.sample.fileId)} download={it.result.sample.name} style={{ marginInlineStart: 10, whiteSpace: 'nowrap', display: 'inline-block' }}>
                    <PaperClipOutlined aria-hidden /> {t('item.resultSample')}
                  </a>
                )}
              </dd>
            </div>
          )}
        </dl>
        <div style={{ marginTop: 16 }}>
          {it.online ? (
            <Button type="primary" size="large" block onClick={() => void navigate(`/items/${encodeURIComponent(it.implCode)}/apply`)}>
              {t('item.applyOnline')}
            </Button>
          ) : (
            <Alert type="info" showIcon title={t('item.notOnlineHint')} />
          )}
          <div className="tb-guide-actions">
            {appointment && (
              <Tooltip title={t('item.comingSoon')}>
                <Button size="large" icon={<CalendarOutlined aria-hidden />} disabled aria-describedby="appointment-soon">
                  {t('item.appointment')}
                </Button>
              </Tooltip>
            )}
            <Button size="large" icon={<FilePdfOutlined aria-hidden />} href={guidePdfUrl(it.implCode)} target="_blank" rel="noopener">
              {t('item.downloadGuide')}
            </Button>
          </div>
          {appointment && (
            <Typography.Text id="appointment-soon" type="secondary" style={{ display: 'block', marginTop: 6, fontSize: '0.88em' }}>
              {t('item.appointmentSoon')}
            </Typography.Text>
          )}
        </div>
      </Card>

      <Card style={{ marginTop: 16 }} styles={{ body: { paddingTop: 4 } }}>
        <Tabs items={tabs} tabBarGutter={20} />
      </Card>

      {(it.hall || it.contacts) && (
        <Card style={{ marginTop: 16 }} title={<h2 style={{ fontSize: '1em', margin: 0 }}>{t('item.tabWhere')}</h2>}>
          <Descriptions
            column={1}
            size="small"
            // One label width for all rows, so the values line up whatever the label's length.
            styles={{ label: { flex: 'none', width: i18n.language === 'en-US' ? '8em' : '5.5em', color: 'rgba(0,0,0,0.6)' } }}
            items={[
              ...(it.hall
                ? [
                    { key: 'addr', label: t('item.hallAddress'), children: it.hall.address },
                    ...(it.hall.window ? [{ key: 'window', label: t('item.window'), children: it.hall.window }] : []),
                    { key: 'hours', label: t('item.hallHours'), children: it.hall.hours },
                    ...(it.hall.traffic ? [{ key: 'traffic', label: t('item.traffic'), children: it.hall.traffic }] : []),
                  ]
                : []),
              ...(it.contacts
                ? [
                    { key: 'consult', label: t('item.consult'), children: <a href={`tel:${it.contacts.consult}`}>{it.contacts.consult}</a> },
                    { key: 'complaint', label: t('item.complaint'), children: <a href={`tel:${it.contacts.complaint}`}>{it.contacts.complaint}</a> },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </div>
  );
}
