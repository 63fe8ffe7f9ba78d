// Issue 6: the cohort report's tables (web/page/tables/report-tables.js) against the example
// cohort's real core answer, their rendering as accessible tables (web/page/tables/render-table.js),
// CSV export (web/page/tables/csv.js) and the printable report (web/page/cohort/printable-report.js),
// with hostile values from a file.
//
// The DOM is a minimal fake written here: it has no innerHTML and no style, so a renderer that
// reached for either fails. When jsdom is installed the same tables are also checked in it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import {
  BOM, csvOptionsFor, guardFormula, tableModelRows, tableToCsv, toCsv,
} from '../../web/page/tables/csv.js';
import { hasText } from '../../web/page/i18n/index.js';
import {
  buildPrintableReport, criteriaParameters, escapeHtml, plainSvg,
} from '../../web/page/cohort/printable-report.js';
import {
  patientAudit, patientTable, patientTreatments,
} from '../../web/page/tables/patient-tables.js';
import { formatEstimate, formatSummary } from '../../web/page/format.js';
import {
  byTreatmentTable, followUpTable, infusionsTable, laterResponseTable, outsideDenominatorTable,
  priorTreatmentsTable, reportTables, responseTable, rfsAtRiskTable, safetyTable,
  survivalSummaryTable, table1Table, timeToResponseTable,
} from '../../web/page/tables/report-tables.js';
import { survivalGroupsTable } from '../../web/page/tables/survival-tables.js';
import { renderPatientTable, renderTable } from '../../web/page/tables/render-table.js';

// The core's answers the tables are built from, made now by the CLI (build/release, or ITP_CLI).
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
const answer = (...args) => JSON.parse(execFileSync(cli, args,
  { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 }));
const cohort = answer('cohort', '--data', 'examples/cohort/en');
const aml = answer('survival', '--input', 'examples/aml.csv', '--time', 'time', '--event',
  'status', '--group', 'x', '--times', '12,24');

/** The text of the cell in column `key` of the row whose first cell is `label`. */
function cellOf(model, label, key = model.columns[1].key) {
  const first = model.columns[0].key;
  const row = model.rows.find((r) => r.cells[first] === label);
  assert.ok(row, `no row "${label}" in ${model.id}: ${model.rows.map((r) => r.cells[first]).join(' | ')}`);
  return row.cells[key];
}

// ---- table models against the example cohort -----------------------------------------------

test('Table 1 as the seed paper prints it', () => {
  const table = table1Table(cohort, 'en');
  assert.equal(table.columns[1].label, 'Patients (N = 26)');
  assert.equal(cellOf(table, 'Age (years)'), '68 [41.0–72.8] (21–88)');
  assert.equal(cellOf(table, 'Male'), '15 (57.7 %)');
  assert.equal(cellOf(table, 'Female'), '11 (42.3 %)');
  assert.equal(cellOf(table, 'ITP duration (months)'), '76 [23.8–140.5] (1–594)');
  assert.equal(cellOf(table, 'Secondary ITP'), '11 (42.3 %)');
  // One row per cause, of all 26 patients (one patient has two causes: a footnote says so).
  assert.equal(cellOf(table, 'Evans syndrome'), '6 (23.1 %)');
  assert.ok(table.footnotes.includes('Causes of secondary ITP: 1 patient has several causes, so '
    + 'the causes add up to more than the patients with secondary ITP; each percent is of all '
    + 'patients.'));
  assert.equal(cellOf(table, 'Corticosteroid-refractory'), '17 (65.4 %)');
  assert.equal(cellOf(table, 'Baseline platelets (G/L)'), '14 [7.0–51.8] (2–294)');
  // Splenectomy counts as a line of the treatment history (docs/decisions.md).
  assert.equal(cellOf(table, 'Prior lines (excluding corticosteroids and IVIg)'), '6 [4–7] (2–11)');
  const sex = table.rows.find((r) => r.cells.label === 'Sex');
  assert.equal(sex.heading, true);
  assert.equal(table.rows.find((r) => r.cells.label === 'Male').indent, true);
  assert.match(table.footnotes[0], /type 7/);

  const fr = table1Table(cohort, 'fr');
  assert.equal(cellOf(fr, 'Âge (années)'), '68 [41,0–72,8] (21–88)');
  assert.equal(cellOf(fr, 'Homme'), '15 (57,7 %)');
  assert.equal(cellOf(fr, 'Evans syndrome'), '6 (23,1 %)', 'a value of the file is not translated');
});

