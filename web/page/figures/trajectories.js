// Platelet counts over time, one line per patient, from the cohort report's patients[]
// (docs/design.md §5): counts[] {day, platelets, credited, censored_below} coloured by the
// patient's category (CR, R, NR, NE, excluded). A log y axis in G/L (counts ≤ 0 drawn at a floor),
// counts not credited (after a subsequent treatment, or after rescue) drawn hollow, counts read as
// "below" a bound (<10) as a downward triangle at the bound, the response thresholds as horizontal
// lines, D0, week 6 and the landmark as vertical marks with the landmark's window shaded (from the
// report's criteria.landmark: day, window_from, window_to).
import { axisBottom, axisLeft, line, max, min, scaleLinear, scaleLog } from '../vendor/d3.js';
import { t, tOr } from '../i18n/index.js';
import {
  addLegend, addText, addVerticalTitle, categoryStyle, CATEGORY_ORDER, createFigure, daysPerUnit,
  lineSample, localDecimals, mergeLabels, MUTED, round, textWidth, tickText,
} from './common.js';

export const TRAJECTORY_LABELS = Object.freeze({
  title: 'Platelet counts per patient',
  platelets: 'Platelets (G/L, log scale)',
  /** Empty: "Days from D0" or "Weeks from D0", from timeUnit. */
  time: '',
  d0: 'D0',
  assessment: 'W6',
  landmark: 'Landmark',
  notCredited: 'not credited (hollow)',
  CR: 'CR',
  R: 'R',
  NR: 'NR',
  NE: 'NE',
  excluded: 'Excluded',
});

const Y_TICKS = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];

/**
 * @typedef {object} TrajectoryOptions
 * @property {'days'|'weeks'} [timeUnit]  Of the x axis (the counts' days are converted).
 *   Default 'days'.
 * @property {number[]} [thresholds]  Horizontal lines, in G/L. Default [30, 100].
 * @property {number} [floor]  Counts at or below it (0, a missing-as-zero) are drawn at it, as a
 *   log scale has no 0. Default 1.
 * @property {number|null} [assessmentDay]  Where response assessment starts (week 6). Default 42.
 * @property {number|null} [landmarkDay]  A vertical mark there (criteria.landmark.day).
 *   Default none.
 * @property {[number, number]|null} [window]  The landmark's window, shaded:
 *   [criteria.landmark.window_from, criteria.landmark.window_to]. Default none.
 *   shaded. Default none.
 * @property {number} [width]   Default 720.
 * @property {number} [height]  Default 420.
 * @property {string} [lang]  'en' or 'fr': the SVG's lang attribute and the decimal mark of
 *   its numbers (0,2 and p = 0,065 in French); the words come from labels.
 * @property {Partial<typeof TRAJECTORY_LABELS>} [labels]
 * @property {string} [description]  The <desc> read by screen readers; default: the figure's
 *   numbers in English words (a page in another language passes its own).
 */

/**
 * @param {Document} doc
 * @param {{patient_id: string, category: string, counts?: {day: number, platelets: number|null,
 *   credited?: boolean, censored_below?: boolean}[]}[]} patients
 * @param {TrajectoryOptions} [options]
 * @returns {SVGSVGElement}
 */
