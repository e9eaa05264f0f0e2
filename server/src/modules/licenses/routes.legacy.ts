/** Legacy license import routes (存量证照导入): upload, progress, reject report, template. */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { LicenseErrors } from './errors.ts';
import { LegacyErrors } from './legacy-errors.ts';
import { legacyTemplateXlsx, readLegacyFile, XLSX_MIME } from './legacy-file.ts';
import { getImport, listImports, rejectReasons, rejectRows, stageImport } from './legacy.ts';
import { toCsv } from '../../platform/csv/csv.ts';
import type { LicenseDeps, LicenseTypeRow } from './issue.ts';

/** Upload limit of an import file (100,000 CSV lines of a typical type are ~15 MB). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

const ImportView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  typeCode: Type.String(),
  typeName: Type.String(),
  fileName: Type.String(),
  createdByName: Type.String(),
  total: Type.Integer({ description: 'Lines in the file (header excluded)' }),
  accepted: Type.Integer({ description: 'Lines that passed validation and are (or will be) sealed' }),
  rejected: Type.Integer({ description: 'Lines not imported; see the reject report' }),
  sealed: Type.Integer({ description: 'Licenses sealed so far (progress: sealed / accepted)' }),
  state: Type.Union([Type.Literal('sealing'), Type.Literal('done')]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const binary = (mime: string, description: string) => ({ description, content: { [mime]: { schema: Type.Unsafe<Buffer>(Type.String({ format: 'binary' })) } } });

/** RFC 6266 attachment header with an RFC 8187 UTF-8 name and an ASCII fallback. */
const attachment = (fallback: string, name: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The multipart body: the file (field `file`) and the license type (field `licenseTypeCode`), in any order. */
async function readUpload(req: FastifyRequest): Promise<{ buf: Buffer; fileName: string; typeCode: string }> {
  let buf: Buffer | undefined;
  let fileName = '';
  let typeCode = '';
  if (!req.isMultipart()) throw LegacyErrors.FILE_MISSING();
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        fileName = part.filename;
        buf = await part.toBuffer();
      } else if (part.fieldname === 'licenseTypeCode') typeCode = String(part.value).trim();
    }
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw LegacyErrors.FILE_TOO_LARGE({ limitMb: MAX_IMPORT_BYTES / 1048576 });
    if (code.startsWith('FST_')) throw LegacyErrors.FORM_INVALID(); // a second file, too many fields or parts
    throw err;
  }
  if (!buf) throw LegacyErrors.FILE_MISSING();
  if (!typeCode) throw LegacyErrors.TYPE_REQUIRED();
  return { buf, fileName, typeCode };
}

export function legacyRoutes(app: App, deps: LicenseDeps) {
  const { db } = deps;
  const typeOf = async (code: string) => {
    const type = (await db.selectFrom('license_type').selectAll().where('code', '=', code).executeTakeFirst()) as LicenseTypeRow | undefined;
    if (!type) throw LicenseErrors.LICENSE_TYPE_NOT_FOUND({ code });
    return type;
  };

  app.post('/api/v1/license-imports', {
    config: { access: 'license:admin' },
    schema: {
      tags: ['licenses'],
      summary: 'Import legacy licenses of one type from .xlsx or CSV (UTF-8 or GB18030): validated line by line now, sealed in batches by jobs; poll for progress',
      consumes: ['multipart/form-data'],
      response: { 202: Type.Object({ id: Type.String({ format: 'uuid' }), total: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer() }), ...errors, 413: ErrorResponse, 415: ErrorResponse },
    },
  }, async (req, reply) => {
    const { buf, fileName, typeCode } = await readUpload(req);
    const type = await typeOf(typeCode);
    const file = await readLegacyFile(buf);
    return reply.status(202).send(await stageImport(db, req.actor!, type, file, fileName || `import.${file.kind}`, req.ip));
  });

  app.get('/api/v1/license-imports', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'Recent legacy imports (newest first, at most 100)', response: { 200: Type.Object({ imports: Type.Array(ImportView) }), ...errors } },
  }, async () => ({ imports: await listImports(db) }));

  app.get('/api/v1/license-imports/template.xlsx', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'The import template of a license type: fixed columns and its face fields', querystring: Type.Object({ typeCode: Type.String({ minLength: 1, maxLength: 21 }) }), produces: [XLSX_MIME], response: { 200: binary(XLSX_MIME, 'Excel workbook'), ...errors } },
  }, async (req, reply) => {
    const type = await typeOf(req.query.typeCode);
    reply.header('content-type', XLSX_MIME).header('content-disposition', attachment('license-import-template.xlsx', `${type.name}导入模板.xlsx`));
    return reply.send(await legacyTemplateXlsx(type));
  });

  app.get('/api/v1/license-imports/:id', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'One import’s progress: total, accepted, sealed, rejected, state', params: IdParams, response: { 200: ImportView, ...errors } },
  }, async (req) => getImport(db, req.params.id));

  app.get('/api/v1/license-imports/:id/rejects', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'The first 200 rejected lines with their reasons (the CSV report has them all)', params: IdParams, response: { 200: Type.Object({ rejects: Type.Array(Type.Object({ rowNo: Type.Integer(), reason: Type.String() })) }), ...errors } },
  }, async (req) => ({ rejects: await rejectReasons(db, req.params.id) }));

  app.get('/api/v1/license-imports/:id/rejects.csv', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'The reject report: line number, the reason, the line as it was (CSV, UTF-8 with BOM)', params: IdParams, produces: ['text/csv'], response: { 200: binary('text/csv', 'CSV'), ...errors } },
  }, async (req, reply) => {
    const rows = await rejectRows(db, req.params.id);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment('rejects.csv', '未导入清单.csv'));
    return reply.send(Buffer.from(toCsv(rows), 'utf8'));
  });
}
