/**
 * The demo world (PRODUCT.md "The demo world"): a city modelled on 泰州市, deterministic and pure. The seed command
 * writes `buildWorld()` into the database; nothing here touches a database.
 */

import { buildItems } from './build-items.ts';
import { CATALOG } from './items/index.ts';
import { buildOrgs } from './orgs.ts';
import { buildEntities, buildPersons, buildStaff } from './people.ts';
import { mulberry32, WORLD_SEED } from './prng.ts';
import { buildRegions } from './regions.ts';
import type { World } from './types.ts';

export type {
  RegionSeed,
  OrgSeed,
  StaffSeed,
  PersonSeed,
  EntitySeed,
  MaterialSeed,
  FormFieldSchema,
  FormSchema,
  ItemSeed,
  World,
} from './types.ts';
export { DEMO_PASSWORD } from './types.ts';
export { mulberry32, WORLD_SEED, type Rng } from './prng.ts';
/** The one district implementation whose name deliberately drifts from its base item (for the consistency report). */
export { DRIFTED_ITEM } from './items/index.ts';

/** Name of the first item of the end-to-end slice (泰州市市场监督管理局, person-facing, zero visits, one upload). */
export const SLICE_ITEM_NAME = '个体工商户设立登记';
/** Its implementation code (the city bureau's implementation; `world.test.ts` checks it against `buildWorld()`). */
export const SLICE_ITEM_IMPL_CODE = '1132120000235255203000117001001';

/** Usernames of the demo accounts to print at start-up (all share `DEMO_PASSWORD`). */
export const DEMO_USERNAMES = ['admin', 'catalog', 'clerk', 'reviewer', 'supervisor', 'operator', 'data', 'citizen', 'company'] as const;

/** Build the whole demo world. Deterministic: two calls return deep-equal, independent values. */
export function buildWorld(): World {
  // Separate generators per part, so adding an org does not change every person's generated numbers.
  const orgs = buildOrgs(mulberry32(WORLD_SEED));
  return {
    regions: buildRegions(),
    orgs,
    staff: buildStaff(mulberry32(WORLD_SEED + 1)),
    persons: buildPersons(mulberry32(WORLD_SEED + 2)),
    entities: buildEntities(mulberry32(WORLD_SEED + 3)),
    items: buildItems(orgs, CATALOG),
  };
}
