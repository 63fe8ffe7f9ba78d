// The survival calculator's competing-risks tables and figure (issue 14): built from the real
// wasm core's `cif` answer on R's mgus2 (progression 1 or death 2 first, by sex; the file is
// tests/golden/data/mgus2_competing.csv = examples/mgus2.csv) and compared with R's numbers,
// written out here from:
//
//   library(cmprsk); d <- read.csv("tests/golden/data/mgus2_competing.csv")
//   f <- cuminc(d$etime, d$event, d$sex, cencode = 0); f$Tests
//   tp <- timepoints(f, c(60, 120)); z <- qnorm(0.975)
//   lim <- function(e, v, s) e^exp(s * z * sqrt(v) / (e * log(e)))   # log(-log) limits
//   lim(tp$est, tp$var, -1); lim(tp$est, tp$var, 1); table(d$event, d$sex)
//   tp <- timepoints(f, 400)    # NA for F (last time 394); for M 0.104460229976652
//                               # (0.0756745048891705–0.138505945826905) and 0.799436406979631
//                               # (0.7466915031545726–0.842364608183927)
//
// The figure runs on the d3 bundle that ships (dist/page/, ITP_SITE_DIR for another site).
//
//   ITP_WASM_DIR=dist/worker node --test tests/node/cif_table.test.mjs
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { JSDOM } from 'jsdom';

import { cifAtTimesTable, cifCurvesTable, cifGrayTable } from '../../web/page/tables/cif-tables.js';
import { answerOn, loadCore, repoRoot } from './core-loader.mjs';

const core = await loadCore();
const siteDir = path.resolve(process.env.ITP_SITE_DIR ?? path.join(repoRoot, 'dist'));
const { drawCumulativeIncidence } = await import(
  pathToFileURL(path.join(siteDir, 'page/figures/cumulative-incidence.js')).href);

const MGUS2 = 'tests/golden/data/mgus2_competing.csv';
const request = { type: 'cif', time: 'etime', status: 'event', group: 'sex', times: [60, 120] };
const cells = (model) => model.rows.map((row) => model.columns.map((c) => row.cells[c.key]));
const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(b),
  `${what}: core ${a}, R ${b}`);

// R, in cuminc's order: F 1, M 1, F 2, M 2; at 60 then 120.
const R = {
  est: [[0.0397896215044053, 0.0738856643759262], [0.0293462844583663, 0.0553102406481571],
    [0.2639651454577006, 0.4804900457746953], [0.367626985608863, 0.5751784888794913]],
  lower: [[0.0264510346295948, 0.054610731367953], [0.0189558120855861, 0.0400250530730222],
    [0.2301079337853138, 0.4390975435184021], [0.3331437814653636, 0.5370820603332921]],
  upper: [[0.0571694864015554, 0.0968708871883943], [0.0432956966085203, 0.0739879129082794],
    [0.2989452966187826, 0.5206256279849991], [0.4021147871489318, 0.6113409378751196]],
  gray: [{ stat: 1.19450782507551, p: 0.27442215678800419 },
    { stat: 11.65125901212774, p: 0.000641590976407924 }],
};

test('incidence at 60 and 120 per group and cause, Gray\'s test, the curves: R\'s cuminc',
  async () => {
    const answer = await answerOn(core, MGUS2, request);
    assert.equal(answer.ok, true, JSON.stringify(answer.error));
    const cif = answer.cif;
    cif.groups.forEach((g, i) => [0, 1].forEach((k) => {
      close(g.at_times.estimate[k], R.est[i][k], `${g.name} ${g.cause} estimate ${k}`);
      close(g.at_times.lower[k], R.lower[i][k], `${g.name} ${g.cause} lower ${k}`);
      close(g.at_times.upper[k], R.upper[i][k], `${g.name} ${g.cause} upper ${k}`);
    }));
    cif.gray.forEach((test, c) => {
      close(test.stat, R.gray[c].stat, `Gray ${c + 1}`);
      close(test.p, R.gray[c].p, `Gray p ${c + 1}`);
    });

    const atTimes = cifAtTimesTable(cif, 'en');
    assert.equal(atTimes.title, 'Cumulative incidence at the chosen times');
    assert.deepEqual(atTimes.columns.map((c) => c.label),
      ['Cause', 'Group', 'Time', 'Cumulative incidence (95 % CI)']);
    assert.deepEqual(cells(atTimes), [
      ['1', 'F', '60', '4.0 % (2.6–5.7)'],
      ['1', 'F', '120', '7.4 % (5.5–9.7)'],
      ['1', 'M', '60', '2.9 % (1.9–4.3)'],
      ['1', 'M', '120', '5.5 % (4.0–7.4)'],
      ['2', 'F', '60', '26.4 % (23.0–29.9)'],
      ['2', 'F', '120', '48.0 % (43.9–52.1)'],
      ['2', 'M', '60', '36.8 % (33.3–40.2)'],
      ['2', 'M', '120', '57.5 % (53.7–61.1)'],
    ]);
    assert.deepEqual(cells(cifAtTimesTable(cif, 'fr'))[5], ['2', 'F', '120', '48,0 % (43,9–52,1)']);

    const gray = cifGrayTable(cif, 'en');
    assert.equal(gray.title, 'Gray\'s test per cause');
    assert.deepEqual(cells(gray), [['1', '1.19', '1', 'p = 0.27'], ['2', '11.65', '1', 'p < 0.001']]);
    assert.deepEqual(cells(cifGrayTable(cif, 'fr')),
      [['1', '1,19', '1', 'p = 0,27'], ['2', '11,65', '1', 'p < 0,001']]);

    // table(d$event, d$sex): F 202 censored, 59 progressions, 370 deaths; M 207, 56, 490.
    const curves = cifCurvesTable(cif, 'en');
    assert.equal(curves.caption, '1384 rows read, 1384 used, 409 censored (status 0).');
    assert.deepEqual(cells(curves), [['1', 'F', '631', '59', '394'], ['1', 'M', '753', '56', '424'],
      ['2', 'F', '631', '370', '394'], ['2', 'M', '753', '490', '424']]);
  });

