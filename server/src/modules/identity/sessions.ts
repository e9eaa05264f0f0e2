/**
 * Account security (issue 8): a person sees where they are signed in and ends any of those sessions; sensitive
 * actions need the password proved in the last REAUTH_MINUTES (re-authentication); the password changes with the
 * current one, and every other session ends with it. Failed attempts count against the same limits as sign-in.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { hashPassword, isAcceptablePassword, verifyPassword } from './password.ts';
import { IdentityErrors } from './errors.ts';
import { LOGIN_LIMITS } from './service.ts';
import { endProviderSessions } from './oidc/adapter.ts';

/** How long a proved password counts for sensitive actions. */
export const REAUTH_MINUTES = 10;

/** Throws REAUTH_REQUIRED unless the session proved the password within REAUTH_MINUTES. */
export function requireRecentAuth(actor: Actor, now = Date.now()): void {
  if (!actor.authAt || now - actor.authAt.getTime() > REAUTH_MINUTES * 60_000) throw IdentityErrors.REAUTH_REQUIRED();
}

/** The person behind a session (an agent acting for an entity is still themself here). */
const personOf = (actor: Actor) => ({ id: actor.agent?.id ?? actor.id, name: actor.agent?.name ?? actor.displayName });

export type SessionView = { id: string; createdAt: string; lastAuthAt: string; ip: string | null; userAgent: string | null; current: boolean; actingFor: string | null };

export async function listSessions(db: Db, actor: Actor): Promise<SessionView[]> {
  const rows = await db
    .selectFrom('session as s')
    .leftJoin('account as e', 'e.id', 's.acting_for')
    .select(['s.id', 's.created_at', 's.auth_at', 's.ip', 's.user_agent', 'e.display_name as acting_for'])
    .where('s.account_id', '=', personOf(actor).id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .orderBy('s.created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at.toISOString(), lastAuthAt: r.auth_at.toISOString(), ip: r.ip, userAgent: r.user_agent, current: r.id === actor.sessionId, actingFor: r.acting_for }));
}

/** End one of one's own sessions (signing out a lost phone, say). */
export async function endSession(db: Db, actor: Actor, sessionId: string, ip: string): Promise<void> {
  if (!(await endSessionIfAny(db, actor, sessionId, ip))) throw IdentityErrors.SESSION_NOT_FOUND();
}

/** End one of one's own sessions if it is still there (a browser signing in again replaces its session); whether it was. */
export async function endSessionIfAny(db: Db, actor: Actor, sessionId: string, ip: string): Promise<boolean> {
  const person = personOf(actor);
  return db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('session').where('id', '=', sessionId).where('account_id', '=', person.id).returning('id').executeTakeFirst();
    if (r) await writeAuditInTrx(trx, { actor: person, action: 'auth.session_end', entityType: 'session', entityId: sessionId, ip });
    return !!r;
  });
}

async function checkPassword(db: Db, actor: Actor, password: string, ip: string): Promise<void> {
  const person = personOf(actor);
  const since = sql<Date>`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
  const account = await db.selectFrom('account').select(['username', 'password_hash']).where('id', '=', person.id).executeTakeFirstOrThrow();
  const failures = await db.selectFrom('login_failure').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', account.username).where('at', '>', since).executeTakeFirstOrThrow();
  if (failures.n >= LOGIN_LIMITS.perUsername) throw IdentityErrors.LOGIN_THROTTLED({ minutes: LOGIN_LIMITS.windowMinutes });
  if (!(await verifyPassword(account.password_hash, password))) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('login_failure').values({ username: account.username, ip }).execute();
      await writeAuditInTrx(trx, { actor: person, action: 'auth.reauth_failed', entityType: 'account', entityId: person.id, ip });
    });
    throw IdentityErrors.LOGIN_FAILED();
  }
}

/** Prove the password again: sensitive actions are allowed for the next REAUTH_MINUTES. */
export async function reauthenticate(db: Db, actor: Actor, password: string, ip: string): Promise<void> {
  await checkPassword(db, actor, password, ip);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('session').set({ auth_at: sql`now()` }).where('id', '=', actor.sessionId).execute();
    await writeAuditInTrx(trx, { actor: personOf(actor), action: 'auth.reauth', entityType: 'session', entityId: actor.sessionId, ip });
  });
}

/** Change the password with the current one; every other session of the person ends. */
export async function changePassword(db: Db, actor: Actor, current: string, next: string, ip: string): Promise<void> {
  if (!isAcceptablePassword(next)) throw IdentityErrors.WEAK_PASSWORD();
  await checkPassword(db, actor, current, ip);
  const person = personOf(actor);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('account').set({ password_hash: hash }).where('id', '=', person.id).execute();
    await trx.deleteFrom('session').where('account_id', '=', person.id).where('id', '!=', actor.sessionId).execute();
    await endProviderSessions(trx, person.id);
    await trx.updateTable('session').set({ auth_at: sql`now()` }).where('id', '=', actor.sessionId).execute();
    await writeAuditInTrx(trx, { actor: person, action: 'auth.password_change', entityType: 'account', entityId: person.id, ip });
  });
}
