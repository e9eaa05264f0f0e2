/**
 * The case list: an applicant's own cases, a staff member's queue in their data scope (GET /api/v1/cases).
 *
 * One statement per page (ADR 0006): the capped count and the page are two subqueries of one SELECT, so a page
 * costs one round trip and one pool checkout. The page's ids are found first (index-only, in queue order, so a
 * deep page skips index entries, not table rows); only those rows are read, and only the columns a summary
 * shows — never the form. The index `case_state_due_idx (state, due_date, id) include (region_code)` (cases migration
 * `…_cases_queue_covering`) hands the staff queue over in its order with the region filter applied in the index.
 * A queue whose count reached the cap is not counted again for a few seconds (see `saturatedCounts`), and the
 * statements of a page are compiled once per caller and filter (see `compiledByDb`).
 */
import { maskPersonName } from '../../platform/http/redact.ts';
import { sql } from 'kysely';
import { isoTimestamp, type Db } from '../../platform/db/db.ts';
import { PREPARE_MARK } from '../../platform/db/prepared.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { slaLight } from './rules.ts';
import { OPEN_STATES, STATE_LABELS, type CaseState } from './state.ts';
import { mayOpenBundle, scoped, type CaseSummary } from './service.ts';

/** Counting stops here: a queue shows "1000+" rather than counting a million rows on every page view. */
export const COUNT_CAP = 1_000;

/**
 * Queues known to hold more than COUNT_CAP cases (queueKeys().count → until when), per database. A
 * count that reached the cap is not repeated for SATURATED_TTL_MS: the page itself is always read afresh, and the
 * total shown stays "1000+" — wrong only if the queue fell below the cap within those seconds. Counts under the
 * cap are never remembered, so a short queue's total is always exact.
 */
const SATURATED_TTL_MS = 5_000;
const SATURATED_MAX = 2_000;
const saturatedByDb = new WeakMap<Db, Map<string, number>>();
function saturatedCounts(db: Db): Map<string, number> {
  let m = saturatedByDb.get(db);
  if (!m) saturatedByDb.set(db, (m = new Map()));
  return m;
}

export type CaseFilter = {
  state?: CaseState;
  page: number;
  pageSize: number;
  q?: string;
  light?: 'green' | 'yellow' | 'red';
  assignee?: 'me' | 'unassigned';
  /** 'mine': accepted cases whose review step under way is for one of the caller's roles (a supervisor's 审批 …). */
  step?: 'mine';
};

/**
 * Everything the statements of a page depend on: the caller's scope (scoped() reads id, org and region), the
 * filters, the page and today's date (the light filter). Equal keys compile to equal statements.
 */
function queueKeys(actor: Actor, f: CaseFilter, today: string): { count: string; page: string } {
  const count = [actor.id, actor.subjectType, actor.orgId, actor.regionCode, [...actor.roles].join(','), f.state, f.q, f.light, f.assignee, f.step, f.light ? today : ''].join('\u0001');
  return { count, page: `${count}\u0001${f.page}\u0001${f.pageSize}` };
}

