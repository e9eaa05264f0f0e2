import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { CopyOutlined, FileAddOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { blankDocument } from '../catalogMeta.ts';
import { useCatalogItem, useCatalogItems } from '../queries.ts';
import { ItemEditor } from './ItemEditor.tsx';

/** /admin/items/:id — one stored item. */
export function ItemEditorPage() {
  const { id } = useParams();
  const detail = useCatalogItem(id);
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  return <ItemEditor key={id} detail={detail.data} initialDoc={detail.data.document} />;
}

/** /admin/items/new — from a copy of an existing item (?from=id) or blank (?blank=1). */
export function NewItemPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const blank = params.get('blank') === '1';
  const source = useCatalogItem(from);
  useDocumentTitle(t('catalog.editor.titleNew'));

  if (from) {
    if (source.isPending) return <PageLoading />;
    if (source.isError) return <LoadError error={source.error} onRetry={() => void source.refetch()} />;
    const doc = structuredClone(source.data.document);
    return (
      <ItemEditor
        key={`from-${from}`}
        initialDoc={doc}
        notice={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('catalog.editor.copyOf', { name: source.data.item.name })} />}
      />
    );
  }
  if (blank) return <ItemEditor key="blank" initialDoc={blankDocument()} />;
  return <StartChooser onCopy={(id) => setParams({ from: id })} onBlank={() => setParams({ blank: '1' })} />;
}

function StartChooser({ onCopy, onBlank }: { onCopy: (id: string) => void; onBlank: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const items = useCatalogItems({ q });
  const [picked, setPicked] = useState<string>();
  return (
    <div style={{ maxWidth: 880 }}>
      <Typography.Title level={2} style={{ fontSize: '1.3em' }}>
        {t('catalog.editor.startTitle')}
      </Typography.Title>
      <div className="tb-start-grid">
        <Card>
          <Typography.Title level={3} style={{ fontSize: '1.05em', marginTop: 0 }}>
            <CopyOutlined aria-hidden /> {t('catalog.editor.startCopy')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('catalog.editor.startCopyHint')}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              aria-label={t('catalog.editor.pickItem')}
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder={t('catalog.editor.pickItem')}
              value={picked}
              onChange={setPicked}
              loading={items.isFetching}
              style={{ width: '100%' }}
              options={(items.data?.items ?? []).slice(0, 50).map((i) => ({ value: i.id, label: `${i.name} · ${i.agency.name}` }))}
            />
            <Button type="primary" disabled={!picked} onClick={() => picked && onCopy(picked)}>
              {t('catalog.copy')}
            </Button>
          </Space.Compact>
        </Card>
        <Card>
          <Typography.Title level={3} style={{ fontSize: '1.05em', marginTop: 0 }}>
            <FileAddOutlined aria-hidden /> {t('catalog.editor.startBlank')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('catalog.editor.startBlankHint')}</Typography.Paragraph>
          <Button onClick={onBlank}>{t('catalog.editor.startBlank')}</Button>
        </Card>
      </div>
    </div>
  );
}
