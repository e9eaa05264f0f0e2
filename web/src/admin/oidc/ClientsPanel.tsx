import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useOrgs } from '../queries.ts';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadError } from '../../components/status.tsx';
import { useOidcClients, useRegisterClient, useRotateClientSecret, useRotateSigningKey, useSetClientStatus, type ClientBody, type GrantType, type OidcClient, type OidcScope, type SubjectKind } from './api.ts';

const GRANTS: GrantType[] = ['authorization_code', 'refresh_token', 'client_credentials'];
const SCOPES: OidcScope[] = ['openid', 'profile', 'phone', 'tongban', 'offline_access'];
const SUBJECTS: SubjectKind[] = ['person', 'entity', 'staff'];

/** 接入系统: register department systems for single sign-on (OIDC) and system-to-system calls; rotate keys. */
export function ClientsPanel() {
  const { t } = useTranslation();
  const clients = useOidcClients();
  const status = useSetClientStatus();
  const secret = useRotateClientSecret();
  const signing = useRotateSigningKey();
  const orgs = useOrgs();
  const orgName = new Map((orgs.data?.orgs ?? []).map((o) => [o.id, o.name]));
  const [registering, setRegistering] = useState(false);
  const [shown, setShown] = useState<{ clientId: string; clientSecret: string | null }>();
  if (clients.isError) return <LoadError error={clients.error} onRetry={() => void clients.refetch()} />;
  const origin = window.location.origin;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('oidcAdmin.help', { issuer: `${origin}/oidc` })}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>{t('oidcAdmin.register')}</Button>
        <Button loading={signing.isPending} onClick={() => signing.mutate()}>{t('oidcAdmin.rotateKey')}</Button>
        {signing.isSuccess && <Tag color="green">{t('oidcAdmin.rotated', { kid: signing.data.kid.slice(0, 12) })}</Tag>}
      </Space>
      {(status.isError || secret.isError || signing.isError) && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(status.error ?? secret.error ?? signing.error)} />}
      <Table<OidcClient>
        rowKey="clientId"
        size="middle"
        loading={clients.isFetching}
        dataSource={clients.data?.clients ?? []}
        pagination={false}
        scroll={{ x: 1070 }}
        columns={[
          { key: 'name', title: t('oidcAdmin.name'), render: (_, c) => <><strong>{c.name}</strong><br /><code style={{ fontSize: 12 }}>{c.clientId}</code></> },
          { key: 'org', title: t('oidcAdmin.org'), width: 170, render: (_, c) => (c.orgId ? (orgName.get(c.orgId) ?? '…') : '—') },
          { key: 'grants', title: t('oidcAdmin.grants'), width: 200, render: (_, c) => c.grantTypes.map((g) => <Tag key={g}>{t(`oidcAdmin.grant.${g}`)}</Tag>) },
          { key: 'subjects', title: t('oidcAdmin.subjects'), width: 170, render: (_, c) => c.subjectTypes.map((s) => t(`oidcAdmin.subject.${s}`)).join('、') || '—' },
          { key: 'redirect', title: t('oidcAdmin.redirects'), render: (_, c) => c.redirectUris.map((u) => <div key={u}><code style={{ fontSize: 12 }}>{u}</code></div>) },
          { key: 'status', title: t('oidcAdmin.status'), width: 90, render: (_, c) => (c.status === 'active' ? <Tag color="green">{t('oidcAdmin.active')}</Tag> : <Tag>{t('oidcAdmin.disabled')}</Tag>) },
          { key: 'created', title: t('oidcAdmin.created'), width: 160, render: (_, c) => formatDateTime(c.createdAt) },
          {
            key: 'act',
            title: '',
            width: 200,
            render: (_, c) => (
              <Space size="small">
                {!c.public && <Button size="small" onClick={() => secret.mutate(c.clientId, { onSuccess: (r) => setShown({ clientId: c.clientId, clientSecret: r.clientSecret }) })}>{t('oidcAdmin.newSecret')}</Button>}
                <Button size="small" danger={c.status === 'active'} onClick={() => status.mutate(c)}>{c.status === 'active' ? t('oidcAdmin.disable') : t('oidcAdmin.enable')}</Button>
              </Space>
            ),
          },
        ]}
      />
      {registering && <ClientForm onClose={() => setRegistering(false)} onRegistered={(r) => { setRegistering(false); setShown(r); }} />}
      <Modal open={!!shown} title={t('oidcAdmin.credentials')} onOk={() => setShown(undefined)} onCancel={() => setShown(undefined)} okText={t('common.confirm')} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>{t('oidcAdmin.clientId')}：<Typography.Text code copyable>{shown?.clientId}</Typography.Text></Typography.Paragraph>
        {shown?.clientSecret ? (
          <>
            <Typography.Paragraph>{t('oidcAdmin.clientSecret')}：<Typography.Text code copyable>{shown.clientSecret}</Typography.Text></Typography.Paragraph>
            <Alert type="warning" showIcon title={t('oidcAdmin.secretOnce')} />
          </>
        ) : (
          <Typography.Paragraph type="secondary">{t('oidcAdmin.publicClient')}</Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}

type FormValues = { name: string; orgId?: string; public: boolean; redirectUris: string; postLogoutRedirectUris: string; grantTypes: GrantType[]; scopes: OidcScope[]; subjectTypes: SubjectKind[] };
const lines = (s: string | undefined) => (s ?? '').split(/\s+/).map((x) => x.trim()).filter(Boolean);

function ClientForm({ onClose, onRegistered }: { onClose: () => void; onRegistered: (r: { clientId: string; clientSecret: string | null }) => void }) {
  const { t } = useTranslation();
  const register = useRegisterClient();
  const orgs = useOrgs();
  const [form] = Form.useForm<FormValues>();
  const submit = (v: FormValues) => {
    const body: ClientBody = { name: v.name, orgId: v.orgId ?? null, public: v.public, redirectUris: lines(v.redirectUris), postLogoutRedirectUris: lines(v.postLogoutRedirectUris), grantTypes: v.grantTypes, scopes: v.scopes, subjectTypes: v.subjectTypes };
    register.mutate(body, { onSuccess: (r) => onRegistered({ clientId: r.client.clientId, clientSecret: r.clientSecret }) });
  };
  return (
    <Modal open title={t('oidcAdmin.register')} okText={t('oidcAdmin.save')} cancelText={t('common.cancel')} confirmLoading={register.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={640}>
      {register.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(register.error)} />}
      <Form<FormValues> form={form} layout="vertical" initialValues={{ public: false, grantTypes: ['authorization_code'], scopes: ['openid', 'profile', 'tongban'], subjectTypes: ['person', 'entity'] }} onFinish={submit}>
        <Form.Item name="name" label={t('oidcAdmin.name')} rules={[{ required: true, whitespace: true, message: t('oidcAdmin.required') }]}><Input maxLength={100} placeholder="市民政局婚姻登记系统" /></Form.Item>
        <Form.Item name="orgId" label={t('oidcAdmin.org')} extra={t('oidcAdmin.orgHelp')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(orgs.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="redirectUris" label={t('oidcAdmin.redirects')} extra={t('oidcAdmin.redirectsHelp')}><Input.TextArea rows={2} placeholder="https://hydj.mzj.example.gov.cn/oidc/callback" /></Form.Item>
        <Form.Item name="postLogoutRedirectUris" label={t('oidcAdmin.logoutRedirects')}><Input.TextArea rows={1} /></Form.Item>
        <Form.Item name="grantTypes" label={t('oidcAdmin.grants')} rules={[{ required: true, message: t('oidcAdmin.required') }]}><Checkbox.Group options={GRANTS.map((g) => ({ value: g, label: t(`oidcAdmin.grant.${g}`) }))} /></Form.Item>
        <Form.Item name="scopes" label={t('oidcAdmin.scopes')}><Checkbox.Group options={SCOPES.map((s) => ({ value: s, label: t(`oidcAdmin.scope.${s}`) }))} /></Form.Item>
        <Form.Item name="subjectTypes" label={t('oidcAdmin.subjects')}><Checkbox.Group options={SUBJECTS.map((s) => ({ value: s, label: t(`oidcAdmin.subject.${s}`) }))} /></Form.Item>
        <Form.Item name="public" label={t('oidcAdmin.public')} valuePropName="checked" extra={t('oidcAdmin.publicHelp')}><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
