import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Tag, Typography } from 'antd';
import { CheckCircleFilled, DeleteOutlined, LoadingOutlined, SafetyCertificateOutlined, UploadOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import type { MaterialLicense, MaterialRequirement } from '../../api/types.ts';
import { uploadFile } from '../mutations.ts';
import { isFetchedForYou, necessityColor, SharedNote } from './MaterialList.tsx';
import { LibraryButton } from './LibraryPicker.tsx';

export interface UploadEntry {
  uid: string;
  name: string;
  status: 'uploading' | 'done' | 'error';
  fileId?: string;
  error?: string;
}

export type UploadState = Record<string, UploadEntry[]>;

const accept = '.pdf,.jpg,.jpeg,.png,image/*,application/pdf';

/** Materials the applicant must bring themselves (government-held or obtainable ones are never asked for). */
export function uploadableMaterials(materials: MaterialRequirement[]): MaterialRequirement[] {
  return materials.filter((m) => !isFetchedForYou(m));
}

/** `covered`: materials given as the applicant's electronic licenses (免提交), never missing. */
export function missingMaterials(materials: MaterialRequirement[], uploads: UploadState, covered?: ReadonlySet<string>): MaterialRequirement[] {
  return uploadableMaterials(materials).filter(
    (m) => m.necessity === 'required' && !covered?.has(m.code) && !(uploads[m.code] ?? []).some((u) => u.status === 'done'),
  );
}

/** 免提交: the applicant's electronic licenses that can stand for materials, and whether they agree to use each. */
export type LicenseReuse = { licenses: MaterialLicense[]; consent: Record<string, boolean>; onConsent: (code: string, on: boolean) => void };

/**
 * A material the applicant holds an electronic license for: "已有电子证照，免提交" with the license and a consent box
 * (checked: the license is attached); unchecked, the material is asked for as usual.
 */
function LicensedMaterial({ material, license, on, onConsent, children }: { material: MaterialRequirement; license: MaterialLicense; on: boolean; onConsent: (on: boolean) => void; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <li style={{ padding: '14px 0', borderBottom: '1px solid #f0f0f0', listStyle: 'none' }} data-testid={`licensed-${material.code}`}>
      <div style={{ fontWeight: 600 }}>{material.name}</div>
      <div style={{ marginTop: 6, padding: 10, borderRadius: 8, background: on ? '#f6ffed' : '#fafafa', border: `1px solid ${on ? '#b7eb8f' : '#f0f0f0'}` }}>
        <Tag color={on ? 'green' : 'default'} icon={<SafetyCertificateOutlined aria-hidden />}>
          {t('wallet.reuseTitle')}
        </Tag>
        <div style={{ marginTop: 6 }}>
          {t('wallet.reuseLicense', { type: license.typeName, number: license.number })}
          <span style={{ color: 'rgba(0,0,0,0.6)' }}> · {t('wallet.reuseIssuer', { issuer: license.issuerName })}</span>
        </div>
        <Checkbox checked={on} onChange={(e) => onConsent(e.target.checked)} style={{ marginTop: 8 }}>
          {t('wallet.reuseConsent')}
        </Checkbox>
      </div>
      {!on && (
        <div style={{ marginTop: 8 }}>
          <div style={{ color: 'rgba(0,0,0,0.6)', marginBottom: 6 }}>{t('wallet.reuseOff')}</div>
          {children}
        </div>
      )}
    </li>
  );
}

/**
 * The files given for one material: 上传 (camera or file), 从我的材料库选择, and the list with each file's state.
 * The hidden file input is labelled 上传{name}, so tests and screen readers find it by the material's name.
 */
export function FileSlot({
  name,
  inputId,
  entries,
  onChange,
  large,
  library = true,
}: {
  name: string;
  inputId: string;
  entries: UploadEntry[];
  onChange: (update: (prev: UploadEntry[]) => UploadEntry[]) => void;
  large?: boolean;
  /** 从我的材料库选择: applicants only (a window clerk scans instead). */
  library?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);

  // One file per material (the server keeps one): a new upload or pick replaces the one there.
  const onFiles = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const uid = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    onChange(() => [{ uid, name: file.name, status: 'uploading' }]);
    uploadFile(file).then(
      (stored) => {
        onChange((prev) => prev.map((e) => (e.uid === uid ? { ...e, status: 'done', fileId: stored.id } : e)));
        void qc.invalidateQueries({ queryKey: ['library'] });
      },
      (err: unknown) => {
        const msg = errorMessage(err);
        void message.error(t('apply.uploadFailed', { message: msg }));
        onChange((prev) => prev.map((e) => (e.uid === uid ? { ...e, status: 'error', error: msg } : e)));
      },
    );
    if (input.current) input.current.value = '';
  };

  const attached = new Set(entries.map((e) => e.fileId).filter((x): x is string => !!x));
  return (
    <>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={accept}
        aria-label={t('apply.uploadLabel', { name })}
        style={{ display: 'none' }}
        onChange={(e) => onFiles(e.target.files)}
      />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button icon={<UploadOutlined aria-hidden />} onClick={() => input.current?.click()} size={large ? 'large' : undefined} style={large ? { flex: '1 1 120px' } : undefined}>
          {t('apply.upload')}
          <span className="tb-sr-only">{name}</span>
        </Button>
        {library && <LibraryButton
          materialName={name}
          attached={attached}
          size={large ? 'large' : undefined}
          style={large ? { flex: '1 1 200px' } : undefined}
          onPick={(f) => onChange(() => [{ uid: `lib-${f.id}-${Date.now()}`, name: f.name, status: 'done', fileId: f.id }])}
        />}
      </div>
      {entries.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }} aria-live="polite">
          {entries.map((e) => (
            <li key={e.uid} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}>
              {e.status === 'uploading' && <LoadingOutlined aria-hidden />}
              {e.status === 'done' && <CheckCircleFilled aria-hidden style={{ color: '#2e7d32' }} />}
              {e.status === 'error' && <WarningFilled aria-hidden style={{ color: '#c62828' }} />}
              <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                {e.name}
              </Typography.Text>
              <span className="tb-sr-only">
                {e.status === 'done' ? t('apply.uploaded') : e.status === 'error' ? e.error : t('common.loading')}
              </span>
              {e.status !== 'uploading' && (
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('apply.removeFile', { name: e.name })}
                  onClick={() => onChange((prev) => prev.filter((x) => x.uid !== e.uid))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MaterialUpload({
  material,
  entries,
  onChange,
  library,
}: {
  material: MaterialRequirement;
  entries: UploadEntry[];
  onChange: (update: (prev: UploadEntry[]) => UploadEntry[]) => void;
  library: boolean;
}) {
  const { t } = useTranslation();
  return (
    <li style={{ padding: '14px 0', borderBottom: '1px solid #f0f0f0', listStyle: 'none' }}>
      <div style={{ marginBottom: 8 }}>
        <div style={{ fontWeight: 600 }}>{material.name}</div>
        <Tag color={necessityColor[material.necessity]} style={{ marginTop: 4 }}>
          {t(`item.necessity.${material.necessity}`)}
        </Tag>
        {material.notes && <div style={{ color: 'rgba(0,0,0,0.6)', fontSize: '0.9em', marginTop: 4 }}>{material.notes}</div>}
      </div>
      <FileSlot name={material.name} inputId={`material-${material.code}`} entries={entries} onChange={onChange} library={library} />
    </li>
  );
}

export function MaterialUploads({
  materials,
  uploads,
  setUploads,
  showMissing,
  library = true,
  hint,
  reuse,
}: {
  materials: MaterialRequirement[];
  uploads: UploadState;
  setUploads: (update: (prev: UploadState) => UploadState) => void;
  showMissing: boolean;
  library?: boolean;
  /** Replaces the applicant's upload hint (a window clerk scans). */
  hint?: string;
  /** 免提交: the applicant's electronic licenses for some materials (shown first, with consent). */
  reuse?: LicenseReuse;
}) {
  const { t } = useTranslation();
  const held = new Map((reuse?.licenses ?? []).map((l) => [l.code, l]));
  const covered = new Set([...held.keys()].filter((code) => reuse?.consent[code]));
  const licensed = materials.filter((m) => held.has(m.code));
  const own = uploadableMaterials(materials).filter((m) => !held.has(m.code));
  const shared = materials.filter((m) => isFetchedForYou(m) && !held.has(m.code));
  const missing = missingMaterials(materials, uploads, covered);
  const upload = (m: MaterialRequirement) => (
    <MaterialUpload
      key={m.code}
      material={m}
      entries={uploads[m.code] ?? []}
      library={library}
      onChange={(update) => setUploads((prev) => ({ ...prev, [m.code]: update(prev[m.code] ?? []) }))}
    />
  );
  const sharedItem = (m: MaterialRequirement, bare = false) => {
    const body = (
      <>
        {!bare && <div style={{ fontWeight: 600 }}>{m.name}</div>}
        <SharedNote material={m} />
      </>
    );
    return bare ? body : (
      <li key={m.code} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
        {body}
      </li>
    );
  };
  const hasDeferrable = own.some((m) => m.necessity === 'deferrable');

  return (
    <div>
      {showMissing && missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('apply.missingTitle')}
          description={
            <>
              <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                {missing.map((m) => (
                  <li key={m.code}>{m.name}</li>
                ))}
              </ul>
              {t('apply.missingHint')}
            </>
          }
        />
      )}
      {own.length === 0 && shared.length === 0 && licensed.length === 0 && <Alert type="info" showIcon title={t('apply.noMaterialsNeeded')} />}
      {licensed.length > 0 && (
        <ul style={{ padding: 0, margin: '0 0 8px' }}>
          {licensed.map((m) => (
            <LicensedMaterial key={m.code} material={m} license={held.get(m.code)!} on={covered.has(m.code)} onConsent={(on) => reuse!.onConsent(m.code, on)}>
              {isFetchedForYou(m) ? sharedItem(m, true) : <ul style={{ padding: 0, margin: 0 }}>{upload(m)}</ul>}
            </LicensedMaterial>
          ))}
        </ul>
      )}
      {own.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {hint ?? t('apply.uploadHint')}
            {hasDeferrable && (
              <>
                <br />
                {t('apply.deferrableHint')}
              </>
            )}
          </Typography.Paragraph>
          <ul style={{ padding: 0, margin: 0 }}>{own.map(upload)}</ul>
        </>
      )}
      {shared.length > 0 && (
        <ul style={{ padding: 0, margin: '8px 0 0', listStyle: 'none' }}>
          {shared.map((m) => sharedItem(m))}
        </ul>
      )}
    </div>
  );
}
