/**
 * Catalog search that understands Chinese.
 *
 * Index (written in TypeScript when an item is created or published, stored in `service_item.search_tokens`):
 * the item's texts are cut into tokens — dictionary words (synonyms.ts), ICU words (`Intl.Segmenter`), every
 * character bigram, and the name's single characters — and stored as a `tsvector` literal with weights:
 * A name and codes, B keywords, C topics, life events, result and agency. A GIN index answers `@@`.
 *
 * Query: the phrase is normalised (NFKC, lower case), colloquial phrases are replaced by what the catalog calls
 * them (开饭店 → 食品经营许可), the rest is segmented the same way, filler is dropped (我想, 怎么办), and each
 * remaining word becomes a concept: the word | its synonyms | its bigrams (so unknown words still match).
 * Concepts are ANDed; when that finds nothing they are ORed; when that finds nothing either, a fuzzy pass
 * asks for most of the query's characters in the name (typos such as 身分证).
 *
 * Ranking: `ts_rank` over all alternatives (weights D .1, C .2, B .4, A 1), plus boosts when the query or its
 * first expansion is exactly the item's name or one of its keywords, when the name contains the query, and a
 * small prior favouring the "getting it" variant (新办) over 变更/注销/延续; ties go to the shorter name.
 *
 * (pg_trgm cannot help here: in a database whose LC_CTYPE is C it extracts no trigrams from Chinese text.)
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { ItemDocument, ItemSummary } from './schema.ts';
import { ONLINE_DEPTH_ACCEPT } from './service.ts';
import { ITEM_KIND_LABELS } from '../../platform/codes/index.ts';
import { PHRASES, STOPWORDS, SYNONYM_GROUPS, VOCABULARY } from './synonyms.ts';

// ---------------------------------------------------------------------------------------------------------------
// Text and dictionary
// ---------------------------------------------------------------------------------------------------------------

/** Longest query we look at (the public route allows 100 characters). */
const MAX_QUERY_CHARS = 100;
/** At most this many concepts are ANDed/ORed (very long input stays cheap). */
const MAX_CONCEPTS = 8;
/** tsvector positions must stay below 16384. */
const MAX_POSITION = 16_000;

const HAN_CHAR = /\p{Script=Han}/u;
/** Runs of Han characters, or runs of other letters and digits. */
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function isHan(s: string): boolean {
  return HAN_CHAR.test(s);
}

function runsOf(text: string): string[] {
  return normalize(text).match(RUN) ?? [];
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const STOP = new Set(STOPWORDS.map(normalize));
const PHRASE_MAP = new Map<string, readonly string[]>(Object.entries(PHRASES).map(([k, v]) => [normalize(k), v.map(normalize)]));
const SYNONYMS = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS) {
  const words = group.map(normalize);
  for (const w of words) {
    const set = SYNONYMS.get(w) ?? new Set<string>();
    for (const o of words) if (o !== w) set.add(o);
    SYNONYMS.set(w, set);
  }
}

const allHan = (w: string) => w.length >= 2 && [...w].every((c) => isHan(c));
/** Words recognised in item texts (index side). */
const INDEX_DICT = new Set<string>([...VOCABULARY, ...SYNONYM_GROUPS.flat(), ...Object.keys(PHRASES), ...Object.values(PHRASES).flat()].map(normalize).filter(allHan));
/** Words the query splitter keeps whole: the above plus filler. */
const QUERY_DICT = new Set<string>([...INDEX_DICT, ...[...STOP].filter(allHan)]);
const MAX_WORD = Math.max(...[...QUERY_DICT].map((w) => w.length));

/** ICU words of a Han run, with their offsets. */
function icuWords(run: string, offset = 0): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push({ text: s.segment, start: offset + s.index });
  return out;
}

