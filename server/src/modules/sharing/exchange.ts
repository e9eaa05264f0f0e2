/**
 * The exchange API's hot path (GET /api/v1/sharing/{resource}/records?key=…, ADR 0012), built like license
 * verification (ADR 0010):
 * - API key → grant → resource from an in-process cache keyed by the key's SHA-256, emptied on every NOTIFY on
 *   `tongban_sharing_keys` (triggers on data_grant, grant_api_key and data_resource, at commit) and whenever the
 *   listening connection is down (then every call reads the database). Unknown keys are never cached.
 * - a per-grant token bucket (rate per minute) and daily quota, in process: behind N instances each enforces the
 *   full rate, so a cluster divides the grant's rate by N per instance or needs a shared counter (ADR 0012);
 * - one indexed query per lookup, with a fixed text (prepared once per connection);
 * - only granted fields answered, sensitive ones masked (maskValue) unless the grant allows them whole;
 * - every call after authentication logged through the shared batched writer (platform/db/batched-writer.ts).
 */
import { CompiledQuery, sql } from 'kysely';
import type pg from 'pg';
import { poolOf, type Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { cachedLookup, type CachedLookup, type NotifiedCache } from '../../platform/db/listen.ts';
import { PREPARE_MARK } from '../../platform/db/prepared.ts';
import { createBatchedWriter, type BatchedWriter, type BatchedWriterOptions } from '../../platform/db/batched-writer.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { isValidCreditCode, isValidResidentId } from '../../platform/codes/index.ts';
import type { AppError } from '../../platform/http/errors.ts';
import { holderLicenses } from '../licenses/index.ts';
import { clientCredentialsOf } from '../identity/index.ts';
import { REGISTER_FIELDS, maskValue, type MaskKind, type RegisterName } from './registers.ts';
import { apiKeyHash, API_KEY_MARK, liveKeyCaches } from './api-keys.ts';
import type { AccessResult, GrantStatus } from './tables.exchange.ts';
import { ExchangeErrors } from './errors.exchange.ts';

export const SHARING_KEYS_CHANNEL = 'tongban_sharing_keys';
const KEY_CACHE_TTL_MS = 5 * 60_000;
const TOKEN_CACHE_TTL_MS = 60_000;
const MAX_KEYS_CACHED = 10_000;
/** The longest `key` parameter taken (a few keys); longer is a 400, and logged cut to this length. */
const MAX_KEY_PARAM = 400;

/** What one API key may do, resolved once and kept in memory (immutable). */
export type ResolvedKey = {
  /** The API key's id; null for a system calling with an OAuth2 client-credentials token. */
  keyId: string | null;
  /** The key's prefix, or the OIDC client id. */
  prefix: string;
  grantId: string;
  orgId: string;
  resourceCode: string;
  resourceStatus: 'draft' | 'published' | 'withdrawn';
  providerOrgId: string;
  register: RegisterName;
  keyTitle: string;
  grantStatus: GrantStatus;
  validUntil: string;
  ratePerMinute: number;
  dailyQuota: number;
  maxKeys: number;
  /** Granted fields still in the resource, in the resource's order. */
  fields: readonly string[];
  /** Of those, the ones answered masked, with how. */
  masks: ReadonlyMap<string, MaskKind>;
  masked: string[];
};

type KeyRow = {
  key_id: string | null; prefix: string; grant_id: string; org_id: string; resource_code: string; resource_status: ResolvedKey['resourceStatus'];
  provider_org_id: string; register: RegisterName; key_field: string; resource_fields: Array<{ name: string }>; grant_status: GrantStatus;
  valid_until: string; rate_per_minute: number; daily_quota: number; max_keys_per_call: number; fields: string[]; unmasked_fields: string[];
};

export async function loadResolvedKey(db: Db, hash: Buffer): Promise<ResolvedKey | undefined> {
  const r = (
    await sql<KeyRow>`${sql.raw(PREPARE_MARK)} select k.id as key_id, k.prefix, g.id as grant_id, g.org_id, g.resource_code, d.status as resource_status,
        d.provider_org_id, d.register, d.key_field, d.fields as resource_fields, g.status as grant_status, g.valid_until, g.rate_per_minute,
        g.daily_quota, g.max_keys_per_call, g.fields, g.unmasked_fields
      from grant_api_key k join data_grant g on g.id = k.grant_id join data_resource d on d.code = g.resource_code
      where k.key_hash = ${hash} and k.revoked_at is null`.execute(db)
  ).rows[0];
  return r && resolvedOf(r);
}

/**
 * The grant a system holds for `resource` when it calls with an OAuth2 client-credentials token (identity module):
 * the grant of the organisation its client is registered for (an active one before a suspended one).
 */
export async function loadResolvedClient(db: Db, client: { clientId: string; orgId: string }, resource: string): Promise<ResolvedKey | undefined> {
  const r = (
    await sql<KeyRow>`${sql.raw(PREPARE_MARK)} select null::uuid as key_id, ${client.clientId}::text as prefix, g.id as grant_id, g.org_id, g.resource_code,
        d.status as resource_status, d.provider_org_id, d.register, d.key_field, d.fields as resource_fields, g.status as grant_status, g.valid_until,
        g.rate_per_minute, g.daily_quota, g.max_keys_per_call, g.fields, g.unmasked_fields
      from data_grant g join data_resource d on d.code = g.resource_code
      where g.org_id = ${client.orgId} and g.resource_code = ${resource} and g.status <> 'revoked'
      order by (g.status = 'active') desc, g.valid_until desc limit 1`.execute(db)
  ).rows[0];
  return r && resolvedOf(r);
}

function resolvedOf(r: KeyRow): ResolvedKey {
  const registerFields = REGISTER_FIELDS[r.register];
  const granted = new Set(r.fields);
  const fields = r.resource_fields.map((f) => f.name).filter((n) => granted.has(n));
  const masks = new Map<string, MaskKind>();
  for (const name of fields) {
    const f = registerFields.find((x) => x.name === name);
    if (f?.sensitivity === 'sensitive' && !r.unmasked_fields.includes(name)) masks.set(name, f.mask ?? 'hide');
  }
  return {
    keyId: r.key_id,
    prefix: r.prefix,
    grantId: r.grant_id,
    orgId: r.org_id,
    resourceCode: r.resource_code,
    resourceStatus: r.resource_status,
    providerOrgId: r.provider_org_id,
    register: r.register,
    keyTitle: registerFields.find((f) => f.name === r.key_field)?.title ?? r.key_field,
    grantStatus: r.grant_status,
    validUntil: r.valid_until,
    ratePerMinute: r.rate_per_minute,
    dailyQuota: r.daily_quota,
    maxKeys: r.max_keys_per_call,
    fields,
    masks,
    masked: [...masks.keys()],
  };
}

// ---- rate limits (per grant, in this process) ----

/** Token buckets: `perMinute` tokens at most, refilled continuously; one per call. */
export class GrantLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; perMinute: number }>();
  private readonly daily = new Map<string, { day: string; n: number }>();

  /** 0 when the call may go ahead, else the seconds to wait for a token. */
  take(grantId: string, perMinute: number, now = Date.now()): number {
    let b = this.buckets.get(grantId);
    // A new grant, or its rate changed: a full bucket at the new rate.
    if (!b || b.perMinute !== perMinute) this.buckets.set(grantId, (b = { tokens: perMinute, at: now, perMinute }));
    b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) * perMinute) / 60_000);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / perMinute));
  }

  /** Counts one call against today's quota; false when it is used up. */
  countToday(grantId: string, quota: number, today: string): boolean {
    let d = this.daily.get(grantId);
    if (!d || d.day !== today) this.daily.set(grantId, (d = { day: today, n: 0 }));
    if (d.n >= quota) return false;
    d.n++;
    return true;
  }

  reset(): void {
    this.buckets.clear();
    this.daily.clear();
  }
}

