import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Radio, Result, Space, Steps, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage, newUuid, request } from '../api/client.ts';
import { useMe, useOwnProfile } from '../api/auth.ts';
import { useItem } from '../api/items.ts';
import { registerSourceLabel, useSharedMaterials, withSharing } from '../api/sharing.ts';
import type { CaseDetail, DeliveryMethod, FormSchema, ItemDetail, LibraryFile, MaterialLicense, MaterialRef, Me, OwnProfile, Prefill, ServerDraft } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { formatDateTime } from '../components/format.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useIsPhone } from '../components/useIsPhone.ts';
import { useMaterialLibrary } from './components/LibraryPicker.tsx';
import { isFetchedForYou } from './components/MaterialList.tsx';
import { MaterialUploads, missingMaterials, uploadableMaterials, type LicenseReuse, type UploadState } from './components/MaterialUploads.tsx';
import {
  displayValue,
  initialFormValues,
  orderedFields,
  reviveValue,
  SchemaFields,
  serializeForm,
  type FieldOrigin,
  type FormValues,
} from './components/SchemaForm.tsx';
import { useSubmitCase } from './mutations.ts';
import { AcceptRegionChoice, CommitmentSign, type CommitmentValue } from './components/CommitmentSign.tsx';

type Step = 0 | 1 | 2;

/** How long typing may pause before the draft is saved. */
const SAVE_DELAY_MS = 1200;

function draftUrl(implCode: string) {
  return `/api/v1/drafts/${encodeURIComponent(implCode)}`;
}

/**
 * My saved draft for the item, or null. Drafts live on the server (saved as I go, removed when I submit), so they
 * follow me from phone to computer and are gone from a shared terminal once I sign out.
 */
function useServerDraft(implCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['draft', implCode] as const,
    queryFn: async ({ signal }) => {
      try {
        return await request<ServerDraft>(draftUrl(implCode), { signal });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: 1,
    refetchOnWindowFocus: false,
  });
}

/** Values for the item's form from my registered profile and my earlier applications. Personal data: not kept. */
function usePrefill(implCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['prefill', implCode] as const,
    queryFn: ({ signal }) => api.get<Prefill>('/api/v1/me/prefill', { implCode }, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: 1,
    refetchOnWindowFocus: false,
  });
}

interface Sources {
  profile: OwnProfile | undefined;
  prefill: Prefill | undefined;
  draft: ServerDraft | null | undefined;
  library: LibraryFile[] | undefined;
}

/**
 * The wizard's starting point: schema defaults, then my profile (register facts locked), then values from my
 * earlier applications for fields still empty, then my saved draft for anything not locked.
 */
function startingPoint(item: ItemDetail, me: Me, src: Sources, savedFileName: string) {
  const schema: FormSchema = item.form;
  const base = initialFormValues(schema, src.profile, me.subjectType);
  const values: FormValues = { ...base.values };
  const origins: Record<string, FieldOrigin> = { ...base.origins };
  const sourceLabels: Record<string, string> = { ...base.sourceLabels };
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  for (const [k, v] of Object.entries(src.prefill?.values ?? {})) {
    const field = schema.properties[k];
    if (!field || !empty(values[k]) || empty(v)) continue;
    values[k] = reviveValue(field, v);
    const source = src.prefill?.sources[k];
    const fromRegister = source === 'register' ? src.prefill?.registerSources?.[k] : undefined;
    if (fromRegister) sourceLabels[k] = registerSourceLabel(fromRegister);
    origins[k] = source === 'history' ? 'history' : fromRegister ? 'register' : me.subjectType === 'entity' ? 'agent' : 'profile';
  }
  const uploads: UploadState = {};
  if (src.draft) {
    for (const [k, v] of Object.entries(src.draft.form)) {
      const field = schema.properties[k];
      if (!field || base.locked.has(k)) continue;
      const before = values[k];
      values[k] = reviveValue(field, v);
      // A value the applicant changed is no longer "from" anywhere.
      if (origins[k] && String(src.prefill?.values[k] ?? (typeof before === 'string' ? before : '')) !== String(v)) delete origins[k];
    }
    const names = new Map((src.library ?? []).map((f) => [f.id, f.name]));
    const codes = new Set(uploadableMaterials(item.materials).map((m) => m.code));
    for (const m of src.draft.materials) {
      if (!codes.has(m.code) || !('fileId' in m)) continue;
      // One file per material, as the server keeps it.
      uploads[m.code] = [{ uid: `draft-${m.fileId}`, name: names.get(m.fileId) ?? savedFileName, status: 'done', fileId: m.fileId }];
    }
  }
  return { values, origins, sourceLabels, locked: base.locked, uploads };
}

