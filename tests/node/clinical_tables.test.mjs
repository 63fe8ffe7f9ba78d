// Issue 11, "every clinical number right": what the page shows of the cohort report's newer parts
// (platelets by week, response with neither background nor concomitant treatment, CR without
// other ITP treatment, adverse events before D0 and undated ones, the note on several causes of
// secondary ITP, loss of CR and the reasons RFS or OS is missing, bleeding and the confirmed
// level of each count), from a small report written here by hand. Every expected cell below is
// worked out by hand from that report (the rounding rule of each is said where it matters), not
// read from the code's output; no core is run.
//
//   node --test tests/node/clinical_tables.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { JSDOM } from 'jsdom';

import { tableToCsv } from '../../web/page/tables/csv.js';
import { patientAudit, patientTable } from '../../web/page/tables/patient-tables.js';
import { buildPrintableReport } from '../../web/page/cohort/printable-report.js';
import {
  adverseEventsBeforeD0Table, byTreatmentTable, crWithoutOtherTreatmentTable, neitherResponseTable,
  plateletsByWeekTable, reportTables, safetyTable, severalCausesNote, table1Table,
} from '../../web/page/tables/report-tables.js';
import { renderPatientTable, renderTable } from '../../web/page/tables/render-table.js';

const XSS = '<img src=x onerror=alert(1)>';

/** A proportion's interval as the core gives it (0–1) and its percent (0–100, one decimal). */
const rate = (count, percent, lower, upper) => ({ count, percent, ci_lower: lower, ci_upper: upper });

