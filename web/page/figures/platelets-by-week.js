// The platelet counts of the cohort by week since D0, from the cohort report's
// platelets_by_week (docs/design.md §5; docs/decisions.md "Platelet counts by week"): week w holds
// days 7w to 7w + 6, each patient gives one value a week (the median of their counts that week),
// and the core gives per week the number of patients, the median and the quartiles (q1, q3) of
// those values. Drawn as the median (a line with a point per week) inside its interquartile
// range (a band), on a log y axis in G/L as the per-patient trajectories are, with the response
// thresholds drawn as that figure draws them (dashed horizontal lines labelled on the right) and
// the landmark with its window. Weeks with fewer than `minPatients` patients keep their point
// (hollow) but stay out of the line and the band: a median of one or two patients is not a
// cohort's course. The number of patients of the week under each tick of the x axis, as a number
// at risk is written under a survival curve. Every number drawn is the core's.
import {
  area, axisBottom, axisLeft, line, max, min, scaleLinear, scaleLog,
} from '../vendor/d3.js';
import { t } from '../i18n/index.js';
import {
  addLegend, addText, addVerticalTitle, createFigure, localDecimals, mergeLabels, MUTED,
  PALETTE, round, textWidth, tickText,
} from './common.js';

export const PLATELETS_BY_WEEK_LABELS = Object.freeze({
  title: 'Platelet counts by week since D0: median and IQR',
  /** Empty: "Platelets (G/L, log scale)" or "Platelets (G/L)", from the scale. */
  platelets: '',
  time: 'Weeks since D0',
  week: 'Week',
  median: 'Median',
  iqr: 'Interquartile range',
  /** "{n}" is replaced by minPatients. */
  sparse: 'Fewer than {n} patients: point only',
  patients: 'Patients',
  landmark: 'Landmark',
});

const Y_TICKS = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];
const LINE_COLOUR = PALETTE[0];
const TITLE_SIZE = 13;

/**
 * @typedef {object} PlateletsByWeek  The cohort report's platelets_by_week.
 * @property {string} [unit]  'weeks'.
 * @property {number} [quantile_type]
 * @property {number[]} week
 * @property {number[]} patients
 * @property {(number|null)[]} median
 * @property {(number|null)[]} q1
 * @property {(number|null)[]} q3
 */

/**
 * @typedef {object} PlateletsByWeekOptions
 * @property {number[]} [thresholds]  Horizontal lines, in G/L (R's and CR's thresholds of the
 *   criteria). Default [30, 100].
 * @property {'log'|'linear'} [scale]  Of the y axis. Default 'log', as the trajectories.
 * @property {number} [floor]  On a log axis, values at or below it are drawn at it. Default 1.
 * @property {number} [minPatients]  Weeks with fewer patients are a point only. Default 3.
 * @property {number|null} [landmarkDay]  A vertical mark there (criteria.landmark.day), drawn at
 *   day / 7 weeks. Default none.
 * @property {[number, number]|null} [window]  The landmark's window in days, shaded.
 *   Default none.
 * @property {boolean} [showTitle]  The title written above the plot (so an exported file carries
 *   it). Default true.
 * @property {boolean} [patientsRow]  The number of patients of the week under the x axis's
 *   ticks. Default true.
 * @property {number} [width]   Default 720.
 * @property {number} [height]  Default 440.
 * @property {string} [lang]  'en' or 'fr': the SVG's lang attribute and the decimal mark of
 *   its numbers; the words come from labels.
 * @property {Partial<typeof PLATELETS_BY_WEEK_LABELS>} [labels]
 * @property {string} [description]  The <desc> read by screen readers; default: the figure's
 *   numbers in English words.
 */

/**
 * @param {Document} doc
 * @param {PlateletsByWeek} byWeek
 * @param {PlateletsByWeekOptions} [options]
 * @returns {SVGSVGElement}
 */
