/**
 * Checks an application form against the item's form schema (the JSON Schema subset the catalog uses) and
 * says, per field and in the field's own label, what is wrong — so the applicant or clerk can fix it.
 */
import type { FormSchema } from '../catalog/index.ts';

export type FieldProblem = { field: string; title: string; problem: 'required' | 'type' | 'enum' | 'maxLength' | 'minimum' | 'format' | 'unknown'; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateForm(schema: FormSchema, form: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(form)) {
    if (!(key in schema.properties)) problems.push({ field: key, title: key, problem: 'unknown', message: `表单中没有“${key}”这一项` });
  }
  for (const [key, f] of Object.entries(schema.properties)) {
    const v = form[key];
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (empty) {
      if (schema.required.includes(key)) problems.push({ field: key, title: f.title, problem: 'required', message: `请填写“${f.title}”` });
      continue;
    }
    const typeOk =
      f.type === 'string' ? typeof v === 'string' : f.type === 'boolean' ? typeof v === 'boolean' : f.type === 'integer' ? Number.isInteger(v) : typeof v === 'number' && Number.isFinite(v);
    if (!typeOk) {
      problems.push({ field: key, title: f.title, problem: 'type', message: `“${f.title}”的格式不对` });
      continue;
    }
    if (f.enum && !f.enum.includes(String(v))) problems.push({ field: key, title: f.title, problem: 'enum', message: `“${f.title}”请从给出的选项中选择` });
    if (typeof v === 'string' && v.length > (f.maxLength ?? 2000)) problems.push({ field: key, title: f.title, problem: 'maxLength', message: `“${f.title}”最多 ${f.maxLength ?? 2000} 个字` });
    if (typeof v === 'number' && f.minimum !== undefined && v < f.minimum) problems.push({ field: key, title: f.title, problem: 'minimum', message: `“${f.title}”不能小于 ${f.minimum}` });
    if (f.format === 'date' && typeof v === 'string' && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) problems.push({ field: key, title: f.title, problem: 'format', message: `“${f.title}”请填写日期，如 2026-01-31` });
    if (f.format === 'email' && typeof v === 'string' && !EMAIL.test(v)) problems.push({ field: key, title: f.title, problem: 'format', message: `“${f.title}”不是有效的邮箱地址` });
  }
  return problems;
}