export function drawPlateletTrajectories(doc, patients, options = {}) {
  const {
    timeUnit = 'days', thresholds = [30, 100], floor = 1, assessmentDay = 42, landmarkDay = null,
    window = null,
    width = 720, height = 420, lang,
  } = options;
  if (timeUnit === 'months') throw new RangeError('timeUnit must be days or weeks');
  const per = daysPerUnit(timeUnit);
  const labels = mergeLabels(TRAJECTORY_LABELS, options.labels);
  const timeTitle = labels.time || (timeUnit === 'weeks' ? 'Weeks from D0' : 'Days from D0');

  const series = patients.map((p, index) => ({
    index,
    id: String(p.patient_id),
    category: p.category,
    counts: (p.counts ?? [])
      .filter((c) => typeof c.day === 'number' && typeof c.platelets === 'number')
      .map((c) => ({ ...c, value: Math.max(c.platelets, floor) }))
      .sort((a, b) => a.day - b.day),
  })).filter((s) => s.counts.length);
  // Drawn in category order, so the responders' lines lie above the others.
  const rank = (c) => (CATEGORY_ORDER.includes(c) ? CATEGORY_ORDER.indexOf(c)
    : CATEGORY_ORDER.length);
  series.sort((a, b) => rank(b.category) - rank(a.category));

  // d3's min and max rather than Math.min(...all): a large cohort's counts would overflow the
  // argument list.
  const counts = series.flatMap((s) => s.counts);
  const [windowFrom, windowTo] = Array.isArray(window) ? window : [];
  const marks = [0, 1, assessmentDay, landmarkDay, windowFrom, windowTo]
    .filter((d) => typeof d === 'number');
  const xMin = Math.min(min(counts, (c) => c.day) ?? 0, ...marks) / per;
  const xMax = Math.max(max(counts, (c) => c.day) ?? 0, ...marks) / per;
  const yMax = Math.max(floor * 10, max(counts, (c) => c.value) ?? 0, ...thresholds) * 1.15;

  const categories = CATEGORY_ORDER.filter((c) => series.some((s) => s.category === c))
    .concat([...new Set(series.map((s) => s.category))].filter((c) => !CATEGORY_ORDER.includes(c)));
  const desc = options.description ?? describe(series, categories, thresholds, floor, lang);
  const svg = createFigure(doc, { width, height, title: labels.title, desc, lang,
    className: 'trajectory-figure' });

  const left = 56;
  const right = 16 + textWidth(String(Math.max(...thresholds, 0)));
  const plotWidth = Math.max(60, width - left - right);
  const legendItems = categories.map((c) => {
    const { colour, dash } = categoryStyle(c);
    const n = series.filter((s) => s.category === c).length;
    return { label: `${labels[c] ?? c} (${n})`, draw: (g) => lineSample(g, colour, dash, 1.5) };
  });
  legendItems.push({ label: labels.notCredited, draw: (g) => g.append('circle')
    .attr('cx', 11).attr('cy', 6).attr('r', 3).attr('fill', '#ffffff').attr('stroke', MUTED)
    .attr('stroke-width', 1.2) });
  const legendHeight = addLegend(svg.append('g').attr('transform', `translate(${left},10)`),
    legendItems, plotWidth);

  // Rounded up at the end only: rounding the start down would show days before any count.
  const x = scaleLinear().domain([xMin, xMax]).range([0, plotWidth]).nice();
  x.domain([xMin, x.domain()[1]]);
  // The marks' labels (D0, W6, the landmark) above the panel; labels that would overlap on a long
  // axis go on rows upwards.
  const verticals = [[0, labels.d0], [assessmentDay, labels.assessment],
    [landmarkDay, labels.landmark]].filter(([d]) => typeof d === 'number')
    .map(([day, label]) => ({ day, label, at: round(x(day / per)) }));
  const rowsEnd = [];
  for (const v of verticals) {
    const half = textWidth(v.label) / 2;
    v.row = rowsEnd.findIndex((end) => v.at - half > end + 4);
    if (v.row < 0) v.row = rowsEnd.length;
    rowsEnd[v.row] = v.at + half;
  }
  const top = 10 + legendHeight + 10 + 12 * rowsEnd.length + 4;
  const plotHeight = Math.max(60, height - top - 42);
  const y = scaleLog().domain([floor, yMax]).range([plotHeight, 0]).clamp(true);
  const plot = svg.append('g').attr('class', 'trajectory-plot')
    .attr('transform', `translate(${left},${top})`);

  // ---- the landmark's window, the vertical marks, the thresholds ----------------------------
  if (typeof windowFrom === 'number' && typeof windowTo === 'number') {
    plot.append('rect').attr('class', 'trajectory-window')
      .attr('data-from', windowFrom).attr('data-to', windowTo)
      .attr('x', round(x(windowFrom / per))).attr('y', 0)
      .attr('width', round(x(windowTo / per) - x(windowFrom / per)))
      .attr('height', round(plotHeight)).attr('fill', '#000000').attr('fill-opacity', 0.06);
  }
  for (const { day, label, at, row } of verticals) {
    plot.append('path').attr('class', 'trajectory-mark').attr('data-day', day)
      .attr('d', `M${at},0V${round(plotHeight)}`).attr('stroke', MUTED).attr('stroke-width', 1)
      .attr('stroke-dasharray', '3 3').attr('fill', 'none');
    addText(plot, label, { x: at, y: -6 - 12 * row, anchor: 'middle',
      className: 'trajectory-mark-label', fill: MUTED });
  }
  for (const value of thresholds) {
    const at = round(y(value));
    plot.append('path').attr('class', 'trajectory-threshold').attr('data-value', value)
      .attr('d', `M0,${at}H${round(plotWidth)}`).attr('stroke', '#444444').attr('stroke-width', 1)
      .attr('stroke-dasharray', '6 3').attr('fill', 'none');
    addText(plot, localDecimals(tickText(value), lang), { x: plotWidth + 4, y: at, dy: '0.32em',
      className: 'trajectory-threshold-label' });
  }

  // ---- axes ----------------------------------------------------------------------------------
  plot.append('g').attr('class', 'trajectory-axis-x')
    .attr('transform', `translate(0,${round(plotHeight)})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.round(plotWidth / 70)))
      .tickFormat((v) => localDecimals(tickText(v), lang)));
  plot.append('g').attr('class', 'trajectory-axis-y')
    .call(axisLeft(y).tickValues(Y_TICKS.filter((v) => v >= floor && v <= yMax))
      .tickFormat((v) => localDecimals(tickText(v), lang)));
  addText(plot, timeTitle, { x: plotWidth / 2, y: plotHeight + 34, anchor: 'middle',
    className: 'trajectory-axis-title' });
  addVerticalTitle(plot, labels.platelets, 16 - left, plotHeight / 2, 'trajectory-axis-title');

  // ---- one line per patient, its counts as points ----------------------------------------
  const path = line().x((c) => round(x(c.day / per))).y((c) => round(y(c.value)));
  for (const s of series) {
    const { colour, dash } = categoryStyle(s.category);
    // Attributes hold only numbers and the core's codes; the id, from the user's file, is text.
    const g = plot.append('g').attr('class', 'trajectory-patient')
      .attr('data-index', s.index).attr('data-category', s.category);
    g.append('title').text(`${s.id}: ${labels[s.category] ?? s.category}`);
    const l = g.append('path').attr('class', 'trajectory-line').attr('d', path(s.counts))
      .attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 1.3)
      .attr('stroke-opacity', 0.85);
    if (dash) l.attr('stroke-dasharray', dash);
    for (const c of s.counts) {
      const cx = round(x(c.day / per));
      const cy = round(y(c.value));
      const credited = c.credited !== false;
      const point = c.censored_below
        ? g.append('path').attr('d', `M${round(cx - 3.5)},${round(cy - 2.5)}h7l-3.5,6z`)
        : g.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 2.5);
      point.attr('class', `trajectory-point ${credited ? 'credited' : 'not-credited'}`)
        .attr('data-day', c.day).attr('data-platelets', c.platelets)
        .attr('fill', credited ? colour : '#ffffff').attr('stroke', colour).attr('stroke-width', 1);
    }
  }
  return svg.node();
}

/** The figure in words for screen readers, in lang's language. */
function describe(series, categories, thresholds, floor, lang) {
  const counts = series.reduce((n, s) => n + s.counts.length, 0);
  const colon = t('desc.colon', lang);
  const byCategory = categories.map((c) => `${tOr(`category.${c}`, lang, c)}${colon}`
    + `${series.filter((s) => s.category === c).length}`).join(', ');
  return t('desc.trajectories', lang, { patients: series.length, counts, categories: byCategory,
    thresholds: thresholds.map((v) => localDecimals(String(v), lang))
      .join(` ${t('desc.and', lang)} `),
    floor: localDecimals(String(floor), lang) });
}
