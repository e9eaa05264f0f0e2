import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbOrTrx, Trx } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { permissionsOf, landingFor, ROLES, type Role } from '../../platform/auth/permissions.ts';
import { validateResidentId, validateCreditCode, maskResidentId, normalizeResidentId } from '../../platform/codes/index.ts';
import { hashPassword, verifyPassword, dummyHash, isAcceptablePassword } from './password.ts';
import { IdentityErrors } from './errors.ts';
import { maskMobile } from '../../platform/http/redact.ts';
import { actingAgent } from './agents.ts';
import { inPost } from './staff.ts';
import { endProviderSessions } from './oidc/adapter.ts';

export const SESSION_TTL_HOURS = 12;
/** Failed sign-ins allowed per username (and, more generously, per IP) in the window before refusing. */
export const LOGIN_LIMITS = { windowMinutes: 15, perUsername: 5, perIp: 50 };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A mainland China mobile number: 11 digits, 1 then 3–9 (the numbering plan of the MIIT, 电信网编号计划). */
export function isMainlandMobile(p: string): boolean {
  return /^1[3-9]\d{9}$/.test(p);
}

export function maskPhone(p: string | null): string | undefined {
  return p ? maskMobile(p) : undefined;
}

export type LoginResult = { token: string; csrfToken: string; expiresAt: Date; accountId: string };

