import { DatePicker, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FormFieldSchema, FormSchema, OwnProfile, RegisterValues } from '../../api/types.ts';
import { registerSourceLabel } from '../../api/sharing.ts';
import { orderedFields } from '../../components/formOrder.ts';

export { orderedFields };

const originLabel = { profile: 'apply.prefilled', agent: 'apply.prefilledAgent', history: 'apply.prefilledHistory' } as const;

export type FormValues = Record<string, unknown>;

type ProfileKey = keyof OwnProfile;

const profileKeys = new Set<ProfileKey>(['name', 'idNumber', 'phone', 'address', 'entityName', 'creditCode']);

/** Facts that come from an authoritative government register: once filled from it, the applicant cannot change them. */
const registerKeys = new Set<ProfileKey>(['name', 'idNumber', 'entityName', 'creditCode']);

/**
 * For an entity's agent, name and idNumber are the agent's own: the form may ask for someone else (法定代表人,
 * 财务负责人), so they are filled as a suggestion and stay editable. The entity's own facts stay locked.
 */
const agentKeys = new Set<ProfileKey>(['name', 'idNumber']);

/**
 * Where a pre-filled value came from: the applicant's registered profile, an entity agent's own details, the base
 * registers (a department's record of the applicant, editable, said with its source), or an earlier application.
 */
export type FieldOrigin = 'profile' | 'agent' | 'register' | 'history';

/** The profile field an `x-prefill` names (`name`, also accepted as `profile.name` or `me.profile.name`). */
function profileKey(prefill: string | undefined): ProfileKey | undefined {
  if (!prefill) return undefined;
  const k = prefill.replace(/^(me\.)?profile\./, '') as ProfileKey;
  return profileKeys.has(k) ? k : undefined;
}

/**
 * Values to start the form with: the schema's defaults, then the applicant's own profile for every field whose
 * `x-prefill` names one of its keys. A field filled from a register fact (name, idNumber, entityName, creditCode)
 * is locked; phone and address stay editable. For an entity applicant, name and idNumber are the agent's own and
 * stay editable.
 */
export function initialFormValues(
  schema: FormSchema,
  profile: OwnProfile | undefined,
  subjectType: string = 'person',
  registers?: RegisterValues,
): { values: FormValues; origins: Record<string, FieldOrigin>; locked: Set<string>; sourceLabels: Record<string, string> } {
  const values: FormValues = {};
  const origins: Record<string, FieldOrigin> = {};
  const locked = new Set<string>();
  const sourceLabels: Record<string, string> = {};
  const entity = subjectType === 'entity';
  for (const [key, field] of Object.entries(schema.properties)) {
    if (field.default !== undefined) values[key] = field.format === 'date' && typeof field.default === 'string' ? dayjs(field.default) : field.default;
    const pk = profileKey(field['x-prefill']);
    const v = pk ? profile?.[pk]?.trim() : undefined;
    if (pk && v) {
      values[key] = v;
      const agents = entity && agentKeys.has(pk);
      origins[key] = agents ? 'agent' : 'profile';
      if (registerKeys.has(pk) && !agents) locked.add(key);
      continue;
    }
    const hint = field['x-prefill'];
    const fromRegister = hint ? registers?.values[hint] : undefined;
    if (hint && fromRegister !== undefined && fromRegister !== '') {
      values[key] = reviveValue(field, fromRegister);
      origins[key] = 'register';
      sourceLabels[key] = registerSourceLabel(registers!.sources[hint]!);
    }
  }
  return { values, origins, locked, sourceLabels };
}

/** A stored value (draft, earlier application) as the form control wants it: dates as dayjs. */
export function reviveValue(field: FormFieldSchema | undefined, v: unknown): unknown {
  if (field?.format === 'date' && typeof v === 'string') {
    const d = dayjs(v);
    return d.isValid() ? d : undefined;
  }
  return v;
}

/** Form values as the API wants them: dates as YYYY-MM-DD, empty strings dropped. */
export function serializeForm(schema: FormSchema, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const v = values[key];
    if (v === undefined || v === null || v === '') continue;
    if (dayjs.isDayjs(v)) out[key] = (v as Dayjs).format('YYYY-MM-DD');
    else if (typeof v === 'string') out[key] = v.trim();
    else out[key] = v;
  }
  return out;
}

/** A value for the confirmation page and case views. */
export function displayValue(field: FormFieldSchema, v: unknown, yes: string, no: string): string {
  if (v === undefined || v === null || v === '') return '—';
  if (dayjs.isDayjs(v)) return (v as Dayjs).format('YYYY-MM-DD');
  if (typeof v === 'boolean') return v ? yes : no;
  if (field.enum && field.enumNames) {
    const i = field.enum.indexOf(v as string | number);
    if (i >= 0 && field.enumNames[i]) return field.enumNames[i]!;
  }
  return String(v);
}

function autoCompleteFor(field: FormFieldSchema): string | undefined {
  switch (field['x-prefill']) {
    case 'name':
      return 'name';
    case 'phone':
      return 'tel';
    case 'address':
      return 'street-address';
    case 'entityName':
      return 'organization';
    default:
      return field.format === 'email' ? 'email' : undefined;
  }
}

function enumOptions(field: FormFieldSchema) {
  return (field.enum ?? []).map((value, i) => ({ value, label: field.enumNames?.[i] ?? String(value) }));
}

/**
 * An application form generated from the item's JSON Schema: string (input or
 * textarea), number, boolean, enum (select or radio), date; required fields and
 * simple string/number constraints become validation rules.
 */
