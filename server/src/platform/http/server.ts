/**
 * The HTTP shell every module plugs into: one error shape, route permissions enforced at registration,
 * cookie sessions with CSRF protection, OpenAPI, metrics, request logging with personal data redacted.
 */
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { simplifyForSerializer } from './serializer-schema.ts';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import client from 'prom-client';
import { AppError, HttpErrors } from './errors.ts';
import { localeFrom } from '../i18n/i18n.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/actor.ts';
import type { Permission } from '../auth/permissions.ts';
import { maskPersonalData } from './redact.ts';

/** What a route requires of its caller: a permission, any signed-in user, or nothing. */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route under /api must declare this; the server refuses to start otherwise. */
    access?: RouteAccess;
    /** false: the route checks its own cross-site forgery protection (the OIDC provider's forms), not the platform's header. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
}

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

/** Resolves the caller from a session token (provided by the identity module). */
export type SessionResolver = (token: string) => Promise<Actor | undefined>;

export const SESSION_COOKIE = 'tb_session';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type HttpOptions = {
  logLevel: string;
  resolveSession: SessionResolver;
  bodyLimit?: number;
  /** Extra loggers/streams for tests. */
  logger?: boolean;
  /** Largest accepted uploaded file. */
  maxUploadBytes?: number;
  /** Built web app to serve, with the SPA's index.html for unknown GET pages. */
  webDir?: string;
};

export type RegisteredRoute = { method: string; url: string; access: RouteAccess | undefined };

