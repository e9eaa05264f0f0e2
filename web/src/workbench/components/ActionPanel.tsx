import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { loose } from '../../i18n/loose.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useItem } from '../../api/items.ts';
import type { CaseActionInput, CaseDetail, ItemDetail, NoticeItem } from '../../api/types.ts';
import { SPECIAL_PROCEDURE_KEYS } from '../../components/procedures.ts';
import { useCaseAction } from '../mutations.ts';

/** The form a dialog needs besides the confirmation itself. */
type DialogKind = 'note' | 'reason' | 'supplement' | 'onSpot' | 'suspend' | 'extend' | 'deliver' | 'opinion' | 'verify';

/** One button a clerk can press: an API action, perhaps with a decision, and what it means in law. */
interface ActionChoice {
  key: string;
  action: string;
  decision?: 'grant' | 'refuse';
  label: string;
  consequence: string;
  kind: DialogKind;
  danger: boolean;
  primary: boolean;
}

/** The order buttons appear in: the usual next step first, the ones that end or pause a case after. */
const ORDER = ['accept', 'request_supplement', 'decide_on_spot', 'decline', 'resume', 'review', 'grant', 'refuse', 'verify', 'suspend', 'extend', 'deliver'];

function choicesFor(c: CaseDetail, tf: TFunction, i18nExists: (k: string) => boolean): ActionChoice[] {
  const t = loose(tf);
  const method = c.delivery?.method ?? 'electronic';
  // 一件事 delivered together: the window hands every result over at once from the bundle's page.
  const afterDecision = c.bundle?.together && method !== 'electronic' ? t('bundleCases.afterDecisionTogether') : t(`actions.afterDecision_${method}`);
  const out: ActionChoice[] = [];
  const push = (ch: Omit<ActionChoice, 'danger' | 'primary'> & Partial<Pick<ActionChoice, 'danger' | 'primary'>>) =>
    out.push({ danger: false, primary: false, ...ch });
  for (const action of c.allowedActions) {
    switch (action) {
      case 'accept':
        push({
          key: 'accept',
          action,
          label: t('actions.accept'),
          // 告知承诺制: acceptance is the grant.
          consequence: c.commitment ? `${t('engine.consequence_accept_commitment', { days: c.commitment.verificationDays })}${afterDecision}` : t('actions.consequence_accept'),
          kind: 'note',
          primary: true,
        });
        break;
      case 'request_supplement':
        push({ key: action, action, label: t('actions.request_supplement'), consequence: t('actions.consequence_request_supplement'), kind: 'supplement' });
        break;
      case 'decline':
        push({ key: 'decline', action, label: t('actions.decline'), consequence: t('actions.consequence_decline'), kind: 'reason', danger: true });
        break;
      case 'decide_on_spot':
        push({ key: action, action, label: t('actions.decide_on_spot'), consequence: `${t('actions.consequence_decide_on_spot')}${afterDecision}`, kind: 'onSpot' });
        break;
      case 'suspend':
        push({ key: action, action, label: t('actions.suspend'), consequence: t('actions.consequence_suspend'), kind: 'suspend' });
        break;
      case 'resume':
        push({ key: action, action, label: t('actions.resume'), consequence: t('actions.consequence_resume'), kind: 'note', primary: true });
        break;
      case 'extend':
        push({ key: action, action, label: t('actions.extend'), consequence: t('actions.consequence_extend'), kind: 'extend' });
        break;
      case 'decide':
        push({ key: 'grant', action, decision: 'grant', label: t('actions.grant'), consequence: `${t('actions.consequence_grant')}${afterDecision}`, kind: 'note', primary: true });
        push({ key: 'refuse', action, decision: 'refuse', label: t('actions.refuse'), consequence: `${t('actions.consequence_refuse')}${afterDecision}`, kind: 'reason', danger: true });
        break;
      case 'review': {
        const steps = c.reviewSteps ?? [];
        const i = c.currentStep ?? 0;
        const step = steps[i]?.name ?? '';
        push({ key: action, action, label: t('engine.review', { step }), consequence: t('engine.consequence_review', { step, next: steps[i + 1]?.name ?? '' }), kind: 'opinion', primary: true });
        break;
      }
      case 'verify':
        push({ key: action, action, label: t('engine.verify'), consequence: t('engine.consequence_verify'), kind: 'verify', primary: true });
        break;
      case 'deliver':
        push({ key: action, action, label: t('actions.deliver'), consequence: t(`actions.consequence_deliver_${method}`), kind: 'deliver', primary: true });
        break;
      case 'supplement':
        // The applicant's own action; staff never get it.
        break;
      default: {
        // An action this screen does not know yet: still offer it, with a plain warning.
        const key = `actions.${action}`;
        push({ key: action, action, label: i18nExists(key) ? t(key) : action, consequence: t('actions.consequence_generic'), kind: 'note' });
      }
    }
  }
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return out.sort((a, b) => rank(a.key) - rank(b.key));
}

