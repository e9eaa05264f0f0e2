import { createContext, useContext, type ReactNode } from 'react';
import type { ItemDocument, LintFinding } from '../../api/types.ts';
import { pointer, type Seg } from '../catalogMeta.ts';

/** Reads a value at a path of plain objects and arrays. */
export function getIn(obj: unknown, path: readonly Seg[]): unknown {
  let cur: unknown = obj;
  for (const s of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[s as string];
  }
  return cur;
}

/**
 * A copy of `obj` with `value` at `path`, copying only the objects along the path. `undefined` removes an
 * object key (optional elements are absent, not empty).
 */
export function setIn<T>(obj: T, path: readonly Seg[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [Seg, ...Seg[]];
  const child = obj === null || typeof obj !== 'object' ? undefined : (obj as Record<string, unknown>)[head as string];
  const next = rest.length === 0 ? value : setIn(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  if (Array.isArray(obj)) {
    const copy = obj.slice();
    copy[head as number] = next;
    return copy as T;
  }
  const copy: Record<string, unknown> = { ...(obj as Record<string, unknown> | undefined) };
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

export interface EditorState {
  doc: ItemDocument;
  set: (path: readonly Seg[], value: unknown) => void;
  /** Replace the whole document (form-field edits touch several elements at once). */
  update: (fn: (d: ItemDocument) => ItemDocument) => void;
  readOnly: boolean;
  /** New items: codes are editable and the agency is chosen. */
  isNew: boolean;
  agencyName?: string;
  findings: readonly LintFinding[];
}

const Ctx = createContext<EditorState | null>(null);

export function EditorProvider({ value, children }: { value: EditorState; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useEditor(): EditorState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useEditor outside EditorProvider');
  return v;
}

/** Findings at exactly this element, or (with `prefix`) also at anything inside it. */
export function useFindings(path: readonly Seg[], prefix = false): LintFinding[] {
  const { findings } = useEditor();
  const p = pointer(...path);
  return findings.filter((f) => f.path === p || (prefix && f.path.startsWith(p + '/')));
}

export function statusOf(found: readonly LintFinding[]): 'error' | 'warning' | undefined {
  if (found.some((f) => f.severity === 'error')) return 'error';
  if (found.some((f) => f.severity === 'warning')) return 'warning';
  return undefined;
}
