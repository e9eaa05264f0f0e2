import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import os from 'node:os';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { keyVaultFromEnv } from '../../platform/crypto/index.ts';
import { makeCreditCode } from '../../platform/codes/index.ts';
import { decodeCsv, parseCsv, toCsv } from '../../platform/csv/csv.ts';
import { parseDay, sealImport, sealNextBatch } from './legacy.ts';
import { registerLicenseHandlers } from './handlers.ts';
import { sampleLegacyRows, SAMPLE_DEFECTS } from './legacy-sample.ts';
import type { FaceField } from './tables.ts';
import type { LicenseDeps } from './issue.ts';

let t: TestApp;
let deps: LicenseDeps;
let admin: Session, reviewer: Session;
let type: { code: string; name: string; face_fields: FaceField[] };
let issuerCode: string;
let company: { credit_code: string; id: string };

beforeAll(async () => {
  t = await createTestApp();
  deps = { db: t.db, vault: keyVaultFromEnv(os.tmpdir()) };
  [admin, reviewer] = await Promise.all(['admin', 'reviewer'].map((u) => loginAs(t.app, u)));
  type = (await t.db.selectFrom('license_type').select(['code', 'name', 'face_fields']).where('name', '=', '食品经营许可证').executeTakeFirstOrThrow()) as typeof type;
  issuerCode = (await t.db.selectFrom('org').select('credit_code').where('key', '=', 'scjgj').executeTakeFirstOrThrow()).credit_code;
  company = (await t.db.selectFrom('account').select(['id', 'credit_code']).where('username', '=', 'company').executeTakeFirstOrThrow()) as typeof company;
});
afterAll(() => t?.close());

function form(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----tongbanLegacy' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { ...admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (content: Buffer, name = 'register.csv', typeCode = type.code, as = admin) => {
  const f = form({ licenseTypeCode: typeCode }, { name, content });
  return t.app.inject({ method: 'POST', url: '/api/v1/license-imports', headers: { ...f.headers, ...as.headers }, payload: f.payload });
};
const get = (url: string, s = admin) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const csvOf = (header: string[], rows: string[][]) => Buffer.from(toCsv([header, ...rows]), 'utf8');
const licensesOf = async (importId: string) =>
  Number((await sql<{ n: string }>`select count(*) n from license l join license_import_row r on r.license_id = l.id where r.import_id = ${importId}`.execute(t.db)).rows[0]!.n);

