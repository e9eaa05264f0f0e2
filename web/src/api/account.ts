/** The applicant's account: SMS codes, registration, reset, sessions, password, real-name level, agents. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { meKey } from './auth.ts';
import type { AgentScope, Me } from './types.ts';

export type CodePurpose = 'login' | 'register' | 'reset';
export type SessionView = { id: string; createdAt: string; lastAuthAt: string; ip: string | null; userAgent: string | null; current: boolean; actingFor: string | null };
export type AgentGrant = {
  id: string;
  entity: { id: string; name: string; creditCode: string | null };
  agent: { id: string; name: string; idNumberMasked: string | null };
  scopes: AgentScope[];
  validFrom: string;
  validUntil: string;
  status: 'active' | 'revoked' | 'expired' | 'pending';
  grantedAt: string;
  revokedAt: string | null;
};

export function useSendCode() {
  return useMutation({ mutationFn: (input: { phone: string; purpose: CodePurpose }) => api.post<{ retryAfterSeconds: number }>('/api/v1/auth/sms-code', input) });
}

/**
 * A request that changes who the session is (signing in by SMS code, registering, acting for an entity, working in
 * another post): drop everything cached for the previous identity, show the new one.
 */
export function useIdentityChange<T>(fn: (input: T) => Promise<Me>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

export const useSmsLogin = () => useIdentityChange((input: { phone: string; code: string }) => api.post<Me>('/api/v1/auth/login/sms', input));
export const useRegister = () => useIdentityChange((input: { phone: string; code: string; password: string; name: string; residentId: string }) => api.post<Me>('/api/v1/auth/register', input));

export function useResetPassword() {
  return useMutation({ mutationFn: (input: { phone: string; code: string; password: string }) => api.post<void>('/api/v1/auth/password-reset', input) });
}

const keys = { sessions: ['me', 'sessions'] as const, agents: ['me', 'agents'] as const, entities: ['me', 'entities'] as const };

export function useSessions() {
  return useQuery({ queryKey: keys.sessions, queryFn: ({ signal }) => api.get<{ sessions: SessionView[] }>('/api/v1/me/sessions', undefined, signal) });
}

export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del<void>(`/api/v1/me/sessions/${encodeURIComponent(id)}`), onSuccess: () => void qc.invalidateQueries({ queryKey: keys.sessions }) });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: { current: string; password: string }) => api.post<void>('/api/v1/me/password', input) });
}

export function useVerifyRealName() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<{ realNameLevel: string }>('/api/v1/me/real-name'), onSuccess: () => void qc.invalidateQueries({ queryKey: meKey }) });
}

export function useAgents(enabled: boolean) {
  return useQuery({ queryKey: keys.agents, queryFn: ({ signal }) => api.get<{ agents: AgentGrant[] }>('/api/v1/entity/agents', undefined, signal), enabled });
}

export function useAuthoriseAgent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { residentId: string; name: string; scopes: AgentScope[]; validFrom: string; validUntil: string }) => api.post<AgentGrant>('/api/v1/entity/agents', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.agents }),
  });
}

export function useRevokeAgent() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.post<AgentGrant>(`/api/v1/entity/agents/${encodeURIComponent(id)}/revoke`), onSuccess: () => void qc.invalidateQueries({ queryKey: keys.agents }) });
}

export function useMyEntities(enabled: boolean) {
  return useQuery({ queryKey: keys.entities, queryFn: ({ signal }) => api.get<{ entities: AgentGrant[] }>('/api/v1/me/entities', undefined, signal), enabled });
}

/** Act for an entity (or as oneself: null). */
export const useActFor = () => useIdentityChange((entityId: string | null) => api.post<Me>('/api/v1/auth/act-for', { entityId }));
