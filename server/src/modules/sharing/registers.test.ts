import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/db.ts';
import { CITIZEN_RESIDENT_ID } from '../../seed/world/people.ts';
import { buildWorld } from '../../seed/world/index.ts';
import { creditRecordsOf, entityRecord, householdMembers, maskValue, personRecord } from './registers.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.drop());

describe('the demo registers, as seeded', () => {
  it('hold the demo citizen with their household, from 市公安局, with dates as calendar days', async () => {
    const p = (await personRecord(h.db, CITIZEN_RESIDENT_ID))!;
    expect(p).toMatchObject({ name: '李明', sex: 'male', birthDate: '1990-03-15', maritalStatus: 'married', relationToHead: '户主' });
    const gaj = await h.db.selectFrom('org').select('id').where('key', '=', 'gaj').executeTakeFirstOrThrow();
    expect(p.sourceOrgId).toBe(gaj.id);
    expect(p.updatedAt).toBeInstanceOf(Date);
    const members = await householdMembers(h.db, p.householdNo);
    expect(members.map((m) => m.relationToHead)).toEqual(['户主', '妻', '子']);
    expect(members[1]!.spouseId).toBe(CITIZEN_RESIDENT_ID);
  });

  it('hold the demo company and its credit records', async () => {
    const company = buildWorld().entities[0]!;
    const e = (await entityRecord(h.db, company.creditCode))!;
    expect(e).toMatchObject({ name: company.entityName, registeredCapital: '100.00', establishedOn: '2023-03-15', status: 'active' });
    const credit = await creditRecordsOf(h.db, company.creditCode);
    expect(credit.map((c) => c.kind)).toContain('license');
    expect(await personRecord(h.db, '110101199003070000')).toBeUndefined();
  });
});

describe('the demo resource catalog', () => {
  it('publishes each resource with its provider and the register fields it shares, key first', async () => {
    const rows = await h.db.selectFrom('data_resource').innerJoin('org', 'org.id', 'data_resource.provider_org_id').select(['code', 'org.key as provider', 'share_mode', 'key_field', 'fields', 'materials', 'status']).orderBy('code').execute();
    const household = rows.find((r) => r.code === 'household')!;
    expect(household).toMatchObject({ provider: 'gaj', share_mode: 'conditional', key_field: 'residentId', status: 'published' });
    expect(household.fields[0]).toEqual({ name: 'residentId', title: '公民身份号码', type: 'code', sensitivity: 'sensitive' });
    expect(household.materials).toContain('居民户口簿');
    expect(rows.map((r) => r.share_mode)).toEqual(expect.arrayContaining(['open', 'conditional', 'none']));
  });
});

describe('masking', () => {
  it('keeps what a masked value may show and nothing more', () => {
    expect(maskValue('id', CITIZEN_RESIDENT_ID)).toBe(`321202********${CITIZEN_RESIDENT_ID.slice(14)}`);
    expect(maskValue('address', '江苏省泰州市海陵区城东街道春晖路18号')).toBe('江苏省泰州市海陵区城东街道****');
    expect(maskValue('date', '1990-03-15')).toBe('1990-**-**');
    expect(maskValue('hide', 'married')).toBe('***');
    expect(maskValue('id', null)).toBeNull();
  });
});
