import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILTIN_CALENDAR, isWorkingDay, countWorkingDays } from '../../platform/calendar/index.ts';
import { deadline, extensionCap, isSpecificReason, resumeDeadline, slaLight } from './rules.ts';

describe('isSpecificReason (seed 001: no generic decline reasons)', () => {
  it.each(['材料不齐全', '材料有误', '不符合条件', '材料不齐全。', '  ', ''])('refuses "%s"', (r) => expect(isSpecificReason(r)).toBe(false));
  it('accepts a reason that names the problem', () => {
    expect(isSpecificReason('缺少经营场所的房屋租赁合同原件')).toBe(true);
    expect(isSpecificReason('材料不齐全：营业执照副本复印件未加盖公章')).toBe(true);
  });
});

describe('deadline', () => {
  it('counts across the 2026 Spring Festival: accepted Fri 2026-02-13, 5 working days', () => {
    // Feb 14 (Sat) is a make-up working day; Feb 15–23 is the holiday.
    const d = deadline('2026-02-13', 5, BUILTIN_CALENDAR);
    expect(d.dueDate).toBe('2026-02-27');
  });

  it('the due date is a working day and yellow starts before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, days) => {
        const from = new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const d = deadline(from, days, BUILTIN_CALENDAR);
        expect(isWorkingDay(d.dueDate, BUILTIN_CALENDAR)).toBe(true);
        expect(countWorkingDays(from, d.dueDate, BUILTIN_CALENDAR)).toBe(days);
        expect(d.warnDate <= d.dueDate).toBe(true);
        const left = countWorkingDays(d.warnDate, d.dueDate, BUILTIN_CALENDAR);
        expect(left).toBeLessThanOrEqual(Math.max(1, Math.ceil(days / 5)));
      }),
    );
  });
});

describe('slaLight', () => {
  const d = { dueDate: '2026-03-10', warnDate: '2026-03-09' };
  it('green, yellow, red as time passes; none once finished', () => {
    expect(slaLight(true, '2026-03-05', d)).toBe('green');
    expect(slaLight(true, '2026-03-09', d)).toBe('yellow');
    expect(slaLight(true, '2026-03-10', d)).toBe('yellow');
    expect(slaLight(true, '2026-03-11', d)).toBe('red');
    expect(slaLight(false, '2026-03-11', d)).toBeNull();
  });
});

describe('deadlines around the 2026 National Day schedule', () => {
  it('Sun 2026-09-20 is a make-up working day', () => {
    expect(deadline('2026-09-18', 1, BUILTIN_CALENDAR).dueDate).toBe('2026-09-20');
  });
  it('5 working days from Mon 2026-09-28 end on the make-up Saturday 2026-10-10', () => {
    expect(deadline('2026-09-28', 5, BUILTIN_CALENDAR).dueDate).toBe('2026-10-10');
  });
});

describe('resumeDeadline (行政许可法 art. 45: special procedures do not count)', () => {
  it('pushes the deadline back by the working days the procedure took', () => {
    const d = { dueDate: '2026-03-20', warnDate: '2026-03-18' };
    // Stopped Mon 03-02, resumed Mon 03-09: 5 working days paused.
    expect(resumeDeadline(d, '2026-03-02', '2026-03-09', BUILTIN_CALENDAR)).toEqual({ dueDate: '2026-03-27', warnDate: '2026-03-25' });
    expect(resumeDeadline(d, '2026-03-02', '2026-03-02', BUILTIN_CALENDAR)).toEqual(d);
  });
  it('extension caps follow art. 42', () => {
    expect(extensionCap(false)).toBe(10);
    expect(extensionCap(true)).toBe(15);
  });
});
