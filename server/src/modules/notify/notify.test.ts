import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { loginAs, type Session } from '../../testing/app.ts';
import { fillForm, uploadPdf } from '../../testing/fixtures.ts';
import type { App } from '../../platform/http/server.ts';
import type { Db } from '../../platform/db/db.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { DomainEvent } from '../../platform/jobs/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { SLICE_ITEM_IMPL_CODE } from '../../seed/world/index.ts';
import { createNotifyTestApp } from './testing.ts';
import { handleCaseEvent, listNotifications, type NotifyDeps } from './service.ts';
import { registerNotifyHandlers } from './handlers.ts';
import { createDevOutboxEmailSimulator, createDevOutboxSmsSimulator, createSmtpEmailSender, type EmailSender, type SmsSender } from './adapters/index.ts';
import type { NotifyTables } from './tables.ts';
import { actorForUsername } from '../identity/index.ts';

let t: Awaited<ReturnType<typeof createNotifyTestApp>>;
let api: App;
let ndb: Kysely<Database & NotifyTables>;
let citizen: Session, company: Session, clerk: Session, admin: Session;
let citizenId: string, companyId: string;
let deps: NotifyDeps;

beforeAll(async () => {
  t = await createNotifyTestApp();
  api = t.api;
  ndb = t.db.withTables<NotifyTables>() as unknown as Kysely<Database & NotifyTables>;
  [citizen, company, clerk, admin] = await Promise.all(['citizen', 'company', 'clerk', 'admin'].map((u) => loginAs(t.app, u)));
  citizenId = (await actorForUsername(t.db, 'citizen')).id;
  companyId = (await actorForUsername(t.db, 'company')).id;
  deps = { db: t.db, sms: createDevOutboxSmsSimulator(), email: createDevOutboxEmailSimulator() };
});
afterAll(() => t?.close());

function event(topic: string, payload: Record<string, unknown>): DomainEvent {
  return { id: newId(), topic, payload, createdAt: new Date().toISOString() };
}

