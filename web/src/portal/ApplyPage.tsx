import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Result, Space, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, newUuid } from '../api/client.ts';
import { useMe, useOwnProfile } from '../api/auth.ts';
import { useItem } from '../api/items.ts';
import type { CaseDetail, FormSchema, ItemDetail, Me, OwnProfile } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useIsPhone } from '../components/useIsPhone.ts';
import { MaterialUploads, missingMaterials, uploadableMaterials, type UploadState } from './components/MaterialUploads.tsx';
import { displayValue, initialFormValues, orderedFields, SchemaFields, serializeForm, type FormValues } from './components/SchemaForm.tsx';
import { useSubmitCase } from './mutations.ts';

type Step = 0 | 1 | 2;

interface Draft {
  form: Record<string, unknown>;
  uploads: UploadState;
}

// Drafts live in sessionStorage: they survive a reload but not the closing of
// the tab, so a shared computer or a hall terminal does not keep them.
function draftKey(me: Me, implCode: string, version: number) {
  return `tb_draft:${me.id}:${implCode}:${version}`;
}
function loadDraft(key: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}
function saveDraft(key: string, draft: Draft) {
  try {
    sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // storage full or unavailable: drafts are a convenience only
  }
}
function clearDraft(key: string) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // ignore
  }
}

/** Turn a saved draft's date strings back into date values for the pickers. */
function reviveDates(schema: FormSchema, values: Record<string, unknown>): FormValues {
  const out: FormValues = { ...values };
  for (const [k, f] of Object.entries(schema.properties)) {
    if (f.format === 'date' && typeof out[k] === 'string') out[k] = dayjs(out[k] as string);
  }
  return out;
}

/** Server validation details, when they name form fields, as antd field errors. */
function fieldErrors(schema: FormSchema, details: unknown): Array<{ name: string; errors: string[] }> {
  // The server answers {fields:[{field, message}]} for form problems, or a list of {path, message} for schema errors.
  const list = Array.isArray(details) ? details : (details as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(list)) return [];
  const out: Array<{ name: string; errors: string[] }> = [];
  for (const d of list as Array<Record<string, unknown>>) {
    const path = String(d.field ?? d.path ?? d.instancePath ?? '');
    const name = path.split(/[./]/).filter(Boolean).pop();
    const msg = typeof d.message === 'string' ? d.message : undefined;
    if (name && msg && name in schema.properties) out.push({ name, errors: [msg] });
  }
  return out;
}

