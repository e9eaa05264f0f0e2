/**
 * Builds the web app when web/dist is missing or older than its sources, so `npm start` and the e2e run
 * always serve the current UI without a separate build step.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((p) => path.join(root, p)).filter((p) => fs.existsSync(p));
const sourceTime = Math.max(...sources.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)));
const builtTime = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;

if (builtTime < sourceTime || process.env.FORCE_WEB_BUILD) {
  process.stdout.write('Building the web app (web/dist)…\n');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
