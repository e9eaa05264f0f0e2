import { Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyLicenses } from '../api/licenses.ts';
import type { LicenseSummary } from '../api/types.ts';
import { formatDate } from '../components/format.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/** Where a license stands, in plain words: valid, suspended, revoked, replaced — or expired though never revoked. */
export function licenseStanding(l: Pick<LicenseSummary, 'status' | 'expired'>): { key: 'valid' | 'suspended' | 'revoked' | 'superseded' | 'expired'; color: string } {
  if (l.status === 'valid' && l.expired) return { key: 'expired', color: 'default' };
  return { key: l.status, color: l.status === 'valid' ? 'green' : l.status === 'suspended' ? 'orange' : 'default' };
}

export function LicenseStatusTag({ l }: { l: Pick<LicenseSummary, 'status' | 'expired'> }) {
  const { t } = useTranslation();
  const s = licenseStanding(l);
  return (
    <Tag color={s.color} style={{ marginInlineEnd: 0 }}>
      {s.key === 'expired' ? t('wallet.expired') : t(`wallet.status_${s.key}`)}
    </Tag>
  );
}

function LicenseCard({ l }: { l: LicenseSummary }) {
  const { t } = useTranslation();
  const s = licenseStanding(l);
  const usable = s.key === 'valid';
  return (
    <li style={{ listStyle: 'none', marginBottom: 12 }}>
      <Link to={`/my/licenses/${encodeURIComponent(l.ref)}`} className="tb-license-card" aria-label={`${l.typeName} ${t(`wallet.status_${l.status}`)} ${t('wallet.open')}`}>
        <Card
          hoverable
          styles={{ body: { padding: 16 } }}
          style={{ borderInlineStart: `4px solid ${usable ? '#c0392b' : '#bfbfbf'}`, background: usable ? '#fffaf5' : '#fafafa' }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            <SafetyCertificateOutlined aria-hidden style={{ fontSize: 32, color: usable ? '#c0392b' : '#8c8c8c', flex: 'none' }} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                <span style={{ fontWeight: 600, fontSize: '1.1em', color: 'rgba(0,0,0,0.88)' }}>{l.typeName}</span>
                <LicenseStatusTag l={l} />
              </div>
              <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 4, wordBreak: 'break-all' }}>
                {t('wallet.number')}
                {t('common.colon')}
                {l.number}
              </div>
              <div style={{ color: 'rgba(0,0,0,0.65)' }}>
                {t('wallet.issuer')}
                {t('common.colon')}
                {l.issuerName}
              </div>
              <div style={{ color: 'rgba(0,0,0,0.65)' }}>
                {t('wallet.validUntil')}
                {t('common.colon')}
                {l.validUntil ? formatDate(l.validUntil) : t('wallet.longTerm')}
                <span style={{ marginInlineStart: 8, color: usable ? '#2e7d32' : '#ad4e00' }}>{t(`wallet.hint_${s.key}`)}</span>
              </div>
            </div>
            <RightOutlined aria-hidden style={{ color: 'rgba(0,0,0,0.35)' }} />
          </div>
        </Card>
      </Link>
    </li>
  );
}

/** 我的证照: my electronic licenses as cards (phone first), each opening to show, share and download it. */
export function WalletPage() {
  const { t } = useTranslation();
  const q = useMyLicenses();
  useDocumentTitle(t('wallet.title'));
  return (
    <div className="tb-container tb-page" style={{ maxWidth: 760 }}>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0, marginBottom: 4 }}>
        {t('wallet.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wallet.intro')}</Typography.Paragraph>
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.licenses.length === 0 ? (
        <Empty description={t('wallet.empty')} />
      ) : (
        <ul style={{ padding: 0, margin: 0 }} aria-label={t('wallet.title')}>
          {q.data.licenses.map((l) => (
            <LicenseCard key={l.ref} l={l} />
          ))}
        </ul>
      )}
    </div>
  );
}
