import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, createResponseCache } from './response-cache.ts';

async function appWith(cache: ReturnType<typeof createResponseCache>, counter: { n: number }) {
  const app = Fastify();
  app.get('/x/:k', { schema: { response: { 200: { type: 'object', properties: { k: { type: 'string' }, n: { type: 'number' } } } } } }, (req, reply) =>
    cache.send(req, reply, (req.params as { k: string }).k, async () => ({ k: (req.params as { k: string }).k, n: ++counter.n, secret: 'dropped by the schema' })),
  );
  await app.ready();
  return app;
}

const GZIP = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('response cache', () => {
  it('serves a repeated key from memory, gzip-compressed when accepted, plain otherwise, 304 on a matching ETag', async () => {
    const counter = { n: 0 };
    const cache = createResponseCache({ maxBytes: 1 << 20 });
    const app = await appWith(cache, counter);
    const a = await app.inject({ url: '/x/a', headers: GZIP });
    expect(a.headers['x-cache']).toBe('miss');
    expect(a.headers['content-encoding']).toBe('gzip');
    expect(a.headers.vary).toBe('accept-encoding');
    expect(JSON.parse(gunzipSync(a.rawPayload).toString('utf8'))).toEqual({ k: 'a', n: 1 });
    const b = await app.inject('/x/a');
    expect(b.headers['x-cache']).toBe('hit');
    expect(b.headers['content-encoding']).toBeUndefined();
    expect(b.json()).toEqual({ k: 'a', n: 1 });
    expect(b.headers.etag).toBe(a.headers.etag);
    const c = await app.inject({ url: '/x/a', headers: { 'if-none-match': String(a.headers.etag) } });
    expect(c.statusCode).toBe(304);
    expect(c.body).toBe('');
    expect(counter.n).toBe(1);
  });

  it('drops invalidated keys, never stores an answer read before an invalidation, evicts by bytes, and is bypassed while unusable', async () => {
    const counter = { n: 0 };
    const cache = createResponseCache({ maxBytes: 1 << 20 });
    const app = await appWith(cache, counter);
    await app.inject('/x/a');
    cache.invalidate('a');
    expect((await app.inject('/x/a')).headers['x-cache']).toBe('miss');
    expect(counter.n).toBe(2);

    // A slow read that started before an invalidation of its key (or of everything) is not kept.
    const before = cache.seq();
    cache.invalidate('late');
    expect(cache.put('late', '{"old":true}', before)).toBe(false);
    expect(cache.put('other', '{"fine":true}', before)).toBe(true);
    const beforeClear = cache.seq();
    cache.clear();
    expect(cache.put('other', '{"old":true}', beforeClear)).toBe(false);
    expect(cache.put('other', '{"new":true}', cache.seq())).toBe(true);

    // Byte budget: room for about two small entries; the least recently used goes first.
    const small = createResponseCache({ maxBytes: 650 });
    for (const k of ['p', 'q']) small.put(k, JSON.stringify({ k }), small.seq());
    expect(small.has('p') && small.has('q')).toBe(true);
    small.put('r', JSON.stringify({ k: 'r' }), small.seq());
    expect(small.has('p')).toBe(false);
    expect(small.stats().bytes).toBeLessThanOrEqual(650);
    // A hit gives an entry a second chance: the entry unused since the hand passed goes instead.
    expect(small.hit('q')?.etag).toBe(small.peek('q')?.etag);
    expect(small.hit('nothing')).toBeUndefined();
    small.put('s', JSON.stringify({ k: 's' }), small.seq());
    expect([small.has('q'), small.has('r'), small.has('s')]).toEqual([true, false, true]);

    cache.setUsable(false);
    expect(cache.put('x', '{}', cache.seq())).toBe(false);
    await app.inject('/x/b');
    expect((await app.inject('/x/b')).headers['x-cache']).toBe('miss');
    expect(cache.stats()).toMatchObject({ size: 0, usable: false });
  });

  it('reads Accept-Encoding as HTTP defines it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br, *;q=0.1')).toBe(true);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('response cache: concurrent misses', () => {
  it('share one production, but not across an invalidation', async () => {
    const counter = { n: 0 };
    const cache = createResponseCache({ maxBytes: 1 << 20 });
    const app = Fastify();
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    app.get('/slow', (req, reply) =>
      cache.sendText(req, reply, 'slow', async () => {
        const n = ++counter.n;
        await gate;
        return JSON.stringify({ n });
      }),
    );
    await app.ready();
    const first = [app.inject('/slow'), app.inject('/slow')];
    await new Promise((r) => setTimeout(r, 20));
    cache.invalidate('slow');
    const late = app.inject('/slow');
    await new Promise((r) => setTimeout(r, 20));
    release();
    gate = Promise.resolve();
    const [a, b] = await Promise.all(first);
    expect(a.json()).toEqual({ n: 1 });
    expect(b.json()).toEqual({ n: 1 });
    expect((await late).json()).toEqual({ n: 2 });
    expect(counter.n).toBe(2);
    // The production that started before the invalidation was not kept; the later one was.
    expect((await app.inject('/slow')).json()).toEqual({ n: 2 });
  });
});
