import { useEffect, useState } from 'react';
import { Alert, Checkbox, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { FormFieldSchema, ItemDocument } from '../../api/types.ts';
import { orderedFields } from '../../components/formOrder.ts';
import { FIELD_FORMATS, FIELD_TYPES, PREFILLS, WIDGETS, options, pointer } from '../catalogMeta.ts';
import { useEditor, useFindings } from './context.tsx';
import { AddButton, Cell, FindingMessages, RowTools, moveItem, useCellStatus } from './inputs.tsx';

type Entry = [string, FormFieldSchema];
type Form = ItemDocument['form'];

const KEY_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The form with its fields in `entries` order: properties rebuilt in that order and `x-order` written to match
 * (JSONB does not keep key order, the apply page reads x-order). `required` keeps its own order.
 */
function rebuild(form: Form, entries: Entry[], required: string[]): Form {
  const keys = entries.map(([k]) => k);
  return {
    ...form,
    type: 'object',
    properties: Object.fromEntries(entries),
    required: required.filter((k) => keys.includes(k)),
    'x-order': keys,
  };
}

function cleanForType(f: FormFieldSchema): FormFieldSchema {
  const out: FormFieldSchema = { ...f };
  if (out.type !== 'string') {
    delete out.enum;
    delete out.enumNames;
    delete out.format;
    delete out.maxLength;
    delete out['x-ui'];
    delete out.pattern;
  }
  if (out.type === 'string' || out.type === 'boolean') {
    delete out.minimum;
    delete out.maximum;
  }
  return out;
}

function KeyCell({ fieldKey, keys, onRename }: { fieldKey: string; keys: string[]; onRename: (from: string, to: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(fieldKey);
  const [error, setError] = useState<string>();
  useEffect(() => setText(fieldKey), [fieldKey]);
  const status = useCellStatus(['form', 'properties', fieldKey]);
  const commit = () => {
    const k = text.trim();
    if (k === fieldKey) return setError(undefined);
    if (!KEY_RE.test(k)) return setError(t('catalog.editor.keyInvalid'));
    if (keys.includes(k)) return setError(t('catalog.editor.keyDuplicate', { key: k }));
    setError(undefined);
    onRename(fieldKey, k);
  };
  return (
    <Cell path={['form', 'properties', fieldKey]}>
      <Input
        aria-label={`${t('catalog.editor.field.key')} ${fieldKey}`}
        value={text}
        status={error ? 'error' : status}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
      />
      {error && <div className="tb-finding tb-finding-error" role="alert">{error}</div>}
    </Cell>
  );
}

function FieldDetails({ fieldKey, field, onChange }: { fieldKey: string; field: FormFieldSchema; onChange: (f: FormFieldSchema) => void }) {
  const { t } = useTranslation();
  const found = useFindings(['form', 'properties', fieldKey], true).filter((f) => !/\/(title|enum)$/.test(f.path) && f.path !== pointer('form', 'properties', fieldKey));
  return (
    <div className="tb-material-details">
      <FindingMessages found={found} style={{ marginBottom: 8 }} />
      <div className="tb-grid-2">
        <label className="tb-detail-label">
          <span>{t('catalog.editor.field.description')}</span>
          <Input.TextArea
            value={field.description ?? ''}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => onChange({ ...field, description: e.target.value || undefined })}
          />
        </label>
        {field.type === 'string' ? (
          <label className="tb-detail-label">
            <span>{t('catalog.editor.field.maxLength')}</span>
            <InputNumber value={field.maxLength ?? null} min={1} precision={0} style={{ width: 160 }} onChange={(v) => onChange({ ...field, maxLength: v ?? undefined })} />
          </label>
        ) : field.type !== 'boolean' ? (
          <label className="tb-detail-label">
            <span>{t('catalog.el.formOf.minimum')}</span>
            <InputNumber value={field.minimum ?? null} style={{ width: 160 }} onChange={(v) => onChange({ ...field, minimum: v ?? undefined })} />
          </label>
        ) : null}
      </div>
    </div>
  );
}

/** 表单字段: the application form's fields in the order applicants see them. */
export function FormFieldsEditor() {
  const { t } = useTranslation();
  const { doc, update, readOnly } = useEditor();
  const entries = orderedFields(doc.form) as Entry[];
  const keys = entries.map(([k]) => k);
  const required = doc.form.required ?? [];
  const groupFound = useFindings(['form']).concat(useFindings(['form', 'required'], true), useFindings(['form', 'x-order'], true));
  const [expanded, setExpanded] = useState<string[]>([]);

  const write = (next: Entry[], req: string[] = required) => update((d) => ({ ...d, form: rebuild(d.form, next, req) }));
  const setField = (key: string, f: FormFieldSchema) => write(entries.map(([k, v]) => (k === key ? [k, cleanForType(f)] : [k, v])));
  const rename = (from: string, to: string) => {
    write(
      entries.map(([k, v]) => (k === from ? [to, v] : [k, v])),
      required.map((k) => (k === from ? to : k)),
    );
    setExpanded((e) => e.map((k) => (k === from ? to : k)));
  };
  const toggleRequired = (key: string, on: boolean) => write(entries, on ? [...required.filter((k) => k !== key), key] : required.filter((k) => k !== key));
  const addField = () => {
    let n = entries.length + 1;
    while (keys.includes(`field${n}`)) n++;
    write([...entries, [`field${n}`, { type: 'string', title: '', maxLength: 100 }]]);
  };

  const fieldOf = (key: string) => doc.form.properties[key]!;
  const columns: ColumnsType<{ key: string }> = [
    { key: 'no', title: '#', width: 40, render: (_, r) => keys.indexOf(r.key) + 1 },
    { key: 'key', title: t('catalog.editor.field.key'), width: 120, render: (_, r) => <KeyCell fieldKey={r.key} keys={keys} onRename={rename} /> },
    {
      key: 'title',
      title: t('catalog.editor.field.title'),
      width: 180,
      render: (_, r) => <TitleCell fieldKey={r.key} field={fieldOf(r.key)} onChange={(f) => setField(r.key, f)} />,
    },
    {
      key: 'type',
      title: t('catalog.editor.field.type'),
      width: 92,
      render: (_, r) => (
        <Select
          aria-label={`${r.key} ${t('catalog.editor.field.type')}`}
          value={fieldOf(r.key).type}
          options={options(t, 'fieldType', FIELD_TYPES)}
          onChange={(v) => setField(r.key, { ...fieldOf(r.key), type: v })}
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
        />
      ),
    },
    {
      key: 'required',
      title: t('catalog.editor.field.required'),
      width: 52,
      align: 'center',
      render: (_, r) => (
        <Checkbox aria-label={`${r.key} ${t('catalog.editor.field.required')}`} checked={required.includes(r.key)} onChange={(e) => toggleRequired(r.key, e.target.checked)} />
      ),
    },
    {
      key: 'enum',
      title: t('catalog.editor.field.enum'),
      width: 150,
      render: (_, r) => <EnumCell fieldKey={r.key} field={fieldOf(r.key)} onChange={(f) => setField(r.key, f)} />,
    },
    {
      key: 'format',
      title: t('catalog.editor.field.format'),
      width: 84,
      render: (_, r) => {
        const f = fieldOf(r.key);
        return (
          <Select
            aria-label={`${r.key} ${t('catalog.editor.field.format')}`}
            value={f.format}
            allowClear
            disabled={f.type !== 'string' || !!f.enum}
            placeholder="—"
            options={options(t, 'format', FIELD_FORMATS)}
            onChange={(v) => setField(r.key, { ...f, format: v ?? undefined })}
            style={{ width: '100%' }}
          />
        );
      },
    },
    {
      key: 'prefill',
      title: t('catalog.editor.field.prefill'),
      width: 150,
      render: (_, r) => {
        const f = fieldOf(r.key);
        return (
          <Select
            aria-label={`${r.key} ${t('catalog.editor.field.prefill')}`}
            value={f['x-prefill']}
            allowClear
            placeholder="—"
            options={options(t, 'prefill', PREFILLS)}
            onChange={(v) => setField(r.key, { ...f, 'x-prefill': v ?? undefined })}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
          />
        );
      },
    },
    {
      key: 'widget',
      title: t('catalog.editor.field.widget'),
      width: 112,
      render: (_, r) => {
        const f = fieldOf(r.key);
        return (
          <Select
            aria-label={`${r.key} ${t('catalog.editor.field.widget')}`}
            value={f['x-ui']?.widget}
            allowClear
            disabled={f.type !== 'string' || f.format === 'date'}
            placeholder="—"
            options={options(t, 'widget', WIDGETS).filter((o) => (f.enum ? o.value === 'radio' : o.value === 'textarea'))}
            onChange={(v) => setField(r.key, { ...f, 'x-ui': v ? { ...f['x-ui'], widget: v } : undefined })}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
          />
        );
      },
    },
    {
      key: 'tools',
      title: '',
      width: 92,
      render: (_, r) => (
        <RowTools
          index={keys.indexOf(r.key)}
          count={keys.length}
          onMove={(a, b) => write(moveItem(entries, a, b))}
          onRemove={(i) => write(entries.filter((_, j) => j !== i), required.filter((k) => k !== keys[i]))}
        />
      ),
    },
  ];

  return (
    <section data-lint-path={pointer('form')} aria-label={t('catalog.el.form')}>
      <Alert type="info" showIcon title={t('catalog.editor.fieldOrderHint')} style={{ marginBottom: 12 }} />
      <FindingMessages found={groupFound} style={{ marginBottom: 8 }} />
      <Table<{ key: string }>
        rowKey="key"
        size="small"
        bordered
        columns={readOnly ? columns.filter((c) => c.key !== 'tools') : columns}
        dataSource={keys.map((key) => ({ key }))}
        pagination={false}
        scroll={{ x: 1100 }}
        tableLayout="fixed"
        locale={{ emptyText: t('catalog.editor.empty') }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (k) => setExpanded(k.map(String)),
          expandedRowRender: (r) => <FieldDetails fieldKey={r.key} field={fieldOf(r.key)} onChange={(f) => setField(r.key, f)} />,
          columnWidth: 36,
        }}
      />
      <div style={{ marginTop: 12 }}>
        <AddButton onClick={addField}>{t('catalog.editor.addField')}</AddButton>
      </div>
      {entries.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('catalog.el.formOf.order')}
          {t('common.colon')}
          {entries.map(([k, f]) => f.title || k).join(' → ')}
        </Typography.Paragraph>
      )}
    </section>
  );
}

