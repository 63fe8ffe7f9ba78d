// Benchmark of the page in Chromium (issue 6): from giving a CSV file to the survival calculator
// to its Kaplan-Meier figure shown, for 1e5 and 1e6 rows, measured by the page's own performance
// marks (file given -> columns offered, Run -> figure drawn; the user's choice of columns in
// between is not counted), and from outside as Playwright sees it (bench/make_data.awk's data: three
// groups, times with one decimal), and the size of what a visitor downloads (js + wasm, gzipped).
//   node bench/page_run.mjs        (after scripts/build; prints a table)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.join(root, 'dist');
const out = path.join(here, 'out');
mkdirSync(out, { recursive: true });

function dataFile(rows) {
  const file = path.join(out, `cohort_${rows}.csv`);
  if (!existsSync(file)) {
    writeFileSync(file, execFileSync('awk', ['-v', `rows=${rows}`, '-v', 'seed=20260101', '-f',
      path.join(here, 'make_data.awk')], { maxBuffer: 1 << 30 }));
  }
  return file;
}

function bundleSize() {
  let js = 0;
  let wasm = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) js += gzipSync(readFileSync(full), { level: 9 }).length;
      else if (entry.name.endsWith('.wasm')) wasm += gzipSync(readFileSync(full), { level: 9 }).length;
    }
  };
  walk(dist);
  return { js, wasm };
}

const server = spawn(process.execPath, [path.join(root, 'scripts/static-server.mjs'), dist, '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((resolve) => server.stdout.on('data', (chunk) => {
  const match = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+/);
  if (match) resolve(match[0]);
}));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'] });
const lines = [];
try {
  for (const rows of [100000, 1000000]) {
    const file = dataFile(rows);
    const times = [];
    for (let run = 0; run < 3; run += 1) {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => /^Ready/.test(document.getElementById('status').textContent));
      await page.locator('#mode-survival').click();
      const started = Date.now();
      await page.locator('#survival-file').setInputFiles(file);
      await page.locator('#survival-columns:enabled').waitFor({ timeout: 120000 });
      await page.locator('#event-column').selectOption('status');
      await page.locator('#group-column').selectOption('group');
      await page.locator('#run-survival').click();
      await page.locator('#survival-figure svg').waitFor({ timeout: 120000 });
      const inPage = await page.evaluate(() => {
        const span = (a, b) => performance.getEntriesByName(b)[0].startTime
          - performance.getEntriesByName(a)[0].startTime;
        return (span('itp-load-start', 'itp-load-end') + span('itp-run-start', 'itp-run-end')) / 1000;
      });
      times.push({ inPage, outside: (Date.now() - started) / 1000 });
      await page.close();
    }
    const median = (key) => times.map((x) => x[key]).sort((a, b) => a - b)[1];
    lines.push({ rows, mb: statSync(file).size / 2 ** 20, inPage: median('inPage'),
      outside: median('outside') });
  }
} finally {
  await browser.close();
  server.kill();
}
const { js, wasm } = bundleSize();
console.log('rows      file MB   drop to KM shown, s: in the page   with Playwright (median of 3)');
for (const l of lines) {
  console.log(`${l.rows.toExponential(0).padEnd(9)} ${l.mb.toFixed(1).padStart(7)}   `
    + `${l.inPage.toFixed(2).padStart(21)}   ${l.outside.toFixed(2).padStart(16)}`);
}
console.log(`bundle: ${(js / 1024).toFixed(0)} KB js + ${(wasm / 1024).toFixed(0)} KB wasm gzipped`
  + ` = ${((js + wasm) / 1024).toFixed(0)} KB`);
