import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// ADR 0007: npm start runs from Node's compile cache so that the server never loads the TypeScript stripper.
const root = path.resolve(import.meta.dirname, '../..');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-compile-cache-'));
afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

/** Which of Node's internal modules a fresh process loaded after importing the server's composition root. */
function strippersLoaded(env: NodeJS.ProcessEnv): string[] {
  const script = `await import(${JSON.stringify(path.join(root, 'server/src/app.ts'))}); process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => m.includes('amaro'))));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out) as string[];
}

describe('compile cache (main.ts compile-cache)', () => {
  it('fills the cache so that a process loading the whole server never loads the TypeScript stripper', () => {
    const { NODE_COMPILE_CACHE: _, ...without } = process.env;
    expect(strippersLoaded(without)).not.toEqual([]); // without the cache, it does
    const env = { ...without, NODE_COMPILE_CACHE: cacheDir };
    execFileSync(process.execPath, [path.join(root, 'server/src/main.ts'), 'compile-cache'], { cwd: root, env, timeout: 60_000 });
    expect(fs.readdirSync(cacheDir).length).toBeGreaterThan(0);
    expect(strippersLoaded(env)).toEqual([]);
  }, 120_000);
});

describe('libraries imported on first use (ADR 0007)', () => {
  it('a process loading the whole server has not loaded the PDF, mail, SM2, JOSE, QR or OIDC libraries', () => {
    const script = `
      import { registerHooks } from 'node:module';
      const seen = [];
      registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });
      await import(${JSON.stringify(path.join(root, 'server/src/app.ts'))});
      process.stdout.write(JSON.stringify(seen));`;
    const urls = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 })) as string[];
    expect(urls.some((u) => u.endsWith('server/src/app.ts'))).toBe(true); // the hook saw the server load
    const heavy = urls.filter((u) => /node_modules\/(sm-crypto-v2|@noble|jose|qrcode|pdfkit|fontkit|nodemailer|oidc-provider|koa)\//.test(u));
    expect(heavy).toEqual([]);
  }, 60_000);
});