function compileQueue(db: Db, actor: Actor, f: CaseFilter, today: string) {
  let q = scoped(db.selectFrom('case'), actor);
  if (f.state) q = q.where('case.state', '=', f.state);
  if (f.q) q = q.where((eb) => eb.or([eb('case.number', '=', f.q!), eb('case.item_name', 'like', `%${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)]));
  if (f.light) {
    q = q.where('case.state', 'in', OPEN_STATES).where('case.suspension', 'is', null);
    if (f.light === 'red') q = q.where('case.due_date', '<', today);
    if (f.light === 'yellow') q = q.where('case.warn_date', '<=', today).where('case.due_date', '>=', today);
    if (f.light === 'green') q = q.where('case.warn_date', '>', today);
  }
  if (f.assignee === 'me') q = q.where('case.assignee_id', '=', actor.id);
  if (f.assignee === 'unassigned') q = q.where('case.assignee_id', 'is', null);
  if (f.step === 'mine') {
    const stepRole = sql<string>`${sql.ref('case.review')} -> 'steps' -> ((${sql.ref('case.review')} ->> 'current')::int) ->> 'role'`;
    q = q.where('case.state', '=', 'accepted').where(stepRole, 'in', actor.roles.length ? [...actor.roles] : ['-']);
  }
  const staff = actor.subjectType === 'staff';
  // Staff work the most urgent first; applicants see their newest first.
  const order = (t: 'case' | 'p') => (staff ? sql`${sql.ref(`${t}.due_date`)} asc nulls last, ${sql.ref(`${t}.id`)}` : sql`${sql.ref(`${t}.submitted_at`)} desc, ${sql.ref(`${t}.id`)}`);
  // The page's ids first — an index-only scan in queue order, however deep the page — then only those rows.
  const pageIds = q.select('case.id').orderBy(order('case')).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const page = db
    .selectFrom('case')
    .select([
      'case.id',
      'case.number',
      'case.state',
      'case.item_name',
      'case.impl_code',
      'case.agency_name',
      'case.applicant_name',
      'case.applicant_type',
      isoTimestamp('case.submitted_at').as('submitted_at'),
      'case.due_date',
      'case.warn_date',
      isoTimestamp('case.closed_at').as('closed_at'),
      'case.version',
      'case.accept_region_code',
      // 一件事 tag: a small JSON object on the row already read (no join).
      'case.bundle',
      sql<boolean>`${sql.ref('case.suspension')} is not null`.as('suspended'),
      // The assignee's name for the staff queue (identity's account row, read in the same statement).
      sql<string | null>`(select a.display_name from account a where a.id = ${sql.ref('case.assignee_id')})`.as('assignee_name'),
    ])
    .where('case.id', 'in', pageIds);
  const count = db.selectFrom(q.select(sql`1`.as('one')).limit(COUNT_CAP + 1).as('capped')).select((eb) => eb.fn.countAll<number>().as('total'));
  return {
    // A queue that held more than COUNT_CAP cases a moment ago: the page alone.
    pageOnly: db.selectFrom(page.as('p')).modifyFront(sql.raw(PREPARE_MARK)).selectAll('p').orderBy(order('p')).compile(),
    // The count's one row joined to the page's rows: an empty page still brings its total.
    withCount: db
      .selectFrom(page.as('p'))
      .modifyFront(sql.raw(PREPARE_MARK))
      .rightJoin(count.as('n'), (j) => j.onTrue())
      .selectAll('p')
      .select('n.total')
      .orderBy(order('p'))
      .compile(),
  };
}

/**
 * Compiled statements by queueKeys().page, per database: a workbench refreshing the same page does not build and
 * compile the same statement again (Kysely's builder and compiler were ~15 % of a queue page's CPU).
 */
const COMPILED_MAX = 2_000;
const compiledByDb = new WeakMap<Db, Map<string, ReturnType<typeof compileQueue>>>();

export async function listCases(db: Db, actor: Actor, f: CaseFilter, locale: Locale): Promise<{ cases: CaseSummary[]; total: number; totalCapped: boolean }> {
  const today = todayInShanghai();
  const staff = actor.subjectType === 'staff';
  const keys = queueKeys(actor, f, today);
  let memo = compiledByDb.get(db);
  if (!memo) compiledByDb.set(db, (memo = new Map()));
  let compiled = memo.get(keys.page);
  if (!compiled) {
    if (memo.size >= COMPILED_MAX) memo.delete(memo.keys().next().value!);
    memo.set(keys.page, (compiled = compileQueue(db, actor, f, today)));
  }
  const saturated = saturatedCounts(db);
  const now = Date.now();
  let rows;
  let total: number;
  if ((saturated.get(keys.count) ?? 0) > now) {
    // This queue held more than COUNT_CAP cases a moment ago: it shows "1000+" without counting again.
    rows = (await db.executeQuery(compiled.pageOnly)).rows;
    total = COUNT_CAP + 1;
  } else {
    rows = (await db.executeQuery(compiled.withCount)).rows;
    total = rows[0]?.total ?? 0;
    if (total > COUNT_CAP) {
      if (saturated.size >= SATURATED_MAX) saturated.delete(saturated.keys().next().value!);
      saturated.set(keys.count, now + SATURATED_TTL_MS);
    }
  }
  return {
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    cases: rows
      .filter((r) => r.id != null)
      .map((r) => ({
        id: r.id!,
        number: r.number!,
        state: r.state!,
        stateLabel: STATE_LABELS[r.state!][locale],
        itemName: r.item_name!,
        implCode: r.impl_code!,
        agencyName: r.agency_name!,
        applicantName: staff ? maskPersonName(r.applicant_name!, r.applicant_type!) : r.applicant_name!,
        submittedAt: r.submitted_at!,
        dueDate: r.due_date ?? null,
        closedAt: r.closed_at ?? null,
        slaLight: slaLight(OPEN_STATES.includes(r.state!) && !r.suspended, today, { dueDate: r.due_date ?? null, warnDate: r.warn_date ?? null }),
        version: r.version!,
        ...(staff ? { assigneeName: r.assignee_name ?? null } : {}),
        acceptRegionCode: r.accept_region_code ?? null,
        ...(r.bundle ? { bundle: { id: r.bundle.id, number: r.bundle.number, name: r.bundle.name, canOpen: mayOpenBundle(actor, r.bundle) } } : {}),
      })),
  };
}
