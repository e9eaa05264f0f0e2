/**
 * The CJK fonts every generated PDF embeds (service guides today; licences and decision documents later).
 *
 * Font: Noto Sans CJK SC ("Noto Sans S Chinese", files NotoSansHans-Regular.otf / NotoSansHans-Bold.otf), shipped by
 * the npm package `@embedpdf/fonts-sc` (OpenType/CFF, CID-keyed). Licence: SIL Open Font License 1.1 (OFL-1.1, the
 * package's LICENSE file); embedding a subset in a PDF is allowed by the OFL. "Noto" is a trademark of Google LLC.
 * Coverage: all 6,763 GB2312 hanzi and the whole CJK Unified Ideographs block (20,902), CJK punctuation, full-width
 * forms, circled numbers, Latin and digits — 30,888 glyphs. Characters outside it (rare Extension B names, emoji)
 * print as □, the usual mark for a missing character, rather than as an empty box from the viewer.
 *
 * Why this package: it is the only maintained npm package found that ships whole (not web-sliced) Simplified Chinese
 * font files under an open font licence. Installed size is about 42 MB (five weights of ~8.4 MB; we load two), over
 * the 20 MB we aimed for, because the npm alternatives are worse:
 *  - `@fontsource/noto-sans-sc` (74 MB): its one-file "chinese-simplified" subset lacks ~1,050 GB2312 hanzi and ①②③, ℃;
 *    the rest is ~100 unicode-range slices per weight.
 *  - `@fontsource-variable/noto-sans-sc`, `noto-sans-sc`, `lxgw-wenkai-*-webfont`, `@chinese-fonts/*`: sliced web fonts
 *    (one glyph run would need a font per slice).
 *  - `node-source-han-sans-sc` (184 MB download), `@expo-google-fonts/noto-sans-sc` (57 MB download): larger.
 *  - `pdfmake-support-chinese-fonts`: a FZ Hei font, not openly licensed.
 * pdfkit (MIT) embeds a subset of the glyphs used (FontFile3/CIDFontType0C), so a guide stays around 100–200 KB.
 *
 * The font files are parsed once per process with fontkit and shared by every document: this saves ~60 ms per PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

export const FONT_PACKAGE = '@embedpdf/fonts-sc';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

/** The glyph shown for a character the font does not have. */
export const MISSING_CHAR = '□';

/** Directory of the font files inside the installed package (its exports map hides them, so go via its entry point). */
export function fontDirectory(): string {
  const entry = createRequire(import.meta.url).resolve(FONT_PACKAGE);
  // entry is <pkg>/dist/index.cjs; the fonts are in <pkg>/fonts
  return path.join(path.dirname(entry), '..', 'fonts');
}

export function fontFile(weight: FontWeight): string {
  return path.join(fontDirectory(), FILES[weight]);
}

const cache = new Map<FontWeight, Fontkit.Font>();
let fontkit: typeof Fontkit | undefined;
let loading: Promise<void> | undefined;

/**
 * Load the PDF engine (fontkit here, pdfkit in document.ts) on first use: about 15 MB of resident memory that a
 * process which never draws a PDF does not carry. Every entry point that draws awaits this first.
 */
export function loadFontEngine(): Promise<void> {
  return (loading ??= import('fontkit').then((m) => {
    fontkit = m;
  }));
}

/** The parsed font, loaded on first use. Throws a clear error when the font package is not installed. */
export function loadFont(weight: FontWeight): Fontkit.Font {
  const hit = cache.get(weight);
  if (hit) return hit;
  if (!fontkit) throw new Error('the PDF engine is not loaded: await loadFontEngine() (or createDocument) first');
  let file: string;
  let data: Buffer;
  try {
    file = fontFile(weight);
    data = fs.readFileSync(file);
  } catch (err) {
    throw new Error(`PDF font not found: install the npm package ${FONT_PACKAGE} (${(err as Error).message})`, { cause: err });
  }
  const font = fontkit.create(data);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, expected a single font`);
  cache.set(weight, font);
  return font;
}

/** Whether the embedded font can draw this character. */
export function canRender(codePoint: number, weight: FontWeight = 'regular'): boolean {
  return loadFont(weight).hasGlyphForCodePoint(codePoint);
}

// Zero-width and layout characters that are fine to pass through (the layout engine handles them).
const PASS = new Set([0x0a, 0x09, 0x20, 0xa0, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x3000]);

/**
 * Text the font can draw: control characters dropped (except newline and tab), CR/LF normalised, each character the
 * font lacks replaced by □. Both weights come from one family with the same coverage, so the regular font decides.
 */
export function printable(text: string): string {
  const font = loadFont('regular');
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    if (PASS.has(cp)) out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    else if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) continue; // variation selectors
    else out += font.hasGlyphForCodePoint(cp) ? ch : MISSING_CHAR;
  }
  return out;
}
