/**
 * Requests for shared resources and the grants they lead to, after seed 000 §(十) 22 (“统一受理、平台授权”):
 * - the platform reviews every request for form within 3 working days and accepts it or refuses with a reason;
 * - data the platform may hand out itself (无条件共享, no controlled parameter) it provides within 3 working days of
 *   acceptance — the grant is created on provision;
 * - conditional data, and open data asked for with a controlled parameter (here: sensitive items unmasked), go to
 *   the providing department, which approves or refuses within 10 working days.
 * Deadlines are working days on the platform calendar with the lights cases show (platform/calendar/sla.ts); the
 * escalation job marks overdue stages and tells the platform (outbox event `sharing.request.overdue`).
 */
import { sql, type Selectable } from 'kysely';
import { isSpecificText } from '../../platform/text/specific.ts';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { emitInTrx } from '../../platform/jobs/outbox.ts';
import { addNotification } from '../notify/index.ts';
import { newId } from '../../platform/ids.ts';
import { addCalendarDays, deadline, slaLight, todayInShanghai, type CalendarData, type SlaLight } from '../../platform/calendar/index.ts';
import type { ExchangeTables, GrantStatus } from './tables.exchange.ts';
import { ExchangeErrors } from './errors.exchange.ts';
import { apiKeyHash, forgetSharingKeysLocally, newApiKey, PREFIX_CHARS } from './api-keys.ts';

/** seed 000 §(十) 22: 规范性审查 3 个工作日；平台直接提供 受理后 3 个工作日；部门审批 受理后 10 个工作日. */
export const SHARING_LIMITS_WORKING_DAYS = { review: 3, provision: 3, provider: 10 } as const;

/** A grant's defaults: a year, a modest rate, one record per call (no bulk reads). */
export const GRANT_DEFAULTS = { validDays: 365, ratePerMinute: 600, dailyQuota: 10_000, maxKeysPerCall: 1 } as const;

/** Phrases that say nothing a department can act on; a reason made only of these is refused. */
const GENERIC_PHRASES = ['不符合条件', '不符合要求', '条件不符', '不同意', '不予同意', '不予共享', '不予受理', '理由不充分', '其他原因', '不需要', '无'];

/** Is the text specific enough (a reason, a purpose)? The platform's one test (platform/text/specific.ts) with these phrases. */
const isSpecific = (text: string | undefined): boolean => isSpecificText(text, GENERIC_PHRASES);

type RequestRow = Selectable<ExchangeTables['share_request']>;
type GrantRow = Selectable<ExchangeTables['data_grant']>;

export const STAGE_LABELS = { review: '平台审核', provision: '平台提供', provider: '部门审批', done: '已办结' } as const;

export type RequestView = {
  id: string;
  resource: { code: string; name: string; shareMode: string; providerOrgId: string; providerName: string };
  org: { id: string; name: string };
  requestedBy: string;
  purpose: string;
  fields: string[];
  unmaskedFields: string[];
  unmaskReason: string;
  status: RequestRow['status'];
  stage: RequestRow['stage'];
  stageLabel: string;
  submittedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  dueDate: string | null;
  light: SlaLight | null;
  /** Past its due date, or marked by the escalation job (已超期). */
  overdue: boolean;
  escalatedAt: string | null;
  refusedBy: RequestRow['refused_by'];
  refuseReason: string | null;
  approvedUnmasked: string[];
  grantId: string | null;
};

function requestQuery(db: Db | Trx) {
  return db
    .selectFrom('share_request as r')
    .innerJoin('data_resource as d', 'd.code', 'r.resource_code')
    .innerJoin('org as p', 'p.id', 'd.provider_org_id')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['d.name as resource_name', 'd.share_mode', 'd.provider_org_id', 'p.name as provider_name', 'o.name as org_name']);
}
type RequestJoined = RequestRow & { resource_name: string; share_mode: string; provider_org_id: string; provider_name: string; org_name: string };

