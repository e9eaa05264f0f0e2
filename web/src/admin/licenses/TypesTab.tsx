import { useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { LoadError } from '../../components/status.tsx';
import { useOrgs } from '../queries.ts';
import { useLicenseTypes, useSaveLicenseType, type LicenseType, type LicenseTypeBody } from './api.ts';

/** 有效期: years and months, or 长期 when neither is set. */
export function ValidityText({ v }: { v: LicenseTypeBody['validity'] }) {
  const { t } = useTranslation();
  if (!v.years && !v.months) return <>{t('licensesAdmin.permanent')}</>;
  return <>{[v.years ? t('licensesAdmin.years', { n: v.years }) : '', v.months ? t('licensesAdmin.months', { n: v.months }) : ''].join('')}</>;
}

const EMPTY: LicenseTypeBody = { code: '', name: '', orgId: '', holderKind: 'entity', faceFields: [{ key: 'name', label: '名称', from: 'holder.name', required: true }], validity: {}, implCodes: [], numberPrefix: '' };

/** 证照类型: the catalog of license types, and a form to add or change one (the API's answer shown above the form). */
export function TypesTab() {
  const { t } = useTranslation();
  const types = useLicenseTypes();
  const [editing, setEditing] = useState<{ type: LicenseTypeBody; isNew: boolean }>();
  if (types.isError) return <LoadError error={types.error} onRetry={() => void types.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ type: EMPTY, isNew: true })}>
          {t('licensesAdmin.newType')}
        </Button>
      </Space>
      <Table<LicenseType>
        rowKey="code"
        size="middle"
        loading={types.isFetching}
        dataSource={types.data?.types ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'name', title: t('licensesAdmin.typeName'), dataIndex: 'name', render: (v: string, r) => <><strong>{v}</strong><br /><code style={{ fontSize: 12 }}>{r.code}</code></> },
          { key: 'org', title: t('licensesAdmin.org'), dataIndex: 'orgName' },
          { key: 'holder', title: t('licensesAdmin.holderKind'), width: 90, render: (_, r) => t(`licensesAdmin.holder_${r.holderKind}`) },
          { key: 'validity', title: t('licensesAdmin.validity'), width: 90, render: (_, r) => <ValidityText v={r.validity} /> },
          { key: 'prefix', title: t('licensesAdmin.numberPrefix'), dataIndex: 'numberPrefix', width: 120 },
          { key: 'face', title: t('licensesAdmin.faceFields'), render: (_, r) => r.faceFields.map((f) => <Tag key={f.key}>{f.label}</Tag>) },
          { key: 'issued', title: t('licensesAdmin.issued'), dataIndex: 'issued', width: 90, align: 'right' },
          { key: 'act', title: '', width: 80, render: (_, r) => <Button size="small" onClick={() => setEditing({ type: r, isNew: false })} aria-label={`${t('licensesAdmin.edit')} ${r.name}`}>{t('licensesAdmin.edit')}</Button> },
        ]}
      />
      {editing && <TypeForm key={editing.type.code || 'new'} initial={editing.type} isNew={editing.isNew} onClose={() => setEditing(undefined)} />}
    </>
  );
}

