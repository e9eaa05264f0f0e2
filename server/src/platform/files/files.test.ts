import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { multipart } from '../../testing/fixtures.ts';
import { samplePdf } from '../../seed/seed.ts';

let t: TestApp;
let citizen: Session;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  citizen = await loginAs(t.app, 'citizen');
});
afterAll(() => t.close());

const upload = (content: Buffer, filename: string, s: Session | null = citizen) => {
  const { payload, contentType } = multipart('file', filename, content);
  return t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...(s?.headers ?? {}), 'content-type': contentType }, payload });
};

describe('POST /api/v1/files', () => {
  it('forbidden without a session', async () => {
    const res = await upload(samplePdf('x'), 'a.pdf', null);
    expect(res.statusCode).toBe(401);
  });

  it('stores a PDF, typed from its content and addressed by SHA-256', async () => {
    const pdf = samplePdf('hello');
    const res = await upload(pdf, 'renamed.png');
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f.mime).toBe('application/pdf');
    expect(f.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(f.size).toBe(pdf.length);
  });

  it('refuses content that is not an accepted format, whatever its name says', async () => {
    const res = await upload(Buffer.from('#!/bin/sh\necho pwned\n'), 'innocent.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(res.json().error.message).toContain('PDF');
  });

  it('refuses an empty file and a request without a file', async () => {
    expect((await upload(Buffer.alloc(0), 'empty.pdf')).statusCode).toBe(400);
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...citizen.headers, 'content-type': 'application/json' }, payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('FILE_MISSING');
  });
});
