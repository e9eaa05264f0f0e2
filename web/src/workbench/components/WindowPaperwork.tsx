import { useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { acceptanceNoticeUrl, hasAcceptanceNotice } from '../../api/cases.ts';
import type { CaseDetail } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { useSaveDelivery, useSaveSignature } from '../mutations.ts';

type Method = 'electronic' | 'pickup' | 'express';
const INTAKE_STATES = ['submitted', 'accepted'];

/**
 * 签名板: the applicant signs with a finger, pen or mouse on the clerk's screen or tablet. Pointer events cover
 * all three; the canvas keeps its own pixel size and the drawing is scaled from the displayed size.
 */
function SignaturePad({ onSave, saving }: { onSave: (png: string) => void; saving: boolean }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1f1f1f';
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = canvas.current!;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    canvas.current!.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
    setEmpty(false);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = canvas.current!.getContext('2d')!;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = () => {
    drawing.current = false;
  };
  const clear = () => {
    const c = canvas.current!;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
  };

  return (
    <div>
      <canvas
        ref={canvas}
        width={600}
        height={200}
        role="img"
        aria-label={t('paperwork.padLabel')}
        data-testid="signature-pad"
        className="tb-signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        style={{ width: '100%', maxWidth: 600, aspectRatio: '3 / 1', touchAction: 'none', border: '1px dashed #8c8c8c', borderRadius: 6, background: '#fff', cursor: 'crosshair', display: 'block' }}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={clear} disabled={empty}>
          {t('paperwork.clear')}
        </Button>
        <Button type="primary" disabled={empty} loading={saving} onClick={() => onSave(canvas.current!.toDataURL('image/png'))}>
          {t('paperwork.saveSignature')}
        </Button>
      </Space>
    </div>
  );
}

/**
 * 窗口收件的手续, for the window clerk after filing for an applicant who came in person: their signature on the pad,
 * how they want the result (express feeds the courier booking at delivery), and the 受理通知书 to print once accepted.
 * Others see the signature in the record.
 */
export function WindowPaperwork({ c, canFile, heading }: { c: CaseDetail; canFile: boolean; heading: ReactNode }) {
  const { t } = useTranslation();
  const atIntake = canFile && INTAKE_STATES.includes(c.state);
  const [resign, setResign] = useState(false);
  const [method, setMethod] = useState<Method>(c.delivery?.method ?? 'electronic');
  const [address, setAddress] = useState(c.delivery?.address ?? '');
  const signature = useSaveSignature(c.id);
  const delivery = useSaveDelivery(c.id);
  useEffect(() => {
    setMethod(c.delivery?.method ?? 'electronic');
    setAddress(c.delivery?.address ?? '');
  }, [c.delivery?.method, c.delivery?.address]);
  const accepted = hasAcceptanceNotice(c);
  if (!atIntake && !c.signature && !(canFile && accepted)) return null;

  return (
    <Card title={heading} style={{ marginTop: 16 }} className="tb-paperwork">
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('paperwork.signatureTitle')}
      </Typography.Paragraph>
      {c.signature && !resign ? (
        <div>
          <img src={`${c.signature.url}?at=${encodeURIComponent(c.signature.signedAt)}`} alt={t('paperwork.signatureAlt', { name: c.applicantName })} style={{ maxWidth: 300, maxHeight: 100, border: '1px solid #f0f0f0', borderRadius: 4, background: '#fff' }} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
            {t('paperwork.signedBy', { clerk: c.signature.clerkName, at: formatDateTime(c.signature.signedAt) })}
            {atIntake && (
              <Button type="link" size="small" onClick={() => setResign(true)}>
                {t('paperwork.resign')}
              </Button>
            )}
          </Typography.Paragraph>
        </div>
      ) : atIntake ? (
        <>
          <Typography.Paragraph type="secondary">{t('paperwork.signatureHint')}</Typography.Paragraph>
          <SignaturePad saving={signature.isPending} onSave={(png) => signature.mutate(png, { onSuccess: () => setResign(false) })} />
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('paperwork.notSigned')}</Typography.Paragraph>
      )}
      {signature.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={errorMessage(signature.error)} />}

      {atIntake && (
        <>
          <Typography.Paragraph strong id="paperwork-delivery" style={{ marginTop: 16, marginBottom: 8 }}>
            {t('paperwork.deliveryTitle')}
          </Typography.Paragraph>
          <Radio.Group aria-labelledby="paperwork-delivery" value={method} onChange={(e) => setMethod(e.target.value as Method)} style={{ display: 'grid', gap: 6 }}>
            <Radio value="pickup">{t('paperwork.pickup')}</Radio>
            <Radio value="express">{t('paperwork.express')}</Radio>
            <Radio value="electronic">{t('paperwork.electronic')}</Radio>
          </Radio.Group>
          {method === 'express' && (
            <Input.TextArea
              aria-label={t('paperwork.address')}
              placeholder={t('paperwork.addressPlaceholder')}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              maxLength={200}
              autoSize={{ minRows: 2, maxRows: 3 }}
              style={{ marginTop: 8 }}
            />
          )}
          <Button style={{ marginTop: 8 }} loading={delivery.isPending} onClick={() => delivery.mutate({ method, ...(method === 'express' ? { address: address.trim() } : {}) })}>
            {t('paperwork.saveDelivery')}
          </Button>
          {delivery.isSuccess && !delivery.isPending && <Typography.Text type="success" style={{ marginInlineStart: 8 }}>{t('paperwork.deliverySaved')}</Typography.Text>}
          {delivery.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={errorMessage(delivery.error)} />}
        </>
      )}

      {canFile && (
        <div style={{ marginTop: 16 }}>
          <Button icon={<FilePdfOutlined aria-hidden />} href={accepted ? acceptanceNoticeUrl(c.id) : undefined} target="_blank" rel="noopener" disabled={!accepted}>
            {t('paperwork.printNotice')}
          </Button>
          {!accepted && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
              {t('paperwork.noticeAfterAccept')}
            </Typography.Paragraph>
          )}
        </div>
      )}
    </Card>
  );
}
