/**
 * 一件事一次办, the whole journey: on a phone a citizen answers 新生儿出生, fills one form, uploads each material
 * once and submits once; the 卫健委, 公安局 and 医保局 each find their member case in their own queue, the window
 * clerk asks for a supplement on one of them; the citizen sees one notice and supplements once; the departments
 * decide, and the results are held until the last one, then arrive together. Screenshots: e2e/artifacts/yjs-*.png.
 */
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chooseOption, contextFor, DESKTOP, expectNoHorizontalScroll, fillIfEmpty, pickToday, PHONE, pressExpectingOk, shot, signIn, uploadEach, confirmAction, answerNewborn } from './support.ts';

test.describe.configure({ mode: 'serial' });

const BUNDLE = '新生儿出生“一件事”';
const MATERIALS = ['居民身份证', '新生儿出生医学证明信息登记表', '近期白底证件照片'] as const;
let bundleId = '';
type Member = { caseId: string; number: string; itemName: string; agency: string; state: string; version: number };
const REVIEWER: Record<string, string> = { 泰州市卫生健康委员会: 'reviewer_wjw', 泰州市公安局: 'reviewer_gaj', 泰州市医疗保障局: 'reviewer_ybj', 泰州市人力资源和社会保障局: 'reviewer_rsj' };

async function staffPage(browser: Browser, username: string, url = '/workbench'): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await contextFor(browser, DESKTOP);
  const page = await ctx.newPage();
  await page.goto(url);
  await signIn(page, username);
  return { ctx, page };
}

async function bundleAs(request: APIRequestContext): Promise<{ members: Member[]; state: string }> {
  const r = await request.get(`/api/v1/bundle-cases/${bundleId}`);
  expect(r.ok()).toBe(true);
  return r.json();
}

test('on a phone the citizen answers, fills one form, uploads each material once and submits once', async ({ browser }) => {
  const ctx = await contextFor(browser, PHONE);
  const page = await ctx.newPage();
  await page.goto('/login?next=%2Fbundles%2Fnewborn');
  await signIn(page, 'citizen', { touch: true });
  await expect(page.getByRole('heading', { name: BUNDLE, level: 1 })).toBeVisible();
  await answerNewborn(page, { touch: true });
  await page.getByRole('button', { name: '生成一次性告知清单' }).tap();
  await expect(page.getByRole('heading', { name: '需要办理的事项（5 项）' })).toBeVisible();

  const card = page.locator('.tb-bundle-apply');
  await expect(card.getByRole('heading', { name: '一次申请' })).toBeVisible();
  // One form: no field asked twice.
  const labels = await card.locator('.ant-form-item-label label').allTextContents();
  expect(labels.length).toBeGreaterThan(5);
  expect(new Set(labels).size).toBe(labels.length);
  await card.getByLabel('新生儿姓名').fill('李小满');
  await card.getByRole('radiogroup', { name: '新生儿性别' }).getByText('女', { exact: true }).tap();
  await pickToday(page, card, '出生日期', { touch: true });
  await card.getByLabel('父亲姓名').fill('李明');
  await card.getByLabel('首选接种门诊（社区卫生服务中心）').fill('海陵区城西街道社区卫生服务中心');
  await chooseOption(page, card, '金融服务银行', '中国工商银行', { touch: true });
  await fillIfEmpty(page, '联系电话', '13905261234');
  // One set of materials: each uploaded once, whichever items need it.
  await uploadEach(page, card, MATERIALS, 'Tongban e2e bundle material');
  await expect(card.getByRole('radio', { name: /全部办好后一起送达/ })).toBeChecked();
  await expectNoHorizontalScroll(page);
  await shot(page, 'yjs-1-citizen-form');

  await pressExpectingOk(page, card.getByRole('button', { name: '一次提交' }), '/api/v1/bundle-cases', { touch: true });
  await expect(page).toHaveURL(/\/my\/bundles\/[0-9a-f-]+$/);
  bundleId = /\/my\/bundles\/([0-9a-f-]+)$/.exec(page.url())![1]!;
  await expect(page.getByTestId('bundle-state')).toHaveText('各部门并联办理中');
  await expect(page.getByTestId('bundle-member')).toHaveCount(5);
  await shot(page, 'yjs-2-citizen-submitted');
  await ctx.close();
});

