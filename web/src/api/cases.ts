import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api, request } from './client.ts';
import type { CaseDetail, CaseList, CaseTracking, VerificationTask } from './types.ts';

export interface CaseListQuery {
  state?: string;
  /** Case number or item name. */
  q?: string;
  /** Only open cases with this deadline light. */
  light?: 'green' | 'yellow' | 'red';
  /** Claimed by me, or by nobody (staff). */
  assignee?: 'me' | 'unassigned';
  /** Only accepted cases whose review step under way is for one of my roles (a supervisor's 审批 …). */
  step?: 'mine';
  page?: number;
  pageSize?: number;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (q: CaseListQuery) => ['cases', 'list', q] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  decisionPdf: (id: string) => ['cases', 'decision-pdf', id] as const,
  tracking: (id: string) => ['cases', 'tracking', id] as const,
};

/** Applicants get their own cases, staff their scoped queue: the server decides. */
export function useCases(q: CaseListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: caseKeys.list(q),
    queryFn: ({ signal }) =>
      api.get<CaseList>(
        '/api/v1/cases',
        { state: q.state, q: q.q, light: q.light, assignee: q.assignee, step: q.step, page: q.page, pageSize: q.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

export function decisionPdfUrl(id: string): string {
  return `/api/v1/cases/${encodeURIComponent(id)}/decision.pdf`;
}

/** 受理通知书 of an accepted case (cases/routes.paperwork.ts). */
export function acceptanceNoticeUrl(id: string): string {
  return `/api/v1/cases/${encodeURIComponent(id)}/documents/acceptance-notice.pdf`;
}

/** Was the case accepted (by a clerk or deemed)? Then it has a 受理通知书. */
export function hasAcceptanceNotice(c: Pick<CaseDetail, 'state' | 'timeline'>): boolean {
  return !['submitted', 'supplement_requested', 'declined'].includes(c.state) && c.timeline.some((e) => e.action === 'accept' || e.action === 'deem_accept');
}

/** 撤销行政许可决定书 of a grant on commitment revoked at verification. */
export function revocationPdfUrl(id: string): string {
  return `/api/v1/cases/${encodeURIComponent(id)}/revocation.pdf`;
}

export function timelineCsvUrl(id: string): string {
  return `/api/v1/cases/${encodeURIComponent(id)}/timeline.csv`;
}

/**
 * Whether the decision document can be downloaded: asked with HEAD once a decision exists, so a server without
 * the document (404, or an older server) simply shows no link.
 */
export function useDecisionPdfAvailable(c: Pick<CaseDetail, 'id' | 'decision'> | undefined) {
  const id = c?.id ?? '';
  return useQuery({
    queryKey: caseKeys.decisionPdf(id),
    queryFn: async ({ signal }) => {
      const res = await fetch(decisionPdfUrl(id), { method: 'HEAD', credentials: 'same-origin', signal });
      return res.ok;
    },
    enabled: !!c?.decision,
    staleTime: Infinity,
    retry: false,
  });
}

/** The courier's track of an express delivery; undefined when the server has none (404) or no tracking yet. */
export function useCaseTracking(c: Pick<CaseDetail, 'id' | 'delivery'> | undefined) {
  const id = c?.id ?? '';
  return useQuery({
    queryKey: caseKeys.tracking(id),
    queryFn: async ({ signal }) => {
      try {
        return await request<CaseTracking>(`/api/v1/cases/${encodeURIComponent(id)}/tracking`, { signal });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled: c?.delivery?.method === 'express' && !!c.delivery.trackingNo,
    retry: false,
    staleTime: 60_000,
  });
}

/** 告知承诺 verification tasks in my scope (staff who decide). */
export function useVerifications(enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'verifications'] as const,
    queryFn: ({ signal }) => api.get<{ tasks: VerificationTask[] }>('/api/v1/verifications', { state: 'open' }, signal),
    enabled,
  });
}
