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
  | 'data_admin'
  | 'data_officer'
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

/** GET /api/v1/me/profile: the applicant's own profile, unmasked (owner only), to pre-fill forms. */
export interface OwnProfile {
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  entityName?: string;
  creditCode?: string;
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
  /** L1 self-declared, L2 checked against the household register, L3 checked in person. */
  realNameLevel?: 'L1' | 'L2' | 'L3';
  /** Acting for the entity as its agent (经办人), with the scopes it allowed. */
  agent?: { id: string; name: string; scopes: AgentScope[] };
  /** Staff working in another of their posts (or as a delegate) this session. */
  post?: { id: string; kind: 'post' | 'delegation'; orgName: string };
  profile: Profile;
}

export type AgentScope = 'apply' | 'cases' | 'licenses';

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
export type MaterialType = 'certificate' | 'form' | 'identity' | 'contract' | 'proof' | 'drawing' | 'report' | 'other';
export type MaterialForm = 'paper' | 'electronic' | 'both';

/** A file attached to the catalog (blank form, sample): id and display name. */
export interface CatalogFileRef {
  fileId: string;
  name: string;
}

export interface MaterialRequirement {
  code: string;
  name: string;
  type?: MaterialType;
  necessity: MaterialNecessity;
  source: MaterialSource;
  issuingDept?: string;
  form?: MaterialForm;
  paper: { original: number; copy: number };
  notes?: string;
  /** 受理标准: what makes the material acceptable. */
  acceptanceStandard?: string;
  legalBasis?: string;
  blankForm?: CatalogFileRef;
  sample?: CatalogFileRef;
  licenseTypeCode?: string;
  /** The platform obtains it through data sharing: the applicant need not bring it. */
  obtainable?: boolean;
  /** Client-side, from GET /api/v1/public/shared-materials: the department and resource that provide it. */
  sharedBy?: { provider: string; resource: string };
}

/** GET /api/v1/public/shared-materials: whether a published resource stands for a material, and who provides it. */
export interface SharedMaterial {
  name: string;
  obtainable: boolean;
  resource?: { code: string; name: string };
  provider?: string;
}

/** Where a value from the base registers came from. */
export interface RegisterSource {
  resource: string;
  resourceName: string;
  provider: string;
  updatedAt: string;
}

/** GET /api/v1/me/register-data: values from my own register record, by x-prefill key. */
export interface RegisterValues {
  values: Record<string, string | number>;
  sources: Record<string, RegisterSource>;
}