function bigrams(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Index side
// ---------------------------------------------------------------------------------------------------------------

type FieldOptions = { bigrams: boolean; unigrams: boolean; icu: boolean };

/** Tokens of one text field: dictionary words found anywhere, ICU words, bigrams, single characters. */
export function fieldTokens(text: string, o: FieldOptions = { bigrams: true, unigrams: false, icu: true }): string[] {
  const out = new Set<string>();
  for (const run of runsOf(text)) {
    if (!isHan(run[0]!)) {
      out.add(run);
      continue;
    }
    if (run.length === 1) {
      out.add(run);
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      for (let len = Math.min(MAX_WORD, run.length - i); len >= 2; len--) {
        const w = run.slice(i, i + len);
        if (INDEX_DICT.has(w)) out.add(w);
      }
    }
    if (o.icu) for (const w of icuWords(run)) if (w.text.length >= 2) out.add(w.text);
    if (o.bigrams) for (const b of bigrams(run)) out.add(b);
    if (o.unigrams) for (const c of run) out.add(c);
  }
  return [...out];
}

export type SearchTokenParts = { a: string[]; b: string[]; c: string[] };

/** The weighted tokens of an item: A name and codes, B keywords, C topics, life events, result, agency. */
export function searchTokenParts(doc: ItemDocument, agencyName: string): SearchTokenParts {
  const a = new Set([...fieldTokens(doc.name, { bigrams: true, unigrams: true, icu: true }), doc.implCode.toLowerCase(), doc.baseCode.toLowerCase()]);
  const b = new Set<string>();
  for (const k of doc.keywords) for (const t of fieldTokens(k)) if (!a.has(t)) b.add(t);
  const c = new Set<string>();
  const cTexts = [...doc.topics, ...(doc.lifeEvents ?? []), doc.result?.name ?? ''];
  for (const text of cTexts) for (const t of fieldTokens(text, { bigrams: true, unigrams: false, icu: true })) if (!a.has(t) && !b.has(t)) c.add(t);
  for (const t of fieldTokens(agencyName, { bigrams: false, unigrams: false, icu: true })) if (!a.has(t) && !b.has(t)) c.add(t);
  return { a: [...a], b: [...b], c: [...c] };
}

function quoteLexeme(t: string): string {
  return `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The `tsvector` literal stored for an item: `'token':position+weight …`. */
export function searchTokens(doc: ItemDocument, agencyName: string): string {
  const parts = searchTokenParts(doc, agencyName);
  const out: string[] = [];
  let pos = 1;
  for (const [weight, tokens] of [['A', parts.a], ['B', parts.b], ['C', parts.c]] as const) {
    for (const t of tokens) {
      if (!t) continue;
      out.push(`${quoteLexeme(t)}:${Math.min(pos++, MAX_POSITION)}${weight}`);
    }
  }
  return out.join(' ');
}

/** Texts that earn the exact-match boost: the name (also without its parenthesised variant) and each keyword. */
export function exactTexts(doc: ItemDocument): string[] {
  const compact = (s: string) => normalize(s).replace(/\s+/g, '');
  const name = compact(doc.name);
  const base = name.replace(/\([^)]*\)$/, '');
  return [...new Set([name, base, ...doc.keywords.map(compact)].filter(Boolean))];
}

const VARIANT = /变更|注销|延续|换领|补领|补办|撤销|迁移|迁入|遗失|更正|抵押|查询/;

/** A small prior: the variant that grants the thing (新办, 设立, 申领) ranks before change/cancel variants. */
export function searchPrior(doc: ItemDocument): number {
  return VARIANT.test(doc.name) ? -0.05 : 0;
}

/** Plain lower-case text kept for simple LIKE filters elsewhere (admin lists). */
function plainText(doc: ItemDocument, agencyName: string): string {
  return [doc.name, agencyName, ...doc.keywords, ...doc.topics].join(' ').toLowerCase();
}

/** Update the search columns of an item from the document that channels will show (its published version). */
export async function indexItemInTrx(trx: Trx | Db, itemId: string, doc: ItemDocument, agencyName: string): Promise<void> {
  await trx
    .updateTable('service_item')
    .set({
      search_tokens: sql<string>`cast(${searchTokens(doc, agencyName)} as tsvector)`,
      search_exact: exactTexts(doc),
      search_boost: searchPrior(doc),
      topics: [...new Set(doc.topics)],
      service_objects: [...new Set(doc.serviceObjects)],
      life_events: [...new Set(doc.lifeEvents ?? [])],
      search_text: plainText(doc, agencyName),
    })
    .where('id', '=', itemId)
    .execute();
  cacheGeneration++;
}

/** Re-index every item from its published version (or latest, when never published). After dictionary changes. */
export async function reindexAllItems(db: Kysely<any>): Promise<number> {
  const rows = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').on(sql<boolean>`v.version = coalesce(i.published_version, i.current_version)`))
    .select(['i.id', 'i.agency_name', 'v.document'])
    .execute();
  for (const r of rows as Array<{ id: string; agency_name: string; document: ItemDocument }>) await indexItemInTrx(db as Db, r.id, r.document, r.agency_name);
  return rows.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Query side
// ---------------------------------------------------------------------------------------------------------------

type Piece = { text: string; start: number; dict: boolean };

/** Split a Han run: dictionary words first (longest match, left to right), ICU words in between. */
function splitRun(run: string): Piece[] {
  const out: Piece[] = [];
  let gapStart = 0;
  const flush = (end: number) => {
    if (end > gapStart) for (const w of icuWords(run.slice(gapStart, end), gapStart)) out.push({ ...w, dict: false });
  };
  let i = 0;
  while (i < run.length) {
    let hit = '';
    for (let len = Math.min(MAX_WORD, run.length - i); len >= 2; len--) {
      const w = run.slice(i, i + len);
      if (QUERY_DICT.has(w)) {
        hit = w;
        break;
      }
    }
    if (hit) {
      flush(i);
      out.push({ text: hit, start: i, dict: true });
      i += hit.length;
      gapStart = i;
    } else {
      i++;
    }
  }
  flush(run.length);
  return out;
}

/** A tsquery operand: a lexeme, a prefix, or an AND of lexemes. */
type Alt = { kind: 'lex' | 'prefix'; text: string } | { kind: 'and'; parts: string[] };
type Concept = { alts: Alt[]; label: string };

function altToQuery(a: Alt): string {
  if (a.kind === 'and') return `(${a.parts.map(quoteLexeme).join(' & ')})`;
  return a.kind === 'prefix' ? `${quoteLexeme(a.text)}:*` : quoteLexeme(a.text);
}

function altKey(a: Alt): string {
  return a.kind === 'and' ? `&${a.parts.join('&')}` : `${a.kind}:${a.text}`;
}

function conceptQuery(c: Concept): string {
  const qs = [...new Map(c.alts.map((a) => [altKey(a), altToQuery(a)])).values()];
  return qs.length === 1 ? qs[0]! : `(${qs.join(' | ')})`;
}

/** Alternatives for a multi-character Han word: itself, its synonyms, and (when unknown) its bigrams. */
function wordAlts(w: string, known: boolean): Alt[] {
  const alts: Alt[] = [{ kind: 'lex', text: w }];
  for (const s of SYNONYMS.get(w) ?? []) alts.push(...(isHan(s) ? [{ kind: 'lex' as const, text: s }] : [{ kind: 'prefix' as const, text: s }]));
  if (!known && w.length >= 3) alts.push({ kind: 'and', parts: bigrams(w) });
  return alts;
}

/** Alternatives for an official term an expansion points to (食品经营许可, 居民身份证换领、补领 …). */
function termAlts(term: string): Alt[] {
  const runs = runsOf(term);
  const parts: string[] = [];
  for (const run of runs) {
    if (!isHan(run[0]!) || run.length <= 2) {
      parts.push(run);
      continue;
    }
    for (const p of splitRun(run)) {
      if (p.text.length >= 2) parts.push(p.text);
      else parts.push(run.slice(Math.max(0, p.start - 1), Math.max(0, p.start - 1) + 2));
    }
  }
  const alts: Alt[] = [];
  if (runs.length === 1 && isHan(runs[0]![0]!)) alts.push({ kind: 'lex', text: runs[0]! });
  const uniq = [...new Set(parts)];
  if (uniq.length > 1) alts.push({ kind: 'and', parts: uniq });
  else if (uniq.length === 1 && uniq[0] !== runs[0]) alts.push({ kind: 'lex', text: uniq[0]! });
  return alts;
}

export type QueryPlan = {
  /** Normalised, whitespace-free query (for the contains-boost). */
  full: string;
  concepts: Concept[];
  /** Texts whose exact presence among an item's name/keywords earns the full boost (query, first expansions). */
  primary: string[];
  /** Other expansions: half the boost. */
  secondary: string[];
  /** Distinct Han characters for the fuzzy pass. */
  chars: string[];
};

/** Parse a user's phrase into concepts. Pure; exported for tests and diagnostics. */
export function planQuery(raw: string): QueryPlan {
  const text = normalize(raw.slice(0, MAX_QUERY_CHARS));
  const full = (text.match(RUN) ?? []).join('');
  const primary = new Set<string>(full ? [full] : []);
  const secondary = new Set<string>();
  const concepts: Concept[] = [];
  const fillers: Concept[] = [];
  const chars = new Set<string>();
  for (const run of text.match(RUN) ?? []) {
    if (!isHan(run[0]!)) {
      const alts: Alt[] = [{ kind: 'prefix', text: run }];
      for (const s of SYNONYMS.get(run) ?? []) alts.push({ kind: isHan(s) ? 'lex' : 'prefix', text: s });
      concepts.push({ alts, label: run });
      continue;
    }
    for (const c of run) if (!STOP.has(c)) chars.add(c);
    for (const p of splitRun(run)) {
      const expansions = PHRASE_MAP.get(p.text);
      if (expansions) {
        const alts: Alt[] = [{ kind: 'lex', text: p.text }, ...wordAlts(p.text, true).slice(1)];
        for (const t of expansions) alts.push(...termAlts(t));
        primary.add(p.text);
        expansions.forEach((t, i) => (i === 0 ? primary : secondary).add(t.replace(/\s+/g, '')));
        concepts.push({ alts, label: p.text });
        continue;
      }
      let concept: Concept;
      if (p.text.length >= 2) {
        concept = { alts: wordAlts(p.text, p.dict), label: p.text };
      } else if (run.length === 1) {
        concept = { alts: [{ kind: 'lex', text: p.text }], label: p.text };
      } else {
        // A lone character inside a longer run: pair it with its neighbour (驾驶|员 → 驶员), which is indexed.
        const from = p.start > 0 ? p.start - 1 : p.start;
        concept = { alts: [{ kind: 'lex', text: run.slice(from, from + 2) }], label: p.text };
      }
      if (STOP.has(p.text)) fillers.push(concept);
      else concepts.push(concept);
    }
  }
  const chosen = (concepts.length ? concepts : fillers).slice(0, MAX_CONCEPTS);
  const seen = new Set<string>();
  const unique = chosen.filter((c) => {
    const k = conceptQuery(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { full, concepts: unique, primary: [...primary], secondary: [...secondary].filter((s) => !primary.has(s)), chars: [...chars].slice(0, 8) };
}

/** The three tsqueries of a plan: strict (AND of concepts), loose (OR), and the ranking query (every alternative). */
export function planQueries(plan: QueryPlan): { strict: string; loose: string; rank: string } | undefined {
  if (!plan.concepts.length) return undefined;
  const cq = plan.concepts.map(conceptQuery);
  const alts = new Map<string, string>();
  for (const c of plan.concepts) {
    for (const a of c.alts) {
      if (a.kind === 'and') for (const p of a.parts) alts.set(`lex:${p}`, quoteLexeme(p));
      else alts.set(altKey(a), altToQuery(a));
    }
  }
  return { strict: cq.join(' & '), loose: cq.join(' | '), rank: [...alts.values()].join(' | ') };
}

function combinations<T>(xs: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [head, ...rest] = xs;
  return [...combinations(rest, k - 1).map((c) => [head!, ...c]), ...combinations(rest, k)];
}

/** Fuzzy pass: most of the query's characters must appear in the name (single characters are indexed there). */
export function fuzzyQuery(plan: QueryPlan): { match: string; rank: string } | undefined {
  const n = plan.chars.length;
  if (n < 2) return undefined;
  const k = n <= 3 ? 2 : Math.ceil(n * 0.6);
  const combos = combinations(plan.chars, k);
  return { match: combos.map((c) => `(${c.map(quoteLexeme).join(' & ')})`).join(' | '), rank: plan.chars.map(quoteLexeme).join(' | ') };
}

// ---------------------------------------------------------------------------------------------------------------
// SQL
// ---------------------------------------------------------------------------------------------------------------

export type SearchQuery = { q?: string; regionCode?: string; dept?: string; topic?: string; object?: 'person' | 'entity'; lifeEvent?: string; page: number; pageSize: number };
export type SearchResult = { items: ItemSummary[]; total: number };

/** Region code → LIKE prefix: 321200 → 3212, 320000 → 32, 321202100000 → 321202100. */
export function regionPrefix(code: string): string {
  let c = code.trim();
  if (c.length > 6) c = c.replace(/(000)+$/, '');
  if (c.length <= 6) c = c.replace(/(00)+$/, '');
  return c.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** ts_rank weights, in PostgreSQL's order D, C, B, A. */
const RANK_WEIGHTS = '{0.1,0.2,0.4,1.0}';

type Pass = { match: string; rank: string };

function whereClause(q: SearchQuery, match?: string): RawBuilder<unknown> {
  const conds: RawBuilder<unknown>[] = [sql`i.status = 'published'`];
  if (match !== undefined) conds.push(sql`i.search_tokens @@ cast(${match} as tsquery)`);
  if (q.regionCode) conds.push(sql`i.region_code like ${`${regionPrefix(q.regionCode)}%`}`);
  if (q.dept) conds.push(sql`i.org_id = ${q.dept}`);
  if (q.topic) conds.push(sql`i.topics @> cast(${[q.topic]} as text[])`);
  if (q.object) conds.push(sql`i.service_objects @> cast(${[q.object]} as text[])`);
  if (q.lifeEvent) conds.push(sql`i.life_events @> cast(${[q.lifeEvent]} as text[])`);
  return sql.join(conds, sql` and `);
}

function scoreExpr(pass: Pass, plan: QueryPlan): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`ts_rank(cast(${RANK_WEIGHTS} as real[]), i.search_tokens, cast(${pass.rank} as tsquery), 0)`, sql`i.search_boost`];
  if (plan.primary.length) parts.push(sql`case when i.search_exact && cast(${plan.primary} as text[]) then 1 else 0 end`);
  if (plan.secondary.length) parts.push(sql`case when i.search_exact && cast(${plan.secondary} as text[]) then 0.5 else 0 end`);
  // With several words, an item whose name contains the whole phrase comes first (one word: ts_rank covers it).
  if (plan.concepts.length > 1 && plan.full) parts.push(sql`case strpos(i.search_exact[1], ${plan.full}) when 0 then 0 when 1 then 0.6 else 0.4 end`);
  return sql.join(parts, sql` + `);
}

/** Summary fields straight from the published document (no need to ship whole documents to Node). A function:
 * service.ts may import this module, so its constants are read at call time. */
const summaryColumns = () => sql`v.document->>'implCode' as impl_code, v.document->>'baseCode' as base_code, v.document->>'name' as name,
  v.document->>'kind' as kind, v.document->>'regionCode' as region_code, (v.document->>'statutoryDays')::int as statutory_days,
  (v.document->>'committedDays')::int as committed_days, (v.document->>'visitsRequired')::int as visits_required,
  jsonb_path_exists(v.document, '$.onlineDepth[*] ? (@ >= $min)', jsonb_build_object('min', ${ONLINE_DEPTH_ACCEPT}::int)) as online`;

type SummaryRow = {
  org_id: string;
  agency_name: string;
  impl_code: string;
  base_code: string;
  name: string;
  kind: string;
  region_code: string;
  statutory_days: number;
  committed_days: number;
  visits_required: number;
  online: boolean;
  total: number;
};

function toSummary(r: SummaryRow): ItemSummary {
  return {
    implCode: r.impl_code,
    baseCode: r.base_code,
    name: r.name,
    kind: r.kind,
    kindLabel: (ITEM_KIND_LABELS as Record<string, string>)[r.kind] ?? r.kind,
    agency: { id: r.org_id, name: r.agency_name },
    regionCode: r.region_code,
    statutoryDays: r.statutory_days,
    committedDays: r.committed_days,
    visitsRequired: r.visits_required,
    online: r.online,
  };
}

/**
 * One statement per pass: score the matches (narrow rows, materialised so the wide index columns are read once),
 * count them with a window, keep one page, then read the page's summary fields from the published versions.
 */
async function runPass(db: Db, q: SearchQuery, pass: Pass, plan: QueryPlan, limit: number, offset: number): Promise<SummaryRow[]> {
  const r = await sql<SummaryRow>`
    with hits as materialized (
      select i.id, i.org_id, i.agency_name, i.published_version, length(i.name) as len, i.impl_code, ${scoreExpr(pass, plan)} as score
      from service_item i where ${whereClause(q, pass.match)}
    ), page as (
      select h.*, count(*) over () as total from hits h order by h.score desc, h.len, h.impl_code limit ${limit} offset ${offset}
    )
    select p.org_id, p.agency_name, p.total, ${summaryColumns()}
    from page p join service_item_version v on v.item_id = p.id and v.version = p.published_version
    order by p.score desc, p.len, p.impl_code`.execute(db);
  return r.rows;
}

async function countPass(db: Db, q: SearchQuery, match: string | undefined): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from service_item i where ${whereClause(q, match)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** No words: every matching item in pinyin order (index-ordered; the count runs alongside). */
async function listAlphabetical(db: Db, q: SearchQuery, limit: number, offset: number): Promise<SearchResult> {
  const [total, rows] = await Promise.all([
    countPass(db, q, undefined),
    sql<SummaryRow>`
      with page as (
        select i.id, i.org_id, i.agency_name, i.published_version, i.name, i.impl_code from service_item i where ${whereClause(q)}
        order by i.name collate tongban_zh, i.impl_code limit ${limit} offset ${offset}
      )
      select p.org_id, p.agency_name, 0 as total, ${summaryColumns()}
      from page p join service_item_version v on v.item_id = p.id and v.version = p.published_version
      order by p.name collate tongban_zh, p.impl_code`.execute(db),
  ]);
  return { items: rows.rows.map(toSummary), total };
}

async function searchUncached(db: Db, q: SearchQuery): Promise<SearchResult> {
  const pageSize = Math.min(100, Math.max(1, Math.trunc(q.pageSize) || 20));
  const page = Math.min(10_000, Math.max(1, Math.trunc(q.page) || 1));
  const offset = (page - 1) * pageSize;
  const text = (q.q ?? '').trim();
  if (!text) return listAlphabetical(db, q, pageSize, offset);
  const plan = planQuery(text);
  const qs = planQueries(plan);
  if (!qs) return { items: [], total: 0 };
  // Strict (every concept), then loose (any concept), then fuzzy (most characters of the name): first that finds.
  const passes: Pass[] = [{ match: qs.strict, rank: qs.rank }];
  if (plan.concepts.length > 1) passes.push({ match: qs.loose, rank: qs.rank });
  const fuzzy = fuzzyQuery(plan);
  if (fuzzy) passes.push(fuzzy);
  for (const pass of passes) {
    const rows = await runPass(db, q, pass, plan, pageSize, offset);
    const total = rows[0]?.total ?? (offset > 0 ? await countPass(db, q, pass.match) : 0);
    if (total > 0) return { items: rows.map(toSummary), total };
  }
  return { items: [], total: 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// A short-lived result cache: public search is read-heavy and the same few queries dominate. Entries live a few
// seconds and are dropped whenever this process re-indexes an item; other processes see changes within the TTL.
// ---------------------------------------------------------------------------------------------------------------

const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 500;
let cacheGeneration = 0;
const caches = new WeakMap<object, Map<string, { at: number; gen: number; value: Promise<SearchResult> }>>();

/** Forget cached results (tests, or after bulk changes made outside `indexItemInTrx`). */
export function clearSearchCache(): void {
  cacheGeneration++;
}

export async function searchPublished(db: Db, q: SearchQuery): Promise<SearchResult> {
  const key = JSON.stringify([q.q?.trim() ?? '', q.regionCode ?? '', q.dept ?? '', q.topic ?? '', q.object ?? '', q.lifeEvent ?? '', q.page, q.pageSize]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.gen === cacheGeneration && now - hit.at < CACHE_TTL_MS) return hit.value;
  const value = searchUncached(db, q);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, { at: now, gen: cacheGeneration, value });
  value.catch(() => cache.delete(key));
  return value;
}
