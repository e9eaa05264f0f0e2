/**
 * A log written in batches (the license verification log, ADR 0010; the sharing access log, ADR 0012): rows wait in
 * memory and are written by one `write` call every `flushMs` or as soon as `batch` are waiting, and on close (the
 * app's onClose hook), so a clean shutdown loses nothing. A failed write keeps its rows for the next flush. The
 * buffer is bounded (`maxPending`): when it is full a request waits for a flush, and if the database still takes
 * nothing it gets a 503 rather than an unlogged answer.
 */
import { HttpErrors } from '../http/errors.ts';

export type BatchedWriter<T> = {
  /** Queue one row (resolves at once unless the buffer is full, then after a flush made room). */
  add(row: T): Promise<void>;
  /** Write everything queued so far. */
  flush(): Promise<void>;
  readonly pending: number;
  /** Flush and stop the timer; rows added later are written at once. */
  close(): Promise<void>;
};

export type BatchedWriterOptions = { flushMs?: number; batch?: number; maxPending?: number };

export const LOG_FLUSH_MS = 200;
export const LOG_BATCH = 500;
/** The buffer never holds more than this: when the database cannot keep up, requests wait for a flush. */
export const LOG_MAX_PENDING = 20_000;

/** `what` names the log in the 503 a request gets when its row cannot be queued. */
export function createBatchedWriter<T>(what: string, write: (rows: T[]) => Promise<void>, opts: BatchedWriterOptions = {}): BatchedWriter<T> {
  const flushMs = opts.flushMs ?? LOG_FLUSH_MS;
  const batch = opts.batch ?? LOG_BATCH;
  const maxPending = opts.maxPending ?? LOG_MAX_PENDING;
  let buffer: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const writeOnce = async () => {
    if (!buffer.length) return;
    const rows = buffer;
    buffer = [];
    try {
      await write(rows);
    } catch (err) {
      buffer = rows.concat(buffer); // kept for the next flush, oldest first
      throw err;
    }
  };

  /** A flush waiting for the one in progress: it takes everything waiting when it starts, so one is enough. */
  let queued: Promise<void> | undefined;

  /** Flushes run one after another; each takes what is waiting when it starts. */
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (queued) return queued;
    const start = () => {
      queued = undefined;
      return writeOnce();
    };
    const next = running.then(start, start);
    queued = next;
    running = next.catch(() => undefined);
    return next;
  };

  const background = () => {
    flush().catch(() => {
      // the rows are kept; try again a little later
      if (!timer && !closed) timer = setTimeout(background, flushMs * 5);
    });
  };

  return {
    get pending() {
      return buffer.length;
    },
    async add(row) {
      if (closed) return write([row]);
      if (buffer.length >= maxPending) {
        await flush().catch(() => undefined);
        if (buffer.length >= maxPending) throw HttpErrors.UNAVAILABLE({ reason: what });
      }
      buffer.push(row);
      if (buffer.length >= batch) background();
      else if (!timer) timer = setTimeout(background, flushMs);
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
