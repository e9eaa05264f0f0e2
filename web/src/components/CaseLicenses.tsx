import { Alert, Card, Descriptions, Skeleton, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCaseLicenses } from '../api/licenses.ts';
import type { CaseDetail, CaseLicense } from '../api/types.ts';
import { formatDate } from './format.ts';
import { LoadError } from './status.tsx';

const CHECKS = ['signature', 'identifier', 'status', 'validity'] as const;

/** The applicant's side: which materials were given as electronic licenses (已用电子证照). */
export function UsedLicenses({ licensed, linkToWallet = true }: { licensed: CaseDetail['licensedMaterials']; linkToWallet?: boolean }) {
  const { t } = useTranslation();
  if (!licensed?.length) return null;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('wallet.usedLicense')}>
      {licensed.map((m) => (
        <li key={m.code} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ fontWeight: 500 }}>{m.name}</div>
          <Tag color="green" icon={<SafetyCertificateOutlined aria-hidden />}>
            {t('wallet.usedLicense')}
          </Tag>
          <span style={{ color: 'rgba(0,0,0,0.65)' }}>{t('wallet.usedLicenseText', { type: m.typeName, number: m.number, issuer: m.issuerName })}</span>
          {linkToWallet && (
            <div>
              <Link to={`/my/licenses/${encodeURIComponent(m.licenseRef)}`}>{t('wallet.openLicense')}</Link>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function Verdict({ l }: { l: CaseLicense }) {
  const { t } = useTranslation();
  return l.valid ? (
    <Tag color="green" icon={<CheckCircleFilled aria-hidden />} style={{ fontSize: '1em', padding: '2px 8px' }}>
      {t('wallet.verdictValid')}
    </Tag>
  ) : (
    <Tag color="red" icon={<CloseCircleFilled aria-hidden />} style={{ fontSize: '1em', padding: '2px 8px' }}>
      {t('wallet.verdictInvalid')}
    </Tag>
  );
}

/**
 * Staff's side: each license given for a material, verified by the licenses module now (the lookup is logged
 * against the case) — type, number, holder, issuer, status and a 有效 / 无效 verdict, instead of a scan.
 */
export function CaseLicensesCard({ c, h2 }: { c: CaseDetail; h2: React.CSSProperties }) {
  const { t } = useTranslation();
  const has = !!c.licensedMaterials?.length;
  const q = useCaseLicenses(c.id, has);
  if (!has) return null;
  return (
    <Card title={<h2 style={h2}>{t('wallet.caseTitle')}</h2>} style={{ marginTop: 16 }} data-testid="case-licenses">
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        q.data.licenses.map((l) => {
          const failed = l.checks ? CHECKS.filter((k) => !l.checks![k]).map((k) => t(`wallet.check_${k}`)) : [];
          return (
            <section key={l.code} aria-label={`${l.name} ${l.typeName}`} style={{ paddingBottom: 12, marginBottom: 12, borderBottom: '1px solid #f0f0f0' }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
                <strong>{l.typeName}</strong>
                <Verdict l={l} />
                <span style={{ color: 'rgba(0,0,0,0.6)' }}>
                  {t('wallet.forMaterial')}
                  {t('common.colon')}
                  {l.name}
                </span>
              </div>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'number', label: t('wallet.number'), children: l.number },
                  { key: 'holder', label: t('wallet.holder'), children: l.holderName },
                  ...(l.holderCode ? [{ key: 'code', label: l.holderCodeType === 'credit_code' ? t('wallet.creditCode') : t('wallet.holderCode'), children: l.holderCode }] : []),
                  { key: 'issuer', label: t('wallet.issuer'), children: l.issuerName },
                  { key: 'status', label: t('cases.state'), children: l.statusLabel },
                  { key: 'until', label: t('wallet.validUntil'), children: l.validUntil ? formatDate(l.validUntil) : t('wallet.longTerm') },
                ]}
              />
              {l.valid ? (
                <Alert type="success" showIcon title={t('wallet.verified')} />
              ) : (
                <Alert type="error" showIcon title={failed.length ? t('wallet.failed', { items: failed.join('、') }) : l.statusLabel} />
              )}
            </section>
          );
        })
      )}
    </Card>
  );
}
