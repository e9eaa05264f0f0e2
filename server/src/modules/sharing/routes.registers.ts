/** Routes of the base registers: loading (数据归集), 一数一源 designations, 多源校核 conflicts, the viewer, quality. */
import path from 'node:path';
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { loadConfig } from '../../platform/config.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { isLoadable, type LoadableRegister } from './load-fields.ts';
import { MAX_BATCH, MAX_LOAD_BYTES, getLoad, listLoads, loadBatch, queueFileLoad, rejectList, rejectReport, type LoadDeps } from './load.ts';
import { listConflicts, listDesignations, resolveConflict, setDesignation } from './conflicts.ts';
import { registerRecords } from './viewer.ts';
import { registerQuality } from './quality.ts';
import { RegisterErrors } from './errors.registers.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const RegisterParam = Type.Object({ register: Type.String({ maxLength: 40 }) });
const LoadParams = Type.Object({ register: Type.String({ maxLength: 40 }), id: Type.String({ format: 'uuid' }) });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();

const LoadView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  register: Str,
  registerTitle: Str,
  orgName: Str,
  kind: Type.Union([Type.Literal('file'), Type.Literal('batch')]),
  fileName: Str,
  columns: Type.Array(Str),
  state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  progress: Type.Number({ description: 'Share of the file read (0–1)' }),
  total: Type.Integer({ description: 'Lines read (header excluded)' }),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  conflicts: Type.Integer({ description: 'Conflicts raised (多源校核)' }),
  error: Nullable(Str),
  createdByName: Str,
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});
const Conflict = Type.Object({
  id: Type.String({ format: 'uuid' }),
  register: Str,
  registerTitle: Str,
  recordKey: Str,
  field: Str,
  fieldTitle: Str,
  registerValue: Nullable(Str),
  registerOrgName: Nullable(Str),
  otherValue: Nullable(Str),
  otherOrgName: Nullable(Str),
  designatedOrgName: Nullable(Str),
  raisedAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  resolution: Type.Union([Type.Literal('designated'), Type.Literal('notify_source'), Type.Null()]),
  note: Str,
  resolvedByName: Nullable(Str),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
});
const Rejects = Type.Array(Type.Object({ line: Type.Integer(), reason: Str }));
const Cell = Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Null()]);

function registerOf(name: string): LoadableRegister {
  if (!isLoadable(name)) throw RegisterErrors.REGISTER_UNKNOWN({ register: name });
  return name;
}

