/**
 * Named prepared statements for the hottest statements (ADR 0006). PostgreSQL plans a statement sent without a
 * name on every execution; for the one-statement case submission that planning costs more than running it.
 * A statement whose text carries PREPARE_MARK is sent as a named statement instead: each pooled connection
 * parses it once and reuses the plan. Opt-in, because every distinct text stays prepared on every connection
 * for the connection's life — only statements whose text is fixed (parameters, never inlined values) qualify.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Put this comment anywhere in a statement's text to have it prepared (e.g. `sql` template or `.modifyFront`). */
export const PREPARE_MARK = '/* tongban:prepare */';

const names = new Map<string, string>();
/** A runaway caller (a text that varies) must not grow this without bound. */
const MAX_NAMES = 500;

function nameFor(text: string): string | undefined {
  let name = names.get(text);
  if (name) return name;
  if (names.size >= MAX_NAMES) return undefined;
  name = `tb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  names.set(text, name);
  return name;
}

/** Pool 'connect' listener: route marked statements of this client through named prepared statements. */
export function preparingClient(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string' && typeof values !== 'function' && config.includes(PREPARE_MARK)) {
      const name = nameFor(config);
      if (name) return query({ name, text: config, values }, callback);
    }
    return query(config, values, callback);
  };
}
