/** Test harness for the notify module: the shared test app (`api` is the same app, kept for the tests' wording). */
import type { App } from '../../platform/http/server.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';

export async function createNotifyTestApp(): Promise<TestApp & { api: App }> {
  const t = await createTestApp('tongban_demo');
  return { ...t, api: t.app };
}
