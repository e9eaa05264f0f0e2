import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffDocuments } from './diff.ts';

describe('diffDocuments', () => {
  it('reports changed, added and removed fields by JSON pointer', () => {
    const a = { name: '食品经营许可', committedDays: 10, materials: [{ name: 'A' }, { name: 'B' }] };
    const b = { name: '食品经营许可', committedDays: 5, materials: [{ name: 'A' }], faq: [] };
    expect(diffDocuments(a, b)).toEqual([
      { path: '/committedDays', before: 10, after: 5 },
      { path: '/faq', before: null, after: [] },
      { path: '/materials/1', before: { name: 'B' }, after: null },
    ]);
  });

  it('finds no change between equal documents, and some change between different ones', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => {
        expect(diffDocuments(x, structuredClone(x))).toEqual([]);
        if (JSON.stringify(x) !== JSON.stringify(y)) expect(diffDocuments(x, y).length).toBeGreaterThan(0);
      }),
    );
  });
});
