// What the browser tests share: the real page (dist/, what scripts/build assembles) served by
// scripts/static-server.mjs with its CSP header (a meta tag does not govern the worker:
// docs/design.md §8, trap 7), driven through Debian's Chromium by playwright-core (never
// `npx playwright install`: no browser downloads here or on CI), and watched for requests to
// other origins, CSP violations and console errors.
//
// ITP_SITE_DIR serves another folder than dist/; ITP_CLI names another itp-analyze. Screenshots
// go to build/screenshots/ (or ITP_SCREENSHOT_DIR) for a person to look at; nothing compares them.
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
import { spawn } from 'node:child_process';

import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';


export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = path.resolve(process.env.ITP_SITE_DIR ?? path.join(repoRoot, 'dist'));
export const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
export const screenshotDir = path.resolve(process.env.ITP_SCREENSHOT_DIR
  ?? path.join(repoRoot, 'build/screenshots'));

// docs/design.md §6, exactly.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
  + "object-src 'none'; base-uri 'none'";

export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  // launch() also gives each run a fresh temporary profile (user-data-dir).
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Waits, in milliseconds; the whole file runs in a few seconds when all is well. */
export const WAIT = 10_000;

/**
 * Starts scripts/static-server.mjs on a free port (port 0: it prints the one it got).
 * @param {string} folder
 * @returns {Promise<{child: import('node:child_process').ChildProcess, origin: string}>}
 */