function caseEvent(topic: string, applicantId: string, extra: Record<string, unknown> = {}): DomainEvent {
  return event(topic, { caseId: randomUUID(), number: `321202-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, itemName: '个体工商户设立登记', applicantId, ...extra });
}

const byEvent = (eventId: string) => ndb.selectFrom('notification').selectAll().where('event_id', '=', eventId).execute();
const messagesOf = (eventId: string) => ndb.selectFrom('message_outbox').selectAll().where('event_id', '=', eventId).orderBy('channel').execute();
const inbox = (s: Session, query = '') => api.inject({ method: 'GET', url: `/api/v1/me/notifications${query}`, headers: { cookie: s.cookie } });
const markRead = (s: Session, id: string) => api.inject({ method: 'POST', url: `/api/v1/me/notifications/${id}/read`, headers: s.headers });

describe('handling case events (at least once)', () => {
  it('one notification and one SMS per event, however often the handler runs', async () => {
    const e = caseEvent('case.accepted', citizenId, { dueDate: '2026-12-01' });
    const first = await handleCaseEvent(deps, e);
    const again = await Promise.all([handleCaseEvent(deps, e), handleCaseEvent(deps, e)]);
    expect(first).toEqual({ notification: true, sms: 'sent' });
    for (const r of again) expect(r).toEqual({ notification: false, sms: 'already-sent' });

    const rows = await byEvent(e.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      account_id: citizenId,
      kind: 'case.accepted',
      title: '申请已受理',
      body: '您的《个体工商户设立登记》申请已受理，办理期限至 2026年12月1日。',
      link: `/my/cases/${(e.payload as { caseId: string }).caseId}`,
      read_at: null,
    });
    const msgs = await messagesOf(e.id);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ channel: 'sms', recipient: '13952600315', provider: 'dev-outbox', status: 'sent', attempts: 1 });
    expect(msgs[0]!.body).toContain((e.payload as { number: string }).number);
    expect(msgs[0]!.body).toContain('2026年12月1日');
  });

  it('a decline tells the specific reason in the portal, not by SMS', async () => {
    const reason = '缺少经营场所的房屋租赁合同，请补充后重新申请';
    const e = caseEvent('case.declined', citizenId, { reason });
    await handleCaseEvent(deps, e);
    const [n] = await byEvent(e.id);
    expect(n!.body).toBe(`很抱歉，您的《个体工商户设立登记》申请未被受理。原因：${reason}。您可以按说明准备好后重新申请。`);
    const [sms] = await messagesOf(e.id);
    expect(sms!.body).not.toContain('租赁合同');
    expect(sms!.body).toMatch(/^【通办】.*办件编号.*未被受理/);
  });

  it('a refusal gives the reason and the right to review or sue; a grant says so', async () => {
    const refused = caseEvent('case.closed', citizenId, { decision: 'refuse', reason: '经营场所位于居民楼内，不符合餐饮服务选址要求。' });
    await handleCaseEvent(deps, refused);
    const [r] = await byEvent(refused.id);
    expect(r!.title).toBe('申请已办结：不予许可');
    expect(r!.body).toContain('理由：经营场所位于居民楼内，不符合餐饮服务选址要求。');
    expect(r!.body).toContain('行政复议');
    const granted = caseEvent('case.closed', citizenId, { decision: 'grant' });
    await handleCaseEvent(deps, granted);
    expect((await byEvent(granted.id))[0]!.body).toBe('您的《个体工商户设立登记》申请已办结，结果：准予许可。');
  });

  it('decided then delivered electronically: the decision goes by SMS, the closing only to the portal', async () => {
    const decided = caseEvent('case.decided', citizenId, { decision: 'grant' });
    const { decision: _decision, ...common } = decided.payload as Record<string, unknown>;
    const closed = event('case.closed', { ...common, method: 'electronic' });
    expect(await handleCaseEvent(deps, decided)).toEqual({ notification: true, sms: 'sent' });
    expect(await handleCaseEvent(deps, closed)).toEqual({ notification: true });
    expect((await byEvent(decided.id))[0]!.title).toBe('审批结果：准予许可');
    expect((await byEvent(closed.id))[0]!.body).toBe('您的《个体工商户设立登记》申请已办结，结果文书可以在“我的办件”中查看。');
    expect(await messagesOf(closed.id)).toHaveLength(0);
  });

  it('a supplement request lists every missing material with its reason', async () => {
    const e = caseEvent('case.supplement_requested', companyId, {
      missing: [
        { name: '经营场所使用证明', reason: '租赁合同缺少出租方签字' },
        { name: '法定代表人身份证明', reason: '身份证复印件不清晰。' },
      ],
    });
    await handleCaseEvent(deps, e);
    const [n] = await byEvent(e.id);
    expect(n!.account_id).toBe(companyId);
    expect(n!.title).toBe('请补充材料');
    expect(n!.body).toContain('1. 经营场所使用证明：租赁合同缺少出租方签字');
    expect(n!.body).toContain('2. 法定代表人身份证明：身份证复印件不清晰');
  });

  it('skips events it cannot address, and registers on every case, 一件事 and license topic', async () => {
    expect(await handleCaseEvent(deps, event('case.accepted', { caseId: randomUUID(), number: 'X' }))).toEqual({ notification: false });
    expect(await handleCaseEvent(deps, caseEvent('case.reassigned', citizenId))).toEqual({ notification: false });
    expect(await handleCaseEvent(deps, event('bundle.results_released', { number: 'YJS-2026-000001', applicantId: citizenId }))).toEqual({ notification: false });
    const topics: string[] = [];
    registerNotifyHandlers({ on: (topic) => void topics.push(topic) }, deps);
    expect(topics.sort()).toEqual([
      'bundle.delivered',
      'bundle.results_released',
      'case.accepted',
      'case.closed',
      'case.decided',
      'case.declined',
      'case.extended',
      'case.resumed',
      'case.submitted',
      'case.supplement_requested',
      'case.suspended',
      'case.verified',
      'license.changed',
      'license.issued',
    ]);
  });
});

describe('email (when the applicant has an address)', () => {
  const withEmail = (email: EmailSender, sms: SmsSender = createDevOutboxSmsSimulator()): NotifyDeps => ({
    db: t.db,
    sms,
    email,
    publicUrl: 'https://zwfw.example.gov.cn',
    findContact: async (_db: Db, id: string) => ({ id, displayName: '李明', phone: '13952600315', email: 'liming@example.com' }),
  });

  it('goes out over SMTP once per event, with the full text and a link', async () => {
    const sent: Array<{ from: string; to: string; subject: string; text: string }> = [];
    const smtp = createSmtpEmailSender({ from: '通办 <noreply@zwfw.example.gov.cn>', transport: { sendMail: async (m) => void sent.push(m) } });
    const e = caseEvent('case.declined', citizenId, { reason: '申请表未签字，请签字后重新提交' });
    expect(await handleCaseEvent(withEmail(smtp), e)).toEqual({ notification: true, sms: 'sent', email: 'sent' });
    await handleCaseEvent(withEmail(smtp), e);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ from: '通办 <noreply@zwfw.example.gov.cn>', to: 'liming@example.com' });
    expect(sent[0]!.subject).toContain('申请未被受理');
    expect(sent[0]!.text).toContain('申请表未签字');
    expect(sent[0]!.text).toContain(`https://zwfw.example.gov.cn/my/cases/${(e.payload as { caseId: string }).caseId}`);
    const msgs = await messagesOf(e.id);
    expect(msgs.map((m) => [m.channel, m.provider, m.status])).toEqual([
      ['email', 'smtp', 'sent'],
      ['sms', 'dev-outbox', 'sent'],
    ]);
  });

  it('a failed send is recorded and retried on the next run; the SMS is not sent twice', async () => {
    let smsSends = 0;
    const sms: SmsSender = { provider: 'test-sms', simulated: false, send: async () => void smsSends++ };
    const broken: EmailSender = { provider: 'smtp', simulated: false, send: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25')) };
    const e = caseEvent('case.accepted', citizenId, { dueDate: '2026-12-01' });
    await expect(handleCaseEvent(withEmail(broken, sms), e)).rejects.toThrow(/ECONNREFUSED/);
    let email = (await messagesOf(e.id)).find((m) => m.channel === 'email')!;
    expect(email).toMatchObject({ status: 'failed', error: 'connect ECONNREFUSED 127.0.0.1:25', attempts: 1 });

    expect(await handleCaseEvent(withEmail(createDevOutboxEmailSimulator(), sms), e)).toEqual({ notification: false, sms: 'already-sent', email: 'sent' });
    email = (await messagesOf(e.id)).find((m) => m.channel === 'email')!;
    expect(email).toMatchObject({ status: 'sent', error: null, attempts: 2 });
    expect(smsSends).toBe(1);
    expect(await byEvent(e.id)).toHaveLength(1);
  });
});

