/**
 * 存量证照导入: legacy licenses from a department's register, digitised and sealed.
 *
 * 1. `stageImport` (in the request): every line of the file is validated — holder name, holder code (GB 11643 /
 *    GB 32100 with check characters), issuer (an organisation in the register, with an active seal), printed number
 *    (not twice in the file, not already on the platform for this type), dates, the type's required face fields —
 *    and written to `license_import_row` as 'pending', or 'rejected' with a reason a clerk can act on. One
 *    transaction: the file is staged whole or not at all.
 * 2. `sealNextBatch` (on jobs): takes up to `size` pending lines with FOR UPDATE SKIP LOCKED, issues each through
 *    `issueLicenseInTrx` (source 'legacy', the original number) with one signer per issuer and serials reserved per
 *    batch, and marks the lines 'sealed' in the SAME transaction. A crash rolls the whole batch back and its lines
 *    stay pending, so a line is never sealed twice; runners in parallel simply take different lines.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { validateCreditCode, validateResidentId, RESIDENT_ID_REASON, CREDIT_CODE_REASON } from '../../platform/codes/index.ts';
import { parseDay } from '../../platform/csv/csv.ts';
export { parseDay };
import { findAccountIdsByHolderCodes, findOrgByCreditCode, type OrgRef } from '../identity/index.ts';
import { holderCodeType, issueLicenseInTrx, reserveSerialsInTrx, type LicenseDeps, type LicenseTypeRow } from './issue.ts';
import { signerForOrgInTrx, type SealSigner } from './seals.ts';
import { LegacyErrors } from './legacy-errors.ts';
import { faceColumns, locateColumns, type Cell, type FileLine, type LegacyFile } from './legacy-file.ts';
import type { FaceField, LegacyRowData } from './tables.ts';
import { AppError } from '../../platform/http/errors.ts';

/** The event that starts sealing an import (handlers.ts); a periodic sweep resumes any import left unfinished. */
export const IMPORT_STAGED = 'license.import.staged';
export const SEAL_BATCH_SIZE = 500;
const CHUNK = 1000;

export type ImportCounts = { id: string; total: number; accepted: number; rejected: number };

// ---- reading a line ----

/** Why a holder code is not usable, or undefined when it is a valid resident ID or credit code. */
function codeProblem(raw: Cell, code: string, label: string, kinds: 'either' | 'credit'): string | undefined {
  if (!code) return `${label}没有填写`;
  if (typeof raw === 'number' && code.length >= 15) return `${label}“${code}”被表格当成了数字保存，末几位已经丢失；请把这一列设为“文本”格式后重新填写`;
  const credit = validateCreditCode(code);
  if (credit.ok) return undefined;
  if (kinds === 'either') {
    const id = validateResidentId(code);
    if (id.ok) return undefined;
    // Which of the two it was meant to be: an ID whose region code reads right is taken for an ID.
    if (id.reason === 'check' || id.reason === 'birthdate') return `${label}“${code}”不是有效的身份证号码：${RESIDENT_ID_REASON[id.reason]}`;
  }
  return `${label}“${code}”不是有效的统一社会信用代码：${CREDIT_CODE_REASON[credit.reason]}`;
}

const PERMANENT = /^(长期|长期有效|永久|永久有效|无固定期限)$/;

type Checked = { rowNo: number; data: LegacyRowData; problems: string[] };

