// The survival calculator's tables: one row per group (n, events, median with its CI; the test
// in the caption) and the estimates at the chosen times, as summary(fit, times =) gives them.
// After a landmark the time columns read "time since landmark L" and the rows it left out are
// stated (survival-comparison-tables.js).

import {
  formatDecimal, formatEstimate, formatFixed, formatLevel, formatPValue, formatSurvivalAt,
} from '../format.js';
import { t } from '../i18n/index.js';
import { landmarkCaption, survivalTimeTitle } from './survival-comparison-tables.js';

/**
 * The survival calculator's numbers beside its figure (docs/design.md §6): one row per group (name
 * as in the file, n, events, median with its CI in the file's time unit), the test in the caption.
 * @param {import('../../shared/core-api.js').SurvivalResult} survival @param {string} lang
 */
export function survivalGroupsTable(survival, lang) {
  const level = formatLevel(survival.conf_level, lang);
  const withCi = survival.conf_type !== 'none';
  const test = survival.test;
  let caption = t('survival.noTest', lang);
  if (test) {
    const method = test.method === 'log-rank' ? t('survival.logRankTest', lang)
      : t('survival.testHf', lang, { rho: formatDecimal(test.rho, lang) });
    caption = t('survival.testLine', lang, {
      method, chisq: formatFixed(test.chisq, lang, 2), df: test.df, p: formatPValue(test.p, lang),
    });
  }
  return {
    id: 'survival_groups',
    title: t('table.survivalGroups.title', lang),
    caption,
    columns: [
      { key: 'group', label: t('col.group', lang) },
      { key: 'n', label: t('col.n', lang), numeric: true },
      { key: 'events', label: t('col.events', lang), numeric: true },
      {
        key: 'median',
        label: t(withCi ? 'col.medianCi' : 'col.medianPlain', lang, { level }),
        numeric: true,
      },
    ],
    rows: survival.groups.map((g) => ({
      cells: {
        group: String(g.name), n: String(g.n), events: String(g.events),
        median: formatEstimate(g.median, lang, null, withCi),
      },
    })),
    footnotes: [
      ...(withCi ? [t('note.km', lang, { level, confType: survival.conf_type })] : []),
      ...[landmarkCaption(survival, lang)].filter(Boolean),
    ],
  };
}

/**
 * The restricted mean survival time up to tau per group (print(fit, rmean = tau) of R) with its
 * CI, and each later group's difference from the first with its CI and p; null when no tau was
 * asked for.
 * @param {import('../../shared/core-api.js').SurvivalResult} survival
 * @param {string} lang
 */
export function survivalRmstTable(survival, lang) {
  const first = survival.groups[0]?.rmst;
  if (!first) return null;
  const level = formatLevel(survival.conf_level, lang);
  const interval = (e) => `${formatFixed(e.estimate, lang, 2)} (${formatFixed(e.lower, lang, 2)} `
    + `${t('fmt.to', lang)} ${formatFixed(e.upper, lang, 2)})`;
  const differences = new Map((survival.rmst_difference ?? []).map((d) => [d.group, d]));
  return {
    id: 'survival_rmst',
    title: t('table.rmst.title', lang, { tau: formatDecimal(first.tau, lang) }),
    caption: landmarkCaption(survival, lang),
    columns: [
      { key: 'group', label: t('col.group', lang) },
      { key: 'rmst', label: t('col.rmstCi', lang, { level }), numeric: true },
      { key: 'difference', label: t('col.rmstDifference', lang,
        { level, reference: String(survival.groups[0].name) }), numeric: true },
      { key: 'p', label: t('col.p', lang), numeric: true },
    ],
    rows: survival.groups.map((g) => {
      const d = differences.get(g.name);
      return { cells: {
        group: String(g.name),
        rmst: g.rmst ? interval(g.rmst) : '–',
        difference: d ? interval(d) : '–',
        p: d && d.p !== null ? formatPValue(d.p, lang) : '–',
      } };
    }),
    footnotes: [t('note.rmst', lang, { level })],
  };
}

/**
 * The survival calculator's estimates at the chosen times (summary(fit, times =) of R): one row
 * per group and time, with the number at risk and S with its CI; null when no time was chosen.
 * @param {import('../../shared/core-api.js').SurvivalResult} survival
 * @param {string} lang
 */
export function survivalAtTimesTable(survival, lang) {
  const rows = [];
  const withCi = survival.conf_type !== 'none';
  for (const g of survival.groups) {
    const at = g.at_times;
    if (!at) continue;
    at.time.forEach((time, k) => rows.push({ cells: {
      group: String(g.name),
      time: formatDecimal(time, lang),
      at_risk: String(at.n_risk[k]),
      estimate: formatSurvivalAt(at.surv[k], withCi ? at.lower[k] : null,
        withCi ? at.upper[k] : null, lang),
    } }));
  }
  if (rows.length === 0) return null;
  return {
    id: 'survival_at_times',
    title: t('table.atTimes.title', lang),
    caption: landmarkCaption(survival, lang),
    columns: [
      { key: 'group', label: t('col.group', lang) },
      { key: 'time', label: survivalTimeTitle(survival, lang), numeric: true },
      { key: 'at_risk', label: t('col.atRisk', lang), numeric: true },
      { key: 'estimate', label: t(withCi ? 'col.survivalCi' : 'col.survivalPlain', lang,
        { level: formatLevel(survival.conf_level, lang) }), numeric: true },
    ],
    rows,
    footnotes: [],
  };
}
