/**
 * CSV in and out for legacy license imports (RFC 4180: comma-separated, fields optionally in double quotes, `""`
 * for a quote inside quotes, line breaks allowed inside quotes, CRLF or LF between records).
 *
 * Encoding: UTF-8 with or without a BOM (what Excel's "CSV UTF-8" and WPS write), otherwise GB18030 (a superset of
 * GBK/GB2312: what Excel's plain "CSV" writes on a Chinese Windows). The test is cheap and exact: bytes that are not
 * valid UTF-8 are read as GB18030 — Chinese text in GBK is practically never valid UTF-8.
 */

export type CsvEncoding = 'utf-8' | 'gb18030';

/** Decode an uploaded CSV file to text, without its BOM. */
export function decodeCsv(buf: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  }
}

const COMMA = 44, LF = 10, CR = 13, QUOTE = 34;

/** Index of the next comma or line break from `i` (or the end). */
function fieldEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
    i++;
  }
  return n;
}

/**
 * The records of a CSV text, one array of fields each; blank lines are skipped. Fields are slices of the text (no
 * character-by-character concatenation), so a 100,000-line file is read without a heap full of string pieces.
 */
export function* parseCsv(text: string): Generator<string[]> {
  const n = text.length;
  let i = 0;
  let record: string[] = [];
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let start = i + 1;
      let parts = '';
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) {
          // An unterminated quote takes the rest of the text.
          field = parts + text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        field = parts + text.slice(start, q);
        // Leniently keep anything between the closing quote and the next comma.
        const end = fieldEnd(text, q + 1);
        if (end > q + 1) field += text.slice(q + 1, end);
        i = end;
        break;
      }
    } else {
      const end = fieldEnd(text, i);
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (i >= n) break;
    if (text.charCodeAt(i) === COMMA) {
      i++;
      if (i === n) record.push('');
      continue;
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (record.length > 1 || record[0] !== '') yield record;
    record = [];
  }
  if (record.length > 1 || (record.length === 1 && record[0] !== '')) yield record;
}

/** One CSV field, quoted when it needs to be; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
export function csvField(v: string): string {
  const s = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV document with a UTF-8 BOM, so Excel on Chinese Windows opens it in the right encoding. */
export function toCsv(rows: string[][]): string {
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
