import { useEffect, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Collapse, Radio, Steps, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloudSyncOutlined, FileDoneOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { holds, useBundle, usePlan, type BundleDetail, type BundleItem, type Measures, type Plan, type Savings } from '../api/bundles.ts';
import { errorMessage } from '../api/client.ts';
import { LoadError, PageLoading } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { BundleApply } from './BundleApply.tsx';

const MEASURES: Array<keyof Measures> = ['applications', 'forms', 'fields', 'materials', 'visits', 'days'];

/** Item by item versus once, measure by measure. */
function SavingsTable({ s, title }: { s: Savings; title: string }) {
  const { t } = useTranslation();
  return (
    <section className="tb-section" aria-labelledby="savings-title">
      <h2 id="savings-title" className="tb-section-title">
        {title}
      </h2>
      <table className="tb-savings">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('bundles.itemByItem')}</th>
            <th scope="col">{t('bundles.once')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {MEASURES.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`bundles.m_${k}`)}</th>
              <td>{s.itemByItem[k]}</td>
              <td>
                <strong>{s.bundle[k]}</strong>
              </td>
              <td className="tb-savings-saved">{s.saved[k] > 0 ? t('bundles.savedShort', { n: s.saved[k] }) : t('bundles.savedNone')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ItemLine({ it, extra }: { it: BundleItem & { reason?: string }; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="tb-bundle-item">
      <div className="tb-bundle-item-head">
        <Link to={`/items/${encodeURIComponent(it.implCode)}`}>{it.name}</Link>
        {/* One tag a citizen can act on: 视情况 says the answers decide; otherwise 必办 or 可选. */}
        {it.conditional && !it.reason ? <Tag color="gold">{t('bundles.conditional')}</Tag> : it.required ? <Tag color="blue">{t('bundles.required')}</Tag> : <Tag>{t('bundles.optional')}</Tag>}
      </div>
      <div className="tb-bundle-item-meta">
        {it.agency.name} · {t('bundles.committed')} {it.committedDays === 0 ? t('bundles.instant') : t('common.workingDays', { count: it.committedDays })}
      </div>
      <div className="tb-bundle-item-meta">{t('bundles.resultLabel', { name: it.resultName })}</div>
      {it.reason && it.conditional && <div className="tb-bundle-item-meta">{it.reason}</div>}
      {it.note && <div className="tb-bundle-item-meta">{it.note}</div>}
      {extra}
    </li>
  );
}

export function Questionnaire({ b, answers, setAnswers, onDone, pending }: { b: BundleDetail; answers: Record<string, string>; setAnswers: (a: Record<string, string>) => void; onDone: () => void; pending: boolean }) {
  const { t } = useTranslation();
  // A question is asked only when the answers before it make it relevant; changing an answer drops later ones that no longer apply.
  const visible = b.questions.filter((q) => holds(q.when, answers));
  const set = (id: string, v: string) => {
    const next: Record<string, string> = {};
    for (const q of b.questions) {
      const value = q.id === id ? v : answers[q.id];
      if (value !== undefined && holds(q.when, next)) next[q.id] = value;
    }
    setAnswers(next);
  };
  return (
    <Card className="tb-questionnaire">
      <h2 className="tb-section-title" style={{ marginTop: 0 }}>
        {t('bundles.questionnaireTitle')}
      </h2>
      <Typography.Paragraph type="secondary">{t('bundles.questionnaireHelp')}</Typography.Paragraph>
      <ol className="tb-question-list">
        {visible.map((q) => (
          <li key={q.id} className="tb-question">
            <fieldset>
              <legend className="tb-question-text">{q.text}</legend>
              {q.help && <div className="tb-question-help">{q.help}</div>}
              <Radio.Group value={answers[q.id]} onChange={(e) => set(q.id, e.target.value as string)} className="tb-question-options">
                {q.options.map((o) => (
                  <Radio.Button key={o.value} value={o.value}>
                    {o.label}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button type="primary" size="large" block loading={pending} onClick={onDone}>
        {t('bundles.makePlan')}
      </Button>
    </Card>
  );
}

/**
 * `?answers=`: base64url of the answers' JSON, as in the link the 12345 hotline sends by SMS
 * (server/src/modules/hotline/service.ts bundleLink). Anything else is ignored: the questionnaire starts empty.
 */
export function answersFromParam(param: string | null): Record<string, string> {
  if (!param) return {};
  try {
    const bytes = Uint8Array.from(atob(param.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** The one-time list for a plan. `toggle`, when given, lets the applicant leave optional items out and add them back. */
export function PlanView({ plan, leaveOut, toggle }: { plan: Plan; leaveOut: string[]; toggle?: (implCode: string) => void }) {
  const { t } = useTranslation();
  const asked = plan.form.fields.filter((f) => !f.issuedBy && !f.filled);
  return (
    <div aria-live="polite">
      <h2 className="tb-section-title" id="plan-title" tabIndex={-1}>
        {t('bundles.planTitle')}
      </h2>
      <section className="tb-section" aria-labelledby="plan-items">
        <h3 id="plan-items" className="tb-subsection-title">
          {t('bundles.planItems', { count: plan.items.length })}
        </h3>
        <ul className="tb-bundle-items">
          {plan.items.map((it) => (
            <ItemLine
              key={it.implCode}
              it={it}
              extra={
                !it.required &&
                toggle && (
                  <Button size="small" onClick={() => toggle(it.implCode)} style={{ marginTop: 6 }}>
                    {t('bundles.leaveOut')}
                  </Button>
                )
              }
            />
          ))}
        </ul>
        {plan.skipped.length > 0 && (
          <>
            <h3 className="tb-subsection-title">{t('bundles.planSkipped')}</h3>
            <ul className="tb-bundle-items tb-muted">
              {plan.skipped.map((s) => (
                <li key={s.implCode} className="tb-bundle-item">
                  <div className="tb-bundle-item-head">
                    <span>{s.name}</span>
                    {toggle && leaveOut.includes(s.implCode) && (
                      <Button size="small" onClick={() => toggle(s.implCode)}>
                        {t('bundles.addBack')}
                      </Button>
                    )}
                  </div>
                  <div className="tb-bundle-item-meta">{s.reason}</div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="tb-section" aria-labelledby="plan-materials">
        <h3 id="plan-materials" className="tb-subsection-title">
          {t('bundles.planMaterials')}
        </h3>
        <ul className="tb-plan-materials" data-testid="plan-materials">
          {plan.materials.map((m) => (
            <li key={m.key} className={`tb-plan-material tb-provide-${m.provide}`}>
              <div className="tb-plan-material-name">
                {m.provide === 'upload' ? <UploadOutlined aria-hidden /> : m.provide === 'shared' ? <CloudSyncOutlined aria-hidden /> : <FileDoneOutlined aria-hidden />}
                <span data-testid="material-name">{m.name}</span>
              </div>
              <div className="tb-plan-material-how">
                {m.provide === 'upload' ? t('bundles.provideUpload') : m.provide === 'shared' ? t('bundles.provideShared') : t('bundles.provideBundle', { name: m.providedBy?.name ?? '' })}
                {m.provide === 'upload' && m.paper.original > 0 && ` · ${t('bundles.paperOriginal', { count: m.paper.original })}`}
                {m.provide === 'upload' && m.paper.copy > 0 && ` · ${t('bundles.paperCopy', { count: m.paper.copy })}`}
              </div>
              <div className="tb-bundle-item-meta">{t('bundles.usedBy', { names: m.items.map((i) => i.name).join('、') })}</div>
            </li>
          ))}
        </ul>
      </section>

      <section className="tb-section" aria-labelledby="plan-form">
        <h3 id="plan-form" className="tb-subsection-title">
          {t('bundles.formTitle')}
        </h3>
        <Typography.Paragraph type="secondary">{t('bundles.formDesc', { before: plan.form.fieldsBeforeMerge, after: asked.length })}</Typography.Paragraph>
        <ol className="tb-plan-form" data-testid="plan-form">
          {plan.form.fields.map((f) => {
            const notAsked = !!f.issuedBy || !!f.filled;
            return (
              <li key={f.key} className={notAsked ? 'tb-muted' : undefined}>
                <span data-testid="field-title">{f.schema.title}</span>
                {f.required && !notAsked && <span className="tb-required-mark">{` · ${t('bundles.requiredMark')}`}</span>}
                {f.items.length > 1 && !notAsked && (
                  <Tag color="green" style={{ marginInlineStart: 8 }}>
                    {t('bundles.sharedBy', { count: f.items.length })}
                  </Tag>
                )}
                {f.issuedBy && <div className="tb-bundle-item-meta">{t('bundles.issuedField', { name: f.issuedBy.name })}</div>}
                {f.filled && <div className="tb-bundle-item-meta">{f.filled.by === 'answer' ? t('bundles.filledAnswer', { value: f.filled.value ?? '' }) : t('bundles.filledPreset', { value: f.filled.value ?? '' })}</div>}
              </li>
            );
          })}
        </ol>
      </section>

      {(plan.merged.materials.length > 0 || plan.merged.fields.length > 0) && (
        <section className="tb-section" aria-labelledby="plan-merged">
          <h3 id="plan-merged" className="tb-subsection-title">
            {t('bundles.mergedTitle')}
          </h3>
          <ul className="tb-merged">
            {plan.merged.materials.map((m) => (
              <li key={`m-${m.name}`}>
                <CheckCircleFilled aria-hidden style={{ color: '#389e0d' }} /> {t('bundles.mergedMaterial', { name: m.name, n: m.timesAsked })}
              </li>
            ))}
            {plan.merged.fields.map((f) => (
              <li key={`f-${f.title}`}>
                <CheckCircleFilled aria-hidden style={{ color: '#389e0d' }} /> {t('bundles.mergedField', { title: f.title, n: f.timesAsked })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <SavingsTable s={plan.savings} title={t('bundles.savingsPlanTitle')} />
      <Button onClick={() => window.print()}>{t('bundles.print')}</Button>
    </div>
  );
}

/** A bundle: what it is, the questionnaire, then the one-time list for the answers; and the savings. */
export function BundlePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = useBundle(code);
  const plan = usePlan(code);
  const [search] = useSearchParams();
  // Opened from the hotline's SMS: the answers given on the phone, and their list at once.
  const [linked] = useState(() => answersFromParam(search.get('answers')));
  const [answers, setAnswers] = useState<Record<string, string>>(linked);
  const [leaveOut, setLeaveOut] = useState<string[]>([]);
  const [editing, setEditing] = useState(true);
  useDocumentTitle(q.data?.name);
  useEffect(() => {
    if (Object.keys(linked).length) plan.mutate({ answers: linked, leaveOut: [] }, { onSuccess: () => setEditing(false) });
  }, [linked]);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data;

  const run = (out: string[]) =>
    plan.mutate(
      { answers, leaveOut: out },
      {
        onSuccess: () => {
          setEditing(false);
          requestAnimationFrame(() => document.getElementById('plan-title')?.focus());
        },
      },
    );
  const toggle = (implCode: string) => {
    const out = leaveOut.includes(implCode) ? leaveOut.filter((c) => c !== implCode) : [...leaveOut, implCode];
    setLeaveOut(out);
    run(out);
  };

  return (
    <div className="tb-container tb-page">
      <Breadcrumb items={[{ title: <Link to="/">{t('nav.home')}</Link> }, { title: <Link to="/bundles">{t('bundles.zone')}</Link> }, { title: b.name }]} />
      <Typography.Title level={1} className="tb-page-title" style={{ marginTop: 12 }}>
        {b.name}
      </Typography.Title>
      <Typography.Paragraph>{b.summary}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('bundles.lead')}：{b.leadAgency.name}
      </Typography.Paragraph>
      {b.cooperatingAgencies.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('bundles.cooperating')}：{b.cooperatingAgencies.map((a) => a.name).join('、')}
        </Typography.Paragraph>
      )}

      {editing || !plan.data ? (
        <>
          <Questionnaire b={b} answers={answers} setAnswers={setAnswers} onDone={() => run(leaveOut)} pending={plan.isPending} />
          {plan.isError && <Alert type="error" showIcon role="alert" title={errorMessage(plan.error)} style={{ marginTop: 12 }} />}
          <section className="tb-section" aria-labelledby="items-title">
            <h2 id="items-title" className="tb-section-title">
              {t('bundles.itemsTitle')}
            </h2>
            <ul className="tb-bundle-items">
              {b.items.map((it) => (
                <ItemLine key={it.implCode} it={it} />
              ))}
            </ul>
          </section>
          <SavingsTable s={b.savings} title={t('bundles.savingsTitle')} />
        </>
      ) : (
        <>
          <Button onClick={() => setEditing(true)} style={{ marginBottom: 12 }}>
            {t('bundles.changeAnswers')}
          </Button>
          <PlanView plan={plan.data} leaveOut={leaveOut} toggle={toggle} />
          <BundleApply code={code} plan={plan.data} answers={answers} leaveOut={leaveOut} />
        </>
      )}

      <Collapse
        style={{ marginTop: 20 }}
        items={[
          {
            key: 'process',
            label: t('bundles.processTitle'),
            children: <Steps orientation="vertical" size="small" current={-1} items={b.process.map((p) => ({ title: p.name, description: p.description }))} />,
          },
          {
            key: 'guide',
            label: t('bundles.guideTitle'),
            children: (
              <dl className="tb-fee-dl">
                <dt>{t('bundles.conditions')}</dt>
                <dd>{b.guide.conditions.join('；')}</dd>
                <dt>{t('bundles.notes')}</dt>
                <dd>{b.guide.notes.join('；')}</dd>
                <dt>{t('bundles.window')}</dt>
                <dd>{b.guide.window}</dd>
                <dt>{t('bundles.consult')}</dt>
                <dd>{b.guide.consult}</dd>
                {b.linkedServices.length > 0 && (
                  <>
                    <dt>{t('bundles.linked')}</dt>
                    <dd>{b.linkedServices.map((l) => `${l.name}（${l.provider}）`).join('；')}</dd>
                  </>
                )}
              </dl>
            ),
          },
        ]}
      />
    </div>
  );
}
