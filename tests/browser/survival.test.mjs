// The survival calculator in Chromium, its example against R's survival package. The example is R's
// aml as web/page/survival/survival-page.js asks for it (group x, conf.type "log", 95 %, times 12
// and 24); R's answers for that request are in survival_expected.json (made by
// survival_expected.R). Nothing of web/ is imported here: every cell the page shows is written out
// below by hand from R's answers, and every number shown is also parsed and compared with R's value
// at the precision shown. A bug in the page's formatter or in the core therefore gives a wrong
// cell. Also checked: the same numbers in French, the CSP header, nothing sent elsewhere, the
// progress bar, and group labels holding markup shown as text.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean, CSP, openPage, repoRoot, screenshotDir, shownTable, startSite, tableCells, WAIT,
  watch,
} from './browser-kit.mjs';

const here = path.join(repoRoot, 'tests/browser');
/** R's answers for the example's request (survival_expected.R). */
const R = JSON.parse(await readFile(path.join(here, 'survival_expected.json'), 'utf8'));

// What the page must show, written by hand from R's values (survival_expected.json):
// medians 31 (LCL 18, UCL NA) and 23 (8, NA); chisq 3.3964 on 1 df, p 0.06534; S(12), S(24)
// with their limits as percentages with one decimal.
const EXPECTED = {
  en: {
    groups: {
      title: 'Kaplan-Meier estimates',
      caption: 'Log-rank test: χ² = 3.40, df = 1, p = 0.065',
      head: ['Group', 'n', 'Events', 'Median (95 % CI)'],
      rows: [
        ['Maintained', '11', '7', '31 (18 to not reached)'],
        ['Nonmaintained', '12', '11', '23 (8 to not reached)'],
      ],
      footnotes: ['Kaplan-Meier estimates with 95 % confidence intervals (log); "not reached": '
        + 'the curve stays above 50 %.'],
    },
    atTimes: {
      title: 'Estimates at the chosen times',
      caption: '',
      head: ['Group', 'Time', 'At risk', 'Survival (95 % CI)'],
      rows: [
        ['Maintained', '12', '10', '90.9 % (75.4–100.0)'],
        ['Maintained', '24', '6', '61.4 % (37.7–99.9)'],
        ['Nonmaintained', '12', '8', '58.3 % (36.2–94.1)'],
        ['Nonmaintained', '24', '5', '48.6 % (26.8–88.3)'],
      ],
      footnotes: [],
    },
  },
  fr: {
    groups: {
      title: 'Estimations de Kaplan-Meier',
      caption: 'Test du log-rank : χ² = 3,40 ; ddl = 1 ; p = 0,065',
      head: ['Groupe', 'n', 'Événements', 'Médiane (IC 95 %)'],
      rows: [
        ['Maintained', '11', '7', '31 (18 à non atteinte)'],
        ['Nonmaintained', '12', '11', '23 (8 à non atteinte)'],
      ],
      footnotes: ['Estimations de Kaplan-Meier avec intervalles de confiance à 95 % (log) ; '
        + '« non atteinte » : la courbe reste au-dessus de 50 %.'],
    },
    atTimes: {
      title: 'Estimations aux temps choisis',
      caption: '',
      head: ['Groupe', 'Temps', 'À risque', 'Survie (IC 95 %)'],
      rows: [
        ['Maintained', '12', '10', '90,9 % (75,4–100,0)'],
        ['Maintained', '24', '6', '61,4 % (37,7–99,9)'],
        ['Nonmaintained', '12', '8', '58,3 % (36,2–94,1)'],
        ['Nonmaintained', '24', '5', '48,6 % (26,8–88,3)'],
      ],
      footnotes: [],
    },
  },
};

// ---- reading the English numbers the page shows, and R's value at the precision shown --------

/**
 * A number shown with `decimals` decimals (exactly, or at most when `upTo`) must be R's value
 * rounded to that many: within half a unit of its last digit.
 * @param {string} shown @param {number} value @param {number} decimals @param {string} what
 */
function assertRounded(shown, value, decimals, what, upTo = false) {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(shown);
  assert.ok(match, `${what}: "${shown}" is not a number`);
  const places = match[1]?.length ?? 0;
  assert.ok(upTo ? places <= decimals : places === decimals,
    `${what}: "${shown}" has ${places} decimals, ${upTo ? 'at most ' : ''}${decimals} expected`);
  assert.ok(Math.abs(Number(shown) - value) <= 0.5 * 10 ** -places * (1 + 1e-9),
    `${what}: shown ${shown}, R's value ${value}`);
}

/** An integer shown must be R's. */
function assertCount(shown, value, what) {
  assert.match(shown, /^\d+$/, `${what}: "${shown}" is not a count`);
  assert.equal(Number(shown), value, `${what}: shown ${shown}, R's value ${value}`);
}

/** A time or median limit as shown (at most 4 decimals) or "not reached" for R's NA. */
function assertTime(shown, value, what) {
  if (value === null) assert.equal(shown, 'not reached', `${what}: R's value is NA`);
  else assertRounded(shown, value, 4, what, true);
}

