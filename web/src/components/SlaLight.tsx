import { useTranslation } from 'react-i18next';
import type { SlaLight as Light } from '../api/types.ts';
import { slaColors } from './theme.ts';

/**
 * The deadline light: a coloured dot plus its meaning in words. With
 * `compact` the words are only for screen readers (tables); otherwise shown.
 */
export function SlaLight({ light, compact = false }: { light: Light | null | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  const key = light ?? 'none';
  const label = light ? t(`sla.${light}`) : t('sla.none');
  return (
    <span className="tb-light" title={label}>
      <span className="tb-dot" style={{ background: slaColors[key] }} aria-hidden="true" />
      {compact ? <span className="tb-sr-only">{label}</span> : <span>{label}</span>}
    </span>
  );
}
