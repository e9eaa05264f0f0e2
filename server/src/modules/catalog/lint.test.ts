import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { ItemDocument } from './schema.ts';
import {
  COMMITTED_SHARE_MAX,
  LINT_RULES,
  hasBlockingFindings,
  isVagueCondition,
  lintItem,
  pointer,
  vagueMaterialHint,
  type LintContext,
  type LintFinding,
  type LintSeverity,
} from './lint.ts';

/** A complete, realistic implementation-list entry that passes the review without a single finding. */
function cleanDoc(): ItemDocument {
  return {
    name: '个体工商户设立登记',
    kind: '01',
    baseCode: '000118001001',
    implCode: '11321200014123456X3000118001001',
    exerciseLevel: '3',
    regionCode: '321200',
    agencyNature: 'statutory',
    serviceObjects: ['person'],
    serviceObjectTypes: ['natural_person'],
    legalBasis: [
      { title: '《促进个体工商户发展条例》（国务院令第755号）', article: '第八条' },
      { title: '《中华人民共和国市场主体登记管理条例》（国务院令第746号）', article: '第十九条' },
    ],
    conditions: [
      '有经营能力的公民，依照《促进个体工商户发展条例》经登记机关登记，从事工商业经营',
      '有固定的经营场所，经营场所符合城市规划和安全要求',
      '申请登记的名称（如有）符合《个体工商户名称登记管理办法》有关规定',
    ],
    steps: [
      { name: '申请', description: '经营者登录泰州政务服务网填写登记申请表，上传经营场所使用证明', days: 0 },
      { name: '受理', description: '登记机关对申请材料进行形式审查，材料齐全的予以受理', days: 0 },
      { name: '审查', description: '登记机关审查申请材料是否齐全、是否符合法定形式', days: 1 },
      { name: '决定', description: '予以登记的核发营业执照；不予登记的出具不予登记通知书并说明理由', days: 0 },
      { name: '送达', description: '电子营业执照即时发放；纸质执照可窗口领取或免费邮寄', days: 0 },
    ],
    statutoryDays: 3,
    committedDays: 1,
    limitNote: '申请材料齐全、符合法定形式的当场登记；不能当场登记的，3个工作日内予以登记',
    caseType: 'commitment',
    handlingForms: ['window', 'pc', 'mobile', 'express'],
    onlineDepth: [1, 2, 3, 4, 5, 6, 7],
    visitsRequired: 0,
    fees: [{ name: '营业执照工本费', amountFen: 0, standard: '免收', basis: '' }],
    materials: [
      { code: 'M01', name: '个体工商户登记申请书', type: 'form', necessity: 'required', source: 'applicant', form: 'electronic', paper: { original: 0, copy: 0 }, notes: '网上填报后系统生成，经营者电子签名' },
      { code: 'M02', name: '经营者居民身份证', type: 'identity', necessity: 'required', source: 'government', issuingDept: '公安机关', form: 'electronic', paper: { original: 0, copy: 0 }, obtainable: true },
      { code: 'M03', name: '经营场所使用证明', type: 'proof', necessity: 'required', source: 'applicant', form: 'both', paper: { original: 1, copy: 0 }, notes: '自有房屋提供不动产权证书，租用房屋提供房屋租赁合同' },
      { code: 'M04', name: '委托代理人身份证明及授权委托书', type: 'identity', necessity: 'optional', source: 'applicant', form: 'both', paper: { original: 1, copy: 0 }, notes: '委托他人办理时提供' },
    ],
    form: {
      type: 'object',
      properties: {
        operatorName: { type: 'string', title: '经营者姓名', maxLength: 50, 'x-prefill': 'name' },
        idNumber: { type: 'string', title: '身份证号', maxLength: 18, 'x-prefill': 'idNumber' },
        phone: { type: 'string', title: '联系电话', maxLength: 20, 'x-prefill': 'phone' },
        organisation: { type: 'string', title: '组成形式', enum: ['个人经营', '家庭经营'], 'x-ui': { widget: 'radio' } },
        premises: { type: 'string', title: '经营场所', maxLength: 200, description: '填写到门牌号' },
      },
      required: ['operatorName', 'idNumber', 'phone', 'premises'],
    },
    hall: { address: '泰州市政务服务中心（海陵区东进西路1号）二楼 市场监管综合窗口', hours: '工作日 9:00–12:00，13:30–17:00', window: 'B区12号' },
    contacts: { consult: '0523-86861200', complaint: '12345' },
    result: { type: 'license', name: '营业执照（个体工商户）' },
    topics: ['设立变更', '就业创业'],
    tongbanScope: 'city',
    features: { appointment: true, express: true, onlinePayment: false, selfService: true },
    keywords: ['个体户', '营业执照', '开店'],
  };
}

