import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { compactVerify, createLocalJWKSet } from 'jose';
import { chineseDay } from './render.ts';

let t: TestApp;
let company: Session, citizen: Session;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [company, citizen] = await Promise.all(['company', 'citizen'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t?.close());

/** poppler-utils (pdftotext, pdfimages) where installed; the PDF checks are skipped without them. */
const POPPLER = ['pdftotext', 'pdfimages'].every((tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).status === 0);
/** zbarimg (zbar-tools) and pdftoppm, to read the printed QR code back as a phone would; skipped without them. */
const ZBAR = POPPLER && spawnSync('zbarimg', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;

/** Run a poppler tool on the PDF: its text (white space removed; Chinese lines wrap anywhere) and its image list. */
function inspect(pdf: Buffer): { text: string; images: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-pdf-'));
  try {
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, pdf);
    return {
      text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
      images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the license as a PDF', () => {
  it('dates read as on paper', () => {
    expect(chineseDay('2026-03-02')).toBe('2026年3月2日');
    expect(chineseDay(null)).toBe('长期');
  });

  it.runIf(POPPLER)('has the type, number, labelled face, issuer, dates, seal, identifier, the QR image and how to verify', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/licenses', headers: { cookie: company.cookie } })).json().licenses;
    const bl = list.find((l: { typeName: string }) => l.typeName === '营业执照');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/me/licenses/${bl.ref}`, headers: { cookie: company.cookie } })).json();
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/me/licenses/${bl.ref}/license.pdf`, headers: { cookie: company.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toContain('no-store');
    const { text, images } = inspect(r.rawPayload);
    if (process.env.LICENSE_PDF_OUT) fs.writeFileSync(process.env.LICENSE_PDF_OUT, r.rawPayload);
    for (const s of ['营业执照', detail.number, detail.issuerName, detail.identifier, '泰州市市场监督管理局电子证照专用章', '2023年3月15日至长期', '如何核验', '用手机扫描左侧二维码', detail.template.footer]) expect(text).toContain(squash(s));
    for (const f of detail.face as Array<{ label: string; value: string }>) {
      expect(text).toContain(squash(f.label));
      expect(text).toContain(squash(f.value));
    }
    // One image: the QR code (square, grey or 1-bit), large enough to scan.
    const rows = images.trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image'); // not its alpha mask
    expect(rows).toHaveLength(1);
    const [width, height] = [Number(rows[0]![3]), Number(rows[0]![4])];
    expect(width).toBe(height);
    expect(width).toBeGreaterThan(100);
  });

  it.runIf(ZBAR)('its QR code, rendered at 150 dpi, reads back as the verification link with a signed payload', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/licenses', headers: { cookie: company.cookie } })).json().licenses;
    const ref = list.find((l: { typeName: string }) => l.typeName === '营业执照').ref;
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/me/licenses/${ref}/license.pdf`, headers: { cookie: company.cookie, host: 'portal.example.test' } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-qr-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.pdf'), r.rawPayload);
      // 150 dpi: one QR module is under 3 pixels, coarser than a phone camera sees a printed page.
      execFileSync('pdftoppm', ['-r', '150', '-png', path.join(dir, 'a.pdf'), path.join(dir, 'page')]);
      const page = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
      const read = execFileSync('zbarimg', ['-q', '--raw', path.join(dir, page)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      const [link, jws] = read.split('#');
      expect(link).toBe(`http://portal.example.test/licenses/verify/${ref}`);
      const jwks = createLocalJWKSet((await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json());
      const { payload } = await compactVerify(jws!, jwks);
      expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ ref, t: '营业执照' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(POPPLER)('says so when the license is no longer valid', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/licenses', headers: { cookie: company.cookie } })).json().licenses;
    const ref = list.find((l: { typeName: string }) => l.typeName === '营业执照').ref;
    const admin = await loginAs(t.app, 'admin');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${ref}/actions`, headers: admin.headers, payload: { action: 'suspend', reason: '测试暂停使用' } })).statusCode).toBe(200);
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/me/licenses/${ref}/license.pdf`, headers: { cookie: company.cookie } });
    expect(inspect(r.rawPayload).text).toContain('证照状态：暂停使用');
  });

  it('only for its holder: anyone else gets a 404, nobody signed in a 401', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/licenses', headers: { cookie: company.cookie } })).json().licenses;
    const ref = list[0].ref;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/me/licenses/${ref}/license.pdf`, headers: { cookie: citizen.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/me/licenses/${ref}/license.pdf` })).statusCode).toBe(401);
  });
});
