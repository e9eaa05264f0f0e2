/** API test harness: a real app on a private database, and helpers to sign in as the demo accounts. */
import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { localFileStore } from '../platform/files/file-store.ts';
import type { App, RegisteredRoute } from '../platform/http/server.ts';
import { createTestDatabase } from './db.ts';
import { DEMO_PASSWORD } from '../seed/seed.ts';

export type TestApp = {
  app: App;
  routes: RegisteredRoute[];
  db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  /** The private database's URL (a second app instance on the same database, LISTEN). */
  url: string;
  close(): Promise<void>;
};

export async function createTestApp(template: 'tongban_empty' | 'tongban_demo' = 'tongban_demo'): Promise<TestApp> {
  const h = await createTestDatabase(template);
  const { app, routes } = await buildApp({ db: h.db, databaseUrl: h.url, store: localFileStore(inject('filesDir')), logger: false });
  return {
    app,
    routes,
    db: h.db,
    url: h.url,
    async close() {
      await app.close();
      await h.drop();
    },
  };
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

export async function loginAs(app: App, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

export function sessionFrom(res: LightMyRequestResponse): Session {
  const cookies = res.cookies as Array<{ name: string; value: string }>;
  const session = cookies.find((c) => c.name === 'tb_session')!.value;
  const csrf = cookies.find((c) => c.name === 'csrf_token')!.value;
  const cookie = `tb_session=${session}; csrf_token=${csrf}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
