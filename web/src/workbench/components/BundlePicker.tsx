import { Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBundles } from '../../api/bundles.ts';
import { LoadError } from '../../components/status.tsx';

/** The published 一件事 to choose from (window intake, hotline). */
export function BundlePicker({ value, onChange }: { value: string | undefined; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const bundles = useBundles();
  if (bundles.isError) return <LoadError error={bundles.error} onRetry={() => void bundles.refetch()} />;
  return (
    <Radio.Group aria-label={t('intake.chooseBundle')} value={value} onChange={(e) => onChange(e.target.value as string)} style={{ display: 'grid', gap: 8 }}>
      {(bundles.data?.bundles ?? []).map((b) => (
        <Radio key={b.code} value={b.code}>
          {b.name}
          <Typography.Text type="secondary"> · {b.leadAgency.name}</Typography.Text>
        </Radio>
      ))}
    </Radio.Group>
  );
}
