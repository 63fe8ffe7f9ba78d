// Issue 11, "the example cohort is the paper": every figure the seed study published on its
// poster, written here as a literal, against the report `itp-analyze` makes of the example cohort
// (examples/cohort/, seed-2026), from the English and from the French files. The literals are
// the poster's, at the poster's precision; where the poster's arithmetic is wrong (three percents
// of prior treatments) the literal is the true percent, and the test says so.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { FR } from '../../examples/cohort/make_cohort.mjs';
import { repoRoot } from './core-loader.mjs';

const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
// The weeks at which the poster printed the RFS number at risk, and what it printed.
const PUBLISHED_WEEKS = [0, 1.4, 3.0, 4.9, 9.0, 20.3, 42.9, 48.7, 49.3, 53, 56.9, 73.6, 96];
const PUBLISHED_AT_RISK = [13, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];

const tmp = await mkdtemp(path.join(os.tmpdir(), 'itp-example-published-'));
after(() => rm(tmp, { recursive: true, force: true }));

/** The CLI's report of examples/cohort/<language> under seed-2026, RFS at risk at the weeks above. */
async function report(language) {
  const dir = path.join(repoRoot, 'examples/cohort', language);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
  const request = path.join(tmp, `${language}.json`);
  await writeFile(request, JSON.stringify({ type: 'cohort', criteria: 'seed-2026',
    tables: files.map((f) => f.replace('.csv', '')), report: { rfs_risk_weeks: PUBLISHED_WEEKS } }));
  const inputs = files.flatMap((f) => ['--input', path.join(dir, f)]);
  const { stdout } = await promisify(execFile)(cli, ['run', request, ...inputs],
    { maxBuffer: 1 << 26 }).catch((e) => ({ stdout: e.stdout }));
  const answer = JSON.parse(stdout);
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  return answer;
}

/** A median [IQR] (min-max) row as the poster prints it: [median, q1, q3, min, max]. */
const five = (row) => [row.median, row.q1, row.q3, row.min, row.max];
/** Numbers equal to the printed ones to 1e-9 (type-7 quartiles such as 41.0 are sums of floats). */
function same(got, want, what) {
  assert.equal(got.length, want.length, what);
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < 1e-9, `${what}: ${JSON.stringify(got)}, published ${JSON.stringify(want)}`));
}

