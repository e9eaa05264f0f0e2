/**
 * A whole case the way people live it, with the review steps of the item:
 *   1. a citizen on a phone applies for 个人独资企业设立登记 (result picked up at the window);
 *   2. the window clerk sends ONE supplement notice naming two materials, each with its reason;
 *   3. the citizen supplements both online, on the phone;
 *   4. the clerk accepts;
 *   5. the reviewer finishes the step 审查 with an opinion, then grants at the last step 核准;
 *   6. the clerk hands over the result (送达办结);
 *   7. the citizen sees the granted result, the steps and who did each, and downloads the decision PDF.
 * Screenshots go to e2e/artifacts/journey-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { caseNumberShown, confirmAction, contextFor, DESKTOP, expectNoHorizontalScroll, fillIfEmpty, PHONE, pressExpectingOk, shot, signIn, uploadEach } from './support.ts';

const ITEM = '个人独资企业设立登记';
/** The applicant-provided materials the item requires (server/src/seed/world/items/scjgj.ts). */
const MATERIALS = ['个人独资企业登记（备案）申请书', '企业住所使用证明'];
const REASONS = ['申请书第2页投资人未签名，请签名后重新上传', '租赁合同未写明租赁期限和房屋用途，请上传写明期限和用途的合同'];

let caseNumber = '';

