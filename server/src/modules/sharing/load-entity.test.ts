import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { makeCreditCode, makeResidentId } from '../../platform/codes/index.ts';

let t: TestApp;
let data: Session;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  data = await loginAs(t.app, 'data');
});
afterAll(() => t.close());

const push = (register: string, records: unknown[]) => t.app.inject({ method: 'POST', url: `/api/v1/sharing/registers/${register}/records`, headers: data.headers, payload: { records } });

describe('the legal-entity and credit registers', () => {
  it('load entities (numbers, dates, Chinese status words) and credit records keyed by subject and document', async () => {
    const code = makeCreditCode('9', '1', '321202', 'MA7TEXT1');
    const rep = makeResidentId('321202', '19750303', '013');
    const entity = { creditCode: code, name: '泰州市海陵区测试商贸有限公司', entityType: '有限责任公司（自然人投资或控股）', legalRepresentative: '王测试', legalRepresentativeId: rep, registeredCapital: '1,000.5', address: '江苏省泰州市海陵区人民路1号', businessScope: '日用百货销售', status: '存续', establishedOn: '2024年5月6日', regionCode: '321202' };
    const r = (await push('entity', [entity, { ...entity, creditCode: code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A') }])).json();
    expect(r).toMatchObject({ accepted: 1, rejected: 1, inserted: 1 });
    expect(r.rejects[0].reason).toContain('统一社会信用代码');
    const row = await t.db.selectFrom('entity_record').selectAll().where('credit_code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ registered_capital: '1000.50', status: 'active', established_on: '2024-05-06', region_code: '321202' });
    // The same capital written differently is no change.
    expect((await push('entity', [{ ...entity, registeredCapital: '1000.50' }])).json()).toMatchObject({ updated: 0, conflicts: 0 });

    const credit = { subjectCode: code, subjectName: entity.name, kind: '行政处罚', title: '行政处罚', documentNo: '泰市监罚〔2025〕901号', content: '警告', authority: '泰州市海陵区市场监督管理局', decidedOn: '2025-03-01', validUntil: '2025-02-01' };
    const c = (await push('credit', [credit, { ...credit, validUntil: null }, { ...credit, documentNo: '泰市监罚〔2025〕902号', content: '罚款 5000 元', validUntil: '2026-03-01' }])).json();
    expect(c, JSON.stringify(c.rejects)).toMatchObject({ accepted: 2, rejected: 1, inserted: 2 });
    expect(c.rejects[0].reason).toContain('早于决定日期');
    const again = (await push('credit', [{ ...credit, validUntil: null, content: '警告（更正）' }])).json();
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/sharing/registers/credit/records/${code}`, headers: data.headers })).json();
    expect(view.records.map((x: { key: string }) => x.key).sort()).toEqual([`${code}/泰市监罚〔2025〕901号`, `${code}/泰市监罚〔2025〕902号`]);
    expect(view.records[0].fields.find((f: { name: string }) => f.name === 'kind')).toMatchObject({ value: 'penalty', label: '行政处罚', sourceOrgName: '泰州市发展和改革委员会' });
  });
});
