/**
 * Agents (经办人) acting for an entity (issue 8; seed 000 §(七) 17). An entity's own account authorises a person
 * — someone with their own registered, real-name account — for a scope (apply: 办事, cases: 查件, licenses: 用证)
 * and a period, and may revoke it. The person then switches their session to act for the entity: requests are the
 * entity's, with the person recorded as its agent, and their permissions are only those the scopes open
 * (AGENT_SCOPE_PERMISSIONS), checked on every request by the route guard like any permission. When the
 * authorisation is revoked or its period ends, the session acts as the person again (the session cache hears of
 * a change through the same NOTIFY as account changes).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AGENT_SCOPE_PERMISSIONS, type Permission } from '../../platform/auth/permissions.ts';
import { normalizeResidentId } from '../../platform/codes/index.ts';
import { maskResidentId } from '../../platform/codes/index.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { IdentityErrors } from './errors.ts';
import type { AgentScope } from './tables.ts';

export const AGENT_SCOPES: readonly AgentScope[] = ['apply', 'cases', 'licenses'];
/** The longest authorisation an entity gives in one go; renewing is a new authorisation. */
export const MAX_AGENT_YEARS = 3;

export type AgentGrant = {
  id: string;
  entity: { id: string; name: string; creditCode: string | null };
  agent: { id: string; name: string; idNumberMasked: string | null };
  scopes: AgentScope[];
  validFrom: string;
  validUntil: string;
  status: 'active' | 'revoked' | 'expired' | 'pending';
  grantedAt: string;
  revokedAt: string | null;
};

/** Narrow a person's session to the entity it acts for, when an authorisation in force allows it. */
export async function actingAgent(db: Db, person: Actor, entityId: string): Promise<Actor | undefined> {
  const today = todayInShanghai();
  const g = await db
    .selectFrom('entity_agent as g')
    .innerJoin('account as e', 'e.id', 'g.entity_account_id')
    .select(['g.scopes', 'e.id', 'e.username', 'e.display_name', 'e.region_code', 'e.real_name_level'])
    .where('g.entity_account_id', '=', entityId)
    .where('g.agent_account_id', '=', person.id)
    .where('g.status', '=', 'active')
    .where('g.valid_from', '<=', today)
    .where('g.valid_until', '>=', today)
    .where('e.status', '=', 'active')
    .where('e.subject_type', '=', 'entity')
    .executeTakeFirst();
  if (!g) return undefined;
  const permissions = new Set<Permission>(g.scopes.flatMap((s) => AGENT_SCOPE_PERMISSIONS[s] ?? []));
  return {
    ...person,
    id: g.id,
    username: g.username,
    displayName: g.display_name,
    subjectType: 'entity',
    roles: ['applicant'],
    permissions,
    orgId: null,
    regionCode: g.region_code,
    realNameLevel: g.real_name_level,
    agent: { id: person.id, name: person.displayName, scopes: g.scopes },
  };
}

type Row = {
  id: string;
  scopes: AgentScope[];
  valid_from: string;
  valid_until: string;
  status: 'active' | 'revoked';
  granted_at: Date;
  revoked_at: Date | null;
  entity_id: string;
  entity_name: string;
  credit_code: string | null;
  agent_id: string;
  agent_name: string;
  agent_resident_id: string | null;
};

