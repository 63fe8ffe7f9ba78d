// The survival calculator's Kaplan-Meier analysis (main thread): its request from the form and
// its answer on the page, the figure with its number at risk and, beside it, the tables of the
// groups, the estimates at chosen times, the restricted mean, the pairwise tests and the test
// for trend (docs/design.md §4, §4.1). After a landmark the axis and the time columns read
// "time since landmark L". The other analyses (cif-analysis.js, cox-analysis.js) have the same
// two functions and are loaded when first chosen.
import { drawKaplanMeier } from '../figures/kaplan-meier.js';
import { t } from '../i18n/index.js';
import {
  survivalPairwiseTable, survivalTimeTitle, survivalTrendTable,
} from '../tables/survival-comparison-tables.js';
import {
  survivalAtTimesTable, survivalGroupsTable, survivalRmstTable,
} from '../tables/survival-tables.js';
import { tableBlock } from '../tables/table-block.js';
import { numberIn, numbersIn, valueOf } from './form-fields.js';
import { resultFigure } from './result-figure.js';

// Rows per curve the figure asks for: about two per pixel of its widest panel.
export const FIGURE_ROWS = 2000;

/**
 * The survival request the form describes.
 * @param {string} table  The loaded table's name.
 * @param {string} lang
 * @returns {import('../../shared/core-api.js').SurvivalRequest}
 */
export function requestFromForm(table, lang) {
  const time = valueOf('time-column');
  const event = valueOf('event-column');
  if (time === event) throw new Error(t('error.sameColumns', lang));
  // The figure needs no more rows per curve than its panel has pixels (the core keeps the
  // exact values of the rows it keeps); the medians and the tests are the full analysis's.
  /** @type {import('../../shared/core-api.js').SurvivalRequest} */
  const request = { type: 'survival', table, time, event, conf_type: /** @type {any} */ (
    valueOf('conf-type')), rho: Number(valueOf('rho')), table_rows_max: FIGURE_ROWS };
  const group = valueOf('group-column');
  if (group) request.group = group;
  const strata = valueOf('strata-column');
  if (strata) request.strata = strata;
  const times = numbersIn('survival-times', lang);
  if (times.length) request.times = times;
  const tau = numberIn('rmst-tau', lang);
  if (tau !== null) request.rmst_tau = tau;
  const landmark = numberIn('landmark', lang);
  if (landmark !== null) request.landmark = landmark;
  const pairwise = valueOf('pairwise');
  if (pairwise) request.pairwise = /** @type {any} */ (pairwise);
  if (/** @type {HTMLInputElement} */ (document.getElementById('trend')).checked) {
    const scores = numbersIn('trend-scores', lang);
    if (scores.length) request.trend_scores = scores;
    else request.trend = true;
  }
  return request;
}

/**
 * The answer as the page shows it: the figure with its exports, and the tables.
 * @param {import('../../shared/core-api.js').SurvivalResponse} answer
 * @param {string} lang
 * @param {() => number} width  The figure's width on the page now.
 * @returns {{figure: HTMLElement, redraw: () => void, tables: HTMLElement[]}}
 */
export function render(answer, lang, width) {
  const survival = answer.survival;
  const title = t('figure.km', lang);
  const draw = () => drawKaplanMeier(document, survival, { lang, width: width(), showCI: true,
    showCensor: true, riskTable: 'at_risk', labels: { title,
      survival: t('axis.probability', lang), time: survivalTimeTitle(survival, lang),
      atRisk: t('figure.numberAtRisk', lang) } });
  const tables = [survivalGroupsTable(survival, lang), survivalAtTimesTable(survival, lang),
    survivalRmstTable(survival, lang), survivalPairwiseTable(survival, lang),
    survivalTrendTable(survival, lang)].filter(Boolean);
  return {
    // The groups' table has the medians the figure draws and its description reads.
    ...resultFigure({ title: () => title, draw, baseName: 'kaplan-meier', lang,
      tableId: 'table-survival_groups' }),
    tables: tables.map((model) => tableBlock(model, lang)),
  };
}

/** The example: R's aml, as tests/browser/survival_expected.R computes it. */
export const example = {
  file: 'aml.csv',
  // The form shows what the example asked, so that "Run" after a change asks the same and more.
  fields: { 'time-column': 'time', 'event-column': 'status', 'group-column': 'x',
    'conf-type': 'log', 'survival-times': '12, 24' },
  request: (table) => ({ type: 'survival', table, time: 'time', event: 'status', group: 'x',
    conf_type: 'log', conf_level: 0.95, times: [12, 24], table_rows_max: FIGURE_ROWS }),
};