// Three patients. Clopper-Pearson limits as R's binom.test gives them: 1/2: 0.01257912–0.98742088;
// 0/2: 0–0.84188612; 1/1: 0.025–1; 2/3: 0.09429932–0.99159624.
const HALF = [0.0125791170934251, 0.987420882906575];
const report = {
  ok: true,
  criteria: {
    name: 'by-hand', label: 'By hand', treatment_window_days: 42,
    landmark: { day: 91, window_from: 42, window_to: 105, mode: 'best' },
    loss: { below: { value: 30, inclusive: false }, cr_lost_below: null },
  },
  report_options: { quantile_type: 7, ci_method: 'clopper-pearson', conf_level: 0.95 },
  table1: [
    { label: 'Secondary ITP', variable: 'secondary_itp', kind: 'categorical', level: 'Yes',
      count: 2, denominator: 3, missing: 0, percent: 66.7 },
    { label: 'Cause of secondary ITP', variable: 'secondary_cause', kind: 'categorical',
      level: 'SLE', count: 2, denominator: 3, missing: 0, percent: 66.7 },
    { label: 'Cause of secondary ITP', variable: 'secondary_cause', kind: 'categorical',
      level: 'Sjögren syndrome', count: 1, denominator: 3, missing: 0, percent: 33.3 },
  ],
  footnotes: [
    'Causes of secondary ITP: 1 patient has several causes, so the causes add up to more than the '
      + 'patients with secondary ITP; each percent is of all patients.',
  ],
  response: {
    landmark_day: 91, window: [42, 105], denominator: 3, ci_method: 'clopper-pearson',
    conf_level: 0.95,
    categories: { CR: rate(1, 33.3, 0.0084, 0.9057), R: rate(1, 33.3, 0.0084, 0.9057),
      OR: rate(2, 66.7, 0.0943, 0.9916), NR: rate(1, 33.3, 0.0084, 0.9057) },
    excluded: [], not_evaluable: [], other_landmarks: [],
    by_treatment: [
      { role: 'concomitant', with: { patients: 1, OR: rate(1, 100, 0.025, 1) },
        without: { patients: 2, OR: rate(1, 50, ...HALF) }, fisher_p: 1 },
      { role: 'neither', patients: 2, CR: rate(1, 50, ...HALF), R: rate(0, 0, 0, 0.841886116991581),
        OR: rate(1, 50, ...HALF), with: { patients: 2, OR: rate(1, 50, ...HALF) },
        without: { patients: 1, OR: rate(1, 100, 0.025, 1) }, fisher_p: 1 },
    ],
    cr_without_other_treatment: { patients: 2, relapses: 2,
      // Days 92 and 312 from D0, over 30.4375 days a month.
      relapse_months: [92 / 30.4375, 312 / 30.4375], patient_ids: ['P-1', XSS] },
  },
  // Quartiles of type 7 of each week's per-patient values (written as the core would send them).
  platelets_by_week: { unit: 'weeks', quantile_type: 7, week: [0, 1, 3], patients: [3, 2, 1],
    median: [12, 20.5, 150], q1: [8.5, 15.25, 150], q3: [18, 25.75, 150] },
  safety: {
    patients: 3, events: 4, undated_events: 1,
    before_d0: [
      { patient_id: 'P-1', day: -5, term: 'Epistaxis', category: 'Bleeding', grade: 1 },
      { patient_id: XSS, day: -20, term: '=HYPERLINK("x")', category: '', grade: null },
    ],
    any_adverse_event: { count: 2, denominator: 3, percent: 66.7 },
    grade_3_or_more: { count: 0, denominator: 3, percent: 0 },
    serious: { count: 0, denominator: 3, percent: 0 },
    infusion_reactions: { count: 1, denominator: 3, percent: 33.3 },
    by_category: [], deaths: { count: 0, percent: 0, by_cause: [] }, lab_thresholds: [],
  },
  patients: [
    {
      patient_id: 'P-1', category: 'CR', reason: 'count on day 49 meets CR',
      baseline: { platelets: 12, censored_below: false }, time_to_response_days: 49,
      loss_of_response: { day: 92, reason: 'count of 20 on day 92' },
      loss_of_complete_response: { day: 70, reason: 'count of 90 on day 70' },
      rfs: { days: 43, event: true, event_reason: 'loss of response' }, rfs_missing_reason: null,
      os: { days: 400, event: false, event_reason: null }, os_missing_reason: null,
      treatments: [],
      counts: [
        { day: 0, platelets: 12, censored_below: false, credited: true, not_credited_because: null,
          bleeding: true, level: 'none', confirmed: 'none', same_day_lower: false,
          in_window: false, file: 'platelets.csv', row: 2 },
        { day: 49, platelets: 150, censored_below: false, credited: true,
          not_credited_because: null, bleeding: false, level: 'CR', confirmed: 'CR',
          same_day_lower: true, in_window: true, file: 'platelets.csv', row: 3 },
        { day: 49, platelets: 120, censored_below: false, credited: true,
          not_credited_because: null, bleeding: false, level: 'CR', confirmed: 'CR',
          same_day_lower: false, in_window: true, file: 'platelets.csv', row: 4 },
        { day: 56, platelets: 90, censored_below: false, credited: true,
          not_credited_because: null, bleeding: false, level: 'R', confirmed: 'none',
          same_day_lower: false, in_window: true, file: 'platelets.csv', row: 5 },
      ],
    },
    {
      patient_id: 'P-2', category: 'R', reason: 'count on day 63 meets R',
      baseline: { platelets: 20, censored_below: false }, time_to_response_days: null,
      loss_of_response: null, loss_of_complete_response: null,
      rfs: null, rfs_missing_reason: 'no first response day',
      os: null, os_missing_reason: 'no follow-up date',
      treatments: [],
      counts: [
        { day: 63, platelets: 45, censored_below: false, credited: true, not_credited_because: null,
          bleeding: false, level: 'R', confirmed: 'R', same_day_lower: false, in_window: true,
          file: 'platelets.csv', row: 6 },
      ],
    },
    {
      patient_id: XSS, category: 'NR', reason: 'no count meets R',
      baseline: { platelets: 5, censored_below: false }, time_to_response_days: null,
      loss_of_response: null, loss_of_complete_response: null, rfs: null, rfs_missing_reason: null,
      os: { days: 100, event: true, event_reason: 'death' }, os_missing_reason: null,
      treatments: [], counts: [],
    },
  ],
  warnings: [],
};

/** The cells of a model as rows of text, a heading row as its one label. */
const cellsOf = (model) => model.rows.map((row) => (row.heading
  ? [row.cells[model.columns[0].key]] : model.columns.map((c) => row.cells[c.key] ?? '')));

// ---- response ---------------------------------------------------------------------------------

