/**
 * Applicants by mobile number (issue 8): a one-time code by SMS to sign in, to register, and to reset a forgotten
 * password. Nothing here tells a caller whether a number has an account: asking for a code always gets the same
 * answer; a number without an account for that purpose simply gets no code (registering with a number that has one
 * gets an SMS saying so instead), and a wrong or missing code is always the same refusal.
 *
 * Codes: 6 digits, valid CODE_MINUTES, one use, at most CODE_ATTEMPTS wrong tries; kept only as an HMAC under a key
 * derived from the master key. A new code for the same number and purpose waits RESEND_SECONDS; a number gets at most
 * PER_NUMBER_PER_DAY codes a day and an address PER_IP_PER_HOUR an hour.
 *
 * Registration is real-name level L1 (self-declared); when the name and resident ID agree with the population
 * register (`registerCheck`, from the sharing module) it is L2 at once. L3 is given in person at a window.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/ids.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { normalizeResidentId, validateResidentId } from '../../platform/codes/index.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { IdentityErrors } from './errors.ts';
import { endProviderSessions } from './oidc/adapter.ts';
import { hashPassword, isAcceptablePassword } from './password.ts';
import { checkLoginThrottle, failLogin, isMainlandMobile, openSession, type LoginResult } from './service.ts';

export const CODE_MINUTES = 5;
export const CODE_ATTEMPTS = 5;
export const RESEND_SECONDS = 60;
export const PER_NUMBER_PER_DAY = 10;
export const PER_IP_PER_HOUR = 30;

export type CodePurpose = 'login' | 'register' | 'reset';

export type SmsLoginDeps = {
  db: Db;
  /** HMAC key for stored codes (derived from the master key). */
  codeKey: Buffer;
  /** Sends one SMS (and records it in the outbox); `eventId` keeps a retry from sending twice. */
  sendSms(to: string, text: string, eventId: string): Promise<void>;
  /** True when the name and resident ID agree with the population register (real-name L2). */
  registerCheck?(name: string, residentId: string): Promise<boolean>;
};

const hmac = (key: Buffer, phone: string, purpose: string, code: string) => createHmac('sha256', key).update(`${purpose}:${phone}:${code}`).digest();

function checkPhone(phone: string): string {
  const p = phone.trim();
  if (!isMainlandMobile(p)) throw IdentityErrors.WALK_IN_PHONE_INVALID();
  return p;
}

/** The one applicant account on this number, if exactly one (an ambiguous number signs in by username only). */
async function accountByPhone(db: Db, phone: string) {
  const rows = await db.selectFrom('account').select(['id', 'display_name', 'status']).where('phone', '=', phone).where('subject_type', 'in', ['person', 'entity']).where('status', '=', 'active').limit(2).execute();
  return rows.length === 1 ? rows[0] : undefined;
}

/** Ask for a code. Always the same answer (RESEND_SECONDS to wait), whoever the number belongs to. */
export async function requestCode(deps: SmsLoginDeps, input: { phone: string; purpose: CodePurpose; ip: string }): Promise<{ retryAfterSeconds: number }> {
  const { db } = deps;
  const phone = checkPhone(input.phone);
  const [last, today, byIp] = await Promise.all([
    db.selectFrom('otp_code').select(sql<number>`extract(epoch from now() - max(created_at))::int`.as('age')).where('phone', '=', phone).where('purpose', '=', input.purpose).executeTakeFirst(),
    db.selectFrom('otp_code').select((eb) => eb.fn.countAll<number>().as('n')).where('phone', '=', phone).where('created_at', '>', sql<Date>`now() - interval '1 day'`).executeTakeFirstOrThrow(),
    db.selectFrom('otp_code').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', input.ip).where('created_at', '>', sql<Date>`now() - interval '1 hour'`).executeTakeFirstOrThrow(),
  ]);
  if (last?.age !== null && last?.age !== undefined && last.age < RESEND_SECONDS) throw IdentityErrors.CODE_TOO_SOON({ seconds: RESEND_SECONDS - last.age });
  if (today.n >= PER_NUMBER_PER_DAY || byIp.n >= PER_IP_PER_HOUR) throw IdentityErrors.CODE_LIMIT();
  const account = await accountByPhone(db, phone);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = newId();
  // A row for every request (it is what the limits count), holding a code only when one is sent.
  const sendsCode = input.purpose === 'register' ? !account : !!account;
  await db.insertInto('otp_code').values({ id, phone, purpose: input.purpose, code_hash: sendsCode ? hmac(deps.codeKey, phone, input.purpose, code).toString('hex') : null, expires_at: sql`now() + make_interval(mins => ${CODE_MINUTES})`, ip: input.ip }).execute();
  if (sendsCode) {
    const what = { login: '登录', register: '注册', reset: '重设密码' }[input.purpose];
    await deps.sendSms(phone, `【通办】验证码 ${code}，用于${what}，${CODE_MINUTES} 分钟内有效。请勿告诉他人，工作人员不会向您索要。`, id);
  } else if (input.purpose === 'register') {
    await deps.sendSms(phone, '【通办】这个手机号已经注册过账号，可以直接用短信验证码登录；忘记密码可以重设。如果不是您本人操作，请忽略。', id);
  }
  return { retryAfterSeconds: RESEND_SECONDS };
}

/** Spend a code: true when it is the latest live one for the number and purpose and matches (one use, few tries). */
async function spendCode(deps: SmsLoginDeps, phone: string, purpose: CodePurpose, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('otp_code')
      .select(['id', 'code_hash', 'attempts'])
      .where('phone', '=', phone)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!row?.code_hash || row.attempts >= CODE_ATTEMPTS) return false;
    const ok = timingSafeEqual(Buffer.from(row.code_hash, 'hex'), hmac(deps.codeKey, phone, purpose, code));
    await trx.updateTable('otp_code').set(ok ? { used_at: sql`now()` } : { attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    return ok;
  });
}

