import { Button, Descriptions, Timeline, Typography, type ButtonProps } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { decisionPdfUrl, revocationPdfUrl, useCaseTracking, useDecisionPdfAvailable } from '../api/cases.ts';
import type { CaseDetail } from '../api/types.ts';
import { formatDateTime } from './format.ts';

/**
 * 下载决定书: shown once a decision exists and the server has the document (a server without it answers 404 and
 * the button simply does not appear).
 */
export function DecisionPdfButton({ c, label, ...props }: { c: CaseDetail; label: string } & Omit<ButtonProps, 'href' | 'children'>) {
  const available = useDecisionPdfAvailable(c);
  if (!c.decision || !available.data) return null;
  return (
    <Button icon={<FilePdfOutlined aria-hidden />} href={decisionPdfUrl(c.id)} target="_blank" rel="noopener" {...props}>
      {label}
    </Button>
  );
}

/** 下载撤销决定书: once a grant on commitment was revoked at verification (it names what was found false). */
export function RevocationPdfButton({ c, ...props }: { c: CaseDetail } & Omit<ButtonProps, 'href' | 'children'>) {
  const { t } = useTranslation();
  if (!c.decision?.revokedAt) return null;
  return (
    <Button icon={<FilePdfOutlined aria-hidden />} href={revocationPdfUrl(c.id)} target="_blank" rel="noopener" {...props}>
      {t('engine.downloadRevocation')}
    </Button>
  );
}

/** How the result reaches the applicant: method, address, waybill, when it was delivered, and the courier's track. */
export function DeliveryInfo({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const tracking = useCaseTracking(c);
  const d = c.delivery;
  if (!d) return null;
  const events = tracking.data?.events ?? [];
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'method', label: t('cases.deliveryMethod'), children: t(`cases.method_${d.method}`) },
          ...(d.address ? [{ key: 'address', label: t('cases.deliveryAddress'), children: <span style={{ wordBreak: 'break-word' }}>{d.address}</span> }] : []),
          ...(d.trackingNo
            ? [{ key: 'tracking', label: t('cases.trackingNo'), children: <Typography.Text copyable={{ text: d.trackingNo }}>{d.trackingNo}</Typography.Text> }]
            : []),
          ...(c.decision || d.deliveredAt
            ? [{ key: 'at', label: t(d.method === 'express' ? 'cases.shippedAt' : 'cases.deliveredAt'), children: d.deliveredAt ? formatDateTime(d.deliveredAt) : t('cases.notDelivered') }]
            : []),
        ]}
      />
      {events.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('cases.trackingTitle')}</Typography.Text>
          {/* Newest first, as couriers show it. */}
          <Timeline
            style={{ marginTop: 12 }}
            items={[...events].reverse().map((e, i) => ({
              key: `${e.at}-${i}`,
              color: i === 0 ? 'green' : 'gray',
              content: (
                <div>
                  <div style={{ fontWeight: i === 0 ? 600 : 400 }}>
                    {e.label}
                    {e.location ? ` · ${e.location}` : ''}
                  </div>
                  <div>{e.description}</div>
                  <div style={{ color: 'rgba(0,0,0,0.6)' }}>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </div>
                </div>
              ),
            }))}
          />
        </div>
      )}
    </>
  );
}
