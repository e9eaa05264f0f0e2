import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ACCEPTABLE_PASSWORD } from '../components/format.ts';
import { errorMessage } from '../api/client.ts';
import type { AdminUser } from '../api/types.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useOrgs, useUsers } from './queries.ts';
import { useAddPost, useCreateStaff, useEndPost, useStaffPosts, useUpdateStaff, type StaffPost } from './staffApi.ts';

const STAFF_ROLES = ['platform_admin', 'catalog_admin', 'window_clerk', 'reviewer', 'supervisor', 'hotline_operator', 'data_admin', 'data_officer'] as const;

/** 用户: every account; staff are created here, given roles, posts in other organisations and delegations, or disabled. */
export function UsersPanel() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('admin.users'));
  const users = useUsers();
  const update = useUpdateStaff();
  const [creating, setCreating] = useState(false);
  const [postsOf, setPostsOf] = useState<AdminUser>();
  const label = (key: string, fallback: string) => (i18n.exists(key) ? t(key as 'roles.applicant') : fallback);
  const columns: ColumnsType<AdminUser> = [
    { key: 'username', title: t('admin.username'), dataIndex: 'username', width: 160, render: (v: string) => <code>{v}</code> },
    { key: 'displayName', title: t('admin.displayName'), dataIndex: 'displayName', width: 140 },
    { key: 'subjectType', title: t('admin.subjectType'), width: 100, render: (_, u) => label(`admin.subject_${u.subjectType}`, u.subjectType) },
    {
      key: 'roles',
      title: t('admin.roles'),
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((r) => (
            <Tag key={r}>{label(`roles.${r}`, r)}</Tag>
          ))}
          {u.status !== 'active' && <Tag color="red">{t('staffAdmin.disabled')}</Tag>}
        </Space>
      ),
    },
    { key: 'org', title: t('admin.orgOfUser'), width: 220, render: (_, u) => u.orgName ?? '—' },
    {
      key: 'act',
      title: '',
      width: 190,
      render: (_, u) =>
        u.subjectType === 'staff' && (
          <Space size="small">
            <Button size="small" onClick={() => setPostsOf(u)}>{t('staffAdmin.posts')}</Button>
            <Button size="small" danger={u.status === 'active'} loading={update.isPending && update.variables?.id === u.id} onClick={() => update.mutate({ id: u.id, status: u.status === 'active' ? 'disabled' : 'active' })}>
              {u.status === 'active' ? t('staffAdmin.disable') : t('staffAdmin.enable')}
            </Button>
          </Space>
        ),
    },
  ];
  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('staffAdmin.create')}</Button>
      </Space>
      {update.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(update.error)} />}
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.users ?? []}
        loading={users.isFetching}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('admin.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      />
      {creating && <CreateStaff onClose={() => setCreating(false)} />}
      {postsOf && <Posts user={postsOf} staff={(users.data?.users ?? []).filter((u) => u.subjectType === 'staff' && u.id !== postsOf.id)} onClose={() => setPostsOf(undefined)} />}
    </>
  );
}

