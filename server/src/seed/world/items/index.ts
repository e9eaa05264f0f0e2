/** The demo catalog: every department's items, the e2e slice item first. */

import { cgjItems } from './cgj.ts';
import { gajItems } from './gaj.ts';
import type { OrgItems } from './helpers.ts';
import { jtjItems } from './jtj.ts';
import { jyjItems } from './jyj.ts';
import { clItems, fgwItems, sfjItems, yjgljItems } from './misc.ts';
import { districtMzjItems, mzjItems } from './mzj.ts';
import { nyncjItems } from './nyncj.ts';
import { districtRsjItems, rsjItems } from './rsj.ts';
import { districtScjgjItems, scjgjItems } from './scjgj.ts';
import { sljItems } from './slj.ts';
import { sthjjItems } from './sthjj.ts';
import { swjItems } from './swj.ts';
import { swujItems } from './swuj.ts';
import { wglyItems } from './wgly.ts';
import { wjwItems } from './wjw.ts';
import { ybjItems } from './ybj.ts';
import { gjjItems, zjjItems } from './zjj.ts';
import { bdcdjItems, zrzyjItems } from './zrzyj.ts';

export { SOLE_PROPRIETOR_REGISTRATION } from './scjgj.ts';
export type { ItemDraft, OrgItems } from './helpers.ts';

export const CATALOG: readonly OrgItems[] = [
  scjgjItems,
  ...districtScjgjItems,
  gajItems,
  rsjItems,
  ...districtRsjItems,
  wjwItems,
  mzjItems,
  ...districtMzjItems,
  zrzyjItems,
  bdcdjItems,
  zjjItems,
  gjjItems,
  jtjItems,
  jyjItems,
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
];
