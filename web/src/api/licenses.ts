import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { CaseLicense, LicenseDetail, LicenseSummary } from './types.ts';

/** 我的证照: my electronic licenses, newest first. */
export function useMyLicenses() {
  return useQuery({
    queryKey: ['licenses', 'mine'] as const,
    queryFn: ({ signal }) => api.get<{ licenses: LicenseSummary[] }>('/api/v1/me/licenses', undefined, signal),
  });
}

export function useMyLicense(ref: string | undefined) {
  return useQuery({
    queryKey: ['licenses', 'mine', ref] as const,
    queryFn: ({ signal }) => api.get<LicenseDetail>(`/api/v1/me/licenses/${encodeURIComponent(ref!)}`, undefined, signal),
    enabled: !!ref,
  });
}

/** The licenses given for a case's materials, each verified now (only asked for when the case has some). */
export function useCaseLicenses(caseId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['licenses', 'case', caseId] as const,
    queryFn: ({ signal }) => api.get<{ licenses: CaseLicense[] }>(`/api/v1/cases/${encodeURIComponent(caseId!)}/licenses`, undefined, signal),
    enabled: !!caseId && enabled,
  });
}

/** Where anyone checks a license (the masked public verification): the link I share. */
export const publicVerifyPath = (ref: string) => `/licenses/verify/${encodeURIComponent(ref)}`;
export const licenseQrUrl = (ref: string) => `/api/v1/public/licenses/${encodeURIComponent(ref)}/qr.svg`;
export const licensePdfUrl = (ref: string) => `/api/v1/me/licenses/${encodeURIComponent(ref)}/license.pdf`;
