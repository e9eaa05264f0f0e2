/**
 * oidc-provider's storage on PostgreSQL. Clients are the administrators' registrations (`oidc_client`, read-only
 * here: their secrets sealed under the master key); everything the provider makes itself — sessions, interactions,
 * authorization codes, access and refresh tokens, grants — lives in `oidc_payload` keyed by model and id, with its
 * expiry. Expired rows are never returned and are swept by `sweepExpiredOidcPayloads`.
 */
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../platform/db/db.ts';
import type { KeyVault } from '../../../platform/crypto/index.ts';
import { clientMetadata } from './clients.ts';

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

/**
 * When `id` of `model` was first asked about (now, if never before), kept `ttlSeconds` in the provider's storage
 * beside its own records: e.g. the moment a sign-in step first sent the browser to sign in again (routes.oidc.ts).
 */
export async function firstAskedAt(db: Db, model: string, id: string, ttlSeconds: number): Promise<Date> {
  const at = Date.now();
  await db
    .insertInto('oidc_payload')
    .values({ model, id, payload: JSON.stringify({ at }), grant_id: null, uid: null, user_code: null, expires_at: new Date(at + Math.max(1, ttlSeconds) * 1000) })
    .onConflict((oc) => oc.columns(['model', 'id']).doNothing())
    .execute();
  const row = await db.selectFrom('oidc_payload').select('payload').where('model', '=', model).where('id', '=', id).executeTakeFirst();
  return new Date((row?.payload as { at?: number } | undefined)?.at ?? at);
}

/** The class oidc-provider instantiates once per model name ('Session', 'AccessToken', 'Client' …). */
export function postgresAdapter(db: Db, vault: KeyVault) {
  return class PostgresAdapter {
    readonly model: string;
    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      if (this.model === 'Client') throw new Error('clients are registered through the platform, not the provider');
      const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
      await db
        .insertInto('oidc_payload')
        .values({ model: this.model, id, payload: JSON.stringify(payload), grant_id: payload.grantId ?? null, uid: payload.uid ?? null, user_code: payload.userCode ?? null, expires_at: expiresAt })
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet({ payload: JSON.stringify(payload), grant_id: payload.grantId ?? null, uid: payload.uid ?? null, user_code: payload.userCode ?? null, expires_at: expiresAt }))
        .execute();
    }

    async find(id: string): Promise<Payload | undefined> {
      if (this.model === 'Client') {
        const row = await db.selectFrom('oidc_client').selectAll().where('client_id', '=', id).where('status', '=', 'active').executeTakeFirst();
        return row ? (clientMetadata(row, vault) as Payload) : undefined;
      }
      return this.findBy('id', id);
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      return this.findBy('uid', uid);
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      return this.findBy('user_code', userCode);
    }

    private async findBy(column: 'id' | 'uid' | 'user_code', value: string): Promise<Payload | undefined> {
      const row = await db
        .selectFrom('oidc_payload')
        .select(['payload', 'consumed_at'])
        .where('model', '=', this.model)
        .where(column, '=', value)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
        .executeTakeFirst();
      if (!row) return undefined;
      const payload = row.payload as Payload;
      return row.consumed_at ? { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : payload;
    }

    async consume(id: string): Promise<void> {
      await db.updateTable('oidc_payload').set({ consumed_at: sql`now()` }).where('model', '=', this.model).where('id', '=', id).execute();
    }

    async destroy(id: string): Promise<void> {
      await db.deleteFrom('oidc_payload').where('model', '=', this.model).where('id', '=', id).execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom('oidc_payload').where('grant_id', '=', grantId).execute();
    }
  };
}

/**
 * End the provider's sessions of an account (signing out of the platform, a new password, a disabled account): the
 * next department system that asks must go through the platform's sign-in again.
 */
export async function endProviderSessions(db: DbOrTrx, accountId: string): Promise<void> {
  await db.deleteFrom('oidc_payload').where('model', '=', 'Session').where(sql<string>`payload->>'accountId'`, '=', accountId).execute();
}

/** Delete what has expired (run on a schedule; reads already ignore it). */
export async function sweepExpiredOidcPayloads(db: Db): Promise<number> {
  const r = await db.deleteFrom('oidc_payload').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The system behind an access token issued by the client credentials grant (a department system calling the
 * platform's APIs, issue 7's exchange): its client id, the organisation the administrator registered it for, and
 * when the token expires. Undefined for anything else, an expired token or a disabled client.
 */
export async function clientCredentialsOf(db: Db, token: string): Promise<{ clientId: string; orgId: string | null; expiresAt: Date } | undefined> {
  if (token.length > 200) return undefined;
  const r = await db
    .selectFrom('oidc_payload as p')
    .innerJoin('oidc_client as c', (j) => j.on(sql<boolean>`c.client_id = p.payload->>'clientId'`))
    .select(['c.client_id', 'c.org_id', 'p.expires_at'])
    .where('p.model', '=', 'ClientCredentials')
    .where('p.id', '=', token)
    .where('p.expires_at', '>', sql<Date>`now()`)
    .where('c.status', '=', 'active')
    .executeTakeFirst();
  return r && r.expires_at ? { clientId: r.client_id, orgId: r.org_id, expiresAt: r.expires_at } : undefined;
}
