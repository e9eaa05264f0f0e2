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
import { cityOf, isWithin, provinceOf } from '../../platform/codes/index.ts';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { ItemDocument } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import type { CaseAction } from './state.ts';

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