async function openFromQueue(page: Page, tab: string, number: string): Promise<void> {
  await expect(page.getByRole('heading', { name: '办件队列', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const link = page.getByRole('link', { name: number, exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
}

async function openMyCase(page: Page): Promise<void> {
  await page.goto('/my/cases');
  // A fresh phone: the app asks to sign in first, then comes back to 我的办件.
  await expect(page.getByRole('heading', { name: /^(登录|我的办件)$/, level: 1 })).toBeVisible();
  if (await page.getByRole('heading', { name: '登录', level: 1 }).isVisible()) await signIn(page, 'citizen', { touch: true });
  await expect(page.getByRole('heading', { name: '我的办件', level: 1 })).toBeVisible();
  // The case's own card (the banner above may link to it too while a notice is open).
  const card = page.getByRole('link').filter({ hasText: caseNumber }).filter({ hasText: '办件编号' });
  await expect(card).toBeVisible();
  await card.tap();
  await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
}

test.describe.serial('journey: apply → one supplement notice → supplement → accept → review steps → grant → deliver → download', () => {
  test('a citizen applies on a phone, asking to pick the result up at the window', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: '搜索事项' });
    await search.fill('个人独资企业');
    await search.press('Enter');
    await page.getByRole('link').filter({ hasText: ITEM }).first().tap();
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await page.getByRole('button', { name: '在线办理' }).tap();
    await signIn(page, 'citizen', { touch: true });
    await expect(page.getByRole('heading', { name: '填写表单', level: 2 })).toBeVisible();

    await fillIfEmpty(page, '公民身份号码', '321202199003150312');
    await fillIfEmpty(page, '联系电话', '13952600315');
    await page.getByLabel('企业名称', { exact: true }).fill('泰州市海陵区李明文具店');
    // Typed key by key, as on a phone keyboard (the number box parses as it goes).
    await page.getByLabel('出资额（万元）', { exact: true }).pressSequentially('10');
    await fillIfEmpty(page, '企业住所', '江苏省泰州市海陵区春晖路18号');
    await page.getByLabel('经营范围', { exact: true }).fill('文具用品零售；办公用品销售');
    await page.getByRole('button', { name: '下一步' }).tap();

    await expect(page.getByRole('heading', { name: '上传材料', level: 2 })).toBeVisible();
    await uploadEach(page, page, MATERIALS, 'Tongban e2e journey');
    await page.getByRole('button', { name: '下一步' }).tap();

    await expect(page.getByRole('heading', { name: '确认提交', level: 2 })).toBeVisible();
    await page.getByText('窗口领取', { exact: true }).tap();
    await expectNoHorizontalScroll(page);
    await shot(page, 'journey-01-citizen-confirm');
    await pressExpectingOk(page, page.getByRole('button', { name: '提交申请' }), '/api/v1/cases', { touch: true });
    caseNumber = await caseNumberShown(page);
    await context.close();
  });

  test('the clerk sends one notice listing both materials, each with its reason', async ({ browser }) => {
    expect(caseNumber).not.toBe('');
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'clerk');
    await openFromQueue(page, '待受理', caseNumber);
    await confirmAction(
      page,
      '一次性告知补正',
      async (dialog) => {
        for (const [i, m] of MATERIALS.entries()) {
          await dialog.getByRole('checkbox', { name: m }).check();
          await dialog.getByLabel(`“${m}”的问题和补正要求`).fill(REASONS[i]!);
        }
      },
      'journey-02-clerk-notice',
    );
    await expect(page.getByText('待补正材料').first()).toBeVisible();
    await context.close();
  });

  test('the citizen reads the notice and supplements both materials on the phone', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await openMyCase(page);
    const notice = page.locator('section').filter({ has: page.getByRole('heading', { name: '需要补正的材料' }) });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('listitem')).toHaveCount(2);
    for (const [i, m] of MATERIALS.entries()) {
      await expect(notice.getByRole('listitem').nth(i)).toContainText(m);
      await expect(notice.getByRole('listitem').nth(i)).toContainText(REASONS[i]!);
    }
    await expectNoHorizontalScroll(page);
    await shot(page, 'journey-03-citizen-notice');
    await uploadEach(page, notice, MATERIALS, 'Tongban e2e supplement', '（补正）');
    await expect(notice.getByRole('status')).toContainText('都补好了');
    await pressExpectingOk(page, notice.getByRole('button', { name: '提交补正' }), /\/actions$/, { touch: true });
    await expect(page.getByText('已提交，待受理').first()).toBeVisible();
    await shot(page, 'journey-04-citizen-supplemented');
    await context.close();
  });

  test('the clerk accepts the supplemented case', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'clerk');
    await openFromQueue(page, '待受理', caseNumber);
    for (const m of MATERIALS) await expect(page.getByText(`${m}（补正）.pdf`).first()).toBeVisible();
    await confirmAction(page, '受理');
    await expect(page.getByText('审查中').first()).toBeVisible();
    await context.close();
  });

  test('the reviewer finishes 审查 with an opinion, then grants at 核准', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'reviewer');
    await openFromQueue(page, '审查中', caseNumber);
    const steps = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '审查环节' }) });
    await expect(steps).toContainText('审查');
    await expect(steps).toContainText('核准');
    // Not the last step yet: no decision offered.
    await expect(page.getByRole('button', { name: '准予许可', exact: true })).toHaveCount(0);
    await confirmAction(page, '完成审查', (dialog) => dialog.getByLabel('本环节意见').fill('申请材料齐全，补正后的申请书已签名，住所使用证明载明期限和用途，同意进入核准'), 'journey-05-reviewer-review');
    await expect(steps).toContainText('张明远');
    await confirmAction(page, '准予许可');
    await expect(page.getByText('已决定，待送达').first()).toBeVisible();
    await shot(page, 'journey-06-reviewer-granted');
    await context.close();
  });

  test('the clerk hands the result over at the window', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'clerk');
    await openFromQueue(page, '待送达', caseNumber);
    await confirmAction(page, '送达办结');
    await expect(page.getByText('已办结').first()).toBeVisible();
    await shot(page, 'journey-07-clerk-delivered');
    await context.close();
  });

  test('the citizen sees the granted result with every step and downloads the decision', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await openMyCase(page);
    await expect(page.getByText('已办结', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('办理结果：准予许可')).toBeVisible();
    const timeline = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '办理过程' }) });
    for (const s of ['提交申请', '一次性告知补正', '补正材料', '受理', '审查完成', '准予许可', '送达结果，办结']) await expect(timeline).toContainText(s);
    await expect(timeline).toContainText('张明远');
    await expect(timeline).toContainText('李晓燕');
    await expectNoHorizontalScroll(page);
    await shot(page, 'journey-08-citizen-granted');

    const download = page.getByRole('link', { name: /下载决定书/ });
    await expect(download).toBeVisible();
    const href = await download.getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.ok()).toBe(true);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });
});
