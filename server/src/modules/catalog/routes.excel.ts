/**
 * Excel in and out (catalog issue “Excel 导入导出”): export the catalog or a filtered part, the import template,
 * and imports as tracked jobs with a progress bar and a per-row report.
 *
 * An import validates everything first (the workbook row by row, and agencies, scope and existing items against
 * the database); any error fails the job with the whole report and writes nothing. Otherwise every item is written in ONE
 * transaction — new implementation codes become draft items, existing ones get a new draft version — while
 * `processed` is committed through a separate pooled connection so the progress bar can follow the transaction.
 * The job runs in-process after the 202 response (a later issue moves it onto pg-boss); a server restart while
 * it runs leaves it in 'validating'/'importing', with nothing written.
 */
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type ExcelJS from 'exceljs';
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { AppError, defineErrors } from '../../platform/http/errors.ts';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { findOrgByCreditCode, type OrgRef } from '../identity/index.ts';
import { createItemInTrx, findItemIdByImplCode, saveDraftInTrx } from './editorial.ts';
import { CatalogErrors } from './errors.ts';
import { countItemRows, exportItemsXlsx, ITEM_SHEET, loadWorkbook, parseWorkbook, SHEET_NAMES, templateXlsx, XLSX_MIME, type ImportError, type ParsedItem } from './excel.ts';
import type { ItemDocument } from './schema.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';

/** Upload limit of an import file. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Limit of the unpacked workbook (an .xlsx is a ZIP; this stops a "zip bomb" before it is unpacked). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Items per import, and per export. */
export const MAX_IMPORT_ITEMS = 2000;
export const MAX_EXPORT_ITEMS = 5000;

export const ExcelErrors = defineErrors({
  IMPORT_FILE_MISSING: { status: 400, 'zh-CN': '请选择要导入的 Excel 文件（multipart 表单，文件字段 file）', 'en-US': 'Choose the Excel file to import (multipart form, file field "file")' },
  IMPORT_FILE_EMPTY: { status: 400, 'zh-CN': '上传的文件是空的', 'en-US': 'The uploaded file is empty' },
  IMPORT_FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件太大：导入文件不能超过 {limitMb} MB，请分批导入', 'en-US': 'The file is too large: the limit is {limitMb} MB; import in batches' },
  IMPORT_NOT_XLSX: {
    status: 415,
    'zh-CN': '只能导入 .xlsx 格式的 Excel 工作簿；.xls、.csv 或 WPS 格式的文件请先在 Excel 或 WPS 中“另存为 Excel 工作簿 (*.xlsx)”',
    'en-US': 'Only .xlsx workbooks can be imported; save .xls, .csv or WPS files as "Excel Workbook (*.xlsx)" first',
  },
  IMPORT_UNREADABLE: { status: 400, 'zh-CN': '文件无法作为 Excel 工作簿读取，请确认文件没有损坏、没有加密，并使用导入模板填写', 'en-US': 'The file cannot be read as an Excel workbook; check it is not damaged or encrypted and use the import template' },
  IMPORT_NO_ITEM_SHEET: { status: 400, 'zh-CN': '工作簿中没有“事项”工作表，请下载导入模板，按模板填写后上传', 'en-US': 'The workbook has no sheet "事项"; download the import template and fill it in' },
  IMPORT_NO_ROWS: { status: 400, 'zh-CN': '“事项”工作表中没有事项，请从第 2 行开始每行填写一个事项', 'en-US': 'Sheet "事项" has no items; fill one item per row from row 2' },
  IMPORT_TOO_MANY_ROWS: { status: 413, 'zh-CN': '一次最多导入 {max} 个事项，本文件有 {count} 个，请分批导入', 'en-US': 'At most {max} items per import; this file has {count}; import in batches' },
  IMPORT_NOT_FOUND: { status: 404, 'zh-CN': '找不到导入任务 {id}，或您无权查看', 'en-US': 'Import {id} not found, or you may not see it' },
  EXPORT_TOO_MANY: { status: 400, 'zh-CN': '要导出的事项超过 {max} 个，请按部门或状态筛选后分批导出', 'en-US': 'More than {max} items to export; filter by department or status' },
});

const ImportErrorSchema = Type.Object({
  sheet: Type.String({ description: 'Sheet (工作表) name' }),
  row: Type.Integer({ description: 'Excel row number (1 = header); 0 for the whole workbook' }),
  column: Type.Optional(Type.String({ description: 'Column header' })),
  message: Type.String({ description: 'What is wrong and how to fix it, in Chinese' }),
});