function requestView(r: RequestJoined, today: string): RequestView {
  const open = r.stage !== 'done';
  return {
    id: r.id,
    resource: { code: r.resource_code, name: r.resource_name, shareMode: r.share_mode, providerOrgId: r.provider_org_id, providerName: r.provider_name },
    org: { id: r.org_id, name: r.org_name },
    requestedBy: r.requested_by_name,
    purpose: r.purpose,
    fields: r.fields,
    unmaskedFields: r.unmasked_fields,
    unmaskReason: r.unmask_reason,
    status: r.status,
    stage: r.stage,
    stageLabel: STAGE_LABELS[r.stage],
    submittedOn: r.submitted_on,
    acceptedOn: r.accepted_on,
    decidedOn: r.decided_on,
    dueDate: open ? r.due_date : null,
    light: slaLight(open, today, { dueDate: r.due_date, warnDate: r.warn_date }),
    overdue: open && (r.escalated_at !== null || (r.due_date !== null && today > r.due_date)),
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    refusedBy: r.refused_by,
    refuseReason: r.refuse_reason,
    approvedUnmasked: r.approved_unmasked,
    grantId: r.grant_id,
  };
}

const auditActor = (a: Actor) => ({ id: a.id, name: a.displayName });
const isAdmin = (a: Actor) => a.permissions.has('sharing:admin');

export type RequestInput = { resource: string; purpose: string; fields: string[]; unmaskedFields?: string[]; unmaskReason?: string };

export async function submitRequest(db: Db, cal: CalendarData, actor: Actor, input: RequestInput, ip: string, today = todayInShanghai()): Promise<RequestView> {
  if (!actor.orgId) throw HttpErrors.FORBIDDEN();
  const res = await db.selectFrom('data_resource').selectAll().where('code', '=', input.resource).executeTakeFirst();
  if (!res) throw ExchangeErrors.RESOURCE_NOT_FOUND({ code: input.resource });
  if (res.share_mode === 'none') throw ExchangeErrors.RESOURCE_NOT_SHARED({ name: res.name, conditions: res.conditions });
  if (res.status !== 'published') throw ExchangeErrors.RESOURCE_NOT_PUBLISHED({ name: res.name });
  const fields = [...new Set(input.fields)];
  const byName = new Map(res.fields.map((f) => [f.name, f]));
  if (!fields.length) throw ExchangeErrors.FIELDS_INVALID({ reason: '至少选择一个数据项' });
  const unknown = fields.filter((f) => !byName.has(f));
  if (unknown.length) throw ExchangeErrors.FIELDS_INVALID({ reason: `“${res.name}”没有数据项 ${unknown.join('、')}` });
  const unmasked = [...new Set(input.unmaskedFields ?? [])];
  const notSensitive = unmasked.filter((f) => !fields.includes(f) || byName.get(f)!.sensitivity !== 'sensitive');
  if (notSensitive.length) throw ExchangeErrors.FIELDS_INVALID({ reason: `不脱敏只针对所申请的敏感数据项，${notSensitive.join('、')} 不是` });
  if (unmasked.length && !isSpecific(input.unmaskReason)) throw ExchangeErrors.UNMASK_REASON_REQUIRED({ fields: unmasked.join('、') });
  if (!isSpecific(input.purpose)) throw ExchangeErrors.FIELDS_INVALID({ reason: '请写明具体用途（办理哪个事项、依据什么规定）' });
  const id = newId();
  const due = deadline(today, SHARING_LIMITS_WORKING_DAYS.review, cal);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('share_request')
      .values({
        id,
        resource_code: res.code,
        org_id: actor.orgId!,
        requested_by: actor.id,
        requested_by_name: actor.displayName,
        purpose: input.purpose.trim(),
        fields,
        unmasked_fields: unmasked,
        unmask_reason: unmasked.length ? input.unmaskReason!.trim() : '',
        status: 'submitted',
        stage: 'review',
        submitted_on: today,
        accepted_on: null,
        decided_on: null,
        due_date: due.dueDate,
        warn_date: due.warnDate,
        escalated_at: null,
        refused_by: null,
        refuse_reason: null,
        approved_unmasked: [],
        grant_id: null,
      })
      .execute();
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: 'share_request.submit', entityType: 'share_request', entityId: id, after: { resource: res.code, fields, unmasked }, ip });
  });
  return getRequest(db, actor, id, today);
}

