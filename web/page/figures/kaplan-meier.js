// Kaplan-Meier curves from a core survival object (docs/design.md §4: the `survival` of a survival
// response, or the cohort report's rfs.weeks / os.months): each group's step curve from
// groups[].table, its confidence band (lower, upper) drawn as steps too, censoring marks where
// n_censor > 0, dashed lines to groups[].median, the test's p (test.p, written by formatPValue)
// and a KMunicate-style table under the x axis from groups[].risk_table (number at risk, and
// optionally cumulative events and censorings), its columns at the table's own times (those
// that would print over the previous one left out).
import { axisBottom, axisLeft, scaleLinear } from '../vendor/d3.js';
import { formatFixed, formatMedian, formatPValue } from '../format.js';
import { t } from '../i18n/index.js';
import {
  addLegend, addText, addVerticalTitle, createFigure, lineSample, localDecimals, mergeLabels, MUTED,
  round, seriesStyle, textWidth, tickText,
} from './common.js';
import { stepBand, stepLine } from './step-paths.js';

export const KM_LABELS = Object.freeze({
  title: 'Kaplan-Meier curves',
  survival: 'Survival probability',
  /** The x axis's title; empty: "Time (days)", "Time (weeks)", ... from timeUnit. */
  time: '',
  atRisk: 'Number at risk',
  events: 'Cumulative events',
  censored: 'Cumulative censored',
  /** Before the p-value; empty: "Log-rank" for the core's 'log-rank', else its method name. */
  test: '',
});

const ROW_HEIGHT = 15;
/** x of the row labels' right end and of their line samples, left of the y axis. */
const ROW_LABEL_END = -44;
const ROW_SAMPLE = [-40, -20];
/** The least space between the numbers of two columns of the risk table. */
const COLUMN_GAP = 3;

/**
 * @typedef {object} KaplanMeierOptions
 * @property {'days'|'weeks'|'months'} [timeUnit]  The unit of the table's times (for the axis
 *   title only: the core already converted them). Default 'days'.
 * @property {boolean} [showCI]      Confidence bands, as steps. Default true.
 * @property {boolean} [showCensor]  '+' at each time with censorings, on the curve. Default true.
 * @property {boolean} [showMedian]  Dashed lines from 0.5 to each reached median. Default false.
 * @property {'none'|'at_risk'|'full'} [riskTable]  Under the x axis: nothing, the number at risk,
 *   or that plus cumulative events and censorings (KMunicate). Default 'at_risk'.
 * @property {number} [width]   Of the whole figure. Default 720.
 * @property {number} [height]  Of the curves' panel with its axes; the risk table adds its rows
 *   below, so the SVG's height is this plus the table's. Default 400.
 * @property {string} [lang]  'en' or 'fr': the SVG's lang attribute and the decimal mark of
 *   its numbers (0,2 and p = 0,065 in French); the words come from labels.
 * @property {Partial<typeof KM_LABELS>} [labels]  English defaults.
 * @property {string} [description]  The <desc> read by screen readers; default: the figure's
 *   numbers in words, in lang's language.
 */

/**
 * @param {Document} doc
 * @param {import('../../shared/core-api.js').SurvivalResult & {groups: any[]}} survival
 * @param {KaplanMeierOptions} [options]
 * @returns {SVGSVGElement}
 */