export async function loginWithCode(deps: SmsLoginDeps, input: { phone: string; code: string; ip: string; userAgent?: string }): Promise<LoginResult> {
  const phone = checkPhone(input.phone);
  await checkLoginThrottle(deps.db, phone, input.ip);
  const account = await accountByPhone(deps.db, phone);
  if (!account || !(await spendCode(deps, phone, 'login', input.code.trim()))) return failLogin(deps.db, phone, input.ip, 'auth.sms_login_failed');
  return openSession(deps.db, account, { ...input, action: 'auth.sms_login' });
}

export type Registration = { phone: string; code: string; password: string; name: string; residentId: string; ip: string; userAgent?: string };

/** A person's own account, real-name L1 (L2 when the register agrees), signed in. */
export async function register(deps: SmsLoginDeps, input: Registration): Promise<LoginResult> {
  const { db } = deps;
  const phone = checkPhone(input.phone);
  const name = input.name.trim();
  const residentId = normalizeResidentId(input.residentId);
  const v = validateResidentId(residentId);
  if (!v.ok) throw IdentityErrors.INVALID_RESIDENT_ID({ reason: v.reason });
  if (!name || name.length > 50) throw HttpErrors.BAD_REQUEST({ reason: '请填写姓名' });
  if (!isAcceptablePassword(input.password)) throw IdentityErrors.WEAK_PASSWORD();
  await checkLoginThrottle(db, phone, input.ip);
  if (!(await spendCode(deps, phone, 'register', input.code.trim()))) return failLogin(db, phone, input.ip, 'auth.register_failed');
  const taken = await db.selectFrom('account').select('id').where('resident_id', '=', residentId).where('subject_type', '=', 'person').executeTakeFirst();
  if (taken) throw IdentityErrors.RESIDENT_ID_REGISTERED();
  const level = (await deps.registerCheck?.(name, residentId)) ? 'L2' : 'L1';
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('account').values({ id, username: phone, password_hash: passwordHash, display_name: name, subject_type: 'person', org_id: null, region_code: residentId.slice(0, 6), person_name: name, resident_id: residentId, phone, address: null, entity_name: null, credit_code: null, real_name_level: level }).execute();
    await trx.insertInto('account_role').values({ account_id: id, role: 'applicant' }).execute();
    await writeAuditInTrx(trx, { actor: { id, name }, action: 'account.register', entityType: 'account', entityId: id, after: { realNameLevel: level }, ip: input.ip });
  });
  return openSession(db, { id, display_name: name }, { ...input, action: 'auth.login_after_register' });
}

/** A new password by SMS code; every session of the account ends. */
export async function resetPassword(deps: SmsLoginDeps, input: { phone: string; code: string; password: string; ip: string }): Promise<void> {
  const { db } = deps;
  const phone = checkPhone(input.phone);
  if (!isAcceptablePassword(input.password)) throw IdentityErrors.WEAK_PASSWORD();
  await checkLoginThrottle(db, phone, input.ip);
  const account = await accountByPhone(db, phone);
  if (!account || !(await spendCode(deps, phone, 'reset', input.code.trim()))) return failLogin(db, phone, input.ip, 'auth.reset_failed');
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('account').set({ password_hash: passwordHash }).where('id', '=', account.id).execute();
    await trx.deleteFrom('session').where('account_id', '=', account.id).execute();
    await endProviderSessions(trx, account.id);
    await writeAuditInTrx(trx, { actor: { id: account.id, name: account.display_name }, action: 'auth.password_reset', entityType: 'account', entityId: account.id, ip: input.ip });
  });
}

/** Real-name L2 for one's own account: the name and resident ID on it agree with the population register. */
export async function verifyRealName(deps: SmsLoginDeps, accountId: string, ip: string): Promise<'L1' | 'L2' | 'L3'> {
  const a = await deps.db.selectFrom('account').select(['real_name_level', 'person_name', 'resident_id', 'display_name', 'subject_type']).where('id', '=', accountId).executeTakeFirstOrThrow();
  if (a.real_name_level !== 'L1') return a.real_name_level;
  if (a.subject_type !== 'person' || !a.person_name || !a.resident_id || !(await deps.registerCheck?.(a.person_name, a.resident_id))) throw IdentityErrors.REAL_NAME_NOT_MATCHED();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('account').set({ real_name_level: 'L2' }).where('id', '=', accountId).execute();
    await writeAuditInTrx(trx, { actor: { id: accountId, name: a.display_name }, action: 'account.real_name_l2', entityType: 'account', entityId: accountId, ip });
  });
  return 'L2';
}

/** Real-name L3: a window clerk saw the person and their ID card (by resident ID). */
export async function verifyInPerson(db: Db, clerk: { id: string; name: string }, residentId: string, name: string, ip: string): Promise<{ accountId: string; level: 'L3' }> {
  const id = normalizeResidentId(residentId);
  const a = await db.selectFrom('account').select(['id', 'person_name']).where('resident_id', '=', id).where('subject_type', '=', 'person').executeTakeFirst();
  if (!a || a.person_name !== name.trim()) throw IdentityErrors.AGENT_PERSON_NOT_FOUND();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('account').set({ real_name_level: 'L3' }).where('id', '=', a.id).execute();
    await writeAuditInTrx(trx, { actor: clerk, action: 'account.real_name_l3', entityType: 'account', entityId: a.id, ip });
  });
  return { accountId: a.id, level: 'L3' };
}