const BASE_ITEM: NonNullable<LintContext['baseItem']> = {
  baseCode: '000118001001',
  name: '个体工商户设立登记',
  kind: '01',
  legalBasis: [
    { title: '《促进个体工商户发展条例》（国务院令第755号）', article: '第八条' },
    { title: '《中华人民共和国市场主体登记管理条例》（国务院令第746号）', article: '第十九条' },
  ],
};

function lintWith(mutate: (d: ItemDocument) => void, ctx?: LintContext): LintFinding[] {
  const d = cleanDoc();
  mutate(d);
  return lintItem(d, ctx);
}

function byRule(findings: LintFinding[], rule: string): LintFinding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Resolves a JSON pointer in a value; `undefined` when a step does not exist. */
function resolve(doc: unknown, path: string): unknown {
  if (path === '') return doc;
  let cur: unknown = doc;
  for (const raw of path.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const CJK = /[\u4e00-\u9fff]/;
const severityOf = new Map(LINT_RULES.map((r) => [r.name, r.severity]));

describe('the clean document', () => {
  it('is a valid ItemDocument', () => {
    expect([...Value.Errors(ItemDocument, cleanDoc())]).toEqual([]);
  });

  it('passes the review without any finding, also against its base catalog item', () => {
    const findings = lintItem(cleanDoc(), { baseItem: BASE_ITEM, obtainableMaterial: (n) => n === '经营者居民身份证' });
    expect(findings).toEqual([]);
    expect(hasBlockingFindings(findings)).toBe(false);
  });
});

describe('LINT_RULES', () => {
  it('has unique kebab-case names, a Chinese title and a description each', () => {
    const names = LINT_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of LINT_RULES) {
      expect(r.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(r.title).toMatch(CJK);
      expect(r.description.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
  });

  it('includes the rules the catalog issue asks for', () => {
    expect(LINT_RULES.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'vague-material',
        'vague-condition',
        'committed-over-statutory',
        'committed-not-compressed',
        'missing-legal-basis',
        'uncited-legal-basis',
        'material-no-source',
        'government-without-issuer',
        'online-depth-contradiction',
        'visits-without-reason',
        'fee-without-basis',
        'duplicate-material',
        'obtainable-material-demanded',
        'base-drift',
        'missing-element',
        'instant-with-limit',
        'bad-form',
        'commitment-without-text',
      ]),
    );
  });
});

type Case = {
  rule: string;
  severity: LintSeverity;
  path: string;
  what: string;
  trigger: (d: ItemDocument) => void;
  /** A change just short of the rule: the rule must stay silent. */
  nearMiss: (d: ItemDocument) => void;
  ctx?: LintContext;
};

const material = (over: Partial<ItemDocument['materials'][number]>): ItemDocument['materials'][number] => ({
  code: 'M09',
  name: '房屋租赁合同',
  necessity: 'required',
  source: 'applicant',
  form: 'both',
  paper: { original: 1, copy: 0 },
  ...over,
});

const CASES: Case[] = [
  {
    rule: 'vague-material', severity: 'error', path: '/materials/3/name', what: 'a catch-all material',
    trigger: (d) => { d.materials[3]!.name = '其他材料'; },
    nearMiss: (d) => { d.materials[3]!.name = '相关人员身份证'; },
  },
  {
    rule: 'vague-material', severity: 'error', path: '/materials/0/name', what: 'a material without a name',
    trigger: (d) => { d.materials[0]!.name = '  '; },
    nearMiss: (d) => { d.materials[0]!.name = '申请书'; },
  },
  {
    rule: 'vague-condition', severity: 'error', path: '/conditions/1', what: 'a catch-all condition',
    trigger: (d) => { d.conditions[1] = '法律法规规定的其他条件'; },
    nearMiss: (d) => { d.conditions[1] = '符合《个体工商户名称登记管理办法》第八条有关规定'; },
  },
  {
    rule: 'committed-over-statutory', severity: 'error', path: '/committedDays', what: 'committed over statutory',
    trigger: (d) => { d.committedDays = 4; },
    nearMiss: (d) => { d.committedDays = 3; },
  },
  {
    rule: 'committed-not-compressed', severity: 'warning', path: '/committedDays', what: 'committed above half of statutory',
    trigger: (d) => { d.statutoryDays = 20; d.committedDays = 11; },
    nearMiss: (d) => { d.statutoryDays = 20; d.committedDays = 10; },
  },
  {
    rule: 'committed-not-compressed', severity: 'warning', path: '/committedDays', what: 'no compression at all',
    trigger: (d) => { d.statutoryDays = 2; d.committedDays = 2; },
    nearMiss: (d) => { d.statutoryDays = 1; d.committedDays = 1; },
  },
  {
    rule: 'missing-legal-basis', severity: 'error', path: '/legalBasis', what: 'no legal basis',
    trigger: (d) => { d.legalBasis = []; },
    nearMiss: (d) => { d.legalBasis = d.legalBasis.slice(0, 1); },
  },
  {
    rule: 'missing-legal-basis', severity: 'error', path: '/legalBasis/1/title', what: 'a basis without title',
    trigger: (d) => { d.legalBasis[1]!.title = ' '; },
    nearMiss: (d) => { d.legalBasis[1]!.title = '《中华人民共和国行政许可法》'; },
  },
  {
    rule: 'uncited-legal-basis', severity: 'warning', path: '/legalBasis/0/article', what: 'a basis without article',
    trigger: (d) => { delete d.legalBasis[0]!.article; },
    nearMiss: (d) => { d.legalBasis[0]!.article = '第二十九条'; },
  },
  {
    rule: 'material-no-source', severity: 'error', path: '/materials/2/source', what: 'a material without source',
    trigger: (d) => { (d.materials[2] as { source: string }).source = ''; },
    nearMiss: (d) => { d.materials[2]!.source = 'other'; },
  },
  {
    rule: 'government-without-issuer', severity: 'error', path: '/materials/1/issuingDept', what: 'government source without issuer',
    trigger: (d) => { delete d.materials[1]!.issuingDept; },
    nearMiss: (d) => { d.materials[1]!.source = 'applicant'; delete d.materials[1]!.issuingDept; delete d.materials[1]!.obtainable; },
  },
  {
    rule: 'online-depth-contradiction', severity: 'error', path: '/onlineDepth', what: 'empty online depth',
    trigger: (d) => { d.onlineDepth = []; d.visitsRequired = 1; d.visitReason = '需现场核验原件'; },
    nearMiss: (d) => { d.onlineDepth = [1]; d.visitsRequired = 1; d.visitReason = '需现场核验原件'; },
  },
  {
    rule: 'online-depth-contradiction', severity: 'error', path: '/onlineDepth/2', what: 'unsorted online depth',
    trigger: (d) => { d.onlineDepth = [1, 4, 2, 5, 6]; },
    nearMiss: (d) => { d.onlineDepth = [1, 2, 4, 5, 6]; },
  },
  {
    rule: 'online-depth-contradiction', severity: 'error', path: '/onlineDepth/3', what: 'a repeated level',
    trigger: (d) => { d.onlineDepth = [1, 2, 4, 4, 6]; },
    nearMiss: (d) => { d.onlineDepth = [1, 2, 4, 6]; },
  },
  {
    rule: 'online-depth-contradiction', severity: 'error', path: '/onlineDepth/1', what: 'a level out of 1..7',
    trigger: (d) => { d.onlineDepth = [1, 8]; d.visitsRequired = 1; d.visitReason = '需现场核验原件'; },
    nearMiss: (d) => { d.onlineDepth = [1, 7]; d.visitsRequired = 1; d.visitReason = '需现场核验原件'; },
  },
  {
    rule: 'online-depth-contradiction', severity: 'error', path: '/handlingForms', what: 'online acceptance without an online channel',
    trigger: (d) => { d.handlingForms = ['window', 'express']; },
    nearMiss: (d) => { d.handlingForms = ['window', 'mobile']; },
  },
  {
    rule: 'online-depth-contradiction', severity: 'error', path: '/visitsRequired', what: 'zero visits without online acceptance',
    trigger: (d) => { d.onlineDepth = [1, 2, 3]; },
    nearMiss: (d) => { d.onlineDepth = [1, 2, 3]; d.visitsRequired = 1; d.visitReason = '需到窗口提交纸质材料并核验原件'; },
  },
  {
    rule: 'online-depth-contradiction', severity: 'error', path: '/visitsRequired', what: 'zero visits, paper result and no delivery',
    trigger: (d) => { d.onlineDepth = [1, 2, 3, 4, 5]; d.handlingForms = ['window', 'pc']; d.features!.express = false; },
    nearMiss: (d) => { d.onlineDepth = [1, 2, 3, 4, 5]; d.handlingForms = ['window', 'pc']; d.features!.express = true; },
  },
  {
    rule: 'visits-without-reason', severity: 'error', path: '/visitReason', what: 'a visit without reason',
    trigger: (d) => { d.visitsRequired = 1; },
    nearMiss: (d) => { d.visitsRequired = 1; d.visitReason = '需现场核验经营场所原件并签字'; },
  },
  {
    rule: 'fee-without-basis', severity: 'error', path: '/fees/0/basis', what: 'a charged fee without basis',
    trigger: (d) => { d.fees[0]!.amountFen = 1000; },
    nearMiss: (d) => { d.fees[0]!.amountFen = 1000; d.fees[0]!.basis = '《国家发展改革委 财政部关于……收费标准的通知》（发改价格〔2019〕1号）'; },
  },
  {
    rule: 'duplicate-material', severity: 'error', path: '/materials/4/name', what: 'the same material twice',
    trigger: (d) => { d.materials.push(material({ code: 'M05', name: '经营场所 使用证明。' })); },
    nearMiss: (d) => { d.materials.push(material({ code: 'M05', name: '经营场所平面图' })); },
  },
  {
    rule: 'obtainable-material-demanded', severity: 'error', path: '/materials/4/obtainable', what: 'a material the platform can obtain',
    ctx: { obtainableMaterial: (n) => n === '营业执照' },
    trigger: (d) => { d.materials.push(material({ code: 'M05', name: '营业执照', source: 'government', issuingDept: '市场监督管理局' })); },
    nearMiss: (d) => { d.materials.push(material({ code: 'M05', name: '营业执照', source: 'government', issuingDept: '市场监督管理局', obtainable: true })); },
  },
  {
    rule: 'government-material-demanded', severity: 'warning', path: '/materials/1/obtainable', what: 'a government-issued material demanded',
    trigger: (d) => { d.materials[1]!.obtainable = false; },
    nearMiss: (d) => { d.materials[1]!.obtainable = false; d.materials[1]!.necessity = 'optional'; },
  },
  {
    rule: 'obtainable-material-unshared', severity: 'warning', path: '/materials/4/obtainable', what: 'a material ticked obtainable that no resource shares',
    ctx: { obtainableMaterial: (n) => n === '居民户口簿' },
    trigger: (d) => { d.materials.push(material({ code: 'M05', name: '残疾人证', obtainable: true })); },
    nearMiss: (d) => { d.materials.push(material({ code: 'M05', name: '居民户口簿', obtainable: true })); },
  },
  {
    rule: 'base-drift', severity: 'error', path: '/name', what: 'a renamed item',
    ctx: { baseItem: BASE_ITEM },
    trigger: (d) => { d.name = '个体户开业登记'; },
    nearMiss: (d) => { d.name = ' 个体工商户设立登记 '; },
  },
  {
    rule: 'base-drift', severity: 'error', path: '/kind', what: 'another kind',
    ctx: { baseItem: BASE_ITEM },
    trigger: (d) => { d.kind = '07'; },
    nearMiss: (d) => { d.kind = ' 01'; },
  },
  {
    rule: 'base-drift', severity: 'error', path: '/legalBasis/1/title', what: 'a basis not in the base catalog',
    ctx: { baseItem: BASE_ITEM },
    trigger: (d) => { d.legalBasis[1]!.title = '《泰州市个体工商户管理办法》'; },
    nearMiss: (d) => { d.legalBasis[1]!.title = '中华人民共和国市场主体登记管理条例 (国务院令第746号)'; },
  },
  {
    rule: 'base-drift', severity: 'error', path: '/baseCode', what: 'another base code',
    ctx: { baseItem: BASE_ITEM },
    trigger: (d) => { d.baseCode = '000118001002'; },
    nearMiss: (d) => { d.baseCode = '000118001001 '; },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/conditions', what: 'no conditions',
    trigger: (d) => { d.conditions = []; },
    nearMiss: (d) => { d.conditions = ['年满十八周岁、具有完全民事行为能力的公民'] },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/hall/hours', what: 'no opening hours',
    trigger: (d) => { d.hall.hours = ''; },
    nearMiss: (d) => { d.hall.hours = '工作日 9:00–17:00'; },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/agencyNature', what: 'no agency nature',
    trigger: (d) => { delete d.agencyNature; },
    nearMiss: (d) => { d.agencyNature = 'entrusted'; },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/handlingForms', what: 'no handling forms',
    trigger: (d) => { delete d.handlingForms; },
    nearMiss: (d) => { d.handlingForms = ['window', 'pc']; },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/features', what: 'no features',
    trigger: (d) => { delete d.features; },
    nearMiss: (d) => { d.features = { appointment: false, express: false, onlinePayment: false, selfService: false }; },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/result/name', what: 'no result name',
    trigger: (d) => { d.result.name = ''; },
    nearMiss: (d) => { d.result.name = '营业执照'; },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/contacts/complaint', what: 'no complaint line',
    trigger: (d) => { d.contacts.complaint = ' '; },
    nearMiss: (d) => { d.contacts.complaint = '0523-12345'; },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/steps/2/description', what: 'a step without description',
    trigger: (d) => { d.steps[2]!.description = ''; },
    nearMiss: (d) => { d.steps = d.steps.slice(0, 2); },
  },
  {
    rule: 'missing-element', severity: 'warning', path: '/materials', what: 'no materials',
    trigger: (d) => { d.materials = []; },
    nearMiss: (d) => { d.materials = d.materials.slice(0, 1); },
  },
  {
    rule: 'instant-with-limit', severity: 'warning', path: '/committedDays', what: 'an instant item with a limit',
    trigger: (d) => { d.caseType = 'instant'; },
    nearMiss: (d) => { d.caseType = 'instant'; d.committedDays = 0; },
  },
  {
    rule: 'instant-with-limit', severity: 'warning', path: '/caseType', what: 'a commitment item decided on the spot',
    trigger: (d) => { d.committedDays = 0; },
    nearMiss: (d) => { d.committedDays = 0; d.caseType = 'instant'; },
  },
  {
    rule: 'commitment-without-text', severity: 'error', path: '/commitmentText', what: 'approval on commitment without the text to sign',
    trigger: (d) => { d.commitmentApproval = true; d.verificationDays = 20; },
    nearMiss: (d) => { d.commitmentApproval = true; d.verificationDays = 20; d.commitmentText = '本人承诺经营场所符合卫生要求，如有虚假愿承担撤销许可的后果。'; },
  },
  {
    rule: 'commitment-without-text', severity: 'error', path: '/verificationDays', what: 'approval on commitment without a verification period',
    trigger: (d) => { d.commitmentApproval = true; d.commitmentText = '本人承诺经营场所符合卫生要求。'; },
    nearMiss: (d) => { d.commitmentApproval = false; },
  },
  {
    rule: 'bad-form', severity: 'error', path: '/form/required/4', what: 'a required field that does not exist',
    trigger: (d) => { d.form.required.push('businessScope'); },
    nearMiss: (d) => { d.form.properties['businessScope'] = { type: 'string', title: '经营范围' }; d.form.required.push('businessScope'); },
  },
  {
    rule: 'bad-form', severity: 'error', path: '/form/properties/a~1b/title', what: 'a field without title (key escaped)',
    trigger: (d) => { d.form.properties['a/b'] = { type: 'string', title: '' }; },
    nearMiss: (d) => { d.form.properties['a/b'] = { type: 'string', title: '备注' }; },
  },
  {
    rule: 'bad-form', severity: 'error', path: '/form/properties/organisation/enum', what: 'a choice without options',
    trigger: (d) => { d.form.properties['organisation']!.enum = []; },
    nearMiss: (d) => { d.form.properties['organisation']!.enum = ['个人经营']; },
  },
];

describe('each rule: a document that triggers it and a near miss that does not', () => {
  it('covers every rule in LINT_RULES', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(LINT_RULES.map((r) => r.name)));
  });

  it.each(CASES)('$rule: $what → $severity at $path', (c) => {
    const findings = lintWith(c.trigger, c.ctx);
    const hits = byRule(findings, c.rule);
    expect(hits.map((f) => ({ rule: f.rule, severity: f.severity, path: f.path }))).toContainEqual({ rule: c.rule, severity: c.severity, path: c.path });
    expect(severityOf.get(c.rule)).toBe(c.severity);
    for (const f of hits) expect(f.message).toMatch(CJK);
    // An error blocks; a warning case changes nothing that would block on its own.
    expect(hasBlockingFindings(findings)).toBe(c.severity === 'error');
  });

  it.each(CASES)('$rule: near miss of "$what" stays silent', (c) => {
    expect(byRule(lintWith(c.nearMiss, c.ctx), c.rule)).toEqual([]);
  });
});

