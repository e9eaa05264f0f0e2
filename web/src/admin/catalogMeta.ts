// What the catalog editor knows about the element set: code lists, the editor section of every element,
// JSON pointers and their Chinese names (for lint findings, quality lists and version diffs).
import type { TFunction } from 'i18next';
import type { ItemDocument, LintFinding } from '../api/types.ts';
import { loose } from '../i18n/loose.ts';

export const KINDS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'] as const;
export const LEVELS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export const AGENCY_NATURES = ['statutory', 'authorized', 'entrusted'] as const;
export const SERVICE_OBJECTS = ['person', 'entity'] as const;
export const SERVICE_OBJECT_TYPES = ['natural_person', 'enterprise', 'public_institution', 'social_organization', 'government_agency', 'other_org'] as const;
export const CASE_TYPES = ['instant', 'commitment'] as const;
export const HANDLING_FORMS = ['window', 'pc', 'mobile', 'express', 'self_service'] as const;
export const DEPTHS = [1, 2, 3, 4, 5, 6, 7] as const;
export const VISITS = [0, 1, 2] as const;
export const TONGBAN = ['none', 'city', 'province', 'inter_province', 'national'] as const;
export const MATERIAL_TYPES = ['certificate', 'form', 'identity', 'contract', 'proof', 'drawing', 'report', 'other'] as const;
export const NECESSITIES = ['required', 'optional', 'deferrable'] as const;
export const SOURCES = ['applicant', 'government', 'other'] as const;
export const MATERIAL_FORMS = ['paper', 'electronic', 'both'] as const;
export const RESULT_TYPES = ['license', 'approval', 'other'] as const;
export const FIELD_TYPES = ['string', 'number', 'integer', 'boolean'] as const;
export const FIELD_FORMATS = ['date', 'email'] as const;
export const WIDGETS = ['textarea', 'radio'] as const;
export const PREFILLS = [
  'name', 'idNumber', 'phone', 'address', 'entityName', 'creditCode',
  // From the base registers (the applicant's own record; server/src/modules/sharing/prefill.ts).
  'sex', 'birthDate', 'ethnicity', 'householdAddress', 'householdNo', 'relationToHead', 'maritalStatus', 'spouseName', 'spouseIdNumber',
  'entityType', 'legalRepresentative', 'registeredCapital', 'entityAddress', 'businessScope', 'establishedOn',
] as const;
export const FEATURES = ['appointment', 'express', 'onlinePayment', 'selfService'] as const;
export const VERSION_STATUSES = ['draft', 'submitted', 'approved', 'published', 'superseded', 'retired'] as const;

/** Options of a code list, labelled in the current language (`catalog.opt.<group>.<code>`). */
export function options<V extends string | number>(t: TFunction, group: string, values: readonly V[]): Array<{ value: V; label: string }> {
  const lt = loose(t);
  return values.map((value) => ({ value, label: lt(`catalog.opt.${group}.${value}`, { defaultValue: String(value) }) }));
}

export const SECTIONS = ['basic', 'agency', 'process', 'limits', 'materials', 'fees', 'online', 'where', 'result', 'form', 'faq', 'topics'] as const;
export type Section = (typeof SECTIONS)[number];

const SECTION_OF: Record<string, Section> = {
  name: 'basic',
  kind: 'basic',
  baseCode: 'basic',
  implCode: 'basic',
  exerciseLevel: 'basic',
  regionCode: 'basic',
  serviceObjects: 'basic',
  serviceObjectTypes: 'basic',
  legalBasis: 'basic',
  agencyNature: 'agency',
  entrustedAgencies: 'agency',
  jointAgencies: 'agency',
  conditions: 'process',
  steps: 'process',
  intermediaryServices: 'process',
  statutoryDays: 'limits',
  statutoryNote: 'limits',
  committedDays: 'limits',
  committedNote: 'limits',
  limitNote: 'limits',
  specialProcedures: 'limits',
  caseType: 'limits',
  materials: 'materials',
  fees: 'fees',
  handlingForms: 'online',
  onlineDepth: 'online',
  visitsRequired: 'online',
  visitReason: 'online',
  features: 'online',
  tongbanScope: 'online',
  hall: 'where',
  contacts: 'where',
  result: 'result',
  form: 'form',
  faq: 'faq',
  topics: 'topics',
  lifeEvents: 'topics',
  keywords: 'topics',
};

// ---- JSON pointers (RFC 6901) ----

export type Seg = string | number;

