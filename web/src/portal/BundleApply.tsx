import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Radio, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useOwnProfile } from '../api/auth.ts';
import { useRegisterData } from '../api/sharing.ts';
import type { Plan } from '../api/bundles.ts';
import { useSubmitBundle } from '../api/bundleCases.ts';
import { errorMessage, newUuid } from '../api/client.ts';
import type { FormSchema, WalkInApplicant } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { PageLoading } from '../components/status.tsx';
import { FileSlot, type UploadState } from './components/MaterialUploads.tsx';
import { SchemaFields, initialFormValues, serializeForm, type FormValues } from './components/SchemaForm.tsx';

/** The merged form as one form schema: only the fields the applicant is asked (not issued or filled by the bundle). */
export function mergedSchema(plan: Plan): FormSchema {
  const asked = plan.form.fields.filter((f) => !f.issuedBy && !f.filled);
  return {
    type: 'object',
    properties: Object.fromEntries(asked.map((f) => [f.key, f.schema])),
    required: asked.filter((f) => f.required).map((f) => f.key),
    'x-order': asked.map((f) => f.key),
  };
}

/** After the plan: one form, one set of materials, one submission (一表申请、一套材料、一次提交). */
export function BundleApply({ code, plan, answers, leaveOut }: { code: string; plan: Plan; answers: Record<string, string>; leaveOut: string[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const applicant = !!me.data && me.data.subjectType !== 'staff';
  const profile = useOwnProfile(applicant);
  const schema = useMemo(() => mergedSchema(plan), [plan]);
  const registers = useRegisterData(schema, applicant);
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <ButtonLink type="primary" size="large" block to={`/login?next=${encodeURIComponent(`/bundles/${code}`)}`}>
        {t('bundleCases.loginToApply')}
      </ButtonLink>
    );
  }
  if (!applicant) return <Alert type="info" showIcon title={t('bundleCases.staffCannotApply')} />;
  if (profile.isPending || registers.isLoading) return <PageLoading />;
  return <BundleApplyForm code={code} plan={plan} answers={answers} leaveOut={leaveOut} start={initialFormValues(schema, profile.data, me.data.subjectType, registers.data)} />;
}

/**
 * The one form, the materials and the submission. `applicant`: at a comprehensive window, a clerk files it for the
 * applicant (their scans, no material library) and goes on to the bundle in the workbench.
 */
export function BundleApplyForm({
  code,
  plan,
  answers,
  leaveOut,
  start,
  applicant,
}: {
  code: string;
  plan: Plan;
  answers: Record<string, string>;
  leaveOut: string[];
  start: ReturnType<typeof initialFormValues>;
  applicant?: () => Promise<WalkInApplicant | undefined>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const schema = mergedSchema(plan);
  const uploadsNeeded = plan.materials.filter((m) => m.provide === 'upload');
  const [uploads, setUploads] = useState<UploadState>({});
  const [method, setMethod] = useState<'electronic' | 'pickup'>('electronic');
  const [deliverResults, setDeliverResults] = useState<'together' | 'each'>('together');
  const [missing, setMissing] = useState<string[]>([]);
  const [key] = useState(newUuid);
  const submit = useSubmitBundle();

  const done = (k: string) => (uploads[k] ?? []).find((u) => u.status === 'done')?.fileId;
  const onSubmit = async () => {
    const who = applicant ? await applicant() : undefined;
    const values = await form.validateFields().catch(() => undefined);
    if (applicant && !who) return;
    const lacking = uploadsNeeded.filter((m) => m.necessity === 'required' && !done(m.key)).map((m) => m.name);
    setMissing(lacking);
    if (!values || lacking.length) return;
    submit.mutate(
      {
        bundleCode: code,
        answers,
        leaveOut,
        form: serializeForm(schema, form.getFieldsValue(true) as FormValues),
        materials: uploadsNeeded.flatMap((m) => (done(m.key) ? [{ key: m.key, fileId: done(m.key)! }] : [])),
        delivery: { method },
        deliverResults,
        idempotencyKey: key,
        ...(who ? { applicant: who } : {}),
      },
      { onSuccess: (b) => void navigate(who ? `/workbench/bundles/${encodeURIComponent(b.id)}` : `/my/bundles/${encodeURIComponent(b.id)}`) },
    );
  };

  return (
    <Card className="tb-bundle-apply" style={{ marginTop: 16 }}>
      <h2 className="tb-section-title" style={{ marginTop: 0 }}>
        {t('bundleCases.applyTitle')}
      </h2>
      <Typography.Paragraph type="secondary">{t('bundleCases.applyDesc')}</Typography.Paragraph>
      <h3 className="tb-subsection-title">{t('bundleCases.formTitle')}</h3>
      <Form form={form} layout="vertical" initialValues={start.values} requiredMark>
        <SchemaFields schema={schema} origins={start.origins} locked={start.locked} sourceLabels={start.sourceLabels} />
      </Form>
      <h3 className="tb-subsection-title">{t('bundleCases.materialsTitle')}</h3>
      {uploadsNeeded.length === 0 && <Typography.Paragraph>{t('bundleCases.materialsNone')}</Typography.Paragraph>}
      <ul style={{ padding: 0, margin: 0, listStyle: 'none' }}>
        {uploadsNeeded.map((m, i) => (
          <li key={m.key} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div style={{ fontWeight: 600 }}>{m.name}</div>
            <div className="tb-bundle-item-meta">{t('bundles.usedBy', { names: m.items.map((x) => x.name).join('、') })}</div>
            <FileSlot name={m.name} inputId={`bundle-material-${i}`} library={!applicant} entries={uploads[m.key] ?? []} onChange={(update) => setUploads((prev) => ({ ...prev, [m.key]: update(prev[m.key] ?? []) }))} />
          </li>
        ))}
      </ul>
      {missing.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={t('bundleCases.materialsMissing', { names: missing.join('、') })} />}
      <h3 className="tb-subsection-title">{t('bundleCases.resultsTitle')}</h3>
      <Radio.Group value={deliverResults} onChange={(e) => setDeliverResults(e.target.value as 'together' | 'each')} style={{ display: 'grid', gap: 8 }}>
        <Radio value="together">
          {t('bundleCases.together')}
          <div className="tb-bundle-item-meta">{t('bundleCases.togetherDesc')}</div>
        </Radio>
        <Radio value="each">
          {t('bundleCases.each')}
          <div className="tb-bundle-item-meta">{t('bundleCases.eachDesc')}</div>
        </Radio>
      </Radio.Group>
      <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as 'electronic' | 'pickup')} style={{ display: 'grid', gap: 8, marginTop: 12 }}>
        <Radio value="electronic">{t('bundleCases.electronic')}</Radio>
        <Radio value="pickup">{t('bundleCases.pickup')}</Radio>
      </Radio.Group>
      {submit.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorMessage(submit.error)} />}
      <Button type="primary" size="large" block loading={submit.isPending} onClick={() => void onSubmit()} style={{ marginTop: 16 }}>
        {t('bundleCases.submit')}
      </Button>
    </Card>
  );
}
