// The ITP cohort mode of the page (main thread), in three steps (docs/design.md §6):
//   load    files dropped or picked (CSV, TSV, XLSX; several at once), or the example cohort;
//   check   how each table and column was read (the core's import_cohort), with a menu per
//           column to change it, the problems found with their cells, the date order, missing
//           codes, and the response criteria with their parameters (editable, exportable);
//   results the core's cohort report as tables (CSV), figures (SVG, PNG), a per-patient table
//           whose rows open the counts that decided the category, the JSON and a printable report.
// Every number comes from the core; this file only asks and shows.
import {
  drawKaplanMeier, drawPlateletsByWeek, drawPlateletTrajectories, drawResponseBars, drawSwimmer,
  svgToString,
} from '../figures/index.js';
import { tableToCsv } from '../tables/csv.js';
import { t, tOr } from '../i18n/index.js';
import { busy, downloadText, el, figureExports, problemsTable, say } from '../page-kit.js';
import { buildPrintableReport } from './printable-report.js';
import { patientAudit, patientTreatments } from '../tables/patient-tables.js';
import { plateletsByWeekTable, reportTables } from '../tables/report-tables.js';
import { renderPatientTable, renderTable } from '../tables/render-table.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

// The example cohort's English files (examples/cohort/en, copied into dist/ by scripts/build).
const EXAMPLE_FILES = ['patients', 'platelets', 'infusions', 'treatments', 'adverse_events', 'labs']
  .map((name) => `examples/cohort/en/${name}.csv`);

/** Each figure's title (an i18n id), by its name in figureDrawers. */
const FIGURE_TITLES = Object.freeze({ rfs: 'figure.rfs', os: 'figure.os',
  trajectories: 'figure.trajectories', plateletsByWeek: 'figure.plateletsByWeek',
  response: 'figure.responseBars', swimmer: 'figure.swimmer' });
/** Weeks with fewer patients are a point of the platelets-by-week figure, not its line. */
const MIN_PATIENTS_A_WEEK = 3;

/**
 * @param {{client: import('../core-client.js').CoreClient, lang: () => string,
 *   describeFailure: (e: unknown) => string}} page
 */
