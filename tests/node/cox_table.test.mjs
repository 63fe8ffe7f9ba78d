// The survival calculator's Cox model tables and forest plot (issue 14): built from the real
// wasm core's `cox` answer on R's veteran data (tests/golden/data/cox_veteran.csv =
// examples/veteran.csv) and compared with R's numbers, written out here from:
//
//   library(survival); d <- read.csv("tests/golden/data/cox_veteran.csv")
//   s <- summary(coxph(Surv(time, status) ~ trt + celltype + karno, data = d))
//   s$coefficients; s$conf.int; s$logtest; s$waldtest; s$sctest; s$concordance
//   d$karno2 <- d$karno * 2      # collinear: R gives NA for karno2
//   summary(coxph(Surv(time, status) ~ trt + karno + karno2, data = d))$coefficients
//
// The figure runs on the d3 bundle that ships (dist/page/, ITP_SITE_DIR for another site).
//
//   ITP_WASM_DIR=dist/worker node --test tests/node/cox_table.test.mjs
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { JSDOM } from 'jsdom';

import {
  coxCoefficientsTable, coxTestsTable, formatHazardRatio, whyNoEstimate,
} from '../../web/page/tables/cox-tables.js';
import { answerOn, loadCore, repoRoot } from './core-loader.mjs';

const core = await loadCore();
const siteDir = path.resolve(process.env.ITP_SITE_DIR ?? path.join(repoRoot, 'dist'));
const { drawForestPlot, logTicks } = await import(
  pathToFileURL(path.join(siteDir, 'page/figures/forest-plot.js')).href);

const VETERAN = 'tests/golden/data/cox_veteran.csv';
const request = { type: 'cox', time: 'time', event: 'status',
  covariates: ['trt', 'celltype', 'karno'] };
const cells = (model) => model.rows.map((row) => model.columns.map((c) => row.cells[c.key]));
const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(b),
  `${what}: core ${a}, R ${b}`);

// R: summary(coxph)'s coef, se(coef), exp(coef), lower .95, upper .95, Pr(>|z|).
const R = {
  term: ['trt', 'celltypelarge', 'celltypesmallcell', 'celltypesquamous', 'karno'],
  coef: [0.261744090057515, -0.7593689499159563, -0.3290142260046368, -1.1539944138617664,
    -0.0312712960478022],
  se: [0.2009230551188918, 0.29865655831737353, 0.26905792146178004, 0.295037737697125,
    0.00516508974291703],
  hr_lower: [0.876290290019792, 0.260611353632054, 0.424706022219887, 0.176884596924122,
    0.959450373653605],
  hr_upper: [1.926194012627856, 0.840286098343675, 1.219364242014481, 0.562293640304182,
    0.979074142748435],
  p: [0.192674437886177, 0.0110026066491725, 0.221390924191454, 9.1783509066188e-05,
    1.40979848291209e-09],
  logtest: 61.0690919866105, sctest: 66.5485654450161, concordance: 0.7370513402998637,
  concordance_se: 0.0215583829932995,
};

test('coefficients, tests and concordance as summary(coxph), in English and French', async () => {
  const answer = await answerOn(core, VETERAN, request);
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  const cox = answer.cox;
  assert.deepEqual(cox.coefficients.map((c) => c.term), R.term);
  cox.coefficients.forEach((c, i) => {
    for (const field of ['coef', 'se', 'hr_lower', 'hr_upper', 'p']) {
      close(c[field], R[field][i], `${c.term} ${field}`);
    }
  });
  close(cox.tests.likelihood_ratio.chisq, R.logtest, 'likelihood ratio');
  close(cox.tests.score.chisq, R.sctest, 'score');
  close(cox.concordance.estimate, R.concordance, 'concordance');

  const table = coxCoefficientsTable(cox, answer.warnings, 'en');
  assert.equal(table.title, 'Cox proportional hazards model');
  assert.equal(table.caption, '137 rows used, 128 events.');
  assert.deepEqual(table.columns.map((c) => c.label),
    ['Term', 'HR (95 % CI)', 'coef', 'se(coef)', 'z', 'p']);
  assert.deepEqual(cells(table), [
    ['trt', '1.30 (0.88–1.93)', '0.2617', '0.2009', '1.30', 'p = 0.19'],
    ['celltypelarge', '0.47 (0.26–0.84)', '-0.7594', '0.2987', '-2.54', 'p = 0.011'],
    ['celltypesmallcell', '0.72 (0.42–1.22)', '-0.3290', '0.2691', '-1.22', 'p = 0.22'],
    ['celltypesquamous', '0.32 (0.18–0.56)', '-1.154', '0.2950', '-3.91', 'p < 0.001'],
    ['karno', '0.97 (0.96–0.98)', '-0.03127', '0.005165', '-6.05', 'p < 0.001'],
  ]);
  assert.deepEqual(table.footnotes,
    ['As R\'s summary(coxph): Efron ties, 95 % limits exp(coef ± z·se), p from z.']);
  assert.deepEqual(cells(coxCoefficientsTable(cox, [], 'fr'))[1],
    ['celltypelarge', '0,47 (0,26–0,84)', '-0,7594', '0,2987', '-2,54', 'p = 0,011']);

  // s$logtest 61.07 on 5 df, s$waldtest 63.41, s$sctest 66.55; concordance 0.737 (se 0.022).
  const tests = coxTestsTable(cox, 'en');
  assert.equal(tests.caption, 'Concordance 0.737 (se 0.022).');
  assert.deepEqual(cells(tests), [
    ['Likelihood ratio test', '61.07', '5', 'p < 0.001'],
    ['Wald test', '63.41', '5', 'p < 0.001'],
    ['Score (log-rank) test', '66.55', '5', 'p < 0.001'],
  ]);
  assert.equal(coxTestsTable(cox, 'fr').caption, 'Concordance 0,737 (se 0,022).');
});

