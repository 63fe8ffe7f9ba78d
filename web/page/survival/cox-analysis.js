// The survival calculator's Cox model (main thread), loaded by survival-page.js the first time
// a user picks it: the cox request from the form (the covariates ticked in the list), and its
// answer shown as a forest plot of the hazard ratios, the coefficients as summary(coxph) gives
// them and the tests of the model. A term without an estimate is "–" with its warning.
import { drawForestPlot } from '../figures/forest-plot.js';
import { formatLevel } from '../format.js';
import { t } from '../i18n/index.js';
import {
  coxCoefficientsTable, coxTestsTable, formatHazardRatio, whyNoEstimate,
} from '../tables/cox-tables.js';
import { tableBlock } from '../tables/table-block.js';
import { valueOf } from './form-fields.js';
import { resultFigure } from './result-figure.js';

/** The covariates ticked, in the table's column order. */
export function tickedCovariates() {
  return [...document.querySelectorAll('#cox-covariate-list input:checked:enabled')]
    .map((box) => /** @type {HTMLInputElement} */ (box).value);
}

/**
 * @param {string} table @param {string} lang
 * @returns {import('../../shared/core-api.js').CoxRequest}
 */
export function requestFromForm(table, lang) {
  const time = valueOf('time-column');
  const event = valueOf('event-column');
  if (time === event) throw new Error(t('error.sameColumns', lang));
  const covariates = tickedCovariates();
  if (covariates.length === 0) throw new Error(t('error.noCovariates', lang));
  /** @type {import('../../shared/core-api.js').CoxRequest} */
  const request = { type: 'cox', table, time, event, covariates,
    ties: /** @type {any} */ (valueOf('cox-ties')) };
  const strata = valueOf('strata-column');
  if (strata) request.strata = strata;
  return request;
}

/** The forest plot's numbers: one row per term, null where the core has no estimate. */
function termRows(cox, lang) {
  return [[t('col.coxTerm', lang), t('col.hr', lang), t('col.lower', lang), t('col.upper', lang),
    t('col.coef', lang), t('col.se', lang), 'z', t('col.p', lang)],
  ...cox.coefficients.map((c) => [c.term, c.hr, c.hr_lower, c.hr_upper, c.coef, c.se, c.z,
    c.p])];
}

/**
 * @param {import('../../shared/core-api.js').CoxResponse} answer
 * @param {string} lang
 * @param {() => number} width  The figure's width on the page now.
 * @returns {{figure: HTMLElement, redraw: () => void, tables: HTMLElement[]}}
 */
export function render(answer, lang, width) {
  const cox = answer.cox;
  const warnings = answer.warnings ?? [];
  const level = formatLevel(cox.conf_level, lang);
  const title = t('figure.forest.title', lang);
  const draw = () => drawForestPlot(document, cox, { lang, width: width(),
    labels: { title, axis: t('figure.forest.axis', lang),
      ratioColumn: t('col.hrCi', lang, { level }), notDrawn: t('figure.forest.notDrawn', lang) },
    ratioText: (term) => formatHazardRatio(term, lang),
    whyNotDrawn: (term) => whyNoEstimate(term, warnings, lang) });
  return {
    // The coefficients' table writes each ratio as the figure does.
    ...resultFigure({ title: () => title, draw, baseName: 'hazard-ratios', lang,
      tableId: 'table-cox_coefficients', csvRows: () => termRows(cox, lang) }),
    tables: [coxCoefficientsTable(cox, warnings, lang), coxTestsTable(cox, lang)]
      .map((model) => tableBlock(model, lang)),
  };
}

/** The example: R's survival::veteran, treatment, cell type and Karnofsky score. */
export const example = {
  file: 'veteran.csv',
  fields: { 'time-column': 'time', 'event-column': 'status' },
  covariates: ['trt', 'celltype', 'karno'],
  request: (table) => ({ type: 'cox', table, time: 'time', event: 'status',
    covariates: ['trt', 'celltype', 'karno'], ties: 'efron' }),
};
