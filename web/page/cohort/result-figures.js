// The figures of the cohort report (main thread): Kaplan-Meier curves of RFS and OS, the
// cumulative incidence of response (its module loaded with the first report that has it), platelet
// trajectories, platelets by week (with its weeks as a folded table under it), response bars and
// a swimmer plot, each with its SVG and PNG exports and a link to the table of its numbers; the
// options above them (confidence bands, censor marks, medians, the number-at-risk table, weeks or
// months); and the same drawings as SVG text with their captions, for the printable report.
import {
  drawKaplanMeier, drawPlateletsByWeek, drawPlateletTrajectories, drawResponseBars, drawSwimmer,
  svgToString,
} from '../figures/index.js';
import { followWidth } from '../figure-width.js';
import { t } from '../i18n/index.js';
import { $, el, figureDataLink, figureExports } from '../page-kit.js';
import { plateletsByWeekTable } from '../tables/report-tables.js';
import { tableBlock } from '../tables/table-block.js';

/** @typedef {import('../../shared/core-api.js').CohortReport} CohortReport */

/** Each figure's title (an i18n id), by its name in drawers(). */
const FIGURE_TITLES = Object.freeze({ rfs: 'figure.rfs', os: 'figure.os',
  responseIncidence: 'figure.responseIncidence', trajectories: 'figure.trajectories',
  plateletsByWeek: 'figure.plateletsByWeek', response: 'figure.responseBars',
  swimmer: 'figure.swimmer' });
/**
 * The element on the page holding each figure's numbers, its data table's link: the survival
 * table has the curves' medians, the per-patient table each patient of the trajectories and the
 * swimmer plot, the weeks' table is folded under their figure.
 */
const FIGURE_TABLES = Object.freeze({ rfs: 'table-survival', os: 'table-survival',
  responseIncidence: 'table-response_incidence', trajectories: 'patients',
  plateletsByWeek: 'table-platelets_by_week', response: 'table-response', swimmer: 'patients' });
/** Weeks with fewer patients are a point of the platelets-by-week figure, not its line. */
const MIN_PATIENTS_A_WEEK = 3;

/**
 * The cumulative incidence of response's numbers for its CSV export: a row per event time of
 * each cause, as the core gives them.
 */
function incidenceRows(incidence, lang) {
  const rows = [[t('col.cause', lang), t('col.monthsFromD0', lang), t('col.estimate', lang),
    t('col.variance', lang), t('col.lower', lang), t('col.upper', lang)]];
  for (const c of incidence.curves) {
    c.table.time.forEach((time, k) => rows.push([t(`cause.${c.cause}`, lang), time,
      c.table.estimate[k], c.table.variance[k], c.table.lower[k], c.table.upper[k]]));
  }
  return rows;
}

