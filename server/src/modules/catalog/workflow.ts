/**
 * The life of an item version: draft → submitted → approved → published, then superseded by the next
 * published version or retired. A rejected submission goes back to draft with the reviewer's comment.
 * One typed table of transitions; the service enforces it.
 */
import { sql, type RawBuilder } from 'kysely';
import type { VersionStatus } from './tables.ts';

export const VERSION_ACTIONS = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
  retire: { from: ['published'], to: 'retired' },
} as const satisfies Record<string, { from: readonly VersionStatus[]; to: VersionStatus }>;

export type VersionAction = keyof typeof VERSION_ACTIONS;

export function canApply(action: VersionAction, status: VersionStatus): boolean {
  return (VERSION_ACTIONS[action].from as readonly VersionStatus[]).includes(status);
}

/** Statuses in which the latest version may be edited in place; otherwise an edit starts a new draft version. */
export const EDITABLE: readonly VersionStatus[] = ['draft'];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核待发布',
  published: '已发布',
  superseded: '已被新版本替代',
  retired: '已停用',
};

/**
 * Admin lists order the latest versions by what is waiting for someone: submitted (a reviewer), approved (a
 * publisher), drafts (their editor), then the rest. `column` is the version status column, e.g. `v.status`.
 */
export const byPendingWork = (column: string): RawBuilder<number> =>
  sql<number>`case ${sql.ref(column)} when 'submitted' then 0 when 'approved' then 1 when 'draft' then 2 else 3 end`;
