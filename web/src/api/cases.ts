import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { CaseDetail, CaseList } from './types.ts';

export interface CaseListQuery {
  state?: string;
  page?: number;
  pageSize?: number;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (q: CaseListQuery) => ['cases', 'list', q] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

/** Applicants get their own cases, staff their scoped queue: the server decides. */
export function useCases(q: CaseListQuery) {
  return useQuery({
    queryKey: caseKeys.list(q),
    queryFn: ({ signal }) => api.get<CaseList>('/api/v1/cases', { state: q.state, page: q.page, pageSize: q.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}
