/**
 * The plan over the seeded bundles and the demo catalog, without a database: for every bundle and every
 * combination of answers, the plan's items are members, no material appears twice, no field concept is asked
 * twice, conditions decide membership, and the savings add up.
 */
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../seed/world/index.ts';
import { BUNDLES } from '../../seed/world/bundles.ts';
import type { ItemDocument } from '../catalog/index.ts';
import { buildPlan, bundleSavings, checkAnswers, holds, mergeForms, visibleQuestions, type Members } from './plan.ts';
import { lintBundle, optionConflicts } from './lint.ts';
import type { Answers, BundleDocument } from './schema.ts';
import { AppError } from '../../platform/http/errors.ts';

const world = buildWorld();
const byCode = new Map(world.items.map((i) => [i.implCode, i]));

function membersOf(doc: BundleDocument): Members {
  const m = new Map<string, { document: ItemDocument; agency: { id: string; name: string } }>();
  for (const x of doc.members) {
    const i = byCode.get(x.implCode);
    if (i?.published) m.set(x.implCode, { document: { ...i, form: { ...i.form, 'x-order': Object.keys(i.form.properties) } } as unknown as ItemDocument, agency: { id: i.orgKey, name: i.orgKey } });
  }
  return m;
}

/** Every complete answer set of the questionnaire (questions asked only when their condition holds). */
function allAnswerSets(doc: BundleDocument): Answers[] {
  let sets: Answers[] = [{}];
  for (const q of doc.questions) {
    sets = sets.flatMap((a) => (holds(q.when, a) ? q.options.map((o) => ({ ...a, [q.id]: o.value })) : [a]));
  }
  return sets;
}

const bundle = (code: string) => BUNDLES.find((b) => b.code === code)!;

describe('seeded bundles', () => {
  it('are at least ten, with distinct codes, each passing the review checks against the demo catalog', () => {
    expect(BUNDLES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(BUNDLES.map((b) => b.code)).size).toBe(BUNDLES.length);
    // No errors; warnings only where the items' options really differ (after-death: more people may report a death
    // than may claim the funeral grant), which the merged form narrows to the options every item accepts.
    for (const b of BUNDLES) {
      const findings = lintBundle(b, membersOf(b), true).filter((f) => f.severity === 'error' || !optionConflicts(b, membersOf(b)).some((c) => c.path === f.path));
      expect({ code: b.code, findings }).toEqual({ code: b.code, findings: [] });
    }
  });
});

describe('plan (every answer combination of every seeded bundle)', () => {
  for (const doc of BUNDLES) {
    it(`${doc.name}: items ⊆ members, each material once, each field concept once, savings consistent`, () => {
      const members = membersOf(doc);
      const sets = allAnswerSets(doc);
      expect(sets.length).toBeGreaterThan(1);
      for (const answers of sets) {
        const plan = buildPlan(doc, 1, members, answers);
        const memberCodes = doc.members.map((m) => m.implCode);
        for (const i of plan.items) expect(memberCodes).toContain(i.implCode);
        // Conditions decide: an item is on the list exactly when its condition holds.
        for (const m of doc.members) expect(plan.items.some((i) => i.implCode === m.implCode)).toBe(holds(m.when, answers));
        const keys = plan.materials.map((m) => m.key);
        expect(new Set(keys).size).toBe(keys.length);
        const names = plan.materials.map((m) => m.name);
        expect(new Set(names).size).toBe(names.length);
        const concepts = plan.form.fields.map((f) => f.concept).filter((c) => c !== null);
        expect(new Set(concepts).size).toBe(concepts.length);
        // Every item field is covered by exactly one merged field.
        const covered = plan.form.fields.flatMap((f) => f.items.map((r) => `${r.implCode}.${r.field}`));
        expect(new Set(covered).size).toBe(covered.length);
        expect(covered.length).toBe(plan.form.fieldsBeforeMerge);
        // Materials serve only listed items.
        for (const m of plan.materials) for (const r of m.items) expect(plan.items.map((i) => i.implCode)).toContain(r.implCode);
        const s = plan.savings;
        for (const k of Object.keys(s.saved) as Array<keyof typeof s.saved>) {
          expect(s.saved[k]).toBe(s.itemByItem[k] - s.bundle[k]);
          expect(s.saved[k]).toBeGreaterThanOrEqual(0);
        }
        expect(s.itemByItem.applications).toBe(plan.items.length);
        expect(s.bundle.materials).toBe(plan.materials.filter((m) => m.provide !== 'bundle').length);
      }
    });
  }
});

