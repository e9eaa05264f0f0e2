import type { ReactNode } from 'react';
import { Button, Layout, Result, Space } from 'antd';
import { CompassOutlined, LockOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../api/auth.ts';
import { Brand, SkipLink } from './Brand.tsx';
import { ButtonLink } from './ButtonLink.tsx';
import { LanguageSwitch, LogoutButton, UserName } from './HeaderControls.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

const iconStyle = { fontSize: 56, color: '#8c8c8c' };

/** A friendly 403: say why, offer the way home and a way to sign in as someone else. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  useDocumentTitle(t('forbidden.title'));
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Result
      icon={<LockOutlined aria-hidden style={iconStyle} />}
      title={t('forbidden.title')}
      subTitle={t('forbidden.desc')}
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          <ButtonLink type="primary" to="/">
            {t('common.backHome')}
          </ButtonLink>
          <Button
            loading={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(`/login?next=${next}`) })}
          >
            {t('forbidden.switchAccount')}
          </Button>
        </Space>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      icon={<CompassOutlined aria-hidden style={iconStyle} />}
      title={t('notFound.title')}
      subTitle={t('notFound.desc')}
      extra={
        <ButtonLink type="primary" to="/">
          {t('common.backHome')}
        </ButtonLink>
      }
    />
  );
}

/** A plain frame (brand, language, sign-out) for pages shown outside any area, such as a 403. */
export function PlainFrame({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="tb-header">
        <div className="tb-container tb-header-inner">
          <Brand />
          <div className="tb-header-actions">
            {me && <UserName me={me} />}
            <LanguageSwitch />
            {me && <LogoutButton />}
          </div>
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <div className="tb-container tb-page">{children}</div>
      </Layout.Content>
    </Layout>
  );
}