/** Whom a request is visible to: the platform, the requesting department, the providing department. */
export async function getRequest(db: Db | Trx, actor: Actor, id: string, today = todayInShanghai()): Promise<RequestView> {
  const r = await requestQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r || !(isAdmin(actor) || actor.permissions.has('sharing:review') || r.org_id === actor.orgId || r.provider_org_id === actor.orgId)) throw ExchangeErrors.REQUEST_NOT_FOUND();
  return requestView(r, today);
}

export type RequestQueue = 'mine' | 'review' | 'provider' | 'all';

/**
 * Lists: `mine` — the actor's department's requests; `review` — waiting for the platform (review or provision);
 * `provider` — waiting for the actor's department as provider; `all` — everything (the platform only).
 */
export async function listRequests(db: Db, actor: Actor, queue: RequestQueue, today = todayInShanghai()): Promise<RequestView[]> {
  let q = requestQuery(db);
  const platform = actor.permissions.has('sharing:review');
  if (queue === 'mine') q = q.where('r.org_id', '=', actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  else if (queue === 'review') {
    if (!platform) throw HttpErrors.FORBIDDEN();
    q = q.where('r.stage', 'in', ['review', 'provision']);
  } else if (queue === 'provider') {
    if (!actor.permissions.has('sharing:provide') && !platform) throw HttpErrors.FORBIDDEN();
    q = q.where('r.stage', '=', 'provider');
    if (!platform) q = q.where('d.provider_org_id', '=', actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  } else if (!platform) throw HttpErrors.FORBIDDEN();
  const rows = await q.orderBy(sql`r.due_date nulls last`).orderBy('r.created_at', 'desc').limit(500).execute();
  return rows.map((r) => requestView(r, today));
}

async function lockedRequest(trx: Trx, id: string): Promise<RequestJoined> {
  const r = await requestQuery(trx).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
  if (!r) throw ExchangeErrors.REQUEST_NOT_FOUND();
  return r;
}

function expectStage(r: RequestRow, stage: RequestRow['stage'], action: string) {
  if (r.stage !== stage) throw ExchangeErrors.REQUEST_WRONG_STAGE({ stage: STAGE_LABELS[r.stage], action });
}

export type Decision = { decision: 'accept' | 'refuse'; reason?: string };

/** The platform's review of a request (3 working days). */
export async function reviewRequest(db: Db, cal: CalendarData, actor: Actor, id: string, d: Decision, ip: string, today = todayInShanghai()): Promise<RequestView> {
  await db.transaction().execute(async (trx) => {
    const r = await lockedRequest(trx, id);
    expectStage(r, 'review', d.decision === 'accept' ? '受理' : '不予受理');
    if (d.decision === 'refuse') {
      if (!isSpecific(d.reason)) throw ExchangeErrors.REASON_REQUIRED({ action: '不予受理' });
      await trx.updateTable('share_request').set({ status: 'refused', stage: 'done', refused_by: 'platform', refuse_reason: d.reason!.trim(), decided_on: today, due_date: null, warn_date: null, updated_at: new Date() }).where('id', '=', id).execute();
    } else {
      // Conditional data, or open data with a controlled parameter (sensitive items unmasked), go to the department.
      const toProvider = r.share_mode === 'conditional' || r.unmasked_fields.length > 0;
      const due = deadline(today, toProvider ? SHARING_LIMITS_WORKING_DAYS.provider : SHARING_LIMITS_WORKING_DAYS.provision, cal);
      await trx.updateTable('share_request').set({ status: 'accepted', stage: toProvider ? 'provider' : 'provision', accepted_on: today, due_date: due.dueDate, warn_date: due.warnDate, escalated_at: null, updated_at: new Date() }).where('id', '=', id).execute();
    }
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: `share_request.${d.decision}`, entityType: 'share_request', entityId: id, after: d, ip });
  });
  return getRequest(db, actor, id, today);
}

