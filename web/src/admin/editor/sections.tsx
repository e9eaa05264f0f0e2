import { useId, type ReactNode } from 'react';
import { Alert, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogFileRef, ItemFeatures } from '../../api/types.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import {
  AGENCY_NATURES,
  CASE_TYPES,
  DEPTHS,
  FEATURES,
  HANDLING_FORMS,
  KINDS,
  LEVELS,
  RESULT_TYPES,
  SERVICE_OBJECT_TYPES,
  SERVICE_OBJECTS,
  TONGBAN,
  VISITS,
  options,
  pointer,
  type Seg,
} from '../catalogMeta.ts';
import { useOrgs } from '../queries.ts';
import { getIn, useEditor, useFindings } from './context.tsx';
import { AddButton, CheckboxesField, Field, FindingMessages, NumberField, RadioField, RowTools, SelectField, TagsField, TextField, useCellStatus, useList } from './inputs.tsx';

export function SectionTitle({ children, desc }: { children: ReactNode; desc?: ReactNode }) {
  return (
    <div style={{ margin: '8px 0 12px' }}>
      <Typography.Title level={3} style={{ fontSize: '1.05em', margin: 0 }}>
        {children}
      </Typography.Title>
      {desc && <Typography.Text type="secondary">{desc}</Typography.Text>}
    </div>
  );
}

/**
 * A list element whose entries are small objects (legal basis, steps, fees …): each entry is a numbered row
 * with its inputs and tools; findings about the list as a whole show above the entries.
 */
export function ObjectList<T>({
  path,
  label,
  addLabel,
  blank,
  empty,
  render,
}: {
  path: readonly Seg[];
  label: string;
  addLabel: string;
  blank: () => T;
  empty?: ReactNode;
  render: (i: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const { list, add, move, remove } = useList<T>(path);
  const found = useFindings(path);
  return (
    <section className="tb-list" data-lint-path={pointer(...path)} aria-label={label}>
      <SectionTitle>{label}</SectionTitle>
      <FindingMessages found={found} style={{ marginBottom: 8 }} />
      {list.length === 0 && <div className="tb-list-empty">{empty ?? t('catalog.editor.empty')}</div>}
      {list.map((_, i) => (
        <div key={i} className="tb-list-row">
          <div className="tb-list-no" aria-hidden>
            {i + 1}
          </div>
          <div className="tb-list-body">{render(i)}</div>
          <div className="tb-list-tools">
            <RowTools index={i} count={list.length} onMove={move} onRemove={remove} />
          </div>
        </div>
      ))}
      <AddButton onClick={() => add(blank())}>{addLabel}</AddButton>
    </section>
  );
}

export function BasicSection() {
  const { t } = useTranslation();
  const { isNew } = useEditor();
  return (
    <>
      <TextField path={['name']} label={t('catalog.el.name')} required maxLength={200} />
      <div className="tb-grid-2">
        <SelectField path={['kind']} label={t('catalog.el.kind')} required options={options(t, 'kind', KINDS).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))} />
        <SelectField path={['exerciseLevel']} label={t('catalog.el.exerciseLevel')} required options={options(t, 'level', LEVELS).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))} />
        <TextField path={['baseCode']} label={t('catalog.el.baseCode')} required maxLength={12} disabled={!isNew} />
        <TextField path={['regionCode']} label={t('catalog.el.regionCode')} required maxLength={12} disabled={!isNew} />
      </div>
      <TextField
        path={['implCode']}
        label={t('catalog.el.implCode')}
        required
        maxLength={31}
        disabled={!isNew}
        help={isNew ? `${t('catalog.editor.implCodeHint')}${t('catalog.editor.implCodeAuto')}` : t('catalog.editor.implCodeLocked')}
      />
      <CheckboxesField path={['serviceObjects']} label={t('catalog.el.serviceObjects')} required options={options(t, 'serviceObject', SERVICE_OBJECTS)} />
      <CheckboxesField path={['serviceObjectTypes']} label={t('catalog.el.serviceObjectTypes')} optional options={options(t, 'serviceObjectType', SERVICE_OBJECT_TYPES)} />
      <ObjectList
        path={['legalBasis']}
        label={t('catalog.el.legalBasis')}
        addLabel={t('catalog.editor.addBasis')}
        blank={() => ({ title: '', article: '' })}
        render={(i) => (
          <div className="tb-grid-basis">
            <TextField path={['legalBasis', i, 'title']} label={t('catalog.el.basis.title')} placeholder="《中华人民共和国行政许可法》" />
            <TextField path={['legalBasis', i, 'article']} label={t('catalog.el.basis.article')} optional placeholder="第十二条" />
            <TextField path={['legalBasis', i, 'docNo']} label={t('catalog.el.basis.docNo')} optional />
          </div>
        )}
      />
    </>
  );
}