test('response by treatment: the "neither" row, its with and without, Fisher\'s p', () => {
  const en = byTreatmentTable(report, 'en');
  assert.deepEqual(cellsOf(en), [
    ['Concomitant treatment (started within 42 days of D0)', '1/1 (100.0 %)', '1/2 (50.0 %)',
      'p = 1.0'],
    ['Neither background nor concomitant treatment', '1/2 (50.0 %)', '1/1 (100.0 %)', 'p = 1.0'],
  ]);
  assert.equal(en.footnotes[1],
    'Neither: "with" are the patients given neither treatment, "without" those given one or both.');
  const fr = byTreatmentTable(report, 'fr');
  assert.deepEqual(cellsOf(fr)[1],
    ['Ni traitement de fond ni concomitant', '1/2 (50,0 %)', '1/1 (100,0 %)', 'p = 1,0']);
  // A report without the row has no note about it.
  const without = { ...report, response: { ...report.response,
    by_treatment: report.response.by_treatment.slice(0, 1) } };
  assert.equal(byTreatmentTable(without, 'en').footnotes.length, 1);
  assert.equal(neitherResponseTable(without, 'en'), null);
});

test('response with neither treatment: CR, R, OR as n/N and % (95 % CI)', () => {
  const en = neitherResponseTable(report, 'en');
  assert.equal(en.title, 'Response with neither background nor concomitant treatment');
  assert.equal(en.caption,
    'N = 2 evaluable patients with no background treatment and none started within 42 days of D0.');
  // 1/2: 50.0 %, 1.26–98.74 → 1.3–98.7; 0/2: 0.0 %, 0–84.19 → 0.0–84.2.
  assert.deepEqual(cellsOf(en), [
    ['Complete response (CR)', '1/2', '50.0 % (1.3–98.7)'],
    ['Response (R)', '0/2', '0.0 % (0.0–84.2)'],
    ['Overall response (OR = CR + R)', '1/2', '50.0 % (1.3–98.7)'],
  ]);
  assert.deepEqual(cellsOf(neitherResponseTable(report, 'fr')), [
    ['Réponse complète (RC)', '1/2', '50,0 % (1,3–98,7)'],
    ['Réponse (R)', '0/2', '0,0 % (0,0–84,2)'],
    ['Réponse globale (RG = RC + R)', '1/2', '50,0 % (1,3–98,7)'],
  ]);
});

test('CR without other ITP treatment: patients, relapses, months of each relapse, who', () => {
  const en = crWithoutOtherTreatmentTable(report, 'en');
  assert.equal(en.title, 'Complete response without other ITP treatment');
  // 92 / 30.4375 = 3.02 → 3.0; 312 / 30.4375 = 10.25 → 10.3.
  assert.deepEqual(cellsOf(en), [
    ['Patients in CR at day 91 with no other ITP treatment', '2'],
    ['Relapses', '2'],
    ['Relapse, months from D0', '3.0; 10.3'],
    ['Patients', `P-1, ${XSS}`],
  ]);
  assert.deepEqual(cellsOf(crWithoutOtherTreatmentTable(report, 'fr')), [
    ['Patients en RC à J91 sans autre traitement du PTI', '2'],
    ['Rechutes', '2'],
    ['Rechute, mois depuis J0', '3,0; 10,3'],
    ['Patients', `P-1, ${XSS}`],
  ]);
  const none = { ...report, response: { ...report.response, cr_without_other_treatment:
    { patients: 0, relapses: 0, relapse_months: [], patient_ids: [] } } };
  assert.deepEqual(cellsOf(crWithoutOtherTreatmentTable(none, 'en')).map((r) => r[1]),
    ['0', '0', '–', '–']);
});

// ---- platelets by week ----------------------------------------------------------------------

