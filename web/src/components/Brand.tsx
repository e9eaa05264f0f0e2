import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Brand({ to = '/', sub }: { to?: string; sub?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="tb-brand">
      <span className="tb-brand-mark" aria-hidden="true">
        通
      </span>
      <span className="tb-brand-name">{t('app.name')}</span>
      <span className="tb-brand-sub tb-hide-xs">{sub ?? t('app.tagline')}</span>
    </Link>
  );
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="tb-skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}
