import { Type } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { createSealInTrx, listSeals, rotateSealKey } from './seals.ts';
import { actOnLicense, holderLicenses, myLicense, myLicenses, signatureOf, staffLicense } from './service.ts';
import { licensesVerifyRoutes, type VerifyRouteOptions } from './routes.verify.ts';
import { listLicenseTypes, saveLicenseType } from './types.ts';
import { walletRoutes } from './routes.wallet.ts';
import type { LicenseDeps } from './issue.ts';
import { legacyRoutes } from './routes.legacy.ts';
import { HolderQuery, LicenseDetail, LicenseList, LicenseTypeBody, LicenseTypeView, LifecycleBody, SealBody, SealView, SignatureView } from './schema.ts';

const RefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64 }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function licensesRoutes(app: App, deps: LicenseDeps & VerifyRouteOptions) {
  const { db } = deps;
  walletRoutes(app, deps);
  licensesVerifyRoutes(app, deps);

  app.get('/api/v1/me/licenses', {
    config: { access: 'license:own' },
    schema: { tags: ['licenses'], summary: 'My electronic licenses (wallet): held by this account or under its resident ID / credit code', response: { 200: LicenseList, 401: ErrorResponse } },
  }, async (req) => ({ licenses: await myLicenses(db, req.actor!) }));

  app.get('/api/v1/me/licenses/:ref', {
    config: { access: 'license:own' },
    schema: { tags: ['licenses'], summary: 'One of my licenses with its face and history', params: RefParams, response: { 200: LicenseDetail, ...errors } },
  }, async (req) => myLicense(db, req.actor!, req.params.ref));

  app.get('/api/v1/public/licenses/:ref/signature', {
    config: { access: 'public' },
    schema: { tags: ['licenses'], summary: 'The signed bytes, the SM2 signature and the seal’s public key, for checks with standard SM2 tools', params: RefParams, response: { 200: SignatureView, 404: ErrorResponse } },
  }, async (req) => signatureOf(db, req.params.ref));

  app.get('/api/v1/licenses', {
    config: { access: 'license:read' },
    schema: { tags: ['licenses'], summary: 'A holder’s licenses, for departments handling their business (every lookup is logged)', querystring: HolderQuery, response: { 200: LicenseList, ...errors } },
  }, async (req) => ({ licenses: await holderLicenses(db, req.actor!, req.query, req.ip) }));

  app.get('/api/v1/licenses/:ref', {
    config: { access: 'license:read' },
    schema: { tags: ['licenses'], summary: 'A license in the reader’s data scope, with its face and history (logged)', params: RefParams, response: { 200: LicenseDetail, ...errors } },
  }, async (req) => staffLicense(db, req.actor!, req.params.ref, req.ip));

  app.post('/api/v1/licenses/:ref/actions', {
    config: { access: 'license:manage' },
    schema: { tags: ['licenses'], summary: 'Suspend, reinstate, revoke, annotate (加注) or re-issue a license (issuing department only)', params: RefParams, body: LifecycleBody, response: { 200: LicenseDetail, ...errors } },
  }, async (req) => actOnLicense(deps, req.actor!, req.params.ref, req.body, req.ip));

  app.get('/api/v1/license-types', {
    config: { access: 'authenticated' },
    schema: { tags: ['licenses'], summary: 'License types (证照目录)', response: { 200: Type.Object({ types: Type.Array(LicenseTypeView) }), 401: ErrorResponse } },
  }, async () => ({ types: await listLicenseTypes(db) }));

  app.post('/api/v1/license-types', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'Add a license type', body: LicenseTypeBody, response: { 201: Type.Object({ code: Type.String() }), ...errors } },
  }, async (req, reply) => {
    await saveLicenseType(db, req.actor!, req.body, 'create', req.ip);
    return reply.status(201).send({ code: req.body.code });
  });

  app.put('/api/v1/license-types/:code', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'Change a license type (licenses already issued keep what they were sealed with)', params: Type.Object({ code: Type.String({ maxLength: 21 }) }), body: LicenseTypeBody, response: { 200: Type.Object({ code: Type.String() }), ...errors } },
  }, async (req) => {
    await saveLicenseType(db, req.actor!, { ...req.body, code: req.params.code }, 'update', req.ip);
    return { code: req.params.code };
  });

  app.get('/api/v1/seals', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'Electronic seals and their public keys', response: { 200: Type.Object({ seals: Type.Array(SealView) }), 401: ErrorResponse, 403: ErrorResponse } },
  }, async () => ({ seals: await listSeals(db) }));

  app.post('/api/v1/seals', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'Register a seal: the platform generates and keeps its SM2 key pair', body: SealBody, response: { 201: Type.Object({ id: Type.String() }), ...errors } },
  }, async (req, reply) => reply.status(201).send({ id: await db.transaction().execute((trx) => createSealInTrx(trx, deps.vault, req.body)) }));

  app.post('/api/v1/seals/:id/rotate', {
    config: { access: 'license:admin' },
    schema: { tags: ['licenses'], summary: 'Rotate a seal’s key; licenses sealed with the old key stay verifiable', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: Type.Object({ keyId: Type.String() }), ...errors } },
  }, async (req) => ({ keyId: await rotateSealKey(db, deps.vault, req.params.id) }));

  legacyRoutes(app, deps);
}
