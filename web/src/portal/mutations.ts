import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../api/client.ts';
import { caseKeys } from '../api/cases.ts';
import type { CaseDetail, DeliveryMethod, MaterialRef, StoredFile } from '../api/types.ts';

export function uploadFile(file: File): Promise<StoredFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return request<StoredFile>('/api/v1/files', { method: 'POST', body });
}

export interface SubmitCaseInput {
  implCode: string;
  form: Record<string, unknown>;
  materials: MaterialRef[];
  /** How the result reaches the applicant (default electronic). */
  delivery?: { method: DeliveryMethod; address?: string };
  /** 告知承诺制 items: the signed commitment. */
  commitment?: { accepted: boolean; signedName: string };
  /** 通办: where the case is filed and accepted, when not the item's own region. */
  acceptRegionCode?: string;
  /** One key per application attempt, so a double click or a retry never makes a second case. */
  idempotencyKey: string;
}

export function useSubmitCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SubmitCaseInput) =>
      request<CaseDetail>('/api/v1/cases', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.detail(c.id), c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}
