/** One-thing services (一件事): wire types and query hooks of /api/v1/public/bundles and /api/v1/catalog/bundles. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AgencyRef, FormFieldSchema, ItemSummary } from './types.ts';

export interface Measures {
  applications: number;
  forms: number;
  fields: number;
  materials: number;
  visits: number;
  days: number;
}
export interface Savings {
  itemByItem: Measures;
  bundle: Measures;
  saved: Measures;
}
export type Condition = Array<{ question: string; in: string[] }>;
export interface SituationQuestion {
  id: string;
  text: string;
  help?: string;
  options: Array<{ value: string; label: string }>;
  when?: Condition;
  fills?: Array<{ implCode: string; field: string; values: Record<string, string> }>;
}
export interface BundleSummary {
  code: string;
  name: string;
  event: string;
  audience: 'person' | 'entity';
  summary: string;
  leadAgency: AgencyRef;
  itemCount: number;
  savings: Savings;
}
export interface BundleItem extends ItemSummary {
  required: boolean;
  conditional: boolean;
  note?: string;
  resultName: string;
}
export interface BundleDetail extends BundleSummary {
  version: number;
  publishedAt: string | null;
  regionCode: string;
  cooperatingAgencies: AgencyRef[];
  items: BundleItem[];
  questions: SituationQuestion[];
  process: Array<{ name: string; description: string }>;
  guide: { conditions: string[]; notes: string[]; window: string; consult: string };
  linkedServices: Array<{ name: string; provider: string; note?: string }>;
}
type ItemRef = { implCode: string; name: string };
export interface PlanMaterial {
  key: string;
  name: string;
  provide: 'upload' | 'shared' | 'bundle';
  necessity: 'required' | 'optional' | 'deferrable';
  paper: { original: number; copy: number };
  notes?: string;
  providedBy?: ItemRef;
  items: Array<ItemRef & { code: string }>;
}
export interface MergedFormField {
  key: string;
  concept: string | null;
  schema: FormFieldSchema & { title: string };
  required: boolean;
  items: Array<ItemRef & { field: string }>;
  issuedBy?: ItemRef;
  filled?: { value: string | null; by: 'preset' | 'answer'; question?: string };
}
export interface Plan {
  bundle: { code: string; name: string; version: number };
  items: Array<BundleItem & { reason: string }>;
  skipped: Array<ItemRef & { reason: string }>;
  materials: PlanMaterial[];
  form: { fields: MergedFormField[]; fieldsBeforeMerge: number };
  savings: Savings;
  merged: { materials: Array<{ name: string; timesAsked: number }>; fields: Array<{ title: string; timesAsked: number }> };
}

/** Questions asked given the answers so far (a question shows when its condition holds). */
export function holds(when: Condition | undefined, answers: Record<string, string>): boolean {
  return (when ?? []).every((c) => answers[c.question] !== undefined && c.in.includes(answers[c.question]!));
}

export function useBundles() {
  return useQuery({
    queryKey: ['bundles', 'list'],
    queryFn: ({ signal }) => api.get<{ bundles: BundleSummary[] }>('/api/v1/public/bundles', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useBundle(code: string | undefined) {
  return useQuery({
    queryKey: ['bundles', 'detail', code ?? ''],
    queryFn: ({ signal }) => api.get<BundleDetail>(`/api/v1/public/bundles/${encodeURIComponent(code!)}`, undefined, signal),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

export function usePlan(code: string) {
  return useMutation({
    mutationFn: (body: { answers: Record<string, string>; leaveOut?: string[] }) => api.post<Plan>(`/api/v1/public/bundles/${encodeURIComponent(code)}/plan`, body),
  });
}

// ---- administration ----

export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'superseded' | 'retired';
export interface AdminBundle {
  id: string;
  code: string;
  name: string;
  event: string;
  leadAgency: AgencyRef;
  status: 'draft' | 'published' | 'retired';
  versionStatus: VersionStatus;
  versionStatusLabel: string;
  version: number;
  publishedVersion: number | null;
  updatedAt: string;
}
export interface BundleMember {
  implCode: string;
  required: boolean;
  when?: Condition;
  after?: string[];
  materialConditions?: Array<{ code: string; when: Condition }>;
  fieldConcepts?: Record<string, string>;
  presets?: Record<string, string>;
  note?: string;
}
export interface BundleDocument {
  code: string;
  name: string;
  event: string;
  audience: 'person' | 'entity';
  regionCode: string;
  leadCreditCode: string;
  summary: string;
  members: BundleMember[];
  questions: SituationQuestion[];
  process: Array<{ name: string; description: string }>;
  guide: { conditions: string[]; notes: string[]; window: string; consult: string };
  linkedServices?: Array<{ name: string; provider: string; note?: string }>;
  keywords: string[];
}
export interface BundleFinding {
  severity: 'error' | 'warning';
  path: string;
  message: string;
}
export interface AdminBundleDetail {
  bundle: AdminBundle;
  document: BundleDocument;
  findings: BundleFinding[];
  members: Array<{ implCode: string; name: string | null; agency: string | null }>;
  versions: Array<{ version: number; status: VersionStatus; statusLabel: string; note: string | null; createdAt: string; publishedAt: string | null }>;
  reviewLog: Array<{ version: number; action: string; comment: string | null; actorName: string; at: string }>;
}
export type BundleAction = 'submit' | 'approve' | 'reject' | 'publish' | 'retire';

const adminPath = (id: string) => `/api/v1/catalog/bundles/${encodeURIComponent(id)}`;

export function useAdminBundles() {
  return useQuery({ queryKey: ['bundles', 'admin'], queryFn: ({ signal }) => api.get<{ bundles: AdminBundle[] }>('/api/v1/catalog/bundles', undefined, signal) });
}

export function useAdminBundle(id: string | undefined) {
  return useQuery({ queryKey: ['bundles', 'admin', id ?? ''], queryFn: ({ signal }) => api.get<AdminBundleDetail>(adminPath(id!), undefined, signal), enabled: !!id, staleTime: 0 });
}

function useBundlesChanged() {
  const qc = useQueryClient();
  return (d: AdminBundleDetail) => {
    qc.setQueryData(['bundles', 'admin', d.bundle.id], d);
    void qc.invalidateQueries({ queryKey: ['bundles'] });
  };
}

export function useCreateBundle() {
  const changed = useBundlesChanged();
  return useMutation({ mutationFn: (document: unknown) => api.post<AdminBundleDetail>('/api/v1/catalog/bundles', { document }), onSuccess: changed });
}

export function useSaveBundle(id: string) {
  const changed = useBundlesChanged();
  return useMutation({ mutationFn: (b: { document: unknown; note?: string }) => api.put<AdminBundleDetail>(`${adminPath(id)}/draft`, b), onSuccess: changed });
}

export function useBundleAction(id: string) {
  const changed = useBundlesChanged();
  return useMutation({ mutationFn: (b: { action: BundleAction; comment?: string }) => api.post<AdminBundleDetail>(`${adminPath(id)}/${b.action}`, { comment: b.comment }), onSuccess: changed });
}
