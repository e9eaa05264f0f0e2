/** Shared bits of the e2e run: where the server is, the devices people use, signing in, screenshots, a PDF. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';

export const BASE_URL_ENV = 'TONGBAN_E2E_BASE_URL';
export const BASE_URL_FILE = path.join(import.meta.dirname, 'artifacts', 'base-url.txt');
export const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
export const DEMO_PASSWORD = 'Tongban@2026';

/** The server globalSetup started (env var in the runner and workers; the file as a fallback). */
export function baseURL(): string {
  const fromEnv = process.env[BASE_URL_ENV];
  if (fromEnv) return fromEnv;
  if (fs.existsSync(BASE_URL_FILE)) return fs.readFileSync(BASE_URL_FILE, 'utf8').trim();
  throw new Error(`No server: ${BASE_URL_ENV} is unset and ${BASE_URL_FILE} is missing (run through e2e/playwright.config.ts).`);
}

const common: BrowserContextOptions = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** A staff member at a desk. */
export const DESKTOP: BrowserContextOptions = { ...common, viewport: { width: 1366, height: 900 } };

/** A citizen's phone (iPhone 12/13/14 size). */
export const PHONE: BrowserContextOptions = {
  ...common,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
};

/** One actor, one browser context (own cookies, own storage). */
export async function contextFor(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  return browser.newContext({ ...options, baseURL: baseURL() });
}

/**
 * Fill the 登录 form the app shows (after a redirect to /login?next=…) and wait until it moves on.
 * `touch`: on a phone the button is tapped, not clicked.
 */
export async function signIn(page: Page, username: string, { touch = false, password = DEMO_PASSWORD } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: '登录', level: 1 })).toBeVisible();
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const submit = page.getByRole('button', { name: '登录', exact: true });
  if (touch) await submit.tap();
  else await submit.click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/**
 * A screenshot a person can look at: e2e/artifacts/<step>.png, the whole page from the top — or, with
 * `fullPage: false`, just the screen as it is (a dialog over the page: a full-page capture would draw its mask
 * over the first screenful only).
 */
export async function shot(page: Page, step: string, { fullPage = true } = {}): Promise<void> {
  // Let webfonts, images and antd's motion settle so the picture shows what a person sees.
  await page.evaluate('document.fonts.ready');
  // From the top: a full-page capture of a scrolled page draws the sticky header and toolbars in mid-page.
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `${step}.png`), fullPage });
}

/** On a phone nothing may make the page scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate<{ scroll: number; client: number; wide: string[] }>(`(() => {
    const el = document.documentElement;
    const client = el.clientWidth;
    const wide = [];
    for (const n of document.querySelectorAll('body *')) {
      const r = n.getBoundingClientRect();
      if (r.width > 0 && r.right > client + 1 && getComputedStyle(n).position !== 'fixed') {
        wide.push((n.tagName.toLowerCase() + '.' + String(n.className || '').split(' ').join('.')).slice(0, 80) + ' right=' + Math.round(r.right));
        if (wide.length >= 5) break;
      }
    }
    return { scroll: el.scrollWidth, client, wide };
  })()`);
  expect(widths.scroll, `page is wider than the phone (${widths.scroll} > ${widths.client}); overflowing: ${widths.wide.join(', ')}`).toBeLessThanOrEqual(widths.client);
}

/** A small, valid one-page PDF (correct xref offsets), made here so the test needs no fixture file. */
export function minimalPdf(text = 'Tongban e2e material'): Buffer {
  const body = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Press `button` (click, or tap on a phone) and check the API call it makes (a POST whose path ends with
 * `pathEnd`) succeeds — so when the server refuses, the failure says what it answered instead of a bare timeout.
 */
export async function pressExpectingOk(page: Page, button: Locator, pathEnd: string | RegExp, { touch = false } = {}): Promise<void> {
  const matches = (url: string) => {
    const p = new URL(url).pathname;
    return typeof pathEnd === 'string' ? p.endsWith(pathEnd) : pathEnd.test(p);
  };
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && matches(r.url()));
  if (touch) await button.tap();
  else await button.click();
  const r = await response;
  expect(r.ok(), `POST ${new URL(r.url()).pathname} answered ${r.status()}: ${(await r.text()).slice(0, 500)}`).toBe(true);
}

/** Type into a labelled field only when the app has not filled it already (pre-fill from registers or history). */
export async function fillIfEmpty(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  if ((await input.inputValue()).trim() === '') await input.fill(value);
}

