import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../api/client.ts';
import type {
  AdminItem,
  AdminItemDetail,
  AdminUser,
  AuditVerify,
  ConsistencyReport,
  ImportJob,
  ItemDocument,
  LintFinding,
  Org,
  QualityReport,
  VersionChange,
} from '../api/types.ts';

export interface CatalogFilter {
  status?: string;
  versionStatus?: string;
  dept?: string;
  q?: string;
}

export const adminKeys = {
  catalog: (f: CatalogFilter) => ['catalog', 'items', f] as const,
  item: (id: string) => ['catalog', 'item', id] as const,
  diff: (id: string, from: number, to: number) => ['catalog', 'diff', id, from, to] as const,
  quality: ['catalog', 'quality'] as const,
  consistency: ['catalog', 'consistency'] as const,
  importJob: (id: string) => ['catalog', 'import', id] as const,
  orgs: ['admin', 'orgs'] as const,
  users: ['admin', 'users'] as const,
};

const itemPath = (id: string) => `/api/v1/catalog/items/${encodeURIComponent(id)}`;

/** Query parameters the list, the Excel export and the URL share; empty values are left out. */
export function catalogQuery(f: CatalogFilter): Record<string, string | undefined> {
  return { status: f.status || undefined, versionStatus: f.versionStatus || undefined, dept: f.dept || undefined, q: f.q?.trim() || undefined };
}

export function useCatalogItems(f: CatalogFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: adminKeys.catalog(catalogQuery(f)),
    queryFn: ({ signal }) => api.get<{ items: AdminItem[] }>('/api/v1/catalog/items', catalogQuery(f), signal),
    placeholderData: keepPreviousData,
  });
}

export function useCatalogItem(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.item(id ?? ''),
    queryFn: ({ signal }) => api.get<AdminItemDetail>(itemPath(id!), undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

function useCatalogChanged() {
  const qc = useQueryClient();
  return (detail?: AdminItemDetail) => {
    if (detail) qc.setQueryData(adminKeys.item(detail.item.id), detail);
    void qc.invalidateQueries({ queryKey: ['catalog'], predicate: (q) => !(detail && q.queryKey[1] === 'item' && q.queryKey[2] === detail.item.id) });
    void qc.invalidateQueries({ queryKey: ['items'] });
  };
}

export type CatalogAction = 'submit' | 'approve' | 'reject' | 'publish' | 'retire';

/** A review transition of an item's latest version (publish and retire act on what the public sees). */
export function useItemTransition() {
  const changed = useCatalogChanged();
  return useMutation({
    mutationFn: ({ id, action, comment }: { id: string; action: CatalogAction; comment?: string }) =>
      api.post<AdminItemDetail>(`${itemPath(id)}/${action}`, comment?.trim() ? { comment: comment.trim() } : {}),
    onSuccess: (d) => changed(d),
  });
}

/** 发布 from the list: the approved version goes public. */
export function usePublishItem() {
  const t = useItemTransition();
  return { ...t, mutateAsync: (id: string) => t.mutateAsync({ id, action: 'publish' }) };
}

export function useSaveDraft() {
  const changed = useCatalogChanged();
  return useMutation({
    mutationFn: ({ id, document, note }: { id: string; document: ItemDocument; note?: string }) =>
      api.put<AdminItemDetail>(`${itemPath(id)}/draft`, note?.trim() ? { document, note: note.trim() } : { document }),
    onSuccess: (d) => changed(d),
  });
}

export function useCreateItem() {
  const changed = useCatalogChanged();
  return useMutation({
    mutationFn: (document: ItemDocument) => api.post<AdminItemDetail>('/api/v1/catalog/items', { document }),
    onSuccess: (d) => changed(d),
  });
}

/** The standardization review of a document as it is being edited (nothing is saved). */
export function lintDocument(document: ItemDocument, signal?: AbortSignal) {
  return request<{ findings: LintFinding[] }>('/api/v1/catalog/items/lint', { method: 'POST', body: { document }, signal });
}

export function useVersionDiff(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: adminKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api.get<{ changes: VersionChange[] }>(`${itemPath(id)}/diff`, { from, to }, signal),
    enabled: !!from && !!to && from !== to,
    staleTime: 5 * 60_000,
  });
}

export function useQualityReport() {
  return useQuery({ queryKey: adminKeys.quality, queryFn: ({ signal }) => api.get<QualityReport>('/api/v1/catalog/quality', undefined, signal) });
}

export function useConsistencyReport() {
  return useQuery({ queryKey: adminKeys.consistency, queryFn: ({ signal }) => api.get<ConsistencyReport>('/api/v1/catalog/consistency', undefined, signal) });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<{ id: string }>('/api/v1/catalog/imports', body);
    },
  });
}

/** An Excel import, polled every second until it is done or failed. */
export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.importJob(id ?? ''),
    queryFn: ({ signal }) => api.get<ImportJob>(`/api/v1/catalog/imports/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
}

export function useOrgs(enabled = true) {
  return useQuery({
    queryKey: adminKeys.orgs,
    queryFn: ({ signal }) => api.get<{ orgs: Org[] }>('/api/v1/admin/orgs', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => api.get<{ users: AdminUser[] }>('/api/v1/admin/users', undefined, signal) });
}

/** Verifying the chain is a deliberate check, run on demand rather than on page load. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerify>('/api/v1/admin/audit/verify') });
}