/** GET /api/v1/cases/{id}/register-check: the applicant's claims beside the registers (共享数据核验). */
export interface RegisterCheck {
  caseId: string;
  subject: 'person' | 'entity';
  found: boolean;
  fields: Array<{ field: string; title: string; prefill: string; claim: string | number | null; register: string | number | null; source: RegisterSource | null; match: 'match' | 'mismatch' | 'missing' }>;
  materials: Array<{ code: string; name: string; resource: { code: string; name: string }; provider: string; updatedAt: string | null; extract: Array<Array<{ label: string; value: string | number | null }>> }>;
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
  /** Names a field of the applicant's own profile (`OwnProfile`) used to fill this field in advance. */
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

export type AgencyNature = 'statutory' | 'authorized' | 'entrusted';
export type ServiceObjectType = 'natural_person' | 'enterprise' | 'public_institution' | 'social_organization' | 'government_agency' | 'other_org';
export type HandlingForm = 'window' | 'pc' | 'mobile' | 'express' | 'self_service';
export type TongbanScope = 'none' | 'city' | 'province' | 'inter_province' | 'national';

export interface ItemFeatures {
  appointment: boolean;
  express: boolean;
  onlinePayment: boolean;
  selfService: boolean;
}

export interface LegalBasisEntry {
  title: string;
  article?: string;
  docNo?: string;
}

export interface ItemStep {
  name: string;
  description: string;
  days?: number;
}

export interface ItemFee {
  name: string;
  amountFen: number;
  standard?: string;
  basis: string;
  waiver?: string;
}

export interface SpecialProcedure {
  name: string;
  maxDays?: number;
  note?: string;
}

export interface IntermediaryService {
  name: string;
  provider?: string;
  basis?: string;
  feeNote?: string;
}

export interface FaqEntry {
  q: string;
  a: string;
}

/**
 * The whole national element set of an item (server/src/modules/catalog/schema.ts `ItemDocument`), as the
 * catalog editor reads and writes it.
 */
export interface ItemDocument {
  name: string;
  kind: string;
  baseCode: string;
  implCode: string;
  exerciseLevel: string;
  regionCode: string;
  agencyNature?: AgencyNature;
  entrustedAgencies?: string[];
  jointAgencies?: string[];
  serviceObjects: Array<'person' | 'entity'>;
  serviceObjectTypes?: ServiceObjectType[];
  legalBasis: LegalBasisEntry[];
  conditions: string[];
  steps: ItemStep[];
  statutoryDays: number;
  statutoryNote?: string;
  committedDays: number;
  committedNote?: string;
  limitNote?: string;
  specialProcedures?: SpecialProcedure[];
  caseType: 'instant' | 'commitment';
  /** 告知承诺制 (approval on commitment), its commitment text and verification period (working days). */
  commitmentApproval?: boolean;
  commitmentText?: string;
  verificationDays?: number;
  /** Review steps after acceptance; the last ends with the decision. */
  reviewSteps?: Array<{ name: string; role: 'reviewer' | 'window_clerk' | 'supervisor'; days: number }>;
  handlingForms?: HandlingForm[];
  onlineDepth: number[];
  visitsRequired: number;
  visitReason?: string;
  fees: ItemFee[];
  materials: MaterialRequirement[];
  form: FormSchema & { required: string[] };
  hall: { address: string; hours: string; window?: string; traffic?: string };
  contacts: { consult: string; complaint: string };
  result: { type: string; name: string; sample?: CatalogFileRef };
  intermediaryServices?: IntermediaryService[];
  topics: string[];
  lifeEvents?: string[];
  tongbanScope?: TongbanScope;
  features?: ItemFeatures;
  faq?: FaqEntry[];
  keywords: string[];
}

/** The published guide of an item: its summary plus the element set (without the codes of the summary). */
export interface ItemDetail extends ItemSummary {
  version: number;
  publishedAt?: string | null;
  exerciseLevel?: string;
  agencyNature?: AgencyNature;
  entrustedAgencies?: string[];
  jointAgencies?: string[];
  /** Who may apply: 'person' and/or 'entity'. */
  serviceObjects: string[];
  serviceObjectTypes?: ServiceObjectType[];
  /** Why a visit is needed, when visitsRequired > 0. */
  visitReason?: string;
  onlineDepth?: number[];
  handlingForms?: HandlingForm[];
  topics?: string[];
  lifeEvents?: string[];
  conditions: string[];
  legalBasis: LegalBasisEntry[];
  steps: ItemStep[];
  statutoryNote?: string;
  committedNote?: string;
  limitNote?: string;
  specialProcedures?: SpecialProcedure[];
  fees: ItemFee[];
  materials: MaterialRequirement[];
  form: FormSchema;
  caseType: 'instant' | 'commitment';
  hall?: { address: string; hours: string; window?: string; traffic?: string };
  contacts?: { consult: string; complaint: string };
  result?: { type: string; name: string; sample?: CatalogFileRef };
  intermediaryServices?: IntermediaryService[];
  tongbanScope?: TongbanScope;
  features?: ItemFeatures;
  faq?: FaqEntry[];
  /** 告知承诺制: granted on the applicant's signed commitment, verified afterwards. */
  commitmentApproval?: boolean;
  commitmentText?: string;
  verificationDays?: number;
  /** Review steps after acceptance; the last ends with the decision. */
  reviewSteps?: Array<{ name: string; role: 'reviewer' | 'window_clerk' | 'supervisor'; days: number }>;
}

/** 综合窗口: the applicant at the window, as on their ID card or business licence. */
export type WalkInApplicant =
  | { type: 'person'; name: string; residentId: string; phone?: string }
  | { type: 'entity'; name: string; creditCode: string; phone?: string };

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

export type CaseState = 'submitted' | 'supplement_requested' | 'accepted' | 'decided' | 'declined' | 'closed' | 'revoked';
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
  /** When the case was closed or declined. */
  closedAt?: string | null;
  slaLight: SlaLight | null;
  /** Send back with actions. */
  version?: number;
  /** Staff lists: who claimed the case. */
  assigneeName?: string | null;
  /** 通办: where the case was filed and accepted, when not the deciding region. */
  acceptRegionCode?: string | null;
  /** 一件事: the bundle case it belongs to; canOpen: the caller may open the whole bundle. */
  bundle?: { id: string; number: string; name: string; canOpen: boolean };
}