export function drawKaplanMeier(doc, survival, options = {}) {
  const {
    timeUnit = 'days', showCI = true, showCensor = true, showMedian = false,
    riskTable = 'at_risk', width = 720, height = 400, lang,
  } = options;
  if (!['none', 'at_risk', 'full'].includes(riskTable)) {
    throw new RangeError(`riskTable must be none, at_risk or full, not "${riskTable}"`);
  }
  const labels = mergeLabels(KM_LABELS, options.labels);
  const timeTitle = labels.time || `Time (${timeUnit})`;
  const groups = survival.groups ?? [];
  const test = survival.test ?? null;
  const testName = labels.test
    || (test?.method === 'log-rank' ? 'Log-rank' : (test?.method ?? ''));
  const named = groups.length > 1;  // one group is the whole sample ('all'): no legend, no labels

  // ---- scales and layout -------------------------------------------------------------------
  const riskTimes = groups.find((g) => g.risk_table?.time?.length)?.risk_table.time ?? [];
  const lastTime = Math.max(0, ...groups.map((g) => g.table.time.at(-1) ?? 0), ...riskTimes);
  const blocks = riskTable === 'none' || !riskTimes.length ? []
    : riskTable === 'at_risk' ? [['n_risk', labels.atRisk]]
      : [['n_risk', labels.atRisk], ['cumulative_events', labels.events],
        ['cumulative_censored', labels.censored]];
  // Row labels end ROW_LABEL_END left of the axis: the first column (t = 0) is centred on it.
  const rowLabelWidth = named && blocks.length
    ? Math.max(...groups.map((g) => textWidth(g.name))) - ROW_LABEL_END + 8 : 0;
  const left = Math.min(Math.max(56, rowLabelWidth), width * 0.4);
  const right = 16 + textWidth(tickText(lastTime)) / 2;
  const plotWidth = Math.max(60, width - left - right);

  const x = scaleLinear().domain([0, lastTime || 1]).range([0, plotWidth]);
  if (!riskTimes.length) x.nice();
  const columns = spacedColumns(riskTimes, x, (k) => Math.max(textWidth(tickText(riskTimes[k])),
    ...blocks.flatMap(([key]) => groups.map((g) => textWidth(String(g.risk_table?.[key]?.[k]
      ?? ''))))));
  const xTicks = riskTimes.length ? columns
    : x.ticks(Math.max(2, Math.round(plotWidth / 70)));

  const desc = options.description
    ?? describe(groups, test, testName, timeUnit, survival.conf_type, lang);
  const svg = createFigure(doc, {
    width, height: 1, title: labels.title, desc, lang, className: 'km-figure',
  });

  // The legend and the test's p above the panel, where no curve or band can hide them.
  let top = 10;
  const pText = test && typeof test.p === 'number' ? formatPValue(test.p, lang) : null;
  const testPrefix = testName ? `${testName}: ` : '';
  const pWidth = pText ? textWidth(testPrefix + pText) + 16 : 0;
  let legendHeight = 0;
  if (named) {
    const legendItems = groups.map((g, i) => {
      const { colour, dash } = seriesStyle(i);
      return { label: g.name, draw: (s) => lineSample(s, colour, dash) };
    });
    const legend = svg.append('g').attr('transform', `translate(${round(left)},${top})`);
    legendHeight = addLegend(legend, legendItems, Math.max(120, plotWidth - pWidth));
  }
  if (pText) {
    const t = addText(svg, testPrefix, { x: left + plotWidth, y: top + 6, dy: '0.32em',
      anchor: 'end', className: 'km-test' });
    t.append('tspan').attr('class', 'km-p').text(pText);
  }
  if (named || pText) top += Math.max(legendHeight, 16) + 8;
  const plotHeight = Math.max(60, height - top - 42);
  const y = scaleLinear().domain([0, 1]).range([plotHeight, 0]);

  const plot = svg.append('g').attr('class', 'km-plot')
    .attr('transform', `translate(${round(left)},${top})`);

  // ---- axes --------------------------------------------------------------------------------
  plot.append('g').attr('class', 'km-axis-x').attr('transform', `translate(0,${round(plotHeight)})`)
    .call(axisBottom(x).tickValues(xTicks).tickFormat((v) => localDecimals(tickText(v), lang)));
  plot.append('g').attr('class', 'km-axis-y')
    .call(axisLeft(y).tickValues([0, 0.2, 0.4, 0.6, 0.8, 1])
      .tickFormat((v) => localDecimals(v.toFixed(1), lang)));
  addText(plot, timeTitle, { x: plotWidth / 2, y: plotHeight + 34, anchor: 'middle',
    className: 'km-axis-title' });
  addVerticalTitle(plot, labels.survival, -40, plotHeight / 2, 'km-axis-title');

  // ---- medians, bands, curves, censorings ----------------------------------------------------
  if (showMedian) {
    groups.forEach((g, i) => {
      const m = g.median?.estimate;
      if (typeof m !== 'number') return;
      plot.append('path').attr('class', 'km-median').attr('data-group', i)
        .attr('d', `M0,${round(y(0.5))}H${round(x(m))}V${round(y(0))}`)
        .attr('fill', 'none').attr('stroke', MUTED).attr('stroke-width', 1)
        .attr('stroke-dasharray', '4 3');
    });
  }

  const start = { t: 0, surv: 1, lower: 1, upper: 1 };
  const rows = groups.map((g) => [start, ...g.table.time.map((t, k) => ({
    t, surv: g.table.surv[k], lower: g.table.lower?.[k], upper: g.table.upper?.[k],
    censored: g.table.n_censor[k] > 0,
  }))]);

  if (showCI) {
    const band = (points) => stepBand(points, (d) => round(x(d.t)), (d) => round(y(d.lower)),
      (d) => round(y(d.upper)), (d) => typeof d.lower === 'number' && typeof d.upper === 'number');
    rows.forEach((points, i) => {
      if (points.length < 2) return;
      plot.append('path').attr('class', 'km-ci').attr('data-group', i)
        .attr('d', band(points)).attr('fill', seriesStyle(i).colour).attr('fill-opacity', 0.12)
        .attr('stroke', 'none');
    });
  }

  const curve = (points) => stepLine(points, (d) => round(x(d.t)), (d) => round(y(d.surv)));
  rows.forEach((points, i) => {
    const { colour, dash } = seriesStyle(i);
    const path = plot.append('path').attr('class', 'km-curve').attr('data-group', i)
      .attr('d', curve(points)).attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2);
    if (dash) path.attr('stroke-dasharray', dash);
  });

  if (showCensor) {
    rows.forEach((points, i) => {
      const marks = points.filter((d) => d.censored)
        .map((d) => [round(x(d.t)), round(y(d.surv))])
        .map(([cx, cy]) => `M${round(cx - 4)},${cy}h8M${cx},${round(cy - 4)}v8`);
      if (!marks.length) return;
      plot.append('path').attr('class', 'km-censor').attr('data-group', i)
        .attr('data-count', marks.length).attr('d', marks.join(''))
        .attr('fill', 'none').attr('stroke', seriesStyle(i).colour).attr('stroke-width', 1.5);
    });
  }

  // ---- the risk table ---------------------------------------------------------------------
  let tableTop = plotHeight + 44;
  const table = plot.append('g').attr('class', 'km-risk-table');
  for (const [key, heading] of blocks) {
    addText(table, heading, { x: 8 - left, y: tableTop + ROW_HEIGHT - 4, weight: 'bold',
      className: 'km-risk-heading' });
    tableTop += ROW_HEIGHT;
    groups.forEach((g, i) => {
      const row = table.append('g').attr('class', 'km-risk-row').attr('data-group', i)
        .attr('data-kind', key)
        .attr('transform', `translate(0,${round(tableTop + ROW_HEIGHT - 4)})`);
      if (named) {
        const { colour, dash } = seriesStyle(i);
        lineSample(row.append('g').attr('transform', `translate(${ROW_SAMPLE[0]},-10)`), colour,
          dash, 2).attr('d', `M0,6H${ROW_SAMPLE[1] - ROW_SAMPLE[0]}`);
        addText(row, g.name, { x: ROW_LABEL_END, anchor: 'end',
          maxWidth: left + ROW_LABEL_END - 8, className: 'km-risk-label' });
      }
      const rt = g.risk_table;
      (rt?.time ?? []).forEach((t, k) => {
        if (!columns.includes(t)) return;
        addText(row, String(rt[key][k]), { x: x(t), anchor: 'middle', className: 'km-risk-cell' });
      });
      tableTop += ROW_HEIGHT;
    });
    tableTop += 4;
  }

  const totalHeight = round(top + tableTop + 4);
  svg.attr('height', totalHeight).attr('viewBox', `0 0 ${round(width)} ${totalHeight}`);
  svg.select('.figure-background').attr('height', totalHeight);
  return svg.node();
}

