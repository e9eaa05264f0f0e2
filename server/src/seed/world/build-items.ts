/** Completes the catalog drafts into `ItemSeed`s: item codes, exercise level, service hall, contacts, defaults. */

import { makeBaseCode, makeImplCode, TAIZHOU_CODE } from '../../platform/codes/index.ts';
import { COMPLAINT, DEFAULT_STEPS, HALL_HOURS, type ItemDraft, type OrgItems } from './items/helpers.ts';
import { CENTRE_ADDRESSES } from './orgs.ts';
import type { ItemSeed, OrgSeed } from './types.ts';

function exerciseLevelOf(org: OrgSeed): ItemSeed['exerciseLevel'] {
  if (org.regionCode === TAIZHOU_CODE) return '3';
  if (org.regionCode.length === 6) return '4';
  return '5';
}

/** Demo consultation number of a department in a region: 0523-8RR6DD00. */
function consultPhone(org: OrgSeed, deptCode: string): string {
  const region = org.regionCode === TAIZHOU_CODE ? '68' : org.regionCode.slice(4, 6);
  return `0523-8${region}6${deptCode}00`;
}

function buildItem(org: OrgSeed, draft: ItemDraft): ItemSeed {
  const d = structuredClone(draft);
  const deptCode = d.deptCode ?? org.deptCode;
  if (!deptCode) throw new Error(`org ${org.key} has no department code for item ${d.name}`);
  const exerciseLevel = d.exerciseLevel ?? exerciseLevelOf(org);
  const baseCode = makeBaseCode({ source: d.source ?? '00', kind: d.kind, department: deptCode, main: d.main, sub: d.sub ?? 0 });
  const caseType = d.caseType ?? (d.committedDays === 0 ? 'instant' : 'commitment');
  const visitsRequired = d.visitsRequired ?? 0;
  const centre = CENTRE_ADDRESSES[org.regionCode.slice(0, 6)];
  if (!centre) throw new Error(`no service centre for region ${org.regionCode}`);
  const item: ItemSeed = {
    orgKey: org.key,
    regionCode: org.regionCode,
    name: d.name,
    kind: d.kind,
    baseCode,
    implCode: makeImplCode(org.creditCode, exerciseLevel, baseCode),
    exerciseLevel,
    serviceObjects: d.serviceObjects,
    legalBasis: d.legalBasis,
    conditions: d.conditions,
    steps: d.steps ?? structuredClone(DEFAULT_STEPS[caseType]),
    statutoryDays: d.statutoryDays,
    committedDays: d.committedDays,
    caseType,
    onlineDepth: d.onlineDepth ?? (visitsRequired === 0 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3]),
    visitsRequired,
    fees: d.fees ?? [],
    materials: d.materials,
    form: d.form,
    hall: { address: `${centre} ${org.shortName}综合窗口`, hours: HALL_HOURS },
    contacts: { consult: consultPhone(org, deptCode), complaint: COMPLAINT },
    result: d.result,
    topics: d.topics,
    keywords: d.keywords,
    published: d.published ?? true,
  };
  if (d.visitReason) item.visitReason = d.visitReason;
  if (d.limitNote) item.limitNote = d.limitNote;
  return item;
}

export function buildItems(orgs: readonly OrgSeed[], catalog: readonly OrgItems[]): ItemSeed[] {
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  return catalog.flatMap(({ orgKey, items }) => {
    const org = byKey.get(orgKey);
    if (!org) throw new Error(`catalog refers to unknown org ${orgKey}`);
    return items.map((draft) => buildItem(org, draft));
  });
}
