/**
 * The one-time notice (一次告知) of a bundle: from the situation answers, which member items apply, one merged list
 * of materials (一套材料) and one merged form (一表申请), and what that saves against applying item by item.
 * Pure functions over the bundle document and its members' published documents.
 */
import { summaryOf, type ItemDocument } from '../catalog/index.ts';
import { FIELD_CONCEPTS, fieldConceptOf, materialConceptOf } from './dictionary.ts';
import { BundleErrors } from './errors.ts';
import type { Answers, BundleDocument, BundleItem, BundleMember, Condition, Measures, MergedFormField, Plan, PlanMaterial, Savings, SituationQuestion } from './schema.ts';

export type MemberItem = { document: ItemDocument; agency: { id: string; name: string } };
export type Members = ReadonlyMap<string, MemberItem>;

export function holds(when: Condition | undefined, answers: Answers): boolean {
  return (when ?? []).every((c) => answers[c.question] !== undefined && c.in.includes(answers[c.question]!));
}

/** Questions to ask given the answers so far: a question is asked when its own condition holds. */
export function visibleQuestions(doc: BundleDocument, answers: Answers): SituationQuestion[] {
  return doc.questions.filter((q) => holds(q.when, answers));
}

/**
 * Check the answers: every asked question answered with one of its options, no unknown questions. Answers to
 * questions that are not asked in this situation are dropped. Returns the answers that count.
 */
export function checkAnswers(doc: BundleDocument, answers: Answers): Answers {
  for (const id of Object.keys(answers)) {
    if (!doc.questions.some((q) => q.id === id)) throw BundleErrors.UNKNOWN_QUESTION({ question: id });
  }
  const counted: Answers = {};
  // Questions may depend on earlier ones: resolve in document order.
  for (const q of doc.questions) {
    if (!holds(q.when, counted)) continue;
    const a = answers[q.id];
    if (a === undefined) throw BundleErrors.ANSWER_MISSING({ question: q.id, text: q.text });
    if (!q.options.some((o) => o.value === a)) {
      throw BundleErrors.ANSWER_INVALID({ question: q.id, text: q.text, value: a, allowed: q.options.map((o) => `${o.value}（${o.label}）`).join('、') });
    }
    counted[q.id] = a;
  }
  return counted;
}

export function bundleItemOf(m: BundleMember, item: MemberItem): BundleItem {
  return {
    ...summaryOf(item.document, item.agency),
    required: m.required,
    conditional: (m.when ?? []).length > 0,
    ...(m.note ? { note: m.note } : {}),
    resultName: item.document.result.name,
  };
}

/** Members that apply: those whose condition holds (all members when `answers` is undefined). */
function applicable(doc: BundleDocument, members: Members, answers: Answers | undefined) {
  const on: Array<{ m: BundleMember; item: MemberItem }> = [];
  const off: Array<{ m: BundleMember; item: MemberItem }> = [];
  for (const m of doc.members) {
    const item = members.get(m.implCode);
    if (!item) continue;
    (answers === undefined || holds(m.when, answers) ? on : off).push({ m, item });
  }
  return { on, off };
}

function materialApplies(m: BundleMember, code: string, answers: Answers | undefined): boolean {
  const rule = m.materialConditions?.find((c) => c.code === code);
  return !rule || answers === undefined || holds(rule.when, answers);
}

/** Members that must finish before `implCode` starts: its `after` list, transitively. */
function prerequisites(chosen: ReadonlyArray<{ m: BundleMember }>, implCode: string): Set<string> {
  const out = new Set<string>();
  const visit = (code: string) => {
    for (const a of chosen.find((c) => c.m.implCode === code)?.m.after ?? []) {
      if (out.has(a)) continue;
      out.add(a);
      visit(a);
    }
  };
  visit(implCode);
  return out;
}

/** One set of materials: each concept once, with the items it serves; materials issued inside the bundle are not asked. */
export function mergeMaterials(chosen: ReadonlyArray<{ m: BundleMember; item: MemberItem }>, answers: Answers | undefined): { materials: PlanMaterial[]; asked: number } {
  const results = new Map<string, { implCode: string; name: string }>();
  for (const { item } of chosen) {
    const c = materialConceptOf(item.document.result.name);
    if (c && !results.has(c.id)) results.set(c.id, { implCode: item.document.implCode, name: item.document.name });
  }
  const byKey = new Map<string, PlanMaterial>();
  let asked = 0;
  for (const { m, item } of chosen) {
    const doc = item.document;
    for (const mat of doc.materials) {
      if (!materialApplies(m, mat.code, answers)) continue;
      asked++;
      const concept = materialConceptOf(mat.name);
      const key = concept?.id ?? `${doc.implCode}#${mat.code}`;
      // Issued inside the bundle only when the issuing member runs before this one (二手房: the seller's 不动产权证书
      // is needed before 转移登记 issues the buyer's).
      const found = concept ? results.get(concept.id) : undefined;
      const producer = found && prerequisites(chosen, m.implCode).has(found.implCode) ? found : undefined;
      const provide: PlanMaterial['provide'] = producer ? 'bundle' : mat.obtainable ? 'shared' : 'upload';
      const ref = { implCode: doc.implCode, name: doc.name, code: mat.code };
      const seen = byKey.get(key);
      if (seen) {
        seen.items.push(ref);
        // The strictest wording wins: uploading beats sharing; required beats optional.
        if (seen.provide === 'shared' && provide === 'upload') seen.provide = 'upload';
        if (mat.necessity === 'required') seen.necessity = 'required';
        seen.paper = { original: Math.max(seen.paper.original, mat.paper.original), copy: Math.max(seen.paper.copy, mat.paper.copy) };
        continue;
      }
      byKey.set(key, {
        key,
        name: concept?.name ?? mat.name,
        provide,
        necessity: mat.necessity,
        paper: { ...mat.paper },
        ...(mat.notes ? { notes: mat.notes } : {}),
        ...(provide === 'bundle' && producer ? { providedBy: { implCode: producer.implCode, name: producer.name } } : {}),
        items: [ref],
      });
    }
  }
  const order = { upload: 0, bundle: 1, shared: 2 } as const;
  return { materials: [...byKey.values()].sort((a, b) => order[a.provide] - order[b.provide]), asked };
}

