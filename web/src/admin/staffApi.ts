/** Staff administration: accounts, roles, posts and delegations (wire types and hooks). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useIdentityChange } from '../api/account.ts';
import type { Me } from '../api/types.ts';
import { adminKeys } from './queries.ts';

export type StaffPost = { id: string; orgId: string; orgName: string; roles: string[]; kind: 'post' | 'delegation'; delegatedByName: string | null; reason: string; validFrom: string; validUntil: string | null; status: 'active' | 'pending' | 'expired' | 'revoked' };
export type MyPost = { id: string | null; orgId: string; orgName: string; roles: string[]; kind: 'own' | 'post' | 'delegation'; delegatedByName: string | null; validFrom: string | null; validUntil: string | null; current: boolean };

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; displayName: string; orgId: string; roles: string[]; phone?: string; password: string }) => api.post<{ id: string }>('/api/v1/admin/users', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; orgId?: string; roles?: string[]; status?: 'active' | 'disabled' }) => api.put<void>(`/api/v1/admin/users/${encodeURIComponent(id)}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

const postsKey = (id: string) => ['admin', 'users', id, 'posts'] as const;

export function useStaffPosts(id: string | undefined) {
  return useQuery({ queryKey: postsKey(id ?? ''), queryFn: ({ signal }) => api.get<{ posts: StaffPost[] }>(`/api/v1/admin/users/${encodeURIComponent(id!)}/posts`, undefined, signal), enabled: !!id });
}

export function useAddPost(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgId: string; roles: string[]; kind: 'post' | 'delegation'; delegatedBy?: string; reason?: string; validFrom: string; validUntil?: string }) => api.post<{ id: string }>(`/api/v1/admin/users/${encodeURIComponent(id)}/posts`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: postsKey(id) }),
  });
}

export function useEndPost(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (postId: string) => api.del<void>(`/api/v1/admin/users/${encodeURIComponent(id)}/posts/${encodeURIComponent(postId)}`), onSuccess: () => void qc.invalidateQueries({ queryKey: postsKey(id) }) });
}

export function useMyPosts(enabled: boolean) {
  return useQuery({ queryKey: ['me', 'posts'] as const, queryFn: ({ signal }) => api.get<{ posts: MyPost[] }>('/api/v1/me/posts', undefined, signal), enabled });
}

/** Work in another post (null: the account's own organisation). */
export const useSwitchPost = () => useIdentityChange((postId: string | null) => api.post<Me>('/api/v1/auth/post', { postId }));