describe('GET /api/v1/me/notifications and marking read', () => {
  it('needs a session', async () => {
    expect((await api.inject({ method: 'GET', url: '/api/v1/me/notifications' })).statusCode).toBe(401);
    expect((await api.inject({ method: 'POST', url: `/api/v1/me/notifications/${randomUUID()}/read` })).statusCode).toBe(401);
    expect((await api.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all' })).statusCode).toBe(401);
  });

  it('each applicant sees only their own; read, unread and read-all work', async () => {
    const mine = caseEvent('case.submitted', companyId);
    const theirs = caseEvent('case.submitted', citizenId);
    await handleCaseEvent(deps, mine);
    await handleCaseEvent(deps, theirs);

    const list = (await inbox(company)).json();
    expect(list.notifications.every((n: { id: string }) => typeof n.id === 'string')).toBe(true);
    const own = (await ndb.selectFrom('notification').select('id').where('account_id', '=', companyId).execute()).map((r) => r.id).sort();
    expect(list.notifications.map((n: { id: string }) => n.id).sort()).toEqual(own);
    const myNote = list.notifications.find((n: { title: string; body: string }) => n.body.includes((mine.payload as { number: string }).number));
    expect(myNote).toMatchObject({ title: '申请已提交', readAt: null, link: `/my/cases/${(mine.payload as { caseId: string }).caseId}` });
    expect(list.unread).toBe(own.length);

    // Someone else's notification is "not found", not "forbidden".
    const [theirNote] = await byEvent(theirs.id);
    const foreign = await markRead(company, theirNote!.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await markRead(company, randomUUID())).statusCode).toBe(404);
    expect((await markRead(company, 'not-a-uuid')).statusCode).toBe(400);
    expect((await byEvent(theirs.id))[0]!.read_at).toBeNull();

    expect((await markRead(company, myNote.id)).statusCode).toBe(204);
    expect((await markRead(company, myNote.id)).statusCode).toBe(204); // again: no change
    const after = (await inbox(company)).json();
    expect(after.unread).toBe(own.length - 1);
    expect(after.notifications.find((n: { id: string }) => n.id === myNote.id).readAt).toMatch(/^\d{4}-/);
    const unreadOnly = (await inbox(company, '?unread=true')).json();
    expect(unreadOnly.notifications.map((n: { id: string }) => n.id)).not.toContain(myNote.id);
    expect(unreadOnly.total).toBe(own.length - 1);
    const readOnly = (await inbox(company, '?unread=false')).json();
    expect(readOnly.notifications.map((n: { id: string }) => n.id)).toEqual([myNote.id]);

    const all = await api.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all', headers: company.headers });
    expect(all.statusCode).toBe(200);
    expect(all.json().updated).toBe(own.length - 1);
    expect((await inbox(company)).json().unread).toBe(0);
    // The citizen's notifications were left alone.
    expect((await inbox(citizen)).json().unread).toBeGreaterThan(0);
  });

  it('a write without the CSRF header is refused', async () => {
    const res = await api.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all', headers: { cookie: citizen.cookie } });
    expect(res.statusCode).toBe(403);
  });
});

describe('GET /api/v1/admin/dev-outbox', () => {
  it('is for the platform administrator only', async () => {
    expect((await api.inject({ method: 'GET', url: '/api/v1/admin/dev-outbox' })).statusCode).toBe(401);
    for (const s of [citizen, clerk]) {
      const res = await api.inject({ method: 'GET', url: '/api/v1/admin/dev-outbox', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await api.inject({ method: 'GET', url: '/api/v1/admin/dev-outbox?channel=fax', headers: { cookie: admin.cookie } })).statusCode).toBe(400);
  });

  it('shows what would have been sent, recipients masked', async () => {
    const e = caseEvent('case.accepted', citizenId, { dueDate: '2026-12-01' });
    await handleCaseEvent(deps, e);
    const res = await api.inject({ method: 'GET', url: '/api/v1/admin/dev-outbox?channel=sms', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const { messages } = res.json();
    expect(messages.every((m: { channel: string }) => m.channel === 'sms')).toBe(true);
    const m = messages.find((x: { eventId: string }) => x.eventId === e.id);
    expect(m).toMatchObject({ channel: 'sms', recipient: '139****0315', provider: 'dev-outbox', status: 'sent', subject: null });
    expect(m.body).toContain((e.payload as { number: string }).number);
    expect(res.body).not.toContain('13952600315');
    const emails = (await api.inject({ method: 'GET', url: '/api/v1/admin/dev-outbox?channel=email', headers: { cookie: admin.cookie } })).json().messages;
    expect(emails.length).toBeGreaterThan(0);
    for (const x of emails) expect(x.recipient).toBe('l***@example.com');
  });
});

describe('end to end: a real case, the events it wrote, the handler', () => {
  it('submit and accept reach the applicant’s inbox and SMS', async () => {
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/public/items/${SLICE_ITEM_IMPL_CODE}` })).json();
    const materials = [];
    for (const m of item.materials.filter((m: { necessity: string }) => m.necessity === 'required')) materials.push({ code: m.code, fileId: (await uploadPdf(t.app, citizen)).id });
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...citizen.headers, 'idempotency-key': randomUUID() },
      payload: { implCode: SLICE_ITEM_IMPL_CODE, form: fillForm(item.form), materials },
    });
    expect(submitted.statusCode).toBe(201);
    const c = submitted.json();
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, headers: clerk.headers, payload: { action: 'accept', version: c.version } });
    expect(accepted.statusCode).toBe(200);
    const dueDate: string = accepted.json().dueDate;

    const rows = await t.db.selectFrom('outbox_event').selectAll().where(sql<string>`payload->>'caseId'`, '=', c.id).orderBy('created_at').execute();
    const events: DomainEvent[] = rows.map((r) => ({ id: r.id, topic: r.topic, payload: r.payload, createdAt: r.created_at.toISOString() }));
    expect(events.map((e) => e.topic)).toEqual(['case.submitted', 'case.accepted']);
    for (const e of [...events, ...events]) await handleCaseEvent(deps, e); // delivered twice

    const actor = await actorForUsername(t.db, 'citizen');
    const { notifications } = await listNotifications(t.db, actor, { page: 1, pageSize: 100 });
    const forCase = notifications.filter((n) => n.caseId === c.id);
    expect(forCase.map((n) => n.kind)).toEqual(['case.accepted', 'case.submitted']);
    const [y, mo, d] = dueDate.split('-').map(Number);
    expect(forCase[0]!.body).toBe(`您的《${c.itemName}》申请已受理，办理期限至 ${y}年${mo}月${d}日。`);
    expect(forCase[1]!.body).toContain(c.number);

    const outbox = (await api.inject({ method: 'GET', url: '/api/v1/admin/dev-outbox?channel=sms&limit=500', headers: { cookie: admin.cookie } })).json().messages;
    const texts = outbox.filter((m: { eventId: string }) => events.some((e) => e.id === m.eventId));
    expect(texts).toHaveLength(2);
    for (const m of texts) expect(m).toMatchObject({ recipient: '139****0315', provider: 'dev-outbox' });
    expect(texts.every((m: { body: string }) => m.body.includes(c.number))).toBe(true);

    const res = await inbox(citizen, '?unread=true&pageSize=100');
    expect(res.json().notifications.filter((n: { caseId: string }) => n.caseId === c.id)).toHaveLength(2);
  });
});
