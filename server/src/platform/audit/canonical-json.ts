/**
 * Canonical JSON: object keys sorted, no whitespace, values normalised through JSON first (dates become ISO
 * strings). Two semantically equal documents always give the same bytes, which is what hashing and signing need.
 */
export function canonicalJson(value: unknown): string {
  return canonicalJsonOfPlain(value === undefined ? null : JSON.parse(JSON.stringify(value ?? null)));
}

/**
 * The same bytes as `canonicalJson` for a value that is already plain JSON — as parsed from a request body: no
 * Dates, no `toJSON`, no functions — without the normalising round trip through JSON text (request hashing on the
 * submission path; ~4 % of its CPU).
 */
export function canonicalJsonOfPlain(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  let out: string;
  if (Array.isArray(v)) {
    out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJsonOfPlain(v[i]);
    return out + ']';
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  // An object of plain values only (most forms): JSON.stringify with the sorted keys as its key list writes the same
  // bytes natively (a key list would also filter nested objects' keys, hence only here).
  if (keys.every((k) => obj[k] === null || typeof obj[k] !== 'object')) return JSON.stringify(obj, keys);
  return objectAround(obj, keys)[0];
}

/**
 * `canonicalJsonOfPlain(obj)` with one top-level field's value left out: the text before it and the text after it
 * (undefined when `obj` has no such field), for a caller that has the value's canonical bytes already (a case's
 * form: platform/http/idempotency.ts `requestHashWith`).
 */
export function canonicalJsonAround(obj: Record<string, unknown>, field: string): [string, string] | undefined {
  const parts = objectAround(obj, Object.keys(obj).sort(), field);
  return parts.length === 2 ? parts : undefined;
}

/** An object's canonical JSON, cut at `hole`'s value when there is one: one part, or the parts before and after it. */
function objectAround(obj: Record<string, unknown>, keys: string[], hole?: string): [string] | [string, string] {
  let out = '{';
  let before: string | undefined;
  let first = true;
  for (const k of keys) {
    if (obj[k] === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':';
    first = false;
    if (k === hole) {
      before = out;
      out = '';
    } else out += canonicalJsonOfPlain(obj[k]);
  }
  return before === undefined ? [out + '}'] : [before, out + '}'];
}
