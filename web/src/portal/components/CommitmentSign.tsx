import { Alert, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ItemDetail } from '../../api/types.ts';

export interface CommitmentValue {
  accepted: boolean;
  signedName: string;
}

/**
 * 告知承诺制: the commitment the applicant signs before submitting — the item's text, a tick and the applicant's
 * name as signature. The server refuses a submission without it.
 */
export function CommitmentSign({ item, value, onChange, showError }: { item: ItemDetail; value: CommitmentValue; onChange: (v: CommitmentValue) => void; showError: boolean }) {
  const { t } = useTranslation();
  if (!item.commitmentApproval) return null;
  const tickMissing = showError && !value.accepted;
  const nameMissing = showError && !value.signedName.trim();
  return (
    <section aria-labelledby="commitment-title" style={{ marginTop: 16 }}>
      <Typography.Title level={3} id="commitment-title" style={{ fontSize: '1em', marginBottom: 8 }}>
        {t('engine.commitmentHeading')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('engine.commitmentIntro', { days: item.verificationDays ?? 20 })} style={{ marginBottom: 8 }} />
      <blockquote className="tb-commitment-text" style={{ margin: '0 0 12px', padding: '8px 12px', background: '#fafafa', borderInlineStart: '3px solid #d9d9d9', whiteSpace: 'pre-wrap' }}>
        {item.commitmentText}
      </blockquote>
      <Form.Item validateStatus={tickMissing ? 'error' : undefined} help={tickMissing ? t('engine.commitmentAcceptRequired') : undefined} style={{ marginBottom: 8 }}>
        <Checkbox id="commitment-accept" checked={value.accepted} onChange={(e) => onChange({ ...value, accepted: e.target.checked })}>
          {t('engine.commitmentAccept')}
        </Checkbox>
      </Form.Item>
      <Form.Item
        label={t('engine.commitmentSign')}
        htmlFor="commitment-name"
        layout="vertical"
        validateStatus={nameMissing ? 'error' : undefined}
        help={nameMissing ? t('engine.commitmentSignRequired') : undefined}
        style={{ marginBottom: 0 }}
      >
        <Input id="commitment-name" value={value.signedName} maxLength={100} autoComplete="name" onChange={(e) => onChange({ ...value, signedName: e.target.value })} style={{ maxWidth: 320 }} />
      </Form.Item>
    </section>
  );
}

/** 通办: where the case is filed and accepted (the item's own region by default); the item's agency decides. */
export function AcceptRegionChoice({ item, value, onChange }: { item: ItemDetail; value: string | undefined; onChange: (code: string | undefined) => void }) {
  const { t } = useTranslation();
  const enabled = !!item.tongbanScope && item.tongbanScope !== 'none';
  const regions = useQuery({
    queryKey: ['accept-regions', item.implCode] as const,
    queryFn: ({ signal }) => api.get<{ regions: Array<{ code: string; name: string; home: boolean }> }>('/api/v1/cases/accept-regions', { implCode: item.implCode }, signal),
    enabled,
    staleTime: 10 * 60_000,
  });
  const list = regions.data?.regions ?? [];
  if (!enabled || list.length < 2) return null;
  const home = list.find((r) => r.home);
  return (
    <section aria-labelledby="accept-region-title" style={{ marginTop: 16 }}>
      <Typography.Title level={3} id="accept-region-title" style={{ fontSize: '1em', marginBottom: 8 }}>
        {t('engine.acceptRegionLabel')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('engine.acceptRegionHint', { agency: item.agency.name })}
      </Typography.Paragraph>
      <Select
        aria-labelledby="accept-region-title"
        value={value ?? home?.code}
        onChange={(code: string) => onChange(code === home?.code ? undefined : code)}
        options={list.map((r) => ({ value: r.code, label: r.home ? t('engine.acceptRegionHome', { name: r.name }) : r.name }))}
        style={{ width: '100%', maxWidth: 360 }}
      />
    </section>
  );
}
