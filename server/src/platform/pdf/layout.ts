/**
 * Page layout helpers on top of pdfkit for documents in Chinese: titles, headings, wrapped paragraphs, lists, tables,
 * key–value tables and a box of key facts. Each helper writes at the cursor (`doc.y`) across the content width and
 * leaves the cursor below what it wrote, breaking pages where needed (table rows and list items are not split
 * unless taller than a page; table headers repeat on each page).
 *
 * Chinese text wraps between any two hanzi (pdfkit's line breaker follows UAX #14, which also keeps closing
 * punctuation such as ，。）off the start of a line). All text goes through `printable`, so characters the font
 * lacks print as □.
 */
import { printable } from './fonts.ts';
import { FONT, THEME, type PdfDoc } from './document.ts';

type Weight = 'regular' | 'bold';

export type TextStyle = { size?: number; color?: string; weight?: Weight; /** Extra space between characters (points). */ tracking?: number };

export function contentLeft(doc: PdfDoc): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Lowest y that content may reach on the current page. */
export function contentBottom(doc: PdfDoc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function atPageTop(doc: PdfDoc): boolean {
  return doc.y <= doc.page.margins.top + 0.5;
}

/** Start a new page unless `height` points still fit below the cursor. */
export function ensureSpace(doc: PdfDoc, height: number): void {
  if (doc.y + height > contentBottom(doc) && !atPageTop(doc)) doc.addPage();
}

/** Vertical space (points), dropped at the top of a page. */
export function space(doc: PdfDoc, points: number): void {
  if (!atPageTop(doc)) doc.y = Math.min(doc.y + points, contentBottom(doc));
}

export function useStyle(doc: PdfDoc, style: TextStyle = {}): PdfDoc {
  return doc
    .font(style.weight === 'bold' ? FONT.bold : FONT.regular)
    .fontSize(style.size ?? THEME.size.body)
    .fillColor(style.color ?? THEME.color.text);
}

/** Height of wrapped text in a given style and width. */
export function measure(doc: PdfDoc, text: string, width: number, style: TextStyle = {}): number {
  useStyle(doc, style);
  return doc.heightOfString(printable(text), { width, lineGap: THEME.lineGap, characterSpacing: style.tracking ?? 0 });
}

/** Height of one line of text in a style. */
export function lineHeight(doc: PdfDoc, style: TextStyle = {}): number {
  useStyle(doc, style);
  return doc.currentLineHeight(true) + THEME.lineGap;
}

/** Write wrapped text at the cursor, indented by `indent` from the left margin; flows onto new pages. */
function flow(doc: PdfDoc, text: string, indent: number, width: number, style: TextStyle, align: 'left' | 'center' | 'right' = 'left'): void {
  useStyle(doc, style);
  doc.text(printable(text), contentLeft(doc) + indent, doc.y, { width, align, lineGap: THEME.lineGap, characterSpacing: style.tracking ?? 0 });
  doc.x = contentLeft(doc);
}

/** Write text in a box at a fixed position, clipped to `height` (never breaks the page). */
function place(doc: PdfDoc, text: string, x: number, y: number, width: number, height: number, style: TextStyle, align: 'left' | 'center' | 'right' = 'left'): void {
  useStyle(doc, style);
  doc.text(printable(text), x, y, { width, height, align, lineGap: THEME.lineGap, ellipsis: true, characterSpacing: style.tracking ?? 0 });
}

export type TitleOptions = { kicker?: string; subtitle?: string; lines?: string[] };

/** The document title: an optional small kicker above it (e.g. 办事指南), a subtitle and small lines below, and a rule. */
export function title(doc: PdfDoc, text: string, opts: TitleOptions = {}): void {
  const width = contentWidth(doc);
  if (opts.kicker) {
    flow(doc, opts.kicker, 0, width, { size: THEME.size.small, color: THEME.color.accent, weight: 'bold', tracking: 2 });
    space(doc, 2);
  }
  flow(doc, text, 0, width, { size: THEME.size.title, weight: 'bold' });
  if (opts.subtitle) {
    space(doc, 3);
    flow(doc, opts.subtitle, 0, width, { size: THEME.size.body, color: THEME.color.muted });
  }
  for (const line of opts.lines ?? []) flow(doc, line, 0, width, { size: THEME.size.small, color: THEME.color.muted });
  space(doc, 6);
  rule(doc, { color: THEME.color.accent, width: 1.2 });
  space(doc, 10);
}

/** A horizontal line across the content width at the cursor. */
export function rule(doc: PdfDoc, opts: { color?: string; width?: number } = {}): void {
  const x = contentLeft(doc);
  doc
    .save()
    .moveTo(x, doc.y)
    .lineTo(x + contentWidth(doc), doc.y)
    .lineWidth(opts.width ?? 0.5)
    .strokeColor(opts.color ?? THEME.color.border)
    .stroke()
    .restore();
}

/**
 * A section heading. Level 1 has an accent bar; level 2 is bold body text. The heading moves to the next page with
 * the first lines that follow it (`keepWith` points, default three lines of body text).
 */
export function heading(doc: PdfDoc, text: string, opts: { level?: 1 | 2; keepWith?: number } = {}): void {
  const level = opts.level ?? 1;
  const style: TextStyle = level === 1 ? { size: THEME.size.h1, weight: 'bold', color: THEME.color.accent } : { size: THEME.size.h2, weight: 'bold' };
  const keepWith = opts.keepWith ?? lineHeight(doc) * 3;
  space(doc, level === 1 ? 14 : 8);
  const indent = level === 1 ? 9 : 0;
  const h = measure(doc, text, contentWidth(doc) - indent, style);
  ensureSpace(doc, h + keepWith);
  const y = doc.y;
  if (level === 1) {
    const lh = lineHeight(doc, style) - THEME.lineGap;
    doc.save().rect(contentLeft(doc), y + lh * 0.18, 3.5, lh * 0.64).fill(THEME.color.accent).restore();
  }
  flow(doc, text, indent, contentWidth(doc) - indent, style);
  space(doc, level === 1 ? 5 : 3);
}

export type ParagraphOptions = TextStyle & { indent?: number; after?: number; align?: 'left' | 'center' | 'right' };

/** A wrapped paragraph; `\n` starts a new line. */
export function paragraph(doc: PdfDoc, text: string, opts: ParagraphOptions = {}): void {
  const indent = opts.indent ?? 0;
  ensureSpace(doc, lineHeight(doc, opts));
  flow(doc, text, indent, contentWidth(doc) - indent, opts, opts.align);
  space(doc, opts.after ?? 4);
}

export type ListItem = string | { title: string; aside?: string; body?: string };

/**
 * A bulleted or numbered list with a hanging indent. An item is plain text, or a bold title (with an optional muted
 * note on the right, e.g. a time limit) over a body.
 */
export function list(doc: PdfDoc, items: readonly ListItem[], opts: { numbered?: boolean; gap?: number } = {}): void {
  const markerStyle: TextStyle = opts.numbered ? { weight: 'bold', color: THEME.color.accent } : { color: THEME.color.accent };
  useStyle(doc, markerStyle);
  const markerWidth = opts.numbered ? doc.widthOfString(`${items.length}.`) + 8 : 14;
  const width = contentWidth(doc) - markerWidth;
  items.forEach((item, i) => {
    const first = typeof item === 'string' ? { title: undefined, aside: undefined, body: item } : item;
    const firstLine = first.title !== undefined ? lineHeight(doc, { weight: 'bold' }) : 0;
    ensureSpace(doc, firstLine + lineHeight(doc));
    const y = doc.y;
    const marker = opts.numbered ? `${i + 1}.` : '•';
    place(doc, marker, contentLeft(doc), y, markerWidth, lineHeight(doc) * 1.5, markerStyle);
    doc.y = y;
    if (first.title !== undefined) {
      const asideStyle: TextStyle = { size: THEME.size.small, color: THEME.color.muted };
      let asideWidth = 0;
      if (first.aside) {
        useStyle(doc, asideStyle);
        asideWidth = Math.min(width / 3, doc.widthOfString(printable(first.aside)) + 2);
        const asideY = y + (lineHeight(doc, { weight: 'bold' }) - lineHeight(doc, { size: THEME.size.small })) / 2;
        place(doc, first.aside, contentLeft(doc) + markerWidth + width - asideWidth, asideY, asideWidth, lineHeight(doc), asideStyle, 'right');
        doc.y = y;
      }
      flow(doc, first.title, markerWidth, width - asideWidth - (first.aside ? 8 : 0), { weight: 'bold' });
    }
    if (first.body) flow(doc, first.body, markerWidth, width, first.title !== undefined ? { color: THEME.color.text } : {});
    space(doc, opts.gap ?? 4);
  });
}

export type Cell = string | { text: string; weight?: Weight; color?: string; align?: 'left' | 'center' | 'right' };
export type Column = { header: string; /** Relative width. */ width: number; align?: 'left' | 'center' | 'right' };

export type TableOptions = {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** Draw the header row (default true); it repeats at the top of each page the table continues on. */
  header?: boolean;
  /** Shade every other row. */
  zebra?: boolean;
  size?: number;
  /** Style of the first column's cells (e.g. labels of a key–value table). */
  firstColumn?: { weight?: Weight; fill?: string; color?: string };
};

const PAD_X = 5;
const PAD_Y = 4;

function cellOf(c: Cell): { text: string; weight?: Weight; color?: string; align?: 'left' | 'center' | 'right' } {
  return typeof c === 'string' ? { text: c } : c;
}

function tableGeometry(doc: PdfDoc, opts: TableOptions) {
  const size = opts.size ?? THEME.size.small;
  const total = opts.columns.reduce((a, c) => a + c.width, 0);
  const fullWidth = contentWidth(doc);
  const widths = opts.columns.map((c) => (c.width / total) * fullWidth);
  const xs = widths.map((_, i) => contentLeft(doc) + widths.slice(0, i).reduce((a, w) => a + w, 0));
  const styleOf = (col: number, cell: ReturnType<typeof cellOf>, isHeader: boolean): TextStyle => ({
    size,
    weight: isHeader ? 'bold' : (cell.weight ?? (col === 0 ? opts.firstColumn?.weight : undefined) ?? 'regular'),
    color: cell.color ?? (col === 0 && !isHeader ? opts.firstColumn?.color : undefined) ?? THEME.color.text,
  });
  const rowHeight = (cells: ReturnType<typeof cellOf>[], isHeader: boolean) =>
    Math.max(...cells.map((c, i) => (c.text ? measure(doc, c.text, widths[i]! - PAD_X * 2, styleOf(i, c, isHeader)) : 0)), lineHeight(doc, { size })) + PAD_Y * 2;
  const headerCells = opts.columns.map((c) => cellOf(c.header));
  const headerHeight = opts.header !== false ? rowHeight(headerCells, true) : 0;
  const cellsOf = (row: readonly Cell[]) => opts.columns.map((_, i) => cellOf(row[i] ?? ''));
  return { fullWidth, widths, xs, styleOf, rowHeight, headerCells, headerHeight, cellsOf };
}

/** Height of a table's header row and first row: what a heading above it should keep with it. */
export function tableLeadHeight(doc: PdfDoc, opts: TableOptions): number {
  const g = tableGeometry(doc, opts);
  const first = opts.rows[0];
  return g.headerHeight + (first ? g.rowHeight(g.cellsOf(first), false) : 0);
}

/** A ruled table whose cells wrap; rows move whole to the next page, where the header row is repeated. No rows, no table. */
export function table(doc: PdfDoc, opts: TableOptions): void {
  const { fullWidth, widths, xs, styleOf, rowHeight, headerCells, headerHeight, cellsOf } = tableGeometry(doc, opts);

  const drawRow = (cells: ReturnType<typeof cellOf>[], h: number, isHeader: boolean, index: number) => {
    const y = doc.y;
    cells.forEach((c, i) => {
      const fill = isHeader ? THEME.color.headerFill : i === 0 && opts.firstColumn?.fill ? opts.firstColumn.fill : opts.zebra && index % 2 === 1 ? THEME.color.zebra : undefined;
      if (fill) doc.save().rect(xs[i]!, y, widths[i]!, h).fill(fill).restore();
      const align = c.align ?? (isHeader ? 'left' : opts.columns[i]?.align) ?? 'left';
      if (c.text) place(doc, c.text, xs[i]! + PAD_X, y + PAD_Y, widths[i]! - PAD_X * 2, h - PAD_Y * 2 + 2, styleOf(i, c, isHeader), align);
    });
    doc.save().lineWidth(0.5).strokeColor(THEME.color.border);
    for (const x of [...xs, contentLeft(doc) + fullWidth]) doc.moveTo(x, y).lineTo(x, y + h);
    doc.moveTo(contentLeft(doc), y).lineTo(contentLeft(doc) + fullWidth, y);
    doc.moveTo(contentLeft(doc), y + h).lineTo(contentLeft(doc) + fullWidth, y + h);
    doc.stroke().restore();
    doc.x = contentLeft(doc);
    doc.y = y + h;
  };

  const showHeader = opts.header !== false;
  const pageSpace = () => contentBottom(doc) - doc.page.margins.top - headerHeight;

  let started = false;
  opts.rows.forEach((row, index) => {
    const cells = cellsOf(row);
    const h = Math.min(rowHeight(cells, false), pageSpace());
    if (!started || doc.y + h > contentBottom(doc)) {
      if (started || doc.y + headerHeight + h > contentBottom(doc)) {
        if (!atPageTop(doc)) doc.addPage();
      }
      if (showHeader) drawRow(headerCells, headerHeight, true, 0);
      started = true;
    }
    drawRow(cells, h, false, index);
  });
  if (started) space(doc, 6);
}

/** A two-column table of labels and values; rows whose value is empty are left out. */
export function keyValueTable(doc: PdfDoc, rows: readonly (readonly [string, string | null | undefined])[], opts: { labelWidth?: number } = {}): void {
  const kept = rows.filter((r): r is readonly [string, string] => typeof r[1] === 'string' && r[1].trim() !== '');
  if (kept.length === 0) return;
  const labelWidth = opts.labelWidth ?? 96;
  table(doc, {
    columns: [
      { header: '', width: labelWidth },
      { header: '', width: contentWidth(doc) - labelWidth },
    ],
    rows: kept.map(([k, v]) => [k, v]),
    header: false,
    size: THEME.size.body - 0.5,
    firstColumn: { fill: THEME.color.headerFill, color: THEME.color.muted },
  });
}

export type Fact = { label: string; value: string; note?: string };

/**
 * A tinted box of key facts side by side, each a small label over a large value and an optional note: what a reader
 * should take in at a glance (time limit, visits, fees…).
 */
export function factBox(doc: PdfDoc, facts: readonly Fact[], opts: { columns?: number } = {}): void {
  if (facts.length === 0) return;
  const columns = Math.min(opts.columns ?? facts.length, facts.length);
  const width = contentWidth(doc);
  const padX = 10;
  const padY = 9;
  const cellWidth = width / columns;
  const inner = cellWidth - padX * 2;
  const label: TextStyle = { size: THEME.size.small, color: THEME.color.muted };
  const value: TextStyle = { size: 15, weight: 'bold', color: THEME.color.accent };
  const note: TextStyle = { size: THEME.size.tiny, color: THEME.color.muted };
  const heightOf = (f: Fact) => measure(doc, f.label, inner, label) + 2 + measure(doc, f.value, inner, value) + (f.note ? 1 + measure(doc, f.note, inner, note) : 0);
  const rows: Fact[][] = [];
  for (let i = 0; i < facts.length; i += columns) rows.push(facts.slice(i, i + columns));
  const rowHeights = rows.map((r) => Math.max(...r.map(heightOf)) + padY * 2);
  const boxHeight = rowHeights.reduce((a, h) => a + h, 0);
  ensureSpace(doc, boxHeight);
  const x0 = contentLeft(doc);
  const y0 = doc.y;
  doc.save().roundedRect(x0, y0, width, boxHeight, 4).fillAndStroke(THEME.color.accentSoft, THEME.color.border).restore();
  let y = y0;
  rows.forEach((r, ri) => {
    r.forEach((f, ci) => {
      const x = x0 + ci * cellWidth + padX;
      let ty = y + padY;
      for (const [text, style] of [[f.label, label], [f.value, value], ...(f.note ? [[f.note, note]] : [])] as [string, TextStyle][]) {
        const h = measure(doc, text, inner, style);
        place(doc, text, x, ty, inner, h + 2, style);
        ty += h + (style === label ? 2 : 1);
      }
      if (ci > 0) doc.save().moveTo(x0 + ci * cellWidth, y + 8).lineTo(x0 + ci * cellWidth, y + rowHeights[ri]! - 8).lineWidth(0.5).strokeColor(THEME.color.border).stroke().restore();
    });
    y += rowHeights[ri]!;
  });
  doc.x = x0;
  doc.y = y0 + boxHeight;
  space(doc, 8);
}

/** A tinted note box for a short remark (e.g. where to find the latest version). */
export function note(doc: PdfDoc, text: string, style: TextStyle = { size: THEME.size.small, color: THEME.color.muted }): void {
  const width = contentWidth(doc);
  const pad = 7;
  const h = measure(doc, text, width - pad * 2, style) + pad * 2;
  ensureSpace(doc, h);
  const y = doc.y;
  doc.save().rect(contentLeft(doc), y, width, h).fill(THEME.color.zebra).restore();
  doc.save().rect(contentLeft(doc), y, 2, h).fill(THEME.color.border).restore();
  place(doc, text, contentLeft(doc) + pad, y + pad, width - pad * 2, h, style);
  doc.x = contentLeft(doc);
  doc.y = y + h;
  space(doc, 6);
}
