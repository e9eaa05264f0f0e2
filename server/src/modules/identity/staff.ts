/**
 * Staff (issue 8): administrators create staff accounts in the organisation tree (city → district → town →
 * community), set their roles, disable them; give a member of staff a post in a second organisation, or delegate
 * someone's roles to them for a period (委托, while that person is away). A session works in one organisation at a
 * time: the account's own, or a post it holds (`switchPost`); data scope then follows that organisation, in every
 * query, because the actor's organisation and region are what the queries read.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { permissionsOf, ROLES, type Role } from '../../platform/auth/permissions.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { IdentityErrors } from './errors.ts';
import { endProviderSessions } from './oidc/adapter.ts';
import { hashPassword, isAcceptablePassword } from './password.ts';
import { isMainlandMobile } from './service.ts';

/** Roles a member of staff may hold (the applicant role is for applicants). */
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'applicant'> => r !== 'applicant');

export type Post = { id: string | null; orgId: string; orgName: string; roles: string[]; kind: 'own' | 'post' | 'delegation'; delegatedByName: string | null; validFrom: string | null; validUntil: string | null; current: boolean };

const livePost = (db: Db, today: string) =>
  db
    .selectFrom('staff_post as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .leftJoin('account as d', 'd.id', 'p.delegated_by')
    .select(['p.id', 'p.account_id', 'p.org_id', 'p.roles', 'p.kind', 'p.valid_from', 'p.valid_until', 'o.name as org_name', 'o.region_code', 'd.display_name as delegated_by_name'])
    .where('p.revoked_at', 'is', null)
    .where('p.valid_from', '<=', today)
    .where((eb) => eb.or([eb('p.valid_until', 'is', null), eb('p.valid_until', '>=', today)]));

/** The staff actor working in post `postId`, while it is in force; undefined: the account's own organisation. */
export async function inPost(db: Db, staff: Actor, postId: string): Promise<Actor | undefined> {
  if (staff.subjectType !== 'staff') return undefined;
  const p = await livePost(db, todayInShanghai()).where('p.id', '=', postId).where('p.account_id', '=', staff.id).executeTakeFirst();
  if (!p) return undefined;
  const roles = p.roles.filter((r): r is Role => (STAFF_ROLES as readonly string[]).includes(r));
  return { ...staff, orgId: p.org_id, regionCode: p.region_code, roles, permissions: permissionsOf(roles), post: { id: p.id, kind: p.kind, orgName: p.org_name } };
}

/** Where a member of staff may work: their own organisation, then the posts in force. */
export async function postsOf(db: Db, actor: Actor): Promise<Post[]> {
  if (actor.subjectType !== 'staff') return [];
  const own = await db
    .selectFrom('account as a')
    .innerJoin('org as o', 'o.id', 'a.org_id')
    .select(['o.id', 'o.name', sql<string[]>`coalesce((select array_agg(r.role order by r.role) from account_role r where r.account_id = a.id), '{}')`.as('roles')])
    .where('a.id', '=', actor.id)
    .executeTakeFirst();
  const posts = await livePost(db, todayInShanghai()).where('p.account_id', '=', actor.id).orderBy('p.created_at').execute();
  return [
    ...(own ? [{ id: null, orgId: own.id, orgName: own.name, roles: own.roles, kind: 'own' as const, delegatedByName: null, validFrom: null, validUntil: null, current: !actor.post }] : []),
    ...posts.map((p) => ({ id: p.id, orgId: p.org_id, orgName: p.org_name, roles: p.roles, kind: p.kind, delegatedByName: p.delegated_by_name, validFrom: p.valid_from, validUntil: p.valid_until, current: actor.post?.id === p.id })),
  ];
}

/** Work in post `postId` for the rest of the session (null: the account's own organisation). */
export async function switchPost(db: Db, actor: Actor, postId: string | null, ip: string): Promise<void> {
  if (actor.subjectType !== 'staff') throw HttpErrors.FORBIDDEN();
  if (postId !== null && !(await postsOf(db, actor)).some((p) => p.id === postId)) throw IdentityErrors.POST_NOT_FOUND();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('session').set({ post_id: postId }).where('id', '=', actor.sessionId).execute();
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'auth.switch_post', entityType: 'staff_post', entityId: postId ?? actor.id, ip });
  });
}

