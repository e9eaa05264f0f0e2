import { Type } from 'typebox';
import type { App } from '../http/server.ts';
import { ErrorResponse } from '../http/schemas.ts';
import type { Db } from '../db/db.ts';
import { addWorkingDays, countWorkingDays, MAX_WORKING_DAYS } from './working-days.ts';
import { calendarWarnings, loadSchedules, saveSchedule, type CalendarStore } from './store.ts';

const DateStr = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const Holiday = Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), from: DateStr('First day off'), to: DateStr('Last day off'), source: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
const YearBody = Type.Object(
  {
    source: Type.String({ minLength: 1, maxLength: 100, description: 'Notice number, e.g. 国办发明电〔2026〕X号' }),
    holidays: Type.Array(Holiday, { maxItems: 40 }),
    workdays: Type.Array(DateStr('Make-up working day (调休上班)'), { maxItems: 40 }),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export function calendarRoutes(app: App, deps: { db: Db; store: CalendarStore }) {
  app.get(
    '/api/v1/calendar/add-working-days',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'Due date of a limit of N working days from a date (the start day is not counted; 行政许可法 art. 82)',
        querystring: Type.Object({ from: DateStr('Start date, YYYY-MM-DD'), days: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS, description: 'Working days' }) }),
        response: { 200: Type.Object({ due: Type.String({ format: 'date' }) }), 400: ErrorResponse },
      },
    },
    async (req) => ({ due: addWorkingDays(req.query.from, req.query.days, deps.store.current()) }),
  );

  app.get(
    '/api/v1/calendar/working-days',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'Number of working days after `from` up to and including `to`',
        querystring: Type.Object({ from: DateStr('Start date'), to: DateStr('End date') }),
        response: { 200: Type.Object({ count: Type.Integer() }), 400: ErrorResponse },
      },
    },
    async (req) => ({ count: countWorkingDays(req.query.from, req.query.to, deps.store.current()) }),
  );

  app.get(
    '/api/v1/calendar/years',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'The holiday schedules in force, and warnings for years not yet loaded',
        response: {
          200: Type.Object({
            years: Type.Array(Type.Object({ year: Type.Integer(), source: Type.String(), holidays: Type.Array(Holiday), workdays: Type.Array(Type.String()), notes: Type.Optional(Type.String()) })),
            warnings: Type.Array(Type.Object({ year: Type.Integer(), message: Type.String() })),
          }),
        },
      },
    },
    async () => ({
      years: (await loadSchedules(deps.db)).map((y) => ({ ...y, holidays: [...y.holidays], workdays: [...y.workdays] })),
      warnings: calendarWarnings(deps.store.current()),
    }),
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      config: { access: 'calendar:manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Load or correct one year’s holiday schedule (validated with its neighbours)',
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: YearBody,
        response: { 204: Type.Null(), 400: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (req, reply) => {
      await saveSchedule(deps.db, deps.store, { year: req.params.year, ...req.body }, { id: req.actor!.id, name: req.actor!.displayName });
      return reply.status(204).send(null);
    },
  );
}