/** @param {{lang: () => string}} context */
export function createResultFigures({ lang }) {
  const options = { showCI: true, showCensor: true, showMedian: false, riskTable: 'at_risk' };
  // The unit of the Kaplan-Meier curves' time axis: the core gives RFS and OS in both.
  const kmUnit = { rfs: 'weeks', os: 'months' };
  /** @type {CohortReport | null} */
  let report = null;
  /** @type {typeof import('../figures/response-incidence.js') | null} */
  let incidenceFigure = null;
  // Each figure fills its column of the grid, again when that changes.
  const columnWidth = followWidth($('figures'), () => { if (report) render(); });

  /** Each figure of the report, drawn with the current options and language. */
  function drawers() {
    const r = report;
    const l = lang();
    const width = columnWidth();
    const km = (survival, unit, title) => () => (survival ? drawKaplanMeier(document, survival,
      { ...options, timeUnit: unit, lang: l, width,
        labels: { title, survival: t('axis.probability', l),
          time: t(`axis.${unit}`, l), atRisk: t('figure.numberAtRisk', l) } }) : null);
    // R's and CR's thresholds of the criteria, drawn on both platelet figures.
    const thresholds = [r.criteria.response?.value, r.criteria.complete_response?.value]
      .filter((v) => typeof v === 'number' && Number.isFinite(v));
    const landmark = { landmarkDay: r.criteria.landmark.day,
      window: [r.criteria.landmark.window_from, r.criteria.landmark.window_to] };
    return {
      rfs: km(r.rfs?.[kmUnit.rfs], kmUnit.rfs, t('figure.rfs', l)),
      os: km(r.os?.[kmUnit.os], kmUnit.os, t('figure.os', l)),
      responseIncidence: () => (r.response_incidence && incidenceFigure
        ? incidenceFigure.drawResponseIncidence(document, r.response_incidence, { lang: l, width,
          labels: { title: t('figure.responseIncidence', l), time: t('axis.months', l),
            incidence: t('figure.responseIncidence.axis', l),
            eventFree: t('figure.responseIncidence.none', l) },
          causeNames: Object.fromEntries(r.response_incidence.curves
            .map((c) => [c.cause, t(`cause.${c.cause}`, l)])) })
        : null),
      trajectories: () => drawPlateletTrajectories(document, r.patients, { lang: l, width,
        ...landmark, ...(thresholds.length ? { thresholds } : {}) }),
      plateletsByWeek: () => (r.platelets_by_week ? drawPlateletsByWeek(document,
        r.platelets_by_week, { lang: l, width, ...landmark,
          ...(thresholds.length ? { thresholds } : {}),
          minPatients: MIN_PATIENTS_A_WEEK,
          labels: { title: t('figure.plateletsByWeek', l), platelets: t('axis.plateletsLog', l),
            time: t('axis.weeksSinceD0', l), week: t('figure.week', l),
            median: t('figure.median', l), iqr: t('figure.iqr', l),
            sparse: t('figure.fewPatients', l, { n: MIN_PATIENTS_A_WEEK }),
            patients: t('axis.patients', l), landmark: t('figure.landmark', l) } }) : null),
      response: () => drawResponseBars(document, r.response, { lang: l, width }),
      swimmer: () => drawSwimmer(document, r.patients, { lang: l, width }),
    };
  }

  function render() {
    const blocks = [];
    for (const [name, draw] of Object.entries(drawers())) {
      const svg = draw();
      if (!svg) continue;
      // The title heads its figure, with the exports under it, so that it never reads as the
      // heading of the next one. A figure that writes its title above its plot (and so in its
      // exports) is not captioned again.
      const titled = svg.getAttribute('data-title-shown') === 'true';
      const title = t(FIGURE_TITLES[name], lang());
      const csvRows = name === 'responseIncidence'
        ? () => incidenceRows(report.response_incidence, lang()) : undefined;
      const block = el('figure', { class: 'figure', id: `figure-${name}` },
        titled ? null : el('figcaption', {}, title),
        figureExports(draw, `figure-${name}`, title, lang(), csvRows), svg,
        figureDataLink(FIGURE_TABLES[name], title, lang()));
      if (name === 'plateletsByWeek') {
        // Its numbers, under it: the weeks as a table, with their CSV export.
        const model = plateletsByWeekTable(report, lang());
        if (model) {
          block.append(el('details', { class: 'figure-data' },
            el('summary', {}, t('figure.showData', lang(), { weeks: model.rows.length })),
            tableBlock(model, lang())));
        }
      }
      blocks.push(block);
    }
    $('figures').replaceChildren(...blocks);
  }

  function renderOptions() {
    const toggle = (key, label) => {
      const box = el('input', { type: 'checkbox', checked: options[key] });
      box.addEventListener('change', () => { options[key] = box.checked; render(); });
      return el('label', {}, box, ` ${t(label, lang())}`);
    };
    const risk = el('select', { 'aria-label': t('figure.numberAtRisk', lang()) });
    risk.append(new Option('—', 'none'), new Option(t('figure.numberAtRisk', lang()), 'at_risk'),
      new Option(`${t('figure.numberAtRisk', lang())} + ${t('col.cumEvents', lang())}`, 'full'));
    risk.value = options.riskTable;
    risk.addEventListener('change', () => { options.riskTable = risk.value; render(); });
    const unit = (which) => {
      const select = el('select', { 'aria-label': `${t(`figure.${which}`, lang())}: `
        + t('figure.timeUnit', lang()) });
      select.append(new Option(t('unit.weeks', lang()), 'weeks'),
        new Option(t('unit.months', lang()), 'months'));
      select.value = kmUnit[which];
      select.addEventListener('change', () => { kmUnit[which] = select.value; render(); });
      const label = `${t(`outcome.${which}`, lang())} — ${t('figure.timeUnit', lang())} `;
      return el('label', {}, label, select);
    };
    $('figure-options').replaceChildren(toggle('showCI', 'figure.showCi'),
      toggle('showCensor', 'figure.censored'), toggle('showMedian', 'figure.showMedian'), risk,
      unit('rfs'), unit('os'));
  }

  return {
    /**
     * Shows the options and the figures of this report.
     * @param {CohortReport} shown
     */
    show(shown) {
      report = shown;
      renderOptions();
      render();
      if (shown.response_incidence && !incidenceFigure) {
        import('../figures/response-incidence.js').then((module) => {
          incidenceFigure = module;
          if (report === shown) render();
        });
      }
    },
    /**
     * The figures as shown now, as SVG text, and their captions in the page's language: what
     * the printable report needs.
     */
    forPrint() {
      const svgs = {};
      for (const [name, draw] of Object.entries(drawers())) {
        const svg = draw();
        if (svg) svgs[name] = svgToString(svg);
      }
      const captions = Object.fromEntries(Object.entries(FIGURE_TITLES)
        .map(([name, id]) => [name, t(id, lang())]));
      return { svgs, captions };
    },
  };
}