function checkRoles(roles: readonly string[]): Role[] {
  const bad = roles.find((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (bad !== undefined || roles.length === 0) throw IdentityErrors.STAFF_INVALID({ reason: bad ? `没有“${bad}”这个岗位角色` : '至少选择一个角色' });
  return [...new Set(roles)] as Role[];
}

async function orgExists(db: Db, orgId: string): Promise<void> {
  if (!(await db.selectFrom('org').select('id').where('id', '=', orgId).executeTakeFirst())) throw IdentityErrors.STAFF_INVALID({ reason: '所选机构不存在' });
}

export type StaffInput = { username: string; displayName: string; orgId: string; roles: string[]; phone?: string; password: string };

/** A new staff account (the first password is the administrator's to hand over; the person changes it). */
export async function createStaff(db: Db, admin: Actor, input: StaffInput, ip: string): Promise<string> {
  const username = input.username.trim();
  if (!/^[a-z][a-z0-9_]{2,31}$/.test(username)) throw IdentityErrors.STAFF_INVALID({ reason: '用户名用 3–32 位小写字母、数字或下划线，以字母开头' });
  if (!input.displayName.trim()) throw IdentityErrors.STAFF_INVALID({ reason: '请填写姓名' });
  if (input.phone && !isMainlandMobile(input.phone)) throw IdentityErrors.WALK_IN_PHONE_INVALID();
  if (!isAcceptablePassword(input.password)) throw IdentityErrors.WEAK_PASSWORD();
  const roles = checkRoles(input.roles);
  await orgExists(db, input.orgId);
  const org = await db.selectFrom('org').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow();
  if (await db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirst()) throw IdentityErrors.USERNAME_TAKEN({ username });
  const id = newId();
  const hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('account').values({ id, username, password_hash: hash, display_name: input.displayName.trim(), subject_type: 'staff', org_id: input.orgId, region_code: org.region_code, person_name: input.displayName.trim(), resident_id: null, phone: input.phone ?? null, address: null, entity_name: null, credit_code: null, real_name_level: 'L3' }).execute();
    await trx.insertInto('account_role').values(roles.map((role) => ({ account_id: id, role }))).execute();
    await writeAuditInTrx(trx, { actor: { id: admin.id, name: admin.displayName }, action: 'staff.create', entityType: 'account', entityId: id, after: { username, orgId: input.orgId, roles }, ip });
  });
  return id;
}

async function staffAccount(db: Db, id: string) {
  const a = await db.selectFrom('account').select(['id', 'display_name', 'org_id', 'status']).where('id', '=', id).where('subject_type', '=', 'staff').executeTakeFirst();
  if (!a) throw IdentityErrors.STAFF_NOT_FOUND();
  return a;
}

/** Change a member of staff's organisation, roles or status (disabled: every session ends at once). */
export async function updateStaff(db: Db, admin: Actor, id: string, input: { orgId?: string; roles?: string[]; status?: 'active' | 'disabled' }, ip: string): Promise<void> {
  await staffAccount(db, id);
  if (id === admin.id && input.status === 'disabled') throw IdentityErrors.STAFF_INVALID({ reason: '不能停用自己的账号' });
  const roles = input.roles ? checkRoles(input.roles) : undefined;
  if (input.orgId) await orgExists(db, input.orgId);
  await db.transaction().execute(async (trx) => {
    if (input.orgId) {
      const org = await trx.selectFrom('org').select('region_code').where('id', '=', input.orgId).executeTakeFirstOrThrow();
      await trx.updateTable('account').set({ org_id: input.orgId, region_code: org.region_code }).where('id', '=', id).execute();
    }
    if (input.status) await trx.updateTable('account').set({ status: input.status }).where('id', '=', id).execute();
    if (input.status === 'disabled') {
      await trx.deleteFrom('session').where('account_id', '=', id).execute();
      await endProviderSessions(trx, id);
    }
    if (roles) {
      await trx.deleteFrom('account_role').where('account_id', '=', id).execute();
      await trx.insertInto('account_role').values(roles.map((role) => ({ account_id: id, role }))).execute();
    }
    await writeAuditInTrx(trx, { actor: { id: admin.id, name: admin.displayName }, action: 'staff.update', entityType: 'account', entityId: id, after: input, ip });
  });
}

