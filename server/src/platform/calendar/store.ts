/**
 * The calendar in force, from the `work_calendar` table. Built-in schedules (2004–2026) are loaded into the
 * table on start where a year is missing; administrators add new years (the State Council publishes each year
 * late in the year before) and correct old ones. Every process reloads the table at most every minute, and
 * at once after an edit through it, so all instances converge quickly.
 */
import type { Db } from '../db/db.ts';
import { writeAuditInTrx } from '../audit/index.ts';
import { BUILTIN_SCHEDULES } from './holidays.ts';
import { createCalendar, missingYears, validateSchedules, type CalendarData } from './working-days.ts';
import { CalendarDataError } from './errors.ts';
import { todayInShanghai, yearOf } from './plain-date.ts';
import type { YearSchedule } from './types.ts';

export type CalendarStore = {
  /** The calendar as last loaded (synchronous: used inside request handlers and transactions). */
  current(): CalendarData;
  refresh(): Promise<void>;
  start(intervalMs?: number): Promise<void>;
  stop(): void;
};

export async function ensureBuiltinSchedules(db: Db): Promise<number> {
  const rows = BUILTIN_SCHEDULES.map((s) => ({
    year: s.year,
    source: s.source,
    holidays: JSON.stringify(s.holidays),
    workdays: JSON.stringify(s.workdays),
    notes: s.notes ?? null,
    builtin: true,
  }));
  const r = await db.insertInto('work_calendar').values(rows).onConflict((oc) => oc.column('year').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function loadSchedules(db: Db): Promise<YearSchedule[]> {
  const rows = await db.selectFrom('work_calendar').selectAll().orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, source: r.source, holidays: r.holidays, workdays: r.workdays, ...(r.notes ? { notes: r.notes } : {}) }));
}

export function createCalendarStore(db: Db): CalendarStore {
  let cal: CalendarData = createCalendar(BUILTIN_SCHEDULES);
  let timer: NodeJS.Timeout | undefined;
  const refresh = async () => {
    cal = createCalendar(await loadSchedules(db));
  };
  return {
    current: () => cal,
    refresh,
    async start(intervalMs = 60_000) {
      await refresh();
      timer = setInterval(() => void refresh().catch(() => undefined), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

/** Replace one year's schedule after validating it together with the neighbouring years. */
export async function saveSchedule(db: Db, store: CalendarStore, schedule: YearSchedule, actor: { id: string; name: string }): Promise<void> {
  const others = (await loadSchedules(db)).filter((s) => s.year !== schedule.year);
  const problems = validateSchedules([...others, schedule]);
  if (problems.length) throw new CalendarDataError(problems);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('work_calendar').selectAll().where('year', '=', schedule.year).executeTakeFirst();
    const row = {
      source: schedule.source,
      holidays: JSON.stringify(schedule.holidays),
      workdays: JSON.stringify(schedule.workdays),
      notes: schedule.notes ?? null,
      builtin: false,
      updated_by: actor.id,
      updated_at: new Date(),
    };
    await trx.insertInto('work_calendar').values({ year: schedule.year, ...row }).onConflict((oc) => oc.column('year').doUpdateSet(row)).execute();
    await writeAuditInTrx(trx, { actor, action: 'calendar.save_year', entityType: 'work_calendar', entityId: String(schedule.year), before: before ?? null, after: schedule });
  });
  await store.refresh();
}

/** Years a deadline computed today may reach that have no schedule loaded: this year and next. */
export function calendarWarnings(cal: CalendarData, today = todayInShanghai()): Array<{ year: number; message: string }> {
  const year = yearOf(today);
  return missingYears({ from: today, to: `${year + 1}-12-31` }, cal)
    .filter((y) => y <= year + 1)
    .map((y) => ({
    year: y,
    message: `${y} 年的节假日安排尚未录入：该年的期限暂按周末计算，请在国务院办公厅发布通知后及时录入`,
  }));
}
