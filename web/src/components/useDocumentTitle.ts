import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title ("事项名 - 通办") so screen-reader users hear where they are. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} - ${app}` : `${app} · ${t('app.tagline')}`;
  }, [title, app, t]);
}