// ---- the access log ----

export type AccessLogRow = {
  grantId: string | null;
  apiKeyId: string | null;
  orgId: string | null;
  resourceCode: string;
  providerOrgId: string | null;
  keyValue: string;
  fields: readonly string[];
  result: AccessResult;
  status: number;
};

/** One INSERT for any number of rows (array parameters unnested; fixed text, prepared once per connection). */
export async function writeAccessLog(db: Db, rows: AccessLogRow[]): Promise<void> {
  if (!rows.length) return;
  await sql`${sql.raw(PREPARE_MARK)} insert into sharing_access_log (grant_id, api_key_id, org_id, resource_code, provider_org_id, key_value, fields, result, status)
    select g, k, o, r, p, v, string_to_array(f, ','), res, s from unnest(${rows.map((r) => r.grantId)}::uuid[], ${rows.map((r) => r.apiKeyId)}::uuid[],
      ${rows.map((r) => r.orgId)}::uuid[], ${rows.map((r) => r.resourceCode)}::text[], ${rows.map((r) => r.providerOrgId)}::uuid[],
      ${rows.map((r) => r.keyValue)}::text[], ${rows.map((r) => r.fields.join(','))}::text[], ${rows.map((r) => r.result)}::text[],
      ${rows.map((r) => r.status)}::int[]) as t(g, k, o, r, p, v, f, res, s)`.execute(db);
}

