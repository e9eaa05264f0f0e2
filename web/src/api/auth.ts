import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client.ts';
import type { Me, OwnProfile } from './types.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/v1/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/**
 * The applicant's own unmasked profile, to pre-fill application forms. Personal data: the server sends it with
 * `no-store`, and here it is never kept once no form uses it (gcTime 0) and is dropped on login and logout
 * (its key is not under `me`).
 */
export function useOwnProfile(enabled: boolean) {
  return useQuery({
    queryKey: ['profile'] as const,
    queryFn: ({ signal }) => api.get<OwnProfile>('/api/v1/me/profile', undefined, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: 1,
    refetchOnWindowFocus: false,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Me>('/api/v1/auth/login', input),
    onSuccess: (me) => {
      // Drop anything cached for a previous user before showing the new one.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, null);
    },
  });
}

export type Area = 'workbench' | 'admin' | 'dashboard';

/** Which roles may enter each staff area. The server enforces the real permissions; this only shapes the UI. */
export const areaRoles: Record<Area, readonly string[]> = {
  // Supervisors approve extensions on the case itself.
  workbench: ['window_clerk', 'reviewer', 'supervisor', 'hotline_operator'],
  admin: ['catalog_admin', 'platform_admin', 'data_admin', 'data_officer'],
  dashboard: ['supervisor', 'platform_admin'],
};

export function hasAnyRole(me: Me | null | undefined, roles: readonly string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

export function canEnter(me: Me | null | undefined, area: Area): boolean {
  return hasAnyRole(me, areaRoles[area]);
}

/** A same-site path to return to after login; anything else is ignored. */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/login')) return undefined;
  return next;
}
