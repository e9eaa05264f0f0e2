import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/db.ts';
import { renderGuidePdf } from './guide-pdf.ts';
import * as service from './service.ts';

/** The body is bytes (a Buffer bypasses the serializer); the schema only documents it. */
const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

const ImplCodeParam = Type.Object({ implCode: Type.String({ minLength: 1, maxLength: 64, description: 'Implementation code' }) });

/** Browsers and proxies may keep a guide for 10 minutes; after that they revalidate with the ETag (one per version). */
const CACHE_CONTROL = 'public, max-age=600, must-revalidate';

/** RFC 8187 `filename*` value: UTF-8, percent-encoded beyond attr-char. */
export function encodeFilename(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Characters that have no place in a file name. */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'guide';
}

/** The web portal's page of the item on the host the caller used (the guide prints it); none for an odd Host header. */
function onlineGuideUrl(protocol: string, host: string | undefined, implCode: string): string | undefined {
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return undefined;
  return `${protocol}://${host}/items/${encodeURIComponent(implCode)}`;
}

/** Rendered guides by implCode@version: one render per published version while it stays in this small cache. */
const MAX_CACHED = 32;
const rendered = new Map<string, Promise<Buffer>>();

function renderCached(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const hit = rendered.get(key);
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const p = render();
  rendered.set(key, p);
  p.catch(() => rendered.delete(key));
  while (rendered.size > MAX_CACHED) rendered.delete(rendered.keys().next().value!);
  return p;
}

export async function guideRoutes(app: App, deps: { db: Db }) {
  app.get(
    '/api/v1/public/items/:implCode/guide.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'The printable service guide (办事指南) of a published item, as a PDF in Chinese',
        params: ImplCodeParam,
        produces: ['application/pdf'],
        response: {
          200: { description: 'PDF document (A4)', content: { 'application/pdf': { schema: PdfBody } } },
          304: { description: 'Not modified: the published version is the one the caller has', type: 'null' },
          404: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const item = await service.getPublicDetail(deps.db, req.params.implCode);
      const etag = `"guide-${item.implCode}-v${item.version}"`;
      reply.header('cache-control', CACHE_CONTROL);
      reply.header('etag', etag);
      if (item.publishedAt) reply.header('last-modified', new Date(item.publishedAt).toUTCString());
      const inm: string = String(req.headers['if-none-match'] ?? '');
      if (inm.split(',').some((t: string) => t.trim().replace(/^W\//, '') === etag)) return reply.status(304).send(null);
      const url = onlineGuideUrl(req.protocol, req.host, item.implCode);
      const pdf = await renderCached(`${url ?? ''}|${item.implCode}@${item.version}`, () => renderGuidePdf(item, { url }));
      const file = `${safeName(item.name)}办事指南.pdf`;
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="${item.implCode}.pdf"; filename*=UTF-8''${encodeFilename(file)}`);
      return reply.send(pdf);
    },
  );
}