// ---- the exchange ----

export type Exchange = {
  /**
   * The grant behind an `Authorization: Bearer …` header — an API key, or an OAuth2 client-credentials token for
   * `resource` — undefined for a missing, unknown, expired or revoked one.
   */
  resolve(authorization: string | undefined, resource?: string): Promise<ResolvedKey | undefined>;
  /** True for a department system's credential in force (an API key, or a client-credentials token of a client registered for an organisation). */
  isSystem(authorization: string | undefined): Promise<boolean>;
  /** Answer one call (throws the platform error for every refusal, after logging it); `cached`: was the key in memory? */
  records(authorization: string | undefined, resource: string, keyParam: string | undefined): Promise<ExchangeAnswer & { cached: boolean }>;
  readonly limiter: GrantLimiter;
  readonly log: BatchedWriter<AccessLogRow>;
  readonly keys: CachedLookup<ResolvedKey>;
  close(): Promise<void>;
};

export type ExchangeAnswer = { resource: string; records: Array<Record<string, string | null>>; masked: string[] };

/**
 * The cache key of a caller's credential: `k:<SHA-256 of the API key>` (one key, one grant), or for an OAuth2
 * client-credentials token `t:<resource> <token>` (one system, a grant per resource). Undefined when there is none.
 */
const credentialOf = (authorization: string | undefined, resource: string): string | undefined => {
  if (!authorization || authorization.length > 250 || !authorization.startsWith('Bearer ')) return undefined;
  const bearer = authorization.slice(7).trim();
  if (bearer.startsWith(API_KEY_MARK)) return `k:${apiKeyHash(bearer).toString('base64')}`;
  return /^[A-Za-z0-9_-]{20,200}$/.test(bearer) ? `t:${resource.slice(0, 64)} ${bearer}` : undefined;
};

/** Record keys of a register as the exchange takes them: resident IDs (GB 11643), credit codes (GB 32100), or either. */
function validKey(register: RegisterName, k: string): boolean {
  if (register === 'population') return isValidResidentId(k);
  if (register === 'entity') return isValidCreditCode(k);
  return isValidResidentId(k) || isValidCreditCode(k);
}

type Row = Record<string, string | number | null>;

/**
 * One indexed query per lookup, a fixed text per register (prepared once per connection: PREPARE_MARK). Sent
 * straight to the pool when there is one (no query builder on the hot path), else through Kysely.
 */
