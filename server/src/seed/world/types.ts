/**
 * The demo world: deterministic seed data for a city modelled on 泰州市 (Taizhou, Jiangsu). Pure data, no database.
 * Optional fields beyond the agreed shape are marked "added".
 */

import type { ItemKind } from '../../platform/codes/index.ts';

export type RegionSeed = {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'town' | 'community';
  parentCode: string | null;
  /** Added: true when the code is a demo statistical code (towns, communities), not a verified official one. */
  demoCode?: boolean;
};

export type OrgSeed = {
  key: string;
  name: string;
  shortName: string;
  kind: 'government' | 'department' | 'service_center' | 'branch_center' | 'community_center';
  regionCode: string;
  creditCode: string;
  parentKey: string | null;
  deptCode?: string /* 2-digit department code used in base codes */;
  /** Added: street address (demo). */
  address?: string;
};

export type StaffSeed = {
  username: string;
  displayName: string;
  orgKey: string;
  roles: Array<'platform_admin' | 'catalog_admin' | 'window_clerk' | 'reviewer' | 'supervisor' | 'hotline_operator'>;
  phone: string;
};

export type PersonSeed = {
  username: string;
  name: string;
  residentId: string;
  phone: string;
  address: string;
  /** Added: true for the demo account printed at start-up; false for persons that only appear in history. */
  demoLogin?: boolean;
  /** Added: division code (up to 12 digits) of the address. */
  regionCode?: string;
};

export type EntitySeed = {
  username: string;
  entityName: string;
  creditCode: string;
  agentName: string;
  agentResidentId: string;
  agentPhone: string;
  address: string;
  /** Added: true for the demo account printed at start-up. */
  demoLogin?: boolean;
  /** Added: division code of the registered address. */
  regionCode?: string;
  /** Added: legal representative (法定代表人 / 经营者). */
  legalRepresentative?: string;
};

export type MaterialSeed = {
  code: string;
  name: string;
  necessity: 'required' | 'optional' | 'deferrable';
  source: 'applicant' | 'government' | 'other';
  issuingDept?: string;
  form: 'paper' | 'electronic' | 'both';
  paper: { original: number; copy: number };
  notes?: string;
};

export type FormFieldSchema = {
  type: 'string' | 'number' | 'integer' | 'boolean';
  title: string;
  description?: string;
  enum?: string[];
  format?: 'date' | 'email';
  maxLength?: number;
  minimum?: number;
  'x-ui'?: { widget?: 'textarea' | 'radio' };
  'x-prefill'?: 'name' | 'idNumber' | 'phone' | 'address' | 'entityName' | 'creditCode';
};

export type FormSchema = { type: 'object'; properties: Record<string, FormFieldSchema>; required: string[] };

export type ItemSeed = {
  orgKey: string;
  regionCode: string;
  name: string;
  kind: ItemKind /* from platform/codes */;
  baseCode: string;
  implCode: string;
  exerciseLevel: '1' | '2' | '3' | '4' | '5' | '6' | '7';
  serviceObjects: Array<'person' | 'entity'>;
  legalBasis: Array<{ title: string; article?: string }>;
  conditions: string[];
  steps: Array<{ name: string; description: string }>;
  /** Working days, except where `limitNote` says the law counts calendar days. */
  statutoryDays: number;
  /** Working days; 0 for an instant case (即办件). */
  committedDays: number;
  caseType: 'instant' | 'commitment';
  /**
   * Online depth levels 1..7 (网上办理深度): 1 互联网咨询, 2 互联网收件, 3 互联网预审, 4 互联网受理,
   * 5 互联网办理, 6 互联网办理结果信息反馈, 7 电子证照/结果网上送达.
   */
  onlineDepth: number[] /* 1..7 */;
  visitsRequired: 0 | 1 | 2;
  visitReason?: string;
  fees: Array<{ name: string; amountFen: number; basis: string }>;
  materials: MaterialSeed[];
  form: FormSchema;
  hall: { address: string; hours: string };
  contacts: { consult: string; complaint: string };
  result: { type: 'license' | 'approval' | 'other'; name: string };
  topics: string[];
  keywords: string[];
  published: boolean /* most true; a few false so the catalog admin has drafts to publish in the demo */;
  /** Added: how the time limits are counted or where they come from, when not plain working days. */
  limitNote?: string;
};

export type World = {
  regions: RegionSeed[];
  orgs: OrgSeed[];
  staff: StaffSeed[];
  persons: PersonSeed[];
  entities: EntitySeed[];
  items: ItemSeed[];
};

export const DEMO_PASSWORD = 'Tongban@2026';
