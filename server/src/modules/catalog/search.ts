/**
 * Catalog search that understands Chinese.
 *
 * Index (computed here whenever an item is created or published; stored in `service_item.search_tokens`): each
 * text is cut into words — bidirectional maximum matching on the dictionary in synonyms.ts, ICU word segmentation
 * (`Intl.Segmenter`) for what the dictionary does not know — plus the bigrams inside each word (partial words
 * match) and, for the name and keywords, their single characters (typos). The tokens are stored as a `tsvector` literal with
 * weights: A name and codes, B keywords, C topics, life events, result and agency. A GIN index answers `@@`.
 *
 * Query: the phrase is normalised (NFKC, lower case) and segmented the same way; colloquial phrases become what the
 * catalog calls them (开饭店 → 食品经营许可), filler is dropped (我想, 怎么办), and each remaining word becomes a
 * concept: the word | its synonyms | (for unknown words) its bigrams. Concepts are ANDed; when that finds nothing,
 * a loose pass wants half of the words, and a fuzzy pass most of the query's characters in the name or keywords
 * (身分证 → 居民身份证, 营业只照 → 营业执照) — fuzzy first for one unbroken phrase, loose first for several words.
 *
 * Ranking: `ts_rank` over all alternatives (weights D .1, C .2, B .4, A 1), plus boosts when the query or its
 * first expansion is exactly the item's name or one of its keywords, when the name contains a several-word query,
 * and a small prior favouring the variant that grants the thing (新办) over 变更/注销/补发; ties: shorter name.
 *
 * (pg_trgm cannot help with Chinese here: in a database whose LC_CTYPE is C it extracts no trigrams from it.)
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { ItemDocument, ItemSummary } from './schema.ts';
import { ITEM_KIND_LABELS } from '../../platform/codes/index.ts';
import { ONLINE_DEPTH_ACCEPT } from './service.ts';
import { PHRASES, STOPWORDS, SYNONYM_GROUPS, VOCABULARY } from './synonyms.ts';
import { regionLikePrefix } from '../../platform/codes/index.ts';

// ---------------------------------------------------------------------------------------------------------------
// Text and dictionary
// ---------------------------------------------------------------------------------------------------------------

/** Longest query we look at (the public route allows 100 characters). */
const MAX_QUERY_CHARS = 100;
/** At most this many concepts are ANDed/ORed (very long input stays cheap). */
const MAX_CONCEPTS = 8;
/** tsvector positions must stay below 16384. */
const MAX_POSITION = 16_000;

/** Han characters of the Basic Multilingual Plane (one UTF-16 unit each, so slicing never splits a character). */
const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Runs of Han characters, or runs of other letters and digits (capped: a lexeme must stay short). */
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,64}|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}]){1,64}/gu;

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

type Piece = { text: string; start: number; dict: boolean };

/** Maximum matching against the dictionary, left to right or right to left; other characters stay single. */
function maxMatch(run: string, backward: boolean, exclude?: string): Piece[] {
  const out: Piece[] = [];
  const known = (w: string) => w !== exclude && QUERY_DICT.has(w);
  if (!backward) {
    for (let i = 0; i < run.length; ) {
      let len = Math.min(MAX_WORD, run.length - i);
      while (len >= 2 && !known(run.slice(i, i + len))) len--;
      if (len < 2) len = 1;
      out.push({ text: run.slice(i, i + len), start: i, dict: len >= 2 });
      i += len;
    }
  } else {
    for (let j = run.length; j > 0; ) {
      let len = Math.min(MAX_WORD, j);
      while (len >= 2 && !known(run.slice(j - len, j))) len--;
      if (len < 2) len = 1;
      out.unshift({ text: run.slice(j - len, j), start: j - len, dict: len >= 2 });
      j -= len;
    }
  }
  return out;
}

