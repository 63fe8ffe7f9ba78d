// The real page in a real browser: dist/ (what scripts/build assembles) served by
// scripts/static-server.mjs with its CSP header (a meta tag does not govern the worker:
// shared/README.md trap 7), driven through Debian's Chromium by playwright-core (never
// `npx playwright install`: no browser downloads here or on CI).
//
//   node --test tests/browser/        (after scripts/build; npm ci for playwright-core)
//
// ITP_SITE_DIR serves another folder than dist/; ITP_CLI names another itp-analyze. Screenshots
// go to build/screenshots/ for a person to look at; nothing compares them.
//
// What the browser tells and what it does not (checked by hand with playwright-core 1.65 and
// Chromium 156): requests of the page and of its module worker both reach page.on('request'),
// and a request the CSP blocks is still reported there (then fails with 'csp'), so the
// other-origin check sees it. CSP violations of the page arrive as console errors ("... violates
// the following Content Security Policy directive ..."). A violation inside the worker is NOT
// reported anywhere playwright listens; the worker's health under the header CSP shows instead
// in the results themselves (they exist only if the worker imported the glue and compiled the
// wasm under that policy) and in the header checked on worker.js.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { chromium } from 'playwright-core';

// The page's own formatting, so the expected text is the CLI's numbers written as the page
// writes them (dist/format.js is a copy of this file).
import { formatChisq, formatLevel, formatMedian, formatP } from '../../web/format.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const siteDir = path.resolve(process.env.ITP_SITE_DIR ?? path.join(repoRoot, 'dist'));
const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
const screenshotDir = path.join(repoRoot, 'build/screenshots');

// DESIGN.md §6, exactly.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
  + "object-src 'none'; base-uri 'none'";

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  // launch() also gives each run a fresh temporary profile (user-data-dir).
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Waits, in milliseconds; the whole file runs in a few seconds when all is well. */
const WAIT = 10_000;

/**
 * The CLI's answer for the same request the page makes.
 * @param {string} file
 * @param {string[]} args
 */
async function cliSurvival(file, args) {
  const { stdout } = await promisify(execFile)(cli, ['survival', '--input', file, ...args]);
  const json = JSON.parse(stdout);
  assert.equal(json.ok, true, `CLI failed: ${stdout}`);
  return json.survival;
}

/**
 * Starts scripts/static-server.mjs on a free port (port 0: it prints the one it got).
 * @param {string} folder
 * @returns {Promise<{child: import('node:child_process').ChildProcess, origin: string}>}
 */
function startServer(folder) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/static-server.mjs'),
    folder, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`static server printed no address in 5 s: ${out}`));
    }, 5000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({ child, origin: `http://127.0.0.1:${match[1]}` });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`static server exited with ${code}: ${out}`));
    });
  });
}

/**
 * Records everything the page does that a test may want to forbid. Console messages of the
 * worker arrive on the page's 'console' too, so one listener covers both.
 * @param {import('playwright-core').Page} page
 */
