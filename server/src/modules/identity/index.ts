/** Identity: accounts (persons, entities, staff), organisations, regions, sessions. */
export { identityMigrations } from './migrations.ts';
export type { IdentityTables } from './tables.ts';
export { identityRoutes } from './routes.ts';
export { createSessionResolver, SESSION_CACHE_TTL_MS, type SessionResolver } from './session-cache.ts';
export {
  resolveSession,
  getApplicantProfileInTrx,
  createPersonInTrx,
  createEntityInTrx,
  createStaffInTrx,
  createRegionInTrx,
  createOrgInTrx,
  findOrgByKey,
  findOrgByCreditCode,
  findOrgsByIds,
  findAccountIdsByHolderCodes,
  maskPhone,
  isMainlandMobile,
  actorForUsername,
  findAccountContact,
  getOwnProfile,
  applicantForWindow,
  type OrgRef,
  type WalkIn,
} from './service.ts';
export { oidcRoutes } from './routes.oidc.ts';
export { sweepExpiredOidcPayloads, clientCredentialsOf } from './oidc/adapter.ts';
export { accountRoutes } from './routes.accounts.ts';
export { requireRecentAuth, REAUTH_MINUTES } from './sessions.ts';
