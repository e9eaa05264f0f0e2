import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACCEPTABLE_PASSWORD, RESIDENT_ID_SHAPE } from '../components/format.ts';
import { errorMessage } from '../api/client.ts';
import { useRegister, useResetPassword } from '../api/account.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { PhoneCodeFields } from './components/PhoneCodeFields.tsx';

type RegisterForm = { phone: string; code: string; name: string; residentId: string; password: string };

const passwordRule = (message: string) => ({ pattern: ACCEPTABLE_PASSWORD, message });

/** 注册: a personal account with the mobile number, an SMS code, name and ID number. */
export function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.registerTitle'));
  const navigate = useNavigate();
  const register = useRegister();
  const [form] = Form.useForm<RegisterForm>();
  return (
    <div className="tb-login-wrap">
      <Card style={{ width: '100%', maxWidth: 440 }} styles={{ body: { padding: 24 } }}>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('account.registerTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('account.registerHelp')}</Typography.Paragraph>
        {register.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(register.error)} />}
        <Form<RegisterForm> form={form} layout="vertical" requiredMark={false} disabled={register.isPending} onFinish={(v) => register.mutate({ ...v, phone: v.phone.trim(), code: v.code.trim(), name: v.name.trim(), residentId: v.residentId.trim() }, { onSuccess: () => void navigate('/my/account', { replace: true }) })}>
          <PhoneCodeFields form={form} purpose="register" />
          <Form.Item name="name" label={t('account.name')} rules={[{ required: true, whitespace: true, message: t('account.nameRequired') }]}>
            <Input size="large" autoComplete="name" maxLength={50} />
          </Form.Item>
          <Form.Item name="residentId" label={t('account.residentId')} rules={[{ required: true, pattern: RESIDENT_ID_SHAPE, message: t('account.residentIdInvalid') }]}>
            <Input size="large" maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('account.newPassword')} extra={t('account.passwordRule')} rules={[{ required: true, message: t('account.passwordRule') }, passwordRule(t('account.passwordRule'))]}>
            <Input.Password size="large" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>{t('account.registerSubmit')}</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Link to="/login">{t('account.haveAccount')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

type ResetForm = { phone: string; code: string; password: string };

/** 忘记密码: a new password with an SMS code to the account's number. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.resetTitle'));
  const reset = useResetPassword();
  const [form] = Form.useForm<ResetForm>();
  return (
    <div className="tb-login-wrap">
      <Card style={{ width: '100%', maxWidth: 440 }} styles={{ body: { padding: 24 } }}>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('account.resetTitle')}</Typography.Title>
        {reset.isSuccess ? (
          <>
            <Alert type="success" showIcon title={t('account.resetDone')} style={{ marginBottom: 16 }} />
            <Link to="/login">{t('account.toLogin')}</Link>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('account.resetHelp')}</Typography.Paragraph>
            {reset.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(reset.error)} />}
            <Form<ResetForm> form={form} layout="vertical" requiredMark={false} disabled={reset.isPending} onFinish={(v) => reset.mutate({ phone: v.phone.trim(), code: v.code.trim(), password: v.password })}>
              <PhoneCodeFields form={form} purpose="reset" />
              <Form.Item name="password" label={t('account.newPassword')} extra={t('account.passwordRule')} rules={[{ required: true, message: t('account.passwordRule') }, passwordRule(t('account.passwordRule'))]}>
                <Input.Password size="large" autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={reset.isPending}>{t('account.resetSubmit')}</Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
