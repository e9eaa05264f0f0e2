import { Alert, Card, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useRegisterCheck } from '../../api/sharing.ts';
import type { RegisterCheck } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';

type FieldRow = RegisterCheck['fields'][number];

const cell = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));

/**
 * 共享数据核验: what the applicant filled in beside the base registers (mismatches highlighted), and the register
 * extracts that stand for the materials the departments obtain (the household for 居民户口簿 …). Reading it is an
 * audited access on the server.
 */
export function RegisterCheckCard({ caseId, h2 }: { caseId: string; h2: React.CSSProperties }) {
  const { t } = useTranslation();
  const check = useRegisterCheck(caseId);
  const data = check.data;
  const mismatches = data?.fields.filter((f) => f.match === 'mismatch').length ?? 0;
  const compared = data?.fields.filter((f) => f.match !== 'missing').length ?? 0;
  const badge =
    !data || compared === 0 ? null : mismatches > 0 ? (
      <Tag color="red" icon={<WarningFilled aria-hidden />}>
        {t('sharingUse.mismatchCount', { count: mismatches })}
      </Tag>
    ) : (
      <Tag color="green" icon={<CheckCircleFilled aria-hidden />}>
        {t('sharingUse.allMatch')}
      </Tag>
    );
  const matchTag = (m: FieldRow['match']) => <Tag color={m === 'match' ? 'green' : m === 'mismatch' ? 'red' : 'default'}>{t(`sharingUse.${m}`)}</Tag>;

  return (
    <Card
      title={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <h2 style={h2}>{t('sharingUse.checkTitle')}</h2>
          {badge}
        </span>
      }
      style={{ marginTop: 16 }}
      data-testid="register-check"
      loading={check.isPending}
    >
      {check.isError && <Alert type="warning" showIcon title={t('sharingUse.loadFailed', { message: errorMessage(check.error) })} />}
      {data && !data.found && <Alert type="info" showIcon title={t('sharingUse.checkNotFound')} />}
      {data && data.found && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('sharingUse.checkIntro')}
          </Typography.Paragraph>
          {data.fields.length === 0 ? (
            <Typography.Paragraph>{t('sharingUse.checkEmpty')}</Typography.Paragraph>
          ) : (
            <Table<FieldRow>
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={data.fields}
              tableLayout="fixed"
              rowClassName={(r) => (r.match === 'mismatch' ? 'tb-row-mismatch' : '')}
              onRow={(r) => ({ 'data-match': r.match }) as React.HTMLAttributes<HTMLTableRowElement>}
              columns={[
                { key: 'title', title: t('sharingUse.field'), dataIndex: 'title', width: 110 },
                { key: 'claim', title: t('sharingUse.claim'), render: (_, r) => cell(r.claim) },
                {
                  key: 'register',
                  title: t('sharingUse.register'),
                  render: (_, r) => (
                    <>
                      <div style={r.match === 'mismatch' ? { color: '#cf1322', fontWeight: 600 } : undefined}>{cell(r.register)}</div>
                      {r.source && (
                        <div style={{ fontSize: '0.85em', color: 'rgba(0,0,0,0.55)' }}>
                          {t('sharingUse.sourceOf', { provider: r.source.provider, resource: r.source.resourceName, at: formatDateTime(r.source.updatedAt) })}
                        </div>
                      )}
                    </>
                  ),
                },
                { key: 'match', title: '', width: 96, render: (_, r) => matchTag(r.match) },
              ]}
            />
          )}
          {data.materials.map((m) => (
            <div key={m.code} style={{ marginTop: 16 }} data-testid={`register-extract-${m.code}`}>
              <div style={{ fontWeight: 600, marginBottom: 6 }}>{t('sharingUse.extractTitle', { name: m.name, provider: m.provider, resource: m.resource.name })}</div>
              <Table
                size="small"
                pagination={false}
                rowKey="__row"
                dataSource={m.extract.map((row, i) => ({ __row: String(i), ...Object.fromEntries(row.map((c) => [c.label, cell(c.value)])) }))}
                columns={(m.extract[0] ?? []).map((c) => ({ key: c.label, title: c.label, dataIndex: c.label }))}
              />
              {m.updatedAt && <div style={{ fontSize: '0.85em', color: 'rgba(0,0,0,0.55)', marginTop: 4 }}>{t('sharingUse.updatedAt', { at: formatDateTime(m.updatedAt) })}</div>}
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
