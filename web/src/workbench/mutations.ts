import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, errorMessage, request } from '../api/client.ts';
import { caseKeys } from '../api/cases.ts';
import type { BulkActionResult, CaseActionInput, CaseDelivery, CaseDetail, WalkInApplicant } from '../api/types.ts';
import type { SubmitCaseInput } from '../portal/mutations.ts';
import type { Plan } from '../api/bundles.ts';

/** Record an action on a case; `version` makes a stale screen fail with 409 instead of overwriting. */
export function useCaseAction(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseActionInput) =>
      request<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}/actions`, { method: 'POST', body: input }),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.detail(caseId), c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: caseKeys.decisionPdf(caseId) });
      void qc.invalidateQueries({ queryKey: caseKeys.tracking(caseId) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
        void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      }
    },
  });
}

/** 认领: the case becomes the caller's (listed under 我认领的). */
export function useClaimCase(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}/claim`),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.detail(caseId), c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
    onError: () => {
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

/**
 * One action on several cases, each succeeding or failing on its own. The queue's rows carry no version, so each
 * case is read first (the version the clerk is acting on is the one current now).
 */
export function useBulkAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, ids }: { action: string; ids: string[] }): Promise<BulkActionResult> => {
      const read = await Promise.allSettled(ids.map((id) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`)));
      const unread: BulkActionResult['results'] = [];
      const items: Array<{ id: string; version: number }> = [];
      read.forEach((r, i) => {
        if (r.status === 'fulfilled') items.push({ id: r.value.id, version: r.value.version });
        else unread.push({ id: ids[i]!, ok: false, error: { code: r.reason instanceof ApiError ? r.reason.code : 'ERROR', message: errorMessage(r.reason) } });
      });
      const done = items.length ? await api.post<BulkActionResult>('/api/v1/cases/bulk-actions', { action, items }) : { results: [] };
      return { results: [...done.results, ...unread] };
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}

/** 综合窗口收件: file a case for the applicant at the window (POST /api/v1/window/cases). */
export function useWindowFileCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SubmitCaseInput & { applicant: WalkInApplicant }) =>
      request<CaseDetail>('/api/v1/window/cases', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.detail(c.id), c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export type HotlineReferral = { referralId: string; plan: Plan; link: string; sms: { to: string; status: 'sent' | 'failed'; text: string } };

/** 12345 热线一件事: record the call and send the caller the one-time list by SMS. */
export function useHotlineReferral() {
  return useMutation({
    mutationFn: (body: { bundleCode: string; answers: Record<string, string>; caller: { name: string; phone: string } }) =>
      request<HotlineReferral>('/api/v1/hotline/bundle-referrals', { method: 'POST', body }),
  });
}

/** 窗口收件: the applicant's signature from the pad (a PNG data URL); the case is read again to show it. */
export function useSaveSignature(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (png: string) => api.post<{ signedAt: string; clerkName: string; url: string }>(`/api/v1/cases/${encodeURIComponent(caseId)}/signature`, { png }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

/** 窗口收件: how the applicant wants the result (express: to this address, booked with the courier at delivery). */
export function useSaveDelivery(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: CaseDelivery) => api.put<CaseDelivery>(`/api/v1/cases/${encodeURIComponent(caseId)}/delivery`, d),
    onSuccess: () => void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}
