import { useEffect, useState } from 'react';
import { Checkbox, Input, InputNumber, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { MaterialRequirement } from '../../api/types.ts';
import { MATERIAL_FORMS, MATERIAL_TYPES, NECESSITIES, SOURCES, options, pathLabel, pointer, type Seg } from '../catalogMeta.ts';
import { statusOf, useEditor, useFindings } from './context.tsx';
import { AddButton, Cell, FindingMessages, RowTools, SelectField, TextField, useCellStatus, useList } from './inputs.tsx';
import { FileRefField } from './sections.tsx';

/** Fields shown in the table row itself; the rest are in the row's details. Findings of row fields show in the cell. */
const ROW_FIELDS = new Set(['code', 'name', 'type', 'necessity', 'source', 'issuingDept', 'paper', 'obtainable']);
const NARROW_FIELDS = ['type', 'necessity', 'source', 'obtainable'];

function nextCode(list: readonly MaterialRequirement[]): string {
  const used = new Set(list.map((m) => m.code));
  for (let n = list.length + 1; ; n++) {
    const c = `M${String(n).padStart(2, '0')}`;
    if (!used.has(c)) return c;
  }
}

function TextCell({ path, label, width, multiline, placeholder }: { path: readonly Seg[]; label: string; width?: number; multiline?: boolean; placeholder?: string }) {
  const { doc, set } = useEditor();
  const status = useCellStatus(path);
  const [top, i, k] = path as ['materials', number, keyof MaterialRequirement];
  const value = (doc[top][i]?.[k] as string | undefined) ?? '';
  const optional = k !== 'code' && k !== 'name';
  const onChange = (v: string) => set(path, optional && v === '' ? undefined : v);
  return (
    <Cell path={path}>
      {multiline ? (
        <Input.TextArea aria-label={label} value={value} status={status} placeholder={placeholder} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => onChange(e.target.value)} style={{ width }} />
      ) : (
        <Input aria-label={label} value={value} status={status} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} style={{ width }} />
      )}
    </Cell>
  );
}

function SelectCell<V extends string>({ path, label, opts, optional }: { path: readonly Seg[]; label: string; opts: Array<{ value: V; label: string }>; optional?: boolean }) {
  const { doc, set } = useEditor();
  const { t } = useTranslation();
  const status = useCellStatus(path);
  const [, i, k] = path as ['materials', number, keyof MaterialRequirement];
  return (
    <Cell path={path}>
      <Select<V>
        aria-label={label}
        value={doc.materials[i]?.[k] as V | undefined}
        status={status}
        options={opts}
        allowClear={optional}
        placeholder={optional ? t('catalog.editor.noneOption') : undefined}
        onChange={(v) => set(path, v ?? undefined)}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
      />
    </Cell>
  );
}

/** 来源渠道, with 核发部门 under it when a government department issues the material. */
function SourceCell({ i }: { i: number }) {
  const { t } = useTranslation();
  const { doc } = useEditor();
  const m = doc.materials[i];
  const lbl = (k: 'source' | 'issuingDept') => `${t('catalog.editor.item', { n: i + 1 })} ${t(`catalog.el.material.${k}`)}`;
  return (
    <>
      <SelectCell path={['materials', i, 'source']} label={lbl('source')} opts={options(t, 'source', SOURCES)} />
      {(m?.source === 'government' || m?.issuingDept !== undefined) && (
        <div style={{ marginTop: 4 }}>
          <TextCell path={['materials', i, 'issuingDept']} label={lbl('issuingDept')} placeholder={t('catalog.el.material.issuingDept')} multiline />
        </div>
      )}
    </>
  );
}

function PaperCell({ i }: { i: number }) {
  const { t } = useTranslation();
  const { doc, set } = useEditor();
  const status = useCellStatus(['materials', i, 'paper'], true);
  const paper = doc.materials[i]?.paper ?? { original: 0, copy: 0 };
  return (
    <Cell path={['materials', i, 'paper']} prefix>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {(['original', 'copy'] as const).map((k) => (
          <InputNumber
            key={k}
            aria-label={`${t('catalog.editor.item', { n: i + 1 })} ${t(`catalog.el.material.${k}`)}`}
            prefix={<span style={{ color: 'rgba(0,0,0,0.55)', fontSize: '0.9em' }}>{t(`catalog.el.material.${k}`)}</span>}
            value={paper[k]}
            status={status}
            min={0}
            precision={0}
            style={{ width: '100%' }}
            onChange={(v) => set(['materials', i, 'paper'], { ...paper, [k]: v ?? 0 })}
          />
        ))}
      </div>
    </Cell>
  );
}

function ObtainableCell({ i }: { i: number }) {
  const { t } = useTranslation();
  const { doc, set } = useEditor();
  const found = useFindings(['materials', i, 'obtainable']);
  const m = doc.materials[i];
  return (
    <Cell path={['materials', i, 'obtainable']} showMessages={false}>
      <Checkbox
        checked={!!m?.obtainable}
        aria-label={`${t('catalog.editor.item', { n: i + 1 })} ${t('catalog.el.material.obtainable')}`}
        onChange={(e) => set(['materials', i, 'obtainable'], e.target.checked)}
        style={found.length ? { outline: `1px solid ${statusOf(found) === 'error' ? '#c62828' : '#b7791f'}`, outlineOffset: 3, borderRadius: 3 } : undefined}
      />
    </Cell>
  );
}

