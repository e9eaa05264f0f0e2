/**
 * Review checks of a bundle document against the published catalog: every member is a published item, conditions
 * name real questions and options, material rules name real materials, the sequence has no cycle. Errors block
 * submission and publication, as the catalog's standardization review does for items.
 */
import type { BundleDocument, BundleFinding, Condition } from './schema.ts';
import { mergeForms, type Members } from './plan.ts';
import { FIELD_CONCEPT_IDS } from './dictionary.ts';

export function lintBundle(doc: BundleDocument, members: Members, leadKnown: boolean): BundleFinding[] {
  const out: BundleFinding[] = [];
  const err = (path: string, message: string) => out.push({ severity: 'error', path, message });
  if (!leadKnown) err('/leadCreditCode', `牵头部门统一社会信用代码 ${doc.leadCreditCode} 不是平台上任何部门`);

  const ids = new Set<string>();
  doc.questions.forEach((q, i) => {
    if (ids.has(q.id)) err(`/questions/${i}/id`, `问题编号 ${q.id} 重复`);
    const values = q.options.map((o) => o.value);
    if (new Set(values).size !== values.length) err(`/questions/${i}/options`, `问题“${q.text}”的选项值重复`);
    checkCondition(q.when, `/questions/${i}/when`, ids);
    ids.add(q.id);
  });

  function checkCondition(when: Condition | undefined, path: string, known: ReadonlySet<string>) {
    (when ?? []).forEach((c, j) => {
      const q = doc.questions.find((x) => x.id === c.question);
      if (!q || !known.has(c.question)) {
        err(`${path}/${j}/question`, `条件引用的问题 ${c.question} 不存在${q ? '（问题只能依赖排在它前面的问题）' : ''}`);
        return;
      }
      for (const v of c.in) if (!q.options.some((o) => o.value === v)) err(`${path}/${j}/in`, `问题“${q.text}”没有选项 ${v}`);
    });
  }

  const codes = new Set<string>();
  doc.members.forEach((m, i) => {
    const p = `/members/${i}`;
    if (codes.has(m.implCode)) err(`${p}/implCode`, `事项 ${m.implCode} 重复列入`);
    codes.add(m.implCode);
    const item = members.get(m.implCode);
    if (!item) {
      err(`${p}/implCode`, `事项 ${m.implCode} 不存在或未发布：“一件事”只能组合已发布的事项`);
      return;
    }
    checkCondition(m.when, `${p}/when`, ids);
    (m.materialConditions ?? []).forEach((r, j) => {
      if (!item.document.materials.some((x) => x.code === r.code)) err(`${p}/materialConditions/${j}/code`, `事项“${item.document.name}”没有材料 ${r.code}`);
      checkCondition(r.when, `${p}/materialConditions/${j}/when`, ids);
    });
    for (const [field, concept] of Object.entries(m.fieldConcepts ?? {})) {
      if (!item.document.form.properties[field]) err(`${p}/fieldConcepts/${field}`, `事项“${item.document.name}”的表单没有字段 ${field}`);
      if (!FIELD_CONCEPT_IDS.has(concept)) err(`${p}/fieldConcepts/${field}`, `数据字典中没有 ${concept}`);
    }
    for (const [field, value] of Object.entries(m.presets ?? {})) {
      const f = item.document.form.properties[field];
      if (!f) err(`${p}/presets/${field}`, `事项“${item.document.name}”的表单没有字段 ${field}`);
      else if (f.enum && !f.enum.includes(value)) err(`${p}/presets/${field}`, `“${f.title}”没有选项 ${value}`);
    }
    for (const a of m.after ?? []) if (!doc.members.some((x) => x.implCode === a)) err(`${p}/after`, `前序事项 ${a} 不是本“一件事”的成员`);
  });
  doc.questions.forEach((q, i) =>
    (q.fills ?? []).forEach((f, j) => {
      const path = `/questions/${i}/fills/${j}`;
      const field = members.get(f.implCode)?.document.form.properties[f.field];
      if (!doc.members.some((m) => m.implCode === f.implCode) || !field) return err(path, `问题“${q.text}”要填的字段 ${f.implCode}.${f.field} 不在成员事项的表单中`);
      for (const [option, value] of Object.entries(f.values)) {
        if (!q.options.some((o) => o.value === option)) err(`${path}/values`, `问题“${q.text}”没有选项 ${option}`);
        if (field.enum && !field.enum.includes(value)) err(`${path}/values`, `“${field.title}”没有选项 ${value}`);
      }
    }),
  );
  for (const f of optionConflicts(doc, members)) {
    const where = f.uses.map((u) => `“${u.name}”${u.enum ? `：${u.enum.join('、')}` : '：自由填写'}`).join('；');
    const fix = '请在事项目录中统一选项，或在 fieldConcepts 中把它们对应到不同的数据项';
    out.push(
      f.common.length
        ? { severity: 'warning', path: f.path, message: `合并表单的“${f.title}”在各事项中的选项不同（${where}），合并后只问一次，只提供各事项都接受的选项：${f.common.join('、')}。${fix}` }
        : { severity: 'error', path: f.path, message: `合并表单的“${f.title}”在各事项中的选项没有共同项（${where}），只问一次无法同时满足各事项。${fix}` },
    );
  }
  if (hasCycle(doc)) err('/members', '办理顺序（after）出现循环');
  if (!doc.members.some((m) => m.required)) err('/members', '至少要有一个必办事项');
  if (doc.process.length === 0) err('/process', '请填写标准化办理流程');
  return out;
}

