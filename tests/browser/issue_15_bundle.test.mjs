// Issue 15: the page's first load stays under 400 KB gzipped as analyses are added; what a mode
// needs (a report's figures and d3, an analysis's tables) is loaded when that mode opens. The
// budget is of bytes, counted from the requests Chromium makes, not of time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { siteDir, startSite } from './browser-kit.mjs';
import { downloadsOfAVisit } from './downloads.mjs';

const FIRST_LOAD_BUDGET = 400 * 1024;

describe('what a visitor downloads', { timeout: 60_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  test('the first load is under 400 KB gzipped; figures and analyses come when asked for',
    async () => {
      const [first, cohort, km, cif, cox] = await downloadsOfAVisit(site.browser, site.origin,
        siteDir);
      const names = (step) => step.files.map((file) => file.name);
      const listing = (step) => step.files.map((f) => `${f.name} ${f.bytes}`).join('\n');
      assert.ok(first.bytes < FIRST_LOAD_BUDGET,
        `first load ${first.bytes} B gzipped, over ${FIRST_LOAD_BUDGET}:\n${listing(first)}`);
      // The program the first load must carry, so that the count above is of the real page.
      for (const needed of ['/index.html', '/page/app.js', '/worker/worker.js',
        '/worker/itp-core.js', '/worker/itp-core.wasm']) {
        assert.ok(names(first).includes(needed), `${needed} in the first load`);
      }
      // What only results need is not in it, and comes with the first results that use it.
      for (const later of ['/page/vendor/d3.js', '/page/cohort/result-figures.js',
        '/page/tables/report-tables.js', '/page/survival/km-analysis.js',
        '/page/survival/cif-analysis.js', '/page/survival/cox-analysis.js']) {
        assert.ok(!names(first).includes(later), `${later} not in the first load`);
      }
      assert.ok(names(cohort).includes('/page/vendor/d3.js'), 'd3 with the cohort\'s figures');
      assert.ok(names(cohort).includes('/page/figures/response-incidence.js'));
      assert.ok(names(km).includes('/page/survival/km-analysis.js'));
      assert.ok(names(cif).includes('/page/figures/cumulative-incidence.js'));
      assert.ok(names(cox).includes('/page/figures/forest-plot.js'));
    });
});