test('summaries: decimals shared within the IQR and within the range; n when some are missing', () => {
  const row = { n: 24, median: 19.0225872689938, q1: 12.3285420944559, q3: 26.2833675564682,
    min: 0.68993839835729, max: 49.2813141683778 };
  assert.equal(formatSummary(row, 'en'), '19.0 [12.3–26.3] (0.7–49.3)');
  assert.equal(formatSummary(row, 'en', 26), '19.0 [12.3–26.3] (0.7–49.3), n = 24');
  assert.equal(formatSummary({ n: 0, median: null }, 'en'), '–');
  assert.equal(formatEstimate({ estimate: null, lower: null, upper: null }, 'en'), 'not reached');
  assert.equal(formatEstimate({ estimate: 31, lower: 18, upper: null }, 'en', null),
    '31 (18 to not reached)');
  assert.equal(formatEstimate({ estimate: null, lower: 2.2998, upper: null }, 'fr'),
    'non atteinte (2,3 à non atteinte)');
});

test('response at the landmark: n/N and "52.0 % (31.3–72.2)"; French "52,0 %"', () => {
  const en = responseTable(cohort, 'en');
  assert.equal(en.title, 'Response at day 91');
  assert.equal(en.caption, 'Best response on days 42–105; N = 25 evaluable patients.');
  assert.deepEqual(en.columns.map((c) => c.label), ['Category', 'n/N', '% (95 % CI)']);
  const or = 'Overall response (OR = CR + R)';
  assert.equal(cellOf(en, or, 'n'), '13/25');
  assert.equal(cellOf(en, or, 'rate'), '52.0 % (31.3–72.2)');
  assert.equal(cellOf(en, 'Complete response (CR)', 'n'), '9/25');
  assert.equal(cellOf(en, 'Complete response (CR)', 'rate'), '36.0 % (18.0–57.5)');
  assert.equal(cellOf(en, 'Response (R)', 'rate'), '16.0 % (4.5–36.1)');
  assert.equal(cellOf(en, 'No response (NR)', 'rate'), '48.0 % (27.8–68.7)');
  assert.match(en.footnotes[0], /Clopper-Pearson/);

  const fr = responseTable(cohort, 'fr');
  assert.equal(cellOf(fr, 'Réponse globale (RG = RC + R)', 'n'), '13/25');
  assert.equal(cellOf(fr, 'Réponse globale (RG = RC + R)', 'rate'), '52,0 % (31,3–72,2)');
  assert.equal(fr.columns[2].label, '% (IC 95 %)');
});

test('later landmarks, patients outside the denominator, response by treatment', () => {
  const later = laterResponseTable(cohort, 'en');
  const headings = later.rows.filter((r) => r.heading).map((r) => r.cells.label);
  assert.deepEqual(headings, ['Day 182 (days 168–196)', 'Day 365 (days 351–379)']);
  const day182 = later.rows.slice(1, 7);
  assert.equal(day182[2].cells.n, '10/19');
  // binom.test(10, 19) in R: 28.9 to 75.6 %.
  assert.equal(day182[2].cells.rate, '52.6 % (28.9–75.6)');
  assert.equal(day182[4].cells.n, '4', 'not evaluable at day 182');
  assert.equal(day182[5].cells.n, '3', 'died before the window');
  assert.equal(laterResponseTable({ ...cohort, response: { ...cohort.response, other_landmarks: [] } }, 'en'), null);

  const outside = outsideDenominatorTable(cohort, 'en');
  assert.deepEqual(outside.rows.map((r) => r.cells),
    [{ patient: 'SYN-07', category: 'Excluded', reason: 'died on day 12, before day 91' }]);

  const byTreatment = byTreatmentTable(cohort, 'en');
  const concomitant = byTreatment.rows[0].cells;
  assert.equal(concomitant.label, 'Concomitant treatment (started within 42 days of D0)');
  assert.equal(concomitant.with, '5/9 (55.6 %)');
  assert.equal(concomitant.without, '8/16 (50.0 %)');
  // fisher.test(matrix(c(5, 4, 8, 8), 2)) in R: p = 1.
  assert.equal(concomitant.p, 'p = 1.0');
  assert.equal(byTreatmentTable(cohort, 'fr').rows[0].cells.p, 'p = 1,0');
});

