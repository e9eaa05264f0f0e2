import { randomUUID } from 'node:crypto';
import type { App } from '../platform/http/server.ts';
import type { Session } from './app.ts';
import { samplePdf } from '../seed/seed.ts';

type FieldDef = { type: string; title: string; enum?: string[]; format?: string };

/** Values for every field of a form schema that pass its rules. */
export function fillForm(schema: { properties: Record<string, FieldDef>; required: string[] }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema.properties)) {
    out[k] = f.enum ? f.enum[0] : f.type === 'boolean' ? true : f.type === 'integer' || f.type === 'number' ? 3 : f.format === 'date' ? '2026-03-02' : `测试${f.title}`.slice(0, 20);
  }
  return out;
}

export async function uploadPdf(app: App, s: Session, name = '经营场所使用证明.pdf'): Promise<{ id: string; sha256: string; mime: string }> {
  const boundary = '----tongbanTest';
  const pdf = samplePdf('test material');
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode} ${res.body}`);
  return res.json();
}

export function multipart(field: string, filename: string, content: Buffer): { payload: Buffer; contentType: string } {
  const boundary = '----tongbanTest' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export type PublicItemForm = { form: { properties: Record<string, FieldDef>; required: string[] }; materials: Array<{ code: string; necessity: string }> };

/** A complete application for an item (its public JSON): a filled form and a freshly uploaded PDF per required material. */
export async function applicationFor(app: App, s: Session, implCode: string, item: PublicItemForm) {
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required')) materials.push({ code: m.code, fileId: (await uploadPdf(app, s)).id });
  return { implCode, form: fillForm(item.form), materials };
}

/** `POST /api/v1/cases` as `s` with an Idempotency-Key (a fresh one unless given). */
export function postCase(app: App, s: Session, payload: object, key: string = randomUUID()) {
  return app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...s.headers, 'idempotency-key': key }, payload });
}
