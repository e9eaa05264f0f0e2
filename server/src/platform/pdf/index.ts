/**
 * Platform PDF: documents in Chinese with an embedded open-licence CJK font (see `fonts.ts` for the font choice),
 * page set-up, running footers with page numbers, and layout helpers. Used by the service guide (办事指南); licences and
 * decision documents are meant to reuse it.
 *
 *   const doc = await createDocument({ title, decorate: ({ page, pages }) => ({ footerRight: `第 ${page} 页 / 共 ${pages} 页` }) });
 *   title(doc, '…'); heading(doc, '一、…'); paragraph(doc, '…'); table(doc, { columns, rows });
 *   const pdf = await toBuffer(doc);
 */
export { createDocument, setDecorator, toBuffer, warmUp, FONT, THEME, PAGE, type PdfDoc, type DocumentOptions, type PageContext, type PageDecoration, type PageDecorator } from './document.ts';
export { printable, canRender, loadFont, loadFontEngine, fontFile, FONT_PACKAGE, MISSING_CHAR, type FontWeight } from './fonts.ts';
export {
  title,
  heading,
  paragraph,
  list,
  table,
  tableLeadHeight,
  keyValueTable,
  factBox,
  note,
  rule,
  space,
  ensureSpace,
  measure,
  lineHeight,
  useStyle,
  contentLeft,
  contentWidth,
  contentBottom,
  type TextStyle,
  type TitleOptions,
  type ParagraphOptions,
  type ListItem,
  type Cell,
  type Column,
  type TableOptions,
  type Fact,
} from './layout.ts';