describe('新生儿出生', () => {
  const doc = bundle('newborn');
  const members = membersOf(doc);
  const answers = { hukouHere: 'yes', follow: 'father', married: 'yes', wantSocialCard: 'yes' };

  it('asks the mother’s and the newborn’s data once, and does not ask what an earlier item issues', () => {
    const plan = buildPlan(doc, 1, members, answers);
    const childName = plan.form.fields.find((f) => f.concept === 'childName')!;
    expect(childName.items.length).toBeGreaterThanOrEqual(3);
    const birthDate = plan.form.fields.find((f) => f.concept === 'birthDate')!;
    expect(birthDate.items.length).toBeGreaterThanOrEqual(2);
    expect(plan.form.fields.find((f) => f.concept === 'childIdNumber')?.issuedBy?.name).toBe('出生登记');
    const birthCert = plan.materials.find((m) => m.key === 'birthCertificate')!;
    expect(birthCert.provide).toBe('bundle');
    expect(birthCert.providedBy?.name).toBe('出生医学证明首次签发');
    expect(plan.merged.fields.length).toBeGreaterThan(0);
    // 随父或随母落户 comes from the questionnaire and 参保类别 from the bundle: neither is asked again.
    const registerWith = plan.form.fields.find((f) => f.items.some((i) => i.field === 'registerWith'))!;
    expect(registerWith.filled).toEqual({ value: '随父', by: 'answer', question: 'follow' });
    expect(plan.form.fields.find((f) => f.items.some((i) => i.field === 'category'))?.filled).toEqual({ value: '新生儿', by: 'preset' });
    const asked = plan.form.fields.filter((f) => !f.issuedBy && !f.filled).length;
    expect(plan.savings.bundle.fields).toBe(asked);
    expect(plan.savings.saved.fields).toBeGreaterThan(0);
  });

  it('leaves out 出生登记 when the child is registered elsewhere, and the marriage certificate when unmarried', () => {
    const away = buildPlan(doc, 1, members, { hukouHere: 'no', wantSocialCard: 'no' });
    expect(away.items.map((i) => i.name)).not.toContain('出生登记');
    expect(away.skipped.map((i) => i.name)).toContain('出生登记');
    const unmarried = buildPlan(doc, 1, members, { ...answers, married: 'no' });
    expect(unmarried.materials.some((m) => m.key === 'marriageCertificate')).toBe(false);
    expect(buildPlan(doc, 1, members, answers).materials.some((m) => m.key === 'marriageCertificate')).toBe(true);
  });

  it('lets the applicant leave optional items out, never required ones', () => {
    const med = doc.members.find((m) => !m.required)!.implCode;
    const req = doc.members.find((m) => m.required)!.implCode;
    const plan = buildPlan(doc, 1, members, answers, [med, req]);
    expect(plan.items.map((i) => i.implCode)).not.toContain(med);
    expect(plan.items.map((i) => i.implCode)).toContain(req);
  });
});

describe('merging across items', () => {
  it('asks for a material the bundle issues only later (the seller’s 不动产权证书 before 转移登记)', () => {
    const doc = bundle('resale-home-transfer');
    const plan = buildPlan(doc, 1, membersOf(doc), { useFund: 'no', firstHome: 'yes' });
    const cert = plan.materials.find((m) => m.key === 'propertyCertificate')!;
    expect(cert.provide).not.toBe('bundle');
    expect(cert.items.length).toBe(2);
  });

  it('words a merged field as the items do when they agree, as the dictionary does when they differ', () => {
    const doc = bundle('business-startup');
    const plan = buildPlan(doc, 1, membersOf(doc), { needSeal: 'yes', needInvoice: 'yes', hasStaff: 'yes' });
    const contact = plan.form.fields.find((f) => f.concept === 'contactName')!;
    expect(contact.items.length).toBe(3);
    expect(contact.schema.title).toBe('单位经办人姓名');
    const phone = plan.form.fields.find((f) => f.concept === 'phone')!;
    expect(phone.schema.title).toBe('经办人联系电话');
  });
});

