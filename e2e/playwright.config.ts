/**
 * End-to-end run of the real server and web app in Debian's Chromium (never a downloaded browser).
 *
 *   npm run test:e2e
 *
 * globalSetup starts `node server/src/main.ts start` on a fresh DATA_DIR (so every run begins from the freshly
 * seeded demo world) and a free port; its teardown stops the server and removes the directory.
 * Screenshots and traces go to e2e/artifacts/ (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function assertChromium(p: string): void {
  let ok = false;
  try {
    fs.accessSync(p, fs.constants.X_OK);
    ok = fs.statSync(p).isFile();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new Error(
      [
        `Chromium was not found at ${p} (or is not executable).`,
        'The e2e tests use the system Chromium, not a browser downloaded by Playwright. Install it with:',
        '  apt-get update && apt-get install -y chromium fonts-noto-cjk',
        'or point CHROMIUM_PATH at a Chromium/Chrome executable, e.g. CHROMIUM_PATH=/usr/bin/chromium npm run test:e2e',
      ].join('\n'),
    );
  }
}
assertChromium(executablePath);

const artifacts = path.join(import.meta.dirname, 'artifacts');

export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '**/*.spec.ts',
  outputDir: path.join(artifacts, 'test-results'),
  globalSetup: path.join(import.meta.dirname, 'global-setup.ts'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list', { printSteps: false }]],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