async function createGrantInTrx(trx: Trx, r: RequestJoined, unmasked: string[], today: string): Promise<string> {
  const grantId = newId();
  await trx
    .insertInto('data_grant')
    .values({
      id: grantId,
      request_id: r.id,
      resource_code: r.resource_code,
      org_id: r.org_id,
      fields: r.fields,
      unmasked_fields: unmasked,
      purpose: r.purpose,
      valid_until: addCalendarDays(today, GRANT_DEFAULTS.validDays),
      rate_per_minute: GRANT_DEFAULTS.ratePerMinute,
      daily_quota: GRANT_DEFAULTS.dailyQuota,
      max_keys_per_call: GRANT_DEFAULTS.maxKeysPerCall,
      status: 'active',
    })
    .execute();
  await trx.updateTable('share_request').set({ status: 'granted', stage: 'done', decided_on: today, approved_unmasked: unmasked, grant_id: grantId, due_date: null, warn_date: null, updated_at: new Date() }).where('id', '=', r.id).execute();
  return grantId;
}

/** The platform provides an accepted request for open data (3 working days): the grant is created now. */
export async function provideRequest(db: Db, actor: Actor, id: string, ip: string, today = todayInShanghai()): Promise<RequestView> {
  await db.transaction().execute(async (trx) => {
    const r = await lockedRequest(trx, id);
    expectStage(r, 'provision', '提供');
    const grantId = await createGrantInTrx(trx, r, [], today);
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: 'share_request.provide', entityType: 'share_request', entityId: id, after: { grantId }, ip });
  });
  return getRequest(db, actor, id, today);
}

export type ProviderDecision = { decision: 'approve' | 'refuse'; reason?: string; unmaskedFields?: string[] };

/** The providing department approves (each unmasked item explicitly) or refuses with a reason (10 working days). */
export async function decideAsProvider(db: Db, actor: Actor, id: string, d: ProviderDecision, ip: string, today = todayInShanghai()): Promise<RequestView> {
  await db.transaction().execute(async (trx) => {
    const r = await lockedRequest(trx, id);
    if (r.provider_org_id !== actor.orgId) throw ExchangeErrors.NOT_PROVIDER({ provider: r.provider_name });
    expectStage(r, 'provider', d.decision === 'approve' ? '同意' : '不同意');
    if (d.decision === 'refuse') {
      if (!isSpecific(d.reason)) throw ExchangeErrors.REASON_REQUIRED({ action: '不同意共享' });
      await trx.updateTable('share_request').set({ status: 'refused', stage: 'done', refused_by: 'provider', refuse_reason: d.reason!.trim(), decided_on: today, due_date: null, warn_date: null, updated_at: new Date() }).where('id', '=', id).execute();
    } else {
      const unmasked = [...new Set(d.unmaskedFields ?? [])];
      const extra = unmasked.filter((f) => !r.unmasked_fields.includes(f));
      if (extra.length) throw ExchangeErrors.UNMASK_NOT_REQUESTED({ fields: extra.join('、') });
      await createGrantInTrx(trx, r, unmasked, today);
    }
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: `share_request.provider_${d.decision}`, entityType: 'share_request', entityId: id, after: d, ip });
  });
  return getRequest(db, actor, id, today);
}

/**
 * The escalation job: open stages past their due date are marked (已超期) once and reported to the platform's data
 * administrators (outbox event `sharing.request.overdue`, one per request and stage). Returns how many.
 */
