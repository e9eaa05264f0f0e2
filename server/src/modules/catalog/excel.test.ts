import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { multipart } from '../../testing/fixtures.ts';
import { makeBaseCode, makeCreditCode, makeImplCode, validateImplCode, type ItemKind } from '../../platform/codes/index.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ITEMS, zipUnpackedSize } from './routes.excel.ts';
import { exportItemsXlsx, parseItemsXlsx, templateXlsx, decodeTextList, encodeTextList, SHEET_NAMES, NONE_MARK } from './excel.ts';
import type { ItemDocument } from './schema.ts';

const credit = makeCreditCode('1', '1', '321200', 'MB1234XY');

function code(kind: ItemKind, main: number, level: '3' | '4' = '3', creditCode = credit) {
  const baseCode = makeBaseCode({ source: '00', kind, department: '12', main, sub: 1 });
  return { baseCode, implCode: makeImplCode(creditCode, level, baseCode), kind, exerciseLevel: level };
}

/** Every element of the document filled in, with values chosen to trip naive encodings. */
function fullDocument(): ItemDocument {
  return {
    name: '食品经营许可（新办）',
    ...code('01', 7),
    regionCode: '321200',
    agencyNature: 'statutory',
    entrustedAgencies: [],
    jointAgencies: ['市卫生健康委员会', '含分号；的机构'],
    serviceObjects: ['person', 'entity'],
    serviceObjectTypes: ['enterprise', 'natural_person'],
    legalBasis: [{ title: '《中华人民共和国食品安全法》', article: '第三十五条', docNo: '主席令第二十一号' }, { title: '《食品经营许可管理办法》' }],
    conditions: ['有与经营的食品品种相适应的场所', NONE_MARK, ' 前后有空格 '],
    steps: [{ name: '受理', description: '', days: 0 }, { name: '决定', description: '作出决定\n第二行' }],
    statutoryDays: 20,
    statutoryNote: '',
    committedDays: 5,
    committedNote: '材料齐全的',
    limitNote: '不含现场核查时间',
    specialProcedures: [],
    caseType: 'commitment',
    handlingForms: ['window', 'pc', 'self_service'],
    onlineDepth: [1, 2, 4],
    visitsRequired: 1,
    visitReason: '现场核验原件',
    fees: [
      { name: '工本费', amountFen: 1234, standard: '每证 12.34 元', basis: '苏价费〔2020〕1 号', waiver: '低保户免收' },
      { name: '大额', amountFen: 999_999_999_999, basis: '依据' },
    ],
    materials: [
      {
        code: 'M01',
        name: '食品经营许可申请书',
        type: 'form',
        necessity: 'required',
        source: 'applicant',
        form: 'both',
        paper: { original: 1, copy: 0 },
        notes: '签字盖章',
        acceptanceStandard: '内容完整',
        legalBasis: '办法第十二条',
        blankForm: { fileId: '0190a7a4-0000-7000-8000-000000000001', name: '申请书.docx' },
        sample: { fileId: '0190a7a4-0000-7000-8000-000000000002', name: '样表.pdf' },
        licenseTypeCode: '001',
        obtainable: false,
      },
      { code: 'M02', name: '营业执照', necessity: 'deferrable', source: 'government', issuingDept: '市场监督管理局', form: 'electronic', paper: { original: 0, copy: 2 }, obtainable: true },
    ],
    form: {
      type: 'object',
      properties: {
        shopName: { type: 'string', title: '店名', description: '门头名称', maxLength: 50, 'x-prefill': 'entityName' },
        area: { type: 'number', title: '经营面积', minimum: 0.5 },
        category: { type: 'string', title: '类别', enum: ['热食', '冷食；凉菜', ''], 'x-ui': { widget: 'radio' } },
        openDate: { type: 'string', title: '开业日期', format: 'date', 'x-ui': {} },
        agree: { type: 'boolean', title: '同意' },
        '2': { type: 'integer', title: '人数', minimum: -3 },
      },
      required: ['category', 'shopName'],
      'x-order': ['shopName', 'area', 'category', 'openDate', 'agree', '2'],
    },
    hall: { address: '泰州市政务服务中心一楼', hours: '周一至周五 9:00-17:00', window: '', traffic: '1 路公交' },
    contacts: { consult: '0523-86888888', complaint: '12345' },
    result: { type: 'license', name: '食品经营许可证', sample: { fileId: '0190a7a4-0000-7000-8000-000000000003', name: '证照样本.pdf' } },
    intermediaryServices: [{ name: '检测报告', provider: '有资质的检测机构', basis: '依据', feeNote: '市场调节价' }],
    topics: [],
    lifeEvents: ['开办企业'],
    tongbanScope: 'province',
    features: { appointment: true, express: false, onlinePayment: true, selfService: false },
    faq: [{ q: '要多久？', a: '5 个工作日' }],
    keywords: ['开饭店', '[急]办', '["x"]', ' 空格'],
  };
}

