// The survival calculator's competing-risks analysis (main thread), loaded by survival-page.js
// the first time a user picks it: the cif request from the form, and its answer shown as the
// cumulative incidence figure (per cause, or one group's causes stacked, chosen under the
// figure's title), the curves, the incidence at the chosen times and Gray's test per cause.
import { CIF_LABELS, drawCumulativeIncidence } from '../figures/cumulative-incidence.js';
import { t } from '../i18n/index.js';
import { el } from '../page-kit.js';
import { cifAtTimesTable, cifCurvesTable, cifGrayTable } from '../tables/cif-tables.js';
import { tableBlock } from '../tables/table-block.js';
import { numbersIn, valueOf } from './form-fields.js';
import { resultFigure } from './result-figure.js';

/**
 * @param {string} table @param {string} lang
 * @returns {import('../../shared/core-api.js').CifRequest}
 */
export function requestFromForm(table, lang) {
  const time = valueOf('time-column');
  const status = valueOf('status-column');
  if (time === status) throw new Error(t('error.sameColumns', lang));
  /** @type {import('../../shared/core-api.js').CifRequest} */
  const request = { type: 'cif', table, time, status };
  const censor = valueOf('censor-value').trim();
  if (censor) request.censor_value = censor;
  const group = valueOf('group-column');
  if (group) request.group = group;
  const strata = valueOf('strata-column');
  if (strata) request.strata = strata;
  const times = numbersIn('survival-times', lang);
  if (times.length) request.times = times;
  return request;
}

/** The figure's labels in the reader's language. */
function labels(lang) {
  return Object.fromEntries(Object.keys(CIF_LABELS).map((key) => [key, t(`figure.cif.${key}`,
    lang)]));
}

/** The figure's numbers: every row of every curve, as the core gave them. */
function curveRows(cif, lang) {
  const rows = [[t('col.cause', lang), t('col.group', lang), t('col.timePlain', lang),
    t('col.estimate', lang), t('col.variance', lang), t('col.lower', lang),
    t('col.upper', lang)]];
  for (const g of cif.groups) {
    g.table.time.forEach((time, k) => rows.push([String(g.cause), String(g.name), time,
      g.table.estimate[k], g.table.variance[k], g.table.lower[k], g.table.upper[k]]));
  }
  return rows;
}

/**
 * @param {import('../../shared/core-api.js').CifResponse} answer
 * @param {string} lang
 * @param {() => number} width  The figure's width on the page now.
 * @returns {{figure: HTMLElement, redraw: () => void, tables: HTMLElement[]}}
 */
export function render(answer, lang, width) {
  const cif = answer.cif;
  const groups = [...new Set(cif.groups.map((g) => g.name))];
  // "Per cause", then "Stacked: <group>" for each group.
  const view = /** @type {HTMLSelectElement} */ (el('select', { id: 'cif-view' }));
  view.append(new Option(t('cif.viewCauses', lang), ''),
    ...groups.map((g) => new Option(groups.length > 1
      ? t('cif.viewStackedGroup', lang, { group: String(g) }) : t('cif.viewStacked', lang), g)));
  const words = labels(lang);
  const title = () => (view.value && groups.length > 1
    ? words.stacked.replace('{group}', view.value) : words.title);
  const draw = () => drawCumulativeIncidence(document, cif, { lang, labels: words,
    width: width(), view: view.value ? 'stacked' : 'causes', group: view.value || undefined });
  const tables = [cifAtTimesTable(cif, lang), cifGrayTable(cif, lang), cifCurvesTable(cif, lang)]
    .filter(Boolean);
  // The curves' table has each curve's events, patients and last time, as the description.
  const shown = resultFigure({ title, draw, baseName: 'cumulative-incidence', lang,
    tableId: 'table-cif_curves', csvRows: () => curveRows(cif, lang),
    controls: el('label', { class: 'figure-view' }, t('cif.view', lang), ' ', view) });
  view.addEventListener('change', shown.redraw);
  return { ...shown, tables: tables.map((model) => tableBlock(model, lang)) };
}

/** The example: R's survival::mgus2, progression (1) or death (2) first, by sex. */
export const example = {
  file: 'mgus2.csv',
  fields: { 'time-column': 'etime', 'status-column': 'event', 'group-column': 'sex',
    'censor-value': '0', 'survival-times': '60, 120' },
  request: (table) => ({ type: 'cif', table, time: 'etime', status: 'event', group: 'sex',
    censor_value: '0', times: [60, 120] }),
};