export function AgencySection() {
  const { t } = useTranslation();
  const { isNew, agencyName, doc, update, readOnly } = useEditor();
  const orgs = useOrgs(isNew && !readOnly);
  const id = useId();
  const credit = doc.implCode.slice(0, 18);
  const chosen = orgs.data?.orgs.find((o) => o.creditCode === credit);
  return (
    <>
      {isNew ? (
        <Field path={['agency']} label={t('catalog.el.agency')} htmlFor={id} required help={t('catalog.editor.agencyFromCode')}>
          <Select
            id={id}
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.isFetching}
            value={chosen?.id}
            placeholder={t('catalog.editor.chooseAgency')}
            style={{ width: '100%', maxWidth: 520 }}
            options={(orgs.data?.orgs ?? []).filter((o) => o.creditCode).map((o) => ({ value: o.id, label: o.name }))}
            onChange={(orgId: string) => {
              const org = orgs.data?.orgs.find((o) => o.id === orgId);
              if (!org) return;
              update((d) => ({ ...d, regionCode: org.regionCode, implCode: `${org.creditCode}${d.exerciseLevel}${d.baseCode}` }));
            }}
          />
        </Field>
      ) : (
        <Field path={['agency']} label={t('catalog.el.agency')} help={t('catalog.editor.agencyFromCode')}>
          <Input value={agencyName ?? ''} disabled style={{ maxWidth: 520 }} />
        </Field>
      )}
      <SelectField path={['agencyNature']} label={t('catalog.el.agencyNature')} options={options(t, 'agencyNature', AGENCY_NATURES)} />
      <TagsField path={['entrustedAgencies']} label={t('catalog.el.entrustedAgencies')} optional />
      <TagsField path={['jointAgencies']} label={t('catalog.el.jointAgencies')} optional />
    </>
  );
}

export function ProcessSection() {
  const { t } = useTranslation();
  return (
    <>
      <ObjectList<string>
        path={['conditions']}
        label={t('catalog.el.conditions')}
        addLabel={t('catalog.editor.addCondition')}
        blank={() => ''}
        render={(i) => <TextField path={['conditions', i]} multiline ariaLabel={`${t('catalog.el.conditions')} ${i + 1}`} />}
      />
      <ObjectList
        path={['steps']}
        label={t('catalog.el.steps')}
        addLabel={t('catalog.editor.addStep')}
        blank={() => ({ name: '', description: '' })}
        render={(i) => (
          <>
            <div className="tb-grid-step">
              <TextField path={['steps', i, 'name']} label={t('catalog.el.step.name')} />
              <NumberField path={['steps', i, 'days']} label={t('catalog.el.step.days')} optional />
            </div>
            <TextField path={['steps', i, 'description']} label={t('catalog.el.step.description')} multiline />
          </>
        )}
      />
      <ObjectList
        path={['intermediaryServices']}
        label={t('catalog.el.intermediaryServices')}
        addLabel={t('catalog.editor.addIntermediary')}
        blank={() => ({ name: '' })}
        render={(i) => (
          <div className="tb-grid-2">
            <TextField path={['intermediaryServices', i, 'name']} label={t('catalog.el.intermediary.name')} />
            <TextField path={['intermediaryServices', i, 'provider']} label={t('catalog.el.intermediary.provider')} optional />
            <TextField path={['intermediaryServices', i, 'basis']} label={t('catalog.el.intermediary.basis')} optional />
            <TextField path={['intermediaryServices', i, 'feeNote']} label={t('catalog.el.intermediary.feeNote')} optional />
          </div>
        )}
      />
    </>
  );
}