/** Only what is required, every optional element absent and every list empty. */
function minimalDocument(): ItemDocument {
  return {
    name: '最简事项',
    ...code('20', 8, '4'),
    regionCode: '321200',
    serviceObjects: ['person'],
    legalBasis: [],
    conditions: [],
    steps: [],
    statutoryDays: 0,
    committedDays: 0,
    caseType: 'instant',
    onlineDepth: [],
    visitsRequired: 0,
    fees: [],
    materials: [],
    form: { type: 'object', properties: {}, required: [], 'x-order': [] },
    hall: { address: '地址', hours: '时间' },
    contacts: { consult: '1', complaint: '2' },
    result: { type: 'other', name: '结果' },
    topics: [],
    keywords: [],
  };
}

async function workbookOf(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let at = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) at = n;
  });
  if (!at) throw new Error(`no column ${header} on ${ws.name}`);
  return at;
}

describe('workbook layout and parsing (no database)', () => {
  it('round trips every element of a document exactly, and a minimal one', async () => {
    const docs = [fullDocument(), minimalDocument()];
    const { docs: back, errors } = await parseItemsXlsx(await exportItemsXlsx(docs));
    expect(errors).toEqual([]);
    expect(back).toStrictEqual(docs);
  });

  it('keeps the order of required form fields when it differs from the display order', async () => {
    const doc = fullDocument();
    doc.form.required = ['shopName', 'category'];
    const same = await parseItemsXlsx(await exportItemsXlsx([doc]));
    expect(same.docs[0]!.form).toStrictEqual(doc.form);
    doc.form.required = ['category', '2', 'shopName'];
    const reordered = await parseItemsXlsx(await exportItemsXlsx([doc]));
    expect(reordered.docs[0]!.form).toStrictEqual(doc.form);
  });

  it('encodes lists in one cell readably, and falls back to JSON only when needed', () => {
    expect(encodeTextList(['户籍', '生育收养'], false)).toBe('户籍；生育收养');
    expect(decodeTextList('户籍;生育收养\n设立变更')).toEqual(['户籍', '生育收养', '设立变更']);
    expect(encodeTextList(['a；b'], false)).toBe('["a；b"]');
    expect(encodeTextList([], true)).toBe(NONE_MARK);
    expect(encodeTextList([], false)).toBe(null);
  });

  it('the template has every sheet, explains itself and holds no items', async () => {
    const buf = await templateXlsx();
    const wb = await workbookOf(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEET_NAMES);
    const guide = wb.getWorksheet('说明')!;
    const text: string[] = [];
    guide.eachRow((r) => r.eachCell((c) => text.push(String(c.value))));
    expect(text.join('\n')).toContain('网上办理深度');
    expect(text.join('\n')).toContain('承诺件');
    expect(await parseItemsXlsx(buf)).toEqual({ docs: [], errors: [] });
  });

  it('accepts what staff type: labels or codes, numbers Excel made of codes, yes/no in several spellings', async () => {
    const doc = minimalDocument();
    const wb = await workbookOf(await exportItemsXlsx([doc]));
    const ws = wb.getWorksheet('事项')!;
    ws.getRow(2).getCell(columnOf(ws, '事项类型(代码)')).value = 20; // Excel dropped the leading zero
    ws.getRow(2).getCell(columnOf(ws, '行使层级')).value = 4;
    ws.getRow(2).getCell(columnOf(ws, '实施主体性质')).value = '法律法规授权组织';
    ws.getRow(2).getCell(columnOf(ws, '办件类型')).value = 'instant';
    ws.getRow(2).getCell(columnOf(ws, '网上办理深度')).value = '1，2、4';
    ws.getRow(2).getCell(columnOf(ws, '服务对象')).value = '自然人,法人';
    ws.getRow(2).getCell(columnOf(ws, '可预约')).value = true;
    for (const h of ['快递送达', '网上支付', '自助终端']) ws.getRow(2).getCell(columnOf(ws, h)).value = 'N';
    const { docs, errors } = await parseItemsXlsx(await bufferOf(wb));
    expect(errors).toEqual([]);
    expect(docs[0]).toMatchObject({ kind: '20', exerciseLevel: '4', agencyNature: 'authorized', caseType: 'instant', onlineDepth: [1, 2, 4], serviceObjects: ['person', 'entity'], features: { appointment: true, express: false, onlinePayment: false, selfService: false } });
  });

  it('reports each problem with sheet, row, column and a Chinese message, and returns only clean items', async () => {
    const good = minimalDocument();
    const bad = fullDocument();
    const wb = await workbookOf(await exportItemsXlsx([bad, good]));
    const items = wb.getWorksheet('事项')!;
    items.getRow(2).getCell(columnOf(items, '法定时限(工作日)')).value = '二十';
    items.getRow(2).getCell(columnOf(items, '可预约')).value = null;
    const materials = wb.getWorksheet('材料')!;
    materials.getRow(3).getCell(columnOf(materials, '必要性')).value = '可能需要';
    materials.getRow(3).getCell(columnOf(materials, '材料编码')).value = 'M01';
    materials.addRow([code('01', 99).implCode, 'M09', '孤儿材料', null, '必要', '申请人自备', null, '纸质']);
    const { docs, errors } = await parseItemsXlsx(await bufferOf(wb));
    expect(docs).toStrictEqual([good]);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '事项', row: 2, column: '法定时限(工作日)', message: expect.stringContaining('整数') }),
        expect.objectContaining({ sheet: '事项', row: 2, column: '可预约', message: expect.stringContaining('同时填写') }),
        expect.objectContaining({ sheet: '材料', row: 3, column: '必要性', message: expect.stringContaining('必要、非必要、容缺后补') }),
        expect.objectContaining({ sheet: '材料', row: 3, column: '材料编码', message: expect.stringContaining('重复') }),
        expect.objectContaining({ sheet: '材料', row: 4, column: '实施编码', message: expect.stringContaining('不存在') }),
      ]),
    );
  });

  it('checks codes with the platform validators and against each other', async () => {
    const doc = minimalDocument();
    const wb = await workbookOf(await exportItemsXlsx([doc, { ...minimalDocument(), ...code('20', 9, '4') }]));
    const ws = wb.getWorksheet('事项')!;
    const implCode = doc.implCode;
    const broken = implCode.slice(0, 17) + (implCode[17] === '0' ? '1' : '0') + implCode.slice(18);
    ws.getRow(2).getCell(columnOf(ws, '实施编码')).value = broken;
    ws.getRow(3).getCell(columnOf(ws, '事项类型(代码)')).value = '01';
    ws.getRow(3).getCell(columnOf(ws, '区划代码')).value = '999999';
    const { errors } = await parseItemsXlsx(await bufferOf(wb));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '实施编码', message: expect.stringContaining('校验位') }),
        expect.objectContaining({ row: 3, column: '事项类型(代码)', message: expect.stringContaining('不一致') }),
        expect.objectContaining({ row: 3, column: '区划代码' }),
      ]),
    );
  });

  it('a file that is not a workbook, or lacks the item sheet, is an error, not an exception', async () => {
    expect((await parseItemsXlsx(Buffer.from('not a workbook'))).errors[0]!.message).toMatch(/xlsx/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    expect((await parseItemsXlsx(await bufferOf(wb))).errors[0]!.message).toMatch(/缺少工作表“事项”/);
  });
});