describe('vague-material', () => {
  const VAGUE = [
    '其他材料',
    '有关材料',
    '相关材料',
    '身份证、户口簿等材料',
    '其他证明',
    '营业执照及其他相关',
    '婚姻状况相关证明',
    '有关证明',
    '相关文件',
    '其他资料',
    '其它 材料（如有）',
    '其他相关证明材料',
    '申请人认为需要提交的其他材料',
    '法律法规规定的其他材料',
    '审批机关要求提供的材料',
    '有关部门出具的证明',
    '证明材料',
    '补充材料',
    '材料',
    '身份证等',
    '相关证明（如有）',
    '（其他材料）',
  ];
  const SPECIFIC = [
    '相关人员身份证',
    '其他股东身份证明',
    '其他证明人签字的证人证言',
    '经营质量管理制度、工作程序等文件目录',
    '房屋租赁合同',
    '不动产权证书',
    '出生医学证明',
    '解除或者终止劳动关系的证明',
    '法定代表人身份证明',
    '高等学校毕业证书',
    '一等功证书',
    '等级证书',
    '设计文件（施工图）',
    '申请书',
    '委托代理人身份证明及授权委托书',
    '身份证明（居民身份证、护照等）',
    '申请事项的证据（劳动合同、欠薪凭证、起诉状或法院传票等）',
  ];

  it.each(VAGUE)('%s is vague', (name) => {
    expect(vagueMaterialHint(name)).toBeDefined();
    const findings = byRule(lintWith((d) => d.materials.push(material({ name }))), 'vague-material');
    expect(findings).toEqual([expect.objectContaining({ rule: 'vague-material', severity: 'error', path: '/materials/4/name' })]);
    expect(findings[0]!.message).toContain('模糊');
  });

  it.each(SPECIFIC)('%s is specific', (name) => {
    expect(vagueMaterialHint(name)).toBeUndefined();
  });
});

