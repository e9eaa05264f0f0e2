import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Radio, Segmented, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, newUuid } from '../api/client.ts';
import { useMe } from '../api/auth.ts';
import { useBundle, usePlan } from '../api/bundles.ts';
import { useItem, useItemSearch } from '../api/items.ts';
import type { ItemDetail, OwnProfile, WalkInApplicant } from '../api/types.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { mergedSchema, BundleApplyForm } from '../portal/BundleApply.tsx';
import { Questionnaire } from '../portal/BundlePage.tsx';
import { CommitmentSign, type CommitmentValue } from '../portal/components/CommitmentSign.tsx';
import { MaterialUploads, missingMaterials, type UploadState } from '../portal/components/MaterialUploads.tsx';
import { initialFormValues, SchemaFields, serializeForm, type FormValues } from '../portal/components/SchemaForm.tsx';
import { useWindowFileCase } from './mutations.ts';
import { BundlePicker } from './components/BundlePicker.tsx';
import { MAINLAND_MOBILE } from '../components/format.ts';

type ApplicantValues = { type: 'person' | 'entity'; name: string; number: string; phone?: string };
type GetApplicant = () => Promise<WalkInApplicant | undefined>;

function toWalkIn(v: ApplicantValues): WalkInApplicant {
  const phone = v.phone?.trim() ? { phone: v.phone.trim() } : {};
  return v.type === 'person' ? { type: 'person', name: v.name.trim(), residentId: v.number.trim(), ...phone } : { type: 'entity', name: v.name.trim(), creditCode: v.number.trim(), ...phone };
}

/** What the clerk typed about the applicant, to start the application form with (never locked: the clerk may correct it). */
function profileOf(v: Partial<ApplicantValues>): OwnProfile {
  const name = v.name?.trim() || undefined;
  const number = v.number?.trim().toUpperCase() || undefined;
  const phone = v.phone?.trim() || undefined;
  return v.type === 'entity' ? { entityName: name, creditCode: number, phone } : { name, idNumber: number, phone };
}

/**
 * The form's applicant fields (x-prefill name, idNumber, phone …) follow what the clerk corrects in 1. 申请人, as long
 * as nobody typed something else into them.
 */
function useFollowApplicant(form: FormInstance<FormValues>, item: ItemDetail, profile: OwnProfile) {
  const previous = useRef(profile);
  const json = JSON.stringify(profile);
  useEffect(() => {
    const before = previous.current;
    previous.current = profile;
    for (const [key, field] of Object.entries(item.form.properties)) {
      const pk = field['x-prefill']?.replace(/^(me\.)?profile\./, '') as keyof OwnProfile | undefined;
      if (!pk || !(pk in profile || pk in before)) continue;
      const current = (form.getFieldValue(key) as unknown) ?? '';
      if (current === (before[pk] ?? '') && current !== (profile[pk] ?? '')) form.setFieldValue(key, profile[pk]);
    }
  }, [json]);
}