test('three departments each find their member case in their own queue; the lead department sees the whole bundle', async ({ browser }) => {
  expect(bundleId).not.toBe('');
  const lead = await staffPage(browser, 'reviewer_wjw');
  const { members } = await bundleAs(lead.ctx.request);
  expect(members).toHaveLength(5);
  for (const agency of ['泰州市卫生健康委员会', '泰州市公安局', '泰州市医疗保障局']) {
    const { ctx, page } = await staffPage(browser, REVIEWER[agency]!);
    for (const m of members.filter((x) => x.agency === agency)) {
      const queue = await (await ctx.request.get(`/api/v1/cases?q=${encodeURIComponent(m.number)}`)).json();
      expect(queue.cases.map((c: { id: string }) => c.id), `${agency} finds ${m.itemName} in its queue`).toContain(m.caseId);
    }
    const own = members.find((x) => x.agency === agency)!;
    await page.goto(`/workbench/cases/${own.caseId}`);
    await expect(page.getByTestId('bundle-tag')).toHaveText(`一件事：${BUNDLE}`);
    await ctx.close();
  }
  // The lead department's queue row carries the bundle's tag, a link to the whole bundle.
  await lead.page.goto(`/workbench?q=${encodeURIComponent(members.find((x) => x.agency === '泰州市卫生健康委员会')!.number)}`);
  const tag = lead.page.getByTestId('queue-bundle-tag').first();
  await expect(tag).toHaveText(`一件事：${BUNDLE}`);
  await tag.getByRole('link').click();
  await expect(lead.page.getByRole('heading', { name: BUNDLE, level: 1 })).toBeVisible();
  // The lead department: from another department's member case to the whole bundle.
  const other = members.find((x) => x.agency === '泰州市公安局')!;
  await lead.page.goto(`/workbench/cases/${other.caseId}`);
  await expect(lead.page.getByText('您是牵头部门')).toBeVisible();
  await lead.page.getByRole('link', { name: '查看整件事' }).click();
  await expect(lead.page.getByRole('heading', { name: BUNDLE, level: 1 })).toBeVisible();
  await expect(lead.page.getByTestId('bundle-member')).toHaveCount(5);
  await shot(lead.page, 'yjs-3-lead-bundle');
  await lead.ctx.close();
});

test('the window clerk asks for a supplement on the 社会保障卡申领 member case', async ({ browser }) => {
  const { ctx } = await staffPage(browser, 'reviewer_wjw');
  const { members } = await bundleAs(ctx.request);
  await ctx.close();
  const target = members.find((m) => m.agency === '泰州市人力资源和社会保障局')!;
  const clerk = await staffPage(browser, 'clerk', `/workbench/cases/${target.caseId}`);
  await confirmAction(clerk.page, '一次性告知补正', async (dialog) => {
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByLabel(/的问题和补正要求$/).first().fill('照片背景不是白色，请上传近期白底免冠证件照片');
  });
  await expect(clerk.page.getByText('待补正材料').first()).toBeVisible();
  await clerk.ctx.close();
});

