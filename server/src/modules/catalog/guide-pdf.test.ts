import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { Value } from 'typebox/value';
import { createHttpServer, type App } from '../../platform/http/server.ts';
import { createTestDatabase } from '../../testing/db.ts';
import { SLICE_ITEM_IMPL_CODE, SLICE_ITEM_NAME } from '../../seed/world/index.ts';
import { loadFontEngine, MISSING_CHAR, printable } from '../../platform/pdf/index.ts';
import { ItemDetail } from './schema.ts';
import { dateText, daysText, renderGuidePdf, visitsText, yuan } from './guide-pdf.ts';
import { encodeFilename, guideRoutes } from './routes.guide.ts';

/** A food business licence as a county market regulator would publish it: every section filled in. */
function foodLicence(): ItemDetail {
  return {
    implCode: '11321202MB1234567X4000123001001',
    baseCode: '000123001001',
    name: '食品经营许可证核发（新办）',
    kind: '01',
    kindLabel: '行政许可',
    agency: { id: '0b6f1c9e-2d1a-4b8e-9a51-3f0d2c7e8a11', name: '泰州市海陵区市场监督管理局' },
    regionCode: '321202',
    statutoryDays: 20,
    committedDays: 5,
    visitsRequired: 0,
    online: true,
    exerciseLevel: '4',
    agencyNature: 'statutory',
    jointAgencies: ['泰州市海陵区行政审批局'],
    serviceObjects: ['person', 'entity'],
    serviceObjectTypes: ['natural_person', 'enterprise', 'other_org'],
    legalBasis: [
      { title: '《中华人民共和国食品安全法》', article: '第三十五条' },
      { title: '《食品经营许可和备案管理办法》', article: '第四条、第十一条', docNo: '国家市场监督管理总局令第78号' },
    ],
    conditions: [
      '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持该场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离',
      '具有与经营的食品品种、数量相适应的经营设备或者设施，有相应的消毒、更衣、盥洗、采光、照明、通风、防腐、防尘、防蝇、防鼠、防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施',
      '有专职或者兼职的食品安全总监、食品安全员等食品安全管理人员和保证食品安全的规章制度',
      '具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染，避免食品接触有毒物、不洁物',
    ],
    steps: [
      { name: '申请', description: '申请人登录泰州政务服务网或“我的泰州”App，填写申请表并上传材料；也可到区政务服务中心市场监管窗口提交。', days: 0 },
      { name: '受理', description: '材料齐全、符合法定形式的，当场受理；材料不齐全的，一次性告知需要补正的全部内容。', days: 1 },
      { name: '审查', description: '对申请材料进行审查，需要对申请材料的实质内容进行核实的，进行现场核查。', days: 3 },
      { name: '决定', description: '符合条件的，作出准予许可的决定；不符合条件的，作出不予许可的决定并书面说明理由，告知申请人享有依法申请行政复议或者提起行政诉讼的权利。', days: 1 },
      { name: '送达', description: '电子许可证即时发放；纸质许可证可到窗口领取或免费邮寄。' },
    ],
    statutoryNote: '自受理之日起计算',
    committedNote: '不含现场核查整改时间',
    limitNote: '需要现场核查的，核查时间计入承诺时限；申请人整改时间不计入。',
    specialProcedures: [{ name: '现场核查', maxDays: 3, note: '核查人员不少于2人，出示执法证件' }],
    caseType: 'commitment',
    handlingForms: ['window', 'pc', 'mobile', 'express'],
    onlineDepth: [1, 2, 3, 4, 5, 6, 7],
    visitReason: undefined,
    fees: [],
    materials: [
      {
        code: 'M01',
        name: '食品经营许可申请书',
        type: 'form',
        necessity: 'required',
        source: 'applicant',
        form: 'both',
        paper: { original: 1, copy: 0 },
        notes: '网上申请时在线填写，无需另行提交；窗口申请时由申请人签字或盖章',
        blankForm: { fileId: 'f-01', name: '食品经营许可申请书（空白）.docx' },
        sample: { fileId: 'f-02', name: '食品经营许可申请书（示例）.pdf' },
      },
      {
        code: 'M02',
        name: '营业执照或者其他主体资格证明文件',
        type: 'certificate',
        necessity: 'required',
        source: 'government',
        issuingDept: '市场监督管理部门',
        form: 'electronic',
        paper: { original: 0, copy: 0 },
        obtainable: true,
        licenseTypeCode: 'L-BIZ',
      },
      {
        code: 'M03',
        name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件',
        type: 'drawing',
        necessity: 'required',
        source: 'applicant',
        form: 'both',
        paper: { original: 1, copy: 1 },
        notes: '平面布局图标明各功能区域及面积；设备清单列明名称、数量',
        acceptanceStandard: '图纸清晰，标注完整',
      },
      {
        code: 'M04',
        name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度',
        type: 'proof',
        necessity: 'required',
        source: 'applicant',
        form: 'electronic',
        paper: { original: 0, copy: 0 },
      },
      {
        code: 'M05',
        name: '委托代理人办理的，提交授权委托书及代理人身份证明',
        type: 'identity',
        necessity: 'optional',
        source: 'applicant',
        form: 'both',
        paper: { original: 1, copy: 1 },
      },
      {
        code: 'M06',
        name: '食品安全管理人员培训考核合格证明',
        type: 'proof',
        necessity: 'deferrable',
        source: 'other',
        form: 'electronic',
        paper: { original: 0, copy: 0 },
        notes: '可在取得许可证后30日内补交',
      },
    ],
    form: { type: 'object', properties: { entityName: { type: 'string', title: '经营者名称' } }, required: ['entityName'] },
    hall: {
      address: '泰州市海陵区政务服务中心（海陵区东进东路18号）二楼 市场监管窗口',
      hours: '周一至周五 上午9:00—12:00，下午13:30—17:30（法定节假日除外；周六上午延时服务）',
      window: 'B区 21—24号窗口',
      traffic: '乘坐2路、15路、K1路公交车至“海陵区政务中心”站下车',
    },
    contacts: { consult: '0523-86888123', complaint: '0523-12345' },
    result: { type: 'license', name: '食品经营许可证', sample: { fileId: 'f-03', name: '食品经营许可证（样本）.pdf' } },
    intermediaryServices: [{ name: '食品检验检测（如需）', provider: '具有资质的检验检测机构', basis: '《中华人民共和国食品安全法》第八十四条', feeNote: '按市场价格，由申请人自主选择机构' }],
    topics: ['设立变更', '食品药品'],
    lifeEvents: ['开办企业'],
    tongbanScope: 'city',
    features: { appointment: true, express: true, onlinePayment: false, selfService: true },
    faq: [
      { q: '只在网上销售预包装食品，需要办理食品经营许可证吗？', a: '仅销售预包装食品的，无需办理许可，向所在地县级市场监督管理部门备案即可。' },
      { q: '许可证有效期多久？到期怎么办？', a: '有效期为5年。需要延续的，应当在有效期届满前90个工作日至15个工作日期间提出延续申请。' },
    ],
    keywords: ['食品经营许可', '开饭店', '餐饮许可', '小吃店'],
    version: 3,
    publishedAt: '2025-03-01T02:00:00.000Z',
  } as ItemDetail;
}

