/**
 * Data sharing between departments (issue 7, Done-when): 市民政局 requests 人口基本信息 for a stated purpose and
 * some of its data items, the platform (数据管理员) accepts within its 3 working days, 市公安局 approves within its
 * 10 — letting 出生日期 through whole, the address stays masked — 市民政局 makes an API key, its system reads one
 * person by ID over HTTP and gets only the granted items, and the call appears in 市公安局's access log.
 * Screenshots go to e2e/artifacts/sharing-<step>.png.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { makeResidentId } from '../server/src/platform/codes/index.ts';
import { baseURL, contextFor, DESKTOP, pressExpectingOk, shot, signIn } from './support.ts';

// The demo citizen 李明 (server/src/seed/world/people.ts), born 1990-03-15, in the population register.
const RESIDENT_ID = makeResidentId('321202', '19900315', '031');
const PURPOSE = '办理最低生活保障审核时核验申请人身份、年龄和户籍地址';
const UNMASK_REASON = '低保补助标准按申请人年龄段核定，需要完整出生日期';

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto('/admin');
  await signIn(page, username);
  await expect(page).toHaveURL(/\/admin\/sharing\/resources$/);
  return page;
}

test.describe.configure({ mode: 'serial' });
let apiKey = '';

test('市民政局 requests 人口基本信息 with a purpose and some items, 出生日期 asked for unmasked', async ({ browser }) => {
  const page = await signedIn(browser, 'data_mzj');
  // A data officer sees the sharing sections only.
  await expect(page.getByRole('tab')).toHaveText(['资源目录', '共享申请', '部门审批', '访问日志', '基础库']);
  const row = page.locator('tr.ant-table-row').filter({ hasText: '人口基本信息' });
  await expect(row).toContainText('泰州市公安局');
  await expect(row).toContainText('有条件共享');
  await shot(page, 'sharing-01-catalog');
  await row.getByRole('button', { name: '申请使用 人口基本信息' }).click();
  const dialog = page.getByRole('dialog', { name: '申请共享“人口基本信息”' });
  await dialog.getByLabel('用途').fill(PURPOSE);
  for (const item of ['姓名', '性别', '出生日期（敏感）', '户籍地址（敏感）']) await dialog.getByRole('checkbox', { name: item, exact: true }).check();
  await dialog.getByRole('checkbox', { name: '出生日期', exact: true }).check();
  await dialog.getByLabel('不脱敏的理由').fill(UNMASK_REASON);
  await shot(page, 'sharing-02-request-form', { fullPage: false });
  await pressExpectingOk(page, dialog.getByRole('button', { name: '提交申请' }), '/api/v1/sharing/requests');
  await expect(dialog.getByText('申请已提交')).toBeVisible();
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('tab', { name: '共享申请' }).click();
  const mine = page.locator('tr.ant-table-row').filter({ hasText: '人口基本信息' }).first();
  await expect(mine).toContainText('平台审核');
  await expect(mine.getByText('绿灯')).toHaveCount(1);
  await shot(page, 'sharing-03-my-request');
  await page.context().close();
});

test('the platform accepts it within its limit, shown by the light', async ({ browser }) => {
  const page = await signedIn(browser, 'data');
  await page.getByRole('tab', { name: '申请审核' }).click();
  const row = page.locator('tr.ant-table-row').filter({ hasText: PURPOSE });
  await expect(row).toContainText('泰州市民政局');
  await expect(row).toContainText('绿灯');
  await shot(page, 'sharing-04-review-queue');
  await pressExpectingOk(page, row.getByRole('button', { name: '受理', exact: true }), /\/review$/);
  await expect(row).toBeHidden();
  // Accepted, it now waits for 市公安局: the platform follows it there with its new (10-working-day) light.
  const oversight = page.locator('tr.ant-table-row').filter({ hasText: '泰州市民政局' }).filter({ hasText: '泰州市公安局' });
  await expect(oversight.first()).toContainText('绿灯');
  await shot(page, 'sharing-04b-at-provider');
  await page.context().close();
});

test('市公安局 approves within its 10 working days, 出生日期 whole', async ({ browser }) => {
  const page = await signedIn(browser, 'data_gaj');
  await page.getByRole('tab', { name: '部门审批' }).click();
  const row = page.locator('tr.ant-table-row').filter({ hasText: PURPOSE });
  await expect(row).toContainText('绿灯');
  await shot(page, 'sharing-05-provider-queue');
  await row.getByRole('button', { name: '同意', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /同意共享“人口基本信息”/ });
  await dialog.getByRole('checkbox', { name: '出生日期' }).check();
  await shot(page, 'sharing-06-approve', { fullPage: false });
  await pressExpectingOk(page, dialog.getByRole('button', { name: '确认' }), /\/decision$/);
  await expect(row).toBeHidden();
  await page.context().close();
});

test('市民政局 makes an API key for the grant, shown once', async ({ browser }) => {
  const page = await signedIn(browser, 'data_mzj');
  await page.getByRole('tab', { name: '共享申请' }).click();
  await expect(page.locator('tr.ant-table-row').filter({ hasText: PURPOSE.slice(0, 4) }).or(page.getByText('已授权')).first()).toBeVisible();
  await page.getByRole('button', { name: '新建密钥 人口基本信息' }).click();
  const dialog = page.getByRole('dialog', { name: '新建密钥' });
  await dialog.getByLabel('密钥用途（如系统名称）').fill('低保审核系统');
  await pressExpectingOk(page, dialog.getByRole('button', { name: '新建密钥' }), /\/keys$/);
  apiKey = (await dialog.getByTestId('new-api-key').textContent())!.trim();
  expect(apiKey).toMatch(/^tbk_/);
  await shot(page, 'sharing-07-api-key', { fullPage: false });
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('低保审核系统')).toBeVisible();
  await shot(page, 'sharing-08-grants');
  await page.context().close();
});

test('its system reads one person and gets only the granted items; the access is in 市公安局’s log', async ({ browser }) => {
  const res = await fetch(`${baseURL()}/api/v1/sharing/population-basic/records?key=${RESIDENT_ID}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { records: Array<Record<string, string>>; masked: string[] };
  expect(body.records).toHaveLength(1);
  const person = body.records[0]!;
  expect(Object.keys(person)).toEqual(['residentId', 'name', 'sex', 'birthDate', 'householdAddress']);
  expect(person).toMatchObject({ name: '李明', birthDate: '1990-03-15' });
  expect(person.residentId).toContain('****');
  expect(person.householdAddress).toMatch(/\*\*\*\*$/);
  expect(body.masked).toEqual(['residentId', 'householdAddress']);
  const bad = await fetch(`${baseURL()}/api/v1/sharing/household/records?key=${RESIDENT_ID}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(bad.status).toBe(403);

  const page = await signedIn(browser, 'data_gaj');
  await page.getByRole('tab', { name: '访问日志' }).click();
  await expect(async () => {
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('tr.ant-table-row').filter({ hasText: '成功' }).filter({ hasText: '泰州市民政局' }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  const ok = page.locator('tr.ant-table-row').filter({ hasText: '成功' }).first();
  await expect(ok).toContainText('人口基本信息');
  await expect(ok).toContainText(`${RESIDENT_ID.slice(0, 6)}********`);
  await expect(ok).toContainText('公民身份号码、姓名、性别、出生日期、户籍地址');
  await expect(page.locator('tr.ant-table-row').filter({ hasText: '非授权资源' }).first()).toBeVisible();
  await shot(page, 'sharing-09-access-log');
  await page.context().close();
});