export interface TimelineEntry {
  at: string;
  action: string;
  actionLabel: string;
  actorName: string;
  actorRole: string;
  note?: string;
  /** What the step did: notice items, procedure, waybill, next review step … */
  detail?: string;
}

/** Actions taken through POST /api/v1/cases/{id}/actions. */
export type CaseActionName =
  | 'request_supplement'
  | 'supplement'
  | 'accept'
  | 'decline'
  | 'decide_on_spot'
  | 'suspend'
  | 'resume'
  | 'extend'
  | 'review'
  | 'decide'
  | 'deliver'
  | 'verify';

export type DeliveryMethod = 'electronic' | 'pickup' | 'express';

export interface CaseDelivery {
  method: DeliveryMethod;
  address?: string;
  trackingNo?: string;
  deliveredAt?: string;
}

/** One line of the one-time supplement notice: a material of the item (with its code) or a free item. */
export interface NoticeItem {
  code?: string;
  name: string;
  reason: string;
}

export interface SupplementNotice {
  items: NoticeItem[];
  note?: string;
  issuedAt: string;
  issuedBy: string;
}

/** A running special procedure (听证, 专家评审 …): the clock is stopped. `since` is a date. */
export interface CaseSuspension {
  procedure: string;
  reason: string;
  expectedDays: number;
  since: string;
}

export interface CaseDetail extends CaseSummary {
  version: number;
  /** 一件事: the bundle case this member case belongs to; leadView: read by the bundle's lead department. */
  bundle?: { id: string; number: string; name: string; canOpen: boolean; hold: boolean; together?: boolean; leadView: boolean };
  itemVersion?: number;
  /** The form schema of the item version the case was filed under, to label its fields. */
  formSchema?: unknown;
  decision?: { result: 'grant' | 'refuse'; reason?: string; decidedAt: string; basis?: string; verifiedAt?: string; revokedAt?: string; revokeReason?: string };
  form: Record<string, unknown>;
  materials: Array<{ code: string; name: string; fileId: string; fileName: string }>;
  /** 免提交: materials I gave as electronic licenses (as attached). */
  licensedMaterials?: Array<{ code: string; name: string; licenseRef: string; typeCode: string; typeName: string; number: string; issuerName: string; holderName: string }>;
  timeline: TimelineEntry[];
  allowedActions: string[];
  /** 即办件 (instant) or 承诺件 (commitment). */
  caseType?: 'instant' | 'commitment';
  statutoryDueDate?: string | null;
  extensionDays?: number;
  /** Most working days an extension may add (the server applies 行政许可法 art. 42). */
  extensionCap?: number;
  /** Special procedures (art. 45) that may stop the clock, as the server names them. */
  specialProcedures?: string[];
  deemedAccepted?: boolean;
  notice?: SupplementNotice;
  suspension?: CaseSuspension;
  delivery?: CaseDelivery;
  regionCode?: string;
  regionName?: string | null;
  acceptRegionName?: string | null;
  /** 通办: the organisation that accepted the case (the deciding one is agencyName). */
  acceptAgencyName?: string | null;
  /** 窗口收件: the applicant's signature taken on the pad at the window. */
  signature?: { signedAt: string; clerkName: string; url: string };
  reviewSteps?: CaseReviewStep[];
  /** Index of the review step under way (-1 before acceptance). */
  currentStep?: number;
  commitment?: { text: string; signedName: string; signedAt: string; verificationDays: number } | null;
  verification?: { state: 'open' | 'confirmed' | 'false_commitment'; dueDate: string; verifiedAt: string | null; verifierName: string | null; note: string | null } | null;
}