type Filled = NonNullable<MergedFormField['filled']>;

/** Item fields the bundle fixes or the answers fill (`implCode.field` → value; value null when not yet answered). */
export function filledFields(doc: BundleDocument, answers: Answers | undefined): Map<string, Filled> {
  const out = new Map<string, Filled>();
  for (const m of doc.members) for (const [field, value] of Object.entries(m.presets ?? {})) out.set(`${m.implCode}.${field}`, { value, by: 'preset' });
  for (const q of doc.questions) {
    for (const f of q.fills ?? []) {
      const a = answers?.[q.id];
      out.set(`${f.implCode}.${f.field}`, { value: a === undefined ? null : (f.values[a] ?? null), by: 'answer', question: q.id });
    }
  }
  return out;
}

/** The applicant's own fields first, then the rest in dictionary order, then each item's own fields. */
const FIRST = ['applicantName', 'idNumber', 'phone', 'address', 'entityName', 'creditCode'];
const rank = (f: MergedFormField) => (f.concept === null ? 1000 : FIRST.includes(f.concept) ? FIRST.indexOf(f.concept) : 100 + FIELD_CONCEPTS.findIndex((c) => c.id === f.concept));

/** One merged form: each field concept once; fields with no concept stay the item's own (key implCode.field). */
export function mergeForms(chosen: ReadonlyArray<{ m: BundleMember; item: MemberItem }>, filled: ReadonlyMap<string, Filled> = new Map()): { fields: MergedFormField[]; fieldsBeforeMerge: number } {
  const byKey = new Map<string, MergedFormField>();
  const titles = new Map<string, Set<string>>();
  const issuer = (re: RegExp | undefined) => chosen.find(({ item }) => re?.test(item.document.result.name))?.item.document;
  let before = 0;
  for (const { m, item } of chosen) {
    const doc = item.document;
    const order = doc.form['x-order'] ?? Object.keys(doc.form.properties);
    for (const key of order) {
      const field = doc.form.properties[key];
      if (!field) continue;
      before++;
      const concept = fieldConceptOf(key, field, m.fieldConcepts?.[key]);
      const mergedKey = concept?.id ?? `${doc.implCode}.${key}`;
      const required = doc.form.required.includes(key);
      const ref = { implCode: doc.implCode, name: doc.name, field: key };
      if (!m.fieldConcepts?.[key]) titles.set(mergedKey, (titles.get(mergedKey) ?? new Set()).add(field.title));
      const seen = byKey.get(mergedKey);
      if (seen) {
        seen.items.push(ref);
        seen.required ||= required;
        // Different options for one merged field (flagged by lint.ts): offer only those every item accepts.
        if (field.enum) seen.schema = { ...seen.schema, enum: seen.schema.enum ? seen.schema.enum.filter((v) => field.enum!.includes(v)) : field.enum };
        continue;
      }
      const schema = field;
      const by = issuer(concept?.issuedBy);
      const fill = filled.get(`${doc.implCode}.${key}`);
      byKey.set(mergedKey, { key: mergedKey, concept: concept?.id ?? null, schema, required, items: [ref], ...(by ? { issuedBy: { implCode: by.implCode, name: by.name } } : {}), ...(fill ? { filled: fill } : {}) });
    }
  }
  // The items' own wording when they agree (新生儿姓名); the dictionary's when they differ (社保经办人 / 公积金专管员)
  // or when every use is one the bundle re-means.
  for (const f of byKey.values()) {
    const concept = FIELD_CONCEPTS.find((c) => c.id === f.concept);
    const own = titles.get(f.key);
    if (concept && own?.size !== 1) f.schema = { ...f.schema, title: concept.title };
    else if (own?.size === 1) f.schema = { ...f.schema, title: [...own][0]! };
  }
  const fields = [...byKey.values()].sort((a, b) => rank(a) - rank(b));
  // “公民身份号码” next to “监护人姓名” reads as anyone's: name it after the person, as the items' own pairs do.
  const name = fields.find((f) => f.concept === 'applicantName');
  const id = fields.find((f) => f.concept === 'idNumber');
  if (name && id && /^(.+)姓名$/.test(name.schema.title) && id.schema.title === '公民身份号码') id.schema = { ...id.schema, title: `${name.schema.title.replace(/姓名$/, '')}公民身份号码` };
  return { fields, fieldsBeforeMerge: before };
}

