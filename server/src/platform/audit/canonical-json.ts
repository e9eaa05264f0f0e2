/**
 * Canonical JSON: object keys sorted, no whitespace, values normalised through JSON first (dates become ISO
 * strings). Two semantically equal documents always give the same bytes, which is what hashing and signing need.
 */
export function canonicalJson(value: unknown): string {
  return stringify(value === undefined ? null : JSON.parse(JSON.stringify(value ?? null)));
}

function stringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stringify).join(',')}]`;
  const obj = v as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stringify(obj[k])}`)
    .join(',')}}`;
}