export type PostInput = { orgId: string; roles: string[]; kind: 'post' | 'delegation'; delegatedBy?: string; reason?: string; validFrom: string; validUntil?: string };

/**
 * A post in another organisation, or a delegation of someone's roles in their organisation for a period. A
 * delegate gets no more than the delegator holds, and the delegation must end.
 */
export async function addPost(db: Db, admin: Actor, accountId: string, input: PostInput, ip: string): Promise<string> {
  await staffAccount(db, accountId);
  const bad = (reason: string) => IdentityErrors.STAFF_INVALID({ reason });
  let roles = checkRoles(input.roles);
  let orgId = input.orgId;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validFrom) || (input.validUntil && !/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil))) throw bad('日期格式应为 年-月-日');
  if (input.validUntil && input.validUntil < input.validFrom) throw bad('结束日期不能早于开始日期');
  if (input.kind === 'delegation') {
    if (!input.delegatedBy || !input.validUntil) throw bad('委托要写明委托人和结束日期');
    if (input.delegatedBy === accountId) throw bad('不能委托给自己');
    const from = await staffAccount(db, input.delegatedBy);
    const held = (await db.selectFrom('account_role').select('role').where('account_id', '=', from.id).execute()).map((r) => r.role);
    const extra = roles.find((r) => !held.includes(r));
    if (extra) throw bad(`委托人没有“${extra}”这个角色，不能委托`);
    orgId = from.org_id!;
    roles = roles.filter((r) => held.includes(r));
  } else {
    await orgExists(db, orgId);
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('staff_post').values({ id, account_id: accountId, org_id: orgId, roles, kind: input.kind, delegated_by: input.kind === 'delegation' ? input.delegatedBy! : null, reason: input.reason?.trim() ?? '', valid_from: input.validFrom, valid_until: input.validUntil ?? null, granted_by: admin.id }).execute();
    await writeAuditInTrx(trx, { actor: { id: admin.id, name: admin.displayName }, action: input.kind === 'delegation' ? 'staff.delegate' : 'staff.post', entityType: 'staff_post', entityId: id, after: { accountId, orgId, roles, validFrom: input.validFrom, validUntil: input.validUntil ?? null }, ip });
  });
  return id;
}

export async function revokePost(db: Db, admin: Actor, accountId: string, postId: string, ip: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('staff_post').set({ revoked_at: sql`now()` }).where('id', '=', postId).where('account_id', '=', accountId).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
    if (!r) throw IdentityErrors.POST_NOT_FOUND();
    await trx.updateTable('session').set({ post_id: null }).where('post_id', '=', postId).execute();
    await writeAuditInTrx(trx, { actor: { id: admin.id, name: admin.displayName }, action: 'staff.post_revoke', entityType: 'staff_post', entityId: postId, ip });
  });
}

/** A member of staff with every post and delegation (in force or not), for the administrator. */
export async function staffDetail(db: Db, id: string) {
  await staffAccount(db, id);
  const posts = await db
    .selectFrom('staff_post as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .leftJoin('account as d', 'd.id', 'p.delegated_by')
    .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.roles', 'p.kind', 'd.display_name as delegated_by_name', 'p.reason', 'p.valid_from', 'p.valid_until', 'p.revoked_at'])
    .where('p.account_id', '=', id)
    .orderBy('p.created_at', 'desc')
    .execute();
  const today = todayInShanghai();
  return posts.map((p) => ({
    id: p.id,
    orgId: p.org_id,
    orgName: p.org_name,
    roles: p.roles,
    kind: p.kind,
    delegatedByName: p.delegated_by_name,
    reason: p.reason,
    validFrom: p.valid_from,
    validUntil: p.valid_until,
    status: p.revoked_at ? ('revoked' as const) : p.valid_from > today ? ('pending' as const) : p.valid_until && p.valid_until < today ? ('expired' as const) : ('active' as const),
  }));
}
