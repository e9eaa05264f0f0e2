/**
 * 通办 (cross-region handling): a case filed and accepted in one region is decided by the agency of the applicant's
 * home region (the item's implementing agency). The case keeps both: `accept_region_code` (where it was filed and
 * accepted; null when that is the deciding region) and `region_code` / `org_id` (who decides). The accepting
 * side pre-reviews, asks for supplements, accepts or declines; the home side reviews and decides.
 *
 * The range an item may be handled across is its `tongbanScope` (国办发〔2020〕35号 《关于加快推进政务服务“跨省通办”
 * 的指导意见》; city- and province-wide 通办 by the same logic): none, city, province, inter_province, national.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { cityOf, countyOf, isWithin, provinceOf } from '../../platform/codes/index.ts';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { ItemDocument } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import type { CaseAction } from './state.ts';
import type { Selectable } from 'kysely';
import type { CasesTables, ReviewProgress } from './tables.ts';
import { stepsOf } from './review-steps.ts';

/** Actions for the side that received the application. */
export const ACCEPTING_SIDE: readonly CaseAction[] = ['request_supplement', 'accept', 'decline', 'decide_on_spot'];
/** Actions for the home side that decides. */
export const HOME_SIDE: readonly CaseAction[] = ['review', 'decide', 'suspend', 'resume', 'extend', 'verify'];

/** May a case for an item in `itemRegion` be accepted in `acceptRegion` under the item's 通办 range? */
export function withinTongbanScope(scope: ItemDocument['tongbanScope'], itemRegion: string, acceptRegion: string): boolean {
  switch (scope ?? 'none') {
    case 'none':
      return false;
    case 'city':
      return cityOf(itemRegion) !== undefined && cityOf(itemRegion) === cityOf(acceptRegion);
    case 'province':
      return provinceOf(itemRegion) !== undefined && provinceOf(itemRegion) === provinceOf(acceptRegion);
    case 'inter_province':
    case 'national':
      return true;
  }
}

/**
 * The accepting region of a new case: null when the applicant files where the item is implemented, the checked
 * region code when elsewhere (a clear 400 when the item does not allow it or the region is unknown).
 */
export async function acceptRegionFor(trx: Db | Trx, doc: Pick<ItemDocument, 'tongbanScope'>, itemRegion: string, wanted: string | undefined): Promise<string | null> {
  if (!wanted || wanted === itemRegion) return null;
  const region = await trx.selectFrom('region').select(['code', 'name']).where('code', '=', wanted).executeTakeFirst();
  if (!region) throw CaseErrors.REGION_UNKNOWN({ code: wanted });
  if (!withinTongbanScope(doc.tongbanScope, itemRegion, wanted)) throw CaseErrors.TONGBAN_NOT_ALLOWED({ region: region.name });
  return wanted;
}

/**
 * 只进一扇门: a case filed at a comprehensive window is accepted in the window's region. An item of that region or a
 * region below it is the window's own business (no 通办: its clerks already cover it); any other item is a 通办
 * filing accepted there, allowed only within the item's 通办 range (`acceptRegionFor` refuses otherwise).
 */
export function windowAcceptRegion(itemRegion: string, clerk: Pick<Actor, 'regionCode'>): string | undefined {
  if (!clerk.regionCode) throw new Error('a window clerk without a region cannot file');
  return isWithin(itemRegion, clerk.regionCode) ? undefined : clerk.regionCode;
}

type SideCase = { accept_region_code: string | null; region_code: string; org_id: string };

/** Which side of a 通办 case the actor stands on. Everyone stands on both sides of an ordinary case. */
export function sidesOf(actor: Actor, c: SideCase): { accepting: boolean; home: boolean } {
  if (!c.accept_region_code) return { accepting: true, home: true };
  const scope = actor.subjectType === 'staff' ? scopeOf(actor, 'case:read') : 'own';
  if (scope === 'all') return { accepting: true, home: true };
  const covers = (code: string) => !!actor.regionCode && isWithin(code, actor.regionCode);
  return {
    accepting: scope === 'region' && covers(c.accept_region_code),
    home: scope === 'org' ? actor.orgId === c.org_id : covers(c.region_code),
  };
}

/** May the actor take this action on this case, by side? */
export function sideAllows(actor: Actor, c: SideCase, action: CaseAction): boolean {
  if (actor.subjectType !== 'staff') return true;
  const side = sidesOf(actor, c);
  if (ACCEPTING_SIDE.includes(action)) return side.accepting;
  if (HOME_SIDE.includes(action)) return side.home;
  return side.accepting || side.home;
}

