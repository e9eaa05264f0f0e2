import { describe, expect, it } from 'vitest';
import { isValidCreditCode, validateResidentId } from '../../platform/codes/index.ts';
import { buildWorld, mulberry32, WORLD_SEED } from './index.ts';
import { buildRegisters } from './registers.ts';

const world = buildWorld();
const size = { persons: 6_000, entities: 600 };
const registers = buildRegisters(world, mulberry32(WORLD_SEED + 4), size);
const byId = new Map(registers.persons.map((p) => [p.residentId, p]));

describe('demo registers', () => {
  it('are deterministic and of the asked size', () => {
    expect(buildRegisters(world, mulberry32(WORLD_SEED + 4), size)).toEqual(registers);
    expect(registers.persons).toHaveLength(size.persons);
    expect(registers.entities).toHaveLength(size.entities);
  });

  it('give every person a valid, unique identity number that agrees with their sex and date of birth', () => {
    expect(byId.size).toBe(registers.persons.length);
    for (const p of registers.persons) {
      const v = validateResidentId(p.residentId);
      expect(v, p.residentId).toMatchObject({ ok: true, sex: p.sex, birthDate: p.birthDate });
    }
  });

  it('keep households whole: a head in each, one address, spouses naming each other, children younger than the head', () => {
    for (const p of registers.persons) {
      const head = byId.get(p.householdHeadId)!;
      expect(head, p.residentId).toBeDefined();
      expect(head.householdNo).toBe(p.householdNo);
      expect(head.householdAddress).toBe(p.householdAddress);
      if (p.spouseId) {
        expect(byId.get(p.spouseId)?.spouseId).toBe(p.residentId);
        expect(p.maritalStatus).toBe('married');
      }
      if (p.relationToHead === '子' || p.relationToHead === '女') expect(p.birthDate > head.birthDate).toBe(true);
    }
  });

  it('agree with the hand-written world: the demo citizen, their spouse on the 结婚证, the company on its 营业执照', () => {
    const citizen = world.persons.find((p) => p.username === 'citizen')!;
    const record = byId.get(citizen.residentId)!;
    expect(record).toMatchObject({ name: citizen.name, householdAddress: citizen.address, maritalStatus: 'married', relationToHead: '户主' });
    expect(byId.get(record.spouseId!)?.name).toBe('李娜');
    const company = world.entities[0]!;
    const entity = registers.entities.find((e) => e.creditCode === company.creditCode)!;
    expect(entity).toMatchObject({ name: company.entityName, legalRepresentative: company.legalRepresentative, registeredCapital: '100', establishedOn: '2023-03-15', address: company.address });
  });

  it('give entities valid unique credit codes, representatives from the population, and credit records that agree', () => {
    expect(new Set(registers.entities.map((e) => e.creditCode)).size).toBe(registers.entities.length);
    for (const e of registers.entities) {
      expect(isValidCreditCode(e.creditCode), e.creditCode).toBe(true);
      expect(byId.get(e.legalRepresentativeId)?.name, e.name).toBe(e.legalRepresentative);
      const records = registers.credit.filter((c) => c.subjectCode === e.creditCode);
      expect(records.some((c) => c.kind === 'license')).toBe(true);
      expect(records.some((c) => c.kind === 'abnormal')).toBe(e.status === 'abnormal');
    }
  });
});
