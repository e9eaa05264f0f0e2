import { Alert, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { useSmsLogin } from '../api/account.ts';
import { PhoneCodeFields } from './components/PhoneCodeFields.tsx';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { safeNext, useLogin, useMe } from '../api/auth.ts';
import { PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const sms = useSmsLogin();
  const [smsForm] = Form.useForm<{ phone: string; code: string }>();

  // A department system's sign-in (OIDC, /oidc/…) continues on the server, outside this app.
  const serverSide = next?.startsWith('/oidc/') ? next : undefined;
  // That system asked for a sign-in made now (OIDC prompt=login or max_age): being signed in already is not enough.
  const fresh = !!serverSide && params.get('fresh') === '1';

  if (me.isPending) return <PageLoading />;
  // Already signed in (e.g. the back button): go on to where they were heading.
  if (me.data && !fresh && !login.isPending && !login.isSuccess && !sms.isPending && !sms.isSuccess) {
    if (serverSide) {
      window.location.replace(serverSide);
      return <PageLoading />;
    }
    return <Navigate to={next ?? me.data.landing} replace />;
  }

  const onward = (user: { landing?: string }) => (serverSide ? window.location.replace(serverSide) : void navigate(next ?? user.landing ?? '/', { replace: true }));
  const onFinish = (v: LoginForm) => {
    login.mutate({ username: v.username.trim(), password: v.password }, { onSuccess: onward });
  };

  return (
    <div className="tb-login-wrap">
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 24 } }}>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {fresh ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('login.fresh')} />
        ) : (
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        )}
        <Tabs
          items={[
            {
              key: 'password',
              label: t('account.byPassword'),
              children: (
                <>
                  {login.isError && (
                    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(login.error)} />
                  )}
                  <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={login.isPending}>
                    <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
                      <Input size="large" prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" spellCheck={false} />
                    </Form.Item>
                    <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
                      <Input.Password size="large" prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
                      {t('login.submit')}
                    </Button>
                  </Form>
                </>
              ),
            },
            {
              key: 'sms',
              label: t('account.bySms'),
              children: (
                <Form form={smsForm} layout="vertical" requiredMark={false} disabled={sms.isPending} onFinish={(v) => sms.mutate({ phone: v.phone.trim(), code: v.code.trim() }, { onSuccess: onward })}>
                  {sms.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(sms.error)} />}
                  <PhoneCodeFields form={smsForm} purpose="login" />
                  <Button type="primary" htmlType="submit" size="large" block loading={sms.isPending}>
                    {t('login.submit')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
        <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
          <Link to="/register">{t('account.registerLink')}</Link>
          <Link to="/reset-password">{t('account.forgotLink')}</Link>
        </Space>
      </Card>
    </div>
  );
}
