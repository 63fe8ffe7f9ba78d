// The survival calculator in Chromium: R's aml example gives the CLI's numbers, written as the
// page writes them (web/report-tables.js, the same module the page uses), under the CSP header,
// with nothing sent elsewhere; group labels holding markup stay text.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { survivalAtTimesTable, survivalGroupsTable } from '../../web/survival-tables.js';
import {
  assertClean, CSP, cliSurvival, modelCells, openPage, repoRoot, screenshotDir, startSite,
  tableCells, WAIT, watch,
} from './browser-kit.mjs';

/** @param {import('playwright-core').Page} page */
async function waitForSurvival(page) {
  await page.waitForFunction(() => !document.getElementById('survival-result').hidden
    || document.getElementById('status').classList.contains('error'), null, { timeout: WAIT });
  assert.equal(await page.getByRole('status').textContent(), 'Done.');
}

describe('the survival calculator in Chromium', { timeout: 60_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  test('the aml example: the numbers of the CLI, the CSP header, nothing sent elsewhere',
    async () => {
      const context = await site.browser.newContext();
      try {
        const page = await context.newPage();
        const seen = watch(page);
        const response = await openPage(page, site.origin);
        assert.equal(response.headers()['content-security-policy'], CSP);
        await page.getByRole('button', { name: 'Survival calculator' }).click();
        // Whether the progress bar showed while the page waited for the worker.
        await page.evaluate(() => {
          const bar = document.getElementById('busy');
          window.busyShown = false;
          new MutationObserver(() => { window.busyShown ||= !bar.hidden; })
            .observe(bar, { attributes: true });
        });
        await page.getByRole('button', { name: /survival::aml/ }).click();
        await waitForSurvival(page);
        assert.equal(await page.evaluate(() => window.busyShown), true, 'no progress shown');
        assert.equal(await page.locator('#busy').isHidden(), true, 'progress left on');
        await page.screenshot({ path: path.join(screenshotDir, 'survival-example.png'),
          fullPage: true });

        const survival = await cliSurvival(path.join(repoRoot, 'examples/aml.csv'),
          ['--time', 'time', '--event', 'status', '--group', 'x', '--conf-type', 'log',
            '--times', '12,24']);
        assert.deepEqual(await tableCells(page.locator('#survival-table table').first()),
          modelCells(survivalGroupsTable(survival, 'en')));
        // summary(fit, times = c(12, 24)): each group's S at 12 and 24 weeks, as R gives them.
        assert.deepEqual(await tableCells(page.locator('#survival-table table').nth(1)),
          modelCells(survivalAtTimesTable(survival, 'en')));
        // The figure: one curve per group, its risk table the core's numbers.
        const figure = page.locator('#survival-figure svg');
        assert.equal(await figure.count(), 1);
        const text = await figure.textContent();
        for (const group of survival.groups) {
          assert.ok(text.includes(group.name), `${group.name} missing from the figure`);
        }
        const paths = seen.requests.map((url) => new URL(url).pathname);
        for (const file of ['/worker.js', '/itp-core.js', '/itp-core.wasm', '/examples/aml.csv']) {
          assert.ok(paths.includes(file), `${file} not requested: ${paths.join(' ')}`);
        }
        assert.equal(seen.headers.get(`${site.origin}/worker.js`)?.['content-security-policy'],
          CSP, 'the worker script must carry the CSP header itself');
        assertClean(site.origin, seen);
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
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.locator('#mode-survival').click();
      await page.locator('#survival-file').setInputFiles(
        { name: 'markup.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('#survival-columns:enabled').waitFor({ timeout: WAIT });
      assert.equal(await page.locator('#group-column').inputValue(), 'group');
      await page.locator('#run-survival').click();
      await waitForSurvival(page);
      await page.screenshot({ path: path.join(screenshotDir, 'survival-markup.png'),
        fullPage: true });
      const cells = (await tableCells(page.locator('#survival-table table').first()))
        .map((row) => row[0]);
      assert.deepEqual([...cells].sort(), [...labels].sort());
      const dom = await page.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        svgForeign: document.querySelectorAll('svg script, svg foreignObject').length,
      }));
      assert.deepEqual(dom, { images: 0, scripts: ['app.js'], svgForeign: 0 });
      assert.ok(!seen.requests.some((url) => new URL(url).pathname === '/x'), 'requested /x');
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });
});