const LOOKUP_SQL: Record<Exclude<RegisterName, 'license'>, string> = {
  population: `${PREPARE_MARK} select resident_id as "residentId", name, sex, birth_date as "birthDate", ethnicity,
      household_no as "householdNo", household_address as "householdAddress", household_head_id as "householdHeadId",
      relation_to_head as "relationToHead", marital_status as "maritalStatus", spouse_id as "spouseId", status, region_code as "regionCode"
    from person_record where resident_id = any($1::text[])`,
  entity: `${PREPARE_MARK} select credit_code as "creditCode", name, entity_type as "entityType",
      legal_representative as "legalRepresentative", legal_representative_id as "legalRepresentativeId",
      registered_capital::text as "registeredCapital", address, business_scope as "businessScope", status, established_on as "establishedOn",
      region_code as "regionCode"
    from entity_record where credit_code = any($1::text[])`,
  credit: `${PREPARE_MARK} select subject_code as "subjectCode", subject_name as "subjectName", kind, title,
      document_no as "documentNo", content, authority, decided_on as "decidedOn", valid_until as "validUntil"
    from credit_record where subject_code = any($1::text[]) order by subject_code, decided_on desc, id desc limit 500`,
};

async function lookup(db: Db, pool: pg.Pool | undefined, register: RegisterName, keys: string[], callerPrefix: string): Promise<Row[]> {
  if (register === 'license') {
    // The license register is the licenses module's: read through its index (each lookup is also in its verification log).
    const caller = { username: `sharing:${callerPrefix}` } as Actor;
    const out: Row[] = [];
    for (const k of keys) {
      for (const l of await holderLicenses(db, caller, { holderCode: k }, 'exchange')) {
        out.push({ holderCode: k, holderName: l.holderName, typeName: l.typeName, number: l.number, issuerName: l.issuerName, issuedOn: l.issuedAt.slice(0, 10), validUntil: l.validUntil, status: l.status });
      }
    }
    return out;
  }
  const text = LOOKUP_SQL[register];
  if (pool) return (await pool.query<Row>(text, [keys])).rows;
  return (await db.executeQuery<Row>(CompiledQuery.raw(text, [keys]))).rows;
}

/** Only the granted fields, masked where the grant does not allow them whole. */
function project(r: ResolvedKey, row: Row): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of r.fields) {
    const v = row[name];
    const text = v === null || v === undefined ? null : String(v);
    const mask = r.masks.get(name);
    out[name] = mask ? maskValue(mask, text) : text;
  }
  return out;
}

