import { Alert, Card, Steps, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../api/types.ts';
import { formatDate, formatDateTime } from './format.ts';
import { loose } from '../i18n/loose.ts';

const h2 = { fontSize: '1em', margin: 0 } as const;

/**
 * The review steps of a case (受理 → the item's steps → the decision), each with its role, due date, who finished
 * it and when, and the opinion. Nothing for cases without steps (approval on commitment, older cases).
 */
export function ReviewStepsCard({ c, style }: { c: CaseDetail; style?: CSSProperties }) {
  const { t } = useTranslation();
  const steps = c.reviewSteps ?? [];
  if (steps.length === 0) return null;
  const current = c.currentStep ?? -1;
  const decided = !!c.decision;
  const accepted = current >= 0 || decided;
  return (
    <Card title={<h2 style={h2}>{t('engine.stepsTitle')}</h2>} style={style}>
      <Steps
        orientation="vertical"
        size="small"
        current={decided ? steps.length + 1 : current + 1}
        items={[
          { title: t('engine.stepAccept'), status: accepted ? 'finish' : 'process' },
          ...steps.map((s, i) => {
            const done = !!s.doneAt;
            const status: 'finish' | 'process' | 'wait' = done ? 'finish' : i === current && !decided ? 'process' : 'wait';
            return {
              title: s.name,
              status,
              content: (
                <div>
                  <div>{done ? t('engine.stepDone', { by: s.byName ?? '', at: formatDateTime(s.doneAt!) }) : t('engine.stepRole', { role: s.roleLabel })}</div>
                  {!done && s.dueDate && <div>{t('engine.stepDue', { date: formatDate(s.dueDate) })}</div>}
                  {!done && !s.dueDate && <div>{s.days ? t('engine.stepDays', { days: s.days }) : t('engine.stepSameDay')}</div>}
                  {s.opinion && <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.75)' }}>{s.opinion}</div>}
                </div>
              ),
            };
          }),
        ]}
      />
    </Card>
  );
}

/** 通办 (where accepted, who decides) and 告知承诺 (who signed, the verification) as lines of the case header. */
export function useCaseEngineFacts(c: CaseDetail | undefined): Array<{ key: string; label: string; children: string }> {
  const { t: tf } = useTranslation();
  const t = loose(tf);
  if (!c) return [];
  const out: Array<{ key: string; label: string; children: string }> = [];
  if (c.acceptRegionCode) {
    out.push({
      key: 'tongban',
      label: t('engine.tongbanLabel'),
      // Who accepted it when known (routed at acceptance): 海陵区政务服务中心受理，高港区市场监督管理局办理.
      children: c.acceptAgencyName
        ? t('engine.tongbanOrgs', { acceptAgency: c.acceptAgencyName, agency: c.agencyName ?? '' })
        : t('engine.tongban', { accept: c.acceptRegionName ?? c.acceptRegionCode, home: c.regionName ?? c.regionCode ?? '', agency: c.agencyName ?? '' }),
    });
  }
  if (c.commitment) {
    const v = c.verification;
    const verification = !v
      ? ''
      : v.state === 'open'
        ? t('engine.verificationOpen', { date: formatDate(v.dueDate) })
        : v.state === 'confirmed'
          ? t('engine.verificationConfirmed', { by: v.verifierName ?? '', at: formatDateTime(v.verifiedAt ?? '') })
          : t('engine.verificationFalse', { by: v.verifierName ?? '', at: formatDateTime(v.verifiedAt ?? '') });
    out.push({
      key: 'commitment',
      label: t('engine.commitmentLabel'),
      children: [t('engine.commitmentSigned', { name: c.commitment.signedName, at: formatDateTime(c.commitment.signedAt) }), verification].filter(Boolean).join('；'),
    });
  }
  return out;
}

/** A revoked grant, said plainly. */
export function RevokedAlert({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (!c.decision?.revokedAt) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12 }}
      title={t('engine.revokedTitle')}
      description={
        <>
          {c.decision.revokeReason && <Typography.Paragraph style={{ margin: 0 }}>{t('engine.revokedReason', { reason: c.decision.revokeReason })}</Typography.Paragraph>}
          <Typography.Text type="secondary">{formatDateTime(c.decision.revokedAt)}</Typography.Text>
        </>
      }
    />
  );
}
