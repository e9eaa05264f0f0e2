import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ImportTab } from './ImportTab.tsx';
import { SealsTab } from './SealsTab.tsx';
import { TypesTab } from './TypesTab.tsx';

const TABS = ['types', 'seals', 'import'] as const;
type Tab = (typeof TABS)[number];

/** /admin/licenses: 电子证照 administration — 证照类型, 电子印章, 存量导入 (the tab is kept in the address). */
export function LicensesPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('licensesAdmin.tab'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'types';
  return (
    <Tabs
      type="card"
      activeKey={tab}
      onChange={(k) => setParams({ tab: k }, { replace: true })}
      items={[
        { key: 'types', label: t('licensesAdmin.typesTab'), children: <TypesTab /> },
        { key: 'seals', label: t('licensesAdmin.sealsTab'), children: <SealsTab /> },
        { key: 'import', label: t('licensesAdmin.importTab'), children: <ImportTab /> },
      ]}
    />
  );
}
