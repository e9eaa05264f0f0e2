import fjs from 'fast-json-stringify';
import fc from 'fast-check';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { simplifyForSerializer } from './serializer-schema.ts';
import { CaseSummary } from '../../modules/cases/schema.ts';

describe('simplifyForSerializer', () => {
  it('turns nullable scalars and literal unions into type lists and enums, and leaves other unions alone', () => {
    const s = simplifyForSerializer(
      Type.Object({
        due: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'd' }),
        light: Type.Union([Type.Literal('green'), Type.Literal('red')]),
        maybeLight: Type.Union([Type.Literal('green'), Type.Null()]),
        mixed: Type.Union([Type.String(), Type.Integer()]),
        obj: Type.Union([Type.Object({ a: Type.String() }), Type.Null()]),
      }),
    ) as { properties: Record<string, unknown> };
    expect(s.properties.due).toEqual({ type: ['string', 'null'], format: 'date', description: 'd' });
    expect(s.properties.light).toEqual({ type: 'string', enum: ['green', 'red'] });
    expect(s.properties.maybeLight).toEqual({ type: ['string', 'null'], enum: ['green', null] });
    expect(s.properties.mixed).toHaveProperty('anyOf');
    expect(s.properties.obj).toHaveProperty('anyOf');
  });

  it('serializes a queue page to the same bytes as the schema it came from', () => {
    const page = Type.Object({ cases: Type.Array(CaseSummary), total: Type.Integer(), totalCapped: Type.Boolean() });
    const original = fjs(page as object);
    const simplified = fjs(simplifyForSerializer(page) as object);
    const text = fc.string({ maxLength: 12 });
    const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    const instant = fc.date({ min: new Date('2004-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const row = fc.record(
      {
        id: fc.uuid(),
        number: text,
        state: fc.constantFrom('submitted', 'accepted', 'closed'),
        stateLabel: text,
        itemName: fc.string({ unit: 'grapheme', maxLength: 12 }),
        implCode: text,
        agencyName: text,
        applicantName: fc.string({ unit: 'grapheme', maxLength: 4 }),
        submittedAt: instant,
        dueDate: nullable(fc.constantFrom('2026-02-16', '2026-10-09')),
        closedAt: nullable(instant),
        slaLight: fc.constantFrom('green', 'yellow', 'red', null),
        version: fc.integer({ min: 1, max: 99 }),
        assigneeName: nullable(text),
        acceptRegionCode: nullable(text),
      },
      { requiredKeys: ['id', 'number', 'state', 'stateLabel', 'itemName', 'implCode', 'agencyName', 'applicantName', 'submittedAt', 'dueDate', 'closedAt', 'slaLight', 'version'] },
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), fc.integer({ min: 0, max: 1000 }), (cases, total) => {
        const body = { cases, total, totalCapped: total >= 1000 };
        expect(simplified(body)).toBe(original(body));
      }),
      { numRuns: 300 },
    );
  });
});
