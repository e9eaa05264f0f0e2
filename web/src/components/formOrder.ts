import type { FormFieldSchema, FormSchema } from '../api/types.ts';

/**
 * The fields in display order: the schema's `x-order` list, else per-field
 * `x-order` numbers, else the order the properties arrived in.
 */
export function orderedFields(schema: FormSchema): Array<[string, FormFieldSchema]> {
  const entries = Object.entries(schema.properties);
  const order = schema['x-order'];
  if (Array.isArray(order) && order.length > 0) {
    const pos = new Map(order.map((k, i) => [k, i]));
    return entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (pos.get(a.e[0]) ?? order.length + a.i) - (pos.get(b.e[0]) ?? order.length + b.i))
      .map((x) => x.e);
  }
  if (entries.some(([, f]) => typeof f['x-order'] === 'number')) {
    return entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e[1]['x-order'] ?? 1e6 + a.i) - (b.e[1]['x-order'] ?? 1e6 + b.i))
      .map((x) => x.e);
  }
  return entries;
}
