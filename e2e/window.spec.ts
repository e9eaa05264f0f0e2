/**
 * 只进一扇门: the demo citizen 李明 walks up to the comprehensive window of 泰州市政务服务中心.
 *   1. the window clerk opens 窗口收件, types his name and ID number from the card, finds 个体工商户设立登记, fills
 *      the same form as online with him, scans the material and submits — and lands on the case in the workbench;
 *   2. 李明 signs on the signature pad, asks for the result by express to his address; the clerk accepts it on the spot
 *      and prints the 受理通知书 (checked with pdftotext where installed);
 *   3. 李明 signs in to the portal later and finds the same case under 我的办件, filed through the window;
 *   4. he comes back for 新生儿出生: the clerk asks the same questions, fills the one merged form and submits once.
 */
import { expect, test } from '@playwright/test';
import { PDFTOTEXT, pdfTextOf as pdfText } from '../server/src/testing/pdf.ts';
import { answerNewborn, chooseOption, confirmAction, contextFor, DESKTOP, fillIfEmpty, pickToday, pressExpectingOk, shot, signIn, uploadEach } from './support.ts';

const BUNDLE = '新生儿出生“一件事”';
const BUNDLE_MATERIALS = ['居民身份证', '新生儿出生医学证明信息登记表', '近期白底证件照片'] as const;

const ITEM = '个体工商户设立登记';
const AGENCY = '泰州市市场监督管理局';
const MATERIAL = '经营场所使用证明';
/** The demo citizen, as on his ID card (server/src/seed/world/people.ts). */
const CITIZEN = { name: '李明', id: '321202199003150312' };
const EXPRESS_ADDRESS = '泰州市海陵区青年南路 88 号 李明 13952600315';

let caseNumber = '';

