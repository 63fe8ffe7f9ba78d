// The competing-risks tables of the survival calculator (docs/design.md §4.1): the curves with
// their rows and events, the cumulative incidence at the chosen times with its log(−log) limits,
// and Gray's test per cause. Table models (table-model.js) of the core's `cif` answer, which
// computed every number: cmprsk::cuminc's estimates and variances, timepoints()' values.

import {
  formatDecimal, formatFixed, formatLevel, formatPValue, formatSurvivalAt, isNumber,
} from '../format.js';
import { t } from '../i18n/index.js';

/** @typedef {import('../../shared/core-api.js').CifResult} CifResult */

/** "1384 rows read, 1384 used (409 censored)", and each reason rows were left out for. */
export function cifRowsCaption(cif, lang) {
  const rows = cif.rows;
  const parts = [t('cif.rowsLine', lang, { read: rows.read, used: rows.used,
    censored: rows.censored, censor: String(cif.censor_value) })];
  for (const [reason, n] of Object.entries(rows.left_out ?? {})) {
    if (n > 0) parts.push(t('cif.leftOut', lang, { n, reason }));
  }
  return parts.join(' ');
}

/**
 * One row per group and cause, in the core's order (causes outer, groups inner, as cuminc).
 * @param {CifResult} cif @param {string} lang
 */
export function cifCurvesTable(cif, lang) {
  return {
    id: 'cif_curves',
    title: t('table.cifCurves.title', lang),
    caption: cifRowsCaption(cif, lang),
    columns: [
      { key: 'cause', label: t('col.cause', lang) },
      { key: 'group', label: t('col.group', lang) },
      { key: 'n', label: t('col.n', lang), numeric: true },
      { key: 'events', label: t('col.causeEvents', lang), numeric: true },
      { key: 'last_time', label: t('col.lastTime', lang), numeric: true },
    ],
    rows: cif.groups.map((g) => ({ cells: {
      cause: String(g.cause), group: String(g.name), n: String(g.n), events: String(g.events),
      last_time: formatDecimal(g.last_time, lang),
    } })),
    footnotes: [],
  };
}

/**
 * The incidence of each cause in each group at the chosen times (timepoints() of cmprsk), "–"
 * after the group's last time where R gives NA; null when no time was chosen.
 * @param {CifResult} cif @param {string} lang
 */
export function cifAtTimesTable(cif, lang) {
  const rows = [];
  for (const g of cif.groups) {
    const at = g.at_times;
    if (!at) continue;
    at.time.forEach((time, k) => rows.push({ cells: {
      cause: String(g.cause),
      group: String(g.name),
      time: formatDecimal(time, lang),
      estimate: isNumber(at.estimate[k])
        ? formatSurvivalAt(at.estimate[k], at.lower[k], at.upper[k], lang) : '–',
    } }));
  }
  if (rows.length === 0) return null;
  const level = formatLevel(cif.conf_level, lang);
  return {
    id: 'cif_at_times',
    title: t('table.cifAtTimes.title', lang),
    caption: '',
    columns: [
      { key: 'cause', label: t('col.cause', lang) },
      { key: 'group', label: t('col.group', lang) },
      { key: 'time', label: t('col.timePlain', lang), numeric: true },
      { key: 'estimate', label: t('col.cifCi', lang, { level }), numeric: true },
    ],
    rows,
    footnotes: [t('note.cif', lang, { level })],
  };
}

/**
 * Gray's test of each cause across the groups; null without a group column (no test).
 * @param {CifResult} cif @param {string} lang
 */
export function cifGrayTable(cif, lang) {
  if (!cif.gray?.length) return null;
  return {
    id: 'cif_gray',
    title: t('table.gray.title', lang),
    caption: Array.isArray(cif.strata) && cif.strata.length
      ? t('cif.stratified', lang, { n: cif.strata.length }) : '',
    columns: [
      { key: 'cause', label: t('col.cause', lang) },
      { key: 'stat', label: t('col.chisq', lang), numeric: true },
      { key: 'df', label: t('col.df', lang), numeric: true },
      { key: 'p', label: t('col.p', lang), numeric: true },
    ],
    rows: cif.gray.map((test) => ({ cells: {
      cause: String(test.cause),
      stat: isNumber(test.stat) ? formatFixed(test.stat, lang, 2) : '–',
      df: String(test.df),
      p: isNumber(test.p) ? formatPValue(test.p, lang) : '–',
    } })),
    footnotes: [],
  };
}