export async function escalateOverdueRequests(db: Db, today = todayInShanghai()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('share_request')
      .set({ escalated_at: new Date() })
      .where('stage', '<>', 'done')
      .where('due_date', '<', today)
      .where('escalated_at', 'is', null)
      .returning(['id', 'resource_code', 'org_id', 'stage', 'due_date'])
      .execute();
    if (!rows.length) return 0;
    const admins = await trx.selectFrom('account_role').select('account_id').where('role', '=', 'data_admin').execute();
    const names = new Map((await trx.selectFrom('data_resource').select(['code', 'name']).where('code', 'in', rows.map((r) => r.resource_code)).execute()).map((d) => [d.code, d.name]));
    for (const r of rows) {
      const eventId = await emitInTrx(trx, 'sharing.request.overdue', { requestId: r.id, resource: r.resource_code, orgId: r.org_id, stage: r.stage, stageLabel: STAGE_LABELS[r.stage], dueDate: r.due_date });
      await writeAuditInTrx(trx, { actor: null, action: 'share_request.escalate', entityType: 'share_request', entityId: r.id, after: { stage: r.stage, dueDate: r.due_date, today } });
      // The notice: every data administrator of the platform, and for the provider's stage its data officers too.
      const officers = r.stage === 'provider'
        ? await trx.selectFrom('account_role').innerJoin('account', 'account.id', 'account_role.account_id').innerJoin('data_resource', 'data_resource.provider_org_id', 'account.org_id')
            .select('account.id as account_id').where('account_role.role', '=', 'data_officer').where('data_resource.code', '=', r.resource_code).execute()
        : [];
      const link = r.stage === 'provider' ? '/admin/sharing/provide' : '/admin/sharing/review';
      for (const a of [...admins, ...officers]) {
        await addNotification(trx, { eventId, accountId: a.account_id, kind: 'sharing.request.overdue', title: `共享申请已超期：${names.get(r.resource_code) ?? r.resource_code}`, body: `一份共享申请的“${STAGE_LABELS[r.stage]}”环节已超过办理期限（${r.due_date}），请尽快处理。`, link, caseId: null });
      }
    }
    return rows.length;
  });
}

// ---- grants ----

export type GrantView = {
  id: string;
  requestId: string | null;
  resource: { code: string; name: string; providerName: string };
  org: { id: string; name: string };
  fields: string[];
  unmaskedFields: string[];
  purpose: string;
  validUntil: string;
  ratePerMinute: number;
  dailyQuota: number;
  maxKeysPerCall: number;
  status: GrantStatus;
  activeKeys: number;
  createdAt: string;
};

function grantQuery(db: Db | Trx) {
  return db
    .selectFrom('data_grant as g')
    .innerJoin('data_resource as d', 'd.code', 'g.resource_code')
    .innerJoin('org as p', 'p.id', 'd.provider_org_id')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .selectAll('g')
    .select(['d.name as resource_name', 'd.provider_org_id', 'p.name as provider_name', 'o.name as org_name'])
    .select((eb) => eb.selectFrom('grant_api_key as k').whereRef('k.grant_id', '=', 'g.id').where('k.revoked_at', 'is', null).select(eb.fn.countAll<number>().as('n')).as('active_keys'));
}

function grantView(g: GrantRow & { resource_name: string; provider_name: string; org_name: string; active_keys: number | null }): GrantView {
  return {
    id: g.id,
    requestId: g.request_id,
    resource: { code: g.resource_code, name: g.resource_name, providerName: g.provider_name },
    org: { id: g.org_id, name: g.org_name },
    fields: g.fields,
    unmaskedFields: g.unmasked_fields,
    purpose: g.purpose,
    validUntil: g.valid_until,
    ratePerMinute: g.rate_per_minute,
    dailyQuota: g.daily_quota,
    maxKeysPerCall: g.max_keys_per_call,
    status: g.status,
    activeKeys: Number(g.active_keys ?? 0),
    createdAt: g.created_at.toISOString(),
  };
}

/** Grants the actor may see: all for the platform; otherwise its department's grants and grants of its resources. */
export async function listGrants(db: Db, actor: Actor): Promise<GrantView[]> {
  let q = grantQuery(db);
  if (!isAdmin(actor)) {
    const org = actor.orgId ?? '00000000-0000-0000-0000-000000000000';
    q = q.where((w) => w.or([w('g.org_id', '=', org), w('d.provider_org_id', '=', org)]));
  }
  return (await q.orderBy('g.created_at', 'desc').limit(500).execute()).map(grantView);
}

async function grantFor(db: Db | Trx, actor: Actor, id: string, own: boolean): Promise<GrantView> {
  const g = await grantQuery(db).where('g.id', '=', id).executeTakeFirst();
  const visible = g && (isAdmin(actor) || g.org_id === actor.orgId || (!own && g.provider_org_id === actor.orgId));
  if (!visible) throw ExchangeErrors.GRANT_NOT_FOUND();
  return grantView(g);
}

export const getGrant = (db: Db, actor: Actor, id: string) => grantFor(db, actor, id, false);

