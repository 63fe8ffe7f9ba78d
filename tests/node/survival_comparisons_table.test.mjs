// The survival calculator's pairwise tests, test for trend and landmark (issue 14) as the page's
// tables show them (web/page/tables/survival-comparison-tables.js, survival-tables.js), built
// from the real wasm core's answers on R's veteran data (tests/golden/data/veteran.csv) and
// compared with R's numbers, written out here from:
//
//   library(survival); d <- read.csv("tests/golden/data/veteran.csv")
//   pw <- function(d, method) { g <- sort(unique(d$celltype)); ...  for each pair i < j:
//     s <- survdiff(Surv(time, status) ~ celltype, data = d[d$celltype %in% g[c(i, j)], ])
//     chisq = s$chisq, p = pchisq(s$chisq, 1, lower.tail = FALSE); then p.adjust(p, method) }
//   trend <- function(d, s) { sd <- survdiff(Surv(time, status) ~ celltype, data = d)
//     u <- sum(s * (sd$obs - sd$exp)); v <- t(s) %*% sd$var %*% s; u^2 / v on 1 df }
//   pw(d, "holm"); trend(d, 1:4)
//   l <- d[d$time > 30, ]; l$time <- l$time - 30     # landmark 30: 95 rows kept, 42 left out
//   pw(l, "BH"); trend(l, c(1, 2, 4, 8)); summary(survfit(Surv(time, status) ~ celltype, l),
//     times = 60)
//
//   ITP_WASM_DIR=dist/worker node --test tests/node/survival_comparisons_table.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  survivalPairwiseTable, survivalTimeTitle, survivalTrendTable,
} from '../../web/page/tables/survival-comparison-tables.js';
import { survivalAtTimesTable, survivalGroupsTable } from '../../web/page/tables/survival-tables.js';
import { answerOn, loadCore } from './core-loader.mjs';

const core = await loadCore();
const VETERAN = 'tests/golden/data/veteran.csv';
const request = { type: 'survival', time: 'time', event: 'status', group: 'celltype' };

const cells = (model) => model.rows.map((row) => model.columns.map((c) => row.cells[c.key]));
const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(b),
  `${what}: core ${a}, R ${b}`);

// R, all rows, pairs in group order (adeno, large, smallcell, squamous).
const R_ALL = {
  chisq: [17.669321529323053, 0.0968431919710041, 12.045483641080171, 9.370904148183774,
    0.8225939786561538, 11.57367391998901],
  p: [2.62831687847632e-05, 0.755651328687122, 5.19180149283946e-04, 2.20456751896179e-03,
    0.364422837484103, 6.68921225041472e-04],
  holm: [0.000157699012708579, 0.755651328687122, 0.002595900746419732, 0.006613702556885355,
    0.728845674968207, 0.00267568490016589],
  trend: { chisq: 6.407691749198019, p: 0.0113627033716095 },
};
// R, landmark 30.
const R_LANDMARK = {
  chisq: [15.31479892418048, 2.07492428055918, 16.05343746679264, 2.67961324846054,
    2.78845801315898, 7.87173937590212],
  p: [9.10008111788312e-05, 0.149737370743265, 6.1579734381546e-05, 0.101640410164455,
    0.0949455494266909, 0.00502133300910627],
  BH: [0.000273002433536494, 0.149737370743265, 0.000273002433536494, 0.121968492197346,
    0.121968492197346, 0.01004266601821255],
  trend: { chisq: 10.67987927809649, p: 0.00108307129099728 },
};

test('pairwise log-rank tests with Holm\'s adjustment and the test for trend, as R', async () => {
  const answer = await answerOn(core, VETERAN, { ...request, pairwise: 'holm', trend: true });
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  const s = answer.survival;
  s.pairwise.forEach((pair, i) => {
    close(pair.chisq, R_ALL.chisq[i], `pair ${i} chisq`);
    close(pair.p, R_ALL.p[i], `pair ${i} p`);
    close(pair.p_adjusted, R_ALL.holm[i], `pair ${i} Holm`);
  });
  close(s.trend.chisq, R_ALL.trend.chisq, 'trend chisq');
  close(s.trend.p, R_ALL.trend.p, 'trend p');

  const table = survivalPairwiseTable(s, 'en');
  assert.equal(table.title, 'Pairwise comparisons: Log-rank test');
  assert.equal(table.caption, '');
  assert.deepEqual(table.columns.map((c) => c.label),
    ['Groups compared', 'χ²', 'df', 'p', 'Adjusted p (Holm)']);
  assert.deepEqual(cells(table), [
    ['adeno vs large', '17.67', '1', 'p < 0.001', 'p < 0.001'],
    ['adeno vs smallcell', '0.10', '1', 'p = 0.76', 'p = 0.76'],
    ['adeno vs squamous', '12.05', '1', 'p < 0.001', 'p = 0.0026'],
    ['large vs smallcell', '9.37', '1', 'p = 0.0022', 'p = 0.0066'],
    ['large vs squamous', '0.82', '1', 'p = 0.36', 'p = 0.73'],
    ['smallcell vs squamous', '11.57', '1', 'p < 0.001', 'p = 0.0027'],
  ]);
  assert.match(table.footnotes[0], /p\.adjust \(method: Holm\)/);

  const trend = survivalTrendTable(s, 'en');
  assert.equal(trend.title, 'Log-rank test for trend');
  assert.deepEqual(cells(trend), [['adeno = 1, large = 2, smallcell = 3, squamous = 4', '6.41',
    '1', 'p = 0.011']]);

  const fr = survivalPairwiseTable(s, 'fr');
  assert.deepEqual(fr.columns.map((c) => c.label),
    ['Groupes comparés', 'χ²', 'ddl', 'p', 'p ajusté (Holm)']);
  assert.deepEqual(cells(fr)[3], ['large vs smallcell', '9,37', '1', 'p = 0,0022', 'p = 0,0066']);
  assert.deepEqual(cells(survivalTrendTable(s, 'fr')),
    [['adeno = 1, large = 2, smallcell = 3, squamous = 4', '6,41', '1', 'p = 0,011']]);
});

