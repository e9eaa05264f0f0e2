import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFTOTEXT } from '../../testing/pdf.ts';
import { createDocument, factBox, fontFile, heading, keyValueTable, list, loadFont, loadFontEngine, MISSING_CHAR, note, paragraph, printable, table, title, toBuffer, warmUp } from './index.ts';

function textOf(pdf: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.pdf'), pdf);
    // pages are separated by form feeds
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

const LONG = '各级政务服务机构应当按照统一标准编制办事指南，明确受理条件、申请材料、办理流程、办理时限、收费标准和咨询投诉方式，并在网上公布。'.repeat(12);

describe('platform/pdf', () => {
  beforeAll(() => loadFontEngine());

  it('loads the CJK font from the npm package, not the system', () => {
    expect(fontFile('regular')).toContain(path.join('node_modules', '@embedpdf', 'fonts-sc'));
    expect(fs.existsSync(fontFile('bold'))).toBe(true);
    const font = loadFont('regular');
    expect(font.postscriptName).toBe('NotoSansHans-Regular');
    for (const ch of '政务服务办事指南，。《》（）①℃') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
  });

  it('warms up without error', async () => {
    await warmUp();
  });

  it('marks characters the font lacks instead of leaving a blank', () => {
    expect(printable('𠀀a\u0000b')).toBe(`${MISSING_CHAR}ab`);
  });

  it('lays out a multi-page document: headings, paragraphs, lists, tables with repeated headers, page numbers', async () => {
    const doc = await createDocument({
      title: '测试文档',
      createdAt: new Date('2025-01-01T00:00:00Z'),
      decorate: ({ page, pages: n }) => ({ header: page > 1 ? '测试文档' : undefined, footerLeft: '页脚说明', footerRight: `第 ${page} 页 / 共 ${n} 页` }),
    });
    title(doc, '测试文档标题', { kicker: '决定书', subtitle: '副标题' });
    factBox(doc, [
      { label: '时限', value: '3 个工作日' },
      { label: '收费', value: '免费', note: '说明' },
    ]);
    heading(doc, '一、段落');
    paragraph(doc, LONG);
    heading(doc, '二、列表');
    list(doc, ['第一项', { title: '第二项', aside: '2 个工作日', body: LONG }], { numbered: true });
    heading(doc, '三、表格');
    const rows = Array.from({ length: 60 }, (_, i) => [`行${i + 1}`, i % 7 === 0 ? LONG.slice(0, 120) : '内容', '—']);
    table(doc, { columns: [{ header: '表头甲', width: 1 }, { header: '表头乙', width: 3 }, { header: '表头丙', width: 1 }], rows, zebra: true });
    table(doc, { columns: [{ header: '超高行', width: 1 }], rows: [[LONG.repeat(6)]] }); // taller than a page: clipped, not lost in a loop
    table(doc, { columns: [{ header: '空表', width: 1 }], rows: [] }); // draws nothing
    keyValueTable(doc, [
      ['名称', '值'],
      ['空值', ''],
      ['缺省', undefined],
    ]);
    note(doc, '注释');
    const pdf = await toBuffer(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const n = pages(pdf);
    expect(n).toBeGreaterThanOrEqual(4);
    if (process.env.PDF_TEST_OUT) fs.writeFileSync(process.env.PDF_TEST_OUT, pdf);
    if (!PDFTOTEXT) return;
    const text = textOf(pdf).map((p) => p.replace(/\s+/g, ''));
    expect(text).toHaveLength(n);
    text.forEach((p, i) => expect(p).toContain(`第${i + 1}页/共${n}页`));
    for (let r = 1; r <= 60; r++) expect(text.join('')).toMatch(new RegExp(`行${r}(?!\\d)`));
    // every page the table continues on starts with its header row
    const tablePages = text.filter((p) => /行\d+/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) expect(p).toContain('表头甲表头乙表头丙');
    expect(text.join('')).toContain('名称值');
    expect(text.join('')).not.toContain('空值');
    expect(text.join('')).not.toContain('空表');
  });
});
