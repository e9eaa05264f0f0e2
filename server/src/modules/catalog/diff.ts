/** Field-level differences between two JSON documents (version diff in the catalog editor). */
export type Change = { path: string; before: unknown; after: unknown };

export function diffDocuments(before: unknown, after: unknown, path = ''): Change[] {
  if (Object.is(before, after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Change[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...diffDocuments(before[i], after[i], `${path}/${i}`));
    return out;
  }
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffDocuments(before[k], after[k], `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [{ path: path || '/', before: before ?? null, after: after ?? null }];
}
