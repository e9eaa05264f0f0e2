import { Alert, Breadcrumb, Button, Card, Descriptions, Steps, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useItem } from '../api/items.ts';
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

/** 办事指南: the summary a citizen reads in five seconds, then the details in tabs. */
export function ItemGuidePage() {
  const { implCode } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const item = useItem(implCode);
  useDocumentTitle(item.data?.name);

  if (item.isPending) return <PageLoading />;
  if (item.isError) return <div className="tb-container tb-page"><LoadError error={item.error} onRetry={() => void item.refetch()} /></div>;
  const it = item.data;

  const tabs = [
    { key: 'materials', label: t('item.tabMaterials'), children: <MaterialList materials={it.materials} /> },
    {
      key: 'steps',
      label: t('item.tabSteps'),
      children:
        it.steps.length === 0 ? (
          <Typography.Text type="secondary">{t('item.nothing')}</Typography.Text>
        ) : (
          <Steps
            orientation="vertical"
            size="small"
            current={-1}
            items={it.steps.map((s) => ({ title: s.name, content: s.description, status: 'wait' as const }))}
          />
        ),
    },
    {
      key: 'basis',
      label: t('item.tabBasis'),
      children: <Bullets items={it.legalBasis.map((b) => (b.article ? `${b.title} ${b.article}` : b.title))} empty={t('item.nothing')} />,
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
      <Breadcrumb
        items={[{ title: <Link to="/">{t('nav.home')}</Link> }, { title: it.name }]}
        style={{ marginBottom: 8 }}
      />
      <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0, marginBottom: 6 }}>
        {it.name}
      </Typography.Title>
      <div style={{ color: 'rgba(0,0,0,0.65)', marginBottom: 14 }}>
        {it.agency.name}
        {it.kindLabel && (
          <Tag style={{ marginInlineStart: 8 }}>{it.kindLabel}</Tag>
        )}
      </div>

      <Card aria-label={t('item.summary')} styles={{ body: { padding: 16 } }}>
        <ItemFacts item={it} />
        {it.caseType === 'instant' && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('item.instant')} />}
        {it.result && (
          <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.7)' }}>
            {t('item.result')}
            {t('common.colon')}
            {it.result.name}
          </div>
        )}
        <div style={{ marginTop: 16 }}>
          {it.online ? (
            <Button type="primary" size="large" block onClick={() => void navigate(`/items/${encodeURIComponent(it.implCode)}/apply`)}>
              {t('item.applyOnline')}
            </Button>
          ) : (
            <Alert type="info" showIcon title={t('item.notOnlineHint')} />
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
            items={[
              ...(it.hall
                ? [
                    { key: 'addr', label: t('item.hallAddress'), children: it.hall.address },
                    { key: 'hours', label: t('item.hallHours'), children: it.hall.hours },
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