/** The details of one material: long texts, files, and the findings about fields in the row that have no room. */
function MaterialDetails({ i }: { i: number }) {
  const { t } = useTranslation();
  const { doc } = useEditor();
  const all = useFindings(['materials', i], true);
  const narrow = all.filter((f) => {
    const field = f.path.split('/')[3];
    return field !== undefined && NARROW_FIELDS.includes(field);
  });
  return (
    <div className="tb-material-details">
      {narrow.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          {narrow.map((f, k) => (
            <div key={k}>
              <strong>{pathLabel(t, f.path, doc).split(' · ').pop()}：</strong>
              <FindingMessages found={[f]} style={{ display: 'inline' }} />
            </div>
          ))}
        </div>
      )}
      <div className="tb-grid-2">
        <SelectField path={['materials', i, 'form']} label={t('catalog.el.material.form')} options={options(t, 'materialForm', MATERIAL_FORMS)} width={200} />
        <TextField path={['materials', i, 'licenseTypeCode']} label={t('catalog.el.material.licenseTypeCode')} optional />
        <TextField path={['materials', i, 'notes']} label={t('catalog.el.material.notes')} optional multiline />
        <TextField path={['materials', i, 'acceptanceStandard']} label={t('catalog.el.material.acceptanceStandard')} optional multiline />
        <TextField path={['materials', i, 'legalBasis']} label={t('catalog.el.material.legalBasis')} optional />
        <div />
        <FileRefField path={['materials', i, 'blankForm']} label={t('catalog.el.material.blankForm')} />
        <FileRefField path={['materials', i, 'sample']} label={t('catalog.el.material.sample')} />
      </div>
    </div>
  );
}

/** 申请材料 as an editable table; every row opens to its long texts and files. */
export function MaterialsEditor({ focusIndex }: { focusIndex?: number }) {
  const { t } = useTranslation();
  const { findings } = useEditor();
  const { list, add, move, remove } = useList<MaterialRequirement>(['materials']);
  const groupFound = useFindings(['materials']);
  const [expanded, setExpanded] = useState<number[]>([]);

  // Rows whose details or narrow cells have findings open by themselves, so no message is out of sight.
  const needOpen = new Set<number>();
  for (const f of findings) {
    const m = /^\/materials\/(\d+)\/([^/]+)/.exec(f.path);
    if (m && (!ROW_FIELDS.has(m[2]!) || NARROW_FIELDS.includes(m[2]!))) needOpen.add(Number(m[1]));
  }
  const needKey = [...needOpen].sort().join(',');
  useEffect(() => {
    if (needKey) setExpanded((prev) => [...new Set([...prev, ...needKey.split(',').map(Number)])]);
  }, [needKey]);
  useEffect(() => {
    if (focusIndex !== undefined) setExpanded((prev) => (prev.includes(focusIndex) ? prev : [...prev, focusIndex]));
  }, [focusIndex]);

  const lbl = (i: number, k: string) => `${t('catalog.editor.item', { n: i + 1 })} ${t(`catalog.el.material.${k}` as 'catalog.el.material.name')}`;

  const columns: ColumnsType<{ i: number }> = [
    { key: 'no', title: '#', width: 40, render: (_, r) => r.i + 1 },
    { key: 'code', title: t('catalog.el.material.code'), width: 70, render: (_, r) => <TextCell path={['materials', r.i, 'code']} label={lbl(r.i, 'code')} /> },
    { key: 'name', title: t('catalog.el.material.name'), render: (_, r) => <TextCell path={['materials', r.i, 'name']} label={lbl(r.i, 'name')} multiline /> },
    { key: 'type', title: t('catalog.el.material.type'), width: 124, render: (_, r) => <SelectCell path={['materials', r.i, 'type']} label={lbl(r.i, 'type')} opts={options(t, 'materialType', MATERIAL_TYPES)} optional /> },
    { key: 'necessity', title: t('catalog.el.material.necessity'), width: 124, render: (_, r) => <SelectCell path={['materials', r.i, 'necessity']} label={lbl(r.i, 'necessity')} opts={options(t, 'necessity', NECESSITIES)} /> },
    { key: 'source', title: `${t('catalog.el.material.source')} / ${t('catalog.el.material.issuingDept')}`, width: 170, render: (_, r) => <SourceCell i={r.i} /> },
    { key: 'paper', title: t('catalog.el.material.paper'), width: 124, render: (_, r) => <PaperCell i={r.i} /> },
    { key: 'obtainable', title: t('catalog.el.material.obtainable'), width: 76, align: 'center', render: (_, r) => <ObtainableCell i={r.i} /> },
    {
      key: 'tools',
      title: '',
      width: 92,
      render: (_, r) => (
        <RowTools
          index={r.i}
          count={list.length}
          onMove={(a, b) => {
            move(a, b);
            setExpanded([]);
          }}
          onRemove={(i) => {
            remove(i);
            setExpanded([]);
          }}
        />
      ),
    },
  ];

  return (
    <section data-lint-path={pointer('materials')} aria-label={t('catalog.el.materials')}>
      <FindingMessages found={groupFound} style={{ marginBottom: 8 }} />
      <Table<{ i: number }>
        rowKey="i"
        size="small"
        bordered
        columns={columns}
        dataSource={list.map((_, i) => ({ i }))}
        pagination={false}
        scroll={{ x: 1100 }}
        tableLayout="fixed"
        locale={{ emptyText: t('catalog.editor.empty') }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys.map(Number)),
          expandedRowRender: (r) => <MaterialDetails i={r.i} />,
          columnWidth: 36,
        }}
        rowClassName={(r) => (findings.some((f) => f.path.startsWith(`/materials/${r.i}/`) && f.severity === 'error') ? 'tb-row-error' : '')}
      />
      <div style={{ marginTop: 12 }}>
        <AddButton
          onClick={() => {
            add({ code: nextCode(list), name: '', necessity: 'required', source: 'applicant', form: 'both', paper: { original: 1, copy: 0 } });
          }}
        >
          {t('catalog.editor.addMaterial')}
        </AddButton>
      </div>
    </section>
  );
}
