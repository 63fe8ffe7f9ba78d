// The Cox model's tables in the survival calculator (docs/design.md §4.1), as summary(coxph)
// prints them: per term the hazard ratio with its limits, the coefficient, its standard error,
// z and p; then the likelihood-ratio, Wald and score tests and the concordance. A term the core
// could not estimate (null, with a warning naming it) shows "–" and the warning, never a number.

import {
  formatFixed, formatLevel, formatPValue, formatRatio, formatSignificant, isNumber,
} from '../format.js';
import { t } from '../i18n/index.js';

/** @typedef {import('../../shared/core-api.js').CoxResult} CoxResult */
/** @typedef {import('../../shared/core-api.js').CoxCoefficient} CoxCoefficient */
/** @typedef {import('../../shared/core-api.js').CoreProblem} CoreProblem */

const DASH = '–';

/** "0.47 (0.26–0.84)"; "0.47" when a limit is missing; "–" when there is no ratio. */
export function formatHazardRatio(term, lang) {
  if (!isNumber(term.hr)) return DASH;
  const hr = formatRatio(term.hr, lang);
  if (!isNumber(term.hr_lower) || !isNumber(term.hr_upper)) return hr;
  return `${hr} (${formatRatio(term.hr_lower, lang)}–${formatRatio(term.hr_upper, lang)})`;
}

/**
 * The warnings about one term: those whose message names it in quotes ("celltypelarge"), or
 * its covariate when a factor as a whole has a single level.
 * @param {CoxCoefficient} term @param {CoreProblem[]} warnings
 */
export function warningsOfTerm(term, warnings) {
  return warnings.filter((w) => /^cox_/.test(w.code)
    && (w.message.includes(`"${term.term}"`) || w.message.includes(`"${term.covariate}"`)));
}

/**
 * Why a term has no estimate: the core's warnings about it (in English, as the core writes
 * them), else its flags in the reader's language.
 * @param {CoxCoefficient} term @param {CoreProblem[]} warnings @param {string} lang
 */
export function whyNoEstimate(term, warnings, lang) {
  const said = warningsOfTerm(term, warnings).map((w) => w.message);
  if (said.length) return said.join(' ');
  if (term.singular) return t('cox.singular', lang);
  if (term.infinite) return t('cox.infinite', lang);
  return t('cox.notEstimated', lang);
}

/**
 * One row per term: HR (CI), coef, se, z, p; rows and events in the caption.
 * @param {CoxResult} cox @param {CoreProblem[]} warnings @param {string} lang
 */
export function coxCoefficientsTable(cox, warnings, lang) {
  const level = formatLevel(cox.conf_level, lang);
  const num = (x, f) => (isNumber(x) ? f(x) : DASH);
  const footnotes = [t('note.cox', lang, { level, ties: t(`cox.ties.${cox.ties}`, lang) })];
  for (const term of cox.coefficients) {
    if (isNumber(term.hr)) continue;
    footnotes.push(t('note.coxTerm', lang, { term: term.term,
      reason: whyNoEstimate(term, warnings, lang) }));
  }
  return {
    id: 'cox_coefficients',
    title: t('table.cox.title', lang),
    caption: t('cox.caption', lang, { n: cox.n, events: cox.events })
      + (Array.isArray(cox.strata) && cox.strata.length
        ? ` ${t('cox.stratified', lang, { n: cox.strata.length })}` : ''),
    columns: [
      { key: 'term', label: t('col.coxTerm', lang) },
      { key: 'hr', label: t('col.hrCi', lang, { level }), numeric: true },
      { key: 'coef', label: t('col.coef', lang), numeric: true },
      { key: 'se', label: t('col.se', lang), numeric: true },
      { key: 'z', label: 'z', numeric: true },
      { key: 'p', label: t('col.p', lang), numeric: true },
    ],
    rows: cox.coefficients.map((term) => ({ cells: {
      term: term.term,
      hr: formatHazardRatio(term, lang),
      coef: num(term.coef, (x) => formatSignificant(x, lang, 4)),
      se: num(term.se, (x) => formatSignificant(x, lang, 4)),
      z: num(term.z, (x) => formatFixed(x, lang, 2)),
      p: num(term.p, (x) => formatPValue(x, lang)),
    } })),
    footnotes,
  };
}

/**
 * The three tests of the whole model and the concordance, as the end of summary(coxph).
 * @param {CoxResult} cox @param {string} lang
 */
export function coxTestsTable(cox, lang) {
  const row = (key, test) => ({ cells: {
    test: t(`cox.test.${key}`, lang),
    chisq: isNumber(test?.chisq) ? formatFixed(test.chisq, lang, 2) : DASH,
    df: isNumber(test?.df) ? String(test.df) : DASH,
    p: isNumber(test?.p) ? formatPValue(test.p, lang) : DASH,
  } });
  const c = cox.concordance;
  return {
    id: 'cox_tests',
    title: t('table.coxTests.title', lang),
    caption: c && isNumber(c.estimate)
      ? t('cox.concordance', lang, { c: formatFixed(c.estimate, lang, 3),
        se: formatFixed(c.std_err, lang, 3) })
      : t('cox.noConcordance', lang),
    columns: [
      { key: 'test', label: t('col.test', lang) },
      { key: 'chisq', label: t('col.chisq', lang), numeric: true },
      { key: 'df', label: t('col.df', lang), numeric: true },
      { key: 'p', label: t('col.p', lang), numeric: true },
    ],
    rows: [row('likelihood_ratio', cox.tests.likelihood_ratio), row('wald', cox.tests.wald),
      row('score', cox.tests.score)],
    footnotes: [],
  };
}
