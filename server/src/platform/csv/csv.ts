/**
 * CSV in and out for file imports (legacy licenses, register loads) — RFC 4180: comma-separated, fields optionally in double quotes, `""`
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

/** Line breaks in text[from, to) — to number records by the physical line they start on. */
function countLf(text: string, from: number, to: number): number {
  let k = 0;
  for (let j = text.indexOf('\n', from); j >= 0 && j < to; j = text.indexOf('\n', j + 1)) k++;
  return k;
}

type Scan = { record: string[]; next: number } | undefined;

/**
 * The record starting at `i`, and where the next one starts; undefined when the text ends before the record does
 * and more text may follow (`final` false). Fields are slices of the text, not character-by-character strings.
 */
function scanRecord(text: string, i: number, final: boolean): Scan {
  const n = text.length;
  const record: string[] = [];
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let start = i + 1;
      let parts = '';
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0 || (q === n - 1 && !final)) {
          if (!final) return undefined;
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
    if (i >= n) return final ? { record, next: n } : undefined;
    if (text.charCodeAt(i) === COMMA) {
      i++;
      if (i === n) {
        if (!final) return undefined;
        record.push('');
        return { record, next: n };
      }
      continue;
    }
    // A CR as the last character may be the first half of a CRLF.
    if (text.charCodeAt(i) === CR && i === n - 1 && !final) return undefined;
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    return { record, next: i };
  }
}

const blank = (r: string[]) => r.length === 1 && r[0] === '';

/**
 * The records of a CSV text, one array of fields each; blank lines are skipped. Fields are slices of the text (no
 * character-by-character concatenation), so a 100,000-line file is read without a heap full of string pieces.
 */
export function* parseCsv(text: string): Generator<string[]> {
  for (let i = 0; i < text.length; ) {
    const s = scanRecord(text, i, true)!;
    i = s.next;
    if (!blank(s.record)) yield s.record;
  }
}

/** A record of a streamed CSV file with the (1-based) physical line it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/** Enough bytes to tell UTF-8 from GB18030 (`decodeCsv`'s rule) before decoding a stream. */
const SNIFF_BYTES = 64 * 1024;

/** The encoding of a file from its first bytes: a BOM or valid UTF-8 (a cut-off last character allowed), else GB18030. */
export function sniffEncoding(head: Uint8Array, complete: boolean): { encoding: CsvEncoding; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}

/**
 * The records of a CSV byte stream (a file being read, an upload), decoded as `decodeCsv` does, blank lines skipped.
 * Holds one chunk and one unfinished record in memory at a time, so files of any size are read in constant memory.
 */
export async function* csvRecords(source: AsyncIterable<Uint8Array>, opts: { onEncoding?: (e: CsvEncoding) => void } = {}): AsyncGenerator<CsvRecord> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let text = '';
  let line = 1;
  const start = (head: Uint8Array, complete: boolean): string => {
    const { encoding, bom } = sniffEncoding(head, complete);
    opts.onEncoding?.(encoding);
    decoder = new TextDecoder(encoding);
    return decoder.decode(bom ? head.subarray(3) : head, { stream: !complete });
  };
  function* drain(final: boolean): Generator<CsvRecord> {
    let i = 0;
    while (i < text.length) {
      const s = scanRecord(text, i, final);
      if (!s) break;
      const at = line;
      line += countLf(text, i, s.next);
      i = s.next;
      if (!blank(s.record)) yield { line: at, cells: s.record };
    }
    text = text.slice(i);
  }
  for await (const chunk of source) {
    if (!decoder) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SNIFF_BYTES) continue;
      text += start(Buffer.concat(pending), false);
      pending = [];
    } else text += decoder.decode(chunk, { stream: true });
    yield* drain(false);
  }
  if (!decoder) text += start(Buffer.concat(pending), true);
  else text += decoder.decode();
  yield* drain(true);
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

/** Header cells compare without blanks, asterisks, "（必填）" and with ASCII parentheses. */
export const normHeader = (s: string) => s.replace(/[（(]必填[）)]/g, '').replace(/[\s*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** 2019-05-01, 2019/5/1, 2019.5.1, 2019年5月1日, 20190501, or an Excel date serial → YYYY-MM-DD. */
export function parseDay(raw: string | number): string | undefined {
  let y: number, m: number, d: number;
  if (typeof raw === 'number') {
    if (raw >= 20000 && raw < 80000) {
      const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(raw) * 86_400_000);
      return t.toISOString().slice(0, 10);
    }
    raw = String(raw);
  }
  const s = raw.trim();
  let p = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!p) return undefined;
  [y, m, d] = [Number(p[1]), Number(p[2]), Number(p[3])];
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900) return undefined;
  return t.toISOString().slice(0, 10);
}
