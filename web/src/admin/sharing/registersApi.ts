/** 基础库 administration: loads (数据归集), 多源校核 conflicts, data quality (wire types and query hooks). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type LoadableRegister = 'population' | 'entity' | 'credit';
export type RegisterLoad = {
  id: string; register: LoadableRegister; registerTitle: string; orgName: string; kind: 'file' | 'batch'; fileName: string; columns: string[];
  state: 'queued' | 'running' | 'done' | 'failed'; progress: number; total: number; accepted: number; rejected: number; inserted: number; updated: number; conflicts: number;
  error: string | null; createdByName: string; createdAt: string; finishedAt: string | null;
};
export type LoadReject = { line: number; reason: string };
export type Conflict = {
  id: string; register: LoadableRegister; registerTitle: string; recordKey: string; field: string; fieldTitle: string;
  registerValue: string | null; registerOrgName: string | null; otherValue: string | null; otherOrgName: string | null; designatedOrgName: string | null;
  raisedAt: string; status: 'open' | 'resolved'; resolution: 'designated' | 'notify_source' | null; note: string; resolvedByName: string | null; resolvedAt: string | null;
};
export type ConflictFilter = { register?: LoadableRegister; status?: 'open' | 'resolved'; key?: string; offset?: number };
export type ResourceQuality = {
  code: string; name: string; providerName: string; register: string; registerTitle: string; updateCycle: string; records: number | null; completeness: number | null;
  fields: Array<{ name: string; title: string; completeness: number | null; conflicts: number }>; lastUpdate: string | null; freshness: 'fresh' | 'late' | 'stale' | 'unknown'; conflicts: number; computedAt: string | null;
};

const base = (r: LoadableRegister) => `/api/v1/sharing/registers/${r}`;
export const rejectsCsvUrl = (r: LoadableRegister, id: string) => `${base(r)}/loads/${encodeURIComponent(id)}/rejects.csv`;

export function useLoads(register: LoadableRegister) {
  return useQuery({ queryKey: ['sharing', 'loads', register], queryFn: ({ signal }) => api.get<{ loads: RegisterLoad[] }>(`${base(register)}/loads`, undefined, signal) });
}

/** One load, polled every second until it is done or failed. */
export function useLoad(register: LoadableRegister, id: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['sharing', 'load', register, id ?? ''],
    queryFn: async ({ signal }) => {
      const r = await api.get<RegisterLoad>(`${base(register)}/loads/${encodeURIComponent(id!)}`, undefined, signal);
      if (r.state === 'done' || r.state === 'failed') {
        void qc.invalidateQueries({ queryKey: ['sharing', 'loads', register] });
        void qc.invalidateQueries({ queryKey: ['sharing', 'quality'] });
      }
      return r;
    },
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.state === 'done' || q.state.data?.state === 'failed' ? false : 1000),
  });
}

export function useLoadRejects(register: LoadableRegister, id: string | undefined, rejected: number) {
  return useQuery({
    queryKey: ['sharing', 'load', register, id ?? '', 'rejects', rejected],
    queryFn: ({ signal }) => api.get<{ rejects: LoadReject[] }>(`${base(register)}/loads/${encodeURIComponent(id!)}/rejects`, undefined, signal),
    enabled: !!id && rejected > 0,
    placeholderData: (prev) => prev,
  });
}

export function useStartLoad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, register }: { file: File; register: LoadableRegister }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<{ id: string }>(`${base(register)}/loads`, body);
    },
    onSuccess: (_r, v) => void qc.invalidateQueries({ queryKey: ['sharing', 'loads', v.register] }),
  });
}

export function useConflicts(f: ConflictFilter, enabled = true) {
  const qs = new URLSearchParams(Object.entries({ ...f, limit: 20 }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  return useQuery({ queryKey: ['sharing', 'conflicts', qs.toString()], queryFn: ({ signal }) => api.get<{ total: number; conflicts: Conflict[] }>(`/api/v1/sharing/conflicts?${qs}`, undefined, signal), enabled, placeholderData: (prev) => prev });
}

export function useResolveConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resolution, note }: { id: string; resolution: 'designated' | 'notify_source'; note: string }) => api.post<Conflict>(`/api/v1/sharing/conflicts/${encodeURIComponent(id)}/resolve`, { resolution, note }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['sharing', 'conflicts'] });
      void qc.invalidateQueries({ queryKey: ['sharing', 'quality'] });
    },
  });
}

export function useQuality() {
  return useQuery({ queryKey: ['sharing', 'quality'], queryFn: ({ signal }) => api.get<{ resources: ResourceQuality[] }>('/api/v1/sharing/quality', undefined, signal) });
}

export type Designation = { register: LoadableRegister; field: string; title: string; orgId: string | null; orgName: string | null; updatedAt: string | null; updatedByName: string | null };

export function useDesignations(register: LoadableRegister) {
  return useQuery({ queryKey: ['sharing', 'sources', register], queryFn: ({ signal }) => api.get<{ sources: Designation[] }>(`${base(register)}/sources`, undefined, signal) });
}

export function useSetDesignation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ register, field, orgId }: { register: LoadableRegister; field: string; orgId: string }) => api.put<Designation>(`${base(register)}/sources/${encodeURIComponent(field)}`, { orgId }),
    onSuccess: (_r, v) => void qc.invalidateQueries({ queryKey: ['sharing', 'sources', v.register] }),
  });
}

export type RecordField = { name: string; title: string; value: string | null; label: string | null; sourceOrgName: string | null; updatedAt: string | null; conflicts: Conflict[] };
export type RegisterRecords = { register: LoadableRegister; registerTitle: string; records: Array<{ key: string; fields: RecordField[] }> };

/** One record (credit: a subject's records) as the register holds it; each look is audited by the server. */
export function useRegisterRecord(register: LoadableRegister, key: string | undefined) {
  return useQuery({ queryKey: ['sharing', 'record', register, key ?? ''], queryFn: ({ signal }) => api.get<RegisterRecords>(`${base(register)}/records/${encodeURIComponent(key!)}`, undefined, signal), enabled: !!key, retry: false });
}
