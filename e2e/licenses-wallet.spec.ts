/**
 * 我的证照 and 免提交, on a phone:
 *   1. the demo company opens 我的证照 and sees its 营业执照 (valid), then the license itself: its face, the QR code to
 *      show, the verification link to share;
 *   2. it applies for 公章刻制备案, whose guide marks the 营业执照 "可用电子证照免提交": the apply page shows
 *      "已有电子证照，免提交" with its license and a consent box instead of asking for the material;
 *   3. the window clerk opens the case and sees the license verified (有效), not a scan; the company's own case page
 *      says 已用电子证照;
 *   4. a citizen's 个体工商户设立登记 is granted, and after the issuing job the new 营业执照 is in the citizen's wallet,
 *      with a message in the inbox.
 * Screenshots go to e2e/artifacts/licenses-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { apiSession, baseURL, contextFor, DESKTOP, expectNoHorizontalScroll, fillIfEmpty, implCodeOf, minimalPdf, PHONE, pressExpectingOk, shot, signIn } from './support.ts';

const ITEM = '公章刻制备案';
/** The slice item the citizen applies for: its granted result is a 营业执照. */
const SLICE_ITEM = '个体工商户设立登记';

let caseId = '';
let licenseNumber = '';


test.describe.serial('我的证照 and 免提交 on a phone', () => {
  test('the company opens 我的证照 and its 营业执照', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/my/licenses');
    await signIn(page, 'company', { touch: true });
    await expect(page.getByRole('heading', { name: '我的证照', level: 1 })).toBeVisible();
    const card = page.getByRole('link', { name: /营业执照/ }).first();
    await expect(card).toContainText('有效');
    await expect(card).toContainText('泰市监');
    await expect(card).toContainText('长期有效');
    licenseNumber = /泰市监\d+/.exec((await card.textContent()) ?? '')![0];
    await expectNoHorizontalScroll(page);
    await shot(page, 'licenses-01-wallet');

    await card.tap();
    await expect(page.getByRole('heading', { name: '营业执照', level: 1 })).toBeVisible();
    const face = page.getByRole('region', { name: '营业执照' });
    await expect(face).toContainText(licenseNumber);
    await expect(face).toContainText('统一社会信用代码');
    await expect(face).toContainText('泰州市市场监督管理局');
    await expect(page.getByRole('heading', { name: '出示二维码' })).toBeVisible();
    // Sharing gives the public verification link (masked for others), never the wallet page.
    await expect(page.getByTestId('verify-link')).toContainText('/licenses/verify/');
    await expect(page.getByRole('button', { name: '复制核验链接' })).toBeVisible();
    await expect(page.getByText('证照记录')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, 'licenses-02-license');
    await context.close();
  });

  test('the guide says 可用电子证照免提交, and the application uses the license with consent instead of asking for it', async ({ browser }) => {
    const context = await contextFor(browser, PHONE);
    const page = await context.newPage();
    const implCode = await implCodeOf(page.request, ITEM);
    await page.goto(`/items/${implCode}`);
    await page.getByRole('tab', { name: /材料/ }).tap();
    const material = page.getByRole('listitem').filter({ hasText: '营业执照' }).first();
    await expect(material).toContainText('可用电子证照免提交');
    await shot(page, 'licenses-03-guide');

    await page.getByRole('button', { name: '在线办理' }).tap();
    await signIn(page, 'company', { touch: true });
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await fillIfEmpty(page, '经办人联系电话', '13952600888');
    await page.getByText('公章、财务专用章、发票专用章', { exact: true }).tap();
    await page.getByLabel('刻章企业', { exact: true }).fill('泰州市海陵区诚信刻章店');
    await page.getByRole('button', { name: '下一步' }).tap();

    const licensed = page.getByTestId('licensed-M01');
    await expect(licensed).toContainText('已有电子证照，免提交');
    // The newest valid 营业执照 the company holds (the issuing job may have added one since the wallet was opened).
    await expect(licensed).toContainText(/营业执照（证号 泰市监\d+）/);
    licenseNumber = /泰市监\d+/.exec((await licensed.textContent()) ?? '')![0];
    const consent = licensed.getByRole('checkbox', { name: '使用我的电子证照（同意办理部门核验）' });
    await expect(consent).toBeChecked();
    await expectNoHorizontalScroll(page);
    await shot(page, 'licenses-04-apply-reuse');
    // Unchecked, the material is asked for as usual (here: the department obtains it); checked again, the license goes.
    await consent.tap();
    await expect(licensed).toContainText('不使用电子证照时');
    await consent.tap();
    await expect(consent).toBeChecked();

    await page.getByRole('button', { name: '下一步' }).tap();
    await expect(page.getByText(`使用电子证照：营业执照（证号 ${licenseNumber}）`)).toBeVisible();
    await shot(page, 'licenses-05-confirm');
    await pressExpectingOk(page, page.getByRole('button', { name: '提交申请' }), '/api/v1/cases', { touch: true });
    const view = page.getByRole('link', { name: '查看办件' });
    await expect(view).toBeVisible();
    caseId = /\/my\/cases\/([^/?#]+)/.exec((await view.getAttribute('href')) ?? '')![1]!;

    await view.tap();
    await expect(page.getByText('已用电子证照')).toBeVisible();
    await expect(page.getByText(new RegExp(`营业执照，证号 ${licenseNumber}`))).toBeVisible();
    await shot(page, 'licenses-06-my-case');
    await page.getByRole('link', { name: '查看证照' }).tap();
    await expect(page.getByRole('region', { name: '营业执照' })).toContainText(licenseNumber);
    await context.close();
  });

  test('the clerk sees the license verified in the case, not a scan', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`/workbench/cases/${caseId}`);
    await signIn(page, 'clerk');
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    const card = page.getByTestId('case-licenses');
    await expect(card).toContainText('电子证照（代替材料）');
    await expect(card).toContainText('营业执照');
    await expect(card).toContainText(licenseNumber);
    await expect(card).toContainText('有效');
    await expect(card).toContainText('泰州市市场监督管理局');
    await expect(card).toContainText('刚向电子证照库核验');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'licenses-07-clerk', { fullPage: true });
    await context.close();
  });

  test('a citizen’s granted 个体工商户设立登记 puts a new 营业执照 in the wallet, with a message', async ({ browser, request }) => {
    // Filed, accepted and granted through the API (the slice journey watches those screens); the wallet on the phone.
    const implCode = await implCodeOf(request, SLICE_ITEM);
    const citizen = await apiSession('citizen');
    const held = async () => ((await (await citizen.api.get('/api/v1/me/licenses')).json()).licenses as Array<{ typeName: string }>).filter((l) => l.typeName === '营业执照').length;
    const before = await held();
    const item = await (await request.get(`${baseURL()}/api/v1/public/items/${implCode}`)).json();
    const materials = [];
    for (const m of item.materials as Array<{ code: string; necessity: string; obtainable?: boolean }>) {
      if (m.necessity !== 'required' || m.obtainable) continue;
      const up = await citizen.api.post('/api/v1/files', { headers: citizen.headers, multipart: { file: { name: `${m.code}.pdf`, mimeType: 'application/pdf', buffer: minimalPdf('material') } } });
      expect(up.ok(), `upload: ${up.status()} ${await up.text()}`).toBe(true);
      materials.push({ code: m.code, fileId: (await up.json()).id });
    }
    const form: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(item.form.properties as Record<string, { type: string; enum?: string[]; format?: string; maxLength?: number }>)) {
      form[k] = f.enum ? f.enum[0] : f.type === 'integer' || f.type === 'number' ? 1 : f.type === 'boolean' ? true : f.format === 'date' ? '2026-11-20' : '测试';
    }
    Object.assign(form, { operatorName: '李明', businessName: '泰州市海陵区小周面馆', premises: '泰州市海陵区坡子街18号', businessScope: '餐饮服务', idNumber: '321202199003150312', phone: '13952600315' });
    const filed = await citizen.api.post('/api/v1/cases', { headers: { ...citizen.headers, 'idempotency-key': crypto.randomUUID() }, data: { implCode, form, materials } });
    expect(filed.status(), await filed.text()).toBe(201);
    const c = await filed.json();
    const clerk = await apiSession('clerk');
    const accepted = await clerk.api.post(`/api/v1/cases/${c.id}/actions`, { headers: clerk.headers, data: { action: 'accept', version: c.version } });
    expect(accepted.ok(), await accepted.text()).toBe(true);
    const reviewer = await apiSession('reviewer');
    const decided = await reviewer.api.post(`/api/v1/cases/${c.id}/actions`, { headers: reviewer.headers, data: { action: 'decide', version: (await accepted.json()).version, decision: 'grant' } });
    expect(decided.ok(), await decided.text()).toBe(true);

    const context = await contextFor(browser, PHONE);
    const page: Page = await context.newPage();
    await page.goto('/my/licenses');
    await signIn(page, 'citizen', { touch: true });
    await expect(page.getByRole('heading', { name: '我的证照', level: 1 })).toBeVisible();
    // The issuing job runs on the server's queue: the license appears within moments, newest first.
    const cards = page.getByRole('link', { name: /营业执照/ });
    await expect(async () => {
      await page.reload();
      await expect(cards).toHaveCount(before + 1, { timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    await expect(page.getByRole('link', { name: /结婚证/ })).toBeVisible();
    await shot(page, 'licenses-08-citizen-wallet');
    await cards.first().tap();
    const face = page.getByRole('region', { name: '营业执照' });
    await expect(face).toContainText('泰州市海陵区小周面馆');
    await expect(face).toContainText('泰州市海陵区坡子街18号');
    await shot(page, 'licenses-09-citizen-license');

    await expect(async () => {
      await page.goto('/my/notifications');
      await expect(page.getByText('营业执照已发放').first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await shot(page, 'licenses-10-inbox');
    await context.close();
  });
});