// ---------------------------------------------------------------------------------------------------------------

let t: TestApp;
let catalog: Session;
let clerk: Session;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [catalog, clerk] = await Promise.all([loginAs(t.app, 'catalog'), loginAs(t.app, 'clerk')]);
});
afterAll(() => t?.close());

function upload(s: Session, content: Buffer, filename = '事项导入.xlsx') {
  const { payload, contentType } = multipart('file', filename, content);
  return t.app.inject({ method: 'POST', url: '/api/v1/catalog/imports', headers: { ...s.headers, 'content-type': contentType }, payload });
}

type Job = { id: string; status: string; total: number; processed: number; errors: Array<{ sheet: string; row: number; column?: string; message: string }> };

/** Poll the job until it ends; returns it with every `processed` value seen. */
async function waitForJob(id: string): Promise<{ job: Job; seen: number[] }> {
  const seen: number[] = [];
  for (let i = 0; i < 400; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/imports/${id}`, headers: { cookie: catalog.cookie } });
    expect(res.statusCode).toBe(200);
    const job = res.json() as Job;
    seen.push(job.processed);
    if (job.status === 'done' || job.status === 'failed') return { job, seen };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

/** Latest version of every item the catalog administrator may manage, by implementation code. */
async function documentsInScope(): Promise<Map<string, ItemDocument>> {
  const me = await t.db.selectFrom('account').select('region_code').where('username', '=', 'catalog').executeTakeFirstOrThrow();
  const prefix = (me.region_code ?? '-').replace(/(00)+$/, '');
  const rows = await t.db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
    .select(['i.impl_code', 'v.document'])
    .where('i.region_code', 'like', `${prefix}%`)
    .execute();
  return new Map(rows.map((r) => [r.impl_code, r.document]));
}

async function counts() {
  const items = await t.db.selectFrom('service_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const versions = await t.db.selectFrom('service_item_version').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: items.n, versions: versions.n };
}

async function exportAll(query = ''): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/export.xlsx${query}`, headers: { cookie: catalog.cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  return res.rawPayload;
}

/** New items derived from an existing one: fresh base codes under the same agency. */
function newItemsFrom(base: ItemDocument, n: number, taken: Set<string>): ItemDocument[] {
  const parsed = validateImplCode(base.implCode);
  if (!parsed.ok) throw new Error('seed item has an invalid implementation code');
  const out: ItemDocument[] = [];
  for (let main = 990; out.length < n; main--) {
    const baseCode = makeBaseCode({ source: parsed.base.source, kind: parsed.base.kind, department: parsed.base.department, main, sub: 0 });
    const implCode = makeImplCode(parsed.creditCode, parsed.level, baseCode);
    if (taken.has(implCode)) continue;
    out.push({ ...structuredClone(base), name: `Excel 导入测试事项 ${out.length + 1}`, baseCode, implCode });
  }
  return out;
}

describe('GET /api/v1/catalog/export.xlsx', () => {
  it('exports the latest version of every item in scope, losslessly', async () => {
    const expected = await documentsInScope();
    expect(expected.size).toBeGreaterThanOrEqual(50);
    const { docs, errors } = await parseItemsXlsx(await exportAll());
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.implCode).sort()).toEqual([...expected.keys()].sort());
    for (const d of docs) expect(d).toStrictEqual(expected.get(d.implCode));
  });

  it('filters by status and name', async () => {
    const drafts = await parseItemsXlsx(await exportAll('?status=draft'));
    const draftCodes = await t.db.selectFrom('service_item').select('impl_code').where('status', '=', 'draft').execute();
    expect(drafts.docs.map((d) => d.implCode).sort()).toEqual(draftCodes.map((r) => r.impl_code).sort());
    const [one] = [...(await documentsInScope()).values()];
    const byName = await parseItemsXlsx(await exportAll(`?q=${encodeURIComponent(one!.name)}`));
    expect(byName.docs.map((d) => d.name)).toContain(one!.name);
    expect(byName.docs.every((d) => d.name.includes(one!.name))).toBe(true);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of ['/api/v1/catalog/imports', '/api/v1/catalog/imports/{id}', '/api/v1/catalog/export.xlsx', '/api/v1/catalog/import-template.xlsx']) expect(doc.paths[path], path).toBeDefined();
  });

  it('serves the import template', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/import-template.xlsx', headers: { cookie: catalog.cookie } });
    expect(res.statusCode).toBe(200);
    expect((await workbookOf(res.rawPayload)).worksheets.map((w) => w.name)).toEqual(SHEET_NAMES);
  });
});