/**
 * The risk table's times that get a column (a tick and the cells under it): on a long axis in
 * short units (overall survival in weeks at a tablet's width) the columns come closer than their
 * numbers are wide and would print over each other, so a column too close to the last one kept
 * is left out of the drawing (the core's answer keeps it). The first column (t = 0) is kept.
 * @param {number[]} times
 * @param {(t: number) => number} x
 * @param {(k: number) => number} widthOf  The widest text of column k.
 */
function spacedColumns(times, x, widthOf) {
  const kept = [];
  let last = -1;
  times.forEach((t, k) => {
    if (last >= 0 && x(t) - x(times[last]) < (widthOf(k) + widthOf(last)) / 2 + COLUMN_GAP) return;
    kept.push(t);
    last = k;
  });
  return kept;
}

/** The numbers of the figure in words, for screen readers (the page also prints them). */
function describe(groups, test, testName, timeUnit, confType, lang) {
  const parts = [t('desc.km.head', lang, { unit: t(`unit.${timeUnit}`, lang),
    groups: groups.length === 1 ? t('desc.km.oneGroup', lang)
      : t('desc.km.groups', lang, { n: groups.length }) })];
  for (const g of groups) {
    const median = g.median ? formatMedian(g.median, confType ?? 'log', lang)
      : t('desc.notAvailable', lang);
    parts.push(t('desc.km.group', lang, { group: g.name, n: g.n, events: g.events, median }));
  }
  if (test && typeof test.p === 'number') {
    parts.push(t('desc.km.test', lang, { test: testName ? `${testName}: ` : '',
      chisq: formatFixed(test.chisq, lang, 2), df: test.df, p: formatPValue(test.p, lang) }));
  }
  return parts.join(' ');
}