describe('answers', () => {
  const doc = bundle('newborn');
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof AppError ? [e.status, e.code, e.params.question] : e;
    }
    return 'no error';
  };
  it('names the question that is missing, unknown or answered with no option', () => {
    expect(code(() => checkAnswers(doc, { hukouHere: 'yes', follow: 'father', married: 'yes' }))).toEqual([400, 'ANSWER_MISSING', 'wantSocialCard']);
    expect(code(() => checkAnswers(doc, { nonsense: 'x' }))).toEqual([400, 'UNKNOWN_QUESTION', 'nonsense']);
    expect(code(() => checkAnswers(doc, { hukouHere: 'maybe' }))).toEqual([400, 'ANSWER_INVALID', 'hukouHere']);
  });
  it('asks follow-up questions only when they apply, and ignores answers to questions not asked', () => {
    expect(visibleQuestions(doc, { hukouHere: 'no' }).map((q) => q.id)).toEqual(['hukouHere', 'wantSocialCard']);
    expect(checkAnswers(doc, { hukouHere: 'no', follow: 'father', wantSocialCard: 'no' })).toEqual({ hukouHere: 'no', wantSocialCard: 'no' });
  });
});

describe('savings', () => {
  it('counts item by item against once, and runs members in parallel except where one needs another first', () => {
    const doc = bundle('business-startup');
    const members = membersOf(doc);
    const s = bundleSavings(doc, members);
    const docs = doc.members.map((m) => members.get(m.implCode)!.document);
    expect(s.itemByItem.applications).toBe(docs.length);
    expect(s.bundle.applications).toBe(1);
    expect(s.itemByItem.days).toBe(docs.reduce((n, d) => n + d.committedDays, 0));
    const setup = members.get(doc.members[0]!.implCode)!.document.committedDays;
    const rest = Math.max(...docs.slice(1).map((d) => d.committedDays));
    expect(s.bundle.days).toBe(setup + rest);
    expect(s.itemByItem.visits).toBe(docs.reduce((n, d) => n + d.visitsRequired, 0));
    expect(s.bundle.visits).toBe(Math.max(...docs.map((d) => d.visitsRequired)));
    expect(s.saved.forms).toBe(docs.length - 1);
  });

  it('flags one merged field whose items offer different options, and offers only the options all accept', () => {
    // A field with options that several members of a seeded bundle ask (the same dictionary concept).
    const found = BUNDLES.flatMap((doc) => {
      const members = membersOf(doc);
      const all = doc.members.flatMap((m) => (members.has(m.implCode) ? [{ m, item: members.get(m.implCode)! }] : []));
      return mergeForms(all).fields.filter((f) => f.items.length > 1 && f.schema.enum && f.schema.enum.length > 1).map((f) => ({ doc, members, f }));
    })[0];
    expect(found, 'a seeded bundle merges a field with options').toBeDefined();
    const { doc, members, f } = found!;
    expect(optionConflicts(doc, members)).toEqual([]);
    // The second item drops the first option and adds one of its own: the merged field must not take either alone.
    const ref = f.items[1]!;
    const item = structuredClone(members.get(ref.implCode)!);
    const options = item.document.form.properties[ref.field]!.enum!;
    const changed = [...options.slice(1), '其他情形'];
    item.document.form.properties[ref.field]!.enum = changed;
    const altered: Members = new Map([...members, [ref.implCode, item]]);
    const conflicts = optionConflicts(doc, altered);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.common).toEqual(options.slice(1));
    const findings = lintBundle(doc, altered, true);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]!.message).toContain(f.schema.title);
    expect(findings[0]!.message).toContain('其他情形');
    const all = doc.members.flatMap((m) => (altered.has(m.implCode) ? [{ m, item: altered.get(m.implCode)! }] : []));
    expect(mergeForms(all).fields.find((x) => x.key === f.key)!.schema.enum).toEqual(options.slice(1));
    // No option in common: the merged field cannot be answered for every item, so the bundle cannot be published.
    item.document.form.properties[ref.field]!.enum = ['其他情形'];
    const blocked = lintBundle(doc, altered, true);
    expect(blocked.map((x) => x.severity)).toEqual(['error']);
    expect(blocked[0]!.message).toContain('没有共同项');
  });

  it('finds a cycle in the sequence and a condition naming a missing option', () => {
    const doc = structuredClone(bundle('retirement'));
    doc.members[0]!.after = [doc.members[1]!.implCode];
    doc.members[1]!.when = [{ question: 'hasFund', in: ['perhaps'] }];
    const messages = lintBundle(doc, membersOf(doc), true).map((f) => f.message);
    expect(messages.some((m) => m.includes('循环'))).toBe(true);
    expect(messages.some((m) => m.includes('perhaps'))).toBe(true);
  });
});