/** The line's values, and every problem with it that needs no database. */
function checkLine(line: FileLine, cols: ReturnType<typeof locateColumns>, face: ReturnType<typeof faceColumns>, fields: FaceField[], today: string): Checked {
  const at = (i: number): Cell => line.cells[i] ?? '';
  const text = (i: number) => String(at(i)).trim();
  const problems: string[] = [];
  const holderName = text(cols.fixed.holderName);
  const holderCode = text(cols.fixed.holderCode).toUpperCase();
  const issuerCode = text(cols.fixed.issuerCode).toUpperCase();
  const number = text(cols.fixed.number);
  if (!holderName) problems.push('持证主体名称没有填写');
  const hp = codeProblem(at(cols.fixed.holderCode), holderCode, '持证主体代码', 'either');
  if (hp) problems.push(hp);
  const ip = codeProblem(at(cols.fixed.issuerCode), issuerCode, '发证机关统一社会信用代码', 'credit');
  if (ip) problems.push(ip);
  if (!number) problems.push('证照编号没有填写');
  else if (number.length > 100) problems.push('证照编号太长（超过 100 个字）');
  const issuedRaw = at(cols.fixed.issuedOn);
  const issuedOn = parseDay(issuedRaw) ?? '';
  if (!String(issuedRaw).trim()) problems.push('发证日期没有填写');
  else if (!issuedOn) problems.push(`发证日期“${issuedRaw}”看不懂，请写成 2019-05-01 这样的日期`);
  else if (issuedOn > today) problems.push(`发证日期 ${issuedOn} 晚于今天`);
  const untilRaw = at(cols.fixed.validUntil);
  const untilText = String(untilRaw).trim();
  let validUntil = '';
  if (!untilText) problems.push('有效期至没有填写；长期有效的请填“长期”');
  else if (PERMANENT.test(untilText)) validUntil = '长期';
  else {
    validUntil = parseDay(untilRaw) ?? '';
    if (!validUntil) problems.push(`有效期至“${untilText}”看不懂，请写成 2029-04-30 这样的日期，或写“长期”`);
    else if (issuedOn && validUntil < issuedOn) problems.push(`有效期至 ${validUntil} 早于发证日期 ${issuedOn}`);
  }
  const cells: Record<string, string> = {};
  for (const [key, i] of cols.face) {
    const v = at(i);
    const s = (typeof v === 'number' ? String(v) : v).trim();
    if (s) cells[key] = s;
  }
  for (const c of face) if (c.required && !cells[c.field.key]) problems.push(`照面项“${c.field.label}”没有填写`);
  // Face fields the platform fills itself: the first source with a value wins, as when issuing from a case.
  const derived = (from: string): string | undefined => {
    if (from.startsWith('const:')) return from.slice(6);
    switch (from) {
      case 'holder.name': return holderName;
      case 'holder.code': return holderCode;
      case 'issuedAt': return issuedOn;
      case 'validUntil': return validUntil;
      default: return undefined; // issuer.name is filled when the issuer is known
    }
  };
  const faceValues: Record<string, string> = {};
  for (const f of fields) {
    const v = cells[f.key] ?? f.from.split('|').map(derived).find((x) => x);
    if (v) faceValues[f.key] = v;
  }
  return { rowNo: line.rowNo, data: { holderName, holderCode, issuerCode, number, issuedOn, validUntil, face: faceValues }, problems };
}

// ---- staging ----

type Issuer = { org: OrgRef | undefined; sealed: boolean };

async function issuersOf(trx: Trx, codes: string[], cache: Map<string, Issuer>, today: string): Promise<void> {
  for (const code of codes) {
    if (cache.has(code)) continue;
    const org = await findOrgByCreditCode(trx, code);
    const seal = org
      ? await trx.selectFrom('seal').select('id').where('org_id', '=', org.id).where('status', '=', 'active').where('valid_from', '<=', today).where('valid_until', '>=', today).executeTakeFirst()
      : undefined;
    cache.set(code, { org, sealed: !!seal });
  }
}

/** Numbers of this type already on the platform: staged or sealed by an earlier import, or issued. */
async function numbersTaken(trx: Trx, typeCode: string, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const r = await sql<{ number: string }>`
    select number from license_import_row where type_code = ${typeCode} and status <> 'rejected' and number = any(${numbers}::text[])
    union
    select number from license where type_code = ${typeCode} and number = any(${numbers}::text[])`.execute(trx);
  return new Set(r.rows.map((x) => x.number));
}

/**
 * Validate and stage a file for `type`; returns the counts. Sealing starts on the staged event (jobs) — or call
 * `sealImport` directly.
 */
