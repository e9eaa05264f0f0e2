/**
 * Who decides, in the browser:
 *   1. 通办 routed at acceptance: a 高港区 resident files 海陵区's item at 海陵区's branch centre (set up through the
 *      API); the clerk there (王静, clerk_hl) accepts it on screen and the case goes to 高港区市场监督管理局 — the
 *      record says who accepted and who decides; 高港区's reviewer (赵志刚, reviewer_gg) finds it in the queue and grants.
 *   2. A supervisor's 审批 as the last step: 药品零售企业许可's 材料审查 and 现场核查 are done (API); the supervisor
 *      (刘国平) finds it under “only steps that are mine” and grants it.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSession, baseURL, confirmAction, contextFor, DESKTOP, minimalPdf, shot, signIn } from './support.ts';
import { makeResidentId } from '../server/src/platform/codes/index.ts';

type Session = Awaited<ReturnType<typeof apiSession>>;

async function implCodeOf(request: APIRequestContext, name: string, regionCode: string): Promise<string> {
  const r = await request.get(`${baseURL()}/api/v1/public/items`, { params: { q: name, regionCode, pageSize: '50' } });
  expect(r.ok()).toBe(true);
  const item = ((await r.json()).items as Array<{ implCode: string; name: string; regionCode: string }>).find((i) => i.name === name && i.regionCode === regionCode);
  expect(item, `${name} of ${regionCode} is published`).toBeDefined();
  return item!.implCode;
}

/** A complete application for the item: plausible form values and the required materials uploaded by `s`. */
async function applicationFor(request: APIRequestContext, s: Session, implCode: string) {
  const item = await (await request.get(`${baseURL()}/api/v1/public/items/${implCode}`)).json();
  const materials = [];
  for (const m of item.materials as Array<{ code: string; necessity: string; obtainable?: boolean }>) {
    if (m.necessity !== 'required' || m.obtainable) continue;
    const up = await s.api.post('/api/v1/files', { headers: s.headers, multipart: { file: { name: `${m.code}.pdf`, mimeType: 'application/pdf', buffer: minimalPdf('material') } } });
    expect(up.ok(), `upload: ${up.status()}`).toBe(true);
    materials.push({ code: m.code, fileId: (await up.json()).id });
  }
  const form: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(item.form.properties as Record<string, { type: string; enum?: string[]; format?: string }>)) {
    form[k] = f.enum ? f.enum[0] : f.type === 'integer' || f.type === 'number' ? 1 : f.type === 'boolean' ? true : f.format === 'date' ? '2026-11-20' : /phone|Phone/.test(k) ? '13952600316' : '测试';
  }
  return { implCode, form, materials };
}

const act = async (s: Session, id: string, body: object) => {
  const r = await s.api.post(`/api/v1/cases/${id}/actions`, { headers: s.headers, data: body });
  expect(r.ok(), `${JSON.stringify(body)}: ${r.status()} ${await r.text()}`).toBe(true);
  return r.json();
};

test('通办: accepted by 海陵区’s window, decided by 高港区’s agency', async ({ browser, request }) => {
  const clerkHl = await apiSession('clerk_hl');
  const app = await applicationFor(request, clerkHl, await implCodeOf(request, '个体工商户设立登记', '321202'));
  Object.assign(app.form, { operatorName: '周港生', idNumber: makeResidentId('321203', '19880612', '021') });
  const filed = await clerkHl.api.post('/api/v1/window/cases', {
    headers: { ...clerkHl.headers, 'idempotency-key': crypto.randomUUID() },
    data: { applicant: { type: 'person', name: '周港生', residentId: makeResidentId('321203', '19880612', '021') }, ...app },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const c = await filed.json();
  await clerkHl.api.dispose();

  const context = await contextFor(browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`/workbench/cases/${c.id}`);
  await signIn(page, 'clerk_hl');
  await expect(page.getByRole('heading', { name: '个体工商户设立登记', level: 1 })).toBeVisible();
  await confirmAction(page, '受理');
  // The record names both: who accepted it, who decides it.
  const facts = page.locator('.ant-descriptions').first();
  await expect(facts).toContainText('泰州市海陵区政务服务中心受理，泰州市高港区市场监督管理局办理');
  await expect(page.getByText('通办：泰州市海陵区政务服务中心受理，泰州市高港区市场监督管理局办理').first()).toBeVisible();
  // 海陵区's window keeps reading it, without the deciding steps.
  await expect(page.getByRole('button', { name: '准予许可', exact: true })).toHaveCount(0);
  await shot(page, 'tongban-01-accepted-and-routed');
  await context.close();

  const home = await contextFor(browser, DESKTOP);
  const hp = await home.newPage();
  await hp.goto('/workbench');
  await signIn(hp, 'reviewer_gg');
  await hp.getByRole('searchbox', { name: '搜索办件' }).fill(c.number);
  await hp.getByRole('searchbox', { name: '搜索办件' }).press('Enter');
  const row = hp.getByRole('row').filter({ hasText: c.number });
  await expect(row).toBeVisible();
  await expect(row).toContainText('通办');
  await shot(hp, 'tongban-02-home-queue');
  await row.getByRole('link').first().click();
  await expect(hp.getByRole('heading', { name: '个体工商户设立登记', level: 1 })).toBeVisible();
  await confirmAction(hp, '准予许可');
  await expect(hp.getByText('已办结').first()).toBeVisible();
  await shot(hp, 'tongban-03-home-granted');
  await home.close();
});

test('a supervisor’s 审批 decides 药品零售企业许可', async ({ browser, request }) => {
  const company = await apiSession('company');
  const app = await applicationFor(request, company, await implCodeOf(request, '药品零售企业许可', '321200'));
  const filed = await company.api.post('/api/v1/cases', { headers: { ...company.headers, 'idempotency-key': crypto.randomUUID() }, data: app });
  expect(filed.status(), await filed.text()).toBe(201);
  const f = await filed.json();
  const clerk = await apiSession('clerk');
  const reviewer = await apiSession('reviewer');
  let c = await act(clerk, f.id, { action: 'accept', version: f.version });
  for (const opinion of ['材料齐全，符合要求', '现场核查：经营场所、设施与申请一致']) c = await act(reviewer, c.id, { action: 'review', version: c.version, opinion });
  await Promise.all([company.api.dispose(), clerk.api.dispose(), reviewer.api.dispose()]);

  const context = await contextFor(browser, DESKTOP);
  const page = await context.newPage();
  await page.goto('/workbench');
  await signIn(page, 'supervisor');
  // The filter lives in the URL: the box follows it once the address has changed.
  const mine = page.getByRole('checkbox', { name: '只看轮到我办理的环节' });
  await mine.click();
  await expect(mine).toBeChecked();
  await expect(page).toHaveURL(/step=mine/);
  const row = page.getByRole('row').filter({ hasText: c.number });
  await expect(row).toBeVisible();
  await shot(page, 'supervisor-01-my-steps');
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '药品零售企业许可', level: 1 })).toBeVisible();
  const steps = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '审查环节' }) });
  await expect(steps).toContainText('审批');
  await expect(steps).toContainText('分管负责人');
  await confirmAction(page, '准予许可');
  const timeline = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '办理过程' }) });
  await expect(timeline).toContainText('刘国平');
  await shot(page, 'supervisor-02-granted');
  await context.close();
});
