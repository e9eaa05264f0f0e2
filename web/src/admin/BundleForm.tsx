import { useEffect, useId, useState } from 'react';
import { Button, Collapse, Input, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BundleDocument, BundleMember, Condition, SituationQuestion } from '../api/bundles.ts';
import { useItemSearch } from '../api/items.ts';
import type { ItemDocument, LintFinding } from '../api/types.ts';
import type { Seg } from './catalogMeta.ts';
import { EditorProvider, getIn, setIn, useEditor, type EditorState } from './editor/context.tsx';
import { AddButton, Field, RadioField, RowTools, TagsField, TextField, useList } from './editor/inputs.tsx';
import { ObjectList, SectionTitle } from './editor/sections.tsx';
import { useOrgs } from './queries.ts';

export type ItemLabel = { name: string | null; agency: string | null };

/**
 * The bundle document as a form (基本信息, 成员事项, 情形引导问题, 办事指南). It edits the same object the JSON view
 * edits and reuses the item editor's inputs: the editor context is typed for items, the inputs only read and set
 * paths, so the bundle document is handed over as it is. Keys the form does not show are kept untouched.
 */
export function BundleForm({
  doc,
  onChange,
  isNew,
  findings,
  known,
}: {
  doc: BundleDocument;
  onChange: (fn: (d: BundleDocument) => BundleDocument) => void;
  isNew: boolean;
  findings: ReadonlyArray<{ severity: 'error' | 'warning'; path: string; message: string }>;
  /** Names and agencies of member items the page already knows (from the server or from a search). */
  known: Record<string, ItemLabel>;
}) {
  const { t } = useTranslation();
  const state: EditorState = {
    doc: doc as unknown as ItemDocument,
    set: (path, value) => onChange((d) => setIn(d, path, value)),
    update: (fn) => onChange((d) => fn(d as unknown as ItemDocument) as unknown as BundleDocument),
    readOnly: false,
    isNew,
    findings: findings.map((f): LintFinding => ({ rule: 'bundle', ...f })),
  };
  return (
    <EditorProvider value={state}>
      <Collapse
        defaultActiveKey={['basic', 'members', 'questions']}
        items={[
          { key: 'basic', label: t('bundles.form.basic'), children: <BasicPart /> },
          { key: 'members', label: t('bundles.form.members'), children: <MembersPart known={known} /> },
          { key: 'questions', label: t('bundles.form.questions'), children: <QuestionsPart /> },
          { key: 'guide', label: t('bundles.form.guide'), children: <GuidePart /> },
        ]}
      />
    </EditorProvider>
  );
}

function BasicPart() {
  const { t } = useTranslation();
  const { isNew } = useEditor();
  return (
    <>
      <div className="tb-grid-2">
        <TextField path={['code']} label={t('bundles.form.code')} help={t('bundles.form.codeHelp')} required disabled={!isNew} />
        <TextField path={['name']} label={t('bundles.form.name')} required placeholder="新生儿出生“一件事”" />
        <TextField path={['event']} label={t('bundles.form.event')} required placeholder="新生儿出生" />
        <TextField path={['regionCode']} label={t('bundles.form.region')} required />
      </div>
      <RadioField<'person' | 'entity'>
        path={['audience']}
        label={t('bundles.form.audience')}
        options={[
          { value: 'person', label: t('bundles.person') },
          { value: 'entity', label: t('bundles.entity') },
        ]}
      />
      <LeadField />
      <TextField path={['summary']} label={t('bundles.form.summary')} multiline required />
      <TagsField path={['keywords']} label={t('bundles.form.keywords')} />
    </>
  );
}

