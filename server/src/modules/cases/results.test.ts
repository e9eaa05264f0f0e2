import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { loginAs, type Session } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { PDFTOTEXT, pdfTextOf } from '../../testing/pdf.ts';
import type { App } from '../../platform/http/server.ts';
import { createWaybillForDelivery, expressSimulator, EXPRESS_SIMULATOR } from '../../platform/express/index.ts';
import { SLICE_ITEM_IMPL_CODE, buildWorld } from '../../seed/world/index.ts';
import { findItemVersion } from '../catalog/index.ts';
import { createResultsTestApp } from '../payments/testing.ts';
import { agencyAbbreviation, chineseDate, decisionDocumentNumber, renderDecisionPdf } from './decision-pdf.ts';

/** An item under 告知承诺制 in the demo world. */
const ON_COMMITMENT = buildWorld().items.find((x) => x.orgKey === 'scjgj' && x.name === '食品经营许可（新办）')!.implCode;

let t: Awaited<ReturnType<typeof createResultsTestApp>>;
let api: App;
let citizen: Session, other: Session, clerk: Session, reviewer: Session;

beforeAll(async () => {
  t = await createResultsTestApp();
  api = t.api;
  [citizen, other, clerk, reviewer] = await Promise.all(['citizen', 'resident01', 'clerk', 'reviewer'].map((u) => loginAs(t.app, u)));
});
afterAll(() => t?.close());

const textOf = pdfTextOf;
const squash = (s: string) => s.replace(/\s+/g, '');
/** Each phrase is in the text (white space aside). */
const expectPhrases = (text: string, phrases: string[]) => {
  for (const s of phrases) expect(text, s).toContain(squash(s));
};

type Item = { implCode: string; form: Parameters<typeof fillForm>[0]; materials: Array<{ code: string; necessity: string; obtainable?: boolean }> };
const itemOf = async (implCode: string): Promise<Item> => (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${implCode}` })).json();
const act = (s: Session, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions`, headers: s.headers, payload: body });
const pdfOf = (s: Session, id: string) => api.inject({ method: 'GET', url: `/api/v1/cases/${id}/decision.pdf`, headers: { cookie: s.cookie } });
const trackingOf = (s: Session, id: string) => api.inject({ method: 'GET', url: `/api/v1/cases/${id}/tracking`, headers: { cookie: s.cookie } });

