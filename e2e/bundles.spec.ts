/**
 * 一件事: a citizen on a phone opens the 新生儿出生 bundle from the portal's “一件事” zone, answers the situation
 * questionnaire and gets the one-time list — each material once, each field of the merged form asked once.
 * Then a catalog administrator finds the bundle in the admin list. Screenshots go to e2e/artifacts/bundle-*.png.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ARTIFACTS, contextFor, DESKTOP, PHONE, shot, signIn } from './support.ts';

test('a citizen on a phone answers the 新生儿出生 questionnaire and sees the one-time list', async ({ browser }) => {
  const ctx = await contextFor(browser, PHONE);
  const page = await ctx.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: /“一件事”专区/ }).first().tap();
  await expect(page.getByRole('heading', { name: '“一件事”专区', level: 1 })).toBeVisible();
  await shot(page, 'bundle-1-zone');
  await page.getByRole('link', { name: /新生儿出生“一件事”/ }).tap();
  await expect(page.getByRole('heading', { name: '新生儿出生“一件事”', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('填写项');
  await shot(page, 'bundle-2-questionnaire');

  // Asking for the list before answering names the first question left open.
  await page.getByRole('button', { name: '生成一次性告知清单' }).tap();
  await expect(page.getByRole('alert')).toContainText('新生儿是否在泰州市落户');

  const answer = async (question: string, option: string) => {
    const group = page.getByRole('group', { name: question });
    await group.getByText(option, { exact: true }).tap();
  };
  await answer('新生儿是否在泰州市落户？', '是，在泰州落户');
  // Follow-up questions appear only once they apply.
  await answer('新生儿随父亲还是随母亲落户？', '随父落户');
  await answer('父母是否办理了结婚登记？', '已登记结婚');
  await answer('是否同时为孩子申领社会保障卡？', '同时申领');
  await page.getByRole('button', { name: '生成一次性告知清单' }).tap();

  await expect(page.getByRole('heading', { name: '您的一次性告知清单' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '需要办理的事项（5 项）' })).toBeVisible();
  const materials = await page.getByTestId('material-name').allTextContents();
  expect(materials.length).toBeGreaterThan(2);
  expect(new Set(materials).size).toBe(materials.length);
  const fields = await page.getByTestId('field-title').allTextContents();
  expect(fields.length).toBeGreaterThan(5);
  expect(new Set(fields).size).toBe(fields.length);
  await expect(page.getByTestId('plan-materials')).toContainText('无需提交：出生医学证明首次签发办好后自动获取');
  await expect(page.getByTestId('plan-form')).toContainText('5 个事项共用');
  await shot(page, 'bundle-3-plan');
  // Close-ups a person can read: the material list and the merged form.
  await page.getByTestId('plan-materials').screenshot({ path: path.join(ARTIFACTS, 'bundle-3a-materials.png') });
  await page.getByTestId('plan-form').screenshot({ path: path.join(ARTIFACTS, 'bundle-3b-form.png') });

  // Leaving an optional item out updates the list.
  await page.getByRole('button', { name: '暂不办理' }).first().tap();
  await expect(page.getByRole('heading', { name: '需要办理的事项（4 项）' })).toBeVisible();
  await ctx.close();
});

test('a catalog administrator sees the bundles and their review state', async ({ browser }) => {
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto('/admin/bundles');
  await signIn(page, 'catalog');
  await expect(page.getByRole('cell', { name: '新生儿出生“一件事”' })).toBeVisible();
  await page.getByRole('link', { name: '新生儿出生“一件事”' }).click();
  await expect(page.getByText('检查通过')).toBeVisible();
  // Retiring asks for a reason first.
  await expect(page.getByRole('button', { name: '停用' })).toBeDisabled();
  await page.getByLabel('意见或原因').fill('测试：只看按钮是否可用');
  await expect(page.getByRole('button', { name: '停用' })).toBeEnabled();
  await shot(page, 'bundle-4-admin');
  await ctx.close();
});

test('a catalog administrator edits a bundle in the form, without touching JSON', async ({ browser }) => {
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto('/admin/bundles');
  await signIn(page, 'catalog');
  await page.getByRole('link', { name: '退休“一件事”' }).click();
  await expect(page.getByRole('tab', { name: '表单', selected: true })).toBeVisible();

  // A situation question with two options.
  const questions = page.locator('section[aria-label="情形引导问题"]');
  await questions.getByRole('button', { name: '添加问题' }).click();
  const question = questions.locator(':scope > .tb-list-row').last();
  await question.getByLabel('问题编号').fill('needCard');
  await question.getByLabel('问题', { exact: true }).fill('是否同时申领社会保障卡？');
  await question.getByRole('button', { name: '添加选项' }).click();
  await question.getByRole('button', { name: '添加选项' }).click();
  await question.getByLabel('选项值').nth(0).fill('yes');
  await question.getByLabel('选项文字').nth(0).fill('同时申领');
  await question.getByLabel('选项值').nth(1).fill('no');
  await question.getByLabel('选项文字').nth(1).fill('暂不申领');

  // A member item found by searching the catalog, applying only when the answer is yes.
  await page.getByRole('combobox', { name: '搜索事项名称，添加成员事项' }).fill('社会保障卡');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '社会保障卡申领' }).click();
  const member = page.getByTestId('bundle-member').last();
  await expect(member).toContainText('社会保障卡申领');
  await member.getByRole('switch').click();
  await member.getByRole('button', { name: '添加条件' }).click();
  await member.getByRole('combobox', { name: '什么情况下要办 问题 1' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '是否同时申领社会保障卡？' }).click();
  await member.getByRole('combobox', { name: '什么情况下要办 回答为（任一） 1' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="同时申领"]').click();
  await page.keyboard.press('Escape');

  // The JSON view shows the same document.
  await page.getByRole('tab', { name: '高级（JSON）' }).click();
  const json = page.getByLabel('“一件事”要素（JSON）');
  await expect(json).toHaveValue(/"when": \[\s*\{\s*"question": "needCard",\s*"in": \[\s*"yes"\s*\]/);
  // Broken JSON keeps the administrator on the JSON tab, the text as typed.
  const good = await json.inputValue();
  await json.fill(good + ',');
  await page.getByRole('tab', { name: '表单' }).click();
  await expect(page.getByRole('alert')).toContainText('JSON 格式不对，改好后才能回到表单');
  await expect(page.getByRole('tab', { name: '高级（JSON）', selected: true })).toBeVisible();
  await expect(json).toHaveValue(good + ',');
  await json.fill(good);
  await page.getByRole('tab', { name: '表单' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('bundle-member').last()).toContainText('社会保障卡申领');

  await page.getByLabel('修改说明').fill('增加社会保障卡申领');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('草稿');
  const checks = page.locator('.ant-card', { hasText: '检查结果' });
  await expect(checks).toContainText('检查通过');
  // The saved version's members as the catalog publishes them.
  await expect(page.locator('.ant-card').filter({ has: page.locator('.ant-card-head', { hasText: '成员事项' }) })).toContainText('社会保障卡申领');
  await shot(page, 'bundle-5-form-editor');
  await page.getByTestId('bundle-member').last().screenshot({ path: path.join(ARTIFACTS, 'bundle-5a-member.png') });
  await ctx.close();
});