/** "31 (18 to not reached)", "23 (8–40)", "not reached": R's median and its limits. */
function assertMedian(shown, median, what) {
  const match = /^(.+?) \((.+?)(?: to |–)(.+)\)$/.exec(shown);
  assert.ok(match, `${what}: "${shown}" is not "median (lower–upper)"`);
  assertTime(match[1], median.estimate, `${what}, median`);
  assertTime(match[2], median.lower, `${what}, lower limit`);
  assertTime(match[3], median.upper, `${what}, upper limit`);
}

/** "61.4 % (37.7–99.9)": S and its limits in percent, one decimal. */
function assertSurvival(shown, surv, lower, upper, what) {
  const match = /^(\S+) % \((\S+)–(\S+)\)$/.exec(shown);
  assert.ok(match, `${what}: "${shown}" is not "S % (lower–upper)"`);
  assertRounded(match[1], 100 * surv, 1, `${what}, S`);
  assertRounded(match[2], 100 * lower, 1, `${what}, lower limit`);
  assertRounded(match[3], 100 * upper, 1, `${what}, upper limit`);
}

/** p as journals print it: "p < 0.001", else two significant digits. */
function assertP(shown, p, what) {
  if (p < 0.001) {
    assert.equal(shown, 'p < 0.001', what);
    return;
  }
  const match = /^p = (\d+\.\d+)$/.exec(shown);
  assert.ok(match, `${what}: "${shown}" is not "p = …"`);
  const significant = match[1].replace('.', '').replace(/^0+/, '');
  assert.equal(significant.length, 2, `${what}: "${shown}" has not two significant digits`);
  assertRounded(match[1], p, match[1].split('.')[1].length, what);
}

/** The two English tables against R's answers, number by number. */
function assertEnglishIsR(groups, atTimes) {
  assert.deepEqual(groups.rows.map((row) => row[0]), R.groups.map((g) => g.name),
    'Kaplan-Meier table: the groups');
  R.groups.forEach((g, i) => {
    const [, n, events, median] = groups.rows[i];
    assertCount(n, g.n, `Kaplan-Meier table, ${g.name}, n`);
    assertCount(events, g.events, `Kaplan-Meier table, ${g.name}, events`);
    assertMedian(median, g.median, `Kaplan-Meier table, ${g.name}`);
  });
  const test = /^Log-rank test: χ² = (\S+), df = (\d+), (.+)$/.exec(groups.caption);
  assert.ok(test, `log-rank caption: "${groups.caption}"`);
  assertRounded(test[1], R.test.chisq, 2, 'log-rank caption, chi-squared');
  assertCount(test[2], R.test.df, 'log-rank caption, df');
  assertP(test[3], R.test.p, 'log-rank caption, p');

  const wanted = R.groups.flatMap((g) => g.at_times.time.map((time, k) => ({ g, time, k })));
  assert.equal(atTimes.rows.length, wanted.length, 'estimates at 12 and 24: the rows');
  wanted.forEach(({ g, time, k }, row) => {
    const [name, shownTime, atRisk, estimate] = atTimes.rows[row];
    const what = `estimates at 12 and 24, ${g.name} at ${time}`;
    assert.equal(name, g.name, `${what}: the group`);
    assertRounded(shownTime, time, 4, `${what}, time`, true);
    assertCount(atRisk, g.at_times.n_risk[k], `${what}, at risk`);
    assertSurvival(estimate, g.at_times.surv[k], g.at_times.lower[k], g.at_times.upper[k], what);
  });
}

/** @param {import('playwright-core').Page} page */
async function waitForSurvival(page) {
  await page.waitForFunction(() => !document.getElementById('survival-result').hidden
    || document.getElementById('status').classList.contains('error'), null, { timeout: WAIT });
  assert.match(await page.getByRole('status').textContent(), /^(Done\.|Terminé\.)$/);
}

describe('R\'s answers for the example', () => {
  test('agree with the golden case aml_x where the two overlap', async () => {
    const golden = JSON.parse(await readFile(
      path.join(repoRoot, 'tests/golden/expected/aml_x.json'), 'utf8')).survival;
    assert.deepEqual(R.request, { input: 'examples/aml.csv', time: 'time', event: 'status',
      group: 'x', conf_type: 'log', conf_level: 0.95, times: [12, 24] });
    assert.equal(await readFile(path.join(repoRoot, 'examples/aml.csv'), 'utf8'),
      await readFile(path.join(repoRoot, 'tests/golden/data/aml.csv'), 'utf8'));
    const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)),
      `${what}: ${a} vs golden ${b}`);
    R.groups.forEach((g, i) => {
      const gold = golden.groups[i];
      assert.deepEqual([g.name, g.n, g.events, g.median],
        [gold.name, gold.n, gold.events, gold.median]);
      const k = gold.at_times.time.indexOf(12);
      for (const field of ['n_risk', 'surv', 'lower', 'upper']) {
        close(g.at_times[field][0], gold.at_times[field][k], `${g.name} ${field} at 12`);
      }
    });
    close(R.test.chisq, golden.test.chisq, 'chisq');
    close(R.test.p, golden.test.p, 'p');
    assert.equal(R.test.df, golden.test.df);
  });

  test('are what the cells written out here say, at the precision shown', () => {
    assertEnglishIsR(EXPECTED.en.groups, EXPECTED.en.atTimes);
  });
});

