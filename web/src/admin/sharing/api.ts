/** 数据共享交换: the resource catalog, requests, grants, API keys and the access log (wire types and query hooks). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client.ts';
import type { SlaLight } from '../../api/types.ts';

export type Sensitivity = 'public' | 'internal' | 'sensitive';
export type ResourceField = { name: string; title: string; type: string; sensitivity: Sensitivity };
export type ShareMode = 'open' | 'conditional' | 'none';
export type Resource = {
  code: string; name: string; description: string; provider: { id: string; key: string; name: string };
  register: string; shareMode: ShareMode; conditions: string; updateCycle: string; fields: ResourceField[];
  keyField: string; materials: string[]; status: 'draft' | 'published' | 'withdrawn'; api: string; updatedAt: string;
};
export type ResourceBody = {
  code: string; name: string; description: string; provider: string; register: string; shareMode: ShareMode;
  conditions: string; updateCycle: string; fields: string[]; materials: string[];
};
export type ShareRequest = {
  id: string; resource: { code: string; name: string; shareMode: string; providerOrgId: string; providerName: string };
  org: { id: string; name: string }; requestedBy: string; purpose: string; fields: string[]; unmaskedFields: string[]; unmaskReason: string;
  status: 'submitted' | 'accepted' | 'granted' | 'refused'; stage: 'review' | 'provision' | 'provider' | 'done'; stageLabel: string;
  submittedOn: string; acceptedOn: string | null; decidedOn: string | null; dueDate: string | null; light: SlaLight | null;
  overdue: boolean; escalatedAt: string | null; refusedBy: 'platform' | 'provider' | null; refuseReason: string | null;
  approvedUnmasked: string[]; grantId: string | null;
};
export type RequestBody = { resource: string; purpose: string; fields: string[]; unmaskedFields?: string[]; unmaskReason?: string };
export type Grant = {
  id: string; requestId: string | null; resource: { code: string; name: string; providerName: string }; org: { id: string; name: string };
  fields: string[]; unmaskedFields: string[]; purpose: string; validUntil: string; ratePerMinute: number; dailyQuota: number;
  maxKeysPerCall: number; status: 'active' | 'suspended' | 'revoked'; activeKeys: number; createdAt: string;
};
export type GrantPatch = Partial<Pick<Grant, 'status' | 'ratePerMinute' | 'dailyQuota' | 'maxKeysPerCall' | 'validUntil'>>;
export type ApiKey = { id: string; grantId: string; prefix: string; label: string; createdAt: string; revokedAt: string | null };
export type AccessEntry = {
  id: number; at: string; resource: string; resourceName: string | null; org: { id: string | null; name: string | null };
  providerName: string | null; grantId: string | null; apiKeyPrefix: string | null; key: string; fields: string[]; result: string; status: number;
};
export type AccessQuery = { resource?: string; org?: string; from?: string; to?: string; key?: string };

const keys = {
  all: ['sharing'] as const,
  resources: ['sharing', 'resources'] as const,
  registerFields: ['sharing', 'register-fields'] as const,
  requests: (queue: string) => ['sharing', 'requests', queue] as const,
  grants: ['sharing', 'grants'] as const,
  keys: (grantId: string) => ['sharing', 'keys', grantId] as const,
  log: (q: AccessQuery) => ['sharing', 'access-log', q] as const,
};

export function useResources() {
  return useQuery({ queryKey: keys.resources, queryFn: ({ signal }) => api.get<{ resources: Resource[] }>('/api/v1/sharing/resources', undefined, signal) });
}

export function useRegisterFields(enabled: boolean) {
  return useQuery({
    queryKey: keys.registerFields,
    queryFn: ({ signal }) => api.get<{ registers: Record<string, ResourceField[]> }>('/api/v1/sharing/register-fields', undefined, signal),
    enabled,
    staleTime: Infinity,
  });
}

/** Every change may touch several lists (a decision makes a grant): refresh all sharing queries. */
function useSharingMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }) });
}

export const useSaveResource = () =>
  useSharingMutation(({ body, isNew }: { body: ResourceBody; isNew: boolean }) =>
    isNew ? api.post<Resource>('/api/v1/sharing/resources', body) : api.put<Resource>(`/api/v1/sharing/resources/${encodeURIComponent(body.code)}`, { ...body, code: undefined }),
  );
export const useResourceStatus = () =>
  useSharingMutation(({ code, action }: { code: string; action: 'publish' | 'withdraw' }) => api.post<Resource>(`/api/v1/sharing/resources/${encodeURIComponent(code)}/${action}`));

export function useRequests(queue: 'mine' | 'review' | 'provider') {
  return useQuery({ queryKey: keys.requests(queue), queryFn: ({ signal }) => api.get<{ requests: ShareRequest[] }>('/api/v1/sharing/requests', { queue }, signal) });
}
export const useSubmitRequest = () => useSharingMutation((body: RequestBody) => api.post<ShareRequest>('/api/v1/sharing/requests', body));
export const useReview = () =>
  useSharingMutation(({ id, decision, reason }: { id: string; decision: 'accept' | 'refuse'; reason?: string }) => api.post<ShareRequest>(`/api/v1/sharing/requests/${id}/review`, { decision, reason }));
export const useProvide = () => useSharingMutation((id: string) => api.post<ShareRequest>(`/api/v1/sharing/requests/${id}/provide`));
export const useProviderDecision = () =>
  useSharingMutation(({ id, ...body }: { id: string; decision: 'approve' | 'refuse'; reason?: string; unmaskedFields?: string[] }) =>
    api.post<ShareRequest>(`/api/v1/sharing/requests/${id}/decision`, body),
  );

export function useGrants() {
  return useQuery({ queryKey: keys.grants, queryFn: ({ signal }) => api.get<{ grants: Grant[] }>('/api/v1/sharing/grants', undefined, signal) });
}
export const useUpdateGrant = () => useSharingMutation(({ id, ...body }: GrantPatch & { id: string }) => request<Grant>(`/api/v1/sharing/grants/${id}`, { method: 'PATCH', body }));

export function useApiKeys(grantId: string) {
  return useQuery({ queryKey: keys.keys(grantId), queryFn: ({ signal }) => api.get<{ keys: ApiKey[] }>(`/api/v1/sharing/grants/${grantId}/keys`, undefined, signal) });
}
export const useCreateApiKey = () => useSharingMutation(({ grantId, label }: { grantId: string; label: string }) => api.post<ApiKey & { key: string }>(`/api/v1/sharing/grants/${grantId}/keys`, { label }));
export const useRevokeApiKey = () => useSharingMutation((id: string) => api.post<ApiKey>(`/api/v1/sharing/keys/${id}/revoke`));

export function useAccessLog(q: AccessQuery) {
  return useQuery({ queryKey: keys.log(q), queryFn: ({ signal }) => api.get<{ entries: AccessEntry[] }>('/api/v1/sharing/access-log', q, signal) });
}