test.describe.serial('窗口收件: filed at the window for a citizen, accepted there, seen in his portal', () => {
  test('the window clerk files the case for 李明 and accepts it on the spot', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench');
    await signIn(page, 'clerk');
    await page.getByRole('link', { name: '窗口收件', exact: true }).click();
    await expect(page.getByRole('heading', { name: '综合窗口收件', level: 1 })).toBeVisible();

    // A check digit typed wrong is caught with a message the clerk can act on.
    await page.getByLabel('姓名', { exact: true }).fill(CITIZEN.name);
    await page.getByLabel('居民身份证号码', { exact: true }).fill(CITIZEN.id.slice(0, 17) + '9');

    await page.getByRole('searchbox', { name: /输入事项名称搜索/ }).fill('个体工商户');
    await page.getByRole('searchbox', { name: /输入事项名称搜索/ }).press('Enter');
    await page.getByRole('button', { name: `选择 ${ITEM}（${AGENCY}）` }).click();
    await expect(page.getByRole('heading', { name: '3. 申请表', level: 2 })).toBeVisible();
    // The form starts from what the clerk typed about the applicant.
    await expect(page.getByLabel('经营者姓名', { exact: true })).toHaveValue(CITIZEN.name);
    await fillIfEmpty(page, '联系电话', '13952600315');
    await page.getByLabel('经营场所', { exact: true }).fill('江苏省泰州市海陵区城中街道坡子街36号');
    await page.getByLabel('经营范围', { exact: true }).fill('日用百货零售');
    await uploadEach(page, page, [MATERIAL], 'window scan', '（窗口扫描）');

    const submit = page.getByRole('button', { name: '提交，生成办件' });
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/window/cases');
    await submit.click();
    expect((await refused).status()).toBe(400);
    await expect(page.getByRole('alert').filter({ hasText: '校验码' })).toBeVisible();
    await shot(page, 'window-01-wrong-id');

    // Corrected on the card once, the form's own field follows.
    await page.getByLabel('居民身份证号码', { exact: true }).fill(CITIZEN.id);
    await expect(page.getByLabel('身份证号', { exact: true })).toHaveValue(CITIZEN.id);
    await shot(page, 'window-02-filled');
    await pressExpectingOk(page, submit, '/api/v1/window/cases');

    // Straight to the case in the workbench: the same engine, numbered as any case, waiting for acceptance.
    await expect(page).toHaveURL(/\/workbench\/cases\//);
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    const number = page.getByText(/^\d{6}-\d{4}-\d{6}$/).first();
    await expect(number).toBeVisible();
    caseNumber = (await number.textContent())!.trim();
    await expect(page.getByText('综合窗口收件：由窗口工作人员代申请人提交')).toBeVisible();

    // The paperwork beside it: 李明 signs on the pad, asks for the result by express, and takes the notice home.
    const paperwork = page.locator('.tb-paperwork');
    await expect(paperwork.getByRole('heading', { name: '窗口收件手续' })).toBeVisible();
    await expect(paperwork.getByRole('button', { name: '打印受理通知书' })).toBeDisabled();
    const pad = paperwork.getByTestId('signature-pad');
    // In the middle of the screen, clear of the sticky header.
    await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await pad.boundingBox())!;
    // 李 drawn in a few strokes, as a hand would.
    const strokes = [
      [[0.2, 0.3], [0.4, 0.3]],
      [[0.3, 0.15], [0.3, 0.55]],
      [[0.3, 0.35], [0.2, 0.5]],
      [[0.3, 0.35], [0.4, 0.5]],
      [[0.22, 0.6], [0.38, 0.6], [0.3, 0.72], [0.3, 0.88], [0.26, 0.85]],
      [[0.2, 0.75], [0.42, 0.75]],
      [[0.55, 0.2], [0.55, 0.8], [0.75, 0.8], [0.75, 0.2], [0.55, 0.2]],
      [[0.55, 0.5], [0.75, 0.5]],
    ];
    for (const stroke of strokes) {
      const at = (p: number[]) => [box.x + p[0]! * box.width, box.y + p[1]! * box.height] as const;
      await page.mouse.move(...at(stroke[0]!));
      await page.mouse.down();
      for (const p of stroke.slice(1)) await page.mouse.move(...at(p), { steps: 8 });
      await page.mouse.up();
    }
    await pressExpectingOk(page, paperwork.getByRole('button', { name: '保存签名' }), /\/signature$/);
    await expect(paperwork.getByRole('img', { name: '李明的签名' })).toBeVisible();
    await expect(paperwork.getByText(/已签名（李晓燕 经办/)).toBeVisible();

    await paperwork.getByRole('radio', { name: /快递寄送/ }).check();
    // Express needs an address: said plainly, nothing saved.
    await paperwork.getByRole('button', { name: '保存送达方式' }).click();
    await expect(paperwork.getByRole('alert')).toContainText('请填写收件地址');
    await paperwork.getByLabel('收件地址、收件人和电话').fill(EXPRESS_ADDRESS);
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith('/delivery'));
    await paperwork.getByRole('button', { name: '保存送达方式' }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.locator('.ant-descriptions').getByText('快递寄送').first()).toBeVisible();
    await shot(page, 'window-03-paperwork');

    await confirmAction(page, '受理');
    await expect(page.getByText('审查中').first()).toBeVisible();
    const print = paperwork.getByRole('link', { name: '打印受理通知书' });
    await expect(print).toBeVisible();
    const notice = await page.request.get((await print.getAttribute('href'))!);
    expect(notice.ok()).toBe(true);
    expect(notice.headers()['content-type']).toContain('application/pdf');
    expect((await notice.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (PDFTOTEXT) {
      const text = pdfText(await notice.body());
      for (const expected of ['受理通知书', caseNumber, ITEM, CITIZEN.name, '快递送达', EXPRESS_ADDRESS, MATERIAL, '承诺办结日期', '申请人签名', '查询办理进度', '咨询电话']) expect(text, expected).toContain(expected.replace(/\s+/g, ''));
    }
    // The notice as the applicant gets it, next to the accepted case.
    const preview = await context.newPage();
    await preview.goto((await print.getAttribute('href'))!);
    await preview.waitForTimeout(800);
    await shot(preview, 'window-03b-acceptance-notice', { fullPage: false });
    await preview.close();
    await shot(page, 'window-03-accepted');
    await context.close();
  });

  test('李明 signs in and finds the case among his own', async ({ browser }) => {
    expect(caseNumber, 'a case was filed at the window').not.toBe('');
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/my/cases');
    await signIn(page, 'citizen');
    await expect(page.getByRole('heading', { name: '我的办件', level: 1 })).toBeVisible();
    const card = page.getByRole('link').filter({ hasText: caseNumber });
    await expect(card).toBeVisible();
    await expect(card).toContainText(ITEM);
    await card.click();
    await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
    await expect(page.getByText(/综合窗口收件/)).toBeVisible();
    await expect(page.getByText(`${MATERIAL}（窗口扫描）.pdf`).first()).toBeVisible();
    // The 受理通知书 he took home, again from his portal.
    const notice = page.getByRole('link', { name: /下载受理通知书/ });
    await expect(notice).toBeVisible();
    expect((await page.request.get((await notice.getAttribute('href'))!)).headers()['content-type']).toContain('application/pdf');
    await shot(page, 'window-04-citizen-sees-it');
    await context.close();
  });

  test('the clerk files 新生儿出生 for 李明 with the same questionnaire and one form', async ({ browser }) => {
    const context = await contextFor(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/workbench/intake');
    await signIn(page, 'clerk');
    await expect(page.getByRole('heading', { name: '综合窗口收件', level: 1 })).toBeVisible();
    await page.getByLabel('姓名', { exact: true }).fill(CITIZEN.name);
    await page.getByLabel('居民身份证号码', { exact: true }).fill(CITIZEN.id);
    await page.getByText('一件事', { exact: true }).click();
    await page.getByRole('radio', { name: new RegExp(BUNDLE) }).check();
    await answerNewborn(page);
    await page.getByRole('button', { name: '生成一次性告知清单' }).click();
    const card = page.locator('.tb-bundle-apply');
    await expect(card.getByRole('heading', { name: '一次申请' })).toBeVisible();
    await card.getByLabel('新生儿姓名').fill('李小禾');
    await card.getByRole('radiogroup', { name: '新生儿性别' }).getByText('男', { exact: true }).click();
    await pickToday(page, card, '出生日期');
    await fillIfEmpty(page, '父亲姓名', CITIZEN.name);
    // What the clerk typed on the card starts the form, never locked: the mother is not the one at the window.
    await card.getByLabel('母亲姓名').fill('王芳');
    await card.getByLabel('母亲公民身份号码').fill('321202199205210467');
    await card.getByLabel('首选接种门诊（社区卫生服务中心）').fill('海陵区城西街道社区卫生服务中心');
    await chooseOption(page, card, '金融服务银行', '中国工商银行');
    await fillIfEmpty(page, '联系电话', '13952600315');
    await uploadEach(page, card, BUNDLE_MATERIALS, 'window bundle scan', '（窗口扫描）');
    await shot(page, 'window-05-bundle-form');
    await pressExpectingOk(page, card.getByRole('button', { name: '一次提交' }), '/api/v1/window/bundle-cases');

    // On to the whole bundle in the workbench: its member cases, each to accept.
    await expect(page).toHaveURL(/\/workbench\/bundles\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { name: BUNDLE, level: 1 })).toBeVisible();
    await expect(page.getByTestId('bundle-member')).toHaveCount(5);
    await shot(page, 'window-06-bundle-filed');
    const bundleId = /\/workbench\/bundles\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    await context.close();

    // 李明's own: in his bundles.
    const citizen = await contextFor(browser, DESKTOP);
    const mine = await citizen.newPage();
    await mine.goto('/login');
    await signIn(mine, 'citizen');
    const list = await (await citizen.request.get('/api/v1/bundle-cases')).json();
    expect(list.bundleCases.map((b: { id: string }) => b.id)).toContain(bundleId);
    await citizen.close();
  });
});
