/**
 * The catalog issue's "done when", done the way people do it:
 *   1. the catalog administrator, at a desk, makes a new item by copying a published one (新建事项 → 复制已有事项),
 *      gives it its own name and codes, adds a vague material (其他材料) and sees the standardization review flag it
 *      right under the field, fixes it, creates the draft and takes it through 提交审核 → 审核通过 → 发布; looks at
 *      its 版本 tab; then retires (停用) another published item with a reason;
 *   2. a citizen on a phone, without signing in, searches the portal the way people talk (我要开饭店), finds the
 *      food business licence first, opens its guide and gets the printable guide as a PDF; the item published in
 *      step 1 is findable by its name, the retired one is not.
 * Every actor has a browser context of their own; screenshots go to e2e/artifacts/catalog-<step>.png.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { contextFor, DESKTOP, expectNoHorizontalScroll, PHONE, pressExpectingOk, shot, signIn } from './support.ts';

/**
 * The published item the administrator copies (泰州市卫生健康委员会, for persons; server/src/seed/world/items/wjw.ts).
 * Its base code is 000115006000: sub-item 000.
 */
const SOURCE = { name: '护士执业注册', agency: '泰州市卫生健康委员会', baseCode: '000115006000' } as const;
/**
 * The new item: a name no other item has, and the source's codes with another sub-item (the base code's last 3
 * digits; the implementation code's last 12 digits are the base code, so they change with it). Every run starts
 * from a freshly seeded database (global-setup.ts), so fixed values stay unique.
 */
const NEW_NAME = '护士执业延续注册';
const NEW_SUB = '002';
const NEW_BASE_CODE = `${SOURCE.baseCode.slice(0, 9)}${NEW_SUB}`;
/** The vague material the review must flag, and the specific one it becomes. */
const VAGUE_MATERIAL = '其他材料';
const SPECIFIC_MATERIAL = '护士执业证书';
/** Another published item for persons, with a name no other agency uses, that the administrator retires. */
const RETIRED = {
  name: '会计人员信息采集',
  agency: '泰州市财政局',
  reason: '根据财政部统一部署，会计人员信息采集改在全国会计人员统一服务管理平台办理，本市不再单独实施。',
} as const;

/** What the citizen types, and what the catalog calls it (scjgj.ts: keyword 开饭店). */
const COLLOQUIAL = '我要开饭店';
const FOOD_LICENCE = '食品经营许可（新办）';

/** The implementation code of the retired item, read off its editor header (for the citizen's old link). */
let retiredImplCode = '';
let published = false;
let retired = false;

/** A button in the editor's action bar (保存草稿, 提交审核, 审核通过, 发布, 停用 …). */
function action(page: Page, name: string): Locator {
  return page.getByRole('toolbar', { name: '操作' }).getByRole('button', { name, exact: true });
}

/** The 标准化审核 summary at the top of the editor. */
function lintSummary(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: '标准化审核' });
}

/** The header of the editor: name, version status tag, version, public version, agency, code. */
async function expectHeader(page: Page, name: string, status: string): Promise<void> {
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.locator('.tb-editor-meta').getByText(status, { exact: true })).toBeVisible();
}

/** A modal.confirm (title + consequence + 确认): read it and confirm, checking the server agreed. */
async function confirmDialog(page: Page, title: string, pathEnd: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await expect(dialog).toBeVisible();
  await pressExpectingOk(page, dialog.getByRole('button', { name: '确认', exact: true }), pathEnd);
  await expect(dialog).toBeHidden();
}

