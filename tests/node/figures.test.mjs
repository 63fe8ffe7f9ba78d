// The figures of web/page/figures/ (issue 6), built from the core's real answers: the CLI's cohort
// report of the example cohort and its survival analysis of examples/aml.csv, made here by
// build/release/itp-analyze. The figures run on the d3 bundle that ships (scripts/bundle-d3.mjs,
// written to a temporary copy of the site), in jsdom; each number drawn is read back from the SVG
// and compared with the core's, through the figure's own axes.
//
// The last test opens the figures in Debian's Chromium under the page's CSP header (served by
// scripts/static-server.mjs) and checks the PNG export there: no CSP violation, and the canvas
// painting matches Chromium's own rendering of the SVG.
//
//   node --test tests/node/figures.test.mjs     (after scripts/build, for build/release)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

import { JSDOM } from 'jsdom';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
const XSS = '<img src=x onerror=alert(1)>';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'itp-figures-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// ---- the site's figures with the shipped d3 bundle, and the core's answers ---------------------
const site = path.join(tmp, 'site');
// The page's modules as dist/page/ holds them (the figures import the number formats beside them).
cpSync(path.join(repoRoot, 'web/page'), site, { recursive: true });
cpSync(path.join(repoRoot, 'web/favicon.svg'), path.join(site, 'favicon.svg'));
const bundleLog = execFileSync(process.execPath,
  [path.join(repoRoot, 'scripts/bundle-d3.mjs'), path.join(site, 'vendor/d3.js')],
  { encoding: 'utf8' });

const figures = await import(pathToFileURL(path.join(site, 'figures/index.js')).href);
const { formatPValue } = await import(pathToFileURL(path.join(site, 'format.js')).href);

function core(args) {
  const json = JSON.parse(execFileSync(cli, args, { cwd: repoRoot, encoding: 'utf8',
    maxBuffer: 64 << 20 }));
  assert.equal(json.ok, true, `itp-analyze ${args.join(' ')} failed`);
  return json;
}
const cohort = core(['cohort', '--data', 'examples/cohort/en']);
const aml = core(['survival', '--input', 'examples/aml.csv', '--time', 'time', '--event', 'status',
  '--group', 'x']).survival;
writeFileSync(path.join(site, 'cohort.json'), JSON.stringify(cohort));
writeFileSync(path.join(site, 'aml.json'), JSON.stringify(aml));

const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;

// ---- reading an SVG back -----------------------------------------------------------------------

/** A path's commands: [['M', [x, y]], ['L', [x, y]], ['H', [x]], ...]. */
function commands(d) {
  return [...d.matchAll(/([MLHVZmlhvz])([^MLHVZmlhvz]*)/g)]
    .map(([, c, args]) => [c, args.split(/[\s,]+/).filter(Boolean).map(Number)]);
}