function hasCycle(doc: BundleDocument): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (code: string): boolean => {
    if (state.get(code) === 1) return true;
    if (state.get(code) === 2) return false;
    state.set(code, 1);
    const m = doc.members.find((x) => x.implCode === code);
    if ((m?.after ?? []).some(visit)) return true;
    state.set(code, 2);
    return false;
  };
  return doc.members.some((m) => visit(m.implCode));
}

export type OptionConflict = { path: string; title: string; uses: Array<{ implCode: string; name: string; field: string; enum?: string[] }>; common: string[] };

/**
 * Fields the merged form asks once although the member items offer different options for them (one item's 婚姻状况
 * has 丧偶, another's not): flagged for the catalog admin, never merged silently. The merged form offers only the
 * options every item accepts (plan.ts), so no answer is refused by one department after submission.
 */
export function optionConflicts(doc: BundleDocument, members: Members): OptionConflict[] {
  const all = doc.members.flatMap((m) => {
    const item = members.get(m.implCode);
    return item ? [{ m, item }] : [];
  });
  const out: OptionConflict[] = [];
  for (const f of mergeForms(all).fields) {
    const uses = f.items.map((r) => ({ implCode: r.implCode, name: r.name, field: r.field, ...optionsOf(members, r) }));
    const enums = uses.filter((u) => u.enum).map((u) => u.enum!);
    if (enums.length === 0 || new Set(uses.map((u) => (u.enum ? [...u.enum].sort().join('\u0000') : '*'))).size === 1) continue;
    const last = uses[uses.length - 1]!;
    const at = doc.members.findIndex((m) => m.implCode === last.implCode);
    out.push({ path: `/members/${at}/fieldConcepts/${last.field}`, title: f.schema.title, uses, common: commonOptions(enums) });
  }
  return out;
}

function optionsOf(members: Members, r: { implCode: string; field: string }): { enum?: string[] } {
  const e = members.get(r.implCode)?.document.form.properties[r.field]?.enum;
  return e ? { enum: e } : {};
}

/** The options every list offers, in the first list's order. */
function commonOptions(enums: ReadonlyArray<readonly string[]>): string[] {
  return enums[0]!.filter((v) => enums.every((e) => e.includes(v)));
}