describe('vague-condition', () => {
  const VAGUE = [
    '符合有关规定',
    '符合国家有关规定',
    '其他条件',
    '法律法规规定的其他条件',
    '满足相关要求',
    '符合条件',
    '符合国家规定的条件',
    '无法律、行政法规规定的其他不予登记情形',
    '符合《食品安全法》规定的其他条件',
  ];
  const SPECIFIC = [
    '年满十八周岁、具有完全民事行为能力的公民',
    '有固定的经营场所，经营场所符合城市规划和安全要求',
    '申请登记的名称符合《个体工商户名称登记管理办法》有关规定',
    '符合《中华人民共和国食品安全法》第三十三条相关规定',
    '符合《中华人民共和国食品安全法》规定的条件',
    '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所',
    '无其他违法记录',
  ];

  it.each(VAGUE)('%s is vague', (text) => {
    expect(isVagueCondition(text)).toBe(true);
  });

  it.each(SPECIFIC)('%s is specific', (text) => {
    expect(isVagueCondition(text)).toBe(false);
  });
});

describe('time limits', () => {
  it('flags over-statutory and uncompressed limits exactly at their thresholds', () => {
    for (let s = 0; s <= 60; s++) {
      for (let c = 0; c <= 60; c++) {
        const rules = new Set(lintWith((d) => { d.statutoryDays = s; d.committedDays = c; d.caseType = c === 0 ? 'instant' : 'commitment'; }).map((f) => f.rule));
        expect(rules.has('committed-over-statutory'), `${c}/${s}`).toBe(c > s);
        expect(rules.has('committed-not-compressed'), `${c}/${s}`).toBe(s > 1 && c <= s && c > s * COMMITTED_SHARE_MAX);
      }
    }
  });
});

