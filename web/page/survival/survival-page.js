// The survival calculator mode (main thread): any table, its time, event and group columns,
// then the core's Kaplan-Meier curves, medians, estimates at chosen times and log-rank test,
// shown as a figure and as a table beside it (docs/design.md §6). The example is R's aml data set.
import { drawKaplanMeier } from '../figures/index.js';
import { t } from '../i18n/index.js';
import { $, busy, el, figureExports, progress, say } from '../page-kit.js';
import { renderTable } from '../tables/render-table.js';
import {
  survivalAtTimesTable, survivalGroupsTable, survivalRmstTable,
} from '../tables/survival-tables.js';

// Rows per curve the figure asks for: about two per pixel of its widest panel.
const FIGURE_ROWS = 2000;

/** @param {HTMLSelectElement} select @param {string[]} names @param {RegExp | null} guess */
function fillSelect(select, names, guess, allowNone = false) {
  const options = names.map((name) => new Option(name, name));
  if (allowNone) options.unshift(new Option('—', ''));
  select.replaceChildren(...options);
  const guessed = guess && names.find((n) => guess.test(n));
  if (guessed !== undefined && guessed !== null) select.value = guessed;
}

/**
 * @param {{client: import('../core-client.js').CoreClient, lang: () => string,
 *   describeFailure: (e: unknown) => string}} page
 */