test('platelets by week: week, patients, median, Q1, Q3 as Table 1 writes a median [IQR]', () => {
  const en = plateletsByWeekTable(report, 'en');
  assert.equal(en.title, 'Platelet counts by week since D0');
  assert.equal(en.caption, '3 weeks with at least one count.');
  assert.deepEqual(en.columns.map((c) => c.label),
    ['Week', 'Patients, n', 'Median (G/L)', 'Q1 (G/L)', 'Q3 (G/L)']);
  // Q1 and Q3 share their decimals: 8.5 and 18 → 8.5, 18.0; 15.25, 25.75 → 15.3, 25.8 (half up).
  assert.deepEqual(cellsOf(en), [
    ['0', '3', '12', '8.5', '18.0'],
    ['1', '2', '20.5', '15.3', '25.8'],
    ['3', '1', '150', '150', '150'],
  ]);
  assert.match(en.footnotes[0], /^Week w: days 7w to 7w \+ 6 from D0\. Each patient counts once a week/);
  assert.match(en.footnotes[1], /type 7/);
  assert.deepEqual(cellsOf(plateletsByWeekTable(report, 'fr'))[0], ['0', '3', '12', '8,5', '18,0']);
  assert.equal(plateletsByWeekTable({ ...report, platelets_by_week: undefined }, 'en'), null);
  // CSV: the cells as shown, French with ";" and decimal commas kept as text.
  assert.equal(tableToCsv(en, 'en'), '\uFEFFWeek,"Patients, n",Median (G/L),Q1 (G/L),Q3 (G/L)\r\n'
    + '0,3,12,8.5,18.0\r\n1,2,20.5,15.3,25.8\r\n3,1,150,150,150\r\n');
  assert.ok(tableToCsv(plateletsByWeekTable(report, 'fr'), 'fr')
    .includes('\r\n1;2;20,5;15,3;25,8\r\n'));
});

// ---- Table 1 and safety -----------------------------------------------------------------------

test('Table 1: one row per cause of all patients, and the note on several causes', () => {
  const en = table1Table(report, 'en');
  assert.deepEqual(cellsOf(en), [
    ['Secondary ITP', '2 (66.7 %)'],
    ['Cause of secondary ITP'],
    ['SLE', '2 (66.7 %)'],
    ['Sjögren syndrome', '1 (33.3 %)'],
  ]);
  assert.equal(en.footnotes.at(-1), report.footnotes[0], 'the core\'s sentence, word for word');
  assert.equal(table1Table(report, 'fr').footnotes.at(-1), 'Causes du PTI secondaire : 1 patient '
    + 'a plusieurs causes, si bien que les causes sont plus nombreuses que les patients atteints de '
    + 'PTI secondaire ; chaque pourcentage porte sur l’ensemble des patients.');
  const two = { footnotes: ['Causes of secondary ITP: 2 patients have several causes, so …'] };
  assert.match(severalCausesNote(two, 'en'), /^Causes of secondary ITP: 2 patients have several/);
  assert.match(severalCausesNote(two, 'fr'), /^Causes du PTI secondaire : 2 patients ont plusieurs/);
  // Worded otherwise, the core's note is shown as it is rather than lost; no note, no footnote.
  const odd = { footnotes: ['Causes of secondary ITP: counted per patient.'] };
  assert.equal(severalCausesNote(odd, 'fr'), 'Causes of secondary ITP: counted per patient.');
  assert.equal(severalCausesNote({ footnotes: ['Other.'] }, 'en'), null);
  assert.equal(table1Table({ ...report, footnotes: [] }, 'en').footnotes.length, 2);
});

test('safety: from D0 on, how many undated events were counted; events before D0 apart', () => {
  const safety = safetyTable(report, 'en');
  assert.equal(safety.caption, '4 adverse events in 3 patients.');
  assert.equal(safety.footnotes[0], 'Adverse events from D0 on. Undated events, counted with '
    + 'them: 1. Events before D0, listed apart: 2.');
  assert.equal(safetyTable(report, 'fr').footnotes[0], 'Effets indésirables à partir de J0. '
    + 'Effets non datés, comptés avec eux : 1. Effets avant J0, listés à part : 2.');

  const before = adverseEventsBeforeD0Table(report, 'en');
  assert.equal(before.title, 'Adverse events before D0');
  assert.equal(before.caption, '2 events, not counted in the safety table.');
  assert.deepEqual(before.columns.map((c) => c.label),
    ['Patient', 'Day', 'Event', 'Category', 'Grade']);
  assert.deepEqual(cellsOf(before), [
    ['P-1', '-5', 'Epistaxis', 'Bleeding', '1'],
    [XSS, '-20', '=HYPERLINK("x")', '–', '–'],
  ]);
  assert.equal(adverseEventsBeforeD0Table(report, 'fr').title, 'Effets indésirables avant J0');
  const none = adverseEventsBeforeD0Table({ safety: { before_d0: [] } }, 'fr');
  assert.deepEqual([none.caption, none.rows.length], ['Aucun.', 0]);
  assert.equal(adverseEventsBeforeD0Table({ safety: {} }, 'en'), null);
  // Exported, a formula from the file is guarded and the markup stays text.
  const csv = tableToCsv(before, 'en');
  assert.ok(csv.includes(`\r\n${XSS},-20,"'=HYPERLINK(""x"")",–,–\r\n`), csv);
});