/** Materials as the API wants them: the files that finished uploading. */
function materialRefs(uploads: UploadState): Array<{ code: string; fileId: string }> {
  return Object.entries(uploads).flatMap(([code, list]) => list.filter((e) => e.status === 'done' && e.fileId).map((e) => ({ code, fileId: e.fileId! })));
}

/** 免提交: the files, except for materials given as my electronic licenses (consented), then those licenses. */
function submittedMaterials(uploads: UploadState, held: MaterialLicense[], covered: ReadonlySet<string>): MaterialRef[] {
  return [...materialRefs(uploads).filter((m) => !covered.has(m.code)), ...held.filter((l) => covered.has(l.code)).map((l) => ({ code: l.code, licenseRef: l.ref }))];
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

type SaveState = { status: 'idle' | 'saving' | 'saved' | 'error'; at?: string; error?: string };

/** 办结后结果怎么给您: electronic by default, the window, or express to an address (pre-filled from my profile). */
function DeliveryChoice({
  item,
  value,
  onChange,
  showError,
}: {
  item: ItemDetail;
  value: { method: DeliveryMethod; address: string; addressFromProfile: boolean };
  onChange: (v: { method: DeliveryMethod; address: string; addressFromProfile: boolean }) => void;
  showError: boolean;
}) {
  const { t } = useTranslation();
  const express = !!item.features?.express || !!item.handlingForms?.includes('express');
  const addressMissing = value.method === 'express' && !value.address.trim();
  const option = (method: DeliveryMethod, title: string, desc: string) => ({
    value: method,
    label: (
      <span>
        <strong>{title}</strong>
        <span className="tb-option-desc">{desc}</span>
      </span>
    ),
  });
  return (
    <section aria-labelledby="delivery-title" style={{ marginTop: 16 }}>
      <Typography.Title level={3} id="delivery-title" style={{ fontSize: '1em', marginBottom: 8 }}>
        {t('apply.delivery')}
      </Typography.Title>
      <Radio.Group
        className="tb-delivery-options"
        aria-labelledby="delivery-title"
        value={value.method}
        onChange={(e) => onChange({ ...value, method: e.target.value as DeliveryMethod })}
        style={{ display: 'block' }}
        options={[
          option('electronic', t('apply.deliveryElectronic'), t('apply.deliveryElectronicDesc')),
          option('pickup', t('apply.deliveryPickup'), item.hall?.address ? t('apply.deliveryPickupAt', { address: item.hall.address }) : t('apply.deliveryPickupDesc')),
          ...(express ? [option('express', t('apply.deliveryExpress'), t('apply.deliveryExpressDesc'))] : []),
        ]}
      />
      {value.method === 'express' && (
        <Form layout="vertical" component="div">
          <Form.Item
            label={t('apply.deliveryAddress')}
            required
            htmlFor="delivery-address"
            validateStatus={showError && addressMissing ? 'error' : undefined}
            help={showError && addressMissing ? t('apply.deliveryAddressRequired') : value.addressFromProfile ? t('apply.deliveryAddressFromProfile') : undefined}
          >
            <Input.TextArea
              id="delivery-address"
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={300}
              autoComplete="street-address"
              placeholder={t('apply.deliveryAddressPlaceholder')}
              value={value.address}
              onChange={(e) => onChange({ ...value, address: e.target.value, addressFromProfile: false })}
            />
          </Form.Item>
        </Form>
      )}
    </section>
  );
}

function ApplyWizard({ item, me, sources }: { item: ItemDetail; me: Me; sources: Sources }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const init = useMemo(() => startingPoint(item, me, sources, t('apply.uploaded')), [item, me, sources, t]);

  const [step, setStep] = useState<Step>(0);
  const [values, setValues] = useState<FormValues>(init.values);
  const [uploads, setUploadsState] = useState<UploadState>(init.uploads);
  const [showMissing, setShowMissing] = useState(false);
  // 免提交: my electronic licenses that can stand for materials; used unless I uncheck (or my draft has a file there).
  const held = useMemo(() => sources.prefill?.licenses ?? [], [sources.prefill]);
  const [consent, setConsent] = useState<Record<string, boolean>>(() => Object.fromEntries(held.map((l) => [l.code, !init.uploads[l.code]?.length])));
  const covered = useMemo(() => new Set(held.filter((l) => consent[l.code]).map((l) => l.code)), [held, consent]);
  const reuse: LicenseReuse = { licenses: held, consent, onConsent: (code, on) => setConsent((c) => ({ ...c, [code]: on })) };
  const [delivery, setDeliveryState] = useState({
    method: (sources.draft?.delivery?.method ?? 'electronic') as DeliveryMethod,
    address: sources.draft?.delivery?.address ?? sources.profile?.address ?? '',
    addressFromProfile: !sources.draft?.delivery?.address && !!sources.profile?.address,
  });
  const [commitment, setCommitment] = useState<CommitmentValue>({ accepted: false, signedName: '' });
  const [commitmentError, setCommitmentError] = useState(false);
  const [acceptRegion, setAcceptRegion] = useState<string | undefined>(undefined);
  const [deliveryError, setDeliveryError] = useState(false);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const [restored, setRestored] = useState(!!sources.draft);
  const idempotencyKey = useRef(newUuid());
  const submit = useSubmitCase();
  const heading = useRef<HTMLHeadingElement>(null);
  const phone = useIsPhone();

  // Saving the draft as the applicant goes: the latest values in refs, one PUT after a pause in typing.
  const latest = useRef({ values: init.values, uploads: init.uploads });
  // The delivery choice is kept with the draft too.
  const latestDelivery = useRef<{ method: DeliveryMethod; address?: string } | undefined>(sources.draft?.delivery);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<Promise<unknown> | undefined>(undefined);
  const lastSaved = useRef<string | undefined>(
    sources.draft ? JSON.stringify({ form: sources.draft.form, materials: sources.draft.materials, ...(sources.draft.delivery ? { delivery: sources.draft.delivery } : {}) }) : undefined,
  );
  const finished = useRef(false);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (finished.current) return;
    const body = {
      form: serializeForm(item.form, latest.current.values),
      materials: materialRefs(latest.current.uploads),
      ...(latestDelivery.current ? { delivery: latestDelivery.current } : {}),
    };
    const json = JSON.stringify(body);
    if (json === lastSaved.current) return;
    lastSaved.current = json;
    setSave({ status: 'saving' });
    const p = api.put<ServerDraft>(draftUrl(item.implCode), body).then(
      (d) => setSave({ status: 'saved', at: d.updatedAt }),
      (e: unknown) => {
        lastSaved.current = undefined;
        setSave({ status: 'error', error: errorMessage(e) });
      },
    );
    inflight.current = p;
  };
  const scheduleSave = (v: FormValues, u: UploadState) => {
    latest.current = { values: v, uploads: u };
    if (finished.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };
  // Leaving the page saves what is pending at once.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => {
    if (timer.current) flushRef.current();
  }, []);

  const setDelivery = (d: typeof delivery) => {
    setDeliveryState(d);
    latestDelivery.current = d.method === 'express' ? { method: 'express', address: d.address.trim() } : { method: d.method };
    scheduleSave(latest.current.values, latest.current.uploads);
  };

  const setUploads = (update: (prev: UploadState) => UploadState) =>
    setUploadsState((prev) => {
      const next = update(prev);
      scheduleSave(latest.current.values, next);
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
        scheduleSave(merged, uploads);
        flush();
        setStep(1);
      } catch {
        // antd shows the messages next to the fields
      }
      return;
    }
    if (step === 1) {
      if (missingMaterials(item.materials, uploads, covered).length > 0) {
        setShowMissing(true);
        return;
      }
      flush();
      setStep(2);
    }
  };

  const goPrev = () => {
    if (step === 0) return;
    if (step === 1) setShowMissing(false);
    setStep((s) => (s - 1) as Step);
  };

  const doSubmit = async () => {
    if (submit.isPending) return;
    if (delivery.method === 'express' && !delivery.address.trim()) {
      setDeliveryError(true);
      document.getElementById('delivery-address')?.focus();
      return;
    }
    setDeliveryError(false);
    if (item.commitmentApproval && (!commitment.accepted || !commitment.signedName.trim())) {
      setCommitmentError(true);
      document.getElementById(commitment.accepted ? 'commitment-name' : 'commitment-accept')?.focus();
      return;
    }
    setCommitmentError(false);
    // No draft save may land after the case is filed.
    finished.current = true;
    clearTimeout(timer.current);
    await inflight.current?.catch(() => undefined);
    submit.mutate(
      {
        implCode: item.implCode,
        form: serializeForm(item.form, values),
        materials: submittedMaterials(uploads, held, covered),
        delivery: delivery.method === 'express' ? { method: 'express', address: delivery.address.trim() } : { method: delivery.method },
        ...(item.commitmentApproval ? { commitment: { accepted: commitment.accepted, signedName: commitment.signedName.trim() } } : {}),
        ...(acceptRegion ? { acceptRegionCode: acceptRegion } : {}),
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: (c) => {
          // The server drops the draft with the submission; this makes sure of it.
          void api.del(draftUrl(item.implCode)).catch(() => undefined);
          setCreated(c);
        },
        onError: (e) => {
          finished.current = false;
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
  const own = uploadableMaterials(item.materials).filter((m) => !covered.has(m.code));
  const reused = held.filter((l) => covered.has(l.code));
  const fetched = item.materials.filter((m) => isFetchedForYou(m) && !covered.has(m.code));
  const saveText =
    save.status === 'saving'
      ? t('apply.draftSaving')
      : save.status === 'saved' && save.at
        ? t('apply.draftSaved', { at: formatDateTime(save.at).slice(11) })
        : save.status === 'error'
          ? t('apply.draftSaveFailed', { message: save.error ?? '' })
          : '';

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <nav aria-label={t('apply.stepsLabel')}>
        <Steps
          current={step}
          size="small"
          responsive={false}
          titlePlacement="vertical"
          items={stepTitles.map((title) => ({ title }))}
          style={{ marginBottom: 12 }}
        />
      </nav>
      {restored && step === 0 && sources.draft && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestored(false) }}
          style={{ marginBottom: 12 }}
          title={t('apply.draftRestored', { at: formatDateTime(sources.draft.updatedAt) })}
        />
      )}
      <div className="tb-draft-status" role="status" aria-live="polite" style={{ color: save.status === 'error' ? '#ad4e00' : 'rgba(0,0,0,0.55)' }}>
        {saveText}
      </div>
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
          onValuesChange={(_, all) => scheduleSave({ ...latest.current.values, ...all }, latest.current.uploads)}
        >
          <SchemaFields schema={item.form} origins={init.origins} locked={init.locked} sourceLabels={init.sourceLabels} />
        </Form>
      </div>

      {step === 1 && <MaterialUploads materials={item.materials} uploads={uploads} setUploads={setUploads} showMissing={showMissing} reuse={reuse} />}

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
          {fetched.length > 0 && (
            <Descriptions
              style={{ marginTop: 16 }}
              title={t('sharingUse.confirmTitle')}
              bordered
              size="small"
              layout={phone ? 'vertical' : 'horizontal'}
              column={1}
              items={fetched.map((m) => ({
                key: m.code,
                label: m.name,
                children: m.sharedBy ? t('sharingUse.provider', { provider: m.sharedBy.provider, resource: m.sharedBy.resource }) : t('sharingUse.obtained'),
              }))}
            />
          )}
          {reused.length > 0 && (
            <Descriptions
              style={{ marginTop: 16 }}
              title={t('wallet.reuseTitle')}
              bordered
              size="small"
              layout={phone ? 'vertical' : 'horizontal'}
              column={1}
              items={reused.map((l) => ({ key: l.code, label: l.name, children: t('wallet.reuseConfirm', { type: l.typeName, number: l.number }) }))}
            />
          )}
          <AcceptRegionChoice item={item} value={acceptRegion} onChange={setAcceptRegion} />
          <DeliveryChoice item={item} value={delivery} onChange={setDelivery} showError={deliveryError} />
          <CommitmentSign item={item} value={commitment} onChange={setCommitment} showError={commitmentError} />
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
          <Button type="primary" size="large" loading={submit.isPending} onClick={() => void doSubmit()} style={{ flex: '2 1 160px' }}>
            {t('apply.submit')}
          </Button>
        )}
      </div>
    </Card>
  );
}