export function LimitsSection() {
  const { t } = useTranslation();
  const { doc } = useEditor();
  const share = doc.statutoryDays > 0 ? Math.round((doc.committedDays / doc.statutoryDays) * 100) : undefined;
  return (
    <>
      <div className="tb-grid-2">
        <div>
          <NumberField path={['statutoryDays']} label={t('catalog.el.statutoryDays')} required suffix={t('catalog.editor.days')} />
          <TextField path={['statutoryNote']} label={t('catalog.el.statutoryNote')} optional multiline />
        </div>
        <div>
          <NumberField
            path={['committedDays']}
            label={t('catalog.el.committedDays')}
            required
            suffix={t('catalog.editor.days')}
            help={share !== undefined ? `${share}% × ${t('catalog.el.statutoryDays')}` : undefined}
          />
          <TextField path={['committedNote']} label={t('catalog.el.committedNote')} optional multiline />
        </div>
      </div>
      <RadioField path={['caseType']} label={t('catalog.el.caseType')} required options={options(t, 'caseType', CASE_TYPES)} />
      <TextField path={['limitNote']} label={t('catalog.el.limitNote')} optional multiline />
      <ObjectList
        path={['specialProcedures']}
        label={t('catalog.el.specialProcedures')}
        addLabel={t('catalog.editor.addProcedure')}
        blank={() => ({ name: '' })}
        render={(i) => (
          <>
            <div className="tb-grid-step">
              <TextField path={['specialProcedures', i, 'name']} label={t('catalog.el.procedure.name')} placeholder="听证、检验、检测、鉴定、专家评审" />
              <NumberField path={['specialProcedures', i, 'maxDays']} label={t('catalog.el.procedure.maxDays')} optional />
            </div>
            <TextField path={['specialProcedures', i, 'note']} label={t('catalog.el.procedure.note')} optional multiline />
          </>
        )}
      />
      <ReviewStepsField />
      <CommitmentFields />
    </>
  );
}

const STEP_ROLES = ['reviewer', 'window_clerk', 'supervisor'] as const;

/** 告知承诺制: the switch, and when on, the commitment to sign and the verification period. */
function CommitmentFields() {
  const { t } = useTranslation();
  const { doc, set } = useEditor();
  const on = doc.commitmentApproval === true;
  return (
    <>
      <Field path={['commitmentApproval']} label={t('engine.elCommitment')} help={t('engine.elCommitmentHelp')}>
        <Checkbox checked={on} onChange={(e) => set(['commitmentApproval'], e.target.checked ? true : undefined)}>
          {t('engine.elCommitmentOn')}
        </Checkbox>
      </Field>
      {(on || doc.commitmentText !== undefined) && <TextField path={['commitmentText']} label={t('engine.elCommitmentText')} optional multiline />}
      {(on || doc.verificationDays !== undefined) && <NumberField path={['verificationDays']} label={t('engine.elVerificationDays')} optional min={1} suffix={t('catalog.editor.days')} />}
    </>
  );
}

/** Review steps after acceptance, in order; the last ends with the decision. */
function ReviewStepsField() {
  const { t } = useTranslation();
  return (
    <ObjectList
      path={['reviewSteps']}
      label={t('engine.elReviewSteps')}
      addLabel={t('engine.elAddReviewStep')}
      empty={t('engine.elReviewStepsDefault')}
      blank={() => ({ name: '', role: 'reviewer', days: 1 })}
      render={(i) => (
        <div className="tb-grid-step">
          <TextField path={['reviewSteps', i, 'name']} label={t('engine.elStepName')} placeholder="审查、现场核查、决定" />
          <SelectField path={['reviewSteps', i, 'role']} label={t('engine.elStepRole')} options={STEP_ROLES.map((r) => ({ value: r, label: t(`engine.role_${r}`) }))} />
          <NumberField path={['reviewSteps', i, 'days']} label={t('engine.elStepDays')} suffix={t('catalog.editor.days')} />
        </div>
      )}
    />
  );
}

