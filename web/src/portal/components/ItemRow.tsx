import { Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ItemSummary } from '../../api/types.ts';
import { loose } from '../../i18n/loose.ts';

export function visitsText(t: TFunction, n: number): string {
  const lt = loose(t);
  if (n <= 0) return lt('item.visits0');
  if (n === 1) return lt('item.visits1');
  // The catalog stores 2 for "more than once".
  return lt('item.visitsN');
}

/** One item in a search result: what it is, who handles it, and the three facts people care about. */
export function ItemRow({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  return (
    <Link to={`/items/${encodeURIComponent(item.implCode)}`} className="tb-item-row">
      <div className="tb-item-name">{item.name}</div>
      <div className="tb-item-meta">
        {item.agency.name}
        {item.kindLabel ? ` · ${item.kindLabel}` : ''}
      </div>
      <Space size={[6, 6]} wrap>
        {item.online ? <Tag color="green">{t('item.online')}</Tag> : <Tag>{t('item.offline')}</Tag>}
        <Tag color={item.visitsRequired === 0 ? 'blue' : undefined}>{visitsText(t, item.visitsRequired)}</Tag>
        <Tag>
          {item.committedDays === 0 ? t('item.onTheSpot') : `${t('item.committed')} ${t('common.workingDays', { count: item.committedDays })}`}
        </Tag>
      </Space>
    </Link>
  );
}