/** 1. 申请人: who is at the window, as on their ID card or business licence. */
function ApplicantCard({ form }: { form: FormInstance<ApplicantValues> }) {
  const { t } = useTranslation();
  const type = Form.useWatch('type', form) ?? 'person';
  return (
    <Card>
      <h2 className="tb-section-title" style={{ marginTop: 0 }}>
        {t('intake.applicantTitle')}
      </h2>
      <Typography.Paragraph type="secondary">{t('intake.applicantHint')}</Typography.Paragraph>
      <Form form={form} name="applicant" layout="vertical" initialValues={{ type: 'person' }} requiredMark style={{ maxWidth: 560 }}>
        <Form.Item name="type">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('intake.person') },
              { value: 'entity', label: t('intake.entity') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={type === 'person' ? t('intake.name') : t('intake.entityName')} rules={[{ required: true, whitespace: true, message: t('intake.nameRequired') }]}>
          <Input maxLength={type === 'person' ? 50 : 100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="number"
          label={type === 'person' ? t('intake.residentId') : t('intake.creditCode')}
          rules={[{ required: true, whitespace: true, message: type === 'person' ? t('intake.residentIdRequired') : t('intake.creditCodeRequired') }]}
        >
          <Input maxLength={30} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="phone" label={t('intake.phone')} rules={[{ pattern: MAINLAND_MOBILE, message: t('intake.phoneInvalid') }]}>
          <Input maxLength={11} inputMode="numeric" autoComplete="off" style={{ maxWidth: 240 }} />
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 单个事项: search the published catalog, choose one. */
function ItemPicker({ onPick }: { onPick: (implCode: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const items = useItemSearch({ q: q || undefined, pageSize: 8 });
  return (
    <>
      <Input.Search allowClear placeholder={t('intake.searchItem')} aria-label={t('intake.searchItem')} onSearch={setQ} enterButton style={{ maxWidth: 560 }} />
      {q && (
        <List
          style={{ marginTop: 12 }}
          loading={items.isFetching}
          locale={{ emptyText: t('intake.noItems') }}
          dataSource={items.data?.items ?? []}
          renderItem={(it) => (
            <List.Item
              actions={[
                <Button key="choose" onClick={() => onPick(it.implCode)} aria-label={`${t('intake.choose')} ${it.name}（${it.agency.name}）`}>
                  {t('intake.choose')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={<>{it.name} {!it.online && <Tag>{t('intake.windowOnly')}</Tag>}</>} description={it.agency.name} />
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** 3–5: the item's own form, its materials scanned at the window, delivery, and the submission. */
function ItemApplication({ item, getApplicant, profile }: { item: ItemDetail; getApplicant: GetApplicant; profile: OwnProfile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [start] = useState(() => initialFormValues(item.form, profile, profile.entityName ? 'entity' : 'person'));
  const [uploads, setUploads] = useState<UploadState>({});
  const [showMissing, setShowMissing] = useState(false);
  const [method, setMethod] = useState<'electronic' | 'pickup' | 'express'>('electronic');
  const [address, setAddress] = useState('');
  const [commitment, setCommitment] = useState<CommitmentValue>({ accepted: false, signedName: '' });
  const [commitmentError, setCommitmentError] = useState(false);
  const key = useRef(newUuid());
  const submit = useWindowFileCase();
  useFollowApplicant(form, item, profile);

  const onSubmit = async () => {
    const applicant = await getApplicant();
    const values = await form.validateFields().catch(() => undefined);
    const lacking = missingMaterials(item.materials, uploads).length > 0;
    setShowMissing(lacking);
    const unsigned = !!item.commitmentApproval && (!commitment.accepted || !commitment.signedName.trim());
    setCommitmentError(unsigned);
    if (!applicant || !values || lacking || unsigned) return;
    submit.mutate(
      {
        applicant,
        implCode: item.implCode,
        form: serializeForm(item.form, form.getFieldsValue(true) as FormValues),
        materials: Object.entries(uploads).flatMap(([code, list]) => list.filter((e) => e.status === 'done' && e.fileId).map((e) => ({ code, fileId: e.fileId! }))),
        delivery: { method, ...(method === 'express' ? { address: address.trim() } : {}) },
        ...(item.commitmentApproval ? { commitment: { accepted: commitment.accepted, signedName: commitment.signedName.trim() } } : {}),
        idempotencyKey: key.current,
      },
      {
        onSuccess: (c) => void navigate(`/workbench/cases/${encodeURIComponent(c.id)}`),
        onError: (e) => {
          // A definite refusal created nothing: the next try is a new attempt.
          if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 409 && e.status !== 429) key.current = newUuid();
        },
      },
    );
  };

  return (
    <>
      <Card style={{ marginTop: 16 }}>
        <h2 className="tb-section-title" style={{ marginTop: 0 }}>
          {t('intake.formTitle')}
        </h2>
        <Form form={form} layout="vertical" initialValues={start.values} requiredMark style={{ maxWidth: 720 }}>
          <SchemaFields schema={item.form} origins={{}} locked={new Set()} />
        </Form>
      </Card>
      <Card style={{ marginTop: 16 }}>
        <h2 className="tb-section-title" style={{ marginTop: 0 }}>
          {t('intake.materialsTitle')}
        </h2>
        <MaterialUploads materials={item.materials} uploads={uploads} setUploads={(update) => setUploads((prev) => update(prev))} showMissing={showMissing} library={false} hint={t('intake.uploadHint')} />
      </Card>
      <Card style={{ marginTop: 16 }}>
        <h2 className="tb-section-title" style={{ marginTop: 0 }}>
          {t('intake.finishTitle')}
        </h2>
        <Typography.Paragraph strong id="intake-delivery">
          {t('intake.delivery')}
        </Typography.Paragraph>
        <Radio.Group aria-labelledby="intake-delivery" value={method} onChange={(e) => setMethod(e.target.value as 'electronic' | 'pickup' | 'express')} style={{ display: 'grid', gap: 8 }}>
          <Radio value="electronic">{t('intake.electronic')}</Radio>
          <Radio value="pickup">{t('intake.pickup')}</Radio>
          <Radio value="express">{t('intake.express')}</Radio>
        </Radio.Group>
        {method === 'express' && (
          <Input.TextArea aria-label={t('intake.expressAddress')} placeholder={t('paperwork.addressPlaceholder')} value={address} onChange={(e) => setAddress(e.target.value)} maxLength={200} autoSize={{ minRows: 2, maxRows: 3 }} style={{ marginTop: 8, maxWidth: 560 }} />
        )}
        <CommitmentSign item={item} value={commitment} onChange={setCommitment} showError={commitmentError} />
        {submit.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={t('intake.submitFailed')} description={errorMessage(submit.error)} />}
        <Button type="primary" size="large" loading={submit.isPending} onClick={() => void onSubmit()} style={{ marginTop: 16 }}>
          {t('intake.submit')}
        </Button>
      </Card>
    </>
  );
}

/** 一件事: the same questionnaire, plan and merged form as online; one submission. */
function BundleApplication({ code, getApplicant, profile }: { code: string; getApplicant: GetApplicant; profile: OwnProfile }) {
  const { t } = useTranslation();
  const bundle = useBundle(code);
  const plan = usePlan(code);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  if (bundle.isPending) return <PageLoading />;
  if (bundle.isError) return <LoadError error={bundle.error} onRetry={() => void bundle.refetch()} />;
  const p = plan.data;
  return (
    <div style={{ marginTop: 16 }}>
      <Questionnaire b={bundle.data} answers={answers} setAnswers={setAnswers} onDone={() => plan.mutate({ answers })} pending={plan.isPending} />
      {plan.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorMessage(plan.error)} />}
      {p && (
        <Card style={{ marginTop: 16 }}>
          <h2 className="tb-section-title" style={{ marginTop: 0 }}>
            {t('intake.planTitle')}
          </h2>
          <ul>
            {p.items.map((it) => (
              <li key={it.implCode}>
                {it.name}（{it.agency.name}）
              </li>
            ))}
          </ul>
          <BundleApplyForm
            key={JSON.stringify(answers)}
            code={code}
            plan={p}
            answers={answers}
            leaveOut={[]}
            start={{ ...initialFormValues(mergedSchema(p), profile, profile.entityName ? 'entity' : 'person'), origins: {}, locked: new Set() }}
            applicant={getApplicant}
          />
        </Card>
      )}
    </div>
  );
}

/**
 * 综合窗口收件 (只进一扇门): the clerk enters who is at the window, picks an item or a 一件事, fills the same form
 * as online with them, scans the materials and submits; then goes straight to the case to accept it.
 */
export function WindowIntakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('intake.title'));
  const [applicantForm] = Form.useForm<ApplicantValues>();
  const watched = Form.useWatch((v: ApplicantValues) => v, applicantForm) as Partial<ApplicantValues> | undefined;
  const [kind, setKind] = useState<'item' | 'bundle'>('item');
  const [implCode, setImplCode] = useState<string | undefined>();
  const [bundleCode, setBundleCode] = useState<string | undefined>();
  const item = useItem(implCode);
  const me = useMe();
  // 通办 when the item is not of the window's region or below (the server decides; this only says so beforehand).
  const windowPrefix = (me.data?.regionCode ?? '').replace(/(00)+$/, '');
  const tongban = !!item.data && !!windowPrefix && !item.data.regionCode.startsWith(windowPrefix);
  const profile = profileOf(watched ?? {});
  // 通办 routed at acceptance (server: cases/tongban.ts routeAtAcceptance): an applicant from another county goes to
  // the same item's agency at home, when it has one. Read from the ID number or credit code as typed.
  const typed = watched?.number?.trim().toUpperCase() ?? '';
  const home = watched?.type === 'entity' ? typed.slice(2, 8) : typed.slice(0, 6);
  const itemPrefix = (item.data?.regionCode ?? '').replace(/(00)+$/, '');
  const routedHome = !!item.data && (item.data.tongbanScope ?? 'none') !== 'none' && /^\d{6}$/.test(home) && !!itemPrefix && !home.startsWith(itemPrefix);

  const getApplicant: GetApplicant = async () => {
    try {
      return toWalkIn(await applicantForm.validateFields());
    } catch {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return undefined;
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intake.intro')}</Typography.Paragraph>
      <ApplicantCard form={applicantForm} />
      <Card style={{ marginTop: 16 }}>
        <h2 className="tb-section-title" style={{ marginTop: 0 }}>
          {t('intake.whatTitle')}
        </h2>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as 'item' | 'bundle')}
          options={[
            { value: 'item', label: t('intake.kindItem') },
            { value: 'bundle', label: t('intake.kindBundle') },
          ]}
          style={{ marginBottom: 12 }}
        />
        {kind === 'item' &&
          (implCode ? (
            <div>
              <Typography.Text strong>{item.data?.name ?? implCode}</Typography.Text>
              {item.data && <Typography.Text type="secondary"> · {item.data.agency.name}</Typography.Text>}
              <Button type="link" onClick={() => setImplCode(undefined)}>
                {t('intake.change')}
              </Button>
              {tongban && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('intake.tongban', { agency: item.data!.agency.name })} />}
              {routedHome && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('intake.routedHome')} />}
            </div>
          ) : (
            <ItemPicker onPick={setImplCode} />
          ))}
        {kind === 'bundle' && (
          <BundlePicker value={bundleCode} onChange={setBundleCode} />
        )}
      </Card>
      {kind === 'item' && implCode && (item.isPending ? <PageLoading /> : item.isError ? <LoadError error={item.error} onRetry={() => void item.refetch()} /> : <ItemApplication key={implCode} item={item.data} getApplicant={getApplicant} profile={profile} />)}
      {kind === 'bundle' && bundleCode && <BundleApplication key={bundleCode} code={bundleCode} getApplicant={getApplicant} profile={profile} />}
    </>
  );
}