function watch(page) {
  const seen = {
    /** @type {string[]} every URL requested, page and worker */
    requests: [],
    /** @type {Map<string, Record<string, string>>} response headers by URL */
    headers: new Map(),
    /** @type {string[]} console errors and warnings, page errors, failed requests, crashes */
    problems: [],
    /** @type {string[]} */
    cspViolations: [],
    /** @type {string[]} */
    dialogs: [],
  };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('response', (response) => seen.headers.set(response.url(), response.headers()));
  page.on('requestfailed', (request) => {
    seen.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('console', (message) => {
    const line = `console ${message.type()}: ${message.text()} (${message.location().url})`;
    if (/content security policy/i.test(message.text())) seen.cspViolations.push(line);
    if (message.type() === 'error' || message.type() === 'warning') seen.problems.push(line);
  });
  page.on('pageerror', (error) => seen.problems.push(`page error: ${error.stack ?? error}`));
  page.on('crash', () => seen.problems.push('page crashed'));
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return seen;
}

/**
 * Opens the page and waits until the worker has answered (the example button is enabled).
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 */
async function openPage(page, origin) {
  const response = await page.goto(`${origin}/`);
  assert.ok(response, 'no response for the page');
  assert.equal(response.status(), 200);
  await page.locator('#run-example:enabled').waitFor({ timeout: WAIT });
  const status = await page.getByRole('status').textContent();
  assert.match(status, /^Ready/, `the calculator did not start: ${status}`);
  return response;
}

/**
 * Waits for the results (or a shown error) and fails with the page's own message on an error.
 * @param {import('playwright-core').Page} page
 */
async function waitForResult(page) {
  await page.waitForFunction(() => !document.getElementById('result').hidden
    || document.getElementById('status').classList.contains('error'), null, { timeout: WAIT });
  const status = await page.getByRole('status').textContent();
  assert.equal(status, 'Done.', `the page reported: ${status}`);
}

/**
 * The text of each cell of each row of the groups table, exactly as set (textContent).
 * @param {import('playwright-core').Page} page
 */
function groupRows(page) {
  return page.locator('#groups tbody tr').evaluateAll(
    (rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
}

/**
 * @param {string} origin
 * @param {ReturnType<typeof watch>} seen
 */
function assertClean(origin, seen) {
  const elsewhere = seen.requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(elsewhere, [], 'requests to another origin');
  assert.deepEqual(seen.cspViolations, [], 'CSP violations');
  assert.deepEqual(seen.problems, [], 'console errors/warnings, page errors, failed requests');
  assert.deepEqual(seen.dialogs, [], 'dialogs');
}

describe('the page in Chromium', { timeout: 60_000 }, () => {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let server;
  let origin = '';
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  let tmp = '';

  before(async () => {
    await access(path.join(siteDir, 'index.html')).catch(() => {
      throw new Error(`${siteDir}/index.html is missing: run scripts/build first`);
    });
    await mkdir(screenshotDir, { recursive: true });
    tmp = await mkdtemp(path.join(os.tmpdir(), 'itp-browser-'));
    ({ child: server, origin } = await startServer(siteDir));
    browser = await chromium.launch(LAUNCH);
  });

  after(async () => {
    await browser?.close();
    server?.kill();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('the example: the numbers of the CLI, the CSP header, nothing sent elsewhere', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);

      const response = await openPage(page, origin);
      assert.equal(response.headers()['content-security-policy'], CSP);
      await page.screenshot({ path: path.join(screenshotDir, 'example-before.png'),
        fullPage: true });

      await page.getByRole('button', { name: 'Run the example' }).click();
      await waitForResult(page);
      await page.screenshot({ path: path.join(screenshotDir, 'example-after.png'),
        fullPage: true });

      // The request app.js makes for the example.
      const survival = await cliSurvival(path.join(repoRoot, 'examples/aml.csv'),
        ['--time', 'time', '--event', 'status', '--group', 'x',
          '--conf-type', 'log', '--conf-level', '0.95']);
      assert.deepEqual(await groupRows(page), survival.groups.map((g) => [
        g.name, String(g.n), String(g.events), formatMedian(g.median, survival.conf_type)]));
      assert.equal(await page.locator('#median-heading').textContent(),
        `Median (${formatLevel(survival.conf_level)} CI)`);
      const { test: logRank } = survival;
      assert.equal(logRank.method, 'log-rank');
      assert.equal(await page.locator('#test').textContent(),
        `Log-rank test: χ² = ${formatChisq(logRank.chisq)}, df = ${logRank.df}, `
        + `${formatP(logRank.p)}`);

      // The worker's own requests are among those seen, so the origin check covers them.
      const paths = seen.requests.map((url) => new URL(url).pathname);
      for (const file of ['/worker.js', '/itp-core.js', '/itp-core.wasm', '/examples/aml.csv']) {
        assert.ok(paths.includes(file), `${file} not requested: ${paths.join(' ')}`);
      }
      assert.equal(seen.headers.get(`${origin}/worker.js`)?.['content-security-policy'], CSP,
        'the worker script must carry the CSP header itself');
      assertClean(origin, seen);
    } finally {
      await context.close();
    }
  });

  test('group labels holding markup are shown as text, never as elements', async () => {
    const labels = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>'];
    const csv = ['time,status,group',
      ...[[5, 1], [8, 0], [12, 1], [20, 1]].map(([t, e]) => `${t},${e},${labels[0]}`),
      ...[[3, 1], [9, 1], [15, 0], [30, 1]].map(([t, e]) => `${t},${e},${labels[1]}`),
    ].join('\n') + '\n';
    const file = path.join(tmp, 'markup.csv');
    await writeFile(file, csv);

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, origin);

      await page.getByLabel('CSV or TSV file').setInputFiles(
        { name: 'markup.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('#columns:enabled').waitFor({ timeout: WAIT });
      assert.equal(await page.locator('#group-column').inputValue(), 'group');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page);
      await page.screenshot({ path: path.join(screenshotDir, 'markup-labels.png'),
        fullPage: true });

      // The page sends no conf_type for a file of the user's: the CLI's defaults apply to both.
      const survival = await cliSurvival(file, ['--time', 'time', '--event', 'status',
        '--group', 'group']);
      assert.deepEqual(survival.groups.map((g) => g.name).sort(), [...labels].sort());
      assert.deepEqual(await groupRows(page), survival.groups.map((g) => [
        g.name, String(g.n), String(g.events), formatMedian(g.median, survival.conf_type)]));

      // Text, not elements: the document holds no img, and its only script is app.js; the table
      // body holds rows of plain text cells and nothing else.
      const dom = await page.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        bodyElements: [...document.querySelectorAll('#groups tbody *')]
          .map((e) => e.localName).filter((name) => name !== 'tr' && name !== 'td'),
      }));
      assert.deepEqual(dom, { images: 0, scripts: ['app.js'], bodyElements: [] });
      // The CSP would block an inline handler anyway (and report it: assertClean), and an img
      // built from the label would request /x from this very server: neither may happen.
      assert.ok(!seen.requests.some((url) => new URL(url).pathname === '/x'), 'requested /x');
      assertClean(origin, seen);
    } finally {
      await context.close();
    }
  });
});