interface DialogValues {
  reason?: string;
  note?: string;
  /** request_supplement: ticked material codes, with a reason each. */
  picked?: string[];
  reasons?: Record<string, string>;
  others?: Array<{ name?: string; reason?: string }>;
  /** decide_on_spot */
  decision?: 'grant' | 'refuse';
  procedure?: string;
  expectedDays?: number;
  days?: number;
  trackingNo?: string;
  opinion?: string;
  outcome?: 'confirmed' | 'false_commitment';
}

/** The one-time supplement notice: the item's materials to tick (each with its problem), free items and a note. */
function SupplementFields({ c, item }: { c: CaseDetail; item: ItemDetail | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<DialogValues>();
  const picked = Form.useWatch('picked', form) ?? [];
  const others = Form.useWatch('others', form) ?? [];
  // Only what the applicant brings: materials the platform obtains itself are never asked for.
  const materials = (item?.materials ?? []).filter((m) => m.source !== 'government' && !m.obtainable);
  const count = picked.length + others.filter((o) => o?.name?.trim()).length;
  return (
    <>
      {materials.length > 0 ? (
        <Form.Item name="picked" label={t('actions.noticeMaterials')} style={{ marginBottom: 8 }}>
          <Checkbox.Group style={{ display: 'block' }}>
            <ul className="tb-notice-pick">
              {materials.map((m) => {
                const given = c.materials.filter((x) => x.code === m.code);
                const on = picked.includes(m.code);
                return (
                  <li key={m.code} className={on ? 'tb-notice-pick-on' : undefined}>
                    <Checkbox value={m.code}>
                      <span style={{ fontWeight: 500 }}>{m.name}</span>
                    </Checkbox>
                    <div className="tb-notice-pick-sub">
                      {given.length ? t('actions.noticeSubmitted', { files: given.map((g) => g.fileName).join('、') }) : t('actions.noticeNotSubmitted')}
                    </div>
                    {on && (
                      <Form.Item
                        name={['reasons', m.code]}
                        label={t('actions.noticeItemReason', { name: m.name })}
                        rules={[{ required: true, whitespace: true, min: 4, message: t('actions.noticeReasonRequired') }]}
                        style={{ margin: '8px 0 0' }}
                      >
                        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={t('actions.noticeReasonPlaceholder')} />
                      </Form.Item>
                    )}
                  </li>
                );
              })}
            </ul>
          </Checkbox.Group>
        </Form.Item>
      ) : (
        <Alert type="info" showIcon title={t('actions.noticeNoMaterials')} style={{ marginBottom: 12 }} />
      )}
      <Typography.Text strong>{t('actions.noticeOther')}</Typography.Text>
      <Form.List name="others">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((f, i) => (
              <div key={f.key} className="tb-notice-other">
                <Form.Item
                  name={[f.name, 'name']}
                  label={t('actions.noticeOtherName')}
                  rules={[{ required: true, whitespace: true, message: t('actions.noticeOtherNameRequired') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input maxLength={200} placeholder={t('actions.noticeOtherNamePlaceholder')} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'reason']}
                  label={t('actions.noticeItemReason', { name: others[i]?.name?.trim() || t('actions.noticeOtherName') })}
                  rules={[{ required: true, whitespace: true, min: 4, message: t('actions.noticeReasonRequired') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
                </Form.Item>
                <Button type="link" danger size="small" icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} style={{ paddingInline: 0 }}>
                  {t('actions.noticeOtherRemove')}
                </Button>
              </div>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              {t('actions.noticeOtherAdd')}
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="note" label={t('actions.noticeNote')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Typography.Text type={count ? undefined : 'secondary'} aria-live="polite">
        {t('actions.noticeCount', { count })}
      </Typography.Text>
    </>
  );
}

function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="reason" label={t('actions.reasonLabel')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}>
      <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} placeholder={t('actions.reasonPlaceholder')} maxLength={1000} showCount />
    </Form.Item>
  );
}

function NoteField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="note" label={t('actions.noteLabel')}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
    </Form.Item>
  );
}

function DialogFields({ choice, c, item }: { choice: ActionChoice; c: CaseDetail; item: ItemDetail | undefined }) {
  const { t: tf } = useTranslation();
  const t = loose(tf);
  const form = Form.useFormInstance<DialogValues>();
  const onSpot = Form.useWatch('decision', form);
  const outcome = Form.useWatch('outcome', form);
  switch (choice.kind) {
    case 'opinion':
      return (
        <Form.Item name="opinion" label={t('engine.opinionLabel')} rules={[{ required: true, whitespace: true, min: 4, message: t('engine.opinionRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder={t('engine.opinionPlaceholder')} />
        </Form.Item>
      );
    case 'verify':
      return (
        <>
          <Form.Item name="outcome" label={t('engine.verifyOutcome')} rules={[{ required: true, message: t('engine.verifyOutcomeRequired') }]}>
            <Radio.Group
              options={[
                { value: 'confirmed', label: t('engine.verifyConfirmed') },
                { value: 'false_commitment', label: t('engine.verifyFalse') },
              ]}
            />
          </Form.Item>
          {outcome === 'false_commitment' ? (
            <Form.Item name="reason" label={t('engine.verifyReason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder={t('engine.verifyReasonPlaceholder')} />
            </Form.Item>
          ) : (
            <Form.Item name="opinion" label={t('engine.verifyNote')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          )}
        </>
      );
    case 'note':
      return <NoteField />;
    case 'reason':
      return <ReasonField />;
    case 'supplement':
      return <SupplementFields c={c} item={item} />;
    case 'onSpot':
      return (
        <>
          <Form.Item name="decision" label={t('actions.onSpotResult')} rules={[{ required: true, message: t('actions.onSpotRequired') }]}>
            <Radio.Group
              options={[
                { value: 'grant', label: t('actions.grant') },
                { value: 'refuse', label: t('actions.refuse') },
              ]}
            />
          </Form.Item>
          {onSpot === 'refuse' ? <ReasonField /> : <NoteField />}
        </>
      );
    case 'suspend': {
      const listed = item?.specialProcedures ?? [];
      return (
        <>
          {listed.length > 0 && (
            <Typography.Paragraph type="secondary">
              {t('actions.procedureFromGuide', {
                list: listed.map((p) => (p.maxDays ? `${p.name}（${p.maxDays} ${t('actions.workingDays')}）` : p.name)).join('；'),
              })}
            </Typography.Paragraph>
          )}
          <Form.Item name="procedure" label={t('actions.procedure')} rules={[{ required: true, message: t('actions.procedureRequired') }]}>
            <Select
              options={(c.specialProcedures ?? []).map((value) => {
                const key = SPECIAL_PROCEDURE_KEYS[value];
                return { value, label: key ? t(`actions.proc_${key}`) : value };
              })}
              placeholder={t('apply.selectPlaceholder')}
              onChange={(v: string) => {
                const hit = listed.find((p) => p.name.includes(v));
                if (hit?.maxDays && !form.getFieldValue('expectedDays')) form.setFieldValue('expectedDays', hit.maxDays);
              }}
            />
          </Form.Item>
          <Form.Item name="expectedDays" label={t('actions.expectedDays')} rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('actions.expectedDaysRequired') }]}>
            <InputNumber min={1} max={365} precision={0} suffix={t('actions.workingDays')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('actions.suspendReason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder={t('actions.suspendReasonPlaceholder')} />
          </Form.Item>
        </>
      );
    }
    case 'extend': {
      const cap = c.extensionCap ?? 0;
      const used = c.extensionDays ?? 0;
      const left = Math.max(0, cap - used);
      return (
        <>
          <Typography.Paragraph>{used > 0 ? t('actions.extendUsed', { used, left }) : t('actions.extendCap', { cap })}</Typography.Paragraph>
          <Form.Item name="days" label={t('actions.extendDays')} rules={[{ required: true, type: 'integer', min: 1, max: left || cap, message: t('actions.extendDaysRequired') }]}>
            <InputNumber min={1} max={left || cap} precision={0} suffix={t('actions.workingDays')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('actions.extendReason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} placeholder={t('actions.extendReasonPlaceholder')} />
          </Form.Item>
        </>
      );
    }
    case 'deliver':
      if (c.delivery?.method === 'express') {
        return (
          <>
            {c.delivery.address && <Typography.Paragraph>{t('actions.deliverAddress', { address: c.delivery.address })}</Typography.Paragraph>}
            <Form.Item name="trackingNo" label={t('actions.trackingNo')} extra={t('actions.trackingHint')}>
              <Input maxLength={50} autoComplete="off" style={{ maxWidth: 320 }} />
            </Form.Item>
          </>
        );
      }
      return <NoteField />;
  }
}

/** The request body for a confirmed dialog; undefined when the notice lists nothing. */
function buildInput(choice: ActionChoice, c: CaseDetail, v: DialogValues, item: ItemDetail | undefined): CaseActionInput | undefined {
  const input: CaseActionInput = { action: choice.action, version: c.version };
  const trim = (s: string | undefined) => s?.trim() || undefined;
  if (choice.decision) input.decision = choice.decision;
  switch (choice.kind) {
    case 'note':
      input.note = trim(v.note);
      break;
    case 'reason':
      input.reason = trim(v.reason);
      break;
    case 'supplement': {
      const byCode = new Map((item?.materials ?? []).map((m) => [m.code, m.name]));
      const items: NoticeItem[] = [
        ...(v.picked ?? []).map((code) => ({ code, name: byCode.get(code) ?? code, reason: (v.reasons?.[code] ?? '').trim() })),
        ...(v.others ?? []).filter((o) => o.name?.trim()).map((o) => ({ name: o.name!.trim(), reason: (o.reason ?? '').trim() })),
      ];
      if (items.length === 0) return undefined;
      input.items = items;
      input.note = trim(v.note);
      break;
    }
    case 'onSpot':
      input.decision = v.decision;
      if (v.decision === 'refuse') input.reason = trim(v.reason);
      else input.note = trim(v.note);
      break;
    case 'suspend':
      input.procedure = v.procedure;
      input.expectedDays = v.expectedDays;
      input.reason = trim(v.reason);
      break;
    case 'extend':
      input.days = v.days;
      input.reason = trim(v.reason);
      break;
    case 'deliver':
      if (c.delivery?.method === 'express') input.trackingNo = trim(v.trackingNo);
      else input.note = trim(v.note);
      break;
    case 'opinion':
      input.opinion = trim(v.opinion);
      break;
    case 'verify':
      input.outcome = v.outcome;
      if (v.outcome === 'false_commitment') input.reason = trim(v.reason);
      else input.opinion = trim(v.opinion);
      break;
  }
  return input;
}

/**
 * The case's allowed actions as buttons. Each opens a dialog that spells out the legal consequence and asks for
 * what the action needs (a reason, the notice's items, the procedure, the days, the waybill).
 */
export function ActionPanel({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionChoice | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const act = useCaseAction(c.id);
  // The item's materials (notice checklist), special procedures and joint handling (extension cap).
  const needsItem = c.allowedActions.some((a) => a === 'request_supplement' || a === 'suspend' || a === 'extend');
  const item = useItem(needsItem ? c.implCode : undefined);
  const choices = choicesFor(c, t, (k) => i18n.exists(k));

  const close = () => {
    setOpen(null);
    setFormError(null);
    act.reset();
    form.resetFields();
  };

  const onConfirm = async () => {
    if (!open) return;
    let v: DialogValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = buildInput(open, c, v, item.data);
    if (!input) {
      setFormError(t('actions.noticeEmpty'));
      return;
    }
    setFormError(null);
    act.mutate(input, {
      onSuccess: () => {
        void message.success(t('actions.done', { action: open.label }));
        close();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409) {
          void message.warning({ content: t('actions.conflict'), duration: 6 });
          close();
        }
      },
    });
  };

  if (choices.length === 0) return <Typography.Text type="secondary">{t('workbench.noActions')}</Typography.Text>;

  const wide = open?.kind === 'supplement';
  return (
    <>
      <Space wrap>
        {choices.map((ch) => (
          <Button key={ch.key} type={ch.primary ? 'primary' : 'default'} danger={ch.danger} onClick={() => setOpen(ch)}>
            {ch.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={open ? t('actions.confirmTitle', { action: open.label }) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: open?.danger, loading: act.isPending }}
        onOk={() => void onConfirm()}
        onCancel={close}
        destroyOnHidden
        width={wide ? 720 : undefined}
        mask={{ closable: !act.isPending }}
      >
        {open && (
          <>
            <Alert type={open.danger ? 'warning' : 'info'} showIcon title={open.consequence} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" requiredMark initialValues={open.kind === 'supplement' ? { picked: [], others: [] } : undefined}>
              <DialogFields choice={open} c={c} item={item.data} />
            </Form>
            {formError && <Alert type="error" showIcon role="alert" title={formError} style={{ marginTop: 12 }} />}
            {act.isError && !(act.error instanceof ApiError && act.error.status === 409) && (
              <Alert type="error" showIcon role="alert" title={errorMessage(act.error)} style={{ marginTop: 12 }} />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