async function apply(extra: object = {}, implCode = SLICE_ITEM_IMPL_CODE) {
  const item = await itemOf(implCode);
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...citizen.headers, 'idempotency-key': randomUUID() }, payload: { implCode, form: fillForm(item.form), materials, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function decided(decision: 'grant' | 'refuse', extra: object = {}, reason?: string) {
  const c = await apply(extra);
  const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
  const d = await act(reviewer, c.id, { action: 'decide', version: a.version, decision, ...(reason ? { reason } : {}) });
  expect(d.statusCode, d.body).toBe(200);
  return d.json();
}

describe('document numbers', () => {
  it('come from the agency’s short form and the case number', () => {
    expect(decisionDocumentNumber('泰州市市场监督管理局', '321200-2026-000123', 'grant')).toBe('泰市监许〔2026〕第 000123 号');
    expect(decisionDocumentNumber('泰州市市场监督管理局', '321200-2026-000123', 'refuse')).toBe('泰市监不许〔2026〕第 000123 号');
    expect(agencyAbbreviation('泰州市海陵区市场监督管理局')).toBe('泰海市监');
    expect(agencyAbbreviation('兴化市民政局')).toBe('兴民');
    expect(agencyAbbreviation('泰州市公安局海陵分局')).toBe('泰公');
    expect(agencyAbbreviation('国家税务总局泰州市税务局')).toBe('泰税');
    expect(agencyAbbreviation('泰州市城市管理局')).toBe('泰城管');
  });

  it('dates print in China time as official documents write them', () => {
    expect(chineseDate(new Date('2026-03-01T17:00:00Z'))).toBe('2026年3月2日');
  });
});

describe('GET /api/v1/cases/{id}/decision.pdf', () => {
  it('is 404 before a decision, then the 准予行政许可决定书 with number, applicant, item, basis, agency and date', async () => {
    const c = await apply();
    const before = await pdfOf(citizen, c.id);
    expect(before.statusCode).toBe(404);
    expect(before.json().error.code).toBe('DECISION_NOT_MADE');

    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    const d = (await act(reviewer, c.id, { action: 'decide', version: a.version, decision: 'grant' })).json();
    expect(d.state).toBe('closed'); // electronic delivery closes at once

    const res = await pdfOf(citizen, c.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansHans');

    const row = await t.db.selectFrom('case').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const item = (await findItemVersion(t.db, row.item_version_id))!;
    if (!PDFTOTEXT) return;
    const text = textOf(pdf);
    expectPhrases(text, [
      '准予行政许可决定书',
      decisionDocumentNumber(row.agency_name, row.number, 'grant'),
      row.applicant_name,
      row.item_name,
      row.agency_name,
      row.number,
      item.legalBasis[0]!.title,
      '《中华人民共和国行政许可法》第三十八条第一款',
      '本机关决定准予行政许可',
      chineseDate(new Date(row.decision!.decidedAt)),
      '电子印章随证照签发加盖',
      item.result.name,
    ]);
    expect(text).not.toContain('行政复议');
  });

  it('a refusal gives the reason and the rights to reconsideration (60 days) and litigation (6 months)', async () => {
    const reason = '经营场所位于居民住宅楼内，未提供利害关系业主同意的证明材料，不符合登记条件';
    const d = await decided('refuse', {}, reason);
    const res = await pdfOf(citizen, d.id);
    expect(res.statusCode).toBe(200);
    const row = await t.db.selectFrom('case').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    if (!PDFTOTEXT) return;
    const text = textOf(res.rawPayload);
    expectPhrases(text, [
      '不予行政许可决定书',
      decisionDocumentNumber(row.agency_name, row.number, 'refuse'),
      reason,
      '本机关决定不予行政许可',
      '第三十八条第二款',
      '60日内依法申请行政复议',
      '《中华人民共和国行政复议法》第二十条',
      '6个月内依法向人民法院提起行政诉讼',
      '《中华人民共和国行政诉讼法》第四十六条',
    ]);
  });

  it('is scoped like the case: staff in scope read it (audited), another applicant gets 404', async () => {
    const d = await decided('grant');
    expect((await pdfOf(other, d.id)).statusCode).toBe(404);
    expect((await pdfOf(other, d.id)).json().error.code).toBe('CASE_NOT_FOUND');
    const byReviewer = await pdfOf(reviewer, d.id);
    expect(byReviewer.statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_event').select(['action', 'actor_name']).where('entity_id', '=', d.id).where('action', '=', 'case.decision_view').execute();
    expect(audit).toHaveLength(1);
    expect((await api.inject({ method: 'GET', url: `/api/v1/cases/${d.id}/decision.pdf` })).statusCode).toBe(401);
    expect((await pdfOf(citizen, randomUUID())).statusCode).toBe(404);
  });

  it('renders without a database too (pickup, an entity applicant, no acceptance date)', async () => {
    const pdf = await renderDecisionPdf(
      {
        number: '321200-2026-000007',
        agency_name: '泰州市市场监督管理局',
        applicant_name: '泰州市示例餐饮管理有限公司',
        applicant_type: 'entity',
        item_name: '食品经营许可',
        impl_code: 'X',
        item_version: 3,
        submitted_at: new Date('2026-03-02T02:00:00Z'),
        accepted_at: null,
        decision: { result: 'grant', decidedAt: '2026-03-03T02:00:00Z' },
        delivery: { method: 'pickup' },
      },
      { legalBasis: [{ title: '《中华人民共和国食品安全法》', article: '第三十五条' }], result: { type: 'license', name: '食品经营许可证' }, hall: { address: '泰州市海陵区东进西路88号', window: 'A12 窗口', hours: '工作日 9:00–17:00' } },
      { generatedAt: new Date('2026-03-03T02:00:00Z') },
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!PDFTOTEXT) return;
    const text = textOf(pdf);
    expect(text).toContain(squash('你单位于2026年3月2日提出的食品经营许可申请'));
    expect(text).toContain(squash('《中华人民共和国食品安全法》第三十五条'));
    expect(text).toContain('A12窗口');
    expect(text).toContain('泰市监许〔2026〕第000007号');
  });
});

describe('告知承诺制 documents', () => {
  const revocationOf = (s: Session, id: string) => api.inject({ method: 'GET', url: `/api/v1/cases/${id}/revocation.pdf`, headers: { cookie: s.cookie } });

  it('a grant on commitment states the commitment basis and the verification; a revocation names the false commitment', async () => {
    const c = await apply({ commitment: { accepted: true, signedName: '李明' } }, ON_COMMITMENT);
    const a = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    expect(a.decision).toMatchObject({ result: 'grant', basis: '告知承诺' });
    expect((await revocationOf(citizen, c.id)).json().error.code).toBe('NOT_REVOKED');
    const grant = await pdfOf(citizen, c.id);
    expect(grant.statusCode).toBe(200);
    const row = await t.db.selectFrom('case').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const grantNo = decisionDocumentNumber(row.agency_name, row.number, 'grant');
    if (PDFTOTEXT) {
      const text = textOf(grant.rawPayload);
      expectPhrases(text, [
        '准予行政许可决定书',
        '以告知承诺方式提出的',
        `已于${chineseDate(new Date(row.commitment!.signedAt))}签署告知承诺书（签署人：李明）`,
        '国办发〔2020〕42号',
        '本机关依据你的承诺决定准予行政许可',
        `自作出本决定之日起${row.commitment!.verificationDays}个工作日内对你的承诺进行核查`,
        '《中华人民共和国行政许可法》第六十九条第二款',
        '准予行政许可（告知承诺）',
      ]);
      expect(text).not.toContain('经审查');
    }

    const reason = '现场核查发现经营场所未设置专间，冷食类食品制售不符合承诺的条件';
    const r = await act(reviewer, c.id, { action: 'verify', version: a.version, outcome: 'false_commitment', reason });
    expect(r.statusCode, r.body).toBe(200);
    const res = await revocationOf(citizen, c.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('撤销行政许可决定书'));
    expect((await revocationOf(other, c.id)).statusCode).toBe(404);
    if (!PDFTOTEXT) return;
    const text = textOf(res.rawPayload);
    expectPhrases(text, [
      '撤销行政许可决定书',
      decisionDocumentNumber(row.agency_name, row.number, 'revoke'),
      grantNo,
      '你作出的承诺与实际情况不符',
      reason,
      '本机关决定撤销上述行政许可',
      '《中华人民共和国行政许可法》第六十九条第二款',
      '60日内依法申请行政复议',
      '核查发现承诺不实',
    ]);
  });

  it('a deemed acceptance is written as such (行政许可法 art. 32)', async () => {
    const pdf = await renderDecisionPdf(
      {
        number: '321200-2026-000008',
        agency_name: '泰州市市场监督管理局',
        applicant_name: '李明',
        applicant_type: 'person',
        item_name: '食品经营许可',
        impl_code: 'X',
        item_version: 1,
        submitted_at: new Date('2026-03-02T02:00:00Z'),
        accepted_at: new Date('2026-03-02T02:00:00Z'),
        deemed_accepted: true,
        commitment: { text: '本人承诺……', signedName: '李明', signedAt: '2026-03-02T02:00:00Z', verificationDays: 20 },
        decision: { result: 'grant', basis: '告知承诺', decidedAt: '2026-03-10T02:00:00Z' },
        delivery: { method: 'electronic' },
      },
      { legalBasis: [], result: { type: 'license', name: '食品经营许可证' }, hall: { address: '泰州市海陵区东进西路88号', hours: '工作日 9:00–17:00' } },
    );
    if (!PDFTOTEXT) return;
    const text = textOf(pdf);
    expect(text).toContain(squash('依照《中华人民共和国行政许可法》第三十二条的规定，自2026年3月2日起视为受理'));
    expect(text).toContain(squash('已于2026年3月2日签署告知承诺书（签署人：李明）'));
  });
});

describe('GET /api/v1/cases/{id}/tracking', () => {
  it('shows the express simulator’s track once the result is shipped; 404 before, and for electronic delivery', async () => {
    const address = '泰州市海陵区青年南路 88 号 李明 13951234567';
    const d = await decided('grant', { delivery: { method: 'express', address } });
    expect(d.state).toBe('decided');
    const early = await trackingOf(citizen, d.id);
    expect(early.statusCode).toBe(404);
    expect(early.json().error.code).toBe('NOT_SHIPPED');

    // What the deliver action does when the clerk types no waybill number: book the courier.
    const wb = await createWaybillForDelivery(expressSimulator, {
      reference: d.number,
      description: `${d.itemName} 办理结果`,
      from: { name: d.agencyName, phone: '0523-12345', address: '泰州市海陵区东进西路88号' },
      toAddress: address,
      toName: d.applicantName,
    });
    expect(wb).toMatchObject({ provider: EXPRESS_SIMULATOR, trackingNo: expect.stringMatching(/^SIM\d{13}$/) });
    const closed = await act(clerk, d.id, { action: 'deliver', version: d.version, trackingNo: wb.trackingNo });
    expect(closed.statusCode, closed.body).toBe(200);

    const res = await trackingOf(citizen, d.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ provider: EXPRESS_SIMULATOR, trackingNo: wb.trackingNo, events: [{ status: 'collected', label: '揽收' }] });
    expect((await trackingOf(clerk, d.id)).statusCode).toBe(200);
    expect((await trackingOf(other, d.id)).statusCode).toBe(404);

    const electronic = await decided('grant');
    expect((await trackingOf(citizen, electronic.id)).statusCode).toBe(404);
  });
});
