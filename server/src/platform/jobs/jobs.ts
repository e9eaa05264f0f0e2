/**
 * Background work on pg-boss in the same PostgreSQL: every server instance may take jobs, each job runs once.
 * - `on(topic, handler)`: handle domain events from the outbox (at-least-once; handlers are idempotent).
 * - `every(name, cron, handler)`: scheduled work (SLA sweeps, deemed acceptance …), once per tick cluster-wide.
 * The relay moves committed outbox rows to their queues; rows are claimed with SKIP LOCKED so several
 * instances can relay at once without sending an event twice.
 */
import { PgBoss } from 'pg-boss';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { DomainEvent } from './outbox.ts';

export type EventHandler = (event: DomainEvent) => Promise<void>;
type Logger = { info: (o: object, msg?: string) => void; error: (o: object, msg?: string) => void };

export type Jobs = {
  on(topic: string, handler: EventHandler): void;
  every(name: string, cron: string, handler: () => Promise<void>): void;
  /** A short periodic task run by every instance (it must be safe to run concurrently, e.g. guarded by a lock). */
  tick(intervalMs: number, handler: () => Promise<unknown>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Relay pending outbox events now (also runs on a timer). Returns how many were sent. */
  relayOnce(): Promise<number>;
};

const queueOf = (topic: string) => `event.${topic}`;

export function createJobs(db: Db, url: string, log: Logger, opts: { relayIntervalMs?: number } = {}): Jobs {
  const handlers = new Map<string, EventHandler[]>();
  const schedules: Array<{ name: string; cron: string; handler: () => Promise<void> }> = [];
  const tickers: Array<{ intervalMs: number; handler: () => Promise<unknown>; timer?: NodeJS.Timeout; running?: Promise<unknown> }> = [];
  let boss: PgBoss | undefined;
  let timer: NodeJS.Timeout | undefined;
  let relaying: Promise<number> | undefined;

  async function relayOnce(): Promise<number> {
    if (!boss) return 0;
    const b = boss;
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox_event')
        .selectAll()
        .where('delivered_at', 'is', null)
        .orderBy('created_at')
        .limit(200)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const r of rows) {
        const event: DomainEvent = { id: r.id, topic: r.topic, payload: r.payload, createdAt: r.created_at.toISOString() };
        if (handlers.has(r.topic)) await b.send(queueOf(r.topic), event, { singletonKey: r.id, retryLimit: 5, retryBackoff: true });
      }
      if (rows.length) await trx.updateTable('outbox_event').set({ delivered_at: sql`now()` }).where('id', 'in', rows.map((r) => r.id)).execute();
      return rows.length;
    });
  }

  return {
    on(topic, handler) {
      handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
    },
    every(name, cron, handler) {
      schedules.push({ name, cron, handler });
    },
    tick(intervalMs, handler) {
      tickers.push({ intervalMs, handler });
    },
    async start() {
      boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, application_name: 'tongban-jobs' });
      boss.on('error', (err: Error) => log.error({ err }, 'job queue error'));
      await boss.start();
      for (const [topic, hs] of handlers) {
        await boss.createQueue(queueOf(topic));
        await boss.work<DomainEvent>(queueOf(topic), async (jobs) => {
          for (const job of jobs) for (const h of hs) await h(job.data);
        });
      }
      for (const s of schedules) {
        await boss.createQueue(s.name);
        await boss.schedule(s.name, s.cron, {}, { tz: 'Asia/Shanghai' });
        await boss.work(s.name, async () => s.handler());
      }
      const tick = () => {
        relaying ??= relayOnce()
          .catch((err: Error) => {
            log.error({ err }, 'outbox relay failed');
            return 0;
          })
          .finally(() => (relaying = undefined));
      };
      timer = setInterval(tick, opts.relayIntervalMs ?? 1000);
      timer.unref();
      for (const t of tickers) {
        t.timer = setInterval(() => {
          t.running ??= t.handler()
            .catch((err: Error) => log.error({ err }, 'periodic task failed'))
            .finally(() => (t.running = undefined));
        }, t.intervalMs);
        t.timer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      for (const t of tickers) if (t.timer) clearInterval(t.timer);
      await Promise.all(tickers.map((t) => t.running));
      await relaying;
      await boss?.stop({ graceful: true, timeout: 10_000 });
      boss = undefined;
    },
    relayOnce: () => relayOnce(),
  };
}
