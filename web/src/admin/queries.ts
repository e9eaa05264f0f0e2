import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { AdminUser, AuditVerify, CatalogItem, Org } from '../api/types.ts';

export const adminKeys = {
  catalog: (status: string) => ['catalog', 'items', status] as const,
  orgs: ['admin', 'orgs'] as const,
  users: ['admin', 'users'] as const,
};

export function useCatalogItems(status: string) {
  return useQuery({
    queryKey: adminKeys.catalog(status),
    queryFn: ({ signal }) => api.get<{ items: CatalogItem[] }>('/api/v1/catalog/items', { status: status || undefined }, signal),
  });
}

export function usePublishItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CatalogItem>(`/api/v1/catalog/items/${encodeURIComponent(id)}/publish`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['catalog'] });
      void qc.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export function useOrgs() {
  return useQuery({ queryKey: adminKeys.orgs, queryFn: ({ signal }) => api.get<{ orgs: Org[] }>('/api/v1/admin/orgs', undefined, signal) });
}

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => api.get<{ users: AdminUser[] }>('/api/v1/admin/users', undefined, signal) });
}

/** Verifying the chain is a deliberate check, run on demand rather than on page load. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerify>('/api/v1/admin/audit/verify') });
}