function TypeForm({ initial, isNew, onClose }: { initial: LicenseTypeBody; isNew: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const save = useSaveLicenseType();
  const [form] = Form.useForm<LicenseTypeBody>();
  const submit = (v: LicenseTypeBody) => {
    const body: LicenseTypeBody = {
      ...v,
      code: v.code.trim(),
      validity: { ...(v.validity.years ? { years: v.validity.years } : {}), ...(v.validity.months ? { months: v.validity.months } : {}) },
      implCodes: v.implCodes ?? [],
      numberPrefix: v.numberPrefix ?? '',
      // Blank template fields are left out: the type's name, the platform's colour, no footer.
      template: Object.fromEntries(Object.entries(v.template ?? {}).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]).filter(([, x]) => x)),
      faceFields: (v.faceFields ?? []).map((f) => ({ key: f.key.trim(), label: f.label.trim(), from: f.from.trim(), ...(f.required ? { required: true } : {}) })),
    };
    save.mutate({ body, isNew }, { onSuccess: onClose });
  };
  return (
    <Drawer open size="large" title={isNew ? t('licensesAdmin.newType') : t('licensesAdmin.editType', { name: initial.name })} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()}>{t('licensesAdmin.save')}</Button></Space>}
      // The API's answer stays in sight wherever the form is scrolled to.
      footer={save.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} /> : null}>
      <Form<LicenseTypeBody> form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark>
        <Form.Item name="code" label={t('licensesAdmin.typeCode')} extra={t('licensesAdmin.typeCodeHelp')} rules={[{ required: true, message: t('licensesAdmin.required') }]}>
          <Input disabled={!isNew} maxLength={21} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="name" label={t('licensesAdmin.typeName')} rules={[{ required: true, message: t('licensesAdmin.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="orgId" label={t('licensesAdmin.org')} rules={[{ required: true, message: t('licensesAdmin.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={orgs.isLoading} options={(orgs.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="holderKind" label={t('licensesAdmin.holderKind')}>
          <Radio.Group options={[{ value: 'entity', label: t('licensesAdmin.holder_entity') }, { value: 'person', label: t('licensesAdmin.holder_person') }]} />
        </Form.Item>
        <Form.Item label={t('licensesAdmin.validity')} extra={t('licensesAdmin.validityHelp')}>
          <Space>
            <Form.Item name={['validity', 'years']} noStyle><InputNumber min={0} max={100} suffix={t('licensesAdmin.yearUnit')} aria-label={t('licensesAdmin.yearUnit')} /></Form.Item>
            <Form.Item name={['validity', 'months']} noStyle><InputNumber min={0} max={1200} suffix={t('licensesAdmin.monthUnit')} aria-label={t('licensesAdmin.monthUnit')} /></Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="numberPrefix" label={t('licensesAdmin.numberPrefix')} extra={t('licensesAdmin.numberPrefixHelp')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name={['template', 'title']} label={t('licensesAdmin.templateTitle')} extra={t('licensesAdmin.templateTitleHelp')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={['template', 'accent']} label={t('licensesAdmin.templateAccent')} extra={t('licensesAdmin.templateAccentHelp')} rules={[{ pattern: /^#[0-9a-fA-F]{6}$/, message: t('licensesAdmin.templateAccentInvalid') }]}>
          <Input maxLength={7} placeholder="#b71c1c" style={{ width: 140, fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name={['template', 'footer']} label={t('licensesAdmin.templateFooter')} extra={t('licensesAdmin.templateFooterHelp')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="implCodes" label={t('licensesAdmin.implCodes')} extra={t('licensesAdmin.implCodesHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Typography.Title level={3} style={{ fontSize: '1em' }}>{t('licensesAdmin.faceFields')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('licensesAdmin.faceFieldsHelp')}</Typography.Paragraph>
        <Form.List name="faceFields">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: t('licensesAdmin.required') }]}><Input placeholder={t('licensesAdmin.faceLabel')} aria-label={`${t('licensesAdmin.faceLabel')} ${i + 1}`} style={{ width: 150 }} /></Form.Item>
                  <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: t('licensesAdmin.required') }]}><Input placeholder={t('licensesAdmin.faceKey')} aria-label={`${t('licensesAdmin.faceKey')} ${i + 1}`} style={{ width: 130, fontFamily: 'monospace' }} /></Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={[{ required: true, message: t('licensesAdmin.required') }]}><Input placeholder={t('licensesAdmin.faceFrom')} aria-label={`${t('licensesAdmin.faceFrom')} ${i + 1}`} style={{ width: 240, fontFamily: 'monospace' }} /></Form.Item>
                  <Form.Item name={[f.name, 'required']} valuePropName="checked"><Checkbox>{t('licensesAdmin.faceRequired')}</Checkbox></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={`${t('licensesAdmin.removeField')} ${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ key: '', label: '', from: 'form.' })}>{t('licensesAdmin.addField')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
