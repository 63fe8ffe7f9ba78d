// The survival calculator's analyses beyond Kaplan-Meier (issue 14) on the real page in
// Chromium, at 1366 px: a file picked, each analysis chosen and run, the numbers shown compared
// with R's, written out here by hand (the R code is in tests/node/survival_comparisons_table,
// cif_table and cox_table.test.mjs, which check the same answers at 1e-9), each figure's SVG and
// title, the figure's CSV export, and a screenshot per analysis in build/screenshots/ for a
// person to look at. Also: the competing-risks and Cox modules are fetched only once chosen.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean, openPage, repoRoot, screenshotDir, shownTable, startSite, WAIT, watch,
} from './browser-kit.mjs';

const VIEWPORT = { width: 1366, height: 900 };

/** @param {import('playwright-core').Page} page */
async function waitForResult(page) {
  await page.waitForFunction(() => !document.getElementById('survival-result').hidden
    || document.getElementById('status').classList.contains('error'), null, { timeout: WAIT });
  assert.match(await page.getByRole('status').textContent(), /^(Done\.|Terminé\.)$/);
}

/** Picks a file in the calculator and waits for its columns. */
async function pick(page, file) {
  await page.locator('#survival-file').setInputFiles(path.join(repoRoot, file));
  await page.locator('#survival-columns:enabled').waitFor({ timeout: WAIT });
}

const table = (page, id) => shownTable(page.locator(`#survival-table table[data-table="${id}"]`));
const pathsOf = (seen) => seen.requests.map((url) => new URL(url).pathname);