test('the citizen sees one notice and supplements once', async ({ browser }) => {
  const ctx = await contextFor(browser, PHONE);
  const page = await ctx.newPage();
  await page.goto(`/my/bundles/${bundleId}`);
  await signIn(page, 'citizen', { touch: true });
  await expect(page.getByTestId('bundle-state')).toHaveText('待补正材料');
  const notice = page.getByTestId('bundle-notice');
  await expect(notice).toContainText('一次告知');
  await expect(notice).toContainText('泰州市人力资源和社会保障局');
  await expectNoHorizontalScroll(page);
  await shot(page, 'yjs-4-citizen-notice');
  const stored = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/files');
  await notice.locator('input[type=file]').first().setInputFiles({ name: '补正.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  expect((await stored).ok()).toBe(true);
  await pressExpectingOk(page, notice.getByRole('button', { name: '一次提交补正材料' }), /\/supplement$/, { touch: true });
  await expect(page.getByTestId('bundle-state')).toHaveText('各部门并联办理中');
  await expect(page.getByTestId('bundle-notice')).toHaveCount(0);
  await ctx.close();
});

/** Accept at the window and decide in the department (through the API the workbench uses). */
async function decideAll(browser: Browser, members: Member[]) {
  const clerk = await staffPage(browser, 'clerk');
  const csrf = async (c: BrowserContext) => (await c.cookies()).find((k) => k.name === 'csrf_token')?.value ?? '';
  for (const m of members) {
    const c = await (await clerk.ctx.request.get(`/api/v1/cases/${m.caseId}`)).json();
    if (c.state === 'submitted') {
      const r = await clerk.ctx.request.post(`/api/v1/cases/${m.caseId}/actions`, { data: { action: 'accept', version: c.version }, headers: { 'x-csrf-token': await csrf(clerk.ctx) } });
      expect(r.ok(), await r.text()).toBe(true);
    }
    const reviewer = await staffPage(browser, REVIEWER[m.agency]!);
    for (let i = 0; i < 5; i++) {
      const cur = await (await reviewer.ctx.request.get(`/api/v1/cases/${m.caseId}`)).json();
      const action = cur.allowedActions.includes('decide') ? { action: 'decide', decision: 'grant' } : cur.allowedActions.includes('review') ? { action: 'review', opinion: '材料齐全，符合条件' } : null;
      if (!action) break;
      const r = await reviewer.ctx.request.post(`/api/v1/cases/${m.caseId}/actions`, { data: { ...action, version: cur.version }, headers: { 'x-csrf-token': await csrf(reviewer.ctx) } });
      expect(r.ok(), await r.text()).toBe(true);
    }
    await reviewer.ctx.close();
  }
  await clerk.ctx.close();
}

test('the departments decide in parallel; results are held and then arrive together', async ({ browser }) => {
  const lead = await staffPage(browser, 'reviewer_wjw');
  const { members } = await bundleAs(lead.ctx.request);
  await lead.ctx.close();
  const [last, ...first] = [...members].reverse();
  await decideAll(browser, first);

  const ctx = await contextFor(browser, PHONE);
  const page = await ctx.newPage();
  await page.goto(`/my/bundles/${bundleId}`);
  await signIn(page, 'citizen', { touch: true });
  await expect(page.getByText('已办好，等其他事项一起送达')).toHaveCount(first.length);
  await shot(page, 'yjs-5-citizen-held');

  await decideAll(browser, [last!]);
  await page.reload();
  await expect(page.getByTestId('bundle-state')).toHaveText('已办结');
  await expect(page.getByText('已办好，等其他事项一起送达')).toHaveCount(0);
  await expect(page.getByTestId('bundle-member').filter({ hasText: '准予' })).toHaveCount(5);
  await expect(page.getByTestId('bundle-delivery')).toHaveText('全部结果电子送达，在“我的办件”查看和下载');
  // One message for all the results (the notify module's handler, through the job queue).
  await expect
    .poll(async () => ((await (await ctx.request.get('/api/v1/me/notifications?pageSize=100')).json()).notifications as Array<{ kind: string; link: string }>).filter((n) => n.kind === 'bundle.results_released' && n.link === `/my/bundles/${bundleId}`).length, { timeout: 20_000 })
    .toBe(1);
  await expectNoHorizontalScroll(page);
  await shot(page, 'yjs-6-citizen-done');
  await ctx.close();
});
