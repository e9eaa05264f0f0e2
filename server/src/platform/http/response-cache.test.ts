import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createResponseCache } from './response-cache.ts';

async function appWith(cache: ReturnType<typeof createResponseCache>, counter: { n: number }) {
  const app = Fastify();
  app.get('/x/:k', { schema: { response: { 200: { type: 'object', properties: { k: { type: 'string' }, n: { type: 'number' } } } } } }, (req, reply) =>
    cache.send(reply, (req.params as { k: string }).k, async () => ({ k: (req.params as { k: string }).k, n: ++counter.n, secret: 'dropped by the schema' })),
  );
  await app.ready();
  return app;
}

describe('response cache', () => {
  it('serves a repeated key from memory, serialized with the route schema', async () => {
    const counter = { n: 0 };
    const cache = createResponseCache({ maxEntries: 10, ttlMs: 60_000 });
    const app = await appWith(cache, counter);
    const a = await app.inject('/x/a');
    const b = await app.inject('/x/a');
    expect(a.json()).toEqual({ k: 'a', n: 1 });
    expect(b.json()).toEqual({ k: 'a', n: 1 });
    expect(b.headers['x-cache']).toBe('hit');
    expect(counter.n).toBe(1);
  });

  it('expires entries after the TTL, evicts the least recently used and clears on demand', async () => {
    const counter = { n: 0 };
    const cache = createResponseCache({ maxEntries: 2, ttlMs: 0 });
    const app = await appWith(cache, counter);
    await app.inject('/x/a');
    await app.inject('/x/a');
    expect(counter.n).toBe(2);
    const lru = createResponseCache({ maxEntries: 2, ttlMs: 60_000 });
    const app2 = await appWith(lru, counter);
    for (const k of ['a', 'b', 'a', 'c', 'a', 'b']) await app2.inject(`/x/${k}`);
    // a stays (recently used), b was evicted by c and fetched again.
    expect(lru.stats()).toMatchObject({ hits: 2, misses: 4, size: 2 });
    lru.clear();
    expect(lru.stats().size).toBe(0);
  });
});
