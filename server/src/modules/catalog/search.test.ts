import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../testing/db.ts';
import type { Db } from '../../platform/db/db.ts';
import type { ItemDocument } from './schema.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';
import { fieldTokens, indexItemInTrx, planQueries, planQuery, reindexAllItems, searchPublished, searchTokens, type SearchQuery } from './search.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  h = await createTestDatabase('tongban_demo');
  db = h.db;
  // The demo seed may predate the indexer hook: index every item from its published (or latest) version.
  await reindexAllItems(db);
});
afterAll(() => h.drop());

const search = (q: string, more: Partial<SearchQuery> = {}) => searchPublished(db, { q, page: 1, pageSize: 20, ...more });
const names = async (q: string, more: Partial<SearchQuery> = {}) => (await search(q, more)).items.map((i) => i.name);

describe('segmentation and query planning (pure)', () => {
  it('keeps domain words whole and adds bigrams for unknown words', () => {
    const t = fieldTokens('住房公积金提取（购买自住住房）');
    expect(t).toEqual(expect.arrayContaining(['住房公积金', '公积金', '提取', '购买', '自住住房']));
    expect(t).toContain('积金'); // bigram
    expect(fieldTokens('居民身份证申领')).toEqual(expect.arrayContaining(['居民身份证', '身份证', '申领']));
  });

  it('turns colloquial phrases into what the catalog calls them and drops filler', () => {
    const p = planQuery('我想开个饭店需要办什么');
    expect(p.concepts).toHaveLength(1);
    expect(planQueries(p)!.strict).toContain("'食品经营许可'");
    expect(planQueries(planQuery('提公积金'))!.strict).toContain("'住房公积金提取'");
    expect(planQueries(planQuery('生孩子'))!.strict).toMatch(/出生登记.*出生医学证明/);
    expect(planQuery('公积金 退休').concepts).toHaveLength(2);
  });

  it('region prefixes include the regions below', () => {
    expect(regionLikePrefix('321200')).toBe('3212');
    expect(regionLikePrefix('320000')).toBe('32');
    expect(regionLikePrefix('321202')).toBe('321202');
    expect(regionLikePrefix('321202100000')).toBe('321202100');
  });
});

describe('colloquial queries land the obvious item first (demo catalog)', () => {
  const cases: Array<[string, RegExp]> = [
    ['开饭店', /^食品经营许可（新办）$/],
    ['开餐馆', /^食品经营许可（新办）$/],
    ['我想开个饭店需要办什么', /^食品经营许可（新办）$/],
    ['生孩子', /^(出生登记|出生医学证明首次签发)$/],
    ['开公司', /^有限责任公司设立登记$/],
    ['公积金提取', /^住房公积金提取/],
    ['提公积金', /^住房公积金提取/],
    ['结婚', /结婚登记$/],
    ['身份证', /^居民身份证申领$/],
    ['办身份证', /^居民身份证申领$/],
    ['身份证丢了怎么办', /^居民身份证换领、补领$/],
    ['个体户', /^个体工商户设立登记$/],
    ['退休', /^职工基本养老保险待遇申领$/],
    ['买房过户', /房屋所有权转移登记$/],
    ['网约车', /^网络预约出租汽车驾驶员从业资格证核发$/],
    ['KTV', /^娱乐场所/],
  ];
  for (const [q, expected] of cases) {
    it(`${q} → ${expected.source}`, async () => {
      const r = await search(q);
      expect(r.total).toBeGreaterThan(0);
      expect(r.items[0]!.name).toMatch(expected);
    });
  }

  it('results are complete summaries', async () => {
    const [first] = (await search('开饭店')).items;
    expect(first).toMatchObject({ name: '食品经营许可（新办）', kind: expect.any(String), kindLabel: expect.any(String), online: expect.any(Boolean) });
    expect(first!.implCode).toHaveLength(31);
    expect(first!.agency.name).toContain('市场监督管理局');
  });
});

describe('several words', () => {
  it('every word must match when possible', async () => {
    const r = await names('食品 许可 新办');
    expect(r).toContain('食品经营许可（新办）');
    for (const n of r) expect(n).toMatch(/^(?=.*食品)(?=.*许可)(?=.*新办)/);
  });

  it('公积金 退休 → the retirement withdrawal first', async () => {
    expect((await names('公积金 退休'))[0]).toBe('住房公积金提取（离休、退休）');
  });

  it('with three words, any two of them will do when no item has all three', async () => {
    expect((await names('星际 旅行 许可'))[0]).toBe('旅行社设立许可');
  });

  it('falls back to either word when no item has both', async () => {
    const r = await search('护照 低保');
    expect(r.total).toBeGreaterThan(1);
    const n = r.items.map((i) => i.name);
    expect(n).toContain('普通护照签发');
    expect(n).toContain('最低生活保障审核确认');
  });
});

