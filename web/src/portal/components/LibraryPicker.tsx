import { useState, type CSSProperties } from 'react';
import { Alert, Button, Empty, Modal, Radio, Skeleton, Tag, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import type { LibraryFile } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';

/** My material library: files I uploaded before. Not under the `me` key, so it is dropped on login and logout. */
export function useMaterialLibrary(enabled = true) {
  return useQuery({
    queryKey: ['library'] as const,
    queryFn: ({ signal }) => api.get<{ files: LibraryFile[] }>('/api/v1/me/materials', undefined, signal).then((r) => r.files),
    enabled,
    staleTime: 30_000,
  });
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 从我的材料库选择: a list of my earlier files with what each served as; those used for a material of the same
 * name come first, marked 推荐. Files already attached here are shown but cannot be picked again.
 */
function LibraryDialog({
  materialName,
  attached,
  onPick,
  onClose,
}: {
  materialName: string;
  attached: ReadonlySet<string>;
  onPick: (file: LibraryFile) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const library = useMaterialLibrary();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const files = [...(library.data ?? [])].sort((a, b) => Number(b.usedAs.includes(materialName)) - Number(a.usedAs.includes(materialName)));
  return (
    <Modal
      open
      title={t('apply.libraryTitle', { name: materialName })}
      okText={t('apply.libraryPick')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !chosen }}
      onOk={() => {
        const f = files.find((x) => x.id === chosen);
        if (f) onPick(f);
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {library.isPending ? (
        <Skeleton active />
      ) : library.isError ? (
        <Alert type="error" showIcon title={t('apply.libraryFailed', { message: errorMessage(library.error) })} />
      ) : files.length === 0 ? (
        <Empty description={t('apply.libraryEmpty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('apply.libraryHint')}</Typography.Paragraph>
          <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} style={{ display: 'block' }} aria-label={materialName}>
            <ul className="tb-library-list">
              {files.map((f) => {
                const here = attached.has(f.id);
                return (
                  <li key={f.id}>
                    <Radio value={f.id} disabled={here}>
                      <span style={{ fontWeight: 500, wordBreak: 'break-all' }}>{f.name}</span>
                      {f.usedAs.includes(materialName) && (
                        <Tag color="green" style={{ marginInlineStart: 6 }}>
                          {t('apply.librarySuggested')}
                        </Tag>
                      )}
                    </Radio>
                    <div className="tb-library-meta" style={{ marginInlineStart: 24 }}>
                      {t('apply.libraryUploadedAt', { date: formatDate(f.uploadedAt) })} · {formatSize(f.size)}
                      {here && ` · ${t('apply.libraryAlready')}`}
                      {f.usedAs.length > 0 && <div>{t('apply.libraryUsedAs', { names: f.usedAs.join('、') })}</div>}
                    </div>
                  </li>
                );
              })}
            </ul>
          </Radio.Group>
        </>
      )}
    </Modal>
  );
}

/** The 从我的材料库选择 button with its dialog. */
export function LibraryButton({
  materialName,
  attached,
  onPick,
  size,
  style,
}: {
  materialName: string;
  attached: ReadonlySet<string>;
  onPick: (file: LibraryFile) => void;
  size?: 'small' | 'middle' | 'large';
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FolderOpenOutlined aria-hidden />} onClick={() => setOpen(true)} size={size} style={style}>
        {t('apply.fromLibrary')}
        <span className="tb-sr-only">{materialName}</span>
      </Button>
      {open && (
        <LibraryDialog
          materialName={materialName}
          attached={attached}
          onClose={() => setOpen(false)}
          onPick={(file) => {
            onPick(file);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
