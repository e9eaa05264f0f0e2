import { Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../api/client.ts';
import type { CaseDetail } from '../api/types.ts';

/** Uploaded materials, each a download link. */
export function CaseMaterials({ materials, emptyText, hideEmpty }: { materials: CaseDetail['materials']; emptyText?: string; hideEmpty?: boolean }) {
  const { t } = useTranslation();
  if (materials.length === 0) return hideEmpty ? null : <Typography.Text type="secondary">{emptyText ?? t('common.none')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {materials.map((m) => (
        <li key={`${m.code}-${m.fileId}`} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ fontWeight: 500 }}>{m.name}</div>
          <a href={fileUrl(m.fileId)} target="_blank" rel="noopener" download={m.fileName}>
            <PaperClipOutlined aria-hidden /> {m.fileName}
            <span className="tb-sr-only"> {t('common.download')}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
