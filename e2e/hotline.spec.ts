/**
 * 12345 热线一件事: a caller asks the hotline what it takes to register a newborn.
 *   1. the operator 孙佳怡 opens 热线一件事, picks 新生儿出生, answers the questions with the caller, reads them the
 *      one-time list, enters the caller's name and mobile and sends it;
 *   2. the SMS is in the development outbox, to the caller's (masked) number, with the link;
 *   3. the caller opens the link: the portal's bundle page with their answers, the same list at once.
 */
import { expect, test } from '@playwright/test';
import { answerNewborn, contextFor, DESKTOP, shot, signIn } from './support.ts';

const BUNDLE = '新生儿出生“一件事”';
const CALLER = { name: '王芳', phone: '13851234567', masked: '138****4567' };

test('the hotline answers 新生儿出生 with a caller and sends the list; the link opens it with those answers', async ({ browser }) => {
  const context = await contextFor(browser, DESKTOP);
  const page = await context.newPage();
  await page.goto('/workbench');
  await signIn(page, 'operator');
  // The operator handles no cases: the workbench opens on 热线一件事.
  await expect(page).toHaveURL(/\/workbench\/hotline$/);
  await expect(page.getByRole('heading', { name: '12345 热线 · 一件事', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(BUNDLE) }).check();
  await answerNewborn(page);
  await page.getByRole('button', { name: '生成一次性告知清单' }).click();
  await expect(page.getByTestId('plan-materials')).toBeVisible();
  const materials = await page.getByTestId('material-name').allTextContents();
  expect(materials.length).toBeGreaterThan(0);

  // A wrong number is caught before anything is sent.
  await page.getByLabel('来电人姓名').fill(CALLER.name);
  await page.getByLabel('来电人手机号码').fill('1385123');
  await page.getByRole('button', { name: '发送清单短信' }).click();
  await expect(page.getByText('手机号码应为 11 位数字')).toBeVisible();
  await page.getByLabel('来电人手机号码').fill(CALLER.phone);
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/hotline/bundle-referrals') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '发送清单短信' }).click();
  expect((await sent).status()).toBe(201);
  await expect(page.getByText(`已发送到 ${CALLER.masked}`)).toBeVisible();
  await shot(page, 'hotline-01-sent');
  await context.close();

  // The platform administrator's 开发发件箱 shows the SMS.
  const adminContext = await contextFor(browser, DESKTOP);
  const admin = await adminContext.newPage();
  await admin.goto('/admin/dev-outbox');
  await signIn(admin, 'admin');
  const row = admin.getByRole('row').filter({ hasText: CALLER.masked }).filter({ hasText: '一次办清单' });
  await expect(row).toHaveCount(1);
  await shot(admin, 'hotline-02-outbox');
  const text = (await row.textContent()) ?? '';
  const link = /\/bundles\/newborn\?answers=[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link).toBeTruthy();
  await adminContext.close();

  // The caller opens the link (signed out): the bundle with their answers, the same list at once.
  const callerContext = await contextFor(browser, DESKTOP);
  const portal = await callerContext.newPage();
  await portal.goto(link!);
  await expect(portal.getByRole('heading', { name: BUNDLE, level: 1 })).toBeVisible();
  await expect(portal.getByTestId('plan-materials')).toBeVisible();
  expect(await portal.getByTestId('material-name').allTextContents()).toEqual(materials);
  await shot(portal, 'hotline-03-link-opened');
  // Their answers are the questionnaire's when they change them.
  await portal.getByRole('button', { name: '修改回答' }).click();
  await expect(portal.getByRole('group', { name: '新生儿随父亲还是随母亲落户？' }).getByRole('radio', { name: '随父落户' })).toBeChecked();
  await callerContext.close();
});