test('prior treatments, infusions, follow-up, time to response', () => {
  const prior = priorTreatmentsTable(cohort, 'en');
  assert.equal(cellOf(prior, 'Prior lines (excluding corticosteroids and IVIg), median [IQR] (min–max)'),
    '6 [4–7] (2–11)');
  assert.equal(cellOf(prior, 'TPO receptor agonists'), '26 (100.0 %)');
  assert.equal(cellOf(prior, 'rituximab'), '24 (92.3 %)');
  assert.equal(cellOf(priorTreatmentsTable(cohort, 'fr'), 'Agonistes du récepteur de la TPO (AR-TPO)'),
    '26 (100,0 %)');
  // Most frequent first within each section.
  const drugs = prior.rows.slice(prior.rows.findIndex((r) => r.cells.label === 'By drug') + 1);
  assert.equal(drugs[0].cells.label, 'human normal immunoglobulin');
  assert.equal(drugs.at(-1).cells.label, 'dexamethasone');

  const infusions = infusionsTable(cohort, 'en');
  assert.equal(cellOf(infusions, 'Infusions, total'), '177');
  assert.equal(cellOf(infusions, 'Infusions per patient, median [IQR] (min–max)'), '6 [6–8] (2–11)');
  assert.equal(cellOf(infusions, 'SC'), '16 (61.5 %)');
  assert.equal(cellOf(infusions, 'SC, 1800 mg'), '104');
  assert.equal(cellOf(infusions, 'IV, 16 mg/kg'), '73');

  const followUp = followUpTable(cohort, 'en');
  assert.equal(cellOf(followUp, 'Median follow-up by reverse Kaplan-Meier, months (95 % CI)'),
    '31.2 (13.4–52.6)');
  // The seed's "14 months [0–73]".
  assert.equal(cellOf(followUp, 'Observed follow-up, months, median [IQR] (min–max)'),
    '14.0 [10.1–45.2] (0.4–73.0)');

  const ttr = timeToResponseTable(cohort, 'en');
  assert.equal(cellOf(ttr, 'Patients with a response at the landmark'), '13');
  assert.equal(cellOf(ttr, 'Median (min–max), days'), '29 (7–87)');
  assert.equal(cellOf(ttr, 'IQR, days'), '14–49');
});

test('RFS and OS: median "not reached", KM estimates at 12 and 24 months with their CI', () => {
  const table = survivalSummaryTable(cohort, 'en');
  assert.deepEqual(table.columns.map((c) => c.label), ['Outcome', 'n', 'Events',
    'Median, months (95 % CI)', 'At 12 months (95 % CI)', 'At 24 months (95 % CI)']);
  const rfs = table.rows[0].cells;
  assert.deepEqual([rfs.n, rfs.events], ['13', '7']);
  assert.equal(rfs.median, '25.0 (2.3 to not reached)');
  // The seed's "60 % at 24 months".
  assert.equal(rfs.at0, '60.6 % (38.7–94.7)');
  assert.equal(rfs.at1, '60.6 % (38.7–94.7)');
  const os = table.rows[1].cells;
  assert.deepEqual([os.n, os.events, os.median], ['26', '6', 'not reached']);
  assert.equal(survivalSummaryTable(cohort, 'fr').rows[0].cells.at0, '60,6 % (38,7–94,7)');
  // No responders: the RFS part is null in the core's answer.
  const none = survivalSummaryTable({ ...cohort, rfs: null }, 'en').rows[0].cells;
  assert.deepEqual([none.n, none.median], ['0', '–']);
  assert.equal(rfsAtRiskTable({ ...cohort, rfs: null }, 'en'), null);

  const risk = rfsAtRiskTable(cohort, 'en');
  assert.deepEqual(risk.rows[0].cells, { time: '0', at_risk: '13', events: '0', censored: '0' });
  assert.equal(risk.rows.length, cohort.report_options.rfs_risk_weeks.length);
});

test('safety: AEs, grade ≥ 3, by category, deaths by cause, lab thresholds', () => {
  const table = safetyTable(cohort, 'en');
  // The seed's safety figures: 16 patients with AEs, 8 infections (5 of grade 3-5),
  // 3 infusion reactions, 6 deaths (2 sepsis, 3 haemorrhagic), gammaglobulins 14 of 25.
  assert.equal(table.caption, '20 adverse events in 26 patients.');
  assert.equal(cellOf(table, 'Any adverse event'), '16 (61.5 %)');
  assert.equal(cellOf(table, 'Grade ≥ 3'), '8 (30.8 %)');
  assert.equal(cellOf(table, 'Serious'), '5 (19.2 %)');
  assert.equal(cellOf(table, 'Infusion reactions'), '3 (11.5 %)');
  assert.equal(cellOf(table, 'Infection'), '8 (30.8 %)');
  assert.equal(cellOf(table, 'Infection', 'grade3'), '5');
  assert.equal(cellOf(table, 'Deaths'), '6 (23.1 %)');
  assert.equal(cellOf(table, 'Sepsis'), '2');
  assert.equal(cellOf(table, 'Haemorrhage'), '3');
  assert.equal(cellOf(table, 'Gammaglobulins < 6 g/L'), '14/25 (56.0 %)');
  assert.equal(cellOf(safetyTable(cohort, 'fr'), 'Polynucléaires neutrophiles < 1,5 G/L'), '3 (11,5 %)');
});

