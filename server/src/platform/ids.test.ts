import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes valid, distinct, increasing UUIDv7s carrying the current time', () => {
    const before = Date.now();
    const ids = Array.from({ length: 20_000 }, newId);
    for (const id of ids.slice(0, 50)) expect(validate(id) && version(id)).toBe(7);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    const ms = parseInt(ids[0]!.replaceAll('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