describe('context', () => {
  it('reports a material the platform can obtain as an error, not also as a government-material warning', () => {
    const findings = lintWith((d) => { d.materials[1]!.obtainable = false; }, { obtainableMaterial: (n) => n === '经营者居民身份证' });
    expect(byRule(findings, 'obtainable-material-demanded').map((f) => f.path)).toEqual(['/materials/1/obtainable']);
    expect(byRule(findings, 'government-material-demanded')).toEqual([]);
  });

  it('asks an applicant-supplied material through the context too', () => {
    const findings = lintWith(() => {}, { obtainableMaterial: (n) => n === '经营场所使用证明' });
    expect(byRule(findings, 'obtainable-material-demanded')).toEqual([expect.objectContaining({ severity: 'error', path: '/materials/2/obtainable' })]);
  });

  it('reports a base-catalog legal basis the item dropped', () => {
    const findings = lintWith((d) => { d.legalBasis.pop(); }, { baseItem: BASE_ITEM });
    expect(byRule(findings, 'base-drift')).toEqual([expect.objectContaining({ path: '/legalBasis', severity: 'error' })]);
  });
});

describe('hasBlockingFindings', () => {
  it('is true only with an error', () => {
    const f = (severity: LintSeverity): LintFinding => ({ rule: 'x', severity, path: '', message: '' });
    expect(hasBlockingFindings([])).toBe(false);
    expect(hasBlockingFindings([f('warning'), f('info')])).toBe(false);
    expect(hasBlockingFindings([f('info'), f('error')])).toBe(true);
  });
});