/** Money is kept in fen; clerks type yuan. */
function YuanField({ path, label }: { path: readonly Seg[]; label: string }) {
  const { doc, set } = useEditor();
  const { t } = useTranslation();
  const id = useId();
  const status = useCellStatus(path);
  const fen = getIn(doc, path) as number | undefined;
  return (
    <Field path={path} label={label} htmlFor={id}>
      <InputNumber<number>
        id={id}
        value={fen === undefined ? null : fen / 100}
        status={status}
        min={0}
        precision={2}
        step={1}
        style={{ width: 180 }}
        suffix={t('catalog.editor.yuan')}
        onChange={(v) => set(path, v === null ? 0 : Math.round(v * 100))}
      />
    </Field>
  );
}

export function FeesSection() {
  const { t } = useTranslation();
  return (
    <ObjectList
      path={['fees']}
      label={t('catalog.el.fees')}
      addLabel={t('catalog.editor.addFee')}
      blank={() => ({ name: '', amountFen: 0, basis: '' })}
      empty={<Alert type="info" showIcon title={t('catalog.editor.noFees')} />}
      render={(i) => (
        <>
          <div className="tb-grid-step">
            <TextField path={['fees', i, 'name']} label={t('catalog.el.fee.name')} />
            <YuanField path={['fees', i, 'amountFen']} label={t('catalog.el.fee.amountFen')} />
          </div>
          <TextField path={['fees', i, 'standard']} label={t('catalog.el.fee.standard')} optional multiline />
          <TextField path={['fees', i, 'basis']} label={t('catalog.el.fee.basis')} multiline />
          <TextField path={['fees', i, 'waiver']} label={t('catalog.el.fee.waiver')} optional multiline />
        </>
      )}
    />
  );
}

function FeaturesField() {
  const { t } = useTranslation();
  const { doc, set } = useEditor();
  const value = doc.features;
  const status = useCellStatus(['features'], true);
  const current: ItemFeatures = value ?? { appointment: false, express: false, onlinePayment: false, selfService: false };
  return (
    <Field path={['features']} prefix label={t('catalog.el.features')} help={value ? undefined : t('catalog.editor.featuresUnset')}>
      <div role="group" aria-label={t('catalog.el.features')} style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 20px', ...(status ? { outline: '1px solid #c62828', outlineOffset: 4, borderRadius: 4 } : {}) }}>
        {FEATURES.map((k) => (
          <Checkbox key={k} checked={current[k]} onChange={(e) => set(['features'], { ...current, [k]: e.target.checked })}>
            {t(`catalog.el.featuresOf.${k}`)}
          </Checkbox>
        ))}
      </div>
    </Field>
  );
}

export function OnlineSection() {
  const { t } = useTranslation();
  const { doc } = useEditor();
  return (
    <>
      <CheckboxesField
        path={['onlineDepth']}
        label={t('catalog.el.onlineDepth')}
        required
        vertical
        help={t('catalog.editor.depthHint')}
        options={DEPTHS.map((d) => ({
          value: d,
          label: (
            <span>
              <strong>
                {d} {t(`catalog.opt.depth.${d}`)}
              </strong>
              <span style={{ color: 'rgba(0,0,0,0.6)' }}> — {t(`catalog.opt.depthDesc.${d}`)}</span>
            </span>
          ),
        }))}
      />
      <CheckboxesField path={['handlingForms']} label={t('catalog.el.handlingForms')} optional options={options(t, 'handlingForm', HANDLING_FORMS)} />
      <RadioField path={['visitsRequired']} label={t('catalog.el.visitsRequired')} required help={t('catalog.editor.visitsHint')} options={options(t, 'visits', VISITS)} />
      {(doc.visitsRequired > 0 || doc.visitReason !== undefined) && (
        <TextField path={['visitReason']} label={t('catalog.el.visitReason')} optional multiline placeholder="需现场核验原件并签字" />
      )}
      <FeaturesField />
      <SelectField path={['tongbanScope']} label={t('catalog.el.tongbanScope')} optional options={options(t, 'tongban', TONGBAN)} />
    </>
  );
}

