import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSchema } from '../api/types.ts';
import { orderedFields } from './formOrder.ts';
import { useIsPhone } from './useIsPhone.ts';

function display(value: unknown, field: FormSchema['properties'][string] | undefined, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (field?.enum && field.enumNames) {
    const i = field.enum.indexOf(value as string | number);
    if (i >= 0 && field.enumNames[i]) return field.enumNames[i]!;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The case's own form schema when the server sent a usable one. */
export function asFormSchema(v: unknown): FormSchema | undefined {
  if (v && typeof v === 'object' && 'properties' in v && typeof (v as FormSchema).properties === 'object') return v as FormSchema;
  return undefined;
}

/** The submitted form, with the item's field titles when the schema is known (else the raw keys). */
export function CaseFormView({ form, schema, columns = 1 }: { form: Record<string, unknown>; schema?: FormSchema; columns?: number }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const props = schema?.properties ?? {};
  // Schema order first, then anything the schema does not know.
  const keys = [
    ...(schema ? orderedFields(schema).map(([k]) => k) : []).filter((k) => k in form),
    ...Object.keys(form).filter((k) => !(k in props)),
  ];
  if (keys.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    // On a phone each label sits above its value: a label column squeezed to a third of the width breaks words.
    <Descriptions
      bordered
      size="small"
      layout={phone ? 'vertical' : 'horizontal'}
      styles={phone ? undefined : { label: { whiteSpace: 'nowrap' } }}
      column={phone ? 1 : columns}
      items={keys.map((k) => ({
        key: k,
        label: props[k]?.title ?? k,
        children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{display(form[k], props[k], t('common.yes'), t('common.no'))}</span>,
      }))}
    />
  );
}
