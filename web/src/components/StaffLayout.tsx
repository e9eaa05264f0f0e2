import type { ReactNode } from 'react';
import { Layout } from 'antd';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canEnter, useMe, type Area } from '../api/auth.ts';
import { Brand, SkipLink } from './Brand.tsx';
import { LanguageSwitch, LogoutButton, UserName } from './HeaderControls.tsx';
import { PostSwitch } from './PostSwitch.tsx';

const areas: Area[] = ['workbench', 'admin', 'dashboard'];

/** The frame of the staff areas (desktop first): brand, the areas this user may enter, user and sign-out. */
export function StaffLayout({ area, children }: { area: Area; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const visible = areas.filter((a) => canEnter(me, a));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="tb-header">
        <div className="tb-container-wide tb-header-inner">
          <Brand to={`/${area}`} sub={t(`nav.${area}`)} />
          {visible.length > 1 && (
            <nav className="tb-header-nav tb-hide-xs" aria-label={t('app.mainNav')}>
              {visible.map((a) => (
                <NavLink
                  key={a}
                  to={`/${a}`}
                  style={({ isActive }) => ({
                    padding: '4px 10px',
                    borderRadius: 6,
                    fontWeight: isActive ? 600 : 400,
                    background: isActive ? '#eaf1fb' : undefined,
                  })}
                >
                  {t(`nav.${a}`)}
                </NavLink>
              ))}
            </nav>
          )}
          <div className="tb-header-actions">
            {me && <PostSwitch me={me} />}
            {me && <UserName me={me} />}
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <div className="tb-container-wide tb-page">{children}</div>
      </Layout.Content>
    </Layout>
  );
}