describe('POST /api/v1/catalog/imports', () => {
  it('forbidden for a clerk', async () => {
    const res = await upload(clerk, await templateXlsx());
    expect(res.statusCode).toBe(403);
  });

  it('refuses what is not an .xlsx workbook with a clear 4xx', async () => {
    const pdf = await upload(catalog, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), '事项.xlsx');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message).toMatch(/xlsx/);
    expect((await upload(catalog, Buffer.alloc(0))).statusCode).toBe(400);
    const noFile = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/imports', headers: catalog.headers, payload: {} });
    expect(noFile.statusCode).toBe(400);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['a']);
    const noSheet = await upload(catalog, await bufferOf(wb));
    expect(noSheet.statusCode).toBe(400);
    expect(noSheet.json().error.code).toBe('IMPORT_NO_ITEM_SHEET');
    expect((await upload(catalog, await templateXlsx())).json().error.code).toBe('IMPORT_NO_ROWS');
  });

  it('refuses files and workbooks beyond the limits with 413', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1024);
    big.writeUInt32LE(0x04034b50, 0);
    const tooBig = await upload(catalog, big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('IMPORT_FILE_TOO_LARGE');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项');
    ws.addRow(['实施编码']);
    for (let i = 0; i <= MAX_IMPORT_ITEMS; i++) ws.addRow([`X${i}`]);
    const tooMany = await upload(catalog, await bufferOf(wb));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error.message).toContain(String(MAX_IMPORT_ITEMS));
  });

  it('reads the unpacked size of a workbook from its ZIP directory (zip-bomb guard)', async () => {
    const buf = await templateXlsx();
    expect(zipUnpackedSize(buf)).toBeGreaterThan(buf.length);
    expect(zipUnpackedSize(Buffer.from('PK\u0003\u0004 but not a zip at all, just text'))).toBeUndefined();
  });

  it('a workbook with errors in several rows fails with the per-row report and writes nothing', async () => {
    const docs = [...(await documentsInScope()).values()];
    const fresh = newItemsFrom(docs[0]!, 2, new Set(docs.map((d) => d.implCode)));
    const unknownAgency = { ...structuredClone(fresh[1]!), ...code(fresh[1]!.kind as ItemKind, 5, '3', makeCreditCode('1', '1', '321200', 'YY000001')) };
    const wb = await workbookOf(await exportItemsXlsx([docs[0]!, docs[1]!, fresh[0]!, unknownAgency]));
    const ws = wb.getWorksheet('事项')!;
    ws.getRow(2).getCell(columnOf(ws, '承诺时限(工作日)')).value = -1;
    ws.getRow(3).getCell(columnOf(ws, '办件类型')).value = '加急件';
    ws.getRow(3).getCell(columnOf(ws, '事项名称')).value = null;
    const before = await counts();

    const res = await upload(catalog, await bufferOf(wb));
    expect(res.statusCode).toBe(202);
    const { job } = await waitForJob(res.json().id);
    expect(job.status).toBe('failed');
    expect(job.processed).toBe(0);
    expect(job.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '事项', row: 2, column: '承诺时限(工作日)' }),
        expect.objectContaining({ sheet: '事项', row: 3, column: '办件类型', message: expect.stringContaining('即办件、承诺件') }),
        expect.objectContaining({ sheet: '事项', row: 3, column: '事项名称', message: expect.stringContaining('不能为空') }),
        expect.objectContaining({ sheet: '事项', row: 5, column: '实施编码', message: expect.stringContaining('统一社会信用代码') }),
      ]),
    );
    expect(job.errors.map((e) => e.row)).toEqual([...job.errors.map((e) => e.row)].sort((a, b) => a - b));
    expect(job.errors.some((e) => e.row === 4)).toBe(false);
    for (const e of job.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await counts()).toEqual(before);
  });

  it('imports 3 new items as drafts in one go, with progress reaching the total', async () => {
    const docs = [...(await documentsInScope()).values()];
    const fresh = newItemsFrom(docs[0]!, 3, new Set(docs.map((d) => d.implCode)));
    const before = await counts();
    const res = await upload(catalog, await exportItemsXlsx(fresh));
    expect(res.statusCode).toBe(202);
    const { job, seen } = await waitForJob(res.json().id);
    expect(job).toMatchObject({ status: 'done', total: 3, processed: 3, errors: [] });
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
    expect(await counts()).toEqual({ items: before.items + 3, versions: before.versions + 3 });
    const rows = await t.db
      .selectFrom('service_item as i')
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
      .select(['i.impl_code', 'i.status', 'v.status as version_status', 'v.version', 'v.document'])
      .where('i.impl_code', 'in', fresh.map((d) => d.implCode))
      .execute();
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'draft', version_status: 'draft', version: 1 });
      expect(r.document).toStrictEqual(fresh.find((d) => d.implCode === r.impl_code));
    }
  });

  it('an existing implementation code gets a new draft version', async () => {
    const [doc] = [...(await documentsInScope()).values()];
    const item = await t.db.selectFrom('service_item').select(['id', 'current_version']).where('impl_code', '=', doc!.implCode).executeTakeFirstOrThrow();
    const edited = { ...structuredClone(doc!), keywords: [...doc!.keywords, 'Excel 更新'] };
    const { job } = await waitForJob((await upload(catalog, await exportItemsXlsx([edited]))).json().id);
    expect(job).toMatchObject({ status: 'done', total: 1, processed: 1 });
    const latest = await t.db
      .selectFrom('service_item as i')
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
      .select(['v.version', 'v.status', 'v.document'])
      .where('i.id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(latest.status).toBe('draft');
    expect(latest.version).toBeGreaterThanOrEqual(item.current_version);
    expect(latest.document.keywords).toContain('Excel 更新');
  });

  it('another user cannot read someone else’s import', async () => {
    const res = await upload(catalog, await exportItemsXlsx([minimalDocument()]));
    const id = res.json().id;
    await waitForJob(id);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/imports/${id}`, headers: { cookie: clerk.cookie } });
    expect(other.statusCode).toBe(404);
  });
});