for (const language of ['en', 'fr']) {
  // The report's words are those of the files: French ones for the French files.
  const words = (english) => (language === 'fr' ? FR[english] : english);

  describe(`the seed study's published figures (${language} files)`, () => {
    let r;
    const row = (variable, level) => {
      const found = r.table1.find((x) => x.variable === variable && (level === undefined || x.level === level));
      assert.ok(found, `Table 1 has no row ${variable} ${level ?? ''}`);
      return found;
    };
    before(async () => { r = await report(language); });

    test('Table 1: age 68 [41.0–72.8] (21–88), type 7', () => {
      same(five(row('age')), [68, 41.0, 72.8, 21, 88], 'age');
      assert.equal(row('age').quantile_type, 7);
      assert.equal(row('age').n, 26);
    });

    test('Table 1: sex 15 M / 11 F', () => {
      assert.deepEqual([row('sex', 'Male').count, row('sex', 'Female').count], [15, 11]);
    });

    test('Table 1: ITP duration (months) 76 [23.8–140.5] (1–594)', () => {
      same(five(row('itp_duration_months')), [76, 23.8, 140.5, 1, 594], 'ITP duration');
    });

    test('Table 1: secondary ITP 11; causes one row per cause, as a percent of all 26 patients', () => {
      assert.deepEqual([row('secondary_itp', 'Yes').count, row('secondary_itp', 'Yes').denominator], [11, 26]);
      const causes = r.table1.filter((x) => x.variable === 'secondary_cause')
        .map((x) => [x.level, x.count, x.denominator, x.percent]).sort();
      const published = [['Evans syndrome', 6, 23.1], ['APS', 3, 11.5], ['Rheumatoid arthritis', 1, 3.8],
        ['STIM1', 1, 3.8], ['Post-allograft MDS', 1, 3.8]];
      assert.deepEqual(causes, published.map(([c, n, p]) => [words(c), n, 26, p]).sort());
      // 12 causes for 11 patients: one patient has two, in one cell; the report says so.
      assert.equal(causes.reduce((sum, c) => sum + c[1], 0), 12);
      assert.ok(r.footnotes.some((f) => /^Causes of secondary ITP: 1 patient has several causes/.test(f)));
    });

    test('Table 1: splenectomy 16, corticosteroid-refractory 17, IVIg-refractory 15, bleeding in the month before 17', () => {
      const yes = ['splenectomy', 'cs_refractory', 'ivig_refractory', 'bleeding_month_before']
        .map((v) => [row(v, 'Yes').count, row(v, 'Yes').denominator]);
      assert.deepEqual(yes, [[16, 26], [17, 26], [15, 26], [17, 26]]);
    });

    test('Table 1: baseline platelets 14 [7.0–51.8] (2–294)', () => {
      same(five(row('baseline_platelets')), [14, 7.0, 51.8, 2, 294], 'baseline platelets');
    });

    test('Table 1: prior lines 6 [4–7] (2–11) (corticosteroids and IVIg left out, splenectomy a line)', () => {
      same(five(row('prior_lines')), [6, 4, 7, 2, 11], 'prior lines, Table 1');
      same(five(r.prior_treatments.lines), [6, 4, 7, 2, 11], 'prior lines, prior treatments');
    });

    test('prior treatments: 25/26, 24/26 and 4/26 with their true percents (the poster printed 96.1, 93.3, 15.9)', () => {
      const drug = (name) => r.prior_treatments.drugs.find((d) => d.drug === name);
      const rows = [['corticosteroids', 25, 96.2, 96.1], ['rituximab', 24, 92.3, 93.3],
        ['avatrombopag', 4, 15.4, 15.9]];
      for (const [name, count, truePercent, printed] of rows) {
        assert.deepEqual([drug(name).count, drug(name).denominator, drug(name).percent],
          [count, 26, truePercent], name);
        assert.notEqual(drug(name).percent, printed, `${name}: the poster's ${printed} is not ${count}/26`);
      }
      assert.equal(r.prior_treatments.patients, 26);
    });

    test('infusions: median 6 (range 2–11) per patient; 16 SC, 10 IV', () => {
      const perPatient = r.infusions.per_patient;
      assert.deepEqual([perPatient.median, perPatient.min, perPatient.max], [6, 2, 11]);
      const routes = Object.fromEntries(r.infusions.route.map((x) => [x.level, x.count]));
      assert.deepEqual(routes, { SC: 16, IV: 10 });
    });

    test('follow-up: 14 months [0–73] (observed, median and range, in whole months)', () => {
      const observed = r.follow_up.observed;
      assert.equal(r.follow_up.unit, 'months');
      assert.deepEqual([observed.median, observed.min, observed.max].map(Math.round), [14, 0, 73]);
    });

    test('response at 3 months: 26 patients, 1 excluded (died before day 91), 25 evaluated, ORR 13/25 (52 %)', () => {
      const { response } = r;
      assert.equal(r.patients.length, 26);
      assert.deepEqual(response.excluded.map((e) => e.reason), ['died on day 12, before day 91']);
      assert.deepEqual(response.not_evaluable, []);
      assert.equal(response.denominator, 25);
      assert.deepEqual([response.categories.OR.count, response.categories.OR.percent], [13, 52]);
    });

    test('daratumumab alone (neither background nor concomitant treatment): 2 patients, both CR', () => {
      const neither = r.response.by_treatment.find((b) => b.role === 'neither');
      assert.deepEqual([neither.patients, neither.CR.count, neither.R.count], [2, 2, 0]);
    });

    test('time to response: median 29 days, range 7–87', () => {
      const t = r.time_to_response;
      assert.deepEqual([t.median, t.min, t.max, t.unit], [29, 7, 87, 'days']);
    });

    test('RFS among responders: the published number at risk at the published weeks, about 60 % at 24 months', () => {
      assert.equal(r.rfs.n, 13);
      const risk = r.rfs.weeks.groups[0].risk_table;
      assert.deepEqual(risk.time, PUBLISHED_WEEKS);
      assert.deepEqual(risk.n_risk, PUBLISHED_AT_RISK);
      const months = r.rfs.months.groups[0].at_times;
      assert.equal(months.time[1], 24);
      assert.equal(Math.round(months.surv[1] * 10) * 10, 60, `RFS at 24 months ${months.surv[1]}`);
    });

    test('long-lasting CR without other ITP treatment: 4, relapses in 2, after 10 and 32 months (from D0)', () => {
      const cr = r.response.cr_without_other_treatment;
      assert.equal(cr.patients, 4);
      assert.equal(cr.relapses, 2);
      assert.deepEqual(cr.relapse_months.map(Math.round).sort((a, b) => a - b), [10, 32]);
    });

    test('safety: 16 patients with adverse events; infections 8 (5 grade 3–5); neutropenia 3; infusion reactions 3; heart failure 1', () => {
      const { safety } = r;
      const category = (name) => safety.by_category.find((c) => c.category === words(name));
      assert.equal(safety.any_adverse_event.count, 16);
      assert.deepEqual([category('Infection').patients, category('Infection').grade_3_or_more], [8, 5]);
      assert.equal(category('Neutropenia').patients, 3);
      assert.equal(safety.infusion_reactions.count, 3);
      assert.equal(category('Heart failure').patients, 1);
      assert.deepEqual(safety.before_d0, [], 'adverse events counted from D0 on');
    });

    test('safety: 6 deaths (sepsis 2, heart failure 1, haemorrhage 3); gammaglobulins < 6 g/L in 14 of 25 measured (56 %)', () => {
      const { deaths, lab_thresholds: labs } = r.safety;
      assert.equal(deaths.count, 6);
      assert.deepEqual(Object.fromEntries(deaths.by_cause.map((d) => [d.cause, d.count])),
        { [words('Sepsis')]: 2, [words('Heart failure')]: 1, [words('Haemorrhage')]: 3 });
      const gamma = labs.find((l) => l.test === 'gammaglobulins' && l.below === 6);
      assert.deepEqual([gamma.patients_below, gamma.patients_measured, gamma.percent], [14, 25, 56]);
    });
  });
}