/** 在线申请: 表单 → 材料 → 确认 (with how the result is delivered), then the case number. */
export function ApplyPage() {
  const { implCode } = useParams();
  const { t } = useTranslation();
  const item = useItem(implCode);
  // Today's resource catalog decides which marked materials the departments obtain (a withdrawn one is asked for).
  const shared = useSharedMaterials(item.data?.materials);
  const me = useMe();
  // Only applicants may read their profile, drafts, earlier values and files.
  const canApply = !!me.data?.permissions.includes('case:apply');
  const ready = canApply && !!item.data?.online;
  const code = item.data?.implCode ?? implCode ?? '';
  const profile = useOwnProfile(ready);
  const prefill = usePrefill(code, ready);
  const draft = useServerDraft(code, ready);
  // File names of a restored draft come from the library.
  const needLibrary = ready && !!draft.data?.materials.length;
  const library = useMaterialLibrary(needLibrary);
  useDocumentTitle(item.data ? `${t('apply.title')} · ${item.data.name}` : t('apply.title'));

  // The wizard starts once, from what was there: a later fetch (the library opened from a material, a refetch)
  // must never unmount it and lose what the applicant typed.
  const loading = profile.isLoading || prefill.isLoading || draft.isLoading || (needLibrary && library.isLoading);
  const [sources, setSources] = useState<Sources | undefined>(undefined);
  useEffect(() => {
    if (!sources && ready && !loading) setSources({ profile: profile.data, prefill: prefill.data, draft: draft.data, library: library.data });
  }, [sources, ready, loading, profile.data, prefill.data, draft.data, library.data]);

  const withShared = useMemo(() => (item.data ? { ...item.data, materials: withSharing(item.data.materials, shared.data) } : undefined), [item.data, shared.data]);

  if (item.isPending || me.isPending || shared.isLoading || (ready && !sources)) return <PageLoading />;
  if (item.isError) return <div className="tb-container tb-page"><LoadError error={item.error} onRetry={() => void item.refetch()} /></div>;
  if (!me.data) return null; // RequireAuth redirects

  const it = withShared!;
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
          {sources ? (
            <ApplyWizard item={it} me={me.data} sources={sources} />
          ) : (
            !canApply && <Alert type="warning" showIcon title={t('apply.cannotApply')} />
          )}
        </>
      ) : (
        <Alert type="warning" showIcon title={t('apply.notOnline')} description={t('item.notOnlineHint')} />
      )}
    </div>
  );
}
