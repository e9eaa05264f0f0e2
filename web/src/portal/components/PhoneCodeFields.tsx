import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, type FormInstance } from 'antd';
import { MobileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useSendCode, type CodePurpose } from '../../api/account.ts';
import { MAINLAND_MOBILE } from '../../components/format.ts';


/** 手机号 + 验证码 with 获取验证码 and its countdown (the server tells how long to wait). */
export function PhoneCodeFields({ form, purpose }: { form: FormInstance; purpose: CodePurpose }) {
  const { t } = useTranslation();
  const send = useSendCode();
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);
  const ask = async () => {
    const phone = await form.validateFields(['phone']).then((v: { phone: string }) => v.phone).catch(() => undefined);
    if (!phone) return;
    send.mutate({ phone: phone.trim(), purpose }, { onSuccess: (r) => setWait(r.retryAfterSeconds) });
  };
  return (
    <>
      <Form.Item name="phone" label={t('account.phone')} rules={[{ required: true, pattern: MAINLAND_MOBILE, message: t('account.phoneInvalid') }]}>
        <Input size="large" prefix={<MobileOutlined aria-hidden />} inputMode="numeric" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <Form.Item label={t('account.code')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.codeInvalid') }]}>
            <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} aria-label={t('account.code')} />
          </Form.Item>
          <Button size="large" onClick={() => void ask()} disabled={wait > 0} loading={send.isPending}>
            {wait > 0 ? t('account.resendIn', { seconds: wait }) : t('account.sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {send.isSuccess && wait > 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('account.codeSent')} />}
      {send.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(send.error)} />}
    </>
  );
}
