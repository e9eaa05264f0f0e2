import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Space, Timeline, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { licensePdfUrl, licenseQrUrl, publicVerifyPath, useMyLicense } from '../api/licenses.ts';
import type { LicenseDetail } from '../api/types.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { LicenseStatusTag, licenseStanding } from './WalletPage.tsx';

const h2 = { fontSize: '1em', margin: 0 } as const;

/** The face of the license, laid out like the paper certificate: title, number, fields, issuer and seal. */
function LicenseFace({ l }: { l: LicenseDetail }) {
  const { t } = useTranslation();
  const usable = licenseStanding(l).key === 'valid';
  const accent = l.template.accent ?? '#a61d24';
  return (
    <section
      aria-label={l.typeName}
      style={{ border: `3px double ${accent}`, borderRadius: 8, padding: '18px 16px 14px', background: usable ? '#fffdf8' : '#f7f7f7', position: 'relative' }}
    >
      <div style={{ textAlign: 'center', letterSpacing: '0.3em', fontSize: '1.6em', fontWeight: 700, color: accent }}>{l.template.title ?? l.typeName}</div>
      <div style={{ textAlign: 'center', color: 'rgba(0,0,0,0.6)', marginTop: 4, wordBreak: 'break-all' }}>
        {t('wallet.number')}
        {t('common.colon')}
        {l.number}
      </div>
      <dl className="tb-license-face" style={{ margin: '14px 0 0', display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)', columnGap: 12, rowGap: 8 }}>
        {l.face.map((f) => (
          <div key={f.key} style={{ display: 'contents' }}>
            <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{f.label}</dt>
            <dd style={{ margin: 0, wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>{f.value}</dd>
          </div>
        ))}
        <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t('wallet.validUntil')}</dt>
        <dd style={{ margin: 0 }}>{l.validUntil ? formatDate(l.validUntil) : t('wallet.longTerm')}</dd>
      </dl>
      <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, marginTop: 16 }}>
        <div style={{ textAlign: 'right' }}>
          <div>{l.issuerName}</div>
          <div style={{ color: 'rgba(0,0,0,0.6)' }}>{formatDate(l.validFrom)}</div>
        </div>
        {/* The electronic seal's mark: the signature itself is checked by the verification, not by this picture. */}
        <div
          aria-hidden
          style={{ width: 64, height: 64, borderRadius: '50%', border: '2px solid #d4380d', color: '#d4380d', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 10, lineHeight: 1.2, textAlign: 'center', padding: 6, opacity: usable ? 0.85 : 0.4, flex: 'none' }}
        >
          {l.issuerName.slice(0, 12)}
        </div>
      </div>
      {l.template.footer && <div style={{ marginTop: 10, textAlign: 'center', color: 'rgba(0,0,0,0.55)', fontSize: '0.85em' }}>{l.template.footer}</div>}
      <div style={{ marginTop: 10, color: 'rgba(0,0,0,0.45)', fontSize: '0.8em', wordBreak: 'break-all' }}>
        {t('wallet.identifier')}
        {t('common.colon')}
        {l.identifier}
      </div>
    </section>
  );
}

/** 出示 and 分享: the QR code (from the verification service) and the public verification link, masked for others. */
function ShowAndShare({ l }: { l: LicenseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [qrFailed, setQrFailed] = useState(false);
  const link = `${window.location.origin}${publicVerifyPath(l.ref)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      void message.success(t('wallet.copied'));
    } catch {
      void message.warning(t('wallet.copyFailed'));
    }
  };
  return (
    <>
      <Card title={<h2 style={h2}>{t('wallet.qrTitle')}</h2>} style={{ marginTop: 16 }}>
        <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}>
          {!qrFailed && (
            <img src={licenseQrUrl(l.ref)} alt={t('wallet.qrAlt', { type: l.typeName })} width={200} height={200} style={{ maxWidth: '70vw', height: 'auto', background: '#fff' }} onError={() => setQrFailed(true)} />
          )}
          <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center' }}>
            {qrFailed ? t('wallet.qrMissing') : t('wallet.qrHint')}
          </Typography.Paragraph>
        </div>
      </Card>
      <Card title={<h2 style={h2}>{t('wallet.share')}</h2>} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('wallet.shareHint')}</Typography.Paragraph>
        <Typography.Paragraph style={{ wordBreak: 'break-all' }} data-testid="verify-link">
          {link}
        </Typography.Paragraph>
        <Space wrap>
          <Button type="primary" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
            {t('wallet.copyLink')}
          </Button>
          <Button icon={<ExportOutlined aria-hidden />} href={publicVerifyPath(l.ref)} target="_blank" rel="noopener">
            {t('wallet.openVerify')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} href={licensePdfUrl(l.ref)} download>
            {t('wallet.downloadPdf')}
          </Button>
        </Space>
      </Card>
    </>
  );
}

/** One of my licenses: its face like the certificate, the QR code to show, sharing the verification link, history. */
export function WalletDetailPage() {
  const { ref } = useParams();
  const { t, i18n } = useTranslation();
  const q = useMyLicense(ref);
  useDocumentTitle(q.data ? q.data.typeName : t('wallet.title'));
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <div className="tb-container tb-page"><LoadError error={q.error} onRetry={() => void q.refetch()} /></div>;
  const l = q.data;
  const s = licenseStanding(l);
  const actionLabel = (a: string) => (i18n.exists(`wallet.action_${a}`) ? t(`wallet.action_${a}` as 'wallet.action_issued') : a);
  return (
    <div className="tb-container tb-page" style={{ maxWidth: 760 }}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/my/licenses">{t('wallet.title')}</Link> }, { title: l.typeName }]} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 10, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: '1.4em', margin: 0 }}>
          {l.typeName}
        </Typography.Title>
        <LicenseStatusTag l={l} />
      </div>
      {s.key !== 'valid' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t(`wallet.hint_${s.key}`)} />}
      <LicenseFace l={l} />
      {s.key === 'valid' && <ShowAndShare l={l} />}
      {l.annotations.length > 0 && (
        <Card title={<h2 style={h2}>{t('wallet.annotations')}</h2>} style={{ marginTop: 16 }}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {l.annotations.map((a, i) => (
              <li key={i}>
                {a.text}
                <Typography.Text type="secondary">（{formatDate(a.at)}，{a.by}）</Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={<h2 style={h2}>{t('wallet.history')}</h2>} style={{ marginTop: 16 }}>
        <Timeline
          items={l.history.map((h, i) => ({
            key: i,
            content: (
              <div>
                <strong>{actionLabel(h.action)}</strong>
                <span style={{ color: 'rgba(0,0,0,0.55)', marginInlineStart: 8 }}>{formatDateTime(h.at)}</span>
                <div style={{ color: 'rgba(0,0,0,0.65)' }}>
                  {h.actorName}
                  {h.reason ? `${t('common.colon')}${h.reason}` : ''}
                </div>
              </div>
            ),
          }))}
        />
        {l.caseId && <Link to={`/my/cases/${encodeURIComponent(l.caseId)}`}>{t('wallet.fromCase')}</Link>}
      </Card>
    </div>
  );
}
