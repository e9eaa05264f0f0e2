import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv, toCsv } from './csv.ts';

/** The bytes cut into chunks of `size`, as a stream delivers them. */
async function* chunks(buf: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
async function all(buf: Uint8Array, size: number) {
  const out = [];
  for await (const r of csvRecords(chunks(buf, size))) out.push(r);
  return out;
}

describe('streamed CSV', () => {
  const rows = [['姓名', '说明'], ['张三', 'a,"b"'], ['李四', 'two\r\nlines'], ['王五', ''], ['赵六', 'x']];
  const text = toCsv(rows);
  const bytes = Buffer.from(text, 'utf8');

  it('reads the same records whatever the chunk size, with the line each starts on, the BOM dropped', async () => {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      const recs = await all(bytes, size);
      expect(recs.map((r) => r.cells)).toEqual(rows);
      expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 5, 6]);
    }
    expect([...parseCsv(text.slice(1))]).toEqual(rows);
  });

  it('reads GB18030 (Excel on Chinese Windows) and skips blank lines', async () => {
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0a, 0x0a, 0xc0, 0xee, 0xcb, 0xc4, 0x2c, 0x32]); // 张三,1\n\n李四,2
    const recs = await all(gbk, 3);
    expect(recs).toEqual([{ line: 1, cells: ['张三', '1'] }, { line: 3, cells: ['李四', '2'] }]);
  });
});
