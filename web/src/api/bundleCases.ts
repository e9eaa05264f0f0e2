/** Bundle cases (一件事一次办): one submission, one notice, one supplement, results together. /api/v1/bundle-cases */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { DeliveryMethod, WalkInApplicant } from './types.ts';

export type SlaLightValue = 'green' | 'yellow' | 'red' | null;
export interface BundleMemberCase {
  caseId: string;
  number: string;
  itemName: string;
  implCode: string;
  agency: string;
  state: string;
  stateLabel: string;
  dueDate: string | null;
  slaLight: SlaLightValue;
  version: number;
  result?: 'grant' | 'refuse';
  delivery: { method: DeliveryMethod; address?: string; trackingNo?: string; deliveredAt?: string };
  held: boolean;
}
export interface BundleNoticeEntry {
  key: string;
  name: string;
  needsFile: boolean;
  requests: Array<{ caseId: string; itemName: string; agency: string; code?: string; reason: string; issuedBy: string; issuedAt: string }>;
}
export interface BundleCase {
  id: string;
  number: string;
  bundle: { code: string; name: string; leadAgency: string };
  submittedAt: string;
  state: 'in_progress' | 'supplement_requested' | 'results_ready' | 'done';
  stateLabel: string;
  dueDate: string | null;
  slaLight: SlaLightValue;
  deliverResults: 'together' | 'each';
  /** Once the results went out together: the one waybill (express) and when. */
  delivery: { method: DeliveryMethod; address?: string; trackingNo?: string; provider?: string; deliveredAt?: string };
  members: BundleMemberCase[];
  notice: { items: BundleNoticeEntry[] } | null;
}
export interface SubmitBundleInput {
  bundleCode: string;
  answers: Record<string, string>;
  leaveOut: string[];
  form: Record<string, unknown>;
  materials: Array<{ key: string; fileId: string }>;
  delivery: { method: DeliveryMethod; address?: string };
  deliverResults: 'together' | 'each';
  idempotencyKey: string;
  /** 综合窗口: a window clerk files for this applicant (POST /api/v1/window/bundle-cases). */
  applicant?: WalkInApplicant;
}

export const bundleCaseKeys = {
  list: ['bundle-cases', 'list'] as const,
  detail: (id: string) => ['bundle-cases', 'detail', id] as const,
};

export function useBundleCases(enabled = true) {
  return useQuery({ queryKey: bundleCaseKeys.list, queryFn: ({ signal }) => api.get<{ bundleCases: BundleCase[] }>('/api/v1/bundle-cases', undefined, signal), enabled });
}

export function useBundleCase(id: string | undefined) {
  return useQuery({
    queryKey: bundleCaseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<BundleCase>(`/api/v1/bundle-cases/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

/** The bundle case when the caller may read it (the lead department from a member case); undefined otherwise, without retries. */
export function useBundleCaseIfReadable(id: string | undefined) {
  return useQuery({
    queryKey: [...bundleCaseKeys.detail(id ?? ''), 'probe'],
    queryFn: ({ signal }) => api.get<BundleCase>(`/api/v1/bundle-cases/${encodeURIComponent(id!)}`, undefined, signal).catch(() => null),
    enabled: !!id,
    retry: false,
  });
}

export function useSubmitBundle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SubmitBundleInput) =>
      api.post<BundleCase>(body.applicant ? '/api/v1/window/bundle-cases' : '/api/v1/bundle-cases', body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: (b) => {
      qc.setQueryData(bundleCaseKeys.detail(b.id), b);
      void qc.invalidateQueries({ queryKey: ['bundle-cases', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export function useBundleSupplement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { materials: Array<{ key: string; fileId: string }> }) => api.post<BundleCase>(`/api/v1/bundle-cases/${encodeURIComponent(id)}/supplement`, body),
    onSuccess: (b) => {
      qc.setQueryData(bundleCaseKeys.detail(b.id), b);
      void qc.invalidateQueries({ queryKey: ['bundle-cases', 'list'] });
    },
  });
}

/** 一窗出件: every result of the bundle at once — one pickup, or one express parcel (window staff). */
export function useBundleDeliver(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<BundleCase>(`/api/v1/bundle-cases/${encodeURIComponent(id)}/deliver`, {}),
    onSuccess: (b) => {
      qc.setQueryData(bundleCaseKeys.detail(b.id), b);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