test('per-patient table and one patient\'s audit of counts and treatments', () => {
  const table = patientTable(cohort.patients, 'en');
  assert.equal(table.rows.length, 26);
  const syn04 = table.rows.find((r) => r.cells.patient === 'SYN-04');
  assert.deepEqual(syn04.cells, {
    patient: 'SYN-04', category: 'CR', reason: 'count on day 87 meets CR', baseline: '13',
    time_to_response: '87', loss: 'day 157: eltrombopag started on day 157',
    rfs: '70 (new treatment)', os: '1850 (censored)',
  });
  assert.equal(syn04.patient, cohort.patients[3]);
  assert.equal(table.rows.find((r) => r.cells.patient === 'SYN-15').cells.rfs, '760 (new treatment)');
  assert.equal(patientTable(cohort.patients, 'fr').rows[1].cells.category, 'RC');

  const syn01 = cohort.patients[0];
  const audit = patientAudit(syn01, 'en');
  assert.equal(audit.title, 'Platelet counts of patient SYN-01');
  assert.equal(audit.rows.length, syn01.counts.length);
  // Counts not credited (after Doptelet) lie within no confirmed response: the column shows.
  assert.deepEqual(audit.rows[5].cells, { day: '42', platelets: '30', credited: 'yes',
    level: 'none', confirmed: 'none', in_window: 'yes', source: 'platelets.csv, row 7' });
  const day260 = audit.rows.find((r) => r.cells.day === '260').cells;
  assert.equal(day260.credited, 'no: on or after the start of Doptelet (day 200)');
  assert.equal(day260.level, 'R');
  assert.equal(day260.confirmed, 'none');
  assert.equal(patientAudit(syn01, 'fr').rows[5].cells.source, 'platelets.csv, ligne 7');

  const treatments = patientTreatments(syn01, 'en');
  assert.deepEqual(treatments.rows.at(-1).cells, { drug: 'Doptelet', name: 'avatrombopag',
    class: 'TPO receptor agonists', role: 'subsequent', start: '200', end: '–',
    source: 'treatments.csv, row 10' });
});

test('every table of the report, in both languages, with every label in the dictionary', () => {
  for (const lang of ['en', 'fr']) {
    const tables = reportTables(cohort, lang);
    assert.deepEqual(tables.map((x) => x.id), ['table1', 'prior_treatments', 'infusions',
      'follow_up', 'response', 'later_response', 'outside_denominator', 'response_by_treatment',
      'response_neither', 'cr_without_other_treatment', 'time_to_response', 'platelets_by_week',
      'response_incidence', 'survival', 'rfs_at_risk', 'safety', 'adverse_events_before_d0', 'patients']);
    for (const table of tables) {
      assert.ok(table.title && !/^[a-z]+(\.[A-Za-z0-9_?-]+)+$/.test(table.title), table.title);
      for (const column of table.columns) {
        assert.ok(column.label && !hasText(column.label), `${table.id}: label ${column.label}`);
      }
      for (const row of table.rows) {
        for (const text of Object.values(row.cells)) {
          assert.equal(typeof text, 'string');
          assert.doesNotMatch(text, /\{[a-z]+\}|undefined|NaN/, `${table.id}: ${text}`);
        }
      }
    }
  }
});

test('the survival calculator\'s table: groups, medians, the log-rank test', () => {
  const en = survivalGroupsTable(aml.survival, 'en');
  assert.deepEqual(en.rows.map((r) => r.cells), [
    { group: 'Maintained', n: '11', events: '7', median: '31 (18 to not reached)' },
    { group: 'Nonmaintained', n: '12', events: '11', median: '23 (8 to not reached)' },
  ]);
  assert.equal(en.caption, 'Log-rank test: χ² = 3.40, df = 1, p = 0.065');
  assert.equal(survivalGroupsTable(aml.survival, 'fr').caption,
    'Test du log-rank : χ² = 3,40 ; ddl = 1 ; p = 0,065');
});

