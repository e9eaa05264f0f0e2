/**
 * Sharing in services, as the portal and the workbench use it: which materials the departments obtain themselves
 * (由部门共享获取), values from the applicant's own register records, and the clerk's register check.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { FormSchema, MaterialRequirement, RegisterCheck, RegisterSource, RegisterValues, SharedMaterial } from './types.ts';

/** The published resource catalog's answer for these materials (public; changes when a resource is withdrawn). */
export function useSharedMaterials(materials: MaterialRequirement[] | undefined) {
  const names = [...new Set((materials ?? []).map((m) => m.name))].slice(0, 100);
  return useQuery({
    queryKey: ['shared-materials', names] as const,
    queryFn: ({ signal }) => api.get<{ materials: SharedMaterial[] }>('/api/v1/public/shared-materials', { names: names.join(',') }, signal),
    enabled: names.length > 0,
    staleTime: 60_000,
    retry: 1,
  });
}

/**
 * Materials with today's sharing applied: one the item marks obtainable stays so while a published resource stands
 * for it (named as `sharedBy`) or its issuing department supplies it itself (source government); a withdrawn
 * resource makes it one to bring again. Until the answer arrives the item's own marks stand.
 */
export function withSharing(materials: MaterialRequirement[], answer: { materials: SharedMaterial[] } | undefined): MaterialRequirement[] {
  if (!answer) return materials;
  const byName = new Map(answer.materials.map((m) => [m.name, m]));
  return materials.map((m) => {
    const s = byName.get(m.name);
    if (!m.obtainable) return m;
    if (s?.obtainable && s.provider && s.resource) return { ...m, sharedBy: { provider: s.provider, resource: s.resource.name } };
    return m.source === 'government' ? m : { ...m, obtainable: false };
  });
}

/** The register keys a form's fields name in `x-prefill`. */
function prefillKeys(schema: FormSchema | undefined): string[] {
  return [...new Set(Object.values(schema?.properties ?? {}).flatMap((f) => (f['x-prefill'] ? [f['x-prefill']] : [])))];
}

/** Values from my own register records for a form's fields (an audited read; personal data, not kept). */
export function useRegisterData(schema: FormSchema | undefined, enabled: boolean) {
  const keys = prefillKeys(schema);
  return useQuery({
    queryKey: ['register-data', keys] as const,
    queryFn: ({ signal }) => api.get<RegisterValues>('/api/v1/me/register-data', { keys: keys.join(',') }, signal),
    enabled: enabled && keys.length > 0,
    staleTime: 0,
    gcTime: 0,
    retry: 1,
    refetchOnWindowFocus: false,
  });
}

/** “泰州市公安局户籍信息”: where a pre-filled value came from, as the form says it. */
export function registerSourceLabel(s: RegisterSource): string {
  return `${s.provider}${s.resourceName}`;
}

/** 共享数据核验 of a case (staff). */
export function useRegisterCheck(caseId: string, enabled = true) {
  return useQuery({
    queryKey: ['register-check', caseId] as const,
    queryFn: ({ signal }) => api.get<RegisterCheck>(`/api/v1/cases/${encodeURIComponent(caseId)}/register-check`, undefined, signal),
    enabled,
    staleTime: 60_000,
    retry: 1,
    refetchOnWindowFocus: false,
  });
}
