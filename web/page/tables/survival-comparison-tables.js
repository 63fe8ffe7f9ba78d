// The survival calculator's comparisons beyond the overall test (docs/design.md §4.1): the
// pairwise tests with their adjusted p, the test for trend, and what a landmark did to the rows.
// Plain table models of the core's answer (table-model.js); the core computed every number.

import { formatDecimal, formatFixed, formatPValue, isNumber } from '../format.js';
import { t } from '../i18n/index.js';

/** The adjustment's name as a reader knows it: R's method names, BH spelled out. */
export function adjustmentName(method, lang) {
  return t(`pairwise.method.${method}`, lang);
}

/** "Log-rank" or the G-rho test's name, for the titles of the comparisons. */
function testName(survival, lang) {
  const test = survival.test;
  if (!test || test.method === 'log-rank') return t('survival.logRankTest', lang);
  return t('survival.testHf', lang, { rho: formatDecimal(test.rho, lang) });
}

const chisqText = (x, lang) => (isNumber(x) ? formatFixed(x, lang, 2) : '–');
const pText = (p, lang) => (isNumber(p) ? formatPValue(p, lang) : '–');

/**
 * Each pair of groups tested on its own rows, p adjusted over the pairs (p.adjust); null when
 * no pairwise test was asked for.
 * @param {import('../../shared/core-api.js').SurvivalResult} survival
 * @param {string} lang
 */
export function survivalPairwiseTable(survival, lang) {
  if (!Array.isArray(survival.pairwise)) return null;
  const method = survival.pairwise_adjustment;
  const untested = survival.pairwise.filter((pair) => !isNumber(pair.p)).length;
  return {
    id: 'survival_pairwise',
    title: t('table.pairwise.title', lang, { test: testName(survival, lang) }),
    caption: landmarkCaption(survival, lang),
    columns: [
      { key: 'pair', label: t('col.pair', lang) },
      { key: 'chisq', label: t('col.chisq', lang), numeric: true },
      { key: 'df', label: t('col.df', lang), numeric: true },
      { key: 'p', label: t('col.p', lang), numeric: true },
      { key: 'p_adjusted', label: t('col.pAdjusted', lang,
        { method: adjustmentName(method, lang) }), numeric: true },
    ],
    rows: survival.pairwise.map((pair) => ({ cells: {
      pair: t('fmt.versus', lang, { a: String(pair.groups[0]), b: String(pair.groups[1]) }),
      chisq: chisqText(pair.chisq, lang),
      df: isNumber(pair.df) ? String(pair.df) : '–',
      p: pText(pair.p, lang),
      p_adjusted: pText(pair.p_adjusted, lang),
    } })),
    footnotes: [
      t('note.pairwise', lang, { method: adjustmentName(method, lang) }),
      ...(untested ? [t('note.pairwiseUntested', lang, { n: untested })] : []),
    ],
  };
}

/**
 * The log-rank test for trend over the groups' scores, one row; null when not asked for.
 * @param {import('../../shared/core-api.js').SurvivalResult} survival
 * @param {string} lang
 */
export function survivalTrendTable(survival, lang) {
  const trend = survival.trend;
  if (!trend) return null;
  const scores = trend.groups.map((group, i) => t('fmt.scoreOf', lang,
    { group: String(group), score: formatDecimal(trend.scores[i], lang) })).join(', ');
  return {
    id: 'survival_trend',
    title: t('table.trend.title', lang, { test: testName(survival, lang) }),
    caption: landmarkCaption(survival, lang),
    columns: [
      { key: 'scores', label: t('col.scores', lang) },
      { key: 'chisq', label: t('col.chisq', lang), numeric: true },
      { key: 'df', label: t('col.df', lang), numeric: true },
      { key: 'p', label: t('col.p', lang), numeric: true },
    ],
    rows: [{ cells: {
      scores, chisq: chisqText(trend.chisq, lang), df: String(trend.df), p: pText(trend.p, lang),
    } }],
    footnotes: [t('note.trend', lang)],
  };
}

/**
 * What a landmark did, said where the numbers are: "Time since landmark 30; 42 rows that ended
 * at or before it are left out." Empty without a landmark.
 * @param {import('../../shared/core-api.js').SurvivalResult} survival
 * @param {string} lang
 */
export function landmarkCaption(survival, lang) {
  if (!isNumber(survival.landmark)) return '';
  return t('note.landmark', lang, { landmark: formatDecimal(survival.landmark, lang),
    n: survival.rows?.left_out?.before_landmark ?? 0 });
}

/**
 * The time axis's and time columns' title: "Time", or "Time since landmark 30".
 * @param {import('../../shared/core-api.js').SurvivalResult} survival
 * @param {string} lang
 */
export function survivalTimeTitle(survival, lang) {
  return isNumber(survival.landmark)
    ? t('axis.timeSinceLandmark', lang, { landmark: formatDecimal(survival.landmark, lang) })
    : t('axis.time', lang);
}