const ImportJob = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Union([Type.Literal('validating'), Type.Literal('failed'), Type.Literal('importing'), Type.Literal('done')], {
    description: 'validating → importing → done, or failed (nothing written; see errors)',
  }),
  total: Type.Integer({ description: 'Items in the workbook' }),
  processed: Type.Integer({ description: 'Items written so far (progress bar)' }),
  errors: Type.Array(ImportErrorSchema, { description: 'Per-row report when the import failed' }),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const XlsxResponse = { description: 'Excel workbook (.xlsx)', content: { [XLSX_MIME]: { schema: Type.Unsafe<Buffer>(Type.String({ format: 'binary' })) } } };


/** RFC 6266 attachment header with an RFC 8187 UTF-8 name and an ASCII fallback. */
function attachment(fallback: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Today in China (the file name date), YYYYMMDD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replaceAll('-', '');
}

// ---- upload checks ----

/**
 * Total unpacked size declared by a ZIP's central directory; undefined when the bytes are not a well-formed ZIP,
 * Infinity for ZIP64 (far beyond any import).
 */
export function zipUnpackedSize(buf: Buffer): number | undefined {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    if (entries === 0xffff || p === 0xffffffff) return Infinity;
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
      const size = buf.readUInt32LE(p + 24);
      if (size === 0xffffffff) return Infinity;
      total += size;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  return undefined;
}

async function readUpload(req: FastifyRequest): Promise<Buffer> {
  let part: MultipartFile | undefined;
  try {
    part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw ExcelErrors.IMPORT_FILE_MISSING();
    throw err;
  }
  if (!part) throw ExcelErrors.IMPORT_FILE_MISSING();
  let buf: Buffer;
  try {
    buf = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw ExcelErrors.IMPORT_FILE_TOO_LARGE({ limitMb: MAX_IMPORT_BYTES / 1048576 });
    throw err;
  }
  if (buf.length === 0) throw ExcelErrors.IMPORT_FILE_EMPTY();
  // An .xlsx is a ZIP package: anything else (.xls, .csv, a PDF renamed) is refused by its content, not its name.
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) throw ExcelErrors.IMPORT_NOT_XLSX();
  const unpacked = zipUnpackedSize(buf);
  if (unpacked === undefined) throw ExcelErrors.IMPORT_UNREADABLE();
  if (unpacked > MAX_UNPACKED_BYTES) throw ExcelErrors.IMPORT_FILE_TOO_LARGE({ limitMb: MAX_IMPORT_BYTES / 1048576 });
  return buf;
}

async function openWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(buf);
  } catch {
    throw ExcelErrors.IMPORT_UNREADABLE();
  }
  if (!wb.worksheets.some((w) => w.name.trim() === ITEM_SHEET)) throw ExcelErrors.IMPORT_NO_ITEM_SHEET();
  return wb;
}

// ---- the import job ----

type Planned = { item: ParsedItem; agency: { id: string; name: string } };

/** Database checks of the parsed items: agency from the credit code, the importer's scope, existing items. */
async function planImport(db: Db, actor: Actor, items: ParsedItem[], errors: ImportError[]): Promise<Planned[]> {
  const scope = scopeOf(actor, 'catalog:publish');
  const prefix = regionLikePrefix(actor.regionCode);
  const inScope = (regionCode: string, orgId: string) => scope === 'all' || (regionCode.startsWith(prefix) && (scope !== 'org' || orgId === actor.orgId));
  const orgs = new Map<string, OrgRef | undefined>();
  const existing = new Map<string, { region_code: string; org_id: string }>();
  const codes = items.map((i) => i.doc.implCode);
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db.selectFrom('service_item').select(['impl_code', 'region_code', 'org_id']).where('impl_code', 'in', codes.slice(i, i + 500)).execute();
    for (const r of rows) existing.set(r.impl_code, r);
  }
  const plan: Planned[] = [];
  for (const item of items) {
    const { doc, row } = item;
    const fail = (column: string, message: string) => errors.push({ sheet: ITEM_SHEET, row, column, message });
    const creditCode = doc.implCode.slice(0, 18);
    if (!orgs.has(creditCode)) orgs.set(creditCode, await findOrgByCreditCode(db, creditCode));
    const org = orgs.get(creditCode);
    if (!org) {
      fail('实施编码', `${CatalogErrors.AGENCY_UNKNOWN({ creditCode }).localized('zh-CN')}：请核对实施编码前 18 位，或先由管理员在平台登记该实施机构`);
      continue;
    }
    if (!inScope(org.regionCode, org.id)) {
      fail('实施编码', `${CatalogErrors.AGENCY_OUT_OF_SCOPE({ agency: org.name }).localized('zh-CN')}，不能导入该机构的事项`);
      continue;
    }
    if (doc.regionCode !== org.regionCode) {
      fail('区划代码', `${CatalogErrors.REGION_MISMATCH({ regionCode: doc.regionCode, agencyRegion: org.regionCode }).localized('zh-CN')}，请改为 ${org.regionCode}`);
      continue;
    }
    const old = existing.get(doc.implCode);
    if (old && !inScope(old.region_code, old.org_id)) {
      fail('实施编码', CatalogErrors.OUT_OF_SCOPE({ ref: doc.implCode }).localized('zh-CN'));
      continue;
    }
    plan.push({ item, agency: { id: org.id, name: org.name } });
  }
  return plan;
}