function translate(el) {
  const m = /translate\(([-\d.e]+)(?:[ ,]([-\d.e]+))?\)/.exec(el.getAttribute('transform') ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

/**
 * A linear map from data to pixels read off an axis's ticks (d3-axis draws them half a pixel off
 * where devicePixelRatio is 1, as under Node, for crisp lines).
 * @param {Element} axis  A d3-axis <g>.
 * @param {'x'|'y'} dim
 * @param {(v: number) => number} [f]  The scale's transform (Math.log10 for a log axis).
 */
function axisScale(axis, dim, f = (v) => v) {
  const ticks = [...axis.querySelectorAll('.tick')].map((t) => ({
    value: Number(t.querySelector('text').textContent.replace(',', '.')),
    at: translate(t)[dim === 'x' ? 0 : 1] - 0.5,
  }));
  assert.ok(ticks.length >= 2, 'an axis with two ticks at least');
  const [a, b] = [ticks[0], ticks.at(-1)];
  const slope = (b.at - a.at) / (f(b.value) - f(a.value));
  return (v) => a.at + (f(v) - f(a.value)) * slope;
}

const near = (actual, expected, what, tol = 0.02) => assert.ok(Math.abs(actual - expected) <= tol,
  `${what}: ${actual} is not ${expected}`);

function assertAccessible(svg, titleText) {
  assert.equal(svg.namespaceURI, 'http://www.w3.org/2000/svg');
  assert.equal(svg.getAttribute('role'), 'img');
  assert.equal(svg.firstElementChild.localName, 'title');
  assert.equal(svg.firstElementChild.textContent, titleText);
  assert.equal(svg.children[1].localName, 'desc');
  assert.ok(svg.children[1].textContent.length > 20, 'a description that says something');
  assert.equal(svg.querySelectorAll('[style]').length, 0, 'no style attribute (the CSP blocks it)');
}

// ---- Kaplan-Meier ------------------------------------------------------------------------------

describe('drawKaplanMeier', () => {
  const svg = figures.drawKaplanMeier(doc, aml, { timeUnit: 'weeks', riskTable: 'full',
    showMedian: true });
  const x = axisScale(svg.querySelector('.km-axis-x'), 'x');
  const y = axisScale(svg.querySelector('.km-axis-y'), 'y');

  test('is an accessible SVG whose description carries the numbers', () => {
    assertAccessible(svg, 'Kaplan-Meier curves');
    const desc = svg.children[1].textContent;
    assert.match(desc, /Maintained: n = 11, 7 events, median 31 \(18 to not reached\)/);
    assert.ok(desc.includes(formatPValue(aml.test.p)));
  });

  test('each curve starts at (0, 1) and takes one step per row of the table', () => {
    aml.groups.forEach((g, i) => {
      const d = svg.querySelector(`.km-curve[data-group="${i}"]`).getAttribute('d');
      const cmds = commands(d);
      assert.equal(cmds[0][0], 'M');
      near(cmds[0][1][0], x(0), 'first point at time 0');
      near(cmds[0][1][1], y(1), 'first point at survival 1');
      const steps = cmds.slice(1);
      assert.ok(steps.every(([c]) => c === 'L'));
      assert.equal(steps.length, 2 * g.table.time.length, 'a horizontal and a vertical per row');
      g.table.time.forEach((t, k) => {
        const [hx, hy] = steps[2 * k][1];
        const [vx, vy] = steps[2 * k + 1][1];
        near(hx, x(t), `row ${k}: time`);
        near(hy, y(k === 0 ? 1 : g.table.surv[k - 1]), `row ${k}: survival before`);
        near(vx, x(t), `row ${k}: drop at its time`);
        near(vy, y(g.table.surv[k]), `row ${k}: survival`);
      });
      near(cmds.at(-1)[1][0], x(g.table.time.at(-1)), 'the curve ends at its last time');
    });
  });

  test('a censoring mark at each time with censorings, on the curve', () => {
    aml.groups.forEach((g, i) => {
      const rows = g.table.time.map((t, k) => k).filter((k) => g.table.n_censor[k] > 0);
      const mark = svg.querySelector(`.km-censor[data-group="${i}"]`);
      const moves = commands(mark.getAttribute('d')).filter(([c]) => c === 'M');
      assert.equal(moves.length, 2 * rows.length, 'one + (two strokes) per censored time');
      assert.equal(Number(mark.getAttribute('data-count')), rows.length);
      rows.forEach((k, m) => {
        near(moves[2 * m + 1][1][0], x(g.table.time[k]), `mark ${m}: time`);
        near(moves[2 * m][1][1], y(g.table.surv[k]), `mark ${m}: on the curve`);
      });
    });
  });

  test('confidence bands as steps, and medians as dashed lines', () => {
    assert.equal(svg.querySelectorAll('.km-ci').length, aml.groups.length);
    const band = commands(svg.querySelector('.km-ci[data-group="0"]').getAttribute('d'));
    const ys = band.flatMap(([, a]) => (a.length === 2 ? [a[1]] : []));
    const { lower, upper } = aml.groups[0].table;
    for (const v of [...lower, ...upper].filter((u) => u !== null)) {
      assert.ok(ys.some((py) => Math.abs(py - y(v)) < 0.02), `band reaches ${v}`);
    }
    aml.groups.forEach((g, i) => {
      const m = svg.querySelector(`.km-median[data-group="${i}"]`);
      const [[, start], [, [h]], [, [v]]] = commands(m.getAttribute('d'));
      near(start[1], y(0.5), 'from survival 0.5');
      near(h, x(g.median.estimate), 'to the median');
      near(v, y(0), 'down to the axis');
    });
    const plain = figures.drawKaplanMeier(doc, aml, { showCI: false, showCensor: false });
    assert.equal(plain.querySelectorAll('.km-ci, .km-censor, .km-median').length, 0);
  });

  test('the risk table holds the core\'s numbers, under the axis at its times', () => {
    for (const kind of ['n_risk', 'cumulative_events', 'cumulative_censored']) {
      aml.groups.forEach((g, i) => {
        const row = svg.querySelector(`.km-risk-row[data-group="${i}"][data-kind="${kind}"]`);
        assert.equal(row.querySelector('.km-risk-label').textContent, g.name);
        const cells = [...row.querySelectorAll('.km-risk-cell')];
        assert.deepEqual(cells.map((c) => c.textContent), g.risk_table[kind].map(String));
        cells.forEach((c, k) => near(Number(c.getAttribute('x')), x(g.risk_table.time[k]),
          `${kind} column ${k}`));
      });
    }
    const ticks = [...svg.querySelectorAll('.km-axis-x .tick text')].map((t) => t.textContent);
    assert.deepEqual(ticks, aml.groups[0].risk_table.time.map(String));
    const headings = [...svg.querySelectorAll('.km-risk-heading')].map((h) => h.textContent);
    assert.deepEqual(headings, ['Number at risk', 'Cumulative events', 'Cumulative censored']);

    const atRisk = figures.drawKaplanMeier(doc, aml, { riskTable: 'at_risk' });
    assert.deepEqual([...atRisk.querySelectorAll('.km-risk-row')].map((r) => r.dataset.kind),
      ['n_risk', 'n_risk']);
    const none = figures.drawKaplanMeier(doc, aml, { riskTable: 'none' });
    assert.equal(none.querySelectorAll('.km-risk-row').length, 0);
    assert.ok(Number(none.getAttribute('height')) < Number(svg.getAttribute('height')));
    assert.throws(() => figures.drawKaplanMeier(doc, aml, { riskTable: 'yes' }), RangeError);
  });

  test('the p-value is written by formatPValue', () => {
    assert.equal(svg.querySelector('.km-p').textContent, formatPValue(aml.test.p));
    assert.equal(svg.querySelector('.km-test').textContent,
      `Log-rank: ${formatPValue(aml.test.p)}`);
  });

  test('a group name with markup is text, never an element', () => {
    const hostile = structuredClone(aml);
    hostile.groups[0].name = XSS;
    const s = figures.drawKaplanMeier(doc, hostile, { riskTable: 'full' });
    assert.equal(s.querySelectorAll('img, foreignObject, script').length, 0);
    assert.ok([...s.querySelectorAll('.figure-legend text')].some((t) => t.textContent === XSS));
    for (const label of s.querySelectorAll('.km-risk-row[data-group="0"] .km-risk-label')) {
      assert.equal(label.textContent, XSS);
    }
    assert.ok(s.children[1].textContent.includes(XSS));
    const text = figures.svgToString(s);
    assert.ok(!text.includes('<img'), 'escaped in the exported file');
    assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!/<[^>]*\son[a-z]+\s*=/i.test(text), 'user text in no attribute');
  });

  test('in French: decimal commas in the ticks and the p-value, the caller\'s words', () => {
    const s = figures.drawKaplanMeier(doc, aml, { lang: 'fr', labels: { test: 'Log-rank' } });
    assert.equal(s.querySelector('.km-p').textContent, formatPValue(aml.test.p).replace('.', ','));
    const ticks = [...s.querySelectorAll('.km-axis-y .tick text')].map((t) => t.textContent);
    assert.deepEqual(ticks, ['0,0', '0,2', '0,4', '0,6', '0,8', '1,0']);
    const own = figures.drawKaplanMeier(doc, aml, { description: 'Courbes de survie' });
    assert.equal(own.querySelector('desc').textContent, 'Courbes de survie');
  });

  test('one group (the cohort\'s RFS in weeks): no legend, no row labels, from (0, 1)', () => {
    const rfs = cohort.rfs.weeks;
    const s = figures.drawKaplanMeier(doc, rfs, { timeUnit: 'weeks', lang: 'fr', labels: {
      atRisk: 'Nombre de patients à risque', survival: 'Survie sans rechute',
      time: 'Semaines' } });
    assert.equal(s.querySelectorAll('.figure-legend, .km-risk-label, .km-test').length, 0);
    assert.equal(s.getAttribute('lang'), 'fr');
    const texts = [...s.querySelectorAll('text')].map((t) => t.textContent);
    for (const label of ['Nombre de patients à risque', 'Survie sans rechute', 'Semaines']) {
      assert.ok(texts.includes(label), label);
    }
    const [first] = commands(s.querySelector('.km-curve').getAttribute('d'));
    near(first[1][1], axisScale(s.querySelector('.km-axis-y'), 'y')(1), 'survival 1');
    assert.deepEqual([...s.querySelectorAll('.km-risk-cell')].map((c) => c.textContent),
      rfs.groups[0].risk_table.n_risk.map(String));
  });

  test('issue 15: columns of the risk table too close to print apart are left out', () => {
    // Overall survival in weeks: the columns of the first two years (every 4 weeks, then 8) on
    // an axis of six, 720 px wide.
    const os = cohort.os.weeks;
    const s = figures.drawKaplanMeier(doc, os, { timeUnit: 'weeks', riskTable: 'full' });
    const x = axisScale(s.querySelector('.km-axis-x'), 'x');
    const ticks = [...s.querySelectorAll('.km-axis-x .tick text')]
      .map((t) => Number(t.textContent));
    const times = os.groups[0].risk_table.time;
    assert.ok(ticks.length < times.length, `${ticks.length} of ${times.length} columns kept`);
    assert.equal(ticks[0], 0);
    for (const row of s.querySelectorAll('.km-risk-row')) {
      const kind = row.getAttribute('data-kind');
      const cells = [...row.querySelectorAll('.km-risk-cell')];
      // The kept columns' cells, each under its tick; 7 px a digit (DejaVu Sans at 11 px) apart.
      assert.deepEqual(cells.map((c) => c.textContent), ticks.map((t) =>
        String(os.groups[0].risk_table[kind][times.indexOf(t)])));
      cells.slice(1).forEach((cell, k) => {
        const [a, b] = [cells[k], cell];
        const room = (a.textContent.length + b.textContent.length) * 7 / 2;
        assert.ok(Number(b.getAttribute('x')) - Number(a.getAttribute('x')) >= room,
          `${kind}: ${a.textContent} and ${b.textContent} at ${ticks[k]} and ${ticks[k + 1]}`);
        near(Number(b.getAttribute('x')), x(ticks[k + 1]), `${kind} under its tick`);
      });
    }
  });
});

// ---- platelet trajectories ---------------------------------------------------------------------

describe('drawPlateletTrajectories', () => {
  const { landmark } = cohort.criteria;
  const svg = figures.drawPlateletTrajectories(doc, cohort.patients, { landmarkDay: landmark.day,
    window: [landmark.window_from, landmark.window_to] });
  const x = axisScale(svg.querySelector('.trajectory-axis-x'), 'x');
  const y = axisScale(svg.querySelector('.trajectory-axis-y'), 'y', Math.log10);
  const withCounts = cohort.patients.filter((p) => p.counts.length);

  test('one line per patient with counts, a point per count, hollow when not credited', () => {
    assertAccessible(svg, 'Platelet counts per patient');
    const groups = [...svg.querySelectorAll('.trajectory-patient')];
    assert.equal(groups.length, withCounts.length);
    assert.equal(svg.querySelectorAll('.trajectory-line').length, withCounts.length);
    for (const p of withCounts) {
      const g = groups.find((e) => cohort.patients[e.dataset.index] === p);
      assert.equal(g.querySelector('title').textContent,
        `${p.patient_id}: ${p.category === 'excluded' ? 'Excluded' : p.category}`);
      assert.equal(g.dataset.category, p.category);
      const points = [...g.querySelectorAll('.trajectory-point')];
      assert.equal(points.length, p.counts.length);
      const sorted = [...p.counts].sort((a, b) => a.day - b.day);
      const line = commands(g.querySelector('.trajectory-line').getAttribute('d'));
      sorted.forEach((c, k) => {
        near(line[k][1][0], x(c.day), `${p.patient_id} day ${c.day}`, 0.05);
        near(line[k][1][1], y(Math.max(c.platelets, 1)), `${p.patient_id} count ${c.platelets}`,
          0.05);
        const point = points[k];
        assert.equal(point.classList.contains('not-credited'), c.credited === false);
        assert.equal(point.getAttribute('fill') === '#ffffff', c.credited === false);
      });
    }
    assert.ok(svg.querySelectorAll('.trajectory-point.not-credited').length > 0,
      'the example has counts after a subsequent treatment');
  });

  test('thresholds at 30 and 100 G/L, marks at D0, week 6 and the landmark, window shaded', () => {
    const thresholds = [...svg.querySelectorAll('.trajectory-threshold')];
    assert.deepEqual(thresholds.map((t) => Number(t.dataset.value)), [30, 100]);
    for (const t of thresholds) {
      near(commands(t.getAttribute('d'))[0][1][1], y(Number(t.dataset.value)), 'threshold', 0.05);
    }
    const marks = [...svg.querySelectorAll('.trajectory-mark')];
    assert.deepEqual(marks.map((m) => Number(m.dataset.day)), [0, 42, landmark.day]);
    for (const m of marks) {
      near(commands(m.getAttribute('d'))[0][1][0], x(Number(m.dataset.day)), 'mark');
    }
    assert.deepEqual([...svg.querySelectorAll('.trajectory-mark-label')].map((t) => t.textContent),
      ['D0', 'W6', 'Landmark']);
    const w = svg.querySelector('.trajectory-window');
    near(Number(w.getAttribute('x')), x(landmark.window_from), 'window start');
    near(Number(w.getAttribute('x')) + Number(w.getAttribute('width')), x(landmark.window_to),
      'window end', 0.05);
  });

  test('a log axis: counts of 0 at the floor; markup in an id stays text', () => {
    const patients = [{ patient_id: XSS, category: 'NR', counts: [
      { day: -3, platelets: 0, credited: true }, { day: 10, platelets: 5, credited: true },
      { day: 60, platelets: 8, credited: false, censored_below: true }] }, { patient_id: 'P2',
      category: 'CR', counts: [] }];
    const s = figures.drawPlateletTrajectories(doc, patients,
      { thresholds: [50], timeUnit: 'weeks' });
    const sy = axisScale(s.querySelector('.trajectory-axis-y'), 'y', Math.log10);
    const sx = axisScale(s.querySelector('.trajectory-axis-x'), 'x');
    assert.equal(s.querySelectorAll('.trajectory-patient').length, 1, 'no line without counts');
    const line = commands(s.querySelector('.trajectory-line').getAttribute('d'));
    near(line[0][1][1], sy(1), 'a count of 0 at the floor', 0.05);
    near(line[2][1][0], sx(60 / 7), 'days in weeks', 0.05);
    assert.equal(s.querySelectorAll('path.trajectory-point.not-credited').length, 1,
      'a count below a bound is a triangle');
    assert.deepEqual([...s.querySelectorAll('.trajectory-threshold')].map((t) => t.dataset.value),
      ['50']);
    assert.equal(s.querySelectorAll('img').length, 0);
    assert.equal(s.querySelector('.trajectory-patient').dataset.index, '0');
    // What the printable report's filter of active content looks for: no handler in a tag.
    assert.ok(!/<[^>]*\son[a-z]+\s*=/i.test(figures.svgToString(s)), 'user text in no attribute');
    assert.equal(s.querySelector('.trajectory-patient > title').textContent, `${XSS}: NR`);
  });
});

// ---- platelet counts by week -----------------------------------------------------------------

describe('drawPlateletsByWeek', () => {
  // A report's platelets_by_week written here by hand: five weeks, the last two with fewer than
  // three patients (a point each, outside the line and the band).
  const byWeek = { unit: 'weeks', quantile_type: 7, week: [0, 1, 2, 4, 9],
    patients: [5, 4, 3, 2, 1], median: [12, 25.5, 40, 60, 150], q1: [8, 15, 30, 55, 150],
    q3: [20, 45, 80, 65, 150] };
  const svg = figures.drawPlateletsByWeek(doc, byWeek);
  const x = axisScale(svg.querySelector('.pbw-axis-x'), 'x');
  const y = axisScale(svg.querySelector('.pbw-axis-y'), 'y', Math.log10);
  const title = 'Platelet counts by week since D0: median and IQR';

  test('an accessible SVG with its title written above the plot', () => {
    assertAccessible(svg, title);
    assert.equal(svg.querySelector('.pbw-title').textContent, title);
    assert.equal(svg.getAttribute('data-title-shown'), 'true');
    assert.ok(Number(svg.querySelector('.pbw-title').getAttribute('y'))
      < translate(svg.querySelector('.pbw-plot'))[1], 'the title is above the plot');
    const desc = svg.children[1].textContent;
    assert.match(desc, /over 5 weeks from week 0 to week 9; 3 weeks have at least 3 patients/);
    assert.match(desc, /week 0: median 12 G\/L, IQR 8 to 20, 5 patients; week 9: median 150 G\/L, IQR 150 to 150, 1 patient\./);
    const bare = figures.drawPlateletsByWeek(doc, byWeek, { showTitle: false });
    assert.equal(bare.querySelectorAll('.pbw-title').length, 0);
    assert.equal(bare.getAttribute('data-title-shown'), null);
  });

  test('a point per week at its median; the line joins the weeks of 3 patients or more', () => {
    const weeks = [...svg.querySelectorAll('.pbw-week')];
    assert.deepEqual(weeks.map((g) => Number(g.dataset.week)), [0, 1, 2, 4, 9]);
    assert.deepEqual(weeks.map((g) => g.classList.contains('dense')),
      [true, true, true, false, false]);
    const at = { 0: 12, 1: 25.5, 2: 40, 4: 60, 9: 150 };
    for (const g of weeks) {
      const point = g.querySelector('.pbw-point');
      near(Number(point.getAttribute('cx')), x(Number(g.dataset.week)), `week ${g.dataset.week}`);
      near(Number(point.getAttribute('cy')), y(at[g.dataset.week]), `median ${at[g.dataset.week]}`);
      assert.equal(point.getAttribute('fill') === '#ffffff', g.classList.contains('sparse'),
        'a sparse week is hollow');
    }
    assert.equal(weeks[1].querySelector('title').textContent, 'Week 1: 25.5 [15–45] G/L, n = 4');
    assert.equal(weeks[4].querySelector('title').textContent, 'Week 9: 150 [150–150] G/L, n = 1');

    const line = commands(svg.querySelector('.pbw-median').getAttribute('d'));
    assert.deepEqual(line.map(([c]) => c), ['M', 'L', 'L']);
    [[0, 12], [1, 25.5], [2, 40]].forEach(([week, median], k) => {
      near(line[k][1][0], x(week), `line, week ${week}`);
      near(line[k][1][1], y(median), `line, median ${median}`);
    });
  });

  test('the IQR band goes from Q1 to Q3 of the same weeks', () => {
    const band = commands(svg.querySelector('.pbw-iqr').getAttribute('d'));
    const points = band.filter(([, a]) => a.length === 2).map(([, a]) => a);
    assert.equal(points.length, 6, 'Q1 and Q3 of weeks 0, 1 and 2');
    for (const [week, q1, q3] of [[0, 8, 20], [1, 15, 45], [2, 30, 80]]) {
      const ys = points.filter(([px]) => Math.abs(px - x(week)) < 0.02).map(([, py]) => py);
      assert.equal(ys.length, 2, `week ${week}: two corners`);
      near(Math.max(...ys), y(q1), `week ${week}: Q1 ${q1}`);
      near(Math.min(...ys), y(q3), `week ${week}: Q3 ${q3}`);
    }
    assert.equal(band.at(-1)[0].toUpperCase(), 'Z');
  });

  test('thresholds as the trajectories draw them; the patients of the week under each tick', () => {
    const thresholds = [...svg.querySelectorAll('.pbw-threshold')];
    assert.deepEqual(thresholds.map((t) => Number(t.dataset.value)), [30, 100]);
    for (const t of thresholds) {
      near(commands(t.getAttribute('d'))[0][1][1], y(Number(t.dataset.value)), 'threshold');
      assert.equal(t.getAttribute('stroke-dasharray'), '6 3');
    }
    assert.deepEqual([...svg.querySelectorAll('.pbw-threshold-label')].map((t) => t.textContent),
      ['30', '100']);
    // The x axis runs over weeks 0 to 9, a tick a week; a week without counts has 0 patients.
    const cells = [...svg.querySelectorAll('.pbw-patients-cell')];
    assert.deepEqual(cells.map((c) => [Number(c.dataset.week), c.textContent]), [[0, '5'],
      [1, '4'], [2, '3'], [3, '0'], [4, '2'], [5, '0'], [6, '0'], [7, '0'], [8, '0'], [9, '1']]);
    for (const c of cells) near(Number(c.getAttribute('x')), x(Number(c.dataset.week)), 'cell');
    assert.equal(svg.querySelector('.pbw-patients-label').textContent, 'Patients');
    // The log axis starts at the tick below the lowest value drawn (Q1 of week 0: 8).
    assert.deepEqual([...svg.querySelectorAll('.pbw-axis-y .tick text')].map((t) => t.textContent),
      ['3', '10', '30', '100']);
  });

  test('the landmark and its window in weeks (days / 7)', () => {
    const s = figures.drawPlateletsByWeek(doc, byWeek, { landmarkDay: 91, window: [42, 105],
      thresholds: [50, 100] });
    const sx = axisScale(s.querySelector('.pbw-axis-x'), 'x');
    const mark = s.querySelector('.pbw-mark');
    near(commands(mark.getAttribute('d'))[0][1][0], sx(13), 'day 91 is week 13');
    assert.equal(s.querySelector('.pbw-mark-label').textContent, 'Landmark');
    const w = s.querySelector('.pbw-window');
    near(Number(w.getAttribute('x')), sx(6), 'from day 42: week 6');
    near(Number(w.getAttribute('x')) + Number(w.getAttribute('width')), sx(15),
      'to day 105: week 15');
    assert.deepEqual([...s.querySelectorAll('.pbw-threshold')].map((t) => t.dataset.value),
      ['50', '100']);
  });

  test('options: fewer patients a week, a linear axis, French words and decimal commas', () => {
    const two = figures.drawPlateletsByWeek(doc, byWeek, { minPatients: 2 });
    assert.equal(commands(two.querySelector('.pbw-median').getAttribute('d')).length, 4,
      'week 4 (2 patients) joins the line');

    const lin = figures.drawPlateletsByWeek(doc, byWeek, { scale: 'linear' });
    const ly = axisScale(lin.querySelector('.pbw-axis-y'), 'y');
    near(Number(lin.querySelector('.pbw-week[data-week="2"] .pbw-point').getAttribute('cy')),
      ly(40), 'median 40 on a linear axis');
    assert.ok([...lin.querySelectorAll('.pbw-axis-title')]
      .some((t) => t.textContent === 'Platelets (G/L)'));
    assert.throws(() => figures.drawPlateletsByWeek(doc, byWeek, { scale: 'sqrt' }), RangeError);

    const fr = figures.drawPlateletsByWeek(doc, byWeek, { lang: 'fr', labels: {
      title: 'Numérations plaquettaires par semaine', week: 'Semaine', median: 'Médiane',
      sparse: 'Moins de {n} patients : point seul' } });
    assert.equal(fr.getAttribute('lang'), 'fr');
    assert.equal(fr.querySelector('.pbw-title').textContent,
      'Numérations plaquettaires par semaine');
    assert.equal(fr.querySelector('.pbw-week[data-week="1"] title').textContent,
      'Semaine 1 : 25,5 [15–45] G/L, n = 4');
    const legend = [...fr.querySelectorAll('.figure-legend text')].map((t) => t.textContent);
    assert.deepEqual(legend, ['Médiane', 'Interquartile range', 'Moins de 3 patients : point seul']);
  });

  test('no weeks: an empty plot that says so', () => {
    const s = figures.drawPlateletsByWeek(doc, { week: [], patients: [], median: [], q1: [],
      q3: [] });
    assert.equal(s.querySelectorAll('.pbw-week, .pbw-median, .pbw-iqr').length, 0);
    assert.match(s.children[1].textContent, /no counts from D0 on/);
  });
});

// ---- response bars -----------------------------------------------------------------------------

describe('drawResponseBars', () => {
  const { response } = cohort;
  const svg = figures.drawResponseBars(doc, response);
  const y = axisScale(svg.querySelector('.response-axis-y'), 'y');
  const landmarks = [response, ...response.other_landmarks];

  test('a group of bars per landmark, bar = percent, whisker = CI, n/N written', () => {
    assertAccessible(svg, 'Response by landmark');
    const groups = [...svg.querySelectorAll('.response-landmark')];
    assert.deepEqual(groups.map((g) => Number(g.dataset.landmarkDay)),
      landmarks.map((l) => l.landmark_day));
    assert.deepEqual(groups.map((g) => g.querySelector('.response-landmark-label').textContent),
      ['Month 3', 'Month 6', 'Month 12']);
    groups.forEach((g, i) => {
      const l = landmarks[i];
      const bars = [...g.querySelectorAll('.response-bar')];
      assert.deepEqual(bars.map((b) => b.dataset.category), ['CR', 'R', 'OR', 'NR']);
      for (const b of bars) {
        const cat = l.categories[b.dataset.category];
        const rect = b.querySelector('rect');
        near(Number(rect.getAttribute('y')), y(cat.percent), `${b.dataset.category} top`);
        near(Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')), y(0), 'base');
        const [[, lo], [, [hi]]] = commands(b.querySelector('.response-ci').getAttribute('d'));
        near(lo[1], y(cat.ci_lower * 100), 'CI lower');
        near(hi, y(cat.ci_upper * 100), 'CI upper');
        assert.equal(b.querySelector('.response-count').textContent,
          `${cat.count}/${l.denominator}`);
      }
      const names = [...g.querySelectorAll('.response-axis-x .tick text')]
        .map((t) => t.textContent);
      assert.deepEqual(names, ['CR', 'R', 'OR', 'NR']);
    });
  });

  test('labels from the caller (French)', () => {
    const s = figures.drawResponseBars(doc, response, { lang: 'fr', labels: { month: 'Mois',
      percent: 'Patients (%)', OR: 'RG' } });
    assert.equal(s.querySelector('.response-landmark-label').textContent, 'Mois 3');
    assert.ok([...s.querySelectorAll('.response-axis-x .tick text')]
      .some((t) => t.textContent === 'RG'));
  });
});

// ---- swimmer ------------------------------------------------------------------------------------

describe('drawSwimmer', () => {
  const { patients } = cohort;
  const infusions = [{ patient_id: 'SYN-01', day: 0 }, { patient_id: 'SYN-01', day: 7 },
    { patient_id: 'SYN-02', day: 0 }];
  const svg = figures.drawSwimmer(doc, patients, { infusions });
  const x = axisScale(svg.querySelector('.swimmer-axis-x'), 'x');

  test('one lane per patient, longest follow-up first, from D0 to the last follow-up', () => {
    assertAccessible(svg, 'Swimmer plot: follow-up, treatments and responses per patient');
    const lanes = [...svg.querySelectorAll('.swimmer-lane')];
    assert.equal(lanes.length, patients.length);
    const days = lanes.map((l) => Number(l.querySelector('.swimmer-follow-up').dataset.days));
    assert.deepEqual(days, [...days].sort((a, b) => b - a));
    for (const lane of lanes) {
      const p = patients[lane.dataset.index];
      assert.equal(lane.querySelector('.swimmer-id').textContent, p.patient_id);
      assert.equal(lane.querySelector('.swimmer-category').textContent,
        p.category === 'excluded' ? 'Excluded' : p.category);
      const bar = lane.querySelector('.swimmer-follow-up');
      near(Number(bar.getAttribute('x')), x(0), 'from D0');
      near(Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')), x(p.os.days),
        `${p.patient_id} to day ${p.os.days}`, 0.05);
      assert.equal(lane.querySelectorAll('.swimmer-death').length, p.os.event ? 1 : 0);
      assert.equal(lane.querySelectorAll('.swimmer-response').length,
        typeof p.first_response_day === 'number' ? 1 : 0);
      assert.equal(lane.querySelectorAll('.swimmer-loss').length, p.loss_of_response ? 1 : 0);
      const shown = p.treatments.filter((t) => t.role !== 'prior');
      const bars = [...lane.querySelectorAll('.swimmer-treatment')];
      assert.deepEqual(bars.map((b) => Number(b.dataset.start)), shown.map((t) => t.start_day));
      assert.deepEqual(bars.map((b) => b.classList[1]), shown.map((t) => t.role));
      assert.equal(lane.querySelectorAll('.swimmer-infusion').length,
        infusions.filter((f) => f.patient_id === p.patient_id).length);
    }
    const laneOf = (id) => svg.querySelector(`.swimmer-lane[data-index="${
      patients.findIndex((p) => p.patient_id === id)}"]`);
    const response = laneOf('SYN-04').querySelector('.swimmer-response');
    near(translate(response)[0], x(87), 'first response of SYN-04 on day 87');
    const loss = laneOf('SYN-04').querySelector('.swimmer-loss');
    near(translate(loss)[0], x(157), 'loss of response of SYN-04 on day 157');
  });

  test('treatments begun long before D0 start at the axis, which starts 42 days before', () => {
    const p16 = patients.find((p) => p.patient_id === 'SYN-16');
    const background = p16.treatments.find((t) => t.role === 'background');
    assert.ok(background.start_day < -42 && background.end_day === null);
    const lane = svg.querySelector(`.swimmer-lane[data-index="${patients.indexOf(p16)}"]`);
    const bar = lane.querySelector('.swimmer-treatment.background');
    near(Number(bar.getAttribute('x')), x(-42), 'clipped at day -42');
    near(Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')), x(p16.os.days),
      'open-ended: to the last follow-up', 0.05);
    assert.equal(bar.querySelector('title').textContent,
      `${background.name} (Background treatment), day ${background.start_day} to last follow-up`);
  });
});

// ---- export and hygiene -----------------------------------------------------------------------

describe('export and the CSP', () => {
  test('svgToString: a standalone SVG file that parses, with generic fonts only', () => {
    const svg = figures.drawKaplanMeier(doc, aml, { riskTable: 'full' });
    const text = figures.svgToString(svg);
    assert.match(text,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((text.match(/xmlns="/g) ?? []).length, 1);
    const parsed = new (doc.defaultView.DOMParser)().parseFromString(text, 'image/svg+xml');
    assert.equal(parsed.querySelector('parsererror'), null);
    assert.equal(parsed.documentElement.querySelectorAll('.km-curve').length, 2);
    const families = new Set(text.match(/font-family="[^"]*"/g));
    assert.deepEqual([...families], ['font-family="sans-serif"']);
    assert.ok(!/style="/.test(text));
  });

  test('the figures\' code writes no HTML and no style attribute', () => {
    const dir = path.join(repoRoot, 'web/page/figures');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const banned of [/innerHTML/, /outerHTML/, /insertAdjacentHTML/, /\.html\(/, /\.style\(/,
        /(attr|setAttribute)\(\s*['"]style['"]/, /\beval\(/, /new Function/]) {
        assert.ok(!banned.test(source), `${file} uses ${banned}`);
      }
    }
  });

  test('the d3 bundle: one self-contained module with its licences', (t) => {
    const code = readFileSync(path.join(site, 'vendor/d3.js'), 'utf8');
    assert.match(code, /^\/\*! The d3 modules of the page's figures/);
    assert.match(code, /d3-scale 4\.0\.3 \(ISC\)/);
    assert.ok(!/\bimport\s*[{*"']|\bimport\(/.test(code.replace(/^\/\*![\s\S]*?\*\//, '')),
      'no import left');
    assert.match(bundleLog, /bundle-d3: .* names/);
    const gz = zlib.gzipSync(code, { level: 9 }).length;
    t.diagnostic(`d3 bundle: ${code.length} bytes, ${gz} gzipped`);
    assert.ok(gz < 30_000, `the d3 bundle stays small (${gz} bytes gzipped)`);
    const dist = path.join(repoRoot, 'dist');
    if (existsSync(path.join(dist, 'page/figures'))) {
      assert.ok(existsSync(path.join(dist, 'page/vendor/d3.js')),
        'scripts/build puts d3 beside the figures');
    }
  });
});

// ---- in Chromium, under the page's CSP header -------------------------------------------------

const HARNESS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>figures</title><link rel="icon" href="favicon.svg" type="image/svg+xml">
<script type="module" src="harness.js"></script></head><body></body></html>`;

// Draws each figure, exports it as PNG, and reads both the PNG and (later) Chromium's screenshot
// of the SVG back into pixels. Also tries the usual <img>-from-blob: route, to record whether the
// CSP still blocks it (the reason for paint-canvas.js).
const HARNESS_JS = `
import * as f from './figures/index.js';
const cohort = await (await fetch('cohort.json')).json();
const aml = await (await fetch('aml.json')).json();
const made = {
  km: f.drawKaplanMeier(document, aml, { timeUnit: 'weeks', riskTable: 'full', showMedian: true }),
  trajectories: f.drawPlateletTrajectories(document, cohort.patients, {
    landmarkDay: cohort.criteria.landmark.day,
    window: [cohort.criteria.landmark.window_from, cohort.criteria.landmark.window_to] }),
  bars: f.drawResponseBars(document, cohort.response),
  pbw: f.drawPlateletsByWeek(document, cohort.platelets_by_week, {
    landmarkDay: cohort.criteria.landmark.day,
    window: [cohort.criteria.landmark.window_from, cohort.criteria.landmark.window_to] }),
  swimmer: f.drawSwimmer(document, cohort.patients),
};
const pngs = {};
for (const [name, svg] of Object.entries(made)) {
  svg.id = name;
  document.body.append(svg);
  const png = await f.svgToPngBlob(svg, 2);
  const bitmap = await createImageBitmap(png);
  pngs[name] = { type: png.type, width: bitmap.width, height: bitmap.height,
    svgWidth: Number(svg.getAttribute('width')), svgHeight: Number(svg.getAttribute('height')) };
  window['png_' + name] = png;
}
const blobImage = await new Promise((resolve) => {
  const img = new Image();
  img.onload = () => resolve('loaded');
  img.onerror = () => resolve('blocked');
  img.src = URL.createObjectURL(f.svgToBlob(made.bars));
});
window.compare = async (name, screenshotBase64) => {
  const pixels = async (blob) => {
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  };
  const bytes = Uint8Array.from(atob(screenshotBase64), (c) => c.charCodeAt(0));
  const a = await pixels(window['png_' + name]);
  const b = await pixels(new Blob([bytes], { type: 'image/png' }));
  if (a.width !== b.width || a.height !== b.height) {
    return { sizes: [a.width, a.height, b.width, b.height] };
  }
  let differ = 0;
  let inked = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2]));
    if (d > 96) differ += 1;
    if (b.data[i] < 200 || b.data[i + 1] < 200 || b.data[i + 2] < 200) inked += 1;
  }
  return { differ, inked, pixels: a.data.length / 4 };
};
window.download = () => f.downloadBlob(f.svgToBlob(made.km), 'kaplan-meier.svg');
window.result = { pngs, blobImage };
`;

test('in Chromium under the page\'s CSP: PNG export matches the SVG, downloads work', async (t) => {
  // scripts/setup installs Chromium: its absence is a broken set-up, never a skipped check.
  assert.ok(existsSync('/usr/bin/chromium'), 'no /usr/bin/chromium: run scripts/setup');
  const { chromium } = await import('playwright-core');
  const { createStaticServer, CSP } = await import(pathToFileURL(path.join(repoRoot,
    'scripts/static-server.mjs')).href);
  writeFileSync(path.join(site, 'index.html'), HARNESS_HTML);
  writeFileSync(path.join(site, 'harness.js'), HARNESS_JS);
  const server = await createStaticServer(site);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 2, acceptDownloads: true });
    const page = await context.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
    const response = await page.goto(`http://127.0.0.1:${server.address().port}/`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.waitForFunction(() => window.result, null, { timeout: 20_000 });
    const { pngs, blobImage } = await page.evaluate(() => window.result);

    // The <img> route is what the CSP blocks; nothing else may have been.
    t.diagnostic(`an <img> from a blob: URL under this CSP: ${blobImage}`);
    const violations = messages.filter((line) => /content security policy/i.test(line));
    const expected = blobImage === 'blocked' ? 1 : 0;
    assert.equal(violations.length, expected, violations.join('\n'));
    assert.deepEqual(messages.filter((l) => !/content security policy/i.test(l)), []);

    for (const [name, png] of Object.entries(pngs)) {
      assert.equal(png.type, 'image/png');
      assert.equal(png.width, Math.round(png.svgWidth * 2), `${name}: twice the SVG's width`);
      assert.equal(png.height, Math.round(png.svgHeight * 2));
      const shot = await page.locator(`#${name}`).screenshot();
      const cmp = await page.evaluate(([n, b64]) => window.compare(n, b64),
        [name, shot.toString('base64')]);
      assert.equal(cmp.sizes, undefined, `${name}: sizes ${cmp.sizes}`);
      t.diagnostic(`${name}: ${cmp.differ} of ${cmp.pixels} pixels differ from Chromium's SVG `
        + `(${cmp.inked} inked)`);
      assert.ok(cmp.inked > cmp.pixels * 0.01, `${name}: the screenshot shows a figure`);
      assert.ok(cmp.differ < cmp.inked * 0.03, `${name}: the PNG looks like the SVG`);
    }

    const [download] = await Promise.all([page.waitForEvent('download'),
      page.evaluate(() => window.download())]);
    assert.equal(download.suggestedFilename(), 'kaplan-meier.svg');
    const saved = readFileSync(await download.path(), 'utf8');
    assert.match(saved, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(saved.includes(formatPValue(aml.test.p)));
  } finally {
    await browser.close();
    server.close();
  }
});
