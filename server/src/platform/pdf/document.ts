/**
 * A PDF document with the platform's CJK fonts and page set-up, and its conversion to bytes.
 *
 * pdfkit (MIT, https://pdfkit.org) draws the pages; fonts come from `./fonts.ts`. Pages are buffered so that running
 * headers and "page x / y" footers can be written once the page count is known, in `toBuffer`.
 */
import type PDFKitDocument from 'pdfkit';
import { loadFont, loadFontEngine, printable } from './fonts.ts';

let engine: Promise<typeof PDFKitDocument> | undefined;

/** pdfkit and fontkit, imported with the first document (see loadFontEngine). */
const loadEngine = () => (engine ??= Promise.all([import('pdfkit'), loadFontEngine()]).then(([m]) => m.default));

export type PdfDoc = PDFKit.PDFDocument;

/** Registered font names: use with `doc.font(FONT.bold)`. */
export const FONT = { regular: 'cjk-regular', bold: 'cjk-bold' } as const;

/** Colours and type sizes shared by every platform document (points; 1 pt = 1/72 in). */
export const THEME = {
  color: {
    text: '#1f2329',
    muted: '#5f6670',
    accent: '#0b4ea2',
    accentSoft: '#eaf1fb',
    border: '#c9d2dd',
    headerFill: '#eef2f7',
    zebra: '#f7f9fb',
  },
  size: { title: 20, h1: 13, h2: 11, body: 10.5, small: 9, tiny: 8 },
  /** Extra space between lines of CJK body text. */
  lineGap: 2.5,
} as const;

/** A4 with 2 cm side margins; the bottom margin leaves room for the footer. */
export const PAGE = { size: 'A4', margins: { top: 56, bottom: 64, left: 56, right: 56 } } as const;

export type PageContext = { page: number; pages: number };
export type PageDecoration = { header?: string; footerLeft?: string; footerRight?: string };
export type PageDecorator = (ctx: PageContext) => PageDecoration;

export type DocumentOptions = {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 language of the content; zh-CN unless told. */
  lang?: string;
  /** Creation date written into the document info (default now). */
  createdAt?: Date;
  /** Running header and footer of each page, written when the document is finished. */
  decorate?: PageDecorator;
};

const decorators = new WeakMap<PdfDoc, PageDecorator>();

export async function createDocument(opts: DocumentOptions): Promise<PdfDoc> {
  const PdfKit = await loadEngine();
  const regular = loadFont('regular');
  const bold = loadFont('bold');
  // pdfkit fails on info entries that are present but undefined
  const info = Object.fromEntries(
    Object.entries({
      Title: opts.title,
      Author: opts.author,
      Subject: opts.subject,
      Keywords: opts.keywords?.join(', '),
      Creator: 'Tongban 通办',
      Producer: 'Tongban 通办 (pdfkit)',
      CreationDate: opts.createdAt ?? new Date(),
    }).filter(([, v]) => v !== undefined && v !== ''),
  ) as PDFKit.DocumentInfo;
  const doc = new PdfKit({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    lang: opts.lang ?? 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    // No default font: pdfkit would otherwise load Helvetica, which cannot draw Chinese. The CJK font is set below.
    font: null as unknown as string,
    info,
  });
  // pdfkit accepts a parsed fontkit font wherever it takes a font source; its types only list files and buffers.
  doc.registerFont(FONT.regular, regular as unknown as Buffer);
  doc.registerFont(FONT.bold, bold as unknown as Buffer);
  doc.font(FONT.regular).fontSize(THEME.size.body).fillColor(THEME.color.text);
  if (opts.decorate) decorators.set(doc, opts.decorate);
  return doc;
}

/** Set or replace the running header/footer (e.g. when the footer depends on content decided after creation). */
export function setDecorator(doc: PdfDoc, decorate: PageDecorator): void {
  decorators.set(doc, decorate);
}

/** Write one line of text in a page margin (cut with … when too long) without triggering an automatic page break. */
function marginText(doc: PdfDoc, text: string, x: number, y: number, width: number, align: 'left' | 'right'): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.text(printable(text), x, y, { width, align, height: doc.currentLineHeight(true) + 1, ellipsis: true });
  doc.page.margins.bottom = bottom;
}

function decoratePages(doc: PdfDoc, decorate: PageDecorator): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const d = decorate({ page: i - start + 1, pages: count });
    const { left, right, top, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    doc.save();
    doc.font(FONT.regular).fontSize(THEME.size.tiny).fillColor(THEME.color.muted);
    if (d.header) {
      const y = top - 26;
      marginText(doc, d.header, left, y, width, 'left');
      doc.moveTo(left, top - 12).lineTo(left + width, top - 12).lineWidth(0.5).strokeColor(THEME.color.border).stroke();
    }
    if (d.footerLeft || d.footerRight) {
      const y = doc.page.height - bottom + 20;
      doc.moveTo(left, y - 8).lineTo(left + width, y - 8).lineWidth(0.5).strokeColor(THEME.color.border).stroke();
      const rightWidth = d.footerRight ? Math.min(width / 3, doc.widthOfString(d.footerRight) + 2) : 0;
      if (d.footerLeft) marginText(doc, d.footerLeft, left, y, width - rightWidth - 12, 'left');
      if (d.footerRight) marginText(doc, d.footerRight, left + width - rightWidth, y, rightWidth, 'right');
    }
    doc.restore();
  }
}

/** Finish the document (headers, footers, page numbers) and return its bytes. Call once per document. */
export function toBuffer(doc: PdfDoc): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const decorate = decorators.get(doc);
      if (decorate) decoratePages(doc, decorate);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}

/**
 * Parse the fonts and prime fontkit's lazy tables (about half a second, once per process), so that the first real
 * document is as quick as the rest. Optional: call it in the background after start-up.
 */
export async function warmUp(): Promise<void> {
  const doc = await createDocument({ title: 'warm-up' });
  doc.font(FONT.regular).text('办事指南：受理条件、申请材料（原件 1 份）。0523-12345 ABC');
  doc.font(FONT.bold).text('办事指南：受理条件、申请材料（原件 1 份）。0523-12345 ABC');
  await toBuffer(doc);
}