// Not serial: the citizen's search for the food licence does not depend on the administrator's work, so it runs
// (and reports) even when that fails; the last test checks what the first one left behind.
test.describe('通办 catalog: copy → lint → review → publish → retire; a citizen finds it on a phone', () => {
  test('the catalog administrator makes a new item, fixes what the review flags, publishes it and retires another', async ({ browser }) => {
    // A long walk through the editor and the review steps, with screenshots on the way.
    test.setTimeout(180_000);
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/admin');
    await signIn(page, 'catalog');
    await expect(page.getByRole('heading', { name: '管理后台', level: 1 })).toBeVisible();

    // 新建事项 → 复制已有事项: find the item to start from, and copy it.
    await page.getByRole('link', { name: '新建事项' }).click();
    await expect(page).toHaveURL(/\/admin\/items\/new$/);
    await expect(page.getByRole('heading', { name: '新建事项', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '复制已有事项', level: 3 })).toBeVisible();
    const pick = page.getByRole('combobox', { name: '搜索要复制的事项' });
    await pick.click();
    await pick.fill(SOURCE.name);
    // The visible option (antd keeps a second, invisible listbox for screen readers with the same name).
    await page.getByTitle(`${SOURCE.name} · ${SOURCE.agency}`, { exact: true }).click();
    await page.getByRole('button', { name: '复制', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/items\/new\?from=/);
    await expect(page.getByText(`复制自“${SOURCE.name}”`)).toBeVisible();

    // Its own name and codes. The implementation code follows the base code (its last 12 digits).
    const name = page.getByLabel('事项名称', { exact: true });
    await expect(name).toHaveValue(SOURCE.name);
    await name.fill(NEW_NAME);
    const baseCode = page.getByLabel('基本编码', { exact: true });
    const implCode = page.getByLabel('实施编码', { exact: true });
    await expect(baseCode).toHaveValue(SOURCE.baseCode);
    const sourceImpl = await implCode.inputValue();
    expect(sourceImpl.endsWith(SOURCE.baseCode), `the source's implementation code ${sourceImpl} ends with its base code`).toBe(true);
    await baseCode.fill(NEW_BASE_CODE);
    const newImplCode = `${sourceImpl.slice(0, 19)}${NEW_BASE_CODE}`;
    if ((await implCode.inputValue()) !== newImplCode) await implCode.fill(newImplCode);
    await expect(implCode).toHaveValue(newImplCode);
    await expect(page.getByRole('heading', { name: NEW_NAME, level: 2 })).toBeVisible();

    // 申请材料: add a catch-all material; the review flags it under the field itself.
    await page.getByRole('tab', { name: '申请材料' }).click();
    await expect(page.getByRole('heading', { name: '申请材料', level: 2 })).toBeVisible();
    const materialNames = page.getByRole('textbox', { name: /^第 \d+ 项 材料名称$/ });
    const before = await materialNames.count();
    expect(before, 'the copied item has materials').toBeGreaterThan(0);
    await page.getByRole('button', { name: '添加材料' }).click();
    const n = before + 1;
    const material = page.getByRole('textbox', { name: `第 ${n} 项 材料名称`, exact: true });
    await expect(material).toBeVisible();
    await material.fill(VAGUE_MATERIAL);
    const row = page.getByRole('row').filter({ has: material });
    const finding = row.getByRole('listitem').filter({ hasText: `材料“${VAGUE_MATERIAL}”表述模糊` });
    await expect(finding).toBeVisible();
    await expect(finding).toContainText('错误');
    await expect(lintSummary(page)).toContainText('1 个错误');
    await expect(lintSummary(page)).toContainText(`材料“${VAGUE_MATERIAL}”表述模糊`);
    await expect(page.getByRole('tab', { name: /申请材料/ })).toContainText('1');
    await shot(page, 'catalog-01-editor-lint-finding');

    // The fix: name the material. The finding goes away.
    await material.fill(SPECIFIC_MATERIAL);
    await expect(row.getByText('表述模糊')).toHaveCount(0);
    await expect(lintSummary(page)).not.toContainText('错误');

    // 创建草稿: the item is stored, and the editor moves to its own address.
    await pressExpectingOk(page, action(page, '创建草稿'), /\/api\/v1\/catalog\/items$/);
    await expect(page.getByText('已创建草稿')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/items\/(?!new)[^/?]+$/);
    const itemUrl = new URL(page.url()).pathname;
    await expectHeader(page, NEW_NAME, '草稿');
    await expect(page.getByText(newImplCode, { exact: true })).toBeVisible();
    await expect(page.getByText('有未保存的修改')).toHaveCount(0);

    // 提交审核.
    await action(page, '提交审核').click();
    await confirmDialog(page, '提交审核？', '/submit');
    await expect(page.getByText('已提交审核')).toBeVisible();
    await expectHeader(page, NEW_NAME, '待审核');
    await shot(page, 'catalog-02-submitted');

    // The reviewer's queue lists it; open it from there and approve it (审核通过, an optional comment, 确认).
    await page.getByRole('tab', { name: /^待审核/ }).click();
    await expect(page).toHaveURL(/\/admin\/review$/);
    const queued = page.getByRole('row').filter({ hasText: NEW_NAME });
    await expect(queued).toHaveCount(1);
    await expect(queued).toContainText(SOURCE.agency);
    await expect(queued).toContainText('未公开');
    await shot(page, 'catalog-03-review-queue');
    await queued.getByRole('link', { name: '审核' }).click();
    await expect(page).toHaveURL(new RegExp(`${itemUrl}$`));
    await action(page, '审核通过').click();
    const approve = page.getByRole('dialog', { name: '审核通过？' });
    await expect(approve).toBeVisible();
    await approve.getByLabel('审核意见（可选）').fill('要素齐全，材料名称明确，同意。');
    await pressExpectingOk(page, approve.getByRole('button', { name: '确认', exact: true }), '/approve');
    await expect(approve).toBeHidden();
    await expect(page.getByText('已审核通过')).toBeVisible();
    await expectHeader(page, NEW_NAME, '已审核待发布');
    await shot(page, 'catalog-04-approved');

    // 发布: it is public.
    await action(page, '发布').click();
    await confirmDialog(page, `发布“${NEW_NAME}”？`, '/publish');
    await expect(page.getByText(`已发布：${NEW_NAME}`)).toBeVisible();
    await expectHeader(page, NEW_NAME, '已发布');
    await expect(page.getByText('公开版本：第 1 版')).toBeVisible();
    published = true;
    await shot(page, 'catalog-05-published');

    // 版本: one version, the published one; with a single version there is nothing to compare yet.
    await page.getByRole('tab', { name: '版本', exact: true }).click();
    const versions = page.getByRole('tabpanel', { name: '版本' });
    await expect(versions.getByRole('heading', { name: '版本记录' })).toBeVisible();
    const versionRows = versions.getByRole('row').filter({ hasText: /第 \d+ 版/ });
    await expect(versionRows).toHaveCount(1);
    await expect(versionRows.first()).toContainText('第 1 版');
    await expect(versionRows.first()).toContainText('已发布');
    await expect(versions.getByRole('heading', { name: '版本对比' })).toBeVisible();
    await expect(versions.getByText('选择两个不同的版本进行对比')).toBeVisible();
    await shot(page, 'catalog-06-versions');
    // 审核记录: who did what.
    await page.getByRole('tab', { name: '审核记录', exact: true }).click();
    const log = page.getByRole('tabpanel', { name: '审核记录' });
    for (const [act, comment] of [['发布', ''], ['审核通过', '要素齐全'], ['提交审核', ''], ['创建', '']] as const) {
      const entry = log.getByRole('row').filter({ hasText: act }).filter({ hasText: '陈思雨' });
      await expect(entry.first()).toBeVisible();
      if (comment) await expect(entry.first()).toContainText(comment);
    }
    await shot(page, 'catalog-07-review-log');

    // The catalog lists it as published.
    await page.getByRole('link', { name: '事项目录' }).first().click();
    await expect(page).toHaveURL(/\/admin$/);
    const filter = page.getByRole('radiogroup', { name: '按状态筛选' });
    const find = page.getByRole('searchbox', { name: '搜索事项' });
    await find.fill(NEW_NAME);
    await find.press('Enter');
    const listed = page.getByRole('row').filter({ hasText: NEW_NAME });
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText('已发布');
    await expect(listed).toContainText(newImplCode);

    // 停用 another published item, with the reason.
    await find.fill(RETIRED.name);
    await find.press('Enter');
    const victim = page.getByRole('row').filter({ hasText: RETIRED.name });
    await expect(victim).toHaveCount(1);
    await expect(victim).toContainText(RETIRED.agency);
    await expect(victim).toContainText('已发布');
    await victim.getByRole('link', { name: RETIRED.name, exact: true }).click();
    await expectHeader(page, RETIRED.name, '已发布');
    retiredImplCode = (await page.locator('.tb-editor-meta code').textContent())?.trim() ?? retiredImplCode;
    expect(retiredImplCode, 'the retired item shows its implementation code').toMatch(/^[0-9A-Z]{31}$/);
    await action(page, '停用').click();
    const retire = page.getByRole('dialog', { name: `停用“${RETIRED.name}”？` });
    await expect(retire).toBeVisible();
    await expect(retire).toContainText('群众不能再提交新的申请');
    // No reason, no retirement.
    await retire.getByRole('button', { name: '确认', exact: true }).click();
    await expect(retire.getByText('请写明停用原因')).toBeVisible();
    await retire.getByLabel('停用原因').fill(RETIRED.reason);
    await shot(page, 'catalog-08-retire-dialog', { fullPage: false });
    await pressExpectingOk(page, retire.getByRole('button', { name: '确认', exact: true }), '/retire');
    await expect(retire).toBeHidden();
    await expect(page.getByText(`已停用：${RETIRED.name}`)).toBeVisible();
    await expectHeader(page, RETIRED.name, '已停用');
    await expect(page.getByText('公开版本：未公开')).toBeVisible();
    retired = true;
    await shot(page, 'catalog-09-retired');

    // … and the catalog lists it as retired.
    await page.getByRole('link', { name: '事项目录' }).first().click();
    await filter.getByText('已停用', { exact: true }).click();
    await expect(page).toHaveURL(/status=retired/);
    await expect(page.getByRole('row').filter({ hasText: RETIRED.name })).toContainText('已停用');
    await context.close();
  });

  test('a citizen on a phone finds the food licence by saying what they want, and gets the guide as a PDF', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '想办什么事？' })).toBeVisible();

    const search = page.getByRole('searchbox', { name: '搜索事项' });
    await search.fill(COLLOQUIAL);
    await search.press('Enter');
    const results = page.getByRole('region', { name: `“${COLLOQUIAL}”的搜索结果` });
    await expect(results.getByRole('heading', { name: `“${COLLOQUIAL}”的搜索结果` })).toBeVisible();
    await expect(results).toHaveAttribute('aria-busy', 'false');
    const first = results.getByRole('link').first();
    await expect(first).toBeVisible();
    await expect(first).toContainText('食品经营');
    await expect(first).toContainText(FOOD_LICENCE);
    await expect(first).toContainText('泰州市市场监督管理局');
    await expectNoHorizontalScroll(page);
    await shot(page, 'catalog-10-citizen-search');

    await first.tap();
    await expect(page.getByRole('heading', { name: FOOD_LICENCE, level: 1 })).toBeVisible();
    await expect(page.getByText('食品经营许可申请书').first()).toBeVisible();
    const download = page.getByRole('link', { name: '下载办事指南' });
    await expect(download).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, 'catalog-11-citizen-guide');

    // 下载办事指南 opens the PDF (a new tab with the browser's viewer, or a download — whichever the browser does).
    const guidePath = /\/api\/v1\/public\/items\/[^/]+\/guide\.pdf$/;
    const answered = context.waitForEvent('response', (r) => guidePath.test(new URL(r.url()).pathname));
    const opened = Promise.race([
      context.waitForEvent('page').then((p) => ({ kind: 'tab' as const, url: p.url() })),
      page.waitForEvent('download').then((d) => ({ kind: 'download' as const, url: d.url() })),
    ]);
    await download.tap();
    const r = await answered;
    expect(r.status(), `GET ${new URL(r.url()).pathname}`).toBe(200);
    expect(r.headers()['content-type']).toMatch(/^application\/pdf/);
    const disposition = decodeURIComponent(r.headers()['content-disposition'] ?? '');
    expect(disposition, 'the file is named after the item').toContain(FOOD_LICENCE);
    const how = await opened;
    expect(new URL(how.url, 'http://x').pathname).toMatch(guidePath);
    // The browser's PDF viewer keeps the bytes to itself: fetch the same address and look at them.
    const pdf = await context.request.get(r.url());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length, 'a real guide, not an empty page').toBeGreaterThan(10_000);
    await context.close();
  });

  test('the citizen finds the newly published item by its name, and no longer the retired one', async ({ browser }) => {
    expect(published, 'the administrator published the new item').toBe(true);
    expect(retired, 'the administrator retired an item').toBe(true);
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: '搜索事项' });

    await search.fill(NEW_NAME);
    await search.press('Enter');
    let results = page.getByRole('region', { name: `“${NEW_NAME}”的搜索结果` });
    await expect(results).toHaveAttribute('aria-busy', 'false');
    const found = results.getByRole('link').first();
    await expect(found).toContainText(NEW_NAME);
    await expect(found).toContainText(SOURCE.agency);
    await expectNoHorizontalScroll(page);
    await shot(page, 'catalog-12-citizen-finds-new-item');
    await found.tap();
    await expect(page.getByRole('heading', { name: NEW_NAME, level: 1 })).toBeVisible();
    // The guide lists the material as the administrator fixed it, never the catch-all.
    await page.getByRole('tab', { name: /申请材料/ }).tap();
    await expect(page.getByText(SPECIFIC_MATERIAL).first()).toBeVisible();
    await expect(page.getByText(VAGUE_MATERIAL, { exact: true })).toHaveCount(0);
    await shot(page, 'catalog-13-citizen-new-item-guide');

    await page.goto('/');
    await search.fill(RETIRED.name);
    await search.press('Enter');
    results = page.getByRole('region', { name: `“${RETIRED.name}”的搜索结果` });
    await expect(results.getByRole('heading', { name: `“${RETIRED.name}”的搜索结果` })).toBeVisible();
    await expect(results).toHaveAttribute('aria-busy', 'false');
    await expect(results.getByRole('link').filter({ hasText: RETIRED.name })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await shot(page, 'catalog-14-citizen-retired-not-found');

    // An old link to its guide no longer shows the guide: it says plainly that the item is no longer offered.
    await page.goto(`/items/${encodeURIComponent(retiredImplCode)}`);
    await expect(page.getByRole('heading', { name: RETIRED.name, level: 1 })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '下载办事指南' })).toHaveCount(0);
    await expect(page.getByText('该事项已不再办理', { exact: true })).toBeVisible();
    await expect(page.getByText(`“${RETIRED.name}”已不再办理（${RETIRED.agency}已停止提供这个事项）`, { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: '搜索其他事项' })).toBeVisible();
    await shot(page, 'catalog-15-citizen-retired-link');
    await context.close();
  });
});