export function registerRoutes(app: App, deps: { db: LoadDeps['db']; spoolDir?: string }) {
  const load: LoadDeps = { db: deps.db, spoolDir: deps.spoolDir ?? path.join(loadConfig().dataDir, 'register-loads') };
  const { db } = deps;

  app.post('/api/v1/sharing/registers/:register/loads', {
    config: { access: 'sharing:load' },
    schema: {
      tags: ['sharing'],
      summary: 'Load a CSV file (UTF-8 with or without BOM, or GB18030) of register records: header checked now, rows checked and merged by jobs; poll for progress',
      consumes: ['multipart/form-data'],
      params: RegisterParam,
      querystring: Type.Object({ org: Type.Optional(Type.String({ maxLength: 64, description: 'Data administrator only: the source department (key or id) loading; default the register key’s designated source' })) }),
      response: { 202: Type.Object({ id: Type.String({ format: 'uuid' }) }), ...errors, 413: ErrorResponse, 415: ErrorResponse },
    },
  }, async (req, reply) => {
    const register = registerOf(req.params.register);
    if (!req.isMultipart()) throw RegisterErrors.FILE_MISSING();
    let part;
    try {
      part = await req.file({ limits: { fileSize: MAX_LOAD_BYTES, files: 1, fields: 5 } });
    } catch {
      throw RegisterErrors.FORM_INVALID();
    }
    if (!part) throw RegisterErrors.FILE_MISSING();
    try {
      const r = await queueFileLoad(load, req.actor!, register, { stream: part.file, fileName: part.filename, truncated: () => part.file.truncated }, req.query.org, req.ip);
      return reply.status(202).send(r);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw RegisterErrors.FILE_TOO_LARGE({ limitMb: MAX_LOAD_BYTES / 1024 ** 2 });
      if (code.startsWith('FST_')) throw RegisterErrors.FORM_INVALID();
      throw err;
    } finally {
      part.file.resume();
    }
  });

  app.get('/api/v1/sharing/registers/:register/loads', {
    config: { access: 'sharing:load' },
    schema: { tags: ['sharing'], summary: 'Recent loads of a register (a department officer sees their department’s)', params: RegisterParam, response: { 200: Type.Object({ loads: Type.Array(LoadView) }), ...errors } },
  }, async (req) => ({ loads: await listLoads(db, req.actor!, registerOf(req.params.register)) }));

  app.get('/api/v1/sharing/registers/:register/loads/:id', {
    config: { access: 'sharing:load' },
    schema: { tags: ['sharing'], summary: 'One load’s progress and counts', params: LoadParams, response: { 200: LoadView, ...errors } },
  }, async (req) => getLoad(db, req.actor!, registerOf(req.params.register), req.params.id));

  app.get('/api/v1/sharing/registers/:register/loads/:id/rejects', {
    config: { access: 'sharing:load' },
    schema: { tags: ['sharing'], summary: 'The first 200 rejected lines with their reasons (the CSV report has them all)', params: LoadParams, response: { 200: Type.Object({ rejects: Rejects }), ...errors } },
  }, async (req) => ({ rejects: await rejectList(db, req.actor!, registerOf(req.params.register), req.params.id) }));

  app.get('/api/v1/sharing/registers/:register/loads/:id/rejects.csv', {
    config: { access: 'sharing:load' },
    schema: { tags: ['sharing'], summary: 'The reject report: line, reason, the line as it was (CSV, UTF-8 with BOM)', params: LoadParams, produces: ['text/csv'], response: { 200: { description: 'CSV', content: { 'text/csv': { schema: Type.Unsafe<Buffer>(Type.String({ format: 'binary' })) } } }, ...errors } },
  }, async (req, reply) => {
    const csv = await rejectReport(db, req.actor!, registerOf(req.params.register), req.params.id);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="rejects.csv"; filename*=UTF-8''${encodeURIComponent('未归集清单.csv')}`);
    return reply.send(Buffer.from(csv, 'utf8'));
  });

  app.post('/api/v1/sharing/registers/:register/records', {
    config: { access: 'sharing:load' },
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      tags: ['sharing'],
      summary: `Push a batch of ≤ ${MAX_BATCH} records (field name → value), checked and merged now; rejects listed by position`,
      params: RegisterParam,
      body: Type.Object({ records: Type.Array(Type.Record(Type.String({ maxLength: 40 }), Cell), { minItems: 1, maxItems: MAX_BATCH }), org: Type.Optional(Type.String({ maxLength: 64 })) }),
      response: { 200: Type.Object({ id: Type.String({ format: 'uuid' }), total: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(), inserted: Type.Integer(), updated: Type.Integer(), conflicts: Type.Integer(), rejects: Rejects }), ...errors },
    },
  }, async (req) => loadBatch(db, req.actor!, registerOf(req.params.register), req.body.records, req.body.org, req.ip));

  app.get('/api/v1/sharing/registers/:register/records/:key', {
    config: { access: 'sharing:admin' },
    schema: {
      tags: ['sharing'],
      summary: 'One record (credit: all records of a subject) with each field’s value, source department, update time and open conflicts; audited',
      params: Type.Object({ register: Type.String({ maxLength: 40 }), key: Type.String({ minLength: 1, maxLength: 40 }) }),
      response: {
        200: Type.Object({
          register: Str,
          registerTitle: Str,
          records: Type.Array(Type.Object({ key: Str, fields: Type.Array(Type.Object({ name: Str, title: Str, value: Nullable(Str), label: Nullable(Str), sourceOrgName: Nullable(Str), updatedAt: Nullable(Str), conflicts: Type.Array(Conflict) })) })),
        }),
        ...errors,
      },
    },
  }, async (req) => {
    const register = registerOf(req.params.register);
    const key = req.params.key.trim().toUpperCase();
    const actor = req.actor!;
    // Viewing personal data in a register is itself recorded (who looked at whom, when).
    await db.transaction().execute((trx) => writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'sharing.register.view', entityType: register, entityId: key, ip: req.ip }));
    return registerRecords(db, register, key);
  });

  app.get('/api/v1/sharing/registers/:register/sources', {
    config: { access: 'sharing:read' },
    schema: {
      tags: ['sharing'],
      summary: '一数一源: the designated source department of each field of a register',
      params: RegisterParam,
      response: { 200: Type.Object({ sources: Type.Array(Type.Object({ register: Str, field: Str, title: Str, orgId: Nullable(Str), orgName: Nullable(Str), updatedAt: Nullable(Str), updatedByName: Nullable(Str) })) }), ...errors },
    },
  }, async (req) => ({ sources: await listDesignations(db, registerOf(req.params.register)) }));

  app.put('/api/v1/sharing/registers/:register/sources/:field', {
    config: { access: 'sharing:admin' },
    schema: {
      tags: ['sharing'],
      summary: 'Designate the source department of a field (一数一源); audited',
      params: Type.Object({ register: Type.String({ maxLength: 40 }), field: Type.String({ maxLength: 40 }) }),
      body: Type.Object({ orgId: Type.String({ format: 'uuid' }) }),
      response: { 200: Type.Object({ register: Str, field: Str, title: Str, orgId: Nullable(Str), orgName: Nullable(Str), updatedAt: Nullable(Str), updatedByName: Nullable(Str) }), ...errors },
    },
  }, async (req) => setDesignation(db, req.actor!, registerOf(req.params.register), req.params.field, req.body.orgId, req.ip));

  app.get('/api/v1/sharing/conflicts', {
    config: { access: 'sharing:admin' },
    schema: {
      tags: ['sharing'],
      summary: '多源校核: conflicts between source departments, newest first',
      querystring: Type.Object({
        register: Type.Optional(Type.Union([Type.Literal('population'), Type.Literal('entity'), Type.Literal('credit')])),
        status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
        field: Type.Optional(Type.String({ maxLength: 40 })),
        key: Type.Optional(Type.String({ maxLength: 80 })),
        orgId: Type.Optional(Type.String({ format: 'uuid' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
      }),
      response: { 200: Type.Object({ total: Type.Integer(), conflicts: Type.Array(Conflict) }), ...errors },
    },
  }, async (req) => listConflicts(db, { ...req.query, key: req.query.key?.trim().toUpperCase() }));

  app.post('/api/v1/sharing/conflicts/:id/resolve', {
    config: { access: 'sharing:admin' },
    schema: {
      tags: ['sharing'],
      summary: 'Settle a conflict: 以指定来源为准 (designated) or 通知来源部门更正 (notify_source, with a note); audited',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      body: Type.Object({ resolution: Type.Union([Type.Literal('designated'), Type.Literal('notify_source')]), note: Type.Optional(Type.String({ maxLength: 500 })) }),
      response: { 200: Conflict, ...errors, 409: ErrorResponse },
    },
  }, async (req) => resolveConflict(db, req.actor!, req.params.id, req.body.resolution, req.body.note ?? '', req.ip));

  app.get('/api/v1/sharing/quality', {
    config: { access: 'sharing:read' },
    schema: {
      tags: ['sharing'],
      summary: 'Data quality per published resource: completeness per field (computed on jobs after each load and nightly), freshness against the update cycle, open conflicts',
      response: {
        200: Type.Object({
          resources: Type.Array(
            Type.Object({
              code: Str,
              name: Str,
              providerName: Str,
              register: Str,
              registerTitle: Str,
              updateCycle: Str,
              records: Type.Union([Type.Integer(), Type.Null()]),
              completeness: Type.Union([Type.Number(), Type.Null()]),
              fields: Type.Array(Type.Object({ name: Str, title: Str, completeness: Type.Union([Type.Number(), Type.Null()]), conflicts: Type.Integer() })),
              lastUpdate: Nullable(Str),
              freshness: Type.Union([Type.Literal('fresh'), Type.Literal('late'), Type.Literal('stale'), Type.Literal('unknown')]),
              conflicts: Type.Integer(),
              computedAt: Nullable(Str),
            }),
          ),
        }),
        ...errors,
      },
    },
  }, async () => ({ resources: await registerQuality(db) }));
}
