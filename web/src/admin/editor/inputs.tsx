import { useId, type CSSProperties, type ReactNode } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CloseCircleFilled, DeleteOutlined, InfoCircleFilled, PlusOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LintFinding } from '../../api/types.ts';
import { pointer, type Seg } from '../catalogMeta.ts';
import { getIn, statusOf, useEditor, useFindings } from './context.tsx';

const severityIcon = {
  error: <CloseCircleFilled aria-hidden style={{ color: '#c62828' }} />,
  warning: <WarningFilled aria-hidden style={{ color: '#b7791f' }} />,
  info: <InfoCircleFilled aria-hidden style={{ color: '#1f5fbf' }} />,
};

/** Lint messages under the element they concern, with the severity spelled out for screen readers. */
export function FindingMessages({ found, style }: { found: readonly LintFinding[]; style?: CSSProperties }) {
  const { t } = useTranslation();
  if (found.length === 0) return null;
  return (
    <ul className="tb-findings" style={style}>
      {found.map((f, i) => (
        <li key={i} className={`tb-finding tb-finding-${f.severity}`}>
          {severityIcon[f.severity]}
          <span className="tb-sr-only">{t(`catalog.editor.severity.${f.severity}`)}</span>
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** One element with its label, the lint findings at its path, and an anchor the summary can jump to. */
export function Field({
  path,
  label,
  prefix,
  help,
  htmlFor,
  required,
  children,
  style,
}: {
  path: readonly Seg[];
  label?: ReactNode;
  prefix?: boolean;
  help?: ReactNode;
  htmlFor?: string;
  required?: boolean;
  children: ReactNode;
  style?: CSSProperties;
}) {
  const found = useFindings(path, prefix);
  const status = statusOf(found);
  return (
    <div data-lint-path={pointer(...path)} className="tb-field" style={style}>
      <Form.Item
        label={label}
        htmlFor={htmlFor}
        required={required}
        validateStatus={status}
        help={found.length > 0 ? <FindingMessages found={found} /> : undefined}
        extra={help}
        style={{ marginBottom: 16 }}
      >
        {children}
      </Form.Item>
    </div>
  );
}

/** Anchor and status for a value inside a table cell; messages below the control when `showMessages`. */
export function Cell({ path, children, showMessages = true, prefix }: { path: readonly Seg[]; children: ReactNode; showMessages?: boolean; prefix?: boolean }) {
  const found = useFindings(path, prefix);
  return (
    <div data-lint-path={pointer(...path)}>
      {children}
      {showMessages && <FindingMessages found={found} style={{ marginTop: 4 }} />}
    </div>
  );
}

export function useCellStatus(path: readonly Seg[], prefix = false) {
  return statusOf(useFindings(path, prefix));
}

type Common = { path: readonly Seg[]; label?: ReactNode; help?: ReactNode; required?: boolean; style?: CSSProperties };

/** A text element; cleared optional elements are removed, not left as empty strings. */
export function TextField({
  path,
  label,
  help,
  required,
  optional,
  multiline,
  placeholder,
  maxLength,
  style,
  ariaLabel,
  disabled,
}: Common & { optional?: boolean; multiline?: boolean; placeholder?: string; maxLength?: number; ariaLabel?: string; disabled?: boolean }) {
  const { doc, set } = useEditor();
  const id = useId();
  const status = useCellStatus(path);
  const value = (getIn(doc, path) as string | undefined) ?? '';
  const onChange = (v: string) => set(path, optional && v === '' ? undefined : v);
  const aria = label ? undefined : ariaLabel;
  return (
    <Field path={path} label={label} help={help} htmlFor={id} required={required} style={style}>
      {multiline ? (
        <Input.TextArea
          id={id}
          aria-label={aria}
          value={value}
          status={status}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={placeholder}
          maxLength={maxLength}
          disabled={disabled}
        />
      ) : (
        <Input id={id} aria-label={aria} value={value} status={status} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} maxLength={maxLength} disabled={disabled} />
      )}
    </Field>
  );
}

export function NumberField({
  path,
  label,
  help,
  required,
  optional,
  min = 0,
  max,
  suffix,
  style,
}: Common & { optional?: boolean; min?: number; max?: number; suffix?: string }) {
  const { doc, set } = useEditor();
  const id = useId();
  const status = useCellStatus(path);
  const value = getIn(doc, path) as number | undefined;
  return (
    <Field path={path} label={label} help={help} htmlFor={id} required={required} style={style}>
      <InputNumber
        id={id}
        value={value ?? null}
        status={status}
        min={min}
        max={max}
        precision={0}
        style={{ width: 180 }}
        suffix={suffix}
        onChange={(v) => set(path, v === null ? (optional ? undefined : 0) : v)}
      />
    </Field>
  );
}

export function SelectField<V extends string | number>({
  path,
  label,
  help,
  required,
  options,
  optional,
  style,
  width = 280,
}: Common & { options: Array<{ value: V; label: string }>; optional?: boolean; width?: number | string }) {
  const { doc, set } = useEditor();
  const { t } = useTranslation();
  const id = useId();
  const status = useCellStatus(path);
  const value = getIn(doc, path) as V | undefined;
  return (
    <Field path={path} label={label} help={help} htmlFor={id} required={required} style={style}>
      <Select<V>
        id={id}
        value={value}
        status={status}
        options={options}
        allowClear={optional}
        placeholder={optional ? t('catalog.editor.noneOption') : undefined}
        style={{ width }}
        onChange={(v) => set(path, v ?? undefined)}
      />
    </Field>
  );
}

export function RadioField<V extends string | number>({ path, label, help, required, options, style }: Common & { options: Array<{ value: V; label: string }> }) {
  const { doc, set } = useEditor();
  const status = useCellStatus(path);
  const value = getIn(doc, path) as V | undefined;
  return (
    <Field path={path} label={label} help={help} required={required} style={style}>
      <Radio.Group
        aria-label={typeof label === 'string' ? label : undefined}
        value={value}
        options={options}
        onChange={(e) => set(path, e.target.value)}
        style={status ? { outline: `1px solid ${status === 'error' ? '#c62828' : '#b7791f'}`, outlineOffset: 4, borderRadius: 4 } : undefined}
      />
    </Field>
  );
}

/** A list of codes as checkboxes; the list keeps the options' order (online depth 1–7 ascending). */
export function CheckboxesField<V extends string | number>({
  path,
  label,
  help,
  required,
  options,
  optional,
  vertical,
  style,
}: Common & { options: Array<{ value: V; label: ReactNode }>; optional?: boolean; vertical?: boolean }) {
  const { doc, set } = useEditor();
  const value = (getIn(doc, path) as V[] | undefined) ?? [];
  const status = useCellStatus(path, true);
  return (
    <Field path={path} label={label} help={help} required={required} prefix style={style}>
      <Checkbox.Group
        aria-label={typeof label === 'string' ? label : undefined}
        value={value}
        onChange={(v) => {
          const chosen = options.map((o) => o.value).filter((x) => (v as V[]).includes(x));
          set(path, optional && chosen.length === 0 ? undefined : chosen);
        }}
        style={{
          display: 'flex',
          flexDirection: vertical ? 'column' : 'row',
          flexWrap: 'wrap',
          gap: vertical ? 6 : '6px 16px',
          ...(status ? { outline: `1px solid ${status === 'error' ? '#c62828' : '#b7791f'}`, outlineOffset: 4, borderRadius: 4 } : {}),
        }}
        options={options.map((o) => ({ value: o.value, label: o.label }))}
      />
    </Field>
  );
}

/** Free-text list as tags (keywords, topics, agencies); suggestions are offered but not enforced. */
export function TagsField({
  path,
  label,
  help,
  required,
  suggestions,
  optional,
  style,
}: Common & { suggestions?: readonly string[]; optional?: boolean }) {
  const { doc, set } = useEditor();
  const { t } = useTranslation();
  const id = useId();
  const status = useCellStatus(path, true);
  const value = (getIn(doc, path) as string[] | undefined) ?? [];
  return (
    <Field path={path} label={label} help={help} htmlFor={id} required={required} prefix style={style}>
      <Select
        id={id}
        mode="tags"
        value={value}
        status={status}
        tokenSeparators={['；', ';', '，', ',']}
        placeholder={t('catalog.editor.tagsPlaceholder')}
        options={(suggestions ?? []).map((s) => ({ value: s, label: s }))}
        onChange={(v: string[]) => {
          const clean = [...new Set(v.map((s) => s.trim()).filter(Boolean))];
          set(path, optional && clean.length === 0 && getIn(doc, path) === undefined ? undefined : clean);
        }}
        style={{ width: '100%' }}
      />
    </Field>
  );
}

/** Move up, move down and remove for one entry of a list. */
export function RowTools({ index, count, onMove, onRemove }: { index: number; count: number; onMove: (from: number, to: number) => void; onRemove: (i: number) => void }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <Space size={0}>
      <Tooltip title={t('catalog.editor.moveUp')}>
        <Button type="text" size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={t('catalog.editor.moveUp')} disabled={index === 0} onClick={() => onMove(index, index - 1)} />
      </Tooltip>
      <Tooltip title={t('catalog.editor.moveDown')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined aria-hidden />}
          aria-label={t('catalog.editor.moveDown')}
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
        />
      </Tooltip>
      <Tooltip title={t('catalog.editor.remove')}>
        <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('catalog.editor.removeN', { n: index + 1 })} onClick={() => onRemove(index)} />
      </Tooltip>
    </Space>
  );
}

export function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x as T);
  return copy;
}

/** Helpers for a list element at `path`: the list, and add / move / remove that keep the rest intact. */
export function useList<T>(path: readonly Seg[]) {
  const { doc, set } = useEditor();
  const list = (getIn(doc, path) as T[] | undefined) ?? [];
  return {
    list,
    add: (item: T) => set(path, [...list, item]),
    move: (from: number, to: number) => set(path, moveItem(list, from, to)),
    remove: (i: number) => set(path, list.filter((_, j) => j !== i)),
  };
}