export interface CaseReviewStep {
  name: string;
  role: string;
  roleLabel: string;
  days: number;
  startedAt?: string;
  dueDate?: string;
  doneAt?: string;
  byName?: string;
  opinion?: string;
}

/** GET /api/v1/verifications: 告知承诺 verification tasks. */
export interface VerificationTask {
  caseId: string;
  number: string;
  itemName: string;
  applicantName: string;
  agencyName: string;
  state: 'open' | 'confirmed' | 'false_commitment';
  dueDate: string;
  slaLight: SlaLight | null;
  openedAt: string;
  verifiedAt: string | null;
  verifierName: string | null;
  caseVersion: number;
}

export interface CaseList {
  cases: CaseSummary[];
  total: number;
  /** More than `total` (the server stops counting at 10,000). */
  totalCapped?: boolean;
}

export interface CaseActionInput {
  action: CaseActionName | string;
  version: number;
  reason?: string;
  decision?: 'grant' | 'refuse';
  note?: string;
  /** request_supplement: every missing or defective material with its reason. */
  items?: NoticeItem[];
  /** supplement: the files answering the notice. */
  materials?: Array<{ code: string; fileId: string }>;
  /** suspend: the special procedure and its expected working days. */
  procedure?: string;
  expectedDays?: number;
  /** extend: working days. */
  days?: number;
  /** deliver (express): waybill number. */
  trackingNo?: string;
  /** review: the step's opinion; verify: the findings. */
  opinion?: string;
  /** verify: confirmed, or a false commitment (revokes the grant). */
  outcome?: 'confirmed' | 'false_commitment';
}

export interface BulkActionResult {
  results: Array<{ id: string; ok: boolean; state?: string; error?: { code: string; message: string } }>;
}

/** GET /api/v1/me/materials: files the applicant uploaded before, and what they served as. */
export interface LibraryFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  uploadedAt: string;
  usedAs: string[];
}

/** GET /api/v1/me/prefill: values for an item's form, each from the profile (registers) or an earlier application. */
export interface Prefill {
  values: Record<string, unknown>;
  sources: Record<string, 'profile' | 'register' | 'history'>;
  /** For values from the base registers: the resource and its provider, by field. */
  registerSources?: Record<string, RegisterSource>;
  /** 免提交: my valid electronic licenses that can stand for the item's materials, by material code. */
  licenses?: MaterialLicense[];
}

/** One of my electronic licenses that can stand for a material (免提交). */
export interface MaterialLicense {
  code: string;
  name: string;
  ref: string;
  typeCode: string;
  typeName: string;
  number: string;
  issuerName: string;
  holderName: string;
  validUntil: string | null;
}

/** A material given in an application: an uploaded file, or one of my electronic licenses. */
export type MaterialRef = { code: string; fileId: string } | { code: string; licenseRef: string };

export type LicenseStatus = 'valid' | 'suspended' | 'revoked' | 'superseded';

/** GET /api/v1/me/licenses: my electronic licenses (我的证照). */
export interface LicenseSummary {
  ref: string;
  identifier: string;
  typeCode: string;
  typeName: string;
  number: string;
  version: number;
  status: LicenseStatus;
  holderName: string;
  issuerName: string;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  expired: boolean;
}

export interface LicenseDetail extends LicenseSummary {
  holderKind: 'person' | 'entity';
  holderCode: string;
  holderCodeType: string;
  issuerCode: string;
  regionCode: string;
  implCode: string | null;
  caseId: string | null;
  source: 'case' | 'legacy';
  face: Array<{ key: string; label: string; value: string }>;
  annotations: Array<{ text: string; at: string; by: string }>;
  history: Array<{ action: string; reason: string | null; actorName: string; at: string }>;
  /** How the type is printed: title, accent colour, footer line. */
  template: LicenseTemplate;
}

