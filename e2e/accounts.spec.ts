/**
 * 统一身份认证 for applicants (issue 8), on a phone: a new person registers with an SMS code and is real-name
 * level 2 because the household register agrees; a company authorises the demo citizen as its agent for 查件 only,
 * the citizen acts for the company within that scope, and the company's revocation ends it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { contextFor, DESKTOP, expectNoHorizontalScroll, PHONE, shot, signIn } from './support.ts';
import { CITIZEN_RESIDENT_ID } from '../server/src/seed/world/people.ts';

/** The latest code the development outbox holds for a number (the SMS simulator records what it would send). */
async function latestCode(browser: Browser, phone: string): Promise<string> {
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto('/login');
  await signIn(page, 'admin');
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  let code: string | undefined;
  await expect
    .poll(async () => {
      const res = await page.request.get('/api/v1/admin/dev-outbox?channel=sms&limit=50');
      const { messages } = (await res.json()) as { messages: Array<{ recipient: string; body: string }> };
      code = /验证码 (\d{6})/.exec(messages.find((m) => m.recipient === masked)?.body ?? '')?.[1];
      return code;
    })
    .toBeTruthy();
  await ctx.close();
  return code!;
}

test('a person registers with an SMS code and is real-name level 2 at once', async ({ browser }) => {
  const ctx = await contextFor(browser, PHONE);
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: '没有账号？注册' }).tap();
  await expect(page.getByRole('heading', { name: '注册个人账号', level: 1 })).toBeVisible();
  const phone = '13811112222';
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).tap();
  await expect(page.getByRole('button', { name: /秒后重新获取/ })).toBeDisabled();
  // Someone the household register knows: the demo citizen's spouse has no account of her own yet.
  const code = await latestCode(browser, phone);
  await page.getByLabel('验证码').fill(code);
  await page.getByLabel('姓名').fill('李娜');
  await page.getByLabel('身份证号码').fill(await spouseId(browser));
  await page.getByLabel('设置密码').fill('Lina2026pass');
  await expectNoHorizontalScroll(page);
  await shot(page, 'accounts-01-register');
  await page.getByRole('button', { name: '注册', exact: true }).tap();
  await expect(page).toHaveURL(/\/my\/account$/);
  await expect(page.getByText('二级实名')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await shot(page, 'accounts-02-account');
  await ctx.close();
});

/** The demo citizen's spouse's ID number, as a window clerk would read it off her ID card (from the register here). */
async function spouseId(browser: Browser): Promise<string> {
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto('/login');
  await signIn(page, 'citizen');
  const res = await page.request.get('/api/v1/me/register-data?keys=spouseIdNumber');
  const body = (await res.json()) as { values: Record<string, string> };
  await ctx.close();
  return body.values.spouseIdNumber!;
}

test('an agent acts for a company within the scope it granted, until it is revoked', async ({ browser }) => {
  // The company authorises the demo citizen for 查件 only.
  const companyCtx = await contextFor(browser, PHONE);
  const company = await companyCtx.newPage();
  await company.goto('/my/account');
  await signIn(company, 'company', { touch: true });
  await company.getByRole('button', { name: '新增授权' }).tap();
  await company.getByLabel('经办人姓名').fill('李明');
  await company.getByLabel('身份证号码').fill(CITIZEN_RESIDENT_ID);
  await company.getByRole('checkbox', { name: '办事（提交申请）' }).uncheck();
  await company.getByRole('button', { name: '授权', exact: true }).tap();
  await expect(company.getByText('有效')).toBeVisible();
  await expectNoHorizontalScroll(company);
  await shot(company, 'accounts-03-company-agents');

  // The citizen switches to the company and sees its cases; applying is not theirs to do.
  const citizenCtx = await contextFor(browser, PHONE);
  const citizen = await citizenCtx.newPage();
  await citizen.goto('/my/account');
  await signIn(citizen, 'citizen', { touch: true });
  await citizen.getByRole('button', { name: '代表该单位办事' }).tap();
  await expect(citizen.getByText(/您正在代表.*（授权：查件（查看办件））/)).toBeVisible();
  await shot(citizen, 'accounts-04-acting');
  const asCompany = await citizen.request.get('/api/v1/auth/me');
  expect(await asCompany.json()).toMatchObject({ subjectType: 'entity', agent: { name: '李明', scopes: ['cases'] } });
  await citizen.goto('/my/cases');
  await expect(citizen.getByRole('heading', { level: 1 })).toBeVisible();
  const apply = await citizen.request.post('/api/v1/cases', { data: { implCode: 'x', form: {}, materials: [] }, headers: { 'x-csrf-token': (await citizenCtx.cookies()).find((c) => c.name === 'csrf_token')!.value } });
  expect(apply.status()).toBe(403);

  // The company revokes; the citizen is themself again on the next page.
  await company.getByRole('button', { name: '撤销 李明' }).tap();
  await expect(company.getByText('已撤销')).toBeVisible();
  await expect.poll(async () => ((await (await citizen.request.get('/api/v1/auth/me')).json()) as { subjectType: string }).subjectType).toBe('person');
  await Promise.all([companyCtx.close(), citizenCtx.close()]);
});