describe('typos and partial words', () => {
  it('身分证 (typo) finds the identity card', async () => {
    expect((await names('身分证'))[0]).toMatch(/^居民身份证/);
  });

  it('营业只照 (typo of a keyword) finds the licence registrations', async () => {
    expect((await names('营业只照'))[0]).toMatch(/设立登记$/);
  });

  it('食品经营许课 (typo) finds the food licence', async () => {
    expect((await names('食品经营许课'))[0]).toMatch(/^食品经营许可/);
  });

  it('partial words: 公积, 营业执, 驾驶员, a single character', async () => {
    expect((await names('公积'))[0]).toMatch(/公积金/);
    expect((await names('营业执')).length).toBeGreaterThan(0);
    expect((await names('驾驶员'))[0]).toMatch(/驾驶员/);
    const drug = await names('药');
    expect(drug.length).toBeGreaterThan(0);
    for (const n of drug) expect(n).toContain('药');
  });

  it('nonsense finds nothing', async () => {
    expect(await search('量子纠缠')).toMatchObject({ items: [], total: 0 });
  });
});

describe('departments and places', () => {
  it('abbreviated department names find the department\'s items', async () => {
    const r = await search('人社局', { pageSize: 100 });
    expect(r.total).toBeGreaterThan(0);
    for (const i of r.items) expect(i.agency.name).toContain('人力资源和社会保障局');
    expect((await search('市场监管局')).items[0]!.agency.name).toContain('市场监督管理局');
  });

  it('a place name narrows to that place\'s agencies', async () => {
    const r = await search('海陵 个体户', { pageSize: 100 });
    expect(r.total).toBeGreaterThan(0);
    for (const i of r.items) expect(i.agency.name).toContain('海陵区');
    expect(r.items[0]!.name).toBe('个体工商户设立登记');
  });
});

