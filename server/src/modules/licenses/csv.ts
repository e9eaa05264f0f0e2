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

/** The records of a CSV text, one array of fields each; blank lines are skipped. */
export function* parseCsv(text: string): Generator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = function* () {
    record.push(field);
    field = '';
    if (record.length > 1 || record[0] !== '') yield record;
    record = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      yield* endRecord();
    } else field += c;
    i++;
  }
  if (field !== '' || record.length) yield* endRecord();
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
