import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, List, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useMe } from '../api/auth.ts';
import type { AgentScope, Me } from '../api/types.ts';
import {
  useActFor,
  useAgents,
  useAuthoriseAgent,
  useChangePassword,
  useEndSession,
  useMyEntities,
  useRevokeAgent,
  useSessions,
  useVerifyRealName,
  type AgentGrant,
} from '../api/account.ts';
import { ACCEPTABLE_PASSWORD, RESIDENT_ID_SHAPE, formatDateTime } from '../components/format.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

const SCOPES: AgentScope[] = ['apply', 'cases', 'licenses'];

/** 我的账号: real-name level, acting for an entity, an entity's agents, where I am signed in, my password. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const me = useMe();
  if (me.isPending) return <PageLoading />;
  if (!me.data) return null;
  const entityOwner = me.data.subjectType === 'entity' && !me.data.agent;
  return (
    <div className="tb-container" style={{ paddingBlock: 16, maxWidth: 760 }}>
      <Typography.Title level={1} style={{ fontSize: '1.5em' }}>{t('account.title')}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <RealNameCard me={me.data} />
        {(me.data.subjectType === 'person' || me.data.agent) && <ActForCard me={me.data} />}
        {entityOwner && <AgentsCard />}
        <SessionsCard />
        <PasswordCard />
      </Space>
    </div>
  );
}

function RealNameCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const verify = useVerifyRealName();
  const level = me.realNameLevel ?? 'L1';
  return (
    <Card title={t('account.realName')} size="small">
      <Typography.Paragraph>
        <Tag color={level === 'L1' ? 'orange' : 'green'}>{t(`account.level.${level}`)}</Tag> {t(`account.levelHelp.${level}`)}
      </Typography.Paragraph>
      {level === 'L1' && me.subjectType === 'person' && (
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>{t('account.verifyOnline')}</Button>
      )}
      {verify.isError && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={errorMessage(verify.error)} />}
    </Card>
  );
}

function ActForCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const entities = useMyEntities(true);
  const act = useActFor();
  const list = entities.data?.entities ?? [];
  if (!me.agent && list.length === 0) return null;
  return (
    <Card title={t('account.actFor')} size="small">
      {me.agent && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('account.actingAs', { entity: me.displayName, scopes: me.agent.scopes.map((s) => t(`account.scope.${s}`)).join('、') })}
          action={<Button size="small" onClick={() => act.mutate(null)} loading={act.isPending}>{t('account.actAsSelf')}</Button>} />
      )}
      <List<AgentGrant>
        dataSource={list}
        renderItem={(g) => (
          <List.Item actions={me.agent && me.id === g.entity.id ? [<Tag key="now" color="blue">{t('account.current')}</Tag>] : [<Button key="act" type="primary" size="small" onClick={() => act.mutate(g.entity.id)} loading={act.isPending}>{t('account.actForThis')}</Button>]}>
            <List.Item.Meta title={g.entity.name} description={`${g.scopes.map((s) => t(`account.scope.${s}`)).join('、')} · ${g.validFrom} ~ ${g.validUntil}`} />
          </List.Item>
        )}
      />
      {act.isError && <Alert type="error" showIcon role="alert" title={errorMessage(act.error)} />}
    </Card>
  );
}

type AgentForm = { name: string; residentId: string; scopes: AgentScope[]; period: [Dayjs, Dayjs] };

function AgentsCard() {
  const { t } = useTranslation();
  const agents = useAgents(true);
  const authorise = useAuthoriseAgent();
  const revoke = useRevokeAgent();
  const [form] = Form.useForm<AgentForm>();
  const [adding, setAdding] = useState(false);
  if (agents.isError) return <LoadError error={agents.error} onRetry={() => void agents.refetch()} />;
  return (
    <Card title={t('account.agents')} size="small" extra={!adding && <Button type="primary" size="small" onClick={() => setAdding(true)}>{t('account.addAgent')}</Button>}>
      <Typography.Paragraph type="secondary">{t('account.agentsHelp')}</Typography.Paragraph>
      {adding && (
        <Form<AgentForm>
          form={form}
          layout="vertical"
          initialValues={{ scopes: ['apply', 'cases'], period: [dayjs(), dayjs().add(1, 'year')] }}
          onFinish={(v) =>
            authorise.mutate(
              { name: v.name.trim(), residentId: v.residentId.trim(), scopes: v.scopes, validFrom: v.period[0].format('YYYY-MM-DD'), validUntil: v.period[1].format('YYYY-MM-DD') },
              { onSuccess: () => { form.resetFields(); setAdding(false); } },
            )
          }
          style={{ marginBottom: 16 }}
        >
          {authorise.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(authorise.error)} />}
          <Form.Item name="name" label={t('account.agentName')} rules={[{ required: true, whitespace: true, message: t('account.nameRequired') }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="residentId" label={t('account.residentId')} rules={[{ required: true, pattern: RESIDENT_ID_SHAPE, message: t('account.residentIdInvalid') }]}><Input maxLength={18} /></Form.Item>
          <Form.Item name="scopes" label={t('account.scopes')} rules={[{ required: true, message: t('account.scopesRequired') }]}>
            <Checkbox.Group options={SCOPES.map((s) => ({ value: s, label: t(`account.scope.${s}`) }))} />
          </Form.Item>
          <Form.Item name="period" label={t('account.period')} rules={[{ required: true, message: t('account.periodRequired') }]}><DatePicker.RangePicker /></Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={authorise.isPending}>{t('account.authorise')}</Button>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
      <List<AgentGrant>
        loading={agents.isPending}
        locale={{ emptyText: t('account.noAgents') }}
        dataSource={agents.data?.agents ?? []}
        renderItem={(g) => (
          <List.Item actions={g.status === 'active' || g.status === 'pending' ? [<Button key="revoke" danger size="small" onClick={() => revoke.mutate(g.id)} loading={revoke.isPending && revoke.variables === g.id} aria-label={`${t('account.revoke')} ${g.agent.name}`}>{t('account.revoke')}</Button>] : []}>
            <List.Item.Meta
              title={<>{g.agent.name} <Typography.Text type="secondary">{g.agent.idNumberMasked}</Typography.Text> <Tag color={g.status === 'active' ? 'green' : undefined}>{t(`account.grantStatus.${g.status}`)}</Tag></>}
              description={`${g.scopes.map((s) => t(`account.scope.${s}`)).join('、')} · ${g.validFrom} ~ ${g.validUntil}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const end = useEndSession();
  if (sessions.isError) return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  return (
    <Card title={t('account.sessions')} size="small">
      <List
        loading={sessions.isPending}
        dataSource={sessions.data?.sessions ?? []}
        renderItem={(s) => (
          <List.Item actions={s.current ? [<Tag key="cur" color="blue">{t('account.thisDevice')}</Tag>] : [<Button key="end" size="small" onClick={() => end.mutate(s.id)} loading={end.isPending && end.variables === s.id}>{t('account.signOutThere')}</Button>]}>
            <List.Item.Meta title={describeAgent(s.userAgent)} description={`${formatDateTime(s.createdAt)}${s.ip ? ` · ${s.ip}` : ''}${s.actingFor ? ` · ${t('account.actingFor', { entity: s.actingFor })}` : ''}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** A browser's user-agent as a person would name it (手机 / 电脑 and the browser). */
function describeAgent(ua: string | null): string {
  if (!ua) return '—';
  const device = /Mobile|Android|iPhone/.test(ua) ? '手机' : '电脑';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : /Firefox\//.test(ua) ? 'Firefox' : /Safari\//.test(ua) ? 'Safari' : /MicroMessenger/.test(ua) ? '微信' : '浏览器';
  return `${device} · ${browser}`;
}

function PasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [form] = Form.useForm<{ current: string; password: string }>();
  return (
    <Card title={t('account.changePassword')} size="small">
      {change.isSuccess && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('account.passwordChanged')} />}
      {change.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(change.error)} />}
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v, { onSuccess: () => form.resetFields() })} style={{ maxWidth: 360 }}>
        <Form.Item name="current" label={t('account.currentPassword')} rules={[{ required: true, message: t('login.passwordRequired') }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Form.Item name="password" label={t('account.changedPassword')} extra={t('account.passwordRule')} rules={[{ required: true, pattern: ACCEPTABLE_PASSWORD, message: t('account.passwordRule') }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Button htmlType="submit" loading={change.isPending}>{t('account.changePassword')}</Button>
      </Form>
    </Card>
  );
}