/** Choose an option of the open antd select (its visible list, not the screen-reader copy). */
const pick = (page: Page, text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();

test('an administrator delegates a reviewer’s duties; the delegate works in that department from the header', async ({ browser }) => {
  const adminCtx = await contextFor(browser, DESKTOP);
  const admin = await adminCtx.newPage();
  await admin.goto('/admin/users');
  await signIn(admin, 'admin');
  const row = admin.getByRole('row', { name: /reviewer_gg/ });
  await row.getByRole('button', { name: '岗位与委托' }).click();
  const dialog = admin.getByRole('dialog', { name: /的岗位与委托/ });
  await dialog.getByRole('radio', { name: '委托代办' }).check();
  // antd re-renders its option list as the search narrows: pick again until the choice shows in the field.
  await expect(async () => {
    await dialog.getByLabel('委托人').fill('张明远');
    await pick(admin, '张明远（');
    await expect(dialog).toContainText('张明远（泰州市市场监督管理局）', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(async () => {
    await dialog.getByLabel('角色').click();
    await pick(admin, '审查人员');
    await admin.keyboard.press('Escape');
    await expect(dialog.locator('.ant-select-selection-item, .ant-select-selection-overflow')).toContainText(['审查人员'], { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await dialog.getByPlaceholder('结束日期').click();
  // Today is picked already as the start; the end a week from now.
  const end = new Date(Date.now() + 7 * 86_400_000);
  await admin.locator(`td[title="${end.toISOString().slice(0, 10)}"]`).first().click();
  await dialog.getByLabel('说明').fill('张明远休假');
  await dialog.getByRole('button', { name: '新增岗位或委托' }).click();
  await expect(dialog.getByText('受 张明远 委托：张明远休假')).toBeVisible();
  await shot(admin, 'accounts-05-delegation', { fullPage: false });

  const ggCtx = await contextFor(browser, DESKTOP);
  const gg = await ggCtx.newPage();
  await gg.goto('/workbench');
  await signIn(gg, 'reviewer_gg');
  const orgNow = async () => ((await (await gg.request.get('/api/v1/auth/me')).json()) as { org: { name: string } }).org.name;
  await expect(async () => {
    await gg.getByLabel('办公机构').click();
    await pick(gg, '泰州市市场监督管理局（代 张明远）');
    await expect.poll(orgNow, { timeout: 3_000 }).toBe('泰州市市场监督管理局');
  }).toPass({ timeout: 20_000 });
  // The page reloads in the new organisation; the header says where they work.
  await gg.waitForLoadState('load');
  await expect(gg.locator('header')).toContainText('泰州市市场监督管理局（代 张明远）');
  await shot(gg, 'accounts-06-working-as-delegate', { fullPage: false });
  await Promise.all([adminCtx.close(), ggCtx.close()]);
});