export function SchemaFields({
  schema,
  origins,
  locked,
  sourceLabels = {},
}: {
  schema: FormSchema;
  origins: Record<string, FieldOrigin>;
  locked: Set<string>;
  /** For register values: “泰州市公安局户籍信息”, said as 来自…（可修改）. */
  sourceLabels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const required = new Set(schema.required ?? []);

  return (
    <>
      {orderedFields(schema).map(([key, field]) => {
        const title = field.title ?? key;
        const isRequired = required.has(key);
        const isChoice = !!field.enum || field.type === 'boolean' || field.format === 'date';
        // A register value cannot be corrected here, so only the server judges its format.
        const isLocked = locked.has(key);
        const rules: Rule[] = [];
        if (isRequired) {
          // The rule's value type must be named: a rule with more keys than `required` is checked as a string by
          // async-validator, so a typed number (出资额 10) was refused as "empty".
          // A date is a dayjs object until submission: checked as a string it was always "empty".
          const type = field.type === 'number' || field.type === 'integer' ? 'number' : field.type === 'boolean' ? 'boolean' : field.format === 'date' && !field.enum ? 'object' : undefined;
          rules.push({
            required: true,
            ...(type ? { type } : { whitespace: field.type === 'string' && !field.enum && field.format !== 'date' }),
            message: isChoice ? t('apply.requiredSelect', { field: title }) : t('apply.requiredInput', { field: title }),
          });
        }
        if (field.format === 'email') rules.push({ type: 'email', message: t('apply.invalidFormat', { field: title }) });
        if (field.type === 'string' && !field.enum && field.format !== 'date' && !isLocked) {
          if (field.minLength) rules.push({ min: field.minLength, message: t('apply.tooShort', { field: title, n: field.minLength }) });
          if (field.maxLength) rules.push({ max: field.maxLength, message: t('apply.tooLong', { field: title, n: field.maxLength }) });
          if (field.pattern) {
            try {
              rules.push({ pattern: new RegExp(field.pattern), message: t('apply.invalidFormat', { field: title }) });
            } catch {
              // a pattern the browser cannot parse is left to the server
            }
          }
        }

        const extra = (
          <>
            {isLocked ? (
              <span className="tb-register-hint">
                <LockOutlined aria-hidden />
                {t('apply.fromRegister')}
              </span>
            ) : (
              origins[key] &&
              (origins[key] === 'register' ? (
                <Tag color="cyan" style={{ marginTop: 4, whiteSpace: 'normal' }} data-testid={`from-register-${key}`}>
                  {t('sharingUse.fromRegister', { source: sourceLabels[key] ?? t('apply.fromRegister') })}
                </Tag>
              ) : origins[key] === 'agent' ? (
                // A suggestion, not a fact: said as a plain hint.
                <span className="tb-register-hint">{t(originLabel.agent)}</span>
              ) : (
                <Tag color={origins[key] === 'history' ? 'gold' : 'blue'} style={{ marginTop: 4, whiteSpace: 'normal' }}>
                  {t(originLabel[origins[key] as keyof typeof originLabel])}
                </Tag>
              ))
            )}
            {field.description && <div>{field.description}</div>}
          </>
        );
        const hasExtra = isLocked || !!origins[key] || !!field.description;
        const common = { name: key, label: title, rules, extra: hasExtra ? extra : undefined };

        if (field.type === 'boolean') {
          return (
            <Form.Item key={key} {...common}>
              <Radio.Group
                role="radiogroup"
                aria-label={title}
                disabled={isLocked}
                options={[
                  { value: true, label: t('common.yes') },
                  { value: false, label: t('common.no') },
                ]}
              />
            </Form.Item>
          );
        }
        if (field.enum) {
          const options = enumOptions(field);
          if (field['x-ui']?.widget === 'radio') {
            return (
              <Form.Item key={key} {...common}>
                <Radio.Group role="radiogroup" aria-label={title} options={options} disabled={isLocked} />
              </Form.Item>
            );
          }
          return (
            <Form.Item key={key} {...common}>
              <Select options={options} placeholder={t('apply.selectPlaceholder')} disabled={isLocked} allowClear={!isRequired} />
            </Form.Item>
          );
        }
        if (field.type === 'number' || field.type === 'integer') {
          return (
            <Form.Item key={key} {...common}>
              <InputNumber
                style={{ width: '100%' }}
                min={field.minimum}
                max={field.maximum}
                precision={field.type === 'integer' ? 0 : undefined}
                inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
                readOnly={isLocked}
                variant={isLocked ? 'filled' : undefined}
              />
            </Form.Item>
          );
        }
        if (field.format === 'date') {
          return (
            <Form.Item key={key} {...common}>
              <DatePicker style={{ width: '100%' }} placeholder={t('apply.datePlaceholder')} inputReadOnly disabled={isLocked} />
            </Form.Item>
          );
        }
        if (field['x-ui']?.widget === 'textarea') {
          return (
            <Form.Item key={key} {...common}>
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={field.maxLength}
                showCount={!!field.maxLength}
                readOnly={isLocked}
                variant={isLocked ? 'filled' : undefined}
              />
            </Form.Item>
          );
        }
        return (
          <Form.Item key={key} {...common}>
            <Input
              readOnly={isLocked}
              variant={isLocked ? 'filled' : undefined}
              maxLength={field.maxLength}
              placeholder={field['x-ui']?.placeholder}
              type={field.format === 'email' ? 'email' : undefined}
              inputMode={/phone|mobile|tel/i.test(key) || field['x-prefill'] === 'phone' ? 'tel' : undefined}
              autoComplete={autoCompleteFor(field)}
            />
          </Form.Item>
        );
      })}
    </>
  );
}
