// The cohort mode's results step (main thread): the core's cohort report (the `cohort` request,
// with the check step's import options and criteria) shown as figures (./result-figures.js),
// tables with their CSV export, the per-patient table whose rows open the counts that decided a
// patient's category, and the warnings; the whole answer exported as JSON, and the printable
// report (./printable-report.js).
import { t, tOr } from '../i18n/index.js';
import { $, busy, downloadText, problemsTable, say } from '../page-kit.js';

/**
 * The modules that show a report (its figures with d3, its tables, the printable report), loaded
 * when the files are loaded rather than with the page: the page's first load stays small
 * (docs/decisions.md, "What the first load carries") and they are here before "Analyse".
 */
let reportViews = null;
function loadReportViews() {
  reportViews ??= Promise.all([import('../tables/patient-tables.js'),
    import('../tables/render-table.js'), import('../tables/report-tables.js'),
    import('../tables/table-block.js'), import('./printable-report.js'),
    import('./result-figures.js')])
    .then(([patientTables, renderTables, reportTables, tableBlock, printable, figures]) => ({
      ...patientTables, ...renderTables, ...reportTables, ...tableBlock, ...printable, ...figures,
    }))
    .catch((e) => {
      reportViews = null;  // asked again next time, not remembered as failed
      throw e;
    });
  return reportViews;
}

/** @typedef {import('../../shared/core-api.js').CohortReport} CohortReport */

/**
 * Tab and Shift+Tab go round a modal dialog's own controls. The page behind it is inert, but
 * Chromium lets Tab leave the dialog for the browser's own bar, and a keyboard user then comes
 * back to <body>; the ARIA modal dialog pattern keeps the focus in the dialog.
 * @param {HTMLDialogElement} dialog
 */
function keepTabInside(dialog) {
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const controls = [...dialog.querySelectorAll(
      'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter((node) => !(/** @type {HTMLButtonElement} */ (node).disabled));
    if (controls.length === 0) return;
    const edge = event.shiftKey ? controls[0] : controls.at(-1);
    if (document.activeElement !== edge && dialog.contains(document.activeElement)) return;
    event.preventDefault();
    /** @type {HTMLElement} */ (event.shiftKey ? controls.at(-1) : controls[0]).focus();
  });
}

/**
 * @param {object} context
 * @param {import('../core-client.js').CoreClient} context.client
 * @param {() => string} context.lang
 * @param {(work: () => Promise<void>) => Promise<void>} context.guarded
 * @param {ReturnType<typeof import('./steps.js').createSteps>} context.steps
 * @param {ReturnType<typeof import('./check-step.js').createCheckStep>} context.check
 */
export function createResultsStep({ client, lang, guarded, steps, check }) {
  /** @type {CohortReport | null} */
  let report = null;
  /** The modules of loadReportViews(), there once a report is. */
  let views = null;
  /** @type {ReturnType<typeof import('./result-figures.js').createResultFigures> | null} */
  let figures = null;

  $('analyse').addEventListener('click', () => guarded(async () => {
    busy(t('status.computing', lang()));
    const options = {
      quantile_type: Number(/** @type {HTMLSelectElement} */ ($('quantile-type')).value),
      ci_method: /** @type {HTMLSelectElement} */ ($('ci-method')).value,
    };
    const [answer, modules] = await Promise.all([client.run({ type: 'cohort',
      ...check.importOptions(), criteria: check.criteria(), report: options }), loadReportViews()]);
    views = modules;
    figures ??= views.createResultFigures({ lang });
    if (!answer.ok) {
      say(answer.error.message, true);
      return;
    }
    report = answer;
    render();
    steps.enable('results');
    steps.show('results');
    say(t('status.done', lang()));
  }));

  $('back-to-check').addEventListener('click', () => steps.show('check'));
  $('export-json').addEventListener('click', () => downloadText(
    `${JSON.stringify(report, null, 1)}\n`, 'cohort-report.json', 'application/json'));
  $('print-report').addEventListener('click', () => {
    const { svgs, captions } = figures.forPrint();
    downloadText(views.buildPrintableReport(report, { lang: lang(), figures: svgs, captions,
      generatedAt: new Date() }), 'cohort-report.html', 'text/html');
  });

  function renderTables() {
    // The per-patient table has its own place, the platelets by week theirs under the figure.
    const models = views.reportTables(report, lang())
      .filter((m) => m.id !== 'patients' && m.id !== 'platelets_by_week');
    $('tables').replaceChildren(...models.map((model) => views.tableBlock(model, lang())));
  }

  /** One patient's counts as the rule saw them, and their other treatments, in a dialog. */
  function showPatient(patient) {
    const dialog = /** @type {HTMLDialogElement} */ ($('patient-dialog'));
    $('patient-dialog-title').textContent =
      `${patient.patient_id}: ${tOr(`category.${patient.category}`, lang(), patient.category)}`;
    $('patient-dialog-reason').textContent = patient.reason;
    $('patient-dialog-body').replaceChildren(
      views.renderTable(document, views.patientAudit(patient, lang()), lang()),
      views.renderTable(document, views.patientTreatments(patient, lang()), lang()));
    const opener = document.activeElement;
    // Closed (button or Escape), the focus goes back to the patient's button: browsers do so
    // now (the dialog's "previously focused element"); older ones left it on <body>.
    dialog.addEventListener('close', () => {
      if (!dialog.contains(document.activeElement) && document.activeElement !== document.body) {
        return;
      }
      /** @type {HTMLElement | null} */ (opener)?.focus();
    }, { once: true });
    dialog.showModal();
  }
  $('patient-dialog-close').addEventListener('click', () =>
    /** @type {HTMLDialogElement} */ ($('patient-dialog')).close());
  keepTabInside(/** @type {HTMLDialogElement} */ ($('patient-dialog')));

  function render() {
    $('criteria-used').textContent = t('results.criteriaUsed', lang(),
      { label: report.criteria.label || report.criteria.name });
    figures.show(report);
    renderTables();
    $('patients').replaceChildren(views.renderPatientTable(document, report.patients, lang(),
      showPatient, report.criteria));
    $('warnings-heading').textContent = t('results.warnings', lang(),
      { count: report.warnings.length });
    $('result-warnings').replaceChildren(problemsTable(report.warnings, lang()));
  }

  return {
    /** Shows the report again (in a new language). */
    onLanguage() {
      if (report) render();
    },
    /** Files are loaded: the modules that show a report load while the user checks them. */
    prepare() {
      loadReportViews().catch(() => {});  // said when "Analyse" asks for them again
    },
  };
}
