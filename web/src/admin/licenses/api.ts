/** 电子证照 administration: license types, seals, legacy imports (wire types and query hooks). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { LicenseTemplate } from '../../api/types.ts';

export type FaceField = { key: string; label: string; from: string; required?: boolean };

export type LicenseTypeBody = {
  code: string;
  name: string;
  orgId: string;
  holderKind: 'person' | 'entity';
  faceFields: FaceField[];
  validity: { years?: number; months?: number };
  implCodes: string[];
  numberPrefix: string;
  /** How licenses of the type are printed. */
  template?: LicenseTemplate;
};
export type LicenseType = LicenseTypeBody & { orgName: string; issued: number };

export type SealKey = { id: string; publicKeyHex: string; fingerprint: string; createdAt: string; retiredAt: string | null };
export type Seal = { id: string; orgId: string; orgName: string; name: string; kind: string; status: 'active' | 'retired'; validFrom: string; validUntil: string; keys: SealKey[] };
export type SealBody = { orgId: string; name: string; kind?: string; validFrom: string; validUntil: string };

export type LicenseImport = {
  id: string; typeCode: string; typeName: string; fileName: string; createdByName: string;
  total: number; accepted: number; rejected: number; sealed: number; state: 'sealing' | 'done'; createdAt: string; finishedAt: string | null;
};
export type ImportReject = { rowNo: number; reason: string };

const keys = {
  types: ['licenses', 'types'] as const,
  seals: ['licenses', 'seals'] as const,
  imports: ['licenses', 'imports'] as const,
  import: (id: string) => ['licenses', 'imports', id] as const,
  rejects: (id: string) => ['licenses', 'imports', id, 'rejects'] as const,
};

export const templateUrl = (typeCode: string) => `/api/v1/license-imports/template.xlsx?typeCode=${encodeURIComponent(typeCode)}`;
export const rejectsCsvUrl = (id: string) => `/api/v1/license-imports/${encodeURIComponent(id)}/rejects.csv`;

export function useLicenseTypes() {
  return useQuery({ queryKey: keys.types, queryFn: ({ signal }) => api.get<{ types: LicenseType[] }>('/api/v1/license-types', undefined, signal) });
}

export function useSaveLicenseType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, isNew }: { body: LicenseTypeBody; isNew: boolean }) =>
      isNew ? api.post<{ code: string }>('/api/v1/license-types', body) : api.put<{ code: string }>(`/api/v1/license-types/${encodeURIComponent(body.code)}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.types }),
  });
}

export function useSeals() {
  return useQuery({ queryKey: keys.seals, queryFn: ({ signal }) => api.get<{ seals: Seal[] }>('/api/v1/seals', undefined, signal) });
}

export function useCreateSeal() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: SealBody) => api.post<{ id: string }>('/api/v1/seals', body), onSuccess: () => void qc.invalidateQueries({ queryKey: keys.seals }) });
}

export function useRotateSeal() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.post<{ keyId: string }>(`/api/v1/seals/${encodeURIComponent(id)}/rotate`), onSuccess: () => void qc.invalidateQueries({ queryKey: keys.seals }) });
}

export function useImports() {
  return useQuery({ queryKey: keys.imports, queryFn: ({ signal }) => api.get<{ imports: LicenseImport[] }>('/api/v1/license-imports', undefined, signal) });
}

/** One import, polled every second while it is sealing. */
export function useImport(id: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.import(id ?? ''),
    queryFn: async ({ signal }) => {
      const r = await api.get<LicenseImport>(`/api/v1/license-imports/${encodeURIComponent(id!)}`, undefined, signal);
      if (r.state === 'done') void qc.invalidateQueries({ queryKey: keys.imports, exact: true });
      return r;
    },
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.state === 'done' ? false : 1000),
  });
}

/** The first rejected lines; asked again whenever the number of rejected lines changes. */
export function useImportRejects(id: string | undefined, rejected: number) {
  return useQuery({
    queryKey: [...keys.rejects(id ?? ''), rejected],
    queryFn: ({ signal }) => api.get<{ rejects: ImportReject[] }>(`/api/v1/license-imports/${encodeURIComponent(id!)}/rejects`, undefined, signal),
    enabled: !!id && rejected > 0,
    placeholderData: (prev) => prev,
  });
}

export function useStartLicenseImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, typeCode }: { file: File; typeCode: string }) => {
      const body = new FormData();
      body.append('licenseTypeCode', typeCode);
      body.append('file', file, file.name);
      return api.post<{ id: string; total: number; accepted: number; rejected: number }>('/api/v1/license-imports', body);
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.imports, exact: true }),
  });
}