/**
 * Segment a Han run the same way for items and queries: bidirectional maximum matching on the dictionary (fewest
 * pieces, then fewest single characters, then right-to-left: 领养老金 → 领 | 养老金, not 领养 | 老 | 金), and ICU
 * word segmentation for the characters the dictionary does not cover.
 */
export function splitRun(run: string, exclude?: string): Piece[] {
  const fwd = maxMatch(run, false, exclude);
  const bwd = maxMatch(run, true, exclude);
  const singles = (ps: Piece[]) => ps.filter((p) => !p.dict).length;
  const best = fwd.length < bwd.length || (fwd.length === bwd.length && singles(fwd) < singles(bwd)) ? fwd : bwd;
  const out: Piece[] = [];
  let gap = '';
  let gapStart = 0;
  const flush = () => {
    if (gap) for (const w of icuWords(gap, gapStart)) out.push({ ...w, dict: false });
    gap = '';
  };
  for (const p of best) {
    if (p.dict) {
      flush();
      out.push(p);
    } else {
      if (!gap) gapStart = p.start;
      gap += p.text;
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Index side
// ---------------------------------------------------------------------------------------------------------------

type FieldOptions = { unigrams?: boolean };

/**
 * Bigrams inside a word, never across the words it is made of: a dictionary phrase is split again without itself
 * (领养老金 → 领 | 养老金 → 养老, 老金; 住房公积金 → 住房 | 公积金 → 住房, 公积, 积金).
 */
function wordBigrams(word: string, out: Set<string>): void {
  if (word.length <= 2) {
    if (word.length === 2) out.add(word);
    return;
  }
  const parts = splitRun(word, word);
  if (parts.length === 1) {
    for (const b of bigrams(word)) out.add(b);
    return;
  }
  let singles = '';
  for (const p of parts) {
    if (p.text.length === 1) {
      singles += p.text;
      continue;
    }
    for (const b of bigrams(singles)) out.add(b);
    singles = '';
    wordBigrams(p.text, out);
  }
  for (const b of bigrams(singles)) out.add(b);
}

/**
 * Tokens of one text field: its words (splitRun); dictionary words of three or more characters found anywhere;
 * the bigrams inside each word (partial words match) but never across two words (领养老金 yields no 领养); a
 * character the segmenter left alone glued to each neighbour (泰州市商务局 → 商务局, 张家港 → 张家港: a single
 * character is usually a suffix or part of a name); and optionally every single character (names, for typos).
 */
export function fieldTokens(text: string, o: FieldOptions = {}): string[] {
  const out = new Set<string>();
  for (const run of runsOf(text)) {
    if (!isHan(run[0]!) || run.length === 1) {
      out.add(run);
      continue;
    }
    const pieces = splitRun(run);
    pieces.forEach((p, k) => {
      if (p.text.length >= 2) {
        out.add(p.text);
        wordBigrams(p.text, out);
        return;
      }
      const prev = pieces[k - 1];
      const next = pieces[k + 1];
      if (prev) out.add(prev.text + p.text);
      if (next) out.add(p.text + next.text);
    });
    for (let i = 0; i < run.length; i++) {
      for (let len = Math.min(MAX_WORD, run.length - i); len >= 3; len--) {
        const w = run.slice(i, i + len);
        if (INDEX_DICT.has(w)) out.add(w);
      }
    }
    if (o.unigrams) for (const c of run) out.add(c);
  }
  return [...out];
}

export type SearchTokenParts = { a: string[]; b: string[]; c: string[] };

/** The weighted tokens of an item: A name and codes, B keywords, C topics, life events, result, agency. */
export function searchTokenParts(doc: ItemDocument, agencyName: string): SearchTokenParts {
  const a = new Set([...fieldTokens(doc.name, { unigrams: true }), doc.implCode.toLowerCase(), doc.baseCode.toLowerCase()]);
  const b = new Set<string>();
  for (const k of doc.keywords) for (const t of fieldTokens(k, { unigrams: true })) if (!a.has(t)) b.add(t);
  const c = new Set<string>();
  const cTexts = [...doc.topics, ...(doc.lifeEvents ?? []), doc.result?.name ?? ''];
  for (const text of cTexts) for (const t of fieldTokens(text)) if (!a.has(t) && !b.has(t)) c.add(t);
  for (const t of fieldTokens(agencyName)) if (!a.has(t) && !b.has(t)) c.add(t);
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

const VARIANT = /变更|注销|延续|换领|补领|补办|补发|换发|换证|撤销|迁移|迁入|遗失|更正|抵押|查询|接续|提前还款/;

/** A small prior: the variant that grants the thing (新办, 设立, 申领) ranks before change/cancel variants. */
export function searchPrior(doc: ItemDocument): number {
  return VARIANT.test(doc.name) ? -0.1 : 0;
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

/** A tsquery operand: a lexeme, a prefix, or an AND of lexemes. */
type Alt = { kind: 'lex' | 'prefix'; text: string } | { kind: 'and'; parts: string[] };
/** One thing the user asked for; `label` is the query text it came from (a single character is not a word). */
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
    for (const p of splitRun(run)) if (p.text.length >= 2) parts.push(p.text);
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
  /** Separate runs of text (words the user separated with spaces or punctuation). */
  runs: number;
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
      // Letters: prefix from two characters (kt → ktv); digits: prefix from six (a code being typed), else exact.
      const prefix = /^\d+$/.test(run) ? run.length >= 6 : run.length >= 2;
      const alts: Alt[] = [{ kind: prefix ? 'prefix' : 'lex', text: run }];
      for (const s of SYNONYMS.get(run) ?? []) alts.push({ kind: isHan(s) ? 'lex' : 'prefix', text: s });
      concepts.push({ alts, label: run });
      continue;
    }
    const pieces = splitRun(run);
    for (const p of pieces) if (!STOP.has(p.text)) for (const c of p.text) chars.add(c);
    for (const [k, p] of pieces.entries()) {
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
        // A lone character inside a longer run is glued to its neighbours, as the index does (商务|局 → 商务局);
        // at the end of the query it may also be the start of a word still being typed (营业执 → 营业 & 执*).
        const alts: Alt[] = [];
        const prev = pieces[k - 1];
        const next = pieces[k + 1];
        if (prev) alts.push({ kind: 'lex', text: prev.text + p.text });
        if (next) alts.push({ kind: 'lex', text: p.text + next.text });
        else alts.push({ kind: 'prefix', text: p.text });
        concept = { alts, label: p.text };
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
  const runs = (text.match(RUN) ?? []).length;
  return { full, concepts: unique, primary: [...primary], secondary: [...secondary].filter((s) => !primary.has(s)), chars: [...chars].slice(0, 8), runs };
}

/**
 * The tsqueries of a plan: strict (AND of concepts); loose (any half of the words — of two words either one — and
 * never a lone character, which would match half the catalog; undefined when it would equal strict); and the
 * ranking query (every alternative).
 */
export function planQueries(plan: QueryPlan): { strict: string; loose: string | undefined; rank: string } | undefined {
  if (!plan.concepts.length) return undefined;
  const cq = plan.concepts.map(conceptQuery);
  const words = plan.concepts.filter((c) => [...c.label].length > 1 || plan.concepts.length === 1).map(conceptQuery);
  const alts = new Map<string, string>();
  for (const c of plan.concepts) {
    for (const a of c.alts) {
      if (a.kind === 'and') for (const p of a.parts) alts.set(`lex:${p}`, quoteLexeme(p));
      else alts.set(altKey(a), altToQuery(a));
    }
  }
  let loose: string | undefined;
  if (words.length > 1 || (words.length === 1 && cq.length > 1)) {
    const some = words.slice(0, 6);
    const k = some.length <= 2 ? 1 : Math.ceil(some.length / 2);
    loose = k === 1 ? some.join(' | ') : combinations(some, k).map((c) => `(${c.join(' & ')})`).join(' | ');
  }
  return { strict: cq.join(' & '), loose, rank: [...alts.values()].join(' | ') };
}

function combinations<T>(xs: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [head, ...rest] = xs;
  return [...combinations(rest, k - 1).map((c) => [head!, ...c]), ...combinations(rest, k)];
}

/** Fuzzy pass: most of the query's characters must appear in the name or keywords (their characters are indexed). */
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
export type SearchResult = { items: ItemSummary[]; total: number; match?: 'exact' | 'related' };


/** ts_rank weights, in PostgreSQL's order D, C, B, A. */
const RANK_WEIGHTS = '{0.1,0.2,0.4,1.0}';

type Pass = { match: string; rank: string; exact?: boolean };

function whereClause(q: SearchQuery, match?: string): RawBuilder<unknown> {
  const conds: RawBuilder<unknown>[] = [sql`i.status = 'published'`];
  if (match !== undefined) conds.push(sql`i.search_tokens @@ cast(${match} as tsquery)`);
  if (q.regionCode) conds.push(sql`i.region_code like ${`${regionLikePrefix(q.regionCode)}%`}`);
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

/**
 * Summary fields straight from the published document, parsed once per row by jsonb_to_record (a `->>` per field
 * would decompress the document nine times), so whole documents never travel to Node.
 */
/** A function: service.ts may import this module, so its constant is read at call time, not at load. */
const summaryColumns = () => sql`d."implCode" as impl_code, d."baseCode" as base_code, d.name, d.kind, d."regionCode" as region_code,
  d."statutoryDays" as statutory_days, d."committedDays" as committed_days, d."visitsRequired" as visits_required,
  coalesce(${sql.lit(ONLINE_DEPTH_ACCEPT)} <= any(d."onlineDepth"), false) as online`;
const SUMMARY_RECORD = sql`jsonb_to_record(v.document) as d("implCode" text, "baseCode" text, name text, kind text, "regionCode" text,
  "statutoryDays" int, "committedDays" int, "visitsRequired" int, "onlineDepth" int[])`;

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
 * count them from the materialised rows (cheaper than a window), keep one page, then read the page's summary
 * fields from the published versions.
 */
async function runPass(db: Db, q: SearchQuery, pass: Pass, plan: QueryPlan, limit: number, offset: number): Promise<SummaryRow[]> {
  const r = await sql<SummaryRow>`
    with hits as materialized (
      select i.id, i.org_id, i.agency_name, i.published_version, length(i.name) as len, i.impl_code, ${scoreExpr(pass, plan)} as score
      from service_item i where ${whereClause(q, pass.match)}
    ), page as (
      select h.*, (select count(*) from hits) as total from hits h order by h.score desc, h.len, h.impl_code limit ${limit} offset ${offset}
    )
    select p.org_id, p.agency_name, p.total, ${summaryColumns()}
    from page p join service_item_version v on v.item_id = p.id and v.version = p.published_version cross join lateral ${SUMMARY_RECORD}
    order by p.score desc, p.len, p.impl_code`.execute(db);
  return r.rows;
}

async function countPass(db: Db, q: SearchQuery, match: string | undefined): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from service_item i where ${whereClause(q, match)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * No words: every matching item in pinyin order. Unfiltered (or region / service object only), the name index
 * delivers the page in order and the count runs alongside. With a selective filter (topic, life event, department)
 * the matches are collected through their index first and then sorted: walking the name index while filtering
 * would read thousands of rows when the matching items sit together in name order.
 */
async function listAlphabetical(db: Db, q: SearchQuery, limit: number, offset: number): Promise<SearchResult> {
  const summarize = (page: RawBuilder<unknown>) => sql<SummaryRow>`
    with ${page}
    select p.org_id, p.agency_name, p.total, ${summaryColumns()}
    from page p join service_item_version v on v.item_id = p.id and v.version = p.published_version cross join lateral ${SUMMARY_RECORD}
    order by p.name collate tongban_zh, p.impl_code`;
  if (q.topic || q.lifeEvent || q.dept) {
    const rows = await summarize(sql`matches as materialized (
        select i.id, i.org_id, i.agency_name, i.published_version, i.name, i.impl_code from service_item i where ${whereClause(q)}
      ), page as (
        select m.*, (select count(*) from matches) as total from matches m order by m.name collate tongban_zh, m.impl_code limit ${limit} offset ${offset}
      )`).execute(db);
    const total = rows.rows[0]?.total ?? (offset > 0 ? await countPass(db, q, undefined) : 0);
    return { items: rows.rows.map(toSummary), total };
  }
  const [total, rows] = await Promise.all([
    countPass(db, q, undefined),
    summarize(sql`page as (
        select i.id, i.org_id, i.agency_name, i.published_version, i.name, i.impl_code, 0 as total from service_item i where ${whereClause(q)}
        order by i.name collate tongban_zh, i.impl_code limit ${limit} offset ${offset}
      )`).execute(db),
  ]);
  return { items: rows.rows.map(toSummary), total };
}

/**
 * What a process keeps in memory to answer searches with one SQL statement per query text instead of one per URL
 * (public-snapshot.ts keeps it current): every published item's summary and filter columns, numbered, and the
 * ranked match list of each pass of each query text asked so far, over the whole catalog. Filters (region,
 * department, topic, service object, life event) and pages are then applied to the list in memory, so 南京市 and
 * 苏州市 and page 2 of 结婚登记 share one ranking. The ranking itself is always PostgreSQL's (the same score and
 * order as `runPass`).
 */
export type SearchMemo = {
  /** Number of a published item in the table; undefined when not loaded (the search then runs in SQL). */
  indexOf(id: string): number | undefined;
  item(index: number): MemoItem | undefined;
  list(key: string): Int32Array | undefined;
  /** Keep a ranked list made from data read after invalidation number `since` (ignored when changed since). */
  putList(key: string, list: Int32Array, since: number): void;
  seq(): number;
};

/** A published item as the in-memory search needs it: its summary and the columns the filters test. */
export type MemoItem = { summary: ItemSummary; regionCode: string; orgId: string; topics: readonly string[]; objects: readonly string[]; lifeEvents: readonly string[] };

/** The filters of `whereClause`, on a memo item. */
function memoMatches(it: MemoItem, q: SearchQuery, regionPrefix: string | undefined): boolean {
  return (
    (regionPrefix === undefined || it.regionCode.startsWith(regionPrefix)) &&
    (!q.dept || it.orgId === q.dept) &&
    (!q.topic || it.topics.includes(q.topic)) &&
    (!q.object || it.objects.includes(q.object)) &&
    (!q.lifeEvent || it.lifeEvents.includes(q.lifeEvent))
  );
}

/**
 * Every published match of a pass, in `runPass` order, regardless of filters. One row with the ids joined: a
 * broad query matches thousands of items, and one string splits far faster than thousands of rows parse.
 */
async function rankedIds(db: Db, pass: Pass, plan: QueryPlan): Promise<string[]> {
  const r = await sql<{ ids: string | null }>`
    select string_agg(i.id::text, ',' order by ${scoreExpr(pass, plan)} desc, length(i.name), i.impl_code) as ids
    from service_item i where ${whereClause({ page: 1, pageSize: 1 }, pass.match)}`.execute(db);
  const ids = r.rows[0]?.ids;
  return ids ? ids.split(',') : [];
}

/** The passes through the memo; undefined when an item is missing from the table (then SQL answers). */
async function searchWithMemo(db: Db, memo: SearchMemo, q: SearchQuery, text: string, plan: QueryPlan, passes: Array<() => Pass | undefined>, limit: number, offset: number): Promise<SearchResult | undefined> {
  const regionPrefix = q.regionCode ? regionLikePrefix(q.regionCode) : undefined;
  for (const [k, makePass] of passes.entries()) {
    const key = `${k}\u0001${text}`;
    let list = memo.list(key);
    const pass = list ? undefined : makePass();
    if (!list) {
      if (!pass) continue;
      const since = memo.seq();
      const ids = await rankedIds(db, pass, plan);
      list = new Int32Array(ids.length);
      for (let j = 0; j < ids.length; j++) {
        const x = memo.indexOf(ids[j]!);
        if (x === undefined) return undefined;
        list[j] = x;
      }
      memo.putList(key, list, since);
    }
    const items: ItemSummary[] = [];
    let total = 0;
    for (const x of list) {
      const it = memo.item(x);
      if (!it) return undefined;
      if (!memoMatches(it, q, regionPrefix)) continue;
      if (total >= offset && items.length < limit) items.push(it.summary);
      total++;
    }
    if (total > 0) return { items, total, match: k === 0 ? 'exact' : 'related' };
  }
  return { items: [], total: 0, match: 'exact' };
}

/**
 * Plans of recently asked texts. Planning (segmentation, synonyms, tsquery text) depends on the text alone and
 * costs more than cutting a page from a memoized ranked list, which is what most new URLs of a known text need.
 * Bounded: emptied when full.
 */
const PLAN_CACHE_MAX = 1_000;
const plans = new Map<string, { plan: QueryPlan; qs: ReturnType<typeof planQueries> }>();
function planFor(text: string): { plan: QueryPlan; qs: ReturnType<typeof planQueries> } {
  let p = plans.get(text);
  if (!p) {
    const plan = planQuery(text);
    p = { plan, qs: planQueries(plan) };
    if (plans.size >= PLAN_CACHE_MAX) plans.clear();
    plans.set(text, p);
  }
  return p;
}

/**
 * Search published items: words (optional) and filters; ranked as described at the top of this file, or in pinyin
 * order when there are no words. With a memo (the public route's), ranked lists are reused across filters and
 * pages; without one, or when the memo lacks an item, each pass is one SQL statement for the page asked.
 */
export async function searchPublished(db: Db, q: SearchQuery, memo?: SearchMemo): Promise<SearchResult> {
  const pageSize = Math.min(100, Math.max(1, Math.trunc(q.pageSize) || 20));
  const page = Math.min(10_000, Math.max(1, Math.trunc(q.page) || 1));
  const offset = (page - 1) * pageSize;
  const text = (q.q ?? '').trim();
  if (!text) return listAlphabetical(db, q, pageSize, offset);
  const { plan, qs } = planFor(text);
  if (!qs) return { items: [], total: 0 };
  // Strict (every concept), then loose (any concept), then fuzzy (most characters of the name): first that finds.
  // One unbroken phrase that misses is more likely a typo (营业只照) than several needs: fuzzy before loose then.
  // Built only when reached: the fuzzy pass's character combinations cost more than the rest of the plan.
  const loose = (): Pass | undefined => (qs.loose ? { match: qs.loose, rank: qs.rank } : undefined);
  const fuzzy = (): Pass | undefined => fuzzyQuery(plan);
  const passes: Array<() => Pass | undefined> = [() => ({ match: qs.strict, rank: qs.rank, exact: true }), ...(plan.runs > 1 ? [loose, fuzzy] : [fuzzy, loose])];
  if (memo) {
    const answer = await searchWithMemo(db, memo, q, text, plan, passes, pageSize, offset);
    if (answer) return answer;
  }
  for (const makePass of passes) {
    const pass = makePass();
    if (!pass) continue;
    const rows = await runPass(db, q, pass, plan, pageSize, offset);
    const total = rows[0]?.total ?? (offset > 0 ? await countPass(db, q, pass.match) : 0);
    // Only the strict pass matched every word; the looser passes find related items, and the portal says so.
    if (total > 0) return { items: rows.map(toSummary), total, match: pass.exact ? 'exact' : 'related' };
  }
  return { items: [], total: 0, match: 'exact' };
}
