/**
 * The demo world: deterministic seed data for a city modelled on 泰州市 (Taizhou, Jiangsu). Pure data, no database.
 * Optional fields beyond the agreed shape are marked "added".
 */
import type { RegisterPrefillKey } from '../../modules/sharing/index.ts';

import type { ItemDocument, MaterialRequirement } from '../../modules/catalog/index.ts';
import type { ExerciseLevel, ItemKind } from '../../platform/codes/index.ts';
import type { Role } from '../../platform/auth/permissions.ts';

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
  roles: Array<Exclude<Role, 'applicant'>>;
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

/**
 * A material requirement as the catalog stores it, with the elements this world always fills: type, acceptance
 * standard, legal basis and whether the platform can obtain it from a register.
 */
export type MaterialSeed = MaterialRequirement & Required<Pick<MaterialRequirement, 'type' | 'acceptanceStandard' | 'legalBasis' | 'obtainable'>>;

export type FormFieldSchema = {
  type: 'string' | 'number' | 'integer' | 'boolean';
  title: string;
  description?: string;
  enum?: string[];
  format?: 'date' | 'email';
  maxLength?: number;
  minimum?: number;
  'x-ui'?: { widget?: 'textarea' | 'radio' };
  'x-prefill'?: 'name' | 'idNumber' | 'phone' | 'address' | 'entityName' | 'creditCode' | RegisterPrefillKey;
};

export type FormSchema = { type: 'object'; properties: Record<string, FormFieldSchema>; required: string[] };

/** Elements of the national element set that are optional in `ItemDocument` but always filled in this world. */
type FilledElements =
  | 'agencyNature'
  | 'entrustedAgencies'
  | 'jointAgencies'
  | 'serviceObjectTypes'
  | 'statutoryNote'
  | 'committedNote'
  | 'specialProcedures'
  | 'handlingForms'
  | 'intermediaryServices'
  | 'lifeEvents'
  | 'tongbanScope'
  | 'features'
  | 'faq';

/**
 * An item of the demo catalog: the catalog's `ItemDocument` (what the seed stores as version 1) with every element
 * filled, narrower code types, and two seed-only fields: the implementing org and whether it starts published.
 *
 * Time limits: `statutoryDays` / `committedDays` are working days, except where `limitNote` says the law counts
 * calendar days; committedDays 0 is an instant case (即办件). Online depth levels 1..7 (网上办理深度): 1 互联网咨询,
 * 2 互联网收件, 3 互联网预审, 4 互联网受理, 5 互联网办理, 6 互联网办理结果信息反馈, 7 电子证照/结果网上送达.
 * Not filled: `result.sample` and materials' `blankForm` / `sample` (they name stored files, which a pure world has
 * none of). Materials' `licenseTypeCode` names the demo license type that stands for them (licenses.ts).
 */
export type ItemSeed = Omit<ItemDocument, 'kind' | 'exerciseLevel' | 'materials' | 'form' | 'result' | 'hall' | 'fees' | FilledElements> &
  Required<Pick<ItemDocument, FilledElements>> & {
    kind: ItemKind;
    exerciseLevel: ExerciseLevel;
    materials: MaterialSeed[];
    form: FormSchema;
    fees: Array<ItemDocument['fees'][number] & { standard: string; waiver: string }>;
    hall: Required<ItemDocument['hall']>;
    result: { type: 'license' | 'approval' | 'other'; name: string };
    /** Seed only: key of the implementing org. */
    orgKey: string;
    /** Seed only: most true; a few false so the catalog admin has drafts to publish in the demo. */
    published: boolean;
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