/** Working days when members run in parallel, each after the members it needs (longest path). */
function parallelDays(chosen: ReadonlyArray<{ m: BundleMember; item: MemberItem }>): number {
  const days = new Map(chosen.map(({ m, item }) => [m.implCode, item.document.committedDays]));
  const after = new Map(chosen.map(({ m }) => [m.implCode, (m.after ?? []).filter((a) => days.has(a))]));
  const memo = new Map<string, number>();
  const finish = (code: string, depth = 0): number => {
    if (memo.has(code)) return memo.get(code)!;
    const start = depth > days.size ? 0 : Math.max(0, ...after.get(code)!.map((a) => finish(a, depth + 1)));
    const v = start + days.get(code)!;
    memo.set(code, v);
    return v;
  };
  return Math.max(0, ...[...days.keys()].map((c) => finish(c)));
}

/** Savings of one application through the bundle against applying for `chosen` item by item. */
export function computeSavings(doc: BundleDocument, chosen: ReadonlyArray<{ m: BundleMember; item: MemberItem }>, answers: Answers | undefined): Savings {
  const { materials, asked } = mergeMaterials(chosen, answers);
  const form = mergeForms(chosen, filledFields(doc, answers));
  const docs = chosen.map((c) => c.item.document);
  const itemByItem: Measures = {
    applications: docs.length,
    forms: docs.filter((d) => Object.keys(d.form.properties).length > 0).length,
    fields: form.fieldsBeforeMerge,
    materials: asked,
    visits: docs.reduce((s, d) => s + d.visitsRequired, 0),
    days: docs.reduce((s, d) => s + d.committedDays, 0),
  };
  const bundle: Measures = {
    applications: docs.length > 0 ? 1 : 0,
    forms: form.fields.length > 0 ? 1 : 0,
    fields: form.fields.filter((f) => !f.issuedBy && !f.filled).length,
    materials: materials.filter((m) => m.provide !== 'bundle').length,
    // One trip to the comprehensive window covers every member that needs one.
    visits: Math.max(0, ...docs.map((d) => d.visitsRequired)),
    days: parallelDays(chosen),
  };
  const saved = Object.fromEntries(Object.entries(itemByItem).map(([k, v]) => [k, v - bundle[k as keyof Measures]])) as Measures;
  return { itemByItem, bundle, saved };
}

/** Savings of the whole bundle (every member, every material) as shown on the bundle page. */
export function bundleSavings(doc: BundleDocument, members: Members): Savings {
  return computeSavings(doc, applicable(doc, members, undefined).on, undefined);
}

function reasonOf(m: BundleMember, doc: BundleDocument, answers: Answers): string {
  if (!m.when?.length) return m.required ? '必办事项' : '可选事项';
  const parts = m.when.map((c) => {
    const q = doc.questions.find((x) => x.id === c.question);
    const label = q?.options.find((o) => o.value === answers[c.question])?.label ?? answers[c.question];
    return `${q?.text ?? c.question}：${label}`;
  });
  return `根据您的回答（${parts.join('；')}）`;
}

/** The one-time list for these answers. `optionalOut` leaves optional members out (the applicant's choice). */
export function buildPlan(doc: BundleDocument, version: number, members: Members, rawAnswers: Answers, optionalOut: readonly string[] = []): Plan {
  const answers = checkAnswers(doc, rawAnswers);
  const { on, off } = applicable(doc, members, answers);
  const chosen = on.filter(({ m }) => m.required || !optionalOut.includes(m.implCode));
  const skipped = [
    ...off.map(({ m, item }) => ({ implCode: m.implCode, name: item.document.name, reason: '根据您的回答，本次不需要办理' })),
    ...on.filter((c) => !chosen.includes(c)).map(({ m, item }) => ({ implCode: m.implCode, name: item.document.name, reason: '您选择暂不办理' })),
  ];
  const { materials } = mergeMaterials(chosen, answers);
  const form = mergeForms(chosen, filledFields(doc, answers));
  return {
    bundle: { code: doc.code, name: doc.name, version },
    items: chosen.map(({ m, item }) => ({ ...bundleItemOf(m, item), reason: reasonOf(m, doc, answers) })),
    skipped,
    materials,
    form,
    savings: computeSavings(doc, chosen, answers),
    merged: {
      materials: materials.filter((m) => m.items.length > 1).map((m) => ({ name: m.name, timesAsked: m.items.length })),
      fields: form.fields.filter((f) => f.items.length > 1).map((f) => ({ title: f.schema.title, timesAsked: f.items.length })),
    },
  };
}
