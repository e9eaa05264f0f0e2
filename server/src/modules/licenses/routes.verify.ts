/**
 * Verification routes: the public check, the QR code (link + signed offline payload), the offline payload itself,
 * and the holder's PDF. Registered from routes.ts.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/server.ts';
import { ErrorResponse } from '../../platform/http/schemas.ts';
import { qrSvg, type JwsKeys } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/db.ts';
import { createLicenseVerifier, offlineTokenOf, verifyLicense } from './verify.ts';
import { loadVerifiableRow, type VerifiableRow } from './verification-cache.ts';
import { myLicense } from './service.ts';
import { renderLicensePdf } from './render.ts';
import { LicenseErrors } from './errors.ts';
import { Verification } from './schema.ts';
import type { LicenseDeps } from './issue.ts';

export type VerifyRouteOptions = {
  /** The database URL, to LISTEN for license changes; without it every verification reads the database. */
  databaseUrl?: string;
  /** The portal's public base URL (PUBLIC_URL) for QR links; without it the request's own host is used. */
  publicUrl?: string;
};

const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const SvgBody = Type.Unsafe<string>({ type: 'string' });
const RefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64 }) });

/** The public verification page of a license (web/src/portal/LicenseVerifyPage.tsx). */
export const verifyPagePath = (ref: string) => `/licenses/verify/${encodeURIComponent(ref)}`;

/** Where the QR code points: PUBLIC_URL when set, else the host this request came to. */
function baseUrlOf(req: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.host}`;
}

/** The QR link: the verification page, with the signed offline payload in the fragment (never sent to a server). */
async function qrLinkOf(jws: JwsKeys, row: VerifiableRow, base: string): Promise<string> {
  return `${base}${verifyPagePath(row.ref)}#${await offlineTokenOf(jws, row)}`;
}

async function rowOrNotFound(db: Db, ref: string): Promise<VerifiableRow> {
  const row = await loadVerifiableRow(db, ref);
  if (!row) throw LicenseErrors.LICENSE_NOT_FOUND();
  return row;
}

export function licensesVerifyRoutes(app: App, deps: LicenseDeps & VerifyRouteOptions) {
  const { db } = deps;
  const verifier = createLicenseVerifier(db, deps.databaseUrl);
  // Flush the verification log on shutdown; if the database is gone by then, say how many rows were lost.
  app.addHook('onClose', () =>
    verifier.close().catch((err: unknown) => app.log.error({ err, pending: verifier.log.pending }, 'licenses: verification log rows not written at shutdown')),
  );
  const jwsKeys = () => {
    if (!deps.jws) throw new Error('licenses: JWS keys are not configured');
    return deps.jws;
  };

  app.get('/api/v1/public/licenses/:ref/verification', {
    config: { access: 'public' },
    schema: { tags: ['licenses'], summary: 'Verify a license (no login): signature, identifier, status and validity; every verification is logged', params: RefParams, response: { 200: Verification, 404: ErrorResponse } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store'); // the status may change at any time
    reply.header('x-cache', verifier.rows.has(req.params.ref) ? 'hit' : 'miss'); // the register row from memory, or read now
    return verifyLicense(verifier, req.params.ref, 'api', req.ip);
  });

  app.get('/api/v1/public/licenses/:ref/qr.svg', {
    config: { access: 'public' },
    schema: { tags: ['licenses'], summary: 'The license’s QR code (SVG): the verification page link with a signed offline payload (JWS) in its fragment', params: RefParams, response: { 200: { description: 'SVG image', content: { 'image/svg+xml': { schema: SvgBody } } }, 404: ErrorResponse } },
  }, async (req, reply) => {
    const row = await rowOrNotFound(db, req.params.ref);
    const svg = await qrSvg(await qrLinkOf(jwsKeys(), row, baseUrlOf(req, deps.publicUrl)));
    reply.header('cache-control', 'public, max-age=86400');
    if (!deps.publicUrl) reply.header('vary', 'host'); // the link names the host asked: never share it across hosts
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });

  app.get('/api/v1/public/licenses/:ref/offline', {
    config: { access: 'public' },
    schema: {
      tags: ['licenses'],
      summary: 'The signed offline payload of a license (compact JWS, ES256) and where its keys are',
      params: RefParams,
      response: {
        200: Type.Object({
          jws: Type.String({ description: 'Compact JWS; payload {ref, id (identifier), t (type), h (masked holder), iss (issuer), ia (issued), vu (valid until), iat}' }),
          jwksUrl: Type.String(),
        }),
        404: ErrorResponse,
      },
    },
  }, async (req) => {
    const row = await rowOrNotFound(db, req.params.ref);
    return { jws: await offlineTokenOf(jwsKeys(), row), jwksUrl: `${baseUrlOf(req, deps.publicUrl)}/.well-known/jwks.json` };
  });

  app.get('/api/v1/me/licenses/:ref/license.pdf', {
    config: { access: 'license:own' },
    schema: { tags: ['licenses'], summary: 'One of my licenses as a PDF, with its QR code', params: RefParams, response: { 200: { description: 'PDF document (A4)', content: { 'application/pdf': { schema: PdfBody } } }, 401: ErrorResponse, 404: ErrorResponse } },
  }, async (req, reply) => {
    const license = await myLicense(db, req.actor!, req.params.ref);
    const row = await rowOrNotFound(db, req.params.ref);
    const seal = await db.selectFrom('seal_key').innerJoin('seal', 'seal.id', 'seal_key.seal_id').select('seal.name').where('seal_key.id', '=', row.seal_key_id).executeTakeFirstOrThrow();
    const pdf = await renderLicensePdf({ license, sealName: seal.name, verifyUrl: await qrLinkOf(jwsKeys(), row, baseUrlOf(req, deps.publicUrl)) });
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="license.pdf"; filename*=UTF-8''${encodeURIComponent(`${license.typeName}-${license.number}.pdf`)}`)
      .send(pdf);
  });
}
