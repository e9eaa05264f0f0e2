/**
 * Editing and publishing the resource catalog (信息资源目录, seed 000 §(十) 21–22): data administrators create,
 * edit, publish and withdraw resources; staff with sharing:read and systems holding an API key read the published
 * catalog. Each resource's data items are register fields (REGISTER_FIELDS), the first the key it is looked up by,
 * and each names the exchange API that serves it.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { writeAuditInTrx } from '../../platform/audit/index.ts';
import { REGISTER_FIELDS, type RegisterName } from './registers.ts';
import { insertResource, resourceFields, type ResourceInput } from './resources.ts';
import type { ResourceField, ResourceTables } from './tables.ts';
import { ExchangeErrors } from './errors.exchange.ts';
import { forgetSharingKeysLocally } from './api-keys.ts';

export type ResourceRow = Selectable<ResourceTables['data_resource']>;

export type ResourceView = {
  code: string;
  name: string;
  description: string;
  provider: { id: string; key: string; name: string };
  register: RegisterName;
  shareMode: ResourceRow['share_mode'];
  conditions: string;
  updateCycle: ResourceRow['update_cycle'];
  fields: ResourceField[];
  keyField: string;
  materials: string[];
  status: ResourceRow['status'];
  /** The exchange API that serves the resource. */
  api: string;
  updatedAt: string;
};

/** The exchange API path of a resource (the `{resource}` of GET /api/v1/sharing/{resource}/records). */
export const exchangeApiOf = (code: string) => `/api/v1/sharing/${code}/records?key=`;

function resourceQuery(db: Db) {
  return db
    .selectFrom('data_resource')
    .innerJoin('org', 'org.id', 'data_resource.provider_org_id')
    .selectAll('data_resource')
    .select(['org.key as provider_key', 'org.name as provider_name']);
}

function viewOf(r: ResourceRow & { provider_key: string; provider_name: string }): ResourceView {
  return {
    code: r.code,
    name: r.name,
    description: r.description,
    provider: { id: r.provider_org_id, key: r.provider_key, name: r.provider_name },
    register: r.register,
    shareMode: r.share_mode,
    conditions: r.conditions,
    updateCycle: r.update_cycle,
    fields: r.fields,
    keyField: r.key_field,
    materials: r.materials,
    status: r.status,
    api: exchangeApiOf(r.code),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The catalog: published resources for everyone who may read it; every status for data administrators. */
export async function listResources(db: Db, opts: { all: boolean; status?: ResourceRow['status']; provider?: string }): Promise<ResourceView[]> {
  let q = resourceQuery(db);
  if (!opts.all) q = q.where('data_resource.status', '=', 'published');
  else if (opts.status) q = q.where('data_resource.status', '=', opts.status);
  if (opts.provider) q = q.where('org.key', '=', opts.provider);
  return (await q.orderBy('data_resource.code').execute()).map(viewOf);
}

export async function getResource(db: Db, code: string, opts: { all: boolean }): Promise<ResourceView> {
  const r = await resourceQuery(db).where('data_resource.code', '=', code).executeTakeFirst();
  if (!r || (!opts.all && r.status !== 'published')) throw ExchangeErrors.RESOURCE_NOT_FOUND({ code });
  return viewOf(r);
}

export type ResourceEdit = Omit<ResourceInput, 'providerOrgId' | 'status'> & { provider: string };

/** Checks an edit against the registers: known provider, register fields only, no duplicates, a reason for 不予共享. */
async function checked(db: Db, e: ResourceEdit): Promise<ResourceInput & { status: 'draft' }> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(e.provider);
  const providerId = (await db.selectFrom('org').select('id').where(byId ? 'id' : 'key', '=', e.provider).executeTakeFirst())?.id;
  if (!providerId) throw ExchangeErrors.RESOURCE_INVALID({ reason: `没有找到提供部门“${e.provider}”` });
  if (!e.fields.length) throw ExchangeErrors.RESOURCE_INVALID({ reason: '至少要有一个数据项（第一个是查询用的主键）' });
  const known = new Set(REGISTER_FIELDS[e.register].map((f) => f.name));
  const unknown = e.fields.filter((f) => !known.has(f));
  if (unknown.length) throw ExchangeErrors.RESOURCE_INVALID({ reason: `${e.register} 库没有数据项 ${unknown.join('、')}` });
  if (new Set(e.fields).size !== e.fields.length) throw ExchangeErrors.RESOURCE_INVALID({ reason: '数据项有重复' });
  if (e.fields[0] !== REGISTER_FIELDS[e.register][0]!.name) {
    throw ExchangeErrors.RESOURCE_INVALID({ reason: `第一个数据项应是 ${e.register} 库的主键 ${REGISTER_FIELDS[e.register][0]!.name}` });
  }
  if (e.shareMode !== 'open' && e.conditions.trim().length < 8) {
    throw ExchangeErrors.RESOURCE_INVALID({ reason: e.shareMode === 'none' ? '不予共享的资源要写明法律、行政法规或政策依据' : '有条件共享的资源要写明共享条件' });
  }
  return { ...e, providerOrgId: providerId, status: 'draft' };
}

const auditActor = (a: Actor) => ({ id: a.id, name: a.displayName });

export async function createResource(db: Db, actor: Actor, e: ResourceEdit, ip: string): Promise<ResourceView> {
  const input = await checked(db, e);
  const exists = await db.selectFrom('data_resource').select('code').where('code', '=', e.code).executeTakeFirst();
  if (exists) throw ExchangeErrors.RESOURCE_EXISTS({ code: e.code });
  await db.transaction().execute(async (trx) => {
    await insertResource(trx, input);
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: 'data_resource.create', entityType: 'data_resource', entityId: e.code, after: e, ip });
  });
  return getResource(db, e.code, { all: true });
}

/** Edits keep the status; a published resource stays published with the new content. */
export async function updateResource(db: Db, actor: Actor, code: string, e: Omit<ResourceEdit, 'code'>, ip: string): Promise<ResourceView> {
  const before = await getResource(db, code, { all: true });
  const input = await checked(db, { ...e, code });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('data_resource')
      .set({
        name: input.name,
        description: input.description,
        provider_org_id: input.providerOrgId,
        register: input.register,
        share_mode: input.shareMode,
        conditions: input.conditions,
        update_cycle: input.updateCycle,
        fields: JSON.stringify(resourceFields(input.register, input.fields)),
        key_field: input.fields[0]!,
        materials: input.materials,
        updated_at: new Date(),
      })
      .where('code', '=', code)
      .execute();
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: 'data_resource.update', entityType: 'data_resource', entityId: code, before, after: e, ip });
  });
  forgetSharingKeysLocally();
  return getResource(db, code, { all: true });
}

export async function setResourceStatus(db: Db, actor: Actor, code: string, status: 'published' | 'withdrawn', ip: string): Promise<ResourceView> {
  const before = await getResource(db, code, { all: true });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('data_resource').set({ status, updated_at: new Date() }).where('code', '=', code).execute();
    await writeAuditInTrx(trx, { actor: auditActor(actor), action: `data_resource.${status === 'published' ? 'publish' : 'withdraw'}`, entityType: 'data_resource', entityId: code, before: { status: before.status }, after: { status }, ip });
  });
  forgetSharingKeysLocally();
  return getResource(db, code, { all: true });
}
