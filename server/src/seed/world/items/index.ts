/**
 * The demo catalog: every department's items, the e2e slice item first. City departments come before their district
 * counterparts, so the first implementation of a base code is the city's (the consistency report compares against it).
 */

import { cgjItems } from './cgj.ts';
import { czjItems } from './czj.ts';
import { districtGajItems, gajItems } from './gaj.ts';
import { gxjItems } from './gxj.ts';
import type { OrgItems } from './helpers.ts';
import { jtjItems } from './jtj.ts';
import { districtJyjItems, jyjItems } from './jyj.ts';
import { clItems, fgwItems, sfjItems, yjgljItems } from './misc.ts';
import { districtMzjItems, mzjItems } from './mzj.ts';
import { nyncjItems } from './nyncj.ts';
import { qxjItems } from './qxj.ts';
import { districtRsjItems, rsjItems } from './rsj.ts';
import { districtScjgjItems, scjgjItems } from './scjgj.ts';
import { sljItems } from './slj.ts';
import { sthjjItems } from './sthjj.ts';
import { swjItems } from './swj.ts';
import { swujItems } from './swuj.ts';
import { tyjItems } from './tyj.ts';
import { tyjrjItems } from './tyjrj.ts';
import { wglyItems } from './wgly.ts';
import { districtWjwItems, wjwItems } from './wjw.ts';
import { xfzdItems } from './xfzd.ts';
import { ybjItems } from './ybj.ts';
import { yczmjItems } from './yczmj.ts';
import { gjjItems, zjjItems } from './zjj.ts';
import { bdcdjItems, zrzyjItems } from './zrzyj.ts';

export { DRIFTED_ITEM, SOLE_PROPRIETOR_REGISTRATION } from './scjgj.ts';
export type { ItemDraft, OrgItems } from './helpers.ts';

export const CATALOG: readonly OrgItems[] = [
  scjgjItems,
  ...districtScjgjItems,
  gajItems,
  ...districtGajItems,
  rsjItems,
  ...districtRsjItems,
  wjwItems,
  ...districtWjwItems,
  mzjItems,
  ...districtMzjItems,
  zrzyjItems,
  bdcdjItems,
  zjjItems,
  gjjItems,
  jtjItems,
  jyjItems,
  ...districtJyjItems,
  swjItems,
  ybjItems,
  sthjjItems,
  swujItems,
  wglyItems,
  nyncjItems,
  sljItems,
  cgjItems,
  fgwItems,
  clItems,
  sfjItems,
  yjgljItems,
  gxjItems,
  czjItems,
  tyjrjItems,
  qxjItems,
  yczmjItems,
  xfzdItems,
  tyjItems,
];
