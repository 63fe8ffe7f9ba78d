// The example cohort's report (issue 5): `itp-analyze cohort` and the real wasm module give the
// same bytes, the English and French files give the same report (every part, the French words of
// the files translated back), and the report reproduces the seed study's published figures
// (docs/design.md §1; examples/cohort/README.md): age 68 [41.0-72.8] (21-88), 15 men, baseline
// platelets median 14, 16 SC / 10 IV, 1 death before 3 months excluded, ORR 13/25 = 52 % with
// binom.test's interval, time to response 7-87 days, RFS among responders about 60 % at 24
// months with the published number at risk. tests/node/example_published.test.mjs checks every
// other published figure.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { FR } from '../../examples/cohort/make_cohort.mjs';
import { loadCore, repoRoot, workspaceOfFolder } from './core-loader.mjs';

const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
// The weeks at which the seed study printed its RFS number at risk.
const PUBLISHED_WEEKS = [0, 1.4, 3.0, 4.9, 9.0, 20.3, 42.9, 48.7, 49.3, 53, 56.9, 73.6, 96];
const PUBLISHED_AT_RISK = [13, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];

async function report(language) {
  const dir = path.join(repoRoot, 'examples/cohort', language);
  const { stdout } = await promisify(execFile)(cli, ['cohort', '--data', dir], { maxBuffer: 1 << 26 })
    .catch((e) => ({ stdout: e.stdout }));
  const { workspace, tables } = await workspaceOfFolder(await loadCore(), dir);
  const request = { type: 'cohort', criteria: 'seed-2026', tables,
    report: { rfs_risk_weeks: PUBLISHED_WEEKS } };
  try {
    const fromWasm = workspace.run(JSON.stringify({ ...request, report: {} }));
    assert.equal(stdout.trimEnd(), fromWasm, 'itp-analyze cohort and the wasm module agree');
    return JSON.parse(workspace.run(JSON.stringify(request)));
  } finally {
    workspace.delete();
  }
}

describe('the example cohort\'s report', () => {
  let en;
  let fr;
  before(async () => {
    [en, fr] = await Promise.all([report('en'), report('fr')]);
  });

  test('reproduces the published population at D0', () => {
    assert.equal(en.ok, true);
    const age = en.table1.find((row) => row.variable === 'age');
    assert.deepEqual([age.n, age.median, age.q1, age.q3, age.min, age.max, age.quantile_type],
      [26, 68, 41, 72.8, 21, 88, 7]);
    const men = en.table1.find((row) => row.variable === 'sex' && row.level === 'Male');
    assert.deepEqual([men.count, men.denominator, men.percent], [15, 26, 57.7]);
    const baseline = en.table1.find((row) => row.variable === 'baseline_platelets');
    assert.equal(baseline.median, 14);
    const routes = Object.fromEntries(en.infusions.route.map((r) => [r.level, r.count]));
    assert.deepEqual(routes, { SC: 16, IV: 10 });
  });

  test('reproduces the published response at 3 months', () => {
    const { response } = en;
    assert.equal(response.denominator, 25);
    assert.equal(response.categories.OR.count, 13);
    assert.equal(response.categories.OR.percent, 52);
    // R: binom.test(13, 25)$conf.int = 0.3130570 0.7220320
    assert.ok(Math.abs(response.categories.OR.ci_lower - 0.313057044457032) < 1e-12);
    assert.ok(Math.abs(response.categories.OR.ci_upper - 0.722031990330053) < 1e-12);
    assert.deepEqual(response.excluded.map((e) => e.patient_id), ['SYN-07']);
    assert.deepEqual([response.categories.CR.count, response.categories.R.count,
      response.categories.NR.count], [9, 4, 12]);
    assert.deepEqual(response.not_evaluable, []);
    assert.deepEqual([en.time_to_response.n, en.time_to_response.min, en.time_to_response.max,
      en.time_to_response.median], [13, 7, 87, 29]);
  });

  test('reproduces the published RFS among responders', () => {
    const rfs = en.rfs.weeks.groups[0];
    assert.equal(en.rfs.n, 13);
    assert.deepEqual(rfs.risk_table.time, PUBLISHED_WEEKS);
    assert.deepEqual(rfs.risk_table.n_risk, PUBLISHED_AT_RISK);
    const at24 = en.rfs.months.groups[0].at_times;
    assert.equal(at24.time[1], 24);
    assert.ok(at24.surv[1] > 0.55 && at24.surv[1] < 0.65, `RFS at 24 months ${at24.surv[1]}`);
  });

  test('reads alike from the English and the French files', () => {
    for (const part of ['response', 'time_to_response', 'rfs', 'os', 'follow_up', 'infusions',
      'prior_treatments', 'platelets_by_week', 'footnotes']) {
      assert.deepEqual(fr[part], en[part], part);
    }
    // The words the files hold (causes, adverse event categories, causes of death) are French
    // in the French report: translated back, and in the English order, the rows are the same.
    const english = Object.fromEntries(Object.entries(FR).map(([en_, fr_]) => [fr_, en_]));
    const back = (value) => english[value] ?? value;
    const byLabel = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
    const table1 = (report, translate) => report.table1.map((row) => (row.variable === 'secondary_cause'
      ? { ...row, level: translate(row.level) } : row))
      .sort((a, b) => (a.variable === 'secondary_cause' && b.variable === 'secondary_cause'
        ? byLabel('level')(a, b) : 0));
    assert.deepEqual(table1(fr, back), table1(en, (x) => x));
    const safety = (report, translate) => ({ ...report.safety,
      by_category: report.safety.by_category.map((c) => ({ ...c, category: translate(c.category) }))
        .sort(byLabel('category')),
      deaths: { ...report.safety.deaths, by_cause: report.safety.deaths.by_cause
        .map((d) => ({ ...d, cause: translate(d.cause) })).sort(byLabel('cause')) } });
    assert.deepEqual(safety(fr, back), safety(en, (x) => x));
    // Per patient: what the rule concluded, and every count as it saw it.
    const patient = (p) => ({ id: p.patient_id, category: p.category, baseline: p.baseline,
      ttr: p.time_to_response_days, first: p.first_response_day, best: p.best_response,
      loss: p.loss_of_response?.day ?? null, rfs: p.rfs, os: p.os,
      roles: p.treatments.map((t) => [t.name, t.start_day, t.end_day, t.role]),
      counts: p.counts.map((c) => [c.day, c.platelets, c.credited, c.level, c.in_window]) });
    assert.deepEqual(fr.patients.map(patient), en.patients.map(patient));
  });
});