// ---- per patient ------------------------------------------------------------------------------

test('per-patient table: loss of CR when looked for, RFS and OS or why they are missing', () => {
  const table = patientTable(report.patients, 'en');
  assert.deepEqual(table.columns.map((c) => c.label), ['Patient', 'Category', 'Reason',
    'Baseline platelets (G/L)', 'Time to response (days)', 'Loss of response', 'Loss of CR',
    'RFS (days)', 'OS (days)'], 'P-1 lost their CR: the column shows');
  assert.deepEqual(table.rows.map((r) => [r.cells.patient, r.cells.loss_cr, r.cells.rfs,
    r.cells.os]), [
    ['P-1', 'day 70: count of 90 on day 70', '43 (loss of response)', '400 (censored)'],
    ['P-2', '–', 'not computed: no first response day', 'not computed: no follow-up date'],
    [XSS, '–', '–', '100 (death)'],
  ]);
  assert.equal(table.rows[0].cells.loss, 'day 92: count of 20 on day 92');
  const fr = patientTable(report.patients, 'fr');
  assert.deepEqual([fr.rows[1].cells.rfs, fr.rows[1].cells.os, fr.rows[0].cells.loss_cr],
    ['non calculée : no first response day', 'non calculée : no follow-up date',
      'J70 : count of 90 on day 70']);
  assert.equal(fr.columns[6].label, 'Perte de la RC');

  // No loss of CR anywhere: the column only when the criteria look for one.
  const kept = report.patients.map((p) => ({ ...p, loss_of_complete_response: null }));
  assert.ok(!patientTable(kept, 'en').columns.some((c) => c.key === 'loss_cr'));
  const looked = { loss: { cr_lost_below: { value: 100, inclusive: false } } };
  assert.deepEqual(patientTable(kept, 'en', looked).rows.map((r) => r.cells.loss_cr),
    ['–', '–', '–']);
});

test('a patient\'s counts: bleeding, set aside for a lower count the same day, confirmed level', () => {
  const audit = patientAudit(report.patients[0], 'en');
  assert.deepEqual(audit.columns.map((c) => c.label), ['Day', 'Platelets (G/L)', 'Bleeding',
    'Credited', 'Level', 'Confirmed response', 'In the window', 'File, row']);
  assert.deepEqual(cellsOf(audit), [
    ['0', '12', 'yes', 'yes', 'none', 'none', 'no', 'platelets.csv, row 2'],
    ['49', '150', 'no', 'set aside: a lower count of the same day stands for the day', 'CR', 'CR',
      'yes', 'platelets.csv, row 3'],
    ['49', '120', 'no', 'yes', 'CR', 'CR', 'yes', 'platelets.csv, row 4'],
    ['56', '90', 'no', 'yes', 'R', 'none', 'yes', 'platelets.csv, row 5'],
  ]);
  assert.deepEqual(audit.footnotes.slice(0, 2), ['Loss of response on day 92: count of 20 on day 92',
    'Loss of CR on day 70: count of 90 on day 70']);
  assert.match(audit.footnotes.at(-1), /^Confirmed response: the level of the confirmed response/);

  // P-2: no bleeding and every count at its confirmed level: neither column; why RFS, OS are not.
  const p2 = patientAudit(report.patients[1], 'en');
  assert.deepEqual(p2.columns.map((c) => c.key),
    ['day', 'platelets', 'credited', 'level', 'in_window', 'source']);
  assert.deepEqual(p2.footnotes.slice(0, 2),
    ['RFS not computed: no first response day', 'OS not computed: no follow-up date']);
  const fr = patientAudit(report.patients[0], 'fr');
  assert.deepEqual(cellsOf(fr)[1].slice(2, 6), ['non',
    'écartée : une numération plus basse du même jour vaut pour le jour', 'RC', 'RC']);
  assert.equal(fr.footnotes[1], 'Perte de la RC à J70 : count of 90 on day 70');
  assert.equal(patientAudit(report.patients[1], 'fr').footnotes[1],
    'SG non calculée : no follow-up date');
});