function TitleCell({ fieldKey, field, onChange }: { fieldKey: string; field: FormFieldSchema; onChange: (f: FormFieldSchema) => void }) {
  const { t } = useTranslation();
  const path = ['form', 'properties', fieldKey, 'title'] as const;
  const status = useCellStatus(path);
  return (
    <Cell path={path}>
      <Input aria-label={`${fieldKey} ${t('catalog.editor.field.title')}`} value={field.title ?? ''} status={status} onChange={(e) => onChange({ ...field, title: e.target.value })} />
    </Cell>
  );
}

function EnumCell({ fieldKey, field, onChange }: { fieldKey: string; field: FormFieldSchema; onChange: (f: FormFieldSchema) => void }) {
  const { t } = useTranslation();
  const path = ['form', 'properties', fieldKey, 'enum'] as const;
  const status = useCellStatus(path);
  const disabled = field.type !== 'string' || field.format === 'date' || field.format === 'email';
  return (
    <Cell path={path}>
      <Select
        aria-label={`${fieldKey} ${t('catalog.editor.field.enum')}`}
        mode="tags"
        disabled={disabled}
        status={status}
        value={(field.enum ?? []).map(String)}
        placeholder={disabled ? '—' : t('catalog.editor.enumPlaceholder')}
        tokenSeparators={['；', ';', '，', ',']}
        onChange={(v: string[]) => {
          const values = [...new Set(v.map((s) => s.trim()).filter(Boolean))];
          const next: FormFieldSchema = { ...field, enum: values.length ? values : undefined };
          if (!values.length && next['x-ui']?.widget === 'radio') delete next['x-ui'];
          delete next.enumNames;
          onChange(next);
        }}
        style={{ width: '100%' }}
      />
    </Cell>
  );
}