function useRoleOptions() {
  const { t } = useTranslation();
  return STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

function CreateStaff({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const create = useCreateStaff();
  const roles = useRoleOptions();
  const [form] = Form.useForm<{ username: string; displayName: string; orgId: string; roles: string[]; phone?: string; password: string }>();
  return (
    <Modal open title={t('staffAdmin.create')} okText={t('staffAdmin.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {create.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(create.error)} />}
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ ...v, phone: v.phone?.trim() || undefined }, { onSuccess: onClose })}>
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, whitespace: true, message: t('staffAdmin.required') }]}><Input maxLength={50} /></Form.Item>
        <Form.Item name="username" label={t('admin.username')} extra={t('staffAdmin.usernameRule')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{2,31}$/, message: t('staffAdmin.usernameRule') }]}><Input maxLength={32} /></Form.Item>
        <Form.Item name="orgId" label={t('admin.orgOfUser')} rules={[{ required: true, message: t('staffAdmin.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(orgs.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true, message: t('staffAdmin.required') }]}><Select mode="multiple" options={roles} /></Form.Item>
        <Form.Item name="phone" label={t('account.phone')}><Input maxLength={11} inputMode="numeric" /></Form.Item>
        <Form.Item name="password" label={t('staffAdmin.firstPassword')} extra={t('account.passwordRule')} rules={[{ required: true, pattern: ACCEPTABLE_PASSWORD, message: t('account.passwordRule') }]}><Input.Password autoComplete="new-password" /></Form.Item>
      </Form>
    </Modal>
  );
}

type PostForm = { kind: 'post' | 'delegation'; orgId?: string; delegatedBy?: string; roles: string[]; reason?: string; period: [Dayjs, Dayjs | null] };

function Posts({ user, staff, onClose }: { user: AdminUser; staff: AdminUser[]; onClose: () => void }) {
  const { t } = useTranslation();
  const posts = useStaffPosts(user.id);
  const add = useAddPost(user.id);
  const end = useEndPost(user.id);
  const orgs = useOrgs();
  const roles = useRoleOptions();
  const [form] = Form.useForm<PostForm>();
  const kind = Form.useWatch('kind', form);
  const submit = (v: PostForm) =>
    add.mutate(
      { kind: v.kind, roles: v.roles, reason: v.reason, orgId: v.kind === 'post' ? v.orgId! : staff.find((s) => s.id === v.delegatedBy)?.orgId ?? '', delegatedBy: v.kind === 'delegation' ? v.delegatedBy : undefined, validFrom: v.period[0].format('YYYY-MM-DD'), validUntil: v.period[1]?.format('YYYY-MM-DD') },
      { onSuccess: () => form.resetFields() },
    );
  return (
    <Modal open title={t('staffAdmin.postsOf', { name: user.displayName })} footer={null} onCancel={onClose} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('staffAdmin.postsHelp')}</Typography.Paragraph>
      <Table<StaffPost>
        rowKey="id"
        size="small"
        pagination={false}
        loading={posts.isPending}
        dataSource={posts.data?.posts ?? []}
        locale={{ emptyText: t('staffAdmin.noPosts') }}
        columns={[
          { key: 'org', title: t('admin.orgOfUser'), render: (_, p) => <>{p.orgName}{p.kind === 'delegation' && <div style={{ color: '#666' }}>{t('staffAdmin.delegatedBy', { name: p.delegatedByName ?? '' })}{p.reason ? `：${p.reason}` : ''}</div>}</> },
          { key: 'roles', title: t('admin.roles'), render: (_, p) => p.roles.map((r) => <Tag key={r}>{t(`roles.${r}` as 'roles.applicant')}</Tag>) },
          { key: 'period', title: t('staffAdmin.period'), width: 200, render: (_, p) => `${p.validFrom} ~ ${p.validUntil ?? t('staffAdmin.open')}` },
          { key: 'status', title: '', width: 150, render: (_, p) => (p.status === 'active' || p.status === 'pending' ? <Button size="small" danger onClick={() => end.mutate(p.id)} loading={end.isPending && end.variables === p.id}>{t('staffAdmin.end')}</Button> : <Tag>{t(`staffAdmin.status.${p.status}`)}</Tag>) },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: '1em', marginTop: 16 }}>{t('staffAdmin.addPost')}</Typography.Title>
      {(add.isError || end.isError) && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(add.error ?? end.error)} />}
      <Form<PostForm> form={form} layout="vertical" initialValues={{ kind: 'post', period: [dayjs(), null] }} onFinish={submit}>
        <Form.Item name="kind">
          <Radio.Group options={[{ value: 'post', label: t('staffAdmin.kindPost') }, { value: 'delegation', label: t('staffAdmin.kindDelegation') }]} />
        </Form.Item>
        {kind === 'delegation' ? (
          <Form.Item name="delegatedBy" label={t('staffAdmin.delegator')} rules={[{ required: true, message: t('staffAdmin.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={staff.map((s) => ({ value: s.id, label: `${s.displayName}（${s.orgName ?? ''}）` }))} />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" label={t('admin.orgOfUser')} rules={[{ required: true, message: t('staffAdmin.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(orgs.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true, message: t('staffAdmin.required') }]}><Select mode="multiple" options={roles} /></Form.Item>
        <Form.Item name="period" label={t('staffAdmin.period')} rules={[{ required: true, message: t('staffAdmin.required') }]}><DatePicker.RangePicker allowEmpty={[false, kind !== 'delegation']} /></Form.Item>
        <Form.Item name="reason" label={t('staffAdmin.reason')}><Input maxLength={200} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('staffAdmin.addPost')}</Button>
      </Form>
    </Modal>
  );
}