test('a collinear term: "–" and the core\'s warning, never a number', async () => {
  const csv = (await readFile(path.join(repoRoot, VETERAN), 'utf8')).trim().split('\n')
    .map((line, i) => `${line},${i === 0 ? 'karno2' : 2 * Number(line.split(',')[4])}`)
    .join('\n');
  const answer = await answerOn(core, 'veteran2.csv', { ...request,
    covariates: ['trt', 'karno', 'karno2'] }, Buffer.from(`${csv}\n`));
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  const karno2 = answer.cox.coefficients[2];
  assert.equal(karno2.hr, null);
  const warning = answer.warnings.find((w) => w.code === 'cox_singular');
  assert.ok(warning, 'a cox_singular warning');

  // R: trt 0.177322256692181 (se 0.18314851832605), karno -0.033953564351846
  // (se 0.00508355497411916), karno2 NA.
  const table = coxCoefficientsTable(answer.cox, answer.warnings, 'en');
  assert.deepEqual(cells(table), [
    ['trt', '1.19 (0.83–1.71)', '0.1773', '0.1831', '0.97', 'p = 0.33'],
    ['karno', '0.97 (0.96–0.98)', '-0.03395', '0.005084', '-6.68', 'p < 0.001'],
    ['karno2', '–', '–', '–', '–', '–'],
  ]);
  assert.equal(table.footnotes[1], `karno2: –, ${warning.message}`);
  assert.equal(whyNoEstimate(karno2, answer.warnings, 'en'), warning.message);
  assert.equal(whyNoEstimate(karno2, [], 'fr'), 'non estimable (colinéaire ou constante)');

  const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
  const svg = drawForestPlot(doc, answer.cox, { lang: 'en',
    ratioText: (term) => formatHazardRatio(term, 'en'),
    whyNotDrawn: (term) => whyNoEstimate(term, answer.warnings, 'en') });
  assert.deepEqual([...svg.querySelectorAll('.forest-row')].map((r) => r.getAttribute('data-term')),
    ['trt', 'karno']);
  assert.match(svg.querySelector('.forest-not-drawn-term').textContent, /^karno2: /);
});

test('the forest plot: a point and limits per term on a log axis, a line at 1', async () => {
  const answer = await answerOn(core, VETERAN, request);
  const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
  const svg = drawForestPlot(doc, answer.cox, { lang: 'fr',
    labels: { title: 'Rapports de risques' }, ratioText: (t) => formatHazardRatio(t, 'fr') });
  assert.equal(svg.querySelector('title').textContent, 'Rapports de risques');
  const rows = [...svg.querySelectorAll('.forest-row')];
  assert.equal(rows.length, 5);
  assert.equal(rows[1].querySelector('.forest-ratio').textContent, '0,47 (0,26–0,84)');
  // The axis is linear in log(HR): the reference line at 1 lies where the tick "1" is, and each
  // point is where log(HR) puts it between the ticks 0.1 and 1.
  const ticks = new Map([...svg.querySelectorAll('.forest-axis .tick')].map((tick) => [
    tick.querySelector('text').textContent,
    Number(/translate\(([-\d.]+)/.exec(tick.getAttribute('transform'))[1])]));
  assert.deepEqual([...ticks.keys()], ['0,1', '0,2', '0,5', '1', '2']);
  const reference = Number(/M([-\d.]+)/.exec(svg.querySelector('.forest-reference')
    .getAttribute('d'))[1]);
  assert.ok(Math.abs(reference - ticks.get('1')) < 1, 'reference line at 1');
  const perDecade = ticks.get('1') - ticks.get('0,1');
  const point = rows[1].querySelector('.forest-point');
  const centre = Number(point.getAttribute('x')) + 4;
  const expected = ticks.get('1') + perDecade * Math.log10(answer.cox.coefficients[1].hr);
  assert.ok(Math.abs(centre - expected) < 1, `celltypelarge at ${centre}, expected ${expected}`);
  assert.deepEqual(logTicks(0.05, 30), [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]);
  assert.deepEqual(logTicks(1e-3, 1e3), [0.001, 0.01, 0.1, 1, 10, 100, 1000]);
});
