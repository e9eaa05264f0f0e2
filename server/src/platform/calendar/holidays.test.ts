import { describe, expect, it } from 'vitest';
import {
  BUILTIN_CALENDAR,
  BUILTIN_FIRST_YEAR,
  BUILTIN_LAST_YEAR,
  BUILTIN_SCHEDULES,
  addCalendarDays,
  isWeekend,
  isWorkingDay,
  validateSchedules,
  type YearSchedule,
} from './index.ts';

function datesOf(s: YearSchedule): string[] {
  const out: string[] = [];
  for (const h of s.holidays) {
    for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) out.push(d);
  }
  return out;
}

/**
 * Statutory days per year under 全国年节及纪念日放假办法: weekday days off minus
 * make-up working days must equal them (a holiday on a weekend is made up on
 * a weekday; a moved weekend is paid back by a worked weekend day).
 */
function statutoryDays(year: number): number {
  if (year <= 2007) return 10; // 1999 text: 元旦1 春节3 五一3 国庆3
  if (year <= 2024) return 11; // 2007/2013 texts: 元旦1 春节3 清明1 劳动1 端午1 中秋1 国庆3
  return 13; // 2024 text: 春节4 劳动2
}
const EXTRA_DAYS: Record<number, number> = {
  2015: 1, // 9月3日 抗战胜利70周年纪念日 (国发明电〔2015〕1号)
  2020: 2, // 春节延长至2月2日: Friday 1-31 off, Saturday 2-1 no longer worked
};

describe('BUILTIN_SCHEDULES', () => {
  it('holds every year from 2004 to 2026 once, in order', () => {
    expect(BUILTIN_SCHEDULES.map((s) => s.year)).toEqual(
      Array.from({ length: BUILTIN_LAST_YEAR - BUILTIN_FIRST_YEAR + 1 }, (_, i) => BUILTIN_FIRST_YEAR + i),
    );
  });

  it('is consistent (weekend make-up days, dates within reach, no day both off and worked)', () => {
    expect(validateSchedules(BUILTIN_SCHEDULES)).toEqual([]);
  });

  it('cites a notice for every year', () => {
    for (const s of BUILTIN_SCHEDULES) expect(s.source).toMatch(/^(国办发明电〔\d{4}〕\d+号|国务院办公厅关于\d{4}年部分节假日安排的通知)$/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(BUILTIN_SCHEDULES)).toBe(true);
    expect(Object.isFrozen(BUILTIN_SCHEDULES[0])).toBe(true);
    expect(Object.isFrozen(BUILTIN_SCHEDULES[0]!.holidays[0])).toBe(true);
  });

  it.each(BUILTIN_SCHEDULES.map((s) => [s.year, s] as const))(
    '%i: weekdays off minus make-up days equals the statutory days',
    (year, s) => {
      const weekdaysOff = new Set(datesOf(s).filter((d) => !isWeekend(d))).size;
      expect(weekdaysOff - s.workdays.length).toBe(statutoryDays(year) + (EXTRA_DAYS[year] ?? 0));
    },
  );

  it('lists the 2026 arrangement of 国办发明电〔2025〕7号', () => {
    const s = BUILTIN_SCHEDULES.find((x) => x.year === 2026)!;
    expect(s.source).toBe('国办发明电〔2025〕7号');
    expect(s.holidays.map((h) => [h.name, h.from, h.to])).toEqual([
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ]);
    expect(s.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it.each([
    // Spring Festival eve became a holiday only from 2025 (2024 text).
    ['2024-02-09', true],
    ['2025-01-28', false],
    ['2026-02-16', false],
    // 2020 extension (国办发明电〔2020〕1号).
    ['2020-01-31', false],
    ['2020-02-01', false],
    ['2020-02-03', true],
    ['2020-01-19', true],
    // 2019 Labour Day amendment.
    ['2019-04-28', true],
    ['2019-05-02', false],
    ['2019-05-05', true],
    // 2015 Victory Day.
    ['2015-09-03', false],
    ['2015-09-04', false],
    ['2015-09-06', true],
    // Make-up days at the end of the previous December.
    ['2005-12-31', true],
    ['2006-12-30', true],
    ['2006-12-31', true],
    ['2007-12-29', true],
    ['2007-12-31', false],
    ['2011-12-31', true],
    ['2018-12-29', true],
    ['2018-12-31', false],
    // Golden-week era.
    ['2004-01-02', true],
    ['2004-01-17', true],
    ['2004-05-07', false],
    ['2007-10-05', false],
  ] as const)('%s working: %s', (date, working) => {
    expect(isWorkingDay(date, BUILTIN_CALENDAR)).toBe(working);
  });
});
