/**
 * The end-to-end slice, done the way people do it:
 *   1. the catalog administrator publishes a draft item (食品小作坊登记, which persons may apply for online);
 *   2. a citizen on a phone finds it through the portal search, reads the guide, applies online (signing in when
 *      asked), uploads a PDF and submits — and gets a case number;
 *   3. the window clerk accepts the case at the workbench;
 *   4. the reviewer grants it (准予许可);
 *   5. the citizen, on the phone again, sees 已办结 with the decision and the whole timeline.
 * Every actor has a browser context of their own; screenshots go to e2e/artifacts/<step>.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { contextFor, DESKTOP, expectNoHorizontalScroll, minimalPdf, PHONE, pressExpectingOk, shot, signIn } from './support.ts';

/** A draft of 泰州市市场监督管理局 in the demo world: serviceObjects person+entity, online depth up to 4 (在线申请). */
const ITEM = '食品小作坊登记';
const AGENCY = '泰州市市场监督管理局';
/** The applicant-provided materials the item requires (server/src/seed/world/items/scjgj.ts). */
const REQUIRED_MATERIALS = ['食品小作坊登记申请书', '生产加工场所平面图和设备布局图', '从业人员健康证明'];
/** The demo citizen 李明's identity number and phone, as he would type them. */
const CITIZEN_ID = '321202199003150312';
const CITIZEN_PHONE = '13952600315';

let caseNumber = '';