/** Region names for the record: 泰州市海陵区 … */
export async function regionNames(db: Db | Trx, codes: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('region').select(['code', 'name']).where('code', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Where an applicant may file a case for this item: its own region first, then the county-level regions and
 * cities within its 通办 range (the platform's region table).
 */
export async function acceptRegionsFor(db: Db, item: { regionCode: string; document: Pick<ItemDocument, 'tongbanScope'> }): Promise<Array<{ code: string; name: string; home: boolean }>> {
  const rows = await db.selectFrom('region').select(['code', 'name', 'level']).where('level', 'in', ['city', 'district', 'county']).orderBy('code').execute();
  const own = rows.find((r) => r.code === item.regionCode);
  const others = rows.filter((r) => r.code !== item.regionCode && withinTongbanScope(item.document.tongbanScope, item.regionCode, r.code));
  return [...(own ? [{ code: own.code, name: own.name, home: true }] : []), ...others.map((r) => ({ code: r.code, name: r.name, home: false }))];
}

/**
 * The applicant's home region (county level): a person's registered region (their address's county), else the
 * division code in their resident ID (GB 11643: digits 1–6); an entity's registration region, the division code in
 * its unified social credit code (GB 32100: characters 3–8). Undefined when none is known.
 */
export function homeRegionOf(a: { subject_type: string; region_code: string | null; resident_id: string | null; credit_code: string | null }): string | undefined {
  const raw = a.region_code ?? (a.subject_type === 'person' ? a.resident_id?.slice(0, 6) : a.credit_code?.slice(2, 8));
  if (!raw || !/^\d{6,12}$/.test(raw)) return undefined;
  return countyOf(raw) ?? raw.slice(0, 6);
}

type RoutingCase = SideCase & Pick<Selectable<CasesTables['case']>, 'id' | 'item_id' | 'item_version_id' | 'applicant_id' | 'applicant_type' | 'agency_name' | 'commitment' | 'committed_days'>;

/** What acceptance changes on a 通办 case: the row's new columns, the log entry's facts, and the row as it now decides. */
export type Routing = {
  patch: Record<string, unknown>;
  payload: { acceptAgencyName: string; routedTo?: { agencyName: string; regionCode: string }; tongbanNote?: string };
  row: { committed_days: number; statutory_days: number; review: ReviewProgress | null } | undefined;
};

/**
 * 通办 routing at acceptance (国办发〔2020〕35号: 异地受理、属地办理). A case accepted in a region that is not the
 * applicant's home region goes to the agency implementing the same base item (基本目录事项) in the home region, when
 * that implementation is published and allows acceptance here (its 通办 range); the case then carries both — the
 * accepting region and organisation, and the deciding one. When there is no such implementation the accepting
 * region's own agency decides and the record says why. Undefined: nothing to route (the applicant's home is within
 * the deciding region, no home region is known, or the case is granted on commitment at acceptance).
 */
export async function routeAtAcceptance(trx: Db | Trx, actor: Actor, c: RoutingCase): Promise<Routing | undefined> {
  if (c.commitment || actor.subjectType !== 'staff') return undefined;
  const [applicant, acceptingOrg] = await Promise.all([
    trx.selectFrom('account').select(['subject_type', 'region_code', 'resident_id', 'credit_code']).where('id', '=', c.applicant_id).executeTakeFirst(),
    actor.orgId ? trx.selectFrom('org').select(['id', 'name']).where('id', '=', actor.orgId).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const home = applicant ? homeRegionOf(applicant) : undefined;
  const acceptRegion = c.accept_region_code ?? c.region_code;
  const accepting = { accept_org_id: acceptingOrg?.id ?? null, accept_agency_name: acceptingOrg?.name ?? c.agency_name };
  const explicit = c.accept_region_code !== null;
  if (!home || isWithin(home, c.region_code)) {
    // Filed elsewhere for the applicant's own agency (online 通办): only who accepted it is new.
    return explicit ? { patch: accepting, payload: { acceptAgencyName: accepting.accept_agency_name }, row: undefined } : undefined;
  }
  const base = await trx.selectFrom('service_item').select('base_code').where('id', '=', c.item_id).executeTakeFirst();
  const candidates = base
    ? await trx
        .selectFrom('service_item as i')
        .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
        .select(['i.id', 'i.impl_code', 'i.org_id', 'i.agency_name', 'i.region_code', 'v.id as version_id', 'v.version', 'v.document'])
        .where('i.base_code', '=', base.base_code)
        .where('i.region_code', '=', home)
        .where('i.status', '=', 'published')
        .orderBy('i.impl_code')
        .execute()
    : [];
  const names = await regionNames(trx, [home, acceptRegion]);
  const homeName = names.get(home) ?? home;
  const target = candidates.find((t) => t.document.serviceObjects.includes(c.applicant_type) && withinTongbanScope(t.document.tongbanScope, home, acceptRegion));
  if (!target) {
    const why = candidates.length
      ? `申请人住所地${homeName}的该事项不支持在${names.get(acceptRegion) ?? acceptRegion}异地受理`
      : `申请人住所地${homeName}没有已发布的该事项实施清单`;
    return { patch: explicit ? accepting : {}, payload: { acceptAgencyName: accepting.accept_agency_name, tongbanNote: `${why}，由受理地${c.agency_name}办理` }, row: undefined };
  }
  const doc = target.document;
  return {
    patch: {
      region_code: target.region_code,
      org_id: target.org_id,
      agency_name: target.agency_name,
      item_id: target.id,
      item_version_id: target.version_id,
      item_version: target.version,
      impl_code: target.impl_code,
      item_name: doc.name,
      committed_days: doc.committedDays,
      statutory_days: doc.statutoryDays,
      accept_region_code: acceptRegion,
      ...accepting,
    },
    payload: { acceptAgencyName: accepting.accept_agency_name, routedTo: { agencyName: target.agency_name, regionCode: target.region_code } },
    row: { committed_days: doc.committedDays, statutory_days: doc.statutoryDays, review: { steps: stepsOf(doc, doc.committedDays), current: -1 } },
  };
}