describe('pointer', () => {
  it('escapes ~ and / as RFC 6901 asks', () => {
    expect(pointer('form', 'properties', 'a/b~c', 'title')).toBe('/form/properties/a~1b~0c/title');
    expect(pointer('materials', 3, 'name')).toBe('/materials/3/name');
  });
});

describe('properties', () => {
  const FRAGMENTS = ['其他', '其它', '有关', '相关', '等', '材料', '证明', '文件', '资料', '规定', '条件', '《', '》', '第八条', '人员', '身份证', ' ', '、', '（', '）', '~', '/', '\u200b'];
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }).map((a) => a.join('')),
  );
  const LEVELS = fc.array(fc.integer({ min: -2, max: 9 }), { maxLength: 8 });

  /** A clean document with arbitrary text in every free-text element and arbitrary numbers in the limits. */
  const docArb = fc
    .record({
      name: text,
      materialNames: fc.array(text, { maxLength: 6 }),
      conditions: fc.array(text, { maxLength: 4 }),
      basis: fc.array(fc.record({ title: text, article: fc.option(text, { nil: undefined }) }), { maxLength: 3 }),
      fee: fc.record({ name: text, amountFen: fc.integer({ min: -100, max: 100_000 }), basis: text }),
      formKey: text,
      formTitle: text,
      required: fc.array(text, { maxLength: 3 }),
      visitReason: fc.option(text, { nil: undefined }),
      visits: fc.integer({ min: 0, max: 2 }),
      statutory: fc.integer({ min: 0, max: 90 }),
      committed: fc.integer({ min: 0, max: 90 }),
      depth: LEVELS,
      hall: text,
      source: fc.constantFrom('applicant', 'government', 'other', '', 'nonsense'),
      issuingDept: fc.option(text, { nil: undefined }),
      obtainable: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((r) => {
      const d = cleanDoc();
      d.name = r.name;
      r.materialNames.forEach((name, i) => {
        const m = material({ code: `X${i}`, name, issuingDept: r.issuingDept, obtainable: r.obtainable });
        (m as { source: string }).source = r.source;
        if (r.issuingDept === undefined) delete m.issuingDept;
        if (r.obtainable === undefined) delete m.obtainable;
        d.materials.push(m);
      });
      d.conditions.push(...r.conditions);
      d.legalBasis.push(...r.basis.map((b) => (b.article === undefined ? { title: b.title } : { title: b.title, article: b.article })));
      d.fees.push(r.fee);
      d.form.properties[r.formKey] = { type: 'string', title: r.formTitle };
      d.form.required.push(...r.required);
      if (r.visitReason === undefined) delete d.visitReason;
      else d.visitReason = r.visitReason;
      d.visitsRequired = r.visits;
      d.statutoryDays = r.statutory;
      d.committedDays = r.committed;
      d.onlineDepth = r.depth;
      d.hall.address = r.hall;
      return d;
    });
  const ctxArb = fc.record({
    base: fc.boolean(),
    obtainable: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
  });
  const toCtx = (c: { base: boolean; obtainable: string[] | undefined }): LintContext => ({
    ...(c.base ? { baseItem: BASE_ITEM } : {}),
    ...(c.obtainable ? { obtainableMaterial: (n: string) => c.obtainable!.includes(n) } : {}),
  });

  it('never throws, and every finding is well formed: a known rule, its severity, a pointer whose parent exists, a Chinese message', () => {
    fc.assert(
      fc.property(docArb, ctxArb, (doc, c) => {
        for (const f of lintItem(doc, toCtx(c))) {
          expect(severityOf.get(f.rule)).toBe(f.severity);
          expect(f.path).toMatch(/^(?:\/[^/]*)+$/);
          expect(resolve(doc, f.path.slice(0, f.path.lastIndexOf('/')))).toBeDefined();
          expect(f.message).toMatch(CJK);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a structurally broken draft (any value in any element)', () => {
    const keys = Object.keys(cleanDoc()) as Array<keyof ItemDocument>;
    const broken = fc.dictionary(fc.constantFrom(...keys), fc.anything({ maxDepth: 3 }), { maxKeys: 6 });
    fc.assert(
      fc.property(broken, fc.boolean(), (over, base) => {
        const doc = { ...cleanDoc(), ...over } as ItemDocument;
        const findings = lintItem(doc, base ? { baseItem: BASE_ITEM, obtainableMaterial: () => true } : {});
        for (const f of findings) expect(f.message).toMatch(CJK);
      }),
      { numRuns: 300 },
    );
    expect(lintItem({} as ItemDocument).length).toBeGreaterThan(0);
    expect(() => lintItem(null as unknown as ItemDocument)).not.toThrow();
  });

  it('is deterministic and leaves the document untouched', () => {
    fc.assert(
      fc.property(docArb, ctxArb, (doc, c) => {
        const before = JSON.stringify(doc);
        const first = lintItem(doc, toCtx(c));
        expect(JSON.stringify(doc)).toBe(before);
        expect(lintItem(structuredClone(doc), toCtx(c))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('removing the offending material removes its finding and leaves the others', () => {
    const vagueName = fc
      .tuple(fc.constantFrom('', '身份证、', '申请人', '营业执照及'), fc.constantFrom('其他', '有关', '相关', '其它相关', '等'), fc.constantFrom('材料', '证明', '文件', '资料', ''))
      .map(([a, b, c]) => a + b + c)
      .filter((n) => n !== '等');
    fc.assert(
      fc.property(vagueName, fc.integer({ min: 0, max: 4 }), (name, at) => {
        const clean = lintItem(cleanDoc());
        const d = cleanDoc();
        d.materials.splice(at, 0, material({ name }));
        expect(byRule(lintItem(d), 'vague-material')).toEqual([expect.objectContaining({ path: `/materials/${at}/name` })]);
        d.materials.splice(at, 1);
        expect(lintItem(d)).toEqual(clean);
      }),
    );
  });

  it('whitespace and punctuation (other than brackets) never change whether a material name is vague', () => {
    const noise = fc.array(fc.constantFrom(' ', '\u3000', '、', '，', '“', '”', '·', '\u200b', '\t', '.', '-'), { maxLength: 2 });
    const name = fc.oneof(fc.constantFrom('其他材料', '相关人员身份证', '身份证等材料', '房屋租赁合同', '有关部门出具的证明', '其他证明人'), text);
    fc.assert(
      fc.property(name, fc.array(noise, { minLength: 1, maxLength: 20 }), (n, noises) => {
        const chars = Array.from(n);
        const noisy = chars.map((ch, i) => ch + (noises[i % noises.length] ?? []).join('')).join('');
        const nonEmpty = (s: string) => s.replace(/[\p{P}\p{S}\p{Z}\p{C}\s]/gu, '') !== '';
        fc.pre(nonEmpty(n));
        expect(vagueMaterialHint(noisy) !== undefined).toBe(vagueMaterialHint(n) !== undefined);
      }),
    );
  });
});