/** Open a case from the workbench queue: its tab, then the link that is its number. */
async function openFromQueue(page: Page, tab: string, number: string): Promise<void> {
  await expect(page.getByRole('heading', { name: '办件队列', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  const link = page.getByRole('link', { name: number, exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
  await expect(page.getByText(number, { exact: true }).first()).toBeVisible();
}

/** Press an action button, read the dialog that explains what it means, and confirm it. */
async function actAndConfirm(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `确认${action}？` });
  await expect(dialog).toBeVisible();
  await pressExpectingOk(page, dialog.getByRole('button', { name: '确认', exact: true }), /\/api\/v1\/cases\/[^/]+\/actions?$/);
  await expect(page.getByText(`已完成：${action}`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

test.describe.serial('通办 slice: publish → apply on a phone → accept → grant → see the result', () => {
  test('the catalog administrator publishes a draft item', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/admin');
    await signIn(page, 'catalog');
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { name: '管理后台', level: 1 })).toBeVisible();

    // Only the items never published (filter 未发布): the four items of 泰州市市场监督管理局 that are not yet public.
    const filter = page.getByRole('radiogroup', { name: '按状态筛选' });
    await filter.getByText('未发布', { exact: true }).click();
    await expect(page).toHaveURL(/status=draft/);
    const row = page.getByRole('row').filter({ hasText: ITEM });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(AGENCY);
    // Not yet public: 草稿 (the seed leaves these versions reviewed and waiting to be published).
    const unpublished = /草稿|待发布/;
    await expect(row).toContainText(unpublished);
    for (const other of ['第二类医疗器械经营备案', '第三类医疗器械经营许可', '特种设备使用登记']) {
      await expect(page.getByRole('row').filter({ hasText: other })).toContainText(unpublished);
    }
    await shot(page, '01-admin-drafts');

    await row.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: `发布“${ITEM}”？` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('对公众可见');
    await pressExpectingOk(page, dialog.getByRole('button', { name: '确认', exact: true }), '/publish');
    await expect(page.getByText(`已发布：${ITEM}`)).toBeVisible();
    // It leaves the list of drafts …
    await expect(page.getByRole('row').filter({ hasText: ITEM })).toHaveCount(0);
    await shot(page, '02-admin-published');
    // … and is listed as published.
    await filter.getByText('已发布', { exact: true }).click();
    await expect(page).toHaveURL(/status=published/);
    const find = page.getByRole('searchbox', { name: '搜索事项' });
    await find.fill(ITEM);
    await find.press('Enter');
    const published = page.getByRole('row').filter({ hasText: ITEM });
    await expect(published).toHaveCount(1);
    await expect(published).toContainText('已发布');
    await context.close();
  });

  test('a citizen on a phone finds the item, applies online and gets a case number', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '想办什么事？' })).toBeVisible();
    await expectNoHorizontalScroll(page);

    const search = page.getByRole('searchbox', { name: '搜索事项' });
    await search.fill('小作坊');
    await search.press('Enter');
    await expect(page.getByRole('heading', { name: '“小作坊”的搜索结果' })).toBeVisible();
    const result = page.getByRole('link').filter({ hasText: ITEM });
    await expect(result).toBeVisible();
    await expect(result).toContainText(AGENCY);
    await expect(result).toContainText('可在线办');
    await shot(page, '03-citizen-search');
    await result.tap();

    // The guide: name, agency, the facts, the materials, and the button to apply.
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await expect(page.getByText(AGENCY).first()).toBeVisible();
    for (const m of REQUIRED_MATERIALS) await expect(page.getByText(m).first()).toBeVisible();
    const apply = page.getByRole('button', { name: '在线办理' });
    await expect(apply).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, '04-citizen-guide');

    await apply.tap();
    // Not signed in yet: the app asks, then brings him back to the application.
    await expect(page).toHaveURL(/\/login\?next=/);
    await signIn(page, 'citizen', { touch: true });
    await expect(page).toHaveURL(/\/items\/[^/]+\/apply$/);
    await expect(page.getByRole('heading', { name: '填写表单', level: 2 })).toBeVisible();

    // The form: his name (and address) come from the register; he types the rest.
    await expect(page.getByLabel('经营者姓名')).toHaveValue('李明');
    const fillIfEmpty = async (label: string, value: string) => {
      const input = page.getByLabel(label, { exact: true });
      if ((await input.inputValue()).trim() === '') await input.fill(value);
    };
    await fillIfEmpty('公民身份号码', CITIZEN_ID);
    await fillIfEmpty('联系电话', CITIZEN_PHONE);
    await fillIfEmpty('生产加工场所', '江苏省泰州市海陵区城东街道春晖路18号');
    await page.getByLabel('小作坊名称', { exact: true }).fill('李记手工糕点坊');
    await page.getByLabel('生产加工食品品种', { exact: true }).fill('糕点（烘烤类、蒸煮类）');
    await expectNoHorizontalScroll(page);
    await shot(page, '05-citizen-form');
    await page.getByRole('button', { name: '下一步' }).tap();

    // The materials: one PDF made here, given to each material the item requires.
    await expect(page.getByRole('heading', { name: '上传材料', level: 2 })).toBeVisible();
    const pdf = minimalPdf('Tongban e2e: small food workshop');
    for (const m of REQUIRED_MATERIALS) {
      const stored = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/files');
      await page.getByLabel(`上传${m}`).setInputFiles({ name: `${m}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      const r = await stored;
      expect(r.ok(), `upload of ${m}.pdf answered ${r.status()}: ${(await r.text()).slice(0, 300)}`).toBe(true);
      await expect(page.getByRole('button', { name: `删除${m}.pdf` })).toBeVisible();
    }
    await expect(page.getByText('已上传', { exact: true })).toHaveCount(REQUIRED_MATERIALS.length);
    await expectNoHorizontalScroll(page);
    await shot(page, '06-citizen-materials');
    await page.getByRole('button', { name: '下一步' }).tap();

    // Check everything once more, then submit.
    await expect(page.getByRole('heading', { name: '确认提交', level: 2 })).toBeVisible();
    await expect(page.getByText('李记手工糕点坊')).toBeVisible();
    for (const m of REQUIRED_MATERIALS) await expect(page.getByText(`${m}.pdf`)).toBeVisible();
    await pressExpectingOk(page, page.getByRole('button', { name: '提交申请' }), '/api/v1/cases', { touch: true });

    await expect(page.getByText('申请已提交')).toBeVisible();
    const sub = page.getByText(/办件编号：/);
    await expect(sub).toBeVisible();
    const m = /办件编号：\s*([0-9A-Za-z-]+)/.exec((await sub.textContent()) ?? '');
    expect(m, 'the success page shows the case number').not.toBeNull();
    caseNumber = m![1]!;
    await expect(page.getByRole('link', { name: '查看办件' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, '07-citizen-submitted');
    await context.close();
  });

  test('the window clerk accepts the case', async ({ browser }) => {
    expect(caseNumber, 'a case was submitted').not.toBe('');
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'clerk');
    await openFromQueue(page, '待受理', caseNumber);
    await expect(page.getByText('已提交').first()).toBeVisible();
    await expect(page.getByText('李记手工糕点坊')).toBeVisible();
    for (const m of REQUIRED_MATERIALS) await expect(page.getByText(`${m}.pdf`).first()).toBeVisible();

    await actAndConfirm(page, '受理');
    await expect(page.getByText('审查中').first()).toBeVisible();
    await shot(page, '08-clerk-accepted');
    await context.close();
  });

  test('the reviewer grants it', async ({ browser }) => {
    expect(caseNumber, 'a case was submitted').not.toBe('');
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'reviewer');
    await openFromQueue(page, '审查中', caseNumber);

    await actAndConfirm(page, '准予许可');
    await expect(page.getByText('已办结').first()).toBeVisible();
    await expect(page.getByText('办理结果：准予许可')).toBeVisible();
    await shot(page, '09-reviewer-granted');
    await context.close();
  });

  test('the citizen sees the case closed, with the decision and the timeline', async ({ browser }) => {
    expect(caseNumber, 'a case was submitted').not.toBe('');
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: /我的办件/ }).first().tap();
    await signIn(page, 'citizen', { touch: true });
    await expect(page).toHaveURL(/\/my\/cases$/);
    await expect(page.getByRole('heading', { name: '我的办件', level: 1 })).toBeVisible();

    const card = page.getByRole('link').filter({ hasText: caseNumber });
    await expect(card).toBeVisible();
    await expect(card).toContainText(ITEM);
    await expect(card).toContainText('已办结');
    await expectNoHorizontalScroll(page);
    await shot(page, '10-citizen-my-cases');
    await card.tap();

    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await expect(page.getByText(caseNumber).first()).toBeVisible();
    await expect(page.getByText('已办结', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('办理结果：准予许可')).toBeVisible();

    // The card titled 办理过程 (antd Card has no landmark role of its own).
    const timeline = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '办理过程' }) });
    // Submitted, accepted, granted — and the decision delivered (electronically, by the system), which closes it.
    await expect(timeline.getByRole('listitem')).toHaveCount(4);
    const steps = timeline.getByRole('listitem');
    await expect(steps.nth(0)).toContainText('提交申请');
    await expect(steps.nth(0)).toContainText('李明');
    await expect(steps.nth(1)).toContainText('受理');
    await expect(steps.nth(1)).toContainText('李晓燕');
    await expect(steps.nth(2)).toContainText('准予许可');
    await expect(steps.nth(2)).toContainText('张明远');
    await expect(steps.nth(3)).toContainText('送达结果，办结');
    await expectNoHorizontalScroll(page);
    await shot(page, '11-citizen-case-closed');
    await context.close();
  });
});
