import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialRequirement } from '../../api/types.ts';

export const necessityColor: Record<string, string | undefined> = {
  required: 'red',
  optional: undefined,
  deferrable: 'orange',
};

/** What to bring: each material with whether it is needed, who issues it and how many paper copies. */
export function MaterialList({ materials }: { materials: MaterialRequirement[] }) {
  const { t } = useTranslation();
  if (materials.length === 0) return <Typography.Text type="secondary">{t('item.noMaterials')}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {materials.map((m) => (
        <li key={m.code} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ fontWeight: 600, marginBottom: 4 }}>{m.name}</div>
          <Space size={[6, 6]} wrap>
            <Tag color={necessityColor[m.necessity]}>{t(`item.necessity.${m.necessity}`)}</Tag>
            {m.source === 'government' && <Tag color="green">{t('item.sourceGovernment')}</Tag>}
          </Space>
          <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 4, fontSize: '0.92em' }}>
            {m.issuingDept && <div>{t('item.issuedBy', { dept: m.issuingDept })}</div>}
            {m.source !== 'government' && (
              <div>
                {m.paper.original + m.paper.copy > 0 ? t('item.paper', { original: m.paper.original, copy: m.paper.copy }) : t('item.noPaper')}
              </div>
            )}
            {m.notes && <div>{m.notes}</div>}
          </div>
        </li>
      ))}
    </ol>
  );
}
