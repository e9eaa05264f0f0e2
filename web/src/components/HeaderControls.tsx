import { Button } from 'antd';
import { FontSizeOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/auth.ts';
import type { Me } from '../api/types.ts';
import { currentLanguage, setLanguage } from '../i18n/index.ts';
import { useUiPrefs } from './uiPrefs.tsx';

export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const next = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      className={className}
      lang={next}
      aria-label={`${t('nav.switchLanguage')} (${t('nav.switchLanguageLabel')})`}
      onClick={() => setLanguage(next)}
    >
      {t('nav.switchLanguage')}
    </Button>
  );
}

export function LargeTextToggle() {
  const { t } = useTranslation();
  const { largeText, setLargeText } = useUiPrefs();
  return (
    <Button
      type={largeText ? 'primary' : 'text'}
      ghost={largeText}
      icon={<FontSizeOutlined aria-hidden />}
      aria-pressed={largeText}
      title={t('nav.largeTextLabel')}
      aria-label={t('nav.largeText')}
      onClick={() => setLargeText(!largeText)}
    >
      {/* On a phone the icon alone (the header is full); the name stays for screen readers and tests. */}
      <span className="tb-hide-xs">{t('nav.largeText')}</span>
    </Button>
  );
}

export function UserName({ me }: { me: Me }) {
  const { t } = useTranslation();
  // An agent acting for an entity: the entity, and who acts (李明 代 某公司).
  const name = me.agent ? t('nav.agentFor', { agent: me.agent.name, entity: me.displayName }) : me.displayName;
  const content = (
    <>
      <UserOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
      <span className="tb-sr-only">{t('nav.signedInAs', { name: '' })}</span>
      {name}
    </>
  );
  const style = { padding: '0 8px', whiteSpace: 'nowrap' } as const;
  // Applicants reach 我的账号 (real-name level, agents, devices, password) from their name.
  return me.subjectType === 'staff' ? (
    <span className="tb-hide-xs" title={t('nav.signedInAs', { name })} style={style}>{content}</span>
  ) : (
    <Link className="tb-hide-xs" to="/my/account" title={t('account.nav')} style={style}>{content}</Link>
  );
}

export function LogoutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    // On a phone only the icon shows; the name stays for screen readers and tests.
    <Button
      type="text"
      icon={<LogoutOutlined aria-hidden />}
      aria-label={t('nav.logout')}
      title={t('nav.logout')}
      loading={logout.isPending}
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/', { replace: true }) })}
    >
      <span className="tb-hide-xs">{t('nav.logout')}</span>
    </Button>
  );
}