describe('the survival calculator in Chromium', { timeout: 60_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  test('the aml example: R\'s numbers, in English and French, under the CSP header',
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

        const tables = page.locator('#survival-table table');
        assert.equal(await tables.count(), 2);
        const groups = await shownTable(tables.nth(0));
        const atTimes = await shownTable(tables.nth(1));
        assertEnglishIsR(groups, atTimes);
        assert.deepEqual(groups, EXPECTED.en.groups, 'Kaplan-Meier table (en)');
        assert.deepEqual(atTimes, EXPECTED.en.atTimes, 'estimates at 12 and 24 (en)');

        // The figure: one curve per group, named as in the file.
        const figure = page.locator('#survival-figure svg');
        assert.equal(await figure.count(), 1);
        const text = await figure.textContent();
        for (const group of R.groups) {
          assert.ok(text.includes(group.name), `${group.name} missing from the figure`);
        }

        // The same answer in French: decimal commas, "non atteinte", the French caption.
        await page.locator('#language').selectOption('fr');
        await page.locator('#survival-table table[lang="fr"]').first().waitFor({ timeout: WAIT });
        assert.deepEqual(await shownTable(tables.nth(0)), EXPECTED.fr.groups,
          'Kaplan-Meier table (fr)');
        assert.deepEqual(await shownTable(tables.nth(1)), EXPECTED.fr.atTimes,
          'estimates at 12 and 24 (fr)');
        await page.screenshot({ path: path.join(screenshotDir, 'survival-example-fr.png'),
          fullPage: true });

        const paths = seen.requests.map((url) => new URL(url).pathname);
        for (const file of ['/worker/worker.js', '/worker/itp-core.js', '/worker/itp-core.wasm',
          '/examples/aml.csv']) {
          assert.ok(paths.includes(file), `${file} not requested: ${paths.join(' ')}`);
        }
        assert.equal(seen.headers.get(`${site.origin}/worker/worker.js`)?.['content-security-policy'],
          CSP, 'the worker script must carry the CSP header itself');
        assertClean(site.origin, seen);
      } finally {
        await context.close();
      }
    });

  test('opening the calculator draws the example once, unseen, and leaves the page as it was',
    async () => {
      const page = await site.browser.newPage();
      try {
        const seen = watch(page);
        await openPage(page, site.origin);
        const status = await page.locator('#status').textContent();
        const drawings = () => page.evaluate(() => document.querySelectorAll('svg').length);
        const before = await drawings();
        await page.getByRole('button', { name: 'Survival calculator' }).click();
        await page.waitForFunction(
          () => performance.getEntriesByName('itp-drawing-warm').length > 0, undefined,
          { timeout: WAIT });
        // The figure's code has run (its module came, the example was analysed) ...
        const paths = seen.requests.map((url) => new URL(url).pathname);
        for (const file of ['/page/survival/km-analysis.js', '/page/figures/kaplan-meier.js',
          '/examples/aml.csv']) {
          assert.ok(paths.includes(file), `${file} not requested: ${paths.join(' ')}`);
        }
        // ... but nothing was shown, said or left in the page.
        assert.equal(await page.locator('#survival-result').isHidden(), true);
        assert.equal(await page.locator('#survival-figure').innerHTML(), '');
        assert.equal(await drawings(), before);
        assert.equal(await page.locator('#status').textContent(), status);
        assert.equal(await page.locator('#busy').isHidden(), true);
        // A user's own run still draws its figure.
        await page.getByRole('button', { name: /survival::aml/ }).click();
        await waitForSurvival(page);
        assert.equal(await page.locator('#survival-figure svg').count(), 1);
        assertClean(site.origin, seen);
      } finally {
        await page.close();
      }
    });

  test('the restricted mean up to 40: R\'s print(fit, rmean = 40) on the page', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.getByRole('button', { name: 'Survival calculator' }).click();
      await page.getByRole('button', { name: /survival::aml/ }).click();
      await waitForSurvival(page);
      await page.getByLabel('Restricted mean survival up to time').fill('40');
      await page.locator('#run-survival').click();
      await page.locator('#survival-table table').nth(2).waitFor({ timeout: WAIT });
      // R: rmean 28.8977 (se 3.4676) and 21.9306 (se 3.8356); limits +/- 1.96 se; the
      // difference -6.9672 (se 5.1707, -17.10 to 3.17), p = 0.178.
      assert.deepEqual(await tableCells(page.locator('#survival-table table').nth(2)), [
        ['Maintained', '28.90 (22.10 to 35.69)', '–', '–'],
        ['Nonmaintained', '21.93 (14.41 to 29.45)', '-6.97 (-17.10 to 3.17)', 'p = 0.18'],
      ]);
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
      assert.deepEqual(dom, { images: 0, scripts: ['page/app.js'], svgForeign: 0 });
      assert.ok(!seen.requests.some((url) => new URL(url).pathname === '/x'), 'requested /x');
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });
});
