/**
 * 共享数据核验: the clerk sees the verified register data beside the applicant's claims. For each form field tied to
 * a register fact (its `x-prefill`, and the applicant's name and identity number), the claim, the register value,
 * where it came from and whether they agree; for each material the platform obtains, the register extract that
 * stands for it (the household for 居民户口簿, the entity record for 营业执照复印件). Staff in scope of the case only;
 * every check is an audited access. Sensitive items of other people (household members' identity numbers and
 * birth dates, the spouse's number) are masked; the applicant's own are shown, as they are in the application.
 */
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { REGISTER_FIELDS, creditRecordsOf, householdMembers, maskValue, type PersonRecord, type RegisterName } from './registers.ts';
import { IDENTITY_KEYS, isRegisterPrefillKey, MARITAL_STATUS_LABELS, REGISTER_PREFILL_KEYS, SEX_LABELS, applicantSubject, ownRecords, registerValueOf, sharedResources, type SharedResource } from './prefill.ts';
import { fetchedForApplicant, obtainableIndex } from './obtainable.ts';
import type { Static } from 'typebox';
import type { RegisterCheckSchema } from './schema.use.ts';

export type RegisterCheck = Static<typeof RegisterCheckSchema>;

/** What the register check needs of a case (the cases module supplies it through app.ts: it may not be imported here). */
export type CaseForCheck = {
  id: string;
  applicantId: string;
  form: Record<string, unknown>;
  document: {
    form: { properties: Record<string, { title: string; 'x-prefill'?: string }>; 'x-order'?: string[] };
    materials: Array<{ code: string; name: string; obtainable?: boolean; source?: string }>;
  };
};

type Cell = string | number | null;
type Row = Array<{ label: string; value: Cell }>;

/** Claims and register values compared as text, ignoring spaces and case (身份证号 x/X); numbers as numbers. */
function agree(claim: unknown, register: string | number): boolean {
  if (typeof register === 'number') return claim !== '' && claim !== null && Number(claim) === register;
  const norm = (v: unknown) => String(v ?? '').replace(/\s+/g, '').toUpperCase();
  return norm(claim) === norm(register);
}

/** A register field's display value: code labels in words; masked when sensitive and not the applicant's own. */
function shown(register: RegisterName, field: string, value: unknown, own: boolean): Cell {
  if (value === null || value === undefined) return null;
  let v: Cell = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? value : String(value);
  if (field === 'sex') v = SEX_LABELS[value as PersonRecord['sex']] ?? v;
  if (field === 'maritalStatus') v = MARITAL_STATUS_LABELS[value as PersonRecord['maritalStatus']] ?? v;
  const f = REGISTER_FIELDS[register].find((x) => x.name === field);
  if (!own && f?.sensitivity === 'sensitive' && f.mask) return maskValue(f.mask, String(v));
  return v;
}

function rowOf(register: RegisterName, record: Record<string, unknown>, fields: readonly string[], own: boolean): Row {
  return fields.map((name) => ({ label: REGISTER_FIELDS[register].find((f) => f.name === name)?.title ?? name, value: shown(register, name, record[name], own) }));
}

export async function registerCheck(db: Db, actor: Actor, c: CaseForCheck, ip?: string): Promise<RegisterCheck> {
  if (actor.subjectType !== 'staff') throw HttpErrors.FORBIDDEN();
  const subject = await applicantSubject(db, c.applicantId);
  const [resources, index, records] = await Promise.all([sharedResources(db), obtainableIndex(db), subject ? ownRecords(db, subject, true) : Promise.resolve({})]);
  const kind = subject?.type ?? 'person';
  const found = kind === 'person' ? 'person' in records && !!records.person : 'entity' in records && !!records.entity;

  const fields: RegisterCheck['fields'] = [];
  const order = c.document.form['x-order'] ?? Object.keys(c.document.form.properties);
  for (const key of order) {
    const field = c.document.form.properties[key];
    const hint = field?.['x-prefill'];
    const k = isRegisterPrefillKey(hint) ? REGISTER_PREFILL_KEYS[hint] : hint ? IDENTITY_KEYS[hint] : undefined;
    if (!field || !hint || !k || k.subject !== kind) continue;
    const claim = c.form[key];
    const v = registerValueOf(hint, records, resources);
    fields.push({
      field: key,
      title: field.title,
      prefill: hint,
      claim: claim === undefined || claim === '' ? null : typeof claim === 'number' ? claim : String(claim),
      register: v?.value ?? null,
      source: v?.source ?? null,
      match: !v ? 'missing' : agree(claim, v.value) ? 'match' : 'mismatch',
    });
  }

  const materials: RegisterCheck['materials'] = [];
  for (const m of c.document.materials) {
    const r = index.sourceOf(m.name);
    if (!r || !fetchedForApplicant(m, index)) continue;
    const full = resources.find((x) => x.code === r.code);
    if (!full) continue;
    const extract = await extractFor(db, full, records);
    if (!extract) continue;
    materials.push({ code: m.code, name: m.name, resource: { code: r.code, name: r.name }, provider: r.providerName, updatedAt: extract.updatedAt, extract: extract.rows });
  }

  await db.transaction().execute((trx) =>
    writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'sharing.register_check', entityType: 'case', entityId: c.id, after: { fields: fields.length, materials: materials.map((m) => m.resource.code) }, ip: ip ?? null }),
  );
  return { caseId: c.id, subject: kind, found, fields, materials };
}

/** The register extract a resource gives for the applicant: the rows the clerk reads instead of the paper. */
async function extractFor(db: Db, r: SharedResource, records: Awaited<ReturnType<typeof ownRecords>>): Promise<{ rows: Row[]; updatedAt: string | null } | undefined> {
  const p = records.person?.record;
  const e = records.entity;
  const fields = r.fields;
  if (r.register === 'population' && p) {
    if (fields.includes('householdNo')) {
      // The household (户口簿): every member, the applicant's own row unmasked.
      const members = await householdMembers(db, p.householdNo);
      const cols = ['name', 'relationToHead', 'residentId', 'householdNo', 'householdAddress'].filter((f) => fields.includes(f));
      return { rows: members.map((m) => rowOf('population', m, cols, m.residentId === p.residentId)), updatedAt: latest(members.map((m) => m.updatedAt)) };
    }
    const rows = [rowOf('population', p, fields, true)];
    const spouse = records.person?.spouse;
    if (fields.includes('spouseId') && spouse) rows.push([{ label: '配偶姓名', value: spouse.name }, ...rowOf('population', spouse, ['residentId'], false)]);
    return { rows, updatedAt: p.updatedAt.toISOString() };
  }
  if (r.register === 'entity' && e) return { rows: [rowOf('entity', e, fields, true)], updatedAt: e.updatedAt.toISOString() };
  if (r.register === 'credit' && e) {
    const credit = await creditRecordsOf(db, e.creditCode);
    return { rows: credit.map((x) => rowOf('credit', x, ['kind', 'title', 'documentNo', 'authority', 'decidedOn'], true)), updatedAt: latest(credit.map((x) => x.updatedAt)) };
  }
  // Electronic licenses are shown with the case's materials (the licenses module); persons have no credit extract.
  return undefined;
}

function latest(dates: Date[]): string | null {
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))).toISOString() : null;
}
