import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../api/client.ts';
import { caseKeys } from '../api/cases.ts';
import type { CaseActionInput, CaseDetail } from '../api/types.ts';

/** Record an action on a case; `version` makes a stale screen fail with 409 instead of overwriting. */
export function useCaseAction(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseActionInput) =>
      request<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}/actions`, { method: 'POST', body: input }),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.detail(caseId), c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
        void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      }
    },
  });
}