function setJob(db: Db, id: string, patch: { status?: 'validating' | 'failed' | 'importing' | 'done'; total?: number; processed?: number; errors?: ImportError[]; finished?: boolean }) {
  return db
    .updateTable('catalog_import')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.total !== undefined ? { total: patch.total } : {}),
      ...(patch.processed !== undefined ? { processed: patch.processed } : {}),
      ...(patch.errors ? { errors: JSON.stringify(patch.errors) } : {}),
      ...(patch.finished ? { finished_at: new Date() } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Run an import job to its end: never throws; every outcome, including an unexpected failure, is written to the
 * job row. Exported for the job queue of a later issue.
 */
export async function runImport(db: Db, jobId: string, actor: Actor, wb: ExcelJS.Workbook, log?: FastifyBaseLogger): Promise<void> {
  const who = { id: actor.id, name: actor.displayName };
  let current: ParsedItem | undefined;
  let committed = false;
  try {
    const { items, errors } = parseWorkbook(wb);
    // The rows that parsed cleanly are checked against the database too, so the report lists every problem at once.
    const plan = await planImport(db, actor, items, errors);
    if (errors.length) {
      const sheetOrder = (sheet: string) => (SHEET_NAMES.indexOf(sheet) + SHEET_NAMES.length + 1) % (SHEET_NAMES.length + 1);
      errors.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
      await setJob(db, jobId, { status: 'failed', processed: 0, errors, finished: true });
      return;
    }
    await setJob(db, jobId, { status: 'importing', total: plan.length, processed: 0 });
    const step = Math.max(1, Math.ceil(plan.length / 100));
    let created = 0;
    let updated = 0;
    await db.transaction().execute(async (trx) => {
      for (const [i, p] of plan.entries()) {
        current = p.item;
        const itemId = await findItemIdByImplCode(trx, p.item.doc.implCode);
        if (itemId) {
          await saveDraftInTrx(trx, itemId, p.item.doc, who);
          updated++;
        } else {
          await createItemInTrx(trx, p.item.doc, p.agency, { status: 'draft', actor: who });
          created++;
        }
        // Progress through another pooled connection: committed at once, visible while this transaction runs.
        if ((i + 1) % step === 0 || i + 1 === plan.length) await setJob(db, jobId, { processed: i + 1 });
      }
      current = undefined;
      await writeAuditInTrx(trx, { actor: who, action: 'catalog.items_import', entityType: 'catalog_import', entityId: jobId, after: { created, updated } });
    });
    committed = true;
    await setJob(db, jobId, { status: 'done', finished: true });
  } catch (err) {
    if (committed) {
      // The items are written; only recording that failed. Try once more rather than report a false failure.
      await setJob(db, jobId, { status: 'done', finished: true }).catch((e2: unknown) => log?.error({ err: e2, importId: jobId }, 'could not record the end of a catalog import'));
      return;
    }
    const known = err instanceof AppError;
    if (!known) log?.error({ err, importId: jobId }, 'catalog import failed');
    const reason = known ? err.localized('zh-CN') : '系统出现问题，请稍后重试；如问题持续，请联系管理员并提供导入编号';
    const at = current ? { sheet: ITEM_SHEET, row: current.row } : { sheet: '', row: 0 };
    await setJob(db, jobId, { status: 'failed', processed: 0, errors: [{ ...at, message: `导入失败，所有事项均未写入：${reason}` }], finished: true }).catch((e2: unknown) =>
      log?.error({ err: e2, importId: jobId }, 'could not record the failure of a catalog import'),
    );
  }
}

// ---- export ----

/** Latest version of every item in the caller's scope, filtered; ordered by implementation code. */
async function documentsForExport(db: Db, actor: Actor, f: { status?: 'draft' | 'published' | 'retired'; dept?: string; q?: string }): Promise<ItemDocument[]> {
  const scope = scopeOf(actor, 'catalog:read');
  let q = db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
    .select('v.document');
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.dept) q = q.where('i.org_id', '=', f.dept);
  if (f.q?.trim()) q = q.where('i.name', 'like', `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (scope !== 'all') q = q.where('i.region_code', 'like', `${regionLikePrefix(actor.regionCode)}%`);
  if (scope === 'org') q = q.where('i.org_id', '=', actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  const rows = await q.orderBy('i.impl_code').limit(MAX_EXPORT_ITEMS + 1).execute();
  if (rows.length > MAX_EXPORT_ITEMS) throw ExcelErrors.EXPORT_TOO_MANY({ max: MAX_EXPORT_ITEMS });
  return rows.map((r) => r.document);
}

let template: Promise<Buffer> | undefined;

export function excelRoutes(app: App, deps: { db: Db }) {
  app.post(
    '/api/v1/catalog/imports',
    {
      config: { access: 'catalog:publish' },
      schema: {
        tags: ['catalog'],
        summary: 'Import items from an .xlsx workbook (the import template): validated first, then written all at once; poll the job for progress',
        consumes: ['multipart/form-data'],
        response: { 202: Type.Object({ id: Type.String({ format: 'uuid', description: 'Import job id' }) }), 400: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const wb = await openWorkbook(await readUpload(req));
      const count = countItemRows(wb);
      if (count === 0) throw ExcelErrors.IMPORT_NO_ROWS();
      if (count > MAX_IMPORT_ITEMS) throw ExcelErrors.IMPORT_TOO_MANY_ROWS({ max: MAX_IMPORT_ITEMS, count });
      const id = newId();
      await deps.db.insertInto('catalog_import').values({ id, created_by: actor.id, status: 'validating', total: count, processed: 0, errors: '[]', finished_at: null }).execute();
      // Fire and forget: runImport records every outcome in the job row.
      setImmediate(() => void runImport(deps.db, id, actor, wb, req.log));
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/v1/catalog/imports/:id',
    {
      config: { access: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'An import job: status, progress and the per-row error report',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: ImportJob, 404: ErrorResponse },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const job = await deps.db.selectFrom('catalog_import').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      if (!job || (job.created_by !== actor.id && scopeOf(actor, 'catalog:read') !== 'all')) throw ExcelErrors.IMPORT_NOT_FOUND({ id: req.params.id });
      return {
        id: job.id,
        status: job.status,
        total: job.total,
        processed: job.processed,
        errors: job.errors,
        createdAt: job.created_at.toISOString(),
        finishedAt: job.finished_at?.toISOString() ?? null,
      };
    },
  );

  app.get(
    '/api/v1/catalog/export.xlsx',
    {
      config: { access: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'The latest version of every item in the caller’s scope as an .xlsx workbook (same layout as the import template)',
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')], { description: 'Item status' })),
          dept: Type.Optional(Type.String({ format: 'uuid', description: 'Implementing agency (org) id' })),
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Words the item name contains' })),
        }),
        produces: [XLSX_MIME],
        response: { 200: XlsxResponse, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (req, reply) => {
      const docs = await documentsForExport(deps.db, req.actor!, req.query);
      const buf = await exportItemsXlsx(docs);
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', attachment(`catalog-${today()}.xlsx`, `事项目录-${today()}.xlsx`));
      reply.header('cache-control', 'private, no-store');
      return reply.send(buf);
    },
  );

  app.get(
    '/api/v1/catalog/import-template.xlsx',
    {
      config: { access: 'catalog:read' },
      schema: { tags: ['catalog'], summary: 'The empty import template with instructions and code lists (sheet 说明)', produces: [XLSX_MIME], response: { 200: XlsxResponse } },
    },
    async (_req, reply) => {
      template ??= templateXlsx();
      template.catch(() => (template = undefined));
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', attachment('catalog-import-template.xlsx', '事项导入模板.xlsx'));
      return reply.send(await template);
    },
  );
}