describe('CSV and dates', () => {
  it('reads quoted fields with commas, quotes and line breaks; UTF-8 with a BOM and GB18030', () => {
    const text = 'a,"b,1","say ""hi""","two\r\nlines"\r\n\r\nx,,z\n';
    expect([...parseCsv(text)]).toEqual([['a', 'b,1', 'say "hi"', 'two\r\nlines'], ['x', '', 'z']]);
    expect(decodeCsv(Buffer.from('\ufeff张三,1', 'utf8'))).toEqual({ text: '张三,1', encoding: 'utf-8' });
    // 张三 in GB18030 (GBK): D5C5 C8FD
    expect(decodeCsv(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31]))).toEqual({ text: '张三,1', encoding: 'gb18030' });
    expect([...parseCsv(toCsv([['=cmd', 'a"b', '甲,乙']]).slice(1))]).toEqual([["'=cmd", 'a"b', '甲,乙']]);
  });

  it('reads back whatever it writes (any text, commas, quotes, line breaks), and odd endings', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '张', ',', '"', '\n', '\r\n', ' ', '1') }).filter((x) => !/^[=+\-@]/.test(x));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
      expect([...parseCsv(toCsv(rows).slice(1))]).toEqual(rows);
    }));
    expect([...parseCsv('a,\nb,"unterminated\nrest')]).toEqual([['a', ''], ['b', 'unterminated\nrest']]);
    expect([...parseCsv('"x"y,z')]).toEqual([['xy', 'z']]);
  });

  it('reads the date forms clerks write, and refuses impossible dates', () => {
    expect(['2019-05-01', '2019/5/1', '2019.5.1', '2019年5月1日', '20190501', 43586].map(parseDay)).toEqual(Array(6).fill('2019-05-01'));
    expect(['2019-02-30', '去年', '19-5-1', ''].map(parseDay)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('legacy import', () => {
  it('validates every line: good lines are staged, bad ones rejected with a reason naming the problem', async () => {
    const { header, rows, bad } = sampleLegacyRows(type.face_fields, 60, { issuerCode, badEvery: 5, numberPrefix: 'VAL' });
    // One line for the demo company: its license must land in its wallet.
    rows[0]![0] = '泰州示范企业'; rows[0]![1] = company.credit_code; rows[0]![5] = '长期';
    const r = await upload(csvOf(header, rows));
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toMatchObject({ total: 60, accepted: 60 - bad.length, rejected: bad.length });
    const id = r.json().id;

    const report = await get(`/api/v1/license-imports/${id}/rejects.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = [...parseCsv(decodeCsv(report.rawPayload).text)];
    expect(lines[0]!.slice(0, 3)).toEqual(['行号', '不能导入的原因', header[0]]);
    expect(lines.slice(1).map((l) => Number(l[0]))).toEqual(bad);
    for (const [k, l] of lines.slice(1).entries()) expect(l[1]).toContain(SAMPLE_DEFECTS[k % SAMPLE_DEFECTS.length]!.expect);
    expect(lines[1]!.slice(2)).toEqual(rows[bad[0]! - 2]); // the line as it was in the file
    const onScreen = (await get(`/api/v1/license-imports/${id}/rejects`)).json().rejects;
    expect(onScreen.map((r: { rowNo: number }) => r.rowNo)).toEqual(bad);
    expect(onScreen[0].reason).toBe(lines[1]![1]);

    const progress = (await get(`/api/v1/license-imports/${id}`)).json();
    expect(progress).toMatchObject({ state: 'sealing', sealed: 0, accepted: 60 - bad.length, typeName: '食品经营许可证' });

    await sealImport(deps, id);
    expect((await get(`/api/v1/license-imports/${id}`)).json()).toMatchObject({ state: 'done', sealed: 60 - bad.length, rejected: bad.length });
    expect(await licensesOf(id)).toBe(60 - bad.length);
    // Sealed with the original number, source legacy, verifiable by anyone, in the holder's wallet.
    const mine = (await get('/api/v1/me/licenses', await loginAs(t.app, 'company'))).json().licenses;
    const imported = mine.find((l: { number: string }) => l.number === rows[0]![3]);
    expect(imported).toMatchObject({ typeName: '食品经营许可证', issuedAt: expect.stringMatching(/^20/) });
    const v = (await t.app.inject({ method: 'GET', url: `/api/v1/public/licenses/${imported.ref}/verification` })).json();
    expect(v).toMatchObject({ valid: true, checks: { signature: true, identifier: true } });
    const row = await t.db.selectFrom('license').select(['source', 'holder_account_id', 'valid_from', 'face']).where('ref', '=', imported.ref).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'legacy', holder_account_id: company.id });
    expect(row.face).toMatchObject({ operator: '泰州示范企业', creditCode: company.credit_code, authority: expect.stringContaining('市场监督管理局') });

    // The same file again: nothing new, every line a duplicate.
    const again = await upload(csvOf(header, rows));
    expect(again.json()).toMatchObject({ accepted: 0, rejected: 60 });
    expect((await get(`/api/v1/license-imports/${again.json().id}`)).json().state).toBe('done');
  });

  it('a crash mid-batch loses nothing and seals nothing twice; parallel runners share the work', async () => {
    const { header, rows } = sampleLegacyRows(type.face_fields, 45, { issuerCode, numberPrefix: 'CRASH' });
    const id = (await upload(csvOf(header, rows))).json().id;
    expect(await sealNextBatch(deps, id, { size: 10 })).toBe(10);
    // The process dies after writing (and signing) a batch, before its commit.
    await expect(sealNextBatch(deps, id, { size: 10, beforeCommit: async () => { throw new Error('power cut'); } })).rejects.toThrow('power cut');
    expect(await licensesOf(id)).toBe(10);
    expect((await get(`/api/v1/license-imports/${id}`)).json()).toMatchObject({ sealed: 10, state: 'sealing' });
    // A runner hangs with a batch open (its lines locked), then is killed: its lines go back to pending.
    let release!: () => void;
    const hung = sealNextBatch(deps, id, { size: 5, beforeCommit: () => new Promise<void>((_, reject) => (release = () => reject(new Error('killed')))) });
    await new Promise((r) => setTimeout(r, 200));
    release();
    await expect(hung).rejects.toThrow('killed');
    expect(await licensesOf(id)).toBe(10);
    // The sweep (handlers.ts) resumes the import, here alongside a second runner: they take different lines.
    const ticks: Array<() => Promise<unknown>> = [];
    registerLicenseHandlers({ on: () => {}, tick: (_ms, h) => ticks.push(h) }, deps);
    await Promise.all([ticks[0]!(), sealImport(deps, id, { size: 4 })]);
    expect(await licensesOf(id)).toBe(45);
    expect((await get(`/api/v1/license-imports/${id}`)).json()).toMatchObject({ sealed: 45, accepted: 45, state: 'done' });
    const perNumber = await sql<{ n: string }>`select count(*) n from license where type_code = ${type.code} and number like 'CRASH%' group by number having count(*) > 1`.execute(t.db);
    expect(perNumber.rows).toEqual([]);
    const serials = await sql<{ n: string }>`select count(distinct serial) n from license where number like 'CRASH%'`.execute(t.db);
    expect(Number(serials.rows[0]!.n)).toBe(45);
  });

  it('imports an .xlsx filled from the downloaded template, with an ID stored as a number named as such', async () => {
    const tpl = await get(`/api/v1/license-imports/template.xlsx?typeCode=${type.code}`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-disposition']).toContain('filename*=UTF-8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('证照')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['持证主体名称*', '持证主体代码*', '发证机关统一社会信用代码*', '证照编号*', '发证日期*', '有效期至*']);
    expect(header).toContain('经营场所'); // a face field filled from the form when issued from a case
    expect(header).not.toContain('有效期至'); // …but not one the platform fills itself
    const { rows } = sampleLegacyRows(type.face_fields, 3, { issuerCode, numberPrefix: 'XLSX' });
    rows.forEach((r, i) => ws.addRow([...r.slice(0, 4), new Date(Date.UTC(2020, i, 15)), ...r.slice(5)]));
    ws.getCell('B4').value = 913212021234567000; // Excel turned the code into a number
    const r = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'register.xlsx');
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toMatchObject({ total: 3, accepted: 2, rejected: 1 });
    const report = [...parseCsv(decodeCsv((await get(`/api/v1/license-imports/${r.json().id}/rejects.csv`)).rawPayload).text)];
    expect(report[1]![1]).toContain('当成了数字');
    await sealImport(deps, r.json().id);
    const l = await t.db.selectFrom('license').select(['valid_from', 'issued_at']).where('number', '=', rows[0]![3]!).executeTakeFirstOrThrow();
    expect(l.valid_from).toBe('2020-01-15');
    expect((await get('/api/v1/license-imports')).json().imports.map((i: { id: string }) => i.id)).toContain(r.json().id);
  });

  it('lines whose seal was retired after staging are rejected with the reason, not left hanging', async () => {
    const { header, rows } = sampleLegacyRows(type.face_fields, 4, { issuerCode, numberPrefix: 'RETIRED' });
    const id = (await upload(csvOf(header, rows))).json().id;
    const orgId = (await t.db.selectFrom('org').select('id').where('credit_code', '=', issuerCode).executeTakeFirstOrThrow()).id;
    await t.db.updateTable('seal').set({ status: 'retired' }).where('org_id', '=', orgId).execute();
    try {
      await sealImport(deps, id);
    } finally {
      await t.db.updateTable('seal').set({ status: 'active' }).where('org_id', '=', orgId).execute();
    }
    expect((await get(`/api/v1/license-imports/${id}`)).json()).toMatchObject({ state: 'done', accepted: 0, sealed: 0, rejected: 4 });
    const reasons = (await get(`/api/v1/license-imports/${id}/rejects`)).json().rejects.map((r: { reason: string }) => r.reason);
    expect(reasons).toHaveLength(4);
    for (const r of reasons) expect(r).toContain('电子印章在盖章前停用或过期');
  });

  it('whole-file problems are clear 4xx answers; only license administrators import', async () => {
    const { header, rows } = sampleLegacyRows(type.face_fields, 2, { issuerCode, numberPrefix: 'ERR' });
    const code = async (res: Awaited<ReturnType<typeof upload>>) => [res.statusCode, res.json().error?.code];
    expect(await code(await upload(csvOf(header.slice(1), rows.map((r) => r.slice(1)))))).toEqual([400, 'FILE_COLUMN_MISSING']);
    expect(await code(await upload(csvOf(header, rows), 'x.csv', makeCreditCode('1', '1', '100000', '00000001') + '999'))).toEqual([404, 'LICENSE_TYPE_NOT_FOUND']);
    expect(await code(await upload(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2])))).toEqual([415, 'FILE_NOT_SUPPORTED']);
    expect(await code(await upload(csvOf(header, [])))).toEqual([400, 'FILE_NO_ROWS']);
    expect(await code(await upload(Buffer.from('PK\x03\x04garbage')))).toEqual([400, 'FILE_UNREADABLE']);
    const noType = form({}, { name: 'a.csv', content: csvOf(header, rows) });
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/license-imports', headers: noType.headers, payload: noType.payload });
    expect([r.statusCode, r.json().error.code]).toEqual([400, 'TYPE_REQUIRED']);
    const twoFiles = form({ licenseTypeCode: type.code }, { name: 'a.csv', content: csvOf(header, rows) });
    const second = Buffer.from(twoFiles.payload.toString('latin1').replace(/--(\S+)--\r\n$/, (_, b: string) => `--${b}\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\n\r\nx\r\n--${b}--\r\n`), 'latin1');
    const two = await t.app.inject({ method: 'POST', url: '/api/v1/license-imports', headers: twoFiles.headers, payload: second });
    expect([two.statusCode, two.json().error.code]).toEqual([400, 'FORM_INVALID']);
    expect((await upload(csvOf(header, rows), 'a.csv', type.code, reviewer)).statusCode).toBe(403);
    expect((await get('/api/v1/license-imports', reviewer)).statusCode).toBe(403);
    expect((await get('/api/v1/license-imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
