import { Alert, Button, Card, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useVerifyAudit } from './queries.ts';

/** Re-computes the audit trail's hash chain on the server and says whether it is intact. */
export function AuditPanel() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.audit'));
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <Card style={{ maxWidth: 720 }}>
      <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 0 }}>
        {t('admin.auditTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.auditDesc')}</Typography.Paragraph>
      <Button type="primary" icon={<SafetyCertificateOutlined aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
        {t('admin.auditVerify')}
      </Button>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {r && (
          <Alert
            type={r.ok ? 'success' : 'error'}
            showIcon
            title={r.ok ? t('admin.auditOk', { count: r.count }) : t('admin.auditBroken', { at: String(r.brokenAt ?? '?'), count: r.count })}
          />
        )}
        {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
      </div>
    </Card>
  );
}