// ---- shown in a page, and in the printable report ---------------------------------------------

test('in jsdom: the new tables as text, the patient id with markup never an element', () => {
  const { document } = new JSDOM('<!doctype html><body></body>').window;
  for (const model of reportTables(report, 'en').filter((m) => m.id !== 'patients')) {
    document.body.append(renderTable(document, model, 'en'));
  }
  document.body.append(renderPatientTable(document, report.patients, 'en', () => {},
    report.criteria));
  assert.equal(document.querySelectorAll('img').length, 0);
  const table = (id) => document.querySelector(`table[data-table="${id}"]`);
  const row = (id, i) => [...table(id).tBodies[0].rows[i].cells].map((c) => c.textContent);
  assert.deepEqual(row('response_by_treatment', 1),
    ['Neither background nor concomitant treatment', '1/2 (50.0 %)', '1/1 (100.0 %)', 'p = 1.0']);
  assert.deepEqual(row('platelets_by_week', 1), ['1', '2', '20.5', '15.3', '25.8']);
  assert.deepEqual(row('cr_without_other_treatment', 3), ['Patients', `P-1, ${XSS}`]);
  assert.deepEqual(row('adverse_events_before_d0', 1), [XSS, '-20', '=HYPERLINK("x")', '–', '–']);
  assert.equal(table('safety').tFoot.textContent.includes('Undated events, counted with them: 1.'),
    true);
  const patients = document.querySelectorAll('table[data-table="patients"] tbody tr');
  assert.deepEqual([...patients[1].cells].slice(-2).map((c) => c.textContent),
    ['not computed: no first response day', 'not computed: no follow-up date']);
  assert.equal(patients[2].querySelector('button').textContent, XSS);
});

test('printable report: the new tables, and a figure that carries its title not captioned twice', () => {
  const titled = '<svg xmlns="http://www.w3.org/2000/svg" data-title-shown="true" viewBox="0 0 10 10">'
    + '<text>Platelet counts by week since D0: median and IQR</text></svg>';
  const plain = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="1" height="1"/></svg>';
  const html = buildPrintableReport(report, { lang: 'en',
    figures: { plateletsByWeek: titled, response: plain },
    captions: { plateletsByWeek: 'Platelet counts by week since D0: median and IQR',
      response: 'Response at the landmark' } });
  for (const id of ['response_neither', 'cr_without_other_treatment', 'platelets_by_week',
    'adverse_events_before_d0']) {
    assert.ok(html.includes(`<table id="table-${id}">`), id);
  }
  assert.ok(html.includes('<th scope="row">Neither background nor concomitant treatment</th>'
    + '<td class="num">1/2 (50.0 %)</td><td class="num">1/1 (100.0 %)</td><td class="num">p = 1.0</td>'));
  assert.ok(html.includes('<th scope="row" class="num">1</th><td class="num">2</td>'
    + '<td class="num">20.5</td><td class="num">15.3</td><td class="num">25.8</td>'));
  assert.ok(html.includes('<td class="num">3.0; 10.3</td>'));
  assert.ok(html.includes(`<figure aria-label="Platelet counts by week since D0: median and IQR">${titled}</figure>`));
  assert.ok(html.includes(`<figure><figcaption>Response at the landmark</figcaption>${plain}</figure>`));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.doesNotMatch(html, /<img|<script/i);
  // The note on several causes is Table 1's footnote, not repeated among the notes.
  assert.doesNotMatch(html, /<section id="notes">/);
  const fr = buildPrintableReport(report, { lang: 'fr' });
  assert.ok(fr.includes('<th scope="row">Ni traitement de fond ni concomitant</th>'));
  assert.ok(fr.includes('Causes du PTI secondaire : 1 patient a plusieurs causes'));
  assert.doesNotMatch(fr, /<section id="notes">/, 'the English note is covered by the French one');
});