const GENERATED_AT = new Date('2025-06-18T06:30:00Z');

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const PDFTOTEXT = hasTool('pdftotext');

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-pdf-'));
  try {
    const file = path.join(dir, 'g.pdf');
    fs.writeFileSync(file, pdf);
    // -raw keeps the content stream order, so each table cell's text stays together
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages' content streams, inflated (pdfkit compresses them with Flate). */
function contentStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const s = pdf.toString('latin1');
  const re = /\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      /* not a complete deflate stream; skip */
    }
  }
  return out;
}

/** A text string of the document info dictionary (literal string, UTF-16BE with a byte order mark when not ASCII). */
function infoString(pdf: Buffer, key: string): string | undefined {
  const s = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(s);
  const from = ref ? s.indexOf(`\n${ref[1]} 0 obj`) : s.indexOf(`/${key} (`);
  if (from < 0) return undefined;
  const at = s.indexOf('(', from);
  const ESC: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  let raw = '';
  for (let i = at + 1; i < s.length && s[i] !== ')'; i++) raw += s[i] === '\\' ? (ESC[s[++i]!] ?? s[i]) : s[i];
  const bytes = Buffer.from(raw, 'latin1');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : raw;
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

describe('renderGuidePdf', () => {
  let pdf: Buffer;
  let ms: number;
  beforeAll(async () => {
    expect(Value.Check(ItemDetail, foodLicence())).toBe(true);
    await renderGuidePdf(foodLicence(), { generatedAt: GENERATED_AT }); // warm-up: font parsing and layout tables
    const t = performance.now();
    pdf = await renderGuidePdf(foodLicence(), { generatedAt: GENERATED_AT, url: 'https://zwfw.taizhou.example/items/11321202MB1234567X4000123001001' });
    ms = performance.now() - t;
    if (process.env.GUIDE_PDF_OUT) fs.writeFileSync(process.env.GUIDE_PDF_OUT, pdf);
  });

  it('is a PDF document of reasonable size, rendered quickly', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(pdf.length).toBeLessThan(1_500_000);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(ms).toBeLessThan(2_000);
  });

  it('embeds a subset of the CJK font (regular and bold) and no standard font', () => {
    const s = pdf.toString('latin1');
    expect(s).toMatch(/\/FontFile[23]/);
    expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/);
    expect(s).toContain('/ToUnicode');
    expect(s).not.toContain('/Helvetica');
  });

  it('carries the title in the document info and the language', () => {
    expect(infoString(pdf, 'Title')).toBe('食品经营许可证核发（新办） 办事指南');
    expect(infoString(pdf, 'Author')).toBe('泰州市海陵区市场监督管理局');
    expect(pdf.toString('latin1')).toContain('/Lang (zh-CN)');
  });

  it('draws text with the embedded font on every page (structural check, without a PDF reader)', () => {
    const streams = contentStreams(pdf).filter((c) => /\bTf\b/.test(c));
    expect(streams.length).toBeGreaterThanOrEqual(pageCount(pdf));
    for (const c of streams) expect(c).toMatch(/\/F\d+ [\d.]+ Tf/);
  });

  it.runIf(PDFTOTEXT)('shows the guide in Chinese: summary, sections, materials, footer (pdftotext)', () => {
    const text = pdfText(pdf);
    const flat = text.replace(/\s+/g, '');
    for (const s of ['食品经营许可证核发（新办）', '办事指南', '泰州市海陵区市场监督管理局', '承诺时限', '5个工作日', '法定时限20个工作日', '跑动次数', '0次', '免费', '网上可办'])
      expect(flat).toContain(s);
    for (const s of ['一、实施机构与编码', '二、受理条件', '三、申请材料', '四、办理流程', '五、设定依据', '六、收费', '七、中介服务', '八、办理地点和时间', '九、咨询和投诉电话', '十、办理结果', '十一、常见问题'])
      expect(flat).toContain(s);
    for (const s of ['11321202MB1234567X4000123001001', '000123001001', '县级', '容缺后补', '非必要', '食品经营许可申请书', '《中华人民共和国食品安全法》第三十五条', '0523-86888123', '0523-12345', '食品经营许可证', '许可证有效期多久'])
      expect(flat).toContain(s);
    expect(flat).toContain('以网上公布的最新版本为准');
    expect(flat).toContain('第3版（2025-03-01发布）');
    expect(flat).toContain('生成于2025-06-1814:30');
    const pages = pageCount(pdf);
    for (let p = 1; p <= pages; p++) expect(flat).toContain(`第${p}页/共${pages}页`);
    expect(text).not.toContain(MISSING_CHAR);
  });

  it('a minimal item (instant, no materials, no fees, not online) says so in words', async () => {
    const item = {
      ...foodLicence(),
      name: '出具无犯罪记录证明（本人申请，适用于就业、出国、升学等用途的证明开具事项，名称很长时页眉截断）',
      committedDays: 0,
      statutoryDays: 0,
      caseType: 'instant',
      visitsRequired: 2,
      visitReason: '需本人到场核验身份',
      online: false,
      conditions: [],
      materials: [],
      fees: [],
      faq: undefined,
      intermediaryServices: undefined,
      specialProcedures: undefined,
      statutoryNote: undefined,
      committedNote: undefined,
      limitNote: undefined,
      steps: [{ name: '申请与办结', description: '本人持身份证到窗口申请，当场出具。' }],
    } as ItemDetail;
    const out = await renderGuidePdf(item, { generatedAt: GENERATED_AT });
    if (process.env.GUIDE_PDF_OUT) fs.writeFileSync(process.env.GUIDE_PDF_OUT.replace(/\.pdf$/, '-minimal.pdf'), out);
    expect(out.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (PDFTOTEXT) {
      const flat = pdfText(out).replace(/\s+/g, '');
      for (const s of ['即办', '多次', '否', '本事项无需提交申请材料', '本事项不收费', '无特别条件', '需本人到场核验身份']) expect(flat).toContain(s);
      expect(flat).not.toContain('常见问题');
    }
  });

  it('a long item flows over pages: rows are not lost and every page is numbered', async () => {
    const base = foodLicence();
    const materials = Array.from({ length: 40 }, (_, i) => ({ ...base.materials[i % base.materials.length]!, code: `M${i + 1}`, name: `第${i + 1}号材料 ${base.materials[i % base.materials.length]!.name}` }));
    const fees = [
      { name: '证书工本费', amountFen: 1000, standard: '每证10元', basis: '苏价费〔2019〕12号' },
      { name: '加急服务费', amountFen: 2550, basis: '苏价费〔2019〕12号', waiver: '低保对象免收' },
    ];
    const out = await renderGuidePdf({ ...base, materials, fees }, { generatedAt: GENERATED_AT });
    if (process.env.GUIDE_PDF_OUT) fs.writeFileSync(process.env.GUIDE_PDF_OUT.replace(/\.pdf$/, '-long.pdf'), out);
    const pages = pageCount(out);
    expect(pages).toBeGreaterThanOrEqual(4);
    if (PDFTOTEXT) {
      const flat = pdfText(out).replace(/\s+/g, '');
      for (const m of materials) expect(flat).toContain(m.name.replace(/\s+/g, ''));
      expect(flat).toContain('10–25.50元');
      expect(flat).toContain(`第${pages}页/共${pages}页`);
    }
  });
});

