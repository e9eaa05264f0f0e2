/**
 * Who read which shared data (the exchange API's access log): the providing department sees every call to its
 * resources, the requesting department the calls made under its grants, the platform everything. Record keys are
 * masked in every listing (resident IDs as on any list; credit codes are public).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { addCalendarDays } from '../../platform/calendar/index.ts';
import { isValidCreditCode, maskResidentId } from '../../platform/codes/index.ts';
import type { AccessResult } from './tables.exchange.ts';

export type AccessQuery = { resource?: string; org?: string; from?: string; to?: string; key?: string; limit?: number };

export type AccessEntry = {
  id: number;
  at: string;
  resource: string;
  resourceName: string | null;
  org: { id: string | null; name: string | null };
  providerName: string | null;
  grantId: string | null;
  apiKeyPrefix: string | null;
  key: string;
  fields: string[];
  result: AccessResult;
  status: number;
};

export const RESULT_LABELS: Record<AccessResult, string> = {
  ok: '成功',
  not_found: '未查到',
  bad_request: '参数有误',
  wrong_resource: '非授权资源',
  grant_inactive: '授权不可用',
  bulk_refused: '批量被拒',
  rate_limited: '超过频率',
  quota_exceeded: '超过日配额',
};

/** A record key as listed: resident IDs masked, credit codes whole, anything else cut short. */
export function maskKeyValue(v: string): string {
  return v
    .split(',')
    .map((k) => (isValidCreditCode(k) ? k : k.length === 18 ? maskResidentId(k) : k.length > 6 ? `${k.slice(0, 3)}***` : k))
    .join(',');
}

const NO_ORG = '00000000-0000-0000-0000-000000000000';

export async function searchAccessLog(db: Db, actor: Actor, q: AccessQuery): Promise<AccessEntry[]> {
  let query = db
    .selectFrom('sharing_access_log as l')
    .leftJoin('data_resource as d', 'd.code', 'l.resource_code')
    .leftJoin('org as o', 'o.id', 'l.org_id')
    .leftJoin('org as p', 'p.id', 'l.provider_org_id')
    .leftJoin('grant_api_key as k', 'k.id', 'l.api_key_id')
    .select(['l.id', 'l.at', 'l.resource_code', 'd.name as resource_name', 'l.org_id', 'o.name as org_name', 'p.name as provider_name', 'l.grant_id', 'k.prefix', 'l.key_value', 'l.fields', 'l.result', 'l.status']);
  if (!actor.permissions.has('sharing:admin')) {
    const org = actor.orgId ?? NO_ORG;
    query = query.where((w) => w.or([w('l.provider_org_id', '=', org), w('l.org_id', '=', org)]));
  }
  if (q.resource) query = query.where('l.resource_code', '=', q.resource);
  if (q.org) query = query.where((w) => w.or([w('o.key', '=', q.org!), w(sql`l.org_id::text`, '=', q.org!)]));
  if (q.from) query = query.where('l.at', '>=', sql<Date>`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (q.to) query = query.where('l.at', '<', sql<Date>`(${addCalendarDays(q.to, 1)}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (q.key) query = query.where(sql`upper(l.key_value)`, '=', q.key.trim().toUpperCase());
  const rows = await query.orderBy('l.at', 'desc').orderBy('l.id', 'desc').limit(Math.min(q.limit ?? 200, 1000)).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    resource: r.resource_code,
    resourceName: r.resource_name,
    org: { id: r.org_id, name: r.org_name },
    providerName: r.provider_name,
    grantId: r.grant_id,
    apiKeyPrefix: r.prefix,
    key: maskKeyValue(r.key_value),
    fields: r.fields,
    result: r.result as AccessResult,
    status: r.status,
  }));
}