describe('the survival calculator\'s three analyses in Chromium', { timeout: 90_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  test('Kaplan-Meier after landmark 30: pairwise tests (BH) and the trend on scores 1, 2, 4, 8',
    async () => {
      const context = await site.browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await openPage(page, site.origin);
        await page.locator('#mode-survival').click();
        await pick(page, 'tests/golden/data/veteran.csv');
        await page.locator('#group-column').selectOption('celltype');
        assert.equal(await page.locator('#status-column').isVisible(), false,
          'a competing-risks field shown in Kaplan-Meier');
        await page.getByLabel('Estimates at times').fill('60');
        await page.getByLabel('Landmark time').fill('30');
        await page.getByLabel('Pairwise tests').selectOption('BH');
        await page.getByLabel('Test for trend').check();
        await page.getByLabel('Trend scores').fill('1; 2; 4; 8');
        await page.locator('#run-survival').click();
        await waitForResult(page);

        // R: survdiff on each pair of the rows with time > 30 (time - 30), p.adjust "BH";
        // the trend (s'(O-E))^2 / s'Vs = 10.68, p = 0.00108.
        const landmark = 'Landmark 30: times are measured from it; 42 rows that ended (event or '
          + 'censoring) at or before it are left out.';
        assert.deepEqual(await table(page, 'survival_pairwise'), {
          title: 'Pairwise comparisons: Log-rank test',
          caption: landmark,
          head: ['Groups compared', 'χ²', 'df', 'p', 'Adjusted p (Benjamini-Hochberg)'],
          rows: [
            ['adeno vs large', '15.31', '1', 'p < 0.001', 'p < 0.001'],
            ['adeno vs smallcell', '2.07', '1', 'p = 0.15', 'p = 0.15'],
            ['adeno vs squamous', '16.05', '1', 'p < 0.001', 'p < 0.001'],
            ['large vs smallcell', '2.68', '1', 'p = 0.10', 'p = 0.12'],
            ['large vs squamous', '2.79', '1', 'p = 0.095', 'p = 0.12'],
            ['smallcell vs squamous', '7.87', '1', 'p = 0.0050', 'p = 0.010'],
          ],
          footnotes: ['Each pair tested on its own rows, as R\'s survdiff on the two groups; p '
            + 'adjusted over the pairs as p.adjust (method: Benjamini-Hochberg).'],
        });
        const trend = await table(page, 'survival_trend');
        assert.equal(trend.title, 'Log-rank test for trend');
        assert.deepEqual(trend.rows, [['adeno = 1, large = 2, smallcell = 4, squamous = 8',
          '10.68', '1', 'p = 0.0011']]);
        // summary(survfit(...), times = 60) on the landmark's clock.
        const atTimes = await table(page, 'survival_at_times');
        assert.equal(atTimes.head[1], 'Time since landmark 30');
        assert.deepEqual(atTimes.rows[0], ['adeno', '60', '8', '40.9 % (23.6–71.0)']);
        assert.ok((await table(page, 'survival_groups')).footnotes.includes(landmark));

        const figure = page.locator('#survival-figure svg');
        assert.equal(await figure.locator('title').first().textContent(), 'Kaplan-Meier estimate');
        assert.equal(await figure.locator('.km-axis-title').first().textContent(),
          'Time since landmark 30');
        await page.screenshot({ path: path.join(screenshotDir, 'survival-km-landmark.png'),
          fullPage: true });

        // Nothing of the other analyses was fetched.
        const paths = pathsOf(seen);
        for (const module of ['cif-analysis.js', 'cox-analysis.js', 'cumulative-incidence.js',
          'forest-plot.js']) {
          assert.ok(!paths.some((p) => p.endsWith(module)), `${module} fetched before chosen`);
        }
        assertClean(site.origin, seen);
      } finally {
        await context.close();
      }
    });

  test('competing risks on mgus2: incidence at 60 and 120, Gray\'s test, both views, CSV',
    async () => {
      const context = await site.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await openPage(page, site.origin);
        await page.locator('#mode-survival').click();
        await page.getByLabel('Competing risks').check();
        await page.waitForFunction(() => performance.getEntriesByType('resource')
          .some((r) => r.name.endsWith('/cif-analysis.js')), null, { timeout: WAIT });
        assert.equal(await page.locator('#event-column').isVisible(), false);
        await pick(page, 'examples/mgus2.csv');
        assert.equal(await page.locator('#time-column').inputValue(), 'etime');
        assert.equal(await page.locator('#status-column').inputValue(), 'event');
        assert.equal(await page.locator('#censor-value').inputValue(), '0');
        await page.locator('#group-column').selectOption('sex');
        await page.getByLabel('Estimates at times').fill('60, 120');
        await page.locator('#run-survival').click();
        await waitForResult(page);

        // R: timepoints(cuminc(etime, event, sex), c(60, 120)), log(-log) limits; Gray's test
        // 1.19 (p 0.274) and 11.65 (p 0.00064).
        const atTimes = await table(page, 'cif_at_times');
        assert.deepEqual(atTimes.head, ['Cause', 'Group', 'Time', 'Cumulative incidence (95 % CI)']);
        assert.deepEqual(atTimes.rows, [
          ['1', 'F', '60', '4.0 % (2.6–5.7)'], ['1', 'F', '120', '7.4 % (5.5–9.7)'],
          ['1', 'M', '60', '2.9 % (1.9–4.3)'], ['1', 'M', '120', '5.5 % (4.0–7.4)'],
          ['2', 'F', '60', '26.4 % (23.0–29.9)'], ['2', 'F', '120', '48.0 % (43.9–52.1)'],
          ['2', 'M', '60', '36.8 % (33.3–40.2)'], ['2', 'M', '120', '57.5 % (53.7–61.1)'],
        ]);
        assert.deepEqual((await table(page, 'cif_gray')).rows,
          [['1', '1.19', '1', 'p = 0.27'], ['2', '11.65', '1', 'p < 0.001']]);
        assert.equal((await table(page, 'cif_curves')).caption,
          '1384 rows read, 1384 used, 409 censored (status 0).');

        const figure = page.locator('#survival-figure svg');
        assert.equal(await figure.locator('title').first().textContent(), 'Cumulative incidence');
        assert.equal(await figure.locator('.cif-panel').count(), 2);
        assert.equal(await figure.locator('.cif-curve').count(), 4);
        await page.screenshot({ path: path.join(screenshotDir, 'survival-cif.png'),
          fullPage: true });

        await page.locator('#cif-view').selectOption('F');
        assert.equal(await figure.locator('title').first().textContent(),
          'Cumulative incidence by cause: F');
        assert.equal(await figure.locator('.cif-stack').count(), 2);
        assert.equal(await figure.locator('.cif-event-free').count(), 1);
        await page.locator('#survival-figure').screenshot({
          path: path.join(screenshotDir, 'survival-cif-stacked.png') });

        const [download] = await Promise.all([page.waitForEvent('download'),
          page.locator('#survival-figure').getByRole('button', { name: 'Export CSV' }).click()]);
        assert.equal(download.suggestedFilename(), 'cumulative-incidence.csv');
        const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
          .split('\r\n').filter(Boolean);
        assert.equal(csv[0], 'Cause,Group,Time,Estimate,Variance,Lower limit,Upper limit');
        // The first row of cause 1 in F: 20 deaths at month 1, then 2 progressions among the 610
        // at risk at month 2: (611/631)·(2/610), as cuminc.
        assert.match(csv[1], /^1,F,2,0\.00317476812761425,/);
        assertClean(site.origin, seen);
      } finally {
        await context.close();
      }
    });

  test('Cox model on veteran: summary(coxph) and the forest plot, in English and French',
    async () => {
      const context = await site.browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await openPage(page, site.origin);
        await page.locator('#mode-survival').click();
        await page.getByLabel('Cox model').check();
        await pick(page, 'examples/veteran.csv');
        assert.equal(await page.locator('#group-column').isVisible(), false);
        await page.locator('#event-column').selectOption('status');
        assert.equal(await page.getByRole('checkbox', { name: 'time' }).isDisabled(), true,
          'the time column offered as a covariate');
        await page.getByRole('checkbox', { name: 'trt' }).check();
        await page.getByRole('checkbox', { name: 'celltype' }).check();
        // By keyboard: Tab reaches the box, Space ticks it.
        await page.getByRole('checkbox', { name: 'karno' }).focus();
        await page.keyboard.press('Space');
        assert.equal(await page.getByRole('checkbox', { name: 'karno' }).isChecked(), true);
        await page.locator('#run-survival').click();
        await waitForResult(page);

        // R: summary(coxph(Surv(time, status) ~ trt + celltype + karno, data = veteran)).
        assert.deepEqual(await table(page, 'cox_coefficients'), {
          title: 'Cox proportional hazards model',
          caption: '137 rows used, 128 events.',
          head: ['Term', 'HR (95 % CI)', 'coef', 'se(coef)', 'z', 'p'],
          rows: [
            ['trt', '1.30 (0.88–1.93)', '0.2617', '0.2009', '1.30', 'p = 0.19'],
            ['celltypelarge', '0.47 (0.26–0.84)', '-0.7594', '0.2987', '-2.54', 'p = 0.011'],
            ['celltypesmallcell', '0.72 (0.42–1.22)', '-0.3290', '0.2691', '-1.22', 'p = 0.22'],
            ['celltypesquamous', '0.32 (0.18–0.56)', '-1.154', '0.2950', '-3.91', 'p < 0.001'],
            ['karno', '0.97 (0.96–0.98)', '-0.03127', '0.005165', '-6.05', 'p < 0.001'],
          ],
          footnotes: ['As R\'s summary(coxph): Efron ties, 95 % limits exp(coef ± z·se), p from z.'],
        });
        const tests = await table(page, 'cox_tests');
        assert.equal(tests.caption, 'Concordance 0.737 (se 0.022).');
        assert.deepEqual(tests.rows, [['Likelihood ratio test', '61.07', '5', 'p < 0.001'],
          ['Wald test', '63.41', '5', 'p < 0.001'], ['Score (log-rank) test', '66.55', '5',
            'p < 0.001']]);

        const figure = page.locator('#survival-figure svg');
        assert.equal(await figure.locator('title').first().textContent(), 'Hazard ratios');
        assert.equal(await figure.locator('.forest-row').count(), 5);
        assert.equal(await figure.locator('.forest-reference').count(), 1);
        await page.screenshot({ path: path.join(screenshotDir, 'survival-cox.png'),
          fullPage: true });

        await page.locator('#language').selectOption('fr');
        await page.locator('#survival-table table[lang="fr"]').first().waitFor({ timeout: WAIT });
        const french = await table(page, 'cox_coefficients');
        assert.equal(french.title, 'Modèle de Cox à risques proportionnels');
        assert.deepEqual(french.rows[1],
          ['celltypelarge', '0,47 (0,26–0,84)', '-0,7594', '0,2987', '-2,54', 'p = 0,011']);
        assert.equal(await figure.locator('title').first().textContent(), 'Rapports de risques');
        await page.screenshot({ path: path.join(screenshotDir, 'survival-cox-fr.png'),
          fullPage: true });
        assert.ok(pathsOf(seen).some((p) => p.endsWith('/cox-analysis.js')));
        assertClean(site.origin, seen);
      } finally {
        await context.close();
      }
    });
});