export interface LicenseTemplate {
  title?: string;
  accent?: string;
  footer?: string;
}

/** GET /api/v1/cases/{id}/licenses: a license given for a material, verified now. */
export interface CaseLicense {
  code: string;
  name: string;
  ref: string;
  typeName: string;
  number: string;
  issuerName: string;
  holderName: string;
  holderCode: string;
  holderCodeType: 'resident_id' | 'credit_code' | null;
  status: LicenseStatus | 'unknown';
  statusLabel: string;
  validFrom: string | null;
  validUntil: string | null;
  valid: boolean;
  checks: { signature: boolean; identifier: boolean; status: boolean; validity: boolean } | null;
}

/** GET/PUT /api/v1/drafts/{implCode}. */
export interface ServerDraft {
  implCode: string;
  form: Record<string, unknown>;
  /** Files (the portal saves only these); a draft saved through the API may also name licenses. */
  materials: MaterialRef[];
  /** The delivery choice made so far. */
  delivery?: { method: DeliveryMethod; address?: string };
  updatedAt: string;
}

/** GET /api/v1/cases/{id}/tracking: the courier's track of an express delivery. */
export interface CaseTracking {
  provider: string;
  trackingNo: string;
  events: Array<{ at: string; status: string; label: string; description: string; location?: string }>;
}

export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'superseded' | 'retired';
export type ItemStatus = 'draft' | 'published' | 'retired';

/** An item as the catalog administration lists it: item status and the status of its latest version. */
export interface AdminItem {
  id: string;
  implCode: string;
  name: string;
  agency: AgencyRef;
  status: ItemStatus;
  versionStatus: VersionStatus;
  /** Server-made label of versionStatus (草稿, 待审核, 已审核待发布 …). */
  versionStatusLabel: string;
  /** Latest version number. */
  version: number;
  publishedVersion: number | null;
  updatedAt: string;
}

export type LintSeverity = 'error' | 'warning' | 'info';

/** One standardization-review finding; `path` is a JSON pointer into the ItemDocument. */
export interface LintFinding {
  rule: string;
  severity: LintSeverity;
  path: string;
  message: string;
}

export interface ItemVersionInfo {
  version: number;
  status: VersionStatus;
  statusLabel: string;
  note: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface ReviewLogEntry {
  version: number;
  action: string;
  comment: string | null;
  actorName: string;
  at: string;
}

export interface AdminItemDetail {
  item: AdminItem;
  document: ItemDocument;
  findings: LintFinding[];
  versions: ItemVersionInfo[];
  reviewLog: ReviewLogEntry[];
}

export interface VersionChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface QualityReport {
  totals: { items: number; withErrors: number; errors: number; warnings: number };
  departments: Array<{ orgId: string; name: string; items: number; withErrors: number; errors: number; warnings: number }>;
  byRule: Array<{ rule: string; severity: LintSeverity | string; count: number }>;
  findings: Array<LintFinding & { itemId: string; implCode: string; name: string; agency: string }>;
}

export interface ConsistencyDrift {
  baseCode: string;
  baseName: string;
  implCode: string;
  itemId: string;
  itemName: string;
  regionCode: string;
  agency: string;
  fields: Array<{ field: string; base: string; impl: string }>;
}

export interface ConsistencyReport {
  checked: number;
  drifts: ConsistencyDrift[];
}

export interface CatalogIndicators {
  publishedItems: number;
  byKind: Array<{ kind: string; label: string; count: number }>;
  byDepartment: Array<{ orgId: string; name: string; count: number }>;
  shares: { online: number; zeroVisit: number; atMostOneVisit: number; inHall: number; express: number; onlinePayment: number };
  averageLimitCompression: number;
}

export type ImportStatus = 'validating' | 'failed' | 'importing' | 'done';

export interface ImportError {
  sheet: string;
  row: number;
  column?: string;
  message: string;
}

export interface ImportJob {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  errors: ImportError[];
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
  orgId?: string;
  status: string;
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
  /** 告知承诺制: open verification tasks past their due date. */
  overdueVerifications?: number;
}