export function createCohortPage({ client, lang, describeFailure }) {
  /** Files as given, kept to load them again into a restarted worker. */
  const files = new Map();  // file name -> {source: File | ArrayBuffer, loaded: LoadedFile}
  const state = {
    mapping: {},
    roles: {},  // table name -> role, for tables the core could not place
    criteria: /** @type {object | null} */ (null),
    presets: /** @type {object[]} */ ([]),
    imported: /** @type {any} */ (null),
    result: /** @type {any} */ (null),
  };

  // ---- steps ---------------------------------------------------------------------------------

  function showStep(step) {
    for (const name of ['load', 'check', 'results']) {
      $(`step-${name}`).hidden = name !== step;
      const button = document.querySelector(`.steps button[data-step="${name}"]`);
      if (name === step) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    }
    $(`${step}-heading`).focus();
  }
  for (const button of document.querySelectorAll('.steps button')) {
    button.addEventListener('click', () => showStep(button.getAttribute('data-step')));
  }
  const enableStep = (step, on) => {
    /** @type {HTMLButtonElement} */ (document.querySelector(`.steps button[data-step="${step}"]`))
      .disabled = !on;
  };

  async function guarded(work) {
    try {
      await work();
    } catch (e) {
      say(describeFailure(e), true);
    }
  }

  // ---- load ----------------------------------------------------------------------------------

  const loadedTableNames = () => [...files.values()]
    .flatMap(({ loaded }) => loaded.tables.filter((t1) => t1.result.ok).map((t1) => t1.name));

  async function addFile(source, fileName) {
    // Keep a copy: loadFile transfers an ArrayBuffer to the worker.
    const kept = source instanceof ArrayBuffer ? source.slice(0) : source;
    const loaded = await client.loadFile(source, fileName);
    files.set(fileName, { source: kept, loaded });
  }

  async function addFiles(list) {
    const megabytes = list.reduce((sum, file) => sum + file.size, 0) / 2 ** 20;
    busy(`${t('status.reading', lang())} ${list.map((f) => f.name).join(', ')} `
      + `(${megabytes.toFixed(1)} MB)`);
    for (const file of list) await addFile(file, file.name);
    renderFiles();
    say(t('status.done', lang()));
  }

  function renderFiles() {
    const items = [];
    for (const [fileName, { loaded }] of files) {
      if (!loaded.ok) {
        items.push(el('li', { class: 'error' }, loaded.error?.message ?? fileName));
        continue;
      }
      for (const table of loaded.tables) {
        const r = table.result;
        items.push(r.ok
          ? el('li', {}, `${r.table.file}: ${r.table.rows} × ${r.table.columns.length}`)
          : el('li', { class: 'error' }, r.error.message));
      }
    }
    $('loaded-files').replaceChildren(...items);
    $('files-heading').textContent = t('load.files', lang(), { count: files.size });
    /** @type {HTMLButtonElement} */ ($('to-check')).disabled = loadedTableNames().length === 0;
  }

  $('cohort-files').addEventListener('change', (event) => guarded(async () => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    await addFiles([...(input.files ?? [])]);
    input.value = '';
  }));

  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    guarded(() => addFiles([...(event.dataTransfer?.files ?? [])]));
  });

  $('open-example').addEventListener('click', () => guarded(async () => {
    busy(t('status.loadingExample', lang()));
    for (const url of EXAMPLE_FILES) {
      // Relative URLs: the site may be served from a sub-folder.
      const reply = await fetch(url);
      const name = url.split('/').pop();
      if (!reply.ok) throw new Error(t('error.fetchExample', lang(), { file: name, status: reply.status }));
      await addFile(await reply.arrayBuffer(), name);
    }
    renderFiles();
    await toCheck();
  }));

  $('to-check').addEventListener('click', () => guarded(toCheck));

  // ---- check ---------------------------------------------------------------------------------

  /** The import options the check step sets, sent with import_cohort and cohort alike. */
  function importOptions() {
    const order = /** @type {HTMLInputElement} */ (
      document.querySelector('input[name="date-order"]:checked')).value;
    const codes = /** @type {HTMLInputElement} */ ($('missing-codes')).value
      .split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    const censored = /** @type {HTMLSelectElement} */ ($('censored-values')).value;
    return { tables: loadedTableNames(), date_order: order, missing_codes: codes,
      censored_values: censored, roles: state.roles, mapping: state.mapping };
  }

  async function toCheck() {
    if (state.presets.length === 0) {
      const answer = await client.run({ type: 'presets' });
      state.presets = answer.presets;
      fillPresets();
    }
    await runImport();
    enableStep('check', true);
    showStep('check');
  }

  async function runImport() {
    busy(t('status.computing', lang()));
    const answer = await client.run({ type: 'import_cohort', ...importOptions() });
    if (!answer.ok) {
      state.imported = null;
      $('mapping').replaceChildren(el('p', { class: 'error' }, answer.error.message));
      $('problems').replaceChildren();
      /** @type {HTMLButtonElement} */ ($('analyse')).disabled = true;
      say(answer.error.message, true);
      return;
    }
    state.imported = answer;
    /** @type {HTMLButtonElement} */ ($('analyse')).disabled = false;
    renderImport();
    say(t('status.done', lang()));
  }

  function renderImport() {
    const { cohort, warnings } = state.imported;
    const blocks = cohort.tables.map((table) => mappingTable(table));
    for (const ignored of cohort.ignored_tables) blocks.push(roleChoice(ignored.name));
    $('mapping').replaceChildren(...blocks);
    $('problems').replaceChildren(problemsTable(warnings, lang()));
  }

  /** A table the core could not place: said so, with a menu to give it a role. */
  function roleChoice(name) {
    const select = el('select');
    select.append(new Option('—', ''));
    for (const role of ['patients', 'platelets', 'infusions', 'treatments', 'adverse_events',
      'labs']) select.append(new Option(t(`role.${role}`, lang()), role));
    select.addEventListener('change', () => guarded(async () => {
      if (select.value) state.roles[name] = select.value;
      else delete state.roles[name];
      await runImport();
    }));
    return el('div', {}, el('p', { class: 'error' }, t('load.notRecognised', lang(), { file: name })),
      el('label', {}, el('span', {}, t('check.tableRole', lang(), { table: name })), select));
  }

  /** One table's columns, each with a menu of what it can be used as. */
  function mappingTable(table) {
    const role = tOr(`role.${table.role}`, lang(), table.role);
    const rows = table.columns.map((column) => {
      const select = el('select', { 'aria-label': `${table.name}: ${column.name}` });
      select.append(new Option(t('check.notUsed', lang()), ''));
      for (const canonical of table.canonical_columns) select.append(new Option(canonical, canonical));
      select.value = column.canonical ?? '';
      select.addEventListener('change', () => guarded(async () => {
        state.mapping[table.name] = { ...(state.mapping[table.name] ?? {}),
          [column.name]: select.value === '' ? null : select.value };
        await runImport();
      }));
      return el('tr', {}, el('th', { scope: 'row' }, column.name), el('td', {}, select));
    });
    const set = Object.entries(table.rows.set_aside).map(([why, n]) => `${why}: ${n}`).join(', ');
    return el('table', { class: 'mapping' },
      el('caption', {}, `${table.file} — ${role}: ${table.rows.kept}/${table.rows.read}`
        + (set ? ` (${set})` : '')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('check.column', lang())),
        el('th', { scope: 'col' }, t('check.usedAs', lang())))),
      el('tbody', {}, ...rows));
  }

  for (const input of document.querySelectorAll('input[name="date-order"]')) {
    input.addEventListener('change', () => guarded(runImport));
  }
  $('missing-codes').addEventListener('change', () => guarded(runImport));
  $('censored-values').addEventListener('change', () => guarded(runImport));
  $('back-to-load').addEventListener('click', () => showStep('load'));

  // ---- criteria ------------------------------------------------------------------------------

  function fillPresets() {
    const select = /** @type {HTMLSelectElement} */ ($('preset'));
    select.replaceChildren(...state.presets.map((p) => new Option(p.label || p.name, p.name)));
    select.value = 'seed-2026';
    usePreset('seed-2026');
  }

  function usePreset(name) {
    const preset = state.presets.find((p) => p.name === name);
    state.criteria = structuredClone(preset);
    renderCriteria();
  }

  $('preset').addEventListener('change', (event) =>
    usePreset(/** @type {HTMLSelectElement} */ (event.target).value));
  $('reset-criteria').addEventListener('click', () =>
    usePreset(/** @type {HTMLSelectElement} */ ($('preset')).value));
  $('save-criteria').addEventListener('click', () => downloadText(
    `${JSON.stringify(state.criteria, null, 2)}\n`, `${state.criteria.name || 'criteria'}.json`,
    'application/json'));
  $('load-criteria').addEventListener('change', (event) => guarded(async () => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    if (!file) return;
    try {
      state.criteria = JSON.parse(await file.text());
    } catch (e) {
      throw new Error(t('error.criteriaFile', lang(), { reason: e.message }));
    }
    input.value = '';
    renderCriteria();  // the core checks every field when the analysis runs
  }));

  /** The criteria's text parameters, by field name, and the values each may take. */
  const CHOICES = {
    mode: ['best', 'at'],
    same_day_counts: ['each', 'lowest'],
    origin: ['first_response', 'd0'],
  };

  /** An input per number, yes/no and choice parameter of the criteria (nested fields too). */
  function renderCriteria() {
    $('criteria-reference').textContent = state.criteria.reference ?? '';
    const fields = [];
    const walk = (object, path) => {
      for (const [key, value] of Object.entries(object)) {
        const here = path ? `${path}.${key}` : key;
        if (['name', 'label', 'reference'].includes(here)) continue;
        if (value && typeof value === 'object' && !Array.isArray(value)) walk(value, here);
        else if (typeof value === 'number' || typeof value === 'boolean' || key in CHOICES) {
          fields.push(parameterInput(object, key, here));
        }
      }
    };
    walk(state.criteria, '');
    $('criteria-parameters').replaceChildren(...fields);
  }

  function parameterInput(object, key, path) {
    const value = object[key];
    const label = tOr(`param.${path}`, lang(), path);
    let input;
    if (typeof value === 'boolean') {
      input = el('input', { type: 'checkbox', checked: value });
      input.addEventListener('change', () => { object[key] = input.checked; });
    } else if (key in CHOICES) {
      input = el('select');
      input.append(...CHOICES[key].map((choice) => new Option(t(`param.${key}.${choice}`, lang()),
        choice)));
      input.value = value;
      input.addEventListener('change', () => { object[key] = input.value; });
    } else {
      input = el('input', { type: 'number', step: 'any', value: String(value) });
      input.addEventListener('change', () => { object[key] = Number(input.value); });
    }
    return el('label', { class: 'parameter' }, el('span', {}, label), input);
  }

  // ---- results -------------------------------------------------------------------------------

  $('analyse').addEventListener('click', () => guarded(async () => {
    busy(t('status.computing', lang()));
    const report = {
      quantile_type: Number(/** @type {HTMLSelectElement} */ ($('quantile-type')).value),
      ci_method: /** @type {HTMLSelectElement} */ ($('ci-method')).value,
    };
    const answer = await client.run({ type: 'cohort', ...importOptions(), criteria: state.criteria,
      report });
    if (!answer.ok) {
      say(answer.error.message, true);
      return;
    }
    state.result = answer;
    renderResults();
    enableStep('results', true);
    showStep('results');
    say(t('status.done', lang()));
  }));

  $('back-to-check').addEventListener('click', () => showStep('check'));
  $('export-json').addEventListener('click', () => downloadText(
    `${JSON.stringify(state.result, null, 1)}\n`, 'cohort-report.json', 'application/json'));
  $('print-report').addEventListener('click', () => {
    const svgs = {};
    for (const [name, draw] of Object.entries(figureDrawers())) {
      const svg = draw();
      if (svg) svgs[name] = svgToString(svg);
    }
    const captions = Object.fromEntries(Object.entries(FIGURE_TITLES)
      .map(([name, id]) => [name, t(id, lang())]));
    downloadText(buildPrintableReport(state.result, { lang: lang(), figures: svgs, captions,
      generatedAt: new Date() }), 'cohort-report.html', 'text/html');
  });


  const figureOptions = { showCI: true, showCensor: true, showMedian: false, riskTable: 'at_risk' };
  // The unit of the Kaplan-Meier curves' time axis: the core gives RFS and OS in both.
  const kmUnit = { rfs: 'weeks', os: 'months' };

  /** Each figure of the report, drawn with the current options and language. */
  function figureDrawers() {
    const r = state.result;
    const km = (survival, unit, title) => () => (survival ? drawKaplanMeier(document, survival,
      { ...figureOptions, timeUnit: unit, lang: lang(),
        labels: { title, survival: t('axis.probability', lang()),
          time: t(`axis.${unit}`, lang()), atRisk: t('figure.numberAtRisk', lang()) } }) : null);
    // R's and CR's thresholds of the criteria, drawn on both platelet figures.
    const thresholds = [r.criteria.response?.value, r.criteria.complete_response?.value]
      .filter((v) => typeof v === 'number' && Number.isFinite(v));
    const landmark = { landmarkDay: r.criteria.landmark.day,
      window: [r.criteria.landmark.window_from, r.criteria.landmark.window_to] };
    const l = lang();
    return {
      rfs: km(r.rfs?.[kmUnit.rfs], kmUnit.rfs, t('figure.rfs', l)),
      os: km(r.os?.[kmUnit.os], kmUnit.os, t('figure.os', l)),
      trajectories: () => drawPlateletTrajectories(document, r.patients, { lang: l, ...landmark,
        ...(thresholds.length ? { thresholds } : {}) }),
      plateletsByWeek: () => (r.platelets_by_week ? drawPlateletsByWeek(document,
        r.platelets_by_week, { lang: l, ...landmark, ...(thresholds.length ? { thresholds } : {}),
          minPatients: MIN_PATIENTS_A_WEEK,
          labels: { title: t('figure.plateletsByWeek', l), platelets: t('axis.plateletsLog', l),
            time: t('axis.weeksSinceD0', l), week: t('figure.week', l),
            median: t('figure.median', l), iqr: t('figure.iqr', l),
            sparse: t('figure.fewPatients', l, { n: MIN_PATIENTS_A_WEEK }),
            patients: t('axis.patients', l), landmark: t('figure.landmark', l) } }) : null),
      response: () => drawResponseBars(document, r.response, { lang: l }),
      swimmer: () => drawSwimmer(document, r.patients, { lang: l }),
    };
  }

  /** A table model with its CSV export button, as the tables of the report are shown. */
  function tableBlock(model) {
    const csv = el('button', { type: 'button' }, t('button.exportCsv', lang()));
    csv.addEventListener('click', () => downloadText(tableToCsv(model, lang()), `${model.id}.csv`,
      'text/csv'));
    return el('div', { class: 'table-block', id: `table-${model.id}` },
      renderTable(document, model, lang()), csv);
  }

  function renderFigures() {
    const blocks = [];
    for (const [name, draw] of Object.entries(figureDrawers())) {
      const svg = draw();
      if (!svg) continue;
      // A figure that writes its title above its plot (and so in its exports) is not captioned
      // again; the others are captioned under it.
      const titled = svg.getAttribute('data-title-shown') === 'true';
      const block = el('figure', { class: 'figure', id: `figure-${name}` }, svg,
        titled ? null : el('figcaption', {}, t(FIGURE_TITLES[name], lang())),
        figureExports(draw, `figure-${name}`, lang()));
      if (name === 'plateletsByWeek') {
        // Its numbers, under it: the weeks as a table, with their CSV export.
        const model = plateletsByWeekTable(state.result, lang());
        if (model) {
          block.append(el('details', { class: 'figure-data' },
            el('summary', {}, t('figure.showData', lang(), { weeks: model.rows.length })),
            tableBlock(model)));
        }
      }
      blocks.push(block);
    }
    $('figures').replaceChildren(...blocks);
  }

  function renderFigureOptions() {
    const toggle = (key, label) => {
      const box = el('input', { type: 'checkbox', checked: figureOptions[key] });
      box.addEventListener('change', () => { figureOptions[key] = box.checked; renderFigures(); });
      return el('label', {}, box, ` ${t(label, lang())}`);
    };
    const risk = el('select', { 'aria-label': t('figure.numberAtRisk', lang()) });
    risk.append(new Option('—', 'none'), new Option(t('figure.numberAtRisk', lang()), 'at_risk'),
      new Option(`${t('figure.numberAtRisk', lang())} + ${t('col.cumEvents', lang())}`, 'full'));
    risk.value = figureOptions.riskTable;
    risk.addEventListener('change', () => { figureOptions.riskTable = risk.value; renderFigures(); });
    const unit = (which) => {
      const select = el('select', { 'aria-label': `${t(`figure.${which}`, lang())}: `
        + t('figure.timeUnit', lang()) });
      select.append(new Option(t('unit.weeks', lang()), 'weeks'),
        new Option(t('unit.months', lang()), 'months'));
      select.value = kmUnit[which];
      select.addEventListener('change', () => { kmUnit[which] = select.value; renderFigures(); });
      return el('label', {}, `${t(`outcome.${which}`, lang())} — ${t('figure.timeUnit', lang())} `,
        select);
    };
    $('figure-options').replaceChildren(toggle('showCI', 'figure.showCi'),
      toggle('showCensor', 'figure.censored'), toggle('showMedian', 'figure.showMedian'), risk,
      unit('rfs'), unit('os'));
  }

  function renderTables() {
    // The per-patient table has its own place, the platelets by week theirs under the figure.
    const models = reportTables(state.result, lang())
      .filter((m) => m.id !== 'patients' && m.id !== 'platelets_by_week');
    $('tables').replaceChildren(...models.map(tableBlock));
  }

  function showPatient(patient) {
    const dialog = /** @type {HTMLDialogElement} */ ($('patient-dialog'));
    $('patient-dialog-title').textContent =
      `${patient.patient_id}: ${tOr(`category.${patient.category}`, lang(), patient.category)}`;
    $('patient-dialog-reason').textContent = patient.reason;
    $('patient-dialog-body').replaceChildren(
      renderTable(document, patientAudit(patient, lang()), lang()),
      renderTable(document, patientTreatments(patient, lang()), lang()));
    dialog.showModal();
  }
  $('patient-dialog-close').addEventListener('click', () =>
    /** @type {HTMLDialogElement} */ ($('patient-dialog')).close());

  function renderResults() {
    const r = state.result;
    $('criteria-used').textContent = t('results.criteriaUsed', lang(),
      { label: r.criteria.label || r.criteria.name });
    renderFigureOptions();
    renderFigures();
    renderTables();
    $('patients').replaceChildren(renderPatientTable(document, r.patients, lang(), showPatient,
      r.criteria));
    $('warnings-heading').textContent = t('results.warnings', lang(), { count: r.warnings.length });
    $('result-warnings').replaceChildren(problemsTable(r.warnings, lang()));
  }

  renderFiles();

  return {
    /** Redraws what is shown in the new language. */
    onLanguage() {
      renderFiles();
      if (state.imported) renderImport();
      if (state.criteria) renderCriteria();
      if (state.result) renderResults();
    },
    /** The worker was restarted: its tables are gone, load the files again. */
    async onRestart() {
      const kept = [...files.entries()];
      files.clear();
      for (const [name, { source }] of kept) {
        await addFile(source instanceof ArrayBuffer ? source.slice(0) : source, name);
      }
      renderFiles();
    },
    ready() {
      /** @type {HTMLButtonElement} */ ($('open-example')).disabled = false;
    },
  };
}
