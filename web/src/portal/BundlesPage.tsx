import { Skeleton, Tag, Typography, Empty } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useBundles, type BundleSummary } from '../api/bundles.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/** The “一件事” zone: every published bundle, with what applying once saves. */
export function BundlesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('bundles.zone'));
  const q = useBundles();
  return (
    <div className="tb-container tb-page">
      <Typography.Title level={1} className="tb-page-title">
        {t('bundles.zone')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bundles.zoneDesc')}</Typography.Paragraph>
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.bundles.length === 0 ? (
        <Empty description={t('bundles.empty')} />
      ) : (
        <ul className="tb-bundle-list">
          {q.data.bundles.map((b) => (
            <li key={b.code}>
              <BundleCard b={b} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BundleCard({ b }: { b: BundleSummary }) {
  const { t } = useTranslation();
  const s = b.savings.saved;
  return (
    <Link to={`/bundles/${encodeURIComponent(b.code)}`} className="tb-bundle-card">
      <span className="tb-bundle-card-main">
        <span className="tb-bundle-card-title">{b.name}</span>
        <span className="tb-bundle-card-desc">{b.summary}</span>
        <span className="tb-bundle-card-tags">
          <Tag>{b.audience === 'person' ? t('bundles.person') : t('bundles.entity')}</Tag>
          <Tag>{t('bundles.count', { count: b.itemCount })}</Tag>
          {s.fields > 0 && <Tag color="green">{t('bundles.cardFields', { n: s.fields })}</Tag>}
          {s.materials > 0 && <Tag color="green">{t('bundles.cardMaterials', { n: s.materials })}</Tag>}
        </span>
      </span>
      <RightOutlined aria-hidden />
    </Link>
  );
}