export function drawPlateletsByWeek(doc, byWeek, options = {}) {
  const {
    thresholds = [30, 100], scale = 'log', floor = 1, minPatients = 3, landmarkDay = null,
    window = null, showTitle = true, patientsRow = true, width = 720, height = 440, lang,
  } = options;
  if (scale !== 'log' && scale !== 'linear') throw new RangeError('scale must be log or linear');
  const labels = mergeLabels(PLATELETS_BY_WEEK_LABELS, options.labels);
  const log = scale === 'log';
  const plateletsTitle = labels.platelets
    || (log ? 'Platelets (G/L, log scale)' : 'Platelets (G/L)');
  const sparseLabel = labels.sparse.replace('{n}', String(minPatients));
  const num = (v) => localDecimals(tickText(v), lang);
  const colon = /^fr\b/i.test(lang ?? '') ? ' : ' : ': ';  // French puts a space before it
  const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

  // One entry per week with a median; drawn at the floor on a log axis when at or below it.
  const at = (v) => (log ? Math.max(v, floor) : Math.max(v, 0));  // the scale clamps the rest
  const weeks = (byWeek?.week ?? []).map((week, i) => ({
    week,
    patients: byWeek.patients?.[i] ?? 0,
    median: byWeek.median?.[i],
    q1: byWeek.q1?.[i],
    q3: byWeek.q3?.[i],
  })).filter((w) => isNum(w.week) && isNum(w.median)).sort((a, b) => a.week - b.week);
  const dense = weeks.filter((w) => w.patients >= minPatients && isNum(w.q1) && isNum(w.q3));

  const desc = options.description
    ?? describe(weeks, dense, thresholds, minPatients, byWeek?.quantile_type, lang);
  const svg = createFigure(doc, { width, height, title: labels.title, desc, lang,
    className: 'pbw-figure' });

  // Room on the left for the y axis, and for the row's label ("Patients") before its first cell.
  const left = Math.max(56, patientsRow ? textWidth(labels.patients) + 20 : 0);
  const right = 16 + textWidth(String(Math.max(...thresholds, 0)));
  const plotWidth = Math.max(60, width - left - right);

  let top = 10;
  if (showTitle) {
    addText(svg, labels.title, { x: left, y: top + TITLE_SIZE, size: TITLE_SIZE, weight: 'bold',
      className: 'pbw-title', maxWidth: width - left - 8 });
    top += TITLE_SIZE + 10;
  }
  const legendItems = [
    { label: labels.median, draw: (g) => {
      g.append('path').attr('d', 'M0,6H22').attr('stroke', LINE_COLOUR).attr('stroke-width', 2)
        .attr('fill', 'none');
      g.append('circle').attr('cx', 11).attr('cy', 6).attr('r', 2.5).attr('fill', LINE_COLOUR);
    } },
    { label: labels.iqr, draw: (g) => g.append('rect').attr('x', 0).attr('y', 1)
      .attr('width', 22).attr('height', 10).attr('fill', LINE_COLOUR).attr('fill-opacity', 0.2) },
  ];
  if (weeks.length > dense.length) {
    legendItems.push({ label: sparseLabel, draw: (g) => g.append('circle').attr('cx', 11)
      .attr('cy', 6).attr('r', 2.5).attr('fill', '#ffffff').attr('stroke', LINE_COLOUR)
      .attr('stroke-width', 1.2) });
  }
  const legendHeight = addLegend(svg.append('g').attr('transform', `translate(${left},${top})`),
    legendItems, plotWidth);
  top += legendHeight + 10;

  // ---- scales: weeks from 0 (D0) to the last week (or the landmark's window) -----------------
  const [windowFrom, windowTo] = Array.isArray(window) ? window : [];
  const markWeeks = [landmarkDay, windowFrom, windowTo].filter(isNum).map((d) => d / 7);
  const xMax = Math.max(1, max(weeks, (w) => w.week) ?? 0, ...markWeeks);
  const x = scaleLinear().domain([0, xMax]).range([0, plotWidth]).nice();
  const yTop = Math.max(log ? floor * 10 : 10, max(weeks, (w) => (isNum(w.q3) ? w.q3 : w.median))
    ?? 0, ...thresholds) * 1.15;
  // A log axis starts at the tick below the lowest value drawn (the floor at the lowest): the
  // medians of a cohort seldom go down to 1 G/L, and the room is the band's.
  const lowest = Math.min(min(weeks, (w) => (isNum(w.q1) ? Math.min(w.q1, w.median) : w.median))
    ?? floor, ...thresholds);
  const yBottom = log ? Math.max(floor, ...Y_TICKS.filter((v) => v <= Math.max(lowest, floor)))
    : 0;
  if (isNum(landmarkDay)) top += 12;  // the landmark's label above the panel
  const rowsBelow = patientsRow ? 2 : 0;
  const plotHeight = Math.max(60, height - top - 42 - rowsBelow * 14);
  const y = (log ? scaleLog() : scaleLinear()).domain([yBottom, yTop])
    .range([plotHeight, 0]).clamp(true);
  const plot = svg.append('g').attr('class', 'pbw-plot')
    .attr('transform', `translate(${left},${top})`);

  // ---- the landmark's window and mark, the thresholds ----------------------------------------
  if (isNum(windowFrom) && isNum(windowTo)) {
    plot.append('rect').attr('class', 'pbw-window')
      .attr('data-from', windowFrom).attr('data-to', windowTo)
      .attr('x', round(x(windowFrom / 7))).attr('y', 0)
      .attr('width', round(x(windowTo / 7) - x(windowFrom / 7)))
      .attr('height', round(plotHeight)).attr('fill', '#000000').attr('fill-opacity', 0.06);
  }
  if (isNum(landmarkDay)) {
    const mx = round(x(landmarkDay / 7));
    plot.append('path').attr('class', 'pbw-mark').attr('data-day', landmarkDay)
      .attr('d', `M${mx},0V${round(plotHeight)}`).attr('stroke', MUTED).attr('stroke-width', 1)
      .attr('stroke-dasharray', '3 3').attr('fill', 'none');
    addText(plot, labels.landmark, { x: mx, y: -6, anchor: 'middle', className: 'pbw-mark-label',
      fill: MUTED });
  }
  for (const value of thresholds) {
    const ty = round(y(value));
    plot.append('path').attr('class', 'pbw-threshold').attr('data-value', value)
      .attr('d', `M0,${ty}H${round(plotWidth)}`).attr('stroke', '#444444').attr('stroke-width', 1)
      .attr('stroke-dasharray', '6 3').attr('fill', 'none');
    addText(plot, num(value), { x: plotWidth + 4, y: ty, dy: '0.32em',
      className: 'pbw-threshold-label' });
  }

  // ---- axes ----------------------------------------------------------------------------------
  const xTicks = x.ticks(Math.max(2, Math.round(plotWidth / 70))).filter(Number.isInteger);
  plot.append('g').attr('class', 'pbw-axis-x')
    .attr('transform', `translate(0,${round(plotHeight)})`)
    .call(axisBottom(x).tickValues(xTicks).tickFormat(num));
  const yAxis = axisLeft(y).tickFormat(num);
  if (log) yAxis.tickValues(Y_TICKS.filter((v) => v >= yBottom && v <= yTop));
  plot.append('g').attr('class', 'pbw-axis-y').call(yAxis);
  addText(plot, labels.time, { x: plotWidth / 2, y: plotHeight + 34, anchor: 'middle',
    className: 'pbw-axis-title' });
  addVerticalTitle(plot, plateletsTitle, 16 - left, plotHeight / 2, 'pbw-axis-title');

  // ---- the number of patients of the week under each tick --------------------------------------
  if (patientsRow) {
    const rowY = plotHeight + 34 + 18;
    const row = plot.append('g').attr('class', 'pbw-patients-row');
    addText(row, labels.patients, { x: -12, y: rowY, anchor: 'end',
      className: 'pbw-patients-label', fill: MUTED });
    const byWeekNumber = new Map(weeks.map((w) => [w.week, w.patients]));
    for (const tick of xTicks) {
      addText(row, String(byWeekNumber.get(tick) ?? 0), { x: x(tick), y: rowY, anchor: 'middle',
        className: 'pbw-patients-cell' }).attr('data-week', tick);
    }
  }

  // ---- the IQR band and the median line over the weeks with enough patients ------------------
  const xOf = (w) => round(x(w.week));
  if (dense.length) {
    plot.append('path').attr('class', 'pbw-iqr')
      .attr('d', area().x(xOf).y0((w) => round(y(at(w.q1)))).y1((w) => round(y(at(w.q3))))(dense))
      .attr('fill', LINE_COLOUR).attr('fill-opacity', 0.2).attr('stroke', 'none');
    plot.append('path').attr('class', 'pbw-median')
      .attr('d', line().x(xOf).y((w) => round(y(at(w.median))))(dense))
      .attr('fill', 'none').attr('stroke', LINE_COLOUR).attr('stroke-width', 2);
  }
  for (const w of weeks) {
    const full = dense.includes(w);
    const g = plot.append('g').attr('class', `pbw-week ${full ? 'dense' : 'sparse'}`)
      .attr('data-week', w.week).attr('data-patients', w.patients).attr('data-median', w.median);
    // "Week 6: 35.5 [25.75–69.5] G/L, n = 24": the median [IQR] as the tables write them.
    const iqr = isNum(w.q1) && isNum(w.q3) ? ` [${num(w.q1)}–${num(w.q3)}]` : '';
    g.append('title').text(`${labels.week} ${num(w.week)}${colon}${num(w.median)}${iqr} G/L, `
      + `n = ${w.patients}`);
    g.append('circle').attr('class', 'pbw-point').attr('cx', xOf(w))
      .attr('cy', round(y(at(w.median)))).attr('r', full ? 2.5 : 2.2)
      .attr('fill', full ? LINE_COLOUR : '#ffffff').attr('stroke', LINE_COLOUR)
      .attr('stroke-width', full ? 1 : 1.2);
  }
  // Says that the drawing carries its title, so a report need not caption it again.
  if (showTitle) svg.attr('data-title-shown', 'true');
  return svg.node();
}

/** The figure in words for screen readers, in lang's language: its first and last weeks. */
function describe(weeks, dense, thresholds, minPatients, quantileType, lang) {
  if (weeks.length === 0) return t('desc.byWeek.none', lang);
  const num = (v) => localDecimals(tickText(v), lang);
  const sample = (w) => t('desc.byWeek.week', lang, { week: w.week, median: num(w.median) })
    + (typeof w.q1 === 'number' && typeof w.q3 === 'number'
      ? t('desc.byWeek.iqr', lang, { q1: num(w.q1), q3: num(w.q3) }) : '')
    + (w.patients === 1 ? t('desc.byWeek.onePatient', lang)
      : t('desc.byWeek.patients', lang, { n: w.patients }));
  return t('desc.byWeek', lang, {
    type: typeof quantileType === 'number'
      ? t('desc.byWeek.quantileType', lang, { type: quantileType }) : '',
    weeks: weeks.length, first: weeks[0].week, last: weeks.at(-1).week, dense: dense.length,
    min: minPatients, firstWeek: sample(weeks[0]), lastWeek: sample(weeks.at(-1)),
    thresholds: thresholds.map(num).join(` ${t('desc.and', lang)} `),
  });
}