/** Give each named material a PDF through its 上传<name> input (inside `scope`), checking the server stored it. */
export async function uploadEach(page: Page, scope: Page | Locator, names: readonly string[], text: string, suffix = ''): Promise<void> {
  const pdf = minimalPdf(text);
  for (const m of names) {
    const stored = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/files');
    await scope.getByLabel(`上传${m}`).setInputFiles({ name: `${m}${suffix}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    const r = await stored;
    expect(r.ok(), `upload of ${m} answered ${r.status()}`).toBe(true);
  }
}

/** The case number the success page shows after 提交申请. */
export async function caseNumberShown(page: Page): Promise<string> {
  const sub = page.getByText(/办件编号：/);
  await expect(sub).toBeVisible();
  const m = /办件编号：\s*([0-9A-Za-z-]+)/.exec((await sub.textContent()) ?? '');
  expect(m, 'the success page shows the case number').not.toBeNull();
  return m![1]!;
}

/** Press a workbench action, fill its dialog, confirm, and wait until the server has said yes. */
/**
 * Wait until a dialog has finished opening: antd zooms it in, and a click while it still moves can land beside the
 * button (on a busy machine the confirm click then did nothing).
 */
export async function openedFully(dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect
    .poll(() =>
      dialog.evaluate((el) => {
        const s = el.ownerDocument.defaultView!.getComputedStyle(el.closest('.ant-modal') ?? el);
        return s.opacity === '1' && (s.transform === 'none' || s.transform === 'matrix(1, 0, 0, 1, 0, 0)');
      }),
    )
    .toBe(true);
}

export async function confirmAction(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>, shotName?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `确认${action}？` });
  await openedFully(dialog);
  if (fill) await fill(dialog);
  if (shotName) await shot(page, shotName, { fullPage: false });
  await pressExpectingOk(page, dialog.getByRole('button', { name: '确认', exact: true }), /\/api\/v1\/cases\/[^/]+\/actions?$/);
  await expect(page.getByText(`已完成：${action}`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** 新生儿出生's questionnaire as 李明 answers it: settled in 泰州 with the father, parents married, a social security card too. */
export async function answerNewborn(page: Page, { touch = false } = {}): Promise<void> {
  const answer = async (question: string, option: string) => {
    const o = page.getByRole('group', { name: question }).getByText(option, { exact: true });
    if (touch) await o.tap();
    else await o.click();
  };
  await answer('新生儿是否在泰州市落户？', '是，在泰州落户');
  await answer('新生儿随父亲还是随母亲落户？', '随父落户');
  await answer('父母是否办理了结婚登记？', '已登记结婚');
  await answer('是否同时为孩子申领社会保障卡？', '同时申领');
}

/**
 * Pick today in the date picker labelled `label` (within `scope`), until the field shows a date: on a loaded machine
 * the click can land while the dropdown is still opening, and then it picks nothing.
 */
export async function pickToday(page: Page, scope: Page | Locator, label: string, { touch = false } = {}): Promise<void> {
  const field = scope.getByLabel(label);
  await expect(async () => {
    await (touch ? field.tap() : field.click());
    const today = page.locator('.ant-picker-dropdown:visible .ant-picker-cell-today');
    await (touch ? today.tap({ timeout: 3_000 }) : today.click({ timeout: 3_000 }));
    await expect(field).toHaveValue(/^\d{4}-\d{2}-\d{2}$/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** The implementation code of a published item by its name, preferring the city-level one (泰州市, 321200). */
export async function implCodeOf(request: APIRequestContext, name: string): Promise<string> {
  const r = await request.get(`${baseURL()}/api/v1/public/items`, { params: { q: name, regionCode: '321200', pageSize: '50' } });
  expect(r.ok()).toBe(true);
  const items = (await r.json()).items as Array<{ implCode: string; name: string; regionCode: string }>;
  const item = items.find((i) => i.name === name && i.regionCode === '321200') ?? items.find((i) => i.name === name);
  expect(item, `${name} is published`).toBeDefined();
  return item!.implCode;
}

/** A signed-in API client of its own (cookies kept), for the steps a journey does not watch in a browser. */
export async function apiSession(username: string) {
  const api = await playwrightRequest.newContext({ baseURL: baseURL() });
  const r = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(r.ok(), `login ${username}: ${r.status()}`).toBe(true);
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'csrf_token')!.value;
  return { api, headers: { 'x-csrf-token': csrf } };
}

/**
 * Choose `option` in the antd select labelled `label` inside `scope`, again until the choice shows in the field:
 * antd re-renders its option list as it opens, and on a busy machine a click can land on the list being replaced.
 * `search`: type the option first (a long list draws only the options in view).
 */
export async function chooseOption(page: Page, scope: Locator, label: string, option: string, { touch = false, search = false } = {}): Promise<void> {
  await expect(async () => {
    const field = scope.getByRole('combobox', { name: label });
    if (touch) await field.tap();
    else await field.click();
    if (search) await field.fill(option);
    const choice = page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true });
    if (touch) await choice.tap({ timeout: 2_000 });
    else await choice.click({ timeout: 2_000 });
    await expect(scope.getByTitle(option, { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
