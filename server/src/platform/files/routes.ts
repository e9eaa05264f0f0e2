import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../http/server.ts';
import { defineErrors } from '../http/errors.ts';
import type { Db } from '../db/db.ts';
import { newId } from '../ids.ts';
import type { FileStore } from './file-store.ts';
import { sniff, ACCEPTED_LABEL } from './sniff.ts';
import type { Actor } from '../auth/actor.ts';
import { ErrorResponse } from '../http/schemas.ts';

export const FileErrors = defineErrors({
  FILE_MISSING: { status: 400, 'zh-CN': '请选择要上传的文件（表单字段名 file）', 'en-US': 'Choose a file to upload (multipart field "file")' },
  FILE_EMPTY: { status: 400, 'zh-CN': '上传的文件是空的', 'en-US': 'The uploaded file is empty' },
  FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件太大，单个文件不能超过 {limitMb} MB', 'en-US': 'The file is too large; the limit is {limitMb} MB' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, 'zh-CN': '只能上传 {accepted} 格式的文件', 'en-US': 'Only {accepted} files can be uploaded' },
  FILE_NOT_FOUND: { status: 404, 'zh-CN': '找不到该文件，或您无权查看', 'en-US': 'File not found, or you may not see it' },
});

export const FileInfo = Type.Object({
  id: Type.String({ format: 'uuid', description: 'File id, to reference in applications' }),
  name: Type.String({ description: 'File name as uploaded (display only)' }),
  size: Type.Integer({ description: 'Size in bytes' }),
  mime: Type.String({ description: 'Type detected from the content' }),
  sha256: Type.String({ description: 'SHA-256 of the content, hex' }),
});

/** A stored file's metadata and a stream of its bytes, or undefined. Callers decide who may read it. */
export async function openStoredFile(db: Db, store: FileStore, id: string) {
  const f = await db.selectFrom('file_object').selectAll().where('id', '=', id).executeTakeFirst();
  return f ? { meta: f, stream: () => store.open(f.sha256) } : undefined;
}

/** Send a stored file inline with a safe, UTF-8 file name. */
export function sendStoredFile(reply: FastifyReply, f: NonNullable<Awaited<ReturnType<typeof openStoredFile>>>, cacheControl: string) {
  reply.header('content-type', f.meta.mime);
  reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.meta.name)}`);
  reply.header('cache-control', cacheControl);
  return reply.send(f.stream());
}

/** Other modules may grant read access to a file (e.g. staff handling a case that references it). */
export type FileAccessCheck = (actor: Actor, fileId: string) => Promise<boolean>;

export function fileRoutes(app: App, deps: { db: Db; store: FileStore; maxBytes: number; accessChecks: FileAccessCheck[] }) {
  app.post(
    '/api/v1/files',
    {
      config: { access: 'file:upload' },
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart field "file"); the type is detected from the content',
        consumes: ['multipart/form-data'],
        response: { 201: FileInfo, 400: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      let part;
      try {
        part = await req.file();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw FileErrors.FILE_MISSING();
        throw err;
      }
      if (!part) throw FileErrors.FILE_MISSING();
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
        if (bytes.length > deps.maxBytes) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw FileErrors.FILE_TOO_LARGE({ limitMb: Math.round(deps.maxBytes / 1048576) });
        throw err;
      }
      if (bytes.length === 0) throw FileErrors.FILE_EMPTY();
      const type = sniff(bytes.subarray(0, 16));
      if (!type) throw FileErrors.FILE_TYPE_NOT_ALLOWED({ accepted: ACCEPTED_LABEL });
      const { sha256, size } = await deps.store.put(bytes);
      const name = (part.filename || `file.${type.ext}`).replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
      const id = newId();
      await deps.db.insertInto('file_object').values({ id, sha256, size, mime: type.mime, name, owner_id: actor.id }).execute();
      return reply.status(201).send({ id, name, size, mime: type.mime, sha256 });
    },
  );

  app.get(
    '/api/v1/files/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['files'], summary: 'Download a file you uploaded or may see through a case', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const f = await openStoredFile(deps.db, deps.store, req.params.id);
      if (!f) throw FileErrors.FILE_NOT_FOUND();
      let allowed = f.meta.owner_id === actor.id;
      for (const check of deps.accessChecks) if (!allowed) allowed = await check(actor, f.meta.id);
      if (!allowed) throw FileErrors.FILE_NOT_FOUND();
      return sendStoredFile(reply, f, 'private, max-age=3600');
    },
  );
}