function ApplyWizard({ item, me, profile }: { item: ItemDetail; me: Me; profile: OwnProfile | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const key = draftKey(me, item.implCode, item.version);
  const init = useMemo(() => {
    const base = initialFormValues(item.form, profile);
    const draft = loadDraft(key);
    if (draft) {
      const revived = reviveDates(item.form, draft.form);
      // Values from the register stay as the register says.
      for (const k of base.locked) revived[k] = base.values[k];
      return { ...base, values: { ...base.values, ...revived }, uploads: draft.uploads ?? {} };
    }
    return { ...base, uploads: {} as UploadState };
  }, [item, profile, key]);

  const [step, setStep] = useState<Step>(0);
  const [values, setValues] = useState<FormValues>(init.values);
  const [uploads, setUploadsState] = useState<UploadState>(init.uploads);
  const [showMissing, setShowMissing] = useState(false);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const idempotencyKey = useRef(newUuid());
  const submit = useSubmitCase();
  const heading = useRef<HTMLHeadingElement>(null);
  const phone = useIsPhone();

  const persist = (v: FormValues, u: UploadState) => {
    const doneOnly: UploadState = {};
    for (const [code, list] of Object.entries(u)) doneOnly[code] = list.filter((e) => e.status === 'done');
    saveDraft(key, { form: serializeForm(item.form, v), uploads: doneOnly });
  };
  const setUploads = (update: (prev: UploadState) => UploadState) =>
    setUploadsState((prev) => {
      const next = update(prev);
      persist(values, next);
      return next;
    });

  // Move focus to the step heading so keyboard and screen-reader users follow the wizard.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const goNext = async () => {
    if (step === 0) {
      try {
        const v = await form.validateFields();
        const merged = { ...values, ...v };
        setValues(merged);
        persist(merged, uploads);
        setStep(1);
      } catch {
        // antd shows the messages next to the fields
      }
      return;
    }
    if (step === 1) {
      if (missingMaterials(item.materials, uploads).length > 0) {
        setShowMissing(true);
        return;
      }
      setStep(2);
    }
  };

  const goPrev = () => {
    if (step === 0) return;
    if (step === 1) setShowMissing(false);
    setStep((s) => (s - 1) as Step);
  };

  const doSubmit = () => {
    if (submit.isPending) return;
    const materials = Object.entries(uploads).flatMap(([code, list]) =>
      list.filter((e) => e.status === 'done' && e.fileId).map((e) => ({ code, fileId: e.fileId! })),
    );
    submit.mutate(
      { implCode: item.implCode, form: serializeForm(item.form, values), materials, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (c) => {
          clearDraft(key);
          setCreated(c);
        },
        onError: (e) => {
          // A definite refusal created nothing: the next try is a new attempt with a new key.
          // On network errors, 5xx, 409 and 429 the first request may have gone through, so keep the key.
          if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 409 && e.status !== 429) {
            idempotencyKey.current = newUuid();
            const errs = e instanceof ApiError ? fieldErrors(item.form, e.details) : [];
            if (errs.length > 0) {
              setStep(0);
              setTimeout(() => form.setFields(errs), 0);
            }
          }
        },
      },
    );
  };

  if (created) {
    return (
      <Card>
        <Result
          status="success"
          title={t('apply.successTitle')}
          subTitle={
            <>
              <div className="tb-case-number">
                {t('apply.caseNumber')}
                {t('common.colon')}
                <Typography.Text strong copyable={{ text: created.number }} className="tb-case-number-value">
                  {created.number}
                </Typography.Text>
              </div>
              <div className="tb-success-hint">{t('apply.successSub')}</div>
            </>
          }
          extra={
            <Space wrap style={{ justifyContent: 'center' }}>
              <ButtonLink type="primary" size="large" to={`/my/cases/${encodeURIComponent(created.id)}`}>
                {t('apply.viewCase')}
              </ButtonLink>
              <ButtonLink size="large" to="/">
                {t('common.backHome')}
              </ButtonLink>
            </Space>
          }
        />
      </Card>
    );
  }

  const stepTitles = [t('apply.stepForm'), t('apply.stepMaterials'), t('apply.stepConfirm')];
  const own = uploadableMaterials(item.materials);

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <nav aria-label={t('apply.stepsLabel')}>
        <Steps
          current={step}
          size="small"
          responsive={false}
          titlePlacement="vertical"
          items={stepTitles.map((title) => ({ title }))}
          style={{ marginBottom: 20 }}
        />
      </nav>
      <h2 ref={heading} tabIndex={-1} style={{ fontSize: '1.15em', margin: '0 0 16px', outline: 'none' }}>
        {stepTitles[step]}
      </h2>

      <div hidden={step !== 0}>
        <Form
          form={form}
          layout="vertical"
          initialValues={init.values}
          requiredMark
          scrollToFirstError={{ block: 'center' }}
          onValuesChange={(_, all) => persist({ ...values, ...all }, uploads)}
        >
          <SchemaFields schema={item.form} prefilled={init.prefilled} locked={init.locked} />
        </Form>
      </div>

      {step === 1 && <MaterialUploads materials={item.materials} uploads={uploads} setUploads={setUploads} showMissing={showMissing} />}

      {step === 2 && (
        <div>
          <Typography.Paragraph strong>{t('apply.confirmTitle')}</Typography.Paragraph>
          <Descriptions
            title={t('apply.confirmForm')}
            bordered
            size="small"
            layout={phone ? 'vertical' : 'horizontal'}
            column={1}
            items={orderedFields(item.form).map(([k, f]) => ({
              key: k,
              label: f.title ?? k,
              children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{displayValue(f, values[k], t('common.yes'), t('common.no'))}</span>,
            }))}
          />
          {own.length > 0 && (
            <Descriptions
              style={{ marginTop: 16 }}
              title={t('apply.confirmMaterials')}
              bordered
              size="small"
              layout={phone ? 'vertical' : 'horizontal'}
              column={1}
              items={own.map((m) => {
                const files = (uploads[m.code] ?? []).filter((e) => e.status === 'done');
                return {
                  key: m.code,
                  label: m.name,
                  children: files.length ? files.map((f) => f.name).join('、') : <Typography.Text type="secondary">{t('apply.notUploaded')}</Typography.Text>,
                };
              })}
            />
          )}
          <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('apply.pledge')} />
          {submit.isError && (
            <Alert
              style={{ marginTop: 12 }}
              type="error"
              showIcon
              role="alert"
              title={t('apply.submitFailed')}
              description={errorMessage(submit.error)}
            />
          )}
        </div>
      )}

      <div style={{ display: 'flex', gap: 12, marginTop: 24, flexWrap: 'wrap' }}>
        {step > 0 && (
          <Button size="large" onClick={goPrev} disabled={submit.isPending} style={{ flex: '1 1 120px' }}>
            {t('apply.prev')}
          </Button>
        )}
        {step < 2 ? (
          <Button type="primary" size="large" onClick={() => void goNext()} style={{ flex: '2 1 160px' }}>
            {t('apply.next')}
          </Button>
        ) : (
          <Button type="primary" size="large" loading={submit.isPending} onClick={doSubmit} style={{ flex: '2 1 160px' }}>
            {t('apply.submit')}
          </Button>
        )}
      </div>
    </Card>
  );
}

/** 在线申请: 表单 → 材料 → 确认, then the case number. */
export function ApplyPage() {
  const { implCode } = useParams();
  const { t } = useTranslation();
  const item = useItem(implCode);
  const me = useMe();
  // The applicant's own unmasked profile pre-fills the form; only applicants may read it.
  const canApply = !!me.data?.permissions.includes('case:apply');
  const profile = useOwnProfile(canApply && !!item.data?.online);
  useDocumentTitle(item.data ? `${t('apply.title')} · ${item.data.name}` : t('apply.title'));

  if (item.isPending || me.isPending || profile.isLoading) return <PageLoading />;
  if (item.isError) return <div className="tb-container tb-page"><LoadError error={item.error} onRetry={() => void item.refetch()} /></div>;
  if (!me.data) return null; // RequireAuth redirects

  const it = item.data;
  return (
    <div className="tb-container tb-page" style={{ maxWidth: 760 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          { title: <Link to={`/items/${encodeURIComponent(it.implCode)}`}>{it.name}</Link> },
          { title: t('apply.title') },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {it.name}
      </Typography.Title>
      {it.online ? (
        <>
          {profile.isError && (
            <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('apply.profileFailed')} description={errorMessage(profile.error)} />
          )}
          <ApplyWizard item={it} me={me.data} profile={profile.data} />
        </>
      ) : (
        <Alert type="warning" showIcon title={t('apply.notOnline')} description={t('item.notOnlineHint')} />
      )}
    </div>
  );
}
