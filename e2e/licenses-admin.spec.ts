/**
 * Electronic licenses, administration and lifecycle (issue 6: "10,000 legacy licenses import with a progress bar
 * and a reject report"), done the way people do it:
 *   1. the platform administrator, at a desk, looks at 证照类型 and 电子印章, then on 存量导入 chooses 食品经营许可证,
 *      uploads a register of 10,000 lines (some of them broken), watches the progress bar reach 100 %, reads the
 *      lines not imported with their reasons on screen and downloads the 未导入清单;
 *   2. a reviewer of the issuing department looks a holder up on 证照查询, opens the imported license and suspends
 *      it (暂停使用) with a reason; the license and its history say so.
 * Screenshots go to e2e/artifacts/licenses-<step>.png.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { toCsv } from '../server/src/platform/csv/csv.ts';
import { sampleLegacyRows, SAMPLE_DEFECTS } from '../server/src/modules/licenses/legacy-sample.ts';
import type { FaceField } from '../server/src/modules/licenses/index.ts';
import { contextFor, DESKTOP, pressExpectingOk, shot, signIn } from './support.ts';

const LINES = 10_000;
const BAD_EVERY = 997;
const TYPE = '食品经营许可证';
const SUSPEND_REASON = '经营场所正在进行消防整改，整改完成前暂停使用';

let holderCode = '';
let holderName = '';

test.describe.configure({ mode: 'serial' });

test('the administrator imports 10,000 legacy licenses and reads the reject report', async ({ browser }) => {
  test.setTimeout(240_000);
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto('/admin/licenses');
  await signIn(page, 'admin');
  await expect(page.getByRole('tab', { name: '证照类型' })).toBeVisible();
  await expect(page.getByRole('cell', { name: new RegExp(TYPE) }).first()).toBeVisible();
  await shot(page, 'licenses-01-types');
  // A mistake in a type's face field: the API's answer stands above the form, nothing is saved.
  await page.getByRole('button', { name: `修改 ${TYPE}` }).click();
  const drawer = page.getByRole('dialog', { name: `修改证照类型：${TYPE}` });
  await drawer.getByLabel('取值来源 1').fill('form.entityName|nowhere');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByRole('alert')).toContainText('取值来源“form.entityName|nowhere”无法识别');
  await shot(page, 'licenses-01b-type-error', { fullPage: false });
  await drawer.getByRole('button', { name: '取消' }).click();
  await expect(drawer).toBeHidden();

  // 电子印章: rotate the market regulator's key; the old key stays in the seal's key history.
  await page.getByRole('tab', { name: '电子印章' }).click();
  const seal = page.locator('tr.ant-table-row').filter({ hasText: '泰州市市场监督管理局电子证照专用章' });
  await seal.getByRole('button', { name: /更换密钥/ }).click();
  const confirm = page.getByRole('dialog', { name: /确认更换.*的密钥/ });
  await expect(confirm).toContainText('以前签章的证照仍然可以验证');
  await pressExpectingOk(page, confirm.getByRole('button', { name: '确认', exact: true }), /\/rotate$/);
  await expect(confirm).toBeHidden();
  await expect(seal.getByRole('cell').nth(6)).toHaveText('2');
  await seal.getByRole('button', { name: /展开行|Expand row/ }).click();
  const history = page.getByRole('table', { name: '密钥历史' });
  await expect(history.getByText('当前使用')).toBeVisible();
  await expect(history.getByText(/已于 .* 停用/)).toBeVisible();
  await shot(page, 'licenses-02-seals');

  // The register: generated for the type's face fields, issued by 泰州市市场监督管理局.
  const types = (await (await page.request.get('/api/v1/license-types')).json()) as { types: Array<{ code: string; name: string; faceFields: FaceField[] }> };
  const type = types.types.find((x) => x.name === TYPE)!;
  const orgs = (await (await page.request.get('/api/v1/admin/orgs')).json()) as { orgs: Array<{ name: string; creditCode: string }> };
  const issuer = orgs.orgs.find((o) => o.name === '泰州市市场监督管理局')!;
  const { header, rows, bad } = sampleLegacyRows(type.faceFields, LINES, { issuerCode: issuer.creditCode, badEvery: BAD_EVERY, numberPrefix: 'TZSJ' });
  rows[0]![5] = '长期';
  [holderName, holderCode] = [rows[0]![0]!, rows[0]![1]!];

  await page.getByRole('tab', { name: '存量导入' }).click();
  await page.getByRole('combobox', { name: '证照类型' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: TYPE }).click();
  await expect(page.getByRole('link', { name: /下载导入模板/ })).toBeVisible();
  const upload = page.waitForResponse((r) => r.url().endsWith('/api/v1/license-imports') && r.request().method() === 'POST', { timeout: 120_000 });
  await page.locator('input[type=file]').setInputFiles({ name: '食品经营许可证登记簿.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv([header, ...rows]), 'utf8') });
  expect((await upload).status()).toBe(202);

  const progress = page.getByRole('progressbar', { name: '盖章进度' });
  await expect(progress).toBeVisible();
  await shot(page, 'licenses-03-sealing');
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 200_000 });
  await expect(page.getByText(`已盖章 ${(LINES - bad.length).toLocaleString('zh-CN')} / ${(LINES - bad.length).toLocaleString('zh-CN')}`)).toBeVisible();
  await expect(page.getByText(`有 ${bad.length} 行没有导入`)).toBeVisible();

  // The lines not imported, each with its line number and a reason a clerk can act on.
  const rejects = page.getByRole('table').filter({ hasText: '没有导入的原因' });
  await expect(rejects.getByRole('row')).toHaveCount(bad.length + 1);
  await expect(rejects.getByRole('row').nth(1)).toContainText(String(bad[0]));
  await expect(rejects.getByRole('row').nth(1)).toContainText(SAMPLE_DEFECTS[0].expect);
  await expect(rejects.getByText('持证主体名称没有填写').first()).toBeVisible();
  await shot(page, 'licenses-04-done');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载未导入清单/ }).click();
  const file = await (await download).path();
  const report = fs.readFileSync(file, 'utf8');
  expect(report.split('\r\n').filter(Boolean)).toHaveLength(bad.length + 1);
  for (const d of SAMPLE_DEFECTS) expect(report).toContain(d.expect);

  // The import is in the list of past imports.
  await expect(page.getByRole('cell', { name: '食品经营许可证登记簿.csv' })).toBeVisible();
  await ctx.close();
});

test('a reviewer finds an imported license and suspends it with a reason', async ({ browser }) => {
  expect(holderCode, 'the import test ran first').not.toBe('');
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto('/workbench/licenses');
  await signIn(page, 'reviewer');
  await expect(page.getByRole('heading', { name: '证照查询', level: 1 })).toBeVisible();
  await page.getByLabel('身份证号码或统一社会信用代码').fill(holderCode);
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator('tr.ant-table-row').filter({ hasText: holderName });
  await expect(row).toContainText(TYPE);
  await expect(row).toContainText('有效');
  await row.getByRole('button', { name: /查看/ }).click();
  const card = page.locator('.ant-card').filter({ hasText: '变更记录' });
  await expect(card).toContainText('存量证照导入');
  await expect(card).toContainText('经营者名称');
  await shot(page, 'licenses-05-license');

  await card.getByRole('button', { name: '暂停使用' }).click();
  const dialog = page.getByRole('dialog', { name: '确认暂停使用？' });
  await expect(dialog).toBeVisible();
  // No reason: the form asks for one before anything is sent.
  await dialog.getByRole('button', { name: '确认', exact: true }).click();
  await expect(dialog.getByText('请写明原因')).toBeVisible();
  await dialog.getByLabel('暂停使用的原因').fill(SUSPEND_REASON);
  await shot(page, 'licenses-06-suspend-dialog', { fullPage: false });
  await pressExpectingOk(page, dialog.getByRole('button', { name: '确认', exact: true }), /\/actions$/);
  await expect(dialog).toBeHidden();
  await expect(card.locator('.ant-card-extra')).toContainText('暂停使用');
  await expect(card).toContainText(`原因：${SUSPEND_REASON}`);
  await expect(row).toContainText('暂停使用');
  // Suspended: 暂停使用 is no longer offered, 恢复使用 is.
  await expect(card.getByRole('button', { name: '恢复使用' })).toBeVisible();
  await expect(card.getByRole('button', { name: '暂停使用' })).toHaveCount(0);
  await shot(page, 'licenses-07-suspended');
  await ctx.close();
});
