/** 接入系统: department systems registered as OpenID Connect clients (wire types and query hooks). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';
export type OidcScope = 'openid' | 'profile' | 'phone' | 'tongban' | 'offline_access';
export type SubjectKind = 'person' | 'entity' | 'staff';

export type ClientBody = {
  name: string;
  /** The department the system belongs to: its client-credentials calls use that department's data-sharing grants. */
  orgId?: string | null;
  public?: boolean;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  grantTypes: GrantType[];
  scopes: OidcScope[];
  subjectTypes: SubjectKind[];
};
export type OidcClient = Required<Omit<ClientBody, 'public' | 'orgId'>> & { clientId: string; public: boolean; orgId: string | null; status: 'active' | 'disabled'; createdAt: string };

const key = ['oidc', 'clients'] as const;

export function useOidcClients() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<{ clients: OidcClient[] }>('/api/v1/oidc/clients', undefined, signal) });
}

export function useRegisterClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientBody) => api.post<{ client: OidcClient; clientSecret: string | null }>('/api/v1/oidc/clients', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useSetClientStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: OidcClient) => api.put<OidcClient>(`/api/v1/oidc/clients/${encodeURIComponent(c.clientId)}`, { name: c.name, redirectUris: c.redirectUris, postLogoutRedirectUris: c.postLogoutRedirectUris, grantTypes: c.grantTypes, scopes: c.scopes, subjectTypes: c.subjectTypes, status: c.status === 'active' ? 'disabled' : 'active' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRotateClientSecret() {
  return useMutation({ mutationFn: (clientId: string) => api.post<{ clientSecret: string }>(`/api/v1/oidc/clients/${encodeURIComponent(clientId)}/secret`) });
}

export function useRotateSigningKey() {
  return useMutation({ mutationFn: () => api.post<{ kid: string }>('/api/v1/oidc/keys/rotate') });
}
