import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useBundle, usePlan } from '../api/bundles.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { PlanView, Questionnaire } from '../portal/BundlePage.tsx';
import { useHotlineReferral } from './mutations.ts';
import { BundlePicker } from './components/BundlePicker.tsx';
import { MAINLAND_MOBILE } from '../components/format.ts';

type Caller = { name: string; phone: string };

/** The questionnaire with the caller, the list read out to them, then their name and mobile and 发送. */
function HotlineBundle({ code }: { code: string }) {
  const { t } = useTranslation();
  const bundle = useBundle(code);
  const plan = usePlan(code);
  const refer = useHotlineReferral();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [form] = Form.useForm<Caller>();
  if (bundle.isPending) return <PageLoading />;
  if (bundle.isError) return <LoadError error={bundle.error} onRetry={() => void bundle.refetch()} />;
  const changeAnswers = (a: Record<string, string>) => {
    setAnswers(a);
    plan.reset();
    refer.reset();
  };
  const send = async () => {
    const caller = await form.validateFields().catch(() => undefined);
    if (caller) refer.mutate({ bundleCode: code, answers, caller: { name: caller.name.trim(), phone: caller.phone.trim() } });
  };
  return (
    <div style={{ marginTop: 16 }}>
      <Questionnaire b={bundle.data} answers={answers} setAnswers={changeAnswers} onDone={() => plan.mutate({ answers })} pending={plan.isPending} />
      {plan.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorMessage(plan.error)} />}
      {plan.data && (
        <>
          <Card style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">{t('hotline.readOut')}</Typography.Paragraph>
            <PlanView plan={plan.data} leaveOut={[]} />
          </Card>
          <Card style={{ marginTop: 16 }}>
            <h2 className="tb-section-title" style={{ marginTop: 0 }}>
              {t('hotline.sendTitle')}
            </h2>
            <Typography.Paragraph type="secondary">{t('hotline.sendHint')}</Typography.Paragraph>
            <Form form={form} name="caller" layout="vertical" requiredMark style={{ maxWidth: 420 }}>
              <Form.Item name="name" label={t('hotline.callerName')} rules={[{ required: true, whitespace: true, message: t('hotline.callerNameRequired') }]}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('hotline.callerPhone')}
                rules={[
                  { required: true, message: t('hotline.callerPhoneRequired') },
                  { pattern: MAINLAND_MOBILE, message: t('intake.phoneInvalid') },
                ]}
              >
                <Input maxLength={11} inputMode="numeric" autoComplete="off" style={{ maxWidth: 240 }} />
              </Form.Item>
            </Form>
            {refer.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('hotline.sendFailed')} description={errorMessage(refer.error)} />}
            {refer.data && (
              <Alert
                type={refer.data.sms.status === 'sent' ? 'success' : 'warning'}
                showIcon
                role="status"
                style={{ marginBottom: 12 }}
                title={refer.data.sms.status === 'sent' ? t('hotline.sent', { to: refer.data.sms.to }) : t('hotline.smsFailed', { to: refer.data.sms.to })}
                description={refer.data.sms.text}
              />
            )}
            <Button type="primary" size="large" loading={refer.isPending} disabled={!!refer.data} onClick={() => void send()}>
              {t('hotline.send')}
            </Button>
          </Card>
        </>
      )}
    </div>
  );
}

/**
 * 12345 热线一件事: the operator cannot take materials by phone; they answer the situation questionnaire with the
 * caller, read them the one-time list and send it to their mobile, with a link to the portal page with the answers.
 */
export function HotlinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hotline.title'));
  const [code, setCode] = useState<string | undefined>();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {t('hotline.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hotline.intro')}</Typography.Paragraph>
      <Card>
        <h2 className="tb-section-title" style={{ marginTop: 0 }}>
          {t('intake.chooseBundle')}
        </h2>
        <BundlePicker value={code} onChange={setCode} />
      </Card>
      {code && <HotlineBundle key={code} code={code} />}
    </>
  );
}