export async function stageImport(db: Db, actor: Actor, type: LicenseTypeRow, file: LegacyFile, fileName: string, ip: string): Promise<ImportCounts> {
  const face = faceColumns(type.face_fields);
  const cols = locateColumns(file.header, face);
  const today = todayInShanghai();
  const id = newId();
  return db.transaction().execute(async (trx) => {
    // Imports of one type take turns, so two uploads of the same file cannot both pass the duplicate check.
    await sql`select pg_advisory_xact_lock(hashtext('license.import'), hashtext(${type.code}))`.execute(trx);
    await trx.insertInto('license_import').values({
      id, type_code: type.code, file_name: fileName.slice(0, 200), columns: JSON.stringify(file.header.map(String)), created_by: actor.id, created_by_name: actor.displayName,
      total: 0, accepted: 0, rejected: 0, state: 'sealing', finished_at: null,
    }).execute();
    const seen = new Map<string, number>();
    const issuers = new Map<string, Issuer>();
    let accepted = 0;
    let total = 0;
    const stage = async (lines: FileLine[]) => {
      const chunk = lines.map((l) => checkLine(l, cols, face, type.face_fields, today));
      await issuersOf(trx, [...new Set(chunk.map((c) => c.data.issuerCode).filter((c) => c.length === 18))], issuers, today);
      const taken = await numbersTaken(trx, type.code, chunk.map((c) => c.data.number).filter(Boolean));
      const rows = chunk.map((c, k) => {
        const { data, problems } = c;
        const issuer = issuers.get(data.issuerCode);
        if (data.issuerCode && !problems.some((p) => p.startsWith('发证机关'))) {
          if (!issuer?.org) problems.push(`发证机关统一社会信用代码 ${data.issuerCode} 在平台的机构名录中找不到，请核对，或请管理员先添加这个机构`);
          else if (!issuer.sealed) problems.push(`发证机关“${issuer.org.name}”还没有可用的电子印章，请管理员先登记印章，再重新导入这一行`);
          else for (const f of type.face_fields) if (!data.face[f.key] && f.from.split('|').includes('issuer.name')) data.face[f.key] = issuer.org.name;
        }
        if (data.number) {
          const first = seen.get(data.number);
          if (first !== undefined) problems.push(`证照编号 ${data.number} 与第 ${first} 行重复`);
          else if (taken.has(data.number)) problems.push(`证照编号 ${data.number} 的${type.name}已经在平台上（以前导入过或已制发），不再重复导入`);
          else if (!problems.length) seen.set(data.number, c.rowNo);
        }
        const ok = problems.length === 0;
        if (ok) accepted++;
        return {
          import_id: id, row_no: c.rowNo, status: ok ? ('pending' as const) : ('rejected' as const), type_code: type.code,
          number: ok ? data.number : null,
          data: JSON.stringify({ ...data, cells: lines[k]!.cells.map(String) }),
          reason: ok ? null : problems.join('；'), license_id: null,
        };
      });
      await trx.insertInto('license_import_row').values(rows).execute();
    };
    // CSV lines are read as they are staged, a chunk at a time: the file is never held as records all at once.
    let pending: FileLine[] = [];
    for (const line of file.lines) {
      total++;
      pending.push(line);
      if (pending.length === CHUNK) {
        await stage(pending);
        pending = [];
      }
    }
    if (pending.length) await stage(pending);
    if (total === 0) throw LegacyErrors.FILE_NO_ROWS();
    const rejected = total - accepted;
    await trx.updateTable('license_import').set({ total, accepted, rejected, ...(accepted === 0 ? { state: 'done', finished_at: sql`now()` } : {}) }).where('id', '=', id).execute();
    if (accepted) await emitInTrx(trx, IMPORT_STAGED, { importId: id });
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'license_import.create', entityType: 'license_import', entityId: id, before: null, after: { typeCode: type.code, fileName, total, accepted, rejected }, ip });
    return { id, total, accepted, rejected };
  });
}

// ---- sealing ----

export type BatchOptions = {
  size?: number;
  /** Runs inside the batch's transaction after every license is written, before the commit (tests use it to crash). */
  beforeCommit?: (trx: Trx) => Promise<void>;
};

