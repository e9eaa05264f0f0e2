// Wire types of the JSON API (/api/v1). They mirror the server's TypeBox
// schemas; when the server exports shared schema types, import them here
// instead of repeating them.

export type SubjectType = 'person' | 'entity' | 'staff';

export type Role =
  | 'platform_admin'
  | 'catalog_admin'
  | 'window_clerk'
  | 'reviewer'
  | 'supervisor'
  | 'hotline_operator'
  | 'applicant';

export type Landing = '/' | '/workbench' | '/admin' | '/dashboard';

export interface Profile {
  name?: string;
  idNumberMasked?: string;
  phoneMasked?: string;
  entityName?: string;
  creditCode?: string;
  address?: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  subjectType: SubjectType;
  roles: string[];
  permissions: string[];
  landing: Landing;
  org?: { id: string; name: string };
  regionCode?: string;
  entity?: { name: string; creditCode: string };
  profile: Profile;
}

export interface AgencyRef {
  id: string;
  name: string;
}

export interface ItemSummary {
  implCode: string;
  baseCode: string;
  name: string;
  kind: string;
  kindLabel: string;
  agency: AgencyRef;
  regionCode: string;
  statutoryDays: number;
  committedDays: number;
  visitsRequired: number;
  online: boolean;
}

export type MaterialNecessity = 'required' | 'optional' | 'deferrable';
export type MaterialSource = 'applicant' | 'government' | 'other';

export interface MaterialRequirement {
  code: string;
  name: string;
  necessity: MaterialNecessity;
  source: MaterialSource;
  issuingDept?: string;
  paper: { original: number; copy: number };
  notes?: string;
}

/** One field of an item's application form (a JSON Schema property). */
export interface FormFieldSchema {
  type: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  enum?: Array<string | number>;
  /** Optional display names for enum values, same order as `enum`. */
  enumNames?: string[];
  format?: string;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  'x-ui'?: { widget?: 'textarea' | 'radio'; placeholder?: string };
  /** Names a field of `Me.profile` used to fill this field in advance. */
  'x-prefill'?: string;
  /** Display position when the schema has no `x-order` list. */
  'x-order'?: number;
}

export interface FormSchema {
  type: 'object';
  properties: Record<string, FormFieldSchema>;
  required?: string[];
  /** Field keys in display order (JSONB does not keep key order). */
  'x-order'?: string[];
}

export interface ItemDetail extends ItemSummary {
  version: number;
  /** Who may apply: 'person' and/or 'entity'. */
  serviceObjects: string[];
  /** Why a visit is needed, when visitsRequired > 0. */
  visitReason?: string;
  onlineDepth?: number[];
  topics?: string[];
  conditions: string[];
  legalBasis: Array<{ title: string; article?: string }>;
  steps: Array<{ name: string; description: string }>;
  fees: Array<{ name: string; amountFen: number; basis: string }>;
  materials: MaterialRequirement[];
  form: FormSchema;
  caseType: 'instant' | 'commitment';
  hall?: { address: string; hours: string };
  contacts?: { consult: string; complaint: string };
  result?: { type: string; name: string };
}

export interface ItemList {
  items: ItemSummary[];
  total: number;
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
}

export type CaseState = 'submitted' | 'accepted' | 'declined' | 'closed';
export type SlaLight = 'green' | 'yellow' | 'red';

export interface CaseSummary {
  id: string;
  number: string;
  state: CaseState | string;
  stateLabel: string;
  itemName: string;
  implCode: string;
  agencyName?: string;
  applicantName: string;
  submittedAt: string;
  dueDate: string | null;
  slaLight: SlaLight | null;
}

export interface TimelineEntry {
  at: string;
  action: string;
  actionLabel: string;
  actorName: string;
  actorRole: string;
  note?: string;
}

export interface CaseDetail extends CaseSummary {
  version: number;
  itemVersion?: number;
  /** The form schema of the item version the case was filed under, to label its fields. */
  formSchema?: unknown;
  decision?: { result: 'grant' | 'refuse'; reason?: string; decidedAt: string };
  form: Record<string, unknown>;
  materials: Array<{ code: string; name: string; fileId: string; fileName: string }>;
  timeline: TimelineEntry[];
  allowedActions: string[];
}

export interface CaseList {
  cases: CaseSummary[];
  total: number;
}

export interface CaseActionInput {
  action: string;
  version: number;
  reason?: string;
  decision?: 'grant' | 'refuse';
  note?: string;
}

export interface CatalogItem {
  id: string;
  implCode: string;
  name: string;
  agency: AgencyRef;
  status: 'draft' | 'published' | 'retired' | string;
  version: number;
  publishedVersion?: number | null;
  updatedAt: string;
}

export interface Org {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
  creditCode: string;
  parentId: string | null;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  subjectType: SubjectType;
  roles: string[];
  orgName?: string;
}

export interface AuditVerify {
  ok: boolean;
  count: number;
  brokenAt?: string | number | null;
}

export interface DashboardSummary {
  openCases: number;
  closedCases: number;
  overdueCases: number;
  publishedItems: number;
  casesByState: Record<string, number>;
  openByLight: { green: number; yellow: number; red: number };
}