describe('guide helpers', () => {
  it('formats days, visits, money and dates for citizens', () => {
    expect(daysText(0)).toBe('即办');
    expect(daysText(5)).toBe('5 个工作日');
    expect(visitsText(0)).toBe('0 次');
    expect(visitsText(2)).toBe('多次');
    expect(yuan(1000)).toBe('10');
    expect(yuan(1050)).toBe('10.50');
    expect(yuan(5)).toBe('0.05');
    expect(dateText(new Date('2025-02-28T17:00:00Z'))).toBe('2025-03-01');
  });

  it('replaces characters the font lacks and drops control characters', async () => {
    await loadFontEngine();
    expect(printable('王𠮷\u0007明\r\n（一）')).toBe(`王${MISSING_CHAR}明\n（一）`);
    expect(printable('①℃·—…《》“”')).toBe('①℃·—…《》“”');
  });

  it('encodes the file name for content-disposition', () => {
    expect(encodeFilename("个体(户)'s*.pdf")).toBe('%E4%B8%AA%E4%BD%93%28%E6%88%B7%29%27s%2A.pdf');
  });
});

describe('GET /api/v1/public/items/:implCode/guide.pdf', () => {
  let app: App;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const h = await createTestDatabase('tongban_demo');
    drop = h.drop;
    ({ app } = await createHttpServer({ logLevel: 'silent', logger: false, resolveSession: async () => undefined }));
    await guideRoutes(app, { db: h.db });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('serves the guide of a published item without login, inline, with caching headers', async () => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}/guide.pdf`, headers: { host: 'zwfw.example.gov.cn' } });
    const ms = performance.now() - t;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${SLICE_ITEM_IMPL_CODE}.pdf"; filename*=UTF-8''${encodeFilename(`${SLICE_ITEM_NAME}办事指南.pdf`)}`);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(res.headers.etag).toMatch(/^"guide-.+-v\d+"$/);
    expect(res.headers['last-modified']).toBeDefined();
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(ms).toBeLessThan(5_000);
    if (PDFTOTEXT) {
      const flat = pdfText(res.rawPayload).replace(/\s+/g, '');
      expect(flat).toContain(SLICE_ITEM_NAME);
      expect(flat).toContain(`http://zwfw.example.gov.cn/items/${SLICE_ITEM_IMPL_CODE}`);
    }

    const again = await app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}/guide.pdf`, headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('is documented in the OpenAPI description as a PDF', () => {
    const spec = app.swagger() as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    const op = spec.paths['/api/v1/public/items/{implCode}/guide.pdf']!.get;
    expect(Object.keys(op.responses['200']!.content ?? {})).toEqual(['application/pdf']);
    expect(op.responses['404']).toBeDefined();
  });

  it('an unknown or unpublished item is a 404 with the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/public/items/000/guide.pdf' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ITEM_NOT_FOUND');
  });
});