type PendingRow = { id: string; row_no: number; data: LegacyRowData };

/** Seal up to `size` pending lines of an import in one transaction; returns how many lines it settled (0: none left). */
export async function sealNextBatch(deps: LicenseDeps, importId: string, opts: BatchOptions = {}): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const imp = await trx.selectFrom('license_import').select(['type_code', 'created_by', 'created_by_name', 'state']).where('id', '=', importId).executeTakeFirst();
    if (!imp || imp.state === 'done') return 0;
    const rows = (await trx
      .selectFrom('license_import_row')
      .select(['id', 'row_no', 'data'])
      .where('import_id', '=', importId)
      .where('status', '=', 'pending')
      .orderBy('id')
      .limit(opts.size ?? SEAL_BATCH_SIZE)
      .forUpdate()
      .skipLocked()
      .execute()) as PendingRow[];
    if (!rows.length) {
      await finishIfDone(trx, importId);
      return 0;
    }
    const type = (await trx.selectFrom('license_type').selectAll().where('code', '=', imp.type_code).executeTakeFirstOrThrow()) as LicenseTypeRow;
    const accounts = await findAccountIdsByHolderCodes(trx, [...new Set(rows.map((r) => r.data.holderCode))]);
    const today = todayInShanghai();
    const sealed: Array<{ id: string; licenseId: string }> = [];
    const rejected: Array<{ id: string; reason: string }> = [];
    const byIssuer = new Map<string, PendingRow[]>();
    for (const r of rows) byIssuer.set(r.data.issuerCode, [...(byIssuer.get(r.data.issuerCode) ?? []), r]);
    // Issuers in a fixed order: concurrent batches lock their serial counters in the same order (no deadlock).
    for (const issuerCode of [...byIssuer.keys()].sort()) {
      const group = byIssuer.get(issuerCode)!;
      const org = await findOrgByCreditCode(trx, issuerCode);
      let signer: SealSigner | undefined;
      if (org) {
        try {
          signer = await signerForOrgInTrx(trx, deps.vault, org.id, org.name, today);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
        }
      }
      if (!org || !signer) {
        // The seal was retired (or the organisation removed) after staging: these lines cannot be sealed now.
        const reason = org ? `发证机关“${org.name}”的电子印章在盖章前停用或过期了，这一行没有盖章；请管理员登记印章后重新导入这一行` : `发证机关 ${issuerCode} 已不在机构名录中，这一行没有盖章`;
        for (const r of group) rejected.push({ id: r.id, reason });
        continue;
      }
      const first = await reserveSerialsInTrx(trx, type.code, issuerCode, group.length);
      for (const [k, r] of group.entries()) {
        const d = r.data;
        const codeType = holderCodeType(d.holderCode);
        const issued = await issueLicenseInTrx(trx, deps.vault, {
          type,
          holder: { kind: codeType === 'resident_id' ? 'person' : 'entity', name: d.holderName, code: d.holderCode, codeType, accountId: accounts.get(d.holderCode) ?? null },
          issuer: { orgId: org.id, name: org.name, code: issuerCode, regionCode: org.regionCode },
          face: d.face,
          issuedAt: new Date(`${d.issuedOn}T00:00:00+08:00`),
          validFrom: d.issuedOn,
          validUntil: d.validUntil === '长期' ? null : d.validUntil,
          implCode: null,
          caseId: null,
          source: 'legacy',
          number: d.number,
          actor: { id: imp.created_by, name: imp.created_by_name },
        }, signer, first + k);
        sealed.push({ id: r.id, licenseId: issued.id });
      }
    }
    if (sealed.length) {
      await sql`update license_import_row r set status = 'sealed', license_id = v.license_id
        from unnest(${sealed.map((s) => s.id)}::bigint[], ${sealed.map((s) => s.licenseId)}::uuid[]) v(id, license_id) where r.id = v.id`.execute(trx);
    }
    if (rejected.length) {
      await sql`update license_import_row r set status = 'rejected', number = null, reason = v.reason
        from unnest(${rejected.map((s) => s.id)}::bigint[], ${rejected.map((s) => s.reason)}::text[]) v(id, reason) where r.id = v.id`.execute(trx);
    }
    await trx.updateTable('license_import').set((eb) => ({ sealed: eb('sealed', '+', sealed.length), rejected: eb('rejected', '+', rejected.length), accepted: eb('accepted', '-', rejected.length) })).where('id', '=', importId).execute();
    await finishIfDone(trx, importId);
    await opts.beforeCommit?.(trx);
    return rows.length;
  });
}

