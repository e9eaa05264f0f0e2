/**
 * Base registers (issue 7), the data administrator's day:
 *   1. `data` (数据管理员, 市数据局) opens 基础库 → 数据归集, uploads a small population file on behalf of 市公安局 with
 *      one broken line, watches the progress reach 100 %, reads why the line was not loaded and downloads the list;
 *   2. on 多源校核 settles a disagreement between 市公安局 and 市民政局 on someone's marital status (通知来源部门更正,
 *      with a note) and finds it among the settled ones;
 *   3. checks on 一数一源 who the designated source of each field is, and looks the person up on 记录查询;
 *   4. on 数据质量 reads completeness, freshness and the remaining conflicts per resource.
 * Screenshots go to e2e/artifacts/sharing-registers-<step>.png.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { makeResidentId } from '../server/src/platform/codes/index.ts';
import { contextFor, DESKTOP, pressExpectingOk, shot, signIn } from './support.ts';

const HEADER = '公民身份号码,姓名,性别,出生日期,民族,户号,户籍地址,户主公民身份号码,与户主关系,婚姻状况,配偶公民身份号码,人口状态,户籍地行政区划代码';

test('the data administrator loads a file, settles a conflict and reads the quality', async ({ browser }) => {
  test.setTimeout(120_000);
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  // Tabs visited stay in the page, hidden: look only at the one shown.
  const pane = page.getByRole('tabpanel');
  await page.goto('/admin/sharing/registers');
  await signIn(page, 'data');
  await expect(page.getByRole('tab', { name: '数据质量' })).toBeVisible();

  // 1. 数据归集: two new residents of one household and a line whose ID number has a wrong check character.
  const head = makeResidentId('321202', '19880808', '971');
  const wife = makeResidentId('321202', '19900909', '962');
  const broken = makeResidentId('321202', '19700101', '953');
  const wrong = broken.slice(0, 17) + (broken[17] === '1' ? '2' : '1');
  const csv = [
    HEADER,
    `${head},周子豪,男,1988-08-08,汉族,300000777,江苏省泰州市海陵区城东街道凤凰路8号,${head},户主,已婚,${wife},正常,321202001`,
    `${wife},钱雨桐,女,1990/9/9,汉族,300000777,江苏省泰州市海陵区城东街道凤凰路8号,${head},妻,已婚,${head},正常,321202001`,
    `${wrong},孙建国,男,1970-01-01,汉族,300000778,江苏省泰州市海陵区城东街道凤凰路9号,${wrong},户主,丧偶,,正常,321202001`,
  ].join('\r\n');
  await page.getByRole('tab', { name: '数据归集' }).click();
  await expect(page.getByText('上传数据文件')).toBeVisible();
  const upload = page.waitForResponse((r) => r.url().endsWith('/api/v1/sharing/registers/population/loads') && r.request().method() === 'POST');
  await page.locator('input[type=file]').setInputFiles({ name: '户籍人口增量.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
  expect((await upload).status()).toBe(202);
  const progress = page.getByRole('progressbar', { name: '处理进度' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(page.getByText('1 行没有入库')).toBeVisible();
  const rejects = page.getByRole('table').filter({ hasText: '原因' }).first();
  await expect(rejects.getByRole('row').nth(1)).toContainText('4');
  await expect(rejects.getByRole('row').nth(1)).toContainText('最后一位校验码不对');
  await shot(page, 'sharing-registers-01-load');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载未入库清单/ }).click();
  const report = fs.readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain(wrong);
  expect(report).toContain('校验码');
  await expect(page.getByRole('cell', { name: '户籍人口增量.csv' })).toBeVisible();

  // 2. 多源校核: 公安's 户籍 still says married where 民政 registered a divorce.
  await page.getByRole('tab', { name: '多源校核' }).click();
  const row = pane.locator('tr.ant-table-row').filter({ hasText: '婚姻状况' }).first();
  await expect(row).toContainText('泰州市民政局');
  await expect(row).toContainText('泰州市公安局');
  const key = (await row.locator('code').textContent())!;
  await shot(page, 'sharing-registers-02-conflicts');
  await row.getByRole('button', { name: '处理' }).click();
  const dialog = page.getByRole('dialog', { name: /处理差异：婚姻状况/ });
  await dialog.getByLabel('通知来源部门更正').check();
  await dialog.getByLabel('处理说明').fill('请市公安局按民政离婚登记更正户籍婚姻状况');
  await shot(page, 'sharing-registers-03-settle', { fullPage: false });
  await pressExpectingOk(page, dialog.getByRole('button', { name: '确认处理' }), /\/resolve$/);
  await expect(dialog).toBeHidden();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已处理' }).click();
  const settled = pane.locator('tr.ant-table-row').filter({ hasText: key }).filter({ hasText: '通知来源部门更正' });
  await expect(settled).toContainText('请市公安局按民政离婚登记更正户籍婚姻状况');
  await shot(page, 'sharing-registers-04-settled');

  // 一数一源: marital status is designated to 民政, the rest of the population register to 公安.
  await page.getByRole('tab', { name: '一数一源' }).click();
  await expect(page.getByRole('combobox', { name: '婚姻状况的指定来源部门' })).toBeVisible();
  await expect(pane.locator('tr.ant-table-row').filter({ hasText: '婚姻状况' })).toContainText('泰州市民政局');
  await expect(pane.locator('tr.ant-table-row').filter({ hasText: '户籍地址' })).toContainText('泰州市公安局');
  await shot(page, 'sharing-registers-05-sources');

  // 记录查询: the person's record, field by field, with where each value came from.
  await page.getByRole('tab', { name: '记录查询' }).click();
  await page.getByRole('searchbox', { name: '身份证号码或统一社会信用代码' }).fill(key);
  await page.getByRole('button', { name: '查看' }).click();
  const marital = pane.locator('tr.ant-table-row').filter({ hasText: '婚姻状况' });
  await expect(marital).toContainText('离婚');
  await expect(marital).toContainText('泰州市民政局');
  await expect(pane.locator('tr.ant-table-row').filter({ hasText: '户籍地址' })).toContainText('泰州市公安局');
  await shot(page, 'sharing-registers-06-record');

  // 4. 数据质量: per resource, completeness, freshness, and the conflicts still open.
  await page.getByRole('tab', { name: '数据质量' }).click();
  const marriage = pane.locator('tr.ant-table-row').filter({ hasText: '婚姻登记信息' });
  await expect(marriage).toContainText('泰州市民政局');
  await expect(marriage).toContainText('及时');
  await expect(marriage.getByRole('progressbar')).toBeVisible();
  await expect(pane.locator('tr.ant-table-row').filter({ hasText: '电子证照信息' })).toContainText('由电子证照库维护');
  await shot(page, 'sharing-registers-07-quality');
  await ctx.close();
});
