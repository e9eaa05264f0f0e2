/**
 * 数据多跑路，群众少跑腿 (seed 000 §26), on a phone:
 *   1. the demo citizen opens 户口迁移登记（市内迁移）: the guide lists the 居民户口簿 as "由部门共享获取，您无需提交",
 *      provided by 泰州市公安局 (户籍信息);
 *   2. the application form arrives pre-filled from the registers — 性别, 民族, 出生日期 and the 现户籍地址, each said
 *      to come from the department's register — no 户口簿 upload is asked, and the citizen submits;
 *   3. the window clerk opens the case and sees 共享数据核验: the applicant's claims beside the register values, all
 *      matching, and the household extract that stands for the 户口簿.
 * Screenshots go to e2e/artifacts/sharing-*.png.
 */
import { expect, test } from '@playwright/test';
import { contextFor, DESKTOP, expectNoHorizontalScroll, implCodeOf, PHONE, pressExpectingOk, shot, signIn, uploadEach } from './support.ts';

const ITEM = '户口迁移登记（市内迁移）';

let caseId = '';


test.describe.serial('the registers fill the form and stand for the 户口簿', () => {
  test('the citizen is not asked for the 户口簿, finds the form filled from the registers, and submits', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    const implCode = await implCodeOf(page.request, ITEM);
    await page.goto(`/items/${implCode}`);
    await page.getByRole('tab', { name: /材料/ }).tap();
    const household = page.getByRole('listitem').filter({ hasText: '居民户口簿' }).first();
    await expect(household).toContainText('由部门共享获取，您无需提交');
    await expect(household).toContainText('提供部门：泰州市公安局（户籍信息）');
    // The other material is still the applicant's to bring.
    await expect(page.getByRole('listitem').filter({ hasText: '迁入地合法稳定住所证明' }).first()).not.toContainText('无需提交');
    await expectNoHorizontalScroll(page);
    await shot(page, 'sharing-01-guide');

    await page.getByRole('button', { name: '在线办理' }).tap();
    await signIn(page, 'citizen', { touch: true });
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    // Filled from 人口基本信息 and 户籍信息 (泰州市公安局); editable, and said where it came from.
    await expect(page.getByRole('radio', { name: '男' })).toBeChecked();
    await expect(page.getByLabel('民族', { exact: true })).toHaveValue('汉族');
    await expect(page.getByLabel('出生日期', { exact: true })).toHaveValue('1990-03-15');
    const address = page.getByLabel('现户籍地址', { exact: true });
    await expect(address).toHaveValue(/^江苏省泰州市海陵区/);
    await expect(address).toBeEditable();
    await expect(page.getByTestId('from-register-fromAddress')).toHaveText('来自泰州市公安局户籍信息（可修改）');
    await expect(page.getByTestId('from-register-sex')).toHaveText('来自泰州市公安局人口基本信息（可修改）');
    await page.getByLabel('迁入地址', { exact: true }).fill('江苏省泰州市海陵区城东街道凤凰路66号');
    await page.getByLabel('随迁人数', { exact: true }).fill('1');
    await expectNoHorizontalScroll(page);
    await shot(page, 'sharing-02-form-prefilled');
    await page.getByRole('button', { name: '下一步' }).tap();

    // The 户口簿 is not asked for; only the proof of the new home is.
    await expect(page.getByTestId('shared-M01')).toContainText('由部门共享获取，您无需提交');
    await expect(page.getByLabel('上传居民户口簿')).toHaveCount(0);
    await uploadEach(page, page, ['迁入地合法稳定住所证明'], 'Tongban e2e 房屋所有权人同意入户声明');
    await expectNoHorizontalScroll(page);
    await shot(page, 'sharing-03-materials');
    await page.getByRole('button', { name: '下一步' }).tap();
    await expect(page.getByText('由部门共享获取的材料（您无需提交）')).toBeVisible();
    await expect(page.getByText('提供部门：泰州市公安局（户籍信息）')).toBeVisible();
    await shot(page, 'sharing-04-confirm');
    await pressExpectingOk(page, page.getByRole('button', { name: '提交申请' }), '/api/v1/cases', { touch: true });
    const view = page.getByRole('link', { name: '查看办件' });
    await expect(view).toBeVisible();
    caseId = /\/my\/cases\/([^/?#]+)/.exec((await view.getAttribute('href')) ?? '')![1]!;
    await context.close();
  });

  test('the clerk sees 共享数据核验: the claims match the registers, and the household stands for the 户口簿', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`/workbench/cases/${caseId}`);
    await signIn(page, 'clerk');
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    const card = page.getByTestId('register-check');
    await expect(card).toContainText('共享数据核验');
    await expect(card).toContainText('全部一致');
    for (const title of ['申请人姓名', '公民身份号码', '性别', '民族', '出生日期', '现户籍地址']) {
      await expect(card.getByRole('row').filter({ hasText: title }).first()).toHaveAttribute('data-match', 'match');
    }
    await expect(card).toContainText('泰州市公安局 · 户籍信息');
    await expect(card.getByRole('row').filter({ hasText: '公民身份号码' }).first()).toContainText('泰州市公安局 · 人口基本信息');
    const extract = page.getByTestId('register-extract-M01');
    await expect(extract).toContainText('居民户口簿：由泰州市公安局“户籍信息”提供');
    await expect(extract).toContainText('户主');
    await expect(extract).toContainText('李娜');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'sharing-05-clerk-check', { fullPage: true });
    await context.close();
  });
});
