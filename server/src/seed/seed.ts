/**
 * Loads the demo world (seed/world) into an empty database through the modules' own functions, then plays a
 * little history (cases in every state) so every page has something true to show. Deterministic; never
 * required in production; refuses to run twice.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../platform/db/db.ts';
import type { FileStore } from '../platform/files/file-store.ts';
import { newId } from '../platform/ids.ts';
import { BUILTIN_CALENDAR } from '../platform/calendar/index.ts';
import {
  createRegionInTrx,
  createOrgInTrx,
  createStaffInTrx,
  createPersonInTrx,
  createEntityInTrx,
  findOrgByKey,
  actorForUsername,
  type OrgRef,
} from '../modules/identity/index.ts';
import { createItemInTrx, type ItemDocument } from '../modules/catalog/index.ts';
import { submitCase, actOnCase, getCase } from '../modules/cases/index.ts';
import { createBundleInTrx } from '../modules/bundles/index.ts';
import { BUNDLES } from './world/bundles.ts';
import { LICENSE_TYPES, implCodesOf } from './world/licenses.ts';
import { createSealInTrx, insertLicenseTypeInTrx, issueLicenseInTrx, type LicenseTypeRow } from '../modules/licenses/index.ts';
import type { KeyVault } from '../platform/crypto/index.ts';
import { buildWorld, DEMO_PASSWORD, mulberry32, WORLD_SEED, type World, type ItemSeed } from './world/index.ts';
import { buildRegisters } from './world/registers.ts';
import { insertRegisterRows, insertResource, seedRegisterChecks } from '../modules/sharing/index.ts';
import { RESOURCES } from './world/resources.ts';

export type DemoAccount = { username: string; role: string; name: string };

export async function isSeeded(db: Db): Promise<boolean> {
  const r = await db.selectFrom('account').select('id').where('username', '=', 'admin').executeTakeFirst();
  return r !== undefined;
}

function toDocument(i: ItemSeed): ItemDocument {
  const { orgKey: _o, published: _p, ...doc } = i;
  return doc as ItemDocument;
}

/** A small valid PDF, used as the demo applicants' uploaded materials. */
export function samplePdf(title: string): Buffer {
  const body = `BT /F1 18 Tf 72 720 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Owner of files the platform itself publishes (blank forms, samples). */
export const SYSTEM_OWNER = '00000000-0000-0000-0000-000000000000';

export async function seedDemoWorld(db: Db, store: FileStore, vault: KeyVault, world: World = buildWorld()): Promise<DemoAccount[]> {
  if (await isSeeded(db)) return demoAccounts(world);
  // One blank application form and one filled-in sample, offered with every material that is a form.
  const blank = await store.put(samplePdf('Application form (blank)'));
  const sample = await store.put(samplePdf('Application form (sample)'));
  const blankId = newId();
  const sampleId = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('file_object')
      .values([
        { id: blankId, sha256: blank.sha256, size: blank.size, mime: 'application/pdf', name: '空白申请表.pdf', owner_id: SYSTEM_OWNER },
        { id: sampleId, sha256: sample.sha256, size: sample.size, mime: 'application/pdf', name: '申请表填写示例.pdf', owner_id: SYSTEM_OWNER },
      ])
      .execute();
    for (const r of world.regions) await createRegionInTrx(trx, r);
    for (const o of world.orgs) await createOrgInTrx(trx, o);
    for (const s of world.staff) await createStaffInTrx(trx, { username: s.username, password: DEMO_PASSWORD, displayName: s.displayName, regionCode: null, phone: s.phone, orgKey: s.orgKey, roles: s.roles });
    for (const p of world.persons) {
      await createPersonInTrx(trx, { username: p.username, password: DEMO_PASSWORD, displayName: p.name, regionCode: p.residentId.slice(0, 6), phone: p.phone, address: p.address, name: p.name, residentId: p.residentId });
    }
    for (const e of world.entities) {
      await createEntityInTrx(trx, {
        username: e.username,
        password: DEMO_PASSWORD,
        displayName: e.entityName,
        regionCode: e.creditCode.slice(2, 8),
        phone: e.agentPhone,
        address: e.address,
        entityName: e.entityName,
        creditCode: e.creditCode,
        agentName: e.agentName,
        agentResidentId: e.agentResidentId,
      });
    }
    for (const i of world.items) {
      const org = await findOrgByKey(trx, i.orgKey);
      if (!org) throw new Error(`seed: item ${i.name} names unknown org ${i.orgKey}`);
      const doc = toDocument(i);
      doc.materials = doc.materials.map((m) => (m.type === 'form' ? { ...m, blankForm: { fileId: blankId, name: `${m.name}（空白）.pdf` }, sample: { fileId: sampleId, name: `${m.name}（示例）.pdf` } } : m));
      await createItemInTrx(trx, doc, { id: org.id, name: org.name }, { status: i.published ? 'published' : 'approved', actor: null });
    }
    for (const b of BUNDLES) await createBundleInTrx(trx, b, { status: 'published', actor: null });
    await seedLicensesInTrx(trx, vault, world);
    await seedRegistersInTrx(trx, world);
    // Real-name L2 for the demo applicants: their names and ID numbers agree with the household register.
    await sql`update account set real_name_level = 'L2' where subject_type <> 'staff' and exists (select 1 from person_record p where p.resident_id = account.resident_id and p.name = account.person_name)`.execute(trx);
  });
  await seedHistory(db, store, world);
  await seedRegisterChecks(db);
  return demoAccounts(world);
}

/** The base registers (population from 市公安局, legal entities from 市市场监管局, credit from 市发展改革委) and the resource catalog. */
async function seedRegistersInTrx(trx: Trx, world: World): Promise<void> {
  const registers = buildRegisters(world, mulberry32(WORLD_SEED + 4));
  const source = async (key: string) => (await findOrgByKey(trx, key))!.id;
  await insertRegisterRows(trx, registers, { persons: await source('gaj'), entities: await source('scjgj'), credit: await source('fgw') });
  for (const { providerKey, ...r } of RESOURCES) await insertResource(trx, { ...r, providerOrgId: await source(providerKey), status: 'published' });
}

/**
 * 证照目录 and 电子印章: the license types the world's items produce, a seal for every department that issues
 * them, and licenses the demo applicants already hold (digitised, as a legacy register would bring them).
 */
async function seedLicensesInTrx(trx: Trx, vault: KeyVault, world: World): Promise<void> {
  const issuingOrgs = new Set<string>();
  const types = new Map<string, LicenseTypeRow>();
  for (const t of LICENSE_TYPES) {
    const implCodes = implCodesOf(t, world.items);
    const org = (await findOrgByKey(trx, t.orgKey))!;
    await insertLicenseTypeInTrx(trx, { code: t.code, name: t.name, orgId: org.id, holderKind: t.holderKind, faceFields: t.faceFields, validity: t.validity, implCodes, numberPrefix: t.numberPrefix, template: t.template });
    for (const i of world.items) if (implCodes.includes(i.implCode)) issuingOrgs.add(i.orgKey);
    types.set(t.name, (await trx.selectFrom('license_type').selectAll().where('code', '=', t.code).executeTakeFirstOrThrow()) as LicenseTypeRow);
  }
  const orgs = new Map<string, OrgRef>();
  for (const key of [...issuingOrgs].sort()) {
    const org = (await findOrgByKey(trx, key))!;
    orgs.set(key, org);
    await createSealInTrx(trx, vault, { orgId: org.id, name: `${org.name}电子证照专用章`, validFrom: '2024-01-01', validUntil: '2030-12-31' });
  }
  const company = world.entities[0];
  const citizen = world.persons.find((p) => p.username === 'citizen');
  const scjgj = orgs.get('scjgj');
  const mzj = orgs.get('hl_mzj');
  const held: Array<Parameters<typeof issueLicenseInTrx>[2] | undefined> = [
    company && scjgj && {
      type: types.get('营业执照')!,
      holder: { kind: 'entity', name: company.entityName, code: company.creditCode, codeType: 'credit_code', accountId: null },
      issuer: { orgId: scjgj.id, name: scjgj.name, code: scjgj.creditCode, regionCode: scjgj.regionCode },
      face: { name: company.entityName, creditCode: company.creditCode, representative: company.legalRepresentative ?? company.agentName, registeredCapital: '100', domicile: company.address, businessScope: '日用百货、预包装食品销售', registeredOn: '2023-03-15', authority: scjgj.name },
      issuedAt: new Date('2023-03-15T02:00:00Z'), validFrom: '2023-03-15', validUntil: null, implCode: null, caseId: null, source: 'legacy', actor: { id: null, name: '系统（存量证照）' },
    },
    citizen && mzj && {
      type: types.get('结婚证')!,
      holder: { kind: 'person', name: citizen.name, code: citizen.residentId, codeType: 'resident_id', accountId: null },
      issuer: { orgId: mzj.id, name: mzj.name, code: mzj.creditCode, regionCode: mzj.regionCode },
      // GB 11643: the 17th digit is odd for men.
      face: { holder: citizen.name, registeredOn: '2021-05-20', ...(Number(citizen.residentId[16]) % 2 ? { husband: citizen.name, wife: '李娜' } : { husband: '陈浩', wife: citizen.name }), authority: mzj.name },
      issuedAt: new Date('2021-05-20T02:00:00Z'), validFrom: '2021-05-20', validUntil: null, implCode: null, caseId: null, source: 'legacy', actor: { id: null, name: '系统（存量证照）' },
    },
  ];
  for (const input of held) if (input) await issueLicenseInTrx(trx, vault, input);
}

/** Cases in every state, filed and handled through the real case engine. */
async function seedHistory(db: Db, store: FileStore, world: World): Promise<void> {
  const ctx = { cal: BUILTIN_CALENDAR, ip: '127.0.0.1', locale: 'zh-CN' as const };
  const applicants = [world.persons.find((p) => p.username === 'citizen')?.username, world.entities[0]?.username].filter((u): u is string => !!u);
  const clerk = await actorForUsername(db, 'clerk');
  const reviewer = await actorForUsername(db, 'reviewer');
  const reviewerOrg = world.staff.find((s) => s.username === 'reviewer')!.orgKey;
  const items = world.items.filter((i) => i.published && i.orgKey === reviewerOrg && i.onlineDepth.some((d) => d >= 4));
  const pdf = await store.put(samplePdf('Tongban demo material'));
  await seedTongbanCase(db, world, pdf, ctx);
  let n = 0;
  for (const username of applicants) {
    const actor = await actorForUsername(db, username);
    const person = world.persons.find((p) => p.username === username);
    const entity = world.entities.find((e) => e.username === username);
    const profile: Record<string, string | undefined> = person
      ? { name: person.name, idNumber: person.residentId, phone: person.phone, address: person.address }
      : { name: entity?.agentName, idNumber: entity?.agentResidentId, phone: entity?.agentPhone, address: entity?.address, entityName: entity?.entityName, creditCode: entity?.creditCode };
    const mine = items.filter((i) => i.serviceObjects.includes(actor.subjectType as 'person' | 'entity')).slice(0, 4);
    for (const item of mine) {
      for (const outcome of ['submitted', 'accepted', 'closed', 'declined'] as const) {
        if ((n++ % 4) > 2 && outcome === 'submitted') continue;
        const { form, materials } = await demoApplication(db, actor.id, item, profile, pdf);
        // 告知承诺制 items: the applicant signs the commitment (the person, or the entity's agent).
        const commitment = item.commitmentApproval ? { accepted: true, signedName: person?.name ?? entity?.agentName ?? actor.displayName } : undefined;
        const c = await submitCase(db, actor, { implCode: item.implCode, form, materials, ...(commitment ? { commitment } : {}) }, ctx);
        if (outcome === 'submitted') continue;
        if (outcome === 'declined') {
          await actOnCase(db, clerk, c.id, { action: 'decline', version: c.version, reason: '经营场所使用证明上的地址与申请表填写的经营场所不一致，请核对后重新申请' }, ctx);
          continue;
        }
        const accepted = await actOnCase(db, clerk, c.id, { action: 'accept', version: c.version }, ctx);
        // The review steps in order (review-steps.ts), then the grant; a grant on commitment is made at acceptance.
        for (let cur = await getCase(db, reviewer, accepted.id, 'zh-CN', { audit: false }); outcome === 'closed' && cur.state === 'accepted'; ) {
          if (cur.allowedActions.includes('review')) cur = await actOnCase(db, reviewer, c.id, { action: 'review', version: cur.version, opinion: '材料齐全，符合法定条件' }, ctx);
          else if (cur.allowedActions.includes('decide')) cur = await actOnCase(db, reviewer, c.id, { action: 'decide', version: cur.version, decision: 'grant' }, ctx);
          else break;
        }
      }
    }
  }
}

/** A demo applicant's form (register values where the field asks for them) and uploaded required materials. */
async function demoApplication(db: Db, ownerId: string, item: ItemSeed, profile: Record<string, string | undefined>, pdf: { sha256: string; size: number }) {
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required')) {
    const fileId = newId();
    await db.insertInto('file_object').values({ id: fileId, sha256: pdf.sha256, size: pdf.size, mime: 'application/pdf', name: `${m.name}.pdf`, owner_id: ownerId }).execute();
    materials.push({ code: m.code, fileId });
  }
  const form: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(item.form.properties)) {
    const prefill = f['x-prefill'] ? profile[f['x-prefill']] : undefined;
    if (prefill) form[key] = prefill;
    else if (item.form.required.includes(key)) form[key] = f.enum ? f.enum[0] : f.type === 'boolean' ? true : f.type === 'number' || f.type === 'integer' ? 1 : f.format === 'date' ? '2026-01-15' : demoText(f.title);
  }
  return { form, materials };
}

/**
 * 通办 in the demo: a 高港区 resident files 高港区市场监督管理局's item with 海陵区's window (clerk_hl accepts it);
 * 高港区's reviewer (reviewer_gg) has it to decide.
 */
async function seedTongbanCase(db: Db, world: World, pdf: { sha256: string; size: number }, ctx: Parameters<typeof submitCase>[3]): Promise<void> {
  const person = world.persons.find((p) => p.username && p.residentId.startsWith('321203'));
  const item = world.items.find((i) => i.published && i.orgKey === 'gg_scjgj' && i.name === '个体工商户设立登记');
  if (!person || !item || !world.staff.some((s) => s.username === 'clerk_hl')) return;
  const actor = await actorForUsername(db, person.username);
  const { form, materials } = await demoApplication(db, actor.id, item, { name: person.name, idNumber: person.residentId, phone: person.phone, address: person.address }, pdf);
  const c = await submitCase(db, actor, { implCode: item.implCode, form, materials, acceptRegionCode: '321202' }, ctx);
  await actOnCase(db, await actorForUsername(db, 'clerk_hl'), c.id, { action: 'accept', version: c.version }, ctx);
}

/** Plausible free text for a demo form field, from its label. */
function demoText(title: string): string {
  if (/电话|手机/.test(title)) return '13951234567';
  if (/地址|场所|住所/.test(title)) return '泰州市海陵区青年南路 88 号';
  if (/名称/.test(title)) return '泰州市海陵区示范商行';
  if (/范围/.test(title)) return '日用百货零售';
  if (/姓名|联系人/.test(title)) return '王芳';
  if (/人数|面积|金额|数量/.test(title)) return '10';
  return `${title}（演示数据）`;
}

export function demoAccounts(world: World): DemoAccount[] {
  return [
    ...world.staff.map((s) => ({ username: s.username, role: s.roles.join(','), name: s.displayName })),
    ...world.persons.filter((p) => p.username).slice(0, 1).map((p) => ({ username: p.username, role: 'applicant (person)', name: p.name })),
    ...world.entities.slice(0, 1).map((e) => ({ username: e.username, role: 'applicant (entity agent)', name: `${e.agentName} · ${e.entityName}` })),
  ];
}

export { DEMO_PASSWORD };
