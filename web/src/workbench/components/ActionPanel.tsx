import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { loose } from '../../i18n/loose.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { CaseActionInput, CaseDetail } from '../../api/types.ts';
import { useCaseAction } from '../mutations.ts';

/** One button a clerk can press: an API action, perhaps with a decision, and what it means in law. */
interface ActionChoice {
  key: string;
  action: string;
  decision?: 'grant' | 'refuse';
  label: string;
  consequence: string;
  needsReason: boolean;
  danger: boolean;
  primary: boolean;
}

function choicesFor(allowed: string[], tf: TFunction, i18nExists: (k: string) => boolean): ActionChoice[] {
  const t = loose(tf);
  const out: ActionChoice[] = [];
  for (const action of allowed) {
    if (action === 'accept') {
      out.push({ key: 'accept', action, label: t('actions.accept'), consequence: t('actions.consequence_accept'), needsReason: false, danger: false, primary: true });
    } else if (action === 'decline') {
      out.push({ key: 'decline', action, label: t('actions.decline'), consequence: t('actions.consequence_decline'), needsReason: true, danger: true, primary: false });
    } else if (action === 'decide') {
      out.push({ key: 'grant', action, decision: 'grant', label: t('actions.grant'), consequence: t('actions.consequence_grant'), needsReason: false, danger: false, primary: true });
      out.push({ key: 'refuse', action, decision: 'refuse', label: t('actions.refuse'), consequence: t('actions.consequence_refuse'), needsReason: true, danger: true, primary: false });
    } else {
      // An action this screen does not know yet: still offer it, with a plain warning.
      const key = `actions.${action}`;
      out.push({
        key: action,
        action,
        label: i18nExists(key) ? t(key) : action,
        consequence: t('actions.consequence_generic'),
        needsReason: false,
        danger: false,
        primary: false,
      });
    }
  }
  return out;
}

/**
 * The case's allowed actions as buttons. Each opens a dialog that spells out
 * the legal consequence; decline and refuse require a specific reason.
 */
export function ActionPanel({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionChoice | null>(null);
  const [form] = Form.useForm<{ reason?: string; note?: string }>();
  const act = useCaseAction(c.id);
  const choices = choicesFor(c.allowedActions, t, (k) => i18n.exists(k));

  const close = () => {
    setOpen(null);
    act.reset();
    form.resetFields();
  };

  const onConfirm = async () => {
    if (!open) return;
    let v: { reason?: string; note?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input: CaseActionInput = { action: open.action, version: c.version };
    if (open.decision) input.decision = open.decision;
    if (open.needsReason && v.reason?.trim()) input.reason = v.reason.trim();
    if (!open.needsReason && v.note?.trim()) input.note = v.note.trim();
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
        mask={{ closable: !act.isPending }}
      >
        {open && (
          <>
            <Alert type={open.danger ? 'warning' : 'info'} showIcon title={open.consequence} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" requiredMark>
              {open.needsReason ? (
                <Form.Item
                  name="reason"
                  label={t('actions.reasonLabel')}
                  rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}
                >
                  <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} placeholder={t('actions.reasonPlaceholder')} maxLength={1000} showCount />
                </Form.Item>
              ) : (
                <Form.Item name="note" label={t('actions.noteLabel')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
                </Form.Item>
              )}
            </Form>
            {act.isError && !(act.error instanceof ApiError && act.error.status === 409) && (
              <Alert type="error" showIcon role="alert" title={errorMessage(act.error)} />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