export function createSurvivalPage({ client, lang, describeFailure }) {
  /** The picked file, kept to load it again into a restarted worker. */
  let picked = /** @type {{source: File | ArrayBuffer, name: string, table: string} | null} */ (null);
  let shown = /** @type {any} */ (null);  // the last survival answer

  async function load(source, name) {
    const kept = source instanceof ArrayBuffer ? source.slice(0) : source;
    const loaded = await client.loadFile(source, name, ({ phase, done, total }) => {
      const percent = Math.floor((100 * done) / Math.max(total, 1));
      progress(t(phase === 'read' ? 'status.readingFile' : 'status.checkingFile', lang(),
        { file: name, percent }), done / Math.max(total, 1));
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const first = loaded.tables.find((table) => table.result.ok) ?? loaded.tables[0];
    if (!first.result.ok) throw new Error(first.result.error.message);
    picked = { source: kept, name, table: first.name };
    return first.result.table.columns;
  }

  function chooseColumns(columns) {
    if (columns.length === 0) throw new Error(t('error.noColumns', lang()));
    fillSelect(/** @type {HTMLSelectElement} */ ($('time-column')), columns,
      /time|delay|duration|week|month|day|temps|dur/i);
    fillSelect(/** @type {HTMLSelectElement} */ ($('event-column')), columns,
      /status|event|death|dead|relapse|statut|décès|evenement|événement/i);
    fillSelect(/** @type {HTMLSelectElement} */ ($('group-column')), columns,
      /group|arm|treat|groupe|bras|^x$/i, true);
    fillSelect(/** @type {HTMLSelectElement} */ ($('strata-column')), columns, null, true);
    /** @type {HTMLFieldSetElement} */ ($('survival-columns')).disabled = false;
  }

  function show(survival, warnings) {
    shown = { survival, warnings };
    const draw = () => drawKaplanMeier(document, survival, { lang: lang(), showCI: true,
      showCensor: true, riskTable: 'at_risk', labels: { survival: t('axis.probability', lang()),
        time: t('axis.time', lang()), atRisk: t('figure.numberAtRisk', lang()) } });
    $('survival-figure').replaceChildren(el('figure', { class: 'figure' }, draw(),
      figureExports(draw, 'kaplan-meier', lang())));
    const extra = [survivalAtTimesTable(survival, lang()), survivalRmstTable(survival, lang())]
      .filter(Boolean);
    $('survival-table').replaceChildren(
      renderTable(document, survivalGroupsTable(survival, lang()), lang()),
      ...extra.map((table) => renderTable(document, table, lang())));
    $('survival-warnings').replaceChildren(...warnings.map((w) => el('li', {}, w.message)));
    const result = $('survival-result');
    result.hidden = false;
    result.scrollIntoView({ block: 'start' });
    result.focus({ preventScroll: true });
  }

  // Performance marks (read by bench/page_run.mjs): from a file given to its columns shown,
  // and from Run to the figure drawn, the two waits a user has.
  async function run(request) {
    performance.mark('itp-run-start');
    busy(t('status.computing', lang()));
    const answer = await client.run(request);
    performance.mark('itp-answer-received');
    if (!answer.ok) throw new Error(answer.error.message);
    show(answer.survival, answer.warnings ?? []);
    performance.mark('itp-run-end');
    say(t('status.done', lang()));
  }

  $('survival-example').addEventListener('click', async () => {
    try {
      busy(t('status.loadingExample', lang()));
      // Relative URL: the site may be served from a sub-folder.
      const reply = await fetch('examples/aml.csv');
      if (!reply.ok) throw new Error(t('error.fetchExample', lang(), { file: 'aml.csv', status: reply.status }));
      chooseColumns(await load(await reply.arrayBuffer(), 'aml.csv'));
      /** @type {HTMLSelectElement} */ ($('event-column')).value = 'status';
      await run({ type: 'survival', table: picked.table, time: 'time', event: 'status', group: 'x',
        conf_type: 'log', conf_level: 0.95, times: [12, 24], table_rows_max: FIGURE_ROWS });
    } catch (e) {
      say(describeFailure(e), true);
    }
  });

  $('survival-file').addEventListener('change', async (event) => {
    const file = /** @type {HTMLInputElement} */ (event.target).files?.[0];
    if (!file) return;
    try {
      performance.mark('itp-load-start');
      busy(`${t('status.reading', lang())} ${file.name} (${(file.size / 2 ** 20).toFixed(1)} MB)`);
      chooseColumns(await load(file, file.name));
      performance.mark('itp-load-end');
      say(t('status.done', lang()));
    } catch (e) {
      say(describeFailure(e), true);
    }
  });

  $('survival-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      if (!picked) throw new Error(t('error.noFile', lang()));
      const time = /** @type {HTMLSelectElement} */ ($('time-column')).value;
      const eventColumn = /** @type {HTMLSelectElement} */ ($('event-column')).value;
      if (time === eventColumn) throw new Error(t('error.sameColumns', lang()));
      const group = /** @type {HTMLSelectElement} */ ($('group-column')).value;
      const times = /** @type {HTMLInputElement} */ ($('survival-times')).value
        .split(/[;\s]+|,(?=\s)/).map((s) => Number(s.replace(',', '.'))).filter(Number.isFinite);
      // The figure needs no more rows per curve than its panel has pixels (the core keeps the
      // exact values of the rows it keeps); the medians and the test are the full analysis's.
      const request = { type: 'survival', table: picked.table, time, event: eventColumn,
        conf_type: /** @type {HTMLSelectElement} */ ($('conf-type')).value,
        table_rows_max: FIGURE_ROWS };
      const strata = /** @type {HTMLSelectElement} */ ($('strata-column')).value;
      if (strata) request.strata = strata;
      request.rho = Number(/** @type {HTMLSelectElement} */ ($('rho')).value);
      if (group) request.group = group;
      if (times.length) request.times = times;
      const tau = Number(/** @type {HTMLInputElement} */ ($('rmst-tau')).value.replace(',', '.'));
      if (/** @type {HTMLInputElement} */ ($('rmst-tau')).value.trim() && tau > 0) {
        request.rmst_tau = tau;
      }
      await run(request);
    } catch (e) {
      say(describeFailure(e), true);
    }
  });

  return {
    onLanguage() {
      if (shown) show(shown.survival, shown.warnings);
    },
    async onRestart() {
      if (picked) await load(picked.source, picked.name);
    },
    ready() {
      /** @type {HTMLButtonElement} */ ($('survival-example')).disabled = false;
    },
  };
}