async function finishIfDone(trx: Trx, importId: string) {
  await sql`update license_import set state = 'done', finished_at = now()
    where id = ${importId} and state = 'sealing' and not exists (select 1 from license_import_row where import_id = ${importId} and status = 'pending')`.execute(trx);
}

/** Seal an import to the end (batch after batch); safe to run in several places at once. */
export async function sealImport(deps: LicenseDeps, importId: string, opts: BatchOptions = {}): Promise<void> {
  while ((await sealNextBatch(deps, importId, opts)) > 0);
}

/** Resume every import left unfinished (after a crash or a restart); the periodic sweep in handlers.ts. */
export async function resumeImports(deps: LicenseDeps): Promise<number> {
  const open = await deps.db.selectFrom('license_import').select('id').where('state', '=', 'sealing').orderBy('created_at').execute();
  for (const o of open) await sealImport(deps, o.id);
  return open.length;
}

// ---- reading ----

export type ImportView = {
  id: string; typeCode: string; typeName: string; fileName: string; createdByName: string;
  total: number; accepted: number; rejected: number; sealed: number; state: 'sealing' | 'done'; createdAt: string; finishedAt: string | null;
};

function importQuery(db: Db) {
  return db.selectFrom('license_import').innerJoin('license_type', 'license_type.code', 'license_import.type_code').selectAll('license_import').select('license_type.name as type_name');
}

type ImportRow = Awaited<ReturnType<ReturnType<typeof importQuery>['executeTakeFirstOrThrow']>>;
const viewOf = (r: ImportRow): ImportView => ({
  id: r.id, typeCode: r.type_code, typeName: r.type_name, fileName: r.file_name, createdByName: r.created_by_name,
  total: r.total, accepted: r.accepted, rejected: r.rejected, sealed: r.sealed, state: r.state, createdAt: r.created_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
});

export async function listImports(db: Db): Promise<ImportView[]> {
  return (await importQuery(db).orderBy('license_import.created_at', 'desc').limit(100).execute()).map(viewOf);
}

export async function getImport(db: Db, id: string): Promise<ImportView> {
  const r = await importQuery(db).where('license_import.id', '=', id).executeTakeFirst();
  if (!r) throw LegacyErrors.IMPORT_NOT_FOUND();
  return viewOf(r);
}

/** The first rejected lines with their reasons, for the screen (the CSV has them all). */
export async function rejectReasons(db: Db, id: string, limit = 200): Promise<Array<{ rowNo: number; reason: string }>> {
  await getImport(db, id);
  const rows = await db.selectFrom('license_import_row').select(['row_no', 'reason']).where('import_id', '=', id).where('status', '=', 'rejected').orderBy('row_no').limit(limit).execute();
  return rows.map((r) => ({ rowNo: r.row_no, reason: r.reason ?? '' }));
}

/** The reject report: line number, reason, then the line's cells as they were in the file. */
export async function rejectRows(db: Db, id: string): Promise<string[][]> {
  const imp = await db.selectFrom('license_import').select('columns').where('id', '=', id).executeTakeFirst();
  if (!imp) throw LegacyErrors.IMPORT_NOT_FOUND();
  const rows = await db.selectFrom('license_import_row').select(['row_no', 'reason', 'data']).where('import_id', '=', id).where('status', '=', 'rejected').orderBy('row_no').execute();
  return [['行号', '不能导入的原因', ...imp.columns], ...rows.map((r) => {
    return [String(r.row_no), r.reason ?? '', ...(r.data.cells ?? [])];
  })];
}