export function pointer(...segs: Seg[]): string {
  return segs.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

export function parsePointer(p: string): string[] {
  if (!p || p === '/') return [];
  return p
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The editor section an element lives in; the basic section for anything unknown. */
export function sectionOf(path: string): Section {
  return SECTION_OF[parsePointer(path)[0] ?? ''] ?? 'basic';
}

export function countBySeverity(findings: readonly LintFinding[]) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** "2 个错误 · 1 个警告": only the severities that occur. */
export function countsText(t: TFunction, findings: readonly LintFinding[]): string {
  const { errors, warnings, infos } = countBySeverity(findings);
  const lt = loose(t);
  return [
    errors ? lt('catalog.editor.nErrors', { count: errors }) : '',
    warnings ? lt('catalog.editor.nWarnings', { count: warnings }) : '',
    infos ? lt('catalog.editor.nInfos', { count: infos }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

const LIST_ITEM_LABELS: Record<string, string> = {
  legalBasis: 'basis',
  steps: 'step',
  specialProcedures: 'procedure',
  fees: 'fee',
  materials: 'material',
  intermediaryServices: 'intermediary',
  faq: 'faqOf',
};

const OBJECT_LABELS: Record<string, string> = {
  hall: 'hallOf',
  contacts: 'contactsOf',
  result: 'resultOf',
  features: 'featuresOf',
};

/**
 * The Chinese (or English) name of the element a pointer designates, e.g. /materials/2/name →
 * 申请材料 · 第 3 项“营业执照” · 材料名称. With the document, list entries are named by their own name.
 */
export function pathLabel(t: TFunction, path: string, doc?: ItemDocument): string {
  const lt = loose(t);
  const el = (k: string) => lt(`catalog.el.${k}`, { defaultValue: k.split('.').pop() ?? k });
  const segs = parsePointer(path);
  if (segs.length === 0) return lt('catalog.el.name');
  const [top, ...rest] = segs as [string, ...string[]];
  const parts = [el(top)];
  if (rest.length === 0) return parts[0]!;

  if (top === 'form') {
    const [kind, key, attr] = rest;
    if (kind === 'properties' && key !== undefined) {
      parts.push(lt('catalog.editor.fieldN', { key: doc?.form.properties[key]?.title || key }));
      if (attr) parts.push(attr === 'x-prefill' ? el('formOf.prefill') : attr === 'x-ui' ? el('formOf.widget') : el(`formOf.${attr}`));
    } else if (kind === 'required') parts.push(el('formOf.required'));
    else if (kind === 'x-order') parts.push(el('formOf.order'));
    else parts.push(kind ?? '');
    return parts.join(' · ');
  }

  const listLabel = LIST_ITEM_LABELS[top];
  const index = Number(rest[0]);
  if (/^\d+$/.test(rest[0] ?? '') && Number.isInteger(index)) {
    const entry = (doc as unknown as Record<string, unknown> | undefined)?.[top];
    const named = Array.isArray(entry) ? (entry[index] as { name?: string; title?: string; q?: string } | string | undefined) : undefined;
    const name = typeof named === 'string' ? '' : named?.name || named?.title || named?.q || '';
    parts.push(lt('catalog.editor.item', { n: index + 1 }) + (name ? `“${name.length > 20 ? name.slice(0, 20) + '…' : name}”` : ''));
    const field = rest[1];
    if (field && listLabel) {
      if (top === 'materials' && field === 'paper' && rest[2]) parts.push(el(`material.${rest[2]}`));
      else if ((field === 'blankForm' || field === 'sample') && rest[2]) parts.push(el(`material.${field}`), el(`fileOf.${rest[2]}`));
      else parts.push(el(`${listLabel}.${field}`));
    }
    return parts.join(' · ');
  }
  const objLabel = OBJECT_LABELS[top];
  if (objLabel && rest[0]) {
    parts.push(el(`${objLabel}.${rest[0]}`));
    if (rest[1]) parts.push(el(`fileOf.${rest[1]}`));
  } else parts.push(rest.join('/'));
  return parts.join(' · ');
}

/** A value of a version diff as a clerk reads it: code lists as their labels, money in yuan, yes/no. */
export function valueLabel(t: TFunction, path: string, value: unknown): string {
  const lt = loose(t);
  if (value === null || value === undefined || value === '') return lt('catalog.editor.none');
  const segs = parsePointer(path);
  const last = segs[segs.length - 1] ?? '';
  const top = segs[0] ?? '';
  if (typeof value === 'boolean') return value ? lt('common.yes') : lt('common.no');
  if (last === 'amountFen' && typeof value === 'number') return `${(value / 100).toFixed(2)} ${lt('catalog.editor.yuan')}`;
  const group: Record<string, string> = {
    kind: 'kind',
    exerciseLevel: 'level',
    agencyNature: 'agencyNature',
    caseType: 'caseType',
    tongbanScope: 'tongban',
    necessity: 'necessity',
    source: 'source',
  };
  let g = segs.length === 1 ? group[top] : top === 'materials' ? group[last] : undefined;
  if (top === 'materials' && last === 'type') g = 'materialType';
  if (top === 'materials' && last === 'form') g = 'materialForm';
  if (top === 'result' && last === 'type') g = 'resultType';
  if (top === 'handlingForms' && segs.length === 2) g = 'handlingForm';
  if (top === 'onlineDepth' && segs.length === 2) g = 'depth';
  if (top === 'serviceObjects' && segs.length === 2) g = 'serviceObject';
  if (top === 'serviceObjectTypes' && segs.length === 2) g = 'serviceObjectType';
  if (g && (typeof value === 'string' || typeof value === 'number')) return lt(`catalog.opt.${g}.${value}`, { defaultValue: String(value) });
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

/** An empty element set with every required element present, ready to fill in. */
export function blankDocument(): ItemDocument {
  return {
    name: '',
    kind: '01',
    baseCode: '',
    implCode: '',
    exerciseLevel: '3',
    regionCode: '',
    agencyNature: 'statutory',
    entrustedAgencies: [],
    jointAgencies: [],
    serviceObjects: ['person'],
    serviceObjectTypes: ['natural_person'],
    legalBasis: [{ title: '', article: '' }],
    conditions: [''],
    steps: [
      { name: '申请', description: '' },
      { name: '受理', description: '' },
      { name: '审查', description: '' },
      { name: '决定', description: '' },
      { name: '送达', description: '' },
    ],
    statutoryDays: 20,
    committedDays: 10,
    caseType: 'commitment',
    handlingForms: ['window'],
    onlineDepth: [1],
    visitsRequired: 1,
    fees: [],
    materials: [],
    form: { type: 'object', properties: {}, required: [], 'x-order': [] },
    hall: { address: '', hours: '' },
    contacts: { consult: '', complaint: '12345' },
    result: { type: 'license', name: '' },
    topics: [],
    lifeEvents: [],
    features: { appointment: false, express: false, onlinePayment: false, selfService: false },
    faq: [],
    keywords: [],
  };
}