/** The lead department from the organisation list; a code not in the list stays as it is. */
function LeadField() {
  const { t } = useTranslation();
  const { doc, set } = useEditor();
  const orgs = useOrgs();
  const id = useId();
  const value = getIn(doc, ['leadCreditCode']) as string;
  const options = (orgs.data?.orgs ?? []).filter((o) => o.creditCode).map((o) => ({ value: o.creditCode as string, label: o.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Field path={['leadCreditCode']} label={t('bundles.form.lead')} help={t('bundles.form.leadHelp')} htmlFor={id} required>
      <Select id={id} showSearch={{ optionFilterProp: 'label' }} loading={orgs.isFetching} value={value || undefined} options={options} style={{ width: '100%', maxWidth: 520 }} onChange={(v: string) => set(['leadCreditCode'], v)} />
    </Field>
  );
}

/** Search the published catalog and add the chosen item as a member. */
function MemberSearch({ onPick }: { onPick: (implCode: string, label: ItemLabel) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useItemSearch({ q: q.trim() || undefined, pageSize: 10 });
  const items = q.trim() ? (search.data?.items ?? []) : [];
  return (
    <Select<string>
      aria-label={t('bundles.form.searchItem')}
      placeholder={t('bundles.form.searchItem')}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={null}
      loading={search.isFetching}
      notFoundContent={null}
      style={{ width: '100%', maxWidth: 640, marginBottom: 12 }}
      options={items.map((i) => ({ value: i.implCode, label: `${i.name}（${i.agency.name}）` }))}
      onChange={(code) => {
        const item = items.find((i) => i.implCode === code);
        if (item) onPick(code, { name: item.name, agency: item.agency.name });
        setQ('');
      }}
    />
  );
}

function MembersPart({ known }: { known: Record<string, ItemLabel> }) {
  const { t } = useTranslation();
  const { list, add, move, remove } = useList<BundleMember>(['members']);
  const [picked, setPicked] = useState<Record<string, ItemLabel>>({});
  const labels = { ...known, ...picked };
  return (
    <section className="tb-list" aria-label={t('bundles.form.members')}>
      <MemberSearch
        onPick={(code, label) => {
          setPicked((p) => ({ ...p, [code]: label }));
          if (!list.some((m) => m.implCode === code)) add({ implCode: code, required: true });
        }}
      />
      {list.length === 0 && <div className="tb-list-empty">{t('bundles.form.noMembers')}</div>}
      {list.map((m, i) => (
        <div key={`${m.implCode}-${i}`} className="tb-list-row" data-testid="bundle-member">
          <div className="tb-list-no" aria-hidden>
            {i + 1}
          </div>
          <div className="tb-list-body">
            <MemberRow index={i} member={m} label={labels[m.implCode]} others={list.filter((_, j) => j !== i).map((o) => ({ value: o.implCode, label: labels[o.implCode]?.name ?? o.implCode }))} />
          </div>
          <div className="tb-list-tools">
            <RowTools index={i} count={list.length} onMove={move} onRemove={remove} />
          </div>
        </div>
      ))}
    </section>
  );
}

function MemberRow({ index, member, label, others }: { index: number; member: BundleMember; label?: ItemLabel; others: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const { set } = useEditor();
  const path: Seg[] = ['members', index];
  return (
    <>
      <Field path={[...path, 'implCode']} label={t('bundles.form.memberItem')}>
        <Space wrap>
          {label?.name ? <Typography.Text strong>{label.name}</Typography.Text> : <Typography.Text type="danger">{t('bundles.form.notFound')}</Typography.Text>}
          {label?.agency && <Typography.Text type="secondary">{label.agency}</Typography.Text>}
          <Typography.Text code>{member.implCode}</Typography.Text>
          <Switch
            checked={member.required}
            checkedChildren={t('bundles.form.required')}
            unCheckedChildren={t('bundles.form.optional')}
            aria-label={`${t('bundles.form.required')} ${index + 1}`}
            onChange={(v) => set([...path, 'required'], v)}
          />
        </Space>
      </Field>
      <ConditionField path={[...path, 'when']} label={t('bundles.form.when')} always={t('bundles.form.whenAlways')} />
      <Field path={[...path, 'after']} label={t('bundles.form.after')}>
        <Select<string[]>
          mode="multiple"
          aria-label={`${t('bundles.form.after')} ${index + 1}`}
          value={member.after ?? []}
          options={others}
          style={{ width: '100%', maxWidth: 640 }}
          onChange={(v) => set([...path, 'after'], v.length ? v : undefined)}
        />
      </Field>
      <TextField path={[...path, 'note']} label={t('bundles.form.note')} optional />
      <MoreJson path={path} member={member} />
    </>
  );
}

const MORE_KEYS = ['materialConditions', 'fieldConcepts', 'presets'] as const;

function moreText(member: BundleMember): string {
  const present = MORE_KEYS.filter((k) => member[k] !== undefined);
  return present.length ? JSON.stringify(Object.fromEntries(present.map((k) => [k, member[k]])), null, 2) : '';
}

/** The rarer member keys as JSON; applied while it parses, the text kept while it does not. */
function MoreJson({ path, member }: { path: Seg[]; member: BundleMember }) {
  const { t } = useTranslation();
  const { update } = useEditor();
  const serialised = moreText(member);
  const [text, setText] = useState(serialised);
  const [bad, setBad] = useState<string>();
  // Follow changes made elsewhere (the JSON tab), leaving the text alone while it says the same thing.
  useEffect(() => {
    setText((prev) => {
      try {
        return moreText((prev.trim() ? JSON.parse(prev) : {}) as BundleMember) === serialised ? prev : serialised;
      } catch {
        return prev;
      }
    });
  }, [serialised]);
  const onChange = (v: string) => {
    setText(v);
    let parsed: Record<string, unknown> = {};
    try {
      parsed = v.trim() ? (JSON.parse(v) as Record<string, unknown>) : {};
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{ … }');
    } catch (e) {
      return setBad((e as Error).message);
    }
    setBad(undefined);
    update((d) => {
      let next = d as unknown;
      for (const k of MORE_KEYS) next = setIn(next, [...path, k], parsed[k]);
      return next as ItemDocument;
    });
  };
  return (
    <Field path={path} label={t('bundles.form.more')} help={bad ? <Typography.Text type="danger">{t('bundles.form.moreBad', { message: bad })}</Typography.Text> : undefined}>
      <Input.TextArea value={text} onChange={(e) => onChange(e.target.value)} autoSize={{ minRows: 1, maxRows: 12 }} style={{ fontFamily: 'monospace', fontSize: 12 }} spellCheck={false} />
    </Field>
  );
}

/** A condition: clauses (question + chosen answers), all of which must hold; none means always. */
function ConditionField({ path, label, always }: { path: Seg[]; label: string; always: string }) {
  const { t } = useTranslation();
  const { doc, set } = useEditor();
  const clauses = (getIn(doc, path) as Condition | undefined) ?? [];
  const questions = (getIn(doc, ['questions']) as SituationQuestion[] | undefined) ?? [];
  const put = (next: Condition) => set(path, next.length ? next : undefined);
  return (
    <Field path={path} label={label} prefix>
      <div style={{ display: 'grid', gap: 8 }}>
        {clauses.length === 0 && <Typography.Text type="secondary">{always}</Typography.Text>}
        {clauses.map((c, i) => {
          const q = questions.find((x) => x.id === c.question);
          return (
            <Space key={i} wrap>
              <Select<string>
                aria-label={`${label} ${t('bundles.form.clauseQuestion')} ${i + 1}`}
                placeholder={t('bundles.form.clauseQuestion')}
                value={c.question || undefined}
                style={{ width: 280 }}
                options={questions.filter((x) => x.id).map((x) => ({ value: x.id, label: x.text || x.id }))}
                onChange={(v) => put(clauses.map((x, j) => (j === i ? { question: v, in: [] } : x)))}
              />
              <Select<string[]>
                mode="multiple"
                aria-label={`${label} ${t('bundles.form.clauseAnswers')} ${i + 1}`}
                placeholder={t('bundles.form.clauseAnswers')}
                value={c.in}
                style={{ minWidth: 220 }}
                options={(q?.options ?? []).filter((o) => o.value).map((o) => ({ value: o.value, label: o.label || o.value }))}
                onChange={(v) => put(clauses.map((x, j) => (j === i ? { ...x, in: v } : x)))}
              />
              <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('catalog.editor.remove')} ${label} ${i + 1}`} onClick={() => put(clauses.filter((_, j) => j !== i))} />
            </Space>
          );
        })}
        <div>
          <AddButton onClick={() => set(path, [...clauses, { question: questions[0]?.id ?? '', in: [] }])}>{t('bundles.form.addClause')}</AddButton>
        </div>
      </div>
    </Field>
  );
}

function QuestionsPart() {
  const { t } = useTranslation();
  return (
    <ObjectList<SituationQuestion>
      path={['questions']}
      label={t('bundles.form.questions')}
      addLabel={t('bundles.form.addQuestion')}
      blank={() => ({ id: '', text: '', options: [] })}
      render={(i) => (
        <>
          <div className="tb-grid-2">
            <TextField path={['questions', i, 'id']} label={t('bundles.form.qid')} help={t('bundles.form.qidHelp')} required />
            <TextField path={['questions', i, 'text']} label={t('bundles.form.qtext')} required placeholder="是否需要刻制公章？" />
          </div>
          <TextField path={['questions', i, 'help']} label={t('bundles.form.qhelp')} optional />
          <ObjectList<{ value: string; label: string }>
            path={['questions', i, 'options']}
            label={t('bundles.form.options')}
            addLabel={t('bundles.form.addOption')}
            blank={() => ({ value: '', label: '' })}
            render={(j) => (
              <div className="tb-grid-2">
                <TextField path={['questions', i, 'options', j, 'value']} label={t('bundles.form.optValue')} placeholder="yes" />
                <TextField path={['questions', i, 'options', j, 'label']} label={t('bundles.form.optLabel')} placeholder="是" />
              </div>
            )}
          />
          <ConditionField path={['questions', i, 'when']} label={t('bundles.form.qwhen')} always={t('bundles.form.qwhenAlways')} />
        </>
      )}
    />
  );
}

function GuidePart() {
  const { t } = useTranslation();
  return (
    <>
      <ObjectList<{ name: string; description: string }>
        path={['process']}
        label={t('bundles.form.process')}
        addLabel={t('bundles.form.addStep')}
        blank={() => ({ name: '', description: '' })}
        render={(i) => (
          <>
            <TextField path={['process', i, 'name']} label={t('bundles.form.stepName')} />
            <TextField path={['process', i, 'description']} label={t('bundles.form.stepDesc')} multiline />
          </>
        )}
      />
      <ObjectList<string>
        path={['guide', 'conditions']}
        label={t('bundles.form.conditions')}
        addLabel={t('bundles.form.addConditionText')}
        blank={() => ''}
        render={(i) => <TextField path={['guide', 'conditions', i]} multiline ariaLabel={`${t('bundles.form.conditions')} ${i + 1}`} />}
      />
      <ObjectList<string>
        path={['guide', 'notes']}
        label={t('bundles.form.notes')}
        addLabel={t('bundles.form.addNote')}
        blank={() => ''}
        render={(i) => <TextField path={['guide', 'notes', i]} multiline ariaLabel={`${t('bundles.form.notes')} ${i + 1}`} />}
      />
      <SectionTitle>{t('bundles.form.guide')}</SectionTitle>
      <div className="tb-grid-2">
        <TextField path={['guide', 'window']} label={t('bundles.form.window')} />
        <TextField path={['guide', 'consult']} label={t('bundles.form.consult')} />
      </div>
      <ObjectList<{ name: string; provider: string; note?: string }>
        path={['linkedServices']}
        label={t('bundles.form.linked')}
        addLabel={t('bundles.form.addLinked')}
        blank={() => ({ name: '', provider: '' })}
        render={(i) => (
          <div className="tb-grid-2">
            <TextField path={['linkedServices', i, 'name']} label={t('bundles.form.linkedName')} />
            <TextField path={['linkedServices', i, 'provider']} label={t('bundles.form.linkedProvider')} />
            <TextField path={['linkedServices', i, 'note']} label={t('bundles.form.linkedNote')} optional />
          </div>
        )}
      />
    </>
  );
}
