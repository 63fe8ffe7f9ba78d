// Issue 15, "a layout that never overlaps": at a laptop's (1366 px), a small laptop's (1024) and a
// tablet's width (768), and at 768 in French (whose labels are longer), nothing on the page covers
// text it does not hold (./overlap-check.mjs says what is measured and what is not). Walked as a
// user goes: the cohort's load step; its check step with the example cohort and the criteria's
// parameters unfolded; its results, every figure drawn at another width and again after the
// window is resized to this one, then with every figure option at its fullest; a patient's
// dialog; the printable report; then each of the survival calculator's analyses on its example,
// resized the same way (competing risks also stacked). Every step is measured
// before the test fails, so one run names each step that overlaps. A full-page screenshot of each
// step goes to build/screenshots/ (layout-<lang>-<width>-<step>.png) for a person to look at.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertClean, openPage, screenshotDir, startSite, WAIT, watch } from './browser-kit.mjs';
import { findOverlaps } from './overlap-check.mjs';

const WALKS = [
  { width: 1366, lang: 'en' }, { width: 1024, lang: 'en' }, { width: 768, lang: 'en' },
  { width: 768, lang: 'fr' },
];
const HEIGHT = 800;
/** "Drawn at its container's width": within 2 px (as figures.test.mjs). */
const SLACK = 2;
/**
 * Figures are drawn at another width first, then the window is resized to the walk's: what
 * is measured is the figures drawn again at their new width, as after a user's resize.
 */
const drawnFirstAt = (width) => (width > 1024 ? 1024 : 1366);

/** Waits until the step is shown, or the page said why not. */
async function waitForStep(page, step) {
  await page.waitForFunction((s) => !document.getElementById(`step-${s}`).hidden
    || document.getElementById('status').classList.contains('error'), step, { timeout: WAIT });
  assert.equal(await page.locator('#status.error').count(), 0,
    `the page reported: ${await page.getByRole('status').textContent()}`);
}

/**
 * Waits until every figure in `selector` is drawn at its figure's width: figures are drawn again
 * when their column's width changes, and a figure caught before that is not what a user sees.
 */
async function waitForFigures(page, selector, count) {
  await page.waitForFunction(([s, n, slack]) => {
    const figures = [...document.querySelectorAll(s)];
    return figures.length === n && figures.every((f) => {
      const svg = f.querySelector('svg');
      return svg && Math.abs(Number(svg.getAttribute('width')) - f.clientWidth) <= slack;
    });
  }, [selector, count, SLACK], { timeout: WAIT });
}

/**
 * Measures at the top of the page (the sticky status line then covers nothing) and saves a
 * screenshot; what overlaps is kept by step, so that one run names every step that fails.
 * @param {Record<string, string[]>} overlaps
 */
async function measure(page, walk, step, overlaps) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ fullPage: true,
    path: path.join(screenshotDir, `layout-${walk.lang}-${walk.width}-${step}.png`) });
  const found = await page.evaluate(findOverlaps);
  if (found.length) overlaps[step] = found;
}

describe('issue 15: nothing overlaps at 1366, 1024 and 768 px', { timeout: 200_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  for (const walk of WALKS) {
    test(`${walk.width} px, ${walk.lang}: every step of both modes`, { timeout: 45_000 },
      async () => {
        const viewport = { width: walk.width, height: HEIGHT };
        const context = await site.browser.newContext({ locale: walk.lang === 'fr' ? 'fr-FR'
          : 'en-GB', viewport, acceptDownloads: true });
        const resized = async (page, selector, count) => {
          await page.setViewportSize(viewport);
          await waitForFigures(page, selector, count);
        };
        try {
          const page = await context.newPage();
          const seen = watch(page);
          /** @type {Record<string, string[]>} */
          const overlaps = {};
          await openPage(page, site.origin);
          assert.equal(await page.locator('html').getAttribute('lang'), walk.lang);
          await measure(page, walk, 'cohort-1-load', overlaps);

          await page.locator('#open-example').click();
          await waitForStep(page, 'check');
          // The criteria's parameters, folded at first, have the longest labels of the page.
          await page.locator('#criteria details summary').click();
          await measure(page, walk, 'cohort-2-check', overlaps);

          await page.setViewportSize({ width: drawnFirstAt(walk.width), height: HEIGHT });
          await page.locator('#analyse').click();
          await waitForStep(page, 'results');
          // Seven figures, the cumulative incidence of response once its module has loaded.
          await waitForFigures(page, '#figures > figure', 7);
          await resized(page, '#figures > figure', 7);
          await measure(page, walk, 'cohort-3-results', overlaps);
          // The figures' options at their fullest: medians, the whole risk table, both curves in
          // weeks (overall survival then has many columns on a long axis).
          await page.locator('#figure-options input[type="checkbox"]').nth(2).check();
          const [risk, rfsUnit, osUnit] = await page.locator('#figure-options select').all();
          await risk.selectOption('full');
          await rfsUnit.selectOption('weeks');
          await osUnit.selectOption('weeks');
          await waitForFigures(page, '#figures > figure', 7);
          await measure(page, walk, 'cohort-3-results-options', overlaps);

          await page.locator('#patients button.patient-link').first().click();
          await page.locator('#patient-dialog').waitFor({ state: 'visible', timeout: WAIT });
          await measure(page, walk, 'cohort-4-patient', overlaps);
          await page.locator('#patient-dialog-close').click();

          // The printable report is a file of its own: opened as the user opens it, at the same
          // width.
          const download = page.waitForEvent('download');
          await page.locator('#print-report').click();
          let html = '';
          for await (const chunk of await (await download).createReadStream()) html += chunk;
          const report = await context.newPage();
          await report.setViewportSize({ width: walk.width, height: HEIGHT });
          await report.setContent(html);
          await measure(report, walk, 'cohort-5-report', overlaps);
          await report.close();

          await page.locator('#mode-survival').click();
          for (const analysis of ['km', 'cif', 'cox']) {
            await page.setViewportSize({ width: drawnFirstAt(walk.width), height: HEIGHT });
            await page.locator(`input[name="analysis"][value="${analysis}"]`).check();
            await page.locator('#survival-example:enabled').click({ timeout: WAIT });
            // Choosing an analysis hides the last one's result; its example's shows when done.
            await page.waitForFunction(() => (!document.getElementById('survival-result').hidden
              && /^(Done\.|Terminé\.)$/.test(document.getElementById('status').textContent))
              || document.getElementById('status').classList.contains('error'), null,
            { timeout: WAIT });
            assert.equal(await page.locator('#status.error').count(), 0, analysis);
            await waitForFigures(page, '#survival-figure > figure', 1);
            await resized(page, '#survival-figure > figure', 1);
            await measure(page, walk, `survival-${analysis}`, overlaps);
            if (analysis === 'cif') {
              // The stacked view of the first group: its causes on top of each other.
              await page.locator('#cif-view').selectOption({ index: 1 });
              await waitForFigures(page, '#survival-figure > figure', 1);
              await measure(page, walk, 'survival-cif-stacked', overlaps);
            }
          }
          assert.deepEqual(overlaps, {}, `at ${walk.width} px (${walk.lang}), by step`);
          assertClean(site.origin, seen);
        } finally {
          await context.close();
        }
      });
  }
});