function grantOf(r: Row, today: string): AgentGrant {
  const status = r.status === 'revoked' ? 'revoked' : r.valid_until < today ? 'expired' : r.valid_from > today ? 'pending' : 'active';
  return {
    id: r.id,
    entity: { id: r.entity_id, name: r.entity_name, creditCode: r.credit_code },
    agent: { id: r.agent_id, name: r.agent_name, idNumberMasked: r.agent_resident_id ? maskResidentId(r.agent_resident_id) : null },
    scopes: r.scopes,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status,
    grantedAt: r.granted_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

function grants(db: Db) {
  return db
    .selectFrom('entity_agent as g')
    .innerJoin('account as e', 'e.id', 'g.entity_account_id')
    .innerJoin('account as p', 'p.id', 'g.agent_account_id')
    .select(['g.id', 'g.scopes', 'g.valid_from', 'g.valid_until', 'g.status', 'g.granted_at', 'g.revoked_at', 'e.id as entity_id', 'e.display_name as entity_name', 'e.credit_code', 'p.id as agent_id', 'p.display_name as agent_name', 'p.resident_id as agent_resident_id'])
    .orderBy('g.granted_at', 'desc');
}

/** The entity's own account (not an agent acting for it): only it manages its agents. */
function entityOwner(actor: Actor): string {
  if (actor.subjectType !== 'entity' || actor.agent) throw HttpErrors.FORBIDDEN();
  return actor.id;
}

export async function listAgents(db: Db, actor: Actor): Promise<AgentGrant[]> {
  const today = todayInShanghai();
  return (await grants(db).where('g.entity_account_id', '=', entityOwner(actor)).execute()).map((r) => grantOf(r, today));
}

export type AgentInput = { residentId: string; name: string; scopes: AgentScope[]; validFrom: string; validUntil: string };

export async function authoriseAgent(db: Db, actor: Actor, input: AgentInput, ip: string): Promise<AgentGrant> {
  const entityId = entityOwner(actor);
  const bad = (reason: string) => IdentityErrors.AGENT_INVALID({ reason });
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || scopes.some((s) => !AGENT_SCOPES.includes(s))) throw bad('请选择授权范围：办事、查件或用证');
  const today = todayInShanghai();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validFrom) || !/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil)) throw bad('授权期限的日期格式应为 年-月-日');
  if (input.validUntil < input.validFrom) throw bad('授权结束日期不能早于开始日期');
  if (input.validUntil < today) throw bad('授权结束日期已经过去');
  const limit = `${Number(input.validFrom.slice(0, 4)) + MAX_AGENT_YEARS}${input.validFrom.slice(4)}`;
  if (input.validUntil > limit) throw bad(`一次授权最长 ${MAX_AGENT_YEARS} 年，到期后可以重新授权`);
  // The agent is a person with their own account, identified by ID number and name together.
  const person = await db
    .selectFrom('account')
    .select(['id', 'person_name', 'display_name'])
    .where('resident_id', '=', normalizeResidentId(input.residentId))
    .where('subject_type', '=', 'person')
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!person || (person.person_name ?? person.display_name) !== input.name.trim()) throw IdentityErrors.AGENT_PERSON_NOT_FOUND();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    // One authorisation in force per person: a new one replaces the old.
    await trx.updateTable('entity_agent').set({ status: 'revoked', revoked_at: sql`now()`, revoked_by: entityId }).where('entity_account_id', '=', entityId).where('agent_account_id', '=', person.id).where('status', '=', 'active').execute();
    await trx.insertInto('entity_agent').values({ id, entity_account_id: entityId, agent_account_id: person.id, scopes, valid_from: input.validFrom, valid_until: input.validUntil, granted_by: entityId }).execute();
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'entity.agent.authorise', entityType: 'entity_agent', entityId: id, after: { agent: person.id, scopes, validFrom: input.validFrom, validUntil: input.validUntil }, ip });
  });
  return grantOf((await grants(db).where('g.id', '=', id).executeTakeFirstOrThrow()) as Row, today);
}

export async function revokeAgent(db: Db, actor: Actor, grantId: string, ip: string): Promise<AgentGrant> {
  const entityId = entityOwner(actor);
  const done = await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('entity_agent').set({ status: 'revoked', revoked_at: sql`now()`, revoked_by: entityId }).where('id', '=', grantId).where('entity_account_id', '=', entityId).where('status', '=', 'active').returning('id').executeTakeFirst();
    if (r) await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'entity.agent.revoke', entityType: 'entity_agent', entityId: grantId, ip });
    return r;
  });
  const row = await grants(db).where('g.id', '=', grantId).where('g.entity_account_id', '=', entityId).executeTakeFirst();
  if (!row) throw IdentityErrors.AGENT_NOT_FOUND();
  if (!done && row.status !== 'revoked') throw IdentityErrors.AGENT_NOT_FOUND();
  return grantOf(row, todayInShanghai());
}

/** The entities a person may act for today (for the switch in the portal). */
export async function entitiesOf(db: Db, actor: Actor): Promise<AgentGrant[]> {
  const personId = actor.agent?.id ?? actor.id;
  if (!actor.agent && actor.subjectType !== 'person') return [];
  const today = todayInShanghai();
  const rows = await grants(db).where('g.agent_account_id', '=', personId).where('g.status', '=', 'active').where('g.valid_from', '<=', today).where('g.valid_until', '>=', today).execute();
  return rows.map((r) => grantOf(r, today));
}

/**
 * Switch the session to act for `entityId` (null: as oneself again). Refused unless an authorisation in force allows
 * it; the session's CSRF token and cookie stay the same.
 */
export async function actFor(db: Db, actor: Actor, entityId: string | null, ip: string): Promise<void> {
  const personId = actor.agent?.id ?? actor.id;
  if (!actor.agent && actor.subjectType !== 'person') throw HttpErrors.FORBIDDEN();
  if (entityId !== null) {
    const allowed = (await entitiesOf(db, actor)).some((g) => g.entity.id === entityId);
    if (!allowed) throw IdentityErrors.AGENT_NOT_AUTHORISED();
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('session').set({ acting_for: entityId }).where('id', '=', actor.sessionId).where('account_id', '=', personId).execute();
    await writeAuditInTrx(trx, { actor: { id: personId, name: actor.agent?.name ?? actor.displayName }, action: entityId ? 'auth.act_for' : 'auth.act_as_self', entityType: 'account', entityId: entityId ?? personId, ip });
  });
}
