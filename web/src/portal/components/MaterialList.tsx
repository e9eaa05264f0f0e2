import { Space, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { itemFileUrl } from '../../api/items.ts';
import type { MaterialRequirement } from '../../api/types.ts';

export const necessityColor: Record<string, string | undefined> = {
  required: 'red',
  optional: undefined,
  deferrable: 'orange',
};

/** The departments obtain it themselves (data sharing): the applicant brings nothing. As the server checks it. */
export function isFetchedForYou(m: MaterialRequirement): boolean {
  return m.obtainable === true;
}

/** “由部门共享获取，您无需提交” and who provides it (the resource's department, else the issuing department). */
export function SharedNote({ material: m }: { material: MaterialRequirement }) {
  const { t } = useTranslation();
  return (
    <Space size={[6, 4]} wrap style={{ marginTop: 4 }} data-testid={`shared-${m.code}`}>
      <Tag color="green">{t('sharingUse.obtained')}</Tag>
      {m.sharedBy ? (
        <span style={{ color: 'rgba(0,0,0,0.65)' }}>{t('sharingUse.provider', { provider: m.sharedBy.provider, resource: m.sharedBy.resource })}</span>
      ) : (
        m.issuingDept && <span style={{ color: 'rgba(0,0,0,0.65)' }}>{t('item.issuedBy', { dept: m.issuingDept })}</span>
      )}
    </Space>
  );
}

/** What to bring: each material with whether it is needed, who issues it, paper copies, requirements and blank forms. */
export function MaterialList({ materials, implCode }: { materials: MaterialRequirement[]; implCode?: string }) {
  const { t } = useTranslation();
  if (materials.length === 0) return <Typography.Text type="secondary">{t('item.noMaterials')}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {materials.map((m) => {
        const fetched = isFetchedForYou(m);
        const files = implCode
          ? ([
              ['blankForm', m.blankForm],
              ['sample', m.sample],
            ] as const).filter(([, f]) => !!f)
          : [];
        return (
          <li key={m.code} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div style={{ fontWeight: 600, marginBottom: 4 }}>{m.name}</div>
            <Space size={[6, 6]} wrap>
              {!fetched && <Tag color={necessityColor[m.necessity]}>{t(`item.necessity.${m.necessity}`)}</Tag>}
              {m.licenseTypeCode && (
                <Tag color="blue" icon={<SafetyCertificateOutlined aria-hidden />}>
                  {t('wallet.guideTag')}
                </Tag>
              )}
            </Space>
            {fetched && <SharedNote material={m} />}
            <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 4, fontSize: '0.92em' }}>
              {!fetched && m.issuingDept && <div>{t('item.issuedBy', { dept: m.issuingDept })}</div>}
              {!fetched && (
                <div>
                  {m.paper.original + m.paper.copy > 0 ? t('item.paper', { original: m.paper.original, copy: m.paper.copy }) : t('item.noPaper')}
                </div>
              )}
              {!fetched && m.acceptanceStandard && <div>{t('item.acceptance', { text: m.acceptanceStandard })}</div>}
              {m.notes && <div>{m.notes}</div>}
            </div>
            {files.length > 0 && (
              <Space size={[16, 4]} wrap style={{ marginTop: 6 }}>
                {files.map(([kind, f]) => (
                  <a key={kind} href={itemFileUrl(implCode!, f!.fileId)} download={f!.name} className="tb-file-link">
                    <DownloadOutlined aria-hidden /> {t(`item.${kind}`)}
                    <span className="tb-sr-only">：{f!.name}</span>
                  </a>
                ))}
              </Space>
            )}
          </li>
        );
      })}
    </ol>
  );
}