// ---- rendering with a minimal DOM -----------------------------------------------------------

class FakeText {
  constructor(text) { this.nodeType = 3; this.data = String(text); }
  get textContent() { return this.data; }
}

class FakeElement {
  constructor(tag) {
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.childNodes = [];
    this.attributes = new Map();
    this.listeners = new Map();
    this.className = '';
  }
  get children() { return this.childNodes.filter((n) => n.nodeType === 1); }
  get textContent() { return this.childNodes.map((n) => n.textContent).join(''); }
  set textContent(text) { this.childNodes = [new FakeText(text)]; }
  set innerHTML(_) { throw new Error('innerHTML must not be used'); }
  get innerHTML() { throw new Error('innerHTML must not be used'); }
  get style() { throw new Error('inline styles are forbidden by the CSP'); }
  append(...nodes) {
    for (const n of nodes) this.childNodes.push(typeof n === 'string' ? new FakeText(n) : n);
  }
  setAttribute(name, value) {
    if (name === 'style' || /^on/i.test(name)) throw new Error(`attribute ${name} is forbidden`);
    this.attributes.set(name, String(value));
  }
  getAttribute(name) { return this.attributes.get(name) ?? null; }
  addEventListener(type, listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  click() { for (const l of this.listeners.get('click') ?? []) l({ type: 'click', target: this }); }
  /** Descendants with this tag name, in document order. */
  all(tag) {
    const found = [];
    const walk = (node) => {
      for (const child of node.children) {
        if (child.tagName === tag.toUpperCase()) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }
}

const fakeDocument = { createElement: (tag) => new FakeElement(tag) };

test('renderTable: caption, column and row headers with scope, numeric cells by class', () => {
  const model = responseTable(cohort, 'en');
  const table = renderTable(fakeDocument, model, 'en');
  assert.equal(table.tagName, 'TABLE');
  assert.equal(table.getAttribute('lang'), 'en');
  assert.equal(table.className, 'report-table');
  const caption = table.all('caption')[0];
  assert.equal(caption.textContent, 'Response at day 91 Best response on days 42–105; N = 25 evaluable patients.');
  const heads = table.all('thead')[0].all('th');
  assert.deepEqual(heads.map((th) => th.textContent), ['Category', 'n/N', '% (95 % CI)']);
  assert.ok(heads.every((th) => th.getAttribute('scope') === 'col'));
  assert.deepEqual(heads.map((th) => th.className), ['', 'num', 'num']);
  const bodyRows = table.all('tbody')[0].all('tr');
  assert.equal(bodyRows.length, 4);
  const orRow = bodyRows[2];
  assert.equal(orRow.children[0].tagName, 'TH');
  assert.equal(orRow.children[0].getAttribute('scope'), 'row');
  assert.equal(orRow.children[0].textContent, 'Overall response (OR = CR + R)');
  assert.deepEqual(orRow.children.slice(1).map((td) => [td.tagName, td.className, td.textContent]),
    [['TD', 'num', '13/25'], ['TD', 'num', '52.0 % (31.3–72.2)']]);
  const notes = table.all('tfoot')[0].all('p');
  assert.equal(notes.length, 1);
  assert.match(notes[0].textContent, /Clopper-Pearson/);
});

test('renderTable: section headings span the row; text from a file stays text', () => {
  const table = renderTable(fakeDocument, table1Table(cohort, 'fr'), 'fr');
  const rows = table.all('tbody')[0].all('tr');
  const sex = rows.find((tr) => tr.children[0].textContent === 'Sexe');
  assert.equal(sex.className, 'section');
  assert.equal(sex.children.length, 1);
  assert.equal(sex.children[0].getAttribute('scope'), 'rowgroup');
  assert.equal(sex.children[0].getAttribute('colspan'), '2');
  assert.equal(rows.find((tr) => tr.children[0].textContent === 'Homme').className, 'indent');

  const hostile = {
    id: 'x', title: '<b>title</b>', caption: '', footnotes: ['<i>note</i>'],
    columns: [{ key: 'a', label: '<th>' }, { key: 'b', label: 'b', numeric: true }],
    rows: [{ cells: { a: '<img src=x onerror=alert(1)>', b: '<script>alert(1)</script>' } }],
  };
  const rendered = renderTable(fakeDocument, hostile, 'en');
  const cells = rendered.all('tbody')[0].all('tr')[0].children;
  assert.equal(cells[0].textContent, '<img src=x onerror=alert(1)>');
  assert.equal(cells[0].children.length, 0, 'no element made from the value');
  assert.equal(cells[1].textContent, '<script>alert(1)</script>');
  assert.equal(rendered.all('img').length + rendered.all('script').length + rendered.all('b').length, 0);
});

test('renderPatientTable: a button per patient that calls onSelect with that patient', () => {
  const selected = [];
  const table = renderPatientTable(fakeDocument, cohort.patients, 'en', (p) => selected.push(p));
  const buttons = table.all('button');
  assert.equal(buttons.length, 26);
  const third = buttons[2];
  assert.equal(third.getAttribute('type'), 'button', 'not a submit button');
  assert.equal(third.textContent, 'SYN-03');
  assert.equal(third.getAttribute('aria-label'), 'Details of patient SYN-03');
  assert.equal(third.className, 'patient-link');
  const th = table.all('tbody')[0].all('tr')[2].children[0];
  assert.equal(th.tagName, 'TH');
  assert.equal(th.getAttribute('scope'), 'row');
  third.click();
  assert.deepEqual(selected, [cohort.patients[2]]);
  assert.equal(renderPatientTable(fakeDocument, cohort.patients, 'fr', () => {}).all('button')[0]
    .getAttribute('aria-label'), 'Détails du patient SYN-01');
});

test('the same tables in jsdom', async () => {
  // jsdom is a devDependency that scripts/setup installs: its absence fails, never skips.
  const { JSDOM } = await import('jsdom');
  const { document } = new JSDOM('<!doctype html><body></body>').window;
  const patients = structuredClone(cohort.patients);
  patients[0].patient_id = '<img src=x onerror=alert(1)>';
  let selected = null;
  const table = renderPatientTable(document, patients, 'en', (p) => { selected = p; });
  document.body.append(table);
  assert.equal(document.querySelectorAll('img').length, 0);
  assert.match(table.outerHTML, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.equal(document.querySelectorAll('th[scope="col"]').length, 8, 'OS added');
  assert.equal(document.querySelectorAll('tbody th[scope="row"] > button[type="button"]').length, 26);
  document.querySelector('tbody button').click();
  assert.equal(selected, patients[0]);
  const response = renderTable(document, responseTable(cohort, 'fr'), 'fr');
  assert.equal(response.caption.textContent.startsWith('Réponse à J91'), true);
  assert.equal(response.tBodies[0].rows[2].cells[2].textContent, '52,0 % (31,3–72,2)');
  assert.equal(response.querySelectorAll('td.num').length, 8);
});

// ---- CSV ------------------------------------------------------------------------------------

/** An RFC 4180 reader, to read back what toCsv wrote. */
function parseCsv(text, delimiter) {
  assert.ok(text.startsWith(BOM));
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else cell += c;
  }
  assert.equal(cell, '', 'the last row ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

test('CSV: RFC 4180 quoting, CRLF, BOM; reads back to the same cells', () => {
  const rows = [
    ['id', 'note', 'value'],
    ['SYN-01', 'says "hi", twice', 'Sjögren'],
    ['a;b', 'line one\nline two', ''],
    ['cr\rinside', '  spaced  ', 'x'],
  ];
  const text = toCsv(rows);
  assert.ok(text.startsWith('\uFEFFid,note,value\r\n'));
  assert.ok(text.includes('"says ""hi"", twice"'));
  assert.ok(text.endsWith('\r\n'));
  assert.deepEqual(parseCsv(text, ','), rows);
  assert.deepEqual(parseCsv(toCsv(rows, { delimiter: ';' }), ';'), rows);
  assert.ok(toCsv(rows, { delimiter: ';' }).includes('"a;b"'));
  assert.equal(toCsv([['x']], { bom: false }), 'x\r\n');
  assert.throws(() => toCsv([['x']], { delimiter: '"' }));
});

test('CSV: numbers with a decimal comma for French Excel; null and NaN are empty', () => {
  const rows = [[0.5, -3.25, 12, null, undefined, Number.NaN, '0.5 as text']];
  assert.equal(toCsv(rows, { bom: false }), '0.5,-3.25,12,,,,0.5 as text\r\n');
  assert.equal(toCsv(rows, { delimiter: ';', decimalComma: true, bom: false }),
    '0,5;-3,25;12;;;;0.5 as text\r\n');
  // With ',' as the delimiter too, a decimal comma is quoted rather than splitting the cell.
  assert.equal(toCsv([[1.5, 2]], { decimalComma: true, bom: false }), '"1,5",2\r\n');
  assert.deepEqual(csvOptionsFor('fr'), { delimiter: ';', decimalComma: true });
  assert.deepEqual(csvOptionsFor('en'), { delimiter: ',', decimalComma: false });
});

test('CSV: formula injection guarded with an apostrophe, numbers left alone', () => {
  assert.equal(guardFormula('=HYPERLINK("http://evil","x")'), '\'=HYPERLINK("http://evil","x")');
  assert.equal(guardFormula('+1+1'), "'+1+1");
  assert.equal(guardFormula('-2+3+cmd|\' /C calc\'!A0'), "'-2+3+cmd|' /C calc'!A0");
  assert.equal(guardFormula('@SUM(A1:A2)'), "'@SUM(A1:A2)");
  assert.equal(guardFormula('\t=1'), "'\t=1");
  assert.equal(guardFormula('-3'), '-3');
  assert.equal(guardFormula('-3.5'), '-3.5');
  assert.equal(guardFormula('-3,5'), '-3,5');
  assert.equal(guardFormula('+33'), '+33');
  assert.equal(guardFormula('–'), '–', 'the en dash of an empty cell is not a minus');
  assert.equal(guardFormula('SYN-01'), 'SYN-01');
  const text = toCsv([['=1+1', -3, '-3', '@x', 'a=b']], { bom: false });
  assert.equal(text, "'=1+1,-3,-3,'@x,a=b\r\n");
  assert.equal(toCsv([['=1+1']], { bom: false, guardFormulas: false }), '=1+1\r\n');
  // The guard and the quoting together: read back, the cell is the guarded text.
  const tricky = ['=cmd,"x"'];
  assert.deepEqual(parseCsv(toCsv([tricky]), ','), [["'=cmd,\"x\""]]);
});

test('CSV of a table model: labels, cells as shown, French dialect', () => {
  const model = responseTable(cohort, 'fr');
  const rows = parseCsv(tableToCsv(model, 'fr'), ';');
  assert.deepEqual(rows, tableModelRows(model));
  assert.deepEqual(rows[0], ['Catégorie', 'n/N', '% (IC 95 %)']);
  assert.deepEqual(rows[3], ['Réponse globale (RG = RC + R)', '13/25', '52,0 % (31,3–72,2)']);
  const patients = structuredClone(cohort.patients);
  patients[0].patient_id = '=HYPERLINK("http://evil")';
  const csv = parseCsv(tableToCsv(patientTable(patients, 'en'), 'en'), ',');
  assert.equal(csv[1][0], '\'=HYPERLINK("http://evil")');
  assert.equal(csv.length, 27);
});

// ---- the printable report -------------------------------------------------------------------

test('escapeHtml: markup and quotes become entities', () => {
  assert.equal(escapeHtml('<script>alert("x")</script>'),
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  assert.equal(escapeHtml('<img src=x onerror=\'alert(1)\'>'),
    '&lt;img src=x onerror=&#39;alert(1)&#39;&gt;');
  assert.equal(escapeHtml('a & b'), 'a &amp; b');
  assert.equal(escapeHtml('&lt;'), '&amp;lt;', 'escaped once more, not decoded');
  assert.equal(escapeHtml(null), '');
  assert.equal(escapeHtml(42), '42');
});

test('plainSvg: a drawing is kept, anything active is refused', () => {
  const ok = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>a &lt; b onset=1</text></svg>';
  assert.equal(plainSvg(ok), ok);
  assert.equal(plainSvg(`<?xml version="1.0"?>\n${ok}`), ok);
  assert.equal(plainSvg('<svg><script>alert(1)</script></svg>'), null);
  assert.equal(plainSvg('<svg><rect onclick="alert(1)"/></svg>'), null);
  assert.equal(plainSvg('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'), null);
  assert.equal(plainSvg('<svg><foreignObject><div/></foreignObject></svg>'), null);
  assert.equal(plainSvg('<div>not svg</div>'), null);
  assert.equal(plainSvg(undefined), null);
});

test('printable report: criteria, every table, figures, notes, warnings, A4 page breaks', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
  const html = buildPrintableReport(cohort, {
    lang: 'en', figures: { rfs: svg, bad: '<svg><script>alert(1)</script></svg>' },
    generatedAt: new Date(Date.UTC(2026, 2, 1, 9, 30)),
  });
  assert.ok(html.startsWith('<!doctype html>\n<html lang="en">'));
  assert.ok(html.trimEnd().endsWith('</html>'));
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
  assert.match(html, /@page \{ size: A4;/);
  assert.match(html, /section \+ section \{ break-before: page; \}/);
  assert.match(html, /Generated on 1 March 2026/);
  // The criteria: name, label, parameters as a list and as JSON.
  assert.ok(html.includes('<dd>seed-2026</dd>'));
  assert.ok(html.includes('<dd>Seed study 2026 (daratumumab in refractory ITP)</dd>'));
  assert.ok(html.includes('<dt>Landmark (day)</dt><dd>91</dd>'));
  assert.ok(html.includes('&quot;exclude_death_before_day&quot;: 91'));
  // Every table, with its numbers.
  for (const id of reportTables(cohort, 'en').map((x) => x.id)) {
    assert.ok(html.includes(`<table id="table-${id}">`), id);
  }
  assert.ok(html.includes('<td class="num">68 [41.0–72.8] (21–88)</td>'));
  assert.ok(html.includes('<td class="num">52.0 % (31.3–72.2)</td>'));
  // Figures: the drawing in, the one with a script out; the report has no script at all.
  assert.ok(html.includes(`<figure><figcaption>Relapse-free survival among responders</figcaption>${svg}</figure>`));
  assert.match(html, /Figure &quot;bad&quot; left out/);
  assert.doesNotMatch(html, /<script/i);
  // Footnotes under the tables; the core's, already shown there, not repeated as notes.
  assert.ok(html.includes('<p class="footnote">Response rates with Clopper-Pearson exact confidence intervals;'));
  assert.doesNotMatch(html, /<section id="notes">/);
  assert.ok(html.includes('<h2>Warnings: 1</h2>'));
  assert.ok(html.includes('4 values in column &quot;value&quot; converted from g/dL to the analysis unit (labs.csv, column value)'));

  const withExtraNote = buildPrintableReport({ ...cohort, footnotes: [...cohort.footnotes, 'A new note.'] });
  assert.match(withExtraNote, /<section id="notes"><h2>Notes of the analysis<\/h2><ol><li>A new note.<\/li><\/ol>/);
});

test('printable report in French, with the appendix of counts', () => {
  const html = buildPrintableReport(cohort, { lang: 'fr', includeAudit: true });
  assert.ok(html.startsWith('<!doctype html>\n<html lang="fr">'));
  assert.ok(html.includes('<td class="num">52,0 % (31,3–72,2)</td>'));
  assert.ok(html.includes('<h2>Critères utilisés</h2>'));
  assert.ok(html.includes('<h2>Avertissements : 1</h2>'));
  assert.doesNotMatch(html, /Generated on|Produit le/, 'no date unless given');
  assert.doesNotMatch(html, /<section id="notes">/, 'the core\'s English notes are the French footnotes');
  assert.ok(html.includes('Numérations plaquettaires du patient SYN-26'));
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'element ids are unique');
  assert.deepEqual(criteriaParameters(cohort.criteria, 'fr').find(([k]) => k === 'Traitements de secours'),
    ['Traitements de secours', 'IgIV; Transfusion de plaquettes']);
});

test('printable report: hostile values from a file are escaped, never markup', () => {
  const hostile = structuredClone(cohort);
  const script = '<script>alert(1)</script>';
  const img = '<img src=x onerror=alert(1)>';
  hostile.patients[0].patient_id = script;
  hostile.patients[6].patient_id = img;  // SYN-07, the excluded patient
  hostile.response.excluded[0].patient_id = img;
  hostile.patients[0].counts[0].file = '"><svg onload=alert(1)>';
  hostile.table1[5].level = '<b onmouseover=alert(1)>CLL</b>';
  hostile.criteria.label = '</title><script>alert(2)</script>';
  hostile.warnings.push({ code: 'x', message: '<iframe src=javascript:alert(3)>', file: null, row: 2, column: null });
  const html = buildPrintableReport(hostile, { lang: 'en', includeAudit: true });
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('&lt;b onmouseover=alert(1)&gt;CLL&lt;/b&gt;'));
  assert.ok(html.includes('&quot;&gt;&lt;svg onload=alert(1)&gt;, row 2'));
  assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;iframe src=javascript:alert(3)&gt;'));
  assert.doesNotMatch(html, /<script|<img|<iframe|<b |<svg onload/i);
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, 'no tag with an event handler');
  assert.equal((html.match(/<title>/g) ?? []).length, 1);
});
