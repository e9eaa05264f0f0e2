/**
 * Public verification of an electronic license (/licenses/verify/:ref, no login), phone first: what a QR code
 * scan opens. One big 有效 / 无效 with the reason, the license's public facts (holder masked) and the four checks.
 * The QR code's fragment carries a signed offline payload; this page asks the register, which is the truth now.
 */
import { Button, Descriptions, Skeleton, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

type Status = 'valid' | 'suspended' | 'revoked' | 'superseded';
interface Verification {
  valid: boolean;
  status: Status;
  type: { code: string; name: string };
  number: string;
  identifier: string;
  issuer: string;
  holder: string;
  holderCode: string;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  annotations: Array<{ text: string; at: string }>;
  checks: { signature: boolean; identifier: boolean; status: boolean; validity: boolean };
}

const GREEN = '#1a7f37';
const RED = '#c62828';

/** Why it is not valid, the most serious reason first (a changed content outweighs a status). */
function reasonOf(v: Verification): 'tampered' | 'identifier' | Exclude<Status, 'valid'> | 'expired' | undefined {
  if (v.valid) return undefined;
  if (!v.checks.signature) return 'tampered';
  if (!v.checks.identifier) return 'identifier';
  if (v.status !== 'valid') return v.status;
  if (!v.checks.validity) return 'expired';
  return undefined;
}

const CHECKS = ['signature', 'identifier', 'status', 'validity'] as const;

function Verdict({ valid, title, reason }: { valid: boolean; title: string; reason?: string }) {
  const color = valid ? GREEN : RED;
  const Icon = valid ? CheckCircleFilled : CloseCircleFilled;
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="license-verdict"
      style={{ border: `2px solid ${color}`, background: valid ? '#eef8f0' : '#fdeeee', borderRadius: 12, padding: '20px 16px', textAlign: 'center', margin: '8px 0 20px' }}
    >
      <Icon style={{ fontSize: 56, color }} aria-hidden />
      <div style={{ fontSize: 40, fontWeight: 700, color, lineHeight: 1.3, marginTop: 8 }}>{title}</div>
      {reason && <div style={{ fontSize: 20, fontWeight: 600, color, marginTop: 4 }}>{reason}</div>}
    </div>
  );
}

export function LicenseVerifyPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  useDocumentTitle(t('licenseVerify.title'));
  const q = useQuery({
    queryKey: ['license-verification', ref],
    queryFn: ({ signal }) => api.get<Verification>(`/api/v1/public/licenses/${encodeURIComponent(ref)}/verification`, undefined, signal),
    retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2,
    staleTime: 0,
  });

  let body;
  if (q.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (q.isError && isApiError(q.error) && q.error.status === 404) {
    body = (
      <>
        <Verdict valid={false} title={t('licenseVerify.invalid')} reason={t('licenseVerify.reason.notFound')} />
        <Typography.Paragraph>{q.error.message}</Typography.Paragraph>
      </>
    );
  } else if (q.isError) body = <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  else {
    const v = q.data;
    const reason = reasonOf(v);
    body = (
      <>
        <Verdict valid={v.valid} title={v.valid ? t('licenseVerify.valid') : t('licenseVerify.invalid')} reason={reason ? t(`licenseVerify.reason.${reason}`) : undefined} />
        <Typography.Title level={2} style={{ fontSize: 22, marginBottom: 12 }}>
          {v.type.name}
        </Typography.Title>
        <Descriptions column={1} size="small" bordered styles={{ label: { width: '34%' } }}>
          <Descriptions.Item label={t('licenseVerify.number')}>{v.number}</Descriptions.Item>
          <Descriptions.Item label={t('licenseVerify.holder')}>{v.holder}</Descriptions.Item>
          <Descriptions.Item label={t('licenseVerify.holderCode')}>{v.holderCode}</Descriptions.Item>
          <Descriptions.Item label={t('licenseVerify.issuer')}>{v.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('licenseVerify.issuedAt')}>{formatDate(v.issuedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('licenseVerify.validity')}>
            {formatDate(v.validFrom)} {t('licenseVerify.to')} {v.validUntil ? formatDate(v.validUntil) : t('licenseVerify.noLimit')}
          </Descriptions.Item>
          <Descriptions.Item label={t('licenseVerify.identifier')}>
            <span style={{ wordBreak: 'break-all' }}>{v.identifier}</span>
          </Descriptions.Item>
        </Descriptions>
        {v.annotations.length > 0 && (
          <>
            <Typography.Title level={3} style={{ fontSize: 18, marginTop: 20 }}>
              {t('licenseVerify.annotations')}
            </Typography.Title>
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {v.annotations.map((a) => (
                <li key={a.at + a.text} style={{ marginBottom: 6 }}>
                  {a.text} <Typography.Text type="secondary">（{formatDate(a.at)}）</Typography.Text>
                </li>
              ))}
            </ul>
          </>
        )}
        <Typography.Title level={3} style={{ fontSize: 18, marginTop: 20 }}>
          {t('licenseVerify.checks')}
        </Typography.Title>
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('licenseVerify.checks')}>
          {CHECKS.map((k) => (
            <li key={k} style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '8px 0', fontSize: 16, borderBottom: '1px solid #f0f0f0' }}>
              {v.checks[k] ? <CheckCircleFilled style={{ color: GREEN, fontSize: 20 }} aria-hidden /> : <CloseCircleFilled style={{ color: RED, fontSize: 20 }} aria-hidden />}
              <span style={{ flex: 1 }}>{t(`licenseVerify.check.${k}`)}</span>
              <span style={{ color: v.checks[k] ? GREEN : RED, fontWeight: 600 }}>{v.checks[k] ? t('licenseVerify.pass') : t('licenseVerify.fail')}</span>
            </li>
          ))}
        </ul>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 13 }}>
          {t('licenseVerify.checkedAt', { at: formatDateTime(new Date(q.dataUpdatedAt).toISOString()) })}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <div className="tb-container tb-page" style={{ maxWidth: 640 }}>
      <Typography.Title level={1} className="tb-page-title">
        {t('licenseVerify.title')}
      </Typography.Title>
      {body}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('licenseVerify.explain')}
        {q.isSuccess && (
          <>
            {' '}
            <a href={`/api/v1/public/licenses/${encodeURIComponent(ref)}/signature`} target="_blank" rel="noreferrer">
              {t('licenseVerify.signatureData')}
            </a>
          </>
        )}
      </Typography.Paragraph>
      <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} disabled={q.isFetching}>
        {t('licenseVerify.again')}
      </Button>
    </div>
  );
}
