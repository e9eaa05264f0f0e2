/**
 * 告知承诺制 (approval on commitment), end to end:
 *   1. a citizen on a phone applies for 食品经营许可（新办）; submitting asks for the signed commitment first;
 *   2. the window clerk accepts — which grants the licence at once and opens a verification task;
 *   3. the reviewer finds the task under 待核查, inspects, and records a false commitment with its reason;
 *   4. the citizen sees the licence revoked and why.
 * Screenshots: e2e/artifacts/commitment-*.png.
 */
import { expect, test } from '@playwright/test';
import { caseNumberShown, confirmAction, contextFor, DESKTOP, expectNoHorizontalScroll, fillIfEmpty, PHONE, pressExpectingOk, shot, signIn, uploadEach } from './support.ts';

const ITEM = '食品经营许可（新办）';
const AGENCY = '泰州市市场监督管理局';
const REQUIRED = [
  '食品经营许可申请书',
  '与食品经营相适应的主要设备设施清单',
  '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单',
  '经营场所平面布局图',
];
const FALSE_FINDING = '现场核查发现后厨未设置独立的粗加工区和餐用具清洗消毒设施，与承诺的经营条件不符';

let caseNumber = '';

test.describe.serial('告知承诺制: sign → granted on acceptance → verified → false commitment revokes', () => {
  test('the citizen signs the commitment when applying on a phone', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: '搜索事项' });
    await search.fill('食品经营许可');
    await search.press('Enter');
    await page.getByRole('link').filter({ hasText: ITEM }).filter({ hasText: AGENCY }).first().tap();
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await page.getByRole('button', { name: '在线办理' }).tap();
    await signIn(page, 'citizen', { touch: true });
    await expect(page.getByRole('heading', { name: '填写表单', level: 2 })).toBeVisible();

    await fillIfEmpty(page, '经营者名称', '泰州市海陵区李记小吃店');
    await fillIfEmpty(page, '统一社会信用代码', '92321202MA1XYZ1234');
    await fillIfEmpty(page, '经办人联系电话', '13952600315');
    await fillIfEmpty(page, '法定代表人（负责人）', '李明');
    await fillIfEmpty(page, '经营场所', '江苏省泰州市海陵区春晖路18号');
    await page.getByRole('radio', { name: '餐饮服务经营者' }).check();
    await page.getByLabel('经营项目', { exact: true }).fill('热食类食品制售');
    await page.getByRole('button', { name: '下一步' }).tap();

    await expect(page.getByRole('heading', { name: '上传材料', level: 2 })).toBeVisible();
    await uploadEach(page, page, REQUIRED, 'Tongban e2e commitment');
    await page.getByRole('button', { name: '下一步' }).tap();

    await expect(page.getByRole('heading', { name: '确认提交', level: 2 })).toBeVisible();
    const commitment = page.locator('section').filter({ has: page.getByRole('heading', { name: '告知承诺' }) });
    await expect(commitment).toContainText('如有虚假承诺');
    // Submitting without the commitment: the page says what is missing and files nothing.
    await page.getByRole('button', { name: '提交申请' }).tap();
    await expect(commitment).toContainText('请先勾选');
    await commitment.getByRole('checkbox', { name: '我已阅读，并作出以上承诺' }).check();
    await commitment.getByLabel('签名（申请人姓名）').fill('李明');
    await expectNoHorizontalScroll(page);
    await commitment.scrollIntoViewIfNeeded();
    await shot(page, 'commitment-01-citizen-signs', { fullPage: false });
    await pressExpectingOk(page, page.getByRole('button', { name: '提交申请' }), '/api/v1/cases', { touch: true });
    caseNumber = await caseNumberShown(page);
    await context.close();
  });

  test('the clerk accepts, which grants at once and opens the verification', async ({ browser }) => {
    expect(caseNumber).not.toBe('');
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'clerk');
    await page.getByRole('tab', { name: '待受理', exact: true }).click();
    await page.getByRole('link', { name: caseNumber, exact: true }).click();
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await expect(page.getByText(/李明 于 .* 签署了告知承诺书/)).toBeVisible();
    await confirmAction(page, '受理', async (dialog) => {
      await expect(dialog).toContainText('受理即准予许可');
    });
    await expect(page.getByText('办理结果：准予许可')).toBeVisible();
    await expect(page.getByText(/许可后核查：.*前完成/)).toBeVisible();
    await shot(page, 'commitment-02-clerk-granted');
    await context.close();
  });

  test('the reviewer verifies from 待核查 and records a false commitment', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'reviewer');
    await page.getByRole('tab', { name: '待核查', exact: true }).click();
    const link = page.getByRole('link', { name: caseNumber, exact: true });
    await expect(link).toBeVisible();
    await shot(page, 'commitment-03-reviewer-tasks');
    await link.click();
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await confirmAction(
      page,
      '核查承诺',
      async (dialog) => {
        await dialog.getByRole('radio', { name: '承诺不实，撤销许可' }).check();
        await dialog.getByLabel('承诺不实的具体情况').fill(FALSE_FINDING);
      },
      'commitment-04-reviewer-verify',
    );
    await expect(page.getByText('许可已撤销').first()).toBeVisible();
    await expect(page.getByText(FALSE_FINDING).first()).toBeVisible();
    await context.close();
  });

  test('the citizen sees the licence revoked, and why', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/my/cases');
    await signIn(page, 'citizen', { touch: true });
    await page.getByRole('link').filter({ hasText: caseNumber }).filter({ hasText: '办件编号' }).tap();
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await expect(page.getByText('许可已撤销').first()).toBeVisible();
    await expect(page.getByText(`原因：${FALSE_FINDING}`)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, 'commitment-05-citizen-revoked');
    await context.close();
  });
});
