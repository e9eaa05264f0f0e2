import { Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BundleCase } from '../api/bundleCases.ts';
import { CaseStateTag } from './CaseStateTag.tsx';
import { formatDate, formatDateTime } from './format.ts';
import { SlaLight } from './SlaLight.tsx';

/** The member cases of a bundle case, one line each: item, department, state, light, result (portal and workbench). */
export function BundleMembers({ b, caseLink }: { b: BundleCase; caseLink: (caseId: string) => string }) {
  const { t } = useTranslation();
  return (
    <ul className="tb-bundle-items" data-testid="bundle-members">
      {b.members.map((m) => (
        <li key={m.caseId} className="tb-bundle-item" data-testid="bundle-member">
          <div className="tb-bundle-item-head">
            <Link to={caseLink(m.caseId)}>{m.itemName}</Link>
            <CaseStateTag state={m.state} label={m.stateLabel} />
          </div>
          <div className="tb-bundle-item-meta">
            {m.agency} · {m.number}
            {m.dueDate && m.slaLight !== null && ` · ${t('bundleCases.dueDate')} ${formatDate(m.dueDate)}`}
          </div>
          <div className="tb-bundle-item-meta">
            <SlaLight light={m.slaLight} compact />
            {m.result && <Tag color={m.result === 'grant' ? 'green' : 'red'}>{t(m.result === 'grant' ? 'bundleCases.grant' : 'bundleCases.refuse')}</Tag>}
            {m.held && <Tag color="gold">{t('bundleCases.held')}</Tag>}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** How the bundle's results reach the applicant: together or each, and once sent together, the one waybill or pickup. */
export function BundleDeliveryText({ b }: { b: BundleCase }) {
  const { t } = useTranslation();
  if (b.deliverResults === 'each') return <>{t('bundleCases.deliveryEach')}</>;
  const d = b.delivery;
  if (d.deliveredAt && d.method === 'express') return <span data-testid="bundle-delivery">{t('bundleCases.sentExpress', { trackingNo: d.trackingNo ?? '' })}</span>;
  if (d.deliveredAt && d.method === 'pickup') return <span data-testid="bundle-delivery">{t('bundleCases.pickedUp', { at: formatDateTime(d.deliveredAt) })}</span>;
  const how = d.method === 'pickup' ? t('bundleCases.howPickup', { agency: b.bundle.leadAgency }) : d.method === 'express' ? t('bundleCases.howExpress') : t('bundleCases.howElectronic');
  return <span data-testid="bundle-delivery">{how}</span>;
}
