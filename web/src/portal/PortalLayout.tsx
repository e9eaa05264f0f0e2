import { Layout } from 'antd';
import { FileTextOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canEnter, useMe } from '../api/auth.ts';
import { Brand, SkipLink } from '../components/Brand.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { LanguageSwitch, LargeTextToggle, LogoutButton, UserName } from '../components/HeaderControls.tsx';
import { NotificationsBell } from './NotificationsPage.tsx';

/** The applicants' frame: phone first, one row of header controls, the page, a quiet footer. */
export function PortalLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const staffArea = (['workbench', 'admin', 'dashboard'] as const).find((a) => canEnter(me, a));
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="tb-header">
        <div className="tb-container tb-header-inner">
          <Brand />
          <nav className="tb-header-nav tb-hide-xs" aria-label={t('app.mainNav')}>
            <NavLink to="/" end style={navStyle}>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/my/cases" style={navStyle}>
              {t('nav.myCases')}
            </NavLink>
            {me && (
              <NavLink to="/my/licenses" style={navStyle}>
                {t('wallet.nav')}
              </NavLink>
            )}
            {staffArea && (
              <NavLink to={`/${staffArea}`} style={navStyle}>
                {t(`nav.${staffArea}`)}
              </NavLink>
            )}
          </nav>
          <div className="tb-header-actions">
            {/* On a phone the nav is hidden: 我的办件 stays reachable as an icon button. */}
            <ButtonLink
              type="text"
              className="tb-show-xs"
              icon={<FileTextOutlined aria-hidden />}
              to="/my/cases"
              aria-label={t('nav.myCases')}
              title={t('nav.myCases')}
              aria-current={location.pathname.startsWith('/my/cases') ? 'page' : undefined}
            />
            {me && (
              <ButtonLink
                type="text"
                className="tb-show-xs"
                icon={<SafetyCertificateOutlined aria-hidden />}
                to="/my/licenses"
                aria-label={t('wallet.nav')}
                title={t('wallet.nav')}
                aria-current={location.pathname.startsWith('/my/licenses') ? 'page' : undefined}
              />
            )}
            {me && me.subjectType !== 'staff' && (
              <ButtonLink
                type="text"
                className="tb-show-xs"
                icon={<UserOutlined aria-hidden />}
                to="/my/account"
                aria-label={t('account.nav')}
                title={t('account.nav')}
                aria-current={location.pathname.startsWith('/my/account') ? 'page' : undefined}
              />
            )}
            <LargeTextToggle />
            {/* On a phone the language switch moves to the footer to leave room for 大字版 and 登录. */}
            <LanguageSwitch className="tb-hide-xs" />
            {me ? (
              <>
                <NotificationsBell />
                <UserName me={me} />
                <LogoutButton />
              </>
            ) : (
              location.pathname !== '/login' && (
                <ButtonLink type="primary" to={location.pathname === '/' ? '/login' : `/login?next=${next}`}>
                  {t('nav.login')}
                </ButtonLink>
              )
            )}
          </div>
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="tb-footer">
        <div>{t('app.footer')}</div>
        <LanguageSwitch className="tb-show-xs" />
      </Layout.Footer>
    </Layout>
  );
}

function navStyle({ isActive }: { isActive: boolean }) {
  return {
    padding: '4px 10px',
    borderRadius: 6,
    fontWeight: isActive ? 600 : 400,
    background: isActive ? '#eaf1fb' : undefined,
  } as const;
}
