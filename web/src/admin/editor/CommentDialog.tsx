import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';

export interface CommentDialogSpec {
  title: string;
  consequence: string;
  label: string;
  required: boolean;
  requiredMessage?: string;
  placeholder?: string;
  danger?: boolean;
  onOk: (comment: string) => Promise<unknown>;
}

/** A decision with a comment: what it means, the comment (required for 退回修改 and 停用), 确认 and 取消. */
export function CommentDialog({ spec, onClose }: { spec: CommentDialogSpec | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setError(null);
    form.resetFields();
    onClose();
  };
  const ok = async () => {
    if (!spec) return;
    let v: { comment?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setPending(true);
    setError(null);
    try {
      await spec.onOk(v.comment?.trim() ?? '');
      close();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={!!spec}
      title={spec?.title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: spec?.danger, loading: pending }}
      onOk={() => void ok()}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: !pending }}
    >
      {spec && (
        <>
          <Alert type={spec.danger ? 'warning' : 'info'} showIcon title={spec.consequence} style={{ marginBottom: 16 }} />
          <Form form={form} layout="vertical" requiredMark>
            <Form.Item
              name="comment"
              label={spec.label}
              rules={spec.required ? [{ required: true, whitespace: true, message: spec.requiredMessage }] : []}
            >
              <Input.TextArea autoSize={{ minRows: spec.required ? 4 : 2, maxRows: 10 }} placeholder={spec.placeholder} maxLength={2000} showCount />
            </Form.Item>
          </Form>
          {error != null && <Alert type="error" showIcon role="alert" title={errorMessage(error)} />}
        </>
      )}
    </Modal>
  );
}