test('after a group\'s last time the incidence is "–", as timepoints() gives NA', async () => {
  const answer = await answerOn(core, MGUS2, { ...request, times: [400] });
  assert.deepEqual(cells(cifAtTimesTable(answer.cif, 'en')), [
    ['1', 'F', '400', '–'], ['1', 'M', '400', '10.4 % (7.6–13.9)'],
    ['2', 'F', '400', '–'], ['2', 'M', '400', '79.9 % (74.7–84.2)'],
  ]);
  const m = answer.cif.groups[1].at_times;
  close(m.estimate[0], 0.104460229976652, 'M 1 at 400');
  close(m.lower[0], 0.0756745048891705, 'M 1 lower at 400');
  close(m.upper[0], 0.138505945826905, 'M 1 upper at 400');
  assert.equal(answer.cif.groups[0].at_times.estimate[0], null);
});

test('without a group: one curve per cause and no Gray\'s test', async () => {
  const answer = await answerOn(core, MGUS2, { type: 'cif', time: 'etime', status: 'event' });
  assert.equal(answer.ok, true);
  assert.equal(cifGrayTable(answer.cif, 'en'), null);
  assert.equal(cifAtTimesTable(answer.cif, 'en'), null);
  assert.deepEqual(cells(cifCurvesTable(answer.cif, 'en')).map((r) => r.slice(0, 4)),
    [['1', 'all', '1384', '115'], ['2', 'all', '1384', '860']]);
});

test('the figure: one panel per cause with a curve and band per group; stacked for one group',
  async () => {
    const cif = (await answerOn(core, MGUS2, request)).cif;
    const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
    const svg = drawCumulativeIncidence(doc, cif, { lang: 'en' });
    assert.equal(svg.querySelector('title').textContent, 'Cumulative incidence');
    const panels = [...svg.querySelectorAll('.cif-panel')];
    assert.deepEqual(panels.map((p) => p.getAttribute('data-cause')), ['1', '2']);
    for (const panel of panels) {
      assert.equal(panel.querySelectorAll('.cif-curve').length, 2);
      assert.equal(panel.querySelectorAll('.cif-ci').length, 2);
    }
    // Each curve has a step per event time of its cause (two commands each), from (0, 0).
    const first = panels[0].querySelector('.cif-curve').getAttribute('d');
    const steps = first.match(/L/g).length;
    assert.ok(steps >= 2 * cif.groups[0].table.time.length, `${steps} steps`);
    assert.match(svg.querySelector('desc').textContent, /Cause 1, F: 59 events among 631/);

    const stacked = drawCumulativeIncidence(doc, cif, { lang: 'fr', view: 'stacked', group: 'M',
      labels: { stacked: 'Incidence cumulée par cause : {group}' } });
    assert.equal(stacked.querySelector('title').textContent, 'Incidence cumulée par cause : M');
    assert.deepEqual([...stacked.querySelectorAll('.cif-stack')]
      .map((p) => p.getAttribute('data-cause')), ['1', '2']);
    assert.equal(stacked.querySelectorAll('.cif-event-free').length, 1);
    assert.throws(() => drawCumulativeIncidence(doc, cif, { view: 'pie' }), RangeError);
  });