describe('filters', () => {
  it('by department', async () => {
    const org = await db.selectFrom('service_item').select('org_id').where('agency_name', '=', '泰州市市场监督管理局').executeTakeFirstOrThrow();
    const r = await search('登记', { dept: org.org_id, pageSize: 100 });
    expect(r.total).toBeGreaterThan(0);
    for (const i of r.items) expect(i.agency.id).toBe(org.org_id);
    const all = await search('', { dept: org.org_id, pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(r.total);
  });

  it('by region: a district alone, or the city with its districts', async () => {
    const district = await search('', { regionCode: '321202', pageSize: 100 });
    expect(district.total).toBeGreaterThan(0);
    for (const i of district.items) expect(i.regionCode.startsWith('321202')).toBe(true);
    const city = await search('', { regionCode: '321200', pageSize: 100 });
    expect(city.total).toBeGreaterThan(district.total);
    expect(city.items.some((i) => i.regionCode === '321202')).toBe(true);
    const food = await search('开饭店', { regionCode: '321202' });
    expect(food.items[0]).toMatchObject({ name: '食品经营许可（新办）', regionCode: '321202' });
  });

  it('by topic', async () => {
    const r = await search('', { topic: '婚姻登记', pageSize: 100 });
    expect(r.total).toBeGreaterThan(0);
    const topics = await db.selectFrom('service_item').select(['impl_code', 'topics']).where('impl_code', 'in', r.items.map((i) => i.implCode)).execute();
    for (const t of topics) expect(t.topics).toContain('婚姻登记');
    expect((await search('开饭店', { topic: '婚姻登记' })).total).toBe(0);
  });

  it('by service object', async () => {
    const only = async (o: string) => (await sql<{ impl_code: string }>`select impl_code from service_item where status = 'published' and service_objects = cast(${[o]} as text[]) and name like '%登记%'`.execute(db)).rows.map((r) => r.impl_code);
    const [personOnly, entityOnly] = [await only('person'), await only('entity')];
    expect(personOnly.length).toBeGreaterThan(0);
    expect(entityOnly.length).toBeGreaterThan(0);
    const persons = (await search('登记', { object: 'person', pageSize: 100 })).items.map((i) => i.implCode);
    const entities = (await search('登记', { object: 'entity', pageSize: 100 })).items.map((i) => i.implCode);
    expect(persons).toEqual(expect.arrayContaining(personOnly));
    expect(entities).toEqual(expect.arrayContaining(entityOnly));
    for (const c of entityOnly) expect(persons).not.toContain(c);
    for (const c of personOnly) expect(entities).not.toContain(c);
  });

  it('by life event', async () => {
    const row = await db
      .selectFrom('service_item as i')
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
      .select(['i.id', 'i.agency_name', 'v.document'])
      .where('i.name', '=', '出生登记')
      .executeTakeFirstOrThrow();
    await indexItemInTrx(db, row.id, { ...row.document, lifeEvents: [...(row.document.lifeEvents ?? []), '测试人生事件'] }, row.agency_name);
    const r = await search('', { lifeEvent: '测试人生事件' });
    expect(r.items.map((i) => i.name)).toEqual(['出生登记']);
    expect((await search('登记', { lifeEvent: '测试人生事件' })).total).toBe(1);
    expect((await search('结婚', { lifeEvent: '测试人生事件' })).total).toBe(0);
  });
});

describe('listing and paging', () => {
  it('an empty query lists every published item in pinyin order', async () => {
    const r = await search('', { pageSize: 100 });
    const published = await db.selectFrom('service_item').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
    expect(r.total).toBe(published.n);
    const collator = new Intl.Collator('zh');
    const n = r.items.map((i) => i.name);
    for (let k = 1; k < n.length; k++) expect(collator.compare(n[k - 1]!, n[k]!)).toBeLessThanOrEqual(0);
    expect(await search('   ')).toMatchObject({ total: published.n });
  });

  it('pages keep the total and do not repeat items', async () => {
    const p1 = await search('登记', { pageSize: 5 });
    const p2 = await search('登记', { pageSize: 5, page: 2 });
    expect(p2.total).toBe(p1.total);
    expect(p2.items.length).toBeGreaterThan(0);
    const codes = new Set(p1.items.map((i) => i.implCode));
    for (const i of p2.items) expect(codes.has(i.implCode)).toBe(false);
    const beyond = await search('登记', { pageSize: 5, page: 1000 });
    expect(beyond).toMatchObject({ items: [], total: p1.total });
  });

  it('drafts and retired items are never found', async () => {
    const hidden = await db.selectFrom('service_item').select(['name', 'impl_code']).where('status', '!=', 'published').execute();
    expect(hidden.length).toBeGreaterThan(0);
    for (const d of hidden) {
      const codes = (await search(d.name, { pageSize: 100 })).items.map((i) => i.implCode);
      expect(codes).not.toContain(d.impl_code);
    }
  });
});

describe('hostile input', () => {
  const nasty = ["'; drop table service_item; --", "' or '1'='1", '%', '_', '\\', '%_\\', ':*', "a' & 'b", '!(&|)', '<->', '\u0000', '🙂🙂', 'SELECT * FROM service_item', '$1', '\'\'\'\'', 'a:*B', '登记\'|\'x'];
  it('SQL and tsquery syntax characters are plain text', async () => {
    for (const q of nasty) {
      const r = await search(q);
      expect(typeof r.total).toBe('number');
    }
    const n = await db.selectFrom('service_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(n.n).toBeGreaterThan(50);
  });

  it('emoji, rare characters and control characters are harmless', async () => {
    for (const q of ['🙂', '𠮷野家', '\u200b\u200b', '\t\n', '１２３４５６', 'ＫＴＶ']) expect(typeof (await search(q)).total).toBe('number');
    expect((await names('ＫＴＶ'))[0]).toMatch(/^娱乐场所/); // full-width letters are normalised
  });

  it('very long input is cut and stays fast', async () => {
    const t0 = performance.now();
    const r = await search('开饭店'.repeat(2000));
    expect(r.items[0]?.name).toBe('食品经营许可（新办）');
    const random = Array.from({ length: 5000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');
    await search(random);
    await search('x'.repeat(10_000));
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('the stored token literal survives odd item texts', async () => {
    const literal = searchTokens({ name: "测试'事项\\名称", keywords: ["o'clock", '\\x'], topics: [], implCode: 'X', baseCode: 'Y', result: { type: 'other', name: '' } } as unknown as ItemDocument, "机构'名");
    const r = await sql<{ v: string }>`select cast(${literal} as tsvector)::text as v`.execute(db);
    expect(r.rows[0]!.v).toContain("'clock':");
    expect(r.rows[0]!.v).toContain("'测试':");
  });
});

describe('indexing', () => {
  it('a re-indexed item is found at once, with its new words', async () => {
    expect((await search('星际穿越飞船')).total).toBe(0);
    const row = await db
      .selectFrom('service_item as i')
      .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
      .select(['i.id', 'i.agency_name', 'v.document'])
      .where('i.name', '=', '普通护照签发')
      .executeTakeFirstOrThrow();
    await indexItemInTrx(db, row.id, { ...row.document, keywords: [...row.document.keywords, '星际穿越飞船'] }, row.agency_name);
    expect((await names('星际穿越飞船'))[0]).toBe('普通护照签发');
    await indexItemInTrx(db, row.id, row.document, row.agency_name);
    expect((await search('星际穿越飞船')).total).toBe(0);
  });


  it('a tokenized query can use the GIN index', async () => {
    const strict = planQueries(planQuery('开饭店'))!.strict;
    const plan = await db.transaction().execute(async (trx) => {
      await sql`analyze service_item`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain select i.id from service_item i where i.status = 'published' and i.search_tokens @@ cast(${strict} as tsquery)`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('service_item_search_tokens_gin');
  });
});
