/**
 * A small, bounded cache of serialized public responses (catalog search, guides as JSON, indicators).
 *
 * Public catalog reads are the hottest traffic of the platform and change only when an item is published or
 * retired. Each server process keeps the last few thousand answers for a few seconds; a publication in this
 * process clears it at once, other processes converge within the TTL. It holds nothing that matters for
 * correctness (ADR 0004), so N copies behind a load balancer stay interchangeable.
 */
import type { FastifyReply } from 'fastify';

export type ResponseCache = {
  /** Serve `key` from the cache, or produce, serialize with the route's schema, remember and send it. */
  send<T>(reply: FastifyReply, key: string, produce: () => Promise<T>): Promise<FastifyReply>;
  /** The same for a producer that already returns the JSON text (e.g. materialized in the database). */
  sendText(reply: FastifyReply, key: string, produce: () => Promise<string>): Promise<FastifyReply>;
  clear(): void;
  stats(): { hits: number; misses: number; size: number };
};

export function createResponseCache(opts: { maxEntries: number; ttlMs: number }): ResponseCache {
  const entries = new Map<string, { body: string; expires: number }>();
  let hits = 0;
  let misses = 0;
  const serve = async (reply: FastifyReply, key: string, produceBody: () => Promise<string>) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now) {
      hits++;
      // Refresh recency: Map iteration order is insertion order, so re-inserting keeps LRU order.
      entries.delete(key);
      entries.set(key, hit);
      return reply.type('application/json; charset=utf-8').header('x-cache', 'hit').send(hit.body);
    }
    misses++;
    const body = await produceBody();
    entries.delete(key);
    entries.set(key, { body, expires: now + opts.ttlMs });
    while (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value!);
    return reply.type('application/json; charset=utf-8').header('x-cache', 'miss').send(body);
  };
  return {
    send: (reply, key, produce) => serve(reply, key, async () => reply.serialize(await produce()) as string),
    sendText: serve,
    clear() {
      entries.clear();
    },
    stats: () => ({ hits, misses, size: entries.size }),
  };
}
