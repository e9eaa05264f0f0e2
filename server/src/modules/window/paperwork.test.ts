/**
 * 窗口收件的手续 (cases/paperwork.ts) against the demo world: after filing for 李明 at the window the clerk takes his
 * signature on the pad, records express delivery to his address, accepts, and prints the 受理通知书 — which the
 * courier booking at delivery then follows. Bad input, the wrong moment and cases outside the caller's scope are
 * clear refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import { PDFTOTEXT, pdfTextOf } from '../../testing/pdf.ts';
import { qrPng } from '../../platform/crypto/index.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';
import { CITIZEN_RESIDENT_ID } from '../../seed/world/people.ts';
import { SIGNATURE_MAX_BYTES } from '../cases/paperwork.ts';

const CITIZEN = { type: 'person', name: '李明', residentId: CITIZEN_RESIDENT_ID } as const;
const ADDRESS = '泰州市海陵区青年南路 88 号 李明 13951234567';

let t: TestApp;
let clerk: Session, clerkHl: Session, citizen: Session, reviewer: Session;
type Item = { name: string; form: Parameters<typeof fillForm>[0]; materials: Array<{ code: string; name: string; necessity: string; obtainable?: boolean }>; hall: { address: string }; contacts: { consult: string } };
let item: Item;

beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [clerk, clerkHl, citizen, reviewer] = await Promise.all(['clerk', 'clerk_hl', 'citizen', 'reviewer'].map((u) => loginAs(t.app, u)));
  item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` })).json();
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, headers: s.headers, payload });
const act = (s: Session, id: string, body: object) => send(s, 'POST', `/api/v1/cases/${id}/actions`, body);

async function fileAtWindow() {
  const materials = [];
  for (const m of item.materials.filter((m) => m.necessity === 'required' && !m.obtainable)) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, clerk, `${m.name}.pdf`)).id });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/window/cases', headers: { ...clerk.headers, 'idempotency-key': randomUUID() }, payload: { applicant: CITIZEN, implCode: SLICE_ITEM_IMPL_CODE, form: fillForm(item.form), materials } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the applicant’s signature on the pad', () => {
  it('refuses what is not a signature from the pad, clearly', async () => {
    const c = await fileAtWindow();
    const url = `/api/v1/cases/${c.id}/signature`;
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n').toString('base64');
    for (const [png, status, code] of [
      ['', 400, 'SIGNATURE_EMPTY'],
      [pdf, 415, 'SIGNATURE_NOT_PNG'],
      ['这不是图片', 415, 'SIGNATURE_NOT_PNG'],
      [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(SIGNATURE_MAX_BYTES)]).toString('base64'), 413, 'SIGNATURE_TOO_LARGE'],
    ] as const) {
      const res = await send(clerk, 'POST', url, { png });
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error).toMatchObject({ code, message: expect.any(String) });
    }
    // A body beyond the platform's request limit: the same clear 413.
    const huge = await send(clerk, 'POST', url, { png: 'A'.repeat(1_200_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toEqual(expect.any(String));
    // Not a window clerk; not in the clerk's region.
    expect((await send(citizen, 'POST', url, { png: (await qrPng('x')).toString('base64') })).statusCode).toBe(403);
    expect((await send(clerkHl, 'POST', url, { png: (await qrPng('x')).toString('base64') })).statusCode).toBe(404);
    expect((await get(clerk, `/api/v1/cases/${c.id}/signature.png`)).statusCode).toBe(404);
  });
});

describe('paperwork at the window, then the notice and the delivery it promised', () => {
  it('signature, express delivery, acceptance notice, and the courier booked for that address', async () => {
    const c = await fileAtWindow();
    // The notice comes with acceptance.
    const early = await get(clerk, `/api/v1/cases/${c.id}/documents/acceptance-notice.pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOTICE_NOT_ACCEPTED');

    const png = await qrPng('李明的签名');
    const signed = await send(clerk, 'POST', `/api/v1/cases/${c.id}/signature`, { png: `data:image/png;base64,${png.toString('base64')}` });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({ clerkName: '李晓燕', url: `/api/v1/cases/${c.id}/signature.png` });
    const image = await get(clerk, `/api/v1/cases/${c.id}/signature.png`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(png)).toBe(true);
    // In the record for staff and applicant alike.
    expect((await get(citizen, `/api/v1/cases/${c.id}`)).json().signature).toMatchObject({ clerkName: '李晓燕' });

    const noAddress = await send(clerk, 'PUT', `/api/v1/cases/${c.id}/delivery`, { method: 'express', address: '  ' });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().error.code).toBe('ADDRESS_REQUIRED');
    const express = await send(clerk, 'PUT', `/api/v1/cases/${c.id}/delivery`, { method: 'express', address: ADDRESS });
    expect(express.statusCode, express.body).toBe(200);
    expect((await get(clerk, `/api/v1/cases/${c.id}`)).json().delivery).toEqual({ method: 'express', address: ADDRESS });

    const accepted = (await act(clerk, c.id, { action: 'accept', version: c.version })).json();
    expect(accepted.state).toBe('accepted');
    const notice = await get(clerk, `/api/v1/cases/${c.id}/documents/acceptance-notice.pdf`);
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toBe('application/pdf');
    expect(notice.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The applicant may print it again from their portal; someone outside the case may not.
    expect((await get(citizen, `/api/v1/cases/${c.id}/documents/acceptance-notice.pdf`)).statusCode).toBe(200);
    expect((await get(clerkHl, `/api/v1/cases/${c.id}/documents/acceptance-notice.pdf`)).statusCode).toBe(404);
    if (PDFTOTEXT) {
      const text = pdfTextOf(notice.rawPayload);
      const [y, m, d] = accepted.dueDate.split('-');
      for (const expected of ['受理通知书', c.number, item.name, '李明', `${y}年${Number(m)}月${Number(d)}日`, '快递送达', '已收取的申请材料', ...item.materials.filter((x) => x.necessity === 'required' && !x.obtainable).map((x) => x.name), item.hall.address, item.contacts.consult, '申请人签名', '查询办理进度', '第三十二条']) {
        expect(text, expected).toContain(expected.replace(/\s+/g, ''));
      }
    }
    const audited = await t.db.selectFrom('audit_event').select('action').where('entity_id', '=', c.id).execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['case.signature', 'case.delivery', 'case.acceptance_notice']));

    // Decided: the paperwork is closed; the result goes by express to the address given at the window.
    const detail = (await get(reviewer, `/api/v1/cases/${c.id}`)).json();
    const decided = (await act(reviewer, c.id, { action: 'decide', version: detail.version, decision: 'grant' })).json();
    expect(decided.state).toBe('decided');
    const late = await send(clerk, 'PUT', `/api/v1/cases/${c.id}/delivery`, { method: 'pickup' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('PAPERWORK_STATE');
    expect((await send(clerk, 'POST', `/api/v1/cases/${c.id}/signature`, { png: png.toString('base64') })).statusCode).toBe(409);
    const delivered = await act(clerk, c.id, { action: 'deliver', version: decided.version });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json().delivery).toMatchObject({ method: 'express', address: ADDRESS, trackingNo: expect.any(String), provider: expect.any(String) });
  });
});
