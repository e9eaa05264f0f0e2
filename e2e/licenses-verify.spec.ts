/**
 * Verifying an electronic license on a phone, as someone who scanned its QR code:
 *   1. the demo citizen's 结婚证 (seeded, digitised): its QR link (the public page, the signed offline payload in the
 *      fragment) opens 电子证照核验 without signing in → 有效, the facts with the holder's ID masked, four checks passed;
 *   2. it is revoked through the API (by the platform administrator, whose scope is every department);
 *   3. the same page, reloaded, says 无效 · 证照已注销.
 * An unknown reference says 未找到.
 *
 * Note: this revokes the seeded 结婚证 for the rest of the run (specs share one server); no other journey uses it.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { baseURL, contextFor, DEMO_PASSWORD, expectNoHorizontalScroll, PHONE, shot } from './support.ts';

/** An API client signed in as `username` (cookies kept; the CSRF token echoed on writes). */
async function apiAs(username: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL: baseURL() });
  const r = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(r.status()).toBe(200);
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'csrf_token')!.value;
  return { api, csrf };
}

test('a phone scans a license: valid; the department revokes it; the page says so', async ({ browser }) => {
  const citizen = await apiAs('citizen');
  const mine = (await (await citizen.api.get('/api/v1/me/licenses')).json()) as { licenses: Array<{ ref: string; typeName: string; number: string; issuerName: string }> };
  const license = mine.licenses.find((l) => l.typeName === '结婚证')!;
  expect(license).toBeDefined();
  const offline = (await (await citizen.api.get(`/api/v1/public/licenses/${license.ref}/offline`)).json()) as { jws: string };
  await citizen.api.dispose();

  const context = await contextFor(browser, PHONE);
  const page = await context.newPage();
  // What the QR code holds: the page and, after #, the signed payload (never sent to the server).
  await page.goto(`/licenses/verify/${license.ref}#${offline.jws}`);
  await expect(page.getByRole('heading', { name: '电子证照核验', level: 1 })).toBeVisible();
  const verdict = page.getByTestId('license-verdict');
  await expect(verdict).toContainText('有效');
  await expect(verdict).not.toContainText('无效');
  await expect(page.getByRole('heading', { name: '结婚证' })).toBeVisible();
  await expect(page.getByText(license.number)).toBeVisible();
  await expect(page.getByText(license.issuerName, { exact: true })).toBeVisible();
  const checks = page.getByRole('list', { name: '核验项目' }).getByRole('listitem');
  await expect(checks).toHaveCount(4);
  for (const item of await checks.all()) await expect(item).toContainText('通过');
  await expectNoHorizontalScroll(page);
  await shot(page, 'licenses-verify-01-valid');

  // It is revoked.
  const admin = await apiAs('admin');
  const revoked = await admin.api.post(`/api/v1/licenses/${license.ref}/actions`, {
    headers: { 'x-csrf-token': admin.csrf },
    data: { action: 'revoke', reason: '经核查，婚姻登记时提交的身份证件系伪造，依法撤销婚姻登记' },
  });
  expect(revoked.status()).toBe(200);
  await admin.api.dispose();

  await page.reload();
  await expect(verdict).toContainText('无效');
  await expect(verdict).toContainText('证照已注销');
  const statusCheck = checks.filter({ hasText: '证照状态' });
  await expect(statusCheck).toContainText('不通过');
  await expect(checks.filter({ hasText: '电子印章签章' })).toContainText('通过');
  await expectNoHorizontalScroll(page);
  await shot(page, 'licenses-verify-02-revoked');

  // A reference nobody issued.
  await page.goto('/licenses/verify/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(verdict).toContainText('未找到这个证照');
  await shot(page, 'licenses-verify-03-unknown');
  await context.close();
});