export function WhereSection() {
  const { t } = useTranslation();
  return (
    <>
      <TextField path={['hall', 'address']} label={t('catalog.el.hallOf.address')} required multiline />
      <TextField path={['hall', 'hours']} label={t('catalog.el.hallOf.hours')} required multiline />
      <div className="tb-grid-2">
        <TextField path={['hall', 'window']} label={t('catalog.el.hallOf.window')} optional />
        <TextField path={['contacts', 'consult']} label={t('catalog.el.contactsOf.consult')} required />
      </div>
      <TextField path={['hall', 'traffic']} label={t('catalog.el.hallOf.traffic')} optional multiline />
      <div className="tb-grid-2">
        <TextField path={['contacts', 'complaint']} label={t('catalog.el.contactsOf.complaint')} required />
      </div>
    </>
  );
}

/** A downloadable file of the catalog (blank form, sample): file id and the name people see; both empty = none. */
export function FileRefField({ path, label }: { path: readonly Seg[]; label: string }) {
  const { t } = useTranslation();
  const { doc, set } = useEditor();
  const v = getIn(doc, path) as CatalogFileRef | undefined;
  const change = (k: keyof CatalogFileRef, s: string) => {
    const next = { fileId: v?.fileId ?? '', name: v?.name ?? '', [k]: s };
    set(path, next.fileId === '' && next.name === '' ? undefined : next);
  };
  return (
    <Field path={path} prefix label={label} help={t('catalog.editor.fileHint')}>
      <Space.Compact style={{ width: '100%' }}>
        <Input aria-label={`${label} ${t('catalog.editor.fileId')}`} placeholder={t('catalog.editor.fileId')} value={v?.fileId ?? ''} onChange={(e) => change('fileId', e.target.value)} style={{ width: '45%' }} />
        <Input aria-label={`${label} ${t('catalog.editor.fileName')}`} placeholder={t('catalog.editor.fileName')} value={v?.name ?? ''} onChange={(e) => change('name', e.target.value)} style={{ width: '55%' }} />
      </Space.Compact>
    </Field>
  );
}

export function ResultSection() {
  const { t } = useTranslation();
  return (
    <>
      <div className="tb-grid-2">
        <SelectField path={['result', 'type']} label={t('catalog.el.resultOf.type')} required options={options(t, 'resultType', RESULT_TYPES)} />
        <TextField path={['result', 'name']} label={t('catalog.el.resultOf.name')} required placeholder="营业执照" />
      </div>
      <FileRefField path={['result', 'sample']} label={t('catalog.el.resultOf.sample')} />
    </>
  );
}

export function FaqSection() {
  const { t } = useTranslation();
  return (
    <ObjectList
      path={['faq']}
      label={t('catalog.el.faq')}
      addLabel={t('catalog.editor.addFaq')}
      blank={() => ({ q: '', a: '' })}
      render={(i) => (
        <>
          <TextField path={['faq', i, 'q']} label={t('catalog.el.faqOf.q')} />
          <TextField path={['faq', i, 'a']} label={t('catalog.el.faqOf.a')} multiline />
        </>
      )}
    />
  );
}

const topicSuggestions = [...new Set([...Object.values(zhCN.topics.person), ...Object.values(zhCN.topics.entity)])];
const eventSuggestions = [...new Set([...Object.values(zhCN.lifeEvents.person), ...Object.values(zhCN.lifeEvents.entity)])];

export function TopicsSection() {
  const { t } = useTranslation();
  return (
    <>
      <TagsField path={['topics']} label={t('catalog.el.topics')} suggestions={topicSuggestions} />
      <TagsField path={['lifeEvents']} label={t('catalog.el.lifeEvents')} optional suggestions={eventSuggestions} />
      <TagsField path={['keywords']} label={t('catalog.el.keywords')} />
    </>
  );
}