export function startServer(folder) {
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
export function watch(page) {
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
 * @param {string} origin
 * @param {ReturnType<typeof watch>} seen
 */
export function assertClean(origin, seen) {
  const elsewhere = seen.requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(elsewhere, [], 'requests to another origin');
  assert.deepEqual(seen.cspViolations, [], 'CSP violations');
  assert.deepEqual(seen.problems, [], 'console errors/warnings, page errors, failed requests');
  assert.deepEqual(seen.dialogs, [], 'dialogs');
}


/** Starts the server and the browser once for a test file; `stop` ends both. */
export async function startSite() {
  await access(path.join(siteDir, 'index.html')).catch(() => {
    throw new Error(`${siteDir}/index.html is missing: run scripts/build first`);
  });
  await mkdir(screenshotDir, { recursive: true });
  const { child, origin } = await startServer(siteDir);
  const browser = await chromium.launch(LAUNCH);
  return { origin, browser, stop: async () => { await browser.close(); child.kill(); } };
}

/**
 * Opens the page and waits until the worker has answered (the status says it is ready).
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 */
export async function openPage(page, origin) {
  const response = await page.goto(`${origin}/`);
  assert.ok(response, 'no response for the page');
  assert.equal(response.status(), 200);
  await page.waitForFunction(() => /^(Ready|Prêt)/.test(document.getElementById('status')
    .textContent) || document.getElementById('status').classList.contains('error'), null,
  { timeout: WAIT });
  const status = await page.getByRole('status').textContent();
  assert.match(status, /^(Ready|Prêt)/, `the calculator did not start: ${status}`);
  return response;
}

/**
 * The text of every header and data cell of a table's body, row by row (textContent).
 * @param {import('playwright-core').Locator} table
 */
export function tableCells(table) {
  return table.locator('tbody tr').evaluateAll(
    (rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
}

/**
 * Everything a shown table says, as text: title and caption (the two parts of <caption>), the
 * column headers, the body's cells row by row and the footnotes.
 * @param {import('playwright-core').Locator} table
 */
export function shownTable(table) {
  return table.evaluate((t) => {
    const text = (selector) => t.querySelector(selector)?.textContent ?? '';
    return {
      title: text('caption .table-title'),
      caption: text('caption .table-caption'),
      head: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...t.querySelectorAll('tbody tr')].map((row) => [...row.cells]
        .map((cell) => cell.textContent)),
      footnotes: [...t.querySelectorAll('tfoot .footnote')].map((p) => p.textContent),
    };
  });
}

/**
 * The same cells from a table model of web/page/tables/report-tables.js, as render-table.js
 * renders them.
 */
export function modelCells(model) {
  return model.rows.map((row) => (row.heading
    ? [row.cells[model.columns[0].key] ?? '']
    : model.columns.map((column) => row.cells[column.key] ?? '')));
}

// ---- accessibility (axe-core) ------------------------------------------------------------------

/** The rules axe runs: WCAG 2.0 and 2.1, levels A and AA (its own tags). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource = null;

/**
 * Puts axe-core into the page (again after each navigation: a new document forgets it).
 *
 * Not as a <script> tag: the page's CSP (`script-src 'self'`) would block an inline one, and
 * axe is not served from the page's origin. page.evaluate() hands the file's text to the
 * DevTools protocol (Runtime.evaluate), which the CSP does not govern, so axe runs in the page
 * as served, under the policy the other tests check; no context needs bypassCSP. (axe itself
 * calls no eval, which the CSP would still forbid.) This is how @axe-core/playwright does it.
 * @param {import('playwright-core').Page} page
 */
export async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  axeSource ??= await readFile(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
}

/**
 * One line per element axe found at fault: the rule, its impact, where (CSS selectors) and
 * what it asks, so a failing test says what to fix without opening a browser.
 * @param {any[]} violations  axe's `results.violations`
 */
export function formatViolations(violations) {
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}) at `
    + `${node.target.map(String).join(' > ')}: ${v.help} [${v.helpUrl}]\n    `
    + `${node.failureSummary?.replace(/\n/g, ' ') ?? ''}`)).join('\n');
}

/**
 * Runs axe (AXE_TAGS) on the whole document as it is now and fails with every violation.
 * @param {import('playwright-core').Page} page
 * @param {string} where  what the page shows, for the message ("results, fr")
 */
export async function assertAccessible(page, where) {
  await injectAxe(page);
  const violations = await page.evaluate((tags) => window.axe.run(document,
    { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    .then((r) => JSON.parse(JSON.stringify(r.violations))), AXE_TAGS);
  assert.equal(violations.length, 0,
    `axe found ${violations.length} rule(s) broken on ${where}:\n${formatViolations(violations)}`);
}

// ---- the keyboard --------------------------------------------------------------------------

/**
 * What has the focus: its role and name as Chromium's accessibility tree gives them (what a
 * screen reader says), its tag, and the focus ring a sighted keyboard user sees, if any: the
 * outline or box-shadow of the element, or of the label that draws it for a file input (which
 * is transparent, opacity 0, under its label's button look).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{tag: string, role: string, name: string, ring: string}>}
 */
export async function focusedElement(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree',
      { objectId: result.objectId, fetchRelatives: false });
    const shown = await page.evaluate(() => {
      const active = /** @type {HTMLElement} */ (document.activeElement);
      const drawn = getComputedStyle(active).opacity === '0'
        ? active.closest('label') ?? active : active;
      const style = getComputedStyle(drawn);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        ? `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '';
      const shadow = style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
      return { tag: active.tagName.toLowerCase(), ring: outline || shadow };
    });
    return { ...shown, role: nodes[0]?.role?.value ?? '', name: nodes[0]?.name?.value ?? '' };
  } finally {
    await cdp.detach();
  }
}

/**
 * Fails unless the focus is on an element of the page (not <body>) that shows a focus ring.
 * @param {import('playwright-core').Page} page
 * @param {string} when  what was just done, for the message
 */
export async function assertFocusShown(page, when) {
  const focus = await focusedElement(page);
  assert.notEqual(focus.tag, 'body', `${when}: the focus was lost to <body>`);
  assert.ok(focus.ring, `${when}: no focus ring on the ${focus.role} "${focus.name}"`);
  return focus;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's accessible name matches, checking at
 * every stop that the focus is shown; fails after `most` presses.
 * @param {import('playwright-core').Page} page
 * @param {RegExp} name
 * @param {{back?: boolean, most?: number}} [options]
 */
export async function tabTo(page, name, { back = false, most = 150 } = {}) {
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press(key);
    // <body> here: the focus was lost, or Tab went past the last control without finding it.
    const focus = await assertFocusShown(page, `${key} on the way to ${name} (press ${presses})`);
    if (name.test(focus.name)) return focus;
  }
  throw new Error(`${most} presses of ${key} did not reach ${name}`);
}