export async function createHttpServer(opts: HttpOptions): Promise<{ app: App; routes: RegisteredRoute[]; metrics: client.Registry }> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: opts.logLevel,
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers.authorization',
                `req.headers["${CSRF_HEADER}"]`,
                'res.headers["set-cookie"]',
                '*.password',
                '*.residentId',
                '*.idNumber',
                '*.phone',
              ],
              censor: '[redacted]',
            },
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, url: maskPersonalData(req.url), reqId: req.id }),
            },
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true, useDefaults: true } },
    routerOptions: { ignoreTrailingSlash: true },
    // A malformed URL or an over-long path segment answers in the platform's error shape, like every other 4xx.
    frameworkErrors: (err, req, reply) => sendError(err, req, reply),
    return503OnClosing: true,
    // Fastify's own serializer compiler, fed each response schema in the shape it serializes fastest.
    schemaController: {
      compilersFactory: {
        buildSerializer: (externalSchemas, serializerOpts) => {
          const build = SerializerSelector()(externalSchemas, serializerOpts);
          return (route) => build({ ...route, schema: simplifyForSerializer(route.schema) });
        },
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RegisteredRoute[] = [];
  const metrics = new client.Registry();
  client.collectDefaultMetrics({ register: metrics });
  const httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics],
  });

  // JSON bodies: Fastify's own parser (prototype-poisoning checks kept), plus one check PostgreSQL would otherwise
  // make with a 500: text stored as jsonb or text may contain neither NUL (U+0000) nor a lone UTF-16 surrogate.
  // Both can only arrive as \u escapes; the walk only runs for the rare body whose text has such an escape.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string; // parseAs: 'string'
    parseJson(req, text, (err, value) => {
      if (err) return done(err, undefined);
      if (UNSTORABLE_ESCAPE.test(text) && hasUnstorableText(value)) {
        return done(HttpErrors.BAD_REQUEST({ reason: '内容中有无法保存的特殊字符（如空字符 \\u0000 或残缺的 \\ud800），请删掉后再提交' }), undefined);
      }
      done(null, value);
    });
  });

  await app.register(cookie);
  // Uploads: per-route code reads at most one file; the hard cap here bounds memory for any route.
  await app.register(multipart, { limits: { fileSize: opts.maxUploadBytes ?? 20 * 1024 * 1024, files: 1, fields: 10 } });

  // Route guard: refuse to start when an API route declares no access rule; enforce the rule on every call.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) routes.push({ method: m, url: route.url, access });
    if (route.url.startsWith('/api/') && !access) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule (config.access)`);
    }
    if (!access || access === 'public') return;
    const guard = async (req: FastifyRequest) => {
      if (access === 'authenticated') {
        if (!req.actor) throw HttpErrors.UNAUTHENTICATED();
      } else {
        requirePermission(req.actor, access);
      }
    };
    // Before body validation: an anonymous or unauthorised caller learns nothing about the expected input.
    const existing = route.preValidation ? (Array.isArray(route.preValidation) ? route.preValidation : [route.preValidation]) : [];
    route.preValidation = [guard, ...existing];
  });

  // Who is calling: the session cookie resolves to an actor. Writes made with a cookie must echo the CSRF token.
  // (Callback-style hooks: these run on every request, and an async hook costs a promise and a microtask each.)
  app.addHook('onRequest', (req, _reply, done) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return done();
    opts.resolveSession(token).then((actor) => {
      if (actor) {
        req.actor = actor;
        if (!SAFE_METHODS.has(req.method) && req.routeOptions.config.csrf !== false) {
          const sent = req.headers[CSRF_HEADER];
          if (typeof sent !== 'string' || sent !== actor.csrfToken) return done(HttpErrors.CSRF_FAILED() as unknown as FastifyError);
        }
      }
      done();
    }, done);
  });

  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    done(null, payload);
  });

  app.addHook('onResponse', (req, reply, done) => {
    httpDuration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => sendError(err, req, reply));
  const spa = opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')) ? opts.webDir : undefined;
  if (spa) await app.register(fastifyStatic, { root: spa, wildcard: false, index: false, maxAge: '1h', immutable: false });
  app.setNotFoundHandler((req, reply) => {
    const page = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (spa && page) return reply.header('cache-control', 'no-cache').sendFile('index.html', spa);
    return sendError(HttpErrors.NOT_FOUND({ url: req.url.split('?')[0] }), req, reply);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tongban 通办 API',
        description: 'Integrated online government service platform. Errors: `{error:{code,message,details}}`. Cookie-authenticated writes must send the `x-csrf-token` header.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', metrics.contentType);
    return metrics.metrics();
  });

  return { app, routes, metrics };
}

/** The one place errors become HTTP. Client mistakes get a 4xx with a message; our own failures a bare 500. */
function sendError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeFrom(req.headers['accept-language']);
  let appErr: AppError;
  if (err instanceof AppError) {
    appErr = err;
  } else if ((err as FastifyError).validation) {
    const v = (err as FastifyError).validation!;
    const details = v.map((e) => ({ path: `${(err as FastifyError).validationContext ?? ''}${e.instancePath || ''}`, message: e.message, params: e.params }));
    const summary = details.map((d) => `${d.path || '/'} ${d.message}`).join('; ');
    appErr = HttpErrors.VALIDATION_FAILED({ summary });
    return reply.status(400).send({ error: { code: appErr.code, message: appErr.localized(locale), details } });
  } else {
    const status = (err as FastifyError).statusCode ?? 500;
    const code = (err as FastifyError).code;
    if (status === 413 || code === 'FST_REQ_FILE_TOO_LARGE') appErr = HttpErrors.PAYLOAD_TOO_LARGE({ limit: '' });
    else if (status === 415) appErr = HttpErrors.UNSUPPORTED_MEDIA_TYPE({ type: req.headers['content-type'] ?? '' });
    else if (status === 429) appErr = HttpErrors.RATE_LIMITED({ retryAfter: reply.getHeader('retry-after') ?? '60s' });
    else if (status === 404) appErr = HttpErrors.NOT_FOUND({ url: req.url.split('?')[0] });
    else if (status === 405) appErr = HttpErrors.METHOD_NOT_ALLOWED();
    else if (code === 'FST_ERR_MAX_PARAM_LENGTH') appErr = HttpErrors.URI_TOO_LONG();
    else if (code === 'FST_ERR_BAD_URL') appErr = HttpErrors.BAD_URL();
    else if (status >= 400 && status < 500) appErr = HttpErrors.BAD_REQUEST({ reason: err.message });
    else {
      req.log.error({ err }, 'unhandled error');
      appErr = HttpErrors.INTERNAL({ requestId: req.id });
    }
  }
  const body = { error: { code: appErr.code, message: appErr.localized(locale), details: appErr.status >= 500 ? {} : appErr.params } };
  return reply.status(appErr.status).send(body);
}

const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
const unstorable = (text: string) => text.includes('\0') || !text.isWellFormed();

/** Whether any string (value or key) in a parsed JSON value holds text PostgreSQL refuses to store. */
function hasUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return unstorable(value);
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => unstorable(k) || hasUnstorableText(v));
  return false;
}