export type GrantPatch = { status?: GrantStatus; ratePerMinute?: number; dailyQuota?: number; maxKeysPerCall?: number; validUntil?: string };

/** The platform suspends, reinstates, revokes (final) a grant or adjusts its limits. */
export async function updateGrant(db: Db, actor: Actor, id: string, p: GrantPatch, ip: string): Promise<GrantView> {
  const before = await getGrant(db, actor, id);
  if (before.status === 'revoked') throw ExchangeErrors.GRANT_REVOKED();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('data_grant')
      .set({
        ...(p.status ? { status: p.status } : {}),
        ...(p.ratePerMinute ? { rate_per_minute: p.ratePerMinute } : {}),
        ...(p.dailyQuota ? { daily_quota: p.dailyQuota } : {}),
        ...(p.maxKeysPerCall ? { max_keys_per_call: p.maxKeysPerCall } : {}),
        ...(p.validUntil ? { valid_until: p.validUntil } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (p.status === 'revoked') await trx.updateTable('grant_api_key').set({ revoked_at: new Date() }).where('grant_id', '=', id).where('revoked_at', 'is', null).execute();
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: 'data_grant.update', entityType: 'data_grant', entityId: id, before, after: p, ip });
  });
  forgetSharingKeysLocally();
  return getGrant(db, actor, id);
}

// ---- API keys ----

export type ApiKeyView = { id: string; grantId: string; prefix: string; label: string; createdAt: string; revokedAt: string | null };

export async function listApiKeys(db: Db, actor: Actor, grantId: string): Promise<ApiKeyView[]> {
  await grantFor(db, actor, grantId, true);
  const rows = await db.selectFrom('grant_api_key').selectAll().where('grant_id', '=', grantId).orderBy('created_at', 'desc').execute();
  return rows.map((k) => ({ id: k.id, grantId: k.grant_id, prefix: k.prefix, label: k.label, createdAt: k.created_at.toISOString(), revokedAt: k.revoked_at?.toISOString() ?? null }));
}

/** A new key for one's own department's grant: the key is in this answer only. */
export async function createApiKey(db: Db, actor: Actor, grantId: string, label: string, ip: string): Promise<ApiKeyView & { key: string }> {
  const g = await grantFor(db, actor, grantId, true);
  if (g.org.id !== actor.orgId) throw ExchangeErrors.GRANT_NOT_FOUND();
  if (g.status === 'revoked') throw ExchangeErrors.GRANT_REVOKED();
  const key = newApiKey();
  const id = newId();
  const prefix = key.slice(0, PREFIX_CHARS);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('grant_api_key').values({ id, grant_id: grantId, prefix, key_hash: apiKeyHash(key), label: label.trim(), created_by: actor.id }).execute();
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: 'grant_api_key.create', entityType: 'grant_api_key', entityId: id, after: { grantId, prefix, label }, ip });
  });
  return { id, grantId, prefix, label: label.trim(), createdAt: new Date().toISOString(), revokedAt: null, key };
}

export async function revokeApiKey(db: Db, actor: Actor, keyId: string, ip: string): Promise<ApiKeyView> {
  const k = await db.selectFrom('grant_api_key').selectAll().where('id', '=', keyId).executeTakeFirst();
  if (!k) throw ExchangeErrors.KEY_NOT_FOUND();
  const g = await grantFor(db, actor, k.grant_id, true).catch(() => {
    throw ExchangeErrors.KEY_NOT_FOUND();
  });
  if (g.org.id !== actor.orgId && !isAdmin(actor)) throw ExchangeErrors.KEY_NOT_FOUND();
  const at = k.revoked_at ?? new Date();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('grant_api_key').set({ revoked_at: at }).where('id', '=', keyId).execute();
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: 'grant_api_key.revoke', entityType: 'grant_api_key', entityId: keyId, after: { grantId: k.grant_id, prefix: k.prefix }, ip });
  });
  forgetSharingKeysLocally();
  return { id: k.id, grantId: k.grant_id, prefix: k.prefix, label: k.label, createdAt: k.created_at.toISOString(), revokedAt: at.toISOString() };
}