test('landmark 30: Benjamini-Hochberg, scores 1, 2, 4, 8, times since the landmark', async () => {
  const answer = await answerOn(core, VETERAN, { ...request, pairwise: 'BH',
    trend_scores: [1, 2, 4, 8], landmark: 30, times: [60] });
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  const s = answer.survival;
  assert.equal(s.landmark, 30);
  assert.equal(s.rows.left_out.before_landmark, 42);
  assert.equal(s.rows.used, 95);
  s.pairwise.forEach((pair, i) => {
    close(pair.chisq, R_LANDMARK.chisq[i], `pair ${i} chisq`);
    close(pair.p_adjusted, R_LANDMARK.BH[i], `pair ${i} BH`);
  });
  close(s.trend.chisq, R_LANDMARK.trend.chisq, 'trend chisq');

  const landmarkNote = 'Landmark 30: times are measured from it; 42 rows that ended (event or '
    + 'censoring) at or before it are left out.';
  const table = survivalPairwiseTable(s, 'en');
  assert.equal(table.caption, landmarkNote);
  assert.equal(table.columns[4].label, 'Adjusted p (Benjamini-Hochberg)');
  assert.deepEqual(cells(table), [
    ['adeno vs large', '15.31', '1', 'p < 0.001', 'p < 0.001'],
    ['adeno vs smallcell', '2.07', '1', 'p = 0.15', 'p = 0.15'],
    ['adeno vs squamous', '16.05', '1', 'p < 0.001', 'p < 0.001'],
    ['large vs smallcell', '2.68', '1', 'p = 0.10', 'p = 0.12'],
    ['large vs squamous', '2.79', '1', 'p = 0.095', 'p = 0.12'],
    ['smallcell vs squamous', '7.87', '1', 'p = 0.0050', 'p = 0.010'],
  ]);
  assert.deepEqual(cells(survivalTrendTable(s, 'en')),
    [['adeno = 1, large = 2, smallcell = 4, squamous = 8', '10.68', '1', 'p = 0.0011']]);

  // The time column and the figure's axis are on the landmark's clock, and say so.
  assert.equal(survivalTimeTitle(s, 'en'), 'Time since landmark 30');
  assert.equal(survivalTimeTitle(s, 'fr'), 'Temps depuis le landmark 30');
  const atTimes = survivalAtTimesTable(s, 'en');
  assert.equal(atTimes.columns[1].label, 'Time since landmark 30');
  assert.equal(atTimes.caption, landmarkNote);
  // summary(survfit(...), times = 60) on the landmark's rows: n.risk 8, 20, 14, 20.
  assert.deepEqual(cells(atTimes), [
    ['adeno', '60', '8', '40.9 % (23.6–71.0)'],
    ['large', '60', '20', '83.3 % (69.7–99.7)'],
    ['smallcell', '60', '14', '53.8 % (37.7–76.9)'],
    ['squamous', '60', '20', '80.8 % (67.0–97.4)'],
  ]);
  // print(survfit(...)): medians 54 (22–102), 133 (103–220), 67 (31–121), 198 (88–359).
  const groups = survivalGroupsTable(s, 'en');
  assert.deepEqual(cells(groups).map((row) => row[3]),
    ['54 (22–102)', '133 (103–220)', '67 (31–121)', '198 (88–359)']);
  assert.ok(groups.footnotes.includes(landmarkNote));
});

test('no pairwise test, no trend, no landmark asked: no table and no landmark words', async () => {
  const answer = await answerOn(core, VETERAN, request);
  assert.equal(survivalPairwiseTable(answer.survival, 'en'), null);
  assert.equal(survivalTrendTable(answer.survival, 'en'), null);
  assert.equal(survivalTimeTitle(answer.survival, 'en'), 'Time');
  assert.equal(survivalAtTimesTable(answer.survival, 'en'), null);
});