export function createExchange(db: Db, databaseUrl: string | undefined, logOptions?: BatchedWriterOptions): Exchange {
  const keys = cachedLookup<ResolvedKey>({
    databaseUrl,
    channel: SHARING_KEYS_CHANNEL,
    applicationName: 'tongban-sharing-listen',
    maxEntries: MAX_KEYS_CACHED,
    load: async (credential) => {
      if (credential.startsWith('k:')) {
        const r = await loadResolvedKey(db, Buffer.from(credential.slice(2), 'base64'));
        return r && { value: r, until: Date.now() + KEY_CACHE_TTL_MS };
      }
      const [resource, token] = credential.slice(2).split(' ') as [string, string];
      const client = await clientCredentialsOf(db, token);
      const r = client?.orgId ? await loadResolvedClient(db, { clientId: client.clientId, orgId: client.orgId }, resource) : undefined;
      // A token is looked at again within a minute (revoked at the provider), and never past its expiry.
      return r && { value: r, until: Math.min(Date.now() + TOKEN_CACHE_TTL_MS, client!.expiresAt.getTime()) };
    },
    onNotification: (_p, cache) => cache.clear(),
    live: liveKeyCaches as Set<NotifiedCache<ResolvedKey>>,
  });
  const limiter = new GrantLimiter();
  const pool = poolOf(db);
  const log = createBatchedWriter<AccessLogRow>('sharing access log', (rows) => writeAccessLog(db, rows), logOptions);

  const resolve = async (authorization: string | undefined, resource = '') => {
    const credential = credentialOf(authorization, resource);
    return credential ? keys.get(credential) : undefined;
  };

  return {
    resolve,
    async isSystem(authorization) {
      const credential = credentialOf(authorization, '');
      if (!credential) return false;
      if (credential.startsWith('k:')) return !!(await keys.get(credential));
      return !!(await clientCredentialsOf(db, credential.split(' ')[1]!))?.orgId;
    },
    limiter,
    log,
    keys,
    async records(authorization, resource, keyParam) {
      const credential = credentialOf(authorization, resource);
      const cached = !!credential && keys.has(credential);
      const r = credential ? await keys.get(credential) : undefined;
      if (!r) {
        // A system's token in force, but its organisation holds no grant for this resource.
        if (credential?.startsWith('t:') && (await clientCredentialsOf(db, credential.split(' ')[1]!))?.orgId) throw ExchangeErrors.NO_GRANT({ resource: resource.slice(0, 64) });
        throw ExchangeErrors.API_KEY_INVALID();
      }
      const keyValue = (keyParam ?? '').slice(0, MAX_KEY_PARAM);
      const refuse = async (err: AppError, result: AccessResult): Promise<never> => {
        await log.add({ grantId: r.grantId, apiKeyId: r.keyId, orgId: r.orgId, resourceCode: resource.slice(0, 64), providerOrgId: r.providerOrgId, keyValue, fields: [], result, status: err.status });
        throw err;
      };
      if (resource !== r.resourceCode) return refuse(ExchangeErrors.WRONG_RESOURCE({ granted: r.resourceCode, resource: resource.slice(0, 64) }), 'wrong_resource');
      const today = todayInShanghai();
      if (r.grantStatus !== 'active' || r.validUntil < today || r.resourceStatus === 'withdrawn') {
        const status = r.grantStatus === 'suspended' ? '已暂停' : r.grantStatus === 'revoked' ? '已终止' : r.validUntil < today ? `已于 ${r.validUntil} 到期` : '所涉资源已撤回';
        return refuse(ExchangeErrors.GRANT_INACTIVE({ status }), 'grant_inactive');
      }
      const wait = limiter.take(r.grantId, r.ratePerMinute);
      if (wait) return refuse(ExchangeErrors.RATE_LIMITED({ perMinute: r.ratePerMinute, retryAfter: wait }), 'rate_limited');
      if (!limiter.countToday(r.grantId, r.dailyQuota, today)) return refuse(ExchangeErrors.QUOTA_EXCEEDED({ quota: r.dailyQuota }), 'quota_exceeded');
      if (!keyParam) return refuse(ExchangeErrors.KEY_PARAM_INVALID({ keyTitle: r.keyTitle, reason: '缺少 key 参数' }), 'bad_request');
      const asked = keyParam.length > MAX_KEY_PARAM ? [] : [...new Set(keyParam.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean))];
      if (!asked.length) return refuse(ExchangeErrors.KEY_PARAM_INVALID({ keyTitle: r.keyTitle, reason: 'key 参数为空或过长' }), 'bad_request');
      if (asked.length > r.maxKeys) return refuse(ExchangeErrors.BULK_NOT_GRANTED({ max: r.maxKeys, count: asked.length }), 'bulk_refused');
      const bad = asked.find((k) => !validKey(r.register, k));
      if (bad) return refuse(ExchangeErrors.KEY_PARAM_INVALID({ keyTitle: r.keyTitle, reason: `“${bad.slice(0, 40)}”不是有效的${r.keyTitle}` }), 'bad_request');
      const rows = await lookup(db, pool, r.register, asked, r.prefix);
      if (!rows.length) return refuse(ExchangeErrors.RECORD_NOT_FOUND({ keyTitle: r.keyTitle, key: asked.join(',') }), 'not_found');
      await log.add({ grantId: r.grantId, apiKeyId: r.keyId, orgId: r.orgId, resourceCode: resource, providerOrgId: r.providerOrgId, keyValue, fields: r.fields, result: 'ok', status: 200 });
      return { resource, records: rows.map((row) => project(r, row)), masked: r.masked, cached };
    },
    async close() {
      await Promise.all([keys.close(), log.close()]);
    },
  };
}
