import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../api/types.ts';
import { formatFen } from '../../components/format.ts';
import { visitsText } from './ItemRow.tsx';

/** The five-second card: time limit against the legal one, trips, fee, online or not. */
export function ItemFacts({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const feeTotal = item.fees.reduce((sum, f) => sum + f.amountFen, 0);
  return (
    <dl className="tb-facts">
      <div className="tb-fact">
        <dt>{t('item.committed')}</dt>
        <dd>
          {item.committedDays === 0 ? t('item.onTheSpot') : t('common.workingDays', { count: item.committedDays })}
          <span className="tb-fact-sub">{t('item.statutory', { count: item.statutoryDays })}</span>
        </dd>
      </div>
      <div className="tb-fact">
        <dt>{t('item.visits')}</dt>
        <dd>
          {visitsText(t, item.visitsRequired)}
          {item.visitsRequired > 0 && item.visitReason && <span className="tb-fact-sub">{item.visitReason}</span>}
        </dd>
      </div>
      <div className="tb-fact">
        <dt>{t('item.fee')}</dt>
        <dd>
          {item.fees.length === 0 || feeTotal === 0 ? t('item.free') : formatFen(feeTotal)}
          {item.fees.length > 1 && <span className="tb-fact-sub">{item.fees.map((f) => f.name).join('、')}</span>}
        </dd>
      </div>
      <div className="tb-fact">
        <dt>{t('item.onlineLabel')}</dt>
        <dd style={{ color: item.online ? '#2e7d32' : undefined }}>{item.online ? t('item.onlineYes') : t('item.onlineNo')}</dd>
      </div>
    </dl>
  );
}
