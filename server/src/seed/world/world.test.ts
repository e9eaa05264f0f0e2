import { describe, expect, it } from 'vitest';
import { isRegisterPrefillKey } from '../../modules/sharing/index.ts';
import {
  isWithin,
  isItemKind,
  validateBaseCode,
  validateCreditCode,
  validateImplCode,
  validateResidentId,
} from '../../platform/codes/index.ts';
import { LICENSE_TYPES } from './licenses.ts';
import { buildWorld, DEMO_PASSWORD, DEMO_USERNAMES, DRIFTED_ITEM, SLICE_ITEM_IMPL_CODE, SLICE_ITEM_NAME } from './index.ts';

const world = buildWorld();
const NOW = new Date('2026-01-01T00:00:00+08:00');

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('buildWorld', () => {
  it('is deterministic, quick to build, and returns independent values', () => {
    const timings: number[] = [];
    for (let n = 0; n < 3; n++) {
      const started = performance.now();
      buildWorld();
      timings.push(performance.now() - started);
    }
    expect(Math.min(...timings)).toBeLessThan(200);
    const again = buildWorld();
    expect(again).toEqual(world);
    again.items[0]!.materials.push({ ...again.items[0]!.materials[0]!, code: 'MX' });
    expect(buildWorld()).toEqual(world);
    expect(world.items[0]!.materials).toHaveLength(1);
  });

  it('has a consistent region tree with 泰州市 and its county-level divisions', () => {
    const codes = new Set(world.regions.map((r) => r.code));
    expect(duplicates(world.regions.map((r) => r.code))).toEqual([]);
    for (const code of ['320000', '321200', '321202', '321203', '321204', '321281', '321282', '321283']) expect(codes.has(code)).toBe(true);
    for (const r of world.regions) {
      if (r.parentCode === null) continue;
      expect(codes.has(r.parentCode), r.code).toBe(true);
      expect(isWithin(r.code, r.parentCode)).toBe(true);
    }
  });

  it('gives every organisation a valid, unique credit code and a known parent and region', () => {
    const keys = new Set(world.orgs.map((o) => o.key));
    const regions = new Set(world.regions.map((r) => r.code));
    expect(duplicates(world.orgs.map((o) => o.key))).toEqual([]);
    expect(duplicates(world.orgs.map((o) => o.creditCode))).toEqual([]);
    for (const o of world.orgs) {
      const r = validateCreditCode(o.creditCode);
      expect(r, `${o.name} ${o.creditCode}`).toMatchObject({ ok: true, registrationAuthority: '1' });
      if (o.kind === 'government' || o.kind === 'department') {
        expect(['1', '2', '3']).toContain(o.creditCode[1]);
      }
      if (o.parentKey !== null) expect(keys.has(o.parentKey), o.key).toBe(true);
      expect(regions.has(o.regionCode), o.key).toBe(true);
    }
    expect(world.orgs.find((o) => o.key === 'scjgj')?.name).toBe('泰州市市场监督管理局');
  });

  it('models the 1+N+N service-centre network', () => {
    const kinds = (k: string) => world.orgs.filter((o) => o.kind === k);
    expect(kinds('service_center').map((o) => o.name)).toEqual(['泰州市政务服务中心']);
    expect(kinds('branch_center')).toHaveLength(6);
    expect(kinds('community_center').length).toBeGreaterThanOrEqual(24);
  });

  it('has the demo accounts with valid identity numbers', () => {
    const usernames = [...world.staff, ...world.persons, ...world.entities].map((u) => u.username);
    expect(duplicates(usernames)).toEqual([]);
    for (const u of DEMO_USERNAMES) expect(usernames).toContain(u);
    const roles = Object.fromEntries(world.staff.map((s) => [s.username, s.roles]));
    expect(roles).toMatchObject({
      admin: ['platform_admin'],
      catalog: ['catalog_admin'],
      clerk: ['window_clerk'],
      reviewer: ['reviewer'],
      supervisor: ['supervisor'],
      operator: ['hotline_operator'],
    });
    expect(world.staff.find((s) => s.username === 'reviewer')?.orgKey).toBe('scjgj');
    expect(world.staff.find((s) => s.username === 'clerk')?.orgKey).toBe('zwfwzx');
    const orgKeys = new Set(world.orgs.map((o) => o.key));
    for (const s of world.staff) expect(orgKeys.has(s.orgKey)).toBe(true);
    for (const p of world.persons) expect(validateResidentId(p.residentId, { now: NOW }).ok, p.name).toBe(true);
    const citizen = validateResidentId(world.persons.find((p) => p.username === 'citizen')!.residentId, { now: NOW });
    expect(citizen).toMatchObject({ ok: true, regionCode: '321202' });
    for (const e of world.entities) {
      expect(validateCreditCode(e.creditCode)).toMatchObject({ ok: true, registrationAuthority: '9' });
      expect(validateResidentId(e.agentResidentId, { now: NOW }).ok, e.agentName).toBe(true);
    }
    expect(world.entities.find((e) => e.username === 'company')?.creditCode.slice(0, 2)).toBe('91');
    expect(DEMO_PASSWORD).toBe('Tongban@2026');
  });

  describe('items', () => {
    const orgByKey = new Map(world.orgs.map((o) => [o.key, o]));

    it('are numerous and spread over many departments', () => {
      expect(world.items.length).toBeGreaterThanOrEqual(300);
      expect(new Set(world.items.map((i) => i.orgKey)).size).toBeGreaterThanOrEqual(20);
      const cityDepartments = new Set(world.items.filter((i) => i.regionCode === '321200').map((i) => i.orgKey));
      expect(cityDepartments.size).toBeGreaterThanOrEqual(20);
    });

    it('have valid codes: base code, implementation code built from the agency credit code and level', () => {
      for (const i of world.items) {
        const org = orgByKey.get(i.orgKey);
        expect(org, i.name).toBeDefined();
        expect(i.regionCode).toBe(org!.regionCode);
        expect(isItemKind(i.kind)).toBe(true);
        expect(validateBaseCode(i.baseCode)).toMatchObject({ ok: true, kind: i.kind });
        const impl = validateImplCode(i.implCode);
        expect(impl, i.name).toMatchObject({ ok: true, creditCode: org!.creditCode, level: i.exerciseLevel, baseCode: i.baseCode });
      }
    });

    it('have unique implementation codes; one base code means one base item, implemented once per region', () => {
      expect(duplicates(world.items.map((i) => i.implCode))).toEqual([]);
      expect(duplicates(world.items.map((i) => `${i.baseCode}@${i.regionCode}`))).toEqual([]);
      const cityItems = world.items.filter((i) => i.regionCode === '321200');
      expect(duplicates(cityItems.map((i) => i.baseCode))).toEqual([]);
    });

    it('implement city base items in the districts consistently, except the one deliberate drift', () => {
      const city = new Map(world.items.filter((i) => i.regionCode === '321200').map((i) => [i.baseCode, i]));
      const districtOfCity = world.items.filter((i) => i.regionCode !== '321200' && city.has(i.baseCode));
      expect(districtOfCity.length).toBeGreaterThanOrEqual(60);
      const drifted = districtOfCity.filter((i) => i.name !== city.get(i.baseCode)!.name);
      expect(drifted.map((i) => [i.orgKey, i.name])).toEqual([[DRIFTED_ITEM.orgKey, DRIFTED_ITEM.name]]);
      expect(city.get(drifted[0]!.baseCode)!.name).toBe(DRIFTED_ITEM.baseName);
      expect(drifted[0]!.published).toBe(true);
      for (const i of districtOfCity) {
        const base = city.get(i.baseCode)!;
        expect({ kind: i.kind, legalBasis: i.legalBasis }, i.implCode).toEqual({ kind: base.kind, legalBasis: base.legalBasis });
        expect(i.exerciseLevel).toBe('4');
      }
      // District-only base items (marriage registration, social assistance …) agree across districts too.
      const byBase = new Map<string, { name: string; kind: string }>();
      for (const i of world.items) {
        if (i.orgKey === DRIFTED_ITEM.orgKey && i.name === DRIFTED_ITEM.name) continue;
        const first = byBase.get(i.baseCode) ?? { name: i.name, kind: i.kind };
        byBase.set(i.baseCode, first);
        expect({ name: i.name, kind: i.kind }, i.baseCode).toEqual(first);
      }
    });

    it('fill every element of the element set', () => {
      for (const i of world.items) {
        expect(['statutory', 'authorized', 'entrusted'], i.name).toContain(i.agencyNature);
        expect(i.serviceObjectTypes.length, i.name).toBeGreaterThan(0);
        if (i.serviceObjects.includes('person')) expect(i.serviceObjectTypes, i.name).toContain('natural_person');
        expect(i.handlingForms, i.name).toContain('window');
        if (Math.max(...i.onlineDepth) >= 4) expect(i.handlingForms, i.name).toContain('pc');
        expect(i.handlingForms.includes('express'), i.name).toBe(i.features.express);
        expect(Object.keys(i.features).sort()).toEqual(['appointment', 'express', 'onlinePayment', 'selfService']);
        expect(i.lifeEvents.length + i.topics.length, i.name).toBeGreaterThan(0);
        expect(['none', 'city', 'province', 'inter_province', 'national']).toContain(i.tongbanScope);
        expect(i.statutoryNote && i.committedNote, i.name).toBeTruthy();
        expect(i.hall.address && i.hall.hours && i.hall.window && i.hall.traffic, i.name).toBeTruthy();
        for (const key of ['entrustedAgencies', 'jointAgencies', 'specialProcedures', 'intermediaryServices', 'faq'] as const) {
          expect(Array.isArray(i[key]), `${i.name} ${key}`).toBe(true);
        }
        for (const s of i.steps) expect(Number.isInteger(s.days) && s.days! >= 0, `${i.name} ${s.name}`).toBe(true);
        expect(i.steps.reduce((n, s) => n + s.days!, 0), i.name).toBeLessThanOrEqual(i.committedDays);
        for (const fee of i.fees) {
          expect(fee.basis, i.name).toMatch(/《.+》/);
          expect(fee.standard && fee.waiver, i.name).toBeTruthy();
        }
        if (i.fees.some((fee) => fee.amountFen > 0) && Math.max(...i.onlineDepth) >= 4) expect(i.features.onlinePayment, i.name).toBe(true);
        for (const b of i.legalBasis) expect(b.title, i.name).toMatch(/^《.+》/);
        for (const m of i.materials) {
          expect(['certificate', 'form', 'identity', 'contract', 'proof', 'drawing', 'report', 'other']).toContain(m.type);
          expect(m.acceptanceStandard && m.legalBasis, `${i.name} ${m.name}`).toBeTruthy();
          expect(typeof m.obtainable).toBe('boolean');
          if (m.source === 'government' || m.obtainable) expect(m.issuingDept, `${i.name} ${m.name}`).toBeTruthy();
        }
      }
      // Item-specific content, not only defaults.
      const many = (pick: (i: (typeof world.items)[number]) => boolean) => world.items.filter(pick).length;
      expect(many((i) => i.faq.length > 0)).toBeGreaterThanOrEqual(20);
      expect(many((i) => i.jointAgencies.length > 0)).toBeGreaterThanOrEqual(10);
      expect(many((i) => i.intermediaryServices.length > 0)).toBeGreaterThanOrEqual(20);
      expect(many((i) => i.specialProcedures.length > 0)).toBeGreaterThanOrEqual(30);
      expect(many((i) => i.agencyNature !== 'statutory')).toBeGreaterThan(0);
      expect(many((i) => i.tongbanScope === 'inter_province')).toBeGreaterThanOrEqual(10);
      expect(many((i) => i.legalBasis.some((b) => b.docNo !== undefined))).toBeGreaterThanOrEqual(100);
      for (const e of ['开办企业', '新生儿出生', '退休', '企业注销', '二手房买卖', '开办餐饮店', '结婚', '身后事']) {
        expect(many((i) => i.lifeEvents.includes(e)), e).toBeGreaterThanOrEqual(2);
      }
    });

    it('name the license type that stands for a material (免提交), and only for the license itself', () => {
      const materials = world.items.flatMap((i) => i.materials);
      const typeOf = (name: string) => LICENSE_TYPES.find((t) => t.name === name)!.code;
      const byName = (name: string) => materials.filter((m) => m.name === name);
      for (const [material, type] of [['营业执照', '营业执照'], ['营业执照正、副本', '营业执照'], ['结婚证', '结婚证'], ['本人的结婚证', '结婚证'], ['出生医学证明', '出生医学证明'], ['不动产权证书', '不动产权证书'], ['不动产权证书（房产信息）', '不动产权证书']] as const) {
        expect(byName(material).length, material).toBeGreaterThan(0);
        for (const m of byName(material)) expect(m.licenseTypeCode, material).toBe(typeOf(type));
      }
      // Either-or materials and the paper certificate handed back are not replaced by a license.
      for (const name of ['劳动合同或营业执照', '污损、破损的不动产权证书', '不动产权证书或购房备案合同', '父母的结婚证', '出生医学证明补发申请表']) {
        for (const m of byName(name)) expect(m.licenseTypeCode, name).toBeUndefined();
      }
      expect(materials.filter((m) => m.licenseTypeCode).length).toBeGreaterThanOrEqual(40);
    });

    it('mark register-issued certificates as obtainable, with their issuing department', () => {
      const materials = world.items.flatMap((i) => i.materials);
      for (const name of ['居民身份证', '居民户口簿', '营业执照', '不动产权证书', '结婚证']) {
        const m = materials.filter((x) => x.name === name);
        expect(m.length, name).toBeGreaterThan(0);
        for (const x of m) expect(x.obtainable && x.issuingDept, name).toBeTruthy();
      }
    });

    it('have sane time limits and case types', () => {
      for (const i of world.items) {
        expect(i.committedDays, i.name).toBeLessThanOrEqual(i.statutoryDays);
        expect(i.statutoryDays, i.name).toBeGreaterThan(0);
        expect(i.caseType, i.name).toBe(i.committedDays === 0 ? 'instant' : 'commitment');
        for (const d of i.onlineDepth) expect(d >= 1 && d <= 7, i.name).toBe(true);
        if (i.visitsRequired > 0) expect(i.visitReason, i.name).toBeTruthy();
        if (i.caseType === 'instant') expect(i.steps.every((s) => s.days === 0), i.name).toBe(true);
      }
    });

    it('list specific materials with stable codes and small forms with prefill hints', () => {
      for (const i of world.items) {
        expect(i.materials.length, i.name).toBeGreaterThan(0);
        expect(duplicates(i.materials.map((m) => m.code)), i.name).toEqual([]);
        for (const m of i.materials) {
          expect(m.code).toMatch(/^M\d{2}$/);
          expect(m.name).not.toMatch(/其他材料|有关材料|相关材料|有关资料|相关资料|有关的证明材料|等材料/);
        }
        const fields = Object.keys(i.form.properties);
        expect(fields.length, i.name).toBeGreaterThanOrEqual(3);
        // Small forms: at most 8 fields to type; fields filled from the registers cost the applicant nothing.
        expect(fields.filter((k) => !isRegisterPrefillKey(i.form.properties[k]!['x-prefill'])).length, i.name).toBeLessThanOrEqual(8);
        expect(fields.length, i.name).toBeLessThanOrEqual(12);
        for (const r of i.form.required) expect(fields, i.name).toContain(r);
        const prefills = Object.values(i.form.properties).map((p) => p['x-prefill']);
        expect(prefills.some((p) => p !== undefined), i.name).toBe(true);
        expect(i.legalBasis.length, i.name).toBeGreaterThan(0);
        expect(i.conditions.length, i.name).toBeGreaterThan(0);
        expect(i.steps.length, i.name).toBeGreaterThan(0);
      }
    });

    it('leave a few 市场监管局 drafts for the catalog admin', () => {
      const drafts = world.items.filter((i) => !i.published);
      expect(drafts.length).toBeGreaterThanOrEqual(3);
      expect(drafts.length).toBeLessThanOrEqual(5);
      for (const d of drafts) expect(d.orgKey).toBe('scjgj');
    });
  });

  it('puts the e2e slice item first, as specified', () => {
    const slice = world.items[0]!;
    expect(slice.name).toBe(SLICE_ITEM_NAME);
    expect(slice.implCode).toBe(SLICE_ITEM_IMPL_CODE);
    expect(slice.orgKey).toBe('scjgj');
    expect(slice.published).toBe(true);
    expect(slice.serviceObjects).toEqual(['person']);
    expect(slice.visitsRequired).toBe(0);
    expect(Math.max(...slice.onlineDepth)).toBeGreaterThanOrEqual(4);
    const required = slice.materials.filter((m) => m.necessity === 'required');
    expect(required).toHaveLength(1);
    expect(required[0]!.source).toBe('applicant');
    expect(required[0]!.form).not.toBe('paper');
    const props = slice.form.properties;
    expect(Object.values(props).map((p) => p.title)).toEqual(['经营者姓名', '身份证号', '联系电话', '个体户名称', '经营场所', '经营范围']);
    expect(props.operatorName?.['x-prefill']).toBe('name');
    expect(props.idNumber?.['x-prefill']).toBe('idNumber');
    expect(props.phone?.['x-prefill']).toBe('phone');
    expect(props.businessScope?.['x-ui']?.widget).toBe('textarea');
    expect(world.items.filter((i) => i.implCode === SLICE_ITEM_IMPL_CODE)).toHaveLength(1);
  });
});