/** Refuse when `username` (or the IP) has failed too often lately: the same limits for every way of signing in. */
export async function checkLoginThrottle(db: Db, username: string, ip: string): Promise<void> {
  const since = sql<Date>`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
  const [byUser, byIp] = await Promise.all([
    db.selectFrom('login_failure').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', username).where('at', '>', since).executeTakeFirstOrThrow(),
    db.selectFrom('login_failure').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', ip).where('at', '>', since).executeTakeFirstOrThrow(),
  ]);
  if (byUser.n >= LOGIN_LIMITS.perUsername || byIp.n >= LOGIN_LIMITS.perIp) {
    throw IdentityErrors.LOGIN_THROTTLED({ minutes: LOGIN_LIMITS.windowMinutes });
  }
}

/** Count a failed sign-in (audited under what was typed) and refuse with the one message that reveals nothing. */
export async function failLogin(db: Db, username: string, ip: string, action = 'auth.login_failed'): Promise<never> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('login_failure').values({ username, ip }).execute();
    await writeAuditInTrx(trx, { actor: null, action, entityType: 'account', entityId: username, ip });
  });
  throw IdentityErrors.LOGIN_FAILED();
}

/** A new session for `account` (sign-in by password, by SMS code, or registration). */
export async function openSession(db: Db, account: { id: string; display_name: string }, how: { ip: string; userAgent?: string; action?: string }): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_HOURS * 3600_000);
  await db.transaction().execute(async (trx) => {
    const id = newId();
    await trx
      .insertInto('session')
      .values({ id, token_hash: sha256(token), account_id: account.id, csrf_token: csrfToken, expires_at: expiresAt, ip: how.ip, user_agent: how.userAgent?.slice(0, 300) ?? null })
      .execute();
    await writeAuditInTrx(trx, { actor: { id: account.id, name: account.display_name }, action: how.action ?? 'auth.login', entityType: 'session', entityId: id, ip: how.ip });
  });
  return { token, csrfToken, expiresAt, accountId: account.id };
}

export async function login(db: Db, input: { username: string; password: string; ip: string; userAgent?: string }): Promise<LoginResult> {
  const username = input.username.trim();
  await checkLoginThrottle(db, username, input.ip);
  const account = await db.selectFrom('account').select(['id', 'password_hash', 'display_name', 'status']).where('username', '=', username).executeTakeFirst();
  const ok = account ? await verifyPassword(account.password_hash, input.password) : await verifyPassword(await dummyHash(), input.password) && false;
  if (!account || !ok || account.status !== 'active') return failLogin(db, username, input.ip);
  return openSession(db, account, input);
}

export async function logout(db: Db, actor: Actor, ip: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('session').where('id', '=', actor.sessionId).execute();
    // Single sign-out: department systems must ask for a sign-in again too.
    await endProviderSessions(trx, actor.agent?.id ?? actor.id);
    await writeAuditInTrx(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'auth.logout', entityType: 'session', entityId: actor.sessionId, ip });
  });
}

/** The caller behind a session token, or undefined when the token is unknown or expired. One query. */
export async function resolveSession(db: Db, token: string): Promise<Actor | undefined> {
  if (token.length > 100) return undefined;
  return (await lookupSession(db, sha256(token)))?.actor;
}

/** A live session by the SHA-256 of its token, with when it expires (the session cache's upper bound). */
export async function lookupSession(db: Db, tokenHash: string): Promise<{ actor: Actor; expiresAt: Date } | undefined> {
  return findSession(db, 'token_hash', tokenHash);
}

/** The caller of a session by its id (after the session changed during a request). */
export async function resolveSessionById(db: Db, sessionId: string): Promise<Actor | undefined> {
  return (await findSession(db, 'id', sessionId))?.actor;
}

async function findSession(db: Db, by: 'token_hash' | 'id', value: string): Promise<{ actor: Actor; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
      's.auth_at',
      's.acting_for',
      's.post_id',
      'a.id',
      'a.username',
      'a.display_name',
      'a.subject_type',
      'a.org_id',
      'a.region_code',
      'a.real_name_level',
      sql<string[]>`coalesce((select array_agg(r.role) from account_role r where r.account_id = a.id), '{}')`.as('roles'),
    ])
    .where(by === 'id' ? 's.id' : 's.token_hash', '=', value)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('a.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  const roles = row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const actor: Actor = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    subjectType: row.subject_type,
    roles,
    permissions: permissionsOf(roles),
    orgId: row.org_id,
    regionCode: row.region_code,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    authAt: row.auth_at,
    realNameLevel: row.real_name_level,
  };
  // An agent's session acts for the entity while the entity's authorisation holds (agents.ts); otherwise as the person.
  // A staff session in one of the account's other posts works there while the post holds (staff.ts).
  const acting = row.acting_for ? await actingAgent(db, actor, row.acting_for) : row.post_id ? await inPost(db, actor, row.post_id) : undefined;
  return { expiresAt: row.expires_at, actor: acting ?? actor };
}

export type Me = {
  id: string;
  username: string;
  displayName: string;
  subjectType: 'person' | 'entity' | 'staff';
  roles: string[];
  permissions: string[];
  landing: '/' | '/workbench' | '/admin' | '/dashboard';
  org?: { id: string; name: string };
  regionCode?: string;
  entity?: { name: string; creditCode: string };
  realNameLevel?: 'L1' | 'L2' | 'L3';
  agent?: { id: string; name: string; scopes: string[] };
  post?: { id: string; kind: 'post' | 'delegation'; orgName: string };
  profile: { name?: string; idNumberMasked?: string; phoneMasked?: string; entityName?: string; creditCode?: string; address?: string };
};

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  const a = await db
    .selectFrom('account as a')
    .leftJoin('org as o', 'o.id', 'a.org_id')
    .select(['a.person_name', 'a.resident_id', 'a.phone', 'a.address', 'a.entity_name', 'a.credit_code', 'o.id as org_id', 'o.name as org_name'])
    .where('a.id', '=', actor.id)
    .executeTakeFirstOrThrow();
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    subjectType: actor.subjectType,
    roles: actor.roles,
    permissions: [...actor.permissions],
    landing: landingFor(actor.roles),
    ...(actor.post && actor.orgId ? { org: { id: actor.orgId, name: actor.post.orgName } } : a.org_id ? { org: { id: a.org_id, name: a.org_name! } } : {}),
    ...(actor.regionCode ? { regionCode: actor.regionCode } : {}),
    ...(a.entity_name && a.credit_code ? { entity: { name: a.entity_name, creditCode: a.credit_code } } : {}),
    ...(actor.realNameLevel && actor.subjectType !== 'staff' ? { realNameLevel: actor.realNameLevel } : {}),
    ...(actor.agent ? { agent: { ...actor.agent, scopes: [...actor.agent.scopes] } } : {}),
    ...(actor.post ? { post: actor.post } : {}),
    profile: {
      name: a.person_name ?? undefined,
      idNumberMasked: a.resident_id ? maskResidentId(a.resident_id) : undefined,
      phoneMasked: maskPhone(a.phone),
      entityName: a.entity_name ?? undefined,
      creditCode: a.credit_code ?? undefined,
      address: a.address ?? undefined,
    },
  };
}

/**
 * Full (unmasked) profile values used to pre-fill an applicant's own forms. Reading them is an audited access.
 */
export async function getApplicantProfileInTrx(trx: DbOrTrx, accountId: string) {
  return trx
    .selectFrom('account')
    .select(['id', 'display_name', 'subject_type', 'person_name', 'resident_id', 'phone', 'address', 'entity_name', 'credit_code', 'region_code'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
}

// ---- account creation (demo world, later: registration and administration) ----

type Common = { username: string; password: string; displayName: string; regionCode: string | null; phone?: string; address?: string };

async function insertAccountInTrx(
  trx: Trx,
  a: Common & { subjectType: 'person' | 'entity' | 'staff'; orgId?: string | null; personName?: string; residentId?: string; entityName?: string; creditCode?: string },
  roles: Role[],
): Promise<string> {
  if (!isAcceptablePassword(a.password)) throw IdentityErrors.WEAK_PASSWORD();
  const taken = await trx.selectFrom('account').select('id').where('username', '=', a.username).executeTakeFirst();
  if (taken) throw IdentityErrors.USERNAME_TAKEN({ username: a.username });
  const id = newId();
  await trx
    .insertInto('account')
    .values({
      id,
      username: a.username,
      password_hash: await hashPassword(a.password),
      display_name: a.displayName,
      subject_type: a.subjectType,
      org_id: a.orgId ?? null,
      region_code: a.regionCode,
      person_name: a.personName ?? null,
      resident_id: a.residentId ?? null,
      phone: a.phone ?? null,
      address: a.address ?? null,
      entity_name: a.entityName ?? null,
      credit_code: a.creditCode ?? null,
    })
    .execute();
  if (roles.length) await trx.insertInto('account_role').values(roles.map((role) => ({ account_id: id, role }))).execute();
  await writeAuditInTrx(trx, { actor: null, action: 'account.create', entityType: 'account', entityId: id, after: { username: a.username, subjectType: a.subjectType, roles } });
  return id;
}

export async function createPersonInTrx(trx: Trx, p: Common & { name: string; residentId: string }): Promise<string> {
  const v = validateResidentId(p.residentId);
  if (!v.ok) throw IdentityErrors.INVALID_RESIDENT_ID({ reason: v.reason });
  return insertAccountInTrx(trx, { ...p, subjectType: 'person', personName: p.name, residentId: p.residentId.toUpperCase() }, ['applicant']);
}

/** An entity account acts through a named agent (经办人); the agent's identity is validated too. */
export async function createEntityInTrx(
  trx: Trx,
  e: Common & { entityName: string; creditCode: string; agentName: string; agentResidentId: string },
): Promise<string> {
  const c = validateCreditCode(e.creditCode);
  if (!c.ok) throw IdentityErrors.INVALID_CREDIT_CODE({ reason: c.reason });
  const v = validateResidentId(e.agentResidentId);
  if (!v.ok) throw IdentityErrors.INVALID_RESIDENT_ID({ reason: v.reason });
  return insertAccountInTrx(
    trx,
    { ...e, subjectType: 'entity', personName: e.agentName, residentId: e.agentResidentId.toUpperCase(), entityName: e.entityName, creditCode: e.creditCode },
    ['applicant'],
  );
}

export async function createStaffInTrx(trx: Trx, s: Common & { orgKey: string; roles: Role[] }): Promise<string> {
  const org = await trx.selectFrom('org').select(['id', 'region_code']).where('key', '=', s.orgKey).executeTakeFirst();
  if (!org) throw IdentityErrors.ORG_NOT_FOUND({ key: s.orgKey });
  return insertAccountInTrx(trx, { ...s, regionCode: s.regionCode ?? org.region_code, subjectType: 'staff', orgId: org.id }, s.roles);
}

export async function createRegionInTrx(trx: Trx, r: { code: string; name: string; level: string; parentCode: string | null }) {
  await trx.insertInto('region').values({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode }).onConflict((oc) => oc.doNothing()).execute();
}

export async function createOrgInTrx(
  trx: Trx,
  o: { key: string; name: string; shortName: string; kind: string; regionCode: string; creditCode: string; parentKey: string | null; deptCode?: string },
): Promise<string> {
  const c = validateCreditCode(o.creditCode);
  if (!c.ok) throw IdentityErrors.INVALID_CREDIT_CODE({ reason: c.reason });
  const parent = o.parentKey ? await trx.selectFrom('org').select('id').where('key', '=', o.parentKey).executeTakeFirst() : undefined;
  if (o.parentKey && !parent) throw IdentityErrors.ORG_NOT_FOUND({ key: o.parentKey });
  const id = newId();
  await trx
    .insertInto('org')
    .values({ id, key: o.key, name: o.name, short_name: o.shortName, kind: o.kind, region_code: o.regionCode, credit_code: o.creditCode, dept_code: o.deptCode ?? null, parent_id: parent?.id ?? null })
    .execute();
  return id;
}

export async function listOrgs(db: Db) {
  const rows = await db.selectFrom('org').select(['id', 'key', 'name', 'kind', 'region_code', 'credit_code', 'parent_id']).orderBy('region_code').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, kind: r.kind, regionCode: r.region_code, creditCode: r.credit_code, parentId: r.parent_id }));
}

export async function listUsers(db: Db) {
  const rows = await db
    .selectFrom('account as a')
    .leftJoin('org as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.username', 'a.display_name', 'a.subject_type', 'a.status', 'o.id as org_id', 'o.name as org_name', sql<string[]>`coalesce((select array_agg(r.role order by r.role) from account_role r where r.account_id = a.id), '{}')`.as('roles')])
    .orderBy('a.subject_type', 'desc')
    .orderBy('a.username')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, subjectType: r.subject_type, status: r.status, roles: r.roles, ...(r.org_name ? { orgName: r.org_name, orgId: r.org_id! } : {}) }));
}

export type OrgRef = { id: string; name: string; regionCode: string; creditCode: string };

export async function findOrgByKey(db: Db | Trx, key: string): Promise<OrgRef | undefined> {
  const o = await db.selectFrom('org').select(['id', 'name', 'region_code', 'credit_code']).where('key', '=', key).executeTakeFirst();
  return o ? { id: o.id, name: o.name, regionCode: o.region_code, creditCode: o.credit_code } : undefined;
}

export async function findOrgsByIds(db: Db | Trx, ids: string[]): Promise<Map<string, OrgRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org').select(['id', 'name', 'region_code', 'credit_code']).where('id', 'in', ids).execute();
  return new Map(rows.map((o) => [o.id, { id: o.id, name: o.name, regionCode: o.region_code, creditCode: o.credit_code }]));
}

/** An actor for an account without a login (demo world seeding, tests, jobs acting for a person). */
export async function actorForUsername(db: Db | Trx, username: string): Promise<Actor> {
  return actorWhere(db, 'a.username', username);
}

async function actorWhere(db: Db | Trx, column: 'a.username' | 'a.id', value: string): Promise<Actor> {
  const a = await db
    .selectFrom('account as a')
    .select(['a.id', 'a.username', 'a.display_name', 'a.subject_type', 'a.org_id', 'a.region_code', sql<string[]>`coalesce((select array_agg(r.role) from account_role r where r.account_id = a.id), '{}')`.as('roles')])
    .where(column, '=', value)
    .executeTakeFirstOrThrow();
  const roles = a.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return { id: a.id, username: a.username, displayName: a.display_name, subjectType: a.subject_type, roles, permissions: permissionsOf(roles), orgId: a.org_id, regionCode: a.region_code, sessionId: '', csrfToken: '' };
}

export async function findOrgByCreditCode(db: Db | Trx, creditCode: string): Promise<OrgRef | undefined> {
  const o = await db.selectFrom('org').select(['id', 'name', 'region_code', 'credit_code']).where('credit_code', '=', creditCode).executeTakeFirst();
  return o ? { id: o.id, name: o.name, regionCode: o.region_code, creditCode: o.credit_code } : undefined;
}

/** The applicant's own profile in full (their own data: no masking), for pre-filling forms. */
export async function getOwnProfile(db: Db, actor: Actor) {
  const a = await db.selectFrom('account').select(['person_name', 'resident_id', 'phone', 'address', 'entity_name', 'credit_code']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  const opt = (k: string, v: string | null) => (v ? { [k]: v } : {});
  return {
    ...opt('name', a.person_name),
    ...opt('idNumber', a.resident_id),
    ...opt('phone', a.phone),
    ...opt('address', a.address),
    ...opt('entityName', a.entity_name),
    ...opt('creditCode', a.credit_code),
  };
}

/** How to reach an account holder (notifications). */
export async function findAccountContact(db: Db | Trx, accountId: string): Promise<{ id: string; displayName: string; phone: string | null; email: string | null } | undefined> {
  const a = await db.selectFrom('account').select(['id', 'display_name', 'phone']).where('id', '=', accountId).executeTakeFirst();
  return a ? { id: a.id, displayName: a.display_name, phone: a.phone, email: null } : undefined;
}

// ---- 综合窗口: the applicant a window clerk serves ----

/** Who walks up to the window, as the clerk reads it from the ID card or the business licence. */
export type WalkIn =
  | { type: 'person'; name: string; residentId: string; phone?: string }
  | { type: 'entity'; name: string; creditCode: string; phone?: string };

const RESIDENT_ID_PROBLEMS: Record<string, [zh: string, en: string]> = {
  length: ['应为 18 位', 'it must have 18 characters'],
  format: ['前 17 位应为数字，最后一位为数字或 X', 'the first 17 characters are digits, the last a digit or X'],
  region: ['前 6 位不是有效的地区代码', 'the first 6 digits are not a region code'],
  birthdate: ['第 7–14 位不是有效的出生日期', 'digits 7–14 are not a valid date of birth'],
  check: ['最后一位校验码不对，号码中可能有一位输错或两位颠倒', 'the check character is wrong: a digit is mistyped or two are swapped'],
};
const CREDIT_CODE_PROBLEMS: Record<string, [zh: string, en: string]> = {
  length: ['应为 18 位', 'it must have 18 characters'],
  format: ['含有不允许的字符（不使用 I、O、Z、S、V）', 'it has characters the code does not use (no I, O, Z, S, V)'],
  registration: ['第 1–2 位不是有效的登记管理部门和机构类别代码', 'characters 1–2 are not a registration authority and kind'],
  region: ['第 3–8 位不是有效的地区代码', 'characters 3–8 are not a region code'],
  check: ['最后一位校验码不对，代码中可能有一位输错或两位颠倒', 'the check character is wrong: a character is mistyped or two are swapped'],
  'org-check': ['其中的组织机构代码校验不对', 'the embedded organisation code does not check'],
};

/**
 * The applicant account a window clerk files for: the account with this identity number (居民身份证号码, GB 11643;
 * 统一社会信用代码, GB 32100), or — a first-time visitor — a new applicant account without a password, which the person
 * later claims (not built yet: a claim by SMS code to the phone given here). A name that does not match the
 * registered one is refused (a typing error at the window, or the wrong card), without revealing the registered name.
 */
export async function applicantForWindow(db: Db, who: WalkIn, by: { id: string; name: string; ip: string }): Promise<{ actor: Actor; created: boolean }> {
  const name = who.name.trim();
  if (!name) throw IdentityErrors.WALK_IN_NAME_REQUIRED();
  if (who.phone !== undefined && !isMainlandMobile(who.phone)) throw IdentityErrors.WALK_IN_PHONE_INVALID();
  let code: string;
  if (who.type === 'person') {
    code = normalizeResidentId(who.residentId);
    const v = validateResidentId(code);
    if (!v.ok) throw IdentityErrors.WALK_IN_RESIDENT_ID_INVALID({ problemZh: RESIDENT_ID_PROBLEMS[v.reason]![0], problemEn: RESIDENT_ID_PROBLEMS[v.reason]![1] });
  } else {
    code = who.creditCode.replace(/\s+/g, '').toUpperCase();
    const v = validateCreditCode(code);
    if (!v.ok) throw IdentityErrors.WALK_IN_CREDIT_CODE_INVALID({ problemZh: CREDIT_CODE_PROBLEMS[v.reason]![0], problemEn: CREDIT_CODE_PROBLEMS[v.reason]![1] });
  }
  const found = await db.transaction().execute(async (trx) => {
    // One account per identity even when two windows serve the same person at once.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`walk-in:${who.type}:${code}`}::text, 0))`.execute(trx);
    const existing = await trx
      .selectFrom('account')
      .select(['id', 'person_name', 'entity_name'])
      .where('subject_type', '=', who.type)
      .where(who.type === 'person' ? 'resident_id' : 'credit_code', '=', code)
      .orderBy('created_at')
      .executeTakeFirst();
    if (existing) {
      const registered = who.type === 'person' ? existing.person_name : existing.entity_name;
      if (registered && registered !== name) throw IdentityErrors.WALK_IN_NAME_MISMATCH({ name });
      return { id: existing.id, created: false };
    }
    const id = newId();
    await trx
      .insertInto('account')
      .values({
        id,
        // The whole id: UUIDv7s made in one millisecond share their first 15 hex digits.
        username: `w${id.replace(/-/g, '')}`,
        // No password can match: the account is used through the window until its holder claims it.
        password_hash: '!window-intake',
        display_name: name,
        subject_type: who.type,
        org_id: null,
        region_code: null,
        person_name: who.type === 'person' ? name : null,
        resident_id: who.type === 'person' ? code : null,
        phone: who.phone ?? null,
        address: null,
        entity_name: who.type === 'entity' ? name : null,
        credit_code: who.type === 'entity' ? code : null,
      })
      .execute();
    await trx.insertInto('account_role').values({ account_id: id, role: 'applicant' }).execute();
    await writeAuditInTrx(trx, { actor: { id: by.id, name: by.name }, action: 'account.create_at_window', entityType: 'account', entityId: id, after: { subjectType: who.type, roles: ['applicant'] }, ip: by.ip });
    return { id, created: true };
  });
  return { actor: await actorWhere(db, 'a.id', found.id), created: found.created };
}

/**
 * Accounts holding these resident IDs / unified social credit codes (code → account id), e.g. to place imported
 * legacy licenses in their holders' wallets. Staff accounts are never holders.
 */
export async function findAccountIdsByHolderCodes(db: Db | Trx, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!codes.length) return out;
  const rows = await db
    .selectFrom('account')
    .select(['id', 'resident_id', 'credit_code', 'subject_type'])
    .where('subject_type', 'in', ['person', 'entity'])
    .where((eb) => eb.or([eb('resident_id', 'in', codes), eb('credit_code', 'in', codes)]))
    .execute();
  for (const r of rows) {
    const code = r.subject_type === 'person' ? r.resident_id : r.credit_code;
    if (code) out.set(code, r.id);
  }
  return out;
}
